"""Modal form for one item of a program day: which exercise, sets × reps or seconds (or a range),
an optional target load and rest. Bad values are refused at their field; nothing is saved here:
the item goes back to the program editor's draft."""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.screen import ModalScreen
from textual.suggester import SuggestFromList
from textual.widgets import Button, Input, Label

from runstrong.core.catalog import Catalog
from runstrong.core.models import Exercise, ProgramItem
from runstrong.core.program_draft import FieldProblem, parse_prescription_fields, prescription_fields
from runstrong.core.loads import Unit
from runstrong.core.text import plain_text
from runstrong.screens.form_fields import field, show_problem, value_of

if TYPE_CHECKING:
    from runstrong.app import RunStrongApp

# "rest_s", not "rest": Today's rest bar owns #rest-label, and its style would cut our label short.
FIELDS = ("exercise", "sets", "amount", "load", "rest_s")


class ProgramItemScreen(ModalScreen[ProgramItem | None]):
    """Add or change one item. Dismisses with the ProgramItem, or None when cancelled."""

    AUTO_FOCUS = "#exercise-input"  # focused as the screen opens, so keys typed at once land there

    CSS_PATH = "program_editor.tcss"

    app: RunStrongApp

    BINDINGS = [
        Binding("escape", "cancel", "Cancel", id="item.cancel"),
        Binding("ctrl+n", "new_exercise", "New exercise", id="item.new_exercise", tooltip="Make an exercise of your own"),
    ]

    def __init__(
        self, title: str, catalog: Catalog, unit: Unit, item: ProgramItem | None = None, others: frozenset[str] = frozenset()
    ) -> None:
        super().__init__(classes="dialog-screen")
        self.title_text = title
        self.catalog = catalog
        self.unit = unit
        self.item = item
        self.others = others
        """Exercise ids of the day's other items: an exercise is in a day once."""

    def compose(self) -> ComposeResult:
        item = self.item
        exercise = self.catalog.exercise(item.exercise_id) if item else None
        sets, amount, load, rest = prescription_fields(item.prescription, self.unit) if item else ("3", "", "", "")
        names = sorted((ex.name for ex in self.catalog.pickable_exercises()), key=str.casefold)
        with VerticalScroll(classes="dialog", id="item-dialog"):
            yield Label(self.title_text, classes="dialog-title", markup=False)
            yield Label("Exercise (type a name; ctrl+n makes a new one)", classes="field-label", markup=False)
            yield Input(
                plain_text(exercise.name) if exercise else "",
                id="exercise-input",
                suggester=SuggestFromList(names, case_sensitive=False),
                placeholder="e.g. Front squat",
                compact=True,
            )
            yield Label("", id="exercise-error", classes="field-error", markup=False)
            with Horizontal(id="item-numbers"):
                with Vertical(classes="item-column"):
                    yield from field("sets", "Sets", sets)
                with Vertical(classes="item-column"):
                    yield from field("amount", self._amount_label(exercise), amount, "8 or 8-12")
            with Horizontal(id="item-extras"):
                with Vertical(classes="item-column"):
                    yield from field("load", f"Target load ({self.unit.value}, optional)", load)
                with Vertical(classes="item-column"):
                    yield from field("rest_s", "Rest after a set (optional)", rest, "90, 1:30 or 2m")
            with Horizontal(classes="dialog-buttons"):
                yield Button("New exercise", id="new-exercise", compact=True)
                yield Button("Save", variant="primary", id="save", compact=True)
                yield Button("Cancel", id="cancel", compact=True)

    @staticmethod
    def _amount_label(exercise: Exercise | None) -> str:
        if exercise is None:
            return "Reps or seconds per set"
        side = f" each {exercise.limb}" if exercise.per_side else ""
        return f"Seconds{side} (30 or 30-60)" if exercise.is_timed else f"Reps{side} (8 or 8-12)"

    def _exercise(self) -> Exercise | None:
        typed = value_of(self, "exercise")
        found = self.catalog.exercise_named(typed) or self.catalog.find_exercise(typed)
        if found is not None and found.archived and not (self.item and self.item.exercise_id == found.id):
            return None
        return found

    @on(Input.Changed, "#exercise-input")
    def exercise_changed(self) -> None:
        self.query_one("#amount-label", Label).update(self._amount_label(self._exercise()))

    @on(Input.Submitted)
    @on(Button.Pressed, "#save")
    def save(self) -> None:
        for name in FIELDS:
            show_problem(self, name, None)
        exercise = self._exercise()
        if exercise is None:
            show_problem(self, "exercise", "No such exercise (or several match): pick one from the suggestions, or ctrl+n for a new one")
            return
        if exercise.id in self.others:
            show_problem(self, "exercise", f"{plain_text(exercise.name)} is in this day already: give that item more sets")
            return
        try:
            prescription = parse_prescription_fields(
                exercise,
                value_of(self, "sets"),
                value_of(self, "amount"),
                value_of(self, "load"),
                value_of(self, "rest_s"),
                self.unit,
            )
        except FieldProblem as problem:
            show_problem(self, problem.field, str(problem))
            return
        self.dismiss(ProgramItem(exercise.id, prescription))

    @on(Button.Pressed, "#new-exercise")
    def action_new_exercise(self) -> None:
        from runstrong.screens.exercise_form import ExerciseFormScreen

        self.app.push_screen(ExerciseFormScreen(self.app.catalog, self.unit), self._made)

    def _made(self, exercise: Exercise | None) -> None:
        if exercise is None:
            return
        self.catalog = self.app.catalog
        names = sorted((ex.name for ex in self.catalog.pickable_exercises()), key=str.casefold)
        exercise_input = self.query_one("#exercise-input", Input)
        exercise_input.suggester = SuggestFromList(names, case_sensitive=False)
        exercise_input.value = plain_text(exercise.name)
        self.query_one("#amount-input", Input).focus()

    @on(Button.Pressed, "#cancel")
    def action_cancel(self) -> None:
        self.dismiss(None)
