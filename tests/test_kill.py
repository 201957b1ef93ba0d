"""Kill a real runstrong process (SIGKILL) right after a tick; the tick must be on disk."""

from __future__ import annotations

import fcntl
import os
import pty
import select
import signal
import struct
import sys
import termios
import time
from pathlib import Path

from runstrong.store import Store

TIMEOUT_S = 30


def read_until(fd: int, needle: bytes, seen: bytearray) -> None:
    """Collect terminal output until `needle` shows up (a real process needs real time here)."""
    deadline = time.monotonic() + TIMEOUT_S
    while needle not in seen:
        remaining = deadline - time.monotonic()
        assert remaining > 0, f"never saw {needle!r}; screen so far ends {bytes(seen[-400:])!r}"
        ready, _, _ = select.select([fd], [], [], remaining)
        if ready:
            try:
                seen.extend(os.read(fd, 65536))
            except OSError:
                break


def test_sigkill_right_after_a_tick_loses_nothing(db_path: Path) -> None:
    pid, fd = pty.fork()
    if pid == 0:  # the child becomes runstrong in an 80x24 terminal
        os.environ.update(TERM="xterm-256color", COLUMNS="80", LINES="24")
        os.execv(sys.executable, [sys.executable, "-m", "runstrong", "--db", str(db_path)])
    try:
        fcntl.ioctl(fd, termios.TIOCSWINSZ, struct.pack("HHHH", 24, 80, 0, 0))
        seen = bytearray()
        read_until(fd, b"Workout A", seen)
        read_until(fd, b"sets done", seen)
        seen.clear()
        os.write(fd, b" ")
        # The screen shows the tick only after the store committed it; kill the moment it shows.
        read_until(fd, b"since the first tick", seen)
        os.kill(pid, signal.SIGKILL)
        _, status = os.waitpid(pid, 0)
        assert os.WIFSIGNALED(status) and os.WTERMSIG(status) == signal.SIGKILL
    finally:
        try:
            os.kill(pid, signal.SIGKILL)
            os.waitpid(pid, 0)
        except (ProcessLookupError, ChildProcessError):
            pass
        os.close(fd)

    store = Store.open(db_path)
    try:
        [session_id] = [row[0] for row in store.conn.execute("SELECT id FROM sessions")]
        done = [s for s in store.session_sets(session_id) if s.done]
    finally:
        store.close()
    assert [(s.exercise_id, s.set_no, s.reps) for s in done] == [("squat", 1, 12)]
