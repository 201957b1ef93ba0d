"""The session checklist: one card per exercise, one box per set, a cursor that moves set by set.

The whole list is drawn by a single widget rather than one widget per box: a session has dozens
of boxes, and a widget each made first paint several times slower (styles are resolved per node).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import NamedTuple

from textual import events
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.content import Content
from textual.geometry import Region, Size
from textual.message import Message
from textual.reactive import reactive
from textual.theme import Theme
from textual.widget import Widget

from runstrong.core.carry import Start, all_starting_values
from runstrong.core.catalog import Catalog
from runstrong.core.durations import format_duration
from runstrong.core.models import Prescription, SetLog, Side
from runstrong.core.plan import PlannedSet
from runstrong.core.settings import Unit, format_load
from runstrong.core.text import printable

# A slot is a stored set once the session exists, a planned one before the first tick.
Slot = SetLog | PlannedSet

BOX_STYLES = {
    # A set to do: a tint of the text colour, so it stands out in dark and light themes alike.
    (False, False): "$text on $foreground 14%",
    (True, False): "bold $text on $success 35%",
    (False, True): "bold $text on $accent",
    (True, True): "bold $background on $success",
}
ANSI_BOX_STYLES = {
    # ANSI themes take the terminal's own palette, where a blend of $success and $accent came
    # out as one olive for the cursor and a ticked set: plain colours of the palette instead.
    (False, False): "reverse",
    (True, False): "bold black on green",
    (False, True): "bold black on yellow",
    (True, True): "bold black on bright_yellow",
}
CURSOR_MARK = "▸"
"""Drawn in the highlighted box: where theme colours alone fail (ansi themes draw the cursor and
a ticked set in near-identical colours), the mark still tells them apart."""
PRESCRIPTION_GAP = 3
"""Spaces between an exercise's name and its target ("Squat   3 × 12"), so the target is read
with the name rather than across a wide terminal."""


def uses_terminal_palette(theme: Theme) -> bool:
    """True for the ansi-dark and ansi-light themes (their colours are the terminal's own)."""
    return theme.name.startswith("ansi-") or str(theme.accent) == str(theme.success)


def is_done(slot: Slot) -> bool:
    return isinstance(slot, SetLog) and slot.done


def box_text(slot: Slot, unit: Unit, start: Start | None = None) -> str:
    """What one set box says: warm-up mark, side, a tick, and what was (or is to be) done.

    `start` is what a set not yet done starts from (core.carry), so the box shows what a tick saves.
    """
    warmup = "W" if isinstance(slot, SetLog) and slot.is_warmup else ""
    side = {Side.LEFT: "L", Side.RIGHT: "R"}[slot.side] if slot.side else ""
    mark = f"{warmup}{side} " if warmup or side else ""
    logged = slot if isinstance(slot, SetLog) else None
    shown = start or Start(
        logged.reps if logged else None,
        logged.load_kg if logged and logged.load_kg else slot.target_load_kg,
        logged.hold_s if logged else None,
    )
    if slot.target_hold_s is not None:
        amount = format_duration(shown.hold_s or slot.target_hold_s)
    else:
        reps = shown.reps if shown.reps is not None else slot.target_reps
        amount = str(reps if reps is not None else "")
    # What was lifted, else what a tick will save: the set before it, or the planned load.
    if shown.load_kg:
        amount += f"×{format_load(shown.load_kg, unit).replace(' ', '')}"
    return f"{mark}{'✓' if is_done(slot) else '·'} {amount}"


def fit_last_time(text: str, room: int) -> str:
    """The last-time line cut to `room` columns: without its "· 4 days ago" first, then with an
    ellipsis; empty when not even a word fits."""
    if len(text) <= room:
        return text
    short = text.rsplit(" · ", 1)[0]
    if len(short) <= room:
        return short
    return short[: room - 1].rstrip() + "…" if room >= 8 else ""


class Card(NamedTuple):
    """One exercise on the list: its title and the indexes of its slots."""

    name: str
    prescription: str
    first: int
    last: int
    last_time: str = ""
    """What was done the last time (core.last_time), or empty."""


class ChecklistBody(Widget):
    """Draws every card; knows where each box landed so a click can find it."""

    DEFAULT_CSS = "ChecklistBody { height: auto; }"

    def __init__(self, checklist: SetChecklist) -> None:
        super().__init__()
        self.checklist = checklist
        self.box_regions: list[Region] = []
        self.card_spans: list[tuple[int, int]] = []
        """(first line, line count) of each card, spacer line included."""

    def get_content_height(self, container: Size, viewport: Size, width: int) -> int:
        return len(self._layout(width))

    def render(self) -> Content:
        lines = self._layout(self.size.width)
        return Content("\n").join(lines) if lines else Content("")

    def _layout(self, width: int) -> list[Content]:
        """Lay the cards out for `width`; a row of boxes too wide for it wraps onto more lines."""
        checklist = self.checklist
        width = max(20, width)
        lines: list[Content] = []
        styles = ANSI_BOX_STYLES if uses_terminal_palette(self.app.current_theme) else BOX_STYLES
        self.box_regions = [Region(0, 0, 0, 0)] * len(checklist.slots)
        starts = all_starting_values(checklist.slots)
        self.card_spans = []
        for card in checklist.cards:
            top = len(lines)
            lines.append(Content(""))
            # Last time follows the target, in the room left on the title line.
            room = width - len(card.name) - PRESCRIPTION_GAP - len(card.prescription) - 2
            last = fit_last_time(card.last_time, room)
            lines.append(
                Content.assemble(
                    (card.name, "bold"),
                    " " * PRESCRIPTION_GAP,
                    (card.prescription, "$text-muted"),
                    "  " if last else "",
                    (last, "italic $text-muted"),
                )
            )
            parts: list[Content | str | tuple[str, str]] = []
            x = 0
            texts = {
                index: f"{CURSOR_MARK if index == checklist.cursor else ' '}"
                f"{box_text(checklist.slots[index], checklist.unit, None if is_done(checklist.slots[index]) else starts[index])} ".ljust(7)
                for index in range(card.first, card.last + 1)
            }
            for index in range(card.first, card.last + 1):
                slot = checklist.slots[index]
                text = texts[index]
                # The two sides of a set stay on one line: wrap before a left box whose right
                # partner would not fit beside it.
                partner = index + 1 if slot.side is Side.LEFT and index + 1 in texts else None
                needed = len(text) + (len(texts[partner]) + 1 if partner is not None else 0)
                if parts and x + needed > width:
                    lines.append(Content.assemble(*parts))
                    parts, x = [], 0
                style = styles[(is_done(slot), index == checklist.cursor)]
                parts += [(text, style), " "]
                self.box_regions[index] = Region(x, len(lines), len(text), 1)
                x += len(text) + 1
            lines.append(Content.assemble(*parts))
            self.card_spans.append((top, len(lines) - top))
        return lines

    def on_click(self, event: events.Click) -> None:
        offset = event.get_content_offset(self)
        if offset is None:
            return
        for index, region in enumerate(self.box_regions):
            if region.contains(offset.x, offset.y):
                self.checklist.box_clicked(index)
                return


class SetChecklist(VerticalScroll, can_focus=True):
    """All sets of a session; posts Toggle when a set is to be ticked or unticked."""

    BINDINGS = [
        Binding("down,j", "move(1)", "Next set", show=False, id="checklist.next"),
        Binding("up,k", "move(-1)", "Previous set", show=False, id="checklist.previous"),
        # No `l`: beside `h` (History) it read as a vi pair, and left Today by surprise.
        Binding("right", "move(1)", "Next set", show=False, id="checklist.right"),
        Binding("left", "move(-1)", "Previous set", show=False, id="checklist.left"),
        Binding(
            "right_square_bracket,J", "exercise(1)", "Next exercise", show=False, id="checklist.next_exercise",
            tooltip="Jump to the next exercise",
        ),
        Binding(
            "left_square_bracket,K", "exercise(-1)", "Previous exercise", show=False,
            id="checklist.previous_exercise", tooltip="Jump to the previous exercise",
        ),
        Binding("home", "jump(0)", "First set", show=False, id="checklist.first"),
        Binding("end", "jump(-1)", "Last set", show=False, id="checklist.last"),
    ]

    cursor: reactive[int] = reactive(0, init=False)

    @dataclass
    class Toggle(Message):
        """The runner asked to tick or untick the set at `index` (a click on its box)."""

        index: int

    @dataclass
    class Highlighted(Message):
        """The cursor moved to the set at `index`."""

        index: int

    def __init__(self, catalog: Catalog, unit: Unit, **kwargs: object) -> None:
        super().__init__(**kwargs)  # type: ignore[arg-type]
        self.catalog = catalog
        self.unit = unit
        self.slots: list[Slot] = []
        self.cards: list[Card] = []
        self.body = ChecklistBody(self)

    def compose(self) -> ComposeResult:
        yield self.body

    def show(
        self, slots: list[Slot], prescriptions: dict[str, Prescription], last_time: dict[str, str] | None = None
    ) -> None:
        """Show a new list of slots (a new session or day); `last_time` is each exercise's
        last-time line by exercise id."""
        self.slots = list(slots)
        self.cards = []
        start = 0
        for index in range(1, len(self.slots) + 1):
            if index == len(self.slots) or self.slots[index].exercise_id != self.slots[start].exercise_id:
                exercise = self.catalog.exercise(self.slots[start].exercise_id)
                label = exercise.prescription_label(prescriptions.get(exercise.id), self.unit)
                last = (last_time or {}).get(exercise.id, "")
                self.cards.append(Card(printable(exercise.name), label, start, index - 1, last))
                start = index
        self.set_reactive(SetChecklist.cursor, min(self.cursor, max(0, len(self.slots) - 1)))
        self.body.refresh(layout=True)
        self._reveal_cursor()

    def update_slot(self, index: int, slot: Slot) -> None:
        """Repaint after the store returned a set's new state."""
        self.slots[index] = slot
        self.body.refresh()

    def set_unit(self, unit: Unit) -> None:
        self.unit = unit
        self.body.refresh()

    @property
    def current(self) -> Slot | None:
        return self.slots[self.cursor] if self.slots else None

    def first_open(self) -> int:
        """Where the cursor belongs on resume: the first set not yet done."""
        for index, slot in enumerate(self.slots):
            if not is_done(slot):
                return index
        return max(0, len(self.slots) - 1)

    def watch_cursor(self) -> None:
        self.body.refresh()
        self._reveal_cursor()

    def _reveal_cursor(self) -> None:
        if self.slots:
            self.call_after_refresh(self._scroll_to_cursor)
            self.post_message(self.Highlighted(self.cursor))

    def _scroll_to_cursor(self) -> None:
        card = self.card_of(self.cursor)
        if card is not None and card < len(self.body.card_spans):
            # Keep the whole card in view (spacer, title and boxes), not only the box.
            top, height = self.body.card_spans[card]
            self.scroll_to_region(Region(0, top, self.body.size.width, height), animate=False, immediate=True)

    def box_offset(self, index: int) -> tuple[int, int]:
        """Where box `index` is drawn, relative to the body (for clicks in tests and scripts)."""
        region = self.body.box_regions[index]
        return region.x + 1, region.y

    def box_clicked(self, index: int) -> None:
        self.focus()
        self.cursor = index
        self.post_message(self.Toggle(index))

    def action_move(self, step: int) -> None:
        if self.slots:
            self.cursor = max(0, min(len(self.slots) - 1, self.cursor + step))

    def card_of(self, index: int) -> int | None:
        """The number of the card that holds slot `index`."""
        return next((n for n, card in enumerate(self.cards) if card.first <= index <= card.last), None)

    def action_exercise(self, step: int) -> None:
        """Jump to the next (1) or previous (-1) exercise: its first set not done, else its first."""
        card = self.card_of(self.cursor)
        if card is None:
            return
        target = card + step
        if not 0 <= target < len(self.cards):
            return
        chosen = self.cards[target]
        open_sets = [i for i in range(chosen.first, chosen.last + 1) if not is_done(self.slots[i])]
        self.cursor = open_sets[0] if open_sets else chosen.first

    def action_jump(self, index: int) -> None:
        if self.slots:
            self.cursor = index % len(self.slots)
