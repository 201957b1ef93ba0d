"""Counting honestly, as History's week strip shows it: a leftover from switching programs is not
a session (core/counting.py: 3+ working sets and half the plan)."""

from __future__ import annotations

from datetime import date

from test_history import SUNDAY, log_session, training_slots

from runstrong.store import Store
from runstrong.widgets.week_calendar import WeekCalendar


def leftover(store: Store, day: date) -> None:
    """Two sets ticked of five, then the program switched: left open, as Today leaves it."""
    session = store.start_session(
        date=day.isoformat(), started_at=f"{day}T18:00:00+01:00", program_id="intermediate",
        program="Intermediate", day="Workout A", day_index=0, slots=training_slots(),
    )
    for minute, slot in enumerate(session.sets[:2]):
        store.tick_set(slot.id, f"{day}T18:0{minute}:00+01:00")


async def test_a_two_set_leftover_does_not_keep_the_streak(make_app, store: Store) -> None:
    # The week of 2 Nov: two whole sessions. The week of 9 Nov: one whole session and a leftover.
    # This week (16 Nov) is still in progress, so the streak is counted from the week before:
    # with the leftover counted it would be 2 weeks of 2+; honestly, 9 Nov has 1, so none.
    log_session(store, date(2026, 11, 2))
    log_session(store, date(2026, 11, 4))
    log_session(store, date(2026, 11, 9))
    leftover(store, date(2026, 11, 11))
    assert SUNDAY == date(2026, 11, 22)
    app = make_app(start="history")
    async with app.run_test(size=(100, 30)):
        strip = app.screen.query_one(WeekCalendar)
        assert strip.counts[date(2026, 11, 9)] == 1
        assert strip.streak == 0
        assert "no streak yet (2+ a week)" in str(strip.render())
