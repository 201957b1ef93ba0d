"""Today's session as it ends: a toast the moment a set beats a record, the finish offer after
the last set, `f` asking first while sets are left, and what a program switch keeps.

Kept out of today.py, which owns the checklist and its saving; these only read the session and
ask the store for what the records stand on.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from runstrong.core.counting import count_sets
from runstrong.core.models import SetLog
from runstrong.core.session_report import SessionReport, records_broken, session_report
from runstrong.screens.finish_session import FinishSessionScreen, format_record
from runstrong.store import StoreError

if TYPE_CHECKING:
    from runstrong.screens.today import TodayScreen


def _stored_sets(today: TodayScreen) -> list[SetLog]:
    return [slot for slot in today.checklist.slots if isinstance(slot, SetLog)]


def announce_records(today: TodayScreen, previous: SetLog, new: SetLog) -> None:
    """Toast every record `new` beats, as soon as it is saved (warm-ups never do)."""
    unchanged = previous.done and (previous.reps, previous.load_kg, previous.hold_s) == (new.reps, new.load_kg, new.hold_s)
    if not new.done or new.is_warmup or unchanged:
        return
    try:
        before = today.app.store.best_sets_elsewhere(new.exercise_id, new.session_id)
    except StoreError:
        return  # A toast is not worth an error; the set itself is saved.
    if not before:
        # Records stand on other sessions, as in the summary: the first time an exercise is
        # done sets its first records; beating set 1 with set 2 that day breaks none.
        return
    # Earlier sets of this session count too: the second heavy set must beat the first.
    before += [s for s in _stored_sets(today) if s.exercise_id == new.exercise_id and s.done and not s.is_warmup and s.id != new.id]
    broken = records_broken(new.exercise, before, [new])
    if broken:
        unit = today.app.settings.unit
        today.app.notify("\n".join(format_record(record, unit) for record in broken), title="★ New record", timeout=8)


def report(today: TodayScreen) -> SessionReport | None:
    """The summary of Today's session, or None (and a message) when the store cannot say."""
    sets = _stored_sets(today)
    try:
        before = {eid: today.app.store.best_sets_elsewhere(eid, sets[0].session_id) for eid in dict.fromkeys(s.exercise_id for s in sets)}
    except StoreError as error:
        today.app.notify(str(error), severity="error", timeout=10)
        return None
    return session_report(sets, before)


def ask_to_finish(today: TodayScreen) -> None:
    """Show the summary and ask to finish; the answer goes to `today.finish_now`."""
    summary = report(today)
    if summary is None or today.session is None:
        return
    title = f"{today.session.program} · {today.session.day}"

    async def answered(finish: bool | None) -> None:
        if finish:
            await today.finish_now()

    today.app.push_screen(FinishSessionScreen(title, summary, today.app.settings.unit), answered)


def offer_when_all_done(today: TodayScreen) -> None:
    """After the last set: offer to finish, now if Today is on top, else when it is back."""
    sets = today.checklist.slots
    if not sets or not all(isinstance(s, SetLog) and s.done for s in sets):
        return
    if today.app.screen is not today:
        today.finish_offer_pending = True  # the hold timer's summary is still showing
        return
    today.finish_offer_pending = False
    ask_to_finish(today)


def kept_session_note(today: TodayScreen) -> str | None:
    """What a program switch leaves behind: "Workout A of Beginner is kept (3 of 18 sets done)…",
    or None when nothing was ticked."""
    session = today.session
    count = count_sets(_stored_sets(today))
    if session is None or session.finished_at is not None or not (count.done or count.warmups_done):
        return None
    return (
        f"{session.day} of {session.program} is kept as it is ({count.done} of {count.planned} sets done): "
        f"switch back to {session.program} today to carry on; History lists it too."
    )
