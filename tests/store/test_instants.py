"""Times are instants (issue 12): whatever orders or compares stored times uses the instant, not
the text of an ISO timestamp with an offset. Each case has text order and instant order disagree.
"""

from __future__ import annotations

from runstrong.core.plan import PlannedSet
from runstrong.store import Store

# 23:00 UTC on the 22nd is LATER than 00:30+02:00 on the 23rd (22:30 UTC), though as text it
# sorts first.
LATER = "2026-11-22T23:00:00+00:00"
EARLIER = "2026-11-23T00:30:00+02:00"


def start(store: Store, started_at: str, day_index: int, date: str) -> int:
    return store.start_session(
        date=date, started_at=started_at, program_id="beginner", program="Beginner (2 days/week)",
        day=f"Workout {'AB'[day_index]}", day_index=day_index,
        slots=[PlannedSet("squat", "Squat", 1, None, 12, None)],
    ).id


def test_the_last_session_is_the_one_that_started_last(store: Store) -> None:
    # Session 1 started at the later instant; session 2 (inserted after, e.g. by an import)
    # started earlier, though both its id and its text sort higher.
    first = start(store, LATER, 0, "2026-11-22")
    store.finish_session(first, LATER)
    second = start(store, EARLIER, 1, "2026-11-23")
    store.finish_session(second, EARLIER)
    last = store.last_session("beginner")
    assert last is not None and last.id == first and last.day_index == 0


def test_an_exercise_is_listed_under_the_name_it_was_last_logged_with(store: Store) -> None:
    first = start(store, "2026-11-22T22:00:00+00:00", 0, "2026-11-22")
    second = start(store, "2026-11-22T22:10:00+00:00", 1, "2026-11-23")
    store.tick_set(store.session(first).sets[0].id, LATER)
    store.tick_set(store.session(second).sets[0].id, EARLIER)
    store.conn.execute("UPDATE set_logs SET exercise = 'Back squat' WHERE session_id = ?", [first])
    store.conn.execute("UPDATE set_logs SET exercise = 'Squat (old name)' WHERE session_id = ?", [second])
    # The set done LATER (as an instant) carries the newer name.
    assert store.logged_exercises() == [("squat", "Back squat")]


def test_progress_reads_sets_in_instant_order(store: Store) -> None:
    first = start(store, "2026-11-22T22:00:00+00:00", 0, "2026-11-22")
    second = start(store, "2026-11-22T22:10:00+00:00", 1, "2026-11-23")
    store.tick_set(store.session(first).sets[0].id, LATER)
    store.tick_set(store.session(second).sets[0].id, EARLIER)
    assert [s.done_at for s in store.exercise_sets("squat")] == [EARLIER, LATER]


def test_history_duration_is_from_the_first_to_the_last_instant(store: Store) -> None:
    session = store.start_session(
        date="2026-11-22", started_at="2026-11-22T22:00:00+00:00", program_id="beginner",
        program="Beginner (2 days/week)", day="Workout A", day_index=0,
        slots=[PlannedSet("squat", "Squat", n, None, 12, None) for n in (1, 2)],
    )
    store.tick_set(session.sets[0].id, EARLIER)  # 22:30 UTC
    store.tick_set(session.sets[1].id, LATER)  # 23:00 UTC
    [row] = store.history_page()
    assert row.duration_s == 30 * 60  # text order would give -90 min or 1 h 30


def test_deletions_travel_in_the_order_they_happened(store: Store) -> None:
    from datetime import datetime, timezone

    first = start(store, "2026-11-22T20:00:00+00:00", 0, "2026-11-22")
    store.finish_session(first, "2026-11-22T20:30:00+00:00")
    second = start(store, "2026-11-22T21:00:00+00:00", 1, "2026-11-22")
    store.delete_session(first, EARLIER)  # 22:30 UTC
    store.delete_session(second, LATER)  # 23:00 UTC, though its text sorts first
    deleted = store.export_json(datetime(2026, 11, 23, tzinfo=timezone.utc))["deleted"]
    assert [row["deleted_at"] for row in deleted] == [EARLIER, LATER]
