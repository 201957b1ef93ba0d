"""Export v2 carries everything the runner entered except settings: own exercises and programs,
sessions, the running week and dated runs and races. Importing it into an empty database and
exporting again gives the same content, so `export` / `import` is a backup and a two-machine merge."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest
# tests/ is on sys.path (pytest's rootdir-relative imports; tests/ is not a package).
import test_cli_programs
from test_cli import run_main

from runstrong.core.plan import PlannedSet
from runstrong.core.running import Priority, Run, RunKind, RunningWeek, UsualDay
from runstrong.store import Store

# The routine of test_cli_programs: an own exercise (front-squat) and a program using it and a
# packaged hold (copenhagen-plank).
ROUTINE = test_cli_programs.ROUTINE


def without_export_time(payload: dict) -> dict:
    return {key: value for key, value in payload.items() if key != "exported_at"}


@pytest.fixture
def full(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> Path:
    """A database with an own exercise and program, a session of it, a week and two runs."""
    path = tmp_path / "laptop.db"
    routine = tmp_path / "mine.toml"
    routine.write_text(ROUTINE)
    assert run_main(["programs", "add", str(routine), "--db", str(path)], capsys)[0] == 0
    store = Store.open(path)
    try:
        session = store.start_session(
            date="2026-11-20", started_at="2026-11-20T18:00:00+01:00", program_id="rack-day",
            program="Rack day", day="Heavy", day_index=0,
            slots=[PlannedSet("front-squat", "Front squat", 1, None, 8, None)],
        )
        store.edit_set(session.sets[0].id, reps=9, load_kg=40.0, hold_s=None)
        store.tick_set(session.sets[0].id, "2026-11-20T18:05:00+01:00")
        store.save_running_week(RunningWeek({1: UsualDay(RunKind.EASY, 6.0), 5: UsualDay(RunKind.LONG, 16.0)}))
        store.add_run(Run(date(2027, 4, 11), RunKind.RACE, 42.2, "Spring marathon", Priority.A, uid="race-spring-0001"))
        store.add_run(Run(date(2027, 1, 9), RunKind.EASY, 5.0, "Parkrun", uid="parkrun-0001", source="ics"))
    finally:
        store.close()
    return path


def test_export_carries_the_week_and_the_runs(full: Path, capsys: pytest.CaptureFixture[str]) -> None:
    payload = json.loads(run_main(["export", "--db", str(full)], capsys)[1])

    assert payload["run_week"] == [
        {"weekday": 1, "kind": "easy", "distance_km": 6.0},
        {"weekday": 5, "kind": "long", "distance_km": 16.0},
    ]
    assert payload["runs"] == [
        {"uid": "parkrun-0001", "date": "2027-01-09", "kind": "easy", "distance_km": 5.0, "name": "Parkrun",
         "priority": None, "source": "ics"},
        {"uid": "race-spring-0001", "date": "2027-04-11", "kind": "race", "distance_km": 42.2,
         "name": "Spring marathon", "priority": "A", "source": "manual"},
    ]
    assert "settings" not in payload


def test_export_then_import_into_an_empty_database_gives_the_same_export(
    full: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    backup = tmp_path / "backup.json"
    assert run_main(["export", "--db", str(full), "-o", str(backup)], capsys)[0] == 0
    first = json.loads(backup.read_text())
    assert [p["id"] for p in first["programs"]] == ["rack-day"]
    assert [e["id"] for e in first["exercises"]] == ["front-squat"]

    other = tmp_path / "desktop.db"
    status, out, err = run_main(["import", str(backup), "--db", str(other)], capsys)
    assert (status, err) == (0, "")
    assert "programs: 1 added" in out and "runs: 2 added" in out and "running week: set" in out

    again = json.loads(run_main(["export", "--db", str(other)], capsys)[1])
    assert without_export_time(again) == without_export_time(first)
    # The program is usable there: it is in the listing, with its days.
    listed = run_main(["programs", "show", "rack-day", "--json", "--db", str(other)], capsys)[1]
    assert json.loads(listed)["days"][0]["name"] == "Heavy"

    # Importing the same file again changes nothing.
    status, out, _ = run_main(["import", str(backup), "--db", str(other)], capsys)
    assert "programs: 0 added" in out and "runs: 0 added" in out
    assert without_export_time(json.loads(run_main(["export", "--db", str(other)], capsys)[1])) == without_export_time(first)


def test_a_run_deleted_on_one_machine_is_deleted_by_the_merge(full: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    backup = tmp_path / "backup.json"
    run_main(["export", "--db", str(full), "-o", str(backup)], capsys)
    other = tmp_path / "desktop.db"
    run_main(["import", str(backup), "--db", str(other)], capsys)
    store = Store.open(full)
    try:
        store.delete_run("parkrun-0001")
    finally:
        store.close()
    run_main(["export", "--db", str(full), "-o", str(backup), "--force"], capsys)
    assert "parkrun-0001" in {d["uid"] for d in json.loads(backup.read_text())["deleted"]}

    status, out, _ = run_main(["import", str(backup), "--db", str(other)], capsys)

    assert status == 0 and "1 deleted" in out
    assert [r["uid"] for r in json.loads(run_main(["runs", "--json", "--db", str(other)], capsys)[1])["runs"]] == [
        "race-spring-0001"
    ]


def test_a_changed_week_here_is_kept_and_said(full: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    backup = tmp_path / "backup.json"
    run_main(["export", "--db", str(full), "-o", str(backup)], capsys)
    other = tmp_path / "desktop.db"
    store = Store.open(other)
    try:
        store.save_running_week(RunningWeek({0: UsualDay(RunKind.EASY, 4.0)}))
    finally:
        store.close()

    out = run_main(["import", str(backup), "--db", str(other)], capsys)[1]

    assert "running week: kept yours" in out
    store = Store.open(other)
    try:
        assert store.running_week() == RunningWeek({0: UsualDay(RunKind.EASY, 4.0)})
    finally:
        store.close()


def test_a_program_changed_later_on_the_other_machine_replaces_the_older_one_and_not_back(
    full: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from datetime import datetime, timezone

    laptop_json, desktop_json = tmp_path / "laptop.json", tmp_path / "desktop.json"
    run_main(["export", "--db", str(full), "-o", str(laptop_json)], capsys)
    desktop = tmp_path / "desktop.db"
    run_main(["import", str(laptop_json), "--db", str(desktop)], capsys)
    store = Store.open(desktop)
    try:
        store.now = lambda: datetime(2030, 1, 1, 12, 0, tzinfo=timezone.utc)  # later than the laptop's change
        program = store.catalog().program("rack-day")
        store.save_program(program._replace(description="Two days a week in season"))
    finally:
        store.close()
    run_main(["export", "--db", str(desktop), "-o", str(desktop_json)], capsys)

    out = run_main(["import", str(desktop_json), "--db", str(full)], capsys)[1]
    assert "own programs: 0 added, 1 updated" in out
    shown = json.loads(run_main(["programs", "show", "rack-day", "--json", "--db", str(full)], capsys)[1])
    assert shown["description"] == "Two days a week in season"

    # The laptop's older export does not undo it on the desktop.
    out = run_main(["import", str(laptop_json), "--db", str(desktop)], capsys)[1]
    assert "own programs: 0 added, 0 updated" in out
    shown = json.loads(run_main(["programs", "show", "rack-day", "--json", "--db", str(desktop)], capsys)[1])
    assert shown["description"] == "Two days a week in season"


def test_an_own_exercise_whose_name_is_taken_here_is_said_and_the_program_uses_the_one_here(
    full: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    backup = tmp_path / "backup.json"
    run_main(["export", "--db", str(full), "-o", str(backup)], capsys)
    desktop = tmp_path / "desktop.db"
    mine = tmp_path / "mine.toml"
    mine.write_text(
        '[[exercise]]\nid = "my-front-squat"\nname = "front squat"\nkind = "reps"\nper_side = false\ncategory = "legs"\n'
    )
    run_main(["programs", "add", str(mine), "--db", str(desktop)], capsys)

    status, out, err = run_main(["import", str(backup), "--db", str(desktop)], capsys)

    assert (status, err) == (0, "")
    assert "not taken: exercise 'Front squat': the name or id is taken here" in out
    assert "own programs: 1 added" in out
    shown = json.loads(run_main(["programs", "show", "rack-day", "--json", "--db", str(desktop)], capsys)[1])
    assert [item["exercise"] for item in shown["days"][0]["items"]] == ["my-front-squat", "copenhagen-plank"]
    payload = json.loads(run_main(["export", "--db", str(desktop)], capsys)[1])
    assert [e["id"] for e in payload["exercises"]] == ["my-front-squat"]
    assert [s["exercise_id"] for s in payload["sessions"][0]["sets"]] == ["my-front-squat"]
