"""Keys typed in one burst land where they were meant to, even when an earlier key of the burst
opened a dialog or moved the focus.

Textual forwards every key to the widget focused when the key is read, and checks most bindings
only when the key comes back up from that widget. In a burst (a paste, a macro, fast fingers:
`e Tab 60 Enter`), every key is forwarded to the checklist before `e` has opened the edit dialog;
the rest then come back up while the dialog is still being composed, and `60` was lost while
Enter saved the form unchanged.

The rule that fixes the kind, for every dialog and field: a key that comes back up from a widget
that no longer has the focus (a dialog opened, or the focus moved, since it was forwarded) is
replayed to what has the focus now, once the screen on top is mounted; and what each key set
off (a Submitted, a Selected, a dialog closing) settles before the next key is looked at. Dialogs name their first field in AUTO_FOCUS,
which Textual applies right after compose (Widget.focus() in on_mount would come too late: it
is deferred behind the keys already waiting).

It leans on Textual internals (a pump's message queue, the mount event, a key's stop flags,
textual._dispatch_key), which is why Textual is pinned to one version: tests/ui/test_fast_typing
sends real bursts and fails if an upgrade changes them.

Not covered: a key a widget consumed itself (a digit typed into a field) before an earlier key's
binding moved the focus away from it; at typing speed each key is handled before the next.
"""

from __future__ import annotations

import asyncio
from collections import OrderedDict
from contextlib import suppress

from textual import events
from textual.app import App
from textual.dom import DOMNode
from textual._dispatch_key import dispatch_key
from textual.screen import Screen
from textual.widget import Widget

SCREEN_WAIT_S = 2.0
"""The longest a replayed key waits for a newly opened screen to mount (a bound, so a screen
that fails to mount cannot freeze the keyboard)."""
SETTLE_ROUNDS = 50
"""Turns of the event loop a replayed key may take to settle (each is microseconds)."""
TRACKED_KEYS = 64
"""Keys in flight remembered at once; a burst is a handful, and keys a widget consumed are
never seen again, so the oldest are forgotten."""


class KeyRouting(App[None]):
    """Mixin for the app: keys of a burst follow the focus they were typed for."""

    def __init__(self, *args: object, **kwargs: object) -> None:
        super().__init__(*args, **kwargs)  # type: ignore[arg-type]
        self._key_targets: OrderedDict[int, tuple[events.Key, DOMNode]] = OrderedDict()

    async def on_event(self, event: events.Event) -> None:
        if isinstance(event, events.Key) and not event.is_forwarded:
            # Where Textual is about to send it (the same choice App.on_event makes).
            self._key_targets[id(event)] = (event, self.focused or self.screen)
            while len(self._key_targets) > TRACKED_KEYS:
                self._key_targets.popitem(last=False)
        await super().on_event(event)

    async def _on_key(self, event: events.Key) -> None:
        tracked = self._key_targets.pop(id(event), None)
        target = tracked[1] if tracked is not None and tracked[0] is event else None
        # Handled here rather than by App._on_key (Textual calls each class's handler in turn),
        # so that what the key set off can settle before the next key is looked at.
        event.prevent_default()
        if target is not None and target is not (self.focused or self.screen):
            await self._replay(event)
            return
        focused, screen = self.focused, self.screen
        if not await self._check_bindings(event.key):
            await dispatch_key(self, event)
        await self._settle(focused, screen)

    async def _replay(self, stale: events.Key) -> None:
        """Handle `stale` as if it had been read now: the focused widget first, then bindings."""
        screen = self.screen
        if not screen.is_mounted and screen.is_running:
            with suppress(asyncio.TimeoutError):
                await asyncio.wait_for(screen._mounted_event.wait(), SCREEN_WAIT_S)
        key = events.Key(stale.key, stale.character)
        key.set_sender(self)
        focused = self.focused
        # Run in this task, not posted: the next key of the burst must find its effect done.
        if focused is not None:
            await focused._on_key(key)
        if focused is None or not (key._stop_propagation or key._no_default_action):
            if not await self._check_bindings(key.key, priority=True):
                await self._check_bindings(key.key)
        await self._settle(focused, screen)

    async def _settle(self, focused: Widget | None, screen: Screen) -> None:
        """Let what a key set off finish before the next key is looked at: Enter posts
        Submitted, the dialog then closes and hands its result to the screen below, a list's
        Enter posts Selected and its screen opens another."""
        pumps = (*(focused.ancestors_with_self if focused else ()), screen, self.screen)
        for _ in range(SETTLE_ROUNDS):
            if all(pump._message_queue.empty() for pump in pumps):
                return
            await asyncio.sleep(0)
