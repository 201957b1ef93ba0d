"""Snapshots of Progress for a rep exercise with a load (squat), a hold (plank) and a per-side
hold (side plank), on one day of data and on ten years of it, at 80×24 and 120×36.

The data is small and fixed: one session on the FakeClock's Saturday, or one every nine weeks
for ten years up to it (about 60 sessions: enough for the axes and ranges, cheap to build).
The ten-year size for timing is benchmarks/history.py's job, not a snapshot's.
"""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from textual.pilot import Pilot

from runstrong.core.models import Side
from runstrong.core.plan import PlannedSet
from runstrong.screens.progress import ProgressScreen
from runstrong.store import Store

LAST_DAY = date(2026, 11, 21)
SLOTS = [
    PlannedSet("squat", "Squat", 1, None, 10, None),
    PlannedSet("squat", "Squat", 2, None, 10, None),
    PlannedSet("plank", "Plank", 1, None, None, 45),
    PlannedSet("side-plank", "Side plank", 1, Side.LEFT, None, 30),
    PlannedSet("side-plank", "Side plank", 1, Side.RIGHT, None, 30),
]


def log(store: Store, day: date, number: int) -> None:
    """Session `number` (0 = the oldest): loads, reps and holds that rise with wobbles; the
    left side plank a few seconds short of the right."""
    session = store.start_session(
        date=day.isoformat(), started_at=f"{day}T18:00:00+01:00", program_id="beginner",
        program="Beginner (2 days/week)", day="Workout A", day_index=0, slots=SLOTS,
    )
    for minute, slot in enumerate(session.sets):
        hold = None
        if slot.exercise_id == "squat":
            store.edit_set(slot.id, reps=8 + (number + slot.set_no) % 5, load_kg=30 + 0.75 * number + (number % 4) * 1.25,
                           hold_s=None)
        elif slot.exercise_id == "plank":
            hold = 30 + number + (number % 3) * 5
        else:
            hold = 20 + number // 2 - (4 if slot.side is Side.LEFT else 0)
        store.tick_set(slot.id, f"{day}T18:{minute:02d}:00+01:00", hold_s=hold)
    store.finish_session(session.id, f"{day}T18:30:00+01:00")


@pytest.fixture
def one_day(store: Store) -> Store:
    log(store, LAST_DAY, 0)
    return store


@pytest.fixture
def ten_years(store: Store) -> Store:
    days = [LAST_DAY - timedelta(weeks=9 * n) for n in range(58)][::-1]  # 2015-12 .. 2026-11
    for number, day in enumerate(days):
        log(store, day, number)
    return store


def opening(exercise_id: str, name: str):  # type: ignore[no-untyped-def]
    async def run_before(pilot: Pilot) -> None:
        await pilot.app.push_screen(ProgressScreen(exercise_id, name))
        await pilot.pause()

    return run_before


EXERCISES = [("squat", "Squat"), ("plank", "Plank"), ("side-plank", "Side plank")]
SIZES = [(80, 24), (120, 36)]


@pytest.mark.parametrize("size", SIZES, ids=["80x24", "120x36"])
@pytest.mark.parametrize(("exercise_id", "name"), EXERCISES, ids=[e for e, _ in EXERCISES])
def test_progress_one_day(snap_compare, make_app, one_day: Store, exercise_id: str, name: str, size) -> None:  # type: ignore[no-untyped-def]
    assert snap_compare(make_app(start="history"), terminal_size=size, run_before=opening(exercise_id, name))


@pytest.mark.parametrize("size", SIZES, ids=["80x24", "120x36"])
@pytest.mark.parametrize(("exercise_id", "name"), EXERCISES, ids=[e for e, _ in EXERCISES])
def test_progress_ten_years(snap_compare, make_app, ten_years: Store, exercise_id: str, name: str, size) -> None:  # type: ignore[no-untyped-def]
    assert snap_compare(make_app(start="history"), terminal_size=size, run_before=opening(exercise_id, name))


def test_progress_ten_years_all_of_it_80x24(snap_compare, make_app, ten_years: Store) -> None:
    async def all_time(pilot: Pilot) -> None:
        await opening("squat", "Squat")(pilot)
        await pilot.press("r")  # a year -> all
        await pilot.pause()

    assert snap_compare(make_app(start="history"), terminal_size=(80, 24), run_before=all_time)
