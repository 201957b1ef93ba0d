"""When the database cannot take a write (locked by another program, disk full, read-only file):
the screen stays responsive, says the real cause once, and never shows as saved what is not.
"""

from __future__ import annotations

import errno
import os
import sqlite3
import time
from pathlib import Path

import pytest
from textual.widgets import Label

from runstrong.app import RunStrongApp
from runstrong.core.catalog import load_catalog
from runstrong.core.plan import plan_day
from runstrong.core.models import SetLog
from runstrong.screens.hold_timer import HoldTimerScreen
from runstrong.screens.history import HistoryScreen
from runstrong.screens.today import TodayScreen
from runstrong.store import Store
from runstrong.store.connection import INTERACTIVE_BUSY_MS
from runstrong.widgets.read_only_banner import ReadOnlyBanner


def today(app: RunStrongApp) -> TodayScreen:
    screen = app.screen
    assert isinstance(screen, TodayScreen)
    return screen


def shown_done(app: RunStrongApp) -> int:
    return sum(isinstance(slot, SetLog) and slot.done for slot in today(app).checklist.slots)


def done_on_file(db_path: Path) -> int:
    conn = sqlite3.connect(f"{db_path.resolve().as_uri()}?mode=ro", uri=True)
    try:
        return conn.execute("SELECT COUNT(*) FROM set_logs WHERE done_at IS NOT NULL").fetchone()[0]
    finally:
        conn.close()


def fill_to_the_brim(conn: sqlite3.Connection) -> None:
    """Make the next new session hit SQLITE_FULL, as a full disk would: the file may not grow
    (max_page_count), and the last page of `sessions` is filled with deleted placeholder rows
    until no more fit, so the next session needs a page the file cannot have."""
    pages = conn.execute("PRAGMA page_count").fetchone()[0]
    conn.execute(f"PRAGMA max_page_count = {pages}")
    for n in range(10_000):
        try:
            conn.execute(
                "INSERT INTO sessions (date, started_at, program_id, program, day, day_index, uid, deleted_at) "
                "VALUES ('2000-01-01', '2000-01-01T00:00:00+00:00', 'filler', 'filler', 'filler', 0, ?, 'x')",
                [f"filler{n}"],
            )
        except sqlite3.OperationalError as error:
            assert "full" in str(error)
            return
    raise AssertionError("the file never filled up")


def messages(app: RunStrongApp) -> list[str]:
    return [n.message for n in app._notifications]


async def test_a_locked_database_answers_each_key_at_once_and_says_so_once(make_app, db_path: Path) -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        holder = sqlite3.connect(db_path, isolation_level=None)
        holder.execute("BEGIN IMMEDIATE")  # another program holds the write lock
        try:
            started = time.monotonic()
            await pilot.press("space")
            first = time.monotonic() - started
            started = time.monotonic()
            await pilot.press("space", "space", "space", "space")
            queued = time.monotonic() - started
        finally:
            holder.execute("ROLLBACK")
            holder.close()
        # The first press waits the short interactive timeout (0.25 s), not the 3 s of old; the
        # queued ones fail at once rather than adding up (wall time: the lock is real).
        assert first < INTERACTIVE_BUSY_MS / 1000 + 1.0
        assert queued < 1.0
        not_saved = [m for m in messages(app) if m.startswith("Not saved")]
        assert len(not_saved) == 1 and "locked by another program" in not_saved[0]
        assert shown_done(app) == 0 and done_on_file(db_path) == 0
        # Once the other program lets go, the same key saves (after the short fast-fail spell).
        app.store._locked_until = 0.0
        await pilot.press("space")
        assert shown_done(app) == 1 and done_on_file(db_path) == 1


async def test_a_full_disk_is_named_and_nothing_is_shown_as_saved(make_app, db_path: Path) -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        fill_to_the_brim(app.store.conn)
        await pilot.press("space")
        assert shown_done(app) == 0 and done_on_file(db_path) == 0
        [message] = [m for m in messages(app) if m.startswith("Not saved")]
        assert "disk full" in message and "damaged" not in message


async def test_a_hold_that_cannot_be_saved_never_says_hold_complete(make_app, clock, db_path: Path) -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        screen = today(app)
        screen.checklist.cursor = next(i for i, s in enumerate(screen.checklist.slots) if s.exercise_id == "plank")
        await pilot.press("t")
        timer = app.screen
        assert isinstance(timer, HoldTimerScreen)
        fill_to_the_brim(app.store.conn)
        clock.advance(40)  # 5 s get ready + 30 s hold, and on
        timer.poll()
        await pilot.pause()
        shown = " ".join(str(label.render()) for label in timer.query(Label) if label.display)
        assert "Hold complete" not in shown and "NOT SAVED" in shown
        assert not any("Hold complete" in m for m in messages(app))
        assert any(m.startswith("Hold NOT saved") for m in messages(app))
        assert any("disk full" in m for m in messages(app))
        assert done_on_file(db_path) == 0


@pytest.fixture
def read_only_file(db_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A database with one finished session, chmod 0444. Run as root (as CI is), the mode bits
    would not stop us, so the refusal the kernel gives any other user is made at the syscall
    boundary: os.open of this file for writing fails with EACCES, as it would for them."""
    store = Store.open(db_path)
    program = load_catalog().default_program
    session = store.start_session(
        date="2026-11-22", started_at="2026-11-22T10:00:00+01:00", program_id=program.id,
        program=program.name, day=program.days[0].name, day_index=0,
        slots=plan_day(program.days[0], load_catalog()),
    )
    store.tick_set(session.sets[0].id, "2026-11-22T10:05:00+01:00")
    store.close()
    db_path.chmod(0o444)
    if os.geteuid() == 0:
        real_open = os.open

        def refusing_open(path, flags, *args, **kwargs):  # type: ignore[no-untyped-def]
            if Path(path) == db_path and flags & (os.O_WRONLY | os.O_RDWR):
                raise PermissionError(errno.EACCES, os.strerror(errno.EACCES), str(path))
            return real_open(path, flags, *args, **kwargs)

        monkeypatch.setattr(os, "open", refusing_open)
    return db_path


async def test_a_read_only_file_opens_read_only_with_a_banner(read_only_file: Path, clock) -> None:
    before = read_only_file.read_bytes()
    store = Store.open_checked(read_only_file, allow_read_only=True)
    assert store.read_only == "the file is not writable"
    app = RunStrongApp(store, clock=clock, start="history")
    try:
        async with app.run_test(size=(80, 24)) as pilot:
            history = app.screen
            assert isinstance(history, HistoryScreen) and history.total == 1
            banner = history.query_one(ReadOnlyBanner)
            assert banner.display and "READ-ONLY" in str(banner.render())
            await pilot.press("t")  # to Today
            assert today(app).query_one(ReadOnlyBanner).display
            await pilot.press("space")
            assert shown_done(app) == 1  # the one stored tick, and no new one
            assert any("not writable" in m and m.startswith("Not saved") for m in messages(app))
    finally:
        store.close()
    assert read_only_file.read_bytes() == before
    # No -wal or -shm left behind to break the file once its mode is fixed.
    assert sorted(p.name for p in read_only_file.parent.iterdir()) == [read_only_file.name]


def test_a_read_only_file_is_refused_in_one_line_where_writing_is_needed(read_only_file: Path) -> None:
    from runstrong.store import StoreError

    with pytest.raises(StoreError, match="the file is not writable"):
        Store.open(read_only_file)
    assert sorted(p.name for p in read_only_file.parent.iterdir()) == [read_only_file.name]
