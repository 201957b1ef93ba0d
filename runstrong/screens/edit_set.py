"""Modal form to correct a set's reps, load or hold; bad values are refused at the field."""

from __future__ import annotations

from dataclasses import dataclass

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Button, Input, Label

from runstrong.core.models import Exercise, SetLog
from runstrong.core.plan import PlannedSet
from runstrong.core.session_input import clean_note, format_rpe, parse_rpe
from runstrong.core.set_input import InputProblem, parse_hold, parse_load, parse_reps
from runstrong.core.loads import Unit, load_number
from runstrong.widgets.markup_safe import as_markup


@dataclass(frozen=True)
class SetEdit:
    """What the set editor returns: reps, load (kg), hold (seconds), RPE and note."""

    reps: int | None
    load_kg: float | None
    hold_s: int | None
    rpe: float | None = None
    """Rate of perceived exertion, 1–10 in half steps; None when left blank."""
    note: str = ""


class EditSetScreen(ModalScreen[SetEdit | None]):
    """Edit one set. Dismisses with the new values, or None when cancelled."""

    BINDINGS = [Binding("escape", "cancel", "Cancel", id="edit.cancel")]
    # The first field, set right after compose so keys typed at once land in it (key_routing).
    AUTO_FOCUS = "Input"

    def __init__(self, exercise: Exercise, slot: SetLog | PlannedSet, unit: Unit) -> None:
        super().__init__(classes="dialog-screen")
        self.exercise = exercise
        self.slot = slot
        self.unit = unit
        self.timed = slot.target_hold_s is not None

    def compose(self) -> ComposeResult:
        slot = self.slot
        logged = slot if isinstance(slot, SetLog) else None
        side = f" · {slot.side.value}" if slot.side else ""
        # Scrolls on a small terminal, so Save and Cancel stay reachable under an error line.
        with VerticalScroll(classes="dialog", id="edit-dialog"):
            yield Label(f"[b]{as_markup(self.exercise.name)}[/b] · set {slot.set_no}{side}", classes="dialog-title")
            if self.timed:
                hold = logged.hold_s if logged and logged.hold_s else slot.target_hold_s
                yield from self._field("hold", "Hold (seconds or m:ss)", str(hold or ""))
            else:
                reps = logged.reps if logged and logged.reps is not None else slot.target_reps
                yield from self._field("reps", "Reps", str(reps or ""))
            self.load_kg = logged.load_kg if logged else None
            self.load_shown = "" if self.load_kg is None else load_number(self.load_kg, self.unit)
            yield from self._field("load", f"Load ({self.unit.value}, or 90 lb, 40 kg; blank for bodyweight)", self.load_shown)
            yield from self._field("rpe", "RPE (1–10, blank for none)", format_rpe(logged.rpe if logged else None))
            yield from self._field("note", "Note", logged.note if logged else "")
            with Horizontal(classes="dialog-buttons"):
                yield Button("Save", variant="primary", id="save")
                yield Button("Cancel", id="cancel")

    def _field(self, name: str, label: str, value: str) -> ComposeResult:
        yield Label(label, classes="field-label")
        yield Input(value, id=f"{name}-input", select_on_focus=True)
        yield Label("", id=f"{name}-error", classes="field-error")

    def _read(self, name: str, parse) -> tuple[object, bool]:  # type: ignore[no-untyped-def]
        """Parse one field; show its problem under it. Returns (value, ok)."""
        error = self.query_one(f"#{name}-error", Label)
        try:
            value = parse(self.query_one(f"#{name}-input", Input).value)
        except InputProblem as problem:
            error.update(str(problem))
            error.display = True
            return None, False
        error.update("")
        error.display = False
        return value, True

    @on(Input.Submitted)
    @on(Button.Pressed, "#save")
    def save(self) -> None:
        load, load_ok = self._read("load", self._parse_load)
        rpe, rpe_ok = self._read("rpe", parse_rpe)
        note, note_ok = self._read("note", clean_note)
        if self.timed:
            hold, main_ok = self._read("hold", parse_hold)
            reps = None
            if main_ok and hold is None:
                main_ok = self._blank("hold", "Hold must be 0:01 to 60:00, as 45, 45s or 1:30")
        else:
            reps, main_ok = self._read("reps", parse_reps)
            hold = None
            if main_ok and reps is None:
                main_ok = self._blank("reps", "Reps must be a whole number from 1 to 1000")
        if load_ok and main_ok and rpe_ok and note_ok:
            self.dismiss(SetEdit(reps=reps, load_kg=load, hold_s=hold, rpe=rpe, note=note))  # type: ignore[arg-type]

    def _parse_load(self, text: str) -> float | None:
        # A load left as shown keeps its stored kilograms: re-reading a rounded conversion
        # (40 kg shown as 88.2 lb) would quietly change it when only the reps were edited.
        if text.strip() == self.load_shown:
            return self.load_kg
        return parse_load(text, self.unit)

    def _blank(self, name: str, message: str) -> bool:
        error = self.query_one(f"#{name}-error", Label)
        error.update(message)
        error.display = True
        return False

    @on(Button.Pressed, "#cancel")
    def action_cancel(self) -> None:
        self.dismiss(None)
