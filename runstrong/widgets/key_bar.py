"""The footer: the keys of the screen as one line, drawn by one widget.

Textual's Footer mounts and styles a widget per key, and rebuilds them all whenever the bindings
change; on History that was about 40 ms of a cold start. This bar looks the same (the same theme
variables, the command palette key on the right) and redraws one line instead.
"""

from __future__ import annotations

from typing import NamedTuple

from rich.cells import cell_len
from textual import events
from textual.content import Content
from textual.widget import Widget

KEY_STYLE = "bold $footer-key-foreground on $footer-key-background"
DESCRIPTION_STYLE = "$footer-description-foreground on $footer-description-background"
HOVER_STYLE = "on $block-hover-background"
DIVIDER_STYLE = "$foreground 20%"


def parts_width(parts: list[tuple[str, str]]) -> int:
    return sum(cell_len(text) for text, _ in parts)


class BarKey(NamedTuple):
    """One key as the bar shows it."""

    key: str
    display: str
    description: str
    enabled: bool
    tooltip: str


MORE_KEYS = BarKey("question_mark", "?", "more keys", True, "Every key of this screen")
"""Stands last on a bar too narrow for all its keys; a click on it opens help."""


class KeySpan(NamedTuple):
    """Where a key was drawn, so the mouse can find it."""

    start: int
    end: int
    key: BarKey


class KeyBar(Widget, can_focus=False):
    """Shows the screen's keys (those with `show=True`); a click presses the key."""

    ALLOW_SELECT = False
    DEFAULT_CSS = """
    KeyBar {
        dock: bottom;
        height: 1;
        color: $footer-foreground;
        background: $footer-background;
    }
    """

    def __init__(self, *, compact: bool = False, show_command_palette: bool = True) -> None:
        super().__init__()
        self.compact = compact
        self.show_command_palette = show_command_palette
        self.keys: tuple[BarKey, ...] = ()
        self.palette: BarKey | None = None
        self.spans: list[KeySpan] = []
        self._hover: BarKey | None = None

    def on_mount(self) -> None:
        self.screen.bindings_updated_signal.subscribe(self, self._bindings_changed)
        self._bindings_changed()

    def on_unmount(self) -> None:
        self.screen.bindings_updated_signal.unsubscribe(self)

    def _bindings_changed(self, *_: object) -> None:
        active = self.screen.active_bindings
        keys: dict[str, BarKey] = {}
        for _, binding, enabled, tooltip in active.values():
            # One key per action, as Textual's Footer shows it: the first binding found.
            if binding.show and binding.action not in keys:
                display = self.app.get_key_display(binding)
                keys[binding.action] = BarKey(binding.key, display, binding.description, enabled, tooltip)
        palette = None
        if self.show_command_palette and self.app.ENABLE_COMMAND_PALETTE:
            found = active.get(self.app.COMMAND_PALETTE_BINDING)
            if found is not None:
                _, binding, enabled, tooltip = found
                palette = BarKey(binding.key, self.app.get_key_display(binding), binding.description, enabled,
                                 binding.tooltip or binding.description)
        if (tuple(keys.values()), palette) != (self.keys, self.palette):
            self.keys, self.palette = tuple(keys.values()), palette
            self.refresh()

    # -- drawing ---------------------------------------------------------------------------

    def _key_parts(self, key: BarKey, compact: bool) -> list[tuple[str, str]]:
        """The key and its description as Textual's FooterKey draws them (compact: no padding
        around the key, one space after the description instead)."""
        extra = (" dim" if not key.enabled else "") + (f" {HOVER_STYLE}" if key == self._hover else "")
        if compact:
            return [(key.display, KEY_STYLE + extra), (f" {key.description}", DESCRIPTION_STYLE + extra), (" ", "")]
        return [(f" {key.display} ", KEY_STYLE + extra), (f"{key.description} ", DESCRIPTION_STYLE + extra)]

    def render(self) -> Content:
        width = self.size.width
        # The palette key sits on the right behind a divider, drawn compact as the Footer does.
        palette_parts = [("▏", DIVIDER_STYLE), *self._key_parts(self.palette, True)] if self.palette else []
        room = width - parts_width(palette_parts)
        parts: list[tuple[str, str]] = []
        spans: list[KeySpan] = []
        fitted = self._fit(room)
        for key in fitted:
            x = parts_width(parts)
            parts += self._key_parts(key, self.compact)
            spans.append(KeySpan(x, parts_width(parts), key))
        if self.palette is not None:
            parts.append((" " * max(0, room - parts_width(parts)), ""))
            spans.append(KeySpan(room + 1, width, self.palette))
            parts += palette_parts
        self.spans = spans
        return Content.assemble(*parts)

    def _fit(self, room: int) -> list[BarKey]:
        """The keys that fit in `room` cells, whole. When some do not, the last place goes to
        MORE_KEYS, so the bar says that more exist and where to find them (`?`)."""
        def width_of(keys: list[BarKey]) -> int:
            return sum(parts_width(self._key_parts(key, self.compact)) for key in keys)

        keys = list(self.keys)
        if width_of(keys) <= room:
            return keys
        while keys and width_of([*keys, MORE_KEYS]) > room:
            keys.pop()
        return [*keys, MORE_KEYS] if width_of([MORE_KEYS]) <= room else keys

    # -- the mouse -------------------------------------------------------------------------

    def key_at(self, x: int) -> BarKey | None:
        return next((span.key for span in self.spans if span.start <= x < span.end), None)

    def on_mouse_down(self, event: events.MouseDown) -> None:
        key = self.key_at(event.x)
        if key is None:
            return
        if key.enabled:
            self.app.simulate_key(key.key)
        else:
            self.app.bell()

    def on_mouse_move(self, event: events.MouseMove) -> None:
        self._set_hover(self.key_at(event.x))

    def on_leave(self, event: events.Leave) -> None:
        self._set_hover(None)

    def _set_hover(self, key: BarKey | None) -> None:
        if key != self._hover:
            self._hover = key
            self.tooltip = key.tooltip or key.description if key else None
            self.refresh()
