"""`runstrong runs ...` and `runstrong plan ...`: the running week, runs, races and the plan from
the shell. Argument checking and output live here; the rules live in core (running, season,
schedule, progression, planner) and the SQL in store/runs.py. Bad input raises UsageError (one
line, exit 2) before anything is written. The listing and the plan only read (`open_read_only`).
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from collections.abc import Sequence
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import TYPE_CHECKING, Any

from runstrong.core.catalog import Catalog
from runstrong.core.models import Prescription, Program
from runstrong.core.plan import PlannedSet
from runstrong.core.planner import Plan, build_plan, plan_json, planned_sets, prescribe_on
from runstrong.core.progression import LoadStep, load_step
from runstrong.core.running import (
    Priority,
    Run,
    RunKind,
    parse_distance,
    parse_kind,
    parse_week_spec,
    WEEKDAYS,
)
from runstrong.core.schedule import DoneSession, program_days
from runstrong.core.season import load_season_rules, monday
from runstrong.core.settings import Settings
from runstrong.core.text import plain_text
from runstrong.errors import UsageError

if TYPE_CHECKING:
    from runstrong.store import Store

# How far back the plan reads strength history for targets, and how far an iCalendar file's
# recurrences are expanded (ours).
HISTORY_DAYS = 180
ICS_PAST_DAYS = 30
ICS_FUTURE_DAYS = 365
MAX_PLAN_DAYS = 366
def parse_date(text: str, what: str = "DATE") -> date:
    try:
        return date.fromisoformat(text.strip())
    except ValueError:
        raise UsageError(f"runstrong: {what} {text!r} is not a date; use YYYY-MM-DD, e.g. 2027-01-04") from None


# -- runs week / add / import / list ------------------------------------------------------


def set_week(store: Store, items: Sequence[str]) -> str:
    try:
        week = parse_week_spec(items)
    except ValueError as err:
        raise UsageError(f"runstrong runs week: {err}") from None
    store.save_running_week(week)
    return "Usual week: " + (describe_week(week.days) or "no runs")


def describe_week(days: Any) -> str:
    parts = []
    for weekday, day in sorted(days.items()):
        distance = f" {day.distance_km:g} km" if day.distance_km else ""
        parts.append(f"{WEEKDAYS[weekday]} {day.kind.value}{distance}")
    return ", ".join(parts)


def week_spec(days: Any) -> str:
    """The usual week as `runs week` takes it back: "mon=easy sat=long:25km"."""
    return " ".join(
        f"{WEEKDAYS[weekday]}={day.kind.value}" + (f":{day.distance_km:g}km" if day.distance_km else "")
        for weekday, day in sorted(days.items())
    )


def new_run(date_text: str, kind_text: str, distance: str | None, name: str | None, priority: str | None) -> Run:
    """A run from `runs add` arguments; UsageError naming the bad one."""
    when = parse_date(date_text)
    try:
        kind = parse_kind(kind_text)
        distance_km = parse_distance(distance) if distance else None
    except ValueError as err:
        raise UsageError(f"runstrong runs add: {err}") from None
    chosen: Priority | None = None
    if priority is not None:
        if kind is not RunKind.RACE:
            raise UsageError("runstrong runs add: --priority is for races (KIND race)")
        try:
            chosen = Priority(priority.strip().upper())
        except ValueError:
            raise UsageError(f"runstrong runs add: priority {priority!r} is not A, B or C") from None
    return Run(when, kind, distance_km, plain_text(name or ""), chosen)


def add_run(store: Store, run: Run) -> str:
    store.add_run(run)
    return f"Added {describe_run(run)}"


def describe_run(run: Run) -> str:
    bits = [run.date.isoformat(), run.kind.value]
    if run.distance_km:
        bits.append(f"{run.distance_km:g} km")
    if run.name:
        bits.append(repr(run.name))
    if run.is_race:
        bits.append(f"priority {run.race_priority.value}")
    return " ".join(bits)


def read_calendar_file(path: Path, today: date) -> tuple[list[Run], list[str]]:
    """Runs from an .ics file and the lines about what was not understood; UsageError
    "FILE:LINE: reason" when the file cannot be read at all."""
    from runstrong.importers.ics import IcsError, read_ics

    try:
        data = path.read_bytes()
    except OSError as err:
        raise UsageError(f"runstrong runs import: {path}: {err.strerror or err}") from None
    try:
        found = read_ics(data, today - timedelta(days=ICS_PAST_DAYS), today + timedelta(days=ICS_FUTURE_DAYS))
    except IcsError as err:
        raise UsageError(f"{path}:{err.line}: {err.reason}") from None
    lost = [f"{path}:{item.describe()}" for item in found.not_understood]
    return list(found.runs), lost


def import_calendar(store: Store, path: Path, today: date, dry_run: bool) -> str:
    runs, lost = read_calendar_file(path, today)
    if dry_run:
        known = {run.uid for run in store.runs()}
        new = sum(1 for run in runs if run.uid not in known)
        head = f"Dry run: {len(runs)} runs and races in {path} ({new} new); nothing saved"
    else:
        count = store.import_runs(runs)
        head = (
            f"Imported {len(runs)} runs and races from {path}: {count.added} added, "
            f"{count.updated} updated, {count.unchanged} unchanged"
        )
    lines = [head]
    lines += [f"  {describe_run(run)}" for run in runs[:50]]
    if len(runs) > 50:
        lines.append(f"  … and {len(runs) - 50} more")
    if lost:
        lines.append(f"Not understood ({len(lost)}; see docs/plan.md for the words runstrong reads):")
        lines += [f"  {line}" for line in lost]
    return "\n".join(lines)


def list_runs(store: Store, as_json: bool) -> str:
    week = store.running_week()
    runs = store.runs()
    if as_json:
        payload = {
            "week": {
                WEEKDAYS[weekday]: {"kind": day.kind.value, "distance_km": day.distance_km}
                for weekday, day in sorted(week.days.items())
            },
            "runs": [
                {
                    "uid": run.uid, "date": run.date.isoformat(), "kind": run.kind.value,
                    "distance_km": run.distance_km, "name": run.name,
                    "priority": run.priority.value if run.priority else None, "source": run.source,
                }
                for run in runs
            ],
        }
        return json.dumps(payload, indent=2, ensure_ascii=False)
    lines = ["Usual week: " + (describe_week(week.days) or "none entered (runstrong runs week mon=easy ...)")]
    lines += [f"  {describe_run(run)}" for run in runs] or ["No dated runs or races."]
    return "\n".join(lines)


# -- plan --------------------------------------------------------------------------------


def current_settings(store: Store) -> Settings:
    return Settings.from_mapping(store.settings())


def current_program(catalog: Catalog, settings: Settings) -> Program:
    try:
        return catalog.program(settings.program_id)
    except KeyError:
        return catalog.default_program


def plan_load_step(store: Store, settings: Settings) -> LoadStep:
    """The smallest load increment: the `load_step` setting (in the display unit) if it is a
    positive number, else 2.5 kg or 5 lb (data/seasons.toml)."""
    rules = load_season_rules().progression
    default = load_step(settings.unit.value, rules)
    raw = store.get_setting("load_step")
    try:
        amount = float(raw) if raw else 0.0
    except ValueError:
        amount = 0.0
    return LoadStep(amount, default.unit) if 0 < amount <= 50 else default


def make_plan(
    store: Store, catalog: Catalog, start: date, span_days: int, today: date, *, prescribe: bool = True
) -> Plan:
    """The plan from the store's running week, runs, races and strength history (the history
    only when the sessions are to be `prescribe`d)."""
    settings = current_settings(store)
    program = current_program(catalog, settings)
    rules = load_season_rules()
    days = program_days(program, catalog)
    since = min(start, today) - timedelta(days=HISTORY_DAYS)
    done = [
        DoneSession(d.date, d.day_index, days[d.day_index % len(days)].legs if d.program_id == program.id else True)
        for d in store.done_strength_sessions(monday(min(start, today)) - timedelta(days=7))
    ]
    exercise_ids = sorted({item.exercise_id for day in program.days for item in day.items})
    return build_plan(
        calendar=store.running_calendar(),
        program=program,
        catalog=catalog,
        start=start,
        span_days=span_days,
        today=today,
        done=[d for d in done if d.date <= today],
        history=store.past_sets(exercise_ids, since) if prescribe else {},
        step=plan_load_step(store, settings),
        rules=rules,
        skipped=skipped_days(store),
        prescribe=prescribe,
    )


SKIPPED_KEY = "plan_skipped"
"""Settings key: the days the runner skipped a planned strength session (ISO dates, by commas)."""
SKIP_MEMORY_DAYS = 60


def skipped_days(store: Store) -> list[date]:
    """Days the runner said no to a planned session; unreadable entries are ignored."""
    days = []
    for text in (store.get_setting(SKIPPED_KEY) or "").split(","):
        try:
            days.append(date.fromisoformat(text.strip()))
        except ValueError:
            continue
    return days


def toggle_skip(store: Store, day: date, today: date) -> bool:
    """Skip the planned session of `day` (or take the skip back); True when it is now skipped.
    Skips older than SKIP_MEMORY_DAYS are forgotten, so the setting stays short."""
    kept = {d for d in skipped_days(store) if d >= today - timedelta(days=SKIP_MEMORY_DAYS)}
    now_skipped = day not in kept
    kept = kept | {day} if now_skipped else kept - {day}
    store.save_settings({SKIPPED_KEY: ",".join(d.isoformat() for d in sorted(kept))})
    return now_skipped


def check_span(days: int) -> int:
    if not 1 <= days <= MAX_PLAN_DAYS:
        raise UsageError(f"runstrong plan: --days must be 1..{MAX_PLAN_DAYS}, got {days}")
    return days


def plan_text(plan: Plan, settings: Settings) -> str:
    lines = []
    for day in plan.days:
        run = day.run
        if run.race is not None:
            run_text = f"RACE {run.race.name or ''} ({run.race.race_priority.value})".replace("  ", " ")
        elif run.kind is None:
            run_text = "no run"
        else:
            run_text = run.kind.value + (f" {run.distance_km:g} km" if run.distance_km else "")
        lines.append(f"{day.date:%a %Y-%m-%d}  {run_text:<18} {day.season.label}")
        if day.strength is not None:
            s = day.strength
            state = " (done)" if s.done else "" if s.legal else " (least bad day)"
            lines.append(f"    strength: {s.program} — {s.day}{state}")
            for item in s.items:
                lines.append(f"      {item.exercise}: {item.target_text(settings.unit)}  ({item.why})")
        lines += [f"    ! {warning}" for warning in day.warnings]
    if plan.today is not None and plan.today.warning:
        lines.append(f"Today: {plan.today.warning}")
    return "\n".join(lines)


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
        event.add("summary", f"Strength: {s.day} ({s.program})")
        lines = [day.season.label]
        for item in s.items:
            lines.append(f"{item.exercise}: {item.target_text(settings.unit)}")
        lines += [f"! {warning}" for warning in day.warnings]
        event.add("description", "\n".join(lines))
        event.add("categories", ["Strength"])
        calendar.add_component(event)
    return calendar.to_ical()


def plan_output(plan: Plan, settings: Settings, as_json: bool) -> str:
    return json.dumps(plan_json(plan), indent=2, ensure_ascii=False) if as_json else plan_text(plan, settings)


# -- the command line ----------------------------------------------------------------------


def add_parsers(commands: Any, db: Any) -> None:
    """`runs` (with week / add / import) and `plan` on the CLI's subparsers; `db` is the parent
    parser that carries --db."""
    runs = commands.add_parser("runs", parents=[db], help="the running week, runs and races")
    runs.add_argument("--json", action="store_true", help="print JSON instead of text")
    sub = runs.add_subparsers(dest="runs_command", metavar="ACTION", parser_class=type(runs))
    week = sub.add_parser("week", parents=[db], help="the usual week: mon=easy tue=hard sat=long ... (others: no run)")
    week.add_argument("days", nargs="+", metavar="DAY=KIND", help="KIND: easy|hard|long|rest, optionally :DISTANCE")
    add = sub.add_parser("add", parents=[db], help="a dated run or race")
    add.add_argument("date", metavar="DATE", help="YYYY-MM-DD")
    add.add_argument("kind", metavar="KIND", help="easy|hard|long|rest|race")
    add.add_argument("--distance", metavar="D", help="e.g. 10km, 6.2mi, 800m")
    add.add_argument("--name", metavar="TEXT")
    add.add_argument("--priority", metavar="A|B|C", help="races only: A races shape the season")
    imp = sub.add_parser("import", parents=[db], help="planned runs and races from an iCalendar file")
    imp.add_argument("file", metavar="FILE.ics")
    imp.add_argument("--dry-run", action="store_true", help="show what would be imported, save nothing")

    plan = commands.add_parser("plan", parents=[db], help="the days ahead: runs, strength days, targets")
    plan.add_argument("--from", dest="start", metavar="DATE", help="first day (default today)")
    plan.add_argument("--days", type=int, default=28, metavar="N", help="how many days (default 28)")
    plan.add_argument("--json", action="store_true", help="print the plan as JSON")
    plan.add_argument("--ics", action="store_true", help="write the strength sessions as calendar events")
    plan.add_argument("-o", "--output", metavar="FILE", help="with --ics: the file to write")


def run_command(args: Any, path: Path, now: datetime) -> str:
    """Run `runs ...` or `plan ...`; returns the text to print. UsageError on bad input."""
    from runstrong.core.catalog import load_catalog
    from runstrong.store import Store

    today = now.date()
    if args.command == "plan":
        span = check_span(args.days)
        start = parse_date(args.start, "--from") if args.start else today
        if args.ics and not args.output:
            raise UsageError("runstrong plan: --ics needs -o FILE")
        if args.output and not args.ics:
            raise UsageError("runstrong plan: -o FILE goes with --ics")
        store = Store.open_read_only(path)
        try:
            settings = current_settings(store)
            plan = make_plan(store, load_catalog(), start, span, today)
        finally:
            store.close()
        if args.ics:
            target = Path(args.output)
            try:
                target.write_bytes(plan_ics(plan, settings, now))
            except OSError as err:
                raise UsageError(f"runstrong plan: cannot write {target}: {err.strerror or err}") from None
            count = sum(1 for d in plan.days if d.strength and not d.strength.done)
            return f"Wrote {count} strength sessions to {target}"
        return plan_output(plan, settings, args.json)

    action = args.runs_command
    if action is None or (action == "import" and args.dry_run):
        store = Store.open_read_only(path)
    else:
        # Check the input before the database is created or opened for writing.
        if action == "week":
            try:
                parse_week_spec(args.days)
            except ValueError as err:
                raise UsageError(f"runstrong runs week: {err}") from None
        elif action == "add":
            run = new_run(args.date, args.kind, args.distance, args.name, args.priority)
        elif action == "import":
            read_calendar_file(Path(args.file), today)
        store = Store.open(path)
    try:
        if action is None:
            return list_runs(store, args.json)
        if action == "week":
            return set_week(store, args.days)
        if action == "add":
            return add_run(store, run)
        return import_calendar(store, Path(args.file), today, args.dry_run)
    finally:
        store.close()


# -- Today's share of the plan -------------------------------------------------------------


@dataclass(frozen=True)
class TodayPlan:
    """What Today takes from the plan: the day's slots with targets, the why line of each
    exercise, and one banner line (today's warning or the plan's choice)."""

    slots: list[PlannedSet]
    why: dict[str, str]
    banner: str
    warning: bool
    """True when the banner advises against a session today."""
    prescriptions: dict[str, Prescription]
    """exercise_id -> the day's prescription as this week shapes it (sets, reps, hold, rest)."""


def today_plan(store: Store, catalog: Catalog, program: Program, day_index: int, today: date) -> TodayPlan:
    """Targets for Today's session of `program` day `day_index`, and the banner line."""
    settings = current_settings(store)
    step = plan_load_step(store, settings)
    rules = load_season_rules()
    calendar = store.running_calendar()
    exercise_ids = sorted({item.exercise_id for item in program.days[day_index].items})
    history = store.past_sets(exercise_ids, today - timedelta(days=HISTORY_DAYS))
    where, items = prescribe_on(
        program.days[day_index], today, calendar=calendar, catalog=catalog, history=history, step=step, rules=rules
    )
    plan = make_plan(store, catalog, today, 14, today, prescribe=False)
    warning = bool(plan.today and plan.today.warning)
    why = {item.exercise_id: item.why for item in items}
    written = {item.exercise_id: item.prescription for item in program.days[day_index].items}
    shaped = {
        item.exercise_id: Prescription(
            sets=item.sets, reps=item.reps, hold_s=item.hold_s, rest_s=item.rest_s, ours=written[item.exercise_id].ours
        )
        for item in items
    }
    return TodayPlan(planned_sets(items), why, banner_line(plan, where, calendar), warning, shaped)


def banner_line(plan: Plan, where: Any, calendar: Any) -> str:
    """ "deload week · Long run tomorrow: legs light today, or move this session to Thursday"."""
    label = where.label
    if not calendar.week.days and not calendar.runs:
        return "No running entered yet: press w to plan strength days around your runs"
    advice = plan.today
    if advice is None:
        return label
    if advice.warning:
        return f"{advice.warning} · {label}"  # the advice first: it must fit 80 columns
    if advice.placement is not None:
        return f"{label} · the plan's strength day" + (" (done)" if advice.placement.done else "")
    return label
