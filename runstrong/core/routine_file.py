"""Routine files: a runner's own exercises and programs as plain TOML, read and written back.

A routine file holds `[[exercise]]` tables in the packaged `data/exercises.toml` format (only
`id`, `name`, `kind`, `per_side` and `category` required) and `[[program]]` tables in the
`data/programs.toml` format (see docs/programs.md). `parse_routine` checks a file whole against
the merged catalog with the same validator the packaged data goes through (core.catalog) and
raises `RoutineError("FILE:LINE: what is wrong")` for the first problem, so nothing of a bad
file is saved. `routine_toml` writes programs back; `parse_routine` of its output gives the same
programs again (a fixed point: `programs show --toml` then `programs add --replace`).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from typing import Any, NamedTuple

import tomli

from runstrong.core.catalog import OWN, Catalog, CatalogError, Location, parse_exercise, parse_program
from runstrong.core.models import Exercise, Kind, Prescription, Program

_TOP_KEYS = ("exercise", "program")
_TIMED = (Kind.HOLD, Kind.CARRY)


class RoutineError(ValueError):
    """A routine file that cannot be taken; the message is "FILE:LINE: what is wrong"."""


class Routine(NamedTuple):
    """What a checked routine file adds or updates, in file order."""

    exercises: tuple[Exercise, ...]
    programs: tuple[Program, ...]


def parse_routine(text: str, filename: str, catalog: Catalog, *, replace: bool = False) -> Routine:
    """Check a whole routine file against `catalog` (packaged plus the runner's own entries).

    Refused (RoutineError naming the line): TOML syntax, an unknown key or exercise id, sets 0,
    reps and hold_s both (or neither) given, a hold on a reps exercise (or reps on a hold), a
    range whose top is below its bottom, a name used twice ignoring case (in the file, by a
    packaged entry or by another own one), an id of a packaged entry, and an id of an own entry
    already stored unless `replace` is true.
    """
    try:
        document = tomli.loads(text)
    except tomli.TOMLDecodeError as error:
        # At the end of the document the reader may stand on the empty line after the last
        # newline: name the last line of text, where the runner has to look.
        line = min(error.lineno, max(len(text.splitlines()), 1))
        raise RoutineError(f"{filename}:{line}: TOML syntax: {error.msg}") from None
    try:
        return _check(document, catalog, replace)
    except CatalogError as error:
        raise RoutineError(f"{filename}:{line_of(text, error.at)}: {error}") from None


def _check(document: dict[str, Any], catalog: Catalog, replace: bool) -> Routine:
    for key in document:
        if key not in _TOP_KEYS:
            raise CatalogError(f"unknown table or key {key!r}: a routine file has [[exercise]] and [[program]] tables", (key,))
    for key in _TOP_KEYS:
        if key in document and not (
            isinstance(document[key], list) and all(isinstance(entry, dict) for entry in document[key])
        ):
            raise CatalogError(f"{key!r} should be [[{key}]] tables", (key,))
    if not document.get("exercise") and not document.get("program"):
        raise CatalogError("no [[exercise]] or [[program]] tables: nothing to add", ())

    exercises: list[Exercise] = []
    for index, table in enumerate(document.get("exercise", [])):
        at: Location = ("exercise", index)
        exercise = parse_exercise(table, at, OWN, f"exercise #{index + 1}")
        stored = catalog.exercises.get(exercise.id)
        _check_id("exercise", exercise.id, stored is not None and not stored.own, stored is not None, replace, at)
        if any(other.id == exercise.id for other in exercises):
            raise CatalogError(f"exercise {exercise.id!r} is defined twice in this file", (*at, "id"))
        check_name_free("exercise", exercise.id, exercise.name, catalog.exercises.values(), exercises, at=(*at, "name"))
        exercises.append(exercise)

    pool = dict(catalog.exercises) | {exercise.id: exercise for exercise in exercises}
    programs: list[Program] = []
    for index, table in enumerate(document.get("program", [])):
        at = ("program", index)
        program = parse_program(table, at, pool, OWN, f"program #{index + 1}")
        stored_program = next((p for p in catalog.programs if p.id == program.id), None)
        _check_id(
            "program", program.id, stored_program is not None and not stored_program.own,
            stored_program is not None, replace, at,
        )
        if any(other.id == program.id for other in programs):
            raise CatalogError(f"program {program.id!r} is defined twice in this file", (*at, "id"))
        check_name_free("program", program.id, program.name, catalog.programs, programs, at=(*at, "name"))
        programs.append(program)

    replaced = {program.id for program in programs}
    for index, exercise in enumerate(exercises):
        check_programs_still_fit(exercise, catalog, replaced, ("exercise", index, "kind"))
    return Routine(exercises=tuple(exercises), programs=tuple(programs))


def _check_id(what: str, entry_id: str, packaged: bool, stored: bool, replace: bool, at: Location) -> None:
    if packaged:
        raise CatalogError(
            f"{what} {entry_id!r} is a packaged {what} and cannot be changed; give yours another id", (*at, "id")
        )
    if stored and not replace:
        raise CatalogError(f"{what} {entry_id!r} exists already; add with --replace to update it", (*at, "id"))


def check_name_free(
    what: str,
    entry_id: str,
    name: str,
    *groups: Iterable[Exercise | Program],
    at: Location = (),
) -> None:
    """CatalogError unless `name` (ignoring case, casefold) belongs to no entry of `groups` but
    the one with `entry_id` (its own earlier version). Names are unique among exercises, and
    among programs (ours)."""
    wanted = name.strip().casefold()
    for group in groups:
        for other in group:
            if other.id != entry_id and other.name.strip().casefold() == wanted:
                raise CatalogError(
                    f"{what} {entry_id!r}: the name {name!r} is taken by {other.id!r} (names ignore case)", at
                )


def check_programs_still_fit(
    exercise: Exercise, catalog: Catalog, replaced: Iterable[str] = (), at: Location = ()
) -> None:
    """CatalogError if `exercise`, changed from timed to reps or back, no longer fits an own
    program in `catalog` that counts it the other way (programs in `replaced` are being rewritten)."""
    replaced = set(replaced)
    for program in catalog.programs:
        if not program.own or program.id in replaced:
            continue
        for day in program.days:
            for item in day.items:
                if item.exercise_id == exercise.id and (exercise.kind in _TIMED) != (item.prescription.hold_s is not None):
                    counted = "seconds" if item.prescription.hold_s is not None else "reps"
                    raise CatalogError(
                        f"exercise {exercise.id!r}: kind {exercise.kind.value!r} does not fit program "
                        f"{program.id!r}, which counts it in {counted}",
                        at,
                    )


# -- writing back -----------------------------------------------------------------------------


def prescription_table(prescription: Prescription) -> dict[str, Any]:
    """The TOML/JSON form of a prescription, absent values left out: {"sets": 3, "reps": 8, ...}."""
    table: dict[str, Any] = {"sets": prescription.sets}
    for key in ("reps", "reps_max", "hold_s", "hold_s_max", "load_kg", "rest_s"):
        value = getattr(prescription, key)
        if value is not None:
            table[key] = value
    if prescription.ours:
        table["ours"] = True
    return table


def exercise_table(exercise: Exercise) -> dict[str, Any]:
    """An exercise as its `[[exercise]]` table; empty optional lists and texts are left out."""
    table: dict[str, Any] = {
        "id": exercise.id,
        "name": exercise.name,
        "kind": exercise.kind.value,
        "per_side": exercise.per_side,
        "category": exercise.category,
    }
    optional: dict[str, Any] = {
        "muscles": list(exercise.muscles),
        "notes": exercise.notes,
        "why": exercise.why,
        "cues": list(exercise.cues),
        "sources": list(exercise.sources),
    }
    table.update({key: value for key, value in optional.items() if value})
    table["default"] = prescription_table(exercise.default)
    return table


def program_table(program: Program) -> dict[str, Any]:
    """A program as its `[[program]]` table, days under "day" and items as inline tables."""
    table: dict[str, Any] = {"id": program.id, "name": program.name}
    if program.description:
        table["description"] = program.description
    if program.sources:
        table["sources"] = list(program.sources)
    table["day"] = [
        {
            "name": day.name,
            "items": [{"exercise": item.exercise_id, **prescription_table(item.prescription)} for item in day.items],
        }
        for day in program.days
    ]
    return table


def routine_toml(programs: Iterable[Program], catalog: Catalog) -> str:
    """A routine file with `programs` and every own exercise they use (so the file stands alone)."""
    import tomli_w  # only when writing: not on the app's start-up path

    programs = list(programs)
    used = {item.exercise_id for program in programs for day in program.days for item in day.items}
    own = [exercise for exercise in catalog.exercises.values() if exercise.own and exercise.id in used]
    document: dict[str, Any] = {}
    if own:
        document["exercise"] = [exercise_table(exercise) for exercise in own]
    document["program"] = [program_table(program) for program in programs]
    if all(program.own for program in programs):
        header = "# runstrong routine file: add it with `runstrong programs add --replace FILE` (docs/programs.md)\n\n"
    else:
        # A packaged program stays as it ships: the file is a start for one of the runner's own.
        header = (
            "# runstrong routine file: a packaged program, which stays as it is. To make it yours, give it\n"
            "# another id and name, then `runstrong programs add FILE` (docs/programs.md)\n\n"
        )
    return header + tomli_w.dumps(document)


def exercise_table_from_json(entry: dict[str, Any]) -> dict[str, Any]:
    """The `[[exercise]]` table of an exercise as `exercises --json` (and export v2) print it,
    ready for `parse_exercise`: the listing's own keys ("own", "archived", "prescription",
    "updated_at") go, and so do empty values and the default's null or false entries."""
    table = {
        key: value
        for key, value in entry.items()
        if key not in ("own", "archived", "prescription", "updated_at", "default") and value not in ("", [], None)
    }
    default = entry.get("default")
    if isinstance(default, dict):
        table["default"] = {key: value for key, value in default.items() if value is not None and value is not False}
    elif default is not None:
        table["default"] = default  # the validator names what is wrong with it
    return table


def program_table_from_json(entry: dict[str, Any]) -> dict[str, Any]:
    """The `[[program]]` table of a program as `programs show --json` (and export v2) print it,
    ready for `parse_program`: "days" becomes "day", the listing's own flags go."""
    table = {key: value for key, value in entry.items() if key not in ("own", "archived", "days", "updated_at")}
    table["day"] = entry.get("days", [])
    return table


# -- finding the line of a problem ----------------------------------------------------------

_HEADER = re.compile(r"^\s*(\[\[?)\s*([A-Za-z0-9_.\-\s\"]+?)\s*\]\]?\s*(#.*)?$")


def line_of(text: str, at: Location) -> int:
    """The 1-based line of `text` where the value at `at` is written (tomllib gives lines only
    for syntax errors). Follows `[[table]]` headers, `[table.sub]` headers, inline tables (one
    per `{`) and `key =` lines; falls back to the nearest enclosing line found, else line 1."""
    lines = text.splitlines()
    headers = [(number, m.group(2).replace(" ", "").replace('"', ""), m.group(1) == "[[")
               for number, line in enumerate(lines) if (m := _HEADER.match(line))]
    start, end, prefix = 0, len(lines), ""
    steps = list(at)
    while steps:
        step = steps.pop(0)
        if not isinstance(step, str):
            break
        name = f"{prefix}.{step}" if prefix else step
        index = steps.pop(0) if steps and isinstance(steps[0], int) else None
        in_range = [(n, h, arr) for n, h, arr in headers if start <= n < end]
        if index is not None:
            tables = [n for n, h, arr in in_range if arr and h == name]
            if index < len(tables):
                start = tables[index]
                end = next((n for n, h, _ in headers if n > start and not h.startswith(f"{name}.")), len(lines))
                prefix = name
                continue
            # An array of inline tables: `key = [ {..}, {..} ]`, one table per `{`.
            key_line = _key_line(lines, step, start, end)
            if key_line is None:
                break
            item_line = _nth_brace(lines, key_line, end, index)
            if item_line is None:
                return key_line + 1
            start, end, prefix = item_line, item_line + 1, name
            continue
        subtable = next((n for n, h, arr in in_range if h == name), None)
        if subtable is not None:
            start = subtable
            end = next((n for n, h, _ in headers if n > start), len(lines))
            prefix = name
            continue
        key_line = _key_line(lines, step, start, end)
        if key_line is None:
            break
        if steps:
            # An inline table on one line: what is inside it is on this line too.
            start, end, prefix = key_line, key_line + 1, name
        else:
            return key_line + 1
    return min(start, max(len(lines) - 1, 0)) + 1


def _key_line(lines: Sequence[str], key: str, start: int, end: int) -> int | None:
    pattern = re.compile(rf"(^\s*|[{{,]\s*){re.escape(key)}\s*=")
    return next((n for n in range(start, min(end, len(lines))) if pattern.search(lines[n])), None)


def _nth_brace(lines: Sequence[str], start: int, end: int, index: int) -> int | None:
    seen = -1
    for number in range(start, min(end, len(lines))):
        seen += lines[number].count("{")
        if seen >= index:
            return number
    return None
