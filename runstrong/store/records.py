"""What a new set is measured against: an exercise's working sets from other sessions."""

from __future__ import annotations

import sqlite3

from runstrong.core.models import DoneSet, Side
from runstrong.store.connection import _describe
from runstrong.store.history import HistoryStore


class RecordsStore(HistoryStore):
    """Reads behind the "new record" toast and the end-of-session summary."""

    def working_sets_elsewhere(self, exercise_id: str, session_id: int) -> list[DoneSet]:
        """Every kept, done, non-warm-up set of `exercise_id` outside session `session_id`,
        oldest first. Warm-up sets never set or break a record."""
        sql = (
            "SELECT done_at, side, reps, load_kg, hold_s FROM set_logs "
            "WHERE exercise_id = ? AND done_at IS NOT NULL AND deleted_at IS NULL "
            "AND set_type != 'warmup' AND session_id != ? "
            "AND session_id NOT IN (SELECT id FROM sessions WHERE deleted_at IS NOT NULL) "
            "ORDER BY julianday(done_at), id"
        )
        try:
            rows = self.conn.execute(sql, [exercise_id, session_id]).fetchall()
        except sqlite3.Error as error:
            raise _describe(self.path, error) from None
        return [DoneSet(done_at, Side(side) if side else None, reps, load, hold) for done_at, side, reps, load, hold in rows]
