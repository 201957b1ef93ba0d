"""q and ctrl+q never drop a hold in progress: they ask first, and say what yes does.

Everywhere else quitting loses nothing (every tick is saved as it is made), so only a running
hold is guarded: `y` logs the seconds held so far (as enter on the timer would) and then quits,
`n` goes back to the hold, which kept running meanwhile.
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
    held = format_duration(timer.hold.held_now())
    if timer.commit is not None:
        question = f"A hold is running ({held} held). Log it and quit?"
        detail = f"y logs the {held} held so far as this set, then quits · n goes back to the hold"
        label = "Log and quit"
    else:
        question = f"A hold is running ({held} held). Quit?"
        detail = "Nothing is logged (the timer was started with --no-log) · n goes back to the hold"
        label = "Quit"

    def answered(yes: bool | None) -> None:
        if not yes:
            return
        if timer.hold.phase is Phase.HOLD:
            timer.action_finish()  # logs the time actually held, as enter does
        app.exit()

    app.push_screen(ConfirmScreen(question, detail, confirm_label=label), answered)
    return True
