"""`runstrong timer`: every DURATION form a runner types works, and every bad one is one line, exit 2."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from runstrong.cli import build_parser, main
from runstrong.errors import UsageError
from runstrong.core.catalog import load_catalog
from runstrong.core.holdclock import TimerPlan
from runstrong.quick_timer import QuickTimer, quick_timer_from_args


def quick(*argv: str) -> QuickTimer:
    return quick_timer_from_args(build_parser().parse_args(["timer", *argv]), load_catalog())


def run_main(args: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    with pytest.raises(SystemExit) as exited:
        main(args)
    out, err = capsys.readouterr()
    return int(exited.value.code or 0), out, err


@pytest.mark.parametrize(
    ("text", "seconds"),
    [("45", 45), ("45s", 45), ("1:30", 90), ("2m", 120), ("1m30s", 90), ("60:00", 3600), ("0:05", 5), ("1S", 1)],
)
def test_every_duration_form_is_accepted(text: str, seconds: int) -> None:
    assert quick(text).plan.hold_s == seconds


def test_defaults_are_one_set_five_seconds_lead_and_a_logged_generic_hold() -> None:
    assert quick("45s") == QuickTimer(
        plan=TimerPlan(hold_s=45, sets=1, sides=False, lead_s=5, rest_s=0),
        exercise_id="hold",
        exercise="Hold",
        log=True,
    )


def test_every_option_is_taken() -> None:
    timer = quick("1:00", "--sides", "--sets", "3", "--rest", "1m30s", "--lead", "10s", "--exercise", "plank", "--no-log")
    assert timer.plan == TimerPlan(hold_s=60, sets=3, sides=True, lead_s=10, rest_s=90)
    assert (timer.exercise_id, timer.exercise, timer.log) == ("plank", "Plank", False)


def test_zero_rest_and_zero_lead_are_allowed() -> None:
    plan = quick("30", "--rest", "0", "--lead", "0s").plan
    assert (plan.rest_s, plan.lead_s) == (0, 0)


def test_exercise_names_are_matched_loosely_and_per_side_exercises_time_both_sides() -> None:
    timer = quick("20s", "--exercise", "Copenhagen")
    assert (timer.exercise_id, timer.exercise, timer.plan.sides) == ("copenhagen-plank", "Copenhagen plank", True)
    assert quick("20s", "--exercise", "side plank").exercise_id == "side-plank"


def test_numbers_read_the_same_as_in_the_app_digits_of_any_script_count() -> None:
    timer = quick("١:٣٠", "--sets", "３", "--rest", "４５s")
    assert (timer.plan.hold_s, timer.plan.sets, timer.plan.rest_s) == (90, 3, 45)


@pytest.mark.parametrize(
    ("argv", "names"),
    [
        (["abc"], "1:30"),
        (["0"], "longer than 0"),
        (["1:99"], "1:30"),
        (["61:00"], "at most 1:00:00"),
        (["2h"], "1:30"),
        (["1m75s"], "0-59"),
        (["30", "--rest", "abc"], "--rest"),
        (["30", "--rest=-5s"], "--rest"),
        (["30", "--lead", "2h"], "--lead"),
        (["30", "--sets", "0"], "1 to 20"),
        (["30", "--sets", "21"], "1 to 20"),
        (["30", "--sets", "1_0"], "1 to 20"),  # refused here as in every field of the app
        (["1_000"], "1:30"),
        (["30", "--sets", "2.5"], "1 to 20"),
        (["30", "--exercise", "flying"], "runstrong exercises"),
        (["30", "--exercise", "squat"], "plank"),
    ],
)
def test_bad_arguments_raise_one_line_naming_what_is_accepted(argv: list[str], names: str) -> None:
    with pytest.raises(UsageError) as raised:
        quick(*argv)
    message = str(raised.value)
    assert message.startswith("runstrong timer: ") and "\n" not in message
    assert names in message


@pytest.mark.parametrize(
    "argv",
    [
        ["timer", "abc"],
        ["timer", "-5s"],
        ["timer", "--", "-5s"],
        ["timer", "0"],
        ["timer", "1:99"],
        ["timer", "61:00"],
        ["timer", "2h"],
        ["timer", "30", "--sets", "abc"],
        ["timer", "30", "--sets", "99"],
        ["timer", "30", "--lead=-5s"],
        ["timer", "30", "--exercise", "nope"],
        ["timer"],
    ],
)
def test_main_rejects_bad_timer_arguments_with_exit_2_and_one_line(argv: list[str], capsys: pytest.CaptureFixture[str]) -> None:
    status, out, err = run_main(argv, capsys)
    assert status == 2
    assert out == ""
    assert len(err.splitlines()) == 1 and err.endswith("\n")
    assert "Traceback" not in err and err.startswith("runstrong timer: ")


def test_a_bad_duration_from_a_real_process_is_one_line_and_exit_2(tmp_path: Path) -> None:
    env = {**os.environ, "RUNSTRONG_DB": str(tmp_path / "never.db")}
    done = subprocess.run(
        [sys.executable, "-m", "runstrong", "timer", "abc"],
        capture_output=True,
        text=True,
        env=env,
        timeout=60,
    )
    assert done.returncode == 2
    assert done.stdout == ""
    assert done.stderr.splitlines() == [
        "runstrong timer: DURATION: invalid duration 'abc': use seconds as 45 or 45s, minutes as 2m, or 1:30 or 1m30s"
    ]
    assert not (tmp_path / "never.db").exists()
