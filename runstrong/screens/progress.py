"""Exercise progress: bests over time as labelled sparklines, personal records and left/right balance.

Everything comes from one indexed query (Store.exercise_sets) and the pure functions in
core.progress, so the screen opens in well under 100 ms on ten years of history.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import date, timedelta
from typing import TYPE_CHECKING

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical, VerticalScroll
from textual.screen import ModalScreen, Screen
from textual.widgets import DataTable, Footer, Label, OptionList
from textual.widgets.option_list import Option

from runstrong.core.durations import format_clock
from runstrong.core.models import SetLog
from runstrong.core.progress import (
    IMBALANCE_THRESHOLD_PCT,
    DayBest,
    RecordKind,
    balance,
    daily_bests,
    personal_records,
)
from runstrong.core.settings import Unit, format_load, kg_to_display
from runstrong.store import StoreError
from runstrong.widgets.progress_chart import ProgressChart

if TYPE_CHECKING:
    from runstrong.app import RunStrongApp

RECENT_WEEKS = 12
"""Balance is shown for all time and for this many recent weeks (what you are doing now)."""


def _reps(value: float) -> str:
    return f"{value:.0f} reps"


def _hold(value: float) -> str:
    return format_clock(value)


def _shown_load(unit: Unit) -> Callable[[float], str]:
    """Formats a value already in the display unit (charts plot display units, not kg)."""

    def show(value: float) -> str:
        return f"{value:.1f}".rstrip("0").rstrip(".") + f" {unit.value}"

    return show


Series = tuple[str, list[tuple[date, float]], Callable[[float], str]]


def chart_series(bests: Sequence[DayBest], unit: Unit) -> list[Series]:
    """(title, points, formatter) for each measure the exercise has any value of."""
    in_unit: Callable[[float | None], float | None] = lambda kg: None if kg is None else kg_to_display(kg, unit)
    measures: list[tuple[str, Callable[[DayBest], float | None], Callable[[float], str]]] = [
        (f"Best load ({unit.value})", lambda b: in_unit(b.best_load_kg), _shown_load(unit)),
        ("Best reps", lambda b: b.best_reps, _reps),
        (f"Estimated 1RM ({unit.value}, sets of ≤ 10 reps)", lambda b: in_unit(b.best_e1rm), _shown_load(unit)),
        ("Longest hold", lambda b: b.longest_hold_s, _hold),
    ]
    series: list[Series] = []
    for title, pick, show in measures:
        points = [(best.date, float(value)) for best in bests if (value := pick(best)) is not None]
        if points:
            series.append((title, points, show))
    return series


def record_value(kind: RecordKind, value: float, unit: Unit) -> str:
    if kind in (RecordKind.LOAD, RecordKind.E1RM):
        return format_load(value, unit)
    if kind is RecordKind.REPS:
        return _reps(value)
    return _hold(value)


def balance_rows(sets: Sequence[SetLog], today: date) -> list[list[Text]]:
    """Left, right and the difference for reps and holds, all time and recent; flagged over 10 %."""
    recent_from = (today - timedelta(weeks=RECENT_WEEKS)).isoformat()
    recent = [s for s in sets if s.done_at and s.done_at[:10] >= recent_from]
    rows: list[list[Text]] = []
    for period, chosen in (("all time", sets), (f"last {RECENT_WEEKS} weeks", recent)):
        b = balance(chosen)
        for measure, left, right, pct, show in (
            ("Reps", b.left_reps, b.right_reps, b.reps_imbalance_pct, lambda v: f"{v:,}"),
            ("Hold", b.left_hold_s, b.right_hold_s, b.hold_imbalance_pct, format_clock),
        ):
            if pct is None:
                continue
            flagged = pct > IMBALANCE_THRESHOLD_PCT
            weaker = "left" if left < right else "right"
            verdict = Text(f"{pct:.1f} %", style="bold" if flagged else "")
            verdict.append(f"  ⚠ {weaker} weaker" if flagged else "  ok", style="bold $warning" if flagged else "dim")
            rows.append([
                Text(f"{measure} · {period}"),
                Text(show(left), justify="right"),
                Text(show(right), justify="right"),
                verdict,
            ])
    return rows


class ProgressScreen(Screen[None]):
    """One exercise over time. Opened from History (`p`) or from a set in session detail."""

    app: RunStrongApp
    HELP_TITLE = "Progress"

    BINDINGS = [
        Binding("escape,h", "app.pop_screen", "Back", id="progress.back", tooltip="Back to where you came from"),
    ]

    def __init__(self, exercise_id: str, name: str) -> None:
        super().__init__(id="progress")
        self.exercise_id = exercise_id
        self.exercise_name = name

    def compose(self) -> ComposeResult:
        try:
            sets = self.app.store.exercise_sets(self.exercise_id)
        except StoreError as error:
            sets = []
            self.app.notify(str(error), severity="error", timeout=10)
        unit = self.app.settings.unit
        bests = daily_bests(sets)
        yield Label(self._headline(sets, bests), id="progress-title")
        with VerticalScroll(id="progress-body"):
            if not sets:
                yield Label(f"No done sets of {self.exercise_name} yet.", id="progress-empty", markup=False)
            for title, points, show in chart_series(bests, unit):
                yield ProgressChart(title, points, show)
            if any(s.side is not None for s in sets):
                yield from self._balance(sets)
            yield from self._records(sets, unit)
        yield Footer()

    def on_mount(self) -> None:
        self.query_one("#progress-body").focus()

    def _headline(self, sets: Sequence[SetLog], bests: Sequence[DayBest]) -> Text:
        title = Text(self.exercise_name, style="bold")
        if bests:
            title.append(
                f" · {len(sets):,} sets on {len(bests):,} days · {bests[0].date} → {bests[-1].date}",
                style="dim",
            )
        return title

    def _balance(self, sets: Sequence[SetLog]) -> ComposeResult:
        rows = balance_rows(sets, self.app.clock.now().date())
        if not rows:
            return
        yield Label("[b]Left vs right[/b]", classes="progress-section")
        table: DataTable[Text] = DataTable(cursor_type="none", id="balance", show_cursor=False)
        table.can_focus = False
        table.add_columns("", Text("Left", justify="right"), Text("Right", justify="right"), "Difference")
        table.add_rows(rows)
        yield table

    def _records(self, sets: Sequence[SetLog], unit: Unit) -> ComposeResult:
        records = personal_records(sets)
        if not records:
            return
        # The newest record of each kind still stands (what current_records computes, without a second pass).
        standing = set({record.kind: record for record in records}.values())
        yield Label(f"[b]Personal records[/b] [dim]({len(records)}, newest first; ★ still stands)[/dim]", classes="progress-section")
        table: DataTable[Text] = DataTable(cursor_type="none", zebra_stripes=True, id="records", show_cursor=False)
        table.can_focus = False
        table.add_columns("Date", "Record", Text("Value", justify="right"), "")
        for record in reversed(records):
            table.add_row(
                Text(record.date.isoformat()),
                Text(str(record.kind)),
                Text(record_value(record.kind, record.value, unit), justify="right"),
                Text("★" if record in standing else "", style="bold"),
            )
        yield table


class ExercisePickerScreen(ModalScreen[str | None]):
    """Choose an exercise that has logged sets; dismisses with its id, or None."""

    BINDINGS = [Binding("escape", "cancel", "Cancel", id="exercise_picker.cancel", tooltip="Close without choosing")]

    def __init__(self, exercises: Sequence[tuple[str, str]], current: str | None = None) -> None:
        super().__init__(classes="dialog-screen")
        self.exercises = list(exercises)
        self.current = current

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog", id="exercise-picker-dialog"):
            yield Label("[b]Progress of which exercise?[/b]", classes="dialog-title")
            if self.exercises:
                yield OptionList(*(Option(Text(name), id=exercise_id) for exercise_id, name in self.exercises), id="exercise-list")
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
