"""What a new set is measured against: the best working sets of an exercise in other sessions."""

from __future__ import annotations

import sqlite3

from runstrong.core.models import DoneSet
from runstrong.core.e1rm import EPLEY_MAX_REPS
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
        `session_id`: its most reps, heaviest load and longest hold, each as a set of its own
        that carries only that value, and for each rep count from 1 to EPLEY_MAX_REPS the
        heaviest load lifted for it (a real set: the best e1RM is among those; core.progress
        computes it). Kept, done, non-warm-up sets only: warm-ups never set a record.

        The bests stay apart on purpose: the most reps and the heaviest load were rarely one
        set, and an e1RM of the two together would be one nobody lifted (review 1.1).

        Ten years of one exercise are thousands of sets; these are at most thirteen, summed by
        SQLite in one grouped pass (and one seek for the date) along the set_logs_exercise
        index, so a tick does not wait for
        Progress-sized reads.
        The sets carry one shared done_at, the earliest of those sets as an instant: only
        their values matter to a record.
        """
        params = {"exercise_id": exercise_id, "session_id": session_id}
        try:
            # One pass: the heaviest load and longest hold for each rep count (NULL for holds).
            rows = self.conn.execute(
                f"SELECT reps, MAX(load_kg), MAX(hold_s) {_OTHER_WORKING_SETS} GROUP BY reps", params
            ).fetchall()
            # Instants ordered as instants, not as ISO text whose offsets differ.
            first = self.conn.execute(
                f"SELECT done_at {_OTHER_WORKING_SETS} ORDER BY julianday(done_at) LIMIT 1", params
            ).fetchone()
        except sqlite3.Error as error:
            raise _describe(self.path, error) from None
        if not rows or first is None:
            return []
        done_at = first[0]
        most_reps = max((reps for reps, _, _ in rows if reps is not None), default=None)
        heaviest = max((load for _, load, _ in rows if load is not None), default=None)
        longest = max((hold for _, _, hold in rows if hold is not None), default=None)
        # A set with reps and no load, or a load and no reps, gives no e1RM (core.e1rm.epley_1rm).
        bests = [
            DoneSet(done_at, None, most_reps, None, None),
            DoneSet(done_at, None, None, heaviest, None),
            DoneSet(done_at, None, None, None, longest),
        ]
        per_reps = [(reps, load) for reps, load, _ in rows if reps is not None and 1 <= reps <= EPLEY_MAX_REPS and load]
        return [s for s in bests if (s.reps, s.load_kg, s.hold_s) != (None, None, None)] + [
            DoneSet(done_at, None, count, load, None) for count, load in per_reps
        ]
