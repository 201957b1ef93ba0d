"""Modal one-line note (on a session): saved as typed, control characters removed."""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Input, Label

from runstrong.core.session_input import MAX_NOTE_CHARS, clean_note
from runstrong.core.set_input import InputProblem


class NoteScreen(ModalScreen[str | None]):
    """Edit a note; dismisses with the cleaned text (maybe empty), or None when cancelled."""

    HELP_TITLE = "Note"
    BINDINGS = [Binding("escape", "cancel", "Cancel", id="note.cancel", tooltip="Close without saving")]

    def __init__(self, title: str, text: str) -> None:
        super().__init__(classes="dialog-screen")
        self.title_text = title
        self.text = text

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog", id="note-dialog"):
            yield Label(self.title_text, classes="dialog-title", markup=False)
            yield Input(self.text, id="note-input", max_length=MAX_NOTE_CHARS + 50, placeholder="how it went, what to change")
            yield Label("", id="note-error", classes="field-error")
            with Horizontal(classes="dialog-buttons"):
                yield Button("Save", variant="primary", id="save")
                yield Button("Cancel", id="cancel")

    def on_mount(self) -> None:
        self.query_one(Input).focus()

    @on(Input.Submitted)
    @on(Button.Pressed, "#save")
    def save(self) -> None:
        error = self.query_one("#note-error", Label)
        try:
            note = clean_note(self.query_one(Input).value)
        except InputProblem as problem:
            error.update(str(problem))
            error.display = True
            return
        self.dismiss(note)

    @on(Button.Pressed, "#cancel")
    def action_cancel(self) -> None:
        self.dismiss(None)
