"""Print runstrong's first-paint time beside a bare Textual app measured in the same run.

    python benchmarks/startup.py [--runs N]

Cases: an empty database, and one year of history written by make_history.py, each opened by the
app straight from a Store and by the real `runstrong --db DB` command (the CLI checks the database
on a thread while it imports the app, and freezes the garbage collector's view of what is
imported before the app runs). Each case starts a fresh process N times, interleaved with the
baseline so machine noise hits both alike, and reports the median. Goal: runstrong / bare ≤ 1.25;
the command is what a runner starts, so its figure is the one that counts.

Measure a regular install (`pip install .`, as README says), run from outside the source tree: an
editable install adds an import hook that costs runstrong about 20 ms the bare app does not pay.
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
CHILD = HERE / "first_paint.py"


def first_paint_s(*args: str) -> float:
    start = time.perf_counter()
    child = subprocess.Popen([sys.executable, str(CHILD), *args], stdout=subprocess.PIPE, stderr=subprocess.DEVNULL)
    assert child.stdout is not None
    line = child.stdout.readline()
    elapsed = time.perf_counter() - start
    child.wait(timeout=60)
    if line.strip() != b"painted":
        raise SystemExit(f"child {args} did not report a first paint")
    return elapsed


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=9)
    runs = parser.parse_args().runs
    with tempfile.TemporaryDirectory() as folder:
        empty = Path(folder) / "empty.db"
        year = Path(folder) / "year.db"
        subprocess.run([sys.executable, str(CHILD), "runstrong", str(empty)], check=True, stdout=subprocess.DEVNULL)
        subprocess.run(
            [sys.executable, str(HERE / "make_history.py"), "--years", "1", "--out", str(year)],
            check=True,
            stdout=subprocess.DEVNULL,
        )
        cases = {
            "bare Textual app": ("bare",),
            "runstrong, empty db": ("runstrong", str(empty)),
            "runstrong, one year": ("runstrong", str(year)),
            "command, empty db": ("command", str(empty)),
            "command, one year": ("command", str(year)),
        }
        times: dict[str, list[float]] = {name: [] for name in cases}
        first_paint_s("bare")  # warm the file cache before measuring anything
        for _ in range(runs):
            for name, args in cases.items():
                times[name].append(first_paint_s(*args))
    baseline = statistics.median(times["bare Textual app"])
    import runstrong

    print(f"first paint, median of {runs} fresh processes (80x24, headless); runstrong from {Path(runstrong.__file__).parent}")
    for name, samples in times.items():
        median = statistics.median(samples)
        print(f"  {name:<22} {median * 1000:7.1f} ms   {median / baseline:5.2f}x bare")


if __name__ == "__main__":
    main()
