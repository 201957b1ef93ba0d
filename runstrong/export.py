"""Write the whole database as JSON or CSV: atomically, and never as spreadsheet formulas.

The CSV columns are documented in docs/export.md.
"""

from __future__ import annotations

import csv
import json
import os
import re
import stat
import sys
import tempfile
from datetime import datetime
from pathlib import Path
from typing import Any

from runstrong.core.text import printable
from runstrong.errors import FileError, UsageError
from runstrong.store import Store
from runstrong.store.problems import os_reason

CSV_COLUMNS = (
    "session_id", "date", "program", "day", "exercise", "exercise_id", "set", "side",
    "target_reps", "reps", "load_kg", "target_hold_s", "hold_s", "done_at", "notes",
    "set_type", "rpe", "set_note",
)
# What Excel, LibreOffice and Google Sheets treat as the start of a formula (OWASP's list).
_FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
# A plain decimal number: "-3" or "-2.5" may keep its minus; "-inf", "-1+1" or "-A1" may not.
_NEGATIVE_NUMBER = re.compile(r"-\d+(\.\d+)?")


def inert(value: Any) -> Any:
    """Neutralise text a spreadsheet would run as a formula; numbers pass through untouched.

    A leading apostrophe is what spreadsheets themselves use to say "this is text".
    """
    if not isinstance(value, str) or not value.startswith(_FORMULA_STARTS):
        return value
    if _NEGATIVE_NUMBER.fullmatch(value):
        return value
    return "'" + value


UTF8_BOM = "\ufeff"
"""Starts every CSV export: without it Excel reads the file in the system's legacy code page and
garbles non-ASCII names ("Copenhagen plank – long"); LibreOffice, Sheets and Python's csv module
(encoding="utf-8-sig") read it as UTF-8 either way."""


class _Lines(list[str]):
    """What csv.writer writes to: one string per row, terminator included."""

    write = list.append


_BREAKS = re.compile(r"(\r\n|\r|\n)")


def _cell(value: Any) -> Any:
    """A CSV cell: blank for none; text without control or escape characters (a CSV printed to
    a terminal must not retitle or recolour it; line breaks stay, quoted) and never a formula."""
    if value is None:
        return ""
    if isinstance(value, str):
        # Line breaks are kept exactly as stored (the cell is quoted); the rest is cleaned.
        value = "".join(part if part in ("\r\n", "\r", "\n") else printable(part) for part in _BREAKS.split(value))
    return inert(value)


def csv_text(payload: dict[str, Any]) -> str:
    """One row per done set, in CSV_COLUMNS order, after a byte-order mark (UTF8_BOM); times
    ISO 8601, loads in kg, blanks for none.

    Rows end in "\n". A field holding a carriage return or a line feed is quoted: a spreadsheet
    ends a row at a bare CR, so an unquoted note "x\r=1+2" would put a formula at the start of a
    line of its own. (csv quotes only what holds the line terminator's characters, hence "\r\n"
    while writing, cut back to "\n" after.)
    """
    lines = _Lines()
    writer = csv.writer(lines, lineterminator="\r\n")
    writer.writerow(CSV_COLUMNS)
    for session in payload["sessions"]:
        for logged in session["sets"]:
            row = {
                "session_id": session["id"],
                "date": session["date"],
                "program": session["program"],
                "day": session["day"],
                "notes": session["notes"],
                **logged,
                "set_note": logged["note"],
            }
            writer.writerow([_cell(row[col]) for col in CSV_COLUMNS])
    return UTF8_BOM + "".join(line[:-2] + "\n" for line in lines)


def render(store: Store, fmt: str, now: datetime) -> str:
    payload = store.export_json(now)
    if fmt == "csv":
        return csv_text(payload)
    return json.dumps(payload, indent=2, ensure_ascii=False) + "\n"


def write_atomically(path: Path, text: str) -> None:
    """Temporary file in the same folder, fsync, then rename: a reader never sees half a file."""
    fd, temp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="") as handle:
            handle.write(text)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(temp, path)
    except BaseException:
        Path(temp).unlink(missing_ok=True)
        raise


def check_output(output: Path | None, force: bool, command: str = "export") -> None:
    """UsageError (exit 2) for an -o the user should change: a folder, a file there already
    without --force, anything but a regular file even with --force (a FIFO or a device would be
    swapped for a file, or a symlink for a copy), or a folder that does not exist. FileError
    (exit 1) when the path cannot even be looked at (too long, a folder we may not enter)."""
    if output is None:
        return
    try:
        found = output.lstat()
    except FileNotFoundError:
        found = None
    except OSError as error:
        raise FileError(f"{command}: cannot write {output}: {os_reason(error)}") from None
    if found is not None:
        if stat.S_ISDIR(found.st_mode):
            raise UsageError(f"runstrong {command}: {output} is a folder; give a file name")
        if not force:
            raise UsageError(f"runstrong {command}: {output} already exists; add --force to overwrite it")
        if not stat.S_ISREG(found.st_mode):
            raise UsageError(
                f"runstrong {command}: {output} is not a regular file (a pipe, device, socket or link); "
                "--force only replaces regular files"
            )
    if not output.parent.is_dir():
        raise UsageError(f"runstrong {command}: folder {output.parent} does not exist")


def write_export(store: Store, fmt: str, output: Path | None, force: bool, now: datetime) -> None:
    """Print the export, or write it to `output` (which must not exist unless `force`) as a
    private (0600) file. UsageError for a wrong -o (see `check_output`), FileError when the
    write itself fails (disk full, folder not writable)."""
    check_output(output, force)
    text = render(store, fmt, now)
    if output is None:
        # As bytes: the export is UTF-8 whatever the terminal's locale says.
        sys.stdout.flush()
        sys.stdout.buffer.write(text.encode("utf-8"))
        sys.stdout.buffer.flush()
        return
    try:
        write_atomically(output, text)
    except OSError as error:
        raise FileError(f"export: cannot write {output}: {os_reason(error)}") from None
