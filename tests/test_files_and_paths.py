"""Files, folders and paths (issue 12): commands that only read write nothing, every problem is
one line naming its real cause, and what runstrong creates is private whatever the umask.

Permission cases must not depend on being root (root may write a 0444 file, and `os.access`
says yes to root): they run the real CLI in a subprocess that has no capabilities (root with an
empty bounding set, via `setpriv`) when the tests run as root, and as the current user otherwise.
Either way the kernel does the refusing by the file modes, and the subprocess stays the owner of
the checkout, so it can be cloned into a private folder (0700) and still run.
"""

from __future__ import annotations

import errno
import json
import os
import shutil
import sqlite3
import stat
import subprocess
import sys
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest

from runstrong.cli import main
from runstrong.store import SCHEMA_VERSION, Store, StoreError

FIXTURES = Path(__file__).parent / "store" / "fixtures"
WITHOUT_PRIVILEGE = ["setpriv", "--bounding-set=-all", "--inh-caps=-all", "--"] if os.geteuid() == 0 else []
"""How the permission cases run their subprocess: root without capabilities, so a file's mode binds."""


def run_main(args: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    with pytest.raises(SystemExit) as exited:
        main(args)
    out, err = capsys.readouterr()
    return int(exited.value.code or 0), out, err


def one_line(err: str) -> bool:
    return len(err.strip().splitlines()) == 1 and "Traceback" not in err


def listing(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir())


def logged_db(path: Path) -> Path:
    store = Store.open(path)
    store.log_quick_holds(
        date="2026-11-22", started_at="2026-11-22T10:00:00+00:00", exercise_id="plank",
        exercise="Plank", holds=[(1, None, 30, 30, "2026-11-22T10:01:00+00:00")],
    )
    store.close()
    return path


# -- another user, for the permission cases ------------------------------------------------


@pytest.fixture
def shared() -> Iterator[Path]:
    """A folder under /tmp for the permission cases, tidied away whatever modes they left."""
    folder = Path(tempfile.mkdtemp(prefix="runstrong-perm-"))
    folder.chmod(0o755)
    yield folder
    for each in folder.rglob("*"):
        with_mode = 0o700 if each.is_dir() else 0o600
        if not each.is_symlink():
            each.chmod(with_mode)
    shutil.rmtree(folder)


def as_other_user(*args: str) -> subprocess.CompletedProcess[str]:
    """Run `python -m runstrong ARGS` as a user the file modes apply to (see the module doc)."""
    env = {"PATH": os.environ["PATH"], "HOME": "/nonexistent", "PYTHONPATH": str(Path(__file__).parents[1])}
    return subprocess.run(
        [*WITHOUT_PRIVILEGE, sys.executable, "-m", "runstrong", *args], capture_output=True, text=True, timeout=60, env=env
    )


def python_as_other_user(code: str) -> subprocess.CompletedProcess[str]:
    env = {"PATH": os.environ["PATH"], "HOME": "/nonexistent", "PYTHONPATH": str(Path(__file__).parents[1])}
    return subprocess.run([*WITHOUT_PRIVILEGE, sys.executable, "-c", code], capture_output=True, text=True, timeout=60, env=env)


# -- commands that only read -----------------------------------------------------------------


def test_export_on_a_mistyped_path_creates_nothing(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    typo = tmp_path / "no" / "such" / "runstrong.db"
    status, out, err = run_main(["export", "--db", str(typo)], capsys)
    assert status == 1 and out == "" and one_line(err)
    assert "no database there" in err and str(typo) in err
    assert listing(tmp_path) == []


@pytest.mark.parametrize("how", ["--db", "RUNSTRONG_DB"])
@pytest.mark.parametrize("command", [["export"], ["history"], ["exercises"], []])
def test_an_empty_database_path_is_a_usage_error(
    how: str, command: list[str], monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    args = [*command]
    if how == "--db":
        args += ["--db", ""]
    else:
        monkeypatch.setenv("RUNSTRONG_DB", "")
    status, out, err = run_main(args, capsys)
    assert status == 2 and out == "" and one_line(err) and "empty" in err


@pytest.mark.parametrize("command", [["export"], []])
def test_a_zero_length_file_is_refused_like_any_foreign_file(
    tmp_path: Path, command: list[str], capsys: pytest.CaptureFixture[str]
) -> None:
    empty = tmp_path / "runstrong.db"
    empty.touch()
    status, out, err = run_main(["--db", str(empty), *command], capsys)
    assert status == 1 and out == "" and one_line(err) and "empty file" in err
    assert empty.read_bytes() == b"" and listing(tmp_path) == ["runstrong.db"]


def test_a_new_database_appears_whole(tmp_path: Path) -> None:
    # Built under a temporary name and linked into place: no empty or half-made file is ever
    # seen at the path, so a zero-length file can always be refused.
    path = tmp_path / "runstrong.db"
    Store.open(path).close()
    assert listing(tmp_path) == ["runstrong.db"]
    assert path.read_bytes()[:16] == b"SQLite format 3\x00"
    conn = sqlite3.connect(path)
    assert conn.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
    assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    conn.close()


def test_export_never_migrates_an_older_schema(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    old = tmp_path / "old.db"
    conn = sqlite3.connect(old)
    conn.executescript((FIXTURES / "schema_v1.sql").read_text())
    conn.close()
    before = old.read_bytes()
    status, out, err = run_main(["export", "--db", str(old)], capsys)
    # Read through an upgraded copy in memory: the v1 session comes out, the file keeps every byte.
    assert status == 0 and err == ""
    [session] = json.loads(out)["sessions"]
    assert [s["reps"] for s in session["sets"]] == [12, 12] and session["date"] == "2026-10-01"
    assert old.read_bytes() == before and listing(tmp_path) == ["old.db"]  # no backup, no -wal


def test_export_works_while_another_program_holds_the_write_lock(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = logged_db(tmp_path / "runstrong.db")
    holder = sqlite3.connect(path, isolation_level=None)
    holder.execute("BEGIN IMMEDIATE")
    try:
        status, out, err = run_main(["export", "--db", str(path)], capsys)
    finally:
        holder.execute("ROLLBACK")
        holder.close()
    assert status == 0, err
    assert json.loads(out)["sessions"][0]["sets"][0]["hold_s"] == 30


def test_export_leaves_no_wal_or_shm_behind(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = logged_db(tmp_path / "runstrong.db")
    assert listing(tmp_path) == ["runstrong.db"]
    before = path.read_bytes()
    status, _, _ = run_main(["export", "--db", str(path)], capsys)
    assert status == 0
    assert listing(tmp_path) == ["runstrong.db"] and path.read_bytes() == before


def test_a_read_only_file_exports_and_leaves_nothing_behind(shared: Path) -> None:
    path = logged_db(shared / "runstrong.db")
    # The folder stays writable for them: SQLite could make -wal/-shm there.
    path.chmod(0o444)
    before = path.read_bytes()
    result = as_other_user("--db", str(path), "export")
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout)["sessions"][0]["sets"][0]["hold_s"] == 30
    assert listing(shared) == ["runstrong.db"] and path.read_bytes() == before


def test_writing_to_a_read_only_file_names_the_file(shared: Path) -> None:
    path = logged_db(shared / "runstrong.db")
    path.chmod(0o444)
    code = f"from runstrong.store import Store\nStore.open({str(path)!r})"
    result = python_as_other_user(code)
    assert result.returncode == 1 and "the file is not writable" in result.stderr
    assert listing(shared) == ["runstrong.db"]


def test_writing_in_a_read_only_folder_names_the_folder(shared: Path) -> None:
    folder = shared / "locked"
    folder.mkdir()
    path = logged_db(folder / "runstrong.db")
    folder.chmod(0o555)  # the file is writable; the folder is not
    result = python_as_other_user(f"from runstrong.store import Store\nStore.open({str(path)!r})")
    assert result.returncode == 1
    assert "folder" in result.stderr and "not writable" in result.stderr and "damaged" not in result.stderr
    # A command that only reads still works there, and leaves nothing.
    result = as_other_user("--db", str(path), "export")
    assert result.returncode == 0, result.stderr
    assert listing(folder) == ["runstrong.db"]


def test_a_folder_we_may_not_enter_is_one_line(shared: Path) -> None:
    private = shared / "private"
    private.mkdir()
    logged_db(private / "runstrong.db")
    private.chmod(0o000)
    for args in (["export"], ["history"]):
        result = as_other_user("--db", str(private / "runstrong.db"), *args)
        assert result.returncode == 1 and one_line(result.stderr), result.stderr
        assert f"permission denied: the folder {private} may not be entered" in result.stderr


@pytest.mark.parametrize("command", [["export"], []])
def test_a_path_too_long_is_one_line(tmp_path: Path, command: list[str], capsys: pytest.CaptureFixture[str]) -> None:
    too_long = tmp_path / ("x" * 300) / "runstrong.db"
    status, out, err = run_main(["--db", str(too_long), *command], capsys)
    assert status == 1 and one_line(err) and "too long" in err
    assert listing(tmp_path) == []


# -- export -o -----------------------------------------------------------------------------


def test_a_failed_export_write_is_an_io_error_exit_1(shared: Path) -> None:
    path = logged_db(shared / "runstrong.db")
    closed = shared / "closed"
    closed.mkdir()
    closed.chmod(0o555)  # they may not create a file in it
    result = as_other_user("--db", str(path), "export", "-o", str(closed / "out.json"))
    assert result.returncode == 1 and one_line(result.stderr), result.stderr
    assert "cannot write" in result.stderr and "permission denied" in result.stderr
    assert listing(closed) == []


def test_a_full_disk_during_export_is_named(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    path = logged_db(tmp_path / "runstrong.db")
    out = tmp_path / "out" / "export.json"
    out.parent.mkdir()

    def no_space(fd: int) -> None:  # the syscall that reports a full disk for a buffered write
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    monkeypatch.setattr(os, "fsync", no_space)
    status, _, err = run_main(["--db", str(path), "export", "-o", str(out)], capsys)
    assert status == 1 and one_line(err) and "disk full" in err
    assert listing(out.parent) == []  # the temporary file is gone too


def test_force_never_replaces_a_fifo_a_device_or_a_link(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = logged_db(tmp_path / "runstrong.db")
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    link = tmp_path / "link.json"
    link.symlink_to(tmp_path / "elsewhere.json")  # would be swapped for a file, not written through
    for target in (fifo, Path("/dev/null"), link):
        status, out, err = run_main(["--db", str(path), "export", "-o", str(target), "--force"], capsys)
        assert status == 2 and out == "" and one_line(err) and "not a regular file" in err
    assert stat.S_ISFIFO(fifo.lstat().st_mode) and link.is_symlink()
    assert stat.S_ISCHR(Path("/dev/null").stat().st_mode)


# -- private files whatever the umask --------------------------------------------------------


@pytest.fixture
def open_umask() -> Iterator[None]:
    old = os.umask(0)
    yield
    os.umask(old)


def test_everything_created_is_private_under_umask_000(
    tmp_path: Path, open_umask: None, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "new" / "nested" / "runstrong.db"
    store = Store.open(path)
    store.log_quick_holds(
        date="2026-11-22", started_at="2026-11-22T10:00:00+00:00", exercise_id="plank",
        exercise="Plank", holds=[(1, None, 30, 30, "2026-11-22T10:01:00+00:00")],
    )
    # While open, SQLite's -wal and -shm sit beside the file with its mode.
    made = [tmp_path / "new", tmp_path / "new" / "nested", path, *(Path(f"{path}{s}") for s in ("-wal", "-shm"))]
    modes = {p.name: stat.S_IMODE(p.stat().st_mode) for p in made}
    store.close()
    assert modes == {"new": 0o700, "nested": 0o700, "runstrong.db": 0o600, "runstrong.db-wal": 0o600, "runstrong.db-shm": 0o600}

    old = tmp_path / "old.db"
    conn = sqlite3.connect(old)
    conn.executescript((FIXTURES / "schema_v1.sql").read_text())
    conn.close()
    old.chmod(0o600)
    Store.open(old).close()
    assert stat.S_IMODE((tmp_path / "old.db.v1.bak").stat().st_mode) == 0o600

    exported = tmp_path / "export.csv"
    status, _, _ = run_main(["--db", str(path), "export", "--format", "csv", "-o", str(exported)], capsys)
    assert status == 0 and stat.S_IMODE(exported.stat().st_mode) == 0o600


def test_store_errors_name_the_cause_not_damage(tmp_path: Path) -> None:
    # SQLITE_FULL forced with max_page_count: the file may not grow, as on a full disk.
    store = logged_db(tmp_path / "runstrong.db") and Store.open(tmp_path / "runstrong.db")
    try:
        store.conn.execute(f"PRAGMA max_page_count = {store.conn.execute('PRAGMA page_count').fetchone()[0]}")
        session_id = store.conn.execute("SELECT id FROM sessions").fetchone()[0]
        with pytest.raises(StoreError, match="disk full") as raised:
            store.set_notes(session_id, "x" * 100_000)  # needs overflow pages it may not have
        assert "damaged" not in str(raised.value)
        assert store.session(session_id).notes == ""
    finally:
        store.close()
