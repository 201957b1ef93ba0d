"""Modal yes/no question asked before anything is deleted; dismisses with True only on a clear yes."""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Label

from runstrong.core.text import printable


class ConfirmScreen(ModalScreen[bool]):
    """Ask `question`; `y` or the confirm button says yes, `n`, escape or Cancel say no."""

    CSS_PATH = "history.tcss"
    # The safe answer has the focus, so a stray enter cancels rather than deletes. Set by
    # AUTO_FOCUS, right after compose, so keys typed at once reach it (see key_routing).
    AUTO_FOCUS = "#cancel"

    BINDINGS = [
        Binding("y", "answer(True)", "Yes", id="confirm.yes", tooltip="Yes, do it"),
        Binding("n,escape", "answer(False)", "No", id="confirm.no", tooltip="No, leave everything as it is"),
    ]

    def __init__(self, question: str, detail: str = "", *, confirm_label: str = "Delete") -> None:
        super().__init__(classes="dialog-screen")
        self.question = question
        self.detail = detail
        self.confirm_label = confirm_label

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog", id="confirm-dialog"):
            yield Label(printable(self.question), classes="dialog-title", markup=False)
            if self.detail:
                yield Label(printable(self.detail), id="confirm-detail", markup=False)
            with Horizontal(classes="dialog-buttons"):
                yield Button(f"{self.confirm_label} (y)", variant="error", id="confirm")
                yield Button("Cancel (n)", id="cancel")

    @on(Button.Pressed, "#confirm")
    def yes(self) -> None:
        self.dismiss(True)

    @on(Button.Pressed, "#cancel")
    def no(self) -> None:
        self.dismiss(False)

    def action_answer(self, answer: bool) -> None:
        self.dismiss(answer)
