"""Fixing the past: a skipped set logged later, and deletions restored after a restart."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

from test_history import SUNDAY, log_session
from textual.widgets import Input

from runstrong.screens.edit_set import EditSetScreen
from runstrong.screens.history import HistoryScreen
from runstrong.screens.recently_deleted import RecentlyDeletedScreen
from runstrong.screens.session_detail import SessionDetailScreen
from runstrong.store import Store


def fresh_store(db_path: Path) -> Store:
    return Store.open(db_path)


async def test_a_skipped_set_is_logged_later_from_the_session(make_app, store: Store, db_path: Path) -> None:
    session = log_session(store, SUNDAY, skip_last=True)  # ticked 18:00 to 18:03; the plank skipped
    plank = session.sets[-1]
    app = make_app(start="history")
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("enter", "end", "e")
        assert isinstance(app.screen, EditSetScreen)
        app.screen.query_one("#hold-input", Input).value = "40"
        await pilot.press("enter")
        await pilot.pause()
        detail = app.screen
        assert isinstance(detail, SessionDetailScreen)
        row = [str(cell) for cell in detail.table.get_row_at(4)]
        assert row == ["Plank", "1", "", "—", "—", "0:40", "18:03", ""]
        kept = fresh_store(db_path)
        try:
            logged = kept.set_log(plank.id)
            # Logged at the session's last tick, so its duration (18:00 to 18:03) is unchanged.
            assert (logged.done_at, logged.hold_s) == (f"{SUNDAY}T18:03:00+01:00", 40)
        finally:
            kept.close()
        await pilot.press("u")
        assert [str(cell) for cell in detail.table.get_row_at(4)][-2] == "skipped"


async def test_deletions_are_listed_and_restored_after_a_restart(make_app, store: Store, db_path: Path, clock) -> None:  # type: ignore[no-untyped-def]
    older = log_session(store, SUNDAY - timedelta(days=2))
    newer = log_session(store, SUNDAY)
    store.delete_session(older.id, "2026-11-22T11:00:00+01:00")
    store.delete_set(newer.sets[0].id, "2026-11-22T11:05:00+01:00")

    app = make_app(start="history")  # a new run: History's own undo knows nothing of these
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("r")
        screen = app.screen
        assert isinstance(screen, RecentlyDeletedScreen)
        table = screen.query_one("#deleted-list")
        rows = [[str(cell) for cell in table.get_row_at(i)] for i in range(table.row_count)]
        assert rows == [
            ["22 Nov 11:05", "set", "Sun 22 Nov 2026 · Workout A", "Squat set 1"],
            ["22 Nov 11:00", "session", "Fri 20 Nov 2026 · Workout A", "5 sets done"],
        ]
        await pilot.press("j", "r")  # restore the session, one key
        assert [str(cell) for cell in table.get_row_at(0)][1] == "set"
        assert table.row_count == 1
        await pilot.press("enter")  # and the set
        assert table.row_count == 0
        await pilot.press("escape")
        assert isinstance(app.screen, HistoryScreen)
        assert app.screen.total == 2
    kept = fresh_store(db_path)
    try:
        assert not kept.is_session_deleted(older.id)
        assert len(kept.session_sets(newer.id)) == 5
        assert kept.recently_deleted() == []
    finally:
        kept.close()
