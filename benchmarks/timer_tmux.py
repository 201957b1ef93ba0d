"""Measure a running hold's CPU in a real terminal: tmux, beside bare Textual apps, in one run.

    .venv/bin/python benchmarks/timer_tmux.py [--seconds 30] [--size 80x24]

benchmarks/timer.py measures the app headless, where nothing is written to a terminal. Here
each program runs in its own window of a private tmux server (its own socket, so no other tmux
is touched), on a temporary database, at the same time and the same size:

- `runstrong timer 5m`: a five-minute hold, past its 5 s get-ready count;
- a bare Textual app that shows one label and changes nothing (what Textual costs idle);
- a bare Textual app whose label shows a clock that changes once a second, the least any
  countdown must do.

After a warm-up the CPU time of each process and its children (utime + stime from /proc) is
sampled over --seconds of wall time and printed as % of one core. The tmux server's own CPU
(drawing what the apps write) is printed too, for all of them together. Goal (issue 11): the
running hold at most 1 % of a core. Linux only (/proc).
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
import textwrap
import time
from pathlib import Path

GOAL_PCT = 1.0
WARM_UP_S = 10.0
"""Start-up, the 5 s get-ready count and the first second of the hold are not measured."""
TICKS = os.sysconf("SC_CLK_TCK")

BARE_APP = textwrap.dedent('''
    import sys, time
    from textual.app import App
    from textual.widgets import Label

    class Bare(App):
        def compose(self):
            yield Label("bare", id="clock")

        def on_mount(self):
            if sys.argv[1] == "clock":
                # As a countdown must: wake when the shown second changes, draw only then.
                self.set_interval(1.0, self.tick)

        def tick(self):
            self.query_one("#clock", Label).update(time.strftime("%H:%M:%S"))

    Bare().run()
''')


def cpu_seconds(pid: int) -> float:
    """CPU time of `pid` and every descendant, in seconds."""
    total = 0.0
    pending = [pid]
    while pending:
        current = pending.pop()
        try:
            fields = Path(f"/proc/{current}/stat").read_text().rsplit(")", 1)[1].split()
            total += (int(fields[11]) + int(fields[12])) / TICKS  # utime, stime
            children = Path(f"/proc/{current}/task/{current}/children").read_text().split()
        except (FileNotFoundError, ProcessLookupError, IndexError):
            continue
        pending += [int(child) for child in children]
    return total


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seconds", type=float, default=30.0, help="sampling time (default 30)")
    parser.add_argument("--size", default="80x24", help="terminal size, COLSxROWS (default 80x24)")
    args = parser.parse_args(argv)
    if shutil.which("tmux") is None:
        print("tmux is not installed", file=sys.stderr)
        return 2
    columns, rows = args.size.split("x")
    runstrong = Path(sys.executable).with_name("runstrong")
    with tempfile.TemporaryDirectory(prefix="runstrong-tmux-") as temp:
        folder = Path(temp)
        (folder / "bare.py").write_text(BARE_APP)
        socket = f"runstrong-bench-{os.getpid()}"
        tmux = ["tmux", "-L", socket, "-f", "/dev/null"]
        programs = {
            "runstrong timer 5m (hold)": f"{runstrong} --db {folder / 'bench.db'} timer 5m",
            "bare Textual app, idle": f"{sys.executable} {folder / 'bare.py'} idle",
            "bare Textual app, 1 Hz clock": f"{sys.executable} {folder / 'bare.py'} clock",
        }
        try:
            pids: dict[str, int] = {}
            for number, (label, command) in enumerate(programs.items()):
                session = f"s{number}"
                subprocess.run([*tmux, "new-session", "-d", "-s", session, "-x", columns, "-y", rows,
                                f"TERM=xterm-256color exec {command}"], check=True)
                pane = subprocess.run([*tmux, "list-panes", "-t", session, "-F", "#{pane_pid}"],
                                      check=True, capture_output=True, text=True)
                pids[label] = int(pane.stdout.split()[0])
            server = int(subprocess.run([*tmux, "display-message", "-p", "#{pid}"], check=True,
                                        capture_output=True, text=True).stdout)
            time.sleep(WARM_UP_S)
            screen = subprocess.run([*tmux, "capture-pane", "-p", "-t", "s0"], capture_output=True, text=True).stdout
            if "HOLD" not in screen:
                print("the timer is not holding after the warm-up; its screen:\n" + screen, file=sys.stderr)
                return 1
            before = {label: cpu_seconds(pid) for label, pid in pids.items()}
            server_before = cpu_seconds(server)
            began = time.monotonic()
            time.sleep(args.seconds)
            wall = time.monotonic() - began
            after = {label: cpu_seconds(pid) for label, pid in pids.items()}
            server_after = cpu_seconds(server)
        finally:
            subprocess.run([*tmux, "kill-server"], capture_output=True)
    print(f"CPU in tmux at {args.size}, {wall:.0f} s sampled after a {WARM_UP_S:.0f} s warm-up, % of one core:")
    for label in programs:
        share = (after[label] - before[label]) / wall * 100
        print(f"    {label:32} {share:6.2f} %   {share * 0.6:5.2f} CPU s/min")
    print(f"    {'tmux server (all three)':32} {(server_after - server_before) / wall * 100:6.2f} %")
    print(f"    goal for the running hold: at most {GOAL_PCT:.0f} % of a core")
    return 0


if __name__ == "__main__":
    sys.exit(main())
