"""Snapshots of the hold timer in every phase at 80×24, on a fake clock so nothing moves.

The quick timer (a side plank, two sets, each side) gives every phase in one plan:
get ready 0–5 s, left hold 5–25, switch 25–30, right hold 30–50, rest 50–80, set 2 from 80.
Toasts are cleared before each picture: they come and go, the screen underneath is what is judged.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual.pilot import Pilot

from runstrong.cli import build_parser
from runstrong.core.catalog import load_catalog
from runstrong.quick_timer import QuickTimer, quick_timer_from_args

if TYPE_CHECKING:
    from tests.conftest import FakeClock

SIZE = (80, 24)


def side_plank() -> QuickTimer:
    args = build_parser().parse_args(["timer", "20s", "--exercise", "side-plank", "--sets", "2", "--rest", "30s"])
    return quick_timer_from_args(args, load_catalog())


def at(clock: FakeClock, seconds: float, *keys: str):  # type: ignore[no-untyped-def]
    """A run_before that moves the clock `seconds` from the start, then presses `keys`."""

    async def run_before(pilot: Pilot) -> None:
        await pilot.pause()
        clock.advance(seconds)
        pilot.app.screen.poll()  # type: ignore[attr-defined]
        if keys:
            await pilot.press(*keys)
        await pilot.pause()  # let the toasts arrive, then clear them
        pilot.app.clear_notifications()
        await pilot.pause()

    return run_before


def test_get_ready(snap_compare, make_app, clock: FakeClock) -> None:
    assert snap_compare(make_app(quick=side_plank()), terminal_size=SIZE, run_before=at(clock, 1.5))


def test_hold_left_side(snap_compare, make_app, clock: FakeClock) -> None:
    assert snap_compare(make_app(quick=side_plank()), terminal_size=SIZE, run_before=at(clock, 11.2))


def test_last_three_seconds(snap_compare, make_app, clock: FakeClock) -> None:
    assert snap_compare(make_app(quick=side_plank()), terminal_size=SIZE, run_before=at(clock, 23.4))


def test_switch_sides(snap_compare, make_app, clock: FakeClock) -> None:
    assert snap_compare(make_app(quick=side_plank()), terminal_size=SIZE, run_before=at(clock, 26))


def test_rest(snap_compare, make_app, clock: FakeClock) -> None:
    assert snap_compare(make_app(quick=side_plank()), terminal_size=SIZE, run_before=at(clock, 60))


def test_paused_hold(snap_compare, make_app, clock: FakeClock) -> None:
    assert snap_compare(make_app(quick=side_plank()), terminal_size=SIZE, run_before=at(clock, 38, "space"))


def test_hold_complete_summary(snap_compare, make_app, clock: FakeClock) -> None:
    assert snap_compare(make_app(quick=side_plank()), terminal_size=SIZE, run_before=at(clock, 200))


def test_quit_during_hold_80x24(snap_compare, make_app, clock: FakeClock) -> None:
    # q 11.2 s in (6.2 s into the left hold): the question over the running hold, "Log and quit".
    assert snap_compare(make_app(quick=side_plank()), terminal_size=SIZE, run_before=at(clock, 11.2, "q"))
