"""Session detail: every set as logged; edit, delete (after asking) and undo, each read back from disk."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

from test_history import SUNDAY, log_session
from textual.widgets import Input, Label

from runstrong.core.models import SetLog
from runstrong.screens.confirm import ConfirmScreen
from runstrong.screens.edit_set import EditSetScreen
from runstrong.screens.history import HistoryScreen
from runstrong.screens.progress import ProgressScreen
from runstrong.screens.session_detail import SessionDetailScreen
from runstrong.store import Store


def on_disk(db_path: Path, session_id: int) -> list[SetLog]:
    """The session's kept sets as a fresh connection sees them."""
    fresh = Store.open(db_path)
    try:
        return fresh.session_sets(session_id)
    finally:
        fresh.close()


def detail(app) -> SessionDetailScreen:  # type: ignore[no-untyped-def]
    screen = app.screen
    assert isinstance(screen, SessionDetailScreen)
    return screen


async def open_newest(pilot) -> SessionDetailScreen:  # type: ignore[no-untyped-def]
    await pilot.press("enter")
    return detail(pilot.app)


async def test_every_set_is_shown_as_logged(make_app, store: Store) -> None:
    session = log_session(store, SUNDAY, load_kg=42.5, skip_last=True)
    store.set_notes(session.id, "Felt strong")
    app = make_app(start="history")
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_newest(pilot)
        table = screen.table
        rows = [[str(cell) for cell in table.get_row_at(i)] for i in range(table.row_count)]
        assert rows[0] == ["Squat", "1", "", "10", "42.5 kg", "—", "18:00", ""]
        assert rows[2] == ["Side plank", "1", "left", "—", "—", "0:24", "18:02", ""]
        assert rows[4][0] == "Plank" and rows[4][-2] == "skipped"
        assert "Sun 22 Nov 2026 · Workout A · Beginner" in str(screen.query_one("#detail-title", Label).render())
        assert "4 / 5 sets" in str(screen.query_one("#detail-totals", Label).render())
        assert "Felt strong" in str(screen.query_one("#detail-notes", Label).render())


async def test_loads_are_shown_in_the_chosen_unit(make_app, store: Store) -> None:
    log_session(store, SUNDAY, load_kg=45.359237)
    store.save_settings({"unit": "lb"})
    app = make_app(start="history")
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_newest(pilot)
        assert str(screen.table.get_row_at(0)[4]) == "100 lb"


async def test_edit_a_set_then_undo(make_app, store: Store, db_path: Path) -> None:
    session = log_session(store, SUNDAY, load_kg=40)
    app = make_app(start="history")
    async with app.run_test(size=(80, 24)) as pilot:
        await open_newest(pilot)
        await pilot.press("down", "e")
        assert isinstance(app.screen, EditSetScreen)
        app.screen.query_one("#reps-input", Input).value = "8"
        app.screen.query_one("#load-input", Input).value = "47.5"
        await pilot.press("enter")
        await pilot.pause()

        second = on_disk(db_path, session.id)[1]
        assert (second.reps, second.load_kg, second.done_at) == (8, 47.5, session.sets[1].done_at)
        assert str(detail(app).table.get_row_at(1)[4]) == "47.5 kg"

        await pilot.press("u")
        assert on_disk(db_path, session.id)[1] == session.sets[1]
        assert str(detail(app).table.get_row_at(1)[4]) == "40 kg"


async def test_a_bad_edit_saves_nothing(make_app, store: Store, db_path: Path) -> None:
    session = log_session(store, SUNDAY)
    app = make_app(start="history")
    async with app.run_test(size=(80, 24)) as pilot:
        await open_newest(pilot)
        await pilot.press("e")
        app.screen.query_one("#reps-input", Input).value = "-3"
        await pilot.press("enter")
        assert isinstance(app.screen, EditSetScreen)
        await pilot.press("escape")
        assert on_disk(db_path, session.id) == list(session.sets)


async def test_delete_a_set_asks_first(make_app, store: Store, db_path: Path) -> None:
    session = log_session(store, SUNDAY)
    app = make_app(start="history")
    async with app.run_test(size=(80, 24)) as pilot:
        await open_newest(pilot)
        await pilot.press("d")
        assert isinstance(app.screen, ConfirmScreen)
        await pilot.press("n")
        assert len(on_disk(db_path, session.id)) == 5

        await pilot.press("d")
        await pilot.press("enter")  # the focus starts on Cancel: a stray enter deletes nothing
        assert len(on_disk(db_path, session.id)) == 5

        await pilot.press("d", "y")
        await pilot.pause()
        assert [s.id for s in on_disk(db_path, session.id)] == [s.id for s in session.sets[1:]]
        assert detail(app).table.row_count == 4
        # Soft: the row is still in the file, marked, so it can come back.
        row = store.conn.execute("SELECT deleted_at FROM set_logs WHERE id = ?", [session.sets[0].id]).fetchone()
        assert row[0] == "2026-11-22T10:00:00+01:00"


async def test_undo_brings_deleted_sets_back_newest_first(make_app, store: Store, db_path: Path) -> None:
    session = log_session(store, SUNDAY)
    app = make_app(start="history")
    async with app.run_test(size=(80, 24)) as pilot:
        await open_newest(pilot)
        await pilot.press("d", "y", "d", "y")
        await pilot.pause()
        assert len(on_disk(db_path, session.id)) == 3

        await pilot.press("u")
        assert [s.id for s in on_disk(db_path, session.id)] == [session.sets[1].id, *[s.id for s in session.sets[2:]]]
        await pilot.press("u")
        assert on_disk(db_path, session.id) == list(session.sets)
        assert detail(app).table.cursor_row == 0

        await pilot.press("u")
        assert on_disk(db_path, session.id) == list(session.sets)  # nothing left to undo


async def test_changes_show_in_the_list_on_return_and_stay_undoable(make_app, store: Store, db_path: Path) -> None:
    session = log_session(store, SUNDAY)
    app = make_app(start="history")
    async with app.run_test(size=(80, 24)) as pilot:
        await open_newest(pilot)
        await pilot.press("d", "y")
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, HistoryScreen)
        assert app.screen.table.summaries[0].sets_planned == 4

        await pilot.press("u")  # History's undo reaches the change made in the session
        await pilot.pause()
        assert app.screen.table.summaries[0].sets_planned == 5
        assert on_disk(db_path, session.id) == list(session.sets)


async def test_delete_the_whole_session(make_app, store: Store, db_path: Path) -> None:
    other = log_session(store, SUNDAY - timedelta(days=1))
    session = log_session(store, SUNDAY)
    app = make_app(start="history")
    async with app.run_test(size=(80, 24)) as pilot:
        await open_newest(pilot)
        await pilot.press("D")
        assert isinstance(app.screen, ConfirmScreen)
        await pilot.press("escape")
        assert isinstance(app.screen, SessionDetailScreen)

        await pilot.press("D", "y")
        await pilot.pause()
        assert isinstance(app.screen, HistoryScreen)
        fresh = Store.open(db_path)
        try:
            assert [s.id for s in fresh.history_page()] == [other.id]
            assert fresh.is_session_deleted(session.id)
        finally:
            fresh.close()


async def test_a_skipped_set_opens_the_form_and_cancel_logs_nothing(make_app, store: Store, db_path: Path) -> None:
    # Issue 11 item 6: a skipped set can be logged later (test_fixing_the_past logs one).
    session = log_session(store, SUNDAY, skip_last=True)
    app = make_app(start="history")
    async with app.run_test(size=(80, 24)) as pilot:
        await open_newest(pilot)
        await pilot.press("end", "e")
        assert isinstance(app.screen, EditSetScreen)
        await pilot.press("escape")
        assert isinstance(app.screen, SessionDetailScreen)
        assert not on_disk(db_path, session.id)[-1].done


async def test_p_opens_the_progress_of_the_highlighted_exercise(make_app, store: Store) -> None:
    log_session(store, SUNDAY)
    app = make_app(start="history")
    async with app.run_test(size=(80, 24)) as pilot:
        await open_newest(pilot)
        await pilot.press("down", "down", "p")
        assert isinstance(app.screen, ProgressScreen)
        assert app.screen.exercise_id == "side-plank"
        await pilot.press("escape")
        assert isinstance(app.screen, SessionDetailScreen)
        await pilot.press("p", "h")  # h: History, the list itself
        assert isinstance(app.screen, HistoryScreen)


async def test_sets_not_yet_done_in_an_open_session_are_to_do_not_skipped(make_app, store: Store) -> None:
    session = log_session(store, SUNDAY, skip_last=True)
    store.finish_session(session.id, None)  # still going: the plank has not been skipped, only not done yet
    app = make_app(start="history")
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_newest(pilot)
        last = [str(cell) for cell in screen.table.get_row_at(screen.table.row_count - 1)]
        assert last[0] == "Plank" and last[-2] == "to do"  # the Note column is last
