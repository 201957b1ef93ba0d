"""How long the plan takes on ten years of history: Today's share (targets + banner, read at
every Today load) and a 28-day `runstrong plan`. Prints milliseconds (median of 20 runs).

    python benchmarks/plan.py
"""

from __future__ import annotations

import statistics
import sys
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from make_history import make_history  # noqa: E402

from runstrong.core.catalog import load_catalog
from runstrong.core.running import Priority, Run, RunKind, parse_week_spec
from runstrong.plan_source import make_plan, today_plan
from runstrong.store import Store

END = date(2026, 11, 22)


def median_ms(run, times: int = 20) -> float:  # type: ignore[no-untyped-def]
    samples = []
    for _ in range(times):
        start = time.perf_counter()
        run()
        samples.append((time.perf_counter() - start) * 1000)
    return statistics.median(samples)


def main() -> None:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "ten-years.db"
        sessions, sets = make_history(path, 10, end=END - timedelta(days=1))
        store = Store.open(path)
        store.save_running_week(parse_week_spec(["mon=easy", "tue=hard", "wed=easy", "thu=hard", "fri=easy", "sat=long"]))
        store.add_run(Run(END + timedelta(days=40), RunKind.RACE, 21.1, "City Half", Priority.A))
        catalog = load_catalog()
        program = catalog.program(store.settings().get("program_id", "beginner"))
        print(f"history: {sessions} sessions, {sets} sets ticked")
        print(f"today_plan (Today's targets and banner): {median_ms(lambda: today_plan(store, catalog, program, 0, END)):.1f} ms")
        print(f"make_plan, 28 days: {median_ms(lambda: make_plan(store, catalog, END, 28, END)):.1f} ms")
        print(f"make_plan, 366 days: {median_ms(lambda: make_plan(store, catalog, END, 366, END), 5):.1f} ms")
        store.close()


if __name__ == "__main__":
    main()
