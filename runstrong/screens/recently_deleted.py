"""Recently deleted: sessions and sets deleted in History, newest first, each restored with one key.

Read from the store (deleted_at), so what was deleted yesterday, before a restart, is still here:
History's `u` only knows this run's changes.
"""

from __future__ import annotations

from datetime import date, datetime
from typing import TYPE_CHECKING

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.screen import Screen
from textual.widgets import DataTable, Label

from runstrong.core.text import printable
from runstrong.store import Deleted, StoreError
from runstrong.widgets.key_bar import KeyBar
from runstrong.widgets.list_table import ListTable

if TYPE_CHECKING:
    from runstrong.app import RunStrongApp


def deleted_cells(item: Deleted) -> list[Text]:
    """When deleted, what (session or set), of which session, and what it held."""
    when = datetime.fromisoformat(item.deleted_at).strftime("%d %b %H:%M")
    session = f"{date.fromisoformat(item.date):%a %d %b %Y} · {item.day}"
    return [
        Text(when, no_wrap=True),
        Text(item.kind, no_wrap=True),
        Text(printable(session), no_wrap=True, overflow="ellipsis"),
        Text(printable(item.what), no_wrap=True, overflow="ellipsis"),
    ]


class RecentlyDeletedScreen(Screen[None]):
    """The list; `r` or enter restores the highlighted item at once (saved before it leaves)."""

    CSS_PATH = "history.tcss"

    app: RunStrongApp
    HELP_TITLE = "Recently deleted"
    AUTO_FOCUS = "#deleted-list"

    BINDINGS = [
        Binding("escape,h", "app.pop_screen", "Back", id="deleted.back", tooltip="Back to History"),
        # Enter comes as the list's RowSelected (the table binds it first).
        Binding("r", "restore", "Restore", id="deleted.restore", tooltip="Restore the highlighted session or set (enter too)"),
    ]

    def __init__(self) -> None:
        super().__init__(id="recently-deleted")
        self.items: list[Deleted] = []

    def compose(self) -> ComposeResult:
        yield Label("[b]Recently deleted[/b] · r or enter restores", id="deleted-title")
        table = ListTable(id="deleted-list")
        for key, heading in (("when", "Deleted"), ("kind", "What"), ("session", "Session"), ("what", "Held")):
            table.add_column(heading, key=key)
        yield table
        yield Label(id="deleted-status")
        yield KeyBar()

    def on_mount(self) -> None:
        self.load()

    def load(self) -> None:
        try:
            self.items = self.app.store.recently_deleted()
        except StoreError as error:
            self.app.notify(str(error), severity="error", timeout=10)
            return
        table = self.query_one(ListTable)
        row = table.cursor_row
        table.clear()
        for item in self.items:
            table.add_row(*deleted_cells(item), key=f"{item.kind}-{item.id}")
        if self.items:
            table.move_cursor(row=max(0, min(row, len(self.items) - 1)), animate=False)
        status = f"{len(self.items)} deleted, newest first" if self.items else "Nothing deleted"
        self.query_one("#deleted-status", Label).update(status)

    @on(DataTable.RowSelected)
    def action_restore(self) -> None:
        row = self.query_one(ListTable).cursor_row
        if not self.items or not 0 <= row < len(self.items):
            self.app.notify("Nothing to restore", timeout=2)
            return
        item = self.items[row]
        try:
            self.app.store.restore_deleted(item)
        except (StoreError, KeyError) as error:
            self.app.notify(f"Not restored: {error}", severity="error", timeout=10)
            return
        self.load()
        self.app.notify(f"Restored the {item.kind} of {date.fromisoformat(item.date):%a %d %b}: {item.what}", timeout=4)
