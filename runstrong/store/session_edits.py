"""A session that bends on the gym floor: sets and exercises added, dropped, swapped and
reordered, and a session started over on another day of the program, another date or empty.

Each change is one transaction, and each has an exact undo here (`undo_layout`,
`undo_restart`), so Today can show a change only once it is on disk and take it back with `u`.
Dropping is soft (deleted_at) like History's deletes; the undo of an addition removes the rows
it added, which were never done.
"""

from __future__ import annotations

from collections.abc import Sequence

from runstrong.core.models import Session, SetLog
from runstrong.core.plan import PlannedSet
from runstrong.store.connection import StoreError, new_uid
from runstrong.store.sessions import SessionStore


class SessionEditStore(SessionStore):
    """Changes to the shape of one session (which sets, in which order)."""

    def kept_set_ids(self, session_id: int) -> list[int]:
        """The ids of a session's kept sets in doing order."""
        rows = self._rows(
            "SELECT id FROM set_logs WHERE session_id = ? AND deleted_at IS NULL ORDER BY position, id",
            [session_id],
        )
        return [row["id"] for row in rows]

    def change_sets(
        self,
        session_id: int,
        *,
        drop: Sequence[int] = (),
        add: Sequence[PlannedSet] = (),
        at: int = 0,
        set_type: str = "normal",
        dropped_at: str | None = None,
    ) -> list[SetLog]:
        """In one transaction: soft-drop the sets `drop` (none of them done), then insert `add`
        so that the first new set has index `at` among the kept sets. Returns the new sets.

        StoreError (nothing changed) when a set to drop is done: a done set is History's to delete.
        """
        stamp = self.stamp()
        with self._transaction():
            if drop:
                marks = ",".join("?" * len(drop))
                if self._any_done(drop):
                    raise StoreError(f"{self.path}: a done set is not removed from Today; delete it in History")
                self.conn.execute(
                    f"UPDATE set_logs SET deleted_at = ?, updated_at = ? WHERE id IN ({marks})",
                    [dropped_at or stamp, stamp, *drop],
                )
            order = self.kept_set_ids(session_id)
            new_ids: list[int] = []
            for slot in add:
                cursor = self.conn.execute(
                    "INSERT INTO set_logs (session_id, position, exercise_id, exercise, set_no, side, "
                    "target_reps, target_hold_s, target_load_kg, rest_s, set_type, uid, updated_at) "
                    "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    [
                        session_id, 0, slot.exercise_id, slot.exercise, slot.set_no,
                        slot.side.value if slot.side else None, slot.target_reps, slot.target_hold_s,
                        slot.target_load_kg, slot.rest_s, set_type, new_uid(), stamp,
                    ],
                )
                new_ids.append(int(cursor.lastrowid or 0))
            at = max(0, min(at, len(order)))
            self._place(order[:at] + new_ids + order[at:])
        return [self.set_log(set_id) for set_id in new_ids]

    def order_sets(self, set_ids: Sequence[int]) -> None:
        """Give these sets positions 0, 1, 2, … in this order (a reorder on Today)."""
        with self._transaction():
            self._place(set_ids)

    def _place(self, set_ids: Sequence[int]) -> None:
        """Positions 0, 1, 2, … in this order, then set numbers that follow it (`_renumber`)."""
        self.conn.executemany(
            "UPDATE set_logs SET position = ? WHERE id = ?", [(position, set_id) for position, set_id in enumerate(set_ids)]
        )
        if set_ids:
            row = self.conn.execute("SELECT session_id FROM set_logs WHERE id = ?", [set_ids[0]]).fetchone()
            if row is not None:
                self._renumber(row[0])

    def _renumber(self, session_id: int) -> None:
        """Number each exercise's kept sets 1, 2, 3, … in doing order, warm-ups apart from work
        sets and both sides of a per-side set under one number: after set 3 of 4 is removed,
        the last is set 3, on Today and in History. A renumbered row counts as changed."""
        rows = self._tuples(
            "SELECT id, exercise_id, set_type = 'warmup', side, set_no FROM set_logs "
            "WHERE session_id = ? AND deleted_at IS NULL ORDER BY position, id",
            [session_id],
        )
        numbers: dict[tuple[str, bool], tuple[int, set[str | None]]] = {}
        changes: list[tuple[int, int]] = []
        for set_id, exercise_id, warmup, side, set_no in rows:
            number, sides = numbers.get((exercise_id, bool(warmup)), (0, set()))
            if number == 0 or side is None or side in sides:
                number, sides = number + 1, set()
            sides.add(side)
            numbers[(exercise_id, bool(warmup))] = (number, sides)
            if number != set_no:
                changes.append((number, set_id))
        if changes:
            stamp = self.stamp()
            self.conn.executemany(
                "UPDATE set_logs SET set_no = ?, updated_at = ? WHERE id = ?",
                [(number, stamp, set_id) for number, set_id in changes],
            )

    def undo_layout(self, order: Sequence[int], *, added: Sequence[int] = (), dropped: Sequence[int] = ()) -> None:
        """Take back a `change_sets` or `order_sets`: remove the sets it added (StoreError if one
        has been done since), bring back the ones it dropped, and restore the order `order`."""
        with self._transaction():
            if added:
                marks = ",".join("?" * len(added))
                if self._any_done(added):
                    raise StoreError(f"{self.path}: a set added then has been done since; untick it first")
                self.conn.execute(f"DELETE FROM set_logs WHERE id IN ({marks})", list(added))
            if dropped:
                marks = ",".join("?" * len(dropped))
                self.conn.execute(
                    f"UPDATE set_logs SET deleted_at = NULL, updated_at = ? WHERE id IN ({marks})",
                    [self.stamp(), *dropped],
                )
            self._place(order)

    # -- starting over ---------------------------------------------------------------------

    def restart_session(
        self,
        replacing: int | None,
        *,
        date: str,
        started_at: str,
        program_id: str,
        program: str,
        day: str,
        day_index: int,
        slots: Sequence[PlannedSet],
    ) -> Session:
        """Start a session (another day of the program, an earlier date, or an empty one) in
        place of `replacing`, an open session of the same date and program with nothing done,
        which is soft-deleted in the same transaction (StoreError if it has a done set)."""
        with self._transaction():
            if replacing is not None:
                if self._done_count(replacing):
                    raise StoreError(f"{self.path}: that session has sets done; finish it first")
                self._update_session(replacing, {"deleted_at": self.stamp()})
            return self.start_session(
                date=date,
                started_at=started_at,
                program_id=program_id,
                program=program,
                day=day,
                day_index=day_index,
                slots=slots,
            )

    def undo_restart(self, session_id: int, replaced: int | None) -> None:
        """Take back a `restart_session`: remove the session it started (StoreError if a set of
        it is done) and bring back the one it replaced."""
        with self._transaction():
            if self._done_count(session_id):
                raise StoreError(f"{self.path}: that session has sets done; untick them first")
            self.conn.execute("DELETE FROM set_logs WHERE session_id = ?", [session_id])
            self.conn.execute("DELETE FROM sessions WHERE id = ?", [session_id])
            if replaced is not None:
                self.conn.execute(
                    "UPDATE sessions SET deleted_at = NULL, updated_at = ? WHERE id = ?", [self.stamp(), replaced]
                )

    def _any_done(self, set_ids: Sequence[int]) -> bool:
        """Whether any of these sets is done (a layout change may only touch sets not done)."""
        marks = ",".join("?" * len(set_ids))
        return bool(self._tuples(f"SELECT 1 FROM set_logs WHERE id IN ({marks}) AND done_at IS NOT NULL LIMIT 1", list(set_ids)))

    def _done_count(self, session_id: int) -> int:
        return int(
            self._rows(
                "SELECT COUNT(*) AS n FROM set_logs WHERE session_id = ? AND done_at IS NOT NULL "
                "AND deleted_at IS NULL",
                [session_id],
            )[0]["n"]
        )
