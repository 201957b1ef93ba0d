"""The quick-start timer (`runstrong timer 45s`): its arguments checked, and its holds logged.

`quick_timer_from_args()` turns the parsed `timer` arguments into a QuickTimer, or raises the
CLI's UsageError with one line saying what was wrong and what is accepted. `QuickLog` writes a
run's holds to history one at a time, all into the one "Quick timer" session the first created.

A per-side exercise (`--exercise side-plank`) is timed left and right even without `--sides`:
a side plank logged without a side would be of no use to the left/right balance in History.
"""

from __future__ import annotations

import argparse
from dataclasses import dataclass
from datetime import datetime

from runstrong.errors import UsageError
from runstrong.core.catalog import Catalog
from runstrong.core.clock import stamp
from runstrong.core.durations import DurationError, parse_duration
from runstrong.core.holdclock import HoldRecord, TimerPlan
from runstrong.core.set_input import InputProblem, parse_whole_number
from runstrong.store import Store

PROG = "runstrong timer"
DEFAULT_LEAD_S = 5
MAX_SETS = 20
GENERIC_ID = "hold"
GENERIC_NAME = "Hold"


@dataclass(frozen=True)
class QuickTimer:
    """What `runstrong timer` asked for."""

    plan: TimerPlan
    exercise_id: str
    """Catalog id the holds are logged under ("hold" when no --exercise was given)."""
    exercise: str
    """Display name: "Plank", or "Hold"."""
    log: bool
    """False with --no-log: time only, write nothing."""
    lead_given: bool = False
    """True with --lead; otherwise the saved get-ready setting applies."""


def quick_timer_from_args(args: argparse.Namespace, catalog: Catalog) -> QuickTimer:
    """Check the `timer` arguments; raise UsageError (one line) on anything unusable."""
    hold_s = _duration(args.duration, "DURATION")
    rest_s = _duration(args.rest, "--rest", allow_zero=True)
    lead_s = DEFAULT_LEAD_S if args.lead is None else _duration(args.lead, "--lead", allow_zero=True)
    # The same reading of a number as every field in the app (digits of any script, no `1_000`).
    try:
        sets = parse_whole_number(str(args.sets), "--sets", 1, MAX_SETS)
    except InputProblem as problem:
        raise UsageError(f"{PROG}: {problem}, got {args.sets!r}") from None
    if sets is None:
        raise UsageError(f"{PROG}: --sets must be a whole number from 1 to {MAX_SETS}, got nothing")
    exercise_id, name, sides = GENERIC_ID, GENERIC_NAME, bool(args.sides)
    if args.exercise is not None:
        exercise = catalog.find_exercise(args.exercise)
        if exercise is None:
            raise UsageError(
                f"{PROG}: unknown or ambiguous exercise {args.exercise!r}; "
                "`runstrong exercises` lists the names (e.g. plank, side-plank, copenhagen-plank)"
            )
        if not exercise.is_timed:
            timed = ", ".join(ex.id for ex in catalog.exercises.values() if ex.is_timed)
            raise UsageError(f"{PROG}: {exercise.name} is counted in reps, not timed; timed exercises: {timed}")
        exercise_id, name, sides = exercise.id, exercise.name, sides or exercise.per_side
    plan = TimerPlan(hold_s=hold_s, sets=sets, sides=sides, lead_s=lead_s, rest_s=rest_s)
    return QuickTimer(
        plan=plan, exercise_id=exercise_id, exercise=name, log=not args.no_log, lead_given=args.lead is not None
    )


def _duration(text: str, what: str, *, allow_zero: bool = False) -> int:
    try:
        return parse_duration(text, allow_zero=allow_zero)
    except DurationError as error:
        raise UsageError(f"{PROG}: {what}: {error}") from None


class QuickLog:
    """Logs a quick timer run: the first hold creates the session, later holds join it."""

    def __init__(self, store: Store, quick: QuickTimer, started: datetime) -> None:
        self.store = store
        self.quick = quick
        self.started = started
        self.session_id: int | None = None
        """The run's session, once its first hold is stored."""

    def add(self, record: HoldRecord, done_at: datetime) -> int:
        """Commit one finished hold; returns the session id. StoreError when the database refuses."""
        self.session_id = self.store.log_quick_holds(
            date=self.started.date().isoformat(),
            started_at=stamp(self.started),
            exercise_id=self.quick.exercise_id,
            exercise=self.quick.exercise,
            holds=[(record.set_no, record.side, record.target_s, record.held_s, stamp(done_at))],
            session_id=self.session_id,
        )
        return self.session_id
