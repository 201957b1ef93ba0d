"""The hold clock on a hand-driven clock: exact boundaries, pauses, adjustments, early finishes."""

from __future__ import annotations

import random

import pytest

from runstrong.core.holdclock import (
    Event,
    HoldClock,
    HoldCompleted,
    HoldRecord,
    Phase,
    PhaseStarted,
    TimerPlan,
)
from runstrong.core.models import Side

L, R = Side.LEFT, Side.RIGHT


class FakeClock:
    """A monotonic clock that moves only when told to."""

    def __init__(self, now: float = 0.0) -> None:
        self.now = now

    def __call__(self) -> float:
        return self.now

    def advance(self, seconds: float) -> None:
        self.now += seconds


def started(plan: TimerPlan, start: float = 0.0) -> tuple[HoldClock, FakeClock]:
    clock = FakeClock(start)
    hc = HoldClock(plan, clock=clock)
    hc.start()
    return hc, clock


def starts(events: list[Event]) -> list[tuple[Phase, int, Side | None, float]]:
    return [(e.phase, e.set_no, e.side, e.at) for e in events if isinstance(e, PhaseStarted)]


def completed(events: list[Event]) -> list[HoldRecord]:
    return [e.record for e in events if isinstance(e, HoldCompleted)]


SIDED = TimerPlan(hold_s=20, sets=2, sides=True, lead_s=5, switch_s=5, rest_s=30)
SIDED_STARTS = [
    (Phase.HOLD, 1, L, 5.0),
    (Phase.SWITCH, 1, R, 25.0),
    (Phase.HOLD, 1, R, 30.0),
    (Phase.REST, 2, L, 50.0),
    (Phase.HOLD, 2, L, 80.0),
    (Phase.SWITCH, 2, R, 100.0),
    (Phase.HOLD, 2, R, 105.0),
    (Phase.DONE, 2, None, 125.0),
]
SIDED_RECORDS = [HoldRecord(1, L, 20, 20), HoldRecord(1, R, 20, 20), HoldRecord(2, L, 20, 20), HoldRecord(2, R, 20, 20)]


def test_start_begins_with_get_ready_at_the_clock_time() -> None:
    clock = FakeClock(100.0)
    hc = HoldClock(SIDED, clock=clock)
    assert hc.update() == []  # nothing runs before start()
    assert starts(hc.start()) == [(Phase.GET_READY, 1, L, 100.0)]
    assert (hc.phase, hc.phase.label, hc.remaining(), hc.total_holds, hc.hold_index) == (
        Phase.GET_READY, "GET READY", 5.0, 4, 1,
    )


def test_per_side_sets_follow_exact_boundaries_second_by_second() -> None:
    hc, clock = started(SIDED)
    events: list[Event] = []
    seen = []
    for _ in range(130):
        clock.advance(1)
        events += hc.update()
        seen.append((hc.phase, hc.set_no, hc.side, hc.hold_index))
    assert starts(events) == SIDED_STARTS
    assert completed(events) == SIDED_RECORDS == hc.records
    assert hc.held_total() == 80
    assert (Phase.SWITCH, 1, R, 2) in seen and (Phase.REST, 2, L, 3) in seen
    assert (hc.phase, hc.remaining(), hc.progress(), hc.abandoned) == (Phase.DONE, 0.0, 1.0, False)


def test_one_huge_stall_crosses_every_phase_with_the_same_boundaries() -> None:
    hc, clock = started(SIDED)
    clock.advance(1000)
    events = hc.update()
    assert starts(events) == SIDED_STARTS
    assert completed(events) == SIDED_RECORDS
    # Each hold's completion comes just before the phase that follows it.
    assert isinstance(events[1], HoldCompleted) and events[2] == PhaseStarted(Phase.SWITCH, 1, R, 25.0)


def test_zero_lead_switch_and_rest_are_skipped() -> None:
    clock = FakeClock()
    hc = HoldClock(TimerPlan(hold_s=10, sets=2, sides=True, lead_s=0, switch_s=0), clock=clock)
    assert starts(hc.start()) == [(Phase.HOLD, 1, L, 0.0)]
    clock.advance(100)
    assert starts(hc.update()) == [
        (Phase.HOLD, 1, R, 10.0), (Phase.HOLD, 2, L, 20.0), (Phase.HOLD, 2, R, 30.0), (Phase.DONE, 2, None, 40.0),
    ]


def test_remaining_is_deadline_minus_now_and_progress_follows() -> None:
    hc, clock = started(TimerPlan(hold_s=30, lead_s=5))
    clock.advance(7.25)
    hc.update()
    assert hc.phase is Phase.HOLD
    assert hc.remaining() == pytest.approx(27.75)
    assert hc.progress() == pytest.approx(2.25 / 30)


def test_pause_freezes_remaining_and_resume_moves_the_deadline_by_the_paused_time() -> None:
    hc, clock = started(TimerPlan(hold_s=30, lead_s=0))
    clock.advance(10)
    hc.pause()
    assert hc.paused
    clock.advance(42.5)
    assert hc.update() == []
    assert hc.remaining() == 20.0
    hc.toggle_pause()
    assert not hc.paused and hc.remaining() == 20.0
    clock.advance(19.9)
    assert hc.update() == []
    clock.advance(0.1)
    events = hc.update()
    assert starts(events) == [(Phase.DONE, 1, None, pytest.approx(72.5))]
    assert hc.records == [HoldRecord(1, None, 30, 30)]


def test_pause_after_an_unnoticed_deadline_pauses_the_phase_really_running() -> None:
    hc, clock = started(TimerPlan(hold_s=30, lead_s=5))
    clock.advance(8)  # the hold began at 5 but update() has not run yet
    hc.pause()
    assert hc.phase is Phase.HOLD and hc.remaining() == 27.0
    assert starts(hc.update()) == [(Phase.HOLD, 1, None, 5.0)]


def test_adjust_adds_and_takes_five_seconds() -> None:
    hc, clock = started(TimerPlan(hold_s=30, lead_s=0))
    clock.advance(10)
    hc.adjust(+5)
    assert (hc.remaining(), hc.phase_duration) == (25.0, 35.0)
    hc.adjust(-5)
    hc.adjust(-5)
    assert (hc.remaining(), hc.phase_duration) == (15.0, 25.0)
    clock.advance(15)
    assert completed(hc.update()) == [HoldRecord(1, None, 30, 25)]


def test_adjust_down_never_leaves_less_than_one_second() -> None:
    hc, clock = started(TimerPlan(hold_s=30, lead_s=0))
    clock.advance(27)
    hc.adjust(-5)
    assert hc.remaining() == 1.0 and hc.phase_duration == 28.0
    clock.advance(0.5)
    hc.adjust(-5)  # already under a second: stays as it is, never lengthened
    assert hc.remaining() == 0.5


def test_adjust_works_while_paused_and_is_a_no_op_once_done() -> None:
    hc, clock = started(TimerPlan(hold_s=30, lead_s=0))
    clock.advance(10)
    hc.pause()
    hc.adjust(+5)
    clock.advance(100)
    assert hc.remaining() == 25.0
    hc.resume()
    clock.advance(25)
    assert hc.update()[-1] == PhaseStarted(Phase.DONE, 1, None, 135.0)
    hc.adjust(+5)
    hc.pause()
    assert (hc.phase, hc.remaining(), hc.paused) == (Phase.DONE, 0.0, False)


def test_finish_now_logs_the_seconds_actually_held_and_starts_the_next_phase_now() -> None:
    hc, clock = started(TimerPlan(hold_s=30, sets=2, rest_s=60, lead_s=5))
    clock.advance(5)
    hc.update()
    clock.advance(12.2)
    events = hc.finish_now()
    assert completed(events) == [HoldRecord(1, None, 30, 12)]
    assert starts(events) == [(Phase.REST, 2, None, 17.2)]
    assert hc.remaining() == 60.0


def test_finish_now_excludes_paused_time() -> None:
    hc, clock = started(TimerPlan(hold_s=30, lead_s=0))
    clock.advance(5)
    hc.pause()
    clock.advance(100)
    hc.resume()
    clock.advance(7)
    assert hc.finish_now() == [HoldCompleted(HoldRecord(1, None, 30, 12)), PhaseStarted(Phase.DONE, 1, None, 112.0)]


def test_finish_now_while_paused_counts_up_to_the_pause() -> None:
    hc, clock = started(TimerPlan(hold_s=30, lead_s=0))
    clock.advance(12)
    hc.pause()
    clock.advance(50)
    assert completed(hc.finish_now()) == [HoldRecord(1, None, 30, 12)]


def test_finish_now_logs_at_least_one_second() -> None:
    hc, clock = started(TimerPlan(hold_s=30, lead_s=0))
    clock.advance(0.2)
    assert completed(hc.finish_now()) == [HoldRecord(1, None, 30, 1)]


def test_finish_during_get_ready_starts_the_hold_now() -> None:
    hc, clock = started(TimerPlan(hold_s=30, lead_s=5))
    clock.advance(2)
    assert hc.finish_now() == [PhaseStarted(Phase.HOLD, 1, None, 2.0)]
    assert hc.records == [] and hc.remaining() == 30.0
    clock.advance(30)
    assert starts(hc.update()) == [(Phase.DONE, 1, None, 32.0)]


def test_finish_during_switch_starts_the_right_side_now() -> None:
    hc, clock = started(TimerPlan(hold_s=20, sides=True, lead_s=0, switch_s=10))
    clock.advance(22)
    hc.update()
    assert hc.phase is Phase.SWITCH
    assert starts(hc.finish_now()) == [(Phase.HOLD, 1, R, 22.0)]


def test_finish_now_when_done_is_a_no_op() -> None:
    hc, clock = started(TimerPlan(hold_s=3, lead_s=0))
    clock.advance(10)
    hc.update()
    assert hc.finish_now() == [] and hc.records == [HoldRecord(1, None, 3, 3)]


def test_abandon_logs_nothing_for_the_running_hold() -> None:
    hc, clock = started(TimerPlan(hold_s=30, lead_s=0))
    clock.advance(12)
    assert hc.abandon() == []
    assert (hc.phase, hc.abandoned, hc.records) == (Phase.DONE, True, [])
    clock.advance(100)
    assert hc.update() == []


def test_abandon_after_the_left_side_keeps_exactly_the_left_record() -> None:
    hc, clock = started(TimerPlan(hold_s=20, sides=True, lead_s=5, switch_s=5))
    clock.advance(26)
    hc.update()
    clock.advance(6)  # into the right side
    hc.abandon()
    assert hc.records == [HoldRecord(1, L, 20, 20)]
    assert hc.phase is Phase.DONE and hc.abandoned


def test_abandon_hands_out_a_hold_that_had_already_reached_its_deadline() -> None:
    hc, clock = started(TimerPlan(hold_s=20, sides=True, lead_s=0, switch_s=5))
    clock.advance(21)  # left finished at 20, update() never ran
    assert completed(hc.abandon()) == [HoldRecord(1, L, 20, 20)]
    assert hc.records == [HoldRecord(1, L, 20, 20)]


def planned_starts(plan: TimerPlan, start: float) -> list[tuple[Phase, int, Side | None, float]]:
    """Every phase start after the first, worked out by hand from the plan: plain running sums."""
    sides: list[Side | None] = [L, R] if plan.sides else [None]
    out = []
    t = start + plan.lead_s
    for set_no in range(1, plan.sets + 1):
        for i, side in enumerate(sides):
            if i == 1 and plan.switch_s:
                out.append((Phase.SWITCH, set_no, side, t))
                t += plan.switch_s
            elif i == 0 and set_no > 1 and plan.rest_s:
                out.append((Phase.REST, set_no, side, t))
                t += plan.rest_s
            out.append((Phase.HOLD, set_no, side, t))
            t += plan.hold_s
    out.append((Phase.DONE, plan.sets, None, t))
    # With no lead-in the first hold is the phase start() itself reports.
    return out if plan.lead_s else out[1:]


@pytest.mark.parametrize("seed", [0, 1, 2, 7, 42, 2026])
def test_random_stalls_never_shift_a_boundary(seed: int) -> None:
    rng = random.Random(seed)
    plan = TimerPlan(hold_s=rng.randint(5, 40), sets=rng.randint(1, 4), sides=rng.random() < 0.5,
                     lead_s=rng.randint(0, 5), switch_s=rng.randint(0, 5), rest_s=rng.randint(0, 30))
    start = rng.uniform(0, 10_000)
    hc, clock = started(plan, start)
    events: list[Event] = []
    while hc.phase is not Phase.DONE:
        # A 10 Hz tick, with the event loop now and then stalling for up to 0.7 s.
        clock.advance(0.1 + (rng.uniform(0, 0.7) if rng.random() < 0.3 else 0.0))
        events += hc.update()
    got, expected = starts(events), planned_starts(plan, start)
    assert [g[:3] for g in got] == [e[:3] for e in expected]
    for g, e in zip(got, expected, strict=True):
        assert g[3] == pytest.approx(e[3], abs=1e-9)
    assert len(hc.records) == hc.total_holds
    assert all(r.held_s == r.target_s == plan.hold_s for r in hc.records)


@pytest.mark.parametrize(
    ("kwargs", "message"),
    [
        ({"hold_s": 0}, "hold"),
        ({"hold_s": 10, "sets": 0}, "sets"),
        ({"hold_s": 10, "lead_s": -1}, "lead_s"),
        ({"hold_s": 10, "switch_s": -1}, "switch_s"),
        ({"hold_s": 10, "rest_s": -5}, "rest_s"),
    ],
)
def test_plan_validation(kwargs: dict[str, int], message: str) -> None:
    with pytest.raises(ValueError, match=message):
        TimerPlan(**kwargs)  # type: ignore[arg-type]
