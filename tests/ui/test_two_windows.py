"""Two windows on one database (issue 12): one open session, and each window shows what the other
committed. Two real apps, each with its own connection to the one file, run side by side; the
poll that a 1 s timer runs in the app is called by hand, so no test waits for the clock.
"""

from __future__ import annotations

from pathlib import Path

from runstrong.app import RunStrongApp
from runstrong.core.catalog import load_catalog
from runstrong.core.plan import plan_day
from runstrong.core.models import SetLog
from runstrong.screens.history import HistoryScreen
from runstrong.screens.session_detail import SessionDetailScreen
from runstrong.screens.today import TodayScreen
from runstrong.store import Store
from runstrong.store_watch import WATCH_INTERVAL_S


def today(app: RunStrongApp) -> TodayScreen:
    screen = app.screen
    assert isinstance(screen, TodayScreen)
    return screen


def shown_done(app: RunStrongApp) -> list[int]:
    """Indexes of the boxes the window shows ticked."""
    return [i for i, slot in enumerate(today(app).checklist.slots) if isinstance(slot, SetLog) and slot.done]


async def look(app: RunStrongApp, pilot) -> None:  # type: ignore[no-untyped-def]
    """Run the app's once-a-second look now, on the app's own event loop (two apps share this
    test's task, so a direct call would run under the other app's context)."""
    app.call_next(app.show_changes_from_elsewhere)
    await pilot.pause()


def on_file(db_path: Path) -> tuple[int, list[int]]:
    """(sessions on file, positions of done sets), read by a fresh connection."""
    store = Store.open_read_only(db_path)
    try:
        sessions = store.conn.execute("SELECT COUNT(*) FROM sessions").fetchone()[0]
        done = [row[0] for row in store.conn.execute("SELECT position FROM set_logs WHERE done_at IS NOT NULL ORDER BY position")]
    finally:
        store.close()
    return sessions, done


async def test_two_windows_share_one_session_and_see_each_others_ticks(make_app, db_path: Path) -> None:
    a, b = make_app(), make_app()
    async with a.run_test(size=(80, 24)) as pa, b.run_test(size=(80, 24)) as pb:
        # Both opened before any tick. A ticks squat set 1 (index 0).
        await pa.press("space")
        assert on_file(db_path) == (1, [0])
        # B has not looked yet: it still shows the plan, cursor on squat 1. It moves to squat 2
        # and ticks: B adopts A's session rather than starting a second one.
        assert shown_done(b) == []
        await pb.press("down", "space")
        assert on_file(db_path) == (1, [0, 1])
        assert shown_done(b) == [0, 1]  # the adopted session brought A's tick along
        # A notices B's commit on its next look and shows both ticks.
        assert shown_done(a) == [0]
        revision = a.store.revision
        await look(a, pa)
        assert shown_done(a) == [0, 1] and a.store.revision == revision + 1
        await look(a, pa)
        assert a.store.revision == revision + 1  # nothing new since: no second redraw

        # An untick in A: the file loses it, and B shows it unticked after its look.
        await pa.press("up", "up", "space")  # A's cursor had moved on to index 1; back to 0
        assert on_file(db_path) == (1, [1])
        await look(b, pb)
        assert shown_done(b) == [1]
        assert shown_done(a) == [1]


async def test_a_stale_window_does_not_undo_the_other_windows_tick(make_app, db_path: Path) -> None:
    a, b = make_app(), make_app()
    async with a.run_test(size=(80, 24)) as pa, b.run_test(size=(80, 24)) as pb:
        await pa.press("space")  # A: session started, squat 1 ticked
        await pb.press("space")  # B saw squat 1 open and ticked it too: it stays ticked, once
        assert on_file(db_path) == (1, [0])
        assert shown_done(b) == [0]
        # B now shows it ticked; B unticks it; A shows that after its look.
        await pb.press("up", "space")
        assert on_file(db_path) == (1, [])
        await look(a, pa)
        assert shown_done(a) == []


async def test_history_in_one_window_shows_a_tick_made_in_the_other(make_app, db_path: Path) -> None:
    a, b = make_app(), make_app(start="history")
    async with a.run_test(size=(80, 24)) as pa, b.run_test(size=(80, 24)) as pb:
        history = b.screen
        assert isinstance(history, HistoryScreen) and history.total == 0
        await pa.press("space")
        await look(b, pb)
        assert history.total == 1
        assert history.table.summaries[0].sets_done == 1


async def test_the_app_looks_about_once_a_second(make_app) -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)):
        assert 0 < WATCH_INTERVAL_S <= 2
        intervals = [timer._interval for timer in app._timers if timer._callback == app.show_changes_from_elsewhere]
        assert intervals == [WATCH_INTERVAL_S]


async def test_a_different_day_started_elsewhere_is_shown_and_the_key_not_applied(make_app, db_path: Path) -> None:
    # B shows Workout A, not started. Meanwhile another window starts Workout B of the same
    # program today (its rotation said so). B's space must not tick a set of a day it never showed.
    b = make_app()
    async with b.run_test(size=(80, 24)) as pb:
        catalog = load_catalog()
        program = catalog.default_program
        other = Store.open(db_path)
        try:
            other.start_session(
                date="2026-11-22", started_at="2026-11-22T10:00:00+01:00", program_id=program.id,
                program=program.name, day=program.days[1].name, day_index=1,
                slots=plan_day(program.days[1], catalog),
            )
        finally:
            other.close()
        await pb.press("space")
        await pb.pause()
        assert on_file(db_path) == (1, [])  # one session, nothing ticked
        title = str(today(b).query_one("#session-title").render())
        assert program.days[1].name in title  # B now shows the day that is under way
        [message] = [n.message for n in b._notifications]
        assert message.startswith("Not saved") and "another window started" in message


async def test_a_session_open_in_one_window_shows_the_other_windows_untick(make_app, db_path: Path) -> None:
    a = make_app()
    async with a.run_test(size=(80, 24)) as pa:
        await pa.press("space", "space")  # squat sets 1 and 2
        b = make_app(start="history")
        async with b.run_test(size=(80, 24)) as pb:
            await pb.press("enter")
            detail = b.screen
            assert isinstance(detail, SessionDetailScreen)
            assert [s.set_no for s in detail.sets if s.done and s.exercise_id == "squat"] == [1, 2]
            await pa.press("up", "space")  # A unticks squat set 2
            await look(b, pb)
            assert [s.set_no for s in detail.sets if s.done and s.exercise_id == "squat"] == [1]
            assert on_file(db_path) == (1, [0])
