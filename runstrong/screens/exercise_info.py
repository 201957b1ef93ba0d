"""Modal card about one exercise: muscles, why it helps runners, and form cues."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Label, Static

from runstrong.core.models import Exercise, Prescription
from runstrong.widgets.markup_safe import as_markup

SOURCE_NAMES = {
    "000": "The strength movements every runner should be doing",
    "001": "Strength training for runners (Kinected)",
    "002": "Strength exercises for runners: a complete guide",
    "003": "Strength training exercises that target running muscles",
    "004": "Top strength training exercises for runners",
}


class ExerciseInfoScreen(ModalScreen[None]):
    BINDINGS = [Binding("escape,enter,i,q", "dismiss", "Close", id="info.close")]

    def __init__(self, exercise: Exercise, prescription: Prescription | None = None) -> None:
        super().__init__(classes="dialog-screen")
        self.exercise = exercise
        self.prescription = prescription or exercise.default

    def compose(self) -> ComposeResult:
        ex = self.exercise
        # Own exercises' text comes from the runner: escaped, so "[" is text, not markup.
        name, why = as_markup(ex.name), as_markup(ex.why)
        with VerticalScroll(classes="dialog", id="info-dialog"):
            yield Label(f"[b]{name}[/b]  ·  {ex.prescription_label(self.prescription, self.app.settings.unit)}", classes="dialog-title")
            if ex.muscles:
                yield Static(f"[b]Muscles[/b]  {as_markup(', '.join(ex.muscles))}")
            if ex.why:
                yield Static(f"[b]Why runners do it[/b]\n{why}", classes="info-why")
            if ex.cues:
                cues = "\n".join(f" • {as_markup(cue)}" for cue in ex.cues)
                yield Static(f"[b]Form cues[/b]\n{cues}", classes="info-cues")
            if ex.notes:
                yield Static(f"[b]Your notes[/b]\n{as_markup(ex.notes)}", classes="info-cues")
            if ex.sources:
                sources = "; ".join(SOURCE_NAMES.get(source, source) for source in ex.sources)
                yield Static(f"[dim]From: {as_markup(sources)}[/dim]", classes="info-source")
            elif ex.own:
                yield Static("[dim]Your own exercise[/dim]", classes="info-source")
            yield Label("[dim]escape closes[/dim]")

    async def action_dismiss(self, result: None = None) -> None:
        self.dismiss(None)
