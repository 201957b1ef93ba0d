"""Exercise progress: bests over time as charts, personal records and left/right balance.

Everything comes from one indexed query (Store.exercise_sets) and the pure functions in
core.progress. Below its title the screen is one widget of styled lines (ProgressBody):
mounting a widget per chart and table, not the arithmetic, was what cost time.
"""

from __future__ import annotations

import gc
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from typing import TYPE_CHECKING

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.content import Content
from textual.screen import ModalScreen, Screen
from textual.widgets import Label, OptionList
from textual.widgets.option_list import Option

from runstrong.core.durations import format_duration
from runstrong.core.loads import Unit, display_to_kg, format_load, kg_to_display, load_number
from runstrong.core.plurals import count_of
from runstrong.core.progress import (
    DayBest,
    Logged,
    Measure,
    RecordKind,
    SideComparison,
    compare_sides,
    current_records,
    daily_bests,
    personal_records,
)
from runstrong.core.text import printable
from runstrong.store import StoreError
from runstrong.widgets.key_bar import KeyBar
from runstrong.widgets.progress_body import ProgressBody
from runstrong.widgets.progress_chart import ChartRange, ProgressChart

if TYPE_CHECKING:
    from runstrong.app import RunStrongApp

RECENT_WEEKS = 12
"""Balance is shown for all time and for this many recent weeks (what you are doing now; ours)."""

HOLD_STEPS = (5, 10, 15, 30, 60, 120, 300, 600, 900, 1800)
"""Steps of a hold chart's value axis, in seconds: ticks read 0:30, 1:00, not 0:25."""
REPS_STEPS = (1, 2, 5, 10, 20, 25, 50, 100, 200, 250, 500)
"""Steps of a reps axis: whole reps only."""

Cell = str | Content


# -- what the screen shows, as plain functions ----------------------------------------------


def chart_series(bests: Sequence[DayBest], unit: Unit) -> list[ProgressChart]:
    """A chart for each measure the exercise has any value of; loads are charted in the
    display unit, and written as every load is (core.loads)."""

    def in_unit(kg: float | None) -> float | None:
        return None if kg is None else kg_to_display(kg, unit)

    def show_load(value: float) -> str:
        return load_number(display_to_kg(value, unit), unit)

    measures: list[tuple[str, Callable[[DayBest], float | None], Callable[[float], str], Sequence[float] | None]] = [
        (f"Best load ({unit.value})", lambda b: in_unit(b.best_load_kg), show_load, None),
        ("Best reps", lambda b: b.best_reps, lambda value: f"{value:.0f}", REPS_STEPS),
        (f"Est. 1RM ({unit.value}, sets ≤ 10 reps)", lambda b: in_unit(b.best_e1rm), show_load, None),
        ("Longest hold", lambda b: b.longest_hold_s, format_duration, HOLD_STEPS),
    ]
    charts: list[ProgressChart] = []
    for title, pick, show, steps in measures:
        points = [(best.date, float(value)) for best in bests if (value := pick(best)) is not None]
        if points:
            charts.append(ProgressChart(title, points, show, steps))
    return charts


def record_value(kind: RecordKind, value: float, unit: Unit) -> str:
    if kind in (RecordKind.LOAD, RecordKind.E1RM):
        return format_load(value, unit)
    if kind is RecordKind.REPS:
        return count_of(round(value), "rep")
    return format_duration(value)


def side_value(measure: Measure, value: float, unit: Unit) -> str:
    """One side's best or average set: a load as loads are written, seconds as durations."""
    if measure is Measure.LOAD:
        return format_load(value, unit)
    if measure is Measure.HOLD:
        return format_duration(value)
    return f"{value:.1f}".removesuffix(".0")


def difference_cell(comparison: SideComparison, stat: str) -> Content:
    pct = comparison.difference_pct(stat)
    weaker = comparison.weaker(stat)
    if weaker is None:
        return Content.assemble(f"{pct:.1f} %", ("  ok", "dim"))
    return Content.assemble((f"{pct:.1f} %", "bold"), (f"  ⚠ {weaker.value} weaker", "bold $warning"))


def balance_rows(sets: Sequence[Logged], today: date, unit: Unit = Unit.KG) -> list[list[Cell]]:
    """[measure statistic · period, days, left, right, difference] per set, on the days both
    sides were done: all time, then the last RECENT_WEEKS weeks. A difference over 10 % is
    flagged with the weaker side (core.progress.compare_sides)."""
    rows: list[list[Cell]] = []
    periods = (("all time", None), (f"last {RECENT_WEEKS} weeks", today - timedelta(weeks=RECENT_WEEKS)))
    for period, since in periods:
        for comparison in compare_sides(sets, since):
            name = comparison.measure.value.capitalize()
            for stat, label in (("best", "best"), ("mean", "avg")):
                rows.append([
                    f"{name} {label} · {period}",
                    str(comparison.days),
                    side_value(comparison.measure, getattr(comparison.left, stat), unit),
                    side_value(comparison.measure, getattr(comparison.right, stat), unit),
                    difference_cell(comparison, stat),
                ])
    return rows


def aligned(header: Sequence[str], rows: Sequence[Sequence[Cell]], right: frozenset[int] = frozenset()) -> list[Content]:
    """Rows as lines of padded columns (header in bold); columns in `right` are right-aligned."""
    table = [[Content(cell) if isinstance(cell, str) else cell for cell in row] for row in [header, *rows]]
    widths = [max(row[col].cell_length for row in table) for col in range(len(header))]
    lines = []
    for number, row in enumerate(table):
        cells = []
        for col, cell in enumerate(row):
            pad = " " * (widths[col] - cell.cell_length)
            cells.append(pad + cell if col in right else cell + pad)
        line = Content("  ").join(cells).rstrip()
        lines.append(line.stylize_before("bold") if number == 0 else line)
    return lines


# -- the screen ------------------------------------------------------------------------------


def pause_cyclic_gc_until_painted(screen: Screen) -> None:
    """Keep the cyclic collector off until `screen` has drawn its first frame. Building the
    screen makes tens of thousands of short-lived, acyclic objects; collections tripped by them
    walked the whole app and cost a quarter of the time to open. It runs as usual afterwards."""
    if gc.isenabled():
        gc.disable()
        screen.call_after_refresh(gc.enable)


@dataclass(frozen=True)
class ExerciseProgress:
    """Everything the screen shows about one exercise, worked out before any widget is built."""

    sets: int
    days: int
    first: date | None
    last: date | None
    today: date
    charts: list[ProgressChart]
    balance: list[list[Cell]]
    records: list[list[Cell]]
    """[date, kind, value, "★" if it still stands], newest day first."""


def exercise_progress(sets: Sequence[Logged], unit: Unit, today: date) -> ExerciseProgress:
    bests = daily_bests(sets)
    records = personal_records(bests)
    standing = set(current_records(records).values())
    return ExerciseProgress(
        sets=len(sets),
        days=len(bests),
        first=bests[0].date if bests else None,
        last=bests[-1].date if bests else None,
        today=today,
        charts=chart_series(bests, unit),
        balance=balance_rows(sets, today, unit) if any(s.side is not None for s in sets) else [],
        records=[
            [record.date.isoformat(), str(record.kind), record_value(record.kind, record.value, unit), "★" if record in standing else ""]
            for record in sorted(records, key=lambda record: record.date, reverse=True)
        ],
    )


class ProgressScreen(Screen[None]):
    """One exercise over time. Opened from History (`p`) or from a set in session detail."""

    CSS_PATH = "history.tcss"

    app: RunStrongApp
    HELP_TITLE = "Progress"
    # Focused as the screen activates (arrows scroll the page), not after mount: one restyle fewer.
    AUTO_FOCUS = "#progress-body"

    BINDINGS = [
        Binding("escape", "app.pop_screen", "Back", id="progress.back", tooltip="Back to where you came from"),
        Binding("r", "next_range", "Range", id="progress.range", tooltip="Charts over the last 3 months, 1 year, or all"),
        Binding("h", "session_list", "History", show=False, id="progress.history", tooltip="Back to the session list"),
    ]

    def __init__(self, exercise_id: str, name: str) -> None:
        super().__init__(id="progress")
        self.exercise_id = exercise_id
        self.exercise_name = printable(name)
        self.charts: list[ProgressChart] = []
        self.chart_range = ChartRange.ALL
        """What the charts cover; `r` moves on to the next range."""

    def action_session_list(self) -> None:
        """`h` means History everywhere: straight back to the list, past a session's detail."""
        app = self.app
        while app.screen.id != "history" and len(app.screen_stack) > 1:
            app.pop_screen()

    def _load(self) -> ExerciseProgress:
        try:
            sets = self.app.store.exercise_sets(self.exercise_id)
        except StoreError as error:
            sets = []
            self.app.notify(str(error), severity="error", timeout=10)
        return exercise_progress(sets, self.app.settings.unit, self.app.clock.now().date())

    def compose(self) -> ComposeResult:
        pause_cyclic_gc_until_painted(self)
        progress = self._load()
        self.charts = progress.charts
        self.chart_range = default_range(progress.first, progress.today)
        title = Content.styled(self.exercise_name, "bold")
        if progress.sets:
            title += Content.styled(
                f" · {count_of(progress.sets, 'set')} on {count_of(progress.days, 'day')} · {progress.first} → {progress.last}",
                "dim",
            )
        yield Label(title, id="progress-title")
        yield ProgressBody(lambda width: progress_lines(progress, self.exercise_name, width, self.chart_range), id="progress-body")
        yield KeyBar()

    def action_next_range(self) -> None:
        self.chart_range = self.chart_range.next()
        self.query_one(ProgressBody).lay_out_again()


def default_range(first: date | None, today: date) -> ChartRange:
    """A year when there is more than a year of history (the rest is a press of `r` away),
    otherwise everything there is (ours)."""
    if first is not None and (today - first).days > (ChartRange.YEAR.days or 0):
        return ChartRange.YEAR
    return ChartRange.ALL


def range_line(chosen: ChartRange) -> Content:
    """"Charts: 3 months · [1 year] · all  (r changes)", the range shown in bold."""
    parts: list[Content] = []
    for each in ChartRange:
        parts.append(Content.styled(f"[{each.label}]", "bold") if each is chosen else Content.styled(each.label, "dim"))
    return Content.assemble("Charts: ", Content(" · ").join(parts), ("   r changes", "dim"))


def progress_lines(progress: ExerciseProgress, name: str, width: int, chart_range: ChartRange = ChartRange.ALL) -> list[Content]:
    """What the body shows at `width`: the range, the charts, then the balance and records tables."""
    lines: list[Content] = []
    if not progress.sets:
        lines.append(Content(f"No done sets of {name} yet."))
    if progress.charts:
        lines += [range_line(chart_range), Content("")]
    for chart in progress.charts:
        lines += [*chart.lines(width, chart_range, progress.today), Content("")]

    def section(heading: Content, table: list[Content]) -> None:
        if lines and lines[-1].plain:
            lines.append(Content(""))
        lines.extend([heading, *table])

    if progress.balance:
        section(Content.styled("Left vs right", "bold"),
                aligned(("Per set, days both sides done", "Days", "Left", "Right", "Difference"), progress.balance,
                        right=frozenset({1, 2, 3})))
    if progress.records:
        heading = Content.assemble(
            ("Personal records", "bold"), (f" ({len(progress.records)}, newest first; ★ still stands)", "dim")
        )
        section(heading, aligned(("Date", "Record", "Value", ""), progress.records, right=frozenset({2})))
    return lines


class ExercisePickerScreen(ModalScreen[str | None]):
    """Choose an exercise that has logged sets; dismisses with its id, or None."""

    CSS_PATH = "history.tcss"

    BINDINGS = [Binding("escape", "cancel", "Cancel", id="exercise_picker.cancel", tooltip="Close without choosing")]

    def __init__(self, exercises: Sequence[tuple[str, str]], current: str | None = None) -> None:
        super().__init__(classes="dialog-screen")
        self.exercises = list(exercises)
        self.current = current

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog", id="exercise-picker-dialog"):
            yield Label("[b]Progress of which exercise?[/b]", classes="dialog-title")
            if self.exercises:
                yield OptionList(*(Option(Text(printable(name)), id=exercise_id) for exercise_id, name in self.exercises), id="exercise-list")
            else:
                yield Label("Nothing logged yet: tick a set on Today first.")

    def on_mount(self) -> None:
        if not self.exercises:
            return
        ids = [exercise_id for exercise_id, _ in self.exercises]
        self.query_one(OptionList).highlighted = ids.index(self.current) if self.current in ids else 0

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        self.dismiss(event.option.id)

    def action_cancel(self) -> None:
        self.dismiss(None)
