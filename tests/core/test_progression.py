"""Progression sequences worked out by hand (data/seasons.toml: 2.5 kg / 5 lb steps, +5 s holds,
ranges of one number + 4 reps or + 15 s, two misses in a row lower the load to 90 %)."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from runstrong.core.loads import KG_PER_LB as LB_KG
from runstrong.core.models import Prescription, Side
from runstrong.core.progression import (
    Exposure,
    ItemRange,
    LoadStep,
    PastSet,
    Target,
    load_step,
    next_targets,
    scale_for_week,
    why_line,
)
from runstrong.core.season import load_season_rules

RULES = load_season_rules()
PROG = RULES.progression
KG = load_step("kg", PROG)
LB = load_step("lb", PROG)
SQUAT = ItemRange(sets=3, reps=8, reps_max=12, load_kg=40.0)
DAY0 = date(2027, 1, 4)


def session(n: int, reps: list[int | None], load: float, target_reps: int, target_load: float | None = None, **scale: float) -> Exposure:
    return Exposure(
        DAY0 + timedelta(days=3 * n),
        tuple(
            PastSet(None, r is not None, reps=r, load_kg=load if r is not None else None,
                    target_reps=target_reps, target_load_kg=target_load if target_load is not None else load)
            for r in reps
        ),
        **scale,
    )


def target(item: ItemRange, history: list[Exposure], step: LoadStep = KG, **kw: bool) -> Target:
    return next_targets(item, history, step, PROG, **kw)[None]


def test_first_time_is_the_bottom_of_the_range_at_the_starting_load() -> None:
    first = target(SQUAT, [])
    assert (first.sets, first.reps, first.load_kg) == (3, 8, 40.0)
    assert first.why == "first time: 3 × 8 @ 40 kg"


def test_double_progression_in_kg_with_a_miss_and_a_lowering() -> None:
    h = [session(0, [10, 10, 10], 40, 10)]
    t = target(SQUAT, h)
    # All three sets at 10 (target 10) → 11 reps, same load.
    assert (t.sets, t.reps, t.load_kg) == (3, 11, 40.0)
    assert t.why == "last time 3 × 10 @ 40 kg, all done → 11 reps"
    h.append(session(1, [12, 12, 12], 40, 11))
    t = target(SQUAT, h)
    # Every set at the top (12) → +2.5 kg, reps back to the bottom (8).
    assert (t.reps, t.load_kg) == (8, 42.5)
    assert t.why == "last time 3 × 12 @ 40 kg, all done → 42.5 kg, back to 8 reps"
    h.append(session(2, [8, 7, 6], 42.5, 8))
    t = target(SQUAT, h)
    assert (t.reps, t.load_kg) == (8, 42.5)
    assert t.why == "last time 8, 7, 6 @ 42.5 kg, target missed → same again"
    h.append(session(3, [8, 8, None], 42.5, 8))  # third set not done: a miss too
    t = target(SQUAT, h)
    # Two misses in a row: 42.5 × 0.9 = 38.25 → nearest 2.5 kg step = 37.5 kg.
    assert (t.reps, t.load_kg) == (8, 37.5)
    assert t.why == "last time 8, 8, — @ 42.5 kg, missed 2 times in a row → 3 × 8 @ 37.5 kg"


def test_load_steps_in_pounds() -> None:
    bench = ItemRange(sets=3, reps=5, reps_max=5)
    h = [session(0, [5, 5, 5], 100 * LB_KG, 5)]
    t = target(bench, h, LB)
    # 100 lb, every set at the top (5) → 105 lb = 47.627 kg.
    assert t.load_kg == pytest.approx(105 * LB_KG)
    assert t.why == "last time 3 × 5 @ 100 lb, all done → 105 lb"
    # Lowering in lb: 105 × 0.9 = 94.5 lb → nearest 5 lb = 95 lb.
    h += [session(1, [5, 4, 3], 105 * LB_KG, 5), session(2, [4, 4, 4], 105 * LB_KG, 5)]
    assert target(bench, h, LB).load_kg == pytest.approx(95 * LB_KG)


def test_bodyweight_reps_climb_then_a_set_then_a_harder_variation() -> None:
    push_up = ItemRange.of(Prescription(sets=3, reps=10), PROG)
    assert (push_up.reps, push_up.reps_max) == (10, 14)  # one number: up to + 4
    h = [Exposure(DAY0, tuple(PastSet(None, True, reps=10, target_reps=10) for _ in range(3)))]
    t = target(push_up, h)
    assert (t.sets, t.reps, t.load_kg) == (3, 11, None)
    assert t.why == "last time 3 × 10, all done → 11 reps"
    h = [Exposure(DAY0, tuple(PastSet(None, True, reps=14, target_reps=14) for _ in range(3)))]
    t = target(push_up, h)
    assert (t.sets, t.reps) == (4, 14)
    assert t.why == "last time 3 × 14, all done → 4 sets"
    h = [Exposure(DAY0, tuple(PastSet(None, True, reps=14, target_reps=14) for _ in range(4)))]
    t = target(push_up, h)
    assert (t.sets, t.reps, t.harder_variation) == (4, 14, True)
    assert t.why == "last time 4 × 14, all done at the top of the range → try a harder variation"


def hold_session(n: int, held: list[int | None], target_s: int, side: Side | None = None) -> Exposure:
    return Exposure(
        DAY0 + timedelta(days=3 * n),
        tuple(PastSet(side, h is not None, hold_s=h, target_hold_s=target_s) for h in held),
    )


def test_holds_add_five_seconds_up_to_the_top_then_a_set() -> None:
    plank = ItemRange.of(Prescription(sets=3, hold_s=30), PROG)
    assert (plank.hold_s, plank.hold_s_max) == (30, 45)
    sequence = []
    h: list[Exposure] = []
    for n, hold in enumerate([30, 35, 40, 45]):
        h.append(hold_session(n, [hold, hold, hold], hold))
        t = target(plank, h)
        sequence.append((t.sets, t.hold_s))
    # 30 → 35 → 40 → 45 (top) → a fourth set at 45.
    assert sequence == [(3, 35), (3, 40), (3, 45), (4, 45)]
    # Missed: one set held only 30 of 45 s → same again.
    h.append(hold_session(4, [45, 45, 30, 45], 45))
    t = target(plank, h)
    assert (t.sets, t.hold_s) == (4, 45)
    assert t.why == "last time 0:45, 0:45, 0:30, 0:45, target missed → same again"
    # Missed twice → 5 s shorter.
    h.append(hold_session(5, [45, 40, 30, 20], 45))
    assert target(plank, h).hold_s == 40


def test_per_side_targets_side_by_side() -> None:
    side_plank = ItemRange.of(Prescription(sets=2, hold_s=20), PROG)
    exp = Exposure(DAY0, hold_session(0, [20, 20], 20, Side.LEFT).sets + hold_session(0, [20, 15], 20, Side.RIGHT).sets)
    targets = next_targets(side_plank, [exp], KG, PROG, per_side=True)
    assert targets[Side.LEFT].hold_s == 25
    assert targets[Side.RIGHT].hold_s == 20
    assert why_line(targets) == (
        "left: last time 2 × 0:20, all done → 0:25 · right: last time 0:20, 0:15, target missed → same again"
    )
    both = Exposure(DAY0, hold_session(0, [20, 20], 20, Side.LEFT).sets + hold_session(0, [20, 20], 20, Side.RIGHT).sets)
    assert why_line(next_targets(side_plank, [both], KG, PROG, per_side=True)) == (
        "each side: last time 2 × 0:20, all done → 0:25"
    )


def test_a_week_that_may_not_progress_holds_a_met_target() -> None:
    t = target(SQUAT, [session(0, [10, 10, 10], 40, 10)], may_progress=False)
    assert (t.reps, t.load_kg) == (10, 40.0)
    assert t.why == "last time 3 × 10 @ 40 kg, all done → held at 3 × 10 @ 40 kg"


def test_held_names_the_number_held_when_last_time_was_a_lighter_week() -> None:
    # Last time a deload week: 2 sets (3 × 0.67) of 10 at 36 kg (40 × 0.9), all done. In the
    # program's terms that is 3 × 10 @ 40 kg (36 / 0.9 = 40), and that is what a week that may
    # not progress holds (its own scaling then applies to 40 kg); the why line says so.
    h = [session(0, [10, 10], 36, 10, sets_factor=0.67, load_factor=0.9)]
    t = target(SQUAT, h, may_progress=False)
    assert (t.sets, t.reps, t.load_kg) == (3, 10, 40.0)
    assert t.why == "last time 2 × 10 @ 36 kg (scaled for that week), all done → held at 3 × 10 @ 40 kg"


def test_history_from_a_deload_week_is_read_back_in_the_programs_terms() -> None:
    # Deload: 2 sets (3 × 0.67) at 36 kg (40 × 0.9), 10 reps done of 10. Back in program terms:
    # 3 sets at 40 kg, target 10 met → 11 reps at 40 kg.
    h = [session(0, [10, 10], 36, 10, sets_factor=0.67, load_factor=0.9)]
    t = target(SQUAT, h)
    assert (t.sets, t.reps, t.load_kg) == (3, 11, 40.0)


def test_history_from_a_strength_week_is_read_back_in_the_programs_terms() -> None:
    # Strength block: reps × 0.75, load × 1.1. Target was 9 reps (12 × 0.75) at 45 kg (40 × 1.1,
    # rounded to 45); 9 done → 12 in program terms = the top → 42.5 kg, back to 8.
    h = [session(0, [9, 9, 9], 45, 9, reps_factor=0.75, load_factor=1.1)]
    t = target(SQUAT, h)
    assert (t.reps, t.load_kg) == (8, 42.5)


def test_scaling_for_a_deload_week() -> None:
    deload = RULES.weeks["deload"]
    scaled = scale_for_week(Target(3, 10, None, 40.0), deload, KG, 90)
    # 3 × 0.67 = 2.01 → 2 sets; 40 × 0.9 = 36 → 35 kg (nearest 2.5); rest unchanged.
    assert (scaled.sets, scaled.reps, scaled.load_kg, scaled.rest_s) == (2, 10, 35.0, 90)
    assert scaled.note == "deload week: 2 sets instead of 3, 35 kg instead of 40 kg"


def test_scaling_for_strength_and_power_blocks_spares_plyometrics() -> None:
    strength = RULES.weeks["strength"]
    scaled = scale_for_week(Target(3, 12, None, 40.0), strength, KG, 90)
    # 12 × 0.75 = 9 reps; 40 × 1.1 = 44 → 45 kg; rest 90 × 1.5 = 135 s.
    assert (scaled.sets, scaled.reps, scaled.load_kg, scaled.rest_s) == (3, 9, 45.0, 135)
    power = RULES.weeks["power"]
    hops = scale_for_week(Target(3, 20, None, None), power, KG, 120, plyometric=True)
    # Plyometrics keep their 20 reps; only the rest doubles (120 → 240 s).
    assert (hops.sets, hops.reps, hops.rest_s) == (3, 20, 240)
    assert hops.note == "power block: rest 4:00"
    assert scale_for_week(Target(3, 12, None, 40.0), RULES.weeks["hypertrophy"], KG, 90).note == ""


def test_load_step_rounding() -> None:
    assert KG.round(38.25) == 37.5
    assert KG.add(40.0) == 42.5
    assert LB.show(LB.add(100 * LB_KG)) == "105 lb"


def test_loaded_work_never_carries_an_extra_set_from_history() -> None:
    # Four sets logged of a 3-set loaded item (the lifter added one): the target stays 3 sets.
    h = [session(0, [10, 10, 10, 10], 40, 10)]
    assert target(SQUAT, h).sets == 3


def test_the_next_load_builds_on_what_was_lifted_not_a_lighter_target() -> None:
    # Review 1.3: 3 × 12 done at 50 kg against a 40 kg target. Every set met the reps (12, the top
    # of 8–12) at 50 kg, so the load every set met is max(40 target, 50 lifted) = 50 kg;
    # the top of the range gives + 2.5 kg: 52.5 kg, back to 8 reps.
    h = [session(0, [12, 12, 12], 50, 12, target_load=40)]
    t = target(SQUAT, h)
    assert (t.sets, t.reps, t.load_kg) == (3, 8, 52.5)
    assert t.why == "last time 3 × 12 @ 50 kg, all done → 52.5 kg, back to 8 reps"


def test_a_pyramid_without_a_target_load_steps_from_the_load_every_set_met() -> None:
    # 12 @ 40, 12 @ 45, 12 @ 50 kg, target 12 reps, no target load: the load every set met is
    # min(40, 45, 50) = 40 kg; 12 is the top of 8–12 → 40 + 2.5 = 42.5 kg, back to 8 reps.
    # The why line names the loads as they were: a range, 40–50 kg.
    pyramid = Exposure(DAY0, tuple(PastSet(None, True, reps=12, load_kg=load, target_reps=12) for load in (40.0, 45.0, 50.0)))
    t = target(SQUAT, [pyramid])
    assert (t.sets, t.reps, t.load_kg) == (3, 8, 42.5)
    assert t.why == "last time 3 × 12 @ 40–50 kg, all done → 42.5 kg, back to 8 reps"


def test_a_set_that_missed_its_reps_does_not_raise_the_base_load() -> None:
    # 40 kg target, 10 reps: sets of 10 @ 40, 10 @ 40, 7 @ 50. The 50 kg set missed its reps, so
    # the load every set met is max(40 target, min(40, 40)) = 40 kg; a miss → same again.
    h = [Exposure(DAY0, tuple(
        PastSet(None, True, reps=r, load_kg=load, target_reps=10, target_load_kg=40.0)
        for r, load in ((10, 40.0), (10, 40.0), (7, 50.0))
    ))]
    t = target(SQUAT, h)
    assert (t.reps, t.load_kg) == (10, 40.0)
    assert t.why == "last time 10, 10, 7 @ 40–50 kg, target missed → same again"


def test_rounding_takes_halves_up_on_the_step() -> None:
    # Review 1.4, 2.5 kg steps: 26.25 = 10.5 steps → 11 → 27.5 kg; 41.25 (37.5 × 1.1) = 16.5
    # steps → 17 → 42.5 kg; 33.75 = 13.5 → 14 → 35 kg; 18.75 = 7.5 → 8 → 20 kg.
    assert [KG.round(kg) for kg in (26.25, 37.5 * 1.1, 33.75, 18.75)] == [27.5, 42.5, 35.0, 20.0]
    # 1.25 kg micro plates: 41.25 + 1.25 = 42.5 and 43.75 + 1.25 = 45 (not 42.45 and 45.05).
    micro = LoadStep(1.25)
    assert (micro.add(41.25), micro.add(43.75)) == (42.5, 45.0)


def test_steps_in_pounds_show_as_core_loads_shows_them() -> None:
    # One formatter for a load: 40 kg = 88.184... lb is "88.2 lb" on Today and in the why line.
    assert LB.show(40.0) == "88.2 lb"
    assert LB.show(100 * LB_KG) == "100 lb"


@given(
    amount=st.sampled_from([0.5, 1.0, 1.25, 2.0, 2.5, 5.0, 10.0, 0.25, 2.27]),
    unit=st.sampled_from(["kg", "lb"]),
    kg=st.floats(min_value=0, max_value=500, allow_nan=False),
    steps=st.integers(min_value=0, max_value=4),
)
def test_add_always_lands_on_the_step_grid(amount: float, unit: str, kg: float, steps: int) -> None:
    step = LoadStep(amount, unit)
    result = step.add(kg, steps)
    grid = step.to_unit(result) / amount
    assert abs(grid - round(grid)) < 1e-6
    # And it is `steps` steps above the grid point nearest `kg`: within half a step of kg + steps.
    assert abs(step.to_unit(result) - (step.to_unit(kg) + steps * amount)) <= amount / 2 + 1e-6
