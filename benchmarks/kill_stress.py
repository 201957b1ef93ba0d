"""Kill the real app with SIGKILL at random moments around ticks, and check nothing shown is lost.

Each round starts `python -m runstrong --db FILE` in an 80x24 pseudo-terminal (as
tests/test_kill.py does), waits for Today, presses space 1-4 times with random gaps, and sends
SIGKILL at a random moment 0-400 ms after the last press: sometimes before the screen caught up,
sometimes mid-commit, sometimes after (a first tick also imports sqlite-utils and creates the
session, so it takes longest). Whatever reached the terminal before the kill is what the
runner saw as saved ("N / 18 sets done"). The file is then opened by a fresh connection:

- acknowledged ticks lost = ticks the screen showed that the file does not hold (must be 0);
- integrity = PRAGMA integrity_check of every file (must be "ok").

Every round starts from a fresh file, half of them from a file whose session was begun in an
earlier (killed) run, so both first ticks (the session is created) and later ones are covered.

    python benchmarks/kill_stress.py --rounds 100 [--seed 1]
"""

from __future__ import annotations

import argparse
import fcntl
import os
import pty
import random
import re
import select
import signal
import sqlite3
import struct
import sys
import tempfile
import termios
import time
from pathlib import Path

ANSI = re.compile(rb"\x1b\[[0-?]*[ -/]*[@-~]|\x1b\][^\x07\x1b]*(?:\x07|\x1b\\)|\x1b[@-Z\\-_]")
DONE = re.compile(rb"(\d+) / (\d+) sets done")
TIMEOUT_S = 30


def spawn(db: Path) -> tuple[int, int]:
    pid, fd = pty.fork()
    if pid == 0:
        os.environ.update(TERM="xterm-256color", COLUMNS="80", LINES="24")
        os.execv(sys.executable, [sys.executable, "-m", "runstrong", "--db", str(db)])
    fcntl.ioctl(fd, termios.TIOCSWINSZ, struct.pack("HHHH", 24, 80, 0, 0))
    return pid, fd


def read_for(fd: int, seen: bytearray, seconds: float) -> None:
    deadline = time.monotonic() + seconds
    while (remaining := deadline - time.monotonic()) > 0:
        ready, _, _ = select.select([fd], [], [], remaining)
        if not ready:
            return
        try:
            chunk = os.read(fd, 65536)
        except OSError:
            return
        if not chunk:
            return
        seen.extend(chunk)


def read_until(fd: int, seen: bytearray, needle: bytes) -> None:
    deadline = time.monotonic() + TIMEOUT_S
    while needle not in ANSI.sub(b"", bytes(seen)):
        if time.monotonic() > deadline:
            raise TimeoutError(f"never saw {needle!r}")
        read_for(fd, seen, 0.05)


def shown_done(seen: bytes) -> int:
    """The last "N / M sets done" the terminal was sent (what the runner saw as saved)."""
    counts = DONE.findall(ANSI.sub(b"", seen))
    return int(counts[-1][0]) if counts else 0


def on_file(db: Path) -> tuple[int, str]:
    conn = sqlite3.connect(db)
    try:
        done = conn.execute(
            "SELECT COUNT(*) FROM set_logs WHERE done_at IS NOT NULL AND deleted_at IS NULL"
        ).fetchone()[0]
        verdict = conn.execute("PRAGMA integrity_check").fetchone()[0]
    finally:
        conn.close()
    return int(done), str(verdict)


def one_round(db: Path, rng: random.Random) -> tuple[int, int, str, int]:
    """(shown, on file, integrity verdict, presses) for one kill."""
    pid, fd = spawn(db)
    seen = bytearray()
    try:
        read_until(fd, seen, b"sets done")
        read_for(fd, seen, 0.05)
        presses = rng.randint(1, 4)
        for press in range(presses):
            os.write(fd, b" ")
            if press < presses - 1:
                read_for(fd, seen, rng.uniform(0.0, 0.15))
        read_for(fd, seen, rng.uniform(0.0, 0.4))
        os.kill(pid, signal.SIGKILL)
        os.waitpid(pid, 0)
        # What the app wrote before it died is still in the pty: the runner saw that too.
        read_for(fd, seen, 0.05)
    finally:
        try:
            os.kill(pid, signal.SIGKILL)
            os.waitpid(pid, 0)
        except (ProcessLookupError, ChildProcessError):
            pass
        os.close(fd)
    shown = shown_done(bytes(seen))
    done, verdict = on_file(db)
    return shown, done, verdict, presses


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=100)
    parser.add_argument("--seed", type=int, default=None)
    args = parser.parse_args()
    seed = args.seed if args.seed is not None else random.randrange(1 << 30)
    rng = random.Random(seed)
    lost = extra = shown_total = 0
    verdicts: dict[str, int] = {}
    started = time.monotonic()
    with tempfile.TemporaryDirectory(prefix="runstrong-kill-") as folder:
        for n in range(args.rounds):
            db = Path(folder) / f"round{n}.db"
            if n % 2 and n > 0:
                # Half the rounds go on from the previous round's file: its session under way.
                previous = Path(folder) / f"round{n - 1}.db"
                db = previous
            before, _ = on_file(db) if db.exists() else (0, "ok")
            shown, done, verdict, presses = one_round(db, rng)
            # Ticks the screen showed (beyond those already on file) that the file lacks.
            missing = max(0, shown - done)
            lost += missing
            extra += max(0, done - shown)
            shown_total += max(0, shown - before)
            verdicts[verdict] = verdicts.get(verdict, 0) + 1
            if missing:
                print(f"round {n}: the screen showed {shown} done, the file holds {done}", file=sys.stderr)
    elapsed = time.monotonic() - started
    print(f"rounds (SIGKILL each): {args.rounds}   seed: {seed}   {elapsed:.0f} s")
    print(f"ticks acknowledged on screen: {shown_total}")
    print(f"acknowledged ticks lost: {lost}")
    print(f"committed but not yet shown when killed: {extra}")
    print("integrity_check: " + ", ".join(f"{verdict} x{count}" for verdict, count in sorted(verdicts.items())))
    sys.exit(1 if lost or set(verdicts) != {"ok"} else 0)


if __name__ == "__main__":
    main()
