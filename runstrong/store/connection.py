"""Opening, migrating and transactions: the ground floor of the store (the file itself, and the
checks before anything opens it, are files.py's).

Every write is committed before the method returns, so a screen that shows what a method returned
shows only what is already on disk. Opening a file validates it read-only first, so a corrupt,
truncated, empty, locked or newer-version file is reported and left byte-for-byte untouched.

Three ways in: `Store.open` (the app and every command that writes: creates and migrates),
`Store.open_read_only` (commands that only read: never creates, migrates, locks or leaves a file
behind) and `open_checked(..., allow_read_only=True)` (the app on a file it may not write: it
opens read-only and says so). Files and folders created here are private (0600 / 0700) whatever
the umask; SQLite gives -wal and -shm the mode of the database file.
"""

from __future__ import annotations

import os
import sqlite3
import tempfile
import time
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager, suppress
from datetime import datetime, timezone
from pathlib import Path
from typing import TYPE_CHECKING, Any, Self

if TYPE_CHECKING:
    from sqlite_utils import Database

from runstrong.core.uids import content_uid, new_uid  # noqa: F401  (new_uid: the store modules take it from here)
# StoreError lives in problems.py (which words it); imported from here as before.
from runstrong.store.problems import StoreError, can_write_file, os_problem, why_not_writable
from runstrong.store.schema import MIGRATIONS, SCHEMA_VERSION, statements
# The file on disk (checks, read-only connections, private creation) is files.py's; the names
# are taken from here by the store's other floors as before.
from runstrong.store.files import (  # noqa: F401
    BUSY_TIMEOUT_MS,
    SQLITE_MAGIC,
    _check_file,
    _connect_read_only,
    _create_private_file,
    _describe,
    _sync,
    _tidy_companions,
    companions,
    copy_read_only,
    default_db_path,
    make_private_folders,
    path_exists,
    resolve_db_path,
)

INTERACTIVE_BUSY_MS = 250
"""How long a key press waits for the write lock (ours): long enough to ride out another
window's tick, short enough that the screen never hangs on a database another program holds."""
LOCKED_FAST_FAIL_S = 2.0
"""After a write found the database locked, further writes for this long fail at once (ours):
queued key presses then cost nothing instead of adding up their waits."""


class StoreBase:
    """A runstrong database file, open for reading and writing: the connection, the checks that
    come before it, migrations and transactions. `Store` adds the queries, one mixin per concern."""

    def __init__(self, conn: sqlite3.Connection, path: Path, *, read_only: str | None = None) -> None:
        self.conn = conn
        self.path = path
        self.read_only = read_only
        """Why nothing can be saved (e.g. "the file is not writable"), or None: writable."""
        self._db: Database | None = None
        self._depth = 0
        self.revision = 0
        """Counts committed changes, ours and (once `changed_elsewhere` saw them) another
        window's, so a screen can tell whether the data it shows is still current."""
        self.now: Callable[[], datetime] = lambda: datetime.now(timezone.utc)
        """The wall clock that stamps `updated_at`; the app hands it its own injected clock."""
        self._data_version: int | None = None
        self._busy_ms = BUSY_TIMEOUT_MS
        self._locked_until = 0.0
        self._made: list[Path] = []

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
        if path_exists(path):
            if not path.is_file():
                raise StoreError(f"{path}: not a file")
            _check_file(path)

    @classmethod
    def open_checked(cls, path: Path | str, *, allow_read_only: bool = False) -> Self:
        """`open` for a path that `check` has just passed.

        A file this process may not write (or whose folder refuses SQLite's -wal and -shm) is
        a StoreError naming that cause; with `allow_read_only` it opens read-only instead
        (`read_only` says why) so History and export still work.
        """
        path = Path(path)
        if not path_exists(path):
            _create_database(cls, path)
        elif not can_write_file(path):
            return cls._read_only_or_refuse(path, "the file is not writable", allow_read_only)
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
            cause = why_not_writable(path) if allow_read_only else None
            if cause is not None:
                return cls._read_only_or_refuse(path, cause, allow_read_only)
            raise _describe(path, error) from None
        except StoreError:
            conn.close()
            raise
        store._data_version = store._read_data_version()
        return store

    @classmethod
    def _read_only_or_refuse(cls, path: Path, reason: str, allow_read_only: bool) -> Self:
        if not allow_read_only:
            raise StoreError(f"{path}: {reason}; nothing can be saved there")
        return cls.open_read_only(path, reason=reason)

    @classmethod
    def open_read_only(cls, path: Path | str, *, reason: str = "opened read-only") -> Self:
        """Open an existing database for reading only, for a command that only reads (export,
        the listings) or the app on a file it may not write.

        Creates nothing (a missing file is "no database there"), never migrates the file (an
        older schema is copied into memory and brought up to date there), never waits for the
        write lock, and leaves no -wal or -shm behind. Every write raises StoreError saying
        `reason`.
        """
        path = Path(path)
        if not path_exists(path):
            raise StoreError(f"{path}: no database there (check the path; the app creates one when it first opens)")
        if not path.is_file():
            raise StoreError(f"{path}: not a file")
        version = _check_file(path)
        if version < SCHEMA_VERSION:
            return cls._upgraded_in_memory(path, reason)
        conn, made = _connect_read_only(path)
        store = cls(conn, path, read_only=reason)
        store._made = made
        store._data_version = store._read_data_version()
        return store

    @classmethod
    def _upgraded_in_memory(cls, path: Path, reason: str) -> Self:
        """An older file read into memory and migrated there: the file itself is never changed.

        Read through `_connect_read_only` as every read-only open is, so no -wal or -shm is left
        beside it; the migration gives old rows the same uids a migration on disk would."""
        memory = sqlite3.connect(":memory:", isolation_level=None)
        try:
            copy_read_only(path, memory)
            store = cls(memory, path)
            store.conn.execute("PRAGMA foreign_keys = ON")
            store._migrate(backup=False)
        except sqlite3.Error as error:
            memory.close()
            raise _describe(path, error) from None
        except StoreError:
            memory.close()
            raise
        store.read_only = reason  # writable in memory only for the migration
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

    def set_busy_timeout(self, milliseconds: int) -> None:
        """How long a write waits for another program's write lock before StoreError "locked";
        the app sets INTERACTIVE_BUSY_MS so a key press never hangs the screen."""
        self._busy_ms = milliseconds
        self.conn.execute(f"PRAGMA busy_timeout = {milliseconds}")

    # -- other connections -----------------------------------------------------------------

    @contextmanager
    def _without_waiting(self) -> Iterator[None]:
        """Statements inside fail at once with "locked" instead of waiting for another program."""
        self.conn.execute("PRAGMA busy_timeout = 0")
        try:
            yield
        finally:
            self.conn.execute(f"PRAGMA busy_timeout = {self._busy_ms}")

    def _read_data_version(self) -> int | None:
        # A WAL reader never waits for a writer, so this does not stall the screen.
        try:
            return int(self.conn.execute("PRAGMA data_version").fetchone()[0])
        except sqlite3.Error:
            return None

    def changed_elsewhere(self) -> bool:
        """True (once) when another connection, such as a second window, committed since the
        last call; `revision` then moves on too. One PRAGMA: cheap enough to poll every second."""
        version = self._read_data_version()
        if version is None or version == self._data_version:
            return False
        self._data_version = version
        self.revision += 1
        return True

    @property
    def schema_version(self) -> int:
        return int(self.conn.execute("PRAGMA user_version").fetchone()[0])

    def _migrate(self, *, backup: bool = True) -> None:
        version = self.schema_version
        if version == SCHEMA_VERSION:
            return
        if backup and (version > 0 or self.conn.execute("SELECT 1 FROM sqlite_master LIMIT 1").fetchone()):
            self.backup_path = self._backup(version)
        # The v3 migration names old rows by this (content_uid over their id and start): the same
        # old file always gets the same uids, on disk or upgraded in memory for a read.
        self.conn.create_function("migration_uid", -1, content_uid, deterministic=True)
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
        dest = sqlite3.connect(target)  # the file exists, 0600: SQLite keeps its mode
        try:
            self.conn.backup(dest)
        finally:
            dest.close()
        return target

    def close(self) -> None:
        self.conn.close()
        _tidy_companions(self.path, self._made)

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
        if self.read_only is not None:
            raise StoreError(f"{self.path}: {self.read_only}; nothing was saved")
        try:
            if time.monotonic() < self._locked_until:
                with self._without_waiting():
                    self.conn.execute("BEGIN IMMEDIATE")
            else:
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
                with suppress(sqlite3.Error):
                    self.conn.execute("ROLLBACK")
            problem = _describe(self.path, error)
            if self._busy_ms < BUSY_TIMEOUT_MS and "locked by another program" in str(problem):
                self._locked_until = time.monotonic() + LOCKED_FAST_FAIL_S
            raise problem from None
        self._locked_until = 0.0
        self.revision += 1
        # Our own commit does not move data_version; only another connection's does.

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

    def _tuples(self, sql: str, params: Sequence[Any] | dict[str, Any] = ()) -> list[tuple[Any, ...]]:
        """Rows as plain tuples in column order: for reads hot enough that building dicts shows."""
        try:
            return self.conn.execute(sql, params).fetchall()
        except sqlite3.Error as error:
            raise _describe(self.path, error) from None

    @contextmanager
    def batch(self) -> Iterator[None]:
        """Run many store calls as one transaction (one sync to disk), e.g. to load years of
        history in a benchmark; each call inside still goes through its usual code path."""
        with self._transaction():
            yield




def _create_database(cls: type[StoreBase], path: Path) -> None:
    """Make a new database at `path` that appears whole: built and migrated under a private
    temporary name in the same folder, then hard-linked into place. No one ever sees an empty
    or half-made file, and when two windows create it at once the second opens the first's."""
    make_private_folders(path.parent)
    try:
        fd, name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".new", dir=path.parent)
    except OSError as error:
        raise os_problem(path, error, "create the database") from None
    os.fchmod(fd, 0o600)
    os.close(fd)
    temp = Path(name)
    try:
        conn = sqlite3.connect(temp, isolation_level=None)
        try:
            fresh = cls(conn, temp)
            fresh._configure()
            # No file of this name is seen until it is whole: one sync below, not one per step.
            conn.execute("PRAGMA synchronous = OFF")
            fresh._migrate()
        finally:
            conn.close()
        _sync(temp)
        try:
            os.link(temp, path)
        except OSError as error:
            # FileExistsError: another window made it a moment ago, and that one is opened.
            # Otherwise a file system without hard links: a rename, unless the file appeared.
            if not isinstance(error, FileExistsError) and not path.exists():
                os.replace(temp, path)
    except sqlite3.Error as error:
        raise _describe(path, error) from None
    except StoreError as error:
        raise StoreError(str(error).replace(str(temp), str(path))) from None
    except OSError as error:
        raise os_problem(path, error, "create the database") from None
    finally:
        for each in (temp, *companions(temp)):
            with suppress(OSError):
                each.unlink()
    with suppress(OSError):
        _sync(path.parent)  # the new name itself survives a power cut
