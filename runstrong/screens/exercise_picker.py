"""Modal list of exercises to add to a session or to swap one for: type to narrow, enter picks."""

from __future__ import annotations

from collections.abc import Iterable

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Input, Label, OptionList
from textual.widgets.option_list import Option

from runstrong.core.models import Exercise
from runstrong.widgets.markup_safe import as_markup


class ExercisePickerScreen(ModalScreen[str | None]):
    """Choose one exercise; dismisses with its id, or None when cancelled."""

    HELP_TITLE = "Choose an exercise"
    CSS_PATH = "session_edits.tcss"

    BINDINGS = [
        Binding("escape", "cancel", "Cancel", id="exercise_picker.cancel", tooltip="Close without choosing"),
        Binding("down", "move(1)", "Next", show=False, id="exercise_picker.down", tooltip="Next exercise"),
        Binding("up", "move(-1)", "Previous", show=False, id="exercise_picker.up", tooltip="Previous exercise"),
    ]

    def __init__(self, title: str, exercises: Iterable[Exercise], *, leave_out: str | None = None) -> None:
        """`exercises`: what the picker offers (the catalog's pickable ones: archived own
        exercises stay out); `leave_out`: the id of the one being swapped."""
        super().__init__(classes="dialog-screen")
        self.title_text = title
        self.exercises = [exercise for exercise in exercises if exercise.id != leave_out]

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog", id="exercise-picker-dialog"):
            yield Label(f"[b]{as_markup(self.title_text)}[/b]", classes="dialog-title")
            yield Input(placeholder="type to narrow: name or category", id="exercise-filter")
            yield OptionList(id="exercise-list")
            yield Label("[dim]↑ ↓ choose · enter picks · escape closes[/dim]")

    def on_mount(self) -> None:
        self._fill("")
        self.query_one(Input).focus()

    def matching(self, text: str) -> list[Exercise]:
        """Exercises whose name or category holds every word typed (case ignored), best first."""
        words = text.lower().split()
        found = [
            exercise
            for exercise in self.exercises
            if all(word in f"{exercise.name} {exercise.category} {exercise.id}".lower() for word in words)
        ]
        # The name typed in full comes first, then names that start with it: "plank" is Plank,
        # not Copenhagen plank.
        typed = " ".join(words)
        return sorted(found, key=lambda e: (e.name.lower() != typed, not e.name.lower().startswith(typed)))

    def _fill(self, text: str) -> None:
        options = self.query_one(OptionList)
        options.clear_options()
        options.add_options(
            Option(f"{as_markup(exercise.name)}  [dim]{as_markup(exercise.category)} · {exercise.kind.value}[/dim]", id=exercise.id)
            for exercise in self.matching(text)
        )
        options.highlighted = 0 if options.option_count else None

    @on(Input.Changed, "#exercise-filter")
    def narrow(self, event: Input.Changed) -> None:
        self._fill(event.value)

    def action_move(self, step: int) -> None:
        options = self.query_one(OptionList)
        if options.option_count:
            current = options.highlighted if options.highlighted is not None else 0
            options.highlighted = max(0, min(options.option_count - 1, current + step))

    @on(Input.Submitted, "#exercise-filter")
    def pick_highlighted(self) -> None:
        options = self.query_one(OptionList)
        if options.highlighted is not None:
            option = options.get_option_at_index(options.highlighted)
            self.dismiss(option.id)

    @on(OptionList.OptionSelected)
    def pick(self, event: OptionList.OptionSelected) -> None:
        self.dismiss(event.option.id)

    def action_cancel(self) -> None:
        self.dismiss(None)
