"""Numbers behind the History and Progress screens: 1RM estimates, bests, records, balance, streaks.

Everything here is pure Python over SetLog objects (or, for Progress, the leaner DoneSet
tuples), so it can be tested without a database or a terminal. Only done sets (done_at not
None) count; planned-but-skipped slots are ignored everywhere except `SessionTotals.sets_planned`.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from enum import StrEnum
from functools import lru_cache
from typing import TypeVar

from runstrong.core.counting import count_sets
from runstrong.core.e1rm import EPLEY_MAX_REPS, epley_1rm
from runstrong.core.models import DoneSet, SetLog, Side

Logged = SetLog | DoneSet
"""A set as the functions below read it: only its time, side, reps, load and hold."""

_N = TypeVar("_N", int, float)

IMBALANCE_THRESHOLD_PCT = 10.0
"""Left/right differences above this percentage are flagged as worth working on (ours: the seed
articles say side-to-side imbalances are worth training but give no percentage; 10 % is above
the set-to-set noise of a small sample and still catches a side that lags)."""

WEEKLY_TARGET = 2
"""Sessions a week that keep a streak alive; the seed articles recommend 2–3."""

def _done(sets: Iterable[Logged]) -> list[Logged]:
    return [s for s in sets if s.done_at is not None]


def _moment(s: SetLog) -> datetime:
    assert s.done_at is not None
    return datetime.fromisoformat(s.done_at)


@lru_cache(maxsize=16384)
def _local_day(done_at: str) -> date:
    # The date as written in done_at (its own offset), i.e. the runner's local calendar day.
    # Cached: Progress reopened on ten years of one exercise would parse every string again.
    return datetime.fromisoformat(done_at).date()


def _positive(value: _N | None) -> _N | None:
    # Zero load is bodyweight and zero reps/seconds is an untouched field: neither is a best.
    return value if value is not None and value > 0 else None


def _higher(best: _N | None, value: _N | None) -> _N | None:
    """The higher of two optional values (None counts as no value at all)."""
    if value is None:
        return best
    return value if best is None or value > best else best


# --- daily bests and personal records -------------------------------------------------


@dataclass(frozen=True)
class DayBest:
    """The best of each measure on one day, for one exercise (one point per chart series)."""

    date: date
    best_load_kg: float | None
    best_reps: int | None
    best_e1rm: float | None
    longest_hold_s: int | None


def daily_bests(sets: Iterable[Logged]) -> list[DayBest]:
    """One DayBest per date with done sets, oldest first; pass the sets of ONE exercise."""
    # One pass keeping each day's running bests: Progress opens on this for ten years of sets.
    days: dict[date, tuple[float | None, int | None, float | None, int | None]] = {}
    for s in sets:
        if s.done_at is None:
            continue
        day = _local_day(s.done_at)
        load, reps, e1rm, hold = days.get(day, (None, None, None, None))
        days[day] = (
            _higher(load, _positive(s.load_kg)),
            _higher(reps, _positive(s.reps)),
            _higher(e1rm, epley_1rm(s.load_kg, s.reps)),
            _higher(hold, _positive(s.hold_s)),
        )
    return [DayBest(day, *bests) for day, bests in sorted(days.items())]


class RecordKind(StrEnum):
    LOAD = "heaviest load"
    REPS = "most reps"
    E1RM = "estimated 1RM"
    HOLD = "longest hold"


_MEASURES: dict[RecordKind, Callable[[DayBest], float | None]] = {
    RecordKind.LOAD: lambda day: day.best_load_kg,
    RecordKind.REPS: lambda day: day.best_reps,
    RecordKind.E1RM: lambda day: day.best_e1rm,
    RecordKind.HOLD: lambda day: day.longest_hold_s,
}


@dataclass(frozen=True)
class PersonalRecord:
    """A day a record went up: that day's best beat the best of every day before it."""

    kind: RecordKind
    value: float
    date: date


def personal_records(bests: Sequence[DayBest]) -> list[PersonalRecord]:
    """Every day a record went up, oldest first and kinds in RecordKind order; pass the
    daily_bests of ONE exercise.

    Only a strictly greater value is a new record: matching your best is not a PR. Beating
    your record twice in one session is one record, at the day's best.
    """
    best: dict[RecordKind, float] = {}
    records: list[PersonalRecord] = []
    for day in sorted(bests, key=lambda day: day.date):
        for kind, measure in _MEASURES.items():
            value = measure(day)
            if value is not None and (kind not in best or value > best[kind]):
                best[kind] = value
                records.append(PersonalRecord(kind, float(value), day.date))
    return records


def current_records(records: Iterable[PersonalRecord]) -> dict[RecordKind, PersonalRecord]:
    """The standing record per kind (the newest of `personal_records`; kinds never set are absent)."""
    return {record.kind: record for record in records}


# --- left/right balance ---------------------------------------------------------------


class Measure(StrEnum):
    """What a side is compared on, per set."""

    REPS = "reps"
    LOAD = "load"
    HOLD = "hold"


_PER_SET: dict[Measure, Callable[[Logged], float | None]] = {
    Measure.REPS: lambda s: _positive(s.reps),
    Measure.LOAD: lambda s: _positive(s.load_kg),
    Measure.HOLD: lambda s: _positive(s.hold_s),
}


@dataclass(frozen=True)
class SideSets:
    """One side's sets of one measure on the days compared."""

    sets: int
    best: float
    """The highest single set (kg, reps or seconds)."""
    mean: float
    """The average set: total / sets."""


@dataclass(frozen=True)
class SideComparison:
    """Left against right on one measure, like for like: only the days both sides have a set
    of that measure count, and each side is summed up per set (best and average), so a side
    that was logged more often does not look stronger for it (ours)."""

    measure: Measure
    days: int
    """Days on which both sides were done."""
    left: SideSets
    right: SideSets

    def difference_pct(self, stat: str) -> float:
        """|left − right| / the higher × 100 for "best" or "mean"; 0.0 when both are 0."""
        left, right = getattr(self.left, stat), getattr(self.right, stat)
        high = max(left, right)
        return abs(left - right) / high * 100 if high else 0.0

    def weaker(self, stat: str) -> Side | None:
        """The lower side on `stat` when it differs by more than IMBALANCE_THRESHOLD_PCT."""
        if self.difference_pct(stat) <= IMBALANCE_THRESHOLD_PCT:
            return None
        return Side.LEFT if getattr(self.left, stat) < getattr(self.right, stat) else Side.RIGHT


def compare_sides(sets: Iterable[Logged], since: date | None = None) -> list[SideComparison]:
    """Left against right for each measure (reps, load, hold, in that order) that both sides
    have on at least one common day; pass the sets of ONE per-side exercise.

    Only done, sided sets count; with `since`, only those done on or after that local date.
    """
    by_day: dict[Measure, dict[date, dict[Side, list[float]]]] = {measure: {} for measure in Measure}
    for s in sets:
        if s.done_at is None or s.side is None:
            continue
        day = _local_day(s.done_at)
        if since is not None and day < since:
            continue
        for measure, pick in _PER_SET.items():
            value = pick(s)
            if value is not None:
                by_day[measure].setdefault(day, {}).setdefault(s.side, []).append(float(value))
    comparisons: list[SideComparison] = []
    for measure, days in by_day.items():
        both = [sides for sides in days.values() if len(sides) == 2]
        if not both:
            continue
        per_side = {side: [value for sides in both for value in sides[side]] for side in (Side.LEFT, Side.RIGHT)}
        left, right = (SideSets(len(v), max(v), sum(v) / len(v)) for v in (per_side[Side.LEFT], per_side[Side.RIGHT]))
        comparisons.append(SideComparison(measure, len(both), left, right))
    return comparisons


# --- consistency ----------------------------------------------------------------------


def week_start(d: date) -> date:
    """The Monday of d's week (ISO weeks, so a week may straddle New Year)."""
    return d - timedelta(days=d.weekday())


def weekly_counts(session_dates: Iterable[date], first: date, last: date) -> list[tuple[date, int]]:
    """(Monday, sessions that week) for every week from first's to last's, zero-filled.

    Dates outside those weeks are ignored; first after last gives an empty list.
    """
    start, end = week_start(first), week_start(last)
    counts = Counter(week_start(d) for d in session_dates)
    weeks: list[tuple[date, int]] = []
    week = start
    while week <= end:
        weeks.append((week, counts[week]))
        week += timedelta(weeks=1)
    return weeks


def current_streak(weekly: list[tuple[date, int]], target: int = WEEKLY_TARGET, today: date | None = None) -> int:
    """Consecutive weeks meeting `target`, ending now.

    The current week (today's, or the list's last) counts once it meets the target; until
    then it is still in progress, so the streak is counted back from the week before.
    Weeks missing from `weekly` count as zero sessions.
    """
    if not weekly:
        return 0
    counts = dict(weekly)
    earliest = min(counts)
    week = week_start(today) if today is not None else max(counts)
    if counts.get(week, 0) < target:
        week -= timedelta(weeks=1)
    streak = 0
    while week >= earliest and counts.get(week, 0) >= target:
        streak += 1
        week -= timedelta(weeks=1)
    return streak


# --- one session ----------------------------------------------------------------------


@dataclass(frozen=True)
class SessionTotals:
    """What one session added up to: sets done of planned, reps, seconds held and volume (kg),
    and its first and last tick (ISO 8601 instants). Warm-up sets never count."""

    sets_done: int
    sets_planned: int
    total_reps: int
    total_hold_s: int
    volume_kg: float
    """Σ load × reps over done work sets that have both (warm-up sets never count)."""
    first_done_at: str | None
    last_done_at: str | None
    duration_s: int | None
    """Seconds from the first to the last done set: 0 for a single set, None for none."""


def session_totals(sets: Sequence[SetLog]) -> SessionTotals:
    """Totals for one session's sets; skipped slots count only towards sets_planned.

    Warm-up sets count in none of sets, reps, hold time or volume (they are time spent, so the
    first/last tick and duration_s include them). This is the one rule History's rows
    (store.history.history_page, in SQL), session detail and the finish summary all follow;
    README "What counts" states it (ours, issue 10)."""
    done_all = sorted(_done(sets), key=_moment)
    first, last = (done_all[0], done_all[-1]) if done_all else (None, None)
    duration = None
    if first is not None and last is not None:
        duration = int((_moment(last) - _moment(first)).total_seconds())
    done = [s for s in done_all if not s.is_warmup]
    count = count_sets(sets)
    return SessionTotals(
        sets_done=count.done,
        sets_planned=count.planned,
        total_reps=sum(s.reps or 0 for s in done),
        total_hold_s=sum(s.hold_s or 0 for s in done),
        volume_kg=float(sum(s.load_kg * s.reps for s in done if s.load_kg is not None and s.reps is not None)),
        first_done_at=first.done_at if first else None,
        last_done_at=last.done_at if last else None,
        duration_s=duration,
    )
