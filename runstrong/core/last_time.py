"""What was done the last time an exercise was done: the line beside each exercise on Today
("last 3 × 12 @ 40 kg · 4 days ago") and the load a new set starts from.

Warm-up sets never appear here (the store leaves them out): they say nothing about working load.
"""

from __future__ import annotations

from datetime import date
from typing import NamedTuple

from runstrong.core.durations import format_duration
from runstrong.core.settings import Unit, format_load


class LastSet(NamedTuple):
    """One done work set of the last session an exercise was done in (a tuple: cheap to build
    and to define, on Today's way to its first paint)."""

    date: str
    """The session's local date, ISO "YYYY-MM-DD"."""
    side: str | None
    reps: int | None
    load_kg: float | None
    hold_s: int | None


def last_load_kg(sets: list[LastSet]) -> float | None:
    """The top load of last time, kg (where a new set starts); None if all were bodyweight."""
    loads = [s.load_kg for s in sets if s.load_kg]
    return max(loads) if loads else None


def ago(then: date, today: date) -> str:
    """ "today", "yesterday", "4 days ago", "3 weeks ago", "5 months ago", "2 years ago"
    (ours: days up to 13, weeks up to 8, months up to 11)."""
    days = (today - then).days
    if days <= 0:
        return "today"
    if days == 1:
        return "yesterday"
    if days < 14:
        return f"{days} days ago"
    if days < 60:
        return f"{days // 7} weeks ago"
    if days < 365:
        return f"{days // 30} months ago"
    years = days // 365
    return "a year ago" if years == 1 else f"{years} years ago"


def _span(values: list[int]) -> str:
    low, high = min(values), max(values)
    return str(low) if low == high else f"{low}–{high}"


def last_time_text(sets: list[LastSet], today: date, unit: Unit, limb: str = "side") -> str:
    """The last-time line for one exercise, from its LastSets (one session, in doing order).

    A per-side exercise counts a set per pair of sides: six sides logged are "3 × … each side"
    (`limb` says "leg" for leg rep work, as the prescription does).
    Different reps, holds or loads across the sets show as a range ("10–12", "40–45 kg"); sets
    at bodyweight beside loaded ones make it "@ bodyweight–42.5 kg".
    Empty when there are no sets.
    """
    if not sets:
        return ""
    sided = all(s.side for s in sets)
    count = len(sets)
    if sided:
        count = max(sum(1 for s in sets if s.side == "left"), sum(1 for s in sets if s.side == "right"))
    holds = [s.hold_s for s in sets if s.hold_s]
    reps = [s.reps for s in sets if s.reps]
    if holds:
        low, high = format_duration(min(holds)), format_duration(max(holds))
        amount = low if low == high else f"{low}–{high}"
    else:
        amount = _span(reps) if reps else "?"
    text = f"last {count} × {amount}"
    if sided:
        text += f" each {limb}"
    loads = [s.load_kg for s in sets if s.load_kg]
    if loads and len(loads) < len(sets):
        # Some sets were done at bodyweight: a range from there, never a load they did not carry.
        text += f" @ bodyweight–{format_load(max(loads), unit)}"
    elif loads:
        low, high = format_load(min(loads), unit), format_load(max(loads), unit)
        text += f" @ {low}" if low == high else f" @ {low.split()[0]}–{high}"
    return f"{text} · {ago(date.fromisoformat(sets[0].date), today)}"

