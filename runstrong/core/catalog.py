"""Load the packaged exercise catalog and programs (runstrong/data/*.toml) into model dataclasses.

`load_catalog()` reads the TOML once per process. `parse_catalog()` does the checking and building
from already-parsed TOML tables, so tests can feed it broken data. Anything wrong in the data is a
`CatalogError` (a ValueError) whose message names the file and the offending entry.
"""

from __future__ import annotations

import functools
import re
import tomllib
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from runstrong.core.models import (
    Exercise,
    Kind,
    Prescription,
    Program,
    ProgramDay,
    ProgramItem,
)

CATEGORIES = ("legs", "hips", "posterior chain", "calves & feet", "core", "plyometric", "upper body")

# Rest between sets when a prescription gives none (seconds). Plyometrics need full recovery to
# stay explosive (seed 001); holds, carries and core work tire small muscles that recover fast.
REST_PLYOMETRIC_S = 120
REST_LIGHT_S = 45
REST_STRENGTH_S = 90

_PRESCRIPTION_KEYS = frozenset({"sets", "reps", "hold_s", "rest_s", "ours"})
_EXERCISE_KEYS = frozenset(
    {"id", "name", "kind", "per_side", "muscles", "category", "default", "why", "cues", "sources"}
)


class CatalogError(ValueError):
    """The packaged exercise or program data is inconsistent; the message says where."""


@dataclass(frozen=True, eq=False)
class Catalog:
    """Every exercise (in file order) and every program (the first is the default)."""

    exercises: dict[str, Exercise]
    programs: tuple[Program, ...]

    def exercise(self, exercise_id: str) -> Exercise:
        """Return the exercise with this id; KeyError if there is none."""
        try:
            return self.exercises[exercise_id]
        except KeyError:
            raise KeyError(f"unknown exercise {exercise_id!r}") from None

    def program(self, program_id: str) -> Program:
        """Return the program with this id; KeyError if there is none."""
        for program in self.programs:
            if program.id == program_id:
                return program
        raise KeyError(f"unknown program {program_id!r}")

    @property
    def default_program(self) -> Program:
        return self.programs[0]

    def find_exercise(self, query: str) -> Exercise | None:
        """Best match for what a user typed: exact id, exact name, then a unique prefix or substring.

        Case, spaces, hyphens and underscores are ignored, so "side plank" finds side-plank and
        "copenhagen" finds copenhagen-plank. None when nothing matches or the match is ambiguous.
        """
        wanted = _normalise(query)
        if not wanted:
            return None
        keyed = [(_normalise(ex.id), _normalise(ex.name), ex) for ex in self.exercises.values()]
        for exact in (
            [ex for id_, _, ex in keyed if id_ == wanted],
            [ex for _, name, ex in keyed if name == wanted],
        ):
            if exact:
                return exact[0]
        for partial in (
            [ex for id_, name, ex in keyed if id_.startswith(wanted) or name.startswith(wanted)],
            [ex for id_, name, ex in keyed if wanted in id_ or wanted in name],
        ):
            if len(partial) == 1:
                return partial[0]
            if partial:
                # Several candidates: guessing would log sets against the wrong exercise.
                return None
        return None


def default_rest_s(exercise: Exercise, prescription: Prescription | None = None) -> int:
    """Seconds of rest after a set: the prescription's rest_s if given, else by kind of exercise.

    Without a prescription the exercise's own default prescription is consulted.
    """
    return rest_after_s(exercise, None, prescription)


def rest_after_s(
    exercise: Exercise,
    set_rest_s: int | None,
    prescription: Prescription | None,
    *,
    strength_s: int = REST_STRENGTH_S,
    plyometric_s: int = REST_PLYOMETRIC_S,
    light_s: int = REST_LIGHT_S,
) -> int:
    """Seconds of rest after one set: the set's own rest_s (copied from its program item when
    the session began), else the prescription's or the exercise's default rest_s, else the
    runner's default for the kind of exercise (Settings; out of the box the seed-based values
    of `default_rest_s`)."""
    if set_rest_s is not None:
        return set_rest_s
    chosen = prescription if prescription is not None else exercise.default
    if chosen.rest_s is not None:
        return chosen.rest_s
    if exercise.kind is Kind.PLYOMETRIC:
        return plyometric_s
    if exercise.is_timed or exercise.category == "core":
        return light_s
    return strength_s


@functools.cache
def load_catalog() -> Catalog:
    """Read and check the packaged TOML once; later calls return the same Catalog."""
    # A plain path, not importlib.resources: that pulls in importlib.metadata, which cost ~40 ms
    # of start-up; the package is always installed as files (setuptools, not a zip).
    data = Path(__file__).resolve().parent.parent / "data"
    tables = []
    for name in ("exercises.toml", "programs.toml"):
        try:
            tables.append(tomllib.loads((data / name).read_text(encoding="utf-8")))
        except tomllib.TOMLDecodeError as err:
            raise CatalogError(f"{name}: {err}") from err
    return parse_catalog(*tables)


def parse_catalog(exercises_toml: dict[str, Any], programs_toml: dict[str, Any]) -> Catalog:
    """Check parsed TOML tables and build the Catalog; CatalogError names the first bad entry."""
    exercises: dict[str, Exercise] = {}
    for index, table in enumerate(_table_list(exercises_toml, "exercise", "exercises.toml"), 1):
        exercise = _exercise(table, f"exercises.toml: exercise #{index}")
        if exercise.id in exercises:
            raise CatalogError(f"exercises.toml: exercise {exercise.id!r} is defined twice")
        exercises[exercise.id] = exercise

    programs: list[Program] = []
    for index, table in enumerate(_table_list(programs_toml, "program", "programs.toml"), 1):
        program = _program(table, f"programs.toml: program #{index}", exercises)
        if any(p.id == program.id for p in programs):
            raise CatalogError(f"programs.toml: program {program.id!r} is defined twice")
        programs.append(program)
    if not programs:
        raise CatalogError("programs.toml: no [[program]] entries")
    return Catalog(exercises=exercises, programs=tuple(programs))


def _exercise(table: Any, where: str) -> Exercise:
    if not isinstance(table, dict):
        raise CatalogError(f"{where}: expected a table")
    exercise_id = _get(table, "id", str, where)
    where = f"exercises.toml: exercise {exercise_id!r}"
    _reject_unknown(table, _EXERCISE_KEYS, where)
    try:
        kind = Kind(_get(table, "kind", str, where))
    except ValueError:
        raise CatalogError(
            f"{where}: kind {table['kind']!r} is not one of {', '.join(k.value for k in Kind)}"
        ) from None
    category = _get(table, "category", str, where)
    if category not in CATEGORIES:
        raise CatalogError(f"{where}: category {category!r} is not one of {', '.join(CATEGORIES)}")
    default = _get(table, "default", dict, where)
    _reject_unknown(default, _PRESCRIPTION_KEYS, f"{where} default")
    return Exercise(
        id=exercise_id,
        name=_get(table, "name", str, where),
        kind=kind,
        per_side=_get(table, "per_side", bool, where),
        muscles=_strings(table, "muscles", where),
        category=category,
        default=_prescription(default, kind, f"{where} default"),
        why=_get(table, "why", str, where),
        cues=_strings(table, "cues", where),
        sources=_strings(table, "sources", where),
    )


def _program(table: Any, where: str, exercises: dict[str, Exercise]) -> Program:
    if not isinstance(table, dict):
        raise CatalogError(f"{where}: expected a table")
    program_id = _get(table, "id", str, where)
    where = f"programs.toml: program {program_id!r}"
    _reject_unknown(table, {"id", "name", "description", "sources", "day"}, where)
    days = []
    for day_table in _table_list(table, "day", where):
        day_name = _get(day_table, "name", str, f"{where} day")
        day_where = f"{where} day {day_name!r}"
        _reject_unknown(day_table, {"name", "items"}, day_where)
        items = []
        seen_other = False
        for number, item in enumerate(_get(day_table, "items", list, day_where), 1):
            item_where = f"{day_where} item {number}"
            if not isinstance(item, dict):
                raise CatalogError(f"{item_where}: expected an inline table")
            exercise_id = _get(item, "exercise", str, item_where)
            item_where = f"{item_where} ({exercise_id})"
            if exercise_id not in exercises:
                raise CatalogError(f"{item_where}: unknown exercise id {exercise_id!r}")
            exercise = exercises[exercise_id]
            # Jumps go first while the legs are fresh; after heavy sets they turn sloppy (seed 001).
            if exercise.kind is Kind.PLYOMETRIC and seen_other:
                raise CatalogError(f"{item_where}: plyometrics must come before other exercises in a day")
            seen_other = seen_other or exercise.kind is not Kind.PLYOMETRIC
            rest = {key: value for key, value in item.items() if key != "exercise"}
            _reject_unknown(rest, _PRESCRIPTION_KEYS, item_where)
            items.append(ProgramItem(exercise_id, _prescription(rest, exercise.kind, item_where)))
        if not items:
            raise CatalogError(f"{day_where}: has no items")
        days.append(ProgramDay(name=day_name, items=tuple(items)))
    if not days:
        raise CatalogError(f"{where}: has no [[program.day]] entries")
    return Program(
        id=program_id,
        name=_get(table, "name", str, where),
        description=_get(table, "description", str, where),
        days=tuple(days),
        sources=_strings(table, "sources", where),
    )


def _prescription(table: dict[str, Any], kind: Kind, where: str) -> Prescription:
    sets = _get(table, "sets", int, where)
    if sets < 1:
        raise CatalogError(f"{where}: sets must be at least 1, got {sets}")
    reps, hold_s = table.get("reps"), table.get("hold_s")
    if (reps is None) == (hold_s is None):
        raise CatalogError(f"{where}: give exactly one of reps or hold_s")
    timed = kind in (Kind.HOLD, Kind.CARRY)
    if timed and hold_s is None:
        raise CatalogError(f"{where}: a {kind.value} exercise is measured in hold_s, not reps")
    if not timed and reps is None:
        raise CatalogError(f"{where}: a {kind.value} exercise is measured in reps, not hold_s")
    amount_key = "hold_s" if timed else "reps"
    if _get(table, amount_key, int, where) < 1:
        raise CatalogError(f"{where}: {amount_key} must be at least 1")
    rest_s = table.get("rest_s")
    if rest_s is not None and _get(table, "rest_s", int, where) < 0:
        raise CatalogError(f"{where}: rest_s must not be negative")
    ours = table.get("ours", False)
    if not isinstance(ours, bool):
        raise CatalogError(f"{where}: ours must be true or false")
    return Prescription(sets=sets, reps=reps, hold_s=hold_s, rest_s=rest_s, ours=ours)


def _get(table: dict[str, Any], key: str, expected: type, where: str) -> Any:
    if key not in table:
        raise CatalogError(f"{where}: missing {key!r}")
    value = table[key]
    # bool is an int subclass in Python; `sets = true` must not pass as 1.
    if not isinstance(value, expected) or (expected is int and isinstance(value, bool)):
        raise CatalogError(f"{where}: {key!r} should be {expected.__name__}, got {value!r}")
    if expected is str and not value.strip():
        raise CatalogError(f"{where}: {key!r} is empty")
    return value


def _strings(table: dict[str, Any], key: str, where: str) -> tuple[str, ...]:
    values = _get(table, key, list, where)
    if not all(isinstance(value, str) and value.strip() for value in values):
        raise CatalogError(f"{where}: {key!r} should be a list of non-empty strings")
    return tuple(values)


def _table_list(table: dict[str, Any], key: str, where: str) -> list[dict[str, Any]]:
    entries = _get(table, key, list, where)
    if not all(isinstance(entry, dict) for entry in entries):
        raise CatalogError(f"{where}: every [[{key}]] entry should be a table")
    return entries


def _reject_unknown(table: dict[str, Any], allowed: set[str] | frozenset[str], where: str) -> None:
    # A misspelt key ("hold" for "hold_s") would otherwise be silently ignored.
    unknown = sorted(set(table) - set(allowed))
    if unknown:
        raise CatalogError(f"{where}: unknown key(s) {', '.join(unknown)}")


def _normalise(text: str) -> str:
    return re.sub(r"[\s_\-]+", " ", text.strip().lower()).strip()
