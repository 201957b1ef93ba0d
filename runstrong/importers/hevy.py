"""Hevy's CSV export (one row per set, newest workout first):

`title,start_time,end_time,description,exercise_title,superset_id,exercise_notes,set_index,
set_type,weight_kg|weight_lbs,reps,distance_km|distance_miles,duration_seconds,rpe`

Times are `5 Dec 2025, 11:37` (day sometimes zero-padded; newer files may use ISO), local.
`set_type` is normal, warmup, dropset or failure. A bodyweight set has an empty weight; a hold
has only `duration_seconds`; the same exercise can come back later in the same workout.
"""

from __future__ import annotations

import re
from datetime import datetime, tzinfo

from runstrong.importers.aliases import ExerciseMatcher
from runstrong.importers.assemble import SessionAssembler
from runstrong.importers.csv_table import CsvImporter, CsvTable
from runstrong.importers.records import ImportBatch, ImportedSession, ImportFileError, RowNote, content_uid
from runstrong.importers.values import (
    MAX_BELIEVABLE_SESSION_S,
    Where,
    distance_note,
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
)

SOURCE = "hevy"
SET_TYPES = {"normal": "normal", "warmup": "warmup", "dropset": "drop", "failure": "failure"}
# English month abbreviations, read here rather than by strptime's %b, which follows the locale.
_MONTHS = {m: i for i, m in enumerate(
    ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"), 1)}
_HEVY_TIME = re.compile(r"^(\d{1,2}) ([A-Za-z]{3})[a-z]* (\d{4}),? (\d{1,2}):(\d{2})(?::(\d{2}))?$")


def hevy_time(text: str, where: Where) -> datetime:
    """A naive local time from `5 Dec 2025, 11:37` (or ISO `2025-12-05 11:37:00`)."""
    match = _HEVY_TIME.match(text.strip())
    if match is None:
        return local_datetime(text, where)
    month = _MONTHS.get(match[2].lower())
    try:
        if month is None:
            raise ValueError
        return datetime(int(match[3]), month, int(match[1]), int(match[4]), int(match[5]), int(match[6] or 0))
    except ValueError:
        raise ImportFileError(where[0], where[1], f"bad date {text.strip()!r} (expected like 5 Dec 2025, 11:37)") from None


class HevyImporter(CsvImporter):
    """Hevy CSV -> ImportBatch."""

    name = SOURCE
    title = "Hevy CSV (title,start_time,end_time,...,exercise_title,...,set_type,weight_kg|weight_lbs,...)"

    REQUIRED_KEYS = frozenset({"start_time", "exercise_title", "set_index"})

    def extract(self, text: str, path: str, unit: str | None, tz: tzinfo | None = None) -> ImportBatch:
        """Every set of the file; the unit is the weight column's (weight_kg or weight_lbs)."""
        table = CsvTable.parse(text, path)
        cols = table.columns
        for needed in ("title", "start_time", "exercise_title", "set_index", "set_type", "reps"):
            if needed not in cols:
                raise ImportFileError(path, 1, f"Hevy export without a {needed!r} column")
        weight = table.index("weight_kg", "weight_lbs")
        file_unit = "lb" if "weight_lbs" in cols else "kg" if "weight_kg" in cols else unit
        if weight is None:
            raise ImportFileError(path, 1, "Hevy export without a weight_kg or weight_lbs column")
        end_col = table.index("end_time")
        description = table.index("description")
        notes_col = table.index("exercise_notes")
        distance = table.index("distance_km", "distance_miles")
        distance_unit = "mi" if "distance_miles" in cols else "km"
        duration = table.index("duration_seconds")
        rpe_col = table.index("rpe")
        batch = ImportBatch(format=SOURCE, unit=file_unit, path=path)
        assembler = SessionAssembler(block_notes=True)  # exercise_notes: per exercise
        starts: dict[str, tuple[datetime, str]] = {}
        for line, f in table.rows():
            where = (path, line)
            exercise = f[cols["exercise_title"]].strip()
            if not exercise:
                raise ImportFileError(path, line, "no exercise_title")
            start_text = f[cols["start_time"]].strip()
            if start_text not in starts:
                moment = hevy_time(start_text, where)
                starts[start_text] = (moment, instant(moment, tz))
            moment, started_at = starts[start_text]
            title = f[cols["title"]].strip()
            key = (start_text, title)
            kind = f[cols["set_type"]].strip().lower()
            set_type = SET_TYPES.get(kind or "normal")
            if set_type is None:
                raise ImportFileError(path, line, f"unknown set_type {kind!r} (expected normal, warmup, dropset or failure)")
            index = f[cols["set_index"]].strip()
            weight_value = parse_decimal(f[weight], "weight", where)
            kg, assisted = load_kg(weight_value, file_unit or "kg", where)
            reps = reps_value(parse_decimal(f[cols["reps"]], "reps", where), where)
            try:
                seconds = hold_value(parse_decimal(f[duration], "duration_seconds", where), where) if duration is not None else None
            except SkipRow as skip:
                batch.skipped.append(skipped_row(line, exercise, skip))
                continue
            far = parse_decimal(f[distance], "distance", where) if distance is not None else None
            rpe = rpe_value(parse_decimal(f[rpe_col], "rpe", where), where) if rpe_col is not None else None
            if is_cardio(far, weight_value, ExerciseMatcher.is_running(exercise)):
                batch.not_imported.append(RowNote(line, f"running: {exercise}"))
                continue
            if reps is None and seconds is None and kg is None and not assisted:
                batch.skipped.append(RowNote(line, f"empty set ({exercise}): no reps, weight or time"))
                continue

            def make() -> ImportedSession:
                end = None
                if end_col is not None and f[end_col].strip():
                    finish = hevy_time(f[end_col], where)
                    if 0 < (finish - moment).total_seconds() <= MAX_BELIEVABLE_SESSION_S:
                        end = finish
                return ImportedSession(
                    uid=content_uid(SOURCE, moment.isoformat(), title),
                    started_at=started_at,
                    date=moment.date().isoformat(),
                    finished_at=instant(end, tz) if end else None,
                    name=title,
                    notes=f[description].strip() if description is not None else "",
                    source=SOURCE,
                    line=line,
                    program="Hevy",
                    day=title or "Workout",
                )

            assembler.session(key, moment, make)
            note = f[notes_col].strip() if notes_col is not None else ""
            assembler.add_set(
                key, exercise, index, line=line, set_type=set_type, reps=reps, load_kg=kg, hold_s=seconds,
                rpe=rpe, note=joined_note(note, assisted, distance_note(far, distance_unit)),
                number=int(index) if index.isascii() and index.isdigit() else None,
            )
        batch.sessions = assembler.sessions()
        return batch
