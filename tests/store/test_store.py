"""The store on real SQLite files: pragmas, durability, refusing bad files without touching them."""

from __future__ import annotations

import re

import sqlite3
import stat
from pathlib import Path

import pytest

from runstrong.core.catalog import load_catalog
from runstrong.core.plan import plan_day
from runstrong.store import SCHEMA_VERSION, Store, StoreError, resolve_db_path

FIXTURES = Path(__file__).parent / "fixtures"


def start_workout_a(store: Store, date: str = "2026-11-22"):
    catalog = load_catalog()
    program = catalog.default_program
    return store.start_session(
        date=date,
        started_at=f"{date}T10:00:00+01:00",
        program_id=program.id,
        program=program.name,
        day=program.days[0].name,
        day_index=0,
        slots=plan_day(program.days[0], catalog),
    )


def test_pragmas_on_a_new_file(store: Store, db_path: Path) -> None:
    conn = store.conn
    assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert conn.execute("PRAGMA synchronous").fetchone()[0] == 2  # FULL
    assert conn.execute("PRAGMA foreign_keys").fetchone()[0] == 1
    assert conn.execute("PRAGMA busy_timeout").fetchone()[0] > 0
    assert conn.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION


def test_new_file_is_readable_by_its_owner_only(store: Store, db_path: Path) -> None:
    assert stat.S_IMODE(db_path.stat().st_mode) == 0o600


def test_a_tick_is_on_disk_for_another_connection(store: Store, db_path: Path) -> None:
    session = start_workout_a(store)
    first = session.sets[0]
    store.tick_set(first.id, "2026-11-22T10:05:00+01:00")
    other = sqlite3.connect(db_path)
    row = other.execute("SELECT done_at, reps FROM set_logs WHERE id = ?", [first.id]).fetchone()
    other.close()
    assert row == ("2026-11-22T10:05:00+01:00", 12)


def test_session_plan_is_stored_in_order_with_sides(store: Store) -> None:
    session = start_workout_a(store)
    # Workout A: squat 3, lunge 3 x 2 sides, glute bridge 3, plank 3, calf raise 3.
    assert len(session.sets) == 18
    lunges = [(s.set_no, s.side.value if s.side else None) for s in session.sets if s.exercise_id == "lunge"]
    assert lunges == [(1, "left"), (1, "right"), (2, "left"), (2, "right"), (3, "left"), (3, "right")]
    plank = next(s for s in session.sets if s.exercise_id == "plank")
    assert plank.target_hold_s == 30 and plank.target_reps is None


def test_untick_edit_and_restore(store: Store) -> None:
    set_id = start_workout_a(store).sets[0].id
    ticked = store.tick_set(set_id, "2026-11-22T10:05:00+01:00")
    edited = store.edit_set(set_id, reps=10, load_kg=42.5, hold_s=None)
    assert (edited.reps, edited.load_kg, edited.done) == (10, 42.5, True)
    store.restore_set(ticked)
    assert store.set_log(set_id) == ticked
    assert store.untick_set(set_id).done_at is None


def test_check_constraints_are_a_backstop(store: Store) -> None:
    set_id = start_workout_a(store).sets[0].id
    with pytest.raises(StoreError):
        store.edit_set(set_id, reps=-3, load_kg=None, hold_s=None)
    with pytest.raises(StoreError):
        store.edit_set(set_id, reps=5, load_kg=10000, hold_s=None)
    with pytest.raises(StoreError):
        store.edit_set(set_id, reps=None, load_kg=None, hold_s=0)
    assert store.set_log(set_id).reps is None


def test_settings_round_trip(store: Store, db_path: Path) -> None:
    store.save_settings({"program_id": "advanced", "unit": "lb"})
    reopened = Store.open(db_path)
    try:
        assert reopened.settings() == {"program_id": "advanced", "unit": "lb"}
    finally:
        reopened.close()


def test_open_session_and_rotation(store: Store) -> None:
    session = start_workout_a(store)
    assert store.open_session("2026-11-22", "beginner").id == session.id
    assert store.open_session("2026-11-23", "beginner") is None
    store.finish_session(session.id, "2026-11-22T11:00:00+01:00")
    assert store.open_session("2026-11-22", "beginner") is None
    assert store.last_session("beginner").day_index == 0


def test_export_json_shape(store: Store) -> None:
    from datetime import datetime, timezone

    session = start_workout_a(store)
    store.now = lambda: datetime(2026, 11, 22, 9, 5, tzinfo=timezone.utc)  # stamps updated_at
    store.tick_set(session.sets[0].id, "2026-11-22T10:05:00+01:00")
    payload = store.export_json(datetime(2026, 11, 22, 12, tzinfo=timezone.utc))
    assert payload["format"] == "runstrong-export" and payload["version"] == 2
    assert payload["exported_at"] == "2026-11-22T12:00:00+00:00"
    assert payload["exercises"] == [] and payload["programs"] == []
    [exported] = payload["sessions"]
    assert exported["program"] == "Beginner (2 days/week)" and exported["day"] == "Workout A"
    assert re.fullmatch("[0-9a-f]{32}", exported["uid"])
    [logged] = exported["sets"]
    assert re.fullmatch("[0-9a-f]{32}", logged.pop("uid")) and logged["exercise"] == "Squat"
    assert logged == {
        "exercise": "Squat", "exercise_id": "squat", "set": 1, "side": None, "set_type": "normal",
        "target_reps": 12, "reps": 12, "load_kg": None, "target_hold_s": None,
        "hold_s": None, "rpe": None, "note": "", "done_at": "2026-11-22T10:05:00+01:00",
        # Added for merging (issue 10): the instant of the set's last change.
        "updated_at": "2026-11-22T09:05:00+00:00",
    }
    assert exported["source"] == "runstrong" and payload["deleted"] == []
    assert store.session(session.id).uid == exported["uid"]


# -- files runstrong must refuse, leaving every byte as it was ---------------------------------


def _refused(path: Path, expected: str) -> None:
    before = path.read_bytes()
    with pytest.raises(StoreError) as caught:
        Store.open(path)
    message = str(caught.value)
    assert str(path) in message and expected in message and "\n" not in message
    assert path.read_bytes() == before
    assert not Path(f"{path}-wal").exists()


def test_not_sqlite_is_refused_untouched(tmp_path: Path) -> None:
    path = tmp_path / "notes.db"
    path.write_bytes(b"my training notes, definitely not a database\n" * 100)
    _refused(path, "not a SQLite database")


def test_corrupt_file_is_refused_untouched(tmp_path: Path, db_path: Path) -> None:
    store = Store.open(db_path)
    start_workout_a(store)
    store.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    store.close()
    data = bytearray(db_path.read_bytes())
    data[4096:8192] = b"\xff" * 4096  # scribble over the second page
    db_path.write_bytes(bytes(data))
    _refused(db_path, "damaged")


def test_truncated_file_is_refused_untouched(db_path: Path) -> None:
    store = Store.open(db_path)
    for day in range(1, 20):
        start_workout_a(store, f"2026-10-{day:02d}")
    store.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    store.close()
    data = db_path.read_bytes()
    db_path.write_bytes(data[: len(data) // 2])
    _refused(db_path, "damaged")


def test_newer_schema_is_refused_untouched(db_path: Path) -> None:
    conn = sqlite3.connect(db_path)
    conn.execute("CREATE TABLE future (x)")
    conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 5}")
    conn.commit()
    conn.close()
    _refused(db_path, "newer runstrong")


def test_locked_database_is_reported(db_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    Store.open(db_path).close()
    monkeypatch.setattr("runstrong.store.connection.BUSY_TIMEOUT_MS", 100)
    monkeypatch.setattr("runstrong.store.files.BUSY_TIMEOUT_MS", 100)  # the read-only check before opening
    holder = sqlite3.connect(db_path, isolation_level=None)
    holder.execute("PRAGMA locking_mode = EXCLUSIVE")
    holder.execute("BEGIN EXCLUSIVE")
    try:
        with pytest.raises(StoreError, match="locked by another program"):
            Store.open(db_path)
    finally:
        holder.execute("ROLLBACK")
        holder.close()


def test_a_folder_is_not_a_database(tmp_path: Path) -> None:
    with pytest.raises(StoreError, match="not a file"):
        Store.open(tmp_path)


# -- migrations ---------------------------------------------------------------------------------


def test_migration_from_v1_makes_a_backup_first(tmp_path: Path) -> None:
    path = tmp_path / "old.db"
    conn = sqlite3.connect(path)
    conn.executescript((FIXTURES / "schema_v1.sql").read_text())
    conn.close()
    original = path.read_bytes()

    store = Store.open(path)
    try:
        assert store.schema_version == SCHEMA_VERSION
        backup = tmp_path / "old.db.v1.bak"
        assert store.backup_path == backup
        old = sqlite3.connect(backup)
        assert old.execute("PRAGMA user_version").fetchone()[0] == 1
        assert old.execute("SELECT COUNT(*) FROM set_logs").fetchone()[0] == 3
        old.close()
        # The data came through the migration, and the new columns work.
        session = store.session(1)
        assert [s.done for s in session.sets] == [True, True, False]
        assert store.set_log(1).reps == 12
    finally:
        store.close()
    assert original[:16] == b"SQLite format 3\x00"


def test_resolve_db_path_order(tmp_path: Path) -> None:
    assert resolve_db_path("a.db", {"RUNSTRONG_DB": "b.db"}) == Path("a.db")
    assert resolve_db_path(None, {"RUNSTRONG_DB": "b.db"}) == Path("b.db")
    default = resolve_db_path(None, {})
    assert default.name == "runstrong.db" and "runstrong" in default.parent.as_posix()


def test_another_programs_sqlite_file_is_refused_untouched(tmp_path: Path) -> None:
    path = tmp_path / "other.db"
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE sessions (id INTEGER PRIMARY KEY, what TEXT)")
    conn.commit()
    conn.close()
    _refused(path, "not runstrong's")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["other.db"]


def test_a_path_through_a_file_is_one_clear_error(tmp_path: Path) -> None:
    blocker = tmp_path / "plain.txt"
    blocker.write_text("x")
    with pytest.raises(StoreError, match="cannot create"):
        Store.open(blocker / "runstrong.db")


def test_migration_backup_is_private(tmp_path: Path) -> None:
    path = tmp_path / "old.db"
    conn = sqlite3.connect(path)
    conn.executescript((FIXTURES / "schema_v1.sql").read_text())
    conn.close()
    Store.open(path).close()
    assert stat.S_IMODE((tmp_path / "old.db.v1.bak").stat().st_mode) == 0o600


def test_migration_from_v2_keeps_every_set_and_leaves_one_open_session_a_day(tmp_path: Path) -> None:
    path = tmp_path / "old.db"
    conn = sqlite3.connect(path)
    conn.executescript((FIXTURES / "schema_v2.sql").read_text())
    conn.close()

    store = Store.open(path)
    try:
        assert store.schema_version == SCHEMA_VERSION == 3
        assert store.backup_path == tmp_path / "old.db.v2.bak"
        backup = sqlite3.connect(store.backup_path)
        assert backup.execute("SELECT COUNT(*) FROM sessions WHERE finished_at IS NULL").fetchone()[0] == 4
        backup.close()
        # Session 3 (ticks, newest) stays open; 1 (ticks) is closed at its last tick as an
        # instant: 17:00Z is later than 18:30+02:00 (16:30Z) though it sorts first as text;
        # 2 (empty) is put aside; 4, another day, is untouched.
        assert store.open_session("2026-10-02", "beginner").id == 3
        assert store.session(1).finished_at == "2026-10-02T17:00:00+00:00"
        assert store.is_session_deleted(2) and not store.is_session_deleted(1)
        assert store.open_session("2026-10-05", "beginner").notes == "rainy"
        # Every set came through, with a fresh unique uid and a normal set type.
        sets = [store.set_log(set_id) for set_id in range(1, 6)]
        assert [s.load_kg for s in sets] == [40.0, 40.0, None, 42.5, None]
        assert len({s.uid for s in sets}) == 5 and all(len(s.uid) == 32 for s in sets)
        assert {s.set_type for s in sets} == {"normal"}
        # The constraint now holds: a second open Workout A on 2026-10-02 is refused by the
        # database itself...
        with pytest.raises(sqlite3.IntegrityError, match="UNIQUE"):
            store.conn.execute(
                "INSERT INTO sessions (date, started_at, program_id, program, day, day_index, uid) "
                "VALUES ('2026-10-02', '2026-10-02T19:00:00+00:00', 'beginner', 'Beginner', 'Workout A', 0, 'x')"
            )
        # ...and starting one through the store adopts the open one (a second window's start).
        adopted = store.start_session(
            date="2026-10-02", started_at="2026-10-02T19:00:00+00:00", program_id="beginner",
            program="Beginner (2 days/week)", day="Workout A", day_index=0, slots=[],
        )
        assert adopted.id == 3
        assert store.conn.execute("SELECT COUNT(*) FROM sessions").fetchone()[0] == 4
    finally:
        store.close()


def test_reopening_a_finished_session_puts_aside_a_newer_empty_one(store: Store) -> None:
    first = start_workout_a(store)
    store.tick_set(first.sets[0].id, "2026-11-22T10:05:00+01:00")
    store.finish_session(first.id, "2026-11-22T11:00:00+01:00")
    empty = start_workout_a(store)

    reopened = store.finish_session(first.id, None)

    assert reopened.finished_at is None and store.is_session_deleted(empty.id)
    assert store.open_session("2026-11-22", "beginner").id == first.id


def test_reopening_refuses_while_a_newer_session_has_ticks(store: Store) -> None:
    first = start_workout_a(store)
    store.finish_session(first.id, "2026-11-22T11:00:00+01:00")
    newer = start_workout_a(store)
    store.tick_set(newer.sets[0].id, "2026-11-22T11:05:00+01:00")

    with pytest.raises(StoreError, match="another session of this program is open"):
        store.finish_session(first.id, None)

    assert store.session(first.id).finished_at == "2026-11-22T11:00:00+01:00"
    assert store.open_session("2026-11-22", "beginner").id == newer.id
