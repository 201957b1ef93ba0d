"""Strong's CSV export (one row per set), in every layout still found in the wild:

- comma-separated `Date,Workout Name,Duration,Exercise Name,Set Order,Weight,Reps,Distance,
  Seconds,Notes,Workout Notes,RPE`: no unit anywhere, so the runner must say it (--unit);
- semicolon-separated with a `Weight Unit` (and `Distance Unit`) column per row, older ones
  without RPE or duration, some newest first, decimal commas from comma-decimal locales;
- the newest: every field quoted, a `Workout #` column, units in the header (`Weight (kg)`,
  `Duration (sec)`, `Distance (meters)`).

`Set Order` is a number, W (warm-up), D (drop set), F (failure), or a `Rest Timer` / `Note`
pseudo-row that is not a set (skipped and counted). Durations of hundreds of hours mean a
workout left open: the start is kept, the end dropped.
"""

from __future__ import annotations

import re
from datetime import datetime, tzinfo

from runstrong.importers.aliases import ExerciseMatcher
from runstrong.importers.assemble import SessionAssembler
from runstrong.importers.csv_table import CsvImporter, CsvTable
from runstrong.importers.records import ImportBatch, ImportedSession, ImportFileError, RowNote, content_uid
from runstrong.importers.values import (
    believable_end,
    distance_note,
    duration_seconds,
    SkipRow,
    hold_value,
    instant,
    is_cardio,
    joined_note,
    load_kg,
    local_datetime,
    parse_decimal,
    reps_value,
    rpe_value,
    skipped_row,
    weight_unit,
)

SOURCE = "strong"
SET_LETTERS = {"w": "warmup", "d": "drop", "f": "failure"}
PSEUDO_ROWS = {"rest timer": "rest timer", "note": "note row"}
_HEADER_UNIT = re.compile(r"^weight \((kgs?|lbs?)\)$")


class StrongImporter(CsvImporter):
    """Strong CSV (any layout) -> ImportBatch."""

    name = SOURCE
    title = "Strong CSV (Date,Workout Name,...,Exercise Name,Set Order,Weight,Reps,...)"
    REQUIRED_KEYS = frozenset({"date", "exercise name", "set order"})

    def extract(self, text: str, path: str, unit: str | None, tz: tzinfo | None = None) -> ImportBatch:
        """Every set of the file; ImportFileError (FILE:LINE: reason) at the first bad row.

        `unit` ('kg'/'lb') is needed only by the layout that states none; a unit the file
        states wins. Times are local wall-clock times, placed in `tz` (None: this machine's zone).
        """
        table = CsvTable.parse(text, path)
        col = _Columns(table)
        header_unit = col.header_unit
        if header_unit is None and col.weight_unit is None and unit is None:
            raise ImportFileError(
                path, 1, "this Strong export does not say whether weights are kg or lb: "
                "run again with --unit kg or --unit lb"
            )
        decimal_comma = table.delimiter == ";"
        stated_per_row = header_unit is None and col.weight_unit is not None
        batch = ImportBatch(format=SOURCE, unit=None if stated_per_row else header_unit or unit, path=path)
        units_seen: set[str] = set()
        assembler = SessionAssembler(block_notes=True)  # Notes: per exercise
        matcher_running = ExerciseMatcher.is_running
        starts: dict[str, tuple[datetime, str]] = {}
        for line, f in table.rows():
            where = (path, line)
            label = f[col.set_order].strip()
            pseudo = PSEUDO_ROWS.get(label.lower())
            if pseudo is not None:
                batch.skipped.append(RowNote(line, pseudo))
                continue
            numbered = label.isascii() and label.isdigit()  # "²".isdigit() is true, int("²") fails
            set_type = "normal" if numbered else SET_LETTERS.get(label.lower())
            if set_type is None:
                raise ImportFileError(path, line, f"unknown Set Order {label!r} (expected a number, W, D, F, Rest Timer or Note)")
            exercise = f[col.exercise].strip()
            if not exercise:
                raise ImportFileError(path, line, "no exercise name")
            date_text = f[col.date].strip()
            if date_text not in starts:
                moment = local_datetime(date_text, where)
                starts[date_text] = (moment, instant(moment, tz))
            moment, started_at = starts[date_text]
            workout = f[col.workout].strip() if col.workout is not None else ""
            workout_no = f[col.workout_no].strip() if col.workout_no is not None else ""
            key = (workout_no, date_text, workout)

            row_unit = header_unit
            if row_unit is None and col.weight_unit is not None and f[col.weight_unit].strip():
                row_unit = weight_unit(f[col.weight_unit], where)
            row_unit = row_unit or unit
            weight = parse_decimal(f[col.weight], "weight", where, decimal_comma=decimal_comma) if col.weight is not None else None
            if weight and row_unit is None:
                raise ImportFileError(path, line, "weight without a unit: run again with --unit kg or --unit lb")
            reps = reps_value(parse_decimal(f[col.reps], "reps", where, decimal_comma=decimal_comma), where)
            try:
                seconds = hold_value(parse_decimal(f[col.seconds], "seconds", where, decimal_comma=decimal_comma), where) if col.seconds is not None else None
            except SkipRow as skip:
                batch.skipped.append(skipped_row(line, exercise, skip))
                continue
            distance = parse_decimal(f[col.distance], "distance", where, decimal_comma=decimal_comma) if col.distance is not None else None
            rpe = rpe_value(parse_decimal(f[col.rpe], "RPE", where, decimal_comma=decimal_comma), where) if col.rpe is not None else None

            if is_cardio(distance, weight, matcher_running(exercise)):
                batch.not_imported.append(RowNote(line, f"running: {exercise}"))
                continue
            kg, assisted = load_kg(weight, row_unit or "kg", where)
            if reps is None and seconds is None and kg is None and not assisted:
                batch.skipped.append(RowNote(line, f"empty set ({exercise}): no reps, weight or time"))
                continue
            if kg is not None and row_unit:
                units_seen.add(row_unit)

            def make() -> ImportedSession:
                end = believable_end(moment, duration_seconds(f[col.duration], "duration", where)) if col.duration is not None else None
                notes = f[col.workout_notes].strip() if col.workout_notes is not None else ""
                return ImportedSession(
                    uid=content_uid(SOURCE, moment.isoformat(), workout),
                    started_at=started_at,
                    date=moment.date().isoformat(),
                    finished_at=instant(end, tz) if end else None,
                    name=workout,
                    notes=notes,
                    source=SOURCE,
                    line=line,
                    program="Strong",
                    day=workout or "Workout",
                )

            assembler.session(key, moment, make)
            note = f[col.notes].strip() if col.notes is not None else ""
            assembler.add_set(
                key, exercise, label.upper(), line=line, set_type=set_type, reps=reps, load_kg=kg,
                hold_s=seconds, rpe=rpe, note=joined_note(note, assisted, distance_note(distance, col.distance_unit(f))),
                number=int(label) if numbered else None,
            )
        batch.sessions = assembler.sessions()
        if batch.unit is None or len(units_seen) > 1:
            batch.unit = "+".join(sorted(units_seen)) or unit
        return batch


class _Columns:
    """Where each Strong field is in this layout (None when the layout lacks it)."""

    def distance_unit(self, fields: list[str]) -> str:
        """The distance unit of a row: the header's, the row's `Distance Unit`, else unknown ('')."""
        if self.header_distance_unit or self.distance_unit_col is None:
            return self.header_distance_unit
        return fields[self.distance_unit_col].strip()

    def __init__(self, table: CsvTable) -> None:
        need = {"date": "Date", "exercise name": "Exercise Name", "set order": "Set Order", "reps": "Reps"}
        for key, name in need.items():
            if key not in table.columns:
                raise ImportFileError(table.path, 1, f"Strong export without a {name!r} column")
        self.date = table.columns["date"]
        self.exercise = table.columns["exercise name"]
        self.set_order = table.columns["set order"]
        self.reps = table.columns["reps"]
        self.workout = table.index("workout name")
        self.workout_no = table.index("workout #")
        self.duration = table.index("duration", "duration (sec)", "workout duration")
        self.weight = table.index("weight", "weight (kg)", "weight (kgs)", "weight (lbs)", "weight (lb)")
        self.weight_unit = table.index("weight unit")
        self.distance = table.index("distance", "distance (meters)", "distance (km)", "distance (miles)", "distance (m)")
        self.distance_unit_col = table.index("distance unit")
        self.header_distance_unit = next(
            (unit for key, unit in (("distance (meters)", "m"), ("distance (m)", "m"), ("distance (km)", "km"),
                                    ("distance (miles)", "mi")) if key in table.columns), "")
        self.seconds = table.index("seconds", "seconds (sec)")
        self.notes = table.index("notes")
        self.workout_notes = table.index("workout notes")
        self.rpe = table.index("rpe")
        self.header_unit: str | None = None
        for key in table.columns:
            if match := _HEADER_UNIT.match(key):
                self.header_unit = "lb" if match[1].startswith("lb") else "kg"
