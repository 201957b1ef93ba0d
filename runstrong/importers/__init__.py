"""Importers: one module per source format, each bytes in -> plain records out (no SQL, no
Textual), in beangulp's shape: `identify(header) -> bool` says whether a file looks like the
format's, `extract(text, path, unit, tz) -> ImportBatch` parses it. `read_import_file()` is the
driver: it reads and decodes the file, recognises the format from its first line (or takes
`fmt`), and returns the batch, or raises ImportFileError (`FILE:LINE: reason`).
"""

from __future__ import annotations

from datetime import tzinfo
from pathlib import Path
from typing import Protocol

from runstrong.importers.fitnotes import FitNotesImporter
from runstrong.importers.hevy import HevyImporter
from runstrong.importers.records import ImportBatch, ImportFileError
from runstrong.importers.runstrong_json import RunstrongJsonImporter
from runstrong.importers.strong import StrongImporter


class Importer(Protocol):
    name: str
    title: str

    def identify(self, header: str) -> bool: ...

    def extract(self, text: str, path: str, unit: str | None, tz: tzinfo | None = None) -> ImportBatch: ...


IMPORTERS: dict[str, Importer] = {
    importer.name: importer
    for importer in (RunstrongJsonImporter(), StrongImporter(), HevyImporter(), FitNotesImporter())
}
FORMATS = tuple(IMPORTERS)

# What other files people pick by mistake, recognised by their first bytes.
_MAGIC = (
    (b"PK\x03\x04", "a zip file or an Excel/Numbers workbook: save it as CSV first"),
    (b"SQLite format 3\x00", "a SQLite database: run `runstrong export` on that machine and import the JSON"),
    (b"%PDF", "a PDF"),
    (b"\xd0\xcf\x11\xe0", "an old Excel workbook: save it as CSV first"),
)


def decode(data: bytes, path: str) -> str:
    """The text of an export: UTF-8 (a spreadsheet's BOM removed), else Windows-1252, which is
    what Excel on Windows saves as "CSV". Binary and empty files are refused."""
    for magic, what in _MAGIC:
        if data.startswith(magic):
            raise ImportFileError(path, 1, f"not a text file: this is {what}")
    if b"\x00" in data[:65536]:
        line = data[: data.index(b"\x00")].count(b"\n") + 1
        raise ImportFileError(path, line, "not a text file (binary data)")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        try:
            text = data.decode("cp1252")
        except UnicodeDecodeError:
            line = data[: error.start].count(b"\n") + 1
            raise ImportFileError(path, line, "not UTF-8 text (nor Windows-1252)") from None
    if not text.strip():
        raise ImportFileError(path, 1, "empty file")
    return text


HEADER_LIMIT = 4096
"""No export's header is longer; a one-line JSON file is not split in full just to look at it."""


def first_line(text: str) -> str:
    """The header: the first line (at most HEADER_LIMIT characters), without its line end."""
    return text[:HEADER_LIMIT].split("\n", 1)[0].rstrip("\r")


def choose_importer(header: str, path: str, fmt: str | None = None) -> Importer:
    """The importer named by `fmt`, else the first whose identify() accepts the header;
    ImportFileError quoting the header and listing the known formats when none does."""
    if fmt is not None:
        return IMPORTERS[fmt]
    for importer in IMPORTERS.values():
        if importer.identify(header):
            return importer
    shown = header if len(header) <= 200 else header[:200] + "…"
    known = "; ".join(importer.title for importer in IMPORTERS.values())
    raise ImportFileError(path, 1, f"unknown header {shown!r}; known formats: {known}")


def extract_text(text: str, path: str, fmt: str | None = None, unit: str | None = None,
                 tz: tzinfo | None = None) -> ImportBatch:
    """Parse already-decoded text (see read_import_file)."""
    importer = choose_importer(first_line(text), path, fmt)
    return importer.extract(text, path, unit, tz)


def read_import_file(path: Path | str, fmt: str | None = None, unit: str | None = None,
                     tz: tzinfo | None = None) -> ImportBatch:
    """Read, decode, recognise and parse one export file. `unit` ('kg'/'lb') is for files that
    state none; `tz` places local times (None: this machine's zone). ImportFileError if refused."""
    name = str(path)
    try:
        data = Path(path).read_bytes()
    except IsADirectoryError:
        raise ImportFileError(name, 1, "is a folder, not a file") from None
    except OSError as error:
        raise ImportFileError(name, 1, f"cannot read ({error.strerror or error})") from None
    return extract_text(decode(data, name), name, fmt, unit, tz)


__all__ = ["FORMATS", "IMPORTERS", "ImportBatch", "ImportFileError", "read_import_file", "extract_text", "decode"]
