"""Modal prompt for a program day's name; refuses an empty or repeated name where it is typed."""

from __future__ import annotations

from collections.abc import Callable

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Input, Label

from runstrong.screens.form_fields import field, show_problem, value_of


class DayNameScreen(ModalScreen[str | None]):
    """Dismisses with the name typed, or None when cancelled. `problem(name)` says what is wrong."""

    CSS_PATH = "program_editor.tcss"
    BINDINGS = [Binding("escape", "cancel", "Cancel", id="day.cancel")]

    def __init__(self, title: str, name: str, problem: Callable[[str], str | None]) -> None:
        super().__init__(classes="dialog-screen")
        self.title_text = title
        self.initial = name
        self.problem = problem

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog", id="day-dialog"):
            yield Label(self.title_text, classes="dialog-title", markup=False)
            yield from field("day", "Day name", self.initial)
            with Horizontal(classes="dialog-buttons"):
                yield Button("Save", variant="primary", id="save", compact=True)
                yield Button("Cancel", id="cancel", compact=True)

    def on_mount(self) -> None:
        self.query_one(Input).focus()

    @on(Input.Submitted)
    @on(Button.Pressed, "#save")
    def save(self) -> None:
        name = value_of(self, "day").strip()
        problem = self.problem(name)
        show_problem(self, "day", problem)
        if problem is None:
            self.dismiss(name)

    @on(Button.Pressed, "#cancel")
    def action_cancel(self) -> None:
        self.dismiss(None)
