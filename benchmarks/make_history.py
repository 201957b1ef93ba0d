"""Write years of realistic training history into a runstrong database, through the Store.

    python benchmarks/make_history.py --years 10 --out /tmp/ten-years.db

About three sessions a week from the catalog's programs (a new program every six months, days
in rotation), ~40 sets each, loads that climb with noise, a slightly weaker left side on some
per-side work, a few skipped sets, and notes with commas, quotes and leading "=" / "-" / "@"
(the CSV export must keep those inert). Every row goes in through the same Store methods the
app uses (start_session, edit_set, tick_set, finish_session, set_notes); `Store.batch()` only
groups them into one transaction per chunk so ten years take seconds, not an fsync per tick.
The output is the same for the same --years, --seed and --end.
"""

from __future__ import annotations

import argparse
import random
import sys
import time
from dataclasses import dataclass
from datetime import date, datetime, timedelta, timezone
from pathlib import Path

from runstrong.core.catalog import Catalog, load_catalog
from runstrong.core.models import Program, Side
from runstrong.core.plan import PlannedSet, plan_day
from runstrong.store import Store

LOCAL = timezone(timedelta(hours=1))
SETS_PER_SESSION = 40
TRAINING_WEEKDAYS = (0, 2, 5)  # Monday, Wednesday, Saturday
SESSIONS_PER_BATCH = 100
PROGRAM_MONTHS = 6

# Starting loads (kg) for exercises usually done with weight; anything else is bodyweight.
START_LOAD_KG = {
    "squat": 30.0, "deadlift": 40.0, "trap-bar-deadlift": 50.0, "romanian-deadlift": 30.0,
    "hip-thrust": 40.0, "calf-raise": 20.0, "seated-calf-raise": 20.0, "step-up": 8.0,
    "lunge": 8.0, "single-leg-rdl": 8.0, "row": 20.0, "suitcase-carry": 16.0,
    "weighted-dorsiflexion": 4.0, "single-leg-calf-raise": 8.0,
}
# Training ten years adds about this fraction to a starting load (with a plateau near the end).
LOAD_GAIN = 1.2

NOTES = (
    "",
    "Felt strong today",
    "Left knee a bit stiff, went lighter",
    'Coach said "slow the eccentric", so I did',
    "=SUM(A1:A9) typed into the wrong box",
    "-tired after the long run, cut it short",
    "+1 set of planks at the end",
    "@gym with Sam, busy, swapped the order",
    "Easy week, 3 x 10, nothing heavy",
    "-5 degrees outside, warmed up for longer",
)


@dataclass(frozen=True)
class Day:
    when: date
    program: Program
    day_index: int


def training_days(end: date, years: int, rng: random.Random, catalog: Catalog) -> list[Day]:
    """About three days a week for `years` up to `end`, each with its program and rotation day."""
    start = end - timedelta(days=round(365.25 * years))
    days: list[Day] = []
    rotation: dict[str, int] = {}
    current = start
    while current <= end:
        # A missed session now and then, an extra one rarely: about 3 a week on average.
        planned = current.weekday() in TRAINING_WEEKDAYS
        if (planned and rng.random() > 0.06) or (not planned and rng.random() < 0.02):
            months = (current.year - start.year) * 12 + current.month - start.month
            program = catalog.programs[(months // PROGRAM_MONTHS) % len(catalog.programs)]
            index = rotation.get(program.id, 0)
            rotation[program.id] = (index + 1) % len(program.days)
            days.append(Day(current, program, index))
        current += timedelta(days=1)
    return days


def session_slots(day: Day, catalog: Catalog) -> list[PlannedSet]:
    """The day's plan, topped up to ~40 sets with the opening of the next day (extra accessories)."""
    slots = plan_day(day.program.days[day.day_index], catalog)
    following = plan_day(day.program.days[(day.day_index + 1) % len(day.program.days)], catalog)
    extra = [slot for slot in following if slot.exercise_id not in {s.exercise_id for s in slots}]
    return slots + extra[: max(0, SETS_PER_SESSION - len(slots))]


def logged_values(
    slot: PlannedSet, progress: float, rng: random.Random
) -> tuple[int | None, float | None, int | None]:
    """Reps, load (kg) and hold for one set at `progress` (0 → 1 over the whole history)."""
    weaker = 0.88 if slot.side is Side.LEFT and slot.exercise_id in ("side-plank", "copenhagen-plank", "single-leg-calf-raise") else 1.0
    reps = hold = None
    load = None
    if slot.target_reps is not None:
        reps = max(1, round(slot.target_reps * weaker + rng.choice((-2, -1, 0, 0, 0, 0, 0, 0, 0, 1))))
    if slot.target_hold_s is not None:
        growth = 1 + 0.8 * progress
        hold = max(5, min(600, round(slot.target_hold_s * growth * weaker * rng.uniform(0.85, 1.1))))
    if slot.exercise_id in START_LOAD_KG:
        curve = progress ** 0.6
        raw = START_LOAD_KG[slot.exercise_id] * (1 + LOAD_GAIN * curve) * rng.uniform(0.93, 1.05)
        load = round(raw * 2) / 2  # plates come in 0.5 kg steps at the smallest
    return reps, load, hold


def log_day(store: Store, day: Day, catalog: Catalog, progress: float, rng: random.Random) -> int:
    """Store one session the way the app does it; returns the number of sets ticked."""
    started = datetime.combine(day.when, datetime.min.time(), LOCAL) + timedelta(
        hours=rng.choice((7, 12, 18)), minutes=rng.randrange(0, 50)
    )
    session = store.start_session(
        date=day.when.isoformat(),
        started_at=started.isoformat(timespec="seconds"),
        program_id=day.program.id,
        program=day.program.name,
        day=day.program.days[day.day_index].name,
        day_index=day.day_index,
        slots=session_slots(day, catalog),
    )
    moment = started
    ticked = 0
    for stored in session.sets:
        moment += timedelta(seconds=rng.randrange(50, 110))
        if rng.random() < 0.05:
            continue  # skipped
        reps, load, hold = logged_values(stored, progress, rng)
        # As at the gym: edit only a set that differs from its target, then tick it (a hold is
        # ticked with the seconds held, as the hold timer does).
        if load is not None or reps != stored.target_reps:
            store.edit_set(stored.id, reps=reps, load_kg=load, hold_s=None)
        store.tick_set(stored.id, moment.isoformat(timespec="seconds"), hold_s=hold)
        ticked += 1
    if rng.random() < 0.3:
        store.set_notes(session.id, rng.choice(NOTES))
    store.finish_session(session.id, (moment + timedelta(minutes=2)).isoformat(timespec="seconds"))
    return ticked


def make_history(path: Path, years: int, *, seed: int = 4, end: date | None = None) -> tuple[int, int]:
    """Fill a new database at `path`; returns (sessions, sets ticked)."""
    catalog = load_catalog()
    rng = random.Random(seed)
    days = training_days(end or date.today(), years, rng, catalog)
    store = Store.open(path)
    ticked = 0
    try:
        for chunk in range(0, len(days), SESSIONS_PER_BATCH):
            with store.batch():
                for number, day in enumerate(days[chunk : chunk + SESSIONS_PER_BATCH], start=chunk):
                    ticked += log_day(store, day, catalog, number / max(1, len(days) - 1), rng)
    finally:
        store.close()
    return len(days), ticked


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--years", type=int, default=10)
    parser.add_argument("--out", type=Path, required=True, help="new database file to write")
    parser.add_argument("--seed", type=int, default=4)
    parser.add_argument("--end", type=date.fromisoformat, default=None, help="last day (default today)")
    parser.add_argument("--force", action="store_true", help="replace --out if it exists")
    args = parser.parse_args(argv)
    if args.out.exists():
        if not args.force:
            print(f"make_history: {args.out} exists; add --force to replace it", file=sys.stderr)
            return 2
        for suffix in ("", "-wal", "-shm"):
            Path(f"{args.out}{suffix}").unlink(missing_ok=True)
    began = time.perf_counter()
    sessions, ticked = make_history(args.out, args.years, seed=args.seed, end=args.end)
    took = time.perf_counter() - began
    print(f"{args.out}: {sessions} sessions, {ticked} sets ticked over {args.years} years in {took:.1f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
