"""Ring a bell exactly at a countdown's deadline, even while the event loop is busy.

The runner in a plank listens for the bell rather than watching the screen. The screen notices a
deadline on its next poll, which a slow frame or a busy loop can delay; the clock's own timer
(a thread on the system clock) does not wait for the loop. Each deadline rings once, whichever
side gets there first.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from functools import partial

from runstrong.core.clock import Cancellable, Clock

SAME_DEADLINE_S = 1e-3


class DeadlineBell:
    def __init__(self, clock: Clock, ring: Callable[[], None]) -> None:
        self._clock = clock
        self._ring = ring
        self._lock = threading.Lock()
        self._handle: Cancellable | None = None
        self._armed_for: float | None = None
        self._rung: set[float] = set()

    def arm(self, deadline: float | None) -> None:
        """Ring at `deadline` (monotonic seconds); None disarms. Arming again for the same
        deadline changes nothing, so a caller may arm on every poll."""
        if deadline is not None and self._armed_for is not None and abs(deadline - self._armed_for) < SAME_DEADLINE_S:
            return
        self.disarm()
        if deadline is not None:
            self._armed_for = deadline
            self._handle = self._clock.call_at(deadline, partial(self._fire, deadline))

    def disarm(self) -> None:
        if self._handle is not None:
            self._handle.cancel()
        self._handle = None
        self._armed_for = None

    def claim(self, deadline: float) -> bool:
        """True the first time anyone claims `deadline`: that caller rings, nobody else does."""
        key = round(deadline / SAME_DEADLINE_S)
        with self._lock:
            if key in self._rung:
                return False
            self._rung.add(key)
            return True

    def _fire(self, deadline: float) -> None:
        if self.claim(deadline):
            self._ring()
