"""JSON forms of exercises and programs: what `exercises --json` and `programs show --json` print
and what the JSON export (version 2) carries under "exercises" and "programs"."""

from __future__ import annotations

from typing import Any

from runstrong.core.models import Exercise, Program
from runstrong.core.routine_file import prescription_table, program_table


def exercise_json(exercise: Exercise) -> dict[str, Any]:
    """One exercise: id, name, kind, per_side, category, muscles, default (sets, reps, hold_s,
    rest_s, ours, and reps_max, hold_s_max, load_kg when given), its label ("3 × 12"), why, cues,
    sources, notes, and "own"/"archived" (an own exercise is one the runner made)."""
    default = {"sets": exercise.default.sets, "reps": None, "hold_s": None, "rest_s": None, "ours": False}
    default |= prescription_table(exercise.default)
    return {
        "id": exercise.id,
        "name": exercise.name,
        "kind": exercise.kind.value,
        "per_side": exercise.per_side,
        "category": exercise.category,
        "muscles": list(exercise.muscles),
        "default": default,
        "prescription": exercise.prescription_label(),
        "why": exercise.why,
        "cues": list(exercise.cues),
        "sources": list(exercise.sources),
        "notes": exercise.notes,
        "own": exercise.own,
        "archived": exercise.archived,
    }


def program_json(program: Program) -> dict[str, Any]:
    """One program: id, name, description, sources, "own", "archived", and "days", each
    {"name", "items": [{"exercise": id, "sets", "reps" | "hold_s", and "reps_max",
    "hold_s_max", "load_kg", "rest_s", "ours" when given}]}: the `[[program]]` table's keys
    (core.routine_file.program_table_from_json turns it back into one)."""
    table = program_table(program)
    days = table.pop("day")
    return {
        "id": table["id"],
        "name": table["name"],
        "description": program.description,
        "sources": list(program.sources),
        "own": program.own,
        "archived": program.archived,
        "days": days,
    }
