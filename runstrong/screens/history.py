"""History: past sessions newest first, a consistency strip, filters, and the way into each session.

Only what the screen shows is loaded: a page of sessions (totals summed by SQLite), more pages as
the cursor or the view nears the end, and one row per week for the strip.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.screen import Screen
from textual.widgets import Label

from runstrong.core.models import SetLog
from runstrong.core.plurals import count_of
from runstrong.store import HistoryFilter, Store, StoreError
from runstrong.widgets.history_filter import HistoryFilterBar
from runstrong.widgets.history_table import HistoryTable
from runstrong.widgets.key_bar import KeyBar
from runstrong.widgets.read_only_banner import ReadOnlyBanner
from runstrong.widgets.week_calendar import WeekCalendar

if TYPE_CHECKING:
    from runstrong.app import RunStrongApp

PAGE_SIZE = 40
"""Sessions per query: more than a tall terminal shows, few enough that the first paint is quick."""


# -- undo ----------------------------------------------------------------------------------


@dataclass(frozen=True)
class SetEdited:
    """Undo record: a set as it was before History edited it."""

    previous: SetLog


@dataclass(frozen=True)
class SetDeleted:
    """Undo record: a set History deleted."""

    removed: SetLog


@dataclass(frozen=True)
class SessionDeleted:
    """Undo record: a session History deleted, with the label it was shown under."""

    session_id: int
    label: str


Change = SetEdited | SetDeleted | SessionDeleted


def changed_set(change: Change) -> SetLog | None:
    """The set a change was about (None for a whole session)."""
    if isinstance(change, SetEdited):
        return change.previous
    if isinstance(change, SetDeleted):
        return change.removed
    return None


def change_session(change: Change) -> int:
    if isinstance(change, SessionDeleted):
        return change.session_id
    logged = changed_set(change)
    assert logged is not None
    return logged.session_id


class HistoryUndo:
    """Changes made from History, newest last. It lives as long as the History screen (the app),
    so a change made in a session stays undoable after going back to the list."""

    def __init__(self) -> None:
        self._changes: list[Change] = []

    def record(self, change: Change) -> None:
        self._changes.append(change)

    def latest(self, session_id: int | None = None) -> Change | None:
        for change in reversed(self._changes):
            if session_id is None or change_session(change) == session_id:
                return change
        return None

    def undo(self, store: Store, session_id: int | None = None) -> Change | None:
        """Put back the newest change (only of `session_id`, if given) and return it; None when
        there is nothing to undo. A StoreError leaves the change on the stack to try again."""
        change = self.latest(session_id)
        if change is None:
            return None
        if isinstance(change, SetEdited):
            store.restore_set(change.previous)
        elif isinstance(change, SetDeleted):
            store.undelete_set(change.removed.id)
        else:
            store.undelete_session(change.session_id)
        self._changes.remove(change)
        return change


def describe_undo(change: Change) -> str:
    if isinstance(change, SetEdited):
        return f"Undone: {change.previous.exercise} set {change.previous.set_no} is back as it was"
    if isinstance(change, SetDeleted):
        return f"Undone: {change.removed.exercise} set {change.removed.set_no} is back"
    return f"Undone: the session of {change.label} is back"


# -- the screen ----------------------------------------------------------------------------


class HistoryScreen(Screen[None]):
    """The list of sessions. Changes made in a session's detail show here when you come back."""

    CSS_PATH = "history.tcss"

    app: RunStrongApp
    HELP_TITLE = "History"
    # Focused as the screen activates, not after mount: one key-bar redraw fewer on first paint.
    AUTO_FOCUS = "#history-table"

    BINDINGS = [
        Binding("escape,t", "app.switch_mode('today')", "Today", id="history.today", tooltip="Back to today's session"),
        # Not in the footer (the filter line says it), so the footer keeps room for q at 80 columns.
        Binding("slash,f", "filter", "Filter", show=False, id="history.filter", tooltip="Filter by exercise or dates"),
        Binding("c", "clear_filter", "Clear", show=False, id="history.clear", tooltip="Clear the filter"),
        Binding("p", "progress", "Progress", id="history.progress", tooltip="Progress of an exercise: bests, records, balance"),
        Binding("u,ctrl+z", "undo", "Undo", id="history.undo", tooltip="Undo the last edit or delete made in History"),
        Binding("r", "recently_deleted", "Deleted", show=False, id="history.deleted", tooltip="Recently deleted sessions and sets, to restore"),
    ]

    def __init__(self) -> None:
        super().__init__(id="history")
        self.where = HistoryFilter()
        self.undo_log = HistoryUndo()
        self.total = 0
        self.exhausted = False
        self._shown_once = False

    def compose(self) -> ComposeResult:
        yield ReadOnlyBanner(self.app.store.read_only)
        yield WeekCalendar(id="week-calendar")
        yield HistoryFilterBar(id="history-filter")
        yield HistoryTable(self.app.settings.unit, id="history-table")
        yield Label(id="history-status")
        yield KeyBar()

    @property
    def table(self) -> HistoryTable:
        return self.query_one(HistoryTable)

    def on_mount(self) -> None:
        self.reload()

    def on_screen_resume(self) -> None:
        # Back from a session's detail or from Today: show what changed meanwhile. (The first
        # resume is the screen's first showing, just after on_mount loaded it.)
        if self._shown_once:
            self.reload()
        self._shown_once = True

    # -- loading ---------------------------------------------------------------------------

    def show_stored(self) -> None:
        """Another window committed a change: show what is stored now (store_watch calls this
        when its once-a-second look sees one)."""
        self.reload()

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

    @on(HistoryTable.ColumnsChanged)
    def columns_changed(self) -> None:
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
            text = f"{shown:,} of {count_of(self.total, 'session')}"
            text += " matching the filter (c clears it)" if narrowed else ""
            text += " · enter opens · p progress · r recently deleted"
        hidden = self.table.hidden_columns
        if hidden:
            # The width left columns out: say which, so a missing number is not taken for none.
            text += f" · too narrow for {', '.join(hidden)}"
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

    @on(HistoryTable.Selected)
    def open_session(self, event: HistoryTable.Selected) -> None:
        # Imported on first use: History paints first, with as little imported as possible.
        from runstrong.screens.session_detail import SessionDetailScreen

        self.app.push_screen(SessionDetailScreen(event.summary.id, self.undo_log))

    def action_progress(self) -> None:
        # Imported here, not at the top: History opens first and fastest, Progress only on request.
        from runstrong.screens.progress import ExercisePickerScreen, ProgressScreen

        try:
            logged = self.app.store.logged_exercises()
        except StoreError as error:
            self.app.notify(str(error), severity="error", timeout=10)
            return
        # The catalog's name where it still has the exercise, else the name it was logged under.
        catalog = self.app.catalog.exercises
        names = {exercise_id: catalog[exercise_id].name if exercise_id in catalog else name for exercise_id, name in logged}
        exercises = sorted(names.items(), key=lambda pair: pair[1].lower())

        def chosen(exercise_id: str | None) -> None:
            if exercise_id is not None:
                self.app.push_screen(ProgressScreen(exercise_id, names[exercise_id]))

        self.app.push_screen(ExercisePickerScreen(exercises, self.where.exercise_id), chosen)

    def action_recently_deleted(self) -> None:
        from runstrong.screens.recently_deleted import RecentlyDeletedScreen

        self.app.push_screen(RecentlyDeletedScreen())

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
