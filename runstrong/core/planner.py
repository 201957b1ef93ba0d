"""The runner's plan for the days ahead: runs, season, placed strength sessions with today's
targets, and warnings. Pure composition of running, season, schedule and progression; the store
supplies the inputs (plan_source.py) and plan_output.py prints the result.

Future sessions all show the next target from what is done so far (what happens in between cannot
be known), scaled by their own week: a session in a deload week shows the deload's sets.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from datetime import date, timedelta
from typing import Any, NamedTuple

from runstrong.core.catalog import Catalog, default_rest_s
from runstrong.core.durations import format_duration
from runstrong.core.models import Exercise, Kind, Prescription, Program, ProgramDay, Side
from runstrong.core.plan import PlannedSet
from runstrong.core.progression import (
    Exposure,
    ItemRange,
    LoadStep,
    PastSet,
    next_targets,
    round_half_up,
    scale_for_week,
    why_line,
)
from runstrong.core.running import RunDay, RunningCalendar
from runstrong.core.schedule import (
    DoneSession,
    PlacementResult,
    TodayAdvice,
    advise_today,
    place_sessions,
    program_days,
    sessions_per_week,
)
from runstrong.core.settings import Unit, format_load
from runstrong.core.season import SeasonDay, SeasonRules, season_day, unshaped_day

RECENT_SESSIONS = 8
"""Sessions of an exercise read for its target (ours): progression looks at the last session and
at the run of misses before it, and misses_to_lower (2, data/seasons.toml) is far below 8, so
older sessions could not change a target; reading fewer keeps the plan quick on long histories."""

PastSessions = Mapping[str, Sequence[tuple[date, Sequence[PastSet]]]]
"""exercise_id -> [(session date, that session's planned sets of it)], oldest first."""


class PlannedItem(NamedTuple):
    """One exercise of a planned session, scaled for its week."""

    exercise_id: str
    exercise: str
    per_side: bool
    sets: int
    reps: int | None
    hold_s: int | None
    load_kg: float | None
    rest_s: int
    why: str
    """Progression's reason, then the week's change ("deload week: 2 sets instead of 3")."""
    by_side: Mapping[Side | None, tuple[int | None, int | None, float | None]]
    """side -> (reps, hold_s, load_kg) after scaling; both sides for per-side work."""

    def target_text(self, unit: Unit) -> str:
        """ "3 × 12 @ 42.5 kg", "2 × 0:20 each side" (durations as format_duration writes them)."""
        amount = format_duration(self.hold_s) if self.hold_s is not None else f"{self.reps}"
        side = " each side" if self.per_side else ""
        load = f" @ {format_load(self.load_kg, unit)}" if self.load_kg else ""
        return f"{self.sets} × {amount}{side}{load}"


class PlannedStrength(NamedTuple):
    """The strength session placed on one day; `strength` of a plan JSON day:
    {"program", "program_id", "day", "done", "items": [{"exercise_id", "sets", "reps", "hold_s",
    "load_kg" (kg, 2 decimals, null for bodyweight), "why"}]} (plan_json; DESIGN.md "Plan JSON")."""

    program_id: str
    program: str
    day: str
    day_index: int
    items: tuple[PlannedItem, ...]
    """Each exercise scaled for the day's week; empty when the plan was built without targets."""
    legal: bool = True
    """False when no day met every placement rule and this was the least bad one (not in JSON)."""
    done: bool = False
    """True when a session done that day counts (core.counting) (JSON "done")."""
    under_way: bool = False
    """Today's unfinished session of this day: it shows targets (JSON "done" false)."""


class PlanDay(NamedTuple):
    """One calendar day of the plan; one element of plan JSON's "days":
    {"date" (ISO date), "run": {"kind", "distance_km" (km), "name"} | null, "race": {"name",
    "distance_km" (km), "priority" ("A" | "B" | "C")} | null, "phase", "week", "block",
    "strength": PlannedStrength | null, "warnings": [text]} (plan_json)."""

    date: date
    run: RunDay
    season: SeasonDay
    strength: PlannedStrength | None
    """None on a day without a strength session."""
    warnings: tuple[str, ...]
    """What the runner should know about the day ("hard run the day after legs"), in words."""


class Plan(NamedTuple):
    """Strength sessions placed around the running calendar for a span of days. Its JSON
    (`runstrong plan --json`, plan_json) is {"days": [PlanDay, ...]}, oldest first; loads in kg,
    holds in seconds, distances in km, dates ISO."""

    days: tuple[PlanDay, ...]
    placement: PlacementResult
    """Where the week's sessions went and what went wrong (not in JSON; `warnings` say it)."""
    today: TodayAdvice | None
    """What the plan says about today, when today is within the span."""


def build_plan(
    *,
    calendar: RunningCalendar,
    program: Program,
    catalog: Catalog,
    start: date,
    span_days: int,
    today: date,
    done: Sequence[DoneSession],
    history: PastSessions,
    step: LoadStep,
    rules: SeasonRules,
    skipped: Sequence[date] = (),
    prescribe: bool = True,
    rotation: int | None = None,
) -> Plan:
    """Everything `runstrong plan` and the Plan screen show for `span_days` days from `start`.
    With `prescribe` False the sessions are placed but carry no items (Today's banner needs
    only the placement). `rotation`: the program day that comes next (Today's rule, see
    schedule.place_sessions); None to follow the last of `done`."""
    season = season_of(calendar, rules)
    days = program_days(program, catalog)
    placement = place_sessions(
        calendar, days, sessions_per_week(program), start, span_days,
        done=done, skipped=skipped, season=season, rotation=rotation,
    )
    # Without any running entered the program is shown as written: no word about fitting the
    # week around runs that were never entered (README, docs/plan.md).
    knows_running = bool(calendar.week.days or calendar.runs)
    out = []
    for offset in range(span_days):
        when = start + timedelta(days=offset)
        where = season(when)
        placed = placement.on(when)
        strength = None
        warnings: list[str] = []
        if knows_running and when - timedelta(days=when.weekday()) in placement.week_warnings and (
            when.weekday() == 0 or when == start
        ):
            warnings.extend(placement.week_warnings[when - timedelta(days=when.weekday())])
        if placed is not None:
            day = program.days[placed.day.day_index]
            strength = PlannedStrength(
                program.id, program.name, day.name, placed.day.day_index,
                # A done session shows no targets: they were for that day, and it is over.
                () if placed.done or not prescribe else prescribe_day(day, catalog, where, history, season, step, rules),
                legal=placed.legal, done=placed.done, under_way=placed.under_way,
            )
            if knows_running:
                warnings.extend(w for w in placed.warnings if w not in warnings)
        if when in skipped and strength is None:
            warnings.append("strength skipped")
        out.append(PlanDay(when, calendar.day(when), where, strength, tuple(warnings)))
    advice = None
    if start <= today < start + timedelta(days=span_days):
        advice = advise_today(calendar, placement, today, done=done, season=season)
    return Plan(tuple(out), placement, advice)


def season_of(calendar: RunningCalendar, rules: SeasonRules) -> Callable[[date], SeasonDay]:
    """Date -> SeasonDay from the calendar's A/B races; the program as written for a runner who
    has entered no running at all (season.unshaped_day)."""
    if not calendar.week.days and not calendar.runs:
        return unshaped_day
    races = calendar.races()
    known: dict[date, SeasonDay] = {}

    def season(when: date) -> SeasonDay:
        # Asked for the same dates again and again (each past session, for each exercise).
        if when not in known:
            known[when] = season_day(when, races, rules)
        return known[when]

    return season


def read_history(
    past: Sequence[tuple[date, Sequence[PastSet]]],
    season: Callable[[date], SeasonDay],
    *,
    sets: int,
    rest_s: int,
    per_side: bool,
) -> list[Exposure]:
    """One exercise's past sessions as progression reads them, each with the factors of its own
    week, but only where the session shows it was planned that way: every set carries the rest
    the plan gave it for that week, and the number of sets is the week's share of the item's
    (or one more, an earned extra set). Sessions planned before the runner entered running,
    or before a race that now shapes that week, are read as written (factors 1)."""
    out = []
    for when, past_sets in past:
        week = season(when).rules
        one_side = [s for s in past_sets if s.side is None or s.side.value == "left"] if per_side else list(past_sets)
        expected_sets = max(1, round_half_up(sets * week.sets_factor))
        expected_rest = round_half_up(rest_s * week.rest_factor)
        shaped = (
            all(s.rest_s == expected_rest for s in past_sets)
            and expected_sets <= len(one_side) <= expected_sets + 1
        )
        if shaped:
            out.append(Exposure(when, tuple(past_sets), week.sets_factor, week.reps_factor, week.load_factor))
        else:
            out.append(Exposure(when, tuple(past_sets)))
    return out


def prescribe_on(
    day: ProgramDay,
    when: date,
    *,
    calendar: RunningCalendar,
    catalog: Catalog,
    history: PastSessions,
    step: LoadStep,
    rules: SeasonRules,
    rest_of: Callable[[Exercise, Prescription], int] = default_rest_s,
) -> tuple[SeasonDay, tuple[PlannedItem, ...]]:
    """One program day's targets for `when` (Today's session, whichever day it is); `rest_of`
    gives an item's rest before the week scales it (Today passes the runner's per-kind defaults)."""
    season = season_of(calendar, rules)
    where = season(when)
    return where, prescribe_day(day, catalog, where, history, season, step, rules, rest_of)


def prescribe_day(
    day: ProgramDay,
    catalog: Catalog,
    where: SeasonDay,
    history: PastSessions,
    season: Callable[[date], SeasonDay],
    step: LoadStep,
    rules: SeasonRules,
    rest_of: Callable[[Exercise, Prescription], int] = default_rest_s,
) -> tuple[PlannedItem, ...]:
    """Each item of a program day: the progression's target, scaled for the day's week."""
    items = []
    for item in day.items:
        exercise = catalog.exercise(item.exercise_id)
        item_range = ItemRange.of(item.prescription, rules.progression)
        rest = rest_of(exercise, item.prescription)
        exposures = read_history(
            # Only the last few sessions decide a target (the run of misses at the end).
            list(history.get(exercise.id, ()))[-RECENT_SESSIONS:], season,
            sets=item.prescription.sets, rest_s=rest, per_side=exercise.per_side,
        )
        targets = next_targets(
            item_range, exposures, step, rules.progression,
            per_side=exercise.per_side, may_progress=where.rules.progress,
        )
        plyometric = exercise.kind is Kind.PLYOMETRIC
        scaled = {
            side: scale_for_week(target, where.rules, step, rest, plyometric=plyometric)
            for side, target in targets.items()
        }
        first = next(iter(scaled.values()))
        why = why_line(targets)
        note = next((s.note for s in scaled.values() if s.note), "")
        items.append(
            PlannedItem(
                exercise_id=exercise.id,
                exercise=exercise.name,
                per_side=exercise.per_side,
                sets=max(s.sets for s in scaled.values()),
                reps=first.reps,
                hold_s=first.hold_s,
                load_kg=first.load_kg,
                rest_s=first.rest_s,
                why=f"{why}; {note}" if note else why,
                by_side={side: (s.reps, s.hold_s, s.load_kg) for side, s in scaled.items()},
            )
        )
    return tuple(items)


def planned_sets(items: Sequence[PlannedItem]) -> list[PlannedSet]:
    """The checklist's slots for a planned session (set 1 left, set 1 right, set 2 left, …),
    carrying each side's own target."""
    slots = []
    for item in items:
        sides: tuple[Side | None, ...] = (Side.LEFT, Side.RIGHT) if item.per_side else (None,)
        for set_no in range(1, item.sets + 1):
            for side in sides:
                reps, hold_s, load_kg = item.by_side.get(side, (item.reps, item.hold_s, item.load_kg))
                slots.append(
                    PlannedSet(
                        exercise_id=item.exercise_id, exercise=item.exercise, set_no=set_no, side=side,
                        target_reps=reps, target_hold_s=hold_s, target_load_kg=load_kg, rest_s=item.rest_s,
                    )
                )
    return slots


def plan_json(plan: Plan) -> dict[str, Any]:
    """The documented `runstrong plan --json` shape (README, DESIGN.md). Loads are kg."""
    return {"days": [_day_json(day) for day in plan.days]}


def _day_json(day: PlanDay) -> dict[str, Any]:
    run = day.run
    race = run.race
    strength = day.strength
    return {
        "date": day.date.isoformat(),
        "run": None if run.kind is None else {
            "kind": run.kind.value, "distance_km": run.distance_km, "name": run.name,
        },
        "race": None if race is None else {
            "name": race.name, "distance_km": race.distance_km, "priority": race.race_priority.value,
        },
        "phase": day.season.phase,
        "week": day.season.week,
        "block": day.season.block,
        "strength": None if strength is None else {
            "program": strength.program,
            "program_id": strength.program_id,
            "day": strength.day,
            "done": strength.done,
            "items": [
                {
                    "exercise_id": item.exercise_id,
                    "sets": item.sets,
                    "reps": item.reps,
                    "hold_s": item.hold_s,
                    "load_kg": None if item.load_kg is None else round(item.load_kg, 2),
                    "why": item.why,
                }
                for item in strength.items
            ],
        },
        "warnings": list(day.warnings),
    }

