"""Plain records every importer produces: sessions with their sets, rows left out, and the
error that refuses a file. No SQL, no Textual: the store writes these in one transaction."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from runstrong.core.running import Run, RunningWeek
from runstrong.core.uids import UID_NAMESPACE, content_uid  # noqa: F401  (importers use them from here)

SET_TYPES = ("normal", "warmup", "drop", "failure")



class ImportFileError(ValueError):
    """A file that cannot be imported; str() is `FILE:LINE: reason`. Nothing is written."""

    def __init__(self, path: str, line: int, reason: str) -> None:
        super().__init__(f"{path}:{line}: {reason}")
        self.path = path
        self.line = line
        self.reason = reason


@dataclass(slots=True)
class ImportedSet:
    """One done set. Loads in kg, holds in seconds, `done_at` an ISO instant with offset.

    `exercise_id` is only known for runstrong's own export; other formats give a name that
    aliases.match_exercise() turns into a catalog id or an own exercise.
    """

    uid: str
    exercise_name: str
    set_no: int
    set_type: str = "normal"
    side: str | None = None
    reps: int | None = None
    load_kg: float | None = None
    hold_s: int | None = None
    rpe: float | None = None
    note: str = ""
    done_at: str = ""
    line: int = 0
    exercise_id: str | None = None
    target_reps: int | None = None
    target_hold_s: int | None = None
    updated_at: str | None = None


@dataclass(slots=True)
class ImportedSession:
    """One workout: `started_at` an ISO instant (the key: two sessions a day exist), `date` its
    local calendar day, `finished_at` None when the file gives no believable end.

    `program`/`day` are what History shows; for other apps program is the app's name and day the
    workout's name.
    """

    uid: str
    started_at: str
    date: str
    name: str
    source: str
    line: int
    finished_at: str | None = None
    notes: str = ""
    program: str = ""
    day: str = ""
    updated_at: str | None = None
    sets: list[ImportedSet] = field(default_factory=list)


@dataclass(frozen=True, slots=True)
class RowNote:
    """A row that is not a set (rest timer, note, running): its line and why it is left out."""

    line: int
    reason: str


@dataclass(slots=True)
class ImportBatch:
    """Everything one file holds, ready for the store.

    `skipped`: pseudo-rows that are not sets (Strong's rest timers and notes, empty rows).
    `not_imported`: past running and cardio, which runstrong does not keep (runs holds the plan).
    `deleted`: uids (sessions or sets) the exporting side deleted, with when: {uid: instant}.
    `own_exercises`: own exercises a runstrong export carries, as `exercises --json` prints them
    (plus "updated_at"); `own_programs` likewise as `programs show --json` prints them. Both are
    checked by the importer with the routine validator (core.catalog) before they get here.
    `run_week`: the export's usual running week (None: the file has none, e.g. version 1);
    `runs`: its dated runs and races (deleted ones travel in `deleted`).
    """

    format: str
    unit: str | None
    path: str
    sessions: list[ImportedSession] = field(default_factory=list)
    skipped: list[RowNote] = field(default_factory=list)
    not_imported: list[RowNote] = field(default_factory=list)
    deleted: dict[str, str] = field(default_factory=dict)
    own_exercises: list[dict[str, Any]] = field(default_factory=list)
    own_programs: list[dict[str, Any]] = field(default_factory=list)
    run_week: RunningWeek | None = None
    runs: list[Run] = field(default_factory=list)

    @property
    def set_count(self) -> int:
        return sum(len(s.sets) for s in self.sessions)
