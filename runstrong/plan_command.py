"""`runstrong runs ...` and `runstrong plan ...`: the running week, runs, races and the plan from
the shell. Argument checking lives here; the plan is read by plan_source.py and written out by
plan_output.py; the rules live in core (running, season, schedule, progression, planner) and the
SQL in store/runs.py. Bad input raises UsageError (one
line, exit 2) before anything is written. The listing and the plan only read (`open_read_only`).
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import TYPE_CHECKING, Any

from runstrong.core.running import (
    WEEKDAYS,
    Priority,
    Run,
    RunKind,
    parse_distance,
    parse_kind,
    describe_week,
    parse_week_spec,
    run_json,
)
from runstrong.core.dates import LATEST, RANGE_TEXT, read_date
from runstrong.core.text import plain_text
from runstrong.export import check_output, write_atomically
from runstrong.store.problems import os_reason
from runstrong.errors import FileError, UsageError
from runstrong.plan_output import plan_ics, plan_output
from runstrong.plan_source import current_settings, make_plan

if TYPE_CHECKING:
    from runstrong.store import Store

ICS_PAST_DAYS = 30
"""Days before today from which an iCalendar file's events and recurrences are read (ours): a
month back covers the 14 recovery days after an A race (data/seasons.toml) with room to spare;
older runs no longer move the plan."""
ICS_FUTURE_DAYS = 365
"""Days after today up to which recurrences are expanded (ours): a season's races are within a
year, and an endless weekly rule must stop somewhere."""
MAX_PLAN_DAYS = 366
"""The longest plan `--days` accepts (ours): one year, leap day included."""


def parse_date(text: str, what: str, command: str) -> date:
    """`text` as an ISO date (YYYY-MM-DD) within core.dates' range. UsageError (exit 2)
    "runstrong COMMAND: ..." naming `what` (the argument, e.g. "--from") otherwise."""
    try:
        return read_date(text, what)
    except ValueError as err:
        raise UsageError(f"runstrong {command}: {err}") from None


# -- runs week / add / import / list ------------------------------------------------------


def set_week(store: Store, items: Sequence[str]) -> str:
    """`runs week mon=easy sat=long:25km ...`: replace the usual week with `items` (weekdays not
    named have no run) and say what it now is. UsageError (exit 2) for a bad item, nothing
    saved; StoreError (exit 1) if the database refuses the write."""
    try:
        week = parse_week_spec(items)
    except ValueError as err:
        raise UsageError(f"runstrong runs week: {err}") from None
    store.save_running_week(week)
    return "Usual week: " + (describe_week(week.days) or "no runs")


def new_run(date_text: str, kind_text: str, distance: str | None, name: str | None, priority: str | None) -> Run:
    """A run from `runs add` arguments; UsageError naming the bad one."""
    when = parse_date(date_text, "DATE", "runs add")
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
    """`runs add`: store `run` (see new_run) and say so ("Added 2027-05-23 race 21.1 km ...").
    StoreError (exit 1) if the database refuses the write."""
    store.add_run(run)
    return f"Added {describe_run(run)}"


def describe_run(run: Run) -> str:
    """One run as a line: ISO date, kind, distance in km, the name quoted with repr (so a stored
    control character shows as an escape, never reaches the terminal) and a race's priority."""
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
    """`runs import FILE.ics`: the calendar's runs and races from `today` - ICS_PAST_DAYS to
    `today` + ICS_FUTURE_DAYS, added or updated by uid (the same file twice changes nothing; a
    run the runner changed here keeps the change), and the report: counts, the first 50 runs, and every event not understood as FILE:what.
    `today` is the caller's (the CLI's clock), so the window can be fixed in tests. With
    `dry_run` nothing is written and the report says how many are new. UsageError (exit 2)
    "FILE:LINE: reason" for a file that cannot be read, nothing saved; StoreError (exit 1) if
    the database refuses the write."""
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
            + (f", {count.kept} kept your change" if count.kept else "")
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
    """`runs [--json]`: the usual week and every kept dated run and race. JSON: {"week": {"mon":
    {"kind", "distance_km"}, ...}, "runs": [{"uid", "date" (ISO), "kind", "distance_km", "name",
    "priority" (A/B/C or null), "source"}]}; text: one line each."""
    week = store.running_week()
    runs = store.runs()
    if as_json:
        payload = {
            "week": {
                WEEKDAYS[weekday]: {"kind": day.kind.value, "distance_km": day.distance_km}
                for weekday, day in sorted(week.days.items())
            },
            "runs": [run_json(run) for run in runs],
        }
        return json.dumps(payload, indent=2, ensure_ascii=False)
    lines = ["Usual week: " + (describe_week(week.days) or "none entered (runstrong runs week mon=easy ...)")]
    lines += [f"  {describe_run(run)}" for run in runs] or ["No dated runs or races."]
    return "\n".join(lines)


def check_span(days: int) -> int:
    """`plan --days N` checked: N itself, or UsageError (exit 2) outside 1..MAX_PLAN_DAYS."""
    if not 1 <= days <= MAX_PLAN_DAYS:
        raise UsageError(f"runstrong plan: --days must be 1..{MAX_PLAN_DAYS}, got {days}")
    return days


# -- the command line ----------------------------------------------------------------------


def run_command(args: Any, path: Path, now: datetime) -> str:
    """Run `runs ...` or `plan ...`; returns the text to print. UsageError on bad input."""
    from runstrong.store import Store

    today = now.date()
    if args.command == "plan":
        span = check_span(args.days)
        start = parse_date(args.start, "--from", "plan") if args.start else today
        last = start + timedelta(days=span - 1) if start <= LATEST else start
        if last > LATEST:
            raise UsageError(f"runstrong plan: the plan would end on {last.isoformat()}, after {LATEST.isoformat()} (dates run {RANGE_TEXT})")
        if args.ics and not args.output:
            raise UsageError("runstrong plan: --ics needs -o FILE")
        if args.output and not args.ics:
            raise UsageError("runstrong plan: -o FILE goes with --ics")
        store = Store.open_read_only(path)
        try:
            settings = current_settings(store)
            # The file's own programs and exercises too: the one followed may be an own one.
            plan = make_plan(store, store.catalog(), start, span, today)
        finally:
            store.close()
        if args.ics:
            target = Path(args.output)
            # Re-exporting replaces the calendar file (its events keep their UIDs), so no --force;
            # but only ever a regular file, written atomically and privately like an export.
            check_output(target, force=True, command="plan")
            try:
                write_atomically(target, plan_ics(plan, settings, now).decode("utf-8"))
            except OSError as err:
                raise FileError(f"plan: cannot write {target}: {os_reason(err)}") from None
            count = sum(1 for d in plan.days if d.strength and not d.strength.done)
            return f"Wrote {count} strength sessions to {target}"
        return plan_output(plan, settings, args.json)

    action = args.runs_command
    if action == "import" and args.dry_run:
        # On a private copy (or an empty database when there is none yet): the file is never
        # created or touched, and the report says what a real import would do.
        read_calendar_file(Path(args.file), today)
        return Store.rehearse(path, lambda copy: import_calendar(copy, Path(args.file), today, True))
    if action is None:
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
