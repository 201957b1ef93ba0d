"""Imports on real SQLite files: round trips of the JSON export (v1 and v2), a second import
that adds nothing, and a merge of two databases that went their own ways."""

from __future__ import annotations

import copy
from datetime import datetime, timedelta, timezone
from pathlib import Path
from typing import Any

from runstrong.core.catalog import load_catalog
from runstrong.core.plan import plan_day
from runstrong.import_command import plan_exercises
from runstrong.importers.runstrong_json import RunstrongJsonImporter
from runstrong.store import Store

NOW = datetime(2026, 11, 22, 12, 0, tzinfo=timezone.utc)


def workout(store: Store, date: str, day_index: int = 0, finish: bool = True, hour: int = 10) -> int:
    """A Workout A/B session of the default program with every set done (loads on the reps sets)."""
    catalog = load_catalog()
    program = catalog.default_program
    day = program.days[day_index]
    session = store.start_session(
        date=date, started_at=f"{date}T{hour:02d}:00:00+01:00", program_id=program.id, program=program.name,
        day=day.name, day_index=day_index, slots=plan_day(day, catalog),
    )
    for number, logged in enumerate(session.sets):
        if logged.target_reps:
            store.edit_set(logged.id, reps=logged.target_reps, load_kg=20.0 + number, hold_s=None)
        store.tick_set(logged.id, f"{date}T10:{number + 1:02d}:00+01:00")
    if finish:
        store.finish_session(session.id, f"{date}T11:00:00+01:00")
    return session.id


def at(store: Store, moment: datetime) -> None:
    store.now = lambda: moment


def import_payload(store: Store, payload: dict[str, Any], name: str = "export.json") -> Any:
    import json

    batch = RunstrongJsonImporter().extract(json.dumps(payload), name, None)
    plan = plan_exercises(batch)
    return store.import_batch(batch, plan.own)


def comparable(payload: dict[str, Any], keys: tuple[str, ...] | None = None) -> list[dict[str, Any]]:
    """Sessions and sets without the database's row ids (and, for v1, only v1's keys)."""
    sessions = []
    for session in payload["sessions"]:
        kept = {k: v for k, v in session.items() if k != "id" and (keys is None or k in keys)}
        kept["sets"] = [{k: v for k, v in s.items() if keys is None or k in keys} for s in session["sets"]]
        sessions.append(kept)
    return sessions


def test_v2_round_trip_gives_the_same_sessions_and_sets(tmp_path: Path) -> None:
    source = Store.open(tmp_path / "a.db")
    at(source, NOW)
    workout(source, "2026-11-16")
    workout(source, "2026-11-18", 1)
    second = workout(source, "2026-11-20")
    source.set_notes(second, 'Felt "good", =1+1')
    first_export = source.export_json(NOW)
    target = Store.open(tmp_path / "b.db")
    outcome = import_payload(target, first_export)
    assert (outcome.sessions_added, outcome.duplicates) == (3, 0)
    assert outcome.sets_added == sum(len(s["sets"]) for s in first_export["sessions"])
    assert comparable(target.export_json(NOW)) == comparable(first_export)
    again = import_payload(target, first_export)
    assert (again.sessions_added, again.sets_added, again.duplicates) == (0, 0, 3)
    assert comparable(target.export_json(NOW)) == comparable(first_export)


V1_SESSION_KEYS = ("date", "started_at", "finished_at", "program", "day", "notes", "sets")
V1_SET_KEYS = ("exercise", "exercise_id", "set", "side", "target_reps", "reps", "load_kg", "target_hold_s", "hold_s", "done_at")


def as_v1(payload: dict[str, Any]) -> dict[str, Any]:
    """The same data as a version 1 file: no uids, set types, RPE, notes, exercises or programs."""
    return {
        "format": "runstrong-export", "version": 1, "exported_at": payload["exported_at"],
        "sessions": [
            {"id": s["id"], **{k: s[k] for k in V1_SESSION_KEYS if k != "sets"},
             "sets": [{k: x[k] for k in V1_SET_KEYS} for x in s["sets"]]}
            for s in payload["sessions"]
        ],
    }


def test_v1_round_trip_and_a_second_import_adds_nothing(tmp_path: Path) -> None:
    source = Store.open(tmp_path / "a.db")
    workout(source, "2026-11-16")
    workout(source, "2026-11-18", 1)
    v1 = as_v1(source.export_json(NOW))
    target = Store.open(tmp_path / "b.db")
    outcome = import_payload(target, v1, "old.json")
    assert outcome.sessions_added == 2
    keys = V1_SESSION_KEYS + V1_SET_KEYS
    assert comparable(target.export_json(NOW), keys) == comparable(v1, keys)
    again = import_payload(target, v1, "old.json")
    assert (again.sessions_added, again.sets_added, again.duplicates) == (0, 0, 2)


def test_merge_of_two_diverged_databases(tmp_path: Path) -> None:
    """The laptop and the desktop start equal, then each changes something; exchanging exports
    both ways leaves them equal, with the newer change winning where both touched a row."""
    laptop = Store.open(tmp_path / "laptop.db")
    at(laptop, NOW)
    monday = workout(laptop, "2026-11-16")
    wednesday = workout(laptop, "2026-11-18", 1)
    desktop = Store.open(tmp_path / "desktop.db")
    import_payload(desktop, laptop.export_json(NOW))

    # The laptop, an hour later: edits Monday's first set, deletes Wednesday.
    at(laptop, NOW + timedelta(hours=1))
    first_set = laptop.session(monday).sets[0]
    laptop.edit_set(first_set.id, reps=15, load_kg=30.0, hold_s=None)
    laptop.delete_session(wednesday, (NOW + timedelta(hours=1)).isoformat())
    # The desktop: a new Friday session, and two hours later an edit of Monday's second set.
    at(desktop, NOW + timedelta(hours=2))
    workout(desktop, "2026-11-20")
    desk_monday = next(s for s in desktop.history_page() if s.date == "2026-11-16")
    second_set = desktop.session(desk_monday.id).sets[1]
    desktop.edit_set(second_set.id, reps=11, load_kg=41.5, hold_s=None)
    # ...while the laptop edits the same set earlier: the desktop's later edit must win.
    at(laptop, NOW + timedelta(minutes=30))
    laptop.edit_set(laptop.session(monday).sets[1].id, reps=9, load_kg=10.0, hold_s=None)

    to_desktop = import_payload(desktop, laptop.export_json(NOW + timedelta(hours=3)))
    assert to_desktop.sessions_added == 0
    assert to_desktop.sets_updated == 1  # the laptop's first-set edit; its second-set edit is older
    assert to_desktop.deleted == 1  # Wednesday
    to_laptop = import_payload(laptop, desktop.export_json(NOW + timedelta(hours=3)))
    assert to_laptop.sessions_added == 1  # Friday
    assert to_laptop.sets_updated == 1  # the desktop's later second-set edit

    laptop_now = comparable(laptop.export_json(NOW))
    desktop_now = comparable(desktop.export_json(NOW))
    assert laptop_now == desktop_now
    assert [s["date"] for s in laptop_now] == ["2026-11-16", "2026-11-20"]
    monday_sets = laptop_now[0]["sets"]
    assert (monday_sets[0]["reps"], monday_sets[0]["load_kg"]) == (15, 30.0)
    assert (monday_sets[1]["reps"], monday_sets[1]["load_kg"]) == (11, 41.5)


def test_an_imported_open_session_does_not_clash_with_one_open_here(tmp_path: Path) -> None:
    laptop = Store.open(tmp_path / "laptop.db")
    workout(laptop, "2026-11-22", finish=False)
    desktop = Store.open(tmp_path / "desktop.db")
    workout(desktop, "2026-11-22", finish=False, hour=9)
    outcome = import_payload(desktop, laptop.export_json(NOW))
    assert outcome.sessions_added == 1
    finished = [s["finished_at"] for s in desktop.export_json(NOW)["sessions"]]
    # Ours stays open; the incoming one is closed at its last set (10:NN of its ticks).
    assert finished.count(None) == 1
    assert any(f and f.startswith("2026-11-22T10:") for f in finished)


def test_unmatched_names_become_own_exercises_once(tmp_path: Path) -> None:
    from runstrong.importers import read_import_file

    store = Store.open(tmp_path / "a.db")
    samples = Path(__file__).parent.parent / "importers" / "samples"
    batch = read_import_file(samples / "hevy_kg.csv", tz=timezone.utc)
    plan = plan_exercises(batch)
    assert plan.matched == {"Squat (Barbell)": "squat", "Plank": "plank"}
    outcome = store.import_batch(batch, plan.own)
    assert outcome.exercises_created == {"Pull Up": "pull-up"}
    docs = store.own_exercise_docs()
    assert [(d["id"], d["name"], d["kind"], d["per_side"]) for d in docs] == [("pull-up", "Pull Up", "reps", False)]
    # A hold-only name becomes a hold; an existing name is reused, not made twice.
    assert store.ensure_own_exercise("Wall Sit", "hold", False) == "wall-sit"
    assert store.ensure_own_exercise("wall sit", "hold", False) == "wall-sit"
    batch2 = read_import_file(samples / "hevy_kg.csv", tz=timezone.utc)
    again = store.import_batch(batch2, plan_exercises(batch2).own)
    assert again.exercises_created == {} and again.sets_added == 0


def test_imported_warm_ups_count_towards_neither_volume_nor_records(tmp_path: Path) -> None:
    from runstrong.importers import read_import_file

    store = Store.open(tmp_path / "a.db")
    samples = Path(__file__).parent.parent / "importers" / "samples"
    batch = read_import_file(samples / "hevy_kg.csv", tz=timezone.utc)
    store.import_batch(batch, plan_exercises(batch).own)
    leg_day, old_one = store.history_page()
    # Leg day: 80 x 5 + 60 x 10 (drop) = 1000 kg; the 40 x 8 warm-up is not volume.
    assert (leg_day.day, leg_day.volume_kg, leg_day.sets_done) == ("Leg day", 1000.0, 5)
    assert old_one.volume_kg == 70 * 5
    # Squat history for Progress: 70 x 5, then 80 x 5 and 60 x 10; never the warm-up.
    assert [(s.reps, s.load_kg) for s in store.exercise_sets("squat")] == [(5, 70.0), (5, 80.0), (10, 60.0)]


def test_a_v2_export_after_its_v1_adds_nothing(tmp_path: Path) -> None:
    """v1 files carry no uids, so their sessions get derived ones; the v2 export of the same
    database later is recognised by start instant and day, not added a second time."""
    source = Store.open(tmp_path / "a.db")
    workout(source, "2026-11-16")
    workout(source, "2026-11-18", 1)
    v2 = source.export_json(NOW)
    target = Store.open(tmp_path / "b.db")
    import_payload(target, as_v1(v2), "old.json")
    again = import_payload(target, v2)
    assert (again.sessions_added, again.sets_added, again.duplicates) == (0, 0, 2)
    assert len(target.export_json(NOW)["sessions"]) == 2
