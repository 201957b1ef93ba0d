"""Runs, races and the usual week on a real SQLite file; the plan's reads of strength history."""

from __future__ import annotations

import pytest

import sqlite3
from datetime import date
from pathlib import Path

from runstrong.core.catalog import load_catalog
from runstrong.core.models import Side
from runstrong.core.plan import plan_day
from runstrong.core.running import Priority, Run, RunKind, mark_edited, parse_week_spec
from runstrong.store import Store, StoreError

FIXTURES = Path(__file__).parent / "fixtures"


def test_the_usual_week_is_replaced_whole(store: Store) -> None:
    store.save_running_week(parse_week_spec(["mon=easy", "sat=long:25km"]))
    store.save_running_week(parse_week_spec(["tue=hard", "sat=long:30km"]))
    week = store.running_week()
    assert {day: (d.kind, d.distance_km) for day, d in week.days.items()} == {
        1: (RunKind.HARD, None), 5: (RunKind.LONG, 30.0),
    }


def test_runs_are_added_listed_updated_and_deleted(store: Store) -> None:
    race = store.add_run(Run(date(2027, 5, 23), RunKind.RACE, 21.1, "City Half", Priority.A))
    assert len(race.uid) == 32
    store.add_run(Run(date(2027, 5, 1), RunKind.LONG, 28))
    assert [(r.date, r.kind) for r in store.runs()] == [(date(2027, 5, 1), RunKind.LONG), (date(2027, 5, 23), RunKind.RACE)]
    store.update_run(Run(date(2027, 5, 30), RunKind.RACE, 21.1, "City Half", Priority.B, uid=race.uid))
    assert store.runs()[-1].date == date(2027, 5, 30)
    store.delete_run(race.uid)
    assert [r.kind for r in store.runs()] == [RunKind.LONG]
    calendar = store.running_calendar()
    assert calendar.day(date(2027, 5, 1)).kind is RunKind.LONG


def test_importing_the_same_runs_twice_changes_nothing(store: Store) -> None:
    runs = [
        Run(date(2027, 1, 4), RunKind.EASY, 8, "Easy 8 km", uid="ics:a:2027-01-04", source="ics"),
        Run(date(2027, 1, 9), RunKind.LONG, 25, "Long run 25 km", uid="ics:b", source="ics"),
    ]
    first = store.import_runs(runs)
    second = store.import_runs(runs)
    assert (first.added, first.updated, first.unchanged) == (2, 0, 0)
    assert (second.added, second.updated, second.unchanged) == (0, 0, 2)
    moved = [runs[0], Run(date(2027, 1, 10), RunKind.LONG, 25, "Long run 25 km", uid="ics:b", source="ics")]
    third = store.import_runs(moved)
    assert (third.added, third.updated, third.unchanged) == (0, 1, 1)
    store.delete_run("ics:a:2027-01-04")
    store.import_runs(runs)
    assert [r.uid for r in store.runs()] == ["ics:b"]  # a deleted run stays deleted


def test_past_sets_and_done_sessions(store: Store) -> None:
    catalog = load_catalog()
    program = catalog.program("beginner")
    session = store.start_session(
        date="2027-01-04", started_at="2027-01-04T18:00:00+01:00", program_id=program.id,
        program=program.name, day="Workout A", day_index=0, slots=plan_day(program.days[0], catalog),
    )
    lunges = [s for s in session.sets if s.exercise_id == "lunge"]
    store.edit_set(lunges[0].id, reps=10, load_kg=12.5, hold_s=None)
    store.tick_set(lunges[0].id, "2027-01-04T18:10:00+01:00")
    # An untouched session of the next day: no done set, so neither is it "done" nor read.
    store.start_session(
        date="2027-01-06", started_at="2027-01-06T18:00:00+01:00", program_id=program.id,
        program=program.name, day="Workout B", day_index=1, slots=plan_day(program.days[1], catalog),
    )
    assert [(d.date, d.day_index) for d in store.done_strength_sessions(date(2027, 1, 1))] == [(date(2027, 1, 4), 0)]
    past = store.past_sets(["lunge", "squat", "step-up"], date(2027, 1, 1))
    assert set(past) == {"lunge"}  # squat was planned but nothing of it done
    [(when, sets)] = past["lunge"]
    assert when == date(2027, 1, 4)
    assert len(sets) == 6  # 3 sets × 2 sides, done or not
    assert (sets[0].side, sets[0].done, sets[0].reps, sets[0].load_kg, sets[0].target_reps) == (Side.LEFT, True, 10, 12.5, 10)
    assert sets[1].done is False


def test_read_only_open_never_creates_or_migrates(tmp_path: Path) -> None:
    missing = tmp_path / "none.db"
    with pytest.raises(StoreError, match="no database there"):
        Store.open_read_only(missing)
    assert not missing.exists()
    # A version 2 database: read through an in-memory copy; the file keeps every byte.
    old_path = tmp_path / "old.db"
    conn = sqlite3.connect(old_path)
    conn.executescript((FIXTURES / "schema_v2.sql").read_text())
    conn.close()
    before = old_path.read_bytes()
    old = Store.open_read_only(old_path)
    assert old.runs() == []
    old.close()
    assert old_path.read_bytes() == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["old.db"]  # no backup, no -wal


def test_a_run_dated_outside_1900_to_2200_is_not_saved(store: Store) -> None:
    # The last line of defence for every place a date is typed (CLI, run form, calendar file).
    for far in (date(9999, 12, 31), date(1, 1, 1), date(1899, 12, 31), date(2201, 1, 1)):
        with pytest.raises(StoreError, match="is outside 1900-01-01..2200-12-31"):
            store.add_run(Run(far, RunKind.RACE, None, "Far", Priority.A))
        with pytest.raises(StoreError, match="is outside"):
            store.import_runs([Run(far, RunKind.EASY, uid="ics:far")])
    assert store.runs() == []
    kept = store.add_run(Run(date(2200, 12, 31), RunKind.EASY))
    with pytest.raises(StoreError, match="is outside"):
        store.update_run(Run(date(9999, 12, 31), RunKind.EASY, uid=kept.uid))
    assert [r.date for r in store.runs()] == [date(2200, 12, 31)]


def test_a_calendar_run_edited_here_survives_the_next_import(store: Store) -> None:
    calendar = [Run(date(2027, 4, 11), RunKind.RACE, 21.1, "Spring Half", Priority.B, uid="ics:half", source="ics")]
    store.import_runs(calendar)
    # The runner makes it their A race on the Plan screen (the form marks the change as theirs).
    [imported] = store.runs()
    edited = mark_edited(imported, Run(date(2027, 4, 11), RunKind.RACE, 21.1, "Spring Half", Priority.A, "ics:half", "ics"))
    assert edited.source == "ics-edited"
    store.update_run(edited)

    again = store.import_runs(calendar)
    # The calendar moves it a day too: the runner's version still stands, and is counted as kept.
    moved = store.import_runs([Run(date(2027, 4, 12), RunKind.RACE, 21.1, "Spring Half", Priority.B, uid="ics:half", source="ics")])

    assert (again.added, again.updated, again.unchanged, again.kept) == (0, 0, 0, 1)
    assert (moved.added, moved.updated, moved.unchanged, moved.kept) == (0, 0, 0, 1)
    assert [(r.date, r.priority, r.source) for r in store.runs()] == [(date(2027, 4, 11), Priority.A, "ics-edited")]


def test_saving_a_run_unchanged_or_a_manual_run_is_not_marked_as_edited() -> None:
    calendar = Run(date(2027, 4, 11), RunKind.EASY, 8.0, "Easy", uid="ics:e", source="ics")
    assert mark_edited(calendar, calendar).source == "ics"
    manual = Run(date(2027, 4, 11), RunKind.EASY, 8.0, "Easy", uid="m1")
    assert mark_edited(manual, Run(date(2027, 4, 12), RunKind.EASY, 8.0, "Easy", uid="m1")).source == "manual"


def test_deleting_a_run_that_is_not_there_is_a_key_error(store: Store) -> None:
    with pytest.raises(KeyError):
        store.delete_run("no-such-run")
    race = store.add_run(Run(date(2027, 5, 23), RunKind.RACE, 21.1, "City Half", Priority.A))
    store.delete_run(race.uid)
    with pytest.raises(KeyError):
        store.delete_run(race.uid)  # already deleted: nothing was there to delete
