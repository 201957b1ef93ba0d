"""An own exercise from what the runner typed in the exercise form, checked like a routine file."""

from __future__ import annotations

from typing import Any

from runstrong.core.catalog import OWN, Catalog, CatalogError, free_id, parse_exercise
from runstrong.core.models import Exercise, Kind
from runstrong.core.program_draft import FieldProblem, parse_prescription_fields
from runstrong.core.routine_file import check_name_free, check_programs_still_fit, prescription_table
from runstrong.core.loads import Unit


def exercise_from_fields(
    catalog: Catalog,
    *,
    exercise_id: str | None,
    name: str,
    kind: Kind,
    per_side: bool,
    category: str,
    sets: str,
    amount: str,
    notes: str,
    unit: Unit = Unit.KG,
) -> Exercise:
    """A checked own exercise; a new id is made from the name when `exercise_id` is None.

    FieldProblem names the field: "name" (empty, or taken ignoring case by any exercise but
    this one), "kind" (an own program counts it the other way), or a prescription field.
    """
    if not name.strip():
        raise FieldProblem("name", "An exercise needs a name")
    new_id = exercise_id or free_id(name, catalog.exercises, "exercise")
    try:
        check_name_free("exercise", new_id, name, catalog.exercises.values())
    except CatalogError:
        taken = catalog.exercise_named(name)
        raise FieldProblem("name", f"{(taken.name if taken else name)!r} exists already (names ignore case)") from None
    probe = Exercise(new_id, name.strip(), kind, per_side, (), category, None, "", (), ())  # type: ignore[arg-type]
    default = parse_prescription_fields(probe, sets, amount, "", "", unit)
    table: dict[str, Any] = {
        "id": new_id,
        "name": name.strip(),
        "kind": kind.value,
        "per_side": per_side,
        "category": category,
        "default": prescription_table(default),
    }
    old = catalog.exercises.get(new_id)
    if old is not None:
        # What the form does not show is kept as it was.
        table |= {key: list(value) for key, value in (("muscles", old.muscles), ("cues", old.cues)) if value}
        if old.why:
            table["why"] = old.why
    if notes.strip():
        table["notes"] = notes.strip()
    exercise = parse_exercise(table, (), OWN, "exercise")
    try:
        check_programs_still_fit(exercise, catalog)
    except CatalogError as error:
        raise FieldProblem("kind", str(error).split(": ", 1)[1]) from None
    return exercise
