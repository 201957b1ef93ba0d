"""Modal list of programs; the chosen one is what Today follows from then on."""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.markup import escape
from textual.screen import ModalScreen
from textual.widgets import Label, OptionList
from textual.widgets.option_list import Option

from runstrong.core.models import Program
from runstrong.core.text import printable


class ProgramPickerScreen(ModalScreen[str | None]):
    BINDINGS = [Binding("escape,q", "cancel", "Cancel", id="picker.cancel")]

    def __init__(self, programs: tuple[Program, ...], current_id: str) -> None:
        super().__init__(classes="dialog-screen")
        self.programs = programs
        self.current_id = current_id

    def compose(self) -> ComposeResult:
        options = []
        for program in self.programs:
            days = escape(printable(", ".join(day.name for day in program.days)))
            mark = "● " if program.id == self.current_id else "  "
            options.append(Option(f"{mark}[b]{escape(printable(program.name))}[/b]\n  [dim]{days}[/dim]", id=program.id))
        with Vertical(classes="dialog", id="picker-dialog"):
            yield Label("[b]Choose a program[/b]", classes="dialog-title")
            yield OptionList(*options, id="program-list")
            yield Label("", id="program-description")

    def on_mount(self) -> None:
        option_list = self.query_one(OptionList)
        ids = [program.id for program in self.programs]
        option_list.highlighted = ids.index(self.current_id) if self.current_id in ids else 0

    @on(OptionList.OptionHighlighted)
    def describe(self, event: OptionList.OptionHighlighted) -> None:
        program = next(p for p in self.programs if p.id == event.option.id)
        self.query_one("#program-description", Label).update(program.description)

    @on(OptionList.OptionSelected)
    def choose(self, event: OptionList.OptionSelected) -> None:
        self.dismiss(event.option.id)

    def action_cancel(self) -> None:
        self.dismiss(None)
