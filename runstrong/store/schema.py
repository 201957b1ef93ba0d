"""The schema as a list of migrations: entry N takes a database from version N to N + 1.

`PRAGMA user_version` holds the version a file is at; the connection module runs what is missing,
after copying the file aside.
"""

from __future__ import annotations

# The UI validates against these limits; the schema's CHECK constraints repeat them as a backstop.
from runstrong.core.set_input import MAX_HOLD_S, MAX_LOAD_KG, MAX_REPS

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

# v3: stable ids and change times (import, export and merging two machines), set types, RPE and
# notes, own exercises and programs, the running week and races, and one open session per day
# and program. Open duplicates left by two windows are settled first, keeping every done set:
# the one with ticks (else the newest) stays open; another with ticks is closed at its last tick;
# an empty one is soft-deleted (as of its own start, so the result does not depend on when the
# migration ran). Old rows get uids from `migration_uid` (content_uid, registered by the
# connection module before any migration runs): the same old file always gets the same uids.
_OPEN = f"finished_at IS NULL AND deleted_at IS NULL AND program_id != '{QUICK_PROGRAM_ID}'"
_HAS_DONE = (
    "EXISTS (SELECT 1 FROM set_logs sl WHERE sl.session_id = sessions.id "
    "AND sl.done_at IS NOT NULL AND sl.deleted_at IS NULL)"
)
_SCHEMA_V3 = f"""
ALTER TABLE sessions ADD COLUMN uid TEXT;
ALTER TABLE sessions ADD COLUMN updated_at TEXT;
ALTER TABLE sessions ADD COLUMN source TEXT NOT NULL DEFAULT 'runstrong';
ALTER TABLE set_logs ADD COLUMN uid TEXT;
ALTER TABLE set_logs ADD COLUMN set_type TEXT NOT NULL DEFAULT 'normal'
    CHECK (set_type IN ('normal', 'warmup', 'drop', 'failure'));
ALTER TABLE set_logs ADD COLUMN rpe REAL CHECK (rpe IS NULL OR rpe BETWEEN 1 AND 10);
ALTER TABLE set_logs ADD COLUMN note TEXT NOT NULL DEFAULT '';
ALTER TABLE set_logs ADD COLUMN target_load_kg REAL
    CHECK (target_load_kg IS NULL OR target_load_kg BETWEEN 0 AND {MAX_LOAD_KG});
ALTER TABLE set_logs ADD COLUMN rest_s INTEGER CHECK (rest_s IS NULL OR rest_s BETWEEN 0 AND 3600);
ALTER TABLE set_logs ADD COLUMN updated_at TEXT;
UPDATE sessions SET uid = migration_uid('v3', 'sessions', id, started_at, program_id, day),
    updated_at = COALESCE(finished_at, started_at);
UPDATE set_logs SET uid = migration_uid('v3', 'set_logs', id, session_id, exercise_id, done_at),
    updated_at = COALESCE(done_at, (SELECT started_at FROM sessions WHERE sessions.id = set_logs.session_id));
CREATE UNIQUE INDEX sessions_uid ON sessions(uid);
CREATE UNIQUE INDEX set_logs_uid ON set_logs(uid);
DROP INDEX set_logs_exercise;
CREATE INDEX set_logs_exercise ON set_logs(exercise_id, julianday(done_at));
CREATE TEMP TABLE open_keepers AS
    SELECT id FROM (
        SELECT id, ROW_NUMBER() OVER (PARTITION BY date, program_id ORDER BY {_HAS_DONE} DESC, id DESC) AS rank
        FROM sessions WHERE {_OPEN}
    ) WHERE rank = 1;
UPDATE sessions SET finished_at = (
        SELECT sl.done_at FROM set_logs sl WHERE sl.session_id = sessions.id AND sl.done_at IS NOT NULL
        ORDER BY julianday(sl.done_at) DESC LIMIT 1)
    WHERE {_OPEN} AND id NOT IN (SELECT id FROM open_keepers) AND {_HAS_DONE};
UPDATE sessions SET deleted_at = started_at
    WHERE {_OPEN} AND id NOT IN (SELECT id FROM open_keepers);
DROP TABLE open_keepers;
CREATE UNIQUE INDEX sessions_one_open ON sessions(date, program_id) WHERE {_OPEN};
CREATE TABLE exercises (
    id TEXT PRIMARY KEY,
    name TEXT NOT NULL UNIQUE COLLATE NOCASE,
    kind TEXT NOT NULL CHECK (kind IN ('reps', 'hold', 'carry', 'plyometric')),
    per_side INTEGER NOT NULL CHECK (per_side IN (0, 1)),
    category TEXT NOT NULL,
    doc TEXT NOT NULL,
    archived_at TEXT,
    updated_at TEXT NOT NULL
);
CREATE TABLE programs (
    id TEXT PRIMARY KEY,
    name TEXT NOT NULL UNIQUE COLLATE NOCASE,
    doc TEXT NOT NULL,
    archived_at TEXT,
    updated_at TEXT NOT NULL
);
CREATE TABLE run_week (
    weekday INTEGER PRIMARY KEY CHECK (weekday BETWEEN 0 AND 6),
    kind TEXT NOT NULL CHECK (kind IN ('easy', 'hard', 'long', 'rest')),
    distance_km REAL CHECK (distance_km IS NULL OR distance_km > 0)
);
CREATE TABLE runs (
    id INTEGER PRIMARY KEY,
    uid TEXT NOT NULL UNIQUE,
    date TEXT NOT NULL CHECK (date GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
    kind TEXT NOT NULL CHECK (kind IN ('easy', 'hard', 'long', 'rest', 'race')),
    distance_km REAL CHECK (distance_km IS NULL OR distance_km > 0),
    name TEXT NOT NULL DEFAULT '',
    priority TEXT CHECK (priority IS NULL OR priority IN ('A', 'B', 'C')),
    source TEXT NOT NULL DEFAULT 'manual',
    deleted_at TEXT
);
CREATE INDEX runs_date ON runs(date)
"""

MIGRATIONS: tuple[str, ...] = (_SCHEMA_V1, _SCHEMA_V2, _SCHEMA_V3)
SCHEMA_VERSION = len(MIGRATIONS)


def statements(script: str) -> list[str]:
    """The statements of one migration script (none of ours has a ';' inside a statement)."""
    return [statement for statement in script.split(";") if statement.strip()]
