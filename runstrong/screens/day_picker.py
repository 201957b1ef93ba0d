"""Modal choice of what to do today: any day of the program (not only the rotation's next), or
an empty session to build as you go, for today or an earlier date (a session forgotten)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Input, Label, OptionList
from textual.widgets.option_list import Option

from runstrong.core.models import Program
from runstrong.core.set_input import InputProblem
from runstrong.core.session_input import parse_session_date
from runstrong.widgets.markup_safe import as_markup

EMPTY = "empty"
"""The option id of the empty session."""


@dataclass(frozen=True)
class DayChoice:
    """The day picker's answer: which program day (or an empty session), for which date."""

    day_index: int | None
    """The program day to do, or None for an empty session."""
    when: date
    """The date the session is logged for."""


class DayPickerScreen(ModalScreen[DayChoice | None]):
    """Choose a day of `program` (or an empty session) and a date; None when cancelled."""

    HELP_TITLE = "Choose the day"
    CSS_PATH = "session_edits.tcss"

    BINDINGS = [Binding("escape", "cancel", "Cancel", id="day_picker.cancel", tooltip="Close without changing")]

    def __init__(self, program: Program, next_index: int, today: date, *, focus_date: bool = False) -> None:
        super().__init__(classes="dialog-screen")
        self.program = program
        self.next_index = next_index
        self.today = today
        self.focus_date = focus_date

    def compose(self) -> ComposeResult:
        options = [
            Option(
                f"{as_markup(day.name)}  [dim]{len(day.items)} exercises[/dim]"
                + ("  [b](next)[/b]" if index == self.next_index else ""),
                id=str(index),
            )
            for index, day in enumerate(self.program.days)
        ]
        options.append(Option("Empty session  [dim]build it as you go[/dim]", id=EMPTY))
        with Vertical(classes="dialog", id="day-picker-dialog"):
            yield Label(f"[b]What to do · {as_markup(self.program.name)}[/b]", classes="dialog-title")
            yield OptionList(*options, id="day-list")
            with Horizontal(id="date-row"):
                yield Label("For the date ")
                yield Input("today", id="date-input", select_on_focus=True, compact=True)
            yield Label("", id="date-error", classes="field-error")
            yield Label("[dim]today, yesterday, -2 or 2026-11-20 · tab: date · enter picks[/dim]")

    def on_mount(self) -> None:
        days = self.query_one(OptionList)
        days.highlighted = self.next_index
        (self.query_one("#date-input", Input) if self.focus_date else days).focus()

    def _when(self) -> date | None:
        error = self.query_one("#date-error", Label)
        try:
            when = parse_session_date(self.query_one("#date-input", Input).value, self.today)
        except InputProblem as problem:
            error.update(str(problem))
            error.display = True
            return None
        error.display = False
        return when

    def _choose(self, option_id: str | None) -> None:
        when = self._when()
        if when is None or option_id is None:
            return
        self.dismiss(DayChoice(None if option_id == EMPTY else int(option_id), when))

    @on(OptionList.OptionSelected)
    def chosen(self, event: OptionList.OptionSelected) -> None:
        self._choose(event.option.id)

    @on(Input.Submitted, "#date-input")
    def date_entered(self) -> None:
        days = self.query_one(OptionList)
        if days.highlighted is not None:
            self._choose(days.get_option_at_index(days.highlighted).id)

    def action_cancel(self) -> None:
        self.dismiss(None)
