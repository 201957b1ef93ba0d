"""Own exercises and programs on a real SQLite file: saved whole, read back the same, archived not lost."""

from __future__ import annotations

from datetime import datetime, timezone
from pathlib import Path

import pytest

from runstrong.core.catalog import load_catalog
from runstrong.core.models import Exercise, Kind, Prescription, Program, ProgramDay, ProgramItem
from runstrong.core.plan import plan_day
from runstrong.core.routine_file import Routine
from runstrong.store import Store, StoreError

FRONT_SQUAT = Exercise(
    id="front-squat", name="Front squat", kind=Kind.REPS, per_side=False, muscles=("quads",), category="legs",
    default=Prescription(sets=3, reps=8, reps_max=12, load_kg=40.0), why="", cues=(), sources=(),
    notes="Elbows high", own=True,
)
RACK_DAY = Program(
    id="rack-day", name="Rack day", description="", own=True,
    days=(ProgramDay("Heavy", (
        ProgramItem("front-squat", Prescription(sets=3, reps=8, reps_max=12, load_kg=40.0, rest_s=120)),
        ProgramItem("side-plank", Prescription(sets=2, hold_s=30, hold_s_max=45)),
    )),),
)


def reopened(db_path: Path) -> Store:
    return Store.open(db_path)


def test_saved_entries_read_back_equal_from_a_fresh_connection(store: Store, db_path: Path) -> None:
    store.save_routine(Routine((FRONT_SQUAT,), (RACK_DAY,)))
    other = reopened(db_path)
    try:
        catalog = other.catalog()
    finally:
        other.close()
    assert catalog.exercise("front-squat") == FRONT_SQUAT
    assert catalog.program("rack-day") == RACK_DAY
    assert catalog.programs[-1] is catalog.program("rack-day") and catalog.default_program.id == "beginner"
    row = store.conn.execute("SELECT name, kind, per_side, category, doc FROM exercises").fetchone()
    assert row[:4] == ("Front squat", "reps", 0, "legs")
    assert '"notes": "Elbows high"' in row[4] and '"id"' not in row[4]


def test_a_routine_is_one_transaction(store: Store) -> None:
    clash = RACK_DAY._replace(id="rack-day-2", name="RACK DAY")  # the table's name is UNIQUE NOCASE
    with pytest.raises(StoreError, match="value rejected"):
        store.save_routine(Routine((FRONT_SQUAT,), (RACK_DAY, clash)))
    assert store.conn.execute("SELECT count(*) FROM exercises").fetchone()[0] == 0
    assert store.conn.execute("SELECT count(*) FROM programs").fetchone()[0] == 0
    assert not any(ex.own for ex in store.catalog().exercises.values())


def test_updating_keeps_the_id_and_archiving_keeps_history(store: Store) -> None:
    store.save_routine(Routine((FRONT_SQUAT,), (RACK_DAY,)))
    catalog = store.catalog()
    session = store.start_session(
        date="2026-11-22", started_at="2026-11-22T10:00:00+01:00", program_id="rack-day", program="Rack day",
        day="Heavy", day_index=0, slots=plan_day(RACK_DAY.days[0], catalog),
    )
    first = session.sets[0]
    # The item's target load and rest reach the planned set.
    assert (first.exercise_id, first.target_reps, first.target_load_kg, first.rest_s) == ("front-squat", 8, 40.0, 120)
    store.tick_set(first.id, "2026-11-22T10:05:00+01:00")

    store.save_exercise(FRONT_SQUAT._replace(name="Front squat (clean grip)"))
    store.archive_exercise("front-squat")
    store.archive_program("rack-day")
    catalog = store.catalog()
    assert catalog.exercise("front-squat").name == "Front squat (clean grip)"
    assert catalog.exercise("front-squat").archived and catalog.program("rack-day").archived
    assert "front-squat" not in {ex.id for ex in catalog.pickable_exercises()}
    assert "rack-day" not in {p.id for p in catalog.pickable_programs()}
    assert [s.reps for s in store.exercise_sets("front-squat")] == [8]
    payload = store.export_json(datetime(2026, 11, 23, tzinfo=timezone.utc))
    assert payload["exercises"][0]["archived"] is True and payload["programs"][0]["id"] == "rack-day"

    store.archive_exercise("front-squat", archived=False)
    assert not store.catalog().exercise("front-squat").archived
    with pytest.raises(KeyError):
        store.archive_program("no-such-program")


def test_the_merged_catalog_is_rebuilt_only_after_a_change(store: Store) -> None:
    first = store.catalog()
    assert store.catalog() is first
    store.save_exercise(FRONT_SQUAT)
    second = store.catalog()
    assert second is not first and second.exercise("front-squat") == FRONT_SQUAT
    assert load_catalog().exercises.get("front-squat") is None  # the packaged catalog is untouched
