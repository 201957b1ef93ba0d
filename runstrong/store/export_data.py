"""The whole database as the documented JSON export (version 2): own exercises and programs,
kept sessions and their done sets, the running week and dated runs and races. Settings stay
out (they belong to one machine). export.py turns it into JSON or CSV text."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from runstrong.core.catalog_json import exercise_json, program_json
from runstrong.core.running import run_json, week_json
from runstrong.store.catalog_tables import CatalogTablesStore
from runstrong.store.runs import RunsStore
from runstrong.store.sessions import _SESSION_COLUMNS

EXPORT_VERSION = 2

# The order of a set's keys in the export; version 1 had the first ten.
_EXPORT_SET_KEYS = (
    "uid", "exercise", "exercise_id", "set", "side", "set_type", "target_reps", "reps", "load_kg",
    "target_hold_s", "hold_s", "rpe", "note", "done_at", "updated_at",
)


class ExportStore(CatalogTablesStore, RunsStore):
    """Reads everything an export carries, in one consistent snapshot."""

    def export_json(self, exported_at: datetime) -> dict[str, Any]:
        """All kept sessions (oldest first) with their done sets, plus own exercises and programs,
        in the shape README documents (`"version": 2`). Loads are kg; times ISO 8601 instants.

        For merging (issue 10) v2 also carries, additively: `source` and `updated_at` per session,
        `updated_at` per set, `updated_at` per own exercise and program, `deleted`: [{uid,
        deleted_at}] for deleted sessions, sets and runs, `run_week` (core.running.week_json) and
        `runs`: the dated runs and races not deleted, by date (core.running.run_json).
        Settings are not exported."""
        with self._snapshot():  # one consistent read: a tick from another window lands before or after
            # As `exercises --json` and `programs show --json` print them, archived ones too:
            # their sets are in the export, so what they were must be as well.
            catalog = self.catalog()
            # When each was last changed, so a merge on another machine keeps the newer version.
            changed = {
                (table, row["id"]): row["updated_at"]
                for table in ("exercises", "programs")
                for row in self._rows(f"SELECT id, updated_at FROM {table}")
            }
            exercises = [
                {**exercise_json(ex), "updated_at": changed.get(("exercises", ex.id))}
                for ex in catalog.exercises.values() if ex.own
            ]
            programs = [
                {**program_json(program), "updated_at": changed.get(("programs", program.id))}
                for program in catalog.programs if program.own
            ]
            week = week_json(self.running_week())
            runs = [run_json(run) for run in self.runs()]
            sessions = self._rows(
                f"SELECT {_SESSION_COLUMNS}, updated_at, source FROM sessions WHERE deleted_at IS NULL "
                "ORDER BY date, julianday(started_at), id"
            )
            # What was deleted here travels too, so a merge on another machine can apply it.
            deleted = self._rows(
                "SELECT uid, deleted_at FROM ("
                "SELECT uid, deleted_at FROM sessions WHERE deleted_at IS NOT NULL AND uid IS NOT NULL "
                "UNION ALL SELECT uid, deleted_at FROM set_logs WHERE deleted_at IS NOT NULL AND uid IS NOT NULL "
                "UNION ALL SELECT uid, deleted_at FROM runs WHERE deleted_at IS NOT NULL"
                ") ORDER BY julianday(deleted_at), uid"  # instants, not text with offsets
            )
            sets_by_session: dict[int, list[dict[str, Any]]] = {}
            for row in self._rows(
                "SELECT session_id, uid, exercise, exercise_id, set_no, side, set_type, target_reps, reps, "
                "load_kg, target_hold_s, hold_s, rpe, note, done_at, updated_at FROM set_logs "
                "WHERE done_at IS NOT NULL AND deleted_at IS NULL ORDER BY session_id, position, id"
            ):
                session_id = row.pop("session_id")
                row["set"] = row.pop("set_no")
                sets_by_session.setdefault(session_id, []).append({key: row[key] for key in _EXPORT_SET_KEYS})
        return {
            "format": "runstrong-export",
            "version": EXPORT_VERSION,
            "exported_at": exported_at.isoformat(timespec="seconds"),
            "exercises": exercises,
            "programs": programs,
            "sessions": [
                {
                    "id": s["id"],
                    "uid": s["uid"],
                    "date": s["date"],
                    "started_at": s["started_at"],
                    "finished_at": s["finished_at"],
                    "program": s["program"],
                    "day": s["day"],
                    "notes": s["notes"],
                    "source": s["source"],
                    "updated_at": s["updated_at"],
                    "sets": sets_by_session.get(s["id"], []),
                }
                for s in sessions
            ],
            "deleted": deleted,
            "run_week": week,
            "runs": runs,
        }


