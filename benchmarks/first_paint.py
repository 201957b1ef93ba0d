"""Child process for the start-up benchmarks: start an app headless, report its first paint.

    python benchmarks/first_paint.py bare
    python benchmarks/first_paint.py runstrong DB [today|history]
    python benchmarks/first_paint.py command DB

`runstrong` builds the app straight from a Store; `command` runs the CLI's own `main` as the
`runstrong --db DB` command does (argument parsing, the database check on its thread while the
app is imported), with only the first-paint report added to the app's `run`.

Writes "painted" on file descriptor 1 once the first screen has been composed, mounted and
rendered, then exits. The parent times process start to that line, so interpreter start-up and
imports count, exactly as they do for a runner typing `runstrong`.
"""

from __future__ import annotations

import os
import sys


async def report_first_paint(pilot) -> None:  # type: ignore[no-untyped-def]
    await pilot.pause()  # let the first screen finish mounting and refresh once
    os.write(1, b"painted\n")
    pilot.app.exit()


def bare() -> None:
    from textual.app import App, ComposeResult
    from textual.widgets import Footer, Header, Label

    class Bare(App[None]):
        def compose(self) -> ComposeResult:
            yield Header()
            yield Label("Hello")
            yield Footer()

    Bare().run(headless=True, size=(80, 24), auto_pilot=report_first_paint)


def runstrong(db: str, mode: str) -> None:
    from runstrong.app import RunStrongApp
    from runstrong.store import Store

    store = Store.open(db)
    RunStrongApp(store, start=mode).run(headless=True, size=(80, 24), auto_pilot=report_first_paint)
    store.close()


def headless_with_report(module) -> None:  # type: ignore[no-untyped-def]
    """Make RunStrongApp.run headless at 80x24 with the first-paint report."""
    original = module.RunStrongApp.run

    def run(self, **kwargs):  # type: ignore[no-untyped-def]
        return original(self, headless=True, size=(80, 24), auto_pilot=report_first_paint)

    module.RunStrongApp.run = run


def command(db: str) -> None:
    from on_import import PatchOnImport

    # Patched as the CLI imports it: importing runstrong.app here first would take away the
    # CLI's overlap of the database check with that import.
    sys.meta_path.insert(0, PatchOnImport("runstrong.app", headless_with_report))
    from runstrong import cli

    cli.main(["--db", db])


if __name__ == "__main__":
    if sys.argv[1] == "bare":
        bare()
    elif sys.argv[1] == "command":
        command(sys.argv[2])
    else:
        runstrong(sys.argv[2], sys.argv[3] if len(sys.argv) > 3 else "today")
