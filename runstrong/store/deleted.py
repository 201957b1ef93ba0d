"""Recently deleted sessions and sets, listed from deleted_at so they can be restored after a
restart (the undo stack of a run is gone by then)."""

from __future__ import annotations

from dataclasses import dataclass

from runstrong.store.late_log import LateLogStore

RECENTLY_DELETED_LIMIT = 100
"""How many deleted things the list shows, newest deletion first (ours)."""


@dataclass(frozen=True)
class Deleted:
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
                SELECT 'session' AS kind, id, deleted_at, date, day, program,
                    done || CASE done WHEN 1 THEN ' set done' ELSE ' sets done' END AS what
                FROM (
                    SELECT s.*, (SELECT COUNT(*) FROM set_logs sl WHERE sl.session_id = s.id
                        AND sl.done_at IS NOT NULL AND sl.deleted_at IS NULL) AS done
                    FROM sessions s WHERE s.deleted_at IS NOT NULL
                )
                UNION ALL
                SELECT 'set', sl.id, sl.deleted_at, s.date, s.day, s.program,
                    sl.exercise || ' set ' || sl.set_no
                        || COALESCE(' (' || sl.side || ')', '')
                        || CASE WHEN sl.done_at IS NULL THEN ', skipped' ELSE '' END
                FROM set_logs sl JOIN sessions s ON s.id = sl.session_id
                WHERE sl.deleted_at IS NOT NULL AND s.deleted_at IS NULL
            )
            ORDER BY julianday(deleted_at) DESC, id DESC
            LIMIT :limit
            """,
            {"limit": limit},
        )
        return [Deleted(**row) for row in rows]

    def restore_deleted(self, item: Deleted) -> None:
        """Bring back one listed item (StoreError when an open session took its place)."""
        if item.kind == "session":
            self.undelete_session(item.id)
        else:
            self.undelete_set(item.id)
