"""Today's session as a whole: another day of the program, an empty session or an earlier date
in place of the one shown, and a note on the session.

A mixin of TodayScreen beside SessionEdits (today_session_edits.py), whose undo records these
changes push: the store first, then Today reloads what it holds, and `u` takes it back.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from runstrong.core.clock import stamp
from runstrong.core.models import SetLog
from runstrong.core.plan import PlannedSet
from runstrong.screens.today_session_edits import NoteUndo, RestartUndo
from runstrong.store import StoreError

if TYPE_CHECKING:
    from runstrong.screens.day_picker import DayChoice
    from runstrong.screens.today import TodayScreen

EMPTY_DAY = "Own session"
"""The day name of a session started empty and built as it goes."""


class SessionChoice:
    """The part of TodayScreen that starts the session over or notes it; see the module doc."""

    def _rotation_next(self: TodayScreen, besides: int | None) -> int:
        """The day of the rotation that comes next, not counting session `besides` (a session
        with nothing done that a new choice replaces)."""
        assert self.program is not None
        last = self.app.store.last_session(self.program.id, besides=besides)
        return (last.day_index + 1) % len(self.program.days) if last else 0

    def _replaceable(self: TodayScreen) -> int | None:
        """The shown session's id when nothing of it is done (a new choice may replace it)."""
        session = self.session
        if session is None or any(isinstance(s, SetLog) and s.done for s in self.checklist.slots):
            return None
        return session.id

    def action_pick_day(self: TodayScreen, focus_date: bool = False) -> None:
        from runstrong.screens.day_picker import DayPickerScreen

        if self.program is None:
            return
        try:
            next_index = self._rotation_next(self._replaceable())
        except StoreError as error:
            self.app.notify(str(error), severity="error", timeout=10)
            return
        self.app.push_screen(
            DayPickerScreen(self.program, next_index, self._today_date(), focus_date=focus_date), self._day_chosen
        )

    async def _day_chosen(self: TodayScreen, choice: DayChoice | None) -> None:
        """Start the chosen day (or an empty session) on the chosen date, in place of a session
        of that date with nothing done; a session of that date with sets done is resumed instead."""
        if choice is None or self.program is None:
            return
        program, store, shown = self.program, self.app.store, self.session
        when = choice.when.isoformat()
        try:
            existing = store.open_session(when, program.id)
        except StoreError as error:
            self.app.notify(str(error), severity="error", timeout=10)
            return
        if existing is not None and any(s.done for s in existing.sets):
            if shown is not None and existing.id == shown.id:
                done = sum(s.done for s in existing.sets)
                self.app.notify(
                    f"{done} sets are done in {existing.day}: finish it (f) before starting another",
                    severity="warning",
                    timeout=5,
                )
                return
            await self.load(existing.id)
            self.app.notify(f"The session of {choice.when:%a %d %b} is still open: here it is", timeout=4)
            return
        if choice.day_index is None:
            day_name, slots = EMPTY_DAY, []
            # An empty session leaves the rotation where it was: the same day comes up next.
            try:
                day_index = (self._rotation_next(existing.id if existing else None) - 1) % len(program.days)
            except StoreError as error:
                self.app.notify(str(error), severity="error", timeout=10)
                return
        else:
            day = program.days[choice.day_index]
            day_name, day_index = day.name, choice.day_index
            slots, _ = self.planned_with_last_time(self._planned_slots(program, choice.day_index))
        shift = choice.when - self._today_date()
        try:
            session = store.restart_session(
                existing.id if existing else None,
                date=when,
                started_at=stamp(self.app.clock.now() + shift),
                program_id=program.id,
                program=program.name,
                day=day_name,
                day_index=day_index,
                slots=[slot for slot in slots if isinstance(slot, PlannedSet)],
            )
        except StoreError as error:
            self.app.notify(f"Not saved: {error}", severity="error", timeout=10)
            return
        self.undo_stack.append(RestartUndo(session.id, existing.id if existing else None, shown.id if shown else None))
        await self.load(session.id)
        for_when = "" if shift.days == 0 else f" for {choice.when:%a %d %b}"
        self.app.notify(f"{day_name}{for_when} · u undoes", timeout=3)

    def action_session_note(self: TodayScreen) -> None:
        from runstrong.screens.note_dialog import NoteScreen

        current = self.session.notes if self.session else ""
        self.app.push_screen(NoteScreen("Note on this session", current), self._note_written)

    async def _note_written(self: TodayScreen, note: str | None) -> None:
        if note is None:
            return
        try:
            session = self._ensure_session()
            previous = self.app.store.session(session.id).notes
            self.session = self.app.store.set_notes(session.id, note)
        except StoreError as error:
            self.app.notify(f"Not saved: {error}", severity="error", timeout=10)
            return
        self._mark_seen()
        self.undo_stack.append(NoteUndo(session.id, previous))
        self.app.notify("Note saved · u undoes" if note else "Note cleared · u undoes", timeout=3)
