"""runstrong as a real process in a pseudo-terminal (80x24 by default), and what it has drawn.

Shared by tests/test_kill.py, tests/test_two_processes.py and benchmarks/kill_stress.py (which
loads this file by path). A real process needs real time, so reads wait on its output, at most
TIMEOUT_S at a time; nothing here sleeps.
"""

from __future__ import annotations

import fcntl
import os
import pty
import re
import select
import signal
import struct
import sys
import termios
import time
from pathlib import Path
from types import TracebackType

TIMEOUT_S = 30
"""The longest wait for one piece of output: a cold start on a busy shared machine (ours)."""

ANSI = re.compile(rb"\x1b\[[0-?]*[ -/]*[@-~]|\x1b\][^\x07\x1b]*(?:\x07|\x1b\\)|\x1b[@-Z\\-_]")
"""CSI, OSC and two-byte escape sequences: stripped so drawn text can be searched."""


class PtyApp:
    """`python -m runstrong --db DB` in its own terminal of `size` (columns, lines).

    `output` holds every byte the app has sent; `screen()` is what was drawn since the last
    `forget()`, escape sequences stripped. Use as a context manager, or call close()."""

    def __init__(self, db: Path, size: tuple[int, int] = (80, 24)) -> None:
        columns, lines = size
        pid, fd = pty.fork()
        if pid == 0:  # the child becomes runstrong
            os.environ.update(TERM="xterm-256color", COLUMNS=str(columns), LINES=str(lines))
            os.execv(sys.executable, [sys.executable, "-m", "runstrong", "--db", str(db)])
        fcntl.ioctl(fd, termios.TIOCSWINSZ, struct.pack("HHHH", lines, columns, 0, 0))
        self.pid, self.fd = pid, fd
        self.output = bytearray()
        self._mark = 0
        self._reaped = False
        self.ended = False
        """True once the terminal closed (the process ended and everything it sent is read)."""

    def screen(self) -> bytes:
        """What was drawn since the last forget(), without escape sequences."""
        return ANSI.sub(b"", bytes(self.output[self._mark :]))

    def forget(self) -> None:
        """Start screen() over: later waits see only what is drawn from now on."""
        self._mark = len(self.output)

    def _read_once(self, timeout: float) -> bool:
        """Append one chunk of output if some comes within `timeout` s; False if none came."""
        if self.ended:
            return False
        ready, _, _ = select.select([self.fd], [], [], max(0.0, timeout))
        if not ready:
            return False
        try:
            chunk = os.read(self.fd, 65536)
        except OSError:  # EIO: the child has gone and the terminal is closed
            chunk = b""
        if not chunk:
            self.ended = True
            return False
        self.output.extend(chunk)
        return True

    def read_for(self, seconds: float) -> None:
        """Collect output for up to `seconds`; returns early when the terminal goes quiet for
        that long or closes."""
        deadline = time.monotonic() + seconds
        while (remaining := deadline - time.monotonic()) > 0 and self._read_once(remaining):
            pass

    def wait_for(self, text: bytes, timeout: float = TIMEOUT_S) -> None:
        """Read until `text` is on screen(); TimeoutError (with the screen's end) if it is not
        within `timeout` s or the process ends first."""
        deadline = time.monotonic() + timeout
        while text not in self.screen():
            remaining = deadline - time.monotonic()
            if remaining <= 0 or self.ended:
                why = "the process ended" if self.ended else f"{timeout:g} s passed"
                raise TimeoutError(f"never saw {text!r} ({why}); screen ends {self.screen()[-400:]!r}")
            self._read_once(remaining)

    def press(self, keys: bytes) -> None:
        """Type `keys` (raw bytes: b" ", b"\\x1b[B" for down...)."""
        os.write(self.fd, keys)

    def kill(self) -> int:
        """SIGKILL the process and reap it; its wait status (os.WIFSIGNALED and so on)."""
        os.kill(self.pid, signal.SIGKILL)
        _, status = os.waitpid(self.pid, 0)
        self._reaped = True
        return status

    def close(self) -> None:
        """Kill the process if it is still there, and close the terminal."""
        if not self._reaped:
            try:
                self.kill()
            except (ProcessLookupError, ChildProcessError):
                self._reaped = True
        os.close(self.fd)

    def __enter__(self) -> PtyApp:
        return self

    def __exit__(self, kind: type[BaseException] | None, error: BaseException | None, trace: TracebackType | None) -> None:
        self.close()
