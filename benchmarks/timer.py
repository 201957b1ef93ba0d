"""Measure the hold timer: how close a hold ends to its deadline on a stalled loop, and its CPU cost.

Run from the project root (about two minutes with the defaults):

    .venv/bin/python benchmarks/timer.py            # 30 s holds, 20 s CPU samples
    .venv/bin/python benchmarks/timer.py --seconds 10 --cpu-seconds 10

(a) Deadline. A headless app (`run_test`, real SystemClock) runs a hold of --seconds while a
    set_interval callback inside the app blocks its event loop for 200 ms every second. Reported:
    - "logged end": where the hold's end lands, i.e. the time HoldClock hands to the log and to the
      next phase (it should be the deadline exactly: stalls never add drift);
    - "bell": how long after the deadline the bell rang (the clock's own timer thread rings it,
      so a busy loop cannot hold it back; this is what a runner in a plank waits for);
    - "noticed": how long after the deadline the screen saved the hold and said "Hold complete".
    Twice: with the deadline between two stalls, and with it 100 ms into a stall (nothing in one
    thread can run during a blocked loop, so there the loop itself sets the floor).
(b) CPU. Process CPU time (time.process_time) over --cpu-seconds of a running hold, scaled to
    CPU seconds per minute and % of one core, beside a bare Textual app that redraws a clock at
    60 Hz, and an idle Today screen, all headless in this same process (so no terminal output:
    the figures are the app's own work).
"""

from __future__ import annotations

import argparse
import asyncio
import tempfile
import time
from pathlib import Path

from textual.app import App, ComposeResult
from textual.widgets import Static

from runstrong.app import RunStrongApp
from runstrong.core.holdclock import TimerPlan
from runstrong.screens.hold_timer import CompletedHold, HoldTimerScreen
from runstrong.store import Store

STALL_S = 0.2
STALL_EVERY_S = 1.0
GOAL_MS = 50.0
CPU_GOAL_PCT = 1.0


def build_app(folder: Path) -> RunStrongApp:
    return RunStrongApp(Store.open(folder / "bench.db"))


async def deadline_run(folder: Path, hold_s: int, stall_offset: float) -> tuple[float, float, float]:
    """One hold on a stalled loop; returns (logged end, bell, noticed) - deadline, in ms.

    `stall_offset` places the stalls: each begins that many seconds after a whole second counted
    from the hold's start (the deadline is a whole number of seconds after it).
    """
    app = build_app(folder)
    ended: list[tuple[float, float]] = []
    bells: list[float] = []
    app.bell = lambda: bells.append(time.monotonic())  # type: ignore[method-assign]

    def commit(hold: CompletedHold) -> bool:
        ended.append((time.monotonic(), hold.ended_at))
        return True

    def stall() -> None:
        time.sleep(STALL_S)  # a slow handler somewhere in the app, holding the loop

    async with app.run_test(size=(80, 24)) as pilot:
        screen = HoldTimerScreen(TimerPlan(hold_s=hold_s, lead_s=0), "Benchmark", app.clock, commit=commit)
        await app.push_screen(screen)
        deadline = time.monotonic() + screen.hold.remaining()
        start = deadline - hold_s
        first = start + (stall_offset % STALL_EVERY_S)
        while first - STALL_EVERY_S < time.monotonic():
            first += STALL_EVERY_S
        # An interval's first tick is one period after it starts: start it a period early.
        app.set_timer(first - STALL_EVERY_S - time.monotonic(), lambda: app.set_interval(STALL_EVERY_S, stall))
        while not ended:
            await asyncio.sleep(0.05)
        await pilot.pause()
        assert "Hold complete" in str(screen.query_one("#summary-title").render())
    app.store.close()
    noticed, logged_end = ended[0]
    bell = min((b for b in bells if b >= deadline - 0.5), default=float("nan"))
    return (logged_end - deadline) * 1000, (bell - deadline) * 1000, (noticed - deadline) * 1000


async def cpu_of(app: App[object], seconds: float, setup=None) -> float:  # type: ignore[no-untyped-def]
    """CPU seconds per wall second of `app` running headless for `seconds` (after a warm-up)."""
    async with app.run_test(size=(80, 24)) as pilot:
        if setup is not None:
            await setup(app)
        await pilot.pause()
        await asyncio.sleep(1.0)
        cpu0, wall0 = time.process_time(), time.monotonic()
        await asyncio.sleep(seconds)
        cpu1, wall1 = time.process_time(), time.monotonic()
    return (cpu1 - cpu0) / (wall1 - wall0)


class SixtyHertzClock(App[None]):
    """The pattern to avoid: a countdown redrawn every frame."""

    def compose(self) -> ComposeResult:
        yield Static(id="clock")

    def on_mount(self) -> None:
        self.set_interval(1 / 60, self.redraw)

    def redraw(self) -> None:
        self.query_one("#clock", Static).update(f"{time.monotonic():.3f}")


async def main(hold_s: int, cpu_s: float) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        print(f"(a) end of a {hold_s} s hold, event loop stalled {STALL_S * 1000:.0f} ms every {STALL_EVERY_S:.0f} s")
        for label, offset in (("deadline between stalls", 0.5), ("deadline 100 ms into a stall", -0.1)):
            logged, bell, noticed = await deadline_run(folder, hold_s, offset)
            print(f"    {label:30} logged end {logged:+6.1f} ms   bell {bell:+6.1f} ms   noticed {noticed:+7.1f} ms")
        print(f"    goal: within {GOAL_MS:.0f} ms of the deadline")

        print(f"(b) CPU over {cpu_s:.0f} s, headless, as % of one core (and CPU s per minute)")

        async def long_hold(app: App[object]) -> None:
            assert isinstance(app, RunStrongApp)
            await app.push_screen(HoldTimerScreen(TimerPlan(hold_s=3600, lead_s=0), "Benchmark", app.clock))

        runs = {
            "running hold (4 Hz poll)": (build_app(folder), long_hold),
            "bare Textual app at 60 Hz": (SixtyHertzClock(), None),
            "idle Today screen": (build_app(folder), None),
        }
        for label, (app, setup) in runs.items():
            share = await cpu_of(app, cpu_s, setup)
            if isinstance(app, RunStrongApp):
                app.store.close()
            print(f"    {label:30} {share * 100:6.2f} %   {share * 60:6.2f} CPU s/min")
        print(f"    goal for the running hold: at most {CPU_GOAL_PCT:.0f} % of a core")


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seconds", type=int, default=30, help="hold length for (a) (default 30)")
    parser.add_argument("--cpu-seconds", type=float, default=20.0, help="sampling time per CPU figure (default 20)")
    options = parser.parse_args()
    asyncio.run(main(options.seconds, options.cpu_seconds))
