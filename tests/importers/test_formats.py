"""Each sample file (tests/importers/samples/) parsed to hand-checked sessions, set counts by
type, volume (kg, warm-ups excluded) and hold seconds. Times are placed in UTC so the expected
instants can be read straight off the file."""

from __future__ import annotations

from collections import Counter
from datetime import timezone
from pathlib import Path

import pytest

from runstrong.core.settings import KG_PER_LB
from runstrong.importers import ImportBatch, decode, extract_text, read_import_file
from runstrong.importers.records import ImportedSession

SAMPLES = Path(__file__).parent / "samples"
LB = 0.45359237


def load(name: str, unit: str | None = None, fmt: str | None = None) -> ImportBatch:
    return read_import_file(SAMPLES / name, fmt=fmt, unit=unit, tz=timezone.utc)


def types(session: ImportedSession) -> Counter[str]:
    return Counter(s.set_type for s in session.sets)


def volume(session: ImportedSession) -> float:
    """Load x reps over the sets that count (warm-ups never count towards volume)."""
    return sum((s.load_kg or 0) * (s.reps or 0) for s in session.sets if s.set_type != "warmup")


def holds(session: ImportedSession) -> int:
    return sum(s.hold_s or 0 for s in session.sets)


def test_strong_comma_layout_in_pounds() -> None:
    batch = load("strong_comma_no_unit.csv", unit="lb")
    assert (batch.format, batch.unit) == ("strong", "lb")
    legs, evening, left_open = batch.sessions
    # Two sessions on 3 March, told apart by their start times.
    assert legs.started_at == "2025-03-03T07:05:10+00:00"
    assert legs.finished_at == "2025-03-03T08:03:10+00:00"  # 58m
    assert evening.started_at == "2025-03-03T18:30:00+00:00"
    assert evening.finished_at == "2025-03-03T19:34:00+00:00"  # 1h 4m
    assert legs.date == evening.date == "2025-03-03"
    # 412h 3m: the start is kept, the end is not believed.
    assert (left_open.started_at, left_open.finished_at) == ("2025-03-05T06:00:00+00:00", None)
    assert left_open.notes == 'Gym was cold, "brrr"'

    # W, 1, 2, D on the squat, then two plank holds (Seconds, no weight or reps).
    assert types(legs) == Counter(normal=4, warmup=1, drop=1)
    # 185 lb x 5 twice + 135 lb x 8 (drop) = 2930 lb; the 95 lb warm-up does not count.
    assert volume(legs) == pytest.approx(2930 * LB)
    assert holds(legs) == 60 + 45
    squat = [s for s in legs.sets if s.exercise_name == "Squat (Barbell)"]
    assert [s.set_no for s in squat] == [1, 2, 3, 4]
    assert [s.rpe for s in squat] == [None, 8.0, 8.5, None]
    # Float noise 185.00000000000003 is 185 lb; shown back in lb it is exactly the file's number.
    # 185 x 0.45359237 = 83.91458845 exactly (computed from the decimal text, not a float).
    assert squat[1].load_kg == squat[2].load_kg == 83.91458845
    assert round(squat[1].load_kg / KG_PER_LB, 6) == 185
    assert [(s.reps, s.load_kg) for s in legs.sets if s.exercise_name == "Plank"] == [(None, None), (None, None)]

    # A note with a line break inside quotes stays one row; the failure set follows it.
    assert types(evening) == Counter(normal=1, failure=1)
    assert evening.sets[0].note == "Slow\nlowering"
    assert [(s.line, s.reps) for s in evening.sets] == [(10, 6), (12, 4)]
    assert left_open.sets[0].load_kg == pytest.approx(225.5 * LB)
    assert round(left_open.sets[0].load_kg / KG_PER_LB, 6) == 225.5

    # Rest timer and note rows are counted, the run is reported, nothing vanishes.
    assert [(n.line, n.reason) for n in batch.skipped] == [(5, "rest timer"), (14, "note row")]
    assert [(n.line, n.reason) for n in batch.not_imported] == [(9, "running: Running")]
    assert batch.set_count == 9


def test_strong_comma_layout_in_kilograms_gives_the_same_uids() -> None:
    pounds, kilos = load("strong_comma_no_unit.csv", unit="lb"), load("strong_comma_no_unit.csv", unit="kg")
    assert kilos.sessions[0].sets[1].load_kg == 185.0
    assert [s.uid for s in pounds.sessions] == [s.uid for s in kilos.sessions]


def test_strong_semicolon_layout_newest_first_with_units_per_row() -> None:
    batch = load("strong_semicolon_newest_first.csv")
    assert batch.unit == "kg+lb"
    upper, lower = batch.sessions  # put oldest first
    assert upper.started_at == "2024-06-01T17:45:00+00:00" and upper.finished_at is None
    # 50 lbs x 10 on the row; the Copenhagen plank is a 30 s hold; the 24 kg carry over 40 m
    # (a distance with a weight: a loaded carry, not a run) held 35 s, its distance in the note.
    assert volume(upper) == pytest.approx(50 * LB * 10)
    assert holds(upper) == 30 + 35
    carry = upper.sets[2]
    assert (carry.exercise_name, carry.load_kg, carry.hold_s, carry.reps, carry.note) == (
        "Suitcase Carry (Kettlebell)", 24.0, 35, None, "distance 40 m")
    assert batch.not_imported == []
    # Set 2 was written before set 1; "62,5" is a decimal comma. 60 x 8 + 62.5 x 8 = 980 kg.
    assert [(s.set_no, s.load_kg, s.line) for s in lower.sets] == [(1, 60.0, 3), (2, 62.5, 2)]
    assert volume(lower) == 980


def test_strong_newest_layout_units_in_header_and_twelve_hour_times() -> None:
    batch = load("strong_quoted_units_in_header.csv", unit="lb")  # the header's kg wins
    assert batch.unit == "kg"
    (hill,) = batch.sessions
    # "6:05:00 PM" with a narrow no-break space; Duration (sec) 3540 = 59 minutes.
    assert (hill.started_at, hill.finished_at) == ("2025-11-20T18:05:00+00:00", "2025-11-20T19:04:00+00:00")
    assert types(hill) == Counter(normal=2)
    assert volume(hill) == 2 * 12.5 * 10
    assert [(n.line, n.reason) for n in batch.not_imported] == [(4, "running: Treadmill")]


def test_hevy_in_kilograms() -> None:
    batch = load("hevy_kg.csv")
    assert (batch.format, batch.unit) == ("hevy", "kg")
    old, leg_day = batch.sessions  # newest first in the file, oldest first here
    # Ended 29 days after it started: the end is not believed.
    assert (old.started_at, old.finished_at) == ("2025-11-01T10:00:00+00:00", None)
    assert (leg_day.started_at, leg_day.finished_at) == ("2025-12-05T11:37:00+00:00", "2025-12-05T12:40:00+00:00")
    assert leg_day.notes == "Felt good"
    assert types(leg_day) == Counter(warmup=1, normal=2, drop=1, failure=1)
    # 80 x 5 + 60 x 10 (drop) = 1000 kg; the 40 kg warm-up and the bodyweight pull-ups add none.
    assert volume(leg_day) == 1000
    assert holds(leg_day) == 60
    squats = [s for s in leg_day.sets if s.exercise_name == "Squat (Barbell)"]
    # The squat comes back after the plank: numbering goes on, and the uids stay distinct.
    assert [s.set_no for s in squats] == [1, 2, 3]
    assert len({s.uid for s in leg_day.sets}) == 5
    assert squats[2].note == "back-off" and squats[1].rpe == 7.5
    pull_up = leg_day.sets[-1]
    assert (pull_up.exercise_name, pull_up.reps, pull_up.load_kg) == ("Pull Up", 7, None)
    # "05 Dec 2025, 07:02" (zero-padded day) was a run: reported, not a session.
    assert [(n.line, n.reason) for n in batch.not_imported] == [(7, "running: Running")]


def test_hevy_in_pounds() -> None:
    batch = load("hevy_lbs.csv")
    assert batch.unit == "lb"
    (pull,) = batch.sessions
    # 135 x 0.45359237 = 61.23496995; 137.5 x 0.45359237 = 62.368950875.
    assert [s.load_kg for s in pull.sets] == [61.23496995, 62.368950875]
    assert [round(s.load_kg / KG_PER_LB, 6) for s in pull.sets] == [135, 137.5]
    assert volume(pull) == pytest.approx((135 + 137.5) * 5 * LB)


def test_fitnotes_with_comment_and_an_unquoted_comma_in_a_name() -> None:
    batch = load("fitnotes_with_comment.csv")
    assert batch.format == "fitnotes"
    first, second = batch.sessions
    # FitNotes has dates only: one session per date, placed at noon.
    assert (first.date, first.started_at) == ("2025-01-10", "2025-01-10T12:00:00+00:00")
    assert first.finished_at is None
    names = [s.exercise_name for s in first.sets]
    # Line 4 had one field too many; the name is joined again, not dropped.
    assert names == ["Squat", "Squat", "Deadlift, Romanian", "Plank"]
    # 100 x 5 x 2 + 135 lbs x 8 = 1000 + 1080 lb.
    assert volume(first) == pytest.approx(1000 + 1080 * LB)
    assert holds(first) == 90  # 0:01:30
    assert first.sets[1].note == "Felt heavy"
    assert second.sets[0].note == "Slow, controlled"
    assert volume(second) == 600
    assert [(n.line, n.reason) for n in batch.not_imported] == [(6, "cardio: Running (Treadmill)")]


def test_fitnotes_older_header_with_the_unit_in_it() -> None:
    batch = load("fitnotes_old_lbs.csv")
    assert batch.unit == "lb"
    (day,) = batch.sessions
    assert types(day) == Counter(normal=3)
    assert volume(day) == pytest.approx(2 * 135 * 5 * LB)
    assert holds(day) == 45


def test_a_spreadsheet_resave_bom_crlf_reads_the_same() -> None:
    original = (SAMPLES / "strong_comma_no_unit.csv").read_bytes()
    resaved = b"\xef\xbb\xbf" + original.replace(b"\n", b"\r\n")
    a = extract_text(original.decode(), "a.csv", unit="lb", tz=timezone.utc)
    b = extract_text(decode(resaved, "b.csv"), "b.csv", unit="lb", tz=timezone.utc)
    assert [(s.uid, len(s.sets)) for s in a.sessions] == [(s.uid, len(s.sets)) for s in b.sessions]
    assert b.sessions[1].sets[0].note == "Slow\r\nlowering"
    assert [n.line for n in b.skipped] == [5, 14]


def test_windows_1252_resave_is_read() -> None:
    text = "Date,Exercise,Category,Weight,Weight Unit,Reps,Distance,Distance Unit,Time\n2025-02-01,Kniebeuge \xe4,Legs,50,kgs,5,,,\n"
    batch = extract_text(decode(text.encode("cp1252"), "w.csv"), "w.csv", tz=timezone.utc)
    assert batch.sessions[0].sets[0].exercise_name == "Kniebeuge ä"


def test_same_file_twice_gives_the_same_uids() -> None:
    for name, unit in [("strong_comma_no_unit.csv", "lb"), ("hevy_kg.csv", None), ("fitnotes_with_comment.csv", None)]:
        first, second = load(name, unit), load(name, unit)
        assert [s.uid for s in first.sessions] == [s.uid for s in second.sessions]
        uids = [x.uid for s in first.sessions for x in s.sets]
        assert uids == [x.uid for s in second.sessions for x in s.sets]
        assert len(set(uids)) == len(uids)


def test_format_flag_overrides_detection() -> None:
    batch = load("hevy_kg.csv", fmt="hevy")
    assert batch.format == "hevy"
