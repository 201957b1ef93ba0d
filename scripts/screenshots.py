"""Save the README screenshots from the real app, driven by Pilot on a freshly seeded database.

    python scripts/screenshots.py            # writes screenshots/*.svg

Time is frozen (a fixed clock) so the pictures only change when a screen does.
"""

from __future__ import annotations

import asyncio
import sys
import tempfile
from collections.abc import Awaitable, Callable
from datetime import datetime, timedelta, timezone
from pathlib import Path

from textual.pilot import Pilot
from textual.widgets import Input

from runstrong.app import RunStrongApp
from runstrong.store import Store

OUT = Path(__file__).resolve().parent.parent / "screenshots"
SIZE = (100, 32)
MOMENT = datetime(2026, 11, 22, 18, 30, tzinfo=timezone(timedelta(hours=1)))


class FrozenClock:
    """Wall time stands still; monotonic time moves only when a script says."""

    def __init__(self) -> None:
        self.wall = MOMENT
        self.mono = 5000.0

    def now(self) -> datetime:
        return self.wall

    def monotonic(self) -> float:
        return self.mono

    def advance(self, seconds: float) -> None:
        self.wall += timedelta(seconds=seconds)
        self.mono += seconds


Script = Callable[[Pilot, FrozenClock], Awaitable[None]]


async def today(pilot: Pilot, clock: FrozenClock) -> None:
    for load in ("40", "40", "42.5"):
        await pilot.press("e")
        pilot.app.screen.query_one("#load-input", Input).value = load
        await pilot.press("enter", "space")
        clock.advance(150)
    await pilot.press("space", "space")
    clock.advance(20)
    await pilot.pause()


async def help_screen(pilot: Pilot, clock: FrozenClock) -> None:
    await pilot.press("question_mark")


SHOTS: dict[str, Script] = {"today": today, "help": help_screen}


async def shoot(name: str, script: Script, folder: Path) -> None:
    clock = FrozenClock()
    store = Store.open(folder / f"{name}.db")
    app = RunStrongApp(store, clock=clock)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await script(pilot, clock)
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
