"""Plain records shared by every layer: exercises, prescriptions, programs, sessions, sets.

Records here and elsewhere on the start-up path are `typing.NamedTuple`s: immutable, hashable
and compared field by field like frozen dataclasses, but Python 3.11 builds each frozen
dataclass by compiling six methods (about 0.5 ms a class), which cost every start ~25 ms. Change
one with `record._replace(field=value)`. Dataclasses remain where a record validates itself
(`__post_init__`), needs a default factory, or is a mutable tally.
"""

from __future__ import annotations

from collections.abc import Callable
from enum import StrEnum
from typing import NamedTuple

from runstrong.core.durations import format_duration
from runstrong.core.loads import Unit, format_load


class Kind(StrEnum):
    """How an exercise is measured."""

    REPS = "reps"
    HOLD = "hold"
    CARRY = "carry"
    PLYOMETRIC = "plyometric"


class Side(StrEnum):
    LEFT = "left"
    RIGHT = "right"


SIDES: tuple[Side, Side] = (Side.LEFT, Side.RIGHT)

# Per-side rep work in these categories is counted per leg; everything else per side.
LEG_CATEGORIES = frozenset({"legs", "hips", "posterior chain", "calves & feet", "plyometric"})


class Prescription(NamedTuple):
    """What to do for one exercise in one session: sets of reps, or sets of timed holds."""

    sets: int
    reps: int | None = None
    """Target reps per set (per side when the exercise is per-side); the bottom of a rep range."""
    hold_s: int | None = None
    """Target seconds per set (per side when the exercise is per-side); the bottom of a hold range."""
    rest_s: int | None = None
    """Rest after each set; None means the default for the exercise's kind."""
    ours: bool = False
    """True where the seed article gave no numbers and runstrong chose them."""
    reps_max: int | None = None
    """Top of a rep range ("8–12": reps 8, reps_max 12); None for a single number."""
    hold_s_max: int | None = None
    """Top of a hold range in seconds ("30–60 s": hold_s 30, hold_s_max 60); None for one number."""
    load_kg: float | None = None
    """Target load per set in kilograms; None when the runner picks it (or bodyweight)."""

    def label(self, per_side: bool, limb: str = "side", unit: Unit = Unit.KG) -> str:
        """Short human form: "3 × 12", "3 × 8–12 @ 40 kg", "3 × 0:30–1:00 each side", "3 × 10 each leg";
        a target load in `unit` (the screens pass the runner's display unit: "@ 100 lb")."""
        if self.hold_s is not None:
            amount = _span(self.hold_s, self.hold_s_max, format_duration)
        else:
            amount = _span(self.reps, self.reps_max, str) if self.reps is not None else ""
        suffix = f" each {limb}" if per_side else ""
        load = f" @ {format_load(self.load_kg, unit)}" if self.load_kg is not None else ""
        return f"{self.sets} × {amount}{suffix}{load}"


def _span(low: int, high: int | None, shown: Callable[[int], str]) -> str:
    return f"{shown(low)}–{shown(high)}" if high is not None and high != low else shown(low)


class Exercise(NamedTuple):
    """One exercise of the catalog, packaged (data/exercises.toml) or the runner's own: how it is
    measured, whether per side, and its default prescription."""

    id: str
    """Stable slug, e.g. "copenhagen-plank"; used in storage and exports."""
    name: str
    kind: Kind
    per_side: bool
    muscles: tuple[str, ...]
    category: str
    """Broad group: "legs", "hips", "posterior chain", "calves & feet", "core", "plyometric", "upper body"."""
    default: Prescription
    why: str
    """One or two sentences, in our words, on why it helps runners."""
    cues: tuple[str, ...]
    sources: tuple[str, ...]
    """Seed article ids ("000" … "004") that name this exercise; empty for an own exercise."""
    notes: str = ""
    """The runner's own notes or cues for an own exercise (packaged ones use `cues`)."""
    own: bool = False
    """True for an exercise the runner made (stored in the database, not the packaged data)."""
    archived: bool = False
    """An own exercise hidden from pickers; its logged sets stay in History and Progress."""

    @property
    def is_timed(self) -> bool:
        return self.kind in (Kind.HOLD, Kind.CARRY)

    @property
    def limb(self) -> str:
        """What a per-side count is per: "leg" for leg rep work, "side" for everything else."""
        return "leg" if self.category in LEG_CATEGORIES and not self.is_timed else "side"

    def prescription_label(self, prescription: Prescription | None = None, unit: Unit = Unit.KG) -> str:
        """ "3 × 10 each leg" for a lunge, "3 × 0:20 each side" for a side plank; a target load
        in `unit`."""
        return (prescription or self.default).label(self.per_side, self.limb, unit)


class ProgramItem(NamedTuple):
    """One exercise of a program day with its prescription."""

    exercise_id: str
    prescription: Prescription


class ProgramDay(NamedTuple):
    """One day of a program ("Workout A"): its items in the order they are done."""

    name: str
    items: tuple[ProgramItem, ...]


class Program(NamedTuple):
    """A program: its days, done in rotation. Packaged (data/programs.toml) or the runner's own."""

    id: str
    name: str
    description: str
    days: tuple[ProgramDay, ...]
    sources: tuple[str, ...] = ()
    own: bool = False
    """True for a program the runner made or duplicated (stored in the database)."""
    archived: bool = False
    """An own program hidden from the picker; sessions logged with it stay in History."""


SET_TYPES = ("normal", "warmup", "drop", "failure")
SET_TYPE_WARMUP = "warmup"


class DoneSet(NamedTuple):
    """A done set as Progress reads it: when, which side, and what was done. A tuple, not a
    SetLog: Progress reads thousands of them and needs five of a SetLog's thirteen fields."""

    done_at: str
    side: Side | None
    reps: int | None
    load_kg: float | None
    hold_s: int | None


class SetLog(NamedTuple):
    """One planned set slot of a session, done or not (done_at is None until ticked)."""

    id: int
    session_id: int
    position: int
    exercise_id: str
    exercise: str
    set_no: int
    side: Side | None
    target_reps: int | None
    reps: int | None
    load_kg: float | None
    target_hold_s: int | None
    hold_s: int | None
    done_at: str | None
    """ISO 8601 with offset, or None while the set is not done."""
    uid: str = ""
    """Stable id across machines (32 hex digits); what import and merge match on."""
    set_type: str = "normal"
    """normal, warmup, drop or failure; warm-up sets never count in records or volume."""
    rpe: float | None = None
    """Rate of perceived exertion, 1–10, when the lifter gave one."""
    note: str = ""
    target_load_kg: float | None = None
    """The load planned for this set (last time's, or the progression's), kg."""
    rest_s: int | None = None
    """Rest after this set in seconds; None means the default for the exercise's kind."""

    @property
    def done(self) -> bool:
        return self.done_at is not None

    @property
    def is_warmup(self) -> bool:
        return self.set_type == SET_TYPE_WARMUP


class Session(NamedTuple):
    """One training session: a date (local, ISO), when it started and finished (ISO 8601
    instants), the program day it follows, and its set slots in order."""

    id: int
    date: str
    """Local calendar date, ISO "YYYY-MM-DD"."""
    started_at: str
    finished_at: str | None
    program: str
    program_id: str
    day: str
    day_index: int
    notes: str = ""
    sets: tuple[SetLog, ...] = ()
    uid: str = ""
    """Stable id across machines (32 hex digits)."""
