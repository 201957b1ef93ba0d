"""Read a CSV export as (line number, fields) rows under a named header, the way spreadsheets
leave them: BOM, CRLF, quoted newlines, either delimiter. Refuses truncated rows by line."""

from __future__ import annotations

import csv
import io
from collections.abc import Iterator
from dataclasses import dataclass

from runstrong.importers.records import ImportFileError


def header_names(line: str) -> list[str]:
    """The column names of a header line, quoted or not, comma- or semicolon-separated."""
    delimiter = ";" if line.count(";") > line.count(",") else ","
    row = next(csv.reader([line], delimiter=delimiter), [])
    return [name.strip() for name in row]


def column_key(name: str) -> str:
    """How columns are looked up: lower case, single spaces ('Weight (kg)' -> 'weight (kg)')."""
    return " ".join(name.lower().split())


@dataclass
class CsvTable:
    """A parsed CSV export: `columns` maps column_key(name) to its index; `rows()` yields
    (first physical line of the row, fields) for every non-blank row after the header."""

    path: str
    text: str
    delimiter: str
    names: list[str]
    columns: dict[str, int]

    @classmethod
    def parse(cls, text: str, path: str) -> CsvTable:
        first = text.split("\n", 1)[0].rstrip("\r")
        delimiter = ";" if first.count(";") > first.count(",") else ","
        names = header_names(first)
        return cls(path, text, delimiter, names, {column_key(n): i for i, n in enumerate(names)})

    def index(self, *keys: str) -> int | None:
        """The index of the first of `keys` present in the header, else None."""
        for key in keys:
            if key in self.columns:
                return self.columns[key]
        return None

    def rows(self, *, allow_extra: bool = False) -> Iterator[tuple[int, list[str]]]:
        """Rows after the header. Fewer fields than the header: a truncated row, refused. More:
        refused unless `allow_extra` (FitNotes repairs unquoted commas itself)."""
        reader = csv.reader(io.StringIO(self.text, newline=""), delimiter=self.delimiter, strict=True)
        width = len(self.names)
        try:
            next(reader, None)
            while True:
                line = reader.line_num + 1
                fields = next(reader, None)
                if fields is None:
                    return
                if not fields or (len(fields) == 1 and not fields[0].strip()):
                    continue
                if len(fields) < width:
                    raise ImportFileError(
                        self.path, line, f"truncated row: {len(fields)} fields where the header has {width}"
                    )
                if len(fields) > width and not allow_extra:
                    raise ImportFileError(
                        self.path, line, f"{len(fields)} fields where the header has {width}"
                    )
                yield line, fields
        except csv.Error as error:
            raise ImportFileError(self.path, reader.line_num, f"not readable as CSV ({error})") from None
