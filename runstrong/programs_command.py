"""The `exercises` and `programs` commands: list the catalog, show a program, add a routine file.

Listings and `show` only read (a missing database is not created, an old one not migrated);
`programs add` checks the whole file before the database is opened for writing, so a bad file
is refused (`FILE:LINE: reason`, exit 2) with the database untouched. See docs/programs.md.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from pathlib import Path

from runstrong.core.catalog import Catalog
from runstrong.core.catalog_json import exercise_json, program_json
from runstrong.core.durations import format_duration
from runstrong.core.models import Program
from runstrong.core.routine_file import RoutineError, parse_routine, routine_toml
from runstrong.core.text import plain_text
from runstrong.errors import UsageError


def exercises_text(catalog: Catalog, as_json: bool) -> str:
    """Every exercise, packaged then own: a table (ID NAME KIND CATEGORY DEFAULT) or JSON."""
    exercises = list(catalog.exercises.values())
    if as_json:
        return json.dumps([exercise_json(ex) for ex in exercises], indent=2, ensure_ascii=False)
    rows = [("ID", "NAME", "KIND", "CATEGORY", "DEFAULT")]
    rows += [
        (ex.id, _mark(ex.name, ex.own, ex.archived), ex.kind.value, ex.category, ex.prescription_label())
        for ex in exercises
    ]
    return _table(rows)


def programs_text(catalog: Catalog, as_json: bool) -> str:
    """Every program, packaged then own, with its days: a table or JSON (as `show --json`)."""
    if as_json:
        return json.dumps([program_json(program) for program in catalog.programs], indent=2, ensure_ascii=False)
    rows = [("ID", "NAME", "DAYS")]
    rows += [
        (p.id, _mark(p.name, p.own, p.archived), ", ".join(day.name for day in p.days)) for p in catalog.programs
    ]
    return _table(rows)


def show_text(catalog: Catalog, program_id: str, form: str) -> str:
    """One program as text, "toml" (a routine file `programs add` takes back) or "json".

    UsageError when there is no program with that id.
    """
    program = find_program(catalog, program_id, "runstrong programs show")
    if form == "toml":
        return routine_toml([program], catalog).rstrip("\n")
    if form == "json":
        return json.dumps(program_json(program), indent=2, ensure_ascii=False)
    lines = [_mark(plain_text(program.name), program.own, program.archived) + f"  ({program.id})"]
    if program.description:
        lines.append(plain_text(program.description))
    for day in program.days:
        lines.append("")
        lines.append(f"{plain_text(day.name)}:")
        for item in day.items:
            exercise = catalog.exercise(item.exercise_id)
            rest = f", rest {format_duration(item.prescription.rest_s)}" if item.prescription.rest_s is not None else ""
            lines.append(f"  {plain_text(exercise.name)}  {exercise.prescription_label(item.prescription)}{rest}")
    return "\n".join(lines)


def find_program(catalog: Catalog, program_id: str, command: str) -> Program:
    """The program with this id (archived ones too); UsageError naming the ids otherwise."""
    try:
        return catalog.program(program_id)
    except KeyError:
        known = ", ".join(program.id for program in catalog.programs)
        raise UsageError(f"{command}: no program {program_id!r} (known: {known})") from None


def find_day(program: Program, name: str | None) -> int | None:
    """The index of the day called `name` (ignoring case) in `program`; None for no name.
    UsageError listing the days when there is none of that name."""
    if name is None:
        return None
    wanted = name.strip().casefold()
    for index, day in enumerate(program.days):
        if day.name.casefold() == wanted:
            return index
    days = ", ".join(repr(day.name) for day in program.days)
    raise UsageError(f"runstrong: {program.id!r} has no day {name!r} (its days: {days})")


def add_routine(db_path: Path, file: str, replace: bool) -> str:
    """Check the routine file `file` whole, then save it in one transaction; returns what was
    added. UsageError ("FILE:LINE: reason") for a bad file or one that cannot be read, before
    the database is opened for writing; StoreError for a database problem."""
    from runstrong.store import Store

    try:
        text = Path(file).read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as error:
        raise UsageError(f"runstrong programs add: cannot read {file} ({getattr(error, 'strerror', None) or error})") from None
    _checked(text, file, Store.read_catalog(db_path), replace)
    store = Store.open(db_path)
    try:
        # Checked again on the open file: another window may have added an entry meanwhile.
        routine = _checked(text, file, store.catalog(), replace)
        store.save_routine(routine)
    finally:
        store.close()
    parts = [_count(len(routine.exercises), "exercise"), _count(len(routine.programs), "program")]
    names = ", ".join(entry.id for entry in (*routine.exercises, *routine.programs))
    return plain_text(f"Saved {' and '.join(parts)} from {file}: {names}")


def _checked(text: str, file: str, catalog: Catalog, replace: bool):  # type: ignore[no-untyped-def]
    try:
        return parse_routine(text, file, catalog, replace=replace)
    except RoutineError as error:
        raise UsageError(plain_text(str(error))) from None


def _count(n: int, noun: str) -> str:
    return f"{n} {noun}{'' if n == 1 else 's'}"


def _mark(name: str, own: bool, archived: bool) -> str:
    return name + (" (own)" if own else "") + (" (archived)" if archived else "")


def _table(rows: Sequence[tuple[str, ...]]) -> str:
    rows = [tuple(plain_text(cell) for cell in row) for row in rows]
    widths = [max(len(row[col]) for row in rows) for col in range(len(rows[0]))]
    return "\n".join("  ".join(cell.ljust(width) for cell, width in zip(row, widths)).rstrip() for row in rows)
