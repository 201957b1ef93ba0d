"""Plan: the coming weeks as a calendar of runs, season and placed strength sessions, with
warnings; runs, races and the usual week are added and changed here.

Each change is saved by the store before the calendar is rebuilt from what the store holds.
"""

from __future__ import annotations

import re
from datetime import date
from typing import TYPE_CHECKING

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.screen import Screen
from textual.widgets import DataTable, Label
from rich.text import Text

from runstrong.core.planner import Plan, PlanDay
from runstrong.core.running import Run, RunningWeek, describe_week
from runstrong.core.text import plain_text, printable
from runstrong.plan_source import make_plan
from runstrong.store import StoreError
from runstrong.widgets.key_bar import KeyBar

if TYPE_CHECKING:
    from runstrong.app import RunStrongApp

SPAN_DAYS = 28
"""Four weeks: one block of the off-season (3 build + 1 deload)."""


def run_cell(day: PlanDay) -> Text:
    run = day.run
    if run.race is not None:
        return Text(f"RACE {plain_text(run.race.name)} ({run.race.race_priority.value})".replace("  ", " "), style="bold")
    if run.kind is None:
        return Text("—", style="dim")
    distance = f" {run.distance_km:g} km" if run.distance_km else ""
    style = {"hard": "bold", "long": "bold"}.get(run.kind.value, "")
    return Text(f"{run.kind.value}{distance}", style=style)


def season_cell(day: PlanDay) -> str:
    season = day.season
    if season.phase == "off-season" and season.block:
        short = {"hypertrophy": "hyper", "strength": "strength", "power": "power"}[season.block]
        return f"{short} {season.block_week}" + (" deload" if season.week == "deload" else "")
    return season.rules.label


def strength_cell(day: PlanDay) -> Text:
    strength = day.strength
    if strength is None:
        return Text("")
    if strength.done:
        return Text(f"✓ {plain_text(strength.day)}", style="green")
    if not strength.legal:
        return Text(f"? {plain_text(strength.day)}", style="yellow")
    return Text(plain_text(strength.day), style="bold")


WEEK_PREFIX = re.compile(r"^week of \d{4}-\d{2}-\d{2}: ")
NOTES_WIDTH = 32


def notes_cell(text: str) -> str:
    """A row's warnings, short: the row says which week; the detail line below has them whole."""
    text = WEEK_PREFIX.sub("", plain_text(text))
    return text if len(text) <= NOTES_WIDTH else text[: NOTES_WIDTH - 1] + "…"


class PlanScreen(Screen[None]):
    """Four weeks from today. Attributes go down to the table; changes go to the store first."""

    CSS_PATH = "plan.tcss"
    HELP_TITLE = "Plan"
    AUTO_FOCUS = "#plan-table"

    app: RunStrongApp

    BINDINGS = [
        Binding("escape,t", "app.switch_mode('today')", "Today", id="plan.today", tooltip="Back to today's session"),
        Binding("a", "add_run", "Add run", id="plan.add", tooltip="Add a run or race on the highlighted day"),
        Binding("e", "edit_run", "Edit", id="plan.edit", tooltip="Change the dated run or race of the highlighted day"),
        Binding("d,delete", "delete_run", "Delete", show=False, id="plan.delete", tooltip="Delete the dated run or race of the highlighted day"),
        Binding("w", "edit_week", "Week", id="plan.week", tooltip="Your usual running week"),
        Binding("s", "skip", "Skip", show=False, id="plan.skip", tooltip="Skip the strength session of the highlighted day (again: take it back)"),
    ]

    def __init__(self) -> None:
        super().__init__(id="plan")
        self.plan: Plan | None = None
        self.runs: list[Run] = []
        self.week = RunningWeek()
        self._shown_once = False

    def compose(self) -> ComposeResult:
        yield Label(id="plan-title")
        yield Label(id="plan-week")
        table: DataTable[object] = DataTable(id="plan-table", cursor_type="row", zebra_stripes=False)
        yield table
        yield Label(id="plan-detail")
        yield KeyBar()

    @property
    def table(self) -> DataTable[object]:
        return self.query_one("#plan-table", DataTable)

    def on_mount(self) -> None:
        table = self.table
        table.add_column("Day", key="day")
        table.add_column("Run", key="run")
        table.add_column("Season", key="season")
        table.add_column("Strength", key="strength")
        table.add_column("Notes", key="notes")
        self.reload()

    def on_screen_resume(self) -> None:
        # Back from Today (a session done moves the week): show the plan as it is now.
        if self._shown_once:
            self.reload()
        self._shown_once = True

    @property
    def today(self) -> date:
        return self.app.clock.now().date()

    def reload(self) -> None:
        store = self.app.store
        today = self.today
        try:
            self.plan = make_plan(store, self.app.catalog, today, SPAN_DAYS, today)
            self.runs = store.runs()
            self.week = store.running_week()
        except StoreError as error:
            self.app.notify(str(error), severity="error", timeout=10)
            return
        program = self.app.current_program()
        self.query_one("#plan-title", Label).update(
            Text.assemble(("Plan", "bold"), f" · {plain_text(program.name)} · 4 weeks from {today:%a %d %b}")
        )
        week_text = describe_week(self.week.days) or "none entered: w sets it"
        races = [r for r in self.runs if r.is_race and r.date >= today]
        race_text = f" · next race: {plain_text(races[0].name) or 'race'} {races[0].date:%d %b} ({races[0].race_priority.value})" if races else ""
        self.query_one("#plan-week", Label).update(Text(f"Usual week: {week_text}{race_text}"))
        table = self.table
        row = table.cursor_row
        table.clear()
        for day in self.plan.days:
            notes = notes_cell("; ".join(day.warnings))
            table.add_row(
                Text(f"{day.date:%a %d %b}", style="bold" if day.date == today else ""),
                run_cell(day),
                season_cell(day),
                strength_cell(day),
                Text(notes, style="yellow") if notes else "",
                key=day.date.isoformat(),
            )
        table.move_cursor(row=min(row, len(self.plan.days) - 1))
        self.show_detail()

    # -- the highlighted day ---------------------------------------------------------------

    def current_day(self) -> PlanDay | None:
        if self.plan is None or not self.plan.days:
            return None
        return self.plan.days[min(self.table.cursor_row, len(self.plan.days) - 1)]

    @on(DataTable.RowHighlighted)
    def show_detail(self) -> None:
        day = self.current_day()
        if day is None:
            return
        lines = [f"{day.date:%A %d %B} · {day.season.label}"]
        strength = day.strength
        if strength is not None and strength.items:
            parts = [f"{plain_text(item.exercise)} {item.target_text(self.app.settings.unit)}" for item in strength.items]
            lines.append(f"{plain_text(strength.day)}: " + ", ".join(parts))
            notes = {item.why.split("; ", 1)[1] for item in strength.items if "; " in item.why}
            lines += sorted(notes)
        elif strength is not None and strength.done:
            lines.append(f"{plain_text(strength.day)}: done")
        lines += day.warnings
        # Names are stored text (another program may have written them), and the phase label and
        # warnings quote a race name: every line is made printable before it is drawn.
        self.query_one("#plan-detail", Label).update(Text("\n".join(printable(line) for line in lines)))

    def dated_run(self, day: date) -> Run | None:
        on_day = [r for r in self.runs if r.date == day]
        return on_day[-1] if on_day else None

    # -- changes ---------------------------------------------------------------------------

    def action_add_run(self) -> None:
        from runstrong.screens.run_form import RunFormScreen

        day = self.current_day()
        self.app.push_screen(RunFormScreen(day.date if day else self.today), self._save_new)

    def _save_new(self, run: object) -> None:
        if isinstance(run, Run) and self._write(lambda: self.app.store.add_run(run)):
            self.app.notify(f"Saved: {run.kind.value} on {run.date:%a %d %b}", timeout=3)
            self._move_to(run.date)

    def action_edit_run(self) -> None:
        from runstrong.screens.run_form import RunFormScreen

        day = self.current_day()
        if day is None:
            return
        existing = self.dated_run(day.date)
        if existing is None:
            self.action_add_run()
            return
        self.app.push_screen(RunFormScreen(day.date, existing), self._save_edit)

    def _save_edit(self, run: object) -> None:
        if isinstance(run, Run) and self._write(lambda: self.app.store.update_run(run)):
            self.app.notify(f"Saved: {run.kind.value} on {run.date:%a %d %b}", timeout=3)
            self._move_to(run.date)

    def action_delete_run(self) -> None:
        from runstrong.screens.confirm import ConfirmScreen

        day = self.current_day()
        existing = self.dated_run(day.date) if day else None
        if existing is None:
            self.app.notify("No dated run or race on this day (the usual week is changed with w)", timeout=4)
            return

        def answer(yes: bool | None) -> None:
            if yes and self._write(lambda: self.app.store.delete_run(existing.uid)):
                self.app.notify("Deleted", timeout=2)

        what = plain_text(existing.name) or existing.kind.value
        self.app.push_screen(ConfirmScreen(f"Delete {what} on {existing.date:%a %d %b}?"), answer)

    def action_skip(self) -> None:
        from runstrong.plan_source import toggle_skip

        day = self.current_day()
        if day is None:
            return
        if day.strength is None and "strength skipped" not in day.warnings:
            self.app.notify("No strength session on this day to skip", timeout=3)
            return
        if day.strength is not None and day.strength.done:
            self.app.notify("This session is done already", timeout=3)
            return
        skipped: list[bool] = []
        if self._write(lambda: skipped.append(toggle_skip(self.app.store, day.date, self.today))):
            self.app.notify("Skipped: the rest of the week moves" if skipped[0] else "Skip taken back", timeout=3)

    def action_edit_week(self) -> None:
        from runstrong.screens.run_form import WeekFormScreen

        self.app.push_screen(WeekFormScreen(self.week), self._save_week)

    def _save_week(self, week: object) -> None:
        if isinstance(week, RunningWeek) and self._write(lambda: self.app.store.save_running_week(week)):
            self.app.notify("Usual week saved", timeout=2)

    def _write(self, change) -> bool:  # type: ignore[no-untyped-def]
        """Save through the store, then show what it holds; False (and why) if it refused."""
        try:
            change()
        except StoreError as error:
            self.app.notify(f"Not saved: {error}", severity="error", timeout=10)
            return False
        except KeyError:
            self.app.notify("Not saved: that run is no longer there (changed in another window?)", severity="error", timeout=10)
            self.reload()
            return False
        self.reload()
        return True

    def _move_to(self, day: date) -> None:
        if self.plan is None:
            return
        for index, planned in enumerate(self.plan.days):
            if planned.date == day:
                self.table.move_cursor(row=index)
                return
