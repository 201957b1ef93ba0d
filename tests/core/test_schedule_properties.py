"""Placement rules that must hold for every running week and race date (hypothesis)."""

from __future__ import annotations

from datetime import date, timedelta

from hypothesis import given, settings
from hypothesis import strategies as st

from runstrong.core.running import Priority, Run, RunKind, RunningCalendar, RunningWeek, UsualDay
from runstrong.core.schedule import DoneSession, Placement, StrengthDay, place_sessions
from runstrong.core.season import load_season_rules, monday, season_day

START = date(2027, 1, 4)
SPAN = 35
RULES = load_season_rules()

weekly_kinds = st.sampled_from([None, RunKind.EASY, RunKind.HARD, RunKind.LONG, RunKind.REST])
weeks = st.lists(weekly_kinds, min_size=7, max_size=7).map(
    lambda kinds: RunningWeek({i: UsualDay(k) for i, k in enumerate(kinds) if k is not None})
)
races = st.lists(
    st.builds(
        lambda offset, priority: Run(START + timedelta(days=offset), RunKind.RACE, 10, "race", priority),
        st.integers(-10, SPAN + 5),
        st.sampled_from(list(Priority)),
    ),
    max_size=3,
)
programs = st.lists(st.booleans(), min_size=1, max_size=3).map(
    lambda legs: [StrengthDay(i, f"Day {i}", leg) for i, leg in enumerate(legs)]
)


@settings(max_examples=150, deadline=None)
@given(weeks, races, programs, st.integers(2, 3), st.integers(0, 6), st.booleans(), st.sets(st.integers(-6, -1), max_size=2))
def test_placement_rules_hold(week, race_list, days, per_week, start_offset, with_season, done_offsets) -> None:  # type: ignore[no-untyped-def]
    calendar = RunningCalendar(week, tuple(race_list))
    start = START + timedelta(days=start_offset)
    season = (lambda d: season_day(d, race_list, RULES)) if with_season else None
    # Sessions already done in the days just before the span: they count in their week and
    # their legs count for the day after.
    done = [DoneSession(start + timedelta(days=o), i % len(days), days[i % len(days)].legs) for i, o in enumerate(sorted(done_offsets))]
    result = place_sessions(calendar, days, per_week, start, SPAN, done=done, season=season)
    by_date = {p.date: p for p in result.placements}
    assert len(by_date) == len(result.placements)  # one session a day at most
    for d in done:
        by_date.setdefault(d.date, Placement(d.date, days[d.day_index], done=True))
    per_monday: dict[date, int] = {}
    for p in by_date.values():
        per_monday[monday(p.date)] = per_monday.get(monday(p.date), 0) + 1
        if p.done:
            continue
        assert start <= p.date < start + timedelta(days=SPAN)
        today = calendar.day(p.date)
        tomorrow = calendar.day(p.date + timedelta(days=1))
        # Never on a race or long-run day, never a leg session before a race.
        assert today.kind not in (RunKind.RACE, RunKind.LONG)
        if p.day.legs:
            assert tomorrow.kind is not RunKind.RACE
            for other in (p.date - timedelta(days=1), p.date + timedelta(days=1)):
                neighbour = by_date.get(other)
                if neighbour is not None:
                    assert not neighbour.day.legs, "two leg sessions on consecutive days"
        if p.legal:
            assert today.kind is not RunKind.HARD
            if p.day.legs:
                assert tomorrow.kind is not RunKind.LONG
        else:
            assert p.warnings, "a least-bad day always says why"
        if season is not None:
            where = season(p.date)
            assert not where.no_strength
            assert not (p.day.legs and where.no_legs)
    assert all(count <= per_week for count in per_monday.values())
