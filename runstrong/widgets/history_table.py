"""The History list: one row per session with its totals, asking for more rows near its end.

Drawn line by line (Textual's line API): only the rows in view are rendered, each one styled
string. A DataTable rendered every cell through Rich and made History's first paint about 100 ms
slower on a laptop; this list costs the same with 40 rows loaded as with 4,000.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Protocol

from rich.cells import cell_len, set_cell_size
from rich.segment import Segment
from textual import events
from textual.binding import Binding
from textual.geometry import Region, Size, Spacing
from textual.message import Message
from textual.reactive import reactive
from textual.scroll_view import ScrollView
from textual.strip import Strip

from runstrong.core.durations import format_duration
from runstrong.core.plurals import count_of
from runstrong.core.settings import Unit, kg_to_display
from runstrong.core.text import printable
from runstrong.store import SessionSummary

NEAR_END_ROWS = 10
"""Ask for the next page when the cursor or the view comes this close to the last loaded row."""

DASH = "—"


def format_session_length(seconds: int | None) -> str:
    """Session length as every duration is written ("52:13", "1:05:00"); a dash when nothing
    was done."""
    return DASH if seconds is None else format_duration(seconds)


def format_hold_total(seconds: int) -> str:
    return format_duration(seconds) if seconds else DASH


def format_count(value: int) -> str:
    return f"{value:,}" if value else DASH


def format_volume(volume_kg: float, unit: Unit) -> str:
    """kg × reps in the display unit, rounded to a whole number."""
    return f"{round(kg_to_display(volume_kg, unit)):,} {unit.value}" if volume_kg else DASH


def session_label(summary: SessionSummary) -> str:
    return printable(f"{summary.day} · {summary.program}")


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
    parts = [f"{summary.sets_done} / {count_of(summary.sets_planned, 'set')}", format_session_length(summary.duration_s)]
    if summary.total_reps:
        parts.append(count_of(summary.total_reps, "rep"))
    if summary.total_hold_s:
        parts.append(f"{format_duration(summary.total_hold_s)} held")
    if summary.volume_kg:
        parts.append(f"{format_volume(summary.volume_kg, unit)} volume")
    return " · ".join(part for part in parts if part != DASH)


# -- columns -------------------------------------------------------------------------------


@dataclass(frozen=True)
class Column:
    """One column of the history table: its key, heading, width in cells and alignment."""

    key: str
    label: str
    width: int
    """Cells wide; 0 for the session column, which takes whatever the others leave."""
    right: bool = True


COLUMNS = (
    Column("date", "Date", 10, right=False),
    Column("session", "Session", 0, right=False),
    Column("sets", "Sets", 5),
    Column("time", "Time", 7),
    Column("reps", "Reps", 5),
    Column("hold", "Hold", 5),
    Column("volume", "Volume", 9),
)
DROPPED_FIRST = ("volume", "hold", "time")
"""On a terminal too narrow for every column these go, in this order, before the session
column shrinks below MIN_SESSION_WIDTH: the list never scrolls sideways."""
MIN_SESSION_WIDTH = 16
CELL_PADDING = 1


def fit_columns(width: int) -> list[tuple[Column, int]]:
    """The columns shown in `width` cells, each with its width."""
    shown = list(COLUMNS)

    def session_width() -> int:
        return width - sum(column.width + 2 * CELL_PADDING for column in shown) - 2 * CELL_PADDING

    for key in DROPPED_FIRST:
        if session_width() >= MIN_SESSION_WIDTH:
            break
        shown = [column for column in shown if column.key != key]
    session = max(MIN_SESSION_WIDTH, session_width())
    return [(column, column.width or session) for column in shown]


def row_cells(summary: SessionSummary, unit: Unit) -> dict[str, str]:
    """What each column says about one session."""
    return {
        "date": summary.date,
        "session": session_label(summary),
        "sets": f"{summary.sets_done}/{summary.sets_planned}",
        "time": format_session_length(summary.duration_s),
        "reps": format_count(summary.total_reps),
        "hold": format_hold_total(summary.total_hold_s),
        "volume": format_volume(summary.volume_kg, unit),
    }


def fit_cell(text: str, width: int, right: bool) -> str:
    """`text` in exactly `width` cells: cut with an ellipsis when too long, else padded."""
    if cell_len(text) > width:
        return set_cell_size(text, width - 1) + "…"
    return set_cell_size(text, width) if not right else " " * (width - cell_len(text)) + text


def line_text(cells: dict[str, str], columns: Sequence[tuple[Column, int]]) -> str:
    pad = " " * CELL_PADDING
    return "".join(pad + fit_cell(cells[column.key], width, column.right) + pad for column, width in columns)


# -- the widget ----------------------------------------------------------------------------


class HistoryTable(ScrollView, can_focus=True):
    """Sessions under a fixed header row, with a row cursor. Posts Selected to open a session and
    NeedMore when the runner gets near the last loaded row."""

    COMPONENT_CLASSES = {"history-table--header", "history-table--even-row", "history-table--cursor"}

    BINDINGS = [
        Binding("enter", "select", "Open", id="history.open", tooltip="Open the highlighted session"),
        Binding("down,j", "move(1)", "Down", show=False, id="history.down", tooltip="Next session"),
        Binding("up,k", "move(-1)", "Up", show=False, id="history.up", tooltip="Previous session"),
        Binding("pagedown", "page(1)", "Page down", show=False, id="history.page-down", tooltip="A page further back"),
        Binding("pageup", "page(-1)", "Page up", show=False, id="history.page-up", tooltip="A page nearer today"),
        Binding("home,g", "jump(0)", "First", show=False, id="history.first", tooltip="Newest session"),
        Binding("end,G", "jump(-1)", "Last", show=False, id="history.last", tooltip="Oldest loaded session (loads more)"),
    ]

    cursor_row: reactive[int] = reactive(0, init=False)

    @dataclass
    class Selected(Message):
        """The runner chose a session (enter, or a click on the highlighted row)."""

        summary: SessionSummary

    @dataclass
    class NeedMore(Message):
        """Load the next page, if there is one (and if `near_end()` still holds when handled:
        a cursor move and the scroll it causes both ask)."""

    @dataclass
    class ColumnsChanged(Message):
        """The width changed which columns fit (see `hidden_columns`)."""

    def __init__(self, unit: Unit, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.unit = unit
        self.summaries: list[SessionSummary] = []
        self.columns: list[tuple[Column, int]] = []
        self._header = ""

    # -- rows ------------------------------------------------------------------------------

    @property
    def row_count(self) -> int:
        return len(self.summaries)

    @property
    def current(self) -> SessionSummary | None:
        if not 0 <= self.cursor_row < len(self.summaries):
            return None
        return self.summaries[self.cursor_row]

    def show(self, summaries: Sequence[SessionSummary], *, keep: int | None = None) -> None:
        """Replace every row; the cursor stays on session `keep` if it is still listed."""
        self.summaries = list(summaries)
        ids = [summary.id for summary in self.summaries]
        self.set_reactive(HistoryTable.cursor_row, ids.index(keep) if keep in ids else 0)
        self._resize_content()
        self.refresh()
        self.call_after_refresh(self._scroll_to_cursor)

    def append(self, summaries: Sequence[SessionSummary]) -> None:
        self.summaries += summaries
        self._resize_content()
        self.refresh()

    @property
    def hidden_columns(self) -> list[str]:
        """Labels of the columns the width leaves out (History's status line names them)."""
        shown = {column.key for column, _ in self.columns}
        return [column.label for column in COLUMNS if column.key not in shown]

    def row_text(self, index: int) -> dict[str, str]:
        """What row `index` says, column by column (every column, shown or not)."""
        return row_cells(self.summaries[index], self.unit)

    def _resize_content(self) -> None:
        # Before the first layout there is no size yet; the list spans the screen, so use that
        # (less the scrollbar's gutter, which history.tcss keeps whether or not it is needed).
        width = self.scrollable_content_region.width or self.app.size.width - 1
        columns = fit_columns(width)
        if columns != self.columns:
            self.columns = columns
            self._header = line_text({column.key: column.label for column, _ in columns}, columns)
            self.post_message(self.ColumnsChanged())
        # One line more than the rows: the header is drawn over the top line of the view.
        self.virtual_size = Size(width, len(self.summaries) + 1)

    def on_resize(self, event: events.Resize) -> None:
        self._resize_content()
        self.refresh()

    # -- drawing ---------------------------------------------------------------------------

    def render_line(self, y: int) -> Strip:
        width = self.scrollable_content_region.width
        if y == 0:
            return self._strip(self._header, width, "history-table--header")
        index = self.scroll_offset.y + y - 1
        if index >= len(self.summaries):
            return Strip.blank(width, self.get_visual_style().rich_style)
        if index == self.cursor_row:
            component = "history-table--cursor"
        else:
            # Stripes as DataTable drew them: the first row is an "even" one.
            component = "history-table--even-row" if index % 2 == 0 else ""
        text = line_text(self.row_text(index), self.columns)
        return self._strip(text, width, component).apply_meta({"row": index})

    def _strip(self, text: str, width: int, component: str) -> Strip:
        style = self.get_visual_style(component) if component else self.get_visual_style()
        rich_style = style.rich_style
        return Strip([Segment(text, rich_style)], cell_len(text)).adjust_cell_length(width, rich_style)

    # -- the cursor ------------------------------------------------------------------------

    def validate_cursor_row(self, row: int) -> int:
        return max(0, min(row, len(self.summaries) - 1))

    def watch_cursor_row(self, old: int, new: int) -> None:
        self._refresh_row(old)
        self._refresh_row(new)
        self._scroll_to_cursor()
        if self.near_end():
            self.post_message(self.NeedMore())

    def _refresh_row(self, index: int) -> None:
        self.refresh(Region(0, index + 1 - self.scroll_offset.y, self.size.width, 1))

    def _scroll_to_cursor(self) -> None:
        if self.summaries:
            row = Region(0, self.cursor_row + 1, self.scrollable_content_region.width, 1)
            # Top spacing: the header covers the view's first line.
            self.scroll_to_region(row, spacing=Spacing(top=1), animate=False, force=True, immediate=True)

    def action_move(self, step: int) -> None:
        self.cursor_row += step

    def action_page(self, direction: int) -> None:
        self.cursor_row += direction * max(1, self.scrollable_content_region.height - 1)

    def action_jump(self, index: int) -> None:
        if self.summaries:
            self.cursor_row = index % len(self.summaries)

    def action_select(self) -> None:
        if (current := self.current) is not None:
            self.post_message(self.Selected(current))

    def on_click(self, event: events.Click) -> None:
        row = event.style.meta.get("row")
        if row is None:
            return
        if row == self.cursor_row:
            self.action_select()
        else:
            self.cursor_row = row

    # -- paging ----------------------------------------------------------------------------

    def near_end(self) -> bool:
        """Is the cursor or the bottom of the view within NEAR_END_ROWS of the last loaded row?"""
        if not self.summaries:
            return False
        last_in_view = self.scroll_offset.y + self.scrollable_content_region.height - 1
        return max(self.cursor_row, last_in_view) >= len(self.summaries) - NEAR_END_ROWS

    def watch_scroll_y(self, old_value: float, new_value: float) -> None:
        super().watch_scroll_y(old_value, new_value)
        if new_value > old_value and self.near_end():
            self.post_message(self.NeedMore())
