"""What a new set is measured against: the best working sets of an exercise in other sessions."""

from __future__ import annotations

import sqlite3

from runstrong.core.models import DoneSet
from runstrong.core.progress import EPLEY_MAX_REPS
from runstrong.store.connection import _describe
from runstrong.store.history import HistoryStore

_OTHER_WORKING_SETS = (
    "FROM set_logs WHERE exercise_id = :exercise_id AND done_at IS NOT NULL AND deleted_at IS NULL "
    "AND set_type != 'warmup' AND session_id != :session_id "
    "AND session_id NOT IN (SELECT id FROM sessions WHERE deleted_at IS NOT NULL)"
)


class RecordsStore(HistoryStore):
    """Reads behind the "new record" toast and the end-of-session summary."""

    def best_sets_elsewhere(self, exercise_id: str, session_id: int) -> list[DoneSet]:
        """Few sets that hold every standing record of `exercise_id` outside session
        `session_id`: its heaviest load, most reps and longest hold, and for each rep count
        from 1 to EPLEY_MAX_REPS the heaviest load (the best e1RM is among those; core.progress
        computes it). Kept, done, non-warm-up sets only: warm-ups never set a record.

        Ten years of one exercise are thousands of sets; these are at most eleven, summed by
        SQLite in one pass along the set_logs_exercise index, so a tick does not wait for
        Progress-sized reads.
        The sets carry one shared done_at: only their values matter to a record.
        """
        params = {"exercise_id": exercise_id, "session_id": session_id}
        try:
            # One pass: the heaviest load and longest hold for each rep count (NULL for holds).
            rows = self.conn.execute(
                f"SELECT reps, MAX(load_kg), MAX(hold_s), MIN(done_at) {_OTHER_WORKING_SETS} GROUP BY reps", params
            ).fetchall()
        except sqlite3.Error as error:
            raise _describe(self.path, error) from None
        if not rows:
            return []
        done_at = min(row[3] for row in rows)
        best = [
            DoneSet(
                done_at,
                None,
                max((reps for reps, *_ in rows if reps is not None), default=None),
                max((load for _, load, *_ in rows if load is not None), default=None),
                max((hold for _, _, hold, _ in rows if hold is not None), default=None),
            )
        ]
        per_reps = [(reps, load) for reps, load, _, _ in rows if reps is not None and 1 <= reps <= EPLEY_MAX_REPS and load]
        return best + [DoneSet(done_at, None, count, heaviest, None) for count, heaviest in per_reps]
