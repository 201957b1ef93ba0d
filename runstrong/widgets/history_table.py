"""The History list: one row per session with its totals, asking for more rows near its end."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Protocol

from rich.text import Text
from textual import events
from textual.binding import Binding
from textual.message import Message
from textual.widgets import DataTable

from runstrong.core.durations import format_clock
from runstrong.core.settings import Unit, kg_to_display
from runstrong.store import SessionSummary
from runstrong.widgets.list_table import ListTable

NEAR_END_ROWS = 10
"""Ask for the next page when the cursor or the view comes this close to the last loaded row."""

DASH = "—"

# (key, label, width) of every column but "session", which takes what is left.
_FIXED_COLUMNS = (
    ("date", "Date", 10),
    ("sets", "Sets", 5),
    ("time", "Time", 6),
    ("reps", "Reps", 5),
    ("hold", "Hold", 5),
    ("volume", "Volume", 9),
)
_MIN_SESSION_WIDTH = 16


def format_minutes(seconds: int | None) -> str:
    """Session length: "52 min", "<1 min" for a single set, a dash when nothing was done."""
    if seconds is None:
        return DASH
    return f"{seconds // 60} min" if seconds >= 60 else "<1 min"


def format_hold_total(seconds: int) -> str:
    return format_clock(seconds) if seconds else DASH


def format_count(value: int) -> str:
    return f"{value:,}" if value else DASH


def format_volume(volume_kg: float, unit: Unit) -> str:
    """kg × reps in the display unit, rounded to a whole number."""
    return f"{round(kg_to_display(volume_kg, unit)):,} {unit.value}" if volume_kg else DASH


def session_label(summary: SessionSummary) -> str:
    return f"{summary.day} · {summary.program}"


class Totals(Protocol):
    """What a totals line needs: a History row (SessionSummary) or core.progress.SessionTotals."""

    sets_done: int
    sets_planned: int
    duration_s: int | None
    total_reps: int
    total_hold_s: int
    volume_kg: float


def totals_line(summary: Totals, unit: Unit) -> str:
    """One line of a session's totals, for headers: "38 / 40 sets · 52 min · 312 reps · …"."""
    parts = [f"{summary.sets_done} / {summary.sets_planned} sets", format_minutes(summary.duration_s)]
    if summary.total_reps:
        parts.append(f"{summary.total_reps:,} reps")
    if summary.total_hold_s:
        parts.append(f"{format_clock(summary.total_hold_s)} held")
    if summary.volume_kg:
        parts.append(f"{format_volume(summary.volume_kg, unit)} volume")
    return " · ".join(part for part in parts if part != DASH)


def _right(text: str) -> Text:
    return Text(text, justify="right", no_wrap=True)


class HistoryTable(ListTable):
    """Rows keyed by session id; posts NeedMore when the runner gets near the last loaded row."""

    BINDINGS = [
        Binding("enter", "select_cursor", "Open", id="history.open", tooltip="Open the highlighted session"),
    ]

    @dataclass
    class NeedMore(Message):
        """Load the next page, if there is one (and if `near_end()` still holds when handled:
        a cursor move and the scroll it causes both ask)."""

    def __init__(self, unit: Unit, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.unit = unit
        self.summaries: list[SessionSummary] = []
        self._session_width = 0

    # -- rows ------------------------------------------------------------------------------

    def show(self, summaries: Sequence[SessionSummary], *, keep: int | None = None) -> None:
        """Replace every row; the cursor stays on session `keep` if it is still listed."""
        self.summaries = list(summaries)
        self._rebuild(keep)

    def append(self, summaries: Sequence[SessionSummary]) -> None:
        self.summaries += summaries
        self._add_rows(summaries)

    def _add_rows(self, summaries: Sequence[SessionSummary]) -> None:
        for summary in summaries:
            self.add_row(*self._cells(summary), key=str(summary.id))

    @property
    def current(self) -> SessionSummary | None:
        if not self.summaries or not 0 <= self.cursor_row < len(self.summaries):
            return None
        return self.summaries[self.cursor_row]

    def _cells(self, s: SessionSummary) -> list[Text]:
        return [
            Text(s.date, no_wrap=True),
            Text(session_label(s), no_wrap=True, overflow="ellipsis"),
            _right(f"{s.sets_done}/{s.sets_planned}"),
            _right(format_minutes(s.duration_s)),
            _right(format_count(s.total_reps)),
            _right(format_hold_total(s.total_hold_s)),
            _right(format_volume(s.volume_kg, self.unit)),
        ]

    def _rebuild(self, keep: int | None = None) -> None:
        self.clear(columns=True)
        self._session_width = self._fitting_session_width()
        for key, label, width in _FIXED_COLUMNS[:1]:
            self.add_column(label, width=width, key=key)
        self.add_column("Session", width=self._session_width, key="session")
        for key, label, width in _FIXED_COLUMNS[1:]:
            self.add_column(Text(label, justify="right"), width=width, key=key)
        self._add_rows(self.summaries)
        ids = [summary.id for summary in self.summaries]
        if keep in ids:
            self.move_cursor(row=ids.index(keep), animate=False, scroll=True)

    def _fitting_session_width(self) -> int:
        # Before the first layout the table has no size yet; it spans the screen, so use that.
        total = self.region.width or self.app.size.width
        fixed = sum(column_width for _, _, column_width in _FIXED_COLUMNS)
        padding = 2 * self.cell_padding * (len(_FIXED_COLUMNS) + 1)
        scrollbar = self.styles.scrollbar_size_vertical
        return max(_MIN_SESSION_WIDTH, total - fixed - padding - scrollbar)

    def on_resize(self, event: events.Resize) -> None:
        # The session column takes whatever the others leave, so it is re-laid when that changes.
        if self.summaries and self._fitting_session_width() != self._session_width:
            keep = self.current.id if self.current else None
            self._rebuild(keep)

    # -- paging ----------------------------------------------------------------------------

    def near_end(self) -> bool:
        """Is the cursor or the bottom of the view within NEAR_END_ROWS of the last loaded row?"""
        if not self.row_count:
            return False
        # Counted in rows (each one line high), not in virtual size, which only catches up with
        # newly added rows on the next idle.
        last_in_view = int(self.scroll_y) + self.scrollable_content_region.height - self.header_height
        return max(self.cursor_row, last_in_view) >= self.row_count - NEAR_END_ROWS

    def on_data_table_row_highlighted(self, event: DataTable.RowHighlighted) -> None:
        if self.near_end():
            self.post_message(self.NeedMore())

    def watch_scroll_y(self, old_value: float, new_value: float) -> None:
        super().watch_scroll_y(old_value, new_value)
        if new_value > old_value and self.near_end():
            self.post_message(self.NeedMore())
