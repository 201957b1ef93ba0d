"""The rest countdown between sets: one line above Today's summary, hidden while no rest runs.

Like the hold timer it counts down to a deadline on the app's monotonic clock (never by counting
ticks) and redraws only when the shown second changes. It never takes focus or keys: Today's
`s` and `r` / `+` call `skip()` and `add()`, and ticking the next set simply starts a new rest.
"""

from __future__ import annotations

import math
from typing import TYPE_CHECKING

from textual.app import ComposeResult
from textual.containers import Horizontal
from textual.markup import escape
from textual.timer import Timer
from textual.widgets import Label, ProgressBar

from runstrong.core.durations import format_duration
from runstrong.core.text import printable

if TYPE_CHECKING:
    from runstrong.app import RunStrongApp

POLL_S = 0.1
ADD_S = 15


class RestBar(Horizontal):
    """Counts one rest down; `start()` it after a tick, `skip()` or `stop()` it early."""

    app: RunStrongApp

    def __init__(self, **kwargs: str) -> None:
        super().__init__(**kwargs)
        self.length_s = 0.0
        """Length of the running rest, including seconds added."""
        self.reason = ""
        """What the rest follows, e.g. "after Squat"."""
        self._deadline: float | None = None
        self._shown: int | None = None
        self._ticker: Timer | None = None

    def compose(self) -> ComposeResult:
        yield Label(id="rest-label")
        yield ProgressBar(1, show_eta=False, show_percentage=False, id="rest-progress")
        yield Label(f"[b]s[/b] skip · [b]r[/b] +{format_duration(ADD_S)}", id="rest-keys")

    def on_mount(self) -> None:
        # Paused while no rest runs, so an idle Today does no work at all.
        self._ticker = self.set_interval(POLL_S, self.poll, pause=True)

    @property
    def running(self) -> bool:
        return self._deadline is not None

    def remaining(self) -> float:
        """Seconds of rest left: deadline - now, 0 when no rest runs."""
        if self._deadline is None:
            return 0.0
        return max(0.0, self._deadline - self.app.clock.monotonic())

    def start(self, seconds: float, reason: str = "") -> None:
        """Begin a rest of `seconds` now, replacing any rest already running."""
        self._deadline = self.app.clock.monotonic() + seconds
        self.length_s = float(seconds)
        self.reason = reason
        self._shown = None
        self.add_class("-running")
        if self._ticker is not None:
            self._ticker.resume()
        self.poll()

    def add(self, seconds: float = ADD_S) -> None:
        if self._deadline is not None:
            self._deadline += seconds
            self.length_s += seconds
            self.poll()

    def skip(self) -> None:
        self.stop()

    def stop(self) -> None:
        """End the rest without a signal and hide the bar."""
        self._deadline = None
        self.remove_class("-running")
        if self._ticker is not None:
            self._ticker.pause()

    def poll(self) -> None:
        """Redraw when the shown second changes; at zero ring the bell and hide."""
        if self._deadline is None:
            return
        remaining = self.remaining()
        if remaining <= 0:
            self.stop()
            if self.app.settings.bell:
                self.app.bell()
            self.notify("Rest over: on to the next set", timeout=3)
            return
        shown = math.ceil(remaining - 1e-6)
        if shown == self._shown:
            return
        self._shown = shown
        reason = f" [dim]{escape(printable(self.reason))}[/dim]" if self.reason else ""  # holds a stored name
        self.query_one("#rest-label", Label).update(f"[b]REST {format_duration(shown)}[/b]{reason}")
        progress = self.query_one("#rest-progress", ProgressBar)
        progress.update(total=self.length_s, progress=self.length_s - shown)
