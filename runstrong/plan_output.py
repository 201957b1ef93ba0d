"""The plan as text for the terminal and as iCalendar events (`runstrong plan`, `--ics`)."""

from __future__ import annotations

import json
from datetime import datetime, timedelta

from runstrong.core.planner import Plan, plan_json
from runstrong.core.settings import Settings
from runstrong.core.text import plain_text, printable


def plan_text(plan: Plan, settings: Settings) -> str:
    """The plan as lines for a terminal: one line per day (date, run, phase), then its strength
    session, each exercise with its target load in `settings.unit` and why, and its warnings.

    Names come from the database (race, program, day, exercise) and may have been written by
    another program, so each passes through core.text.plain_text, and every finished line through
    printable (a phase label or warning quotes a race name): no escape sequence reaches the
    terminal (review 1.10)."""
    lines = []
    for day in plan.days:
        run = day.run
        if run.race is not None:
            run_text = f"RACE {plain_text(run.race.name or '')} ({run.race.race_priority.value})".replace("  ", " ")
        elif run.kind is None:
            run_text = "no run"
        else:
            run_text = run.kind.value + (f" {run.distance_km:g} km" if run.distance_km else "")
        lines.append(f"{day.date:%a %Y-%m-%d}  {run_text:<18} {day.season.label}")
        if day.strength is not None:
            s = day.strength
            state = " (done)" if s.done else " (under way)" if s.under_way else "" if s.legal else " (least bad day)"
            lines.append(f"    strength: {plain_text(s.program)} — {plain_text(s.day)}{state}")
            for item in s.items:
                lines.append(f"      {plain_text(item.exercise)}: {item.target_text(settings.unit)}  ({item.why})")
        lines += [f"    ! {warning}" for warning in day.warnings]
    if plan.today is not None and plan.today.warning:
        lines.append(f"Today: {plan.today.warning}")
    return "\n".join(printable(line) for line in lines)


def plan_ics(plan: Plan, settings: Settings, stamp: datetime) -> bytes:
    """The planned (not done) strength sessions as all-day calendar events. A UID names the
    session's ISO week and its number in that week, so re-exporting after the plan moved a
    session updates the same event instead of adding one."""
    import icalendar

    calendar = icalendar.Calendar()
    calendar.add("prodid", "-//runstrong//plan//EN")
    calendar.add("version", "2.0")
    numbers: dict[tuple[int, int], int] = {}
    for day in plan.days:
        s = day.strength
        if s is None or s.done:
            continue
        year, week, _ = day.date.isocalendar()
        numbers[(year, week)] = numbers.get((year, week), 0) + 1
        event = icalendar.Event()
        event.add("uid", f"strength-{year}-W{week:02d}-{numbers[(year, week)]}@runstrong")
        event.add("dtstamp", stamp)
        event.add("dtstart", day.date)
        event.add("dtend", day.date + timedelta(days=1))
        event.add("summary", f"Strength: {plain_text(s.day)} ({plain_text(s.program)})")
        lines = [printable(day.season.label)]
        for item in s.items:
            lines.append(f"{plain_text(item.exercise)}: {item.target_text(settings.unit)}")
        lines += [f"! {printable(warning)}" for warning in day.warnings]
        event.add("description", "\n".join(lines))
        event.add("categories", ["Strength"])
        calendar.add_component(event)
    return calendar.to_ical()


def plan_output(plan: Plan, settings: Settings, as_json: bool) -> str:
    """`plan_json` (DESIGN's plan JSON contract, indented, non-ASCII kept; names as stored, JSON
    escapes control characters itself) when `as_json`, else `plan_text`."""
    return json.dumps(plan_json(plan), indent=2, ensure_ascii=False) if as_json else plan_text(plan, settings)
