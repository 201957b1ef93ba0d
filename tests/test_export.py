"""`runstrong export`, run through the real CLI on a real database file."""

from __future__ import annotations

import csv
import json
from pathlib import Path

import pytest

from runstrong.cli import main
from runstrong.core.models import Side
from runstrong.core.plan import PlannedSet
from runstrong.export import CSV_COLUMNS, inert
from runstrong.store import Store


def export(db_path: Path, *args: str) -> int:
    with pytest.raises(SystemExit) as exited:
        main(["--db", str(db_path), "export", *args])
    return int(exited.value.code or 0)


@pytest.fixture
def logged(store: Store) -> Store:
    """Two sessions: weighted squats with a formula-looking note, and a per-side hold."""
    squats = store.start_session(
        date="2026-11-20", started_at="2026-11-20T18:00:00+01:00", program_id="beginner",
        program="Beginner (2 days/week)", day="Workout A", day_index=0,
        slots=[PlannedSet("squat", "Squat", n, None, 12, None) for n in (1, 2, 3)],
    )
    for minute, slot in enumerate(squats.sets[:2]):
        store.edit_set(slot.id, reps=10, load_kg=42.5, hold_s=None)
        store.tick_set(slot.id, f"2026-11-20T18:0{minute}:00+01:00")
    store.set_notes(squats.id, '=HYPERLINK("http://x","click"), then "more"')

    holds = store.start_session(
        date="2026-11-22", started_at="2026-11-22T10:00:00+01:00", program_id="beginner",
        program="Beginner (2 days/week)", day="Workout B", day_index=1,
        slots=[PlannedSet("side-plank", "Side plank", 1, side, None, 20) for side in (Side.LEFT, Side.RIGHT)],
    )
    for slot in holds.sets:
        store.tick_set(slot.id, "2026-11-22T10:05:00+01:00", hold_s=25)
    store.set_notes(holds.id, "-3")
    return store


def read_csv(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8-sig", newline="") as handle:
        return list(csv.DictReader(handle))


def test_csv_has_one_row_per_set_in_the_json_export(logged: Store, db_path: Path, tmp_path: Path) -> None:
    assert export(db_path, "--format", "json", "-o", str(tmp_path / "all.json")) == 0
    assert export(db_path, "--format", "csv", "-o", str(tmp_path / "all.csv")) == 0

    payload = json.loads((tmp_path / "all.json").read_text(encoding="utf-8"))
    rows = read_csv(tmp_path / "all.csv")

    json_sets = [(s["id"], logged_set["done_at"]) for s in payload["sessions"] for logged_set in s["sets"]]
    assert len(rows) == len(json_sets) == 4  # the unticked third squat is in neither
    assert [(int(row["session_id"]), row["done_at"]) for row in rows] == json_sets
    assert list(rows[0]) == list(CSV_COLUMNS)


def test_csv_cells_are_iso_times_and_kilograms(logged: Store, db_path: Path, tmp_path: Path) -> None:
    logged.save_settings({"unit": "lb"})  # the display unit never changes the export
    export(db_path, "--format", "csv", "-o", str(tmp_path / "all.csv"))

    squat, _, left, right = read_csv(tmp_path / "all.csv")

    assert squat["load_kg"] == "42.5" and squat["reps"] == "10" and squat["hold_s"] == ""
    assert squat["done_at"] == "2026-11-20T18:00:00+01:00" and squat["date"] == "2026-11-20"
    assert (left["side"], right["side"], left["hold_s"]) == ("left", "right", "25")


def test_a_note_that_looks_like_a_formula_comes_out_inert(logged: Store, db_path: Path, tmp_path: Path) -> None:
    export(db_path, "--format", "csv", "-o", str(tmp_path / "all.csv"))
    rows = read_csv(tmp_path / "all.csv")

    # Quotes and commas survive the CSV round trip; the leading apostrophe keeps it text.
    assert rows[0]["notes"] == '\'=HYPERLINK("http://x","click"), then "more"'
    # A negative number stays a number.
    assert rows[2]["notes"] == "-3"
    for row in rows:
        for cell in row.values():
            assert not cell.startswith(("=", "+", "@", "\t", "\r"))
            assert not cell.startswith("-") or cell.lstrip("-").replace(".", "", 1).isdigit()


@pytest.mark.parametrize(
    ("raw", "written"),
    [
        ("=1+1", "'=1+1"),
        ("+44 7700", "'+44 7700"),
        ("@SUM(A1)", "'@SUM(A1)"),
        ("-2.5", "-2.5"),
        ("-7", "-7"),
        ("-1+1", "'-1+1"),
        ("-inf", "'-inf"),
        ("-tired", "'-tired"),
        ("\tcmd", "'\tcmd"),
        ("plain, with comma", "plain, with comma"),
        (-3, -3),
        (42.5, 42.5),
    ],
)
def test_inert(raw: object, written: object) -> None:
    assert inert(raw) == written


def test_an_existing_file_is_kept_without_force(
    logged: Store, db_path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    target = tmp_path / "all.csv"
    target.write_text("my old export\n", encoding="utf-8")

    assert export(db_path, "--format", "csv", "-o", str(target)) == 2

    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "already exists" in err and "--force" in err
    assert target.read_text(encoding="utf-8") == "my old export\n"
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".all.csv")] == []


def test_force_overwrites(logged: Store, db_path: Path, tmp_path: Path) -> None:
    target = tmp_path / "all.csv"
    target.write_text("my old export\n", encoding="utf-8")

    assert export(db_path, "--format", "csv", "-o", str(target), "--force") == 0

    assert len(read_csv(target)) == 4


def test_a_folder_is_refused_in_one_line(logged: Store, db_path: Path, tmp_path: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    assert export(db_path, "--format", "csv", "-o", str(tmp_path), "--force") == 2
    assert capsys.readouterr().err.count("\n") == 1


def test_csv_to_standard_output(logged: Store, db_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert export(db_path, "--format", "csv") == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[0] == "\ufeff" + ",".join(CSV_COLUMNS) and len(lines) == 5


def test_csv_is_utf8_with_a_byte_order_mark_so_excel_reads_names_right(
    logged: Store, db_path: Path, tmp_path: Path
) -> None:
    squats = logged.history_page()[-1]
    logged.set_notes(squats.id, "Kniebeuge – Überkopf, 12 × 40 kg")
    export(db_path, "--format", "csv", "-o", str(tmp_path / "all.csv"))

    raw = (tmp_path / "all.csv").read_bytes()

    # EF BB BF, then the header in plain ASCII, then the note's bytes in UTF-8 (not cp1252).
    assert raw.startswith(b"\xef\xbb\xbfsession_id,date,")
    assert raw.count(b"\xef\xbb\xbf") == 1
    assert "Kniebeuge – Überkopf, 12 × 40 kg".encode("utf-8") in raw
    assert b"\xe2\x80\x93" in raw  # the en-dash, as UTF-8


def test_deleted_sets_and_sessions_are_not_exported(logged: Store, db_path: Path, tmp_path: Path) -> None:
    squats, holds = logged.history_page()[::-1]
    logged.delete_session(holds.id, "2026-11-22T11:00:00+01:00")
    logged.delete_set(logged.session(squats.id).sets[0].id, "2026-11-22T11:00:00+01:00")

    export(db_path, "--format", "csv", "-o", str(tmp_path / "all.csv"))

    assert [row["done_at"] for row in read_csv(tmp_path / "all.csv")] == ["2026-11-20T18:01:00+01:00"]


def test_a_bare_carriage_return_never_starts_a_line_of_its_own(store: Store, db_path: Path, tmp_path: Path) -> None:
    # A spreadsheet ends a row at a bare CR: unquoted, "\r=1+2" would be a formula on its own line.
    session = store.start_session(
        date="2026-11-20", started_at="2026-11-20T18:00:00+01:00", program_id="beginner",
        program="Beginner (2 days/week)", day="Workout A", day_index=0,
        slots=[PlannedSet("squat", "Squat", 1, None, 12, None)],
    )
    store.tick_set(session.sets[0].id, "2026-11-20T18:01:00+01:00")
    store.set_notes(session.id, "\r=1+2")
    store.conn.execute("UPDATE set_logs SET note = ? WHERE id = ?", ["heavy\r=cmd|' /C calc'!A0", session.sets[0].id])
    out = tmp_path / "all.csv"
    assert export(db_path, "--format", "csv", "-o", str(out)) == 0
    raw = out.read_bytes().decode("utf-8")
    # Both fields are quoted, so the CR is inside a cell, not a row break.
    assert '"\'\r=1+2"' in raw and "\"heavy\r=cmd|' /C calc'!A0\"" in raw
    # Outside quoted cells there is no CR at all, and rows end in "\n" as before.
    outside = raw.split('"')[::2]
    assert not any("\r" in part for part in outside)
    [row] = read_csv(out)
    assert row["notes"] == "'\r=1+2" and row["set_note"] == "heavy\r=cmd|' /C calc'!A0"


def test_csv_cells_carry_no_escape_sequences_to_a_terminal(store: Store, db_path: Path, tmp_path: Path) -> None:
    # A name or note imported from a file may hold terminal escapes; a CSV printed to a terminal
    # must not recolour it or set its title. Line breaks are the note's own and stay.
    session = store.start_session(
        date="2026-11-22", started_at="2026-11-22T10:00:00+01:00", program_id="beginner",
        program="Morning \x1b[31mRED\x1b[0m", day="Workout A", day_index=0,
        slots=[PlannedSet("plank", "Plank", 1, None, None, 30)],
    )
    store.tick_set(session.sets[0].id, "2026-11-22T10:05:00+01:00")
    store.set_notes(session.id, "title\x1b]0;pwned\x07 set\nnext line")
    store.close()
    assert export(db_path, "--format", "csv", "-o", str(tmp_path / "all.csv")) == 0
    raw = (tmp_path / "all.csv").read_text(encoding="utf-8-sig")
    assert "\x1b" not in raw and "\x07" not in raw
    [row] = read_csv(tmp_path / "all.csv")
    assert row["program"] == "Morning RED" and row["notes"] == "title set\nnext line"
