"""Recently deleted sessions and sets, listed from deleted_at so they can be restored after a
restart (the undo stack of a run is gone by then)."""

from __future__ import annotations

from typing import Any, NamedTuple

from runstrong.core.plurals import count_of
from runstrong.store.late_log import LateLogStore

RECENTLY_DELETED_LIMIT = 100
"""How many deleted things the list shows, newest deletion first (ours)."""


class Deleted(NamedTuple):
    """One deleted session, or one deleted set of a kept session."""

    kind: str
    """"session" or "set"."""
    id: int
    """The session's or the set's id."""
    deleted_at: str
    """ISO instant of the deletion."""
    date: str
    """The session's date (ISO)."""
    day: str
    """The session's day name, e.g. "Workout A"."""
    program: str
    what: str
    """"8 sets done" for a session; "Squat set 2 (left)" for a set."""


class DeletedStore(LateLogStore):
    """The "recently deleted" list of History, and its restore."""

    def recently_deleted(self, limit: int = RECENTLY_DELETED_LIMIT) -> list[Deleted]:
        """Deleted sessions and deleted sets of kept sessions, newest deletion first (ordered as
        instants). A set inside a deleted session comes back with its session, so it is not
        listed on its own."""
        rows = self._rows(
            """
            SELECT * FROM (
                SELECT 'session' AS kind, s.id, s.deleted_at, s.date, s.day, s.program,
                    (SELECT COUNT(*) FROM set_logs sl WHERE sl.session_id = s.id
                        AND sl.done_at IS NOT NULL AND sl.deleted_at IS NULL) AS done,
                    NULL AS exercise, NULL AS set_no, NULL AS side
                FROM sessions s WHERE s.deleted_at IS NOT NULL
                UNION ALL
                SELECT 'set', sl.id, sl.deleted_at, s.date, s.day, s.program,
                    sl.done_at IS NOT NULL, sl.exercise, sl.set_no, sl.side
                FROM set_logs sl JOIN sessions s ON s.id = sl.session_id
                WHERE sl.deleted_at IS NOT NULL AND s.deleted_at IS NULL
            )
            ORDER BY julianday(deleted_at) DESC, id DESC
            LIMIT :limit
            """,
            {"limit": limit},
        )
        return [_deleted(row) for row in rows]

    def restore_deleted(self, item: Deleted) -> None:
        """Bring back one listed item (StoreError when an open session took its place)."""
        if item.kind == "session":
            self.undelete_session(item.id)
        else:
            self.undelete_set(item.id)


def _deleted(row: dict[str, Any]) -> Deleted:
    """One listed row, worded here rather than in SQL: "8 sets done" (core.plurals) for a
    session, "Squat set 2 (left)" or "Squat set 2, skipped" for a set."""
    if row["kind"] == "session":
        what = f"{count_of(row['done'], 'set')} done"
    else:
        side = f" ({row['side']})" if row["side"] else ""
        what = f"{row['exercise']} set {row['set_no']}{side}" + ("" if row["done"] else ", skipped")
    keep = ("kind", "id", "deleted_at", "date", "day", "program")
    return Deleted(**{key: row[key] for key in keep}, what=what)
