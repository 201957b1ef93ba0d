"""The two clocks the app reads: wall time for what is logged, monotonic time for countdowns.

Both come through one object so tests can hand the app a fake and never sleep.
"""

from __future__ import annotations

import re
import threading
import time
from collections.abc import Callable
from datetime import date, datetime, timedelta
from typing import Protocol


class Cancellable(Protocol):
    def cancel(self) -> None: ...


class Clock(Protocol):
    def now(self) -> datetime:
        """Aware local wall time (what is written to the database)."""
        ...

    def monotonic(self) -> float:
        """Seconds on a clock that never jumps (what countdowns are measured on)."""
        ...

    def call_at(self, deadline: float, callback: Callable[[], None]) -> Cancellable:
        """Run `callback` once when monotonic time reaches `deadline`, on the clock's own
        schedule rather than the event loop's (the system clock uses a thread)."""
        ...


class SystemClock:
    def now(self) -> datetime:
        return datetime.now().astimezone()

    def monotonic(self) -> float:
        return time.monotonic()

    def call_at(self, deadline: float, callback: Callable[[], None]) -> Cancellable:
        timer = threading.Timer(max(0.0, deadline - time.monotonic()), callback)
        timer.daemon = True  # never keeps a closing app alive
        timer.start()
        return timer


_ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}", re.ASCII)


def parse_iso_date(text: str) -> date:
    """A calendar date written YYYY-MM-DD and nothing else (surrounding spaces ignored).

    The one date parser for what a runner types or a file holds: Python 3.11's
    `date.fromisoformat` also takes "20270110" and "2027-W01-1", which the database's
    `GLOB '[0-9][0-9][0-9][0-9]-...'` CHECK then refuses far from where it was written.
    ValueError (saying the form wanted) for anything else, or for a day that does not exist.
    """
    cleaned = text.strip()
    if not _ISO_DATE.fullmatch(cleaned):
        raise ValueError(f"{text!r} is not a date written YYYY-MM-DD")
    return date.fromisoformat(cleaned)


def stamp(moment: datetime) -> str:
    """ISO 8601 with offset, to the second: the form every stored time takes."""
    return moment.isoformat(timespec="seconds")


class ManualClock:
    """A clock that moves only when told to: tests, screenshots and benchmarks drive it."""

    def __init__(self, start: datetime, monotonic_start: float = 1000.0) -> None:
        self.wall = start
        self.mono = monotonic_start
        self._due: list[_Scheduled] = []

    def now(self) -> datetime:
        return self.wall

    def monotonic(self) -> float:
        return self.mono

    def call_at(self, deadline: float, callback: Callable[[], None]) -> Cancellable:
        scheduled = _Scheduled(deadline, callback)
        self._due.append(scheduled)
        return scheduled

    def advance(self, seconds: float) -> None:
        """Move both clocks on, running what fell due in deadline order (as a timer would)."""
        self.wall += timedelta(seconds=seconds)
        self.mono += seconds
        due = sorted((s for s in self._due if s.deadline <= self.mono), key=lambda s: s.deadline)
        self._due = [s for s in self._due if s.deadline > self.mono]
        for scheduled in due:
            if not scheduled.cancelled:
                scheduled.callback()


class _Scheduled:
    def __init__(self, deadline: float, callback: Callable[[], None]) -> None:
        self.deadline = deadline
        self.callback = callback
        self.cancelled = False

    def cancel(self) -> None:
        self.cancelled = True
