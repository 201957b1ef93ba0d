"""q and ctrl+q never drop a hold in progress: they ask first, and say what yes does.

Everywhere else quitting loses nothing (every tick is saved as it is made), so only a running
hold is guarded: `y` logs the seconds held so far (as enter on the timer would) and then quits,
`n` goes back to the hold, which kept running meanwhile. The hold keeps running while the question
is up, so the question names no number: `y` logs the time held when it is answered. If that hold
cannot be saved (locked database, full disk), the app does not quit: it stays on the timer's
summary, which says NOT SAVED, so nothing the runner did is lost without their seeing it.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from runstrong.core.durations import format_duration
from runstrong.core.holdclock import Phase
from runstrong.screens.confirm import ConfirmScreen
from runstrong.screens.hold_timer import HoldTimerScreen

if TYPE_CHECKING:
    from runstrong.app import RunStrongApp


def ask_before_quit(app: RunStrongApp) -> bool:
    """True when a hold runs on screen and the question was asked (the answer quits or not)."""
    timer = app.screen
    if not isinstance(timer, HoldTimerScreen) or timer.hold.phase is not Phase.HOLD:
        return False
    if timer.commit is not None:
        question = "A hold is running. Log it and quit?"
        detail = "y logs the time held until you answer as this set, then quits · n goes back to the hold"
        label = "Log and quit"
    else:
        held = format_duration(timer.hold.held_now())
        question = f"A hold is running ({held} held). Quit?"
        detail = "Nothing is logged (the timer was started with --no-log) · n goes back to the hold"
        label = "Quit"

    def answered(yes: bool | None) -> None:
        if not yes:
            return
        if timer.hold.phase is Phase.HOLD:
            timer.action_finish()  # logs the time actually held, as enter does
        if timer.unsaved:
            # The save failed and its toast would vanish with the app: stop the timer and stay
            # on its summary, which says NOT SAVED, instead of quitting.
            timer.action_abandon()
            return
        app.exit()

    app.push_screen(ConfirmScreen(question, detail, confirm_label=label), answered)
    return True
