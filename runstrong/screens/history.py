"""History: past sessions, newest first (being built out: see issue 4)."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.screen import Screen
from textual.widgets import Footer, Label


class HistoryScreen(Screen[None]):
    BINDINGS = [Binding("escape,t", "app.switch_mode('today')", "Today", id="history.today")]

    def __init__(self) -> None:
        super().__init__(id="history")

    def compose(self) -> ComposeResult:
        yield Label("History")
        yield Footer()
