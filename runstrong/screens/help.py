"""Modal list of every key the screen underneath answers to, built from its live bindings."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import DataTable, Label


class HelpScreen(ModalScreen[None]):
    BINDINGS = [Binding("escape,question_mark,q", "close", "Close", id="help.close")]

    def __init__(self, title: str, keys: list[tuple[str, str]]) -> None:
        super().__init__(classes="dialog-screen")
        self.title_text = title
        self.keys = keys

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog", id="help-dialog"):
            yield Label(f"[b]Keys · {self.title_text}[/b]", classes="dialog-title")
            table: DataTable[str] = DataTable(cursor_type="none", show_header=False, zebra_stripes=True, id="help-keys")
            table.add_columns("key", "does")
            for key, description in self.keys:
                table.add_row(f"[b]{key}[/b]", description)
            yield table
            yield Label("[dim]escape closes[/dim]")

    def action_close(self) -> None:
        self.dismiss(None)
