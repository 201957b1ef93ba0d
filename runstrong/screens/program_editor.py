"""The program editor: make an own program, or change one, or a copy of a packaged one.

Days and their items are listed in one column: a day's name, then its exercises. Keys add,
change, remove and move the highlighted row; ctrl+s checks the whole program (the routine-file
validator, core.program_draft) and saves it in one transaction before the screen closes. Until
then everything is a draft: escape leaves without saving (after asking, if something changed).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal
from textual.screen import Screen
from textual.widgets import Input, Label, OptionList
from textual.widgets.option_list import Option

from runstrong.core.catalog import CatalogError
from runstrong.core.durations import format_duration
from runstrong.core.models import ProgramItem
from runstrong.core.plurals import count_of
from runstrong.core.program_draft import ProgramDraft
from runstrong.core.text import plain_text
from runstrong.screens.form_fields import show_problem
from runstrong.store import StoreError
from runstrong.widgets.key_bar import KeyBar

if TYPE_CHECKING:
    from runstrong.app import RunStrongApp


class ProgramEditorScreen(Screen[str | None]):
    """Edit `draft`. Dismisses with the saved program's id, or None when left without saving."""

    CSS_PATH = "program_editor.tcss"
    HELP_TITLE = "Program editor"

    app: RunStrongApp

    BINDINGS = [
        Binding("a", "add_item", "Add exercise", id="editor.add_item", tooltip="Add an exercise after the highlighted row"),
        Binding("d", "add_day", "Add day", id="editor.add_day", tooltip="Add a day after the highlighted day"),
        Binding("e,enter", "edit", "Edit", id="editor.edit", tooltip="Change the highlighted exercise, or rename the day"),
        Binding("x,delete", "remove", "Remove", id="editor.remove", tooltip="Remove the highlighted exercise or day"),
        Binding("shift+up,K", "move(-1)", "Move up", show=False, id="editor.up", tooltip="Move the highlighted row up"),
        Binding("shift+down,J", "move(1)", "Move down", show=False, id="editor.down", tooltip="Move the highlighted row down"),
        Binding("n", "rename", "Name", show=False, id="editor.name", tooltip="Change the program's name"),
        Binding("ctrl+s", "save", "Save", id="editor.save", tooltip="Check and save the program"),
        Binding("escape", "leave", "Back", id="editor.leave", tooltip="Leave without saving"),
        # q would quit the app with the draft unsaved: here it asks first, like escape.
        Binding("q", "leave", "Back", show=False, id="editor.quit", tooltip="Leave without saving"),
    ]

    def __init__(self, draft: ProgramDraft, title: str) -> None:
        super().__init__(id="program-editor")
        self.draft = draft
        self.title_text = title
        self.changed = False

    def compose(self) -> ComposeResult:
        with Horizontal(id="editor-header"):
            yield Label(self.title_text, id="editor-title", markup=False)
            yield Label("shift+↑↓ move · ? all keys", id="editor-hint")
        with Horizontal(classes="editor-field"):
            yield Label("Name", classes="editor-field-label")
            yield Input(plain_text(self.draft.name), id="name-input", compact=True)
        yield Label("", id="name-error", classes="field-error", markup=False)
        with Horizontal(classes="editor-field"):
            yield Label("About", classes="editor-field-label")
            yield Input(
                plain_text(self.draft.description), id="description-input", compact=True,
                placeholder="optional: what it is for, shown in the program list",
            )
        yield OptionList(id="editor-rows")
        yield Label("", id="editor-detail", markup=False)
        yield KeyBar(compact=True, show_command_palette=False)

    @property
    def rows(self) -> OptionList:
        return self.query_one("#editor-rows", OptionList)

    def on_mount(self) -> None:
        self.refresh_rows(0)
        self.rows.focus()

    # -- showing the draft ----------------------------------------------------------------------

    def refresh_rows(self, highlight: int | None = None) -> None:
        """Rebuild the list from the draft and highlight row `highlight` (default: the same)."""
        rows = self.rows
        keep = rows.highlighted if highlight is None else highlight
        catalog = self.app.catalog
        options = []
        for day_index, item_index in self.draft.rows():
            day = self.draft.days[day_index]
            if item_index is None:
                count = len(day.items)
                options.append(Option(Text.assemble((plain_text(day.name), "bold"), (f"  {count_of(count, 'exercise')}", "dim"))))
                continue
            item = day.items[item_index]
            exercise = catalog.exercise(item.exercise_id)
            rest = item.prescription.rest_s
            line = Text.assemble(
                "  ",
                plain_text(exercise.name),
                "  " + exercise.prescription_label(item.prescription, self.app.settings.unit),
                (f"  rest {format_duration(rest)}" if rest is not None else "", "dim"),
                ("  (own)" if exercise.own else "", "dim"),
            )
            options.append(Option(line))
        rows.clear_options()
        rows.add_options(options)
        if options:
            rows.highlighted = min(keep or 0, len(options) - 1)
        self._describe()

    def _current(self) -> tuple[int, int | None] | None:
        index = self.rows.highlighted
        rows = self.draft.rows()
        return rows[index] if index is not None and index < len(rows) else None

    def _row_of(self, day: int, item: int | None) -> int:
        return self.draft.rows().index((day, item))

    @on(OptionList.OptionHighlighted)
    def _describe(self) -> None:
        current = self._current()
        detail = self.query_one("#editor-detail", Label)
        if current is None:
            detail.update("No days yet: d adds one")
            return
        day, item = current
        name = self.draft.days[day].name
        if item is None:
            detail.update(f"Day {day + 1} of {len(self.draft.days)}: {name} · a adds an exercise · e renames")
        else:
            exercise = self.app.catalog.exercise(self.draft.days[day].items[item].exercise_id)
            detail.update(f"{name}, exercise {item + 1}: {exercise.name} ({exercise.kind.value})")

    def _changed(self, highlight: int) -> None:
        self.changed = True
        self.refresh_rows(highlight)

    # -- days -----------------------------------------------------------------------------------

    def action_add_day(self) -> None:
        current = self._current()
        after = current[0] if current else None
        name = f"Day {len(self.draft.days) + 1}"
        while self.draft.day_name_problem(name, None):
            name += "+"

        def added(chosen: str | None) -> None:
            if chosen is not None:
                index = self.draft.add_day(after, chosen)
                self._changed(self._row_of(index, None))

        from runstrong.screens.day_name import DayNameScreen

        self.app.push_screen(DayNameScreen("New day", name, lambda text: self.draft.day_name_problem(text, None)), added)

    def action_rename(self) -> None:
        self.query_one("#name-input", Input).focus()

    # -- items ----------------------------------------------------------------------------------

    def action_add_item(self) -> None:
        current = self._current()
        if current is None:
            self.app.notify("Add a day first (d)", severity="warning", timeout=3)
            return
        day, item = current

        def added(new: ProgramItem | None) -> None:
            if new is not None:
                index = self.draft.add_item(day, item, new)
                self._changed(self._row_of(day, index))

        self._item_form(f"Add to {self.draft.days[day].name}", None, added, day)

    def action_edit(self) -> None:
        current = self._current()
        if current is None:
            return
        day, item = current
        if item is None:
            from runstrong.screens.day_name import DayNameScreen

            def renamed(name: str | None) -> None:
                if name is not None and name != self.draft.days[day].name:
                    self.draft.rename_day(day, name)
                    self._changed(self._row_of(day, None))

            problem = lambda text: self.draft.day_name_problem(text, day)  # noqa: E731
            self.app.push_screen(DayNameScreen("Rename day", self.draft.days[day].name, problem), renamed)
            return

        def changed(new: ProgramItem | None) -> None:
            if new is not None and new != self.draft.days[day].items[item]:
                self.draft.replace_item(day, item, new)
                self._changed(self._row_of(day, item))

        self._item_form(f"{self.draft.days[day].name}, exercise {item + 1}", self.draft.days[day].items[item], changed, day)

    def _item_form(self, title: str, item: ProgramItem | None, done, day: int) -> None:  # type: ignore[no-untyped-def]
        from runstrong.screens.program_item_form import ProgramItemScreen

        others = frozenset(i.exercise_id for i in self.draft.days[day].items if i is not item)
        self.app.push_screen(ProgramItemScreen(title, self.app.catalog, self.app.settings.unit, item, others), done)

    def action_remove(self) -> None:
        current = self._current()
        if current is None:
            return
        day, item = current
        row = self.rows.highlighted or 0
        if item is None:
            self.draft.remove_day(day)
        else:
            self.draft.remove_item(day, item)
        self._changed(max(0, min(row, len(self.draft.rows()) - 1)))

    def action_move(self, step: int) -> None:
        current = self._current()
        if current is None:
            return
        day, item = current
        if item is None:
            moved = self.draft.move_day(day, step)
            self._changed(self._row_of(moved, None))
        else:
            moved_day, moved_item = self.draft.move_item(day, item, step)
            self._changed(self._row_of(moved_day, moved_item))

    # -- name, saving and leaving ---------------------------------------------------------------

    @on(Input.Changed, "#name-input")
    def _name_typed(self, event: Input.Changed) -> None:
        if event.value != self.draft.name:
            self.draft.name = event.value
            self.changed = True

    @on(Input.Changed, "#description-input")
    def _description_typed(self, event: Input.Changed) -> None:
        if event.value != self.draft.description:
            self.draft.description = event.value
            self.changed = True

    @on(Input.Submitted, "#name-input")
    @on(Input.Submitted, "#description-input")
    def _name_done(self) -> None:
        self.rows.focus()

    def action_save(self) -> None:
        show_problem(self, "name", None)
        try:
            program = self.draft.finish(self.app.catalog)
        except CatalogError as error:
            if error.at == ("name",):
                message = str(error).split(": ", 1)[-1]  # "program 'x': the name ..." -> "the name ..."
                show_problem(self, "name", message[:1].upper() + message[1:])
            else:
                self.app.notify(plain_text(str(error)), title="Not saved", severity="error", timeout=8)
            return
        try:
            self.app.store.save_program(program)
        except StoreError as error:
            self.app.notify(f"Not saved: {error}", severity="error", timeout=10)
            return
        self.draft.program_id = program.id
        self.changed = False
        self.app.notify(f"Saved {plain_text(program.name)}", timeout=3)
        self.dismiss(program.id)

    def action_leave(self) -> None:
        if not self.changed:
            self.dismiss(None)
            return
        from runstrong.screens.confirm import ConfirmScreen

        def answered(leave: bool | None) -> None:
            if leave:
                self.dismiss(None)

        self.app.push_screen(
            ConfirmScreen("Leave without saving?", "The changes to this program are not saved.", confirm_label="Leave"),
            answered,
        )
