"""Files that cannot be imported are refused as FILE:LINE: reason, whatever is wrong."""

from __future__ import annotations

from pathlib import Path

import pytest

from runstrong.importers import ImportFileError, read_import_file

STRONG_HEADER = "Date,Workout Name,Duration,Exercise Name,Set Order,Weight,Reps,Distance,Seconds,Notes,Workout Notes,RPE\n"
GOOD_ROW = "2025-03-03 07:05:10,Legs,58m,Squat (Barbell),1,100,5,0,0,,,\n"


def refuse(tmp_path: Path, content: bytes | str, unit: str | None = "kg") -> ImportFileError:
    file = tmp_path / "export.csv"
    file.write_bytes(content if isinstance(content, bytes) else content.encode())
    with pytest.raises(ImportFileError) as caught:
        read_import_file(file, unit=unit)
    assert str(caught.value).startswith(f"{file}:{caught.value.line}: ")
    return caught.value


@pytest.mark.parametrize(
    ("content", "line", "words"),
    [
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00", 3, "not a text file"),
        (b"PK\x03\x04xlsx", 1, "Excel"),
        (b"SQLite format 3\x00rest", 1, "runstrong export"),
        (b"", 1, "empty file"),
        (b"\xef\xbb\xbf\r\n  \n", 1, "empty file"),
        ("Name,Weight\nbob,3\n", 1, "unknown header 'Name,Weight'"),
        (STRONG_HEADER + GOOD_ROW + "2025-03-03 07:05:10,Legs,58m,Squat\n", 3, "truncated row: 4 fields"),
        (STRONG_HEADER + GOOD_ROW + GOOD_ROW.replace("2025-03-03", "2025-02-30"), 3, "bad date '2025-02-30 07:05:10'"),
        (STRONG_HEADER + GOOD_ROW.replace(",100,", ",heavy,"), 2, "weight is not a number: 'heavy'"),
        (STRONG_HEADER + GOOD_ROW.replace(",1,100", ",X,100"), 2, "unknown Set Order 'X'"),
        (STRONG_HEADER + GOOD_ROW.replace(",5,0,0", ",5.5,0,0"), 2, "reps must be a whole number"),
        (STRONG_HEADER + GOOD_ROW.replace(",100,", ",5000,"), 2, "more than 1000 kg"),
        (STRONG_HEADER + GOOD_ROW + '2025-03-03 07:05:10,Legs,58m,Squat,1,100,5,0,0,"never closed\n', 3, "not readable as CSV"),
        ('{"format": "runstrong-export", "version": 9, "sessions": []}', 1, "version 9"),
        ('{"format": "runstrong-export",\n "version": 2,\n "sessions": [\n', 4, "not valid JSON"),
    ],
)
def test_refused_with_file_and_line(tmp_path: Path, content: bytes | str, line: int, words: str) -> None:
    error = refuse(tmp_path, content)
    assert error.line == line
    assert words in error.reason


def test_unknown_header_lists_the_known_formats(tmp_path: Path) -> None:
    error = refuse(tmp_path, "Name,Weight\nbob,3\n")
    for name in ("Strong", "Hevy", "FitNotes", "runstrong JSON"):
        assert name in error.reason


def test_strong_without_a_unit_asks_for_one(tmp_path: Path) -> None:
    error = refuse(tmp_path, STRONG_HEADER + GOOD_ROW, unit=None)
    assert error.line == 1
    assert "--unit kg or --unit lb" in error.reason
    assert "\n" not in str(error)


def test_json_set_refused_at_its_own_line(tmp_path: Path) -> None:
    text = (
        '{"format": "runstrong-export", "version": 1, "sessions": [\n'
        ' {"id": 1, "date": "2026-01-01", "started_at": "2026-01-01T10:00:00+00:00", "finished_at": null,\n'
        '  "program": "P", "day": "D", "notes": "", "sets": [\n'
        '   {"exercise": "Squat", "exercise_id": "squat", "set": 1, "side": null, "target_reps": null,\n'
        '    "reps": "five", "load_kg": 50, "target_hold_s": null, "hold_s": null, "done_at": "2026-01-01T10:05:00+00:00"}]}]}\n'
    )
    error = refuse(tmp_path, text)
    assert (error.line, error.reason) == (5, "\"reps\" must be a whole number, not 'five'")


def test_fitnotes_row_too_long_for_any_repair_is_refused(tmp_path: Path) -> None:
    text = "Date,Exercise,Category,Weight,Weight Unit,Reps,Distance,Distance Unit,Time\n2025-01-10,Squat,Legs,100,kgs,5,,,,x,y\n"
    error = refuse(tmp_path, text)
    assert error.line == 2 and "no unquoted comma explains it" in error.reason


def test_a_compact_date_in_a_runstrong_export_is_refused_at_its_line(tmp_path: Path) -> None:
    # Python 3.11's date.fromisoformat takes "20261122"; the file format says YYYY-MM-DD.
    text = (
        '{"format": "runstrong-export", "version": 1, "sessions": [\n'
        ' {"id": 1, "date": "20261122",\n'
        '  "started_at": "2026-11-22T10:00:00+00:00", "finished_at": null, "sets": []}]}\n'
    )
    error = refuse(tmp_path, text)
    assert (error.line, error.reason) == (3, "bad date in \"date\": '20261122' (use YYYY-MM-DD)")


def test_bad_runs_and_own_programs_in_a_runstrong_export_are_refused_at_their_line(tmp_path: Path) -> None:
    head = '{"format": "runstrong-export", "version": 2, "sessions": [],\n'
    error = refuse(tmp_path, head + ' "runs": [\n  {"uid": "race-1", "date": "2027W011", "kind": "race"}]}\n')
    assert (error.line, error.reason) == (3, "bad date in \"date\": '2027W011' (use YYYY-MM-DD)")
    error = refuse(tmp_path, head + ' "run_week": [\n  {"weekday": 7, "kind": "easy"}]}\n')
    assert error.line == 3 and '"weekday" 7 is outside 0..6' in error.reason
    program = (
        head + ' "programs": [\n  {"id": "rack-day", "name": "Rack day",\n'
        '   "days": [{"name": "Heavy", "items": [{"exercise": "no-such-lift", "sets": 3, "reps": 8}]}]}]}\n'
    )
    error = refuse(tmp_path, program)
    assert error.line == 3 and "unknown exercise id 'no-such-lift'" in error.reason
