"""Today's session bends to the gym floor: sets and exercises added, removed, swapped, skipped
and reordered; another day of the program, an empty session or an earlier date; warm-up sets,
notes, last time beside every exercise, and the load that follows the lifter.

A mixin of TodayScreen, kept apart from today.py so the tick-and-rest core stays short; choosing
another day or date and the session's note are today_session_choice.py's. Every
change goes to the store first (one transaction), then Today reloads what the store holds, and
an undo record goes on Today's stack so `u` takes it back like a tick.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date, datetime, timedelta
from functools import partial
from typing import TYPE_CHECKING, NamedTuple

from textual.app import SystemCommand
from textual.binding import Binding
from textual.widgets import Label

from runstrong.core.carry import Start, starting_values
from runstrong.core.clock import stamp
from runstrong.core.last_time import last_load_kg, last_time_text
from runstrong.core.models import SIDES, Exercise, ProgramDay, ProgramItem, Session, SetLog
from runstrong.core.plan import PlannedSet, plan_day
from runstrong.store import StoreError

if TYPE_CHECKING:
    from runstrong.screens.today import TodayScreen
    from runstrong.widgets.set_checklist import Slot

SESSION_EDIT_BINDINGS = [
    Binding("a", "add_set", "Add set", show=False, id="today.add_set", tooltip="Add a set to this exercise"),
    # W, not w: w opens the plan from every screen.
    Binding("W", "add_warmup", "Warm-up", show=False, id="today.add_warmup", tooltip="Add a warm-up set (no records, no volume)"),
    Binding("x", "remove_set", "Remove set", show=False, id="today.remove_set", tooltip="Remove this set (not yet done)"),
    Binding("A", "add_exercise", "Add exercise", show=False, id="today.add_exercise", tooltip="Add an exercise to the session"),
    Binding("c", "swap_exercise", "Swap", show=False, id="today.swap", tooltip="Swap this exercise for another (sets left)"),
    Binding("X", "skip_exercise", "Skip exercise", show=False, id="today.skip_exercise", tooltip="Skip this exercise for today"),
    Binding("shift+up", "move_exercise(-1)", "Move up", show=False, id="today.move_up", tooltip="Move this exercise up (or <)"),
    Binding("shift+down", "move_exercise(1)", "Move down", show=False, id="today.move_down", tooltip="Move this exercise down (or >)"),
    # For terminals that send no shift+arrows; named in the tooltips above, so help lists the
    # pair once and its key column stays narrow.
    Binding("less_than_sign", "move_exercise(-1)", show=False),
    Binding("greater_than_sign", "move_exercise(1)", show=False),
    Binding("d", "pick_day", "Day", show=False, id="today.day", tooltip="Another day, an empty session, an earlier date"),
    Binding("n", "session_note", "Note", show=False, id="today.note", tooltip="A note on the session"),
]


# Undo records are tuples rather than dataclasses: defining three dataclasses cost Today's
# first paint about a millisecond and a half.


class LayoutUndo(NamedTuple):
    """Undo record: the sets of a session before an add, remove, swap, skip or reorder."""

    session_id: int
    order: tuple[int, ...]
    """The kept set ids in doing order before the change."""
    added: tuple[int, ...] = ()
    dropped: tuple[int, ...] = ()
    cursor: int = 0


class RestartUndo(NamedTuple):
    """Undo record: a session started on another day, date or empty, in place of another."""

    session_id: int
    replaced: int | None
    shown: int | None
    """The session Today showed before (None: the planned day, not stored yet)."""


class NoteUndo(NamedTuple):
    """Undo record: a session's note before it was changed."""

    session_id: int
    previous: str


SessionEditUndo = LayoutUndo | RestartUndo | NoteUndo


class SessionEdits:
    """The part of TodayScreen that changes a session's shape; see the module doc."""

    # -- what load() and the ticks use ------------------------------------------------------

    def planned_with_last_time(self: TodayScreen, slots: list[Slot]) -> tuple[list[Slot], dict[str, str]]:
        """Slots whose planned load is last time's (sets not stored yet), and each exercise's
        last-time line, from one store query for all the day's exercises."""
        ids = [slot.exercise_id for slot in slots]
        try:
            session = self.session
            # What came before the shown session: for one logged late, before its own date.
            last = self.app.store.last_time(
                ids, besides=session.id if session else None, before=session.started_at if session else None
            )
        except StoreError as error:
            self.app.notify(str(error), severity="error", timeout=10)
            return slots, {}
        today = self._today_date()
        catalog, unit = self.app.catalog, self.app.settings.unit
        texts = {
            exercise_id: last_time_text(sets, today, unit, catalog.exercise(exercise_id).limb)
            for exercise_id, sets in last.items()
        }
        loads = {exercise_id: last_load_kg(sets) for exercise_id, sets in last.items()}
        planned: list[Slot] = [
            slot._replace(target_load_kg=loads.get(slot.exercise_id))
            if isinstance(slot, PlannedSet) and slot.target_load_kg is None
            else slot
            for slot in slots
        ]
        return planned, texts

    def day_of(self: TodayScreen, session: Session | None, day: ProgramDay) -> ProgramDay:
        """The program day a session shows: its own when it was built empty or the program changed."""
        if session is not None and session.day != day.name:
            return ProgramDay(session.day, ())
        return day

    def after_load(self: TodayScreen) -> None:
        """Say which date a session logged late is for, and what to do on an empty one."""
        session = self.session
        if session is not None and session.date != self._today():
            when = date.fromisoformat(session.date)
            self.query_one("#session-date", Label).update(f"logged for {when:%a %d %b}")
        if not self.checklist.slots:
            self.query_one("#set-detail", Label).update("An empty session: A adds an exercise, d another day")

    def _today_date(self: TodayScreen) -> date:
        return self.app.clock.now().date()

    def _days_back(self: TodayScreen) -> timedelta:
        """How far the shown session's date lies before today (zero but for a session logged late)."""
        if self.session is None:
            return timedelta(0)
        return date.fromisoformat(self.session.date) - self._today_date()

    def session_now(self: TodayScreen) -> datetime:
        """Now, on the shown session's date: ticks of a session logged late land on its day."""
        return self.app.clock.now() + self._days_back()

    def tick_stamp(self: TodayScreen, moment: datetime) -> str:
        """`moment` as a set's done_at, moved to the shown session's date."""
        return stamp(moment + self._days_back())

    def start_of(self: TodayScreen, index: int) -> Start:
        """What the set at `index` starts from (core.carry): the load follows the lifter."""
        return starting_values(self.checklist.slots, index)

    def with_start(self: TodayScreen, index: int) -> Slot:
        """The slot at `index` as the edit dialog should show it: a set not done carries its start."""
        slot = self.checklist.slots[index]
        if isinstance(slot, SetLog) and not slot.done:
            start = self.start_of(index)
            return slot._replace(reps=start.reps, load_kg=start.load_kg, hold_s=start.hold_s)
        return slot

    # -- helpers ----------------------------------------------------------------------------

    def _card_range(self: TodayScreen, *, needed: bool = True) -> range | None:
        """The slot indexes of the highlighted exercise; None (said so when `needed`) on an
        empty session."""
        checklist = self.checklist
        card = checklist.card_of(checklist.cursor)
        if card is None:
            if needed:
                self.app.notify("No exercise here yet: A adds one", severity="warning", timeout=3)
            return None
        return range(checklist.cards[card].first, checklist.cards[card].last + 1)

    def _stored_sets(self: TodayScreen) -> list[SetLog] | None:
        """The shown session's sets, storing the session first if it is only planned."""
        try:
            self._ensure_session()
        except StoreError as error:
            self.app.notify(f"Not saved: {error}", severity="error", timeout=10)
            return None
        slots = self.checklist.slots
        assert all(isinstance(slot, SetLog) for slot in slots)
        return [slot for slot in slots if isinstance(slot, SetLog)]

    def _slots_for(self: TodayScreen, exercise: Exercise, item: ProgramItem | None = None) -> list[PlannedSet]:
        """The planned sets of one exercise (its default prescription unless `item` says),
        starting from last time's load."""
        day = ProgramDay("", (item or ProgramItem(exercise.id, exercise.default),))
        slots = plan_day(day, self.app.catalog)
        try:
            last = self.app.store.last_time([exercise.id], besides=self.session.id if self.session else None)
        except StoreError:
            last = {}
        load = last_load_kg(last.get(exercise.id, []))
        return [slot._replace(target_load_kg=load) for slot in slots]

    async def _change(
        self: TodayScreen,
        what: str,
        *,
        drop: list[SetLog] = (),  # type: ignore[assignment]
        add: list[PlannedSet] = (),  # type: ignore[assignment]
        at: int = 0,
        set_type: str = "normal",
        order: list[int] | None = None,
        cursor_after: int | None = None,
    ) -> bool:
        """Store one change of the session's sets, then show it and remember its undo."""
        session = self.session
        assert session is not None
        store = self.app.store
        before = tuple(slot.id for slot in self.checklist.slots if isinstance(slot, SetLog))
        cursor = self.checklist.cursor
        try:
            if order is not None:
                store.order_sets(order)
                added: list[SetLog] = []
            else:
                added = store.change_sets(
                    session.id,
                    drop=[slot.id for slot in drop],
                    add=add,
                    at=at,
                    set_type=set_type,
                    dropped_at=stamp(self.app.clock.now()),
                )
        except StoreError as error:
            self.app.notify(f"Not saved: {error}", severity="error", timeout=10)
            return False
        self.undo_stack.append(
            LayoutUndo(session.id, before, tuple(s.id for s in added), tuple(s.id for s in drop), cursor)
        )
        await self.load(session.id)
        if cursor_after is not None and self.checklist.slots:
            self.checklist.cursor = max(0, min(cursor_after, len(self.checklist.slots) - 1))
        self.app.notify(f"{what} · u undoes", timeout=3)
        return True

    # -- sets -------------------------------------------------------------------------------

    async def action_add_set(self: TodayScreen) -> None:
        """One more work set of the highlighted exercise, after its last set (both sides if per side)."""
        span = self._card_range()
        if span is None or self._stored_sets() is None:
            return
        slots = self.checklist.slots
        work = [slots[i] for i in span if not (isinstance(slots[i], SetLog) and slots[i].is_warmup)]
        model = work[-1] if work else slots[span[-1]]
        exercise = self.app.catalog.exercise(model.exercise_id)
        set_no = max((slot.set_no for slot in work), default=0) + 1
        sides = SIDES if exercise.per_side else (None,)
        new = [
            PlannedSet(exercise.id, exercise.name, set_no, side, model.target_reps, model.target_hold_s,
                       model.target_load_kg, model.rest_s)
            for side in sides
        ]
        await self._change(f"Added {exercise.name} set {set_no}", add=new, at=span[-1] + 1, cursor_after=span[-1] + 1)

    async def action_add_warmup(self: TodayScreen) -> None:
        """A warm-up set before the highlighted exercise's work sets (never counted in records or volume)."""
        span = self._card_range()
        if span is None or self._stored_sets() is None:
            return
        slots = self.checklist.slots
        warmups = [i for i in span if isinstance(slots[i], SetLog) and slots[i].is_warmup]
        model = slots[span[0]]
        exercise = self.app.catalog.exercise(model.exercise_id)
        set_no = len({slots[i].set_no for i in warmups}) + 1
        at = (warmups[-1] + 1) if warmups else span[0]
        sides = SIDES if exercise.per_side else (None,)
        new = [
            PlannedSet(exercise.id, exercise.name, set_no, side, model.target_reps, model.target_hold_s, None, model.rest_s)
            for side in sides
        ]
        await self._change(f"Added a warm-up set of {exercise.name}", add=new, at=at, set_type="warmup", cursor_after=at)

    async def action_remove_set(self: TodayScreen) -> None:
        """Remove the highlighted set, and the other side of it, if neither is done."""
        checklist = self.checklist
        slot = checklist.current
        if slot is None:
            return
        if isinstance(slot, SetLog) and slot.done:
            self.app.notify("This set is done: untick it first, or delete it in History", severity="warning", timeout=4)
            return
        index = checklist.cursor
        if self._stored_sets() is None:
            return
        slots = checklist.slots
        span = self._card_range() or range(index, index + 1)
        current = slots[index]
        assert isinstance(current, SetLog)
        drop = [
            slots[i]
            for i in span
            if isinstance(slots[i], SetLog)
            and slots[i].set_no == current.set_no
            and slots[i].set_type == current.set_type
            and not slots[i].done
            and (i == index or current.side is not None)
        ]
        side = " (both sides)" if len(drop) == 2 else ""
        await self._change(f"Removed {current.exercise} set {current.set_no}{side}", drop=drop, cursor_after=index)

    # -- exercises --------------------------------------------------------------------------

    def action_add_exercise(self: TodayScreen) -> None:
        from runstrong.screens.exercise_picker import ExercisePickerScreen

        self.app.push_screen(
            ExercisePickerScreen("Add an exercise", self.app.catalog.pickable_exercises()), self._add_exercise
        )

    async def _add_exercise(self: TodayScreen, exercise_id: str | None) -> None:
        if exercise_id is None or self._stored_sets() is None:
            return
        exercise = self.app.catalog.exercise(exercise_id)
        span = self._card_range(needed=False)
        at = span[-1] + 1 if span is not None else len(self.checklist.slots)
        await self._change(f"Added {exercise.name}", add=self._slots_for(exercise), at=at, cursor_after=at)

    def action_swap_exercise(self: TodayScreen) -> None:
        slot = self.checklist.current
        if slot is None:
            return
        from runstrong.screens.exercise_picker import ExercisePickerScreen

        name = self.app.catalog.exercise(slot.exercise_id).name
        self.app.push_screen(
            ExercisePickerScreen(f"Swap {name} for", self.app.catalog.pickable_exercises(), leave_out=slot.exercise_id),
            self._swap_exercise,
        )

    async def _swap_exercise(self: TodayScreen, exercise_id: str | None) -> None:
        """Replace the highlighted exercise's sets not done by as many sets of another: the
        same targets when both are measured alike (reps or seconds), else its own default."""
        span = self._card_range()
        if exercise_id is None or span is None or self._stored_sets() is None:
            return
        slots = self.checklist.slots
        old = self.app.catalog.exercise(slots[span[0]].exercise_id)
        undone = [slots[i] for i in span if isinstance(slots[i], SetLog) and not slots[i].done and not slots[i].is_warmup]
        if not undone:
            self.app.notify(f"Every set of {old.name} is done: nothing to swap", severity="warning", timeout=3)
            return
        new = self.app.catalog.exercise(exercise_id)
        count = len({slot.set_no for slot in undone})
        model = undone[0]
        if new.is_timed == old.is_timed:
            prescription = new.default._replace(sets=count, reps=model.target_reps, hold_s=model.target_hold_s)
        else:
            prescription = new.default._replace(sets=count)
        at = slots.index(undone[0])
        drop = [slot for slot in (slots[i] for i in span) if isinstance(slot, SetLog) and not slot.done]
        at -= sum(1 for slot in drop if slots.index(slot) < at)
        await self._change(
            f"Swapped {old.name} for {new.name}",
            drop=drop,
            add=self._slots_for(new, ProgramItem(new.id, prescription)),
            at=at,
            cursor_after=at,
        )

    async def action_skip_exercise(self: TodayScreen) -> None:
        """Skip the highlighted exercise for today: its sets not done leave the session."""
        span = self._card_range()
        if span is None:
            return
        slots = self.checklist.slots
        name = self.app.catalog.exercise(slots[span[0]].exercise_id).name
        if all(isinstance(slots[i], SetLog) and slots[i].done for i in span):
            self.app.notify(f"Every set of {name} is done: nothing to skip", severity="warning", timeout=3)
            return
        if self._stored_sets() is None:
            return
        slots = self.checklist.slots
        drop = [slots[i] for i in span if isinstance(slots[i], SetLog) and not slots[i].done]
        await self._change(f"Skipped {name} for today", drop=drop, cursor_after=span[0])

    async def action_move_exercise(self: TodayScreen, step: int) -> None:
        """Move the highlighted exercise one place up (-1) or down (1)."""
        checklist = self.checklist
        card = checklist.card_of(checklist.cursor)
        if card is None or not 0 <= card + step < len(checklist.cards):
            return
        if self._stored_sets() is None:
            return
        slots = self.checklist.slots
        ids = [slot.id for slot in slots if isinstance(slot, SetLog)]
        cards = checklist.cards
        blocks = [ids[c.first : c.last + 1] for c in cards]
        blocks[card], blocks[card + step] = blocks[card + step], blocks[card]
        order = [set_id for block in blocks for set_id in block]
        offset = checklist.cursor - cards[card].first
        new_first = sum(len(block) for block in blocks[: card + step])
        name = cards[card].name
        await self._change(
            f"Moved {name} {'up' if step < 0 else 'down'}", order=order, cursor_after=new_first + offset
        )

    # -- undo -------------------------------------------------------------------------------

    async def undo_session_edit(self: TodayScreen, entry: SessionEditUndo) -> None:
        """Take back one session edit, store first, then show what the store holds."""
        store = self.app.store
        try:
            if isinstance(entry, LayoutUndo):
                store.undo_layout(entry.order, added=entry.added, dropped=entry.dropped)
            elif isinstance(entry, RestartUndo):
                store.undo_restart(entry.session_id, entry.replaced)
            else:
                store.set_notes(entry.session_id, entry.previous)
        except StoreError as error:
            self.undo_stack.append(entry)
            self.app.notify(f"Not undone: {error}", severity="error", timeout=10)
            return
        if isinstance(entry, LayoutUndo):
            await self.load(entry.session_id)
            self.checklist.cursor = max(0, min(entry.cursor, len(self.checklist.slots) - 1))
        elif isinstance(entry, RestartUndo):
            if entry.shown is None:
                self.session = None
            await self.load(entry.shown)
        else:
            if self.session is not None and self.session.id == entry.session_id:
                self.session = self.session._replace(notes=entry.previous)
        self._mark_seen()
        self.app.notify("Undone", timeout=2)

    # -- command palette --------------------------------------------------------------------

    def palette_commands(self: TodayScreen) -> Iterator[SystemCommand]:
        """Today's session edits for the command palette (ctrl+p)."""
        for title, help_text, action in (
            ("Today: add a set", "One more set of the highlighted exercise (a)", self.action_add_set),
            ("Today: add a warm-up set", "Before the highlighted exercise's work sets (W)", self.action_add_warmup),
            ("Today: remove this set", "The highlighted set, if not done (x)", self.action_remove_set),
            ("Today: add an exercise", "From the catalog, your own included (A)", self.action_add_exercise),
            ("Today: swap this exercise", "The rack is taken: another exercise for the sets left (c)", self.action_swap_exercise),
            ("Today: skip this exercise", "Leave it out today (X)", self.action_skip_exercise),
            ("Today: move this exercise up", "Reorder (shift+up or <)", partial(self.action_move_exercise, -1)),
            ("Today: move this exercise down", "Reorder (shift+down or >)", partial(self.action_move_exercise, 1)),
            ("Today: choose the day", "Any day of the program, or an empty session (d)", self.action_pick_day),
            ("Today: empty session", "Start empty and build it as you go (d)", self.action_pick_day),
            ("Today: log an earlier date", "Forgot to log yesterday? (d, then the date)", partial(self.action_pick_day, True)),
            ("Today: note on the session", "Kept with the session, shown in History and exports (n)", self.action_session_note),
        ):
            yield SystemCommand(title, help_text, action)
