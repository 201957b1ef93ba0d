"""A program being edited: days and items added, removed and reordered before it is saved.

The program editor screen shows a draft and changes it through these methods; nothing reaches
the database until `finish()` has checked the whole program with the same validator as a routine
file (core.catalog.parse_program plus the name rules of core.routine_file). Pure: no Textual.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from runstrong.core.catalog import MAX_SETS, OWN, Catalog, CatalogError, free_id, parse_prescription, parse_program
from runstrong.core.durations import DurationError, parse_duration
from runstrong.core.models import Exercise, Prescription, Program, ProgramDay, ProgramItem
from runstrong.core.routine_file import check_name_free, program_table
from runstrong.core.numerals import ascii_digits
from runstrong.core.set_input import MAX_HOLD_S, MAX_REPS, InputProblem, parse_load, parse_reps, parse_whole_number
from runstrong.core.loads import Unit, load_number


def free_name(name: str, taken: Iterable[str]) -> str:
    """`name`, or "name 2", "name 3", ... whichever no entry of `taken` has (ignoring case)."""
    folded = {other.casefold() for other in taken}
    candidate, number = name, 1
    while candidate.casefold() in folded:
        number += 1
        candidate = f"{name} {number}"
    return candidate


@dataclass
class DraftDay:
    """One day of a program being edited: its name and its items, in order."""

    name: str
    items: list[ProgramItem] = field(default_factory=list)


@dataclass
class ProgramDraft:
    """A mutable copy of a program. `program_id` is None until a new program is first saved."""

    program_id: str | None
    name: str
    description: str = ""
    days: list[DraftDay] = field(default_factory=list)
    sources: tuple[str, ...] = ()

    @classmethod
    def new(cls, catalog: Catalog) -> ProgramDraft:
        """An empty own program with one day, named so it clashes with nothing."""
        return cls(None, free_name("My program", (p.name for p in catalog.programs)), days=[DraftDay("Day 1")])

    @classmethod
    def of(cls, program: Program) -> ProgramDraft:
        """A draft that edits an own program in place (same id)."""
        days = [DraftDay(day.name, list(day.items)) for day in program.days]
        return cls(program.id, program.name, program.description, days, program.sources)

    @classmethod
    def duplicate(cls, program: Program, catalog: Catalog) -> ProgramDraft:
        """An own copy of any program (packaged ones are read-only): "Beginner (copy)", new id on save."""
        draft = cls.of(program)
        draft.program_id = None
        draft.name = free_name(f"{program.name} (copy)", (p.name for p in catalog.programs))
        return draft

    # -- rows as the editor lists them ---------------------------------------------------------

    def rows(self) -> list[tuple[int, int | None]]:
        """Every row in order: (day, None) for a day's heading, then (day, item) for its items."""
        rows: list[tuple[int, int | None]] = []
        for day_index, day in enumerate(self.days):
            rows.append((day_index, None))
            rows.extend((day_index, item_index) for item_index in range(len(day.items)))
        return rows

    # -- days -----------------------------------------------------------------------------------

    def add_day(self, after: int | None, name: str) -> int:
        """Insert a day after day `after` (None: at the end); returns its index."""
        index = len(self.days) if after is None else after + 1
        self.days.insert(index, DraftDay(name.strip()))
        return index

    def rename_day(self, index: int, name: str) -> None:
        self.days[index].name = name.strip()

    def remove_day(self, index: int) -> None:
        del self.days[index]

    def move_day(self, index: int, step: int) -> int:
        """Move a day one place up (-1) or down (+1); returns where it is now."""
        target = min(max(index + step, 0), len(self.days) - 1)
        self.days.insert(target, self.days.pop(index))
        return target

    def day_name_problem(self, name: str, index: int | None) -> str | None:
        """Why `name` cannot name day `index` (None: a new day), or None when it can."""
        if not name.strip():
            return "A day needs a name"
        if any(i != index and day.name.casefold() == name.strip().casefold() for i, day in enumerate(self.days)):
            return "Another day has this name"
        return None

    # -- items ----------------------------------------------------------------------------------

    def add_item(self, day: int, after: int | None, item: ProgramItem) -> int:
        """Insert an item after item `after` of `day` (None: first); returns its index."""
        index = 0 if after is None else after + 1
        self.days[day].items.insert(index, item)
        return index

    def replace_item(self, day: int, index: int, item: ProgramItem) -> None:
        self.days[day].items[index] = item

    def remove_item(self, day: int, index: int) -> None:
        del self.days[day].items[index]

    def move_item(self, day: int, index: int, step: int) -> tuple[int, int]:
        """Move an item one place up (-1) or down (+1). Past the top or bottom of its day it goes
        to the end of the day before or the start of the day after. Returns (day, index) now."""
        items = self.days[day].items
        target = index + step
        if 0 <= target < len(items):
            items.insert(target, items.pop(index))
            return day, target
        other = day + step
        if not 0 <= other < len(self.days):
            return day, index
        item = items.pop(index)
        destination = self.days[other].items
        position = len(destination) if step < 0 else 0
        destination.insert(position, item)
        return other, position

    # -- saving ---------------------------------------------------------------------------------

    def finish(self, catalog: Catalog) -> Program:
        """The checked own program (a new id from the name when it has none yet).

        CatalogError, with a message for the runner, when the name is empty or taken (ignoring
        case; `at` is ("name",) for those), a day has no items, or an item does not fit its exercise.
        """
        name = self.name.strip()
        if not name:
            raise CatalogError("A program needs a name", ("name",))
        program_id = self.program_id or free_id(name, (p.id for p in catalog.programs), "program")
        if not self.days:
            raise CatalogError("A program needs at least one day")
        for day in self.days:
            if not day.items:
                raise CatalogError(f"Day {day.name!r} has no exercises: add one or remove the day")
        draft = Program(
            id=program_id,
            name=name,
            description=self.description.strip(),
            days=tuple(ProgramDay(day.name, tuple(day.items)) for day in self.days),
            sources=self.sources,
            own=True,
        )
        check_name_free("program", program_id, name, catalog.programs, at=("name",))
        # Through the routine-file validator, so the editor can save nothing a file could not hold.
        return parse_program(program_table(draft), (), catalog.exercises, OWN, "program")


# -- what the runner types for an item ---------------------------------------------------------


class FieldProblem(ValueError):
    """A value typed in the item or exercise form that cannot be used; `field` names the input."""

    def __init__(self, field: str, message: str) -> None:
        super().__init__(message)
        self.field = field


_RANGE = re.compile(r"^\s*([^-–]+?)\s*(?:(?:-|–|to)\s*([^-–]+?))?\s*$")


def parse_prescription_fields(
    exercise: Exercise, sets: str, amount: str, load: str, rest: str, unit: Unit
) -> Prescription:
    """A prescription from the item form: sets "3"; reps "8" or a range "8-12" (or "8–12"), or
    for a timed exercise seconds "30", "45s", "1:00" or a range "30-60"; load in the display
    unit, blank for none; rest "90", "1:30" or "2m", blank for the default of the kind.

    FieldProblem names the field ("sets", "amount", "load", "rest_s") and says what is accepted.
    """
    timed = exercise.is_timed
    try:
        set_count = parse_whole_number(sets, "Sets", 1, MAX_SETS)
    except InputProblem as problem:
        raise FieldProblem("sets", str(problem)) from None
    if set_count is None:
        raise FieldProblem("sets", f"Sets must be a whole number from 1 to {MAX_SETS}")
    amount = ascii_digits(amount)  # digits of any script, as in every field
    match = _RANGE.match(amount)
    if not amount.strip() or match is None:
        raise FieldProblem("amount", _amount_help(timed))
    low, high = (_amount(part, timed) for part in match.groups())
    if low is None:
        raise FieldProblem("amount", _amount_help(timed))
    if high is not None and high < low:
        raise FieldProblem("amount", "The top of a range must not be below its bottom, as 8-12")
    try:
        load_kg = parse_load(load, unit)
    except InputProblem as problem:
        raise FieldProblem("load", str(problem)) from None
    rest_s = None
    if rest.strip():
        try:
            rest_s = parse_duration(rest, allow_zero=True, maximum=MAX_HOLD_S)
        except DurationError:
            raise FieldProblem("rest_s", "Rest must be 0:00 to 60:00, as 90, 90s, 1:30 or 2m; blank for the usual") from None
    table: dict[str, Any] = {"sets": set_count}
    key = "hold_s" if timed else "reps"
    table[key] = low
    if high is not None and high != low:
        table[f"{key}_max"] = high
    if load_kg is not None:
        table["load_kg"] = load_kg
    if rest_s is not None:
        table["rest_s"] = rest_s
    try:
        return parse_prescription(table, exercise.kind, exercise.name)
    except CatalogError as error:  # a limit the parsers above let through
        raise FieldProblem("amount", str(error).removeprefix(f"{exercise.name}: ")) from None


def _amount(part: str | None, timed: bool) -> int | None:
    if part is None:
        return None
    if timed:
        try:
            return parse_duration(part, maximum=MAX_HOLD_S)
        except DurationError:
            raise FieldProblem("amount", _amount_help(True)) from None
    try:
        return parse_reps(part)
    except InputProblem:
        raise FieldProblem("amount", _amount_help(False)) from None


def _amount_help(timed: bool) -> str:
    if timed:
        return "Seconds per set: 30, 45s or 1:00, or a range as 30-60"
    return f"Reps per set: a whole number from 1 to {MAX_REPS}, or a range as 8-12"


def prescription_fields(prescription: Prescription, unit: Unit) -> tuple[str, str, str, str]:
    """The item form's texts (sets, amount, load, rest) for an existing prescription."""
    if prescription.hold_s is not None:
        low, high = prescription.hold_s, prescription.hold_s_max
    else:
        low, high = prescription.reps or 0, prescription.reps_max
    amount = f"{low}-{high}" if high is not None else str(low)
    load = "" if prescription.load_kg is None else load_number(prescription.load_kg, unit)
    rest = "" if prescription.rest_s is None else str(prescription.rest_s)
    return str(prescription.sets), amount, load, rest
