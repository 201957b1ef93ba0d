"""Own exercises and own programs: the runner's additions to the packaged catalog.

Each row keeps the searchable columns (id, name, kind, …) beside `doc`, the rest of the entry as
JSON in the shape of `data/exercises.toml` / `data/programs.toml`, so a routine file, the
database and the export all hold one shape.
"""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path
from typing import Any

from runstrong.core.catalog import OWN, Catalog, CatalogError, load_catalog, parse_exercise, parse_program
from runstrong.core.models import Exercise, Program
from runstrong.core.routine_file import Routine, exercise_table, program_table
from runstrong.store.connection import StoreError
from runstrong.store.history import HistoryStore

_EXERCISE_COLUMNS = ("id", "name", "kind", "per_side", "category")
_PROGRAM_COLUMNS = ("id", "name")


class CatalogTablesStore(HistoryStore):
    """Read and write the `exercises` and `programs` tables."""

    def __init__(self, conn: sqlite3.Connection, path: Path, *, read_only: str | None = None) -> None:
        super().__init__(conn, path, read_only=read_only)
        self._catalog_changes = 0
        """Counts changes to own exercises and programs made through this store."""
        self._own_catalog: tuple[int, Catalog] | None = None
        """The merged catalog and the count of changes it was built after."""

    def own_exercise_docs(self, *, archived: bool = False) -> list[dict[str, Any]]:
        """Own exercises as routine-file tables (id, name, kind, per_side, category, then the
        rest of the entry), by name; archived ones only when asked."""
        rows = self._rows(
            "SELECT id, name, kind, per_side, category, doc, archived_at FROM exercises "
            + ("" if archived else "WHERE archived_at IS NULL ")
            + "ORDER BY name"
        )
        return [
            {
                "id": row["id"],
                "name": row["name"],
                "kind": row["kind"],
                "per_side": bool(row["per_side"]),
                "category": row["category"],
                **json.loads(row["doc"]),
                **({"archived": True} if row["archived_at"] else {}),
            }
            for row in rows
        ]

    def own_program_docs(self, *, archived: bool = False) -> list[dict[str, Any]]:
        """Own programs as routine-file tables (id, name, then the rest of the entry), by name."""
        rows = self._rows(
            "SELECT id, name, doc, archived_at FROM programs "
            + ("" if archived else "WHERE archived_at IS NULL ")
            + "ORDER BY name"
        )
        return [
            {"id": row["id"], "name": row["name"], **json.loads(row["doc"]), **({"archived": True} if row["archived_at"] else {})}
            for row in rows
        ]

    # -- as models -------------------------------------------------------------------------

    @classmethod
    def read_catalog(cls, path: Path) -> Catalog:
        """The merged catalog of the database at `path` for a listing that only reads: nothing is
        created, migrated, locked or left beside it (`open_read_only`). No file gives the packaged
        catalog; a file that is not a runstrong database (an empty one included), or is from a
        newer runstrong, is StoreError."""
        if not path.exists():
            return load_catalog()
        store = cls.open_read_only(path)
        try:
            return store.catalog()
        finally:
            store.close()

    def own_exercises(self) -> list[Exercise]:
        """Every own exercise (archived ones flagged), checked by the same validator as a file."""
        exercises = []
        for table in self.own_exercise_docs(archived=True):
            archived = table.pop("archived", False)
            exercise = self._checked(lambda t=table: parse_exercise(t, (), OWN, "exercise"), table)
            exercises.append(exercise._replace(archived=archived))
        return exercises

    def own_programs(self, exercises: dict[str, Exercise]) -> list[Program]:
        """Every own program (archived ones flagged), its items checked against `exercises`."""
        programs = []
        for table in self.own_program_docs(archived=True):
            archived = table.pop("archived", False)
            program = self._checked(lambda t=table: parse_program(t, (), exercises, OWN, "program"), table)
            programs.append(program._replace(archived=archived))
        return programs

    def catalog(self) -> Catalog:
        """The packaged catalog (read once per process) plus this file's own exercises and
        programs; rebuilt only after one of them changed through this store."""
        cached = self._own_catalog
        if cached is not None and cached[0] == self._catalog_changes:
            return cached[1]
        packaged = load_catalog()
        exercises = self.own_exercises()
        pool = packaged.exercises | {exercise.id: exercise for exercise in exercises}
        merged = packaged.with_own(exercises, self.own_programs(pool))
        self._own_catalog = (self._catalog_changes, merged)
        return merged

    # -- writing ---------------------------------------------------------------------------

    def _catalog_changed(self) -> None:
        self._catalog_changes += 1

    def save_exercise(self, exercise: Exercise) -> Exercise:
        """Insert or update (by id) one own exercise; the one path that creates own exercises.

        The caller checks it first (core.catalog / core.routine_file); the table's UNIQUE name
        (ignoring case) is the backstop and comes out as StoreError. Archiving is kept as it was.
        """
        with self._transaction():
            self._write_exercise(exercise)
        self._catalog_changed()
        return exercise

    def save_program(self, program: Program) -> Program:
        """Insert or update (by id) one own program; StoreError if the database refuses it."""
        with self._transaction():
            self._write_program(program)
        self._catalog_changed()
        return program

    def save_routine(self, routine: Routine) -> None:
        """Write a checked routine file's exercises and programs in one transaction: all or none."""
        with self._transaction():
            for exercise in routine.exercises:
                self._write_exercise(exercise)
            for program in routine.programs:
                self._write_program(program)
        self._catalog_changed()

    def archive_exercise(self, exercise_id: str, archived: bool = True) -> None:
        """Hide an own exercise from pickers (or bring it back); its logged sets stay as they are."""
        self._archive("exercises", exercise_id, archived)

    def archive_program(self, program_id: str, archived: bool = True) -> None:
        """Hide an own program from the picker (or bring it back); its sessions stay in History."""
        self._archive("programs", program_id, archived)

    def _archive(self, table: str, row_id: str, archived: bool) -> None:
        stamp = self.stamp()
        with self._transaction():
            changed = self.conn.execute(
                f"UPDATE {table} SET archived_at = ?, updated_at = ? WHERE id = ?",
                [stamp if archived else None, stamp, row_id],
            ).rowcount
            if changed != 1:
                raise KeyError(row_id)
        self._catalog_changed()

    def _write_exercise(self, exercise: Exercise, *, updated_at: str | None = None, archived: bool | None = None) -> None:
        """Upsert by id; `updated_at` defaults to now; `archived` None keeps the archive state."""
        table = exercise_table(exercise)
        row = {key: table.pop(key) for key in _EXERCISE_COLUMNS}
        row = {**row, "per_side": int(row["per_side"]), "doc": json.dumps(table, ensure_ascii=False)}
        self._upsert("exercises", row, updated_at, archived)

    def _write_program(self, program: Program, *, updated_at: str | None = None, archived: bool | None = None) -> None:
        """Upsert by id, as `_write_exercise`."""
        table = program_table(program)
        row = {key: table.pop(key) for key in _PROGRAM_COLUMNS}
        self._upsert("programs", {**row, "doc": json.dumps(table, ensure_ascii=False)}, updated_at, archived)

    def _upsert(self, table: str, row: dict[str, Any], updated_at: str | None = None, archived: bool | None = None) -> None:
        row["updated_at"] = updated_at or self.stamp()
        columns = ", ".join(row)
        updates = ", ".join(f"{column} = excluded.{column}" for column in row if column != "id")
        self.conn.execute(
            f"INSERT INTO {table} ({columns}) VALUES ({', '.join('?' for _ in row)}) "
            f"ON CONFLICT(id) DO UPDATE SET {updates}",
            list(row.values()),
        )
        if archived is not None:
            # Archived since the change that archived it; an archived row stays archived as of then.
            self.conn.execute(
                f"UPDATE {table} SET archived_at = CASE WHEN ? THEN COALESCE(archived_at, ?) END WHERE id = ?",
                [int(archived), row["updated_at"], row["id"]],
            )

    def _checked(self, build: Any, table: dict[str, Any]) -> Any:
        try:
            return build()
        except CatalogError as error:
            raise StoreError(f"{self.path}: own entry {table.get('id')!r} cannot be read ({error})") from None
