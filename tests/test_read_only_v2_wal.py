"""Read-only commands on an older (schema v2) database in WAL mode, as every file the app made is:
nothing is created beside it, no byte changes, and the uids the in-memory upgrade gives old rows
are the same every time (and the same as a real migration on disk gives)."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

import pytest
from test_cli import run_main  # tests/ is on sys.path (rootdir-relative, no package)

from runstrong.store import Store

FIXTURES = Path(__file__).parent / "store" / "fixtures"
SAMPLES = Path(__file__).parent / "importers" / "samples"


def make_v2_wal(path: Path) -> None:
    conn = sqlite3.connect(path)
    conn.execute("PRAGMA journal_mode=WAL")
    conn.executescript((FIXTURES / "schema_v2.sql").read_text())
    conn.close()  # the last connection closing checkpoints and removes -wal and -shm


def folder(path: Path) -> list[tuple[str, int]]:
    return sorted((p.name, p.stat().st_mode) for p in path.parent.iterdir())


def uids(payload: dict) -> list[str]:
    found = []
    for session in payload["sessions"]:
        found.append(session["uid"])
        found.extend(s["uid"] for s in session["sets"])
    found.extend(d["uid"] for d in payload["deleted"])
    return found


@pytest.mark.parametrize(
    "args",
    [
        ["export"],
        ["runs"],
        ["plan", "--from", "2026-10-06", "--days", "1"],
        ["exercises"],
        ["programs"],
        ["import", str(SAMPLES / "hevy_kg.csv"), "--dry-run"],
    ],
    ids=["export", "runs", "plan", "exercises", "programs", "import-dry-run"],
)
def test_a_reading_command_leaves_an_old_wal_file_and_its_folder_as_they_were(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], args: list[str]
) -> None:
    path = tmp_path / "old.db"
    make_v2_wal(path)
    check = sqlite3.connect(path)
    assert check.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    check.close()
    listing, before = folder(path), path.read_bytes()

    status, _, err = run_main([*args, "--db", str(path)], capsys)

    assert (status, err) == (0, "")
    assert folder(path) == listing == [("old.db", listing[0][1])]
    assert path.read_bytes() == before


def test_exporting_an_old_file_twice_gives_the_same_uids(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "old.db"
    make_v2_wal(path)

    first = json.loads(run_main(["export", "--db", str(path)], capsys)[1])
    second = json.loads(run_main(["export", "--db", str(path)], capsys)[1])

    # 4 sessions, one put aside by the migration (deleted), and the 4 done sets of the other 3.
    assert len(uids(first)) == 3 + 4 + 1
    assert uids(first) == uids(second)
    first.pop("exported_at"), second.pop("exported_at")
    assert first == second


def test_migrating_on_disk_gives_the_uids_the_in_memory_upgrade_gives(tmp_path: Path) -> None:
    path = tmp_path / "old.db"
    make_v2_wal(path)
    in_memory = Store.open_read_only(path)
    try:
        read = in_memory.conn.execute("SELECT id, uid, updated_at FROM sessions ORDER BY id").fetchall()
        read_sets = in_memory.conn.execute("SELECT id, uid FROM set_logs ORDER BY id").fetchall()
        put_aside = in_memory.conn.execute("SELECT id, deleted_at FROM sessions ORDER BY id").fetchall()
    finally:
        in_memory.close()
    on_disk = Store.open(path)
    try:
        assert on_disk.conn.execute("SELECT id, uid, updated_at FROM sessions ORDER BY id").fetchall() == read
        assert on_disk.conn.execute("SELECT id, uid FROM set_logs ORDER BY id").fetchall() == read_sets
        assert on_disk.conn.execute("SELECT id, deleted_at FROM sessions ORDER BY id").fetchall() == put_aside
    finally:
        on_disk.close()
    assert len({uid for _, uid, _ in read}) == 4 and len({uid for _, uid in read_sets}) == 5
