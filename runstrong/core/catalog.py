"""Load the packaged exercise catalog and programs (runstrong/data/*.toml) into model dataclasses.

`load_catalog()` reads the TOML once per process. `parse_catalog()` does the checking and building
from already-parsed TOML tables, so tests can feed it broken data. Anything wrong in the data is a
`CatalogError` (a ValueError) whose message names the file and the offending entry.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Any, NamedTuple

import tomli

from runstrong.core.models import (
    Exercise,
    Kind,
    Prescription,
    Program,
    ProgramDay,
    ProgramItem,
)
from runstrong.core.set_input import MAX_HOLD_S, MAX_LOAD_KG, MAX_REPS

CATEGORIES = ("legs", "hips", "posterior chain", "calves & feet", "core", "plyometric", "upper body")

# Rest between sets when a prescription gives none (seconds). Plyometrics need full recovery to
# stay explosive (seed 001); holds, carries and core work tire small muscles that recover fast.
REST_PLYOMETRIC_S = 120
REST_LIGHT_S = 45
REST_STRENGTH_S = 90

MAX_SETS = 20
"""Most sets one item may prescribe (ours): more is a typo, and a checklist that long is unusable."""

_PRESCRIPTION_KEYS = frozenset({"sets", "reps", "reps_max", "hold_s", "hold_s_max", "load_kg", "rest_s", "ours"})
_EXERCISE_KEYS = frozenset(
    {"id", "name", "kind", "per_side", "muscles", "category", "default", "why", "cues", "sources"}
)
_OWN_EXERCISE_KEYS = _EXERCISE_KEYS | {"notes"}

Location = tuple[str | int, ...]
"""Where in a TOML document a value sits, as keys and list indexes:
("program", 0, "day", 1, "items", 2, "sets") is the sets of item 3 of day 2 of the first program."""


class CatalogError(ValueError):
    """Exercise or program data is inconsistent; the message says which entry and what is wrong.

    `at` locates the offending value in the TOML document (see Location), so a routine file's
    error can name its line.
    """

    def __init__(self, message: str, at: Location = ()) -> None:
        super().__init__(message)
        self.at = at


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

    def with_own(self, exercises: Iterable[Exercise], programs: Iterable[Program]) -> Catalog:
        """This (packaged) catalog plus the runner's own exercises and programs, own ones after
        packaged ones. An own entry never replaces a packaged one of the same id."""
        merged = dict(self.exercises)
        for exercise in exercises:
            merged.setdefault(exercise.id, exercise)
        known = {program.id for program in self.programs}
        return Catalog(
            exercises=merged, programs=self.programs + tuple(p for p in programs if p.id not in known)
        )

    def pickable_exercises(self) -> list[Exercise]:
        """Exercises a picker offers: all but archived own ones (those stay for History)."""
        return [exercise for exercise in self.exercises.values() if not exercise.archived]

    def pickable_programs(self) -> tuple[Program, ...]:
        """Programs the picker offers: all but archived own ones."""
        return tuple(program for program in self.programs if not program.archived)

    def exercise_named(self, name: str) -> Exercise | None:
        """The exercise whose name equals `name` ignoring case (casefold), archived ones included."""
        wanted = name.strip().casefold()
        return next((ex for ex in self.exercises.values() if ex.name.casefold() == wanted), None)

    def program_named(self, name: str) -> Program | None:
        """The program whose name equals `name` ignoring case (casefold), archived ones included."""
        wanted = name.strip().casefold()
        return next((p for p in self.programs if p.name.casefold() == wanted), None)

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
            tables.append(tomli.loads((data / name).read_text(encoding="utf-8")))
        except tomli.TOMLDecodeError as err:
            raise CatalogError(f"{name}: {err}") from err
    return parse_catalog(*tables)


def parse_catalog(exercises_toml: dict[str, Any], programs_toml: dict[str, Any]) -> Catalog:
    """Check parsed TOML tables and build the Catalog; CatalogError names the first bad entry."""
    rules = PACKAGED
    exercises: dict[str, Exercise] = {}
    for index, table in enumerate(table_list(exercises_toml, "exercise", "exercises.toml", ()), 1):
        exercise = parse_exercise(table, ("exercise", index - 1), rules, f"exercise #{index}")
        if exercise.id in exercises:
            raise CatalogError(f"exercises.toml: exercise {exercise.id!r} is defined twice")
        exercises[exercise.id] = exercise

    programs: list[Program] = []
    for index, table in enumerate(table_list(programs_toml, "program", "programs.toml", ()), 1):
        program = parse_program(table, ("program", index - 1), exercises, rules, f"program #{index}")
        if any(p.id == program.id for p in programs):
            raise CatalogError(f"programs.toml: program {program.id!r} is defined twice")
        programs.append(program)
    if not programs:
        raise CatalogError("programs.toml: no [[program]] entries")
    return Catalog(exercises=exercises, programs=tuple(programs))


# -- the one validator, for the packaged data and for routine files alike --------------------


class Rules(NamedTuple):
    """What a table must hold: the packaged data is complete; a runner's own file may be brief."""

    exercises_file: str
    """Prefix of messages about exercises ("exercises.toml: "), empty for a routine file."""
    programs_file: str
    own: bool
    """Own data: only id, name, kind, per_side and category are required of an exercise, and a
    program's description and sources are optional."""


PACKAGED = Rules("exercises.toml: ", "programs.toml: ", own=False)
OWN = Rules("", "", own=True)

_OWN_ID = re.compile(r"^[a-z0-9][a-z0-9-]{0,63}$")


def parse_exercise(table: Any, at: Location, rules: Rules, label: str) -> Exercise:
    """Build one Exercise from its `[[exercise]]` table; CatalogError (with `at`) if it is wrong.

    Own exercises without a `default` get 3 × 10 reps or 3 × 30 s holds, marked ours.
    """
    exercise_id, where = _entry_id(table, at, "exercise", rules.exercises_file, label, rules.own)
    reject_unknown(table, _OWN_EXERCISE_KEYS if rules.own else _EXERCISE_KEYS, where, at)
    try:
        kind = Kind(get(table, "kind", str, where, at))
    except ValueError:
        raise CatalogError(
            f"{where}: kind {table['kind']!r} is not one of {', '.join(k.value for k in Kind)}", (*at, "kind")
        ) from None
    category = get(table, "category", str, where, at)
    if category not in CATEGORIES:
        raise CatalogError(
            f"{where}: category {category!r} is not one of {', '.join(CATEGORIES)}", (*at, "category")
        )
    optional = rules.own
    if optional and "default" not in table:
        timed = kind in (Kind.HOLD, Kind.CARRY)
        default = Prescription(sets=3, hold_s=30, ours=True) if timed else Prescription(sets=3, reps=10, ours=True)
    else:
        default_table = get(table, "default", dict, where, at)
        default = parse_prescription(default_table, kind, f"{where} default", (*at, "default"))
    return Exercise(
        id=exercise_id,
        name=get(table, "name", str, where, at).strip(),
        kind=kind,
        per_side=get(table, "per_side", bool, where, at),
        muscles=strings(table, "muscles", where, at, optional),
        category=category,
        default=default,
        why=get(table, "why", str, where, at, optional=optional) or "",
        cues=strings(table, "cues", where, at, optional),
        sources=strings(table, "sources", where, at, optional),
        notes=get(table, "notes", str, where, at, optional=True, empty_ok=True) or "",
        own=rules.own,
    )


def parse_program(
    table: Any, at: Location, exercises: Mapping[str, Exercise], rules: Rules, label: str
) -> Program:
    """Build one Program from its `[[program]]` table, checking every item against `exercises`."""
    program_id, where = _entry_id(table, at, "program", rules.programs_file, label, rules.own)
    reject_unknown(table, {"id", "name", "description", "sources", "day"}, where, at)
    days = []
    for day_index, day_table in enumerate(table_list(table, "day", where, at)):
        day_at = (*at, "day", day_index)
        day_name = get(day_table, "name", str, f"{where} day", day_at).strip()
        day_where = f"{where} day {day_name!r}"
        if any(day.name.casefold() == day_name.casefold() for day in days):
            raise CatalogError(f"{day_where}: two days have this name", (*day_at, "name"))
        reject_unknown(day_table, {"name", "items"}, day_where, day_at)
        items = []
        seen_other = False
        for number, item in enumerate(get(day_table, "items", list, day_where, day_at), 1):
            item_at = (*day_at, "items", number - 1)
            item_where = f"{day_where} item {number}"
            if not isinstance(item, dict):
                raise CatalogError(f"{item_where}: expected an inline table", item_at)
            exercise_id = get(item, "exercise", str, item_where, item_at)
            item_where = f"{item_where} ({exercise_id})"
            if exercise_id not in exercises:
                raise CatalogError(f"{item_where}: unknown exercise id {exercise_id!r}", (*item_at, "exercise"))
            if any(done.exercise_id == exercise_id for done in items):
                # Today numbers an exercise's sets within a day; two items would both have a set 1.
                raise CatalogError(
                    f"{item_where}: {exercise_id!r} is in this day already; give that item more sets", (*item_at, "exercise")
                )
            exercise = exercises[exercise_id]
            # Jumps go first while the legs are fresh; after heavy sets they turn sloppy (seed 001).
            # Enforced on our programs; a runner's own routine is theirs to order.
            if not rules.own and exercise.kind is Kind.PLYOMETRIC and seen_other:
                raise CatalogError(f"{item_where}: plyometrics must come before other exercises in a day", item_at)
            seen_other = seen_other or exercise.kind is not Kind.PLYOMETRIC
            rest = {key: value for key, value in item.items() if key != "exercise"}
            reject_unknown(rest, _PRESCRIPTION_KEYS, item_where, item_at)
            items.append(ProgramItem(exercise_id, parse_prescription(rest, exercise.kind, item_where, item_at)))
        if not items:
            raise CatalogError(f"{day_where}: has no items", day_at)
        days.append(ProgramDay(name=day_name, items=tuple(items)))
    if not days:
        raise CatalogError(f"{where}: has no [[program.day]] entries", at)
    optional = rules.own
    return Program(
        id=program_id,
        name=get(table, "name", str, where, at).strip(),
        description=get(table, "description", str, where, at, optional=optional, empty_ok=optional) or "",
        days=tuple(days),
        sources=strings(table, "sources", where, at, optional),
        own=rules.own,
    )


def free_id(name: str, taken: Iterable[str], fallback: str) -> str:
    """An own id made from `name` that is not in `taken`: "Rack day" -> "rack-day", then
    "rack-day-2", ... Lowercase letters, digits and hyphens (the own-id rule), at most 60 long;
    `fallback` when the name has none of those ("!!!")."""
    base = re.sub(r"[^a-z0-9]+", "-", name.casefold()).strip("-")[:60].strip("-") or fallback
    taken = set(taken)
    candidate, number = base, 1
    while candidate in taken:
        number += 1
        candidate = f"{base}-{number}"
    return candidate


def is_own_id(text: str) -> bool:
    """Whether `text` may be an own exercise's or program's id."""
    return bool(_OWN_ID.match(text))


def _entry_id(table: Any, at: Location, what: str, file: str, label: str, own: bool) -> tuple[str, str]:
    """The id of an [[exercise]] or [[program]] table and the words that name it in messages."""
    where = f"{file}{label}"
    if not isinstance(table, dict):
        raise CatalogError(f"{where}: expected a table", at)
    entry_id = get(table, "id", str, where, at)
    where = f"{file}{what} {entry_id!r}"
    if own and not _OWN_ID.match(entry_id):
        raise CatalogError(
            f"{where}: an id is lowercase letters, digits and hyphens (like 'front-squat')", (*at, "id")
        )
    return entry_id, where


def parse_prescription(table: dict[str, Any], kind: Kind, where: str, at: Location = ()) -> Prescription:
    """Sets plus reps (with an optional reps_max) or hold_s (with an optional hold_s_max), an
    optional load_kg and rest_s; the limits are the database's (core.set_input)."""
    sets = get(table, "sets", int, where, at)
    if not 1 <= sets <= MAX_SETS:
        raise CatalogError(f"{where}: sets must be at least 1 and at most {MAX_SETS}, got {sets}", (*at, "sets"))
    reps, hold_s = table.get("reps"), table.get("hold_s")
    if (reps is None) == (hold_s is None):
        raise CatalogError(f"{where}: give exactly one of reps or hold_s", at)
    timed = kind in (Kind.HOLD, Kind.CARRY)
    if timed and hold_s is None:
        raise CatalogError(f"{where}: a {kind.value} exercise is measured in hold_s, not reps", (*at, "reps"))
    if not timed and reps is None:
        raise CatalogError(f"{where}: a {kind.value} exercise is measured in reps, not hold_s", (*at, "hold_s"))
    amount_key, top_key, limit = ("hold_s", "hold_s_max", MAX_HOLD_S) if timed else ("reps", "reps_max", MAX_REPS)
    amount = get(table, amount_key, int, where, at)
    if not 1 <= amount <= limit:
        raise CatalogError(f"{where}: {amount_key} must be from 1 to {limit}", (*at, amount_key))
    other_top = "reps_max" if timed else "hold_s_max"
    if other_top in table:
        raise CatalogError(f"{where}: {other_top} goes with {other_top[:-4]}, not {amount_key}", (*at, other_top))
    top = get(table, top_key, int, where, at, optional=True)
    if top is not None and not amount <= top <= limit:
        raise CatalogError(
            f"{where}: {top_key} must be from {amount_key} ({amount}) to {limit}, got {top}", (*at, top_key)
        )
    rest_s = get(table, "rest_s", int, where, at, optional=True)
    if rest_s is not None and not 0 <= rest_s <= MAX_HOLD_S:
        raise CatalogError(f"{where}: rest_s must be from 0 to {MAX_HOLD_S}", (*at, "rest_s"))
    load = table.get("load_kg")
    if load is not None:
        if isinstance(load, bool) or not isinstance(load, int | float):
            raise CatalogError(f"{where}: 'load_kg' should be a number, got {load!r}", (*at, "load_kg"))
        if not 0 <= load <= MAX_LOAD_KG:
            raise CatalogError(f"{where}: load_kg must be from 0 to {MAX_LOAD_KG:g}", (*at, "load_kg"))
        load = float(load)
    ours = table.get("ours", False)
    if not isinstance(ours, bool):
        raise CatalogError(f"{where}: ours must be true or false", (*at, "ours"))
    return Prescription(
        sets=sets,
        reps=reps,
        hold_s=hold_s,
        rest_s=rest_s,
        ours=ours,
        reps_max=top if not timed else None,
        hold_s_max=top if timed else None,
        load_kg=load,
    )


def get(
    table: dict[str, Any],
    key: str,
    expected: type,
    where: str,
    at: Location = (),
    *,
    optional: bool = False,
    empty_ok: bool = False,
) -> Any:
    """table[key] checked to be of `expected` type (and a non-empty string unless `empty_ok`);
    None for a missing optional key. CatalogError otherwise, located at `at` + key."""
    if key not in table:
        if optional:
            return None
        raise CatalogError(f"{where}: missing {key!r}", at)
    value = table[key]
    # bool is an int subclass in Python; `sets = true` must not pass as 1.
    if not isinstance(value, expected) or (expected is int and isinstance(value, bool)):
        raise CatalogError(f"{where}: {key!r} should be {expected.__name__}, got {value!r}", (*at, key))
    if expected is str and not empty_ok and not value.strip():
        raise CatalogError(f"{where}: {key!r} is empty", (*at, key))
    return value


def strings(table: dict[str, Any], key: str, where: str, at: Location = (), optional: bool = False) -> tuple[str, ...]:
    """A list of non-empty strings (muscles, cues, sources) as a tuple."""
    values = get(table, key, list, where, at, optional=optional)
    if values is None:
        return ()
    if not all(isinstance(value, str) and value.strip() for value in values):
        raise CatalogError(f"{where}: {key!r} should be a list of non-empty strings", (*at, key))
    return tuple(values)


def table_list(table: dict[str, Any], key: str, where: str, at: Location = ()) -> list[dict[str, Any]]:
    """The `[[key]]` tables of `table` (an empty list is allowed; callers say if it is wrong)."""
    entries = get(table, key, list, where, at)
    if not all(isinstance(entry, dict) for entry in entries):
        raise CatalogError(f"{where}: every [[{key}]] entry should be a table", (*at, key))
    return entries


def reject_unknown(table: dict[str, Any], allowed: set[str] | frozenset[str], where: str, at: Location = ()) -> None:
    """A misspelt key ("hold" for "hold_s") would otherwise be silently ignored."""
    unknown = sorted(set(table) - set(allowed))
    if unknown:
        raise CatalogError(f"{where}: unknown key(s) {', '.join(unknown)}", (*at, unknown[0]))


def _normalise(text: str) -> str:
    return re.sub(r"[\s_\-]+", " ", text.strip().lower()).strip()
