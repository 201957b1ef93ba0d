"""Modal list of programs; the chosen one is what Today follows from then on.

From here a runner also makes programs of their own: `n` a new one, `d` a copy of the
highlighted one (packaged programs are read-only), `e` edits an own one, `x` archives it. A
program saved in the editor becomes the one followed.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Label, OptionList
from textual.widgets.option_list import Option

from runstrong.core.models import Program
from runstrong.core.text import plain_text
from runstrong.store import StoreError

if TYPE_CHECKING:
    from runstrong.app import RunStrongApp


class ProgramPickerScreen(ModalScreen[str | None]):
    app: RunStrongApp

    BINDINGS = [
        Binding("escape,q", "cancel", "Cancel", id="picker.cancel"),
        Binding("n", "new", "New", id="picker.new", tooltip="Make a new program of your own"),
        Binding("d", "duplicate", "Duplicate", id="picker.duplicate", tooltip="Copy the highlighted program to edit"),
        Binding("e", "edit", "Edit", id="picker.edit", tooltip="Edit the highlighted program (your own ones)"),
        Binding("x", "archive", "Archive", id="picker.archive", tooltip="Hide the highlighted own program (history kept)"),
    ]

    def __init__(self, programs: tuple[Program, ...], current_id: str) -> None:
        super().__init__(classes="dialog-screen")
        self.programs = programs
        self.current_id = current_id

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog", id="picker-dialog"):
            yield Label("[b]Choose a program[/b]   [dim]n new · d duplicate · e edit · x archive[/dim]", classes="dialog-title")
            yield OptionList(*self._options(), id="program-list")
            yield Label("", id="program-description", markup=False)

    def _options(self) -> list[Option]:
        options = []
        for program in self.programs:
            days = ", ".join(day.name for day in program.days)
            mark = "● " if program.id == self.current_id else "  "
            own = " (own)" if program.own else ""
            prompt = Text.assemble(mark, (plain_text(program.name), "bold"), (own, "dim"), "\n  ", (plain_text(days), "dim"))
            options.append(Option(prompt, id=program.id))
        return options

    def on_mount(self) -> None:
        option_list = self.query_one(OptionList)
        ids = [program.id for program in self.programs]
        option_list.highlighted = ids.index(self.current_id) if self.current_id in ids else 0

    @on(OptionList.OptionHighlighted)
    def describe(self, event: OptionList.OptionHighlighted) -> None:
        program = next(p for p in self.programs if p.id == event.option.id)
        self.query_one("#program-description", Label).update(plain_text(program.description))

    @on(OptionList.OptionSelected)
    def choose(self, event: OptionList.OptionSelected) -> None:
        self.dismiss(event.option.id)

    def action_cancel(self) -> None:
        self.dismiss(None)

    # -- own programs ------------------------------------------------------------------------

    def _highlighted(self) -> Program | None:
        index = self.query_one(OptionList).highlighted
        return self.programs[index] if index is not None and index < len(self.programs) else None

    def action_new(self) -> None:
        self.app.edit_program(None, duplicate=False, then=self._saved)

    def action_duplicate(self) -> None:
        program = self._highlighted()
        if program is not None:
            self.app.edit_program(program, duplicate=True, then=self._saved)

    def action_edit(self) -> None:
        program = self._highlighted()
        if program is None:
            return
        if not program.own:
            self.app.notify("Packaged programs are read-only: d makes a copy to edit", severity="warning", timeout=4)
            return
        self.app.edit_program(program, duplicate=False, then=self._saved)

    def _saved(self, program_id: str | None) -> None:
        if program_id is not None:
            self.dismiss(program_id)

    def action_archive(self) -> None:
        program = self._highlighted()
        if program is None:
            return
        if not program.own:
            self.app.notify("Only your own programs can be archived", severity="warning", timeout=3)
            return
        try:
            self.app.store.archive_program(program.id)
        except StoreError as error:
            self.app.notify(f"Not saved: {error}", severity="error", timeout=10)
            return
        self.app.notify(f"{plain_text(program.name)} archived: hidden here, its sessions kept in History", timeout=4)
        self.programs = tuple(p for p in self.programs if p.id != program.id)
        option_list = self.query_one(OptionList)
        option_list.clear_options()
        option_list.add_options(self._options())
        option_list.highlighted = 0
