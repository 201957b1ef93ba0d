"""Snapshots of Today and its dialogs on a fixed clock and a real database file."""

from __future__ import annotations

from textual.pilot import Pilot
from textual.widgets import Input


async def tick_a_few(pilot: Pilot) -> None:
    await pilot.press("space", "space", "e")  # after two ticks the cursor is on squat set 3
    pilot.app.screen.query_one("#load-input", Input).value = "42.5"
    await pilot.press("enter", "space")
    await pilot.pause()


def test_today_80x24(snap_compare, make_app) -> None:
    assert snap_compare(make_app(), terminal_size=(80, 24), run_before=tick_a_few)


def test_today_120x36(snap_compare, make_app) -> None:
    assert snap_compare(make_app(), terminal_size=(120, 36), run_before=tick_a_few)


def test_today_empty_80x24(snap_compare, make_app) -> None:
    assert snap_compare(make_app(), terminal_size=(80, 24))


def test_help_80x24(snap_compare, make_app) -> None:
    async def open_help(pilot: Pilot) -> None:
        await pilot.press("question_mark")

    assert snap_compare(make_app(), terminal_size=(80, 24), run_before=open_help)


def test_edit_form_with_error_80x24(snap_compare, make_app) -> None:
    async def bad_edit(pilot: Pilot) -> None:
        await pilot.press("e")
        pilot.app.screen.query_one("#reps-input", Input).value = "abc"
        await pilot.press("enter")

    assert snap_compare(make_app(), terminal_size=(80, 24), run_before=bad_edit)


def test_exercise_info_80x24(snap_compare, make_app) -> None:
    async def open_info(pilot: Pilot) -> None:
        await pilot.press("j", "j", "j", "i")

    assert snap_compare(make_app(), terminal_size=(80, 24), run_before=open_info)


def test_program_picker_80x24(snap_compare, make_app) -> None:
    async def open_picker(pilot: Pilot) -> None:
        await pilot.press("p")

    assert snap_compare(make_app(), terminal_size=(80, 24), run_before=open_picker)
