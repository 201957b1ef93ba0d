"""Progress numbers against hand-computed values (the arithmetic is in the comments)."""

from __future__ import annotations

from datetime import date
from itertools import count

import pytest

from runstrong.core.models import SetLog, Side
from runstrong.core.progress import (
    IMBALANCE_THRESHOLD_PCT,
    WEEKLY_TARGET,
    DayBest,
    Measure,
    PersonalRecord,
    RecordKind,
    SessionTotals,
    SideSets,
    compare_sides,
    current_records,
    current_streak,
    daily_bests,
    epley_1rm,
    personal_records,
    session_totals,
    week_start,
    weekly_counts,
)

_ids = count(1)


def make_set(
    done_at: str | None,
    *,
    id: int | None = None,
    reps: int | None = None,
    load_kg: float | None = None,
    hold_s: int | None = None,
    side: Side | None = None,
) -> SetLog:
    """A SetLog with only the fields progress.py reads filled in meaningfully."""
    return SetLog(
        id=next(_ids) if id is None else id,
        session_id=1,
        position=0,
        exercise_id="split-squat",
        exercise="Split squat",
        set_no=1,
        side=side,
        target_reps=reps,
        reps=reps,
        load_kg=load_kg,
        target_hold_s=hold_s,
        hold_s=hold_s,
        done_at=done_at,
    )


# --- Epley ----------------------------------------------------------------------------


def test_epley_estimates():
    # 100 × (1 + 5/30) = 100 × 1.1667 = 116.67
    assert epley_1rm(100, 5) == pytest.approx(116.6667, abs=1e-3)
    # 60 × (1 + 10/30) = 60 × 1.3333 = 80
    assert epley_1rm(60, 10) == pytest.approx(80.0)
    # A single is a true max, not 100 × 31/30.
    assert epley_1rm(100, 1) == 100.0


@pytest.mark.parametrize(
    ("load", "reps"),
    [(100, 11), (100, 0), (0, 5), (None, 5), (100, None), (-20, 5)],
)
def test_epley_out_of_range_is_none(load, reps):
    assert epley_1rm(load, reps) is None


# --- records and daily bests ----------------------------------------------------------

D1, D2, D3, D4 = date(2026, 3, 2), date(2026, 3, 5), date(2026, 3, 9), date(2026, 3, 12)


def _pr_sets() -> list[SetLog]:
    # Given out of order on purpose: records must follow done_at, not list order.
    return [
        make_set("2026-03-12T18:00:00+00:00", id=5, load_kg=50, reps=1),
        make_set("2026-03-02T10:05:00+00:00", id=2, load_kg=40, reps=10),
        make_set("2026-03-02T10:00:00+00:00", id=1, load_kg=40, reps=8),
        make_set("2026-03-09T07:30:00+00:00", id=4, load_kg=45, reps=6),
        make_set("2026-03-05T07:30:00+00:00", id=3, load_kg=45, reps=6),
        make_set(None, id=6, load_kg=100, reps=10),  # planned, never done: ignored
    ]


def test_personal_records_sequence():
    records = personal_records(daily_bests(_pr_sets()))
    expected = [
        # D1, sets 1 (40 × 8) and 2 (40 × 10): the first day's bests are all records. Set 2
        # beat set 1's 8 reps and e1RM 40 × (1 + 8/30) = 50.67 the same day: one record each,
        # at the day's best: 10 reps, e1RM 40 × (1 + 10/30) = 53.33.
        (RecordKind.LOAD, 40.0, D1),
        (RecordKind.REPS, 10.0, D1),
        (RecordKind.E1RM, 40 * (1 + 10 / 30), D1),
        # D2, 45 × 6: load 45 > 40; e1RM 45 × 1.2 = 54.0 > 53.33; reps 6 < 10
        (RecordKind.LOAD, 45.0, D2),
        (RecordKind.E1RM, 54.0, D2),
        # D3, 45 × 6 again: ties everything, so no record at all
        # D4, 50 × 1: load 50 > 45; e1RM 50 < 54; reps 1 < 10
        (RecordKind.LOAD, 50.0, D4),
    ]
    assert [(r.kind, r.value, r.date) for r in records] == [
        (kind, pytest.approx(value), day) for kind, value, day in expected
    ]
    assert all(r.date != D3 for r in records)


def test_current_records_are_standing_bests_and_ties_stay_with_the_first():
    best = current_records(personal_records(daily_bests(_pr_sets())))
    assert set(best) == {RecordKind.LOAD, RecordKind.REPS, RecordKind.E1RM}  # no holds logged
    assert best[RecordKind.LOAD] == PersonalRecord(RecordKind.LOAD, 50.0, D4)
    assert best[RecordKind.REPS] == PersonalRecord(RecordKind.REPS, 10.0, D1)
    # D3 matched 54.0, but D2 got there first.
    assert best[RecordKind.E1RM] == PersonalRecord(RecordKind.E1RM, 54.0, D2)


def test_hold_records():
    sets = [
        make_set("2026-03-05T08:00:00+00:00", hold_s=45),
        make_set("2026-03-02T08:00:00+00:00", hold_s=30),
        make_set("2026-03-02T08:10:00+00:00", hold_s=30),
        make_set("2026-03-09T08:00:00+00:00", hold_s=40),
    ]
    # 30 on D1 (twice: one record), then 45 on D2; D3's 40 < 45.
    assert personal_records(daily_bests(sets)) == [
        PersonalRecord(RecordKind.HOLD, 30.0, D1),
        PersonalRecord(RecordKind.HOLD, 45.0, D2),
    ]
    assert RecordKind.HOLD.value == "longest hold"


def test_records_follow_the_dates_not_the_order_given():
    bests = [DayBest(D2, 50, None, None, None), DayBest(D1, 40, None, None, None)]
    assert personal_records(bests) == [
        PersonalRecord(RecordKind.LOAD, 40.0, D1),
        PersonalRecord(RecordKind.LOAD, 50.0, D2),
    ]


def test_records_from_no_done_sets():
    assert personal_records(daily_bests([make_set(None, reps=10)])) == []
    assert current_records([]) == {}


def test_daily_bests():
    sets = _pr_sets() + [
        # D3 also has 20 kg × 15: too many reps for an e1RM, but the day's most reps.
        make_set("2026-03-09T07:40:00+00:00", load_kg=20, reps=15),
        # Bodyweight (0 kg) with a hold on a day of its own: no load, no e1RM.
        make_set("2026-03-20T07:00:00+00:00", load_kg=0, reps=0, hold_s=40),
    ]
    assert daily_bests(sets) == [
        # D1: 40 × 8 and 40 × 10 → load 40, reps 10, e1RM max(50.67, 53.33)
        DayBest(D1, 40, 10, pytest.approx(53.3333, abs=1e-3), None),
        DayBest(D2, 45, 6, pytest.approx(54.0), None),
        # D3: 45 × 6 (e1RM 54) and 20 × 15 (no e1RM) → reps 15
        DayBest(D3, 45, 15, pytest.approx(54.0), None),
        DayBest(D4, 50, 1, 50.0, None),
        DayBest(date(2026, 3, 20), None, None, None, 40),
    ]


def test_daily_bests_use_the_local_date_in_done_at():
    # 23:30 at −05:00 is 04:30 UTC on the 3rd but the 2nd for the runner;
    # 08:00 at +10:00 is 22:00 UTC on the 2nd but the 3rd for the runner.
    sets = [
        make_set("2026-03-02T23:30:00-05:00", reps=5),
        make_set("2026-03-03T08:00:00+10:00", reps=6),
    ]
    assert [d.date for d in daily_bests(sets)] == [date(2026, 3, 2), date(2026, 3, 3)]


# --- balance --------------------------------------------------------------------------

T = "2026-03-02T10:00:00+00:00"
DAY1, DAY2, DAY3 = "2026-03-02T10:00:00+00:00", "2026-03-04T10:00:00+00:00", "2026-03-06T10:00:00+00:00"


def copenhagen() -> list[SetLog]:
    """Left logged more often than right, as happens when a side is redone or the right is skipped."""
    return [
        make_set(DAY1, side=Side.LEFT, hold_s=20),
        make_set(DAY1, side=Side.LEFT, hold_s=25),
        make_set(DAY1, side=Side.RIGHT, hold_s=20),
        make_set(DAY1, side=Side.RIGHT, hold_s=20),
        make_set(DAY2, side=Side.LEFT, hold_s=30),  # the right was not done that day: not compared
        make_set(DAY3, side=Side.LEFT, hold_s=30),
        make_set(DAY3, side=Side.RIGHT, hold_s=24),
        make_set(DAY3, side=Side.RIGHT, hold_s=27),
        make_set(None, side=Side.RIGHT, hold_s=60),  # not done: ignored
        make_set(DAY3, hold_s=90),  # unsided: ignored
    ]


def test_sides_are_compared_per_set_on_the_days_both_were_done():
    (hold,) = compare_sides(copenhagen())
    # Days 1 and 3 have both sides; day 2 (left only) is left out.
    # Left sets 20, 25, 30: best 30, average 75 / 3 = 25.
    # Right sets 20, 20, 24, 27: best 27, average 91 / 4 = 22.75.
    assert (hold.measure, hold.days) == (Measure.HOLD, 2)
    assert hold.left == SideSets(sets=3, best=30, mean=25)
    assert hold.right == SideSets(sets=4, best=27, mean=22.75)
    # best: 3 / 30 = 10 % exactly, not flagged; average: 2.25 / 25 = 9 %.
    assert hold.difference_pct("best") == pytest.approx(IMBALANCE_THRESHOLD_PCT)
    assert hold.difference_pct("mean") == pytest.approx(9.0)
    assert (hold.weaker("best"), hold.weaker("mean")) == (None, None)
    # All-time totals would have said left 130 s against right 91 s, 30 % "weaker right":
    # the extra left day and set, not a weaker right side.


def test_a_recent_window_compares_only_its_own_days():
    (hold,) = compare_sides(copenhagen(), since=date(2026, 3, 5))
    # Day 3 only. Left 30: best 30, average 30. Right 24, 27: best 27, average 25.5.
    assert hold.days == 1
    assert (hold.left.best, hold.left.mean, hold.right.best, hold.right.mean) == (30, 30, 27, 25.5)
    # average: 4.5 / 30 = 15 % > 10 %: the right is weaker on an average set.
    assert hold.difference_pct("mean") == pytest.approx(15.0)
    assert hold.weaker("mean") is Side.RIGHT and hold.weaker("best") is None


def test_reps_and_load_are_compared_separately():
    sets = [
        make_set(T, side=Side.LEFT, reps=10, load_kg=20),
        make_set(T, side=Side.LEFT, reps=8, load_kg=20),
        make_set(T, side=Side.RIGHT, reps=10, load_kg=22.5),
    ]
    reps, load = compare_sides(sets)
    # Reps: left 10, 8 (best 10, average 9); right 10. Average 1 / 10 = 10 %: not flagged.
    assert (reps.measure, reps.left.mean, reps.right.mean) == (Measure.REPS, 9, 10)
    assert reps.weaker("mean") is None
    # Load: left 20 kg, right 22.5 kg: 2.5 / 22.5 = 11.1 % > 10 %: left weaker.
    assert load.measure is Measure.LOAD
    assert load.difference_pct("best") == pytest.approx(11.111, abs=1e-3)
    assert load.weaker("best") is Side.LEFT and load.weaker("mean") is Side.LEFT


def test_a_side_never_logged_gives_nothing_to_compare():
    assert compare_sides([make_set(T, side=Side.LEFT, reps=12), make_set(T, reps=5)]) == []
    assert compare_sides([make_set(T, side=Side.LEFT, hold_s=0), make_set(T, side=Side.RIGHT, hold_s=0)]) == []


# --- consistency ----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("day", "monday"),
    [
        (date(2025, 12, 29), date(2025, 12, 29)),  # a Monday is its own week start
        (date(2026, 1, 1), date(2025, 12, 29)),  # Thursday New Year's Day: week began last year
        (date(2026, 1, 4), date(2025, 12, 29)),  # Sunday closes that week
        (date(2026, 1, 5), date(2026, 1, 5)),
    ],
)
def test_week_start(day, monday):
    assert week_start(day) == monday


SESSIONS = [
    date(2025, 12, 1),  # before the range: ignored
    date(2025, 12, 16),
    date(2025, 12, 18),  # week of 15 Dec: 2
    # week of 22 Dec: none (the gap)
    date(2025, 12, 30),
    date(2026, 1, 1),
    date(2026, 1, 3),  # week of 29 Dec, across New Year: 3
    date(2026, 1, 5),
    date(2026, 1, 7),  # week of 5 Jan: 2
    date(2026, 1, 13),  # week of 12 Jan, still in progress: 1
    date(2026, 2, 1),  # after the range: ignored
]
WEEKLY = [
    (date(2025, 12, 15), 2),
    (date(2025, 12, 22), 0),
    (date(2025, 12, 29), 3),
    (date(2026, 1, 5), 2),
    (date(2026, 1, 12), 1),
]


def test_weekly_counts_zero_filled_across_new_year():
    # first is a Wednesday, last a Wednesday: whole weeks from Mon 15 Dec to Mon 12 Jan.
    assert weekly_counts(SESSIONS, date(2025, 12, 17), date(2026, 1, 14)) == WEEKLY


def test_weekly_counts_empty_range():
    assert weekly_counts([], date(2026, 1, 5), date(2026, 1, 11)) == [(date(2026, 1, 5), 0)]
    assert weekly_counts([date(2026, 1, 5)], date(2026, 1, 12), date(2026, 1, 5)) == []


def test_streak_current_week_short_of_target_does_not_break_it():
    # This week (12 Jan) has 1 < 2, so count back: 5 Jan (2) ✓, 29 Dec (3) ✓, 22 Dec (0) ✗ → 2
    assert WEEKLY_TARGET == 2
    assert current_streak(WEEKLY, today=date(2026, 1, 14)) == 2
    assert current_streak(WEEKLY) == 2  # without today, the last listed week is current


def test_streak_counts_current_week_once_it_meets_target():
    weekly = WEEKLY[:-1] + [(date(2026, 1, 12), 2)]
    # 12 Jan (2) ✓, 5 Jan ✓, 29 Dec ✓, 22 Dec gap ✗ → 3
    assert current_streak(weekly, today=date(2026, 1, 18)) == 3


def test_streak_gap_week_breaks_it():
    # On Sunday 4 Jan: this week (29 Dec, 3) ✓, then the gap week (22 Dec, 0) ✗ → 1,
    # even though 15 Dec met the target before the gap.
    assert current_streak(WEEKLY[:3], today=date(2026, 1, 4)) == 1  # 29 Dec ✓, 22 Dec ✗
    # Today two weeks past the list: 26 Jan and 19 Jan are empty → 0
    assert current_streak(WEEKLY, today=date(2026, 1, 28)) == 0


def test_streak_with_higher_target_and_no_data():
    # target 3: this week 1 (in progress), 5 Jan 2 < 3 → 0
    assert current_streak(WEEKLY, target=3) == 0
    assert current_streak([]) == 0
    # The whole list meets the target: the streak stops at the first listed week.
    assert current_streak([(date(2025, 12, 29), 3), (date(2026, 1, 5), 2)]) == 2


# --- session totals -------------------------------------------------------------------


def test_session_totals():
    sets = [
        make_set("2026-03-02T10:06:00+01:00", side=Side.LEFT, hold_s=30),
        make_set("2026-03-02T10:00:00+01:00", reps=10, load_kg=20),
        make_set("2026-03-02T10:07:15+01:00", side=Side.RIGHT, hold_s=28),
        make_set("2026-03-02T10:03:30+01:00", reps=8, load_kg=22.5),
        make_set(None, reps=10, load_kg=20),  # planned, skipped
    ]
    assert session_totals(sets) == SessionTotals(
        sets_done=4,
        sets_planned=5,
        total_reps=18,  # 10 + 8
        total_hold_s=58,  # 30 + 28
        volume_kg=380.0,  # 20 × 10 + 22.5 × 8 = 200 + 180
        first_done_at="2026-03-02T10:00:00+01:00",
        last_done_at="2026-03-02T10:07:15+01:00",
        duration_s=435,  # 10:00:00 → 10:07:15 = 7 × 60 + 15
    )


def test_session_totals_with_one_or_no_done_set():
    one = session_totals([make_set(T, reps=12), make_set(None, reps=12)])
    assert (one.sets_done, one.sets_planned, one.volume_kg, one.duration_s) == (1, 2, 0.0, 0)
    assert one.first_done_at == one.last_done_at == T

    none = session_totals([make_set(None, reps=12)])
    assert none == SessionTotals(0, 1, 0, 0, 0.0, None, None, None)
    assert session_totals([]) == SessionTotals(0, 0, 0, 0, 0.0, None, None, None)
