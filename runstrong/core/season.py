"""Seasons from the runner's A and B races: which phase and which kind of week a date falls in.

Phases (seed 001 periodises by running season, seed 003 cycles mesocycles with deloads):
  off-season  far from a race: blocks of hypertrophy -> strength -> power, each `build_weeks` of
              build and `deload_weeks` of deload (3 + 1, ours). Before a race the blocks are counted
              back from the start of in-season, so the power block leads into it; after the last
              race they start again with hypertrophy when recovery ends; with no race at all they
              are counted from a fixed Monday (`anchor`), so a date's week never depends on the day
              the plan was asked for.
  in-season   the last calendar weeks before a race: maintenance, fewer sets, no new maxima.
  taper       the last days before a race: light work, no heavy legs.
  race        the race day itself: no strength.
  recovery    the days after a race: light work, none at first.
Where windows overlap the nearer, more protective one wins: race > taper > recovery > in-season.
The numbers live in data/seasons.toml (all ours); docs/plan.md explains them.
"""

from __future__ import annotations

import functools
from collections.abc import Sequence
from datetime import date, timedelta
from pathlib import Path
from typing import Any, NamedTuple

import tomli

from runstrong.core.plurals import count_of
from runstrong.core.running import Priority, Run

OFF_SEASON = "off-season"
IN_SEASON = "in-season"
TAPER = "taper"
RACE = "race"
RECOVERY = "recovery"

BUILD = "build"
DELOAD = "deload"
MAINTENANCE = "maintenance"


class SeasonDataError(ValueError):
    """data/seasons.toml is missing a key or holds a wrong value; the message says which."""


class WeekRules(NamedTuple):
    """How one kind of week changes a prescription (factors multiply the program's numbers)."""

    name: str
    label: str
    sets_factor: float
    reps_factor: float
    load_factor: float
    rest_factor: float
    progress: bool
    """False: targets may not go up this week (deload, in-season, taper, recovery)."""
    note: str
    ours: bool


class RaceWindow(NamedTuple):
    """Days and weeks around a race of one priority (all ours)."""

    in_season_weeks: int
    taper_days: int
    no_legs_days_before: int
    recovery_days: int
    no_strength_days_after: int


class ProgressionRules(NamedTuple):
    """The numbers of core.progression, from data/seasons.toml [progression]. All are ours (the
    seed articles only say to progress in small steps, 003); the table is marked `ours = true`."""

    increment_kg: float
    """The smallest load step in kg (2.5) when the display unit is kg."""
    increment_lb: float
    """The smallest load step in lb (5.0) when the display unit is lb."""
    hold_step_s: int
    """Seconds added to a hold when every set was held in full (5)."""
    rep_span: int
    """Reps above a single rep number that make its range (4: 10 → 10–14)."""
    hold_span_s: int
    """Seconds above a single hold time that make its range (15: 30 s → 30–45 s)."""
    misses_to_lower: int
    """Missed sessions in a row that lower a target (2)."""
    lower_factor: float
    """A lowered load as a fraction of the last (0.9), rounded to the step."""
    extra_sets: int
    """Sets added once at the top of a bodyweight or hold range (1)."""


class SeasonRules(NamedTuple):
    """Everything data/seasons.toml says. Its numbers are ours (every table is marked
    `ours = true`); the ideas (off-season blocks, deloads, in-season maintenance, a taper, easing
    off around races) are the seed articles'."""

    blocks: tuple[str, ...]
    """Off-season mesocycles in order: hypertrophy, strength, power."""
    build_weeks: int
    """Weeks of build in each block, before its deload."""
    deload_weeks: int
    """Deload weeks that end each block."""
    anchor: date
    """The Monday blocks are counted from when there is no race (so a date's block never moves)."""
    windows: dict[Priority, RaceWindow]
    """Days and weeks around a race, per race priority A, B, C."""
    weeks: dict[str, WeekRules]
    """Each kind of week's factors on sets, reps, load and rest, by name (build, deload, ...)."""
    progression: ProgressionRules

    @property
    def block_weeks(self) -> int:
        """Weeks in one block: build then deload."""
        return self.build_weeks + self.deload_weeks


class SeasonDay(NamedTuple):
    """Where one date sits in the season."""

    date: date
    phase: str
    """off-season | in-season | taper | race | recovery"""
    week: str
    """build | deload | maintenance | taper | race | recovery"""
    block: str | None
    """hypertrophy | strength | power in the off-season, else None"""
    block_week: int | None
    """1-based week within the block (build weeks first, then deload), off-season only"""
    rules: WeekRules
    race: Run | None = None
    """The race this phase is about (the next one, or the last one for recovery)."""
    no_legs: bool = False
    """No leg session this day (the last days before a race)."""
    no_strength: bool = False
    """No strength session this day (race day, the first days after a race)."""

    @property
    def label(self) -> str:
        """ "strength block, week 2", "deload week", "in-season", "taper: City Half in 6 days"."""
        if self.phase == OFF_SEASON and self.week == BUILD and self.block_week is not None:
            return f"{self.rules.label}, week {self.block_week}"
        if self.race is not None and self.phase in (IN_SEASON, TAPER):
            days = (self.race.date - self.date).days
            return f"{self.rules.label}: {self.race.name or 'race'} in {count_of(days, 'day')}"
        return self.rules.label


PROGRAM_AS_WRITTEN = WeekRules(
    name="program",
    label="program as written",
    sets_factor=1.0,
    reps_factor=1.0,
    load_factor=1.0,
    rest_factor=1.0,
    progress=True,
    note="",
    ours=False,
)
"""The week of a runner who has entered no running: nothing is scaled (see `unshaped_day`)."""


def unshaped_day(when: date) -> SeasonDay:
    """A date for a runner who has entered no running week, run or race: the program as written.
    Seasons shape sessions only once the runner has told runstrong about their running."""
    return SeasonDay(date=when, phase=OFF_SEASON, week=BUILD, block=None, block_week=None, rules=PROGRAM_AS_WRITTEN)


def monday(day: date) -> date:
    return day - timedelta(days=day.weekday())


def season_day(when: date, races: Sequence[Run], rules: SeasonRules) -> SeasonDay:
    """The phase and week of `when` given the runner's races (only A and B races shape it).

    `races` may hold any races; C races and non-races are ignored here.
    """
    shaping = sorted(
        (r for r in races if r.is_race and r.race_priority in (Priority.A, Priority.B)),
        key=lambda r: r.date,
    )
    upcoming = [r for r in shaping if r.date >= when]
    past = [r for r in shaping if r.date < when]

    if upcoming and upcoming[0].date == when:
        return _day(when, RACE, RACE, rules, race=upcoming[0], no_strength=True, no_legs=True)
    # The taper of any upcoming race whose window covers today (the nearest first).
    for race in upcoming:
        window = rules.windows[race.race_priority]
        days_left = (race.date - when).days
        if days_left <= window.taper_days:
            return _day(
                when, TAPER, TAPER, rules, race=race, no_legs=days_left <= window.no_legs_days_before
            )
    for race in reversed(past):
        window = rules.windows[race.race_priority]
        days_after = (when - race.date).days
        if days_after <= window.recovery_days:
            return _day(
                when, RECOVERY, RECOVERY, rules, race=race,
                no_strength=days_after <= window.no_strength_days_after,
            )
    for race in upcoming:
        if when >= _in_season_start(race, rules):
            return _day(when, IN_SEASON, MAINTENANCE, rules, race=race)

    # Off-season: find the Monday the block count runs from, and in which direction.
    if upcoming:
        start = _in_season_start(upcoming[0], rules)
        weeks_before = (start - monday(when)).days // 7  # >= 1 here
        # The block just before in-season is the last in `order` (power), ending with its deload.
        blocks_back = (weeks_before - 1) // rules.block_weeks
        week_in_block = rules.block_weeks - (weeks_before - 1) % rules.block_weeks
        block_index = (len(rules.blocks) - 1 - blocks_back) % len(rules.blocks)
    else:
        if past:
            # Recovery is over (checked above), so this Monday is never after `when`'s.
            last = past[-1]
            recovery = rules.windows[last.race_priority].recovery_days
            origin = monday(last.date + timedelta(days=recovery + 1))
        else:
            origin = monday(rules.anchor)
        weeks_since = (monday(when) - origin).days // 7
        block_index = (weeks_since // rules.block_weeks) % len(rules.blocks)
        week_in_block = weeks_since % rules.block_weeks + 1
    block = rules.blocks[block_index]
    week = BUILD if week_in_block <= rules.build_weeks else DELOAD
    return SeasonDay(
        date=when,
        phase=OFF_SEASON,
        week=week,
        block=block,
        block_week=week_in_block,
        rules=rules.weeks[block if week == BUILD else DELOAD],
    )


def _in_season_start(race: Run, rules: SeasonRules) -> date:
    weeks = rules.windows[race.race_priority].in_season_weeks
    return monday(race.date) - timedelta(weeks=max(weeks - 1, 0))


def _day(
    when: date, phase: str, week: str, rules: SeasonRules, *, race: Run,
    no_legs: bool = False, no_strength: bool = False,
) -> SeasonDay:
    return SeasonDay(
        date=when, phase=phase, week=week, block=None, block_week=None,
        rules=rules.weeks[week], race=race, no_legs=no_legs, no_strength=no_strength,
    )


@functools.cache
def load_season_rules() -> SeasonRules:
    """Read data/seasons.toml once per process; SeasonDataError if it is broken."""
    path = Path(__file__).resolve().parent.parent / "data" / "seasons.toml"
    try:
        table = tomli.loads(path.read_text(encoding="utf-8"))
    except tomli.TOMLDecodeError as err:
        raise SeasonDataError(f"seasons.toml: {err}") from err
    return parse_season_rules(table)


def parse_season_rules(table: dict[str, Any]) -> SeasonRules:
    """Check the parsed seasons.toml and build SeasonRules; SeasonDataError names the bad key."""
    try:
        blocks = table["blocks"]
        weeks = {
            name: WeekRules(
                name=name,
                label=str(spec["label"]),
                sets_factor=float(spec["sets_factor"]),
                reps_factor=float(spec["reps_factor"]),
                load_factor=float(spec["load_factor"]),
                rest_factor=float(spec["rest_factor"]),
                progress=bool(spec["progress"]),
                note=str(spec["note"]),
                ours=bool(spec.get("ours", False)),
            )
            for name, spec in table["week"].items()
        }
        windows = {
            Priority(name): RaceWindow(
                in_season_weeks=int(spec["in_season_weeks"]),
                taper_days=int(spec["taper_days"]),
                no_legs_days_before=int(spec["no_legs_days_before"]),
                recovery_days=int(spec["recovery_days"]),
                no_strength_days_after=int(spec["no_strength_days_after"]),
            )
            for name, spec in table["race"].items()
        }
        progression = ProgressionRules(
            **{key: value for key, value in table["progression"].items() if key != "ours"}
        )
        rules = SeasonRules(
            blocks=tuple(blocks["order"]),
            build_weeks=int(blocks["build_weeks"]),
            deload_weeks=int(blocks["deload_weeks"]),
            anchor=blocks["anchor"],
            windows=windows,
            weeks=weeks,
            progression=progression,
        )
    except (KeyError, TypeError, ValueError) as err:
        raise SeasonDataError(f"seasons.toml: missing or wrong value ({err})") from err
    needed = set(rules.blocks) | {DELOAD, MAINTENANCE, TAPER, RECOVERY, RACE}
    if missing := needed - set(weeks):
        raise SeasonDataError(f"seasons.toml: no [week.{sorted(missing)[0]}] table")
    if set(windows) != {Priority.A, Priority.B}:
        raise SeasonDataError("seasons.toml: give [race.A] and [race.B]")
    if not isinstance(rules.anchor, date) or rules.anchor.weekday() != 0:
        raise SeasonDataError("seasons.toml: blocks.anchor must be a Monday date")
    return rules
