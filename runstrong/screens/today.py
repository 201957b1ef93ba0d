"""Today: the session of the day as a checklist of sets, each change committed before it shows."""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import TYPE_CHECKING, NamedTuple

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal
from textual.screen import Screen
from textual.timer import Timer
from textual.widgets import Label

from runstrong.core.clock import stamp
from runstrong.core.counting import count_sets
from runstrong.core.durations import format_duration
from runstrong.core.models import Prescription, Program, ProgramDay, Session, SetLog
from runstrong.core.plan import PlannedSet, plan_day
from runstrong.core.plurals import count_of
from runstrong.screens.today_session_choice import SessionChoice
from runstrong.screens.today_session_edits import SESSION_EDIT_BINDINGS, SessionEdits, SessionEditUndo
from runstrong.store import StoreError
from runstrong.widgets.key_bar import KeyBar
from runstrong.widgets.plan_banner import PlanBanner
from runstrong.widgets.read_only_banner import ReadOnlyBanner
from runstrong.widgets.rest_bar import ADD_S, RestBar
from runstrong.widgets.set_checklist import SetChecklist, Slot
from runstrong.core.text import plain_text
from runstrong.widgets.markup_safe import as_markup

if TYPE_CHECKING:
    from runstrong.app import RunStrongApp
    from runstrong.screens.edit_set import SetEdit


def slot_key(slot: Slot) -> tuple[str, int, object]:
    """What makes a slot the same set in a plan and in a stored session."""
    return (slot.exercise_id, slot.set_no, slot.side)


LATE_WORKOUT_WINDOW = timedelta(hours=3)
"""How recent yesterday's last tick must be for its session to count as still under way."""


class SetChange(NamedTuple):
    """Undo record: the set as it was before a tick, untick or edit."""

    slot_index: int
    previous: SetLog


class Finished(NamedTuple):
    """Undo record: a session that `f` finished."""

    session_id: int


class TodayScreen(SessionEdits, SessionChoice, Screen[None]):
    """The gym view. Attributes go down to the checklist; its messages come up here to be saved."""

    CSS_PATH = "today.tcss"
    _elapsed_timer: Timer | None = None
    """Refreshes the summary each second while a set is ticked (update_summary starts it)."""

    app: RunStrongApp

    BINDINGS = [
        Binding("space", "toggle", "Tick", id="today.tick", tooltip="Tick or untick the highlighted set"),
        Binding("t", "hold_timer", "Timer", id="today.timer", tooltip="Start the hold timer for this set"),
        Binding("e", "edit", "Edit", id="today.edit", tooltip="Edit reps, load, hold, RPE or note of this set"),
        Binding("enter,i", "info", "Info", show=False, id="today.info", tooltip="Muscles, why it helps, form cues"),
        Binding("u,ctrl+z", "undo", "Undo", id="today.undo", tooltip="Undo the last tick, edit, finish or session change"),
        Binding("f", "finish", "Finish", id="today.finish", tooltip="Finish the session (asks first while sets are left); the next day comes up"),
        Binding("p", "pick_program", "Program", id="today.program", tooltip="Choose the program to follow"),
        # The rest bar shows its own keys, so the footer stays short.
        Binding("s", "skip_rest", "Skip rest", show=False, id="today.skip_rest", tooltip="Skip the rest countdown"),
        Binding("r,plus", "more_rest", f"+{format_duration(ADD_S)} rest", show=False, id="today.more_rest", tooltip=f"Add {ADD_S} seconds to the rest"),
        *SESSION_EDIT_BINDINGS,
    ]

    def __init__(self) -> None:
        super().__init__(id="today")
        self.program: Program | None = None
        self.day: ProgramDay | None = None
        self.day_index = 0
        self.session: Session | None = None
        self.undo_stack: list[SetChange | Finished | SessionEditUndo] = []
        self._seen: tuple[int, str] = (-1, "")
        self.finish_offer_pending = False
        """The last set was logged under the hold timer: offer to finish when Today is back."""
        self.why: dict[str, str] = {}
        """exercise_id -> the progression's one line of why for today's target."""
        self.planned: dict[str, Prescription] = {}
        """exercise_id -> the prescription as the plan shapes it this week (empty: as written)."""

    def compose(self) -> ComposeResult:
        yield ReadOnlyBanner(self.app.store.read_only)
        with Horizontal(id="today-header"):
            yield Label(id="session-title")
            yield Label(id="session-date")
        yield PlanBanner(id="plan-banner")
        yield SetChecklist(self.app.catalog, self.app.settings.unit, id="checklist")
        yield Label(id="set-detail")
        yield RestBar(id="rest-bar")
        yield Label(id="summary")
        yield KeyBar(compact=True, show_command_palette=False)

    @property
    def checklist(self) -> SetChecklist:
        return self.query_one(SetChecklist)

    @property
    def rest_bar(self) -> RestBar:
        return self.query_one(RestBar)

    async def on_mount(self) -> None:
        await self.load()
        # The checklist takes focus by AUTO_FOCUS; focusing it again here cost a key-bar redraw.

    # -- loading ---------------------------------------------------------------------------

    def _today(self) -> str:
        return self.app.clock.now().date().isoformat()

    async def load(self, session_id: int | None = None) -> None:
        """Show today's open session (or session `session_id`), else the next day of the rotation."""
        app = self.app
        program = app.current_program()
        today = self._today()
        if self.program is not None and program.id != self.program.id:
            # Undo steps point at sets of the program no longer shown.
            self.undo_stack.clear()
        try:
            if session_id is not None:
                session: Session | None = app.store.session(session_id)
            else:
                session = app.store.open_session(today, program.id) or self._workout_past_midnight(program.id)
            last = None if session else app.store.last_session(program.id)
        except StoreError as error:
            app.notify(str(error), severity="error", timeout=10)
            return
        if session is not None:
            day_index = session.day_index % len(program.days)
        else:
            day_index = app.next_day_index(program, last)
        self.program, self.day_index, self.day = program, day_index, program.days[day_index]
        self.day = self.day_of(session, self.day)
        same_session = session is not None and self.session is not None and session.id == self.session.id
        self.session = session
        planned = self._planned_slots(program, day_index)
        slots: list[Slot] = list(session.sets) if session else planned
        slots, last_time = self.planned_with_last_time(slots)
        checklist = self.checklist
        checklist.catalog = app.catalog  # own exercises added since the last load
        cursor = checklist.cursor
        checklist.cursor = 0
        checklist.show(slots, self.prescriptions, last_time)
        checklist.cursor = cursor if same_session and cursor < len(slots) else checklist.first_open()
        self.query_one("#session-title", Label).update(f"[b]{as_markup(program.name)}[/b] · {as_markup(self.day.name)}")
        self.query_one("#session-date", Label).update(self.app.clock.now().strftime("%a %d %b"))
        self.update_summary()
        self._mark_seen()
        self.after_load()

    def _planned_slots(self, program: Program, day_index: int) -> list[Slot]:
        """The day's sets with the plan's targets (progression, scaled for the week) and the
        banner line; the program's own numbers if the plan cannot be read."""
        from runstrong.plan_source import today_plan

        banner = self.query_one(PlanBanner)
        try:
            plan = today_plan(
                self.app.store, self.app.catalog, program, day_index, self.app.clock.now().date(),
                session_id=self.session.id if self.session is not None else None,
            )
        except (StoreError, ValueError, KeyError) as error:
            # The plan is advice: a problem reading it must never keep the runner from training.
            self.why, self.planned = {}, {}
            banner.show_line(f"Plan not available: {error}", warning=True)
            return list(plan_day(program.days[day_index], self.app.catalog))
        self.why = plan.why
        self.planned = plan.prescriptions
        banner.show_line(plan.banner, warning=plan.warning)
        return list(plan.slots)

    def _workout_past_midnight(self, program_id: str) -> Session | None:
        """Yesterday's unfinished session, if its last tick was lately: a late workout that ran
        past midnight (and the app was reopened) is still the workout under way."""
        now = self.app.clock.now()
        yesterday = (now.date() - timedelta(days=1)).isoformat()
        session = self.app.store.open_session(yesterday, program_id)
        ticks = [datetime.fromisoformat(s.done_at) for s in session.sets if s.done_at] if session else []
        if ticks and now - max(ticks) <= LATE_WORKOUT_WINDOW:
            return session
        return None

    def _mark_seen(self) -> None:
        """Remember the data and the day this screen shows, to notice when either moved on."""
        self._seen = (self.app.store.revision, self._today())

    async def on_screen_resume(self) -> None:
        if self.finish_offer_pending:
            from runstrong.screens import session_end  # after the first paint (~5 ms)
            session_end.offer_when_all_done(self)
        # Back from History (a session edited or deleted), Settings, or past midnight: show
        # what is stored now. Today's undo steps belong to what was shown before, so they go.
        if self.program is None or self._seen == (self.app.store.revision, self._today()):
            return
        if self._seen[0] == self.app.store.revision and self._has_ticks():
            # Only the date moved on, mid-workout: keep the session that is under way.
            self.query_one("#session-date", Label).update(self.app.clock.now().strftime("%a %d %b"))
            self._mark_seen()
            return
        self.undo_stack.clear()
        await self.load()

    async def show_stored(self) -> None:
        """Another window committed a change: show what is stored now (store_watch calls this
        when its once-a-second look sees one)."""
        await self.on_screen_resume()

    def _has_ticks(self) -> bool:
        return any(self._is_done(i) for i in range(len(self.checklist.slots)))

    @property
    def prescriptions(self) -> dict[str, Prescription]:
        if self.planned:
            return self.planned
        return {item.exercise_id: item.prescription for item in self.day.items} if self.day else {}

    def _ensure_session(self) -> Session:
        """The session is stored on the first change, so opening the app never logs an empty day."""
        if self.session is None:
            assert self.program is not None and self.day is not None
            now = self.app.clock.now()
            self.session = self.app.store.start_session(
                date=now.date().isoformat(),
                started_at=stamp(now),
                program_id=self.program.id,
                program=self.program.name,
                day=self.day.name,
                day_index=self.day_index,
                slots=[slot for slot in self.checklist.slots if isinstance(slot, PlannedSet)],
            )
            planned = [slot_key(slot) for slot in self.checklist.slots]
            self.checklist.slots = list(self.session.sets)
            if [slot_key(slot) for slot in self.session.sets] != planned:
                # Another window had started a different session of this program today: show
                # it, and do not apply the key press to a set the runner did not see.
                self.call_later(self.load)
                raise StoreError(f"another window started {self.session.day} today; it is shown now, nothing was changed")
        return self.session

    def _stored_slot(self, index: int) -> SetLog:
        self._ensure_session()
        slot = self.checklist.slots[index]
        assert isinstance(slot, SetLog)
        return slot

    # -- summary ---------------------------------------------------------------------------

    def update_summary(self) -> None:
        slots = self.checklist.slots
        done = [slot for slot in slots if isinstance(slot, SetLog) and slot.done]
        count = count_sets(slots)
        text = f"[b]{count.done}[/b] / {count.planned} sets done"
        if count.warmups_done:
            text += f" · {count_of(count.warmups_done, 'warm-up')} not counted"
        if done:
            first = min(datetime.fromisoformat(slot.done_at) for slot in done if slot.done_at)
            elapsed = max(0, int((self.session_now() - first).total_seconds()))
            text += f" · {format_duration(elapsed)} since the first tick"
        # The time since the first tick is shown in whole seconds, like every duration: a
        # once-a-second refresh, only while there is a tick to count from.
        if done and self._elapsed_timer is None:
            self._elapsed_timer = self.set_interval(1, self.update_summary)
        elif not done and self._elapsed_timer is not None:
            self._elapsed_timer.stop()
            self._elapsed_timer = None
        self.query_one("#summary", Label).update(text)

    @on(SetChecklist.Highlighted)
    def show_detail(self, event: SetChecklist.Highlighted) -> None:
        slot = self.checklist.slots[event.index] if self.checklist.slots else None
        if slot is None:
            return
        exercise = self.app.catalog.exercise(slot.exercise_id)
        side = f" · {slot.side.value}" if slot.side else ""
        hint = " · t starts the timer" if exercise.is_timed else ""
        why = f" · {as_markup(self.why[exercise.id])}" if exercise.id in self.why else ""
        kind = "warm-up set" if isinstance(slot, SetLog) and slot.is_warmup else "set"
        self.query_one("#set-detail", Label).update(f"{as_markup(exercise.name)} · {kind} {slot.set_no}{side}{hint}{why}")

    # -- changes ---------------------------------------------------------------------------

    def _show_change(self, index: int, previous: SetLog, new: SetLog) -> None:
        self._mark_seen()
        self.undo_stack.append(SetChange(index, previous))
        self.checklist.update_slot(index, new)
        self.update_summary()
        from runstrong.screens import session_end  # after the first paint (~5 ms)
        session_end.announce_records(self, previous, new)

    def action_toggle(self) -> None:
        if self.checklist.slots:
            self._toggle(self.checklist.cursor)

    @on(SetChecklist.Toggle)
    def on_toggle(self, event: SetChecklist.Toggle) -> None:
        self._toggle(event.index)

    def _toggle(self, index: int) -> None:
        # What the runner saw decides tick or untick: another window may have changed the set
        # (or started the session) since, and mark_set then leaves it as it is.
        want_done = not self._is_done(index)
        try:
            previous = self._stored_slot(index)
            start = self.start_of(index)
            new = self.app.store.mark_set(
                previous.id,
                self.tick_stamp(self.app.clock.now()) if want_done else None,
                reps=start.reps,
                load_kg=start.load_kg,
            )
        except StoreError as error:
            self.app.notify(f"Not saved: {error}", severity="error", timeout=10)
            return
        self._show_change(index, previous, new)
        if new.done:
            self.set_ticked(index, new)

    def set_ticked(self, index: int, new: SetLog) -> None:
        """A set was just ticked: move on to the next open set and start the rest."""
        checklist = self.checklist
        if index == checklist.cursor:
            following = [i for i in range(index + 1, len(checklist.slots)) if not self._is_done(i)]
            if following:
                checklist.cursor = following[0]
        self.app.start_rest(new)
        from runstrong.screens import session_end  # after the first paint (~5 ms)
        session_end.offer_when_all_done(self)

    def _is_done(self, index: int) -> bool:
        slot = self.checklist.slots[index]
        return isinstance(slot, SetLog) and slot.done

    def action_edit(self) -> None:
        slot = self.checklist.current
        if slot is None:
            return
        index = self.checklist.cursor
        exercise = self.app.catalog.exercise(slot.exercise_id)

        def save(edit: SetEdit | None) -> None:
            if edit is None:
                return
            try:
                previous = self._stored_slot(index)
                new = self.app.store.edit_set(
                    previous.id, reps=edit.reps, load_kg=edit.load_kg, hold_s=edit.hold_s, rpe=edit.rpe, note=edit.note
                )
            except StoreError as error:
                self.app.notify(f"Not saved: {error}", severity="error", timeout=10)
                return
            self._show_change(index, previous, new)
            self.app.notify(f"Saved {plain_text(exercise.name)} set {slot.set_no}", timeout=2)

        from runstrong.screens.edit_set import EditSetScreen

        self.app.push_screen(EditSetScreen(exercise, self.with_start(index), self.app.settings.unit), save)

    def action_info(self) -> None:
        slot = self.checklist.current
        if slot is not None:
            exercise = self.app.catalog.exercise(slot.exercise_id)
            from runstrong.screens.exercise_info import ExerciseInfoScreen

            self.app.push_screen(ExerciseInfoScreen(exercise, self.prescriptions.get(exercise.id)))

    def action_hold_timer(self) -> None:
        slot = self.checklist.current
        if slot is None:
            return
        exercise = self.app.catalog.exercise(slot.exercise_id)
        if slot.target_hold_s is None:
            self.app.notify(f"{plain_text(exercise.name)} is counted in reps, not timed", severity="warning", timeout=3)
            return
        self.app.open_hold_for_set(self, self.checklist.cursor)

    def log_hold(self, index: int, held_s: int, done_at: datetime) -> SetLog | None:
        """Tick the set at `index` with the seconds actually held (called by the hold timer)."""
        try:
            previous = self._stored_slot(index)
            load_kg = self.start_of(index).load_kg
            new = self.app.store.tick_set(previous.id, self.tick_stamp(done_at), hold_s=held_s, load_kg=load_kg)
        except StoreError as error:
            self.app.notify(f"Not saved: {error}", severity="error", timeout=10)
            return None
        self._show_change(index, previous, new)
        return new

    async def action_undo(self) -> None:
        if not self.undo_stack:
            self.app.notify("Nothing to undo", timeout=2)
            return
        entry = self.undo_stack.pop()
        if isinstance(entry, SessionEditUndo):
            await self.undo_session_edit(entry)
            return
        try:
            if isinstance(entry, Finished):
                self.app.store.finish_session(entry.session_id, None)
            else:
                restored = self.app.store.restore_set(entry.previous)
        except StoreError as error:
            self.undo_stack.append(entry)
            self.app.notify(f"Not undone: {error}", severity="error", timeout=10)
            return
        self._mark_seen()
        if isinstance(entry, Finished):
            # By id: a newer session (the next day, begun meanwhile) would otherwise be shown.
            self.run_worker(self.load(entry.session_id), exclusive=True)
            self.app.notify("Session open again", timeout=2)
            return
        if self.session is not None and restored.session_id == self.session.id:
            was_done = self._is_done(entry.slot_index)
            self.checklist.update_slot(entry.slot_index, restored)
            self.checklist.cursor = self.checklist.first_open()
            self.update_summary()
            if was_done and not restored.done:
                # An undone tick: the rest it started is no longer owed.
                self.app.stop_rest()
        self.app.notify("Undone", timeout=2)

    async def action_finish(self) -> None:
        if self.session is None or not self._has_ticks():
            self.app.notify("Tick at least one set before finishing", severity="warning", timeout=3)
            return
        if all(self._is_done(i) for i in range(len(self.checklist.slots))):
            await self.finish_now()
        else:
            # Sets are left: say how many, with the summary, and ask first.
            from runstrong.screens import session_end  # after the first paint (~5 ms)
            session_end.ask_to_finish(self)

    async def finish_now(self) -> None:
        """Finish the session on screen; the next day of the rotation comes up (u undoes)."""
        session = self.session
        if session is None:
            return
        done = sum(self._is_done(i) for i in range(len(self.checklist.slots)))
        try:
            self.app.store.finish_session(session.id, stamp(self.app.clock.now()))
        except StoreError as error:
            self.app.notify(f"Not saved: {error}", severity="error", timeout=10)
            return
        self.undo_stack.append(Finished(session.id))
        self.app.stop_rest()
        await self.load()
        assert self.day is not None
        self.app.notify(
            f"{session.day} finished: {done} of {len(session.sets)} sets. Next up: {self.day.name}",
            title="Well done",
            timeout=5,
        )

    def action_skip_rest(self) -> None:
        rest_bar = self.rest_bar
        if rest_bar.running:
            rest_bar.skip()
        else:
            self.app.notify("No rest running", timeout=2)

    def action_more_rest(self) -> None:
        rest_bar = self.rest_bar
        if rest_bar.running:
            rest_bar.add()
        else:
            self.app.notify("No rest running", timeout=2)

    def action_pick_program(self) -> None:
        from runstrong.screens.program_picker import ProgramPickerScreen

        self.app.push_screen(ProgramPickerScreen(self.app.catalog.pickable_programs(), self.app.settings.program_id), self._picked)

    async def _picked(self, program_id: str | None) -> None:
        if program_id is not None and program_id != self.app.settings.program_id:
            if await self.app.choose_program(program_id):
                await self.load()
