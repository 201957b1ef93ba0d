"""Modal forms of the Plan screen: one dated run or race, and the usual running week.
Bad values are refused at the field they were typed in; nothing is saved until all are good."""

from __future__ import annotations

from datetime import date

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Button, Input, Label

from runstrong.core.clock import parse_iso_date
from runstrong.core.dates import check_in_range
from runstrong.core.running import (
    Priority,
    Run,
    RunKind,
    RunningWeek,
    mark_edited,
    parse_distance,
    parse_kind,
    parse_week_spec,
    week_spec,
)
from runstrong.core.text import plain_text


class FormScreen(ModalScreen[object]):
    """Shared parts: labelled inputs with an error line under each, Save and Cancel."""

    BINDINGS = [Binding("escape", "cancel", "Cancel", id="form.cancel")]

    def __init__(self) -> None:
        super().__init__(classes="dialog-screen")

    def field(self, name: str, label: str, value: str, placeholder: str = "") -> ComposeResult:
        yield Label(label, classes="field-label")
        yield Input(value, id=f"{name}-input", placeholder=placeholder, select_on_focus=True)
        yield Label("", id=f"{name}-error", classes="field-error")

    def buttons(self) -> ComposeResult:
        with Horizontal(classes="dialog-buttons"):
            yield Button("Save", variant="primary", id="save")
            yield Button("Cancel", id="cancel")

    def on_mount(self) -> None:
        self.query_one(Input).focus()

    def value(self, name: str) -> str:
        return self.query_one(f"#{name}-input", Input).value

    def problem(self, name: str, message: str) -> None:
        error = self.query_one(f"#{name}-error", Label)
        error.update(message)
        error.display = bool(message)

    @on(Button.Pressed, "#cancel")
    def action_cancel(self) -> None:
        self.dismiss(None)


class RunFormScreen(FormScreen):
    """Add or change one dated run or race. Dismisses with the Run, or None when cancelled."""

    def __init__(self, when: date, run: Run | None = None) -> None:
        super().__init__()
        self.when = when
        self.run = run

    def compose(self) -> ComposeResult:
        run = self.run
        title = ("Change this run" if run else "Add a run or race") + " · enter saves, esc cancels"
        with VerticalScroll(classes="dialog", id="run-dialog"):
            yield Label(f"[b]{title}[/b]", classes="dialog-title")
            yield from self.field("date", "Date (YYYY-MM-DD)", (run.date if run else self.when).isoformat())
            yield from self.field("kind", "Kind: easy, hard, long, rest or race", run.kind.value if run else "", "easy")
            distance = f"{run.distance_km:g} km" if run and run.distance_km else ""
            yield from self.field("distance", "Distance (10km, 6.2mi; blank: none)", distance)
            yield from self.field("name", "Name (optional)", run.name if run else "")
            priority = run.priority.value if run and run.priority else ""
            yield from self.field("priority", "Race priority A, B or C (races only)", priority)
            yield from self.buttons()

    @on(Input.Submitted)
    @on(Button.Pressed, "#save")
    def save(self) -> None:
        ok = True
        try:
            when = parse_iso_date(self.value("date"))
        except ValueError:
            self.problem("date", "Not a date: use YYYY-MM-DD, e.g. 2027-01-04")
            ok = False
        else:
            try:
                check_in_range(when)  # "date 9999-12-31 is outside 1900-01-01..2200-12-31"
                self.problem("date", "")
            except ValueError as err:
                self.problem("date", str(err))
                ok = False
        try:
            kind = parse_kind(self.value("kind") or "easy")
            self.problem("kind", "")
        except ValueError as err:
            self.problem("kind", str(err))
            ok = False
        distance_km = None
        if self.value("distance").strip():
            try:
                distance_km = parse_distance(self.value("distance"))
                self.problem("distance", "")
            except ValueError as err:
                self.problem("distance", str(err))
                ok = False
        else:
            self.problem("distance", "")
        priority = None
        text = self.value("priority").strip().upper()
        if text:
            if text not in ("A", "B", "C"):
                self.problem("priority", "Priority is A, B or C")
                ok = False
            elif ok and kind is not RunKind.RACE:
                self.problem("priority", "Only a race has a priority")
                ok = False
            else:
                priority = Priority(text)
                self.problem("priority", "")
        else:
            self.problem("priority", "")
        if ok:
            saved = Run(when, kind, distance_km, plain_text(self.value("name")), priority, self.run.uid if self.run else "")
            # A calendar run changed here is marked as the runner's, so `runs import` keeps it.
            self.dismiss(mark_edited(self.run, saved) if self.run else saved)


class WeekFormScreen(FormScreen):
    """The usual week as one line, e.g. "mon=easy tue=hard sat=long:25km"; days not named have
    no run. Dismisses with the RunningWeek, or None when cancelled."""

    def __init__(self, week: RunningWeek) -> None:
        super().__init__()
        self.week = week

    def compose(self) -> ComposeResult:
        current = week_spec(self.week.days)
        with VerticalScroll(classes="dialog", id="week-dialog"):
            yield Label("[b]Your usual running week[/b] · enter saves, esc cancels", classes="dialog-title")
            yield from self.field(
                "week", "DAY=KIND for each day you run (easy, hard, long, rest), :DISTANCE optional",
                current, "mon=easy tue=hard thu=hard sat=long:25km",
            )
            yield from self.buttons()

    @on(Input.Submitted)
    @on(Button.Pressed, "#save")
    def save(self) -> None:
        try:
            week = parse_week_spec(self.value("week").replace(",", " ").split())
        except ValueError as err:
            self.problem("week", str(err))
            return
        self.dismiss(week)
