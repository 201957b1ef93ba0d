"""Fixing the past: a set recorded as skipped in an earlier session is logged after all."""

from __future__ import annotations

from runstrong.core.models import SetLog
from runstrong.store.records import RecordsStore


class LateLogStore(RecordsStore):
    """Logs a skipped set later, from History's session detail."""

    def log_skipped_set(self, set_id: int, *, reps: int | None, load_kg: float | None, hold_s: int | None) -> SetLog:
        """Mark a not-done set done with these values, in one transaction; `restore_set` undoes it.

        Its done_at is the session's last tick (else its finish, else its start): the set
        belongs to that session, and the session's duration (first to last tick) is unchanged.
        """
        rows = self._rows(
            "SELECT COALESCE("
            " (SELECT done_at FROM set_logs WHERE session_id = s.id AND done_at IS NOT NULL"
            "  AND deleted_at IS NULL ORDER BY julianday(done_at) DESC LIMIT 1),"
            " s.finished_at, s.started_at) AS at "
            "FROM set_logs sl JOIN sessions s ON s.id = sl.session_id WHERE sl.id = ?",
            [set_id],
        )
        if not rows:
            raise KeyError(set_id)
        return self._write_set(set_id, {"reps": reps, "load_kg": load_kg, "hold_s": hold_s, "done_at": rows[0]["at"]})
