"""What went wrong with a database file or its folder, named by the real cause in one line.

SQLite reports a full disk, a read-only folder and a read-only file with a handful of codes
(SQLITE_FULL, SQLITE_READONLY*, SQLITE_CANTOPEN, SQLITE_IOERR*). When the code alone does not
say which, the file and its folder are probed with the very system calls SQLite would make (an
open for writing, a file created and removed), never with `os.access`: that answers for the
real user id, and root passes it where the file system would still refuse.
"""

from __future__ import annotations

import errno
import os
import sqlite3
import tempfile
from pathlib import Path


class StoreError(Exception):
    """A database problem, worded for the user in one line that names the file."""


DISK_FULL = "disk full: nothing was saved; free some space and try again"
LOCKED = "the database is locked by another program; close it and try again"

_OS_REASONS = {
    errno.ENOSPC: "disk full",
    errno.EDQUOT: "disk quota exceeded",
    errno.ENAMETOOLONG: "the path is too long",
    errno.EROFS: "the file system is read-only",
    errno.ENOTDIR: "a part of the path is a file, not a folder",
    errno.ELOOP: "too many symbolic links in the path",
    errno.EISDIR: "a folder, not a file",
    errno.EIO: "input/output error",
}


def os_reason(error: OSError) -> str:
    """A few words for an OSError (permission denied on what, disk full, path too long, …)."""
    if error.errno in (errno.EACCES, errno.EPERM):
        return f"permission denied on {error.filename}" if error.filename else "permission denied"
    return _OS_REASONS.get(error.errno or 0) or error.strerror or str(error)


def os_problem(path: Path, error: OSError, doing: str) -> StoreError:
    """`PATH: cannot DOING: REASON` for an OSError met while `doing` something with `path`;
    a permission refused on the way names the folder that may not be entered."""
    if error.errno in (errno.EACCES, errno.EPERM):
        blocked = _first_closed_folder(path)
        if blocked is not None:
            return StoreError(f"{path}: cannot {doing}: permission denied: the folder {blocked} may not be entered")
    return StoreError(f"{path}: cannot {doing}: {os_reason(error)}")


def _first_closed_folder(path: Path) -> Path | None:
    """The outermost folder on the way to `path` whose contents we may not look up."""
    for folder in reversed(path.parents):
        child = path if folder == path.parent else next(p for p in path.parents if p.parent == folder)
        try:
            os.stat(child)
        except PermissionError:
            return folder
        except OSError:
            return None
    return None


def can_write_file(path: Path) -> bool:
    """Whether this process may open `path` for writing (as SQLite will): False for a file whose
    mode, owner, immutable flag or read-only mount refuses it, whoever we run as."""
    try:
        fd = os.open(path, os.O_RDWR | getattr(os, "O_CLOEXEC", 0))
    except OSError:
        return False
    os.close(fd)
    return True


def can_write_folder(folder: Path) -> bool:
    """Whether a file can be created in `folder` (where SQLite puts -wal and -shm); the probe
    file is removed at once."""
    try:
        fd, probe = tempfile.mkstemp(prefix=".runstrong-probe-", dir=folder)
    except OSError:
        return False
    os.close(fd)
    os.unlink(probe)
    return True


def _disk_full(folder: Path) -> bool:
    try:
        return os.statvfs(folder).f_bavail == 0
    except OSError:
        return False


def sqlite_problem(path: Path, error: sqlite3.Error) -> StoreError:
    """One line naming `path` and the real cause of a SQLite error: disk full, locked, folder
    not writable, file not writable, damaged, or SQLite's own words."""
    name = getattr(error, "sqlite_errorname", "") or ""
    text = str(error).lower()
    if name.startswith("SQLITE_FULL") or "database or disk is full" in text:
        return StoreError(f"{path}: {DISK_FULL}")
    if name.startswith(("SQLITE_BUSY", "SQLITE_LOCKED")) or "locked" in text:
        return StoreError(f"{path}: {LOCKED}")
    if name.startswith(("SQLITE_CORRUPT", "SQLITE_NOTADB")):
        return StoreError(f"{path}: the database is damaged or not a runstrong database ({error})")
    if name.startswith(("SQLITE_READONLY", "SQLITE_CANTOPEN", "SQLITE_IOERR", "SQLITE_PERM")) or not name:
        cause = why_not_writable(path)
        if cause == "disk full":
            return StoreError(f"{path}: {DISK_FULL}")
        if cause is not None:
            return StoreError(f"{path}: {cause}; nothing can be saved there")
        if name.startswith("SQLITE_IOERR"):
            return StoreError(f"{path}: input/output error while using the database ({error})")
    return StoreError(f"{path}: database error ({error})")


def why_not_writable(path: Path) -> str | None:
    """Why a database at `path` cannot be written, in a few words ("disk full", "the file is
    not writable", "the folder F is not writable", "the folder F does not exist"), probed now;
    None when nothing stands in the way."""
    folder = path.parent
    if _disk_full(folder):
        return "disk full"
    try:
        exists = path.exists()
    except OSError as error:
        return f"cannot reach the file ({os_reason(error)})"
    if not folder.is_dir():
        return f"the folder {folder} does not exist"
    if exists and not can_write_file(path):
        return "the file is not writable"
    if not can_write_folder(folder):
        # SQLite keeps its -wal and -shm beside the file, so it needs the folder too.
        return f"the folder {folder} is not writable"
    return None
