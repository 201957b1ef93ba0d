"""Modal card about one exercise: muscles, why it helps runners, and form cues."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.markup import escape
from textual.screen import ModalScreen
from textual.widgets import Label, Static

from runstrong.core.models import Exercise, Prescription
from runstrong.core.text import printable

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

        def shown(text: str) -> str:  # own exercises come from the database: data, not markup
            return escape(printable(text))

        with VerticalScroll(classes="dialog", id="info-dialog"):
            yield Label(f"[b]{shown(ex.name)}[/b]  ·  {shown(ex.prescription_label(self.prescription))}", classes="dialog-title")
            yield Static(f"[b]Muscles[/b]  {shown(', '.join(ex.muscles))}")
            yield Static(f"[b]Why runners do it[/b]\n{shown(ex.why)}", classes="info-why")
            yield Static("[b]Form cues[/b]\n" + "\n".join(f" • {shown(cue)}" for cue in ex.cues), classes="info-cues")
            sources = "; ".join(SOURCE_NAMES.get(source, source) for source in ex.sources)
            yield Static(f"[dim]From: {shown(sources)}[/dim]", classes="info-source")
            yield Label("[dim]escape closes[/dim]")

    async def action_dismiss(self, result: None = None) -> None:
        self.dismiss(None)
