"""Sessions and their sets: starting, ticking, editing, finishing and quick-timer holds."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any

from runstrong.core.models import Session, SetLog, Side
from runstrong.core.plan import PlannedSet
from runstrong.store.connection import StoreBase, StoreError, new_uid
from runstrong.store.schema import QUICK_PROGRAM_ID

_SET_COLUMNS = (
    "id, session_id, position, exercise_id, exercise, set_no, side, target_reps, reps, "
    "load_kg, target_hold_s, hold_s, done_at, uid, set_type, rpe, note, target_load_kg, rest_s"
)
_SESSION_COLUMNS = "id, date, started_at, finished_at, program, program_id, day, day_index, notes, uid"


class KEEP:
    """Sentinel for an optional argument left out: keep what is stored."""


def _set_from_row(row: dict[str, Any]) -> SetLog:
    side = row["side"]
    return SetLog(
        id=row["id"],
        session_id=row["session_id"],
        position=row["position"],
        exercise_id=row["exercise_id"],
        exercise=row["exercise"],
        set_no=row["set_no"],
        side=Side(side) if side else None,
        target_reps=row["target_reps"],
        reps=row["reps"],
        load_kg=row["load_kg"],
        target_hold_s=row["target_hold_s"],
        hold_s=row["hold_s"],
        done_at=row["done_at"],
        uid=row["uid"],
        set_type=row["set_type"],
        rpe=row["rpe"],
        note=row["note"],
        target_load_kg=row["target_load_kg"],
        rest_s=row["rest_s"],
    )


def _session_from_row(row: dict[str, Any], sets: Sequence[SetLog] = ()) -> Session:
    return Session(
        id=row["id"],
        date=row["date"],
        started_at=row["started_at"],
        finished_at=row["finished_at"],
        program=row["program"],
        program_id=row["program_id"],
        day=row["day"],
        day_index=row["day_index"],
        notes=row["notes"],
        sets=tuple(sets),
        uid=row["uid"],
    )



class SessionStore(StoreBase):
    """Sessions and sets as Today and the hold timer write them."""

    # -- sessions --------------------------------------------------------------------------

    def session(self, session_id: int) -> Session:
        rows = self._rows(f"SELECT {_SESSION_COLUMNS} FROM sessions WHERE id = ?", [session_id])
        if not rows:
            raise KeyError(session_id)
        return _session_from_row(rows[0], self.session_sets(session_id))

    def session_sets(self, session_id: int) -> list[SetLog]:
        rows = self._rows(
            f"SELECT {_SET_COLUMNS} FROM set_logs WHERE session_id = ? AND deleted_at IS NULL "
            "ORDER BY position, id",
            [session_id],
        )
        return [_set_from_row(row) for row in rows]

    def open_session(self, date: str, program_id: str) -> Session | None:
        """Today's unfinished session of `program_id`, to resume it."""
        rows = self._rows(
            f"SELECT {_SESSION_COLUMNS} FROM sessions WHERE date = ? AND program_id = ? "
            "AND finished_at IS NULL AND deleted_at IS NULL "
            # One with ticks wins over a newer empty one (left behind by undoing a finish).
            "ORDER BY EXISTS (SELECT 1 FROM set_logs WHERE session_id = sessions.id "
            "AND done_at IS NOT NULL AND deleted_at IS NULL) DESC, id DESC LIMIT 1",
            [date, program_id],
        )
        return _session_from_row(rows[0], self.session_sets(rows[0]["id"])) if rows else None

    def last_session(self, program_id: str, *, besides: int | None = None) -> Session | None:
        """The newest kept session of a program (decides which day of the rotation is next),
        leaving out session `besides` (one about to be replaced)."""
        rows = self._rows(
            f"SELECT {_SESSION_COLUMNS} FROM sessions WHERE program_id = ? AND deleted_at IS NULL "
            # By the instant it started (an imported session can carry a lower id or another offset).
            "AND id != ? ORDER BY julianday(started_at) DESC, id DESC LIMIT 1",
            [program_id, -1 if besides is None else besides],
        )
        return _session_from_row(rows[0]) if rows else None

    def start_session(
        self,
        *,
        date: str,
        started_at: str,
        program_id: str,
        program: str,
        day: str,
        day_index: int,
        slots: Iterable[PlannedSet],
    ) -> Session:
        """Store a session and all its planned sets (none done yet) in one transaction.

        Only one session per day and program may be open (a unique index): when another window
        has started one already, that session is returned instead (adopted), not a second one.
        The caller compares its sets with what it planned.
        """
        stamp = self.stamp()
        with self._transaction():
            # Inside the write lock, so no other window can start one between look and insert.
            started = self._open_session_id(date, program_id)
            if started is not None:
                session_id = started
            else:
                session_id = self._insert_session(
                    date=date, started_at=started_at, program_id=program_id, program=program,
                    day=day, day_index=day_index, slots=slots, stamp=stamp,
                )
        return self.session(session_id)

    def _open_session_id(self, date: str, program_id: str) -> int | None:
        if program_id == QUICK_PROGRAM_ID:
            return None
        rows = self._rows(
            "SELECT id FROM sessions WHERE date = ? AND program_id = ? AND finished_at IS NULL "
            "AND deleted_at IS NULL",
            [date, program_id],
        )
        return rows[0]["id"] if rows else None

    def _insert_session(
        self,
        *,
        date: str,
        started_at: str,
        program_id: str,
        program: str,
        day: str,
        day_index: int,
        slots: Iterable[PlannedSet],
        stamp: str,
    ) -> int:
        with self._transaction():
            session_id = self.db["sessions"].insert(
                {
                    "date": date,
                    "started_at": started_at,
                    "program_id": program_id,
                    "program": program,
                    "day": day,
                    "day_index": day_index,
                    "notes": "",
                    "uid": new_uid(),
                    "updated_at": stamp,
                }
            ).last_pk
            self.db["set_logs"].insert_all(
                {
                    "session_id": session_id,
                    "position": position,
                    "exercise_id": slot.exercise_id,
                    "exercise": slot.exercise,
                    "set_no": slot.set_no,
                    "side": slot.side.value if slot.side else None,
                    "target_reps": slot.target_reps,
                    "target_hold_s": slot.target_hold_s,
                    "target_load_kg": slot.target_load_kg,
                    "rest_s": slot.rest_s,
                    "uid": new_uid(),
                    "updated_at": stamp,
                }
                for position, slot in enumerate(slots)
            )
        return int(session_id)

    def finish_session(self, session_id: int, finished_at: str | None) -> Session:
        """Mark a session finished (or, with None, open again: the undo of finishing).

        Only one session per day and program may be open (a unique index). Reopening one whose
        place was taken by a newer, still empty session drops that empty one; if the newer one
        has ticks, StoreError says so and nothing changes.
        """
        with self._transaction():
            if finished_at is None:
                self._make_room_to_reopen(session_id)
            self._update_session(session_id, {"finished_at": finished_at})
        return self.session(session_id)

    def _make_room_to_reopen(self, session_id: int) -> None:
        rivals = self._rows(
            "SELECT other.id, EXISTS (SELECT 1 FROM set_logs sl WHERE sl.session_id = other.id "
            "AND sl.done_at IS NOT NULL AND sl.deleted_at IS NULL) AS has_ticks "
            "FROM sessions me JOIN sessions other ON other.date = me.date "
            "AND other.program_id = me.program_id AND other.id != me.id "
            "WHERE me.id = ? AND other.finished_at IS NULL AND other.deleted_at IS NULL",
            [session_id],
        )
        for rival in rivals:
            if rival["has_ticks"]:
                raise StoreError(
                    f"{self.path}: another session of this program is open today with sets done; "
                    "finish or delete it first"
                )
            self._update_session(rival["id"], {"deleted_at": self.stamp()})

    def _update_session(self, session_id: int, values: dict[str, Any]) -> None:
        """One UPDATE of a session that also stamps `updated_at`; KeyError if there is none."""
        values = {**values, "updated_at": self.stamp()}
        assignments = ", ".join(f"{column} = ?" for column in values)
        with self._transaction():
            if self.conn.execute(
                f"UPDATE sessions SET {assignments} WHERE id = ?", [*values.values(), session_id]
            ).rowcount != 1:
                raise KeyError(session_id)

    # -- sets ------------------------------------------------------------------------------

    def set_log(self, set_id: int) -> SetLog:
        rows = self._rows(f"SELECT {_SET_COLUMNS} FROM set_logs WHERE id = ?", [set_id])
        if not rows:
            raise KeyError(set_id)
        return _set_from_row(rows[0])

    def _write_set(self, set_id: int, values: dict[str, Any]) -> SetLog:
        # A plain UPDATE: sqlite-utils' update() reads the schema twice per call, a third of
        # the time of a tick.
        values = {**values, "updated_at": self.stamp()}
        assignments = ", ".join(f"{column} = ?" for column in values)
        with self._transaction():
            updated = self.conn.execute(f"UPDATE set_logs SET {assignments} WHERE id = ?", [*values.values(), set_id])
            if updated.rowcount != 1:
                raise KeyError(set_id)
        return self.set_log(set_id)

    def tick_set(
        self,
        set_id: int,
        done_at: str,
        *,
        hold_s: int | None = None,
        reps: int | None = None,
        load_kg: float | None = None,
    ) -> SetLog:
        """Mark a set done; unedited reps, load and hold take the target (a hold may pass what
        was held).

        `reps` and `load_kg`, when given, are what the set starts from (the set before it in the
        session, or the planned load): they fill only what the set has not had edited.
        """
        current = self.set_log(set_id)
        values: dict[str, Any] = {"done_at": done_at}
        if current.reps is None and (reps is not None or current.target_reps is not None):
            values["reps"] = reps if reps is not None else current.target_reps
        if current.load_kg is None and (load_kg is not None or current.target_load_kg is not None):
            values["load_kg"] = load_kg if load_kg is not None else current.target_load_kg
        if hold_s is not None:
            values["hold_s"] = hold_s
        elif current.hold_s is None and current.target_hold_s is not None:
            values["hold_s"] = current.target_hold_s
        return self._write_set(set_id, values)

    def untick_set(self, set_id: int) -> SetLog:
        return self._write_set(set_id, {"done_at": None})

    def mark_set(
        self, set_id: int, done_at: str | None, *, reps: int | None = None, load_kg: float | None = None
    ) -> SetLog:
        """Tick (`done_at` given) or untick (None) a set, unless it is so already because
        another window got there first: then it is returned as stored, unchanged, and a key
        press made on a screen that had not caught up yet does not undo the other window.
        `reps` and `load_kg` are what a tick starts from (see `tick_set`)."""
        with self._transaction():
            current = self.set_log(set_id)
            if current.done == (done_at is not None):
                return current
            if done_at is None:
                return self.untick_set(set_id)
            return self.tick_set(set_id, done_at, reps=reps, load_kg=load_kg)

    def edit_set(
        self,
        set_id: int,
        *,
        reps: int | None,
        load_kg: float | None,
        hold_s: int | None,
        rpe: float | None | type[KEEP] = KEEP,
        note: str | type[KEEP] = KEEP,
    ) -> SetLog:
        """Replace a set's reps, load (kg) and hold (s); RPE (1–10) and note only when given."""
        values: dict[str, Any] = {"reps": reps, "load_kg": load_kg, "hold_s": hold_s}
        if rpe is not KEEP:
            values["rpe"] = rpe
        if note is not KEEP:
            values["note"] = note
        return self._write_set(set_id, values)

    def restore_set(self, previous: SetLog) -> SetLog:
        """Put a set back exactly as it was (the undo of a tick, untick or edit)."""
        return self._write_set(
            previous.id,
            {
                "reps": previous.reps,
                "load_kg": previous.load_kg,
                "hold_s": previous.hold_s,
                "done_at": previous.done_at,
                "rpe": previous.rpe,
                "note": previous.note,
            },
        )

    def log_quick_holds(
        self,
        *,
        date: str,
        started_at: str,
        exercise_id: str,
        exercise: str,
        holds: Sequence[tuple[int, Side | None, int, int, str]],
        session_id: int | None = None,
    ) -> int:
        """Log holds from the quick timer as a "Quick timer" session; returns the session id.

        `holds` are (set_no, side, target_s, held_s, done_at). Pass `session_id` to add to the
        session the first hold created, so one timer run is one session. The session counts as
        finished at its latest hold: a quick timer run has nothing left to do once a hold is in.
        """
        stamp = self.stamp()
        with self._transaction():
            if session_id is None:
                session_id = self.db["sessions"].insert(
                    {
                        "date": date,
                        "started_at": started_at,
                        "program_id": QUICK_PROGRAM_ID,
                        "program": "Quick timer",
                        "day": exercise,
                        "day_index": 0,
                        "notes": "",
                        "uid": new_uid(),
                        "updated_at": stamp,
                    }
                ).last_pk
            start = self._rows("SELECT COUNT(*) AS n FROM set_logs WHERE session_id = ?", [session_id])[0]["n"]
            self.db["set_logs"].insert_all(
                {
                    "session_id": session_id,
                    "position": start + offset,
                    "exercise_id": exercise_id,
                    "exercise": exercise,
                    "set_no": set_no,
                    "side": side.value if side else None,
                    "target_hold_s": target_s,
                    "hold_s": held_s,
                    "done_at": done_at,
                    "uid": new_uid(),
                    "updated_at": stamp,
                }
                for offset, (set_no, side, target_s, held_s, done_at) in enumerate(holds)
            )
            self.conn.execute(
                "UPDATE sessions SET finished_at = (SELECT done_at FROM set_logs WHERE session_id = :id "
                "AND done_at IS NOT NULL ORDER BY julianday(done_at) DESC LIMIT 1), updated_at = :stamp "
                "WHERE id = :id",
                {"id": session_id, "stamp": stamp},
            )
        return session_id

