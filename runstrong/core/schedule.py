"""Place a program's strength sessions over the days ahead, around the runner's running.

The rules (seed 002 unless noted):
- a set number of sessions a week, 2-3 (seed 001: "2-3 days per week"), counted Monday to Sunday
  (a week the plan starts in part-way asks its share, rounded up: 2 a week from Sunday is 1);
- on easy-run days or days without a run, never on hard-run, long-run or race days;
- never a leg session the day before a long run or a race;
- at least a day between leg sessions (never two on consecutive days);
- none on the days the season forbids (season.SeasonDay: race day, the first days of recovery;
  no leg session in the last days before a race);
- never on a day the runner skipped.
Among the legal ways to place a week's sessions the widest spread wins, then the most easy-run
days (seed 002 names easy days), then the earliest. Where a week has too few legal days the plan
says so and offers the least bad day: one that only breaks "not on a hard-run day" or "not the
day before a long run" (with a warning to keep the legs light), never one next to another leg
session or before a race. In a week the season thins around a race (taper, race day, recovery)
no least-bad day is forced in; the plan only notes the fewer sessions. Done sessions count
towards their week and move the rotation on.
"""

from __future__ import annotations

import itertools
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import NamedTuple
from datetime import date, timedelta

from runstrong.core.catalog import Catalog
from runstrong.core.models import LEG_CATEGORIES, Program
from runstrong.core.plurals import count_of
from runstrong.core.running import RunKind, RunningCalendar
from runstrong.core.season import SeasonDay, monday

STRENGTH_RUN_KINDS = (RunKind.EASY, RunKind.REST, None)
DAY_NAMES = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")


class StrengthDay(NamedTuple):
    """A program day as placement sees it: its position in the rotation and whether it loads the legs."""

    day_index: int
    name: str
    legs: bool


class DoneSession(NamedTuple):
    """A stored strength session on `date`: done (it counts, core.counting) or, with `done`
    False, under way (today's session that does not count yet: it keeps its day)."""

    date: date
    day_index: int
    legs: bool = True
    done: bool = True


class Placement(NamedTuple):
    """One strength session on one date."""

    date: date
    day: StrengthDay
    legal: bool = True
    """False for a least-bad day offered when the week had too few legal days."""
    done: bool = False
    under_way: bool = False
    """A stored session that does not count yet (DoneSession.done False)."""
    warnings: tuple[str, ...] = ()


@dataclass(frozen=True)
class PlacementResult:
    """The strength days chosen for a span of dates, and per week what could not be satisfied."""

    placements: tuple[Placement, ...]
    week_warnings: dict[date, tuple[str, ...]] = field(default_factory=dict)
    """Monday -> what went wrong that week ("only 1 legal day for 2 sessions")."""

    def on(self, day: date) -> Placement | None:
        return next((p for p in self.placements if p.date == day), None)

    def next_after(self, day: date) -> Placement | None:
        return next((p for p in self.placements if p.date > day and not p.done and not p.under_way), None)


def program_days(program: Program, catalog: Catalog) -> tuple[StrengthDay, ...]:
    """The program's days in rotation order; a day is a leg day if any item trains the legs."""
    return tuple(
        StrengthDay(
            index,
            day.name,
            any(_is_leg_exercise(catalog, item.exercise_id) for item in day.items),
        )
        for index, day in enumerate(program.days)
    )


def _is_leg_exercise(catalog: Catalog, exercise_id: str) -> bool:
    try:
        return catalog.exercise(exercise_id).category in LEG_CATEGORIES
    except KeyError:
        return True  # unknown to the catalog: assume the worst for the legs


def sessions_per_week(program: Program) -> int:
    """The program's sessions a week: its `days_per_week` if it has one, else its number of days,
    kept within the articles' 2-3 (seed 001; one-day programs repeat their day twice, seed 004's
    "at least two")."""
    wanted = getattr(program, "days_per_week", None) or len(program.days)
    return max(2, min(3, int(wanted)))


SeasonOf = Callable[[date], SeasonDay]


def place_sessions(
    calendar: RunningCalendar,
    days: Sequence[StrengthDay],
    per_week: int,
    start: date,
    span_days: int,
    *,
    done: Sequence[DoneSession] = (),
    skipped: Sequence[date] = (),
    season: SeasonOf | None = None,
    rotation: int | None = None,
) -> PlacementResult:
    """Place sessions from `start` for `span_days` days (whole Monday-Sunday weeks are planned,
    then cut to the span). `done` sessions are kept as placed (done=True, or under_way) and
    count in their week; the rotation continues at `rotation` (the day Today offers next), or
    after the last done day when it is None. ValueError if `days` is empty or per_week is
    outside 1..7.
    """
    if not days:
        raise ValueError("the program has no days")
    if not 1 <= per_week <= 7:
        raise ValueError(f"sessions a week must be 1..7, got {per_week}")
    end = start + timedelta(days=span_days - 1)
    ordered_done = sorted(done, key=lambda d: d.date)
    if rotation is None:
        rotation = (ordered_done[-1].day_index + 1) % len(days) if ordered_done else 0
    rotation %= len(days)
    taken: dict[date, bool] = {d.date: d.legs for d in ordered_done}  # date -> leg session
    placements = [
        Placement(d.date, _day_at(days, d.day_index), done=d.done, under_way=not d.done)
        for d in ordered_done
        if start <= d.date <= end
    ]
    week_warnings: dict[date, tuple[str, ...]] = {}
    blocked = set(skipped)
    week = monday(start)
    while week <= end:
        candidates = [week + timedelta(days=i) for i in range(7)]
        candidates = [d for d in candidates if d >= start and d not in taken and d not in blocked]
        # A week the span enters late (planning from a Thursday) asks only its share of sessions:
        # the days before `start` are gone, and the plan cannot put them back.
        remaining = (week + timedelta(days=7) - max(week, start)).days
        share = -(-per_week * remaining // 7)
        quota = min(per_week - sum(1 for d in taken if monday(d) == week), share)
        chosen, rotation = _best_week(calendar, days, rotation, candidates, max(quota, 0), taken, season)
        for placement in chosen:
            taken[placement.date] = placement.day.legs
        race_week = season is not None and any(
            season(week + timedelta(days=i)).no_legs or season(week + timedelta(days=i)).no_strength
            for i in range(7)
        )
        if len(chosen) < quota and race_week:
            # Around a race the season takes days away on purpose: no least-bad day is forced in.
            week_warnings[week] = (
                f"week of {week.isoformat()}: {len(chosen)} of {count_of(quota, 'session')}, "
                "fewer on purpose around the race",
            )
        elif len(chosen) < quota:
            legal = len(chosen)
            text = (
                f"week of {week.isoformat()}: only {count_of(legal, 'legal day')} "
                f"for {count_of(quota, 'session')}"
            )
            fallback = _least_bad(calendar, days[rotation], [d for d in candidates if d not in taken], taken, season)
            if fallback is not None:
                placement, problems = fallback
                chosen.append(
                    Placement(placement, days[rotation], legal=False, warnings=(f"{text}; least bad day", *problems))
                )
                taken[placement] = days[rotation].legs
                rotation = (rotation + 1) % len(days)
            week_warnings[week] = (text + ("" if fallback else "; no day can take one"),)
        placements.extend(p for p in chosen if p.date <= end)
        week += timedelta(days=7)
    placements.sort(key=lambda p: p.date)
    return PlacementResult(tuple(placements), week_warnings)


def _day_at(days: Sequence[StrengthDay], index: int) -> StrengthDay:
    return days[index % len(days)]


def _best_week(
    calendar: RunningCalendar,
    days: Sequence[StrengthDay],
    rotation: int,
    candidates: list[date],
    quota: int,
    taken: dict[date, bool],
    season: SeasonOf | None,
) -> tuple[list[Placement], int]:
    """The best legal placement of up to `quota` sessions on `candidates`, and the next rotation."""
    for size in range(min(quota, len(candidates)), 0, -1):
        best: tuple[tuple[int, int, int], list[Placement]] | None = None
        for combo in itertools.combinations(candidates, size):
            trial = dict(taken)
            placed = []
            for offset, when in enumerate(combo):
                day = _day_at(days, rotation + offset)
                if problems(calendar, when, day.legs, trial, season):
                    break
                trial[when] = day.legs
                placed.append(Placement(when, day))
            else:
                score = _score(calendar, combo)
                if best is None or score > best[0]:
                    best = (score, placed)
        if best is not None:
            return best[1], (rotation + size) % len(days)
    return [], rotation


def _score(calendar: RunningCalendar, combo: tuple[date, ...]) -> tuple[int, int, int]:
    # Gaps measured round the week (Sunday to next Monday counts), so the pattern repeats well:
    # Monday + Sunday is a poor spread because next Monday would follow Sunday.
    gaps = [(b - a).days for a, b in itertools.pairwise(combo)]
    gaps.append(7 - sum(gaps))
    easy = sum(1 for d in combo if calendar.day(d).kind is RunKind.EASY)
    return (min(gaps) if gaps else 7, easy, -sum(d.toordinal() for d in combo))


def problems(
    calendar: RunningCalendar,
    when: date,
    legs: bool,
    taken: dict[date, bool],
    season: SeasonOf | None = None,
) -> list[str]:
    """Every rule a strength session on `when` would break, in words; [] when the day is legal.

    `taken` maps the dates of other sessions (done or placed) to whether they load the legs.
    """
    found = []
    today = calendar.day(when)
    tomorrow = calendar.day(when + timedelta(days=1))
    if today.kind is RunKind.RACE:
        found.append("race today")
    elif today.kind is RunKind.LONG:
        found.append("long run today")
    elif today.kind is RunKind.HARD:
        found.append("hard run today")
    if legs and tomorrow.kind is RunKind.RACE:
        found.append("race tomorrow")
    elif legs and tomorrow.kind is RunKind.LONG:
        found.append("long run tomorrow")
    if legs and (taken.get(when - timedelta(days=1)) or taken.get(when + timedelta(days=1))):
        found.append("leg session the day before or after")
    if season is not None:
        where = season(when)
        if where.no_strength:
            found.append(f"{where.rules.label}: no strength today")
        elif legs and where.no_legs:
            found.append(f"{where.rules.label}: no leg session in the last days before the race")
    return found


# Problems a least-bad day may have: the session still goes ahead, with light legs.
_TOLERABLE = {"hard run today": 1, "long run tomorrow": 2}


def _least_bad(
    calendar: RunningCalendar,
    day: StrengthDay,
    candidates: list[date],
    taken: dict[date, bool],
    season: SeasonOf | None,
) -> tuple[date, tuple[str, ...]] | None:
    best: tuple[int, date, list[str]] | None = None
    for when in candidates:
        found = problems(calendar, when, day.legs, taken, season)
        if not found or any(p not in _TOLERABLE for p in found):
            continue
        severity = sum(_TOLERABLE[p] for p in found)
        if best is None or severity < best[0]:
            best = (severity, when, found)
    if best is None:
        return None
    return best[1], tuple(_advice(p) for p in best[2])


def _advice(problem: str) -> str:
    return {
        "hard run today": "hard run today: run first, keep the strength session short",
        "long run tomorrow": "long run tomorrow: keep the legs light today",
    }[problem]


class TodayAdvice(NamedTuple):
    """What the plan says about today: the session placed here (if any) and a warning (if any)."""

    placement: Placement | None
    warning: str | None
    next_day: date | None = None


def advise_today(
    calendar: RunningCalendar,
    result: PlacementResult,
    today: date,
    legs: bool = True,
    *,
    done: Sequence[DoneSession] = (),
    season: SeasonOf | None = None,
) -> TodayAdvice:
    """Does a strength session today break a rule, and what to do instead?

    "Long run tomorrow: legs light today, or move this session to Thursday". A legal session
    placed today needs no warning; otherwise (nothing placed, or a least-bad day) the warning
    names the first rule today breaks and the plan's next day.
    """
    placed = result.on(today)
    upcoming = result.next_after(today)
    later = _weekday_name(today, upcoming.date) if upcoming else None
    if placed is not None and placed.legal:
        return TodayAdvice(placed, None, upcoming.date if upcoming else None)
    taken = {d.date: d.legs for d in done if d.date != today}
    found = problems(calendar, today, legs, taken, season)
    move = f"move this session to {later}" if later else "move this session to another day"
    if placed is not None and not found:  # pragma: no cover - a least-bad day always breaks a rule
        return TodayAdvice(placed, "; ".join(placed.warnings), upcoming.date if upcoming else None)
    if not found:
        if later is None:
            return TodayAdvice(None, None)
        return TodayAdvice(None, f"Not a planned strength day: the plan has the next one on {later}", upcoming.date if upcoming else None)
    first = found[0]
    text = {
        "race today": f"Race today: no strength; {move}",
        "long run today": f"Long run today: {move}",
        "hard run today": f"Hard run today: {move}, or keep it short after the run",
        "race tomorrow": f"Race tomorrow: rest the legs today, or {move}",
        "long run tomorrow": f"Long run tomorrow: legs light today, or {move}",
        "leg session the day before or after": f"Leg session yesterday or tomorrow: give the legs a day, or {move}",
    }.get(first, f"{first[0].upper()}{first[1:]}; {move}")
    return TodayAdvice(placed, text, upcoming.date if upcoming else None)


def _weekday_name(today: date, later: date) -> str:
    """ "Thursday" within the coming week, else "Thursday 14 January"."""
    name = DAY_NAMES[later.weekday()]
    if (later - today).days < 7:
        return name
    return f"{name} {later.day} {later.strftime('%B')}"
