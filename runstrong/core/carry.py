"""What a set starts from: the load follows the lifter through a session.

A set not yet done starts from the set before it of the same exercise in the session (the other
side of a per-side set included): its load, and its reps when those were edited away from the
target. Seconds never carry: a hold's time is what the timer measured, and the timer runs every
set to its own target, so a hold cut short at 0:09 leaves the next set at its 0:30. The first
set of an exercise starts from the planned load (last time's) and its targets. What the runner
edited on a set itself always wins. Warm-up sets and work sets carry only among their own kind:
a warm-up's light load says nothing about the work sets. (Ours.)
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import NamedTuple

from runstrong.core.models import SetLog
from runstrong.core.plan import PlannedSet


class Start(NamedTuple):
    """What ticking a set saves unless the runner types otherwise. (A tuple, not a dataclass:
    it is built for every box on Today's first paint, and a dataclass class costs start-up.)"""

    reps: int | None
    load_kg: float | None
    hold_s: int | None


def _warmup(slot: SetLog | PlannedSet) -> bool:
    return isinstance(slot, SetLog) and slot.is_warmup


def starting_values(slots: Sequence[SetLog | PlannedSet], index: int) -> Start:
    """The reps, load (kg) and hold (s) the set at `index` starts from; see the module doc."""
    return all_starting_values(slots[: index + 1])[index]


def all_starting_values(slots: Sequence[SetLog | PlannedSet]) -> list[Start]:
    """`starting_values` of every slot, in one pass (the checklist draws them all at once)."""
    # Per (exercise, warm-up or not): what the set before started from, and that set.
    before: dict[tuple[str, bool], tuple[Start, SetLog | PlannedSet]] = {}
    starts: list[Start] = []
    for slot in slots:
        key = (slot.exercise_id, _warmup(slot))
        logged = slot if isinstance(slot, SetLog) else None
        reps, hold, load = slot.target_reps, slot.target_hold_s, slot.target_load_kg
        if key in before:
            start, previous = before[key]
            # Carry reps or seconds only when the set before was changed from its own target.
            if start.reps is not None and start.reps != previous.target_reps and reps is not None:
                reps = start.reps
            if start.load_kg is not None:
                load = start.load_kg
        own = Start(
            reps=logged.reps if logged and logged.reps is not None else reps,
            load_kg=logged.load_kg if logged and logged.load_kg is not None else load,
            hold_s=logged.hold_s if logged and logged.hold_s is not None else hold,
        )
        before[key] = (own, slot)
        starts.append(own)
    return starts
