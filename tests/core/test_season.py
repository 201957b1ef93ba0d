"""Phases and weeks over a season, worked out by hand from data/seasons.toml (3 build + 1 deload,
A race: 6 in-season weeks, 10 taper days, no legs in the last 4, 14 recovery days)."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from runstrong.core.running import Priority, Run, RunKind
from runstrong.core.season import (
    SeasonDataError,
    load_season_rules,
    monday,
    parse_season_rules,
    season_day,
)

RULES = load_season_rules()
# An A race on Sunday 23 May 2027; week 1 of a 20-week lead-up starts Monday 4 January 2027.
RACE = Run(date(2027, 5, 23), RunKind.RACE, 21.1, "City Half", Priority.A)
WEEK1 = date(2027, 1, 4)


def week_monday(n: int) -> date:
    return WEEK1 + timedelta(weeks=n - 1)


def test_twenty_week_lead_up_to_an_a_race() -> None:
    # In-season = the race week and the 5 before: weeks 15..20 (from Monday 12 April).
    # Off-season weeks 1..14 counted back from week 14 in blocks of 4, the last one power:
    #   week 14 power deload, 11-13 power build, 10 strength deload, 7-9 strength build,
    #   6 hypertrophy deload, 3-5 hypertrophy build, 2 power deload, 1 power build week 3.
    expected = {
        1: ("off-season", "build", "power", 3),
        2: ("off-season", "deload", "power", 4),
        3: ("off-season", "build", "hypertrophy", 1),
        5: ("off-season", "build", "hypertrophy", 3),
        6: ("off-season", "deload", "hypertrophy", 4),
        7: ("off-season", "build", "strength", 1),
        10: ("off-season", "deload", "strength", 4),
        11: ("off-season", "build", "power", 1),
        13: ("off-season", "build", "power", 3),
        14: ("off-season", "deload", "power", 4),
        15: ("in-season", "maintenance", None, None),
        18: ("in-season", "maintenance", None, None),
    }
    for n, (phase, week, block, block_week) in expected.items():
        for offset in range(7):  # every day of the week agrees
            day = season_day(week_monday(n) + timedelta(days=offset), [RACE], RULES)
            assert (day.phase, day.week, day.block, day.block_week) == (phase, week, block, block_week), n


def test_deload_every_fourth_week_in_the_off_season() -> None:
    weeks = [season_day(week_monday(n), [RACE], RULES).week for n in range(1, 15)]
    assert [n for n, w in enumerate(weeks, 1) if w == "deload"] == [2, 6, 10, 14]


def test_taper_race_day_and_recovery() -> None:
    # Taper: the last 10 days (13..22 May); no legs in the last 4 (19..22 May).
    assert season_day(date(2027, 5, 12), [RACE], RULES).phase == "in-season"
    taper = season_day(date(2027, 5, 13), [RACE], RULES)
    assert (taper.phase, taper.no_legs) == ("taper", False)
    assert taper.label == "taper: City Half in 10 days"
    assert season_day(date(2027, 5, 18), [RACE], RULES).no_legs is False
    assert season_day(date(2027, 5, 19), [RACE], RULES).no_legs is True
    race = season_day(date(2027, 5, 23), [RACE], RULES)
    assert (race.phase, race.no_strength) == ("race", True)
    # Recovery 24 May .. 6 June; no strength the first 3 days (24..26 May).
    assert season_day(date(2027, 5, 26), [RACE], RULES).no_strength is True
    after = season_day(date(2027, 5, 27), [RACE], RULES)
    assert (after.phase, after.no_strength) == ("recovery", False)
    assert season_day(date(2027, 6, 6), [RACE], RULES).phase == "recovery"


def test_after_the_last_race_blocks_restart_with_hypertrophy() -> None:
    # Recovery ends 6 June (Sunday); Monday 7 June starts hypertrophy week 1.
    first = season_day(date(2027, 6, 7), [RACE], RULES)
    assert (first.phase, first.block, first.block_week) == ("off-season", "hypertrophy", 1)
    assert season_day(date(2027, 6, 28), [RACE], RULES).week == "deload"  # week 4
    assert season_day(date(2027, 7, 5), [RACE], RULES).block == "strength"


def test_no_race_counts_blocks_from_the_anchor_monday() -> None:
    # Anchor Monday 1 January 2024. 4 March 2024 is 9 weeks later: block 3 (power), week 2.
    day = season_day(date(2024, 3, 6), [], RULES)
    assert (day.phase, day.block, day.block_week, day.week) == ("off-season", "power", 2, "build")
    # The same date gives the same answer whatever else is asked: no dependence on "today".
    assert season_day(date(2024, 3, 6), [], RULES) == day


def test_c_races_and_runs_do_not_shape_the_season() -> None:
    c_race = Run(date(2027, 1, 10), RunKind.RACE, 5, "Parkrun", Priority.C)
    long_run = Run(date(2027, 1, 9), RunKind.LONG, 25)
    assert season_day(date(2027, 1, 8), [c_race, long_run], RULES) == season_day(date(2027, 1, 8), [], RULES)


def test_b_race_windows_are_shorter() -> None:
    b_race = Run(date(2027, 3, 14), RunKind.RACE, 10, "10k", Priority.B)  # a Sunday
    # In-season = the race week (from 8 March) and the 2 before: from Monday 22 February;
    # taper 5 days: 9..13 March; recovery 7 days: 15..21 March.
    assert season_day(date(2027, 2, 21), [b_race], RULES).phase == "off-season"
    assert season_day(date(2027, 2, 22), [b_race], RULES).phase == "in-season"
    assert season_day(date(2027, 3, 8), [b_race], RULES).phase == "in-season"
    assert season_day(date(2027, 3, 9), [b_race], RULES).phase == "taper"
    assert season_day(date(2027, 3, 21), [b_race], RULES).phase == "recovery"
    assert season_day(date(2027, 3, 22), [b_race], RULES).phase == "off-season"


def test_taper_of_a_near_race_wins_over_recovery_from_the_last() -> None:
    b_race = Run(date(2027, 5, 16), RunKind.RACE, 10, "Tune-up", Priority.B)
    # 18 May: 2 days after the B race (recovery) and 5 days before the A race (taper): taper.
    assert season_day(date(2027, 5, 18), [b_race, RACE], RULES).phase == "taper"


def test_every_number_in_seasons_toml_is_marked_ours() -> None:
    assert all(week.ours for week in RULES.weeks.values())


def test_broken_season_data_names_the_problem() -> None:
    with pytest.raises(SeasonDataError, match="seasons.toml"):
        parse_season_rules({"blocks": {}})


def test_monday() -> None:
    assert monday(date(2027, 5, 23)) == date(2027, 5, 17)
