"""The two clocks the app reads: wall time for what is logged, monotonic time for countdowns.

Both come through one object so tests can hand the app a fake and never sleep.
"""

from __future__ import annotations

import time
from datetime import date, datetime, timedelta
from typing import Protocol


class Clock(Protocol):
    def now(self) -> datetime:
        """Aware local wall time (what is written to the database)."""
        ...

    def monotonic(self) -> float:
        """Seconds on a clock that never jumps (what countdowns are measured on)."""
        ...


class SystemClock:
    def now(self) -> datetime:
        return datetime.now().astimezone()

    def monotonic(self) -> float:
        return time.monotonic()


def stamp(moment: datetime) -> str:
    """ISO 8601 with offset, to the second: the form every stored time takes."""
    return moment.isoformat(timespec="seconds")


def day_of(moment: datetime) -> date:
    return moment.date()


class ManualClock:
    """A clock that moves only when told to: tests, screenshots and benchmarks drive it."""

    def __init__(self, start: datetime, monotonic_start: float = 1000.0) -> None:
        self.wall = start
        self.mono = monotonic_start

    def now(self) -> datetime:
        return self.wall

    def monotonic(self) -> float:
        return self.mono

    def advance(self, seconds: float) -> None:
        self.wall += timedelta(seconds=seconds)
        self.mono += seconds
