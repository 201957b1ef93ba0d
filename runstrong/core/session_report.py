"""The end of a session in numbers: working sets, volume, hold time, duration, records broken.

Warm-up sets (set_type 'warmup') never count: not in sets, volume or hold time, and they
neither set nor break a record. Records are core.progress's: a day's best that is strictly
greater than the best of every earlier day; a first-ever value breaks nothing (there was no
record to beat).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass

from runstrong.core.counting import count_sets
from runstrong.core.models import SetLog
from runstrong.core.progress import (
    Logged,
    RecordKind,
    current_records,
    daily_bests,
    personal_records,
    session_totals,
)


@dataclass(frozen=True)
class BrokenRecord:
    """A record one exercise's sets beat: `value` now, `previous` the record it beat."""

    exercise: str
    kind: RecordKind
    value: float
    previous: float


@dataclass(frozen=True)
class SessionReport:
    """What the end-of-session summary says."""

    working_done: int
    working_planned: int
    warmups_done: int
    volume_kg: float
    """Σ load × reps over done working sets that have both."""
    hold_s: int
    """Seconds held over done working sets."""
    duration_s: int | None
    """From the first tick to the last (warm-ups included: they are time spent), None if none."""
    records: tuple[BrokenRecord, ...]

    @property
    def left(self) -> int:
        """Working sets planned and not done."""
        return self.working_planned - self.working_done


_DAY_MEASURES = {
    RecordKind.LOAD: "best_load_kg",
    RecordKind.REPS: "best_reps",
    RecordKind.E1RM: "best_e1rm",
    RecordKind.HOLD: "longest_hold_s",
}
"""Which DayBest field each record kind reads (as core.progress measures them)."""


def records_broken(exercise: str, before: Iterable[Logged], new: Iterable[Logged]) -> list[BrokenRecord]:
    """The records the `new` sets beat, against the standing records of the `before` sets
    (one exercise, working sets only): at most one per kind, at the best of `new`, in
    RecordKind order."""
    standing = current_records(personal_records(daily_bests(before)))
    days = daily_bests(new)
    broken = []
    for kind in RecordKind:
        record = standing.get(kind)
        values = [getattr(day, _DAY_MEASURES[kind]) for day in days]
        best = max((value for value in values if value is not None), default=None)
        if record is not None and best is not None and best > record.value:
            broken.append(BrokenRecord(exercise, kind, float(best), record.value))
    return broken


def session_report(sets: Sequence[SetLog], before: Mapping[str, Sequence[Logged]]) -> SessionReport:
    """Report on one session's `sets`; `before` holds, per exercise id, that exercise's working
    sets from other sessions (what its records stand on)."""
    working = [s for s in sets if not s.is_warmup]
    totals = session_totals(sets)  # warm-ups are left out of its counts, not of its duration
    records: list[BrokenRecord] = []
    for exercise_id in dict.fromkeys(s.exercise_id for s in working):
        mine = [s for s in working if s.exercise_id == exercise_id]
        records += records_broken(mine[0].exercise, before.get(exercise_id, ()), mine)
    return SessionReport(
        working_done=totals.sets_done,
        working_planned=totals.sets_planned,
        warmups_done=count_sets(sets).warmups_done,
        volume_kg=totals.volume_kg,
        hold_s=totals.total_hold_s,
        duration_s=totals.duration_s,
        records=tuple(records),
    )
