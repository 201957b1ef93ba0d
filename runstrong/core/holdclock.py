"""The hold/rest countdown as a state machine over an injected monotonic clock.

A plan (hold time, sets, per side, lead-in, switch and rest times) unrolls into a fixed list of
timed phases. Time is never counted in ticks: each phase has a deadline on the clock and
`remaining = deadline - now`. When a phase runs out, the next one starts exactly at that deadline,
not at the moment `update()` noticed, so a slow or stalled event loop never adds drift. The clock
is injected, so tests drive it by hand and never sleep.

Usage: `start()` once, then call `update()` as often as you like (a 10 Hz tick is plenty) and act
on the events it returns. Key actions (`pause`, `adjust`, `finish_now`, `abandon`) first catch up
with the clock, so they always act on the phase that is really running; any events that catch-up
crosses are handed out by the next `update()` (or directly by `finish_now` / `abandon`).
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass
from enum import StrEnum

from runstrong.core.models import SIDES, Side


class Phase(StrEnum):
    GET_READY = "get ready"
    HOLD = "hold"
    SWITCH = "switch sides"
    REST = "rest"
    DONE = "done"

    @property
    def label(self) -> str:
        """Upper-case text for the big display: "GET READY", "HOLD", "SWITCH SIDES", ..."""
        return self.value.upper()


@dataclass(frozen=True)
class TimerPlan:
    """What to time: `sets` holds of `hold_s` seconds (each side when `sides`)."""

    hold_s: int
    sets: int = 1
    sides: bool = False
    lead_s: int = 5
    """Get-ready countdown before the first hold; 0 skips it."""
    switch_s: int = 5
    """Pause between the left and right hold of a set; 0 skips it."""
    rest_s: int = 0
    """Rest between sets (it doubles as the get-ready for the next set); 0 skips it."""

    def __post_init__(self) -> None:
        if self.hold_s < 1:
            raise ValueError(f"hold must be at least 1 second, got {self.hold_s}")
        if self.sets < 1:
            raise ValueError(f"sets must be at least 1, got {self.sets}")
        for name in ("lead_s", "switch_s", "rest_s"):
            if getattr(self, name) < 0:
                raise ValueError(f"{name} must be 0 or more, got {getattr(self, name)}")


@dataclass(frozen=True)
class HoldRecord:
    """One finished hold: `held_s` whole seconds actually held against `target_s` planned."""

    set_no: int
    side: Side | None
    target_s: int
    held_s: int


@dataclass(frozen=True)
class PhaseStarted:
    """The hold timer moved into `phase` (get ready, hold, rest) of set `set_no`, on `side`."""

    phase: Phase
    set_no: int
    side: Side | None
    at: float
    """Clock time the phase began: the previous deadline, or the moment of a finish-now."""


@dataclass(frozen=True)
class HoldCompleted:
    """A hold ended, on time or by finish-now: `record` is what was held."""

    record: HoldRecord


Event = PhaseStarted | HoldCompleted


@dataclass(frozen=True)
class _Step:
    """One planned phase; `hold_no` is the 1-based hold it is, or leads into."""

    phase: Phase
    set_no: int
    side: Side | None
    duration: float
    hold_no: int


def _steps(plan: TimerPlan) -> list[_Step]:
    sides: tuple[Side | None, ...] = SIDES if plan.sides else (None,)
    steps: list[_Step] = []
    hold_no = 0
    for set_no in range(1, plan.sets + 1):
        for i, side in enumerate(sides):
            hold_no += 1
            if set_no == 1 and i == 0:
                before = (Phase.GET_READY, plan.lead_s)
            elif i == 0:
                before = (Phase.REST, plan.rest_s)
            else:
                before = (Phase.SWITCH, plan.switch_s)
            if before[1] > 0:
                steps.append(_Step(before[0], set_no, side, float(before[1]), hold_no))
            steps.append(_Step(Phase.HOLD, set_no, side, float(plan.hold_s), hold_no))
    steps.append(_Step(Phase.DONE, plan.sets, None, 0.0, hold_no))
    return steps


def _whole_seconds(seconds: float) -> int:
    # Half-up rather than round()'s banker's rounding: 12.5 s held reads as 13, not 12.
    return int(seconds + 0.5)


class HoldClock:
    """Runs a TimerPlan against `clock` (seconds, monotonic)."""

    def __init__(self, plan: TimerPlan, clock: Callable[[], float] = time.monotonic) -> None:
        self.plan = plan
        self.records: list[HoldRecord] = []
        """Holds finished so far, appended the moment each one completes."""
        self.abandoned = False
        self.started = False
        self._clock = clock
        self._steps = _steps(plan)
        self._index = 0
        self._start = 0.0
        self._deadline = self._steps[0].duration
        self._duration = self._steps[0].duration
        self._paused_at: float | None = None
        self._paused_total = 0.0
        """Time spent paused in the current phase; excluded from the time actually held."""
        self._pending: list[Event] = []

    # --- state ----------------------------------------------------------------------------

    @property
    def _step(self) -> _Step:
        return self._steps[self._index]

    @property
    def phase(self) -> Phase:
        return self._step.phase

    @property
    def set_no(self) -> int:
        return self._step.set_no

    @property
    def side(self) -> Side | None:
        return self._step.side

    @property
    def phase_duration(self) -> float:
        """Length of the current phase in seconds, including +/- adjustments."""
        return self._duration

    @property
    def paused(self) -> bool:
        return self._paused_at is not None

    @property
    def total_holds(self) -> int:
        return self.plan.sets * (2 if self.plan.sides else 1)

    @property
    def hold_index(self) -> int:
        """1-based number of the hold running now, or coming next ("hold 2 of 4")."""
        return self._step.hold_no

    @property
    def deadline(self) -> float | None:
        """Clock time the current phase ends; None while paused, before start, or when done."""
        if self.phase is Phase.DONE or not self.started or self.paused:
            return None
        return self._deadline

    def remaining(self) -> float:
        """Seconds left in the current phase: deadline - now, frozen while paused, never < 0."""
        if self.phase is Phase.DONE:
            return 0.0
        if not self.started:
            return self._duration
        return max(0.0, self._deadline - self._now())

    def progress(self) -> float:
        """How far through the current phase, 0.0 to 1.0 (1.0 once DONE)."""
        if self.phase is Phase.DONE:
            return 1.0
        if self._duration <= 0:
            return 0.0
        return min(1.0, max(0.0, 1.0 - self.remaining() / self._duration))

    def held_total(self) -> int:
        return sum(r.held_s for r in self.records)

    def _now(self) -> float:
        # While paused the phase's clock stands still at the moment of pausing.
        return self._paused_at if self._paused_at is not None else self._clock()

    # --- driving --------------------------------------------------------------------------

    def start(self) -> list[Event]:
        """Begin the first phase now; returns its PhaseStarted."""
        if self.started:
            raise RuntimeError("HoldClock already started")
        self.started = True
        self._enter(0, self._clock())
        return self._drain()

    def update(self) -> list[Event]:
        """Advance as far as the clock says; returns every event crossed, in order."""
        self._catch_up()
        return self._drain()

    def pause(self) -> None:
        if not self._live() or self.paused:
            return
        self._catch_up()
        if self.phase is not Phase.DONE:
            self._paused_at = self._clock()

    def resume(self) -> None:
        if not self._live() or self._paused_at is None:
            return
        away = self._clock() - self._paused_at
        self._deadline += away
        self._paused_total += away
        self._paused_at = None

    def toggle_pause(self) -> None:
        if self.paused:
            self.resume()
        else:
            self.pause()

    def adjust(self, delta_s: float) -> None:
        """Lengthen (+) or shorten (-) the current phase; shortening leaves at least 1 s."""
        if not self._live():
            return
        self._catch_up()
        if self.phase is Phase.DONE:
            return
        deadline = self._deadline + delta_s
        if delta_s < 0:
            # Never below 1 s, but don't lengthen a phase already in its last second either.
            floor = min(self._deadline, self._now() + 1.0)
            deadline = max(deadline, floor)
        self._duration += deadline - self._deadline
        self._deadline = deadline

    def held_now(self) -> int:
        """Whole seconds held so far in the hold under way, as finish_now would log them (at
        least 1); 0 outside a hold."""
        if self.phase is not Phase.HOLD:
            return 0
        return max(1, _whole_seconds(self._now() - self._start - self._paused_total))

    def finish_now(self) -> list[Event]:
        """End the current phase now. A hold is logged with the whole seconds actually held."""
        if not self._live():
            return self._drain()
        self._catch_up()
        if self.phase is Phase.DONE:
            return self._drain()
        now = self._clock()
        if self.phase is Phase.HOLD:
            held = self._now() - self._start - self._paused_total
            self._complete_hold(max(1, _whole_seconds(held)))
        self._enter(self._index + 1, now)
        return self._drain()

    def abandon(self) -> list[Event]:
        """Stop without logging the hold in progress; holds already completed stay recorded.

        Returns only events that had already happened by the clock (e.g. a hold that reached its
        deadline just before the key press); no PhaseStarted(DONE) is emitted for an abandon.
        """
        if self._live():
            self._catch_up()
        if self.phase is not Phase.DONE:
            self.abandoned = True
            self._index = len(self._steps) - 1
            self._paused_at = None
        return self._drain()

    # --- internals ------------------------------------------------------------------------

    def _live(self) -> bool:
        return self.started and self.phase is not Phase.DONE

    def _catch_up(self) -> None:
        if not self.started or self.paused:
            return
        now = self._clock()
        while self.phase is not Phase.DONE and now >= self._deadline:
            if self.phase is Phase.HOLD:
                self._complete_hold(_whole_seconds(self._duration))
            # The next phase starts at the old deadline, not at `now`: no drift from stalls.
            self._enter(self._index + 1, self._deadline)

    def _complete_hold(self, held_s: int) -> None:
        record = HoldRecord(self.set_no, self.side, self.plan.hold_s, held_s)
        self.records.append(record)
        self._pending.append(HoldCompleted(record))

    def _enter(self, index: int, at: float) -> None:
        self._index = index
        step = self._step
        self._start = at
        self._duration = step.duration
        self._deadline = at + step.duration
        self._paused_at = None
        self._paused_total = 0.0
        self._pending.append(PhaseStarted(step.phase, step.set_no, step.side, at))

    def _drain(self) -> list[Event]:
        events, self._pending = self._pending, []
        return events
