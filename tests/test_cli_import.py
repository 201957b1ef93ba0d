"""`runstrong import` end to end through the CLI: the report, --json's shape, --dry-run and
refused files leaving the database byte-identical, database problems as one line, exit 1."""

from __future__ import annotations

import hashlib
import json
import sqlite3
from pathlib import Path

import pytest

from runstrong.cli import main

SAMPLES = Path(__file__).parent / "importers" / "samples"


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    with pytest.raises(SystemExit) as ended:
        main(list(argv))
    out, err = capsys.readouterr()
    return int(ended.value.code or 0), out, err


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_json_report_shape_and_a_second_import_adds_nothing(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    db = str(tmp_path / "r.db")
    code, out, err = run(capsys, "--db", db, "import", str(SAMPLES / "strong_comma_no_unit.csv"), "--unit", "lb", "--json")
    assert (code, err) == (0, "")
    report = json.loads(out)
    assert list(report) == ["format", "unit", "sessions_added", "sets_added", "duplicates", "skipped", "not_imported", "exercises"]
    assert (report["format"], report["unit"], report["sessions_added"], report["sets_added"], report["duplicates"]) == ("strong", "lb", 3, 9, 0)
    assert report["skipped"] == [{"line": 5, "reason": "rest timer"}, {"line": 14, "reason": "note row"}]
    assert report["not_imported"] == [{"line": 9, "reason": "running: Running"}]
    assert report["exercises"] == {
        "matched": {"Squat (Barbell)": "squat", "Plank": "plank", "Deadlift (Barbell)": "deadlift"},
        "created": ["Nordic Curl"],
    }
    code, out, _ = run(capsys, "--db", db, "import", str(SAMPLES / "strong_comma_no_unit.csv"), "--unit", "lb", "--json")
    again = json.loads(out)
    assert (again["sessions_added"], again["sets_added"], again["duplicates"]) == (0, 0, 3)
    assert again["exercises"]["created"] == []


def test_human_report(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "--db", str(tmp_path / "r.db"), "import", str(SAMPLES / "hevy_kg.csv"))
    assert code == 0
    assert "(hevy, unit: kg)" in out
    assert "sessions added: 2, sets added: 6, sessions already present: 0" in out
    # runs holds the runs to come; a log of past runs is not kept, and the report says so.
    assert (
        "not imported 1 row of running or cardio (runstrong keeps the runs you plan, not a log of past runs): "
        "running: Running ×1 (line 7)" in out
    )
    assert "no running log yet" not in out
    assert "exercises created (own): Pull Up (pull-up)" in out


def test_dry_run_leaves_the_database_byte_identical(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    db = tmp_path / "r.db"
    run(capsys, "--db", str(db), "import", str(SAMPLES / "fitnotes_old_lbs.csv"))
    before = digest(db)
    code, out, _ = run(capsys, "--db", str(db), "import", str(SAMPLES / "hevy_kg.csv"), "--dry-run", "--json")
    assert code == 0
    assert json.loads(out)["sessions_added"] == 2  # what a real import would add
    assert digest(db) == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["r.db"]  # no -wal/-shm left (issue 12)
    code, out, _ = run(capsys, "--db", str(db), "import", str(SAMPLES / "hevy_kg.csv"), "--json")
    assert json.loads(out)["sessions_added"] == 2


def test_dry_run_creates_no_database(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    db = tmp_path / "none.db"
    code, out, _ = run(capsys, "--db", str(db), "import", str(SAMPLES / "hevy_lbs.csv"), "--dry-run")
    assert code == 0 and "dry run, nothing written" in out
    assert not db.exists()


STRONG_HEADER = "Date,Workout Name,Duration,Exercise Name,Set Order,Weight,Reps,Distance,Seconds,Notes,Workout Notes,RPE\n"
ROW = "2025-03-03 07:05:10,Legs,58m,Squat (Barbell),1,100,5,0,0,,,\n"


@pytest.mark.parametrize(
    ("content", "expected"),
    [
        (b"\x00\x01\x02binary", ":1: not a text file"),
        (b"", ":1: empty file"),
        (b"Name,Weight\nbob,3\n", ":1: unknown header 'Name,Weight'; known formats: runstrong JSON export"),
        ((STRONG_HEADER + ROW + "2025-03-03 07:05:10,Legs\n").encode(), ":3: truncated row"),
        ((STRONG_HEADER + ROW.replace("2025-03-03", "03/03/2025")).encode(), ":2: bad date '03/03/2025 07:05:10'"),
        ((STRONG_HEADER + ROW + ROW.replace(",100,", ",1OO,")).encode(), ":3: weight is not a number: '1OO'"),
        ((STRONG_HEADER + ROW).encode(), ":1: this Strong export does not say whether weights are kg or lb"),
    ],
)
def test_refused_file_exit_2_database_byte_identical(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], content: bytes, expected: str
) -> None:
    db = tmp_path / "r.db"
    run(capsys, "--db", str(db), "import", str(SAMPLES / "hevy_kg.csv"))
    before = digest(db)
    bad = tmp_path / "bad.csv"
    bad.write_bytes(content)
    unit = [] if "does not say" in expected else ["--unit", "kg"]
    code, out, err = run(capsys, "--db", str(db), "import", str(bad), *unit)
    assert code == 2 and out == ""
    assert err.startswith(f"{bad}{expected}")
    assert err.count("\n") == 1 and "Traceback" not in err
    assert digest(db) == before


def test_missing_file_is_a_one_line_refusal(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = run(capsys, "--db", str(tmp_path / "r.db"), "import", str(tmp_path / "nope.csv"))
    assert code == 2 and err.startswith(f"{tmp_path / 'nope.csv'}:1: cannot read")
    assert not (tmp_path / "r.db").exists()


def test_a_broken_database_is_one_line_exit_1(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    db = tmp_path / "r.db"
    db.write_bytes(b"this is not a database at all" * 100)
    before = digest(db)
    code, _, err = run(capsys, "--db", str(db), "import", str(SAMPLES / "hevy_kg.csv"))
    assert code == 1 and err.count("\n") == 1 and str(db) in err
    assert digest(db) == before


def test_a_locked_database_is_one_line_exit_1(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    db = tmp_path / "r.db"
    run(capsys, "--db", str(db), "import", str(SAMPLES / "hevy_lbs.csv"))
    before = digest(db)
    monkeypatch.setattr("runstrong.store.connection.BUSY_TIMEOUT_MS", 100)
    monkeypatch.setattr("runstrong.store.files.BUSY_TIMEOUT_MS", 100)  # the read-only check before opening
    holder = sqlite3.connect(db, isolation_level=None)
    holder.execute("PRAGMA locking_mode = EXCLUSIVE")
    holder.execute("BEGIN EXCLUSIVE")
    try:
        code, _, err = run(capsys, "--db", str(db), "import", str(SAMPLES / "hevy_kg.csv"))
    finally:
        holder.execute("ROLLBACK")
        holder.close()
    assert code == 1 and "locked" in err and err.count("\n") == 1
    assert digest(db) == before


def test_control_characters_from_the_file_never_reach_the_terminal(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    evil = tmp_path / "evil.csv"
    evil.write_text(STRONG_HEADER + ROW.replace("Squat (Barbell)", "Squat\x1b[2J"), encoding="utf-8")
    code, out, _ = run(capsys, "--db", str(tmp_path / "r.db"), "import", str(evil), "--unit", "kg")
    # The whole escape sequence goes (core.text.printable), not only its ESC.
    assert code == 0 and "\x1b" not in out and "[2J" not in out and "Squat" in out


class _Terminal:
    """A stderr that says it is a terminal and keeps what was written."""

    def __init__(self) -> None:
        self.text = ""

    def isatty(self) -> bool:
        return True

    def write(self, text: str) -> int:
        self.text += text
        return len(text)

    def flush(self) -> None:
        pass


def test_progress_bar_only_for_a_large_file_on_a_terminal(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import io

    from runstrong import import_command

    out, terminal = io.StringIO(), _Terminal()
    import_command.run_import(tmp_path / "a.db", SAMPLES / "hevy_kg.csv", None, None, False, True, out, terminal)
    assert terminal.text == ""  # a small file: no bar
    monkeypatch.setattr(import_command, "LARGE_FILE_BYTES", 100)
    import_command.run_import(tmp_path / "b.db", SAMPLES / "hevy_kg.csv", None, None, False, True, out, terminal)
    assert "[####################] done" in terminal.text and terminal.text.endswith("\n")
    piped = io.StringIO()
    import_command.run_import(tmp_path / "c.db", SAMPLES / "hevy_kg.csv", None, None, False, True, out, piped)
    assert piped.getvalue() == ""  # not a terminal: no bar


def test_two_machines_kept_in_step_through_the_cli(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """The README's recipe: export on one, import on the other, both ways; then both agree."""
    laptop, desktop = str(tmp_path / "laptop.db"), str(tmp_path / "desktop.db")
    run(capsys, "--db", laptop, "import", str(SAMPLES / "hevy_kg.csv"))
    run(capsys, "--db", desktop, "import", str(SAMPLES / "fitnotes_old_lbs.csv"))
    laptop_json, desktop_json = tmp_path / "laptop.json", tmp_path / "desktop.json"
    run(capsys, "--db", laptop, "export", "-o", str(laptop_json))
    code, out, _ = run(capsys, "--db", desktop, "import", str(laptop_json), "--json")
    assert code == 0 and json.loads(out)["sessions_added"] == 2
    run(capsys, "--db", desktop, "export", "-o", str(desktop_json))
    code, out, _ = run(capsys, "--db", laptop, "import", str(desktop_json))
    assert "sessions added: 1, sets added: 3, sessions already present: 2" in out
    exports = []
    for db in (laptop, desktop):
        _, out, _ = run(capsys, "--db", db, "export")
        exports.append([{k: v for k, v in s.items() if k != "id"} for s in json.loads(out)["sessions"]])
    assert exports[0] == exports[1] and len(exports[0]) == 3
    # The same export once more: nothing changes.
    code, out, _ = run(capsys, "--db", laptop, "import", str(desktop_json), "--json")
    assert (json.loads(out)["sessions_added"], json.loads(out)["duplicates"]) == (0, 3)
