"""Write an ImportBatch: one transaction, idempotent by uid, and a merge for runstrong exports.

Rules (issue 10): a session or set whose uid is already here is not added again. For runstrong's
own export (which carries `updated_at`) the newer side wins: a newer edit replaces the values
here, a newer deletion deletes here, and a known row edited here later is left alone. An open
session that would clash with one already open here for the same day and program is closed at
its last set (the same rule the v3 migration applies to duplicates).
"""

from __future__ import annotations

import os
import sqlite3
import tempfile
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any, NamedTuple, TypeVar

from runstrong.core.catalog import OWN, CatalogError, free_id, is_own_id, load_catalog, parse_exercise, parse_program
from runstrong.core.routine_file import (
    check_name_free,
    check_programs_still_fit,
    exercise_table_from_json,
    program_table_from_json,
)
from runstrong.store.connection import StoreError, copy_read_only
from runstrong.store.problems import sqlite_problem
from runstrong.store.export_data import ExportStore
from runstrong.store.runs import RunMergeCount
from runstrong.store.schema import QUICK_PROGRAM_ID

if TYPE_CHECKING:  # records are only named here; importing the importers costs Today's start-up
    from runstrong.importers.records import ImportBatch, ImportedSession, ImportedSet

T = TypeVar("T")


class OwnExerciseRequest(NamedTuple):
    """An own exercise an import needs: `name` as the file spells it; `id` the preferred id (a
    runstrong export's), else one is made from the name."""

    name: str
    kind: str
    per_side: bool
    id: str | None = None


@dataclass
class ImportOutcome:
    """What an import did (or, rehearsed, would do)."""

    sessions_added: int = 0
    sets_added: int = 0
    duplicates: int = 0
    sessions_updated: int = 0
    sets_updated: int = 0
    deleted: int = 0
    exercises_created: dict[str, str] = field(default_factory=dict)
    """Own exercises this import made: name -> id."""
    own_ids: dict[str, str] = field(default_factory=dict)
    """Every own exercise the import used (made now or already here): name -> id."""
    exercises_updated: int = 0
    programs_added: int = 0
    programs_updated: int = 0
    not_taken: list[str] = field(default_factory=list)
    """Own exercises or programs of the file left out, each with why (a name taken here, ...)."""
    running: RunMergeCount | None = None
    """What a runstrong export's running week and runs did here (None for other formats)."""


def _instant(text: str | None) -> datetime | None:
    if not text:
        return None
    try:
        return datetime.fromisoformat(text)
    except ValueError:
        return None


def _start_key(started_at: str, day: str) -> tuple[datetime | str, str]:
    """A session's start as an instant (text if unreadable) with its day name, case ignored."""
    return (_instant(started_at) or started_at, day.lower())


def _newer(incoming: str | None, here: str | None) -> bool:
    """True when `incoming` is a later instant than `here` (compared as instants, not text)."""
    a, b = _instant(incoming), _instant(here)
    return a is not None and (b is None or a > b)


class ImportStore(ExportStore):
    """Imports and merges, plus the small own-exercise creator other features may reuse."""

    def ensure_own_exercise(self, name: str, kind: str, per_side: bool, *, exercise_id: str | None = None,
                            category: str | None = None) -> str:
        """The id of the own exercise called `name` (case ignored), creating it if there is none.

        kind: reps | hold | carry | plyometric. A new one takes `exercise_id` when that is free,
        else an id made from the name; its category is `category` or guessed from the name.
        """
        rows = self._rows("SELECT id FROM exercises WHERE name = ? COLLATE NOCASE", [name])
        if rows:
            return str(rows[0]["id"])
        taken = set(load_catalog().exercises) | {r["id"] for r in self._rows("SELECT id FROM exercises")}
        usable = exercise_id is not None and is_own_id(exercise_id) and exercise_id not in taken
        new_id = exercise_id if usable else free_id(name, taken, "exercise")
        # Through the same validator and writer as every own exercise (catalog_tables).
        from runstrong.importers.aliases import guess_category  # only an import needs it

        table = {"id": new_id, "name": name, "kind": kind, "per_side": per_side, "category": category or guess_category(name)}
        self.save_exercise(self._checked(lambda: parse_exercise(table, (), OWN, "exercise"), table))
        return new_id

    def import_batch(self, batch: ImportBatch, own: list[OwnExerciseRequest] | None = None) -> ImportOutcome:
        """Write `batch` in one transaction (all or nothing; StoreError if the database refuses).

        Sets whose `exercise_id` is None get the id of the own exercise named like them, created
        from `own` as needed. Returns the counts the import report shows.
        """
        outcome = ImportOutcome()
        try:
            self._import_in_transaction(batch, own or [], outcome)
        finally:
            # Also after a rollback: a catalog read inside the transaction may hold what was undone.
            self._catalog_changed()
        return outcome

    def _import_in_transaction(self, batch: ImportBatch, own: list[OwnExerciseRequest], outcome: ImportOutcome) -> None:
        with self._transaction():
            if batch.format == "runstrong":
                # Own exercises and programs first, so the sets below find them by name.
                _OwnCatalogWriter(self, outcome).run(batch)
            names: dict[str, str] = {}
            for request in own:
                before = self._rows("SELECT 1 FROM exercises WHERE name = ? COLLATE NOCASE", [request.name])
                names[request.name] = self.ensure_own_exercise(
                    request.name, request.kind, request.per_side, exercise_id=request.id
                )
                if not before:
                    outcome.exercises_created[request.name] = names[request.name]
            outcome.own_ids = dict(names)
            _Writer(self, batch, names, outcome).run()
            if batch.format == "runstrong":
                outcome.running = self._merge_running(batch.run_week, batch.runs, batch.deleted)

    @classmethod
    def rehearse(cls, path: Path, work: Callable[[ImportStore], T]) -> T:
        """Run `work` on a private copy of the database at `path` (or on a new empty one), so a
        dry run reports exactly what an import would do while the file stays byte-identical."""
        path = Path(path)
        cls.check(path)
        with tempfile.TemporaryDirectory(prefix="runstrong-dry-run-") as folder:
            copy = Path(folder) / "rehearsal.db"
            if path.exists():
                # The one read-only open every command that only reads uses: no -wal/-shm left.
                target = sqlite3.connect(copy)
                try:
                    copy_read_only(path, target)
                except sqlite3.Error as error:
                    raise sqlite_problem(path, error) from None
                finally:
                    target.close()
            os.chmod(folder, 0o700)
            store = cls.open(copy)
            try:
                return work(store)
            except StoreError as error:
                raise StoreError(str(error).replace(str(copy), str(path))) from None
            finally:
                store.close()


class _OwnCatalogWriter:
    """A runstrong export's own exercises and programs, inside import_batch's transaction: made
    when their id is new here, replaced when the file's `updated_at` is newer than ours, checked
    again (the routine validator, core.catalog) against what is here. One whose name is taken
    here by another entry is left out and said; a program's items then use the entry here."""

    def __init__(self, store: ImportStore, outcome: ImportOutcome) -> None:
        self.store = store
        self.outcome = outcome
        self.packaged = load_catalog()

    def run(self, batch: ImportBatch) -> None:
        store = self.store
        changed = {(t, r["id"]): r["updated_at"] for t in ("exercises", "programs")
                   for r in store._rows(f"SELECT id, updated_at FROM {t}")}
        catalog = store.catalog()
        renamed: dict[str, str] = {}
        file_programs = {str(entry.get("id")) for entry in batch.own_programs}
        for entry in batch.own_exercises:
            exercise = store._checked(lambda e=entry: parse_exercise(exercise_table_from_json(e), (), OWN, "exercise"), entry)
            holder = next((ex.id for ex in catalog.exercises.values()
                           if ex.id != exercise.id and ex.name.casefold() == exercise.name.strip().casefold()), None)
            if exercise.id in self.packaged.exercises or holder is not None:
                renamed[exercise.id] = holder or exercise.id
                self.outcome.not_taken.append(f"exercise {exercise.name!r}: the name or id is taken here; its sets use the one here")
                continue
            if not self._newer(entry, changed.get(("exercises", exercise.id)), ("exercises", exercise.id) in changed):
                continue
            try:
                check_programs_still_fit(exercise, catalog, file_programs)
            except CatalogError as error:
                self.outcome.not_taken.append(str(error))
                continue
            store._write_exercise(exercise, updated_at=entry.get("updated_at"), archived=bool(entry.get("archived")))
            if ("exercises", exercise.id) in changed:
                self.outcome.exercises_updated += 1
            else:
                self.outcome.exercises_created[exercise.name] = exercise.id
        store._catalog_changed()
        catalog = store.catalog()
        for entry in batch.own_programs:
            table = program_table_from_json(entry)
            for day in table.get("day", []):
                for item in day.get("items", []):
                    item["exercise"] = renamed.get(item.get("exercise"), item.get("exercise"))
            key = ("programs", str(entry.get("id")))
            try:
                program = parse_program(table, (), catalog.exercises, OWN, "program")
                if any(p.id == program.id and not p.own for p in catalog.programs):
                    raise CatalogError(f"program {program.id!r} is a packaged program's id", ())
                check_name_free("program", program.id, program.name, catalog.programs)
            except CatalogError as error:
                self.outcome.not_taken.append(str(error))
                continue
            if not self._newer(entry, changed.get(key), key in changed):
                continue
            store._write_program(program, updated_at=entry.get("updated_at"), archived=bool(entry.get("archived")))
            if key in changed:
                self.outcome.programs_updated += 1
            else:
                self.outcome.programs_added += 1

    @staticmethod
    def _newer(entry: dict[str, Any], here: str | None, known: bool) -> bool:
        """New here, or the file's version is the later change (as instants)."""
        return not known or _newer(entry.get("updated_at"), here)


class _Writer:
    """One import's inserts and updates, inside ImportStore.import_batch's transaction."""

    def __init__(self, store: ImportStore, batch: ImportBatch, own_ids: dict[str, str], outcome: ImportOutcome) -> None:
        self.store = store
        self.batch = batch
        self.own_ids = own_ids
        self.outcome = outcome
        self.merge = batch.format == "runstrong"
        self.stamp = store.stamp()
        self.sessions = {
            r["uid"]: r for r in store._rows("SELECT id, uid, updated_at, deleted_at FROM sessions WHERE uid IS NOT NULL")
        }
        self.sets = {
            r["uid"]: r for r in store._rows("SELECT id, uid, updated_at, deleted_at FROM set_logs WHERE uid IS NOT NULL")
        }
        # The same workout under another uid (a v1 export's derived uids, then the v2 export of
        # the same database) is recognised by its start instant and day name, and not added twice.
        self.starts = {
            _start_key(r["started_at"], r["day"])
            for r in store._rows("SELECT started_at, day FROM sessions WHERE deleted_at IS NULL")
        }
        self.programs = _program_ids(store)
        self.open_now = {
            (r["date"], r["program_id"])
            for r in store._rows(
                "SELECT date, program_id FROM sessions WHERE finished_at IS NULL AND deleted_at IS NULL "
                f"AND program_id != '{QUICK_PROGRAM_ID}'"
            )
        }
        self.new_sets: list[dict[str, Any]] = []

    def run(self) -> None:
        for session in self.batch.sessions:
            known = self.sessions.get(session.uid)
            if known is None and _start_key(session.started_at, session.day or session.name) in self.starts:
                self.outcome.duplicates += 1
            elif known is None:
                self._add_session(session)
            else:
                self.outcome.duplicates += 1
                self._merge_session(known, session)
        if self.new_sets:
            # Plain executemany: sqlite-utils' insert_all costs ~1.5 s more on ten years of sets.
            columns = list(self.new_sets[0])
            self.store.conn.executemany(
                f"INSERT INTO set_logs ({', '.join(columns)}) VALUES ({', '.join('?' * len(columns))})",
                [tuple(row.values()) for row in self.new_sets],
            )
        if self.merge:
            self._apply_deletions()

    def _exercise_id(self, logged: ImportedSet) -> str:
        if logged.exercise_name in self.own_ids:
            return self.own_ids[logged.exercise_name]
        assert logged.exercise_id is not None, f"no exercise id for {logged.exercise_name!r}"
        return logged.exercise_id

    def _set_row(self, logged: ImportedSet, session_id: int, position: int) -> dict[str, Any]:
        return {
            "session_id": session_id,
            "position": position,
            "exercise_id": self._exercise_id(logged),
            "exercise": logged.exercise_name,
            "set_no": logged.set_no,
            "side": logged.side,
            "target_reps": logged.target_reps,
            "reps": logged.reps,
            "load_kg": logged.load_kg,
            "target_hold_s": logged.target_hold_s,
            "hold_s": logged.hold_s,
            "done_at": logged.done_at,
            "uid": logged.uid,
            "set_type": logged.set_type,
            "rpe": logged.rpe,
            "note": logged.note,
            "updated_at": logged.updated_at or self.stamp,
        }

    def _add_session(self, session: ImportedSession) -> None:
        program_id, day_index = self.programs(session)
        finished_at = session.finished_at
        if finished_at is None and program_id != QUICK_PROGRAM_ID:
            if (session.date, program_id) in self.open_now:
                # One open session per day and program: close this one at its last set.
                finished_at = max((s.done_at for s in session.sets), key=_instant, default=session.started_at)
            else:
                self.open_now.add((session.date, program_id))
        row = {
            "date": session.date,
            "started_at": session.started_at,
            "finished_at": finished_at,
            "program_id": program_id,
            "program": session.program or session.source,
            "day": session.day or session.name,
            "day_index": day_index,
            "notes": session.notes,
            "uid": session.uid,
            "updated_at": session.updated_at or self.stamp,
            "source": session.source,
        }
        session_id = self.store.conn.execute(
            f"INSERT INTO sessions ({', '.join(row)}) VALUES ({', '.join('?' * len(row))})", tuple(row.values())
        ).lastrowid
        self.sessions[session.uid] = {"id": session_id, "uid": session.uid, "updated_at": session.updated_at, "deleted_at": None}
        self.outcome.sessions_added += 1
        for position, logged in enumerate(session.sets):
            if logged.uid in self.sets:
                continue  # a set moved between sessions on the other side: keep ours
            self.new_sets.append(self._set_row(logged, session_id, position))
            self.sets[logged.uid] = {"id": None, "updated_at": logged.updated_at, "deleted_at": None}
            self.outcome.sets_added += 1

    def _merge_session(self, known: dict[str, Any], session: ImportedSession) -> None:
        store = self.store
        if self.merge and _newer(session.updated_at, known["updated_at"]):
            store.conn.execute(
                "UPDATE sessions SET started_at = ?, finished_at = ?, notes = ?, date = ?, updated_at = ?, "
                "deleted_at = NULL WHERE id = ?",
                [session.started_at, session.finished_at, session.notes, session.date, session.updated_at, known["id"]],
            )
            self.outcome.sessions_updated += 1
        position = None
        for logged in session.sets:
            here = self.sets.get(logged.uid)
            if here is None:
                if position is None:
                    row = store.conn.execute(
                        "SELECT COALESCE(MAX(position), -1) FROM set_logs WHERE session_id = ?", [known["id"]]
                    ).fetchone()
                    position = int(row[0])
                position += 1
                self.new_sets.append(self._set_row(logged, known["id"], position))
                self.sets[logged.uid] = {"id": None, "updated_at": logged.updated_at, "deleted_at": None}
                self.outcome.sets_added += 1
            elif self.merge and here["id"] is not None and _newer(logged.updated_at, here["updated_at"]):
                values = self._set_row(logged, known["id"], 0)
                for key in ("session_id", "position", "uid"):
                    values.pop(key)
                values["deleted_at"] = None
                assignments = ", ".join(f"{key} = ?" for key in values)
                store.conn.execute(f"UPDATE set_logs SET {assignments} WHERE id = ?", [*values.values(), here["id"]])
                self.outcome.sets_updated += 1

    def _apply_deletions(self) -> None:
        for uid, deleted_at in self.batch.deleted.items():
            for table, known in (("sessions", self.sessions.get(uid)), ("set_logs", self.sets.get(uid))):
                if known is None or known.get("id") is None or known.get("deleted_at"):
                    continue
                if _newer(deleted_at, known["updated_at"]):
                    self.store.conn.execute(
                        f"UPDATE {table} SET deleted_at = ?, updated_at = ? WHERE id = ?", [deleted_at, deleted_at, known["id"]]
                    )
                    self.outcome.deleted += 1


def _program_ids(store: ImportStore) -> Callable[[ImportedSession], tuple[str, int]]:
    """(program_id, day_index) for an imported session: a runstrong export's program found here by
    name (packaged or own), the quick timer's, else `import:<source>` at day 0."""
    by_name: dict[str, tuple[str, list[str]]] = {}
    for program in load_catalog().programs:
        by_name[program.name.lower()] = (program.id, [day.name for day in program.days])
    for row in store._rows("SELECT id, name FROM programs"):
        by_name.setdefault(str(row["name"]).lower(), (row["id"], []))

    def choose(session: ImportedSession) -> tuple[str, int]:
        if session.source == "runstrong":
            if session.program == "Quick timer":
                return QUICK_PROGRAM_ID, 0
            found = by_name.get(session.program.lower())
            if found is not None:
                days = found[1]
                return found[0], days.index(session.day) if session.day in days else 0
        return f"import:{session.source}", 0

    return choose
