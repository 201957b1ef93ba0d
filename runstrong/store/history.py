"""History's queries and changes: paged session lists with totals, per-exercise sets for
Progress, weekly counts, and soft deletes with their undo."""

from __future__ import annotations

import sqlite3
from datetime import date
from typing import Any, NamedTuple

from runstrong.core.counting import MIN_DONE_SHARE, MIN_WORKING_SETS
from runstrong.core.models import DoneSet, Session, SetLog, Side
from runstrong.store.connection import _describe
from runstrong.store.sessions import SessionStore
from runstrong.store.schema import QUICK_PROGRAM_ID


class HistoryFilter(NamedTuple):
    """What History narrows the list to; None means no limit on that side."""

    exercise_id: str | None = None
    """Only sessions with at least one kept done set of this exercise."""
    date_from: str | None = None
    """ISO date, inclusive."""
    date_to: str | None = None
    """ISO date, inclusive."""


class SessionSummary(NamedTuple):
    """One History row: a session and its totals over kept sets (summed by SQLite).

    Sets, reps, hold time (s) and volume (kg) leave warm-up sets out, as the finish summary does;
    the duration includes them (README "What counts")."""

    id: int
    date: str
    program: str
    program_id: str
    day: str
    finished_at: str | None
    sets_planned: int
    sets_done: int
    total_reps: int
    total_hold_s: int
    volume_kg: float
    """Σ load × reps over done work sets that have both (warm-ups never count)."""
    duration_s: int | None
    """Seconds from the first to the last done set; None when nothing was done. For an imported
    session (no time per set) start to end, None when the file gave no believable end."""


def _history_where(where: HistoryFilter) -> tuple[str, dict[str, Any]]:
    sql = "s.deleted_at IS NULL"
    params: dict[str, Any] = {}
    if where.date_from:
        sql += " AND s.date >= :date_from"
        params["date_from"] = where.date_from
    if where.date_to:
        sql += " AND s.date <= :date_to"
        params["date_to"] = where.date_to
    if where.exercise_id:
        sql += (
            " AND s.id IN (SELECT session_id FROM set_logs WHERE exercise_id = :exercise_id"
            " AND done_at IS NOT NULL AND deleted_at IS NULL)"
        )
        params["exercise_id"] = where.exercise_id
    return sql, params


class HistoryStore(SessionStore):
    """What History, session detail and Progress read and change."""

    # -- history ---------------------------------------------------------------------------
    # Queries and changes behind History, session detail and Progress. Lists come a page at a
    # time (keyset on the sessions_date index) with totals summed in SQL, so ten years of sets
    # never pass through Python at once. Deleting is soft (deleted_at) so every delete has an undo.

    def history_page(
        self, where: HistoryFilter | None = None, *, after: SessionSummary | None = None, limit: int = 50
    ) -> list[SessionSummary]:
        """Up to `limit` kept sessions newest first, each with its totals; `after` is the last row
        of the previous page."""
        sql, params = _history_where(where or HistoryFilter())
        if after is not None:
            sql += " AND (s.date, s.id) < (:after_date, :after_id)"
            params.update(after_date=after.date, after_id=after.id)
        params["limit"] = limit
        rows = self._rows(
            f"""
            WITH page AS (
                SELECT s.id, s.date, s.program, s.program_id, s.day, s.finished_at,
                    -- Imported sessions have no time per set: their length is start to end (or unknown).
                    s.source != 'runstrong' AS imported,
                    CAST(ROUND((julianday(s.finished_at) - julianday(s.started_at)) * 86400) AS INTEGER) AS span_s
                FROM sessions s WHERE {sql}
                ORDER BY s.date DESC, s.id DESC LIMIT :limit
            )
            SELECT page.id, page.date, page.program, page.program_id, page.day, page.finished_at,
                -- Warm-up sets count in none of these totals (core.progress.session_totals is
                -- the same rule; README "What counts"), only in the duration: time spent.
                COUNT(CASE WHEN sl.set_type != 'warmup' THEN sl.id END) AS sets_planned,
                COUNT(CASE WHEN sl.set_type != 'warmup' THEN sl.done_at END) AS sets_done,
                COALESCE(SUM(CASE WHEN sl.done_at IS NOT NULL AND sl.set_type != 'warmup'
                    THEN sl.reps END), 0) AS total_reps,
                COALESCE(SUM(CASE WHEN sl.done_at IS NOT NULL AND sl.set_type != 'warmup'
                    THEN sl.hold_s END), 0) AS total_hold_s,
                COALESCE(SUM(CASE WHEN sl.done_at IS NOT NULL AND sl.set_type != 'warmup'
                    THEN sl.load_kg * sl.reps END), 0.0) AS volume_kg,
                CASE WHEN page.imported THEN page.span_s
                    ELSE CAST(ROUND((MAX(julianday(sl.done_at)) - MIN(julianday(sl.done_at))) * 86400) AS INTEGER)
                END AS duration_s
            FROM page LEFT JOIN set_logs sl ON sl.session_id = page.id AND sl.deleted_at IS NULL
            GROUP BY page.id
            ORDER BY page.date DESC, page.id DESC
            """,
            params,
        )
        return [SessionSummary(**row) for row in rows]

    def history_count(self, where: HistoryFilter | None = None) -> int:
        """How many kept sessions match (for "50 of 1,560 shown")."""
        sql, params = _history_where(where or HistoryFilter())
        return int(self._rows(f"SELECT COUNT(*) AS n FROM sessions s WHERE {sql}", params)[0]["n"])

    def exercise_sets(self, exercise_id: str) -> list[DoneSet]:
        """Every kept, done set of one exercise, oldest first (one range of set_logs_exercise).
        Warm-up sets are left out: they never count towards records (issue 10)."""
        # Progress opens on this, so it is lean: the five columns Progress reads, as tuples
        # straight from the cursor, and deleted sessions looked up once as a list rather than
        # joined row by row.
        sql = (
            "SELECT done_at, side, reps, load_kg, hold_s FROM set_logs "
            "WHERE exercise_id = ? AND done_at IS NOT NULL AND deleted_at IS NULL AND set_type != 'warmup' "
            "AND session_id NOT IN (SELECT id FROM sessions WHERE deleted_at IS NOT NULL) "
            "ORDER BY julianday(done_at), id"
        )
        try:
            rows = self.conn.execute(sql, [exercise_id]).fetchall()
        except sqlite3.Error as error:
            raise _describe(self.path, error) from None
        sides = {None: None, Side.LEFT.value: Side.LEFT, Side.RIGHT.value: Side.RIGHT}
        return [DoneSet(done_at, sides[side], reps, load, hold) for done_at, side, reps, load, hold in rows]

    def logged_exercises(self) -> list[tuple[str, str]]:
        """(exercise_id, name) of every exercise with at least one kept done set, by name."""
        # Hop from one distinct exercise_id to the next along the index instead of grouping
        # every row: a few dozen index probes rather than a scan of ten years of sets.
        rows = self._rows(
            """
            WITH RECURSIVE ids(exercise_id) AS (
                SELECT MIN(exercise_id) FROM set_logs
                UNION ALL
                SELECT (SELECT MIN(exercise_id) FROM set_logs WHERE exercise_id > ids.exercise_id)
                FROM ids WHERE ids.exercise_id IS NOT NULL
            )
            SELECT ids.exercise_id,
                (SELECT sl.exercise FROM set_logs sl WHERE sl.exercise_id = ids.exercise_id
                 ORDER BY julianday(sl.done_at) DESC LIMIT 1) AS exercise
            FROM ids
            WHERE ids.exercise_id IS NOT NULL AND EXISTS (
                SELECT 1 FROM set_logs sl JOIN sessions s ON s.id = sl.session_id
                WHERE sl.exercise_id = ids.exercise_id AND sl.done_at IS NOT NULL
                AND sl.deleted_at IS NULL AND s.deleted_at IS NULL
            )
            """
        )
        return sorted(((row["exercise_id"], row["exercise"]) for row in rows), key=lambda pair: pair[1].lower())

    def weekly_session_counts(self) -> dict[date, int]:
        """Sessions per week (keyed by its Monday) that count towards the weekly target.

        The rule is core.counting's (ours): kept program sessions with at least
        MIN_WORKING_SETS kept working sets done and at least half of their planned working
        sets done; warm-up sets count for neither. A quick-timer hold is practice, not a
        strength session, so it does not count.
        """
        rows = self._rows(
            """
            SELECT date(s.date, '-' || ((CAST(strftime('%w', s.date) AS INTEGER) + 6) % 7) || ' days')
                    AS monday,
                COUNT(*) AS sessions
            FROM (
                -- Per session along the set_logs_session index, before any join.
                SELECT session_id FROM set_logs
                WHERE deleted_at IS NULL AND set_type != 'warmup'
                GROUP BY session_id
                HAVING COUNT(done_at) >= :min_sets AND COUNT(done_at) >= :share * COUNT(*)
            ) counted JOIN sessions s ON s.id = counted.session_id
            WHERE s.deleted_at IS NULL AND s.program_id != :quick
            GROUP BY monday
            """,
            {"quick": QUICK_PROGRAM_ID, "min_sets": MIN_WORKING_SETS, "share": MIN_DONE_SHARE},
        )
        return {date.fromisoformat(row["monday"]): row["sessions"] for row in rows}

    def delete_set(self, set_id: int, deleted_at: str) -> None:
        """Hide a set everywhere; `undelete_set` brings it back unchanged."""
        self._mark_deleted("set_logs", set_id, deleted_at)

    def undelete_set(self, set_id: int) -> SetLog:
        """Bring a deleted set back as it was; the set as stored. KeyError if there is no such
        set, StoreError if the database refuses the write."""
        self._mark_deleted("set_logs", set_id, None)
        return self.set_log(set_id)

    def delete_session(self, session_id: int, deleted_at: str) -> None:
        """Hide a session and its sets everywhere; `undelete_session` brings it back unchanged."""
        self._mark_deleted("sessions", session_id, deleted_at)

    def undelete_session(self, session_id: int) -> Session:
        """Bring a deleted session back; an open one takes its place back from a newer empty one
        (StoreError if that one has ticks: only one session a day per program is open)."""
        with self._transaction():
            if self.session(session_id).finished_at is None:
                self._make_room_to_reopen(session_id)
            self._mark_deleted("sessions", session_id, None)
        return self.session(session_id)

    def is_session_deleted(self, session_id: int) -> bool:
        """True when session `session_id` is soft-deleted (another window may have done it);
        KeyError if there is no such session."""
        rows = self._rows("SELECT deleted_at FROM sessions WHERE id = ?", [session_id])
        if not rows:
            raise KeyError(session_id)
        return rows[0]["deleted_at"] is not None

    def _mark_deleted(self, table: str, row_id: int, deleted_at: str | None) -> None:
        with self._transaction():
            if self.conn.execute(
                f"UPDATE {table} SET deleted_at = ?, updated_at = ? WHERE id = ?", [deleted_at, self.stamp(), row_id]
            ).rowcount != 1:
                raise KeyError(row_id)

    def set_notes(self, session_id: int, notes: str) -> Session:
        """Replace a session's notes."""
        self._update_session(session_id, {"notes": notes})
        return self.session(session_id)

