"""Snapshots of History, a session's detail and an exercise's progress, on seeded, fixed data.

Sixteen weeks of the Beginner program up to the FakeClock's Sunday (22 Nov 2026), logged
through the store: loads that rise, a weaker left side, a skipped set now and then, a week off.
"""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from textual.pilot import Pilot

from runstrong.core.catalog import load_catalog
from runstrong.core.models import Side
from runstrong.core.plan import plan_day
from runstrong.screens.progress import ProgressScreen
from runstrong.store import Store

LAST_SUNDAY = date(2026, 11, 22)
SESSIONS_PER_WEEK = (2, 3, 2, 1, 0, 2, 2, 3, 2, 2, 1, 2, 3, 2, 2, 3)
WEEKDAYS = (0, 2, 5)  # Monday, Wednesday, Saturday
START_LOAD_KG = {"squat": 40.0, "lunge": 10.0, "deadlift": 50.0, "step-up": 8.0, "calf-raise": 20.0}


def seed(store: Store) -> None:
    catalog = load_catalog()
    program = catalog.program("beginner")
    first_monday = LAST_SUNDAY - timedelta(days=6, weeks=len(SESSIONS_PER_WEEK) - 1)
    number = 0
    for week, count in enumerate(SESSIONS_PER_WEEK):
        for weekday in WEEKDAYS[:count]:
            day = first_monday + timedelta(weeks=week, days=weekday)
            day_index = number % len(program.days)
            session = store.start_session(
                date=day.isoformat(), started_at=f"{day}T18:00:00+01:00", program_id=program.id,
                program=program.name, day=program.days[day_index].name, day_index=day_index,
                slots=plan_day(program.days[day_index], catalog),
            )
            for minute, slot in enumerate(session.sets):
                if slot.exercise_id == "calf-raise" and slot.set_no == 3 and number % 3 == 0:
                    continue  # skipped
                left = slot.side is Side.LEFT
                reps = slot.target_reps
                if reps is not None and left and slot.exercise_id == "lunge":
                    reps -= 2
                load = START_LOAD_KG.get(slot.exercise_id)
                if load is not None:
                    store.edit_set(slot.id, reps=reps, load_kg=load + 1.25 * number, hold_s=None)
                hold = None
                if slot.target_hold_s is not None:
                    hold = slot.target_hold_s + number // 2 - (4 if left else 0)
                store.tick_set(slot.id, f"{day}T18:{2 * minute:02d}:00+01:00", hold_s=hold)
            if number % 4 == 3:
                store.set_notes(session.id, 'Felt strong, "easy" day; =not a formula')
            store.finish_session(session.id, f"{day}T18:59:00+01:00")
            number += 1


@pytest.fixture
def seeded(store: Store) -> Store:
    seed(store)
    return store


async def settle(pilot: Pilot) -> None:
    await pilot.pause()


async def open_newest_session(pilot: Pilot) -> None:
    await pilot.press("enter")
    await pilot.pause()


async def open_lunge_progress(pilot: Pilot) -> None:
    await pilot.app.push_screen(ProgressScreen("lunge", "Lunge"))
    await pilot.pause()


@pytest.mark.parametrize("size", [(80, 24), (120, 36)], ids=["80x24", "120x36"])
def test_history(snap_compare, make_app, seeded: Store, size: tuple[int, int]) -> None:
    assert snap_compare(make_app(start="history"), terminal_size=size, run_before=settle)


@pytest.mark.parametrize("size", [(80, 24), (120, 36)], ids=["80x24", "120x36"])
def test_session_detail(snap_compare, make_app, seeded: Store, size: tuple[int, int]) -> None:
    assert snap_compare(make_app(start="history"), terminal_size=size, run_before=open_newest_session)


@pytest.mark.parametrize("size", [(80, 24), (120, 36)], ids=["80x24", "120x36"])
def test_exercise_progress(snap_compare, make_app, seeded: Store, size: tuple[int, int]) -> None:
    assert snap_compare(make_app(start="history"), terminal_size=size, run_before=open_lunge_progress)


def test_history_filter_error_80x24(snap_compare, make_app, seeded: Store) -> None:
    async def bad_date(pilot: Pilot) -> None:
        await pilot.press("slash", *"lunge", "tab", *"2026-02-30", "enter")
        # Back to the list (the message stays): no blinking text cursor in the picture.
        await pilot.press("escape")
        await pilot.pause()

    assert snap_compare(make_app(start="history"), terminal_size=(80, 24), run_before=bad_date)


def test_delete_confirmation_80x24(snap_compare, make_app, seeded: Store) -> None:
    async def ask(pilot: Pilot) -> None:
        await pilot.press("enter", "D")
        await pilot.pause()

    assert snap_compare(make_app(start="history"), terminal_size=(80, 24), run_before=ask)


def test_history_read_only_80x24(snap_compare, clock, seeded: Store, db_path) -> None:  # type: ignore[no-untyped-def]
    # A file runstrong may not write opens read-only: the red banner says why (issue 12).
    from runstrong.app import RunStrongApp

    store = Store.open_read_only(db_path, reason="the file is not writable")

    async def without_toast(pilot: Pilot) -> None:
        await pilot.pause()
        assert [n.title for n in pilot.app._notifications] == ["Read-only"]
        pilot.app.clear_notifications()
        await pilot.pause()

    try:
        app = RunStrongApp(store, clock=clock, start="history")
        assert snap_compare(app, terminal_size=(80, 24), run_before=without_toast)
    finally:
        store.close()
