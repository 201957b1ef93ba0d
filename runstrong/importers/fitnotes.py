"""FitNotes' CSV export (Android; one row per set, a session is a date):

- `Date,Exercise,Category,Weight,Weight Unit,Reps,Distance,Distance Unit,Time` with `kgs`/`lbs`
  per row, sometimes a trailing `Comment` column;
- the older `Date,Exercise,Category,Weight (kgs)|Weight (lbs),Reps,Distance,Distance Unit,Time`.

`Time` is `H:MM:SS`. FitNotes does not quote exercise names, so "Deadlift, Romanian" makes a row
one field too long: the row is repaired (the split name joined again), never dropped.
"""

from __future__ import annotations

from datetime import datetime, time, tzinfo
from decimal import Decimal

from runstrong.importers.aliases import ExerciseMatcher
from runstrong.importers.assemble import SessionAssembler
from runstrong.importers.csv_table import CsvImporter, CsvTable
from runstrong.importers.records import ImportBatch, ImportedSession, ImportFileError, RowNote, content_uid
from runstrong.importers.values import (
    distance_note,
    duration_seconds,
    SkipRow,
    hold_value,
    instant,
    is_cardio,
    joined_note,
    load_kg,
    local_date,
    parse_decimal,
    reps_value,
    skipped_row,
    weight_unit,
)

SOURCE = "fitnotes"
# FitNotes keeps no time of day. Noon local time keeps the session on its own date in every
# time zone within 11 hours of the runner's (ours).
SESSION_TIME = time(12, 0)


class FitNotesImporter(CsvImporter):
    """FitNotes CSV (both header generations) -> ImportBatch."""

    name = SOURCE
    title = "FitNotes CSV (Date,Exercise,Category,Weight,Weight Unit,Reps,Distance,Distance Unit,Time)"

    REQUIRED_KEYS = frozenset({"date", "exercise", "category", "reps"})

    def extract(self, text: str, path: str, unit: str | None, tz: tzinfo | None = None) -> ImportBatch:
        """Every set of the file, one session per date."""
        table = CsvTable.parse(text, path)
        cols = _Columns(table, unit)
        batch = ImportBatch(format=SOURCE, unit=cols.header_unit, path=path)
        units_seen: set[str] = set()
        assembler = SessionAssembler(block_notes=False)  # Comment is per set
        for line, raw in table.rows(allow_extra=True):
            f = cols.repaired(raw, line) if len(raw) > len(table.names) else raw
            where = (path, line)
            day = local_date(f[cols.date], where)
            exercise = f[cols.exercise].strip()
            if not exercise:
                raise ImportFileError(path, line, "no exercise name")
            values = cols.numbers(f, line)
            row_unit, weight, reps, distance, seconds = values
            category = f[cols.category].strip()
            if category.lower() == "cardio" or is_cardio(distance, weight, ExerciseMatcher.is_running(exercise)):
                batch.not_imported.append(RowNote(line, f"cardio: {exercise}"))
                continue
            kg, assisted = load_kg(weight, row_unit, where)
            try:
                hold = hold_value(None if seconds is None else Decimal(seconds), where)
            except SkipRow as skip:
                batch.skipped.append(skipped_row(line, exercise, skip))
                continue
            reps = reps_value(reps, where)
            if reps is None and hold is None and kg is None and not assisted:
                batch.skipped.append(RowNote(line, f"empty set ({exercise}): no reps, weight or time"))
                continue
            if kg is not None:
                units_seen.add(row_unit)
            moment = datetime.combine(day, SESSION_TIME)
            key = day

            def make() -> ImportedSession:
                return ImportedSession(
                    uid=content_uid(SOURCE, day.isoformat()),
                    started_at=instant(moment, tz),
                    date=day.isoformat(),
                    name="",
                    source=SOURCE,
                    line=line,
                    program="FitNotes",
                    day="Workout",
                )

            assembler.session(key, moment, make)
            note = f[cols.comment].strip() if cols.comment is not None and cols.comment < len(f) else ""
            assembler.add_set(
                key, exercise, "set", line=line, reps=reps, load_kg=kg, hold_s=hold,
                note=joined_note(note, assisted, distance_note(distance, cols.distance_unit(f))),
            )
        batch.sessions = assembler.sessions()
        if batch.unit is None:
            batch.unit = "+".join(sorted(units_seen)) or unit
        return batch


class _Columns:
    """Where each FitNotes field is, and how a too-long row is put right."""

    def __init__(self, table: CsvTable, unit: str | None) -> None:
        self.path = table.path
        self.width = len(table.names)
        for key in ("date", "exercise", "category", "reps"):
            if key not in table.columns:
                raise ImportFileError(table.path, 1, f"FitNotes export without a {key!r} column")
        self.date = table.columns["date"]
        self.exercise = table.columns["exercise"]
        self.category = table.columns["category"]
        self.reps = table.columns["reps"]
        self.weight = table.index("weight", "weight (kgs)", "weight (lbs)", "weight (kg)", "weight (lb)")
        self.unit_col = table.index("weight unit")
        self.distance = table.index("distance")
        self.distance_unit_col = table.index("distance unit")
        self.time = table.index("time")
        self.comment = table.index("comment")
        self.header_unit: str | None = None
        if "weight (lbs)" in table.columns or "weight (lb)" in table.columns:
            self.header_unit = "lb"
        elif "weight (kgs)" in table.columns or "weight (kg)" in table.columns:
            self.header_unit = "kg"
        self.fallback_unit = unit
        # Free-text columns an unquoted comma can split, most likely first.
        self.text_columns = [c for c in (self.exercise, self.category, self.comment) if c is not None]

    def distance_unit(self, fields: list[str]) -> str:
        """The row's `Distance Unit` (km, mi, m), '' when the layout has none."""
        return fields[self.distance_unit_col].strip() if self.distance_unit_col is not None else ""

    def numbers(self, f: list[str], line: int) -> tuple[str, Decimal | None, Decimal | None, Decimal | None, int | None]:
        """(unit, weight, reps, distance, seconds) of a row; ImportFileError when one is bad."""
        where = (self.path, line)
        if self.header_unit is not None:
            unit = self.header_unit
        elif self.unit_col is not None and f[self.unit_col].strip():
            unit = weight_unit(f[self.unit_col], where)
        elif self.fallback_unit is not None:
            unit = self.fallback_unit
        else:
            unit = "kg"
        weight = parse_decimal(f[self.weight], "weight", where) if self.weight is not None else None
        if weight and self.header_unit is None and self.unit_col is not None and not f[self.unit_col].strip() and self.fallback_unit is None:
            raise ImportFileError(self.path, line, "weight without a unit: run again with --unit kg or --unit lb")
        reps = parse_decimal(f[self.reps], "reps", where)
        distance = parse_decimal(f[self.distance], "distance", where) if self.distance is not None else None
        seconds = duration_seconds(f[self.time], "time", where) if self.time is not None else None
        return unit, weight, reps, distance, seconds

    def repaired(self, fields: list[str], line: int) -> list[str]:
        """Join the pieces an unquoted comma split, in the first free-text column where the
        row then reads cleanly (numbers where numbers belong)."""
        extra = len(fields) - self.width
        for column in self.text_columns:
            candidate = fields[:column] + [",".join(fields[column : column + extra + 1])] + fields[column + extra + 1 :]
            try:
                local_date(candidate[self.date], (self.path, line))
                self.numbers(candidate, line)
            except ImportFileError:
                continue
            return candidate
        raise ImportFileError(
            self.path, line, f"{len(fields)} fields where the header has {self.width}, and no unquoted comma explains it"
        )
