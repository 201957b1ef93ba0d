"""The plan put together: placed sessions carry targets scaled for their week; JSON shape."""

from __future__ import annotations

from datetime import date, timedelta

from runstrong.core.catalog import load_catalog
from runstrong.core.models import Side
from runstrong.core.planner import build_plan, plan_json, planned_sets
from runstrong.core.progression import PastSet, load_step
from runstrong.core.running import Priority, Run, RunKind, RunningCalendar, parse_week_spec
from runstrong.core.schedule import DoneSession
from runstrong.core.season import load_season_rules
from runstrong.core.settings import Unit

RULES = load_season_rules()
CATALOG = load_catalog()
KG = load_step("kg", RULES.progression)
WEEK = parse_week_spec(["mon=easy", "tue=hard", "wed=easy:8km", "thu=hard", "fri=easy", "sat=long:25km"])


def plan_for(start: date, span: int, runs: tuple[Run, ...] = (), history=None, done=()):  # type: ignore[no-untyped-def]
    return build_plan(
        calendar=RunningCalendar(WEEK, runs), program=CATALOG.program("beginner"), catalog=CATALOG,
        start=start, span_days=span, today=start, done=list(done), history=history or {},
        step=KG, rules=RULES,
    )


def test_a_deload_week_shows_fewer_sets_and_says_why() -> None:
    # No race: blocks from Monday 1 Jan 2024. 22 Jan 2024 is week 4 of hypertrophy: a deload.
    # Legal days: Mon (easy), Wed (easy), Sun (no run; Mon easy). Fri is before the long run.
    # Best spread round the week: Mon+Wed (2/5), Mon+Sun (6/1), Wed+Sun (4/3) → Wed+Sun.
    plan = plan_for(date(2024, 1, 22), 7)
    placed = [d for d in plan.days if d.strength]
    assert [d.date for d in placed] == [date(2024, 1, 24), date(2024, 1, 28)]
    wednesday = placed[0]
    assert (wednesday.season.phase, wednesday.season.week) == ("off-season", "deload")
    squat = wednesday.strength.items[0]  # Workout A: squat 3 × 12, first time
    assert (squat.exercise_id, squat.sets, squat.reps) == ("squat", 2, 12)
    assert squat.why == "first time: 3 × 12; deload week: 2 sets instead of 3"
    assert wednesday.run.distance_km == 8.0


def test_history_drives_the_target_and_the_per_side_slots() -> None:
    # Lunge (per side, 3 × 10, range 10-14): last time on 15 Jan 2024 (hypertrophy, factors 1),
    # left all 10s, right missed its last set → left 11, right 10 again.
    sets = [PastSet(side, not (side is Side.RIGHT and n == 3), reps=10, target_reps=10)
            for n in (1, 2, 3) for side in (Side.LEFT, Side.RIGHT)]
    plan = plan_for(date(2024, 1, 8), 7, history={"lunge": [(date(2024, 1, 3), sets)]})
    session = next(d.strength for d in plan.days if d.strength)
    lunge = next(i for i in session.items if i.exercise_id == "lunge")
    assert lunge.by_side[Side.LEFT][0] == 11 and lunge.by_side[Side.RIGHT][0] == 10
    slots = [s for s in planned_sets(session.items) if s.exercise_id == "lunge"]
    assert [(s.set_no, s.side, s.target_reps) for s in slots[:2]] == [(1, Side.LEFT, 11), (1, Side.RIGHT, 10)]
    assert len(slots) == 6


def test_plan_json_shape_for_a_race_day() -> None:
    race = Run(date(2027, 5, 23), RunKind.RACE, 21.1, "City Half", Priority.A)
    data = plan_json(plan_for(date(2027, 5, 22), 2, runs=(race,)))
    saturday, sunday = data["days"]
    assert saturday == {
        "date": "2027-05-22", "run": {"kind": "long", "distance_km": 25.0, "name": ""}, "race": None,
        "phase": "taper", "week": "taper", "block": None, "strength": None,
        # The race week (from Monday 17 May) is entered on Saturday: its share is 2 × 2/7 → 1
        # session, and the note sits on the span's first day.
        "warnings": ["week of 2027-05-17: 0 of 1 session, fewer on purpose around the race"],
    }
    assert sunday["race"] == {"name": "City Half", "distance_km": 21.1, "priority": "A"}
    assert sunday["run"] == {"kind": "race", "distance_km": 21.1, "name": "City Half"}
    assert sunday["phase"] == "race"


def test_done_sessions_show_without_targets_and_today_is_advised() -> None:
    plan = plan_for(date(2024, 1, 8), 7, done=[DoneSession(date(2024, 1, 8), 0)])
    monday = plan.days[0]
    assert monday.strength is not None and monday.strength.done and monday.strength.items == ()
    assert plan.today is not None and plan.today.placement is not None
    assert plan.today.placement.done
    assert [d.date for d in plan.days if d.strength and not d.strength.done] == [date(2024, 1, 10) + timedelta(days=0)]


def squat_history(rest_s: int | None) -> dict[str, list[tuple[date, list[PastSet]]]]:
    # Wednesday 31 Jan 2024 (strength block, week 1: reps × 0.75, load × 1.1, rest × 1.5):
    # asked 3 × 9 @ 45 kg, did 3 × 12 @ 45 kg.
    sets = [PastSet(None, True, reps=12, load_kg=45.0, target_reps=9, target_load_kg=45.0, rest_s=rest_s) for _ in range(3)]
    return {"squat": [(date(2024, 1, 31), sets)]}


def squat_today(history):  # type: ignore[no-untyped-def]
    from runstrong.core.planner import prescribe_on

    where, items = prescribe_on(
        CATALOG.program("beginner").days[0], date(2024, 2, 7), calendar=RunningCalendar(WEEK, ()),
        catalog=CATALOG, history=history, step=KG, rules=RULES,
    )
    assert (where.block, where.block_week) == ("strength", 2)
    return next(i for i in items if i.exercise_id == "squat")


def test_a_session_the_plan_shaped_is_read_back_through_its_week() -> None:
    # Rest 135 s = 90 × 1.5 and 3 sets: planned for a strength week. In the program's terms the
    # 12 reps done are 16 (12 / 0.75), the top of 12-16, and 45 kg was 40 (45 / 1.1 = 40.9 → 40):
    # → 42.5 kg, back to 12. Today (strength week 2): 12 × 0.75 = 9 reps, 42.5 × 1.1 = 46.75 → 47.5 kg.
    squat = squat_today(squat_history(135))
    assert (squat.sets, squat.reps, squat.load_kg, squat.rest_s) == (3, 9, 47.5, 135)


def test_a_session_planned_without_seasons_is_read_as_written() -> None:
    # No rest recorded: planned before the runner entered running, so read as written: target 9
    # (below the range, so 12), 12 done at 45 kg → 13 reps at 45 kg. Today: 13 × 0.75 = 9.75 → 10
    # reps, 45 × 1.1 = 49.5 → 50 kg.
    squat = squat_today(squat_history(None))
    assert (squat.sets, squat.reps, squat.load_kg) == (3, 10, 50.0)
    assert squat.why == (
        "last time 3 × 12 @ 45 kg, all done → 13 reps; strength block: 10 reps instead of 13, "
        "50 kg instead of 45 kg, rest 2:15"
    )


def test_holds_are_written_as_every_duration_is() -> None:
    # Beginner Workout B: side plank 3 × 20 s each side, first time, in a hypertrophy build
    # week (15 Jan 2024 is week 3: nothing scaled). Written 0:20, as format_duration writes it.
    plan = plan_for(date(2024, 1, 15), 7)
    workout_b = next(d.strength for d in plan.days if d.strength and d.strength.day == "Workout B")
    side_plank = next(i for i in workout_b.items if i.exercise_id == "side-plank")
    assert side_plank.target_text(Unit.KG) == "3 × 0:20 each side"
    assert side_plank.why == "each side: first time: 3 × 0:20"
