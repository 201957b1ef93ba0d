"""Command line: parse arguments, run the no-TUI commands directly, or start the app.

Errors are one line on stderr: bad arguments exit 2, database problems exit 1. No tracebacks.
"""

from __future__ import annotations

import argparse
import gc
import re
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any, NoReturn

from runstrong import __version__
from runstrong.core.clock import Clock, SystemClock
from runstrong.core.durations import ACCEPTED
from runstrong.errors import FileError, UsageError

if TYPE_CHECKING:
    from runstrong.app import RunStrongApp
    from runstrong.store import Store

NEGATIVE = re.compile(r"^-\d")


class OneLineParser(argparse.ArgumentParser):
    """argparse, but a mistake is one line (what is wrong), not usage plus a message."""

    def error(self, message: str) -> NoReturn:
        raise UsageError(f"{self.prog}: {message} (see --help)")


def build_parser() -> argparse.ArgumentParser:
    db = OneLineParser(add_help=False)
    db.add_argument(
        "--db",
        metavar="PATH",
        default=argparse.SUPPRESS,
        help="database file (default: RUNSTRONG_DB, else the per-user data directory)",
    )
    parser = OneLineParser(
        prog="runstrong",
        description="A terminal strength-training tracker for runners. With no command it opens on Today.",
        epilog="Examples: runstrong · runstrong timer 45s · runstrong timer 1:00 --sides --exercise copenhagen",
        parents=[db],
    )
    parser.add_argument("--version", action="version", version=f"runstrong {__version__}")
    parser.add_argument("--program", metavar="ID", help="open Today on this program; it becomes the one followed")
    parser.add_argument("--day", metavar="NAME", help="with --program: do this day of it today")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=OneLineParser)

    commands.add_parser("history", parents=[db], help="open the app on History")

    exercises = commands.add_parser("exercises", parents=[db], help="print the exercise catalog, packaged and own")
    exercises.add_argument("--json", action="store_true", help="print JSON instead of a table")

    programs = commands.add_parser("programs", parents=[db], help="list programs; add or show own ones")
    programs.add_argument("--json", action="store_true", help="print JSON instead of a table")
    program_commands = programs.add_subparsers(dest="programs_command", metavar="add|show", parser_class=OneLineParser)
    add = program_commands.add_parser("add", parents=[db], help="add own exercises and programs from a routine file")
    add.add_argument("file", metavar="FILE.toml", help="a routine file (docs/programs.md)")
    add.add_argument("--replace", action="store_true", help="update own entries that exist already")
    show = program_commands.add_parser("show", parents=[db], help="print one program")
    show.add_argument("program_id", metavar="ID")
    form = show.add_mutually_exclusive_group()
    form.add_argument("--toml", dest="form", action="store_const", const="toml", help="a routine file `add` takes back")
    form.add_argument("--json", dest="form", action="store_const", const="json", help="JSON")

    export = commands.add_parser("export", parents=[db], help="print or write all data but settings")
    export.add_argument("--format", choices=("json", "csv"), default="json")
    export.add_argument("-o", "--output", metavar="FILE", help="write to FILE instead of standard output")
    export.add_argument("--force", action="store_true", help="overwrite FILE if it exists")

    add_plan_parsers(commands, db)

    imports = commands.add_parser("import", parents=[db], help="bring in Strong, Hevy, FitNotes or runstrong exports")
    imports.add_argument("file", metavar="FILE", help="the exported file (CSV or runstrong JSON)")
    imports.add_argument("--format", choices=("strong", "hevy", "fitnotes", "runstrong"), default=None,
                         help="the file's format (default: recognised from its header)")
    imports.add_argument("--unit", choices=("kg", "lb"), default=None,
                         help="weight unit, for files that do not state it (Strong's comma layout)")
    imports.add_argument("--dry-run", action="store_true", help="report what would be imported; write nothing")
    imports.add_argument("--json", action="store_true", help="print the report as JSON")

    timer = commands.add_parser("timer", parents=[db], help="start a hold timer at once")
    timer.add_argument("duration", metavar="DURATION", help="hold length: 45, 45s, 1:30, 2m or 1m30s")
    timer.add_argument("--sides", action="store_true", help="hold each side (left, then right)")
    timer.add_argument("--sets", default="1", metavar="N", help="number of sets (default 1)")
    timer.add_argument("--rest", metavar="DURATION", default="0", help="rest between sets (default none)")
    timer.add_argument("--lead", metavar="DURATION", default=None, help="get-ready count (default: the Settings value, 5s)")
    timer.add_argument("--exercise", metavar="NAME", default=None, help="log under this exercise, e.g. plank")
    timer.add_argument("--no-log", action="store_true", help="do not write the holds to history")
    return parser


def add_plan_parsers(commands: Any, db: argparse.ArgumentParser) -> None:
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
    plan.add_argument(
        "-o", "--output", metavar="FILE",
        help="with --ics: the file to write; replaces an existing file (re-exporting updates the calendar)",
    )


def reject_negative_timer_values(argv: Sequence[str]) -> None:
    """argparse reads "-5s" as an unknown option and blames a missing DURATION; say what is wrong."""
    if "timer" not in argv:
        return
    for token in list(argv)[list(argv).index("timer") + 1 :]:
        if NEGATIVE.match(token):
            raise UsageError(
                f"runstrong timer: negative values are not accepted ({token!r}); "
                f"durations are {ACCEPTED}, counts are whole numbers from 1"
            )


def open_store_importing_app(path: Path) -> tuple[Store, type[RunStrongApp]]:
    """Check the database on a second thread while the app (Textual, ~0.3 s) is imported: the
    check reads the whole file, ~30 ms on ten years of history, and need not wait its turn."""
    from concurrent.futures import ThreadPoolExecutor

    from runstrong.store import Store

    with ThreadPoolExecutor(max_workers=1) as pool:
        checking = pool.submit(Store.check, path)
        from runstrong.app import RunStrongApp

        checking.result()  # a StoreError from the check is raised here
    # A file we may not write opens read-only (History and export work; the app says why).
    return Store.open_checked(path, allow_read_only=True), RunStrongApp


def run(argv: Sequence[str] | None = None, clock: Clock | None = None) -> int:
    argv = sys.argv[1:] if argv is None else list(argv)
    reject_negative_timer_values(argv)
    args = build_parser().parse_args(argv)
    clock = clock or SystemClock()
    if args.day is not None and args.program is None:
        raise UsageError("runstrong: --day needs --program ID (see --help)")
    if args.program is not None and args.command is not None:
        raise UsageError(f"runstrong: --program opens Today; it does not go with {args.command!r} (see --help)")

    from runstrong.store import Store, resolve_db_path

    # Resolved (and an empty --db or RUNSTRONG_DB refused) whatever the command.
    path = resolve_db_path(getattr(args, "db", None))
    if args.command in ("exercises", "programs"):
        print(run_catalog_command(args, path))
        return 0
    if args.command == "export":
        from runstrong.export import check_output, write_export

        output = Path(args.output) if args.output else None
        check_output(output, args.force)  # a usage mistake is reported before the database is read
        # Export only reads: it never creates, migrates or locks the database.
        store = Store.open_read_only(path)
        try:
            write_export(store, args.format, output, args.force, clock.now())
        finally:
            store.close()
        return 0

    if args.command in ("runs", "plan"):
        from runstrong.plan_command import run_command

        print(run_command(args, path, clock.now()))
        return 0

    if args.command == "import":
        from runstrong.import_command import run_import

        return run_import(path, Path(args.file), args.format, args.unit, args.dry_run, args.json)

    quick = None
    if args.command == "timer":
        from runstrong.quick_timer import quick_timer_from_args

        # Own exercises too: `--exercise "wall sit"` logs under the runner's own exercise.
        quick = quick_timer_from_args(args, Store.read_catalog(path))
    store, RunStrongApp = open_store_importing_app(path)
    try:
        start_day = follow_program(store, args.program, args.day) if args.program is not None else None
    except UsageError:
        store.close()
        raise
    app = RunStrongApp(store, start="history" if args.command == "history" else "today", quick=quick, start_day=start_day)
    # What is imported and built by now (Textual, the modules, the catalog) lives as long as the
    # process: out of every later collection, it no longer costs the first paint a full
    # collection (~12 ms with a year of history) nor the hold timer a pause.
    gc.freeze()
    try:
        app.run()
    finally:
        store.close()
    # Non-zero when the app ended on an unhandled error (Textual has printed it).
    return app.return_code or 0


def run_catalog_command(args: argparse.Namespace, path: Path) -> str:
    """`exercises`, `programs`, `programs show` (read only) and `programs add`: the text to print."""
    from runstrong import programs_command
    from runstrong.store import Store

    if args.command == "programs" and args.programs_command == "add":
        return programs_command.add_routine(path, args.file, args.replace)
    catalog = Store.read_catalog(path)
    if args.command == "exercises":
        return programs_command.exercises_text(catalog, args.json)
    if args.programs_command == "show":
        return programs_command.show_text(catalog, args.program_id, args.form or "text")
    return programs_command.programs_text(catalog, args.json)


def follow_program(store: Store, program_id: str, day: str | None) -> tuple[str, int] | None:
    """`--program ID [--day NAME]`: make the program the one followed; the chosen day (program id,
    day index) for Today, or None. UsageError for an unknown program or day."""
    from runstrong import programs_command

    program = programs_command.find_program(store.catalog(), program_id, "runstrong --program")
    day_index = programs_command.find_day(program, day)
    store.save_settings({"program_id": program.id})
    return (program.id, day_index) if day_index is not None else None


def main(argv: Sequence[str] | None = None, clock: Clock | None = None) -> None:
    """The `runstrong` command: run it and exit with its status (0, 1 for a file or database
    problem, 2 for a usage mistake, 130 on ctrl+c). `clock` is for tests: "today" for `runs` and
    `plan` (the calendar import window, the plan's first day) and the export's stamp come from
    it; the real clock otherwise. Deliberately not an environment variable a runner could set by
    accident."""
    from runstrong.store import StoreError
    from runstrong.store.problems import os_reason

    try:
        status = run(argv, clock)
    except UsageError as error:
        print(error, file=sys.stderr)
        status = 2
    except (StoreError, FileError) as error:
        print(f"runstrong: {error}", file=sys.stderr)
        status = 1
    except BrokenPipeError:
        status = 0
    except OSError as error:
        # Any other problem with a path (too long, a folder we may not read, disk full): one
        # line naming it, never a traceback.
        where = f"{error.filename}: " if error.filename else ""
        print(f"runstrong: {where}{os_reason(error)}", file=sys.stderr)
        status = 1
    except KeyboardInterrupt:
        status = 130
    sys.exit(status)
