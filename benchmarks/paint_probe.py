"""Time a real `runstrong ...` command to its first paint, without changing how it starts.

    python benchmarks/paint_probe.py SCREEN_ID [--empty-screens] -- runstrong arguments...

Runs the CLI's own `main` (argument parsing, catalog, the database check on its thread, the
imports), headless at 80x24. An import hook gives RunStrongApp a probe as the CLI imports it:
once the screen with id SCREEN_ID is mounted, the next frame is its first paint. The probe then
writes "painted <ms since BENCH_STARTED_NS>" on file descriptor 1 and the app exits.

--empty-screens swaps every mode's screen for a label and a footer: what is left is the floor
any first screen pays (imports, database, catalog, CSS).
"""

from __future__ import annotations

import os
import sys
import time
from functools import partial
from types import ModuleType

from on_import import PatchOnImport

STARTED_NS = int(os.environ.get("BENCH_STARTED_NS", time.time_ns()))


def painted(app) -> None:  # type: ignore[no-untyped-def]
    # os.write: Textual captures sys.stdout while an app runs.
    os.write(1, f"painted {(time.time_ns() - STARTED_NS) / 1e6:.1f}\n".encode())
    app.exit()


def add_probe(module: ModuleType, screen_id: str, empty_screens: bool) -> None:
    app_class = module.RunStrongApp
    original_on_mount = app_class.on_mount

    async def on_mount(self) -> None:  # type: ignore[no-untyped-def]
        await original_on_mount(self)

        def mounted() -> None:
            nonlocal seen
            if not seen and self.screen.id == screen_id and self.screen.is_mounted:
                seen = True
                probe.stop()
                self.screen.call_after_refresh(painted, self)

        seen = False
        probe = self.set_interval(0.001, mounted)

    app_class.on_mount = on_mount
    original_run = app_class.run

    def run(self, **kwargs):  # type: ignore[no-untyped-def]
        # Headless at a fixed size, as every figure in the benchmarks is taken.
        return original_run(self, headless=True, size=(80, 24), **kwargs)

    app_class.run = run
    if empty_screens:
        from textual.screen import Screen
        from textual.widgets import Label

        from runstrong.widgets.key_bar import KeyBar

        class EmptyScreen(Screen[None]):
            def __init__(self) -> None:
                super().__init__(id=screen_id)

            def compose(self):  # type: ignore[no-untyped-def]
                yield Label("runstrong")
                yield KeyBar()

        app_class.MODES = {mode: EmptyScreen for mode in app_class.MODES}


def main() -> None:
    separator = sys.argv.index("--")
    options, cli_args = sys.argv[1:separator], sys.argv[separator + 1:]
    sys.meta_path.insert(0, PatchOnImport("runstrong.app", partial(add_probe, screen_id=options[0], empty_screens="--empty-screens" in options)))
    os.environ.setdefault("TEXTUAL_ANIMATIONS", "none")
    from runstrong import cli

    cli.main(cli_args)


if __name__ == "__main__":
    main()
