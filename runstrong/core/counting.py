"""What counts as a strength session for the weekly target and the streak (numbers: ours).

The seed articles ask for two to three strength sessions a week ("000", "002") but never say how
much of a session makes it one. Our rule, so a leftover does not pass for training:

- Only working sets count: warm-up sets (set_type 'warmup') are preparation, not the work.
- A session counts when at least MIN_WORKING_SETS working sets were done, AND at least half of
  the working sets it planned were done (a 4-set plan needs 2, a 12-set plan needs 6).
- Quick-timer holds and deleted sessions or sets never count (the store applies those).

So the two sets ticked before switching to another program (2 of 12) do not count, nor does a
single plank; a whole short day (3 of 3) or a cut-short long one (8 of 12) does. Imported
sessions list only what was done, so for them the first condition decides.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import NamedTuple

from runstrong.core.models import SetLog
from runstrong.core.plan import PlannedSet

MIN_WORKING_SETS = 3
"""Working sets done for a session to count (ours: a real session has at least three)."""
MIN_DONE_SHARE = 0.5
"""Share of the planned working sets that must be done (ours: half)."""


def counts_as_session(working_done: int, working_planned: int) -> bool:
    """True when a session with `working_done` of `working_planned` working sets counts.

    >>> counts_as_session(2, 12), counts_as_session(6, 12), counts_as_session(3, 3)
    (False, True, True)
    """
    return working_done >= MIN_WORKING_SETS and working_done >= MIN_DONE_SHARE * working_planned


class SetCount(NamedTuple):
    """How far a session on screen is: working sets done and planned, and warm-ups done."""

    done: int
    planned: int
    warmups_done: int


def count_sets(slots: Iterable[SetLog | PlannedSet]) -> SetCount:
    """Count a session's slots the way every summary does: warm-up sets are never working sets,
    so they stay out of "done" and "planned" and are counted apart (planned sets are never done).

    >>> from runstrong.core.models import SetLog
    >>> def s(done, kind="normal"):
    ...     return SetLog(0, 0, 0, "squat", "Squat", 1, None, 12, None, None, None, None,
    ...                   "2026-11-22T10:00:00+01:00" if done else None, set_type=kind)
    >>> count_sets([s(True, "warmup"), s(True), s(False)])
    SetCount(done=1, planned=2, warmups_done=1)
    """
    done = planned = warmups = 0
    for slot in slots:
        is_done = isinstance(slot, SetLog) and slot.done
        if isinstance(slot, SetLog) and slot.is_warmup:
            warmups += is_done
            continue
        planned += 1
        done += is_done
    return SetCount(done, planned, warmups)
