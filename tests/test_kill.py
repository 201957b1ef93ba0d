"""Kill a real runstrong process (SIGKILL) right after a tick; the tick must be on disk."""

from __future__ import annotations

import os
import signal
from pathlib import Path

from pty_app import PtyApp

from runstrong.store import Store


def test_sigkill_right_after_a_tick_loses_nothing(db_path: Path) -> None:
    with PtyApp(db_path) as app:
        app.wait_for(b"Workout A")
        app.wait_for(b"sets done")
        app.forget()
        app.press(b" ")
        # The screen shows the tick only after the store committed it; kill the moment it shows.
        app.wait_for(b"since the first tick")
        status = app.kill()
        assert os.WIFSIGNALED(status) and os.WTERMSIG(status) == signal.SIGKILL

    store = Store.open(db_path)
    try:
        [session_id] = [row[0] for row in store.conn.execute("SELECT id FROM sessions")]
        done = [s for s in store.session_sets(session_id) if s.done]
    finally:
        store.close()
    assert [(s.exercise_id, s.set_no, s.reps) for s in done] == [("squat", 1, 12)]
