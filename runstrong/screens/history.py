"""History: past sessions newest first, a consistency strip, filters, and the way into each session.

Only what the screen shows is loaded: a page of sessions (totals summed by SQLite), more pages as
the cursor or the view nears the end, and one row per week for the strip.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.screen import Screen
from textual.widgets import DataTable, Footer, Label

from runstrong.screens.session_detail import HistoryUndo, SessionDetailScreen, describe_undo
from runstrong.store import HistoryFilter, StoreError
from runstrong.widgets.history_filter import HistoryFilterBar
from runstrong.widgets.history_table import HistoryTable
from runstrong.widgets.week_calendar import WeekCalendar

if TYPE_CHECKING:
    from runstrong.app import RunStrongApp

PAGE_SIZE = 40
"""Sessions per query: more than a tall terminal shows, few enough that the first paint is quick."""


class HistoryScreen(Screen[None]):
    """The list of sessions. Changes made in a session's detail show here when you come back."""

    app: RunStrongApp
    HELP_TITLE = "History"

    BINDINGS = [
        Binding("escape,t", "app.switch_mode('today')", "Today", id="history.today", tooltip="Back to today's session"),
        Binding("enter", "open", "Open", id="history.open", tooltip="Open the highlighted session"),
        Binding("slash,f", "filter", "Filter", id="history.filter", tooltip="Filter by exercise or dates"),
        Binding("c", "clear_filter", "Clear", show=False, id="history.clear", tooltip="Clear the filter"),
        Binding("p", "progress", "Progress", id="history.progress", tooltip="Progress of an exercise: bests, records, balance"),
        Binding("u,ctrl+z", "undo", "Undo", id="history.undo", tooltip="Undo the last edit or delete made in History"),
    ]

    def __init__(self) -> None:
        super().__init__(id="history")
        self.where = HistoryFilter()
        self.undo_log = HistoryUndo()
        self.total = 0
        self.exhausted = False
        self._shown_once = False

    def compose(self) -> ComposeResult:
        yield WeekCalendar(id="week-calendar")
        yield HistoryFilterBar(self.app.catalog, id="history-filter")
        yield HistoryTable(self.app.settings.unit, id="history-table")
        yield Label(id="history-status")
        yield Footer()

    @property
    def table(self) -> HistoryTable:
        return self.query_one(HistoryTable)

    def on_mount(self) -> None:
        self.reload()
        self.table.focus()

    def on_screen_resume(self) -> None:
        # Back from a session's detail or from Today: show what changed meanwhile. (The first
        # resume is the screen's first showing, just after on_mount loaded it.)
        if self._shown_once:
            self.reload()
        self._shown_once = True

    # -- loading ---------------------------------------------------------------------------

    def reload(self) -> None:
        """Query again as many rows as are shown now, keeping the cursor on the same session."""
        table = self.table
        keep = table.current.id if table.current else None
        table.unit = self.app.settings.unit
        store = self.app.store
        try:
            rows = store.history_page(self.where, limit=max(PAGE_SIZE, len(table.summaries)))
            self.total = store.history_count(self.where)
            weeks = store.weekly_session_counts()
        except StoreError as error:
            self.app.notify(str(error), severity="error", timeout=10)
            return
        self.exhausted = len(rows) >= self.total
        table.show(rows, keep=keep)
        self.query_one(WeekCalendar).show(weeks, self.app.clock.now().date())
        self.update_status()

    @on(HistoryTable.NeedMore)
    def load_more(self) -> None:
        table = self.table
        if self.exhausted or not table.summaries or not table.near_end():
            return
        try:
            rows = self.app.store.history_page(self.where, after=table.summaries[-1], limit=PAGE_SIZE)
        except StoreError as error:
            self.app.notify(str(error), severity="error", timeout=10)
            return
        self.exhausted = len(rows) < PAGE_SIZE
        table.append(rows)
        self.update_status()

    def update_status(self) -> None:
        shown = len(self.table.summaries)
        narrowed = self.where != HistoryFilter()
        if not self.total:
            text = "No sessions match this filter (c clears it)" if narrowed else "No sessions yet: tick a set on Today (t) and it shows here"
        else:
            text = f"{shown:,} of {self.total:,} session{'s' if self.total != 1 else ''}"
            text += " matching the filter (c clears it)" if narrowed else ""
            text += " · enter opens · p progress"
        self.query_one("#history-status", Label).update(text)

    # -- filter ----------------------------------------------------------------------------

    @on(HistoryFilterBar.Applied)
    def filter_applied(self, event: HistoryFilterBar.Applied) -> None:
        self.where = event.where
        self.table.summaries = []
        self.reload()

    @on(HistoryFilterBar.Done)
    def filter_done(self) -> None:
        self.table.focus()

    async def action_filter(self) -> None:
        await self.query_one(HistoryFilterBar).focus_exercise()

    def action_clear_filter(self) -> None:
        self.query_one(HistoryFilterBar).clear()

    # -- moving on -------------------------------------------------------------------------

    @on(DataTable.RowSelected, "#history-table")
    def action_open(self) -> None:
        current = self.table.current
        if current is not None:
            self.app.push_screen(SessionDetailScreen(current.id, self.undo_log))

    def action_progress(self) -> None:
        # Imported here, not at the top: History opens first and fastest, Progress only on request.
        from runstrong.screens.progress import ExercisePickerScreen, ProgressScreen

        try:
            exercises = self.app.store.logged_exercises()
        except StoreError as error:
            self.app.notify(str(error), severity="error", timeout=10)
            return
        names = dict(exercises)

        def chosen(exercise_id: str | None) -> None:
            if exercise_id is not None:
                name = self.app.catalog.exercises[exercise_id].name if exercise_id in self.app.catalog.exercises else names[exercise_id]
                self.app.push_screen(ProgressScreen(exercise_id, name))

        self.app.push_screen(ExercisePickerScreen(exercises, self.where.exercise_id), chosen)

    def action_undo(self) -> None:
        try:
            change = self.undo_log.undo(self.app.store)
        except (StoreError, KeyError) as error:
            self.app.notify(f"Not undone: {error}", severity="error", timeout=10)
            return
        if change is None:
            self.app.notify("Nothing to undo", timeout=2)
            return
        self.reload()
        self.app.notify(describe_undo(change), timeout=3)
