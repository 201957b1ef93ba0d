"""The SQLite store: the only code that speaks SQL (sqlite3 for reads, sqlite-utils for writes).

One room per concern, stacked floor on floor so each sees only what lies below it:
`connection` (opening, checks, migrations, transactions) → `sessions` (sessions and sets) →
`history` (History's lists, Progress's reads, soft deletes) → `catalog_tables` (own exercises
and programs) → `export_data` (the JSON export) → `imports`; beside those, `records` (what a new
set is measured against) → `late_log` (a skipped set logged later) → `deleted` (the recently
deleted list), `runs` (the running week, runs and races, and the plan's reads of strength
history), `session_edits` (a session that bends: sets added, dropped, swapped, reordered, a
session started over) and `last_time` (what was done the last time each exercise was done).
`Store` is the top floor.
"""

from __future__ import annotations

from runstrong.store.connection import StoreError, default_db_path, new_uid, resolve_db_path
from runstrong.store.deleted import Deleted, DeletedStore
from runstrong.store.export_data import EXPORT_VERSION
from runstrong.store.history import HistoryFilter, SessionSummary
from runstrong.store.imports import ImportOutcome, ImportStore, OwnExerciseRequest
from runstrong.store.last_time import LastTimeStore
from runstrong.store.runs import DoneStrength, RunImportCount, RunsStore
from runstrong.store.schema import QUICK_PROGRAM_ID, SCHEMA_VERSION
from runstrong.store.session_edits import SessionEditStore
from runstrong.store.settings import SettingsStore


class Store(ImportStore, DeletedStore, SessionEditStore, LastTimeStore, SettingsStore, RunsStore):
    """A runstrong database file, open for reading and writing; see the modules for each part."""


__all__ = [
    "EXPORT_VERSION",
    "Deleted",
    "QUICK_PROGRAM_ID",
    "SCHEMA_VERSION",
    "DoneStrength",
    "HistoryFilter",
    "ImportOutcome",
    "OwnExerciseRequest",
    "RunImportCount",
    "SessionSummary",
    "Store",
    "StoreError",
    "default_db_path",
    "new_uid",
    "resolve_db_path",
]
