"""Pure rules behind a session that bends: the load that follows the lifter, the last-time line,
and what a runner may type for an RPE, a note or the date of a late session."""

from __future__ import annotations

from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from runstrong.core.carry import Start, starting_values
from runstrong.core.last_time import LastSet, ago, last_load_kg, last_time_text
from runstrong.core.models import SetLog, Side
from runstrong.core.plan import PlannedSet
from runstrong.core.session_input import MAX_NOTE_CHARS, clean_note, parse_rpe, parse_session_date
from runstrong.core.set_input import InputProblem
from runstrong.core.settings import Unit


def logged(set_no: int, *, exercise: str = "squat", side: Side | None = None, reps: int | None = None,
           load: float | None = None, hold: int | None = None, target_reps: int | None = 12,
           target_hold: int | None = None, done: bool = False, set_type: str = "normal",
           target_load: float | None = None) -> SetLog:
    return SetLog(
        id=set_no * 10 + (1 if side is Side.RIGHT else 0), session_id=1, position=set_no, exercise_id=exercise,
        exercise=exercise.title(), set_no=set_no, side=side, target_reps=target_reps, reps=reps, load_kg=load,
        target_hold_s=target_hold, hold_s=hold, done_at="2026-11-22T10:00:00+01:00" if done else None,
        set_type=set_type, target_load_kg=target_load,
    )


# -- the load follows the lifter (issue 11 item 1) ----------------------------------------


def test_the_issue_example_e_40_then_two_ticks_keeps_40_kg() -> None:
    # `e Tab 40 Enter` on squat set 1 stores load 40 on it; set 2 and 3 start from it.
    slots = [logged(1, load=40.0), logged(2), logged(3)]
    assert starting_values(slots, 1) == Start(reps=12, load_kg=40.0, hold_s=None)
    assert starting_values(slots, 2) == Start(reps=12, load_kg=40.0, hold_s=None)


def test_edited_reps_carry_on_but_unedited_targets_do_not() -> None:
    # Set 1 done as 10 of a target 12: set 2 starts at 10. A pyramid's own targets stay.
    slots = [logged(1, reps=10, load=50.0, done=True), logged(2), logged(3, target_reps=8)]
    assert starting_values(slots, 1) == Start(10, 50.0, None)
    # Set 2 starts at 10 (carried, not its target 12) so set 3 carries 10 as well.
    assert starting_values(slots, 2) == Start(10, 50.0, None)
    plain = [logged(1, reps=12, load=50.0, done=True), logged(2, target_reps=10)]
    assert starting_values(plain, 1) == Start(10, 50.0, None)


def test_the_other_side_of_a_per_side_set_starts_from_the_first_side() -> None:
    slots = [
        logged(1, exercise="lunge", side=Side.LEFT, reps=8, load=16.0, target_reps=10, done=True),
        logged(1, exercise="lunge", side=Side.RIGHT, target_reps=10),
    ]
    assert starting_values(slots, 1) == Start(8, 16.0, None)


def test_seconds_never_carry_a_hold_cut_short_or_held_long_leaves_the_next_at_its_target() -> None:
    # The timer runs each set to its own target, so a tick must log that target, not 0:09.
    short = [
        logged(1, exercise="plank", target_reps=None, target_hold=30, hold=9, done=True),
        logged(2, exercise="plank", target_reps=None, target_hold=30),
        logged(3, exercise="plank", target_reps=None, target_hold=30),
    ]
    assert starting_values(short, 1) == Start(None, None, 30)
    assert starting_values(short, 2) == Start(None, None, 30)
    long = [
        logged(1, exercise="plank", target_reps=None, target_hold=30, hold=40, load=10.0, done=True),
        logged(2, exercise="plank", target_reps=None, target_hold=30),
    ]
    # The load still follows the lifter.
    assert starting_values(long, 1) == Start(None, 10.0, 30)


def test_first_set_starts_from_last_times_load_and_another_exercise_never_carries() -> None:
    slots = [
        PlannedSet("squat", "Squat", 1, None, 12, None, target_load_kg=42.5),
        PlannedSet("squat", "Squat", 2, None, 12, None, target_load_kg=42.5),
        PlannedSet("lunge", "Lunge", 1, Side.LEFT, 10, None),
    ]
    assert starting_values(slots, 0) == Start(12, 42.5, None)
    assert starting_values(slots, 2) == Start(10, None, None)


def test_warm_up_loads_stay_with_warm_ups() -> None:
    slots = [logged(1, load=20.0, reps=8, done=True, set_type="warmup"), logged(1, target_load=40.0)]
    assert starting_values(slots, 1) == Start(12, 40.0, None)


def test_what_the_runner_typed_on_a_set_wins_over_the_carry() -> None:
    slots = [logged(1, load=40.0, done=True), logged(2, load=45.0, reps=6)]
    assert starting_values(slots, 1) == Start(6, 45.0, None)


@given(st.lists(st.one_of(st.none(), st.floats(min_value=0.5, max_value=300, allow_nan=False)), min_size=1, max_size=8))
def test_a_set_never_starts_lighter_than_nothing_and_follows_the_latest_load(loads: list[float | None]) -> None:
    # Sets 1..n, some with a typed load: each set starts from the nearest load at or before it.
    slots = [logged(n + 1, load=load) for n, load in enumerate(loads)]
    for index in range(len(slots)):
        earlier = [load for load in loads[: index + 1] if load is not None]
        assert starting_values(slots, index).load_kg == (earlier[-1] if earlier else None)


# -- last time (issue 8 item 5) ---------------------------------------------------------


def test_last_time_reps_with_a_load() -> None:
    sets = [LastSet("2026-11-18", None, 12, 40.0, None)] * 3
    # 22 Nov - 18 Nov = 4 days.
    assert last_time_text(sets, date(2026, 11, 22), Unit.KG) == "last 3 × 12 @ 40 kg · 4 days ago"


def test_last_time_per_side_holds() -> None:
    sets = [LastSet("2026-11-21", side, None, None, 35) for _ in range(3) for side in ("left", "right")]
    assert last_time_text(sets, date(2026, 11, 22), Unit.KG) == "last 3 × 0:35 each side · yesterday"


def test_last_time_ranges_and_pounds() -> None:
    sets = [LastSet("2026-10-01", None, 12, 40.0, None), LastSet("2026-10-01", None, 10, 45.0, None)]
    # 1 Oct to 22 Nov is 52 days: 7 weeks. 40 kg = 88.2 lb, 45 kg = 99.2 lb.
    assert last_time_text(sets, date(2026, 11, 22), Unit.KG) == "last 2 × 10–12 @ 40–45 kg · 7 weeks ago"
    assert last_time_text(sets, date(2026, 11, 22), Unit.LB) == "last 2 × 10–12 @ 88.2–99.2 lb · 7 weeks ago"
    assert last_load_kg(sets) == 45.0
    assert last_load_kg([LastSet("2026-10-01", None, 12, None, None)]) is None
    assert last_time_text([], date(2026, 11, 22), Unit.KG) == ""


def test_last_time_says_bodyweight_when_only_some_sets_were_loaded() -> None:
    # 12 and 12 at bodyweight, then 10 @ 42.5 kg (93.7 lb): not "3 × 10–12 @ 93.7 lb".
    sets = [LastSet("2026-11-22", None, 12, None, None), LastSet("2026-11-22", None, 12, None, None),
            LastSet("2026-11-22", None, 10, 42.5, None)]
    assert last_time_text(sets, date(2026, 11, 22), Unit.LB) == "last 3 × 10–12 @ bodyweight–93.7 lb · today"
    assert last_load_kg(sets) == 42.5


@pytest.mark.parametrize(
    ("then", "text"),
    [
        (date(2026, 11, 22), "today"),
        (date(2026, 11, 21), "yesterday"),
        (date(2026, 11, 9), "13 days ago"),
        (date(2026, 11, 8), "2 weeks ago"),
        (date(2026, 9, 24), "8 weeks ago"),  # 59 days
        (date(2026, 9, 23), "2 months ago"),  # 60 days
        (date(2025, 11, 22), "a year ago"),
        (date(2023, 11, 22), "3 years ago"),  # 1096 days
    ],
)
def test_ago(then: date, text: str) -> None:
    assert ago(then, date(2026, 11, 22)) == text


# -- typed values -----------------------------------------------------------------------


def test_rpe() -> None:
    assert parse_rpe("") is None
    assert parse_rpe("8") == 8.0
    assert parse_rpe(" 8,5 ") == 8.5
    for bad in ("0", "10.5", "8.25", "abc", "nan", "inf"):
        with pytest.raises(InputProblem):
            parse_rpe(bad)


def test_note_is_cleaned_and_bounded() -> None:
    assert clean_note("  felt\x1b[31m heavy\n ") == "felt heavy"  # the whole escape sequence goes
    assert clean_note("x" * MAX_NOTE_CHARS) == "x" * MAX_NOTE_CHARS
    with pytest.raises(InputProblem):
        clean_note("x" * (MAX_NOTE_CHARS + 1))


def test_session_date() -> None:
    today = date(2026, 11, 22)
    assert parse_session_date("", today) == today
    assert parse_session_date("Yesterday", today) == date(2026, 11, 21)
    assert parse_session_date("-3", today) == date(2026, 11, 19)
    assert parse_session_date("2026-11-01", today) == date(2026, 11, 1)
    for bad in ("tomorrow", "2026-11-23", "2026-02-30", "-400", "22/11"):
        with pytest.raises(InputProblem):
            parse_session_date(bad, today)
