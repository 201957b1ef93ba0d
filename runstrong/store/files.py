"""The database file on disk: where it lives, checking it read-only before anything opens it,
read-only connections that leave nothing behind, and private files and folders.

Nothing here keeps a connection open: `connection.StoreBase` does that, on files these functions
have vetted.
"""

from __future__ import annotations

import os
import sqlite3
from contextlib import suppress
from pathlib import Path

from runstrong.errors import UsageError
from runstrong.store.problems import StoreError, can_write_file, os_problem, sqlite_problem
from runstrong.store.schema import SCHEMA_VERSION

BUSY_TIMEOUT_MS = 3000
"""How long opening, migrating and the commands wait for another program's write to finish."""
SQLITE_MAGIC = b"SQLite format 3\x00"


def default_db_path() -> Path:
    """Where the database lives when neither --db nor RUNSTRONG_DB says otherwise."""
    import platformdirs  # only when no path was given: not on every start-up

    return platformdirs.user_data_path("runstrong") / "runstrong.db"


def resolve_db_path(cli_value: str | None, environ: dict[str, str] | None = None) -> Path:
    """--db wins, then RUNSTRONG_DB, then the per-user data directory (resolved now, not at import).

    An empty --db or RUNSTRONG_DB is a UsageError: silently falling back to the real database
    would hide a typo such as `--db "$UNSET_VARIABLE"`.
    """
    env = os.environ if environ is None else environ
    if cli_value is not None:
        chosen, given_as = cli_value, "--db"
    elif "RUNSTRONG_DB" in env:
        chosen, given_as = env["RUNSTRONG_DB"], "RUNSTRONG_DB"
    else:
        return default_db_path()
    if not chosen.strip():
        raise UsageError(f"runstrong: {given_as} is empty; give the path of a database file")
    return Path(chosen).expanduser()


def companions(path: Path) -> tuple[Path, Path]:
    """The -wal and -shm files SQLite keeps beside a WAL-mode database."""
    return Path(f"{path}-wal"), Path(f"{path}-shm")


def path_exists(path: Path, doing: str = "open the database") -> bool:
    """`path.exists()`, but a path too long or behind a folder we may not enter is a StoreError
    naming the cause (pathlib raises those instead of answering)."""
    try:
        return path.exists()
    except OSError as error:
        raise os_problem(path, error, doing) from None


def make_private_folders(folder: Path) -> None:
    """Create `folder` and any missing parents, each 0700 whatever the umask; StoreError if not."""
    missing: list[Path] = []
    current = folder
    while not path_exists(current, "create its folder"):
        missing.append(current)
        current = current.parent
    for each in reversed(missing):
        try:
            os.mkdir(each, 0o700)
        except FileExistsError:
            continue
        except OSError as error:
            raise os_problem(folder, error, f"create the folder {each}") from None
        os.chmod(each, 0o700)  # mkdir's mode passes through the umask; set it exactly


def _describe(path: Path, error: sqlite3.Error) -> StoreError:
    return sqlite_problem(path, error)


def _check_file(path: Path) -> int:
    """Refuse, without writing anything, a file that is not a healthy runstrong database;
    return its schema version."""
    try:
        with path.open("rb") as handle:
            header = handle.read(len(SQLITE_MAGIC))
    except OSError as error:
        raise os_problem(path, error, "read the database") from None
    if not header:
        # We never leave an empty file (a new database appears whole, see _create_database).
        raise StoreError(f"{path}: an empty file, not a runstrong database; runstrong left it untouched")
    if header != SQLITE_MAGIC:
        raise StoreError(f"{path}: not a SQLite database; runstrong left it untouched")
    conn, made = _connect_read_only(path)
    try:
        version = _check_contents(path, conn)
    finally:
        conn.close()
        _tidy_companions(path, made)
    return version


def _check_contents(path: Path, conn: sqlite3.Connection) -> int:
    try:
        version = conn.execute("PRAGMA user_version").fetchone()[0]
        has_tables = conn.execute("SELECT 1 FROM sqlite_master LIMIT 1").fetchone() is not None
        verdict = conn.execute("PRAGMA quick_check").fetchone()[0]
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
    return int(version)


def _connect_read_only(path: Path) -> tuple[sqlite3.Connection, list[Path]]:
    """A read-only connection, and the companion files it may create (for `_tidy_companions`).

    A WAL database read with `mode=ro` makes SQLite create -wal and -shm beside it. When they
    are there already (another window has the file open) they are used as they are. When they
    are not and the file is ours to write, they are made and tidied away on close. When the file
    is not writable, or its folder refuses new files, `immutable=1` reads the file alone: with no
    -wal there is nothing newer than the file itself, and nothing is created.
    """
    uri = path.resolve().as_uri()
    wal, shm = companions(path)
    try:
        if wal.exists() or shm.exists():
            return _connect(f"{uri}?mode=ro", path), []
        if not can_write_file(path):
            return _connect(f"{uri}?mode=ro&immutable=1", path), []
        conn = _connect(f"{uri}?mode=ro", path)
        try:
            conn.execute("SELECT 1 FROM sqlite_master LIMIT 1").fetchone()
        except sqlite3.OperationalError:
            # No -shm could be made (a read-only folder): read the file alone.
            conn.close()
            return _connect(f"{uri}?mode=ro&immutable=1", path), []
        except sqlite3.Error:
            conn.close()
            _tidy_companions(path, [wal, shm])
            # The caller's own first query meets the same error and names it.
            return _connect(f"{uri}?mode=ro&immutable=1", path), []
        return conn, [wal, shm]
    except OSError as error:
        raise os_problem(path, error, "open the database") from None


def copy_read_only(path: Path, target: sqlite3.Connection) -> None:
    """Copy the database at `path` into `target` (SQLite's online backup) through the one
    read-only open, tidying any companion files it made; sqlite3.Error if the copy fails."""
    source, made = _connect_read_only(path)
    try:
        source.backup(target)
    finally:
        source.close()
        _tidy_companions(path, made)


def _connect(uri: str, path: Path) -> sqlite3.Connection:
    try:
        return sqlite3.connect(uri, uri=True, timeout=BUSY_TIMEOUT_MS / 1000, isolation_level=None)
    except sqlite3.Error as error:
        raise _describe(path, error) from None


def _tidy_companions(path: Path, made: list[Path]) -> None:
    """Let SQLite remove the -wal/-shm a read-only connection made, by its own rule: a writable
    connection closing last deletes them; one that is not last (another window is open) leaves
    them to that window. Writes nothing to the database itself; never waits for a lock."""
    if not any(each.exists() for each in made):
        return
    with suppress(sqlite3.Error):
        tidy = sqlite3.connect(path, timeout=0, isolation_level=None)
        try:
            tidy.execute("SELECT 1 FROM sqlite_master LIMIT 1").fetchone()
        finally:
            tidy.close()


def _create_private_file(path: Path) -> None:
    """Create `path` readable by its owner only (0600, whatever the umask); FileExistsError if
    it exists."""
    try:
        fd = os.open(path, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o600)
    except FileExistsError:
        raise
    except OSError as error:
        raise os_problem(path, error, "create the file") from None
    os.fchmod(fd, 0o600)
    os.close(fd)


def _sync(path: Path) -> None:
    """fsync a file or a folder (a folder's entry for a new name is only durable once synced)."""
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)
