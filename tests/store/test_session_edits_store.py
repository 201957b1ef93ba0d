"""The store's floor for a session that bends, and the last-time query, on a real SQLite file."""

from __future__ import annotations

import pytest

from runstrong.core.catalog import load_catalog
from runstrong.core.last_time import LastSet
from runstrong.core.plan import PlannedSet, plan_day
from runstrong.store import Store, StoreError


def start(store: Store, date: str = "2026-11-22", day_index: int = 0):
    catalog = load_catalog()
    program = catalog.default_program
    return store.start_session(
        date=date, started_at=f"{date}T10:00:00+01:00", program_id=program.id, program=program.name,
        day=program.days[day_index].name, day_index=day_index, slots=plan_day(program.days[day_index], catalog),
    )


def layout(store: Store, session_id: int) -> list[tuple[str, int, str | None, str]]:
    return [(s.exercise_id, s.set_no, s.side.value if s.side else None, s.set_type) for s in store.session_sets(session_id)]


def test_add_drop_and_their_undo(store: Store) -> None:
    session = start(store)
    before = store.kept_set_ids(session.id)
    layout_before = layout(store, session.id)
    added = store.change_sets(
        session.id, add=[PlannedSet("squat", "Squat", 4, None, 12, None, 40.0, 90)], at=3
    )
    assert [(s.exercise_id, s.set_no, s.target_load_kg, s.rest_s) for s in added] == [("squat", 4, 40.0, 90)]
    assert layout(store, session.id)[:5] == [
        ("squat", 1, None, "normal"), ("squat", 2, None, "normal"), ("squat", 3, None, "normal"),
        ("squat", 4, None, "normal"), ("lunge", 1, "left", "normal"),
    ]
    store.undo_layout(before, added=[s.id for s in added])
    assert store.kept_set_ids(session.id) == before
    lunge_1 = [s.id for s in session.sets if s.exercise_id == "lunge" and s.set_no == 1]
    store.change_sets(session.id, drop=lunge_1)
    # Lunge's set 1 (both sides) is gone: what were sets 2 and 3 are now sets 1 and 2.
    lunges = [row for row in layout(store, session.id) if row[0] == "lunge"]
    assert lunges == [("lunge", n, side, "normal") for n in (1, 2) for side in ("left", "right")]
    assert [s.id for s in store.session_sets(session.id) if s.exercise_id == "lunge"] == [
        s.id for s in session.sets if s.exercise_id == "lunge" and s.set_no in (2, 3)
    ]
    store.undo_layout(before, dropped=lunge_1)
    assert store.kept_set_ids(session.id) == before
    assert layout(store, session.id) == layout_before


def test_removing_a_middle_set_renumbers_the_rest_and_warm_ups_count_apart(store: Store) -> None:
    session = start(store)
    squat = [s for s in session.sets if s.exercise_id == "squat"]
    [warmup] = store.change_sets(session.id, add=[PlannedSet("squat", "Squat", 1, None, 8, None)], at=0, set_type="warmup")
    store.change_sets(session.id, drop=[squat[1].id])  # squat set 2 of 3
    rows = [(s.id, s.set_no, s.set_type) for s in store.session_sets(session.id) if s.exercise_id == "squat"]
    assert rows == [(warmup.id, 1, "warmup"), (squat[0].id, 1, "normal"), (squat[2].id, 2, "normal")]


def test_a_done_set_is_never_dropped(store: Store) -> None:
    session = start(store)
    store.tick_set(session.sets[0].id, "2026-11-22T10:01:00+01:00")
    with pytest.raises(StoreError, match="History"):
        store.change_sets(session.id, drop=[session.sets[0].id, session.sets[1].id])
    assert len(store.session_sets(session.id)) == 18  # nothing changed, not even set 2


def test_warm_up_sets_are_stored_as_such(store: Store) -> None:
    session = start(store)
    [warmup] = store.change_sets(session.id, add=[PlannedSet("squat", "Squat", 1, None, 8, None)], at=0, set_type="warmup")
    assert warmup.is_warmup and store.session_sets(session.id)[0].id == warmup.id


def test_restart_replaces_an_empty_session_and_undo_brings_it_back(store: Store) -> None:
    first = start(store)
    second = store.restart_session(
        first.id, date="2026-11-22", started_at="2026-11-22T10:00:00+01:00", program_id=first.program_id,
        program=first.program, day="Own session", day_index=1, slots=[],
    )
    assert store.open_session("2026-11-22", first.program_id).id == second.id
    store.undo_restart(second.id, first.id)
    assert store.open_session("2026-11-22", first.program_id).id == first.id
    with pytest.raises(KeyError):
        store.session(second.id)


def test_restart_refuses_to_replace_a_session_with_sets_done(store: Store) -> None:
    first = start(store)
    store.tick_set(first.sets[0].id, "2026-11-22T10:01:00+01:00")
    with pytest.raises(StoreError):
        store.restart_session(
            first.id, date="2026-11-22", started_at="x", program_id=first.program_id, program=first.program,
            day="Workout B", day_index=1, slots=[],
        )
    assert store.open_session("2026-11-22", first.program_id).id == first.id


def test_last_time_is_the_newest_session_leaving_out_warm_ups_deleted_and_the_one_shown(store: Store) -> None:
    old = start(store, "2026-11-10")
    for s in old.sets[:3]:
        store.edit_set(s.id, reps=12, load_kg=35.0, hold_s=None)
        store.tick_set(s.id, "2026-11-10T10:05:00+01:00")
    newer = start(store, "2026-11-18")
    [warmup] = store.change_sets(newer.id, add=[PlannedSet("squat", "Squat", 1, None, 5, None)], at=0, set_type="warmup")
    store.edit_set(warmup.id, reps=5, load_kg=60.0, hold_s=None)
    store.tick_set(warmup.id, "2026-11-18T10:01:00+01:00")
    for s in newer.sets[:2]:
        store.edit_set(s.id, reps=10, load_kg=40.0, hold_s=None)
        store.tick_set(s.id, "2026-11-18T10:05:00+01:00")
    deleted = start(store, "2026-11-20")
    store.tick_set(deleted.sets[0].id, "2026-11-20T10:05:00+01:00")
    store.delete_session(deleted.id, "2026-11-20T11:00:00+01:00")
    today = start(store, "2026-11-22")
    store.tick_set(today.sets[0].id, "2026-11-22T10:05:00+01:00")

    found = store.last_time(["squat", "lunge", "never-done"], besides=today.id)
    assert found == {"squat": [LastSet("2026-11-18", None, 10, 40.0, None)] * 2}
    # Without leaving the shown session out, today's tick is the newest.
    assert store.last_time(["squat"])["squat"] == [LastSet("2026-11-22", None, 12, None, None)]
    # A session logged late for 15 Nov: last time is what came before it (10 Nov), not 18 or 22 Nov.
    late = start(store, "2026-11-15")
    assert store.last_time(["squat"], besides=late.id, before=late.started_at) == {
        "squat": [LastSet("2026-11-10", None, 12, 35.0, None)] * 3
    }


def test_history_totals_and_progress_leave_warm_ups_out(store: Store) -> None:
    session = start(store)
    [warmup] = store.change_sets(session.id, add=[PlannedSet("squat", "Squat", 1, None, 5, None)], at=0, set_type="warmup")
    store.edit_set(warmup.id, reps=5, load_kg=60.0, hold_s=None)
    store.tick_set(warmup.id, "2026-11-22T10:01:00+01:00")
    work = session.sets[0]
    store.edit_set(work.id, reps=12, load_kg=40.0, hold_s=None)
    store.tick_set(work.id, "2026-11-22T10:03:00+01:00")
    [row] = store.history_page()
    # One rule (README "What counts"): the warm-up is in none of the totals. 1 set, 12 reps,
    # volume 12 × 40 = 480 kg; the warm-up's 5 × 60 = 300 kg and its 5 reps are not in them.
    assert (row.sets_done, row.total_reps, row.volume_kg) == (1, 12, 480.0)
    assert [(s.reps, s.load_kg) for s in store.exercise_sets("squat")] == [(12, 40.0)]
