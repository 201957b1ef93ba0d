"""Save the README screenshots from the real app, driven by Pilot on a freshly seeded database.

    python scripts/screenshots.py            # writes screenshots/*.svg

Time is frozen (a fixed clock) so the pictures only change when a screen does.
"""

from __future__ import annotations

import asyncio
import sys
import tempfile
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from datetime import datetime, timedelta, timezone
from pathlib import Path

from textual.pilot import Pilot
from textual.widgets import Input

from runstrong.app import RunStrongApp
from runstrong.cli import build_parser
from runstrong.core.catalog import load_catalog
from runstrong.core.clock import ManualClock
from runstrong.quick_timer import quick_timer_from_args
from runstrong.store import Store

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "benchmarks"))
from make_history import make_history  # noqa: E402

OUT = Path(__file__).resolve().parent.parent / "screenshots"
SIZE = (100, 32)
MOMENT = datetime(2026, 11, 22, 18, 30, tzinfo=timezone(timedelta(hours=1)))


Script = Callable[[Pilot, ManualClock], Awaitable[None]]


async def today(pilot: Pilot, clock: ManualClock) -> None:
    for load in ("40", "40", "42.5"):
        await pilot.press("e")
        pilot.app.screen.query_one("#load-input", Input).value = load
        await pilot.press("enter", "space")
        clock.advance(150)
    await pilot.press("space", "space")
    clock.advance(20)
    await pilot.pause()


async def help_screen(pilot: Pilot, clock: ManualClock) -> None:
    await pilot.press("question_mark")


async def timer(pilot: Pilot, clock: ManualClock) -> None:
    # A Copenhagen plank, per side: 5 s get-ready, then 12 s into the left side.
    clock.advance(5 + 12)
    pilot.app.screen.poll()  # type: ignore[attr-defined]


async def history(pilot: Pilot, clock: ManualClock) -> None:
    await pilot.pause()


async def progress(pilot: Pilot, clock: ManualClock) -> None:
    from runstrong.screens.progress import ProgressScreen

    await pilot.app.push_screen(ProgressScreen("single-leg-rdl", "Single-leg RDL"))
    await pilot.pause()


async def program_editor(pilot: Pilot, clock: ManualClock) -> None:
    # A copy of the beginner program, made one's own: squats as 3 × 8–12 @ 40 kg, 2 min rest.
    from textual.widgets import OptionList

    await pilot.press("p", "d")
    screen = pilot.app.screen
    screen.query_one("#name-input", Input).value = "Beginner, my gym"
    screen.query_one(OptionList).highlighted = 1
    await pilot.press("e")
    form = pilot.app.screen
    for field, value in (("amount", "8-12"), ("load", "40"), ("rest_s", "2m")):
        form.query_one(f"#{field}-input", Input).value = value
    await pilot.press("enter")
    await pilot.pause()


async def plan(pilot: Pilot, clock: ManualClock) -> None:
    await pilot.press("down", "down", "down")  # Wednesday: an easy run and a placed session
    await pilot.pause()


def enter_running(store: Store) -> None:
    """A usual running week and an A race four weeks out, as `runstrong runs ...` would enter them."""
    from runstrong.core.running import Priority, Run, RunKind, parse_week_spec

    store.save_running_week(parse_week_spec(["mon=easy", "tue=hard", "wed=easy:8km", "thu=hard", "fri=easy", "sat=long:25km"]))
    store.add_run(Run(MOMENT.date() + timedelta(days=28), RunKind.RACE, 21.1, "City Half", Priority.A))


@dataclass(frozen=True)
class Shot:
    script: Script
    start: str = "today"
    seeded: bool = False
    """Start from half a year of history written by benchmarks/make_history.py."""
    quick: tuple[str, ...] = ()
    """`runstrong timer` arguments, to open on the quick timer."""
    running: bool = False
    """Enter a running week and an A race first (the plan)."""


SHOTS: dict[str, Shot] = {
    "today": Shot(today),
    "help": Shot(help_screen),
    "timer": Shot(timer, quick=("45s", "--exercise", "copenhagen", "--sets", "2", "--rest", "1m")),
    "history": Shot(history, start="history", seeded=True),
    "progress": Shot(progress, start="history", seeded=True),
    "program_editor": Shot(program_editor),
    "plan": Shot(plan, start="plan", seeded=True, running=True),
}


async def shoot(name: str, shot: Shot, folder: Path) -> None:
    clock = ManualClock(MOMENT)
    path = folder / f"{name}.db"
    if shot.seeded:
        make_history(path, 1, end=MOMENT.date() - timedelta(days=1))
    store = Store.open(path)
    if shot.running:
        enter_running(store)
    quick = None
    if shot.quick:
        quick = quick_timer_from_args(build_parser().parse_args(["timer", *shot.quick]), load_catalog())
    app = RunStrongApp(store, clock=clock, start=shot.start, quick=quick)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await shot.script(pilot, clock)
        await pilot.pause()
        app.save_screenshot(str(OUT / f"{name}.svg"))
    store.close()


async def main(names: list[str]) -> None:
    OUT.mkdir(exist_ok=True)
    with tempfile.TemporaryDirectory() as folder:
        for name in names or list(SHOTS):
            await shoot(name, SHOTS[name], Path(folder))
            print(f"screenshots/{name}.svg")


if __name__ == "__main__":
    asyncio.run(main(sys.argv[1:]))
