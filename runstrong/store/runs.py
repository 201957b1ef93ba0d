"""The running week, dated runs and races (`run_week`, `runs`), and the reads the plan needs
from the strength history: which sessions were done, and what was done of each exercise."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import NamedTuple
from datetime import date

from runstrong.core.dates import check_in_range
from runstrong.core.models import Side
from runstrong.core.progression import PastSet
from runstrong.core.running import (
    EDITED_CALENDAR_SOURCE,
    Priority,
    Run,
    RunKind,
    RunningCalendar,
    RunningWeek,
    UsualDay,
    run_json,
)
from runstrong.store.connection import StoreBase, new_uid
from runstrong.store.problems import StoreError
from runstrong.store.schema import QUICK_PROGRAM_ID

_RUN_COLUMNS = "uid, date, kind, distance_km, name, priority, source"


class RunImportCount(NamedTuple):
    """What one `runs import` did, counted in runs: `added` (uid new to the file), `updated`
    (uid known, the calendar's values differ), `unchanged` (the same values, or deleted by the
    runner and left deleted) and `kept` (edited here by the runner where the calendar would have
    changed them: kept as edited)."""

    added: int = 0
    updated: int = 0
    unchanged: int = 0
    kept: int = 0


@dataclass
class RunMergeCount:
    """What merging a runstrong export's runs did: `added` (uid new here), `deleted` (deleted
    in the file, still here), `same` (already here, or deleted here), `kept` (here with other
    values: ours kept, since runs carry no change time), and `week`: "set" (none here before),
    "unchanged", "kept yours" (a different week here), or None (the file has none)."""

    added: int = 0
    deleted: int = 0
    same: int = 0
    kept: int = 0
    week: str | None = None


class DoneStrength(NamedTuple):
    """A strength session with at least one done set (quick-timer holds are not sessions),
    with what core.counting needs to tell whether it counts."""

    date: date
    program_id: str
    day_index: int
    session_id: int = 0
    finished: bool = True
    working_done: int = 0
    """Working sets done (warm-ups left out)."""
    working_planned: int = 0
    """Working sets planned, done or not."""


def _run_from_row(row: dict[str, object]) -> Run:
    return Run(
        date=date.fromisoformat(str(row["date"])),
        kind=RunKind(row["kind"]),
        distance_km=row["distance_km"],  # type: ignore[arg-type]
        name=str(row["name"]),
        priority=Priority(row["priority"]) if row["priority"] else None,
        uid=str(row["uid"]),
        source=str(row["source"]),
    )


def _run_row(run: Run) -> dict[str, object]:
    """The `runs` row of a run: its JSON form (core.running.run_json) holds exactly the columns.
    StoreError (nothing written) for a date outside core.dates' range."""
    try:
        check_in_range(run.date)
    except ValueError as err:
        raise StoreError(str(err)) from None
    return run_json(run)


class RunsStore(StoreBase):
    """Read and write the running week and dated runs; read strength history for the plan."""

    def running_week(self) -> RunningWeek:
        """The usual week (run_week): weekday 0=Mon..6=Sun -> kind and distance in km (None when
        not given); weekdays with no row have no run. Empty until the runner enters one."""
        rows = self._rows("SELECT weekday, kind, distance_km FROM run_week ORDER BY weekday")
        return RunningWeek({row["weekday"]: UsualDay(RunKind(row["kind"]), row["distance_km"]) for row in rows})

    def save_running_week(self, week: RunningWeek) -> None:
        """Replace the usual week (weekdays not in `week` have no run), in one transaction."""
        with self._transaction():
            self.conn.execute("DELETE FROM run_week")
            self.db["run_week"].insert_all(
                {"weekday": weekday, "kind": day.kind.value, "distance_km": day.distance_km}
                for weekday, day in sorted(week.days.items())
            )

    def runs(self) -> list[Run]:
        """Every dated run and race that is not deleted, by date."""
        rows = self._rows(f"SELECT {_RUN_COLUMNS} FROM runs WHERE deleted_at IS NULL ORDER BY date, id")
        return [_run_from_row(row) for row in rows]

    def running_calendar(self) -> RunningCalendar:
        """The usual week and every kept dated run and race (by date), read in one snapshot so
        another window's change cannot fall between the two; what the planner places sessions
        around. StoreError if the file cannot be read."""
        with self._snapshot():
            return RunningCalendar(self.running_week(), tuple(self.runs()))

    def add_run(self, run: Run) -> Run:
        """Store a new dated run or race; a random uid is given if it has none."""
        stored = run if run.uid else run._replace(uid=new_uid())
        with self._transaction():
            self.db["runs"].insert(_run_row(stored))
        return stored

    def update_run(self, run: Run) -> Run:
        """Overwrite the run with `run.uid`; KeyError if there is none."""
        with self._transaction():
            cursor = self.conn.execute(
                "UPDATE runs SET date = :date, kind = :kind, distance_km = :distance_km, name = :name, "
                "priority = :priority, source = :source WHERE uid = :uid",
                _run_row(run),
            )
            if cursor.rowcount == 0:
                raise KeyError(run.uid)
        return run

    def delete_run(self, uid: str) -> None:
        """Soft-delete: the row stays, so a re-import of the same calendar does not bring it back.
        KeyError if no run with `uid` is there (or it is deleted already)."""
        with self._transaction():
            cursor = self.conn.execute(
                "UPDATE runs SET deleted_at = ? WHERE uid = ? AND deleted_at IS NULL", [self.stamp(), uid]
            )
            if cursor.rowcount == 0:
                raise KeyError(uid)

    def import_runs(self, runs: Iterable[Run]) -> RunImportCount:
        """Add or update runs by uid in one transaction: the same file twice changes nothing.
        A run the runner deleted stays deleted, and one they changed here (source "ics-edited",
        core.running.mark_edited) keeps their change: counted as `kept`."""
        added = updated = unchanged = kept = 0
        with self._transaction():
            for run in runs:
                row = _run_row(run)
                existing = self._rows(f"SELECT {_RUN_COLUMNS}, deleted_at FROM runs WHERE uid = ?", [run.uid])
                if not existing:
                    self.db["runs"].insert(row)
                    added += 1
                    continue
                old = existing[0]
                if old["source"] == EDITED_CALENDAR_SOURCE:
                    kept += 1
                    continue
                if old["deleted_at"] or all(old[key] == value for key, value in row.items()):
                    unchanged += 1
                    continue
                self.update_run(run)
                updated += 1
        return RunImportCount(added, updated, unchanged, kept)

    def _merge_running(self, week: RunningWeek | None, runs: Iterable[Run], deleted: dict[str, str]) -> RunMergeCount:
        """Inside the caller's transaction: take a runstrong export's week and runs (see
        RunMergeCount for the rules; ours, as issue 10's merge rules for sessions)."""
        count = RunMergeCount()
        if week is not None and week.days:
            here = self.running_week()
            if not here.days:
                self.save_running_week(week)
                count.week = "set"
            else:
                count.week = "unchanged" if dict(here.days) == dict(week.days) else "kept yours"
        for run in runs:
            row = _run_row(run)
            existing = self._rows(f"SELECT {_RUN_COLUMNS}, deleted_at FROM runs WHERE uid = ?", [run.uid])
            if not existing:
                self.db["runs"].insert(row)
                count.added += 1
            elif existing[0]["deleted_at"] or all(existing[0][key] == value for key, value in row.items()):
                count.same += 1
            else:
                count.kept += 1
        for uid, deleted_at in deleted.items():
            cursor = self.conn.execute(
                "UPDATE runs SET deleted_at = ? WHERE uid = ? AND deleted_at IS NULL", [deleted_at, uid]
            )
            count.deleted += cursor.rowcount
        return count

    # -- strength history, as the plan reads it --------------------------------------------

    def done_strength_sessions(self, since: date) -> list[DoneStrength]:
        """Sessions since `since` (inclusive) with at least one done set, oldest first."""
        rows = self._rows(
            "SELECT s.id, s.date, s.program_id, s.day_index, s.finished_at, "
            "COUNT(sl.done_at) AS working_done, COUNT(*) AS working_planned "
            "FROM sessions s JOIN set_logs sl ON sl.session_id = s.id AND sl.deleted_at IS NULL "
            "AND sl.set_type != 'warmup' WHERE s.deleted_at IS NULL AND s.date >= ? AND s.program_id != ? "
            "GROUP BY s.id HAVING COUNT(sl.done_at) > 0 ORDER BY s.date, s.id",
            [since.isoformat(), QUICK_PROGRAM_ID],
        )
        return [
            DoneStrength(
                date.fromisoformat(r["date"]), r["program_id"], r["day_index"], r["id"],
                r["finished_at"] is not None, r["working_done"], r["working_planned"],
            )
            for r in rows
        ]

    def past_sets(
        self,
        exercise_ids: Sequence[str],
        since: date,
        *,
        before_session: int | None = None,
        leave_out: Sequence[int] = (),
    ) -> dict[str, list[tuple[date, list[PastSet]]]]:
        """For each exercise: its planned sets (done or not, warm-ups left out) in each session
        since `since` where at least one of them was done, oldest session first. With
        `before_session`, only sessions started before that one (by instant; it is the session
        being done, never its own history); sessions whose ids are in `leave_out` are skipped."""
        if not exercise_ids:
            return {}
        marks = ",".join("?" for _ in exercise_ids)
        where = ""
        params: list[object] = []
        if before_session is not None:
            where += (
                " AND (julianday(s.started_at), s.id) < "
                "(SELECT julianday(started_at), id FROM sessions WHERE id = ?)"
            )
            params.append(before_session)
        if leave_out:
            where += f" AND s.id NOT IN ({','.join('?' for _ in leave_out)})"
            params.extend(leave_out)
        # Tuples straight from the cursor, not dicts: Today reads this before its first paint.
        rows = self._tuples(
            "SELECT s.id, s.date, sl.exercise_id, sl.side, sl.done_at, sl.reps, sl.load_kg, "
            "sl.hold_s, sl.target_reps, sl.target_hold_s, sl.target_load_kg, sl.rest_s FROM set_logs sl "
            "JOIN sessions s ON s.id = sl.session_id WHERE s.deleted_at IS NULL AND sl.deleted_at IS NULL "
            # The unary + keeps SQLite off the per-exercise index (ten years of each exercise):
            # the recent sessions by date, then their sets, read far fewer rows.
            f"AND sl.set_type != 'warmup' AND s.program_id != ? AND s.date >= ? AND +sl.exercise_id IN ({marks})"
            f"{where} ORDER BY s.date, s.id, sl.position, sl.id",
            [QUICK_PROGRAM_ID, since.isoformat(), *exercise_ids, *params],
        )
        sides = {None: None, "": None, Side.LEFT.value: Side.LEFT, Side.RIGHT.value: Side.RIGHT}
        grouped: dict[str, dict[int, tuple[date, list[PastSet]]]] = {}
        for (session_id, day, exercise_id, side, done_at, reps, load_kg, hold_s,
             target_reps, target_hold_s, target_load_kg, rest_s) in rows:
            sessions = grouped.setdefault(exercise_id, {})
            entry = sessions.get(session_id)
            if entry is None:
                entry = sessions[session_id] = (date.fromisoformat(day), [])
            entry[1].append(
                PastSet(sides[side], done_at is not None, reps, load_kg, hold_s,
                        target_reps, target_hold_s, target_load_kg, rest_s)
            )
        found = {
            exercise_id: [entry for entry in sessions.values() if any(s.done for s in entry[1])]
            for exercise_id, sessions in grouped.items()
        }
        return {exercise_id: entries for exercise_id, entries in found.items() if entries}
