"""Modal list of every key the screen underneath answers to, built from its live bindings.

The rows are one Static in a scroll: a description wraps under itself rather than being cut,
and on a small terminal (60×20) the list scrolls (arrows, page keys, home/end, the wheel) down
to its last row while the title and the closing hint stay in view.
"""

from __future__ import annotations

from rich.table import Table
from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical, VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Label, Static


def written_key(display: str) -> str:
    """A key as help writes every key: modifiers as words, "ctrl+z" (as the README does), not
    the key bar's compact caret "^z", which Textual's key display gives."""
    return "ctrl+" + display[1:] if display.startswith("^") and len(display) > 1 else display


def key_table(keys: list[tuple[str, str]]) -> Table:
    """Two columns: the keys in bold (never wrapped), the description wrapping in what is left."""
    table = Table.grid(padding=(0, 2), expand=True)
    table.add_column(no_wrap=True)
    table.add_column(ratio=1, overflow="fold")
    for key, description in keys:
        table.add_row(Text(key, style="bold"), Text(description))
    return table


FRAME_ROWS = 4
"""Rows of the dialog that are not the list: its border (2), the title and the hint."""


class HelpScreen(ModalScreen[None]):
    BINDINGS = [Binding("escape,question_mark,q", "close", "Close", id="help.close")]

    def __init__(self, title: str, keys: list[tuple[str, str]]) -> None:
        super().__init__(classes="dialog-screen")
        self.title_text = title
        self.keys = keys

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog", id="help-dialog"):
            yield Label(f"[b]Keys · {self.title_text}[/b]", classes="dialog-title")
            with VerticalScroll(id="help-scroll"):
                yield Static(key_table(self.keys), id="help-keys")
            yield Label("[dim]escape closes · ↑ ↓ scroll[/dim]", id="help-hint")

    def on_mount(self) -> None:
        self.query_one("#help-scroll").focus()

    def on_resize(self) -> None:
        # The rows get what the terminal leaves after the title, the hint and the border, so
        # the hint never drops below the screen (CSS cannot subtract from a percentage).
        self.query_one("#help-scroll").styles.max_height = max(3, self.size.height - FRAME_ROWS)

    def action_close(self) -> None:
        self.dismiss(None)
