"""The end-of-session dialog: the summary, and whether to finish now.

Shown after the last set is ticked (an offer: enter finishes) and by `f` while sets are left (a
question that says how many: the safe answer, keep going, has the focus).
"""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Label

from runstrong.core.durations import format_duration
from runstrong.core.plurals import count_of
from runstrong.core.progress import RecordKind
from runstrong.core.session_report import BrokenRecord, SessionReport
from runstrong.core.settings import Unit, format_load
from runstrong.core.text import printable


def format_record(record: BrokenRecord, unit: Unit) -> str:
    """ "Squat: heaviest load 60 kg (was 57.5 kg)"."""

    def shown(value: float) -> str:
        if record.kind in (RecordKind.LOAD, RecordKind.E1RM):
            return format_load(value, unit)
        if record.kind is RecordKind.HOLD:
            return format_duration(int(value))
        return count_of(int(value), "rep")

    return f"{record.exercise}: {record.kind.value} {shown(record.value)} (was {shown(record.previous)})"


def summary_lines(report: SessionReport, unit: Unit) -> list[str]:
    """The summary as short lines (sets, volume, hold time, duration, then each record)."""
    sets = f"{report.working_done} of {report.working_planned} sets"
    if report.warmups_done:
        sets += f" · {count_of(report.warmups_done, 'warm-up')} not counted"
    lines = [sets]
    measures = []
    if report.volume_kg:
        measures.append(f"volume {format_load(report.volume_kg, unit)}")
    if report.hold_s:
        measures.append(f"held {format_duration(report.hold_s)}")
    if report.duration_s is not None:
        measures.append(f"{format_duration(report.duration_s)} from first to last set")
    if measures:
        lines.append(" · ".join(measures))
    if report.records:
        lines.append(f"Records broken: {len(report.records)}")
        lines += [f"  ★ {format_record(record, unit)}" for record in report.records]
    else:
        lines.append("No records broken this time")
    return lines


class FinishSessionScreen(ModalScreen[bool]):
    """Dismisses True to finish the session, False to keep it open."""

    HELP_TITLE = "Finish the session"
    BINDINGS = [
        Binding("y", "answer(True)", "Finish", id="finish.yes", tooltip="Finish the session now"),
        Binding("n,escape", "answer(False)", "Keep going", id="finish.no", tooltip="Keep the session open"),
    ]

    def __init__(self, title: str, report: SessionReport, unit: Unit) -> None:
        super().__init__(classes="dialog-screen")
        self.title_text = title
        self.report = report
        self.unit = unit
        # All done: the offer's own answer (enter) finishes. Sets left: enter keeps going.
        self.AUTO_FOCUS = "#finish" if report.left <= 0 else "#keep"

    def compose(self) -> ComposeResult:
        left = self.report.left
        with Vertical(classes="dialog", id="finish-dialog"):
            if left > 0:
                question = f"Finish with {count_of(left, 'set')} left?"
            else:
                question = "Every set is done. Finish the session?"
            yield Label(f"[b]{question}[/b]", classes="dialog-title", id="finish-question")
            yield Label(printable(self.title_text), id="finish-title", markup=False)
            yield Label(printable("\n".join(summary_lines(self.report, self.unit)), newlines=True), id="finish-summary", markup=False)
            if left > 0:
                yield Label("Sets left are kept as skipped; History can log them later.", id="finish-note")
            with Horizontal(classes="dialog-buttons"):
                yield Button("Finish (y)", variant="primary", id="finish")
                yield Button("Keep going (n)", id="keep")

    @on(Button.Pressed, "#finish")
    def finish(self) -> None:
        self.dismiss(True)

    @on(Button.Pressed, "#keep")
    def keep(self) -> None:
        self.dismiss(False)

    def action_answer(self, answer: bool) -> None:
        self.dismiss(answer)
