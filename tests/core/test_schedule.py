"""Placing strength sessions, worked by hand. Week of Monday 4 January 2027 unless said."""

from __future__ import annotations

from datetime import date, timedelta

from runstrong.core.catalog import load_catalog
from runstrong.core.running import Priority, Run, RunKind, RunningCalendar, parse_week_spec
from runstrong.core.schedule import (
    DoneSession,
    StrengthDay,
    advise_today,
    place_sessions,
    program_days,
    sessions_per_week,
)
from runstrong.core.season import load_season_rules, season_day

MON = date(2027, 1, 4)
A, B, C = (StrengthDay(0, "A", True), StrengthDay(1, "B", True), StrengthDay(2, "C", True))


def cal(*spec: str, runs: tuple[Run, ...] = ()) -> RunningCalendar:
    return RunningCalendar(parse_week_spec(list(spec)), runs)


def weekdays(result, week_start: date = MON) -> list[str]:  # type: ignore[no-untyped-def]
    names = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"]
    return [names[p.date.weekday()] for p in result.placements if week_start <= p.date < week_start + timedelta(days=7)]


def test_long_runs_on_saturday_and_sunday() -> None:
    week = cal("mon=easy", "tue=hard", "wed=easy", "thu=hard", "fri=easy", "sat=long", "sun=long")
    # Legal: Mon (easy) and Wed (easy). Fri is easy but Saturday is long; Tue/Thu are hard.
    result = place_sessions(week, [A, B], 2, MON, 7)
    assert weekdays(result) == ["mon", "wed"]
    assert [p.day.name for p in result.placements] == ["A", "B"]
    assert all(p.legal for p in result.placements)
    # Three a week: only Mon and Wed are legal; the least bad third is Fri (only "long run
    # tomorrow"); Tue and Thu sit next to a leg session.
    result = place_sessions(week, [A, B, C], 3, MON, 7)
    assert weekdays(result) == ["mon", "wed", "fri"]
    friday = result.placements[2]
    assert not friday.legal
    assert friday.warnings == (
        "week of 2027-01-04: only 2 legal days for 3 sessions; least bad day",
        "long run tomorrow: keep the legs light today",
    )
    assert result.week_warnings[MON] == ("week of 2027-01-04: only 2 legal days for 3 sessions",)


def test_back_to_back_hard_days() -> None:
    week = cal("mon=hard", "tue=hard", "wed=easy", "thu=easy", "fri=rest", "sat=long", "sun=easy")
    # Legal: Wed, Thu, Sun (Fri is before the long run). Pairs without consecutive days:
    # Wed+Sun (gaps 4 and 3 round the week) and Thu+Sun (3 and 4): tie on spread; Wed+Sun has
    # two easy days, Thu+Sun two too; the earlier wins: Wed+Sun.
    result = place_sessions(week, [A, B], 2, MON, 7)
    assert weekdays(result) == ["wed", "sun"]


def test_a_race_midweek() -> None:
    week = cal("mon=easy", "tue=hard", "wed=easy", "thu=easy", "fri=easy", "sat=long", "sun=rest")
    # Without the race: legal Mon, Wed, Thu, Sun; best spread round the week: Mon+Thu (3 and 4).
    assert weekdays(place_sessions(week, [A, B], 2, MON, 7)) == ["mon", "thu"]
    race = Run(date(2027, 1, 7), RunKind.RACE, 10, "Winter 10k", Priority.C)
    with_race = cal("mon=easy", "tue=hard", "wed=easy", "thu=easy", "fri=easy", "sat=long", "sun=rest", runs=(race,))
    # The race on Thursday takes Thu, and Wed is the day before it: Mon and Sun remain.
    result = place_sessions(with_race, [A, B], 2, MON, 7)
    assert weekdays(result) == ["mon", "sun"]
    assert all(p.legal for p in result.placements)


def test_only_one_legal_day() -> None:
    week = cal("mon=hard", "tue=long", "wed=hard", "thu=easy", "fri=hard", "sat=long", "sun=long")
    # Thu is the only legal day. Least bad second: Mon (hard, long run tomorrow); Wed and Fri
    # touch Thursday's leg session; Sat and Sun are long-run days.
    result = place_sessions(week, [A, B], 2, MON, 7)
    assert weekdays(result) == ["mon", "thu"]
    monday, thursday = result.placements
    assert thursday.legal and not monday.legal
    assert monday.warnings[1:] == (
        "hard run today: run first, keep the strength session short",
        "long run tomorrow: keep the legs light today",
    )


def test_no_legal_day_and_no_tolerable_one_is_said_plainly() -> None:
    week = cal(*(f"{d}=long" for d in ("mon", "tue", "wed", "thu", "fri", "sat", "sun")))
    result = place_sessions(week, [A, B], 2, MON, 7)
    assert result.placements == ()
    assert result.week_warnings[MON] == ("week of 2027-01-04: only 0 legal days for 2 sessions; no day can take one",)


def test_done_sessions_move_the_rest_of_the_week() -> None:
    week = cal("mon=easy", "tue=easy", "wed=easy", "thu=easy", "fri=easy", "sat=long", "sun=rest")
    # Planned from Monday: Mon+Thu (spread 3/4). Done on Tuesday instead (day A), planning from
    # Wednesday: one more this week, not Wed (after Tuesday's legs) nor Fri (long run Sat):
    # Thu; day B follows day A.
    result = place_sessions(week, [A, B], 2, MON + timedelta(days=2), 5, done=[DoneSession(MON + timedelta(days=1), 0)])
    assert weekdays(result) == ["thu"]
    assert result.placements[0].day.name == "B"
    # Done twice already: nothing more this week.
    done = [DoneSession(MON, 0), DoneSession(MON + timedelta(days=2), 1)]
    result = place_sessions(week, [A, B], 2, MON + timedelta(days=3), 4, done=done)
    assert result.placements == ()


def test_skipped_day_is_not_used() -> None:
    week = cal("mon=easy", "tue=easy", "wed=easy", "thu=easy", "fri=easy", "sat=long", "sun=rest")
    result = place_sessions(week, [A, B], 2, MON, 7, skipped=[MON])
    # Without Monday: Tue, Wed, Thu, Sun legal; Tue+Thu (2/5) vs Tue+Sun (5/2) vs Wed+Sun (4/3): Wed+Sun.
    assert weekdays(result) == ["wed", "sun"]


def test_taper_keeps_the_legs_out_of_the_last_days() -> None:
    rules = load_season_rules()
    race = Run(date(2027, 5, 23), RunKind.RACE, 42.2, "Marathon", Priority.A)
    week = cal("mon=easy", "tue=easy", "wed=easy", "thu=easy", "fri=easy", "sat=rest", "sun=rest", runs=(race,))
    result = place_sessions(week, [A, B], 2, date(2027, 5, 17), 7, season=lambda d: season_day(d, [race], rules))
    # No legs from 19 May (4 days out); Sat 22 is race eve: only Mon 17 and Tue 18 are legal,
    # and they are consecutive: one session, and no least-bad day forced into a race week.
    assert [p.date for p in result.placements] == [date(2027, 5, 17)]
    assert result.week_warnings[date(2027, 5, 17)] == (
        "week of 2027-05-17: 1 of 2 sessions, fewer on purpose around the race",
    )


def test_today_advice_names_the_rule_and_the_next_day() -> None:
    week = cal("mon=easy", "tue=hard", "wed=easy", "thu=easy", "fri=easy", "sat=long", "sun=rest")
    result = place_sessions(week, [A, B], 2, MON, 7)  # Mon and Thu
    friday = MON + timedelta(days=4)
    done = [DoneSession(MON, 0), DoneSession(MON + timedelta(days=3), 1)]
    later = place_sessions(week, [A, B], 2, friday, 10, done=done)
    advice = advise_today(week, later, friday, done=done)
    # Friday, both sessions done: long run Saturday; the next session is Monday 11 January.
    assert later.placements[0].date == date(2027, 1, 11)
    assert advice.warning == "Long run tomorrow: legs light today, or move this session to Monday"
    assert advise_today(week, result, MON).warning is None
    assert advise_today(week, result, MON).placement == result.placements[0]
    tuesday = advise_today(week, result, MON + timedelta(days=1))
    assert tuesday.warning == "Hard run today: move this session to Thursday, or keep it short after the run"
    wednesday = advise_today(week, result, MON + timedelta(days=2), done=[DoneSession(MON, 0)])
    assert wednesday.warning == "Not a planned strength day: the plan has the next one on Thursday"


def test_program_days_and_sessions_per_week() -> None:
    catalog = load_catalog()
    beginner = catalog.program("beginner")
    assert [(d.name, d.legs) for d in program_days(beginner, catalog)] == [("Workout A", True), ("Workout B", True)]
    assert sessions_per_week(beginner) == 2
    assert sessions_per_week(catalog.program("advanced")) == 3
    assert sessions_per_week(catalog.program("key-six")) == 2  # one day, done twice a week
