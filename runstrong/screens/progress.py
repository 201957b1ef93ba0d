"""Exercise progress: bests over time as labelled sparklines, personal records and left/right balance.

Everything comes from one indexed query (Store.exercise_sets) and the pure functions in
core.progress. Below its title the screen is one widget of styled lines (ProgressBody):
mounting a widget per chart and table, not the arithmetic, was what cost time.
"""

from __future__ import annotations

import gc
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from functools import partial
from typing import TYPE_CHECKING

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.content import Content
from textual.screen import ModalScreen, Screen
from textual.widgets import Label, OptionList
from textual.widgets.option_list import Option

from runstrong.core.durations import format_clock
from runstrong.core.progress import (
    IMBALANCE_THRESHOLD_PCT,
    DayBest,
    Logged,
    RecordKind,
    balance,
    current_records,
    daily_bests,
    personal_records,
)
from runstrong.core.settings import Unit, format_load, kg_to_display
from runstrong.core.text import printable
from runstrong.store import StoreError
from runstrong.widgets.key_bar import KeyBar
from runstrong.widgets.progress_body import ProgressBody, ProgressChart

if TYPE_CHECKING:
    from runstrong.app import RunStrongApp

RECENT_WEEKS = 12
"""Balance is shown for all time and for this many recent weeks (what you are doing now)."""

Cell = str | Content


# -- what the screen shows, as plain functions ----------------------------------------------


def _number(value: float) -> str:
    """A load already in the display unit; the chart title names the unit."""
    return f"{value:.1f}".rstrip("0").rstrip(".")


def chart_series(bests: Sequence[DayBest], unit: Unit) -> list[ProgressChart]:
    """A chart for each measure the exercise has any value of; loads are charted in the
    display unit."""

    def in_unit(kg: float | None) -> float | None:
        return None if kg is None else kg_to_display(kg, unit)

    measures: list[tuple[str, Callable[[DayBest], float | None], Callable[[float], str]]] = [
        (f"Best load ({unit.value})", lambda b: in_unit(b.best_load_kg), _number),
        ("Best reps", lambda b: b.best_reps, lambda value: f"{value:.0f}"),
        (f"Est. 1RM ({unit.value}, sets ≤ 10 reps)", lambda b: in_unit(b.best_e1rm), _number),
        ("Longest hold", lambda b: b.longest_hold_s, format_clock),
    ]
    charts: list[ProgressChart] = []
    for title, pick, show in measures:
        points = [(best.date, float(value)) for best in bests if (value := pick(best)) is not None]
        if points:
            charts.append(ProgressChart(title, points, show))
    return charts


def plural(count: int, noun: str) -> str:
    return f"{count:,} {noun}{'' if count == 1 else 's'}"


def record_value(kind: RecordKind, value: float, unit: Unit) -> str:
    if kind in (RecordKind.LOAD, RecordKind.E1RM):
        return format_load(value, unit)
    if kind is RecordKind.REPS:
        return f"{value:.0f} reps"
    return format_clock(value)


def balance_rows(sets: Sequence[Logged], today: date) -> list[list[Cell]]:
    """[measure · period, left, right, difference] for reps and holds, over all time and the
    recent weeks; a difference over 10 % is flagged with the weaker side."""
    recent_from = (today - timedelta(weeks=RECENT_WEEKS)).isoformat()
    recent = [s for s in sets if s.done_at and s.done_at[:10] >= recent_from]
    rows: list[list[Cell]] = []
    for period, chosen in (("all time", sets), (f"last {RECENT_WEEKS} weeks", recent)):
        totals = balance(chosen)
        for measure, left, right, pct, show in (
            ("Reps", totals.left_reps, totals.right_reps, totals.reps_imbalance_pct, "{:,}".format),
            ("Hold", totals.left_hold_s, totals.right_hold_s, totals.hold_imbalance_pct, format_clock),
        ):
            if pct is None:
                continue
            flagged = pct > IMBALANCE_THRESHOLD_PCT
            if flagged:
                verdict = Content.assemble(
                    (f"{pct:.1f} %", "bold"), (f"  ⚠ {'left' if left < right else 'right'} weaker", "bold $warning")
                )
            else:
                verdict = Content.assemble(f"{pct:.1f} %", ("  ok", "dim"))
            rows.append([f"{measure} · {period}", show(left), show(right), verdict])
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
        charts=chart_series(bests, unit),
        balance=balance_rows(sets, today) if any(s.side is not None for s in sets) else [],
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
        Binding("h", "session_list", "History", show=False, id="progress.history", tooltip="Back to the session list"),
    ]

    def __init__(self, exercise_id: str, name: str) -> None:
        super().__init__(id="progress")
        self.exercise_id = exercise_id
        self.exercise_name = printable(name)
        self.charts: list[ProgressChart] = []

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
        title = Content.styled(self.exercise_name, "bold")
        if progress.sets:
            title += Content.styled(
                f" · {plural(progress.sets, 'set')} on {plural(progress.days, 'day')} · {progress.first} → {progress.last}",
                "dim",
            )
        yield Label(title, id="progress-title")
        yield ProgressBody(partial(progress_lines, progress, self.exercise_name), id="progress-body")
        yield KeyBar()


def progress_lines(progress: ExerciseProgress, name: str, width: int) -> list[Content]:
    """What the body shows at `width`: the charts, then the balance and records tables."""
    lines: list[Content] = []
    if not progress.sets:
        lines.append(Content(f"No done sets of {name} yet."))
    for chart in progress.charts:
        lines += [*chart.lines(width), Content("")]

    def section(heading: Content, table: list[Content]) -> None:
        if lines and lines[-1].plain:
            lines.append(Content(""))
        lines.extend([heading, *table])

    if progress.balance:
        section(Content.styled("Left vs right", "bold"),
                aligned(("", "Left", "Right", "Difference"), progress.balance, right=frozenset({1, 2})))
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
