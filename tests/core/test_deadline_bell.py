"""DeadlineBell over a manual clock: rings once per deadline, at the deadline, unless disarmed."""

from __future__ import annotations

from datetime import datetime, timezone

from runstrong.core.clock import ManualClock
from runstrong.core.deadline_bell import DeadlineBell


def make() -> tuple[ManualClock, DeadlineBell, list[float]]:
    clock = ManualClock(datetime(2026, 11, 22, tzinfo=timezone.utc), monotonic_start=100.0)
    rung: list[float] = []
    return clock, DeadlineBell(clock, lambda: rung.append(clock.monotonic())), rung


def test_rings_once_at_the_deadline() -> None:
    clock, bell, rung = make()
    bell.arm(130.0)
    bell.arm(130.0)  # arming again for the same deadline changes nothing
    clock.advance(29.9)
    assert rung == []
    clock.advance(0.2)
    assert rung == [130.1]
    clock.advance(60)
    assert rung == [130.1]


def test_whoever_claims_a_deadline_first_rings() -> None:
    clock, bell, rung = make()
    bell.arm(110.0)
    assert bell.claim(110.0)  # the screen noticed first
    clock.advance(20)
    assert rung == []
    assert not bell.claim(110.0)


def test_moving_the_deadline_moves_the_bell() -> None:
    clock, bell, rung = make()
    bell.arm(110.0)
    bell.arm(115.0)  # +5 s
    clock.advance(12)
    assert rung == []
    clock.advance(3)
    assert rung == [115.0]


def test_disarmed_it_stays_silent() -> None:
    clock, bell, rung = make()
    bell.arm(110.0)
    bell.arm(None)
    clock.advance(60)
    assert rung == []
