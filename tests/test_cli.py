"""The command line: catalog output, JSON export, and one-line errors with the right exit status."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from runstrong import __version__
from runstrong.cli import main
from runstrong.store import Store


def run_main(args: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    with pytest.raises(SystemExit) as exited:
        main(args)
    out, err = capsys.readouterr()
    return int(exited.value.code or 0), out, err


def test_exercises_table(capsys: pytest.CaptureFixture[str]) -> None:
    status, out, err = run_main(["exercises"], capsys)
    assert status == 0 and err == ""
    lines = out.splitlines()
    assert lines[0].split() == ["ID", "NAME", "KIND", "CATEGORY", "DEFAULT"]
    copenhagen = next(line for line in lines if line.startswith("copenhagen-plank"))
    assert "Copenhagen plank" in copenhagen and "hold" in copenhagen and "each side" in copenhagen


def test_exercises_json(capsys: pytest.CaptureFixture[str]) -> None:
    status, out, _ = run_main(["exercises", "--json"], capsys)
    assert status == 0
    exercises = {item["id"]: item for item in json.loads(out)}
    plank = exercises["side-plank"]
    assert plank["kind"] == "hold" and plank["per_side"] is True
    assert plank["why"] and 2 <= len(plank["cues"]) <= 3 and plank["muscles"]
    assert {"pogo-hops", "trap-bar-deadlift", "copenhagen-plank", "push-up"} <= exercises.keys()


def test_export_json_to_stdout_and_file(db_path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    store = Store.open(db_path)
    store.log_quick_holds(
        date="2026-11-22",
        started_at="2026-11-22T10:00:00+00:00",
        exercise_id="copenhagen-plank",
        exercise="Copenhagen plank",
        holds=[(1, None, 20, 20, "2026-11-22T10:05:12+00:00")],
    )
    store.close()
    status, out, _ = run_main(["export", "--db", str(db_path)], capsys)
    assert status == 0
    payload = json.loads(out)
    assert payload["format"] == "runstrong-export" and payload["version"] == 2
    assert payload["sessions"][0]["sets"][0]["hold_s"] == 20

    target = tmp_path / "out.json"
    status, out, _ = run_main(["--db", str(db_path), "export", "--format", "json", "-o", str(target)], capsys)
    assert status == 0 and out == ""
    assert json.loads(target.read_text())["sessions"] == payload["sessions"]


def test_runstrong_db_environment_variable(db_path: Path, monkeypatch, capsys) -> None:  # type: ignore[no-untyped-def]
    Store.open(db_path).close()
    monkeypatch.setenv("RUNSTRONG_DB", str(db_path))
    status, out, _ = run_main(["export"], capsys)
    assert status == 0 and json.loads(out)["sessions"] == []
    # Export reads only: on a path with no database it says so and creates nothing (issue 12).
    missing = db_path.with_name("typo.db")
    monkeypatch.setenv("RUNSTRONG_DB", str(missing))
    status, out, err = run_main(["export"], capsys)
    assert status == 1 and out == "" and "no database there" in err and not missing.exists()


@pytest.mark.parametrize(
    "args",
    [
        ["frobnicate"],
        ["--colour"],
        ["export", "--format", "xml"],
        ["timer"],
        ["exercises", "--yaml"],
    ],
)
def test_bad_arguments_are_one_line_and_exit_2(args: list[str], capsys: pytest.CaptureFixture[str]) -> None:
    status, out, err = run_main(args, capsys)
    assert status == 2 and out == ""
    assert len(err.strip().splitlines()) == 1 and err.startswith("runstrong")
    assert "Traceback" not in err


def test_damaged_database_is_one_line_exit_1(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "broken.db"
    path.write_bytes(b"SQLite format 3\x00" + b"\x00\xff" * 2000)
    before = path.read_bytes()
    status, _, err = run_main(["--db", str(path), "export"], capsys)
    assert status == 1
    assert len(err.strip().splitlines()) == 1 and str(path) in err
    assert path.read_bytes() == before


@pytest.mark.parametrize("command", [[], ["history"]])
def test_a_damaged_database_stops_the_app_before_it_starts(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], command: list[str]
) -> None:
    # The check runs on a second thread while the app is imported; its verdict still comes first.
    path = tmp_path / "broken.db"
    path.write_bytes(b"SQLite format 3\x00" + b"\x00\xff" * 2000)
    before = path.read_bytes()
    status, out, err = run_main(["--db", str(path), *command], capsys)
    assert status == 1 and out == ""
    assert len(err.strip().splitlines()) == 1 and "damaged" in err and str(path) in err
    assert path.read_bytes() == before


def test_version(capsys: pytest.CaptureFixture[str]) -> None:
    status, out, _ = run_main(["--version"], capsys)
    assert status == 0 and out.strip() == f"runstrong {__version__}"


def test_a_real_process_prints_no_traceback(tmp_path: Path) -> None:
    not_a_db = tmp_path / "notes.db"
    not_a_db.write_text("squats on monday\n")
    for args, expected in ((["export", "--format", "xml"], 2), (["--db", str(not_a_db)], 1)):
        result = subprocess.run(
            [sys.executable, "-m", "runstrong", *args], capture_output=True, text=True, timeout=60
        )
        assert result.returncode == expected, result.stderr
        assert len(result.stderr.strip().splitlines()) == 1 and "Traceback" not in result.stderr
    assert not_a_db.read_text() == "squats on monday\n"


@pytest.mark.parametrize("args", [["timer", "-5s"], ["timer", "30", "--rest", "-5s"], ["timer", "30", "--sets", "-2"]])
def test_negative_timer_values_are_named_as_such(args: list[str], capsys: pytest.CaptureFixture[str]) -> None:
    status, _, err = run_main(args, capsys)
    assert status == 2 and len(err.strip().splitlines()) == 1
    assert "negative values are not accepted" in err and "1:30" in err
