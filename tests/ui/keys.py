"""Keys sent the way a paste, a macro or fast fingers send them: all at once."""

from __future__ import annotations

from textual import events
from textual.app import App
from textual.pilot import Pilot

CHARACTERS = {"enter": "\r", "tab": "\t", "space": " ", "escape": "\x1b", "comma": ",", "slash": "/"}


async def burst(pilot: Pilot, *keys: str) -> None:
    """Send every key to the app in one go, then let the app catch up.

    Unlike `pilot.press`, which waits for the app to go idle after each key, nothing runs
    between these keys: every one is queued before the first is handled.
    """
    app: App = pilot.app
    assert app._driver is not None
    for key in keys:
        event = events.Key(key, key if len(key) == 1 else CHARACTERS.get(key))
        event.set_sender(app)
        app._driver.send_message(event)
    for _ in range(4):
        await pilot.pause()
