"""What a set starts from: the load follows the lifter through a session.

A set not yet done starts from the set before it of the same exercise in the session (the other
side of a per-side set included): its load, and its reps or seconds when those were edited away
from the target. The first set of an exercise starts from the planned load (last time's) and its
targets. What the runner edited on a set itself always wins. Warm-up sets and work sets carry
only among their own kind: a warm-up's light load says nothing about the work sets. (Ours.)
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from runstrong.core.models import SetLog
from runstrong.core.plan import PlannedSet


@dataclass(frozen=True)
class Start:
    """What ticking a set saves unless the runner types otherwise."""

    reps: int | None
    load_kg: float | None
    hold_s: int | None


def _warmup(slot: SetLog | PlannedSet) -> bool:
    return isinstance(slot, SetLog) and slot.is_warmup


def starting_values(slots: Sequence[SetLog | PlannedSet], index: int) -> Start:
    """The reps, load (kg) and hold (s) the set at `index` starts from; see the module doc."""
    target = slots[index]
    before: Start | None = None
    previous: SetLog | PlannedSet | None = None
    for slot in slots[: index + 1]:
        if slot.exercise_id != target.exercise_id or _warmup(slot) != _warmup(target):
            continue
        logged = slot if isinstance(slot, SetLog) else None
        own_reps = logged.reps if logged else None
        own_hold = logged.hold_s if logged else None
        own_load = logged.load_kg if logged else None
        reps, hold = slot.target_reps, slot.target_hold_s
        if before is not None and previous is not None:
            # Carry reps or seconds only when the set before was changed from its own target.
            if before.reps is not None and before.reps != previous.target_reps and reps is not None:
                reps = before.reps
            if before.hold_s is not None and before.hold_s != previous.target_hold_s and hold is not None:
                hold = before.hold_s
        load = before.load_kg if before is not None and before.load_kg is not None else slot.target_load_kg
        before = Start(
            reps=own_reps if own_reps is not None else reps,
            load_kg=own_load if own_load is not None else load,
            hold_s=own_hold if own_hold is not None else hold,
        )
        previous = slot
    assert before is not None
    return before
