"""Noticing another window's commits, so every window shows what the file holds.

Two terminals on one database each keep their own connection. Once a second the app asks
SQLite's `PRAGMA data_version` (a counter that moves only when another connection commits; one
call costs microseconds) and, when it moved, asks the screen on top to show what is stored now.
A screen with a dialog or the hold timer over it is left alone: Today and History reload when
they come back on top, because the store's `revision` has moved on too.
"""

from __future__ import annotations

import inspect
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from textual.app import App

    from runstrong.store import Store

WATCH_INTERVAL_S = 1.0
"""How often to look (ours): a tick in one window shows in the other within about a second."""


async def show_changes(app: App[object], store: Store) -> bool:
    """If another connection committed since the last look, have the top screen redraw from the
    store (its `show_stored()`, where it has one). True when there was a change."""
    if not store.changed_elsewhere():
        return False
    show = getattr(app.screen, "show_stored", None)
    if show is not None:
        result = show()
        if inspect.isawaitable(result):
            await result
    return True
