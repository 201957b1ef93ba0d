"""RunStrongApp: the screens, the keys that work everywhere, settings, and the command palette."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import replace
from functools import partial

from textual.app import App, SystemCommand
from textual.binding import Binding
from textual.screen import Screen

from runstrong.core.catalog import Catalog, load_catalog
from runstrong.core.clock import Clock, SystemClock
from runstrong.core.models import Program
from runstrong.core.settings import Settings
from runstrong.screens.exercise_info import ExerciseInfoScreen
from runstrong.screens.help import HelpScreen
from runstrong.screens.history import HistoryScreen
from runstrong.screens.today import TodayScreen
from runstrong.store import Store, StoreError


class RunStrongApp(App[None]):
    """The whole TUI. Built by the CLI and by tests alike, with the store and clock passed in."""

    CSS_PATH = "runstrong.tcss"
    TITLE = "runstrong"
    ENABLE_COMMAND_PALETTE = True
    MODES = {"today": TodayScreen, "history": HistoryScreen}
    BINDINGS = [
        Binding("h", "switch_mode('history')", "History", id="app.history", tooltip="Past sessions and progress"),
        Binding("question_mark", "help", "Help", id="app.help", tooltip="Every key of this screen"),
        Binding("q", "quit", "Quit", id="app.quit", tooltip="Quit runstrong (every tick is already saved)"),
        Binding("ctrl+q", "quit", "Quit", show=False, priority=True, id="app.quit_priority"),
    ]

    def __init__(
        self,
        store: Store,
        *,
        catalog: Catalog | None = None,
        clock: Clock | None = None,
        start: str = "today",
        quick: object = None,
    ) -> None:
        super().__init__()
        self.store = store
        self.catalog = catalog or load_catalog()
        self.clock: Clock = clock or SystemClock()
        self.settings = Settings.from_mapping(store.settings())
        self.start_mode = start

    def on_mount(self) -> None:
        self.switch_mode(self.start_mode)

    # -- settings and program --------------------------------------------------------------

    def current_program(self) -> Program:
        try:
            return self.catalog.program(self.settings.program_id)
        except KeyError:
            # A program id from an older catalog: fall back rather than refuse to open.
            return self.catalog.default_program

    def update_settings(self, settings: Settings) -> bool:
        """Persist new settings; False (and a message) when the database refused them."""
        try:
            self.store.save_settings(settings.to_mapping())
        except StoreError as error:
            self.notify(f"Not saved: {error}", severity="error", timeout=10)
            return False
        self.settings = settings
        return True

    async def choose_program(self, program_id: str) -> bool:
        if not self.update_settings(replace(self.settings, program_id=program_id)):
            return False
        self.notify(f"Following {self.catalog.program(program_id).name}", timeout=3)
        return True

    # -- rest between sets -----------------------------------------------------------------

    def start_rest(self, set_log: object) -> None:
        """Start the rest countdown after a tick (the rest bar lives on Today)."""

    def stop_rest(self) -> None:
        """Stop the rest countdown (a finished session needs no rest)."""

    def open_hold_for_set(self, today: TodayScreen, index: int) -> None:
        """Open the hold timer for the set at `index` on Today."""

    # -- help and palette ------------------------------------------------------------------

    def action_help(self) -> None:
        screen = self.screen
        if isinstance(screen, HelpScreen):
            return
        merged: dict[tuple[str, str], list[str]] = {}
        for key, active in screen.active_bindings.items():
            binding = active.binding
            label = binding.tooltip or binding.description
            if not label or binding.action in ("help",):
                continue
            keys = merged.setdefault((binding.action, label), [])
            display = self.get_key_display(binding)
            if display not in keys:
                keys.append(display)
        rows = [(" / ".join(keys), label) for (_, label), keys in merged.items()]
        rows.append(("?", "This help"))
        rows.append(("ctrl+p", "Command palette: switch program, open any exercise"))
        title = getattr(screen, "HELP_TITLE", None) or (screen.id or "runstrong").replace("-", " ").title()
        self.push_screen(HelpScreen(title, rows))

    def get_system_commands(self, screen: Screen) -> Iterable[SystemCommand]:
        yield from super().get_system_commands(screen)
        for program in self.catalog.programs:
            yield SystemCommand(
                f"Program: {program.name}",
                f"Follow {program.name} on Today",
                partial(self._palette_program, program.id),
            )
        for exercise in self.catalog.exercises.values():
            yield SystemCommand(
                f"Exercise: {exercise.name}",
                f"{exercise.category}: muscles, why it helps, form cues",
                partial(self.push_screen, ExerciseInfoScreen(exercise)),
            )

    async def _palette_program(self, program_id: str) -> None:
        if await self.choose_program(program_id):
            for screen in self.screen_stack:
                if isinstance(screen, TodayScreen):
                    await screen.load()
