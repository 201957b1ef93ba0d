"""Command line: parse arguments, run the no-TUI commands directly, or start the app.

Errors are one line on stderr: bad arguments exit 2, database problems exit 1. No tracebacks.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, NoReturn

from runstrong import __version__
from runstrong.core.catalog import Catalog, load_catalog
from runstrong.core.clock import SystemClock
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
    commands = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=OneLineParser)

    commands.add_parser("history", parents=[db], help="open the app on History")

    exercises = commands.add_parser("exercises", parents=[db], help="print the exercise catalog")
    exercises.add_argument("--json", action="store_true", help="print JSON instead of a table")

    export = commands.add_parser("export", parents=[db], help="print or write all data")
    export.add_argument("--format", choices=("json", "csv"), default="json")
    export.add_argument("-o", "--output", metavar="FILE", help="write to FILE instead of standard output")
    export.add_argument("--force", action="store_true", help="overwrite FILE if it exists")

    from runstrong.plan_command import add_parsers as add_plan_parsers

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


def print_exercises(catalog: Catalog, as_json: bool) -> None:
    exercises = list(catalog.exercises.values())
    if as_json:
        payload = [
            {
                "id": ex.id,
                "name": ex.name,
                "kind": ex.kind.value,
                "per_side": ex.per_side,
                "category": ex.category,
                "muscles": list(ex.muscles),
                "default": {
                    "sets": ex.default.sets,
                    "reps": ex.default.reps,
                    "hold_s": ex.default.hold_s,
                    "rest_s": ex.default.rest_s,
                    "ours": ex.default.ours,
                },
                "prescription": ex.prescription_label(),
                "why": ex.why,
                "cues": list(ex.cues),
                "sources": list(ex.sources),
            }
            for ex in exercises
        ]
        print(json.dumps(payload, indent=2, ensure_ascii=False))
        return
    rows = [("ID", "NAME", "KIND", "CATEGORY", "DEFAULT")]
    rows += [(ex.id, ex.name, ex.kind.value, ex.category, ex.prescription_label()) for ex in exercises]
    widths = [max(len(row[col]) for row in rows) for col in range(len(rows[0]))]
    for row in rows:
        print("  ".join(cell.ljust(width) for cell, width in zip(row, widths)).rstrip())


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


def run(argv: Sequence[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else list(argv)
    reject_negative_timer_values(argv)
    args = build_parser().parse_args(argv)
    from runstrong.store import Store, resolve_db_path

    # Resolved (and an empty --db or RUNSTRONG_DB refused) whatever the command.
    path = resolve_db_path(getattr(args, "db", None))
    if args.command == "exercises":
        print_exercises(load_catalog(), args.json)
        return 0

    if args.command == "export":
        from runstrong.export import check_output, write_export

        output = Path(args.output) if args.output else None
        check_output(output, args.force)  # a usage mistake is reported before the database is read
        # Export only reads: it never creates, migrates or locks the database.
        store = Store.open_read_only(path)
        try:
            write_export(store, args.format, output, args.force, SystemClock().now())
        finally:
            store.close()
        return 0

    if args.command in ("runs", "plan"):
        from runstrong.plan_command import run_command

        print(run_command(args, path, SystemClock().now()))
        return 0

    if args.command == "import":
        from runstrong.import_command import run_import

        return run_import(path, Path(args.file), args.format, args.unit, args.dry_run, args.json)

    quick = None
    if args.command == "timer":
        from runstrong.quick_timer import quick_timer_from_args

        quick = quick_timer_from_args(args, load_catalog())
    store, RunStrongApp = open_store_importing_app(path)
    app = RunStrongApp(store, start="history" if args.command == "history" else "today", quick=quick)
    try:
        app.run()
    finally:
        store.close()
    # Non-zero when the app ended on an unhandled error (Textual has printed it).
    return app.return_code or 0


def main(argv: Sequence[str] | None = None) -> None:
    from runstrong.store import StoreError
    from runstrong.store.problems import os_reason

    try:
        status = run(argv)
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
