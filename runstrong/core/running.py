"""The runner's running: the usual week, dated runs that differ from it, and races.

Plain data and parsing only (no SQL, no Textual). Dates are `datetime.date`; distances are
kilometres. A day's run comes from a dated run when there is one, else from the usual week; a
weekday the usual week does not name has no run (treated like a rest day by the placement rules).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import NamedTuple
from datetime import date
from enum import StrEnum

WEEKDAYS = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")
MILE_KM = 1.609344
_FULL_WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")


class RunKind(StrEnum):
    """What a running day is, as the placement rules see it (seed 002: easy days suit strength)."""

    EASY = "easy"
    HARD = "hard"
    """Intervals, tempo, hills: a quality session."""
    LONG = "long"
    REST = "rest"
    RACE = "race"


# When a day holds two entries (a calendar can), the one that constrains strength work most wins.
_WEIGHT = {RunKind.REST: 0, RunKind.EASY: 1, RunKind.HARD: 2, RunKind.LONG: 3, RunKind.RACE: 4}


class Priority(StrEnum):
    """Race priority: A races shape the season, B races get a short taper, C races are run through."""

    A = "A"
    B = "B"
    C = "C"


class Run(NamedTuple):
    """One dated entry: a run that differs from the usual week, or a race (kind RACE)."""

    date: date
    kind: RunKind
    distance_km: float | None = None
    name: str = ""
    priority: Priority | None = None
    """Only for races; a race without one counts as a C race."""
    uid: str = ""
    """Stable identity (a calendar event's UID + date, or random for manual entries)."""
    source: str = "manual"

    @property
    def is_race(self) -> bool:
        return self.kind is RunKind.RACE

    @property
    def race_priority(self) -> Priority:
        return self.priority or Priority.C


class UsualDay(NamedTuple):
    """What the usual week has on one weekday: the kind of run and, if given, its distance in km."""

    kind: RunKind
    distance_km: float | None = None


@dataclass(frozen=True)
class RunningWeek:
    """The usual week: weekday (0 = Monday .. 6 = Sunday) -> what is run; missing = no run."""

    days: Mapping[int, UsualDay] = field(default_factory=dict)

    def on(self, weekday: int) -> UsualDay | None:
        return self.days.get(weekday)


class RunDay(NamedTuple):
    """What one calendar day holds for the placement rules."""

    date: date
    kind: RunKind | None
    """None: no run that day."""
    distance_km: float | None = None
    name: str = ""
    race: Run | None = None


@dataclass(frozen=True)
class RunningCalendar:
    """The usual week plus dated runs and races; answers "what is run on this date?"."""

    week: RunningWeek = field(default_factory=RunningWeek)
    runs: tuple[Run, ...] = ()

    def __post_init__(self) -> None:
        by_date: dict[date, Run] = {}
        for run in self.runs:
            held = by_date.get(run.date)
            if held is None or _WEIGHT[run.kind] > _WEIGHT[held.kind]:
                by_date[run.date] = run
        object.__setattr__(self, "_by_date", by_date)

    def day(self, when: date) -> RunDay:
        """The run on `when`: the dated entry if any (the most demanding of several), else the week's."""
        dated: Run | None = self._by_date.get(when)  # type: ignore[attr-defined]
        if dated is not None:
            return RunDay(
                when, dated.kind, dated.distance_km, dated.name, dated if dated.is_race else None
            )
        usual = self.week.on(when.weekday())
        if usual is None:
            return RunDay(when, None)
        return RunDay(when, usual.kind, usual.distance_km)

    def races(self, priorities: Iterable[Priority] = (Priority.A, Priority.B)) -> list[Run]:
        """Races of the given priorities, in date order."""
        wanted = set(priorities)
        return sorted(
            (run for run in self.runs if run.is_race and run.race_priority in wanted),
            key=lambda run: run.date,
        )


def parse_kind(text: str) -> RunKind:
    """"easy" / "HARD" -> RunKind; ValueError naming the accepted kinds otherwise."""
    try:
        return RunKind(text.strip().lower())
    except ValueError:
        raise ValueError(
            f"unknown run kind {text!r}; use one of {', '.join(k.value for k in RunKind)}"
        ) from None


def parse_weekday(text: str) -> int:
    """"mon".."sun" (or a longer English name: "monday") -> 0..6; ValueError otherwise."""
    key = text.strip().lower()
    for index, (short, full) in enumerate(zip(WEEKDAYS, _FULL_WEEKDAYS)):
        if key in (short, full):
            return index
    raise ValueError(f"unknown day {text!r}; use mon, tue, wed, thu, fri, sat or sun")


_DISTANCE = re.compile(
    r"^\s*(?P<number>\d+(?:[.,]\d+)?)\s*(?P<unit>km|k|kilometers?|kilometres?|mi|miles?|m|meters?|metres?)?\s*$",
    re.IGNORECASE,
)


def parse_distance(text: str) -> float:
    """"10km", "10 k", "10", "6.2mi", "800 m", "21,1 km" -> kilometres (a bare number is km).

    ValueError for anything else, zero, or more than 1000 km.
    """
    match = _DISTANCE.match(text)
    if not match:
        raise ValueError(f"unreadable distance {text!r}; use e.g. 10km, 6.2mi or 800m")
    number = float(match["number"].replace(",", "."))
    unit = (match["unit"] or "km").lower()
    if unit.startswith("mi"):
        km = number * MILE_KM
    elif unit in ("m", "meter", "meters", "metre", "metres"):
        km = number / 1000
    else:
        km = number
    if not 0 < km <= 1000:
        raise ValueError(f"distance {text!r} is out of range (more than 0, at most 1000 km)")
    return round(km, 3)


def parse_week_spec(items: Sequence[str]) -> RunningWeek:
    """["mon=easy", "sat=long:25km"] -> RunningWeek. A race is not a weekly kind.

    ValueError (one line) for an unknown day or kind, a day named twice, or a missing "=".
    """
    days: dict[int, UsualDay] = {}
    for item in items:
        day_text, sep, rest = item.partition("=")
        if not sep:
            raise ValueError(f"{item!r}: write DAY=KIND, e.g. mon=easy or sat=long:25km")
        weekday = parse_weekday(day_text)
        if weekday in days:
            raise ValueError(f"{item!r}: {WEEKDAYS[weekday]} is named twice")
        kind_text, _, distance_text = rest.partition(":")
        kind = parse_kind(kind_text)
        if kind is RunKind.RACE:
            raise ValueError(f"{item!r}: a race is dated; add it with `runs add DATE race`")
        distance = parse_distance(distance_text) if distance_text.strip() else None
        days[weekday] = UsualDay(kind, distance)
    return RunningWeek(days)


def describe_week(days: Mapping[int, UsualDay]) -> str:
    """ "mon easy, sat long 25 km" (for people)."""
    parts = []
    for weekday, day in sorted(days.items()):
        distance = f" {day.distance_km:g} km" if day.distance_km else ""
        parts.append(f"{WEEKDAYS[weekday]} {day.kind.value}{distance}")
    return ", ".join(parts)


def week_spec(days: Mapping[int, UsualDay]) -> str:
    """The usual week as `runs week` takes it back: "mon=easy sat=long:25km"."""
    return " ".join(
        f"{WEEKDAYS[weekday]}={day.kind.value}" + (f":{day.distance_km:g}km" if day.distance_km else "")
        for weekday, day in sorted(days.items())
    )


CALENDAR_SOURCE = "ics"
EDITED_CALENDAR_SOURCE = "ics-edited"
"""A calendar run the runner changed here: the next `runs import` of that calendar keeps it (ours)."""


def mark_edited(before: Run, after: Run) -> Run:
    """`after`, as the runner saved it over `before`: a calendar run whose date, kind, distance,
    name or priority changed becomes EDITED_CALENDAR_SOURCE, so a re-import does not undo it.
    A run saved unchanged, or one that did not come from a calendar, keeps its source."""
    changed = (before.date, before.kind, before.distance_km, before.name, before.priority) != (
        after.date, after.kind, after.distance_km, after.name, after.priority
    )
    if changed and before.source == CALENDAR_SOURCE:
        return after._replace(source=EDITED_CALENDAR_SOURCE)
    return after._replace(source=before.source)


def run_json(run: Run) -> dict[str, object]:
    """One dated run or race as `runs --json` and the export (v2, "runs") print it:
    {"uid", "date" (YYYY-MM-DD), "kind", "distance_km" (km or null), "name", "priority"
    ("A" | "B" | "C" | null), "source" ("manual", "ics", "ics-edited", ...)}."""
    return {
        "uid": run.uid,
        "date": run.date.isoformat(),
        "kind": run.kind.value,
        "distance_km": run.distance_km,
        "name": run.name,
        "priority": run.priority.value if run.priority else None,
        "source": run.source,
    }


def week_json(week: RunningWeek) -> list[dict[str, object]]:
    """The usual week as the export (v2, "run_week") carries it, Monday first:
    [{"weekday": 0..6 (0 = Monday), "kind": "easy" | "hard" | "long" | "rest", "distance_km"}]."""
    return [
        {"weekday": weekday, "kind": day.kind.value, "distance_km": day.distance_km}
        for weekday, day in sorted(week.days.items())
    ]
