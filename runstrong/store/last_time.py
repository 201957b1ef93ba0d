"""Last time, beside every exercise: one indexed query for all of a day's exercises."""

from __future__ import annotations

from collections.abc import Sequence

from runstrong.core.last_time import LastSet
from runstrong.core.models import SET_TYPE_WARMUP
from runstrong.store.connection import StoreBase


class LastTimeStore(StoreBase):
    """Reads what was done the last time each exercise was done."""

    def last_time(
        self, exercise_ids: Sequence[str], *, besides: int | None = None, before: str | None = None
    ) -> dict[str, list[LastSet]]:
        """For each exercise id, the done work sets (warm-ups left out) of the newest kept
        session it was done in, other than session `besides` (the one on screen), in doing
        order; with `before` (an ISO 8601 instant: the shown session's start), only what was
        done before then, so a session logged for last Sunday shows what came before Sunday.
        Exercises never done are absent.

        One statement: per exercise, one backwards step along set_logs_exercise
        (exercise_id, julianday(done_at)) finds the newest session, then set_logs_session
        reads its sets; a year of history is never scanned.
        """
        wanted = list(dict.fromkeys(exercise_ids))
        if not wanted:
            return {}
        values = ",".join("(?)" for _ in wanted)
        # A bound of its own (not "? IS NULL OR ..."), so the index walk starts at `before`.
        earlier = "AND julianday(sl.done_at) < julianday(?)" if before else ""
        rows = self._rows(
            f"""
            WITH wanted(exercise_id) AS (VALUES {values}),
            newest AS MATERIALIZED (
                SELECT wanted.exercise_id, (
                    SELECT sl.session_id FROM set_logs sl
                    WHERE sl.exercise_id = wanted.exercise_id AND julianday(sl.done_at) IS NOT NULL
                    AND sl.deleted_at IS NULL AND sl.set_type != ? AND sl.session_id != ?
                    {earlier}
                    AND NOT EXISTS (SELECT 1 FROM sessions d WHERE d.id = sl.session_id AND d.deleted_at IS NOT NULL)
                    ORDER BY julianday(sl.done_at) DESC LIMIT 1
                ) AS session_id
                FROM wanted
            )
            SELECT newest.exercise_id, s.date, sl.side, sl.reps, sl.load_kg, sl.hold_s
            FROM newest
            JOIN sessions s ON s.id = newest.session_id
            -- Unary + keeps SQLite on set_logs_session: one session's sets, not the exercise's year.
            JOIN set_logs sl ON sl.session_id = newest.session_id AND +sl.exercise_id = newest.exercise_id
            WHERE sl.done_at IS NOT NULL AND sl.deleted_at IS NULL AND sl.set_type != ?
            ORDER BY newest.exercise_id, sl.position, sl.id
            """,
            [*wanted, SET_TYPE_WARMUP, -1 if besides is None else besides, *([before] if before else []), SET_TYPE_WARMUP],
        )
        found: dict[str, list[LastSet]] = {}
        for row in rows:
            found.setdefault(row["exercise_id"], []).append(
                LastSet(row["date"], row["side"], row["reps"], row["load_kg"], row["hold_s"])
            )
        return found
