"""Expand a program day into the ordered set slots a session is made of."""

from __future__ import annotations

from typing import NamedTuple

from runstrong.core.catalog import Catalog
from runstrong.core.models import SIDES, ProgramDay, Side


class PlannedSet(NamedTuple):
    """One box on the checklist before the session is stored."""

    exercise_id: str
    exercise: str
    set_no: int
    side: Side | None
    target_reps: int | None
    target_hold_s: int | None
    target_load_kg: float | None = None
    """Planned load in kg (last time's, or the progression's); None for bodyweight or unknown."""
    rest_s: int | None = None
    """Rest after this set in seconds; None means the default for the exercise's kind."""


def plan_day(day: ProgramDay, catalog: Catalog) -> list[PlannedSet]:
    """Every set of `day` in doing order: set 1 left, set 1 right, set 2 left, …"""
    slots: list[PlannedSet] = []
    for item in day.items:
        exercise = catalog.exercise(item.exercise_id)
        sides: tuple[Side | None, ...] = SIDES if exercise.per_side else (None,)
        for set_no in range(1, item.prescription.sets + 1):
            for side in sides:
                slots.append(
                    PlannedSet(
                        exercise_id=exercise.id,
                        exercise=exercise.name,
                        set_no=set_no,
                        side=side,
                        target_reps=item.prescription.reps,
                        target_hold_s=item.prescription.hold_s,
                        # The program item's target load and rest, when it gives them.
                        target_load_kg=item.prescription.load_kg,
                        rest_s=item.prescription.rest_s,
                    )
                )
    return slots
