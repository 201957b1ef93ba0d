"""Time `runstrong import` of a ten-year history in every format, beside `runstrong export`.

    python benchmarks/import.py [--years 10] [--runs 3]

Ten years are written with benchmarks/make_history.py into a temporary folder, exported as
runstrong JSON, and written out again the way Strong (comma layout, --unit kg), Hevy and FitNotes
export (same sessions, sets, loads and holds). Each file is then imported by a fresh
`runstrong --db NEW.db import FILE` process into an empty database, wall time from start to
exit, best of --runs (interpreter start and imports count, as they do for the runner). Goal
(issue 10): ≤ 3 s per format. The JSON round trip export → import → export is also checked to
give the same sessions and sets.
"""

from __future__ import annotations

import argparse
import csv
import json
import subprocess
import sys
import tempfile
import time
from datetime import date, datetime
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from make_history import make_history  # noqa: E402

RUNSTRONG = [sys.executable, "-m", "runstrong"]
GOAL_S = 3.0


def local(text: str) -> datetime:
    return datetime.fromisoformat(text).replace(tzinfo=None)


def rows(payload: dict[str, Any]):
    for session in payload["sessions"]:
        for logged in session["sets"]:
            yield session, logged


def write_strong(payload: dict[str, Any], path: Path) -> None:
    with path.open("w", newline="", encoding="utf-8") as handle:
        out = csv.writer(handle)
        out.writerow(["Date", "Workout Name", "Duration", "Exercise Name", "Set Order", "Weight", "Reps",
                      "Distance", "Seconds", "Notes", "Workout Notes", "RPE"])
        for session, logged in rows(payload):
            start = local(session["started_at"])
            minutes = round((local(session["finished_at"]) - start).total_seconds() / 60) if session["finished_at"] else 0
            out.writerow([start.strftime("%Y-%m-%d %H:%M:%S"), session["day"], f"{minutes}m", logged["exercise"],
                          logged["set"], logged["load_kg"] or 0, logged["reps"] or 0, 0, logged["hold_s"] or 0,
                          logged["note"], session["notes"], logged["rpe"] or ""])


def write_hevy(payload: dict[str, Any], path: Path) -> None:
    def hevy(text: str) -> str:
        moment = local(text)
        return f"{moment.day} {moment:%b %Y, %H:%M}"

    with path.open("w", newline="", encoding="utf-8") as handle:
        out = csv.writer(handle, quoting=csv.QUOTE_NONNUMERIC)
        out.writerow(["title", "start_time", "end_time", "description", "exercise_title", "superset_id",
                      "exercise_notes", "set_index", "set_type", "weight_kg", "reps", "distance_km",
                      "duration_seconds", "rpe"])
        for session, logged in reversed(list(rows(payload))):  # newest first, as Hevy writes
            out.writerow([session["day"], hevy(session["started_at"]),
                          hevy(session["finished_at"] or session["started_at"]), session["notes"],
                          logged["exercise"], "", logged["note"], logged["set"] - 1, logged["set_type"],
                          logged["load_kg"] if logged["load_kg"] is not None else "",
                          logged["reps"] if logged["reps"] is not None else "", "",
                          logged["hold_s"] if logged["hold_s"] is not None else "",
                          logged["rpe"] if logged["rpe"] is not None else ""])


def write_fitnotes(payload: dict[str, Any], path: Path) -> None:
    with path.open("w", newline="", encoding="utf-8") as handle:
        out = csv.writer(handle)
        out.writerow(["Date", "Exercise", "Category", "Weight", "Weight Unit", "Reps", "Distance",
                      "Distance Unit", "Time", "Comment"])
        for session, logged in rows(payload):
            hold = logged["hold_s"]
            out.writerow([session["date"], logged["exercise"], "Legs", logged["load_kg"] or "", "kgs",
                          logged["reps"] or "", "", "", f"0:{hold // 60:02d}:{hold % 60:02d}" if hold else "",
                          logged["note"]])


def timed(argv: list[str], runs: int) -> tuple[float, subprocess.CompletedProcess[str]]:
    best, result = float("inf"), None
    for _ in range(runs):
        began = time.perf_counter()
        result = subprocess.run(argv, capture_output=True, text=True)
        took = time.perf_counter() - began
        if result.returncode != 0:
            raise SystemExit(f"{' '.join(argv)} failed: {result.stderr.strip()}")
        best = min(best, took)
    assert result is not None
    return best, result


def comparable(payload: dict[str, Any]) -> list[dict[str, Any]]:
    return [{k: v for k, v in s.items() if k != "id"} for s in payload["sessions"]]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--years", type=int, default=10)
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="runstrong-import-bench-") as folder:
        work = Path(folder)
        source = work / "history.db"
        sessions, ticked = make_history(source, args.years, end=date(2026, 11, 22))
        print(f"history: {sessions} sessions, {ticked} sets over {args.years} years")
        export_s, _ = timed([*RUNSTRONG, "--db", str(source), "export", "-o", str(work / "export.json"), "--force"], args.runs)
        payload = json.loads((work / "export.json").read_text(encoding="utf-8"))
        files = {
            "runstrong": work / "export.json",
            "strong": work / "strong.csv",
            "hevy": work / "hevy.csv",
            "fitnotes": work / "fitnotes.csv",
        }
        write_strong(payload, files["strong"])
        write_hevy(payload, files["hevy"])
        write_fitnotes(payload, files["fitnotes"])
        print(f"{'runstrong export (JSON)':<28} {export_s:6.2f} s")
        worst = 0.0
        for fmt, file in files.items():
            best = float("inf")
            for run in range(args.runs):
                db = work / f"{fmt}-{run}.db"
                extra = ["--unit", "kg"] if fmt == "strong" else []
                took, result = timed([*RUNSTRONG, "--db", str(db), "import", str(file), "--json", *extra], 1)
                best = min(best, took)
            report = json.loads(result.stdout)
            worst = max(worst, best)
            size = file.stat().st_size / 1e6
            print(f"{'runstrong import ' + fmt:<28} {best:6.2f} s   {report['sets_added']} sets, "
                  f"{report['sessions_added']} sessions, {size:.1f} MB")
        # A second import of the same file adds nothing.
        _, second = timed([*RUNSTRONG, "--db", str(work / "strong-0.db"), "import", str(files["strong"]), "--unit", "kg", "--json"], 1)
        repeat = json.loads(second.stdout)
        print(f"second import of the Strong file: {repeat['sessions_added']} sessions, {repeat['sets_added']} sets added, "
              f"{repeat['duplicates']} already present")
        # The round trip: the JSON imported into an empty database exports the same again.
        again = work / "again.json"
        subprocess.run([*RUNSTRONG, "--db", str(work / "runstrong-0.db"), "export", "-o", str(again)], check=True)
        same = comparable(json.loads(again.read_text(encoding="utf-8"))) == comparable(payload)
        print(f"round trip export -> import -> export: {'same sessions and sets' if same else 'DIFFERENT'}")
        print(f"goal ≤ {GOAL_S:.0f} s per format: {'met' if worst <= GOAL_S else 'MISSED'} (slowest {worst:.2f} s)")
        return 0 if same and worst <= GOAL_S else 1


if __name__ == "__main__":
    sys.exit(main())
