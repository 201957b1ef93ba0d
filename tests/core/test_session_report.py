"""The end-of-session numbers, worked by hand; warm-up sets never count."""

from __future__ import annotations

from runstrong.core.models import DoneSet, SetLog
from runstrong.core.progress import RecordKind
from runstrong.core.session_report import BrokenRecord, records_broken, session_report


def squat(set_id: int, reps: int, load: float, minute: int | None, set_type: str = "normal") -> SetLog:
    done_at = None if minute is None else f"2026-11-22T10:{minute:02d}:00+01:00"
    return SetLog(set_id, 1, set_id, "squat", "Squat", set_id, None, 5, reps, load, None, None, done_at, set_type=set_type)


BEFORE = {"squat": [DoneSet("2026-11-15T10:00:00+01:00", None, 5, 100.0, None)]}
"""Last week's best: 5 × 100 kg (e1RM 100 × (1 + 5/30) = 116.67 kg)."""


def test_warm_ups_count_for_nothing_but_time() -> None:
    sets = [
        squat(1, 5, 140.0, 0, "warmup"),  # heavier than the record, but a warm-up
        squat(2, 5, 100.0, 3),
        squat(3, 6, 100.0, 6),  # one more rep: reps record 6 > 5, e1RM 100 × 1.2 = 120 > 116.67
        squat(4, 5, 100.0, None),  # skipped
    ]
    report = session_report(sets, BEFORE)
    assert (report.working_done, report.working_planned, report.warmups_done, report.left) == (2, 3, 1, 1)
    assert report.volume_kg == 1100.0  # 5 × 100 + 6 × 100; the warm-up's 700 is not counted
    assert report.duration_s == 360  # 10:00 (the warm-up) to 10:06
    assert [(r.kind, round(r.value, 2), round(r.previous, 2)) for r in report.records] == [
        (RecordKind.REPS, 6.0, 5.0),
        (RecordKind.E1RM, 120.0, 116.67),
    ]


def test_a_first_ever_set_breaks_no_record_and_equal_is_not_more() -> None:
    new = [DoneSet("2026-11-22T10:00:00+01:00", None, 5, 100.0, None)]
    assert records_broken("Squat", [], new) == []
    assert records_broken("Squat", BEFORE["squat"], new) == []
    heavier = [DoneSet("2026-11-22T10:00:00+01:00", None, 5, 102.5, None)]
    assert records_broken("Squat", BEFORE["squat"], heavier)[0] == BrokenRecord("Squat", RecordKind.LOAD, 102.5, 100.0)
