"""runstrong's own JSON export (`runstrong export`), versions 1 and 2 (see DESIGN.md).

Version 2 carries a uid for every session and set, which is what makes importing an export
from another machine a merge; it may also carry `updated_at` per session and set and a
`deleted` list ({uid, deleted_at}) so edits and deletions travel too, and (additively) own
exercises and programs ("exercises", "programs", checked here with the routine validator), the
usual running week ("run_week") and dated runs and races ("runs"). Version 1 has no uids:
they are derived from the content, so importing the same v1 file twice still adds nothing.
"""

from __future__ import annotations

import bisect
import json
import re
from datetime import datetime, tzinfo
from typing import Any

from runstrong.core.catalog import OWN, CatalogError, load_catalog, parse_exercise, parse_program
from runstrong.core.clock import parse_iso_date
from runstrong.core.models import Exercise
from runstrong.core.routine_file import exercise_table_from_json, program_table_from_json
from runstrong.core.running import Priority, Run, RunKind, RunningWeek, UsualDay
from runstrong.core.set_input import MAX_HOLD_S, MAX_LOAD_KG, MAX_REPS
from runstrong.core.text import printable
from runstrong.importers.records import (
    SET_TYPES,
    ImportBatch,
    ImportedSession,
    ImportedSet,
    ImportFileError,
    content_uid,
)

SOURCE = "runstrong"
FORMAT_NAME = "runstrong-export"
VERSIONS = (1, 2)
_UID = re.compile(r"^[0-9A-Za-z_-]{8,64}$")


class RunstrongJsonImporter:
    """runstrong export JSON (v1, v2) -> ImportBatch."""

    name = SOURCE
    title = 'runstrong JSON export ({"format": "runstrong-export", "version": 1 or 2, ...})'

    def identify(self, header: str) -> bool:
        """True when `header` (the file's first line, at most importers.HEADER_LIMIT characters)
        opens a JSON object; the format itself is checked by extract. Never raises."""
        return header.lstrip().startswith("{")

    def extract(self, text: str, path: str, unit: str | None, tz: tzinfo | None = None) -> ImportBatch:
        """Every session and set of the export; ImportFileError names the line of the first bad one."""
        try:
            data = json.loads(text)
        except json.JSONDecodeError as error:
            raise ImportFileError(path, error.lineno, f"not valid JSON ({error.msg})") from None
        lines = _KeyLines(text)
        if not isinstance(data, dict) or data.get("format") != FORMAT_NAME:
            raise ImportFileError(path, 1, f'not a runstrong export (no "format": "{FORMAT_NAME}")')
        version = data.get("version")
        if version not in VERSIONS:
            raise ImportFileError(
                path, 1, f"runstrong export version {version!r}: this runstrong reads versions 1 and 2; update runstrong"
            )
        sessions = data.get("sessions")
        if not isinstance(sessions, list):
            raise ImportFileError(path, 1, 'no "sessions" list')
        batch = ImportBatch(format=SOURCE, unit="kg", path=path)
        set_index = 0
        for number, raw in enumerate(sessions):
            line = lines.line("started_at", number)
            check = _Checker(path, line)
            if not isinstance(raw, dict):
                raise ImportFileError(path, line, "a session is not an object")
            session = _session(raw, check, version)
            raw_sets = raw.get("sets", [])
            if not isinstance(raw_sets, list):
                check.fail('"sets" is not a list')
            seen: dict[tuple[Any, ...], int] = {}
            for raw_set in raw_sets:
                set_check = _Checker(path, lines.line("done_at", set_index))
                set_index += 1
                if not isinstance(raw_set, dict):
                    set_check.fail("a set is not an object")
                logged = _set(raw_set, set_check, session, version, seen)
                session.sets.append(logged)
            batch.sessions.append(session)
        batch.sessions.sort(key=lambda s: datetime.fromisoformat(s.started_at))
        _own_entries(data, batch, lines, path)
        _running(data, batch, lines, path)
        for item in data.get("deleted", []) or []:
            if isinstance(item, dict) and isinstance(item.get("uid"), str) and isinstance(item.get("deleted_at"), str):
                batch.deleted[item["uid"]] = item["deleted_at"]
        return batch


def _own_entries(data: dict[str, Any], batch: ImportBatch, lines: _KeyLines, path: str) -> None:
    """Own exercises and programs, each checked by the routine validator (core.catalog) against
    the packaged catalog and the file's own exercises; the first bad one is FILE:LINE."""
    pool: dict[str, Exercise] = dict(load_catalog().exercises)
    for key in ("exercises", "programs"):
        entries = data.get(key, [])
        if not isinstance(entries, list) or not all(isinstance(entry, dict) for entry in entries):
            raise ImportFileError(path, lines.first(key), f'"{key}" is not a list of objects')
        for number, entry in enumerate(entries, 1):
            label = f"{key[:-1]} #{number}"
            check = _Checker(path, lines.entry(entry.get("id"), key))
            check.instant(entry, "updated_at", required=False)
            try:
                if key == "exercises":
                    exercise = parse_exercise(exercise_table_from_json(entry), (), OWN, label)
                    pool[exercise.id] = exercise
                else:
                    parse_program(program_table_from_json(entry), (), pool, OWN, label)
            except CatalogError as error:
                check.fail(printable(str(error)))
    batch.own_exercises = list(data.get("exercises", []))
    batch.own_programs = list(data.get("programs", []))


def _running(data: dict[str, Any], batch: ImportBatch, lines: _KeyLines, path: str) -> None:
    """The usual week and the dated runs and races; None / [] when the file has none."""
    week = data.get("run_week")
    if week is not None:
        if not isinstance(week, list):
            raise ImportFileError(path, lines.first("run_week"), '"run_week" is not a list')
        days: dict[int, UsualDay] = {}
        for index, raw in enumerate(week):
            check = _Checker(path, lines.line("weekday", index))
            if not isinstance(raw, dict):
                check.fail("a day of the running week is not an object")
            weekday = check.number(raw, "weekday", 0, 6, whole=True)
            if weekday is None or weekday in days:
                check.fail(f'"weekday" must be 0 (Monday) .. 6 (Sunday), once each, not {raw.get("weekday")!r}')
            kind = raw.get("kind")
            if kind not in ("easy", "hard", "long", "rest"):
                check.fail(f'"kind" must be easy, hard, long or rest, not {kind!r}')
            days[weekday] = UsualDay(RunKind(kind), _distance(raw, check))
        batch.run_week = RunningWeek(days)
    runs = data.get("runs", [])
    if not isinstance(runs, list):
        raise ImportFileError(path, lines.first("runs"), '"runs" is not a list')
    for index, raw in enumerate(runs):
        check = _Checker(path, lines.entry(raw.get("uid") if isinstance(raw, dict) else None, "runs"))
        if not isinstance(raw, dict):
            check.fail("a run is not an object")
        uid = check.text(raw, "uid")
        if not 1 <= len(uid) <= 512 or printable(uid) != uid:
            check.fail(f"bad run uid {uid!r}")
        kind = raw.get("kind")
        if kind not in [k.value for k in RunKind]:
            check.fail(f'"kind" must be one of {", ".join(k.value for k in RunKind)}, not {kind!r}')
        priority = raw.get("priority")
        if priority not in (None, "A", "B", "C"):
            check.fail(f'"priority" must be "A", "B", "C" or null, not {priority!r}')
        batch.runs.append(
            Run(
                date=check.date(raw, "date"),
                kind=RunKind(kind),
                distance_km=_distance(raw, check),
                name=check.text(raw, "name", required=False),
                priority=Priority(priority) if priority else None,
                uid=uid,
                source=check.text(raw, "source", required=False, default="manual") or "manual",
            )
        )


def _distance(raw: dict[str, Any], check: _Checker) -> float | None:
    distance = check.number(raw, "distance_km", 0, 1000, whole=False)
    if distance == 0:
        check.fail('"distance_km" must be more than 0 (or null)')
    return distance


class _KeyLines:
    """Line numbers of the n-th `"key":` in the text. Inside JSON strings every quote is escaped,
    so the n-th unescaped `"started_at"` is the n-th session's and `"done_at"` the n-th set's."""

    def __init__(self, text: str) -> None:
        self._newlines = [m.start() for m in re.finditer("\n", text)]
        self._text = text
        self._positions: dict[str, list[int]] = {}

    def line(self, key: str, index: int) -> int:
        positions = self._positions.get(key)
        if positions is None:
            positions = self._positions[key] = [m.start() for m in re.finditer(f'"{key}"\\s*:', self._text)]
        if index >= len(positions):
            return 1
        return bisect.bisect_left(self._newlines, positions[index]) + 1

    def first(self, key: str) -> int:
        """The line of the first `"key":`, or 1."""
        return self.line(key, 0)

    def entry(self, entry_id: Any, section: str) -> int:
        """The line of `"id"`/`"uid": "<entry_id>"` after the section's key, else the section's."""
        start = self._text.find(f'"{section}"')
        if isinstance(entry_id, str) and start >= 0:
            found = re.compile(f'"u?id"\\s*:\\s*{re.escape(json.dumps(entry_id))}').search(self._text, start)
            if found:
                return bisect.bisect_left(self._newlines, found.start()) + 1
        return self.first(section)


class _Checker:
    """Typed reads from one JSON object, refusing with FILE:LINE."""

    def __init__(self, path: str, line: int) -> None:
        self.path, self.lineno = path, line

    def fail(self, reason: str) -> None:
        raise ImportFileError(self.path, self.lineno, reason)

    def text(self, obj: dict[str, Any], key: str, *, required: bool = True, default: str = "") -> str:
        value = obj.get(key, None if required else default)
        if value is None and not required:
            return default
        if not isinstance(value, str):
            self.fail(f'"{key}" must be text, not {value!r}')
        return value

    def date(self, obj: dict[str, Any], key: str) -> Any:
        """A required YYYY-MM-DD date (core.clock.parse_iso_date: nothing looser)."""
        text = self.text(obj, key)
        try:
            return parse_iso_date(text)
        except ValueError:
            self.fail(f'bad date in "{key}": {text!r} (use YYYY-MM-DD)')

    def instant(self, obj: dict[str, Any], key: str, *, required: bool = True) -> str | None:
        value = obj.get(key)
        if value is None and not required:
            return None
        if not isinstance(value, str):
            self.fail(f'"{key}" must be an ISO time, not {value!r}')
        try:
            moment = datetime.fromisoformat(value)
        except ValueError:
            self.fail(f'bad date in "{key}": {value!r}')
        if moment.tzinfo is None:
            self.fail(f'"{key}" has no UTC offset: {value!r}')
        return value

    def number(self, obj: dict[str, Any], key: str, low: float, high: float, *, whole: bool) -> Any:
        value = obj.get(key)
        if value is None:
            return None
        if isinstance(value, bool) or not isinstance(value, (int, float)) or (whole and not float(value).is_integer()):
            self.fail(f'"{key}" must be a {"whole " if whole else ""}number, not {value!r}')
        if not low <= value <= high:
            self.fail(f'"{key}" {value} is outside {low:g}..{high:g}')
        return int(value) if whole else float(value)


def _session(raw: dict[str, Any], check: _Checker, version: int) -> ImportedSession:
    started_at = check.instant(raw, "started_at")
    assert started_at is not None
    day_text = check.date(raw, "date").isoformat()
    program = check.text(raw, "program", required=False)
    day = check.text(raw, "day", required=False)
    if version >= 2:
        uid = check.text(raw, "uid")
        if not _UID.match(uid):
            check.fail(f"bad uid {uid!r}")
    else:
        uid = content_uid(SOURCE, datetime.fromisoformat(started_at).isoformat(), program, day)
    return ImportedSession(
        uid=uid,
        started_at=started_at,
        date=day_text,
        finished_at=check.instant(raw, "finished_at", required=False),
        name=day,
        notes=check.text(raw, "notes", required=False),
        source=check.text(raw, "source", required=False, default=SOURCE) or SOURCE,
        line=check.lineno,
        program=program,
        day=day,
        updated_at=check.instant(raw, "updated_at", required=False),
    )


def _set(
    raw: dict[str, Any], check: _Checker, session: ImportedSession, version: int, seen: dict[tuple[Any, ...], int]
) -> ImportedSet:
    exercise_id = check.text(raw, "exercise_id")
    set_no = check.number(raw, "set", 1, 10_000, whole=True)
    if set_no is None:
        check.fail('a set without "set"')
    side = raw.get("side")
    if side not in (None, "left", "right"):
        check.fail(f'"side" must be null, "left" or "right", not {side!r}')
    set_type = raw.get("set_type", "normal") if version >= 2 else "normal"
    if set_type not in SET_TYPES:
        check.fail(f'"set_type" must be one of {", ".join(SET_TYPES)}, not {set_type!r}')
    if version >= 2:
        uid = check.text(raw, "uid")
        if not _UID.match(uid):
            check.fail(f"bad uid {uid!r}")
    else:
        key = (exercise_id, set_no, side)
        nth = seen[key] = seen.get(key, 0) + 1
        uid = content_uid(session.uid, exercise_id, set_no, side or "", nth)
    hold_s = check.number(raw, "hold_s", 1, MAX_HOLD_S, whole=True)
    return ImportedSet(
        uid=uid,
        exercise_name=check.text(raw, "exercise", required=False, default=exercise_id) or exercise_id,
        exercise_id=exercise_id,
        set_no=set_no,
        set_type=set_type,
        side=side,
        reps=check.number(raw, "reps", 0, MAX_REPS, whole=True),
        load_kg=check.number(raw, "load_kg", 0, MAX_LOAD_KG, whole=False),
        hold_s=hold_s,
        rpe=check.number(raw, "rpe", 1, 10, whole=False),
        note=check.text(raw, "note", required=False),
        done_at=check.instant(raw, "done_at") or "",
        line=check.lineno,
        target_reps=check.number(raw, "target_reps", 1, MAX_REPS, whole=True),
        target_hold_s=check.number(raw, "target_hold_s", 1, MAX_HOLD_S, whole=True),
        updated_at=check.instant(raw, "updated_at", required=False),
    )
