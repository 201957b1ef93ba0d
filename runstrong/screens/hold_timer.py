"""The hold timer screen: a big countdown through get-ready, holds, side switches and rests.

The countdown itself is a HoldClock over the app's monotonic clock; this screen only shows it.
A one-shot wake at each change of the shown second (and a 1 Hz poll as a safety net) asks the
clock for events and touches widgets only when the shown whole second, the phase or the pause
state changes; the progress bar moves in the same frame as the digits. A running hold draws
once a second and costs next to nothing (benchmarks/timer_tmux.py measures it in tmux).
The bell does not wait for either: a DeadlineBell rings it from the clock's own timer. Each finished hold goes to the `commit` callback, which saves
it, before the screen says "Hold complete": a hold on screen as done is already on disk.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from contextlib import suppress
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import TYPE_CHECKING, Any

from textual.app import App, ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.screen import Screen
from textual.timer import Timer
from textual.widgets import Digits, Label, ProgressBar, Static

from runstrong.core.clock import Clock
from runstrong.core.deadline_bell import DeadlineBell
from runstrong.core.durations import format_duration
from runstrong.core.plurals import count_of
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
from runstrong.core.set_input import MAX_HOLD_S
from runstrong.core.text import printable
from runstrong.widgets.key_bar import KeyBar
from runstrong.widgets.markup_safe import as_markup
from runstrong.widgets.timer_digits import TimerDigits

if TYPE_CHECKING:
    from runstrong.app import RunStrongApp

POLL_S = 1.0
"""A safety net only: the wake aimed at each change of the shown second does the work."""
WAKE_FLOOR_S = 0.02
PROGRESS_STEPS = 200
FINAL_COUNT = 3
"""The last seconds of a phase are counted out loud on screen: 3… 2… 1…"""
ADJUST_S = 5

PAUSE_TIP = "Pause or resume the countdown"
FINISH_TIP = "Now: start the hold (in the count or a side switch), finish it and log the time actually held (in a hold), end the rest"

FINISH_MEANING = {
    Phase.GET_READY: "start",
    Phase.SWITCH: "start",
    Phase.HOLD: "hold",
    Phase.REST: "rest",
}
"""What enter does in each phase, i.e. which of its bindings the key bar shows."""

PHASE_CLASSES = {
    Phase.GET_READY: "-get-ready",
    Phase.HOLD: "-hold",
    Phase.SWITCH: "-switch",
    Phase.REST: "-rest",
    Phase.DONE: "-done",
}


@dataclass(frozen=True)
class CompletedHold:
    """A hold that has just ended, handed to the screen's `commit` callback to be saved."""

    record: HoldRecord
    ended_at: float
    """Monotonic time the hold ended: its deadline, or the moment enter was pressed."""
    done_at: datetime
    """The same moment on the wall clock: what is stored."""


Commit = Callable[[CompletedHold], bool]
"""Saves one hold; False when it could not be saved (the callback tells the user why)."""


def send_desktop_notice(app: App[Any], message: str) -> None:
    """Ask the terminal for a desktop notification with OSC 9 and OSC 777.

    Written through the driver like App.bell() and copy_to_clipboard() do; the headless driver
    of tests discards it. Terminals that know neither escape ignore them.
    """
    driver = app._driver
    if driver is None:
        return
    # A stray BEL, ESC or ST would end the escape early; ';' separates OSC 777's fields.
    text = printable(message).replace(";", " ").strip()
    driver.write(f"\x1b]9;{text}\x07\x1b]777;notify;runstrong;{text}\x07")


class HoldTimerScreen(Screen[None]):
    """Runs one TimerPlan for one exercise; q, escape or enter closes its summary."""

    CSS_PATH = "hold_timer.tcss"

    app: RunStrongApp

    HELP_TITLE = "Hold timer"
    BINDINGS = [
        # One key, several bindings: check_action leaves only the one that says what the key
        # does now, so the key bar reads "Start now" in the count and "Resume" while paused.
        # Help shows the binding active now, so each tooltip says what the key does in every phase.
        Binding("space", "toggle_pause('pause')", "Pause", id="timer.pause", tooltip=PAUSE_TIP),
        Binding("space", "toggle_pause('resume')", "Resume", id="timer.resume", tooltip=PAUSE_TIP),
        Binding("enter", "finish('start')", "Start now", id="timer.start", tooltip=FINISH_TIP),
        Binding("enter", "finish('hold')", "Finish now", id="timer.finish", tooltip=FINISH_TIP),
        Binding("enter", "finish('rest')", "End rest", id="timer.end_rest", tooltip=FINISH_TIP),
        Binding("escape", "abandon", "Abandon", id="timer.abandon", tooltip="Stop now; the hold in progress is not logged"),
        Binding("plus,equals_sign", f"adjust({ADJUST_S})", f"+{format_duration(ADJUST_S)}", id="timer.more", tooltip=f"Add {ADJUST_S} seconds to this phase"),
        Binding("minus", f"adjust(-{ADJUST_S})", f"-{format_duration(ADJUST_S)}", id="timer.less", tooltip=f"Take {ADJUST_S} seconds off this phase"),
        Binding("q,escape,enter", "close", "Close", id="timer.close", tooltip="Close the timer"),
    ]

    def __init__(
        self,
        plan: TimerPlan,
        exercise: str,
        clock: Clock,
        *,
        commit: Commit | None = None,
        side: Side | None = None,
        first_set_no: int = 1,
        total_sets: int | None = None,
        quit_on_close: bool = False,
    ) -> None:
        """`side` names the side of a one-sided plan (the right box on Today, say).

        `first_set_no` and `total_sets` number the sets as the session does ("set 2 of 3")
        when the plan times only part of it. With `quit_on_close` closing ends the app.
        """
        super().__init__(id="hold-timer")
        self.plan = plan
        self.exercise = exercise
        self.clock = clock
        self.hold = HoldClock(plan, clock=clock.monotonic)
        self.commit = commit
        self.fixed_side = side
        self.first_set_no = first_set_no
        self.total_sets = total_sets or plan.sets
        self.quit_on_close = quit_on_close
        self.unsaved: list[HoldRecord] = []
        """Holds the commit callback could not save."""
        self.dropped_hold = False
        """True when escape stopped the timer in the middle of a hold (that hold is not logged)."""
        self._shown: tuple[object, ...] | None = None
        self._shown_steps = -1
        self._texts: dict[str, str] = {}
        self._ticker: Timer | None = None
        self._wake: Timer | None = None
        self.deadline_bell = DeadlineBell(clock, self._ring_bell)

    def compose(self) -> ComposeResult:
        with Horizontal(id="timer-header"):
            yield Label(f"[b]{as_markup(self.exercise)}[/b]", id="timer-exercise")
            yield Label(id="timer-set")
        with Vertical(id="timer-face"):
            yield Label(id="timer-phase")
            yield Label(id="timer-side")
            yield TimerDigits(id="timer-digits")
            yield Label(id="timer-final")
            yield ProgressBar(PROGRESS_STEPS, show_eta=False, show_percentage=False, id="timer-progress")
            yield Label(id="timer-paused")
            yield Label(id="timer-status")
        with Vertical(id="timer-summary"):
            yield Label(id="summary-title")
            with VerticalScroll(id="summary-scroll"):
                yield Static(id="summary-rows")
            closes = "quits runstrong" if self.quit_on_close else "closes the timer"
            yield Label(f"[dim]q, escape or enter {closes}[/dim]", id="summary-hint")
        yield KeyBar()

    def on_mount(self) -> None:
        self._handle(self.hold.start())
        self._ticker = self.set_interval(POLL_S, self.poll)
        self._refresh_face()
        self._arm_bell()

    # -- the tick --------------------------------------------------------------------------

    def poll(self) -> None:
        """Catch up with the clock: save finished holds, then redraw what changed."""
        events = self.hold.update()
        if events:
            self._handle(events)
        self._refresh_face()
        self._arm_wake()
        self._arm_bell()

    def _arm_wake(self) -> None:
        # The digits must change exactly when the shown second does (and the phase end exactly
        # at its deadline): one timer aimed at the next such moment, re-aimed each time. The
        # screen wakes once a second and draws once a second, digits and bar together: in a
        # real terminal each separate redraw cost more than the work that asked for it.
        hold = self.hold
        if self._wake is not None or hold.phase is Phase.DONE or hold.paused:
            return
        remaining = hold.remaining()
        until_next_second = remaining - (math.ceil(remaining - 1e-6) - 1)
        # A floor, so a clock that stands still (a test's) cannot spin this into a busy loop.
        self._wake = self.set_timer(max(until_next_second, WAKE_FLOOR_S), self._woken)

    def _woken(self) -> None:
        self._wake = None
        self.poll()

    def _cancel_wake(self) -> None:
        if self._wake is not None:
            self._wake.stop()
            self._wake = None

    # -- events from the clock -------------------------------------------------------------

    def _handle(self, events: list[Event]) -> None:
        # The bell first: the runner listens for it, and saving a hold waits for the disk.
        # A deadline the DeadlineBell already rang on time is not rung again; and once per
        # batch: a stall that crossed several phases rings once, not in a burst.
        if any([self.deadline_bell.claim(at) for at in self._bell_moments(events)]):
            self._ring_bell()
        for index, event in enumerate(events):
            if isinstance(event, HoldCompleted):
                self._completed(event.record, self._ended_at(events, index))
            elif event.phase is Phase.HOLD:
                self._status("")
                if self.plan.sides and event.side is Side.RIGHT:
                    message = f"Switch sides: right side, hold {format_duration(self.plan.hold_s)}"
                    self.notify(message, timeout=3)
                    self._desktop_notice(message)
            elif event.phase is Phase.DONE:
                self._show_summary()

    def _ended_at(self, events: list[Event], index: int) -> float:
        # The phase after a hold starts when the hold ended; after a stall that is earlier
        # than now, and the log should say when it really ended.
        return next((e.at for e in events[index + 1 :] if isinstance(e, PhaseStarted)), self.clock.monotonic())

    def _bell_moments(self, events: list[Event]) -> list[float]:
        """When each hold in `events` began or ended: the moments the bell marks."""
        moments: list[float] = []
        for index, event in enumerate(events):
            if isinstance(event, HoldCompleted):
                moments.append(self._ended_at(events, index))
            elif event.phase is Phase.HOLD:
                moments.append(event.at)
        return moments

    def _ring_bell(self) -> None:
        """Called on the event loop, or from the clock's timer thread (driver writes are queued)."""
        if self.app.settings.bell:
            # The app may be closing while the timer thread fires; a bell then is not worth a crash.
            with suppress(AssertionError):
                self.app.bell()

    def _arm_bell(self) -> None:
        self.deadline_bell.arm(self.hold.deadline)

    def on_unmount(self) -> None:
        self.deadline_bell.disarm()

    def _completed(self, record: HoldRecord, ended: float) -> None:
        done_at = self.clock.now() - timedelta(seconds=max(0.0, self.clock.monotonic() - ended))
        saved = True
        if self.commit is not None:
            saved = self.commit(CompletedHold(record, ended, done_at))
        if not saved:
            self.unsaved.append(record)
        side = record.side or self.fixed_side
        where = f" · {side.value}" if side else ""
        held = format_duration(record.held_s)
        if saved:
            message = f"Hold complete{where} · held {held}"
            self._status(message)
            self.notify(message, timeout=3)
        else:
            # Never "Hold complete" for a hold that is not on disk: the commit has said why.
            message = f"Hold NOT saved{where} · held {held}"
            self._status(f"[b]{message}[/b]")
            self.notify(message, severity="error", timeout=10)
        self._desktop_notice(message)

    def _desktop_notice(self, message: str) -> None:
        if self.app.settings.desktop_notice:
            send_desktop_notice(self.app, f"{self.exercise}: {message}")

    def _status(self, text: str) -> None:
        self._set_text("#timer-status", text)

    # -- drawing ---------------------------------------------------------------------------

    def _side(self) -> Side | None:
        return self.hold.side if self.plan.sides else self.fixed_side

    def _refresh_face(self) -> None:
        hold = self.hold
        phase = hold.phase
        if phase is Phase.DONE:
            return
        # Whole seconds rounded up, as format_duration shows them; the epsilon absorbs float noise.
        shown = math.ceil(hold.remaining() - 1e-6)
        key = (phase, hold.hold_index, shown, hold.paused)
        if key == self._shown:
            return
        if self._shown is None or self._shown[0] is not phase or self._shown[3] != hold.paused:
            self.refresh_bindings()  # the key bar says what space and enter do now
        self._shown = key
        self._draw(phase, shown)
        # The bar moves with the digits, in the same frame.
        steps = round(hold.progress() * PROGRESS_STEPS)
        if steps != self._shown_steps:
            self._shown_steps = steps
            self.query_one("#timer-progress", ProgressBar).update(progress=steps)

    def _draw(self, phase: Phase, shown: int) -> None:
        hold = self.hold
        for each, css_class in PHASE_CLASSES.items():
            self.set_class(each is phase, css_class)
        self.set_class(hold.paused, "-paused")
        set_no = self.first_set_no + hold.set_no - 1
        self._set_text("#timer-set", f"set {set_no} of {self.total_sets}")
        self._set_text("#timer-phase", phase.label)
        side = self._side()
        side_text = f"{side.value.upper()} SIDE" if side else ""
        if side_text and phase is not Phase.HOLD:
            side_text = f"next: {side_text}"
        self._set_text("#timer-side", side_text)
        final = 0 < shown <= FINAL_COUNT
        digits = self.query_one("#timer-digits", Digits)
        digits.update(format_duration(shown))
        digits.set_class(final, "-final")
        counted = "  ".join(f"{n}…" for n in range(FINAL_COUNT, shown - 1, -1)) if final else ""
        self._set_text("#timer-final", counted)
        self._set_text("#timer-paused", "PAUSED · space resumes" if hold.paused else "")

    def _set_text(self, selector: str, text: str) -> None:
        # Only what changed, and without a layout pass: these labels have a fixed size, and a
        # screen-wide reflow every second was most of a running hold's CPU time.
        if self._texts.get(selector) != text:
            self._texts[selector] = text
            self.query_one(selector, Label).update(text, layout=False)

    def _show_summary(self) -> None:
        hold = self.hold
        self._cancel_wake()
        if self._ticker is not None:
            self._ticker.stop()
        for each, css_class in PHASE_CLASSES.items():
            self.set_class(each is Phase.DONE, css_class)
        self.remove_class("-paused")
        records = hold.records
        held = format_duration(hold.held_total())
        if self.unsaved:
            # First, also after a stop: "logged" must never be said of a hold that is not on disk.
            title = f"NOT SAVED: {len(self.unsaved)} of {count_of(len(records), 'hold')} · {held} held"
        elif hold.abandoned:
            title = "Timer stopped · " + (f"{len(records)} logged, {held} held" if records else "nothing logged")
            if self.dropped_hold:
                title += " · the hold in progress was not logged"
        elif len(records) == 1:
            title = f"Hold complete · held {held}"
        else:
            title = f"Hold complete · {len(records)} holds · {held} held in all"
        self.query_one("#summary-title", Label).update(f"[b]{title}[/b]")
        rows = []
        for record in records:
            side = record.side or self.fixed_side
            where = f" · {side.value}" if side else ""
            set_no = self.first_set_no + record.set_no - 1
            note = " · [b]not saved[/b]" if record in self.unsaved else ""
            rows.append(
                f"Set {set_no}{where}: [b]{format_duration(record.held_s)}[/b]"
                f" [dim](target {format_duration(record.target_s)})[/dim]{note}"
            )
        self.query_one("#summary-rows", Static).update("\n".join(rows) or "[dim]No holds finished.[/dim]")
        if self.plan.sets > 1:
            self._set_text("#timer-set", count_of(self.plan.sets, "set"))
        self.refresh_bindings()

    # -- keys ------------------------------------------------------------------------------

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        phase = self.hold.phase
        done = phase is Phase.DONE
        if action == "close":
            return done
        if action == "toggle_pause" and not done:
            return parameters == ("resume",) if self.hold.paused else parameters == ("pause",)
        if action == "finish" and not done:
            return parameters == (FINISH_MEANING[phase],)
        if action in ("toggle_pause", "finish", "abandon", "adjust"):
            return not done
        return True

    def action_toggle_pause(self, meaning: str = "") -> None:
        self._cancel_wake()
        self.hold.toggle_pause()
        self.poll()

    def action_finish(self, meaning: str = "") -> None:
        self._cancel_wake()
        self._handle(self.hold.finish_now())
        self._refresh_face()
        self._arm_wake()
        self._arm_bell()

    def action_abandon(self) -> None:
        self._cancel_wake()
        # A hold that has already reached its end is saved, not abandoned.
        self._handle(self.hold.update())
        if self.hold.phase is Phase.DONE:
            return
        self.dropped_hold = self.hold.phase is Phase.HOLD
        self._handle(self.hold.abandon())
        self.deadline_bell.disarm()
        if not self.hold.records:
            self.notify("Timer stopped · nothing logged", timeout=3)
            self.action_close()
            return
        self._show_summary()

    def action_adjust(self, delta_s: int) -> None:
        hold = self.hold
        if delta_s > 0 and hold.phase is Phase.HOLD and hold.phase_duration + delta_s > MAX_HOLD_S:
            self.notify(f"A hold can be at most {format_duration(MAX_HOLD_S)}", severity="warning", timeout=3)
            return
        self._cancel_wake()
        hold.adjust(delta_s)
        self.poll()

    def action_close(self) -> None:
        if self.quit_on_close:
            self.app.exit()
        else:
            self.dismiss(None)
