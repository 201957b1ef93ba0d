"""Two real runstrong processes on one file, each in its own 80x24 terminal (issue 12).

This is the whole path a runner with two windows takes: separate processes and connections, the
app's own once-a-second look at PRAGMA data_version, and what each terminal is actually sent.
Real processes need real time, so this waits on their output (at most a few seconds each).
"""

from __future__ import annotations

import sqlite3
from pathlib import Path

from pty_app import TIMEOUT_S, PtyApp


class Window(PtyApp):
    """One runner's window: each wait sees only what was drawn after the previous one."""

    def wait_for(self, text: bytes, timeout: float = TIMEOUT_S) -> None:
        super().wait_for(text, timeout)
        self.forget()


DOWN, UP = b"\x1b[B", b"\x1b[A"


def test_two_processes_share_the_session_and_show_each_others_ticks_and_unticks(db_path: Path) -> None:
    a = Window(db_path)
    try:
        a.wait_for(b"0 / 18 sets done")
        b = Window(db_path)
        try:
            b.wait_for(b"0 / 18 sets done")
            a.press(b" ")  # A ticks squat set 1: the session is created
            a.wait_for(b"1 / 18 sets done")
            b.press(DOWN + b" ")  # B, not yet caught up, ticks squat set 2: it joins A's session
            b.wait_for(b"2 / 18 sets done")
            a.wait_for(b"2 / 18 sets done")  # A's next look shows B's tick
            a.press(b" ")  # A's cursor is on squat set 2 (B's tick): untick it
            a.wait_for(b"1 / 18 sets done")
            b.wait_for(b"1 / 18 sets done")  # and B shows it unticked
        finally:
            b.close()
    finally:
        a.close()
    conn = sqlite3.connect(db_path)
    try:
        sessions = conn.execute("SELECT COUNT(*) FROM sessions").fetchone()[0]
        done = [row[0] for row in conn.execute("SELECT set_no FROM set_logs WHERE done_at IS NOT NULL")]
    finally:
        conn.close()
    assert sessions == 1 and done == [1]
