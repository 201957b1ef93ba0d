"""Session detail: every set of one past session as logged; edit, delete and undo, saved at once."""

from __future__ import annotations

from datetime import date, datetime
from typing import TYPE_CHECKING

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.screen import Screen
from textual.widgets import Label

from runstrong.core.catalog import Catalog
from runstrong.core.clock import stamp
from runstrong.core.durations import format_duration
from runstrong.core.plurals import count_of
from runstrong.core.models import Exercise, Kind, Prescription, Session, SetLog
from runstrong.core.progress import session_totals
from runstrong.core.session_input import format_rpe
from runstrong.core.settings import Unit, format_load
from runstrong.core.text import plain_text, printable
from runstrong.screens.confirm import ConfirmScreen
from runstrong.screens.edit_set import EditSetScreen, SetEdit
from runstrong.screens.history import (
    HistoryUndo,
    SessionDeleted,
    SetDeleted,
    SetEdited,
    changed_set,
    describe_undo,
)
from runstrong.store import StoreError
from runstrong.widgets.history_table import DASH, totals_line
from runstrong.widgets.key_bar import KeyBar
from runstrong.widgets.list_table import ListTable
from runstrong.widgets.read_only_banner import ReadOnlyBanner

if TYPE_CHECKING:
    from runstrong.app import RunStrongApp


# -- formatting ----------------------------------------------------------------------------


def session_heading(session: Session) -> str:
    """ "Sun 22 Nov 2026 · Workout A · Beginner (2 days/week)"."""
    return printable(f"{date.fromisoformat(session.date):%a %d %b %Y} · {session.day} · {session.program}")


def exercise_for(catalog: Catalog, logged: SetLog) -> Exercise:
    """The catalog's exercise, or a stand-in named as logged (an exercise the catalog no longer has)."""
    try:
        return catalog.exercise(logged.exercise_id)
    except KeyError:
        timed = logged.target_hold_s is not None
        return Exercise(
            id=logged.exercise_id, name=printable(logged.exercise), kind=Kind.HOLD if timed else Kind.REPS,
            per_side=logged.side is not None, muscles=(), category="", default=Prescription(sets=1),
            why="", cues=(), sources=(),
        )


def set_cells(logged: SetLog, unit: Unit, *, finished: bool = True) -> list[Text]:
    """Exercise, set, side, reps, load, hold, time, note: a set not done is dimmed and says
    "skipped" in a finished session, "to do" in one still open."""
    style = "" if logged.done else "dim"

    def right(text: str) -> Text:
        return Text(text, justify="right", style=style, no_wrap=True)

    time = datetime.fromisoformat(logged.done_at).strftime("%H:%M") if logged.done_at else ("skipped" if finished else "to do")
    return [
        Text(printable(logged.exercise), style=style, no_wrap=True, overflow="ellipsis"),
        right(str(logged.set_no)),
        Text(logged.side.value if logged.side else "", style=style),
        right(str(logged.reps) if logged.reps is not None else DASH),
        right(format_load(logged.load_kg, unit) or DASH),
        right(format_duration(logged.hold_s) if logged.hold_s else DASH),
        right(time),
        Text(set_remarks(logged), style=style, no_wrap=True, overflow="ellipsis"),
    ]


def set_remarks(logged: SetLog) -> str:
    """The last column: "warm-up", the RPE and the set's note, e.g. "RPE 8 · felt heavy"."""
    parts = ["warm-up" if logged.is_warmup else "", f"RPE {format_rpe(logged.rpe)}" if logged.rpe else "", logged.note]
    # A note may come from an imported file: data, never terminal commands.
    return printable(" · ".join(part for part in parts if part))


# -- the screen ----------------------------------------------------------------------------


class SessionDetailScreen(Screen[None]):
    """One session's sets. Every change is committed by the store before the table shows it."""

    CSS_PATH = "history.tcss"

    app: RunStrongApp
    HELP_TITLE = "Session"
    AUTO_FOCUS = "#detail-sets"

    BINDINGS = [
        Binding("escape,h", "app.pop_screen", "Back", id="detail.back", tooltip="Back to the session list"),
        Binding("e", "edit", "Edit", id="detail.edit", tooltip="Edit this set (RPE, note too); a skipped one is logged"),
        Binding("d", "delete_set", "Delete set", id="detail.delete_set", tooltip="Delete this set (asks first; u undoes)"),
        Binding("D", "delete_session", "Delete session", id="detail.delete_session", tooltip="Delete the whole session (asks first; u undoes)"),
        Binding("u,ctrl+z", "undo", "Undo", id="detail.undo", tooltip="Undo the last edit or delete in this session"),
        Binding("p", "progress", "Progress", id="detail.progress", tooltip="Progress of this set's exercise"),
    ]

    def __init__(self, session_id: int, undo: HistoryUndo) -> None:
        super().__init__(id="session-detail")
        self.session_id = session_id
        self.undo_log = undo
        self.sets: list[SetLog] = []
        self._seen = -1

    def compose(self) -> ComposeResult:
        yield ReadOnlyBanner(self.app.store.read_only)
        yield Label(id="detail-title", markup=False)
        yield Label(id="detail-totals")
        yield Label(id="detail-notes", markup=False)
        table = ListTable(id="detail-sets")
        table.add_column("Exercise", key="exercise")
        for key, label in (("set", "Set"), ("side", "Side"), ("reps", "Reps"), ("load", "Load"), ("hold", "Hold"), ("time", "Time"), ("remarks", "Note")):
            table.add_column(Text(label, justify="left" if key in ("side", "remarks") else "right"), key=key)
        yield table
        yield KeyBar()

    @property
    def table(self) -> ListTable:
        return self.query_one(ListTable)

    def on_mount(self) -> None:
        self.load()

    def on_screen_resume(self) -> None:
        # Back from a dialog: another window may have changed this session meanwhile.
        if self._seen != self.app.store.revision:
            self.load()

    def show_stored(self) -> None:
        """Another window committed a change: show what is stored now (store_watch calls this
        when its once-a-second look sees one)."""
        self.load()

    def load(self) -> None:
        """Read the session back from the store and show it; the cursor stays on its row."""
        try:
            session = self.app.store.session(self.session_id)
        except (StoreError, KeyError) as error:
            self.app.notify(f"Cannot show this session: {error}", severity="error", timeout=10)
            return
        self._seen = self.app.store.revision
        self.sets = list(session.sets)
        self.query_one("#detail-title", Label).update(session_heading(session))
        totals = totals_line(session_totals(self.sets), self.app.settings.unit)
        self.query_one("#detail-totals", Label).update(totals)
        notes = self.query_one("#detail-notes", Label)
        notes.update(f"Notes: {printable(session.notes, newlines=True)}" if session.notes else "")
        notes.display = bool(session.notes)
        table = self.table
        row = table.cursor_row
        table.clear()
        for logged in self.sets:
            table.add_row(
                *set_cells(logged, self.app.settings.unit, finished=session.finished_at is not None), key=str(logged.id)
            )
        if self.sets:
            table.move_cursor(row=max(0, min(row, len(self.sets) - 1)), animate=False)

    @property
    def current(self) -> SetLog | None:
        row = self.table.cursor_row
        return self.sets[row] if self.sets and 0 <= row < len(self.sets) else None

    # -- changes ---------------------------------------------------------------------------

    def action_edit(self) -> None:
        logged = self.current
        if logged is None:
            return
        exercise = exercise_for(self.app.catalog, logged)

        def save(edit: SetEdit | None) -> None:
            if edit is None:
                return
            store = self.app.store
            try:
                if not logged.done:
                    # Recorded as skipped, done after all: logged now (u undoes it).
                    store.log_skipped_set(logged.id, reps=edit.reps, load_kg=edit.load_kg, hold_s=edit.hold_s)
                store.edit_set(
                    logged.id, reps=edit.reps, load_kg=edit.load_kg, hold_s=edit.hold_s, rpe=edit.rpe, note=edit.note
                )
            except (StoreError, KeyError) as error:
                self.app.notify(f"Not saved: {error}", severity="error", timeout=10)
                return
            self.undo_log.record(SetEdited(logged))
            self.load()
            what = "Saved" if logged.done else "Logged (was skipped)"
            self.app.notify(f"{what} {plain_text(exercise.name)} set {logged.set_no}", timeout=3)

        self.app.push_screen(EditSetScreen(exercise, logged, self.app.settings.unit), save)

    def action_delete_set(self) -> None:
        logged = self.current
        if logged is None:
            return
        side = f" ({logged.side.value})" if logged.side else ""

        def answer(yes: bool | None) -> None:
            if not yes:
                return
            try:
                self.app.store.delete_set(logged.id, stamp(self.app.clock.now()))
            except (StoreError, KeyError) as error:
                self.app.notify(f"Not deleted: {error}", severity="error", timeout=10)
                return
            self.undo_log.record(SetDeleted(logged))
            self.load()
            self.app.notify(f"Deleted {plain_text(logged.exercise)} set {logged.set_no}{side} · u undoes", timeout=4)

        self.app.push_screen(
            ConfirmScreen(f"Delete {logged.exercise} set {logged.set_no}{side}?", "u brings it back."), answer
        )

    def action_delete_session(self) -> None:
        try:
            session = self.app.store.session(self.session_id)
        except (StoreError, KeyError) as error:
            self.app.notify(str(error), severity="error", timeout=10)
            return
        label = f"{date.fromisoformat(session.date):%a %d %b %Y}"
        done = sum(1 for logged in session.sets if logged.done)

        def answer(yes: bool | None) -> None:
            if not yes:
                return
            try:
                self.app.store.delete_session(self.session_id, stamp(self.app.clock.now()))
            except (StoreError, KeyError) as error:
                self.app.notify(f"Not deleted: {error}", severity="error", timeout=10)
                return
            self.undo_log.record(SessionDeleted(self.session_id, label))
            self.app.notify(f"Deleted the session of {label} · u on History undoes", timeout=5)
            self.dismiss()

        self.app.push_screen(
            ConfirmScreen(
                f"Delete the whole session of {label}?",
                f"{session.day} · {count_of(done, 'set')} done. u on History brings it back.",
            ),
            answer,
        )

    def action_undo(self) -> None:
        try:
            change = self.undo_log.undo(self.app.store, self.session_id)
        except (StoreError, KeyError) as error:
            self.app.notify(f"Not undone: {error}", severity="error", timeout=10)
            return
        if change is None:
            self.app.notify("Nothing to undo in this session", timeout=2)
            return
        self.load()
        ids = [logged.id for logged in self.sets]
        restored = changed_set(change)
        if restored is not None and restored.id in ids:
            self.table.move_cursor(row=ids.index(restored.id), animate=False)
        self.app.notify(describe_undo(change), timeout=3)

    # -- moving on -------------------------------------------------------------------------

    def action_progress(self) -> None:
        from runstrong.screens.progress import ProgressScreen

        logged = self.current
        if logged is not None:
            self.app.push_screen(ProgressScreen(logged.exercise_id, exercise_for(self.app.catalog, logged).name))
