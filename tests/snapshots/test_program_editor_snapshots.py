"""Snapshots of the program editor and its forms on a real database file."""

from __future__ import annotations

from textual.pilot import Pilot
from textual.widgets import Input, OptionList


async def duplicate_beginner(pilot: Pilot) -> None:
    """p, d on Beginner: the editor on an own copy, the cursor on lunge."""
    await pilot.press("p", "d")
    pilot.app.screen.query_one(OptionList).highlighted = 2
    await pilot.pause()


def test_program_editor_80x24(snap_compare, make_app) -> None:
    assert snap_compare(make_app(), terminal_size=(80, 24), run_before=duplicate_beginner)


def test_program_editor_120x36(snap_compare, make_app) -> None:
    assert snap_compare(make_app(), terminal_size=(120, 36), run_before=duplicate_beginner)


def test_item_form_with_error_80x24(snap_compare, make_app) -> None:
    async def bad_range(pilot: Pilot) -> None:
        await duplicate_beginner(pilot)
        await pilot.press("e")
        await pilot.pause()  # the form has opened and taken its own focus
        pilot.app.screen.query_one("#amount-input", Input).value = "12-8"
        pilot.app.screen.query_one("#load-input", Input).value = "40"
        pilot.app.screen.query_one("#save").focus()
        await pilot.press("enter")

    assert snap_compare(make_app(), terminal_size=(80, 24), run_before=bad_range)


def test_exercise_form_80x24(snap_compare, make_app) -> None:
    async def new_exercise(pilot: Pilot) -> None:
        pilot.app.edit_exercise(None)
        await pilot.pause()
        pilot.app.screen.query_one("#name-input", Input).value = "Front squat"
        await pilot.pause()

    assert snap_compare(make_app(), terminal_size=(80, 24), run_before=new_exercise)
