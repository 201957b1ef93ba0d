"""Modal form to make or change an own exercise, or archive it; saved (committed) before it closes.

Name, kind, per side, category, a default prescription and notes. Bad values are refused at their
field with nothing saved; the name must be free ignoring case (core.exercise_form).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Button, Checkbox, Input, Label, Select

from runstrong.core.catalog import CATEGORIES, Catalog
from runstrong.core.exercise_form import exercise_from_fields
from runstrong.core.models import Exercise, Kind
from runstrong.core.program_draft import FieldProblem, prescription_fields
from runstrong.core.loads import Unit
from runstrong.core.text import plain_text
from runstrong.screens.form_fields import field, show_problem, value_of
from runstrong.store import StoreError

if TYPE_CHECKING:
    from runstrong.app import RunStrongApp

FIELDS = ("name", "kind", "sets", "amount", "notes")


class ExerciseFormScreen(ModalScreen[Exercise | None]):
    """New (exercise None) or edit an own exercise. Dismisses with what was saved, or None."""

    CSS_PATH = "program_editor.tcss"

    app: RunStrongApp

    BINDINGS = [Binding("escape", "cancel", "Cancel", id="exercise.cancel")]

    def __init__(self, catalog: Catalog, unit: Unit, exercise: Exercise | None = None) -> None:
        super().__init__(classes="dialog-screen")
        self.catalog = catalog
        self.unit = unit
        self.exercise = exercise

    def compose(self) -> ComposeResult:
        exercise = self.exercise
        sets, amount, _, _ = prescription_fields(exercise.default, self.unit) if exercise else ("3", "10", "", "")
        title = f"Edit {plain_text(exercise.name)}" if exercise else "New exercise"
        with VerticalScroll(classes="dialog", id="exercise-dialog"):
            yield Label(title + (" (archived)" if exercise and exercise.archived else ""), classes="dialog-title", markup=False)
            yield from field("name", "Name (unique, ignoring case)", plain_text(exercise.name) if exercise else "", "e.g. Front squat")
            with Horizontal(classes="form-row"):
                with Vertical(classes="form-column"):
                    yield Label("Kind", classes="field-label")
                    yield Select(
                        [(kind.value, kind.value) for kind in Kind],
                        value=(exercise.kind.value if exercise else Kind.REPS.value),
                        allow_blank=False,
                        compact=True,
                        id="kind-input",
                    )
                    yield Label("", id="kind-error", classes="field-error", markup=False)
                with Vertical(classes="form-column"):
                    yield Label("Category", classes="field-label")
                    yield Select(
                        [(category, category) for category in CATEGORIES],
                        value=(exercise.category if exercise else "legs"),
                        allow_blank=False,
                        compact=True,
                        id="category-input",
                    )
            yield Checkbox("Per side (reps or seconds count for each side)", exercise.per_side if exercise else False, id="per-side-input")
            with Horizontal(classes="form-row"):
                with Vertical(classes="form-column"):
                    yield from field("sets", "Default sets", sets)
                with Vertical(classes="form-column"):
                    yield from field("amount", "Reps or seconds per set", amount, "8, 8-12 or 30-60")
            yield from field("notes", "Notes and cues (optional)", plain_text(exercise.notes) if exercise else "", "e.g. elbows high, sit between the heels")
            with Horizontal(classes="dialog-buttons"):
                if exercise is not None:
                    yield Button("Restore" if exercise.archived else "Archive", id="archive", compact=True)
                yield Button("Save", variant="primary", id="save", compact=True)
                yield Button("Cancel", id="cancel", compact=True)

    def on_mount(self) -> None:
        self.query_one("#name-input", Input).focus()

    @on(Input.Submitted)
    @on(Button.Pressed, "#save")
    def save(self) -> None:
        for name in FIELDS:
            show_problem(self, name, None)
        try:
            exercise = exercise_from_fields(
                self.app.catalog,
                exercise_id=self.exercise.id if self.exercise else None,
                name=value_of(self, "name"),
                kind=Kind(self.query_one("#kind-input", Select).value),
                per_side=self.query_one("#per-side-input", Checkbox).value,
                category=str(self.query_one("#category-input", Select).value),
                sets=value_of(self, "sets"),
                amount=value_of(self, "amount"),
                notes=value_of(self, "notes"),
                unit=self.unit,
            )
        except FieldProblem as problem:
            show_problem(self, problem.field, str(problem))
            return
        try:
            self.app.store.save_exercise(exercise)
        except StoreError as error:
            show_problem(self, "name", f"Not saved: {error}")
            return
        self.app.notify(f"Saved {plain_text(exercise.name)}", timeout=2)
        self.dismiss(exercise)

    @on(Button.Pressed, "#archive")
    def archive(self) -> None:
        exercise = self.exercise
        assert exercise is not None
        try:
            self.app.store.archive_exercise(exercise.id, not exercise.archived)
        except StoreError as error:
            show_problem(self, "name", f"Not saved: {error}")
            return
        done = "restored" if exercise.archived else "archived: hidden from pickers, its history kept"
        self.app.notify(f"{plain_text(exercise.name)} {done}", timeout=3)
        self.dismiss(self.app.catalog.exercise(exercise.id))

    @on(Button.Pressed, "#cancel")
    def action_cancel(self) -> None:
        self.dismiss(None)
