"""Measure History, Progress and CSV export on ten years of history, against the goals of issue 4.

    python benchmarks/history.py [--db PATH] [--runs N]

Without --db it writes ten years with benchmarks/make_history.py into a temporary folder first.
What is measured, and how:

- History first paint vs a bare Textual app: each is started N times as a fresh subprocess
  in the same run, interleaved. runstrong runs as `runstrong --db DB history` does, through the
  CLI's own main (benchmarks/paint_probe.py adds only the probe). A third child, the same with
  every screen swapped for an empty one, shows the floor set by the imports, database, catalog
  and CSS. Time runs from just before the process is started to the moment the first frame with
  the History rows (or the bare app's one label and footer) has been painted; the child then
  exits at once. Interpreter start and imports count, as they do for a runner typing
  `runstrong history`. Goal: ≤ 1.5 × the bare app (medians).
- Progress open: in one process (App.run_test, 80×24), push the Progress screen of the
  exercise with the most sets and time until its first frame is painted; the data part
  (one indexed query + core.progress, as the screen runs it) is timed on its own too. A bare screen (a label and a
  footer) pushed the same way shows what Textual itself costs here. Goal: ≤ 150 ms (issue 11).
- CSV export: `runstrong export --format csv -o FILE` as a subprocess, wall time. Goal: ≤ 2 s.
- Peak memory: ru_maxrss of each child process (History, export). Goal: ≤ 150 MB.
"""

from __future__ import annotations

import argparse
import asyncio
import gc
import os
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import date
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

# Children print "painted <ms since the parent started them>" and exit right after the first frame.
_PAINT_PROBE = """
import os, sys, time
started = int(os.environ["BENCH_STARTED_NS"])
def painted(app):
    # os.write: Textual captures sys.stdout while an app runs.
    os.write(1, f"painted {(time.time_ns() - started) / 1e6:.1f}\\n".encode())
    app.exit()
"""

BARE_CHILD = _PAINT_PROBE + """
from textual.app import App
from textual.widgets import Footer, Label

class BareApp(App[None]):
    BINDINGS = [("h", "bell", "History"), ("q", "quit", "Quit")]
    def compose(self):
        yield Label("History")
        yield Footer()
    def on_mount(self) -> None:
        self.call_after_refresh(painted, self)

BareApp().run(headless=True, size=(80, 24))
"""


def run_child(args: list[str]) -> tuple[str, float, float]:
    """Run a child process; returns (stdout, wall ms, peak RSS in MB)."""
    env = dict(os.environ, BENCH_STARTED_NS=str(time.time_ns()), TEXTUAL_ANIMATIONS="none")
    began = time.perf_counter()
    child = subprocess.Popen(args, stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=env, text=True)
    _, status, usage = os.wait4(child.pid, 0)
    wall = (time.perf_counter() - began) * 1000
    out = child.stdout.read() if child.stdout else ""
    err = child.stderr.read() if child.stderr else ""
    if status != 0:
        raise SystemExit(f"child failed ({status}): {' '.join(args)}\n{err}")
    # ru_maxrss is in kilobytes on Linux.
    return out, wall, usage.ru_maxrss / 1024


def painted_ms(out: str) -> float:
    for line in out.splitlines():
        if line.startswith("painted "):
            return float(line.split()[1])
    raise SystemExit(f"no paint time in child output: {out!r}")


def first_paint(db: Path, folder: Path, runs: int) -> dict[str, float]:
    probe = str(HERE / "paint_probe.py")
    bare = folder / "bare_child.py"
    # Textual wants the app class in a real file (it looks for CSS beside it), not in python -c.
    bare.write_text(BARE_CHILD, encoding="utf-8")
    children = {
        "history": [sys.executable, probe, "history", "--", "--db", str(db), "history"],
        "shell": [sys.executable, probe, "history", "--empty-screens", "--", "--db", str(db), "history"],
        "bare": [sys.executable, str(bare)],
    }
    times: dict[str, list[float]] = {name: [] for name in children}
    rss = []
    for _ in range(runs):
        # Interleaved, so all three see the same machine conditions.
        for name, args in children.items():
            out, _, peak = run_child(args)
            times[name].append(painted_ms(out))
            if name == "history":
                rss.append(peak)
    return {
        "history_ms": statistics.median(times["history"]),
        "shell_ms": statistics.median(times["shell"]),
        "bare_ms": statistics.median(times["bare"]),
        "history_max_rss_mb": max(rss),
    }


async def progress_open(db: Path, runs: int) -> list[dict[str, object]]:
    """Open times for the exercise with the most sets and for a typical (median) one."""
    from textual.screen import Screen
    from textual.widgets import Footer, Label

    from runstrong.app import RunStrongApp
    from runstrong.core.settings import Unit
    from runstrong.screens.progress import ProgressScreen, exercise_progress
    from runstrong.store import Store

    class BareScreen(Screen[None]):
        def compose(self):  # type: ignore[no-untyped-def]
            yield Label("Progress")
            yield Footer()

    store = Store.open(db)
    by_size = store.conn.execute(
        "SELECT exercise_id, exercise, COUNT(*) FROM set_logs WHERE done_at IS NOT NULL "
        "GROUP BY exercise_id ORDER BY 3 DESC"
    ).fetchall()
    chosen = {"most sets": by_size[0], "median": by_size[len(by_size) // 2]}

    async def time_push(app: RunStrongApp, make_screen) -> float:  # type: ignore[no-untyped-def]
        painted = asyncio.get_running_loop().create_future()
        screen = make_screen()
        screen.call_after_refresh(lambda: painted.done() or painted.set_result(time.perf_counter()))
        began = time.perf_counter()
        await app.push_screen(screen)
        ended = await painted
        await app.pop_screen()
        return (ended - began) * 1000

    results = []
    app = RunStrongApp(store, start="history")
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        for label, (exercise_id, name, count) in chosen.items():
            data_ms, screen_ms, bare_ms = [], [], []
            for _ in range(runs):
                # What ProgressScreen does before it builds a widget: the query and all the numbers.
                began = time.perf_counter()
                # With the cyclic collector off, as the screen builds (pause_cyclic_gc_until_painted).
                gc.disable()
                exercise_progress(store.exercise_sets(exercise_id), Unit.KG, date.today())
                gc.enable()
                data_ms.append((time.perf_counter() - began) * 1000)
                screen_ms.append(await time_push(app, lambda: ProgressScreen(exercise_id, name)))
                await pilot.pause()
                bare_ms.append(await time_push(app, BareScreen))
                await pilot.pause()
            results.append({
                "exercise": f"{name} ({count:,} sets, {label})",
                "data_ms": statistics.median(data_ms),
                "open_ms": statistics.median(screen_ms),
                "bare_screen_ms": statistics.median(bare_ms),
            })
    store.close()
    return results


def csv_export(db: Path, folder: Path, runs: int) -> dict[str, float]:
    walls, rss = [], []
    target = folder / "export.csv"
    for _ in range(runs):
        target.unlink(missing_ok=True)
        _, wall, peak = run_child(
            [sys.executable, "-m", "runstrong", "--db", str(db), "export", "--format", "csv", "-o", str(target)]
        )
        walls.append(wall)
        rss.append(peak)
    rows = sum(1 for _ in target.open(encoding="utf-8")) - 1
    return {"export_ms": statistics.median(walls), "export_max_rss_mb": max(rss), "rows": rows}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", type=Path, help="a database to measure (default: write ten years first)")
    parser.add_argument("--runs", type=int, default=5, help="repetitions; medians are reported")
    parser.add_argument("--progress-only", action="store_true", help="measure only the Progress open time")
    args = parser.parse_args(argv)

    with tempfile.TemporaryDirectory(prefix="runstrong-bench-") as temp:
        folder = Path(temp)
        db = args.db
        if db is None:
            from make_history import make_history

            db = folder / "ten-years.db"
            began = time.perf_counter()
            sessions, ticked = make_history(db, 10)
            print(f"wrote {sessions:,} sessions, {ticked:,} sets in {time.perf_counter() - began:.1f} s")
        if args.progress_only:
            for one in asyncio.run(progress_open(db, args.runs)):
                print(f"Progress open            {one['open_ms']:7.0f} ms   {one['exercise']}: data {one['data_ms']:.0f} ms,"
                      f" a bare screen {one['bare_screen_ms']:.0f} ms   (goal ≤ 150 ms)")
            return 0
        paint = first_paint(db, folder, args.runs)
        progress = asyncio.run(progress_open(db, args.runs))
        export = csv_export(db, folder, args.runs)

    ratio = paint["history_ms"] / paint["bare_ms"]
    print(f"History first paint      {paint['history_ms']:7.0f} ms   bare Textual app {paint['bare_ms']:.0f} ms"
          f"   ratio {ratio:.2f}×   (goal ≤ 1.5×)")
    print(f"  runstrong, empty screen {paint['shell_ms']:6.0f} ms   ratio {paint['shell_ms'] / paint['bare_ms']:.2f}×"
          "   (imports, store, catalog, CSS: the floor for any first screen)")
    for one in progress:
        print(f"Progress open            {one['open_ms']:7.0f} ms   {one['exercise']}: data {one['data_ms']:.0f} ms,"
              f" a bare screen {one['bare_screen_ms']:.0f} ms   (goal ≤ 150 ms)")
    print(f"CSV export               {export['export_ms']:7.0f} ms   {export['rows']:,} rows, whole process   (goal ≤ 2000 ms)")
    print(f"Peak memory (RSS)        {max(paint['history_max_rss_mb'], export['export_max_rss_mb']):7.0f} MB"
          f"   History {paint['history_max_rss_mb']:.0f} MB, export {export['export_max_rss_mb']:.0f} MB   (goal ≤ 150 MB)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
