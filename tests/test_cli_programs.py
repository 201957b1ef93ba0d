"""`runstrong programs` and `exercises`: routine files in, the same files out, bad ones refused whole."""

from __future__ import annotations

import hashlib
import json
import sqlite3
from datetime import datetime, timezone
from pathlib import Path

import pytest

from runstrong.cli import main
from runstrong.store import Store

FIXTURES = Path(__file__).parent / "store" / "fixtures"

# Lines are counted by hand: line 1 is the comment.
ROUTINE = """\
# Rack's taken: a physio's plan
[[exercise]]
id = "front-squat"
name = "Front squat"
kind = "reps"
per_side = false
category = "legs"
default = { sets = 3, reps = 8, reps_max = 12, load_kg = 40 }

[[program]]
id = "rack-day"
name = "Rack day"

[[program.day]]
name = "Heavy"
items = [
    { exercise = "front-squat", sets = 3, reps = 8, reps_max = 12, load_kg = 40, rest_s = 120 },
    { exercise = "copenhagen-plank", sets = 2, hold_s = 20, hold_s_max = 30 },
]
"""


def run_main(args: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    with pytest.raises(SystemExit) as exited:
        main(args)
    out, err = capsys.readouterr()
    return int(exited.value.code or 0), out, err


def fingerprint(db_path: Path) -> dict[str, str]:
    """Hashes of the database file and any companions, to prove nothing was written."""
    return {
        path.name: hashlib.sha256(path.read_bytes()).hexdigest()
        for path in sorted(db_path.parent.glob(db_path.name + "*"))
    }


def write(tmp_path: Path, name: str, text: str) -> str:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return str(path)


def test_add_show_add_again_is_a_fixed_point(db_path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    status, out, err = run_main(["programs", "add", write(tmp_path, "mine.toml", ROUTINE), "--db", str(db_path)], capsys)
    assert (status, err) == (0, "")
    assert "Saved 1 exercise and 1 program" in out and "front-squat, rack-day" in out

    status, shown, _ = run_main(["--db", str(db_path), "programs", "show", "rack-day", "--toml"], capsys)
    assert status == 0
    assert '{ exercise = "front-squat", sets = 3, reps = 8, reps_max = 12, load_kg = 40.0, rest_s = 120 }' in shown
    assert 'id = "front-squat"' in shown  # the own exercise travels with the program

    again = write(tmp_path, "shown.toml", shown)
    status, _, err = run_main(["programs", "add", again, "--db", str(db_path)], capsys)
    assert status == 2 and err == f"{again}:4: exercise 'front-squat' exists already; add with --replace to update it\n"
    status, _, err = run_main(["programs", "add", "--replace", again, "--db", str(db_path)], capsys)
    assert (status, err) == (0, "")
    _, shown_again, _ = run_main(["programs", "show", "rack-day", "--toml", "--db", str(db_path)], capsys)
    assert shown_again == shown


BAD = [
    (("sets = 2, hold_s = 20", "sets = 0, hold_s = 20"), 18, "sets must be at least 1"),
    (('"copenhagen-plank"', '"copenhagen-plonk"'), 18, "unknown exercise id 'copenhagen-plonk'"),
    (("sets = 2, hold_s = 20", "sets = 2, reps = 8, hold_s = 20"), 18, "give exactly one of reps or hold_s"),
    (("sets = 2, hold_s = 20, hold_s_max = 30", "sets = 2, reps = 20"), 18, "a hold exercise is measured in hold_s"),
    (('name = "Front squat"', 'name = "SQUAT"'), 4, "the name 'SQUAT' is taken by 'squat'"),
    (('name = "Rack day"', 'name = "Six KEY exercises"'), 12, "taken by 'key-six'"),
    (("items = [\n", "items = [[\n"), 19, "TOML syntax"),  # runs out at the last line
]


@pytest.mark.parametrize(("change", "line", "words"), BAD, ids=[words for _, _, words in BAD])
def test_a_bad_file_is_refused_whole_and_the_database_is_untouched(
    db_path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str], change: tuple[str, str], line: int, words: str
) -> None:
    store = Store.open(db_path)
    store.save_settings({"unit": "kg"})
    store.close()
    before = fingerprint(db_path)
    old, new = change
    assert ROUTINE.count(old) == 1
    bad = write(tmp_path, "bad.toml", ROUTINE.replace(old, new))

    status, out, err = run_main(["programs", "add", bad, "--db", str(db_path)], capsys)

    assert status == 2 and out == ""
    assert err.startswith(f"{bad}:{line}: ") and words in err and err.count("\n") == 1
    assert fingerprint(db_path) == before
    # Not even the exercise before the bad program went in.
    assert "front-squat" not in run_main(["exercises", "--db", str(db_path)], capsys)[1]


def test_a_bad_file_does_not_create_a_database(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    db_path = tmp_path / "new.db"
    status, _, err = run_main(["programs", "add", write(tmp_path, "b.toml", "[[program]\n"), "--db", str(db_path)], capsys)
    assert status == 2 and err.startswith(f"{tmp_path / 'b.toml'}:1: TOML syntax")
    assert not db_path.exists()


def test_a_missing_file_is_one_line(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    status, _, err = run_main(["programs", "add", str(tmp_path / "nope.toml"), "--db", str(tmp_path / "x.db")], capsys)
    assert status == 2 and err.startswith("runstrong programs add: cannot read") and err.count("\n") == 1


def test_listings_mark_own_entries(db_path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    run_main(["programs", "add", write(tmp_path, "mine.toml", ROUTINE), "--db", str(db_path)], capsys)

    exercises = {e["id"]: e for e in json.loads(run_main(["exercises", "--json", "--db", str(db_path)], capsys)[1])}
    assert exercises["front-squat"]["own"] is True and exercises["squat"]["own"] is False
    assert exercises["front-squat"]["prescription"] == "3 × 8–12 @ 40 kg"

    programs = json.loads(run_main(["programs", "--json", "--db", str(db_path)], capsys)[1])
    assert [p["id"] for p in programs][-1] == "rack-day" and programs[-1]["own"] is True
    assert programs[0]["id"] == "beginner" and programs[0]["own"] is False
    shown = json.loads(run_main(["programs", "show", "rack-day", "--json", "--db", str(db_path)], capsys)[1])
    assert shown == programs[-1]
    assert shown["days"] == [{"name": "Heavy", "items": [
        {"exercise": "front-squat", "sets": 3, "reps": 8, "reps_max": 12, "load_kg": 40.0, "rest_s": 120},
        {"exercise": "copenhagen-plank", "sets": 2, "hold_s": 20, "hold_s_max": 30},
    ]}]
    text = run_main(["programs", "show", "rack-day", "--db", str(db_path)], capsys)[1]
    assert "Front squat  3 × 8–12 @ 40 kg, rest 2:00" in text
    assert "Copenhagen plank  2 × 0:20–0:30 each side" in text


def test_listings_never_create_or_migrate(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    missing = tmp_path / "none.db"
    for args in (["programs"], ["exercises"], ["programs", "show", "beginner", "--toml"]):
        assert run_main([*args, "--db", str(missing)], capsys)[0] == 0
    assert list(tmp_path.iterdir()) == []

    old = tmp_path / "v2.db"
    conn = sqlite3.connect(old)
    conn.executescript((FIXTURES / "schema_v2.sql").read_text())
    conn.close()
    before = fingerprint(old)
    status, out, _ = run_main(["programs", "--db", str(old)], capsys)
    assert status == 0 and "beginner" in out
    assert fingerprint(old) == before


def test_export_carries_own_exercises_and_programs(db_path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    run_main(["programs", "add", write(tmp_path, "mine.toml", ROUTINE), "--db", str(db_path)], capsys)
    listed = json.loads(run_main(["exercises", "--json", "--db", str(db_path)], capsys)[1])
    shown = json.loads(run_main(["programs", "show", "rack-day", "--json", "--db", str(db_path)], capsys)[1])
    store = Store.open(db_path)
    try:
        store.now = lambda: datetime(2026, 11, 21, 9, 30, tzinfo=timezone.utc)
        store.archive_exercise("front-squat")
        payload = store.export_json(datetime(2026, 11, 22, tzinfo=timezone.utc))
        program_changed = store.conn.execute("SELECT updated_at FROM programs").fetchone()[0]
    finally:
        store.close()
    own = [e for e in listed if e["own"]]
    # As the listings print them, plus when each was last changed (a merge keeps the newer).
    assert payload["exercises"] == [{**own[0], "archived": True, "updated_at": "2026-11-21T09:30:00+00:00"}]
    assert payload["programs"] == [{**shown, "updated_at": program_changed}]


def test_unknown_program_or_day_is_a_usage_error(db_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    status, _, err = run_main(["--db", str(db_path), "--program", "elite"], capsys)
    assert status == 2 and err.startswith("runstrong --program: no program 'elite' (known: beginner,")
    status, _, err = run_main(["--db", str(db_path), "--program", "beginner", "--day", "Workout Z"], capsys)
    assert status == 2 and err == "runstrong: 'beginner' has no day 'Workout Z' (its days: 'Workout A', 'Workout B')\n"
    status, _, err = run_main(["--day", "Workout A"], capsys)
    assert status == 2 and "--day needs --program" in err


def test_a_listing_of_a_file_that_is_not_a_database_is_exit_1_untouched(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    notes = tmp_path / "notes.txt"
    notes.write_text("squats on monday\n")
    status, out, err = run_main(["programs", "--db", str(notes)], capsys)
    assert (status, out) == (1, "") and err == f"runstrong: {notes}: not a SQLite database; runstrong left it untouched\n"
    assert notes.read_text() == "squats on monday\n" and [p.name for p in tmp_path.iterdir()] == ["notes.txt"]


def test_program_and_day_open_today_on_them_and_stick(
    db_path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    from runstrong.app import RunStrongApp

    run_main(["programs", "add", write(tmp_path, "mine.toml", ROUTINE), "--db", str(db_path)], capsys)
    started: list[RunStrongApp] = []
    monkeypatch.setattr(RunStrongApp, "run", lambda self: started.append(self))
    status, _, err = run_main(["--db", str(db_path), "--program", "rack-day", "--day", "HEAVY"], capsys)
    assert (status, err) == (0, "")
    (app,) = started
    assert app.current_program().id == "rack-day"
    assert app.next_day_index(app.current_program(), None) == 0
    store = Store.open(db_path)
    try:
        assert store.settings()["program_id"] == "rack-day"  # followed from now on
    finally:
        store.close()


def test_the_quick_timer_finds_an_own_hold(db_path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    from runstrong.cli import build_parser
    from runstrong.quick_timer import quick_timer_from_args

    wall = '[[exercise]]\nid = "wall-sit"\nname = "Wall sit"\nkind = "hold"\nper_side = false\ncategory = "legs"\n'
    run_main(["programs", "add", write(tmp_path, "wall.toml", wall), "--db", str(db_path)], capsys)
    args = build_parser().parse_args(["timer", "45s", "--exercise", "wall sit"])
    quick = quick_timer_from_args(args, Store.read_catalog(db_path))
    assert (quick.exercise_id, quick.exercise, quick.plan.hold_s) == ("wall-sit", "Wall sit", 45)


def test_a_packaged_program_shown_as_toml_says_how_to_make_it_yours(db_path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    status, shown, _ = run_main(["--db", str(db_path), "programs", "show", "beginner", "--toml"], capsys)
    assert status == 0
    assert shown.startswith("# runstrong routine file: a packaged program, which stays as it is.")
    assert "--replace" not in shown.split("\n\n", 1)[0]  # --replace would be refused for it
    mine = shown.replace('id = "beginner"', 'id = "my-beginner"').replace('name = "Beginner (2 days/week)"', 'name = "My beginner"')
    status, out, err = run_main(["programs", "add", write(tmp_path, "mine.toml", mine), "--db", str(db_path)], capsys)
    assert (status, err) == (0, "") and "my-beginner" in out
