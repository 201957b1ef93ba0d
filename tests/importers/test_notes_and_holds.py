"""Per-set notes are kept on every set; per-exercise block notes once; holds round half up, and a
hold under a second is a skipped row (said, with its line), not a refused file."""

from __future__ import annotations

from datetime import timezone
from decimal import Decimal
from pathlib import Path

import pytest

from runstrong.importers import read_import_file
from runstrong.importers.records import RowNote
from runstrong.importers.values import SkipRow, hold_value

FITNOTES_HEADER = "Date,Exercise,Category,Weight,Weight Unit,Reps,Distance,Distance Unit,Time,Comment\n"
HEVY_HEADER = (
    '"title","start_time","end_time","description","exercise_title","superset_id","exercise_notes",'
    '"set_index","set_type","weight_kg","reps","distance_km","duration_seconds","rpe"\n'
)


def read(tmp_path: Path, text: str):  # type: ignore[no-untyped-def]
    file = tmp_path / "export.csv"
    file.write_text(text)
    return read_import_file(file, unit="kg", tz=timezone.utc)


def test_two_sets_each_noted_left_knee_keep_both_notes(tmp_path: Path) -> None:
    # FitNotes' Comment is the set's own note: the same words on two sets are two notes.
    batch = read(
        tmp_path,
        FITNOTES_HEADER
        + "2025-01-10,Squat,Legs,100.0,kgs,5,,,,left knee\n"
        + "2025-01-10,Squat,Legs,100.0,kgs,5,,,,left knee\n"
        + "2025-01-10,Squat,Legs,100.0,kgs,5,,,,\n",
    )
    assert [s.note for s in batch.sessions[0].sets] == ["left knee", "left knee", ""]


def test_a_block_note_repeated_on_every_row_is_kept_once(tmp_path: Path) -> None:
    # Hevy's exercise_notes is the exercise's note, written again on each of its rows.
    row = '"Leg day","5 Dec 2025, 11:37","5 Dec 2025, 12:40","","Squat (Barbell)",,"wide stance",{i},"normal",80,5,,,\n'
    batch = read(tmp_path, HEVY_HEADER + "".join(row.format(i=i) for i in range(3)))
    assert [s.note for s in batch.sessions[0].sets] == ["wide stance", "", ""]


@pytest.mark.parametrize(
    ("seconds", "held"),
    [("30.4", 30), ("30.5", 31), ("31.5", 32), ("1.0", 1), ("59.99", 60)],
)
def test_holds_round_half_up_to_whole_seconds(seconds: str, held: int) -> None:
    # Half up: 30.5 s is 31 s (banker's rounding would give 30, and 31.5 would give 32).
    assert hold_value(Decimal(seconds), ("f.csv", 2)) == held


def test_a_hold_under_a_second_is_not_a_hold() -> None:
    for seconds in ("0.4", "0.5", "0.999"):
        with pytest.raises(SkipRow, match=f"hold under a second: {seconds} s"):
            hold_value(Decimal(seconds), ("f.csv", 2))


def test_a_hold_under_a_second_is_a_skipped_row_with_its_line(tmp_path: Path) -> None:
    batch = read(
        tmp_path,
        HEVY_HEADER
        + '"Core","5 Dec 2025, 11:37","","","Plank",,"",0,"normal",,,,0.4,\n'
        + '"Core","5 Dec 2025, 11:37","","","Plank",,"",1,"normal",,,,45,\n',
    )
    assert [s.hold_s for s in batch.sessions[0].sets] == [45]
    assert batch.skipped == [RowNote(2, "hold under a second (Plank): 0.4 s")]
