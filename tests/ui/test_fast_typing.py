"""Keys typed in one burst right after opening a dialog land in the field they were meant for."""

from __future__ import annotations

from pathlib import Path

from keys import burst
from test_history import SUNDAY, log_session
from textual.widgets import Input

from runstrong.screens.history import HistoryScreen
from runstrong.screens.today import TodayScreen
from runstrong.store import Store


def sets_on_disk(db_path: Path) -> list[tuple[int | None, float | None, bool]]:
    fresh = Store.open(db_path)
    try:
        rows = fresh.conn.execute("SELECT reps, load_kg, done_at FROM set_logs ORDER BY id").fetchall()
    finally:
        fresh.close()
    return [(reps, load, done is not None) for reps, load, done in rows]


async def test_edit_tab_load_enter_in_one_burst_saves_the_load(make_app, db_path: Path) -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        # e opens the edit dialog on squat set 1; Tab moves from Reps to Load; 60; Enter saves.
        await burst(pilot, "e", "tab", "6", "0", "enter")
        assert isinstance(app.screen, TodayScreen)
        assert sets_on_disk(db_path)[0] == (12, 60.0, False)


async def test_edit_reps_typed_at_once_replace_the_target(make_app, db_path: Path) -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        # The reps field opens selected, so 8 replaces the 12 planned.
        await burst(pilot, "e", "8", "enter", "space")
        assert sets_on_disk(db_path)[0] == (8, None, True)


async def test_settings_fields_typed_at_once(make_app) -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await burst(pilot, "comma", "1", "tab", "7", "enter")
        assert isinstance(app.screen, TodayScreen)
        assert (app.settings.lead_s, app.settings.switch_s) == (1, 7)
    fresh = Store.open(app.store.path)
    try:
        assert fresh.settings()["lead_s"] == "1" and fresh.settings()["switch_s"] == "7"
    finally:
        fresh.close()


async def test_history_filter_typed_at_once_goes_to_the_exercise_field(make_app, store: Store) -> None:
    log_session(store, SUNDAY)
    app = make_app(start="history")
    async with app.run_test(size=(80, 24)) as pilot:
        # q and p would quit or open Progress if they reached the list instead of the field.
        await burst(pilot, "slash", "s", "q", "u", "a", "t")
        assert app.is_running and isinstance(app.screen, HistoryScreen)
        assert app.screen.query_one("#filter-exercise", Input).value == "squat"


async def test_confirm_answered_at_once(make_app, store: Store, db_path: Path) -> None:
    session = log_session(store, SUNDAY)
    app = make_app(start="history")
    async with app.run_test(size=(80, 24)) as pilot:
        # Open the session, ask to delete its first set, and say yes, all in one burst.
        await burst(pilot, "enter", "d", "y")
        kept = Store.open(db_path)
        try:
            assert [s.id for s in kept.session_sets(session.id)] == [s.id for s in session.sets[1:]]
        finally:
            kept.close()


async def test_past_set_edited_at_once(make_app, store: Store, db_path: Path) -> None:
    session = log_session(store, SUNDAY, load_kg=40)
    app = make_app(start="history")
    async with app.run_test(size=(80, 24)) as pilot:
        await burst(pilot, "enter", "e", "tab", "5", "5", "enter")
        kept = Store.open(db_path)
        try:
            first = kept.set_log(session.sets[0].id)
        finally:
            kept.close()
        assert (first.reps, first.load_kg) == (session.sets[0].reps, 55.0)


async def test_program_picker_chosen_at_once(make_app) -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await burst(pilot, "p", "down", "enter")
        assert app.settings.program_id == app.catalog.programs[1].id
        assert isinstance(app.screen, TodayScreen)


async def test_finish_answered_at_once(make_app, db_path: Path) -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await burst(pilot, "space", "f", "y")
        fresh = Store.open(db_path)
        try:
            assert fresh.conn.execute("SELECT finished_at IS NOT NULL FROM sessions").fetchone() == (1,)
        finally:
            fresh.close()


async def test_progress_picker_chosen_at_once(make_app, store: Store) -> None:
    from runstrong.screens.progress import ProgressScreen

    log_session(store, SUNDAY)
    app = make_app(start="history")
    async with app.run_test(size=(80, 24)) as pilot:
        await burst(pilot, "p", "enter")
        assert isinstance(app.screen, ProgressScreen)
