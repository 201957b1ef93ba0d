"""Today's target for one exercise from what was done, with one line of why.

Seed 003: progress load, volume or complexity in small increments. The rules (all numbers in
data/seasons.toml [progression], ours):
- Rep work with a load, double progression: reps climb one at a time within the item's range;
  when every set reaches the top, the load goes up by the smallest increment (2.5 kg or 5 lb) and
  the reps go back to the bottom.
- Rep work without a load: reps climb to the top of the range, then one more set, then a harder
  variation is suggested.
- Holds: every set held in full adds `hold_step_s` (5 s) up to the range's top, then one more set,
  then a harder variation.
- A missed target is kept; `misses_to_lower` misses in a row lower it (load x `lower_factor`, or
  the reps / hold back to the bottom).
- In weeks that may not progress (deload, in-season, taper, recovery) a met target is kept.
- Per-side exercises are worked out for each side on its own, shown side by side.

History is read in the program's own terms: the sessions were done in weeks whose rules scaled
sets, reps and load (season.WeekRules), so each past session carries those factors and its numbers
are divided by them before the rules above apply. The caller scales the result for today's week.
Loads are kilograms; holds are seconds.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import NamedTuple
from datetime import date

from runstrong.core.durations import format_duration
from runstrong.core.loads import Unit, display_to_kg, format_load, kg_to_display, load_number
from runstrong.core.models import Prescription, Side
from runstrong.core.plurals import count_of
from runstrong.core.season import ProgressionRules, WeekRules


@dataclass(frozen=True)
class LoadStep:
    """The smallest load increment, `amount` in the unit the runner loads the bar in ("kg" or
    "lb"). Loads go in and come out in kg; the grid (whole numbers of `amount`) is in `unit`,
    so 100 lb + 5 lb is 105 lb exactly. Conversion and display are core.loads'."""

    amount: float
    unit: Unit = Unit.KG

    def __post_init__(self) -> None:
        object.__setattr__(self, "unit", Unit(self.unit))  # "kg" and "lb" are accepted as text

    def to_unit(self, kg: float) -> float:
        """`kg` in the step's unit (core.loads.kg_to_display, not rounded)."""
        return kg_to_display(kg, self.unit)

    def to_kg(self, value: float) -> float:
        """A value in the step's unit back in kg (core.loads.display_to_kg, not rounded)."""
        return display_to_kg(value, self.unit)

    def _whole_steps(self, kg: float) -> int:
        # Halves go up (round_half_up). The quotient is first rounded to 9 decimals so float
        # noise (37.5 × 1.1 = 41.250000000000007) cannot move a half to either side.
        return max(0, round_half_up(round(self.to_unit(kg) / self.amount, 9)))

    def round(self, kg: float) -> float:
        """`kg` rounded to the nearest whole number of steps in the runner's unit, halves up
        (26.25 kg → 27.5 kg with 2.5 kg steps), never below 0; back in kg."""
        return self.to_kg(self._whole_steps(kg) * self.amount)

    def add(self, kg: float, steps: int = 1) -> float:
        """`steps` steps more than `kg` rounded to the grid (41.25 + 1.25 kg = 42.5 kg); in kg."""
        return self.to_kg((self._whole_steps(kg) + steps) * self.amount)

    def show(self, kg: float) -> str:
        """The load as the rest of the app shows it (core.loads.format_load): "42.5 kg", "88.2 lb"."""
        return format_load(kg, self.unit)


def load_step(unit: str, rules: ProgressionRules) -> LoadStep:
    """The default increment for a display unit: 2.5 kg or 5 lb (ours)."""
    return LoadStep(rules.increment_lb, "lb") if unit == "lb" else LoadStep(rules.increment_kg, "kg")


class ItemRange(NamedTuple):
    """What a program item allows: sets, a rep or hold range, an optional starting load."""

    sets: int
    reps: int | None = None
    reps_max: int | None = None
    hold_s: int | None = None
    hold_s_max: int | None = None
    load_kg: float | None = None

    @classmethod
    def of(cls, prescription: Prescription, rules: ProgressionRules) -> ItemRange:
        """The prescription's range; one number only gives a range up to it + rep_span / hold_span_s."""
        reps_max = getattr(prescription, "reps_max", None)
        hold_s_max = getattr(prescription, "hold_s_max", None)
        return cls(
            sets=prescription.sets,
            reps=prescription.reps,
            reps_max=(reps_max or prescription.reps + rules.rep_span) if prescription.reps else None,
            hold_s=prescription.hold_s,
            hold_s_max=(hold_s_max or prescription.hold_s + rules.hold_span_s) if prescription.hold_s else None,
            load_kg=getattr(prescription, "load_kg", None),
        )

    @property
    def timed(self) -> bool:
        """True for a hold (seconds), False for rep work."""
        return self.hold_s is not None


class PastSet(NamedTuple):
    """One planned set of a past session, done or not, with the target it was given."""

    side: Side | None
    done: bool
    reps: int | None = None
    load_kg: float | None = None
    hold_s: int | None = None
    target_reps: int | None = None
    target_hold_s: int | None = None
    target_load_kg: float | None = None
    rest_s: int | None = None
    """The rest the plan gave the set; None for sessions planned without the plan's seasons."""


class Exposure(NamedTuple):
    """One past session's sets of one exercise, and how that session's week scaled them."""

    date: date
    sets: tuple[PastSet, ...]
    sets_factor: float = 1.0
    reps_factor: float = 1.0
    load_factor: float = 1.0


class Target(NamedTuple):
    """Today's target in the program's own terms (before today's week scales it)."""

    sets: int
    reps: int | None = None
    hold_s: int | None = None
    load_kg: float | None = None
    why: str = ""
    harder_variation: bool = False
    """True when the range and the extra set are used up: time for a harder variation."""


def next_targets(
    item: ItemRange,
    history: Sequence[Exposure],
    step: LoadStep,
    rules: ProgressionRules,
    *,
    per_side: bool = False,
    may_progress: bool = True,
) -> dict[Side | None, Target]:
    """Today's target for each side (key None for two-sided work), from `history` (oldest first).

    Only exposures with at least one done set count; the rest are sessions left unfinished.
    """
    sides: tuple[Side | None, ...] = (Side.LEFT, Side.RIGHT) if per_side else (None,)
    result: dict[Side | None, Target] = {}
    for side in sides:
        own = [
            exp._replace(sets=tuple(s for s in exp.sets if s.side == side))
            for exp in history
        ]
        own = [exp for exp in own if any(s.done for s in exp.sets)]
        result[side] = _next(item, own, step, rules, may_progress)
    return result


def why_line(targets: dict[Side | None, Target]) -> str:
    """One line for the checklist: both sides' reasons side by side, or one when they agree."""
    if None in targets:
        return targets[None].why
    left, right = targets[Side.LEFT], targets[Side.RIGHT]
    if left.why == right.why:
        return f"each side: {left.why}"
    return f"left: {left.why} · right: {right.why}"


def _next(
    item: ItemRange, history: list[Exposure], step: LoadStep, rules: ProgressionRules, may_progress: bool
) -> Target:
    start = Target(item.sets, item.reps, item.hold_s, item.load_kg, "")
    if not history:
        return start._replace(why=f"first time: {_amounts(start, step)}")
    last = history[-1]
    base = _base_target(item, last, step, rules.extra_sets)
    done_text = _done_text(last, step)
    misses = 0
    for exposure in reversed(history):
        if _met(exposure):
            break
        misses += 1
    if misses:
        if misses >= rules.misses_to_lower:
            lowered = _lower(item, base, step, rules)
            return lowered._replace(
                why=f"{done_text}, missed {misses} times in a row → {_amounts(lowered, step)}"
            )
        return base._replace(why=f"{done_text}, target missed → same again")
    if not may_progress:
        # Name the number held: in the program's terms, which differ from last time's when last
        # time's week scaled it (the week's own change follows in the planner's note).
        scaled = (last.sets_factor, last.reps_factor, last.load_factor) != (1.0, 1.0, 1.0)
        return base._replace(
            why=f"{done_text}{' (scaled for that week)' if scaled else ''}, all done → held at {_amounts(base, step)}",
        )
    nxt = _progress(item, base, last, step, rules)
    if nxt.harder_variation:
        return nxt._replace(why=f"{done_text}, all done at the top of the range → try a harder variation")
    return nxt._replace(why=f"{done_text}, all done → {_change(base, nxt, step)}")


def _base_target(item: ItemRange, last: Exposure, step: LoadStep, extra_sets: int) -> Target:
    """Last session's target, divided back out of that week's scaling, kept within the range."""
    first = last.sets[0]
    # Sets: the item's, plus an extra set earned at the top of a range (more planned than the
    # week's scaling of the item's sets explains).
    # Only holds and bodyweight reps earn extra sets; loaded work progresses by load.
    expected = max(1, round_half_up(item.sets * last.sets_factor))
    loaded = any(s.load_kg for s in last.sets) or bool(item.load_kg)
    earned = 0 if loaded and not item.timed else max(0, min(extra_sets, len(last.sets) - expected))
    sets = item.sets + earned
    reps = first.target_reps if first.target_reps is not None else item.reps
    if reps is not None and not item.timed:
        reps = max(1, round(reps / last.reps_factor))
        reps = min(max(reps, item.reps or reps), item.reps_max or reps)
    hold = first.target_hold_s if first.target_hold_s is not None else item.hold_s
    if hold is not None:
        hold = min(max(hold, item.hold_s or hold), item.hold_s_max or hold)
    load = _base_load(last, first.target_load_kg)
    if load is None:
        load = item.load_kg
    else:
        load = step.round(load / (last.load_factor or 1))
    return Target(sets=sets, reps=reps, hold_s=hold, load_kg=load or None)


def _base_load(last: Exposure, target_kg: float | None) -> float | None:
    """The load the next step builds on, in kg as lifted (before undoing the week's factor):
    the load every set that met its reps was done at (the lightest of them), or the target
    when that is heavier. A runner who loaded the bar heavier than planned and made the reps
    goes on from there; a set that missed its reps raises nothing. With no set meeting its
    reps and no target, the lightest load done; None when nothing was loaded."""
    met = [s.load_kg for s in last.sets if s.done and s.load_kg and (s.reps or 0) >= (s.target_reps or 0)]
    lifted = min(met) if met else None
    if target_kg is not None:
        return max(target_kg, lifted or 0.0)
    if lifted is None:
        lifted = min((s.load_kg for s in last.sets if s.done and s.load_kg), default=None)
    return lifted


def _met(exposure: Exposure) -> bool:
    """Every planned set done, at its target reps, hold and load."""
    for s in exposure.sets:
        if not s.done:
            return False
        if s.target_reps is not None and (s.reps or 0) < s.target_reps:
            return False
        if s.target_hold_s is not None and (s.hold_s or 0) < s.target_hold_s:
            return False
        if s.target_load_kg is not None and (s.load_kg or 0) < s.target_load_kg - 0.01:
            return False
    return True


def _progress(item: ItemRange, base: Target, last: Exposure, step: LoadStep, rules: ProgressionRules) -> Target:
    max_sets = item.sets + rules.extra_sets
    if item.timed:
        top = item.hold_s_max or item.hold_s or 0
        held = min(s.hold_s or 0 for s in last.sets)
        if (base.hold_s or 0) < top:
            return base._replace(hold_s=min(top, max(base.hold_s or 0, held) + rules.hold_step_s))
        if base.sets < max_sets:
            return base._replace(sets=base.sets + 1)
        return base._replace(harder_variation=True)
    bottom = item.reps or 1
    top = item.reps_max or bottom
    done_reps = min(round((s.reps or 0) / last.reps_factor) for s in last.sets)
    reps = base.reps or bottom
    if base.load_kg:
        if done_reps >= top:
            return base._replace(reps=bottom, load_kg=step.add(base.load_kg))
        return base._replace(reps=min(top, max(reps, done_reps) + 1))
    if reps < top:
        return base._replace(reps=min(top, max(reps, done_reps) + 1))
    if base.sets < max_sets:
        return base._replace(sets=base.sets + 1)
    return base._replace(harder_variation=True)


def _lower(item: ItemRange, base: Target, step: LoadStep, rules: ProgressionRules) -> Target:
    if item.timed:
        return base._replace(hold_s=max(item.hold_s or 0, (base.hold_s or 0) - rules.hold_step_s))
    if base.load_kg:
        return base._replace(reps=item.reps, load_kg=step.round(base.load_kg * rules.lower_factor))
    return base._replace(reps=item.reps, sets=item.sets)


def _amounts(target: Target, step: LoadStep) -> str:
    amount = format_duration(target.hold_s) if target.hold_s is not None else str(target.reps)
    load = f" @ {step.show(target.load_kg)}" if target.load_kg else ""
    return f"{target.sets} × {amount}{load}"


def _change(before: Target, after: Target, step: LoadStep) -> str:
    if after.load_kg != before.load_kg and after.load_kg:
        back = f", back to {after.reps} reps" if after.reps != before.reps else ""
        return f"{step.show(after.load_kg)}{back}"
    if after.sets != before.sets:
        return f"{after.sets} sets"
    if after.hold_s != before.hold_s:
        return format_duration(after.hold_s)
    return f"{after.reps} reps"


def _done_text(exposure: Exposure, step: LoadStep) -> str:
    """ "last time 3 × 12 @ 40 kg", "last time 12, 10, 8 @ 40–50 kg" or "last time 0:30, 0:30, —"."""
    done = exposure.sets
    timed = any(s.target_hold_s is not None or s.hold_s is not None for s in done)
    values = [
        ("—" if not s.done else format_duration(s.hold_s or 0) if timed else str(s.reps)) for s in done
    ]
    amount = f"{len(values)} × {values[0]}" if len(set(values)) == 1 else ", ".join(values)
    loads = [s.load_kg for s in done if s.done and s.load_kg]
    return f"last time {amount}{_loads_text(loads, step)}"


def _loads_text(loads: Sequence[float], step: LoadStep) -> str:
    """ " @ 40 kg" for one load, " @ 40–50 kg" when the sets' loads differ, "" for none."""
    if not loads:
        return ""
    low, high = step.show(min(loads)), step.show(max(loads))
    if low == high:
        return f" @ {high}"
    return f" @ {load_number(min(loads), step.unit)}–{high}"


class ScaledTarget(NamedTuple):
    """A target after today's week has scaled it, and what changed, in words."""

    sets: int
    reps: int | None
    hold_s: int | None
    load_kg: float | None
    rest_s: int
    note: str
    """ "deload week: 2 sets instead of 3, 36 kg instead of 40 kg" or "" when nothing changed."""


def scale_for_week(
    target: Target, week: WeekRules, step: LoadStep, rest_s: int, *, plyometric: bool = False
) -> ScaledTarget:
    """Apply a week's factors (season.WeekRules) to a target; plyometrics keep reps and load.

    Sets and reps round half up and never go below 1; loads round to the increment.
    """
    sets = max(1, round_half_up(target.sets * week.sets_factor))
    reps = target.reps
    load = target.load_kg
    if not plyometric:
        if reps is not None:
            reps = max(1, round_half_up(reps * week.reps_factor))
        if load:
            load = step.round(load * week.load_factor)
    rest = round_half_up(rest_s * week.rest_factor)
    changes = []
    if sets != target.sets:
        changes.append(f"{count_of(sets, 'set')} instead of {target.sets}")
    if reps != target.reps:
        changes.append(f"{count_of(reps or 0, 'rep')} instead of {target.reps}")
    if load != target.load_kg and load and target.load_kg:
        changes.append(f"{step.show(load)} instead of {step.show(target.load_kg)}")
    if rest != rest_s:
        changes.append(f"rest {format_duration(rest)}")
    note = f"{week.label}: {', '.join(changes)}" if changes else ""
    return ScaledTarget(sets, reps, target.hold_s, load, rest, note)


def round_half_up(value: float) -> int:
    """Halves go up: 1.5 → 2 and 2.5 → 3 (Python's round() takes halves to even: round(2.5) == 2)."""
    return int(value + 0.5)
