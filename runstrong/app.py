"""RunStrongApp: the screens, the keys that work everywhere, settings, and the command palette."""

from __future__ import annotations

import time
from collections.abc import Callable, Iterable
from dataclasses import replace
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING

from textual.app import App, SystemCommand
from textual.binding import Binding
from textual.notifications import SeverityLevel
from textual.screen import Screen
from textual.theme import Theme

from runstrong.core.catalog import Catalog, rest_after_s
from runstrong.core.clock import Clock, SystemClock
from runstrong.core.models import Exercise, Program, Session, SetLog
from runstrong.core.settings import Settings
from runstrong.core.text import plain_text, printable
from runstrong.key_routing import KeyRouting
from runstrong.store import Store, StoreError
from runstrong.store.connection import INTERACTIVE_BUSY_MS
from runstrong.store_watch import WATCH_INTERVAL_S, show_changes
from runstrong.widgets.markup_safe import as_markup

if TYPE_CHECKING:
    from runstrong.quick_timer import QuickLog, QuickTimer
    from runstrong.screens.hold_timer import CompletedHold
    from runstrong.screens.today import TodayScreen

# Screens are imported when first opened, so a start on one does not wait for the others'
# imports (History's alone are ~20 ms, Today's ~12 ms).


def warm_up_imports() -> None:
    """Imports the first write and the first Progress chart would otherwise wait for."""
    import sqlite_utils  # noqa: F401
    import textual_plotext.plot  # noqa: F401

    import runstrong.screens.session_end  # noqa: F401  (the first tick's record check)


def today_screen() -> Screen:
    from runstrong.screens.today import TodayScreen

    return TodayScreen()


def history_screen() -> Screen:
    from runstrong.screens.history import HistoryScreen

    return HistoryScreen()


def plan_screen() -> Screen:
    from runstrong.screens.plan import PlanScreen

    return PlanScreen()


APP_CSS = Path(__file__).resolve().with_name("runstrong.tcss")
START_CSS = {mode: APP_CSS.parent / "screens" / f"{mode}.tcss" for mode in ("today", "history", "plan")}
"""The first screen's stylesheet for each start: the path its CSS_PATH resolves to, so Textual
sees it is loaded already when the screen comes up."""


class RunStrongApp(KeyRouting, App[None]):
    """The whole TUI. Built by the CLI and by tests alike, with the store and clock passed in."""

    TITLE = "runstrong"
    ENABLE_COMMAND_PALETTE = True
    MODES = {"today": today_screen, "history": history_screen, "plan": plan_screen}
    BINDINGS = [
        Binding("h", "switch_mode('history')", "History", id="app.history", tooltip="Past sessions and progress"),
        Binding("w", "switch_mode('plan')", "Plan", show=False, id="app.plan", tooltip="The plan: runs, races and strength days"),
        Binding("question_mark", "help", "Help", id="app.help", tooltip="Every key of this screen"),
        Binding("comma", "settings", "Settings", show=False, id="app.settings", tooltip="Settings: timers, bell, notices, kg or lb"),
        Binding("q", "quit", "Quit", id="app.quit", tooltip="Quit runstrong (every tick is already saved; a running hold asks first)"),
        Binding("ctrl+q", "quit", "Quit", show=False, priority=True, id="app.quit_priority", tooltip="Quit runstrong (every tick is already saved; a running hold asks first)"),
    ]

    def __init__(
        self,
        store: Store,
        *,
        catalog: Catalog | None = None,
        clock: Clock | None = None,
        start: str = "today",
        quick: QuickTimer | None = None,
        start_day: tuple[str, int] | None = None,
    ) -> None:
        # Start in the wanted mode rather than switching on mount: a switch re-parses all CSS,
        # which doubled the time to first paint.
        self.DEFAULT_MODE = start
        # The first screen's own stylesheet is read with the app's, in the one parse at start;
        # read on its first showing instead, it costs another parse of every stylesheet.
        super().__init__(css_path=[APP_CSS, START_CSS[start]])
        self.store = store
        if store.read_only is None:
            # A key press waits a quarter second at most for another program's lock, then says so.
            store.set_busy_timeout(INTERACTIVE_BUSY_MS)
        self._catalog = catalog
        self.clock: Clock = clock or SystemClock()
        self.settings = Settings.from_mapping(store.settings())
        # Before the first paint, so the saved theme is the first one drawn. A theme that is no
        # longer registered (an older Textual, a removed one) leaves the default.
        if self.settings.theme in self.available_themes:
            self.theme = self.settings.theme
        self.quick = quick
        self._errors_on_screen: dict[tuple[str, str], float] = {}
        """Error toasts shown, and until when (monotonic seconds): the same one is not stacked."""
        """`runstrong timer ...`: open straight on this timer, over Today."""
        self._start_day: tuple[str, int, int | None] | None = None
        """`--day`: (program id, day index, id of that program's last session when the app
        started). It holds until a session of that program is stored; then the rotation resumes."""
        if start_day is not None:
            program_id, day_index = start_day
            last = store.last_session(program_id)
            self._start_day = (program_id, day_index, last.id if last else None)

    @property
    def catalog(self) -> Catalog:
        """The packaged exercises and programs plus the runner's own (the store rebuilds the
        merged catalog only after an own one changed); read on first use: History opens without."""
        return self._catalog if self._catalog is not None else self.store.catalog()

    def next_day_index(self, program: Program, last: Session | None) -> int:
        """The day of `program` Today offers when no session is open: the one `--day` chose,
        else the one after the last session's (the rotation)."""
        chosen = self._start_day
        if chosen is not None and chosen[0] == program.id and chosen[2] == (last.id if last else None):
            return chosen[1] % len(program.days)
        return (last.day_index + 1) % len(program.days) if last else 0

    async def on_mount(self) -> None:
        self.theme_changed_signal.subscribe(self, self._theme_changed)
        if self.quick is not None:
            await self.open_quick_timer(self.quick)
        # The store defers importing sqlite-utils to its first write; do that import off the
        # event loop a second after start (any sooner and it competes with the first paint),
        # so the first tick of the day does not wait for it.
        self.set_timer(1.0, partial(self.run_worker, warm_up_imports, thread=True, exit_on_error=False))
        # Another window's commits show here within a second (PRAGMA data_version, see store_watch).
        self.set_interval(WATCH_INTERVAL_S, self.show_changes_from_elsewhere)
        if self.store.read_only is not None:
            self.notify(
                f"Opened read-only: {self.store.read_only}. History and export work; ticks cannot be saved.",
                title="Read-only",
                severity="warning",
                timeout=10,
            )

    async def show_changes_from_elsewhere(self) -> bool:
        """Redraw the top screen from the store if another window committed since the last look."""
        return await show_changes(self, self.store)

    def notify(
        self,
        message: str,
        *,
        title: str = "",
        severity: SeverityLevel = "information",
        timeout: float | None = None,
        markup: bool = False,
    ) -> None:
        """Textual's toast, for text that may hold stored names and paths: control and escape
        characters stripped, no markup unless asked (a name like "Press [/b]" would otherwise be
        refused as markup), and an error already on screen not stacked
        again (ten key presses on a locked database make one "Not saved", not ten; each save
        still gets its own "Saved")."""
        message, title = printable(message, newlines=True), printable(title)
        if severity == "error":
            # Remembered here, not looked up among the toasts: those are added a moment later.
            now = time.monotonic()
            if self._errors_on_screen.get((message, title), 0.0) > now:
                return
            self._errors_on_screen[(message, title)] = now + (self.NOTIFICATION_TIMEOUT if timeout is None else timeout)
        super().notify(message, title=title, severity=severity, timeout=timeout, markup=markup)

    # -- settings and program --------------------------------------------------------------

    def current_program(self) -> Program:
        """The program followed (settings), or the default one for an id the catalog no longer
        has: plan_source.current_program, the rule the plan uses too."""
        # Imported here: plan_source pulls in the planner (~30 ms), which Today loads off the
        # first paint.
        from runstrong.plan_source import current_program

        return current_program(self.catalog, self.settings)

    def update_settings(self, settings: Settings) -> bool:
        """Persist new settings; False (and a message) when the database refused them."""
        try:
            self.store.save_settings(settings.to_mapping())
        except StoreError as error:
            self.notify(f"Not saved: {error}", severity="error", timeout=10)
            return False
        self.settings = settings
        return True

    def _theme_changed(self, theme: Theme) -> None:
        """Remember the theme chosen in the command palette (it previews each theme it passes
        over, so the last one shown is what is kept; a cancelled choice sets the old one back)."""
        if theme.name != self.settings.theme:
            self.update_settings(replace(self.settings, theme=theme.name))

    async def choose_program(self, program_id: str) -> bool:
        """Follow another program; a half-done session of the one left is kept, and said so."""
        today = self._today_screen()
        kept = None
        if today is not None and program_id != self.settings.program_id:
            from runstrong.screens.session_end import kept_session_note

            kept = kept_session_note(today)
        if not self.update_settings(replace(self.settings, program_id=program_id)):
            return False
        following = f"Following {plain_text(self.catalog.program(program_id).name)}"
        self.notify(f"{following}. {kept}" if kept else following, timeout=10 if kept else 3)
        return True

    async def action_quit(self) -> None:
        # A running hold is asked about first (quit_guard); everything else is saved already.
        from runstrong.screens.quit_guard import ask_before_quit

        if not ask_before_quit(self):
            await super().action_quit()

    def action_settings(self) -> None:
        from runstrong.screens.settings import SettingsScreen

        if not isinstance(self.screen, SettingsScreen):
            self.push_screen(SettingsScreen(self.settings), self._settings_chosen)

    def _settings_chosen(self, settings: Settings | None) -> None:
        if settings is None or settings == self.settings:
            return
        unit_changed = settings.unit != self.settings.unit
        if not self.update_settings(settings):
            return
        if unit_changed:
            today = self._today_screen()
            if today is not None:
                today.checklist.set_unit(settings.unit)
        self.notify("Settings saved", timeout=2)

    # -- rest between sets -----------------------------------------------------------------

    def _today_screen(self) -> TodayScreen | None:
        # Today is the base of its own mode's stack, which is not `screen_stack` while History
        # shows.
        stack = self._screen_stacks.get("today")
        if not stack:
            return None
        # Imported here, not at the top, so a start on History does not load Today's module.
        from runstrong.screens.today import TodayScreen

        return stack[0] if isinstance(stack[0], TodayScreen) else None

    def start_rest(self, set_log: SetLog) -> None:
        """Start the rest countdown after a tick (the rest bar lives on Today).

        No rest between the left and right side of one set: the other side comes straight after.
        """
        today = self._today_screen()
        if today is None:
            return
        slots = today.checklist.slots
        if set_log.side is not None and any(
            slot.exercise_id == set_log.exercise_id
            and slot.set_no == set_log.set_no
            and slot.side is not None
            and slot.side != set_log.side
            and not (isinstance(slot, SetLog) and slot.done)
            for slot in slots
        ):
            return
        exercise = self.catalog.exercise(set_log.exercise_id)
        settings = self.settings
        seconds = rest_after_s(
            exercise,
            set_log.rest_s,
            today.prescriptions.get(exercise.id),
            strength_s=settings.rest_strength_s,
            plyometric_s=settings.rest_plyometric_s,
            light_s=settings.rest_light_s,
        )
        rest_bar = today.rest_bar
        if seconds > 0:
            rest_bar.start(seconds, f"after {exercise.name} set {set_log.set_no}")  # the bar escapes it
        else:
            rest_bar.stop()

    def stop_rest(self) -> None:
        """Stop the rest countdown (a finished session needs no rest)."""
        today = self._today_screen()
        if today is not None:
            today.rest_bar.stop()

    # -- hold timer ------------------------------------------------------------------------

    def open_hold_for_set(self, today: TodayScreen, index: int) -> None:
        """Open the hold timer for the set at `index` on Today.

        For a per-side exercise the set's two boxes are timed left then right (the highlighted
        box, and its partner unless that side is done already); each side is logged on its own.
        """
        slots = today.checklist.slots
        slot = slots[index]
        assert slot.target_hold_s is not None
        exercise = self.catalog.exercise(slot.exercise_id)
        indexes = [index]
        if slot.side is not None:
            indexes = [
                i
                for i, other in enumerate(slots)
                if other.exercise_id == slot.exercise_id
                and other.set_no == slot.set_no
                and other.side is not None
                and (i == index or not (isinstance(other, SetLog) and other.done))
            ]
        by_side = {slots[i].side: i for i in indexes}
        sides = len(indexes) == 2
        prescription = today.prescriptions.get(exercise.id, exercise.default)
        from runstrong.core.holdclock import TimerPlan

        plan = TimerPlan(
            hold_s=slot.target_hold_s,
            sides=sides,
            lead_s=self.settings.lead_s,
            switch_s=self.settings.switch_s,
        )

        def commit(hold: CompletedHold) -> bool:
            record = hold.record
            target = by_side[record.side] if sides else index
            new = today.log_hold(target, record.held_s, hold.done_at)
            if new is None:
                return False
            if len(hold_screen.hold.records) == hold_screen.hold.total_holds:
                # The whole set is logged: move Today on and start the rest while the summary shows.
                today.checklist.cursor = target
                today.set_ticked(target, new)
            return True

        from runstrong.screens.hold_timer import HoldTimerScreen

        hold_screen = HoldTimerScreen(
            plan,
            exercise.name,
            self.clock,
            commit=commit,
            side=None if sides else slot.side,
            first_set_no=slot.set_no,
            total_sets=prescription.sets,
        )
        self.stop_rest()
        self.push_screen(hold_screen)

    async def open_quick_timer(self, quick: QuickTimer) -> None:
        """`runstrong timer`: the timer over Today; unless --no-log each hold goes to history."""
        from runstrong.quick_timer import QuickLog
        from runstrong.screens.hold_timer import HoldTimerScreen

        log = QuickLog(self.store, quick, self.clock.now()) if quick.log else None
        commit = partial(self._commit_quick, log) if log is not None else None
        # The saved get-ready and side-switch settings apply unless --lead said otherwise.
        plan = replace(
            quick.plan,
            lead_s=quick.plan.lead_s if quick.lead_given else self.settings.lead_s,
            switch_s=self.settings.switch_s,
        )
        await self.push_screen(HoldTimerScreen(plan, quick.exercise, self.clock, commit=commit, quit_on_close=True))

    def _commit_quick(self, log: QuickLog, hold: CompletedHold) -> bool:
        try:
            log.add(hold.record, hold.done_at)
        except StoreError as error:
            self.notify(f"Not saved: {error}", severity="error", timeout=10)
            return False
        return True

    # -- help and palette ------------------------------------------------------------------

    def action_help(self) -> None:
        from runstrong.screens.help import HelpScreen, written_key

        screen = self.screen
        if isinstance(screen, HelpScreen):
            return
        merged: dict[tuple[str, str], list[str]] = {}
        for key, active in screen.active_bindings.items():
            binding = active.binding
            label = binding.tooltip or binding.description
            # Only runstrong's own keys (they all carry an id), not Textual's scrolling and focus keys.
            if not label or not binding.id or binding.action == "help":
                continue
            keys = merged.setdefault((binding.action, label), [])
            display = written_key(self.get_key_display(binding))
            if display not in keys:
                keys.append(display)
        rows = [(" / ".join(keys), label) for (_, label), keys in merged.items()]
        rows.append(("?", "This help"))
        rows.append(("ctrl+p", "Command palette: switch program, open any exercise"))
        title = getattr(screen, "HELP_TITLE", None) or (screen.id or "runstrong").replace("-", " ").title()
        self.push_screen(HelpScreen(title, rows))

    def get_system_commands(self, screen: Screen) -> Iterable[SystemCommand]:
        yield from super().get_system_commands(screen)
        yield SystemCommand(
            "Settings",
            "Get-ready count, switch-sides break, bell, desktop notice, kg or lb, rests",
            self.action_settings,
        )
        # A screen may offer its own commands (Today: add a set, swap an exercise, …).
        palette_commands = getattr(screen, "palette_commands", None)
        if palette_commands is not None:
            yield from palette_commands()
        catalog = self.catalog
        for program in catalog.pickable_programs():
            yield SystemCommand(
                f"Program: {as_markup(program.name)}",
                f"Follow {as_markup(program.name)} on Today",
                partial(self._palette_program, program.id),
            )
        for exercise in catalog.pickable_exercises():
            yield SystemCommand(
                f"Exercise: {as_markup(exercise.name)}",
                f"{exercise.category}: muscles, why it helps, form cues",
                partial(self.show_exercise, exercise.id),
            )
        yield SystemCommand("New program", "Make a program of your own in the program editor", partial(self.edit_program, None))
        yield SystemCommand("New exercise", "Make an exercise of your own", partial(self.edit_exercise, None))
        for program in catalog.programs:
            name = as_markup(program.name)
            if program.own:
                yield SystemCommand(f"Edit program: {name}", "Change days, exercises, sets and reps", partial(self.edit_program, program))
            if not program.archived:
                yield SystemCommand(f"Duplicate program: {name}", "An own copy to change", partial(self.edit_program, program, duplicate=True))
            else:
                yield SystemCommand(f"Restore program: {name}", "Show it in the program list again", partial(self.restore_program, program.id))
        for exercise in catalog.exercises.values():
            if exercise.own:
                yield SystemCommand(f"Edit exercise: {as_markup(exercise.name)}", "Change or archive your exercise", partial(self.edit_exercise, exercise))

    # -- own programs and exercises ----------------------------------------------------------

    def edit_program(
        self, program: Program | None, duplicate: bool = False, then: Callable[[str | None], None] | None = None
    ) -> None:
        """Open the program editor: a new program (None), an own one, or a copy of any one.
        A saved program becomes the one Today follows; `then` gets its id (None: not saved)."""
        from runstrong.core.program_draft import ProgramDraft
        from runstrong.screens.program_editor import ProgramEditorScreen

        if program is None:
            draft, title = ProgramDraft.new(self.catalog), "New program"
        elif duplicate or not program.own:
            draft, title = ProgramDraft.duplicate(program, self.catalog), f"Copy of {plain_text(program.name)}"
        else:
            draft, title = ProgramDraft.of(program), f"Edit {plain_text(program.name)}"

        async def saved(program_id: str | None) -> None:
            if program_id is not None and then is None and await self.choose_program(program_id):
                # Today came back on top before the choice was stored: show the program now.
                today = self._today_screen()
                if today is not None and self.screen is today:
                    await today.load()
            if then is not None:
                then(program_id)

        self.push_screen(ProgramEditorScreen(draft, title), saved)

    def restore_program(self, program_id: str) -> None:
        """Bring an archived own program back to the picker."""
        try:
            self.store.archive_program(program_id, archived=False)
        except StoreError as error:
            self.notify(f"Not saved: {error}", severity="error", timeout=10)
            return
        self.notify(f"{plain_text(self.catalog.program(program_id).name)} is back in the program list", timeout=3)

    def edit_exercise(self, exercise: Exercise | None) -> None:
        """Open the own-exercise form: a new exercise (None) or an own one to change or archive."""
        from runstrong.screens.exercise_form import ExerciseFormScreen

        self.push_screen(ExerciseFormScreen(self.catalog, self.settings.unit, exercise))

    def show_exercise(self, exercise_id: str) -> None:
        from runstrong.screens.exercise_info import ExerciseInfoScreen

        self.push_screen(ExerciseInfoScreen(self.catalog.exercise(exercise_id)))

    async def _palette_program(self, program_id: str) -> None:
        # Today reloads itself when it is back on top (the setting changed the store), never
        # under a running hold timer or an open dialog that still points at its sets.
        await self.choose_program(program_id)
