"""History queries and soft deletes on a real database file, read back through a fresh Store."""

from __future__ import annotations

from datetime import date, datetime, timezone
from pathlib import Path

import pytest

from runstrong.core.catalog import load_catalog
from runstrong.core.models import Session, Side
from runstrong.core.plan import PlannedSet, plan_day
from runstrong.core.progress import session_totals
from runstrong.store import HistoryFilter, Store

EXPORTED_AT = datetime(2026, 11, 22, 9, 0, tzinfo=timezone.utc)


def plank(set_no: int = 1) -> PlannedSet:
    return PlannedSet("plank", "Plank", set_no, None, None, 30)


def squat(set_no: int = 1) -> PlannedSet:
    return PlannedSet("squat", "Squat", set_no, None, 12, None)


def side_plank(set_no: int, side: Side) -> PlannedSet:
    return PlannedSet("side-plank", "Side plank", set_no, side, None, 20)


def log_session(
    store: Store, day: str, slots: list[PlannedSet], *, done: int | None = None, load_kg: float | None = None
) -> Session:
    """Start a session on `day` and tick its first `done` sets a minute apart (all by default)."""
    session = store.start_session(
        date=day, started_at=f"{day}T09:00:00+01:00", program_id="beginner",
        program="Beginner (2 days/week)", day="Workout A", day_index=0, slots=slots,
    )
    for minute, logged in enumerate(session.sets[: len(slots) if done is None else done]):
        if load_kg is not None:
            store.edit_set(logged.id, reps=logged.target_reps, load_kg=load_kg, hold_s=None)
        store.tick_set(logged.id, f"{day}T09:{minute:02d}:00+01:00")
    # Finished, as a day's session is before the next one of the program starts that day (only
    # one may be open per day and program).
    return store.finish_session(session.id, f"{day}T10:00:00+01:00")


def test_a_page_lists_newest_first_with_totals_summed_like_progress(store: Store) -> None:
    older = log_session(store, "2026-11-01", [squat(1), squat(2), plank()], done=2, load_kg=20)
    newer = log_session(store, "2026-11-08", [plank(1), plank(2)])

    rows = store.history_page()

    assert [row.id for row in rows] == [newer.id, older.id]
    row = rows[1]
    totals = session_totals(store.session(older.id).sets)
    assert (row.sets_done, row.sets_planned) == (totals.sets_done, totals.sets_planned) == (2, 3)
    assert row.total_reps == totals.total_reps == 24
    assert row.volume_kg == totals.volume_kg == 480.0  # 2 sets × 12 reps × 20 kg
    assert row.duration_s == totals.duration_s == 60
    assert rows[0].total_hold_s == 60 and rows[0].total_reps == 0 and rows[0].volume_kg == 0


def test_pages_follow_on_without_gaps_or_repeats(store: Store) -> None:
    ids = [log_session(store, f"2026-10-{day:02d}", [plank()]).id for day in range(1, 13)]
    # A second session on the last date: the id breaks the tie, newest first.
    ids.append(log_session(store, "2026-10-12", [plank()]).id)

    seen: list[int] = []
    page = store.history_page(limit=5)
    while page:
        seen += [row.id for row in page]
        page = store.history_page(after=page[-1], limit=5)

    assert seen == list(reversed(ids))
    assert store.history_count() == 13


def test_filters_by_exercise_and_by_date_range(store: Store) -> None:
    with_squat = log_session(store, "2026-11-01", [squat(), plank()])
    log_session(store, "2026-11-05", [plank()])
    skipped_squat = log_session(store, "2026-11-09", [plank(), squat()], done=1)
    late_squat = log_session(store, "2026-11-20", [squat()])

    by_squat = HistoryFilter(exercise_id="squat")
    assert [row.id for row in store.history_page(by_squat)] == [late_squat.id, with_squat.id]
    # The row still totals the whole session, not only the squats.
    assert store.history_page(by_squat)[1].sets_done == 2
    assert skipped_squat.id not in [row.id for row in store.history_page(by_squat)]

    november_early = HistoryFilter(date_from="2026-11-02", date_to="2026-11-09")
    assert [row.date for row in store.history_page(november_early)] == ["2026-11-09", "2026-11-05"]
    assert store.history_count(HistoryFilter(exercise_id="squat", date_to="2026-11-19")) == 1


def test_deleted_sets_and_sessions_vanish_and_come_back(db_path: Path, store: Store) -> None:
    kept = log_session(store, "2026-11-01", [squat(1), squat(2)], load_kg=30)
    gone = log_session(store, "2026-11-02", [squat()], load_kg=40)

    store.delete_set(kept.sets[1].id, "2026-11-22T10:00:00+01:00")
    store.delete_session(gone.id, "2026-11-22T10:01:00+01:00")

    fresh = Store.open(db_path)
    try:
        assert [row.id for row in fresh.history_page()] == [kept.id]
        assert fresh.history_page()[0].sets_planned == 1
        assert [s.id for s in fresh.session_sets(kept.id)] == [kept.sets[0].id]
        assert [s.load_kg for s in fresh.exercise_sets("squat")] == [30]
        assert fresh.export_json(EXPORTED_AT)["sessions"][0]["sets"][0]["load_kg"] == 30
        assert len(fresh.export_json(EXPORTED_AT)["sessions"]) == 1
        assert fresh.is_session_deleted(gone.id)
    finally:
        fresh.close()

    store.undelete_set(kept.sets[1].id)
    store.undelete_session(gone.id)

    fresh = Store.open(db_path)
    try:
        assert [row.id for row in fresh.history_page()] == [gone.id, kept.id]
        assert fresh.session(kept.id).sets == kept.sets
        assert [s.load_kg for s in fresh.exercise_sets("squat")] == [30, 30, 40]
        assert not fresh.is_session_deleted(gone.id)
    finally:
        fresh.close()


def test_deleting_what_is_not_there_is_a_key_error(store: Store) -> None:
    with pytest.raises(KeyError):
        store.delete_set(999, "2026-11-22T10:00:00+01:00")
    with pytest.raises(KeyError):
        store.undelete_session(999)


def test_exercise_sets_are_done_sets_of_one_exercise_oldest_first(store: Store) -> None:
    log_session(store, "2026-11-08", [side_plank(1, Side.LEFT), side_plank(1, Side.RIGHT), plank()])
    log_session(store, "2026-11-01", [side_plank(1, Side.LEFT), side_plank(1, Side.RIGHT)], done=1)

    sets = store.exercise_sets("side-plank")

    assert [(s.done_at[:10], s.side) for s in sets] == [
        ("2026-11-01", Side.LEFT), ("2026-11-08", Side.LEFT), ("2026-11-08", Side.RIGHT),
    ]


def test_the_progress_query_is_one_search_of_the_exercise_index(store: Store) -> None:
    log_session(store, "2026-11-01", [squat(), plank()])
    statements: list[str] = []
    store.conn.set_trace_callback(statements.append)
    try:
        store.exercise_sets("squat")
    finally:
        store.conn.set_trace_callback(None)

    (sql,) = statements
    plan = [row[-1] for row in store.conn.execute("EXPLAIN QUERY PLAN " + sql)]
    assert any("SEARCH set_logs USING INDEX set_logs_exercise" in step for step in plan)
    assert not any(step.startswith("SCAN set_logs") for step in plan)


def test_logged_exercises_name_only_what_was_done_and_kept(store: Store) -> None:
    log_session(store, "2026-11-01", [plank(), squat()], done=1)
    gone = log_session(store, "2026-11-02", [side_plank(1, Side.LEFT)])
    store.delete_session(gone.id, "2026-11-22T10:00:00+01:00")

    assert store.logged_exercises() == [("plank", "Plank")]


def three_planks() -> list[PlannedSet]:
    return [plank(1), plank(2), plank(3)]


def test_weekly_counts_skip_empty_deleted_and_quick_timer_sessions(store: Store) -> None:
    log_session(store, "2026-11-16", three_planks())  # Monday
    log_session(store, "2026-11-22", three_planks())  # Sunday, same week
    log_session(store, "2026-11-10", three_planks(), done=0)  # nothing ticked
    gone = log_session(store, "2026-11-11", three_planks())
    store.delete_session(gone.id, "2026-11-22T10:00:00+01:00")
    store.log_quick_holds(
        date="2026-11-12", started_at="2026-11-12T09:00:00+01:00", exercise_id="plank", exercise="Plank",
        holds=[(1, None, 30, 30, "2026-11-12T09:0%d:30+01:00" % n) for n in range(3)],
    )

    assert store.weekly_session_counts() == {date(2026, 11, 16): 2}


def test_a_session_counts_with_three_working_sets_and_half_the_plan(store: Store) -> None:
    """The counting rule of core.counting, worked by hand, one week per case (Mondays)."""
    twelve = [squat(n) for n in range(1, 5)] + [plank(n) for n in range(1, 5)] + [squat(n) for n in range(5, 9)]
    log_session(store, "2026-10-05", twelve, done=2)  # the leftover of a program switch: 2 < 3
    log_session(store, "2026-10-12", twelve, done=5)  # 5 ≥ 3 but 5 < 12 / 2 = 6
    log_session(store, "2026-10-19", twelve, done=6)  # 6 ≥ 3 and 6 ≥ 6: counts
    log_session(store, "2026-10-26", [plank()])  # 1 of 1: half, but a single set is not a session
    log_session(store, "2026-11-02", three_planks())  # 3 of 3: counts
    log_session(store, "2026-11-09", [plank(n) for n in range(1, 8)], done=3)  # 3 < 7 / 2 = 3.5

    assert store.weekly_session_counts() == {date(2026, 10, 19): 1, date(2026, 11, 2): 1}


def test_warm_up_and_deleted_sets_do_not_count(store: Store) -> None:
    """Four sets done of four planned, but one is a warm-up: 3 working of 3 planned counts.
    Delete one working set and 2 of 2 are left: no longer a session."""
    session = log_session(store, "2026-11-16", [squat(1), squat(2), squat(3), squat(4)])
    store.conn.execute("UPDATE set_logs SET set_type = 'warmup' WHERE id = ?", [session.sets[0].id])
    store.conn.commit()
    assert store.weekly_session_counts() == {date(2026, 11, 16): 1}

    store.delete_set(session.sets[1].id, "2026-11-22T10:00:00+01:00")
    assert store.weekly_session_counts() == {}

    # A warm-up planned but skipped does not raise the bar either: 3 working sets done of 3.
    other = log_session(store, "2026-11-23", [squat(1), squat(2), squat(3), squat(4)], done=3)
    store.conn.execute("UPDATE set_logs SET set_type = 'warmup' WHERE id = ?", [other.sets[3].id])
    store.conn.commit()
    assert store.weekly_session_counts() == {date(2026, 11, 23): 1}


def test_notes_are_saved(db_path: Path, store: Store) -> None:
    session = log_session(store, "2026-11-01", [plank()])
    store.set_notes(session.id, '=SUM(A1), "quoted"')
    fresh = Store.open(db_path)
    try:
        assert fresh.session(session.id).notes == '=SUM(A1), "quoted"'
    finally:
        fresh.close()


def test_a_batch_is_one_transaction(db_path: Path, store: Store) -> None:
    with pytest.raises(RuntimeError):
        with store.batch():
            log_session(store, "2026-11-01", [plank()])
            raise RuntimeError("power cut")
    assert store.history_count() == 0

    with store.batch():
        log_session(store, "2026-11-01", [plank()])
        log_session(store, "2026-11-02", [plank()])
    assert store.history_count() == 2


def test_a_whole_program_day_totals_in_one_row(store: Store) -> None:
    catalog = load_catalog()
    slots = plan_day(catalog.default_program.days[0], catalog)
    session = log_session(store, "2026-11-01", slots, done=len(slots) - 1)

    (row,) = store.history_page()

    assert (row.id, row.sets_done, row.sets_planned) == (session.id, len(slots) - 1, len(slots))
    assert row.total_reps == session_totals(session.sets).total_reps
