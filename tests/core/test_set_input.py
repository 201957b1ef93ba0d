"""Typing a set's values as people write them: one parser for every field and the CLI."""

from __future__ import annotations

from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from runstrong.core.durations import DurationError, format_duration, parse_duration
from runstrong.core.loads import KG_PER_LB, Unit, format_load, load_number
from runstrong.core.numerals import ascii_digits
from runstrong.core.set_input import InputProblem, parse_hold, parse_load, parse_reps, parse_whole_number


def plain(value: Decimal) -> str:
    """A decimal as a person writes it: no exponent, no trailing zeros ("61.250" -> "61.25")."""
    text = f"{value:f}"
    return text.rstrip("0").rstrip(".") if "." in text else text


# -- loads -----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("typed", "unit", "kg"),
    [
        ("33,5", Unit.KG, 33.5),  # a decimal comma
        ("40kg", Unit.KG, 40.0),
        ("40 kg", Unit.KG, 40.0),
        ("40 KG", Unit.KG, 40.0),
        ("90 lb", Unit.KG, 90 * 0.45359237),  # a typed unit wins over the display unit: 40.8233133 kg
        ("90lbs", Unit.KG, 40.8233133),
        ("40 kg", Unit.LB, 40.0),  # ...in either direction
        ("100", Unit.LB, 45.359237),
        (" 61.25 ", Unit.KG, 61.25),
        (".5", Unit.KG, 0.5),
        ("0", Unit.KG, 0.0),
        ("１２", Unit.KG, 12.0),  # full-width digits
        ("١٢,٥ kg", Unit.LB, 12.5),  # Arabic-Indic digits, a decimal comma and a unit
    ],
)
def test_a_load_is_read_as_people_write_it(typed: str, unit: Unit, kg: float) -> None:
    assert parse_load(typed, unit) == pytest.approx(kg, abs=1e-9)


def test_a_blank_load_is_bodyweight() -> None:
    assert parse_load("  ", Unit.KG) is None


@pytest.mark.parametrize(
    ("typed", "says"),
    [
        ("abc", "Load must be a number of kg from 0 to 1000"),
        ("-5", "from 0 to 1000"),
        ("1_000", "Load must be a number"),  # a Python literal, not a number anyone writes
        ("1,000.5", "Load must be a number"),  # two separators: which is the decimal one?
        ("40 st", "Load must be a number"),
        ("1001", "from 0 to 1000"),
        ("2205 lb", "lb from 0 to 2205"),  # 1000.2 kg; the message is in the unit typed
        ("61.2501", "at most 3 decimals"),
        ("²", "Load must be a number"),
        ("nan", "Load must be a number"),
        ("inf", "Load must be a number"),
    ],
)
def test_a_load_that_cannot_be_meant_is_refused_with_a_reason(typed: str, says: str) -> None:
    with pytest.raises(InputProblem) as problem:
        parse_load(typed, Unit.KG)
    assert says in str(problem.value)


@pytest.mark.parametrize(
    ("kg", "unit", "shown"),
    [
        (61.25, Unit.KG, "61.25 kg"),  # typed precision is kept, not cut to 61.2
        (46.25 * KG_PER_LB, Unit.LB, "46.25 lb"),  # typed in lb, shown in lb as typed
        (40.0, Unit.KG, "40 kg"),
        (40.0, Unit.LB, "88.2 lb"),  # 40 / 0.45359237 = 88.1849 lb: a conversion, one decimal
        (45 * KG_PER_LB, Unit.KG, "20.4 kg"),  # 45 lb = 20.4117 kg
        (1.125, Unit.KG, "1.125 kg"),
        (0.0, Unit.KG, "0 kg"),
    ],
)
def test_a_load_is_shown_at_the_precision_it_was_typed(kg: float, unit: Unit, shown: str) -> None:
    assert format_load(kg, unit) == shown


@given(value=st.decimals(min_value=0, max_value=1000, places=3), unit=st.sampled_from(Unit), comma=st.booleans(),
       suffix=st.sampled_from(["", " {unit}", "{unit}"]))
def test_a_typed_load_is_shown_back_exactly_as_typed(value: Decimal, unit: Unit, comma: bool, suffix: str) -> None:
    typed = f"{value:f}"
    if comma:
        typed = typed.replace(".", ",")
    kg = parse_load(typed + suffix.format(unit=unit.value), unit)
    assert kg is not None
    assert load_number(kg, unit) == plain(value)


@given(value=st.decimals(min_value=0, max_value=2204, places=3))
def test_a_load_typed_in_lb_in_kg_mode_shows_as_typed_when_the_display_turns_to_lb(value: Decimal) -> None:
    kg = parse_load(f"{value:f} lb", Unit.KG)
    assert kg is not None
    assert load_number(kg, Unit.LB) == plain(value)


@given(digits=st.integers(min_value=0, max_value=999))
def test_digits_of_any_script_read_the_same_everywhere(digits: int) -> None:
    arabic_indic = "".join(chr(0x0660 + int(d)) for d in str(digits))
    full_width = "".join(chr(0xFF10 + int(d)) for d in str(digits))
    for typed in (arabic_indic, full_width):
        assert ascii_digits(typed) == str(digits)
        assert parse_load(typed, Unit.KG) == digits
        if digits:
            assert parse_reps(typed) == digits
            assert parse_duration(typed) == digits
            assert parse_hold(typed + "s") == digits


@pytest.mark.parametrize("typed", ["1_000", "1_0", "1__0"])
def test_an_underscore_in_a_number_is_refused_in_every_field(typed: str) -> None:
    with pytest.raises(InputProblem):
        parse_reps(typed)
    with pytest.raises(InputProblem):
        parse_load(typed, Unit.KG)
    with pytest.raises(InputProblem):
        parse_hold(typed)
    with pytest.raises(DurationError):
        parse_duration(typed)


# -- reps and whole numbers ------------------------------------------------------------------


@pytest.mark.parametrize("typed", ["2.5", "-3", "0", "1001", "²", "3 reps", "12a"])
def test_reps_are_a_whole_number_from_1_to_1000(typed: str) -> None:
    with pytest.raises(InputProblem) as problem:
        parse_reps(typed)
    assert str(problem.value) == "Reps must be a whole number from 1 to 1000"


def test_a_whole_number_names_what_was_asked_for() -> None:
    assert parse_whole_number(" 7 ", "--sets", 1, 20) == 7
    with pytest.raises(InputProblem, match="--sets must be a whole number from 1 to 20"):
        parse_whole_number("21", "--sets", 1, 20)


# -- durations -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("seconds", "written"),
    [(0, "0:00"), (5, "0:05"), (45, "0:45"), (65, "1:05"), (600, "10:00"), (3599, "59:59"), (3600, "1:00:00"),
     (3725, "1:02:05"), (0.2, "0:01"), (44.001, "0:45")],
)
def test_a_duration_is_written_one_way(seconds: float, written: str) -> None:
    assert format_duration(seconds) == written


@given(seconds=st.integers(min_value=1, max_value=3600))
def test_a_written_duration_reads_back_as_the_same_seconds(seconds: int) -> None:
    assert parse_duration(format_duration(seconds)) == seconds


@given(seconds=st.integers(min_value=1, max_value=3600))
def test_every_way_of_typing_a_duration_is_written_back_the_same_way(seconds: int) -> None:
    minutes, secs = divmod(seconds, 60)
    forms = [str(seconds), f"{seconds}s"] + ([f"{minutes}m{secs}s", f"{minutes}:{secs:02d}"] if minutes < 100 else [])
    assert {format_duration(parse_duration(form)) for form in forms} == {format_duration(seconds)}


def test_minutes_after_hours_must_be_two_digits_under_60() -> None:
    with pytest.raises(DurationError):
        parse_duration("1:60:00", maximum=10_000)
    assert parse_duration("1:02:05", maximum=10_000) == 3725


def test_history_dates_follow_the_same_digit_rule() -> None:
    from runstrong.widgets.history_filter import parse_day

    assert parse_day("٢٠٢٦-١١-٢٢") == "2026-11-22"
    assert parse_day("２０２６-０３") == "2026-03-01"
    with pytest.raises(InputProblem):
        parse_day("2_026-11-22")


def test_the_hold_message_writes_durations_one_way() -> None:
    from runstrong.core.set_input import InputProblem, parse_hold

    with pytest.raises(InputProblem) as problem:
        parse_hold("0")
    assert str(problem.value) == "Hold must be 0:01 to 60:00, as 45, 45s or 1:30"


def test_the_longest_duration_is_written_one_way() -> None:
    from runstrong.core.durations import DurationError, parse_duration

    with pytest.raises(DurationError) as problem:
        parse_duration("61:00")
    assert str(problem.value) == "invalid duration '61:00': at most 1:00:00"
