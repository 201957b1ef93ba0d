"""Child process for the start-up benchmarks: start an app headless, report its first paint.

    python benchmarks/first_paint.py bare
    python benchmarks/first_paint.py runstrong DB [today|history]

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


if __name__ == "__main__":
    if sys.argv[1] == "bare":
        bare()
    else:
        runstrong(sys.argv[2], sys.argv[3] if len(sys.argv) > 3 else "today")
