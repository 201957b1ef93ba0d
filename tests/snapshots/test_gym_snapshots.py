"""Snapshots of Today in the dark, light and ansi themes at 80×24, 60×20 and 200×50, the hold
timer on a big terminal, the end-of-session dialog, Settings and the recently deleted list."""

from __future__ import annotations

import pytest
from textual.pilot import Pilot
from textual.widgets import Input

from runstrong.core.plan import PlannedSet
from runstrong.screens.today import TodayScreen
from runstrong.store import Store

THEMES = ("textual-dark", "textual-light", "ansi-dark")
SIZES = ((80, 24), (60, 20), (200, 50))


async def mid_session(pilot: Pilot) -> None:
    """Squat done (the last at 42.5 kg), two lunge sets of four done, the cursor on the next."""
    await pilot.press("space", "space", "e")
    pilot.app.screen.query_one("#load-input", Input).value = "42.5"
    await pilot.press("enter", "space", "space", "space")
    await pilot.pause()


@pytest.mark.parametrize("theme", THEMES)
@pytest.mark.parametrize("size", SIZES, ids=lambda size: f"{size[0]}x{size[1]}")
def test_today_in_every_theme_and_size(snap_compare, make_app, theme: str, size: tuple[int, int]) -> None:
    async def run_before(pilot: Pilot) -> None:
        pilot.app.theme = theme
        await mid_session(pilot)

    assert snap_compare(make_app(), terminal_size=size, run_before=run_before)


def test_per_side_sets_with_loads_at_60_columns(snap_compare, make_app) -> None:
    async def run_before(pilot: Pilot) -> None:
        today = pilot.app.screen
        assert isinstance(today, TodayScreen)
        today.checklist.cursor = next(i for i, s in enumerate(today.checklist.slots) if s.exercise_id == "lunge")
        for _ in range(3):
            await pilot.press("e")
            pilot.app.screen.query_one("#load-input", Input).value = "12.5"
            await pilot.press("enter", "space")
        await pilot.pause()

    assert snap_compare(make_app(), terminal_size=(60, 20), run_before=run_before)


def test_hold_timer_digits_grow_on_a_big_terminal(snap_compare, make_app, clock) -> None:  # type: ignore[no-untyped-def]
    async def run_before(pilot: Pilot) -> None:
        today = pilot.app.screen
        assert isinstance(today, TodayScreen)
        today.checklist.cursor = next(i for i, s in enumerate(today.checklist.slots) if s.exercise_id == "plank")
        await pilot.press("t")
        clock.advance(7)
        pilot.app.screen.poll()  # type: ignore[attr-defined]
        await pilot.pause()

    assert snap_compare(make_app(), terminal_size=(200, 50), run_before=run_before)


def test_finish_dialog_with_sets_left_80x24(snap_compare, make_app) -> None:
    async def run_before(pilot: Pilot) -> None:
        await mid_session(pilot)
        await pilot.press("f")

    assert snap_compare(make_app(), terminal_size=(80, 24), run_before=run_before)


def test_settings_on_and_off_80x24(snap_compare, make_app) -> None:
    async def run_before(pilot: Pilot) -> None:
        await pilot.press("comma")

    assert snap_compare(make_app(settings={"bell": "1", "desktop_notice": "0"}), terminal_size=(80, 24), run_before=run_before)


def logged(store: Store, day: str) -> list[int]:
    """A finished session of two squat sets on `day`; returns the sets' ids."""
    slots = [PlannedSet("squat", "Squat", n, None, 10, None) for n in (1, 2)]
    session = store.start_session(
        date=day, started_at=f"{day}T18:00:00+01:00", program_id="beginner",
        program="Beginner (2 days/week)", day="Workout A", day_index=0, slots=slots,
    )
    for minute, logged_set in enumerate(session.sets):
        store.tick_set(logged_set.id, f"{day}T18:0{minute}:00+01:00")
    store.finish_session(session.id, f"{day}T18:30:00+01:00")
    return [s.id for s in session.sets]


def test_recently_deleted_80x24(snap_compare, make_app, store: Store) -> None:
    kept = logged(store, "2026-11-22")
    gone = logged(store, "2026-11-20")
    store.delete_session(store.set_log(gone[0]).session_id, "2026-11-22T11:00:00+01:00")
    store.delete_set(kept[0], "2026-11-22T11:05:00+01:00")

    async def run_before(pilot: Pilot) -> None:
        await pilot.press("r")

    assert snap_compare(make_app(start="history"), terminal_size=(80, 24), run_before=run_before)
