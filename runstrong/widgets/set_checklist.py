"""The session checklist: one card per exercise, one box per set, a cursor that moves set by set."""

from __future__ import annotations

from dataclasses import dataclass

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.message import Message
from textual.reactive import reactive
from textual.widgets import Label, Static

from runstrong.core.catalog import Catalog
from runstrong.core.models import Prescription, SetLog, Side
from runstrong.core.plan import PlannedSet
from runstrong.core.settings import Unit, format_load

# A slot is a stored set once the session exists, a planned one before the first tick.
Slot = SetLog | PlannedSet


def box_text(slot: Slot, unit: Unit) -> str:
    """What one set box says: its side, a tick, and what was (or is to be) done."""
    side = {Side.LEFT: "L ", Side.RIGHT: "R "}.get(slot.side, "") if slot.side else ""
    done = isinstance(slot, SetLog) and slot.done
    mark = "✓" if done else "·"
    if slot.target_hold_s is not None:
        held = slot.hold_s if isinstance(slot, SetLog) and slot.hold_s else slot.target_hold_s
        amount = f"{held}s"
    else:
        reps = slot.reps if isinstance(slot, SetLog) and slot.reps is not None else slot.target_reps
        amount = str(reps if reps is not None else "")
    load = slot.load_kg if isinstance(slot, SetLog) else None
    if load:
        amount += f"×{format_load(load, unit).replace(' ', '')}"
    return f"{side}{mark} {amount}"


class SetBox(Static):
    """One set; click to tick it."""

    @dataclass
    class Clicked(Message):
        index: int

    def __init__(self, index: int, text: str, done: bool) -> None:
        super().__init__(text, classes="-done" if done else "")
        self.index = index

    def on_click(self) -> None:
        self.post_message(self.Clicked(self.index))


class ExerciseCard(Vertical):
    """An exercise's name, prescription and its row of set boxes."""

    def __init__(self, name: str, prescription: str, boxes: list[SetBox]) -> None:
        super().__init__()
        self._name = name
        self._prescription = prescription
        self._boxes = boxes

    def compose(self) -> ComposeResult:
        with Horizontal(classes="card-title"):
            yield Label(self._name, classes="exercise-name")
            yield Label(self._prescription, classes="prescription")
        with Horizontal(classes="boxes"):
            yield from self._boxes


class SetChecklist(VerticalScroll, can_focus=True):
    """All sets of a session; posts Toggle when a set is to be ticked or unticked."""

    BINDINGS = [
        Binding("down,j", "move(1)", "Next set", show=False, id="checklist.next"),
        Binding("up,k", "move(-1)", "Previous set", show=False, id="checklist.previous"),
        Binding("right,l", "move(1)", "Next set", show=False, id="checklist.right"),
        Binding("left", "move(-1)", "Previous set", show=False, id="checklist.left"),
        Binding("home", "jump(0)", "First set", show=False, id="checklist.first"),
        Binding("end", "jump(-1)", "Last set", show=False, id="checklist.last"),
    ]

    cursor: reactive[int] = reactive(0, init=False)

    @dataclass
    class Toggle(Message):
        index: int

    @dataclass
    class Highlighted(Message):
        index: int

    def __init__(self, catalog: Catalog, unit: Unit, **kwargs: object) -> None:
        super().__init__(**kwargs)  # type: ignore[arg-type]
        self.catalog = catalog
        self.unit = unit
        self.slots: list[Slot] = []
        self._boxes: list[SetBox] = []

    async def show(self, slots: list[Slot], prescriptions: dict[str, Prescription]) -> None:
        """Rebuild the cards for a new list of slots (a new session or day)."""
        self.slots = list(slots)
        self._boxes = [
            SetBox(index, box_text(slot, self.unit), isinstance(slot, SetLog) and slot.done)
            for index, slot in enumerate(self.slots)
        ]
        cards: list[ExerciseCard] = []
        start = 0
        for index in range(1, len(self.slots) + 1):
            if index == len(self.slots) or self.slots[index].exercise_id != self.slots[start].exercise_id:
                exercise = self.catalog.exercise(self.slots[start].exercise_id)
                prescription = prescriptions.get(exercise.id, exercise.default)
                cards.append(ExerciseCard(exercise.name, exercise.prescription_label(prescription), self._boxes[start:index]))
                start = index
        await self.remove_children()
        await self.mount_all(cards)
        self.set_reactive(SetChecklist.cursor, min(self.cursor, max(0, len(self.slots) - 1)))
        self._paint_cursor()

    def update_slot(self, index: int, slot: Slot) -> None:
        """Repaint one box after the store returned its new state."""
        self.slots[index] = slot
        box = self._boxes[index]
        box.update(box_text(slot, self.unit))
        box.set_class(isinstance(slot, SetLog) and slot.done, "-done")

    def set_unit(self, unit: Unit) -> None:
        self.unit = unit
        for index, slot in enumerate(self.slots):
            self._boxes[index].update(box_text(slot, unit))

    @property
    def current(self) -> Slot | None:
        return self.slots[self.cursor] if self.slots else None

    def first_open(self) -> int:
        """Where the cursor belongs on resume: the first set not yet done."""
        for index, slot in enumerate(self.slots):
            if not (isinstance(slot, SetLog) and slot.done):
                return index
        return max(0, len(self.slots) - 1)

    def watch_cursor(self, old: int, new: int) -> None:
        if 0 <= old < len(self._boxes):
            self._boxes[old].remove_class("-cursor")
        self._paint_cursor()

    def _paint_cursor(self) -> None:
        if not self._boxes:
            return
        box = self._boxes[self.cursor]
        box.add_class("-cursor")
        card = box.parent.parent if box.parent else None
        # Keep the whole card (title and boxes) in view, not only the box.
        self.call_after_refresh(self.scroll_to_widget, card or box, animate=False)
        self.post_message(self.Highlighted(self.cursor))

    def action_move(self, step: int) -> None:
        if self.slots:
            self.cursor = max(0, min(len(self.slots) - 1, self.cursor + step))

    def action_jump(self, index: int) -> None:
        if self.slots:
            self.cursor = index % len(self.slots)

    def on_set_box_clicked(self, event: SetBox.Clicked) -> None:
        event.stop()
        self.focus()
        self.cursor = event.index
        self.post_message(self.Toggle(event.index))
