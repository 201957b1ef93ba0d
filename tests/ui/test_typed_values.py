"""Loads and numbers typed as people write them, through the real dialogs, read back from disk
and from what Today, History and Progress show."""

from __future__ import annotations

from pathlib import Path

import pytest
from test_history import SUNDAY, log_session
from test_progress_screen import open_progress, section
from test_today import stored_sets
from textual.widgets import Input, Label

from runstrong.screens.edit_set import EditSetScreen
from runstrong.screens.settings import SettingsScreen
from runstrong.screens.today import TodayScreen
from runstrong.store import Store
from runstrong.widgets.set_checklist import ChecklistBody


async def edit_first_squat(pilot, load: str) -> None:  # type: ignore[no-untyped-def]
    """`e` on Today's first set, 10 reps, `load` typed key by key into the load field."""
    await pilot.press("e")
    screen = pilot.app.screen
    assert isinstance(screen, EditSetScreen)
    screen.query_one("#reps-input", Input).value = "10"
    field = screen.query_one("#load-input", Input)
    field.value = ""
    field.focus()
    await pilot.press(*load, "enter")
    await pilot.pause()
    assert isinstance(pilot.app.screen, TodayScreen), "the dialog closed: the load was accepted"


def today_text(app) -> str:  # type: ignore[no-untyped-def]
    return str(app.screen.query_one(ChecklistBody).render())


@pytest.mark.parametrize(
    ("unit", "typed", "kg", "box"),
    [
        ("kg", "61.25", 61.25, "×61.25kg"),  # not cut to 61.2
        ("kg", "33,5", 33.5, "×33.5kg"),  # a decimal comma
        ("kg", "40kg", 40.0, "×40kg"),
        ("kg", "40 kg", 40.0, "×40kg"),
        ("kg", "90 lb", 40.8233133, "×40.8kg"),  # 90 × 0.45359237 kg, shown converted
        ("lb", "46.25", 20.9786471, "×46.25lb"),  # 46.25 × 0.45359237 kg, shown as typed
        ("lb", "40 kg", 40.0, "×88.2lb"),
        ("kg", "４２.５", 42.5, "×42.5kg"),  # full-width digits from a Japanese keyboard
    ],
)
async def test_a_load_typed_on_today_is_stored_in_kg_and_shown_as_typed(
    make_app, db_path: Path, unit: str, typed: str, kg: float, box: str
) -> None:
    app = make_app(settings={"unit": unit})
    async with app.run_test(size=(80, 24)) as pilot:
        await edit_first_squat(pilot, typed)
        assert box in today_text(app)
    assert stored_sets(db_path)[0].load_kg == pytest.approx(kg, abs=1e-6)


async def test_an_underscore_number_is_refused_at_the_field_and_nothing_is_saved(make_app, db_path: Path) -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("e")
        app.screen.query_one("#reps-input", Input).value = "1_0"
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, EditSetScreen)
        assert "whole number" in str(app.screen.query_one("#reps-error", Label).render())
    assert stored_sets(db_path) == []


async def test_a_load_typed_in_lb_reads_the_same_in_history_and_progress(make_app, store: Store) -> None:
    log_session(store, SUNDAY, load_kg=46.25 * 0.45359237)
    store.save_settings({"unit": "lb"})
    app = make_app(start="history")
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("enter")
        assert str(app.screen.table.get_row_at(0)[4]) == "46.25 lb"
        await pilot.press("escape")
        progress = await open_progress(pilot, "Squat")
        assert any("46.25 lb" in line for line in section(progress, "Personal records"))


async def test_editing_only_the_reps_keeps_a_converted_load_exactly(make_app, store: Store, db_path: Path) -> None:
    """40 kg shows as 88.2 lb; saving the dialog with 88.2 untouched must not store 88.2 lb."""
    session = log_session(store, SUNDAY, load_kg=40.0)
    store.save_settings({"unit": "lb"})
    app = make_app(start="history")
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("enter", "e")
        dialog = app.screen
        assert isinstance(dialog, EditSetScreen)
        assert dialog.query_one("#load-input", Input).value == "88.2"
        dialog.query_one("#reps-input", Input).value = "9"
        await pilot.press("enter")
        await pilot.pause()
    fresh = Store.open(db_path)
    try:
        first = fresh.session_sets(session.id)[0]
    finally:
        fresh.close()
    assert (first.reps, first.load_kg) == (9, 40.0)


async def test_settings_read_numbers_by_the_same_rule(make_app) -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("comma")
        screen = app.screen
        assert isinstance(screen, SettingsScreen)
        screen.query_one("#lead-input", Input).value = "1_0"
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, SettingsScreen), "refused: an underscore is not part of a number"
        screen.query_one("#lead-input", Input).value = "١٠"  # ten, in Arabic-Indic digits
        await pilot.press("enter")
        await pilot.pause()
        assert not isinstance(app.screen, SettingsScreen)
        assert app.settings.lead_s == 10
