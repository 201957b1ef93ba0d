"""Two real runstrong processes on one file, each in its own 80x24 terminal (issue 12).

This is the whole path a runner with two windows takes: separate processes and connections, the
app's own once-a-second look at PRAGMA data_version, and what each terminal is actually sent.
Real processes need real time, so this waits on their output (at most a few seconds each).
"""

from __future__ import annotations

import fcntl
import os
import pty
import re
import select
import signal
import sqlite3
import struct
import sys
import termios
import time
from pathlib import Path

TIMEOUT_S = 30
ANSI = re.compile(rb"\x1b\[[0-?]*[ -/]*[@-~]|\x1b\][^\x07\x1b]*(?:\x07|\x1b\\)|\x1b[@-Z\\-_]")


class Window:
    """`python -m runstrong --db DB` in a pseudo-terminal, and what it has drawn."""

    def __init__(self, db: Path) -> None:
        pid, fd = pty.fork()
        if pid == 0:
            os.environ.update(TERM="xterm-256color", COLUMNS="80", LINES="24")
            os.execv(sys.executable, [sys.executable, "-m", "runstrong", "--db", str(db)])
        fcntl.ioctl(fd, termios.TIOCSWINSZ, struct.pack("HHHH", 24, 80, 0, 0))
        self.pid, self.fd = pid, fd
        self.seen = bytearray()

    def wait_for(self, text: bytes) -> None:
        """Read until `text` is on screen (escape sequences aside); the buffer then starts over."""
        deadline = time.monotonic() + TIMEOUT_S
        while text not in ANSI.sub(b"", bytes(self.seen)):
            remaining = deadline - time.monotonic()
            assert remaining > 0, f"never saw {text!r}; screen ends {bytes(ANSI.sub(b'', bytes(self.seen))[-300:])!r}"
            ready, _, _ = select.select([self.fd], [], [], remaining)
            if ready:
                try:
                    self.seen.extend(os.read(self.fd, 65536))
                except OSError:
                    break
        self.seen.clear()

    def press(self, keys: bytes) -> None:
        os.write(self.fd, keys)

    def close(self) -> None:
        try:
            os.kill(self.pid, signal.SIGKILL)
            os.waitpid(self.pid, 0)
        except (ProcessLookupError, ChildProcessError):
            pass
        os.close(self.fd)


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
