"""The SQLite store: the only module that speaks SQL (through sqlite-utils).

Every write is committed before the method returns, so a screen that shows what a method returned
shows only what is already on disk. Opening a file validates it read-only first, so a corrupt,
truncated, locked or newer-version file is reported and left byte-for-byte untouched.
"""

from __future__ import annotations

import os
import sqlite3
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager, suppress
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from sqlite_utils import Database

from runstrong.core.models import DoneSet, Session, SetLog, Side
from runstrong.core.plan import PlannedSet

# The UI validates against these limits; the schema's CHECK constraints repeat them as a backstop.
from runstrong.core.set_input import MAX_HOLD_S, MAX_LOAD_KG, MAX_REPS

SCHEMA_VERSION = 2
BUSY_TIMEOUT_MS = 3000
SQLITE_MAGIC = b"SQLite format 3\x00"
QUICK_PROGRAM_ID = "quick"


_SCHEMA_V1 = f"""
CREATE TABLE sessions (
    id INTEGER PRIMARY KEY,
    date TEXT NOT NULL CHECK (date GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
    started_at TEXT NOT NULL,
    finished_at TEXT,
    program_id TEXT NOT NULL,
    program TEXT NOT NULL,
    day TEXT NOT NULL,
    day_index INTEGER NOT NULL CHECK (day_index >= 0),
    notes TEXT NOT NULL DEFAULT ''
);
CREATE TABLE set_logs (
    id INTEGER PRIMARY KEY,
    session_id INTEGER NOT NULL REFERENCES sessions(id) ON DELETE CASCADE,
    position INTEGER NOT NULL,
    exercise_id TEXT NOT NULL,
    exercise TEXT NOT NULL,
    set_no INTEGER NOT NULL CHECK (set_no >= 1),
    side TEXT CHECK (side IS NULL OR side IN ('left', 'right')),
    target_reps INTEGER CHECK (target_reps IS NULL OR target_reps BETWEEN 1 AND {MAX_REPS}),
    reps INTEGER CHECK (reps IS NULL OR reps BETWEEN 0 AND {MAX_REPS}),
    load_kg REAL CHECK (load_kg IS NULL OR load_kg BETWEEN 0 AND {MAX_LOAD_KG}),
    target_hold_s INTEGER CHECK (target_hold_s IS NULL OR target_hold_s BETWEEN 1 AND {MAX_HOLD_S}),
    hold_s INTEGER CHECK (hold_s IS NULL OR hold_s BETWEEN 1 AND {MAX_HOLD_S}),
    done_at TEXT
);
CREATE INDEX set_logs_session ON set_logs(session_id, position);
CREATE TABLE settings (key TEXT PRIMARY KEY, value TEXT NOT NULL);
"""

# v2: soft deletion (so History can undo a delete) and indexes for ten years of history.
_SCHEMA_V2 = """
ALTER TABLE sessions ADD COLUMN deleted_at TEXT;
ALTER TABLE set_logs ADD COLUMN deleted_at TEXT;
CREATE INDEX sessions_date ON sessions(date, id);
CREATE INDEX sessions_program ON sessions(program_id, id);
CREATE INDEX set_logs_exercise ON set_logs(exercise_id, done_at);
"""

MIGRATIONS: tuple[str, ...] = (_SCHEMA_V1, _SCHEMA_V2)
assert len(MIGRATIONS) == SCHEMA_VERSION

_SET_COLUMNS = (
    "id, session_id, position, exercise_id, exercise, set_no, side, target_reps, reps, "
    "load_kg, target_hold_s, hold_s, done_at"
)
_SESSION_COLUMNS = "id, date, started_at, finished_at, program, program_id, day, day_index, notes"


class StoreError(Exception):
    """A database problem, worded for the user in one line that names the file."""


def default_db_path() -> Path:
    """Where the database lives when neither --db nor RUNSTRONG_DB says otherwise."""
    import platformdirs  # only when no path was given: not on every start-up

    return platformdirs.user_data_path("runstrong") / "runstrong.db"


def resolve_db_path(cli_value: str | None, environ: dict[str, str] | None = None) -> Path:
    """--db wins, then RUNSTRONG_DB, then the per-user data directory (resolved now, not at import)."""
    env = os.environ if environ is None else environ
    chosen = cli_value or env.get("RUNSTRONG_DB")
    return Path(chosen).expanduser() if chosen else default_db_path()


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
    )


def _describe(path: Path, error: sqlite3.Error) -> StoreError:
    text = str(error).lower()
    if "locked" in text or "busy" in text:
        return StoreError(f"{path}: the database is locked by another program; close it and try again")
    if "readonly" in text or "read-only" in text or "unable to open" in text:
        return StoreError(f"{path}: cannot open the database for writing ({error})")
    return StoreError(f"{path}: the database is damaged or not a runstrong database ({error})")


def _check_file(path: Path) -> None:
    """Refuse, without writing anything, a file that is not a healthy runstrong database."""
    try:
        with path.open("rb") as handle:
            header = handle.read(len(SQLITE_MAGIC))
    except OSError as error:
        raise StoreError(f"{path}: cannot read the database ({error.strerror})") from None
    if header and header != SQLITE_MAGIC:
        raise StoreError(f"{path}: not a SQLite database; runstrong left it untouched")
    if not header:
        return
    # Reading a WAL-mode file makes SQLite create empty -wal/-shm companions; a refused file
    # should be left exactly as found, so remove the ones this check created.
    companions = [Path(f"{path}{suffix}") for suffix in ("-wal", "-shm")]
    absent = [companion for companion in companions if not companion.exists()]
    try:
        _check_contents(path)
    except StoreError:
        for companion in absent:
            companion.unlink(missing_ok=True)
        raise


def _check_contents(path: Path) -> None:
    try:
        conn = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True, timeout=BUSY_TIMEOUT_MS / 1000)
        try:
            version = conn.execute("PRAGMA user_version").fetchone()[0]
            has_tables = conn.execute("SELECT 1 FROM sqlite_master LIMIT 1").fetchone() is not None
            verdict = conn.execute("PRAGMA quick_check").fetchone()[0]
        finally:
            conn.close()
    except sqlite3.Error as error:
        raise _describe(path, error) from None
    if verdict != "ok":
        raise StoreError(f"{path}: the database is damaged ({verdict}); runstrong left it untouched")
    if version == 0 and has_tables:
        # Every runstrong database carries its schema version; this one is someone else's.
        raise StoreError(f"{path}: a SQLite database, but not runstrong's; runstrong left it untouched")
    if version > SCHEMA_VERSION:
        raise StoreError(
            f"{path}: written by a newer runstrong (schema {version}, this one knows up to "
            f"{SCHEMA_VERSION}); upgrade runstrong to open it"
        )


def _create_private_file(path: Path) -> None:
    """Create `path` (and its folder) readable by its owner only; FileExistsError if it exists."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
    except OSError as error:
        raise StoreError(f"{path}: cannot create the folder {path.parent} ({error.strerror or error})") from None
    try:
        fd = os.open(path, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o600)
    except FileExistsError:
        raise
    except OSError as error:
        raise StoreError(f"{path}: cannot create the file ({error.strerror or error})") from None
    os.close(fd)


class Store:
    """A runstrong database file, open for reading and writing."""

    def __init__(self, conn: sqlite3.Connection, path: Path) -> None:
        self.conn = conn
        self.path = path
        self._db: Database | None = None
        self._depth = 0
        self.revision = 0
        """Counts committed changes, so a screen can tell whether another one changed data."""

    @property
    def db(self) -> Database:
        """sqlite-utils over the same connection, for writes. Imported on first use: reads go
        straight to sqlite3, so opening the app on Today never waits ~70 ms for the import."""
        if self._db is None:
            from sqlite_utils import Database

            self._db = Database(self.conn)
        return self._db

    # -- opening ---------------------------------------------------------------------------

    @classmethod
    def open(cls, path: Path | str) -> Store:
        """Open (creating if needed) and migrate the database at `path`, or raise StoreError."""
        cls.check(path)
        return cls.open_checked(path)

    @staticmethod
    def check(path: Path | str) -> None:
        """Raise StoreError, writing nothing, if `path` is there but is not a healthy runstrong
        database. Reads the whole file (SQLite's quick_check), so the CLI runs it on a second
        thread while Textual is imported; SQLite lets go of the GIL while it reads."""
        path = Path(path)
        if path.exists():
            if not path.is_file():
                raise StoreError(f"{path}: not a file")
            _check_file(path)

    @classmethod
    def open_checked(cls, path: Path | str) -> Store:
        """`open` for a path that `check` has just passed."""
        path = Path(path)
        if not path.exists():
            # FileExistsError: another process created it a moment ago; open it as it is.
            with suppress(FileExistsError):
                _create_private_file(path)
        try:
            conn = sqlite3.connect(path, timeout=BUSY_TIMEOUT_MS / 1000, isolation_level=None)
        except sqlite3.Error as error:
            raise _describe(path, error) from None
        store = cls(conn, path)
        try:
            store._configure()
            store._migrate()
        except sqlite3.Error as error:
            conn.close()
            raise _describe(path, error) from None
        except StoreError:
            conn.close()
            raise
        return store

    def _configure(self) -> None:
        conn = self.conn
        conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
        # Take the write lock once up front: a database another program holds is reported now,
        # not on the first tick at the gym.
        conn.execute("BEGIN IMMEDIATE")
        conn.execute("ROLLBACK")
        conn.execute("PRAGMA journal_mode = WAL")
        conn.execute("PRAGMA synchronous = FULL")
        conn.execute("PRAGMA foreign_keys = ON")

    @property
    def schema_version(self) -> int:
        return int(self.conn.execute("PRAGMA user_version").fetchone()[0])

    def _migrate(self) -> None:
        version = self.schema_version
        if version == SCHEMA_VERSION:
            return
        if version > 0 or self.conn.execute("SELECT 1 FROM sqlite_master LIMIT 1").fetchone():
            self.backup_path = self._backup(version)
        with self._transaction():
            for script in MIGRATIONS[version:]:
                for statement in filter(str.strip, script.split(";")):
                    self.conn.execute(statement)
            self.conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION}")

    def _backup(self, version: int) -> Path:
        """Copy the file aside before a migration touches it."""
        target = self.path.with_name(f"{self.path.name}.v{version}.bak")
        counter = 1
        while target.exists():
            counter += 1
            target = self.path.with_name(f"{self.path.name}.v{version}.{counter}.bak")
        _create_private_file(target)
        dest = sqlite3.connect(target)
        try:
            self.conn.backup(dest)
        finally:
            dest.close()
        return target

    def close(self) -> None:
        self.conn.close()

    @contextmanager
    def _transaction(self) -> Iterator[None]:
        """One committed unit of work; sqlite errors come out as StoreError.

        Nested calls join the outermost one, which alone commits (or rolls everything back).
        """
        if self._depth:
            self._depth += 1
            try:
                yield
            finally:
                self._depth -= 1
            return
        try:
            self.conn.execute("BEGIN IMMEDIATE")
            self._depth = 1
            try:
                yield
            except BaseException:
                if self.conn.in_transaction:
                    self.conn.execute("ROLLBACK")
                raise
            finally:
                self._depth = 0
            self.conn.execute("COMMIT")
        except sqlite3.IntegrityError as error:
            raise StoreError(f"{self.path}: value rejected by the database ({error})") from None
        except sqlite3.Error as error:
            if self.conn.in_transaction:
                self.conn.execute("ROLLBACK")
            raise _describe(self.path, error) from None
        self.revision += 1

    def _rows(self, sql: str, params: Sequence[Any] | dict[str, Any] = ()) -> list[dict[str, Any]]:
        try:
            cursor = self.conn.execute(sql, params)
            names = [column[0] for column in cursor.description]
            return [dict(zip(names, row)) for row in cursor]
        except sqlite3.Error as error:
            raise _describe(self.path, error) from None

    # -- settings --------------------------------------------------------------------------

    def get_setting(self, key: str, default: str | None = None) -> str | None:
        rows = self._rows("SELECT value FROM settings WHERE key = ?", [key])
        return rows[0]["value"] if rows else default

    def settings(self) -> dict[str, str]:
        return {row["key"]: row["value"] for row in self._rows("SELECT key, value FROM settings")}

    def save_settings(self, values: dict[str, str]) -> None:
        with self._transaction():
            self.db["settings"].upsert_all(
                [{"key": key, "value": value} for key, value in values.items()], pk="key"
            )

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

    def last_session(self, program_id: str) -> Session | None:
        """The newest kept session of a program (decides which day of the rotation is next)."""
        rows = self._rows(
            f"SELECT {_SESSION_COLUMNS} FROM sessions WHERE program_id = ? AND deleted_at IS NULL "
            "ORDER BY id DESC LIMIT 1",
            [program_id],
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
        """Store a session and all its planned sets (none done yet) in one transaction."""
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
                }
                for position, slot in enumerate(slots)
            )
        return self.session(session_id)

    def finish_session(self, session_id: int, finished_at: str | None) -> Session:
        """Mark a session finished (or, with None, open again: the undo of finishing)."""
        with self._transaction():
            self.db["sessions"].update(session_id, {"finished_at": finished_at})
        return self.session(session_id)

    # -- sets ------------------------------------------------------------------------------

    def set_log(self, set_id: int) -> SetLog:
        rows = self._rows(f"SELECT {_SET_COLUMNS} FROM set_logs WHERE id = ?", [set_id])
        if not rows:
            raise KeyError(set_id)
        return _set_from_row(rows[0])

    def _write_set(self, set_id: int, values: dict[str, Any]) -> SetLog:
        # A plain UPDATE: sqlite-utils' update() reads the schema twice per call, a third of
        # the time of a tick.
        assignments = ", ".join(f"{column} = ?" for column in values)
        with self._transaction():
            updated = self.conn.execute(f"UPDATE set_logs SET {assignments} WHERE id = ?", [*values.values(), set_id])
            if updated.rowcount != 1:
                raise KeyError(set_id)
        return self.set_log(set_id)

    def tick_set(self, set_id: int, done_at: str, *, hold_s: int | None = None) -> SetLog:
        """Mark a set done; unedited reps and hold take the target (a hold may pass what was held)."""
        current = self.set_log(set_id)
        values: dict[str, Any] = {"done_at": done_at}
        if current.reps is None and current.target_reps is not None:
            values["reps"] = current.target_reps
        if hold_s is not None:
            values["hold_s"] = hold_s
        elif current.hold_s is None and current.target_hold_s is not None:
            values["hold_s"] = current.target_hold_s
        return self._write_set(set_id, values)

    def untick_set(self, set_id: int) -> SetLog:
        return self._write_set(set_id, {"done_at": None})

    def edit_set(self, set_id: int, *, reps: int | None, load_kg: float | None, hold_s: int | None) -> SetLog:
        return self._write_set(set_id, {"reps": reps, "load_kg": load_kg, "hold_s": hold_s})

    def restore_set(self, previous: SetLog) -> SetLog:
        """Put a set back exactly as it was (the undo of a tick, untick or edit)."""
        return self._write_set(
            previous.id,
            {
                "reps": previous.reps,
                "load_kg": previous.load_kg,
                "hold_s": previous.hold_s,
                "done_at": previous.done_at,
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
        session the first hold created, so one timer run is one session.
        """
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
                }
                for offset, (set_no, side, target_s, held_s, done_at) in enumerate(holds)
            )
        return session_id

    # -- export ----------------------------------------------------------------------------

    def export_json(self, exported_at: datetime) -> dict[str, Any]:
        """All kept sessions with their done sets, in the documented export shape."""
        sessions = self._rows(
            f"SELECT {_SESSION_COLUMNS} FROM sessions WHERE deleted_at IS NULL ORDER BY date, id"
        )
        sets_by_session: dict[int, list[dict[str, Any]]] = {}
        for row in self._rows(
            "SELECT session_id, exercise, exercise_id, set_no, side, target_reps, reps, load_kg, "
            "target_hold_s, hold_s, done_at FROM set_logs "
            "WHERE done_at IS NOT NULL AND deleted_at IS NULL ORDER BY session_id, position, id"
        ):
            session_id = row.pop("session_id")
            row["set"] = row.pop("set_no")
            sets_by_session.setdefault(session_id, []).append(_export_set_order(row))
        return {
            "format": "runstrong-export",
            "version": 1,
            "exported_at": exported_at.isoformat(timespec="seconds"),
            "sessions": [
                {
                    "id": s["id"],
                    "date": s["date"],
                    "started_at": s["started_at"],
                    "finished_at": s["finished_at"],
                    "program": s["program"],
                    "day": s["day"],
                    "notes": s["notes"],
                    "sets": sets_by_session.get(s["id"], []),
                }
                for s in sessions
            ],
        }

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
                SELECT s.id, s.date, s.program, s.program_id, s.day, s.finished_at
                FROM sessions s WHERE {sql}
                ORDER BY s.date DESC, s.id DESC LIMIT :limit
            )
            SELECT page.*,
                COUNT(sl.id) AS sets_planned,
                COUNT(sl.done_at) AS sets_done,
                COALESCE(SUM(CASE WHEN sl.done_at IS NOT NULL THEN sl.reps END), 0) AS total_reps,
                COALESCE(SUM(CASE WHEN sl.done_at IS NOT NULL THEN sl.hold_s END), 0) AS total_hold_s,
                COALESCE(SUM(CASE WHEN sl.done_at IS NOT NULL THEN sl.load_kg * sl.reps END), 0.0)
                    AS volume_kg,
                CAST(ROUND((MAX(julianday(sl.done_at)) - MIN(julianday(sl.done_at))) * 86400) AS INTEGER)
                    AS duration_s
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
        """Every kept, done set of one exercise, oldest first (one range of set_logs_exercise)."""
        # Progress opens on this, so it is lean: the five columns Progress reads, as tuples
        # straight from the cursor, and deleted sessions looked up once as a list rather than
        # joined row by row.
        sql = (
            "SELECT done_at, side, reps, load_kg, hold_s FROM set_logs "
            "WHERE exercise_id = ? AND done_at IS NOT NULL AND deleted_at IS NULL "
            "AND session_id NOT IN (SELECT id FROM sessions WHERE deleted_at IS NOT NULL) "
            "ORDER BY done_at, id"
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
                 ORDER BY sl.done_at DESC LIMIT 1) AS exercise
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

        Kept program sessions with at least one kept done set count; a quick-timer hold is
        practice, not a strength session, so it does not.
        """
        rows = self._rows(
            """
            SELECT date(s.date, '-' || ((CAST(strftime('%w', s.date) AS INTEGER) + 6) % 7) || ' days')
                    AS monday,
                COUNT(*) AS sessions
            FROM sessions s
            WHERE s.deleted_at IS NULL AND s.program_id != :quick AND EXISTS (
                SELECT 1 FROM set_logs sl
                WHERE sl.session_id = s.id AND sl.done_at IS NOT NULL AND sl.deleted_at IS NULL
            )
            GROUP BY monday
            """,
            {"quick": QUICK_PROGRAM_ID},
        )
        return {date.fromisoformat(row["monday"]): row["sessions"] for row in rows}

    def delete_set(self, set_id: int, deleted_at: str) -> None:
        """Hide a set everywhere; `undelete_set` brings it back unchanged."""
        self._mark_deleted("set_logs", set_id, deleted_at)

    def undelete_set(self, set_id: int) -> SetLog:
        self._mark_deleted("set_logs", set_id, None)
        return self.set_log(set_id)

    def delete_session(self, session_id: int, deleted_at: str) -> None:
        """Hide a session and its sets everywhere; `undelete_session` brings it back unchanged."""
        self._mark_deleted("sessions", session_id, deleted_at)

    def undelete_session(self, session_id: int) -> Session:
        self._mark_deleted("sessions", session_id, None)
        return self.session(session_id)

    def is_session_deleted(self, session_id: int) -> bool:
        rows = self._rows("SELECT deleted_at FROM sessions WHERE id = ?", [session_id])
        if not rows:
            raise KeyError(session_id)
        return rows[0]["deleted_at"] is not None

    def _mark_deleted(self, table: str, row_id: int, deleted_at: str | None) -> None:
        with self._transaction():
            if self.conn.execute(f"UPDATE {table} SET deleted_at = ? WHERE id = ?", [deleted_at, row_id]).rowcount != 1:
                raise KeyError(row_id)

    def set_notes(self, session_id: int, notes: str) -> Session:
        with self._transaction():
            self.db["sessions"].update(session_id, {"notes": notes})
        return self.session(session_id)

    @contextmanager
    def batch(self) -> Iterator[None]:
        """Run many store calls as one transaction (one sync to disk), e.g. to load years of
        history in a benchmark; each call inside still goes through its usual code path."""
        with self._transaction():
            yield


_EXPORT_SET_KEYS = (
    "exercise", "exercise_id", "set", "side", "target_reps", "reps", "load_kg",
    "target_hold_s", "hold_s", "done_at",
)


def _export_set_order(row: dict[str, Any]) -> dict[str, Any]:
    return {key: row[key] for key in _EXPORT_SET_KEYS}


# -- history types -----------------------------------------------------------------------


@dataclass(frozen=True)
class HistoryFilter:
    """What History narrows the list to; None means no limit on that side."""

    exercise_id: str | None = None
    """Only sessions with at least one kept done set of this exercise."""
    date_from: str | None = None
    """ISO date, inclusive."""
    date_to: str | None = None
    """ISO date, inclusive."""


@dataclass(frozen=True)
class SessionSummary:
    """One History row: a session and its totals over kept sets (summed by SQLite)."""

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
    """Σ load × reps over done sets that have both."""
    duration_s: int | None
    """Seconds from the first to the last done set; None when nothing was done."""


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
