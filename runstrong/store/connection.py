"""Opening, checking, migrating and transactions: the ground floor of the store.

Every write is committed before the method returns, so a screen that shows what a method returned
shows only what is already on disk. Opening a file validates it read-only first, so a corrupt,
truncated, locked or newer-version file is reported and left byte-for-byte untouched.
"""

from __future__ import annotations

import os
import sqlite3
import uuid
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager, suppress
from datetime import datetime, timezone
from pathlib import Path
from typing import TYPE_CHECKING, Any, Self

if TYPE_CHECKING:
    from sqlite_utils import Database

from runstrong.store.schema import MIGRATIONS, SCHEMA_VERSION, statements

BUSY_TIMEOUT_MS = 3000
SQLITE_MAGIC = b"SQLite format 3\x00"


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


def new_uid() -> str:
    """A fresh stable id for a session, set or run: 32 hex digits (random, uuid4)."""
    return uuid.uuid4().hex


class StoreBase:
    """A runstrong database file, open for reading and writing: the connection, the checks that
    come before it, migrations and transactions. `Store` adds the queries, one mixin per concern."""

    def __init__(self, conn: sqlite3.Connection, path: Path) -> None:
        self.conn = conn
        self.path = path
        self._db: Database | None = None
        self._depth = 0
        self.revision = 0
        """Counts committed changes, so a screen can tell whether another one changed data."""
        self.now: Callable[[], datetime] = lambda: datetime.now(timezone.utc)
        """The wall clock that stamps `updated_at`; the app hands it its own injected clock."""

    def stamp(self) -> str:
        """Now as an ISO 8601 instant with offset, to the second (what `updated_at` holds)."""
        return self.now().isoformat(timespec="seconds")

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
    def open(cls, path: Path | str) -> Self:
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
    def open_checked(cls, path: Path | str) -> Self:
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

    @classmethod
    def open_read_only(cls, path: Path | str) -> Self:
        """For commands that only read (plan, the runs listing): the file is checked, copied into
        memory and brought to the current schema there, so it is never created, migrated or
        written. A missing file reads as an empty database. StoreError as for `open`."""
        path = Path(path)
        cls.check(path)
        memory = sqlite3.connect(":memory:", isolation_level=None)
        if path.exists():
            try:
                source = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True, timeout=BUSY_TIMEOUT_MS / 1000)
                try:
                    source.backup(memory)
                finally:
                    source.close()
            except sqlite3.Error as error:
                memory.close()
                raise _describe(path, error) from None
        store = cls(memory, path)
        try:
            store.conn.execute("PRAGMA foreign_keys = ON")
            store._migrate(backup=False)
        except sqlite3.Error as error:
            memory.close()
            raise _describe(path, error) from None
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

    def _migrate(self, *, backup: bool = True) -> None:
        version = self.schema_version
        if version == SCHEMA_VERSION:
            return
        if backup and (version > 0 or self.conn.execute("SELECT 1 FROM sqlite_master LIMIT 1").fetchone()):
            self.backup_path = self._backup(version)
        with self._transaction():
            for script in MIGRATIONS[version:]:
                for statement in statements(script):
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

    @contextmanager
    def _snapshot(self) -> Iterator[None]:
        """Several reads that see one state of the file; takes no write lock."""
        if self._depth or self.conn.in_transaction:
            yield
            return
        try:
            self.conn.execute("BEGIN DEFERRED")
        except sqlite3.Error as error:
            raise _describe(self.path, error) from None
        try:
            yield
        finally:
            if self.conn.in_transaction:
                self.conn.execute("COMMIT")

    def _rows(self, sql: str, params: Sequence[Any] | dict[str, Any] = ()) -> list[dict[str, Any]]:
        try:
            cursor = self.conn.execute(sql, params)
            names = [column[0] for column in cursor.description]
            return [dict(zip(names, row)) for row in cursor]
        except sqlite3.Error as error:
            raise _describe(self.path, error) from None

    @contextmanager
    def batch(self) -> Iterator[None]:
        """Run many store calls as one transaction (one sync to disk), e.g. to load years of
        history in a benchmark; each call inside still goes through its usual code path."""
        with self._transaction():
            yield


