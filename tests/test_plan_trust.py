"""The plan a new user met (notes/newuser.md): dates out of range, the open session read as its
own "last time", half-started sessions called done, two rotation rules, "week None", "1 days",
error lines without the command. Real store file, real plan code, hand-worked numbers."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest

from runstrong.cli import main
from runstrong.core.catalog import load_catalog
from runstrong.core.plan import plan_day
from runstrong.core.planner import plan_json
from runstrong.core.running import Priority, Run, RunKind, parse_week_spec
from runstrong.plan_output import plan_text
from runstrong.plan_source import current_settings, make_plan, today_plan
from runstrong.store import Store

TODAY = date(2026, 11, 29)  # a Sunday
WEEK = ["mon=easy", "tue=hard", "wed=easy", "thu=easy", "sat=long"]


def run_main(args: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    with pytest.raises(SystemExit) as exited:
        main(args)
    out, err = capsys.readouterr()
    return int(exited.value.code or 0), out, err


def start(store: Store, program_id: str, day_index: int, when: date):  # type: ignore[no-untyped-def]
    catalog = load_catalog()
    program = catalog.program(program_id)
    day = program.days[day_index]
    return store.start_session(
        date=when.isoformat(), started_at=f"{when.isoformat()}T18:00:00+01:00", program_id=program.id,
        program=program.name, day=day.name, day_index=day_index, slots=plan_day(day, catalog),
    )


def tick(store: Store, session, count: int | None = None) -> None:  # type: ignore[no-untyped-def]
    for set_log in session.sets[:count]:
        store.tick_set(set_log.id, f"{session.date}T18:10:00+01:00")


# -- item 1: dates far out -------------------------------------------------------------------


@pytest.mark.parametrize(
    "args",
    [
        ["plan", "--from", "9999-12-30", "--days", "5"],
        ["plan", "--from", "0001-01-01", "--days", "2"],
        # Ends one day past the last day we plan (2200-12-31).
        ["plan", "--from", "2200-12-31", "--days", "2"],
        ["runs", "add", "9999-12-31", "race"],
        ["runs", "add", "1899-12-31", "easy"],
    ],
)
def test_dates_outside_1900_to_2200_are_one_line_exit_2(
    args: list[str], db_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    Store.open(db_path).close()
    command = "runstrong plan" if args[0] == "plan" else "runstrong runs add"
    status, out, err = run_main([*args, "--db", str(db_path)], capsys)
    assert status == 2 and out == ""
    assert len(err.splitlines()) == 1 and err.startswith(f"{command}: ")
    assert "1900-01-01" in err and "2200-12-31" in err
    check = Store.open_read_only(db_path)
    assert check.runs() == []
    check.close()


def test_the_edges_of_the_range_are_fine(db_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    Store.open(db_path).close()
    db = ["--db", str(db_path)]
    assert run_main(["runs", "add", "2200-12-31", "race", *db], capsys)[0] == 0
    status, out, _ = run_main(["plan", "--from", "2200-12-30", "--days", "2", "--json", *db], capsys)
    assert status == 0 and [d["date"] for d in json.loads(out)["days"]] == ["2200-12-30", "2200-12-31"]
    status, out, _ = run_main(["plan", "--from", "1900-01-01", "--days", "1", "--json", *db], capsys)
    assert status == 0 and json.loads(out)["days"][0]["date"] == "1900-01-01"


# -- item 17: error lines name the command ------------------------------------------------------


def test_date_errors_name_the_command(db_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    db = ["--db", str(db_path)]
    status, _, err = run_main(["runs", "add", "yesterday", "easy", *db], capsys)
    assert status == 2 and err.startswith("runstrong runs add: DATE 'yesterday' is not a date")
    status, _, err = run_main(["plan", "--from", "soon", *db], capsys)
    assert status == 2 and err.startswith("runstrong plan: --from 'soon' is not a date")


def test_plan_help_says_ics_replaces_the_file(capsys: pytest.CaptureFixture[str]) -> None:
    status, out, _ = run_main(["plan", "--help"], capsys)
    assert status == 0 and "replaces" in " ".join(out.split())
    readme = (Path(__file__).resolve().parent.parent / "README.md").read_text(encoding="utf-8")
    assert "replaces the file" in readme


# -- item 2: the open session is not its own "last time" ------------------------------------------


def test_an_open_session_is_not_its_own_last_time(store: Store) -> None:
    catalog = load_catalog()
    program = catalog.program("beginner")
    session = start(store, "beginner", 0, TODAY)
    tick(store, session, 1)  # Squat set 1 (12 reps)
    today = today_plan(store, catalog, program, 0, TODAY, session_id=session.id)
    assert today.why["squat"] == "first time: 3 × 12"
    plan = make_plan(store, catalog, TODAY, 7, TODAY)
    sunday = plan.days[0].strength
    assert sunday is not None and sunday.day == "Workout A" and not sunday.done
    squat = next(item for item in sunday.items if item.exercise_id == "squat")
    assert squat.why == "first time: 3 × 12"


def test_a_reopened_session_keeps_the_targets_it_was_done_to(store: Store) -> None:
    catalog = load_catalog()
    program = catalog.program("beginner")
    session = start(store, "beginner", 0, TODAY)
    tick(store, session)
    store.finish_session(session.id, f"{TODAY.isoformat()}T19:00:00+01:00")
    store.finish_session(session.id, None)  # u: reopened
    today = today_plan(store, catalog, program, 0, TODAY, session_id=session.id)
    # Its targets came from the sessions before it (none): 3 × 12 squats, 3 × 0:30 planks.
    assert today.why["squat"] == "first time: 3 × 12"
    assert (today.prescriptions["squat"].sets, today.prescriptions["squat"].reps) == (3, 12)
    assert (today.prescriptions["plank"].sets, today.prescriptions["plank"].hold_s) == (3, 30)


# -- item 3: half a session is not done -------------------------------------------------------------


def test_one_set_of_eighteen_is_under_way_not_done(store: Store) -> None:
    catalog = load_catalog()
    store.save_settings({"program_id": "advanced"})
    store.save_running_week(parse_week_spec(WEEK))
    session = start(store, "advanced", 0, TODAY)
    assert session.day == "Power day"
    tick(store, session, 1)
    plan = make_plan(store, catalog, TODAY, 7, TODAY)
    sunday = plan.days[0].strength
    assert sunday is not None and sunday.day == "Power day" and not sunday.done and sunday.items
    as_json = plan_json(plan)["days"][0]["strength"]
    assert as_json["done"] is False and as_json["items"]
    text = plan_text(plan, current_settings(store))
    assert "Power day (under way)" in text and "(done)" not in text
    banner = today_plan(store, catalog, catalog.program("advanced"), 0, TODAY, session_id=session.id).banner
    assert "(done)" not in banner and "the plan's strength day (under way)" in banner


def test_a_whole_session_is_done(store: Store) -> None:
    catalog = load_catalog()
    store.save_running_week(parse_week_spec(WEEK))
    session = start(store, "beginner", 0, TODAY)
    tick(store, session)  # 18 of 18
    store.finish_session(session.id, f"{TODAY.isoformat()}T19:00:00+01:00")
    plan = make_plan(store, catalog, TODAY, 7, TODAY)
    sunday = plan.days[0].strength
    assert sunday is not None and sunday.done and sunday.items == ()


def test_two_sets_last_week_do_not_count_for_that_week(store: Store) -> None:
    # Wed 25 Nov: 2 of 18 sets, left. The week of 23 Nov still asks its 2 sessions, placed as
    # for a week with none done: legal days Mon, Wed, Thu, Sun (Tue hard, Fri before the long
    # run, Sat long); the widest spread is 3 days (Mon+Thu or Wed+Sun), and Mon+Thu has two
    # easy-run days to Wed+Sun's one. Nothing is "done" on Wednesday.
    catalog = load_catalog()
    store.save_running_week(parse_week_spec(WEEK))
    tick(store, start(store, "beginner", 0, date(2026, 11, 25)), 2)
    plan = make_plan(store, catalog, date(2026, 11, 23), 7, TODAY)
    placed = [(d.date.day, d.strength.done) for d in plan.days if d.strength is not None]
    assert placed == [(23, False), (26, False)]


# -- item 6: one rotation rule ---------------------------------------------------------------------


def test_the_plan_and_today_follow_the_same_rotation(store: Store) -> None:
    # Beginner Workout A done on Thursday; then a session of another program (its day 2 of 3).
    # Today offers the Beginner day after A: B. The plan must start with B too.
    catalog = load_catalog()
    store.save_running_week(parse_week_spec(WEEK))
    tick(store, start(store, "beginner", 0, date(2026, 11, 26)))
    tick(store, start(store, "intermediate", 1, date(2026, 11, 27)))
    plan = make_plan(store, catalog, TODAY, 14, TODAY)
    upcoming = [d.strength.day for d in plan.days if d.strength and not d.strength.done]
    assert upcoming[:2] == ["Workout B", "Workout A"]


# -- items 10, 11: words -------------------------------------------------------------------------------


def test_no_running_shows_the_program_as_written_without_warnings(store: Store) -> None:
    catalog = load_catalog()
    tick(store, start(store, "beginner", 0, date(2026, 11, 28)))  # Saturday: legs yesterday
    plan = make_plan(store, catalog, TODAY, 7, TODAY)
    assert plan.days[0].season.label == "program as written"
    assert all(not day.warnings for day in plan.days)
    assert "None" not in plan_text(plan, current_settings(store))


def test_one_day_before_a_race_is_singular(store: Store) -> None:
    catalog = load_catalog()
    store.save_running_week(parse_week_spec(WEEK))
    store.add_run(Run(date(2026, 11, 30), RunKind.RACE, 21.1, "Zurich Half", Priority.A))
    plan = make_plan(store, catalog, TODAY, 1, TODAY)
    assert plan.days[0].season.label == "taper: Zurich Half in 1 day"


# -- item 5: a stored session's header describes its stored sets -----------------------------------


def test_a_race_added_mid_session_does_not_reshape_its_header(store: Store) -> None:
    catalog = load_catalog()
    program = catalog.program("beginner")
    store.save_running_week(parse_week_spec(WEEK))
    session = start(store, "beginner", 1, TODAY)  # Workout B, stored with 3 step-up pairs
    tick(store, session, 1)
    stored_pairs = [s for s in session.sets if s.exercise_id == "step-up" and s.side is not None and s.side.value == "left"]
    assert len(stored_pairs) == 3
    store.add_run(Run(date(2026, 11, 30), RunKind.RACE, 21.1, "Zurich Half", Priority.A))
    today = today_plan(store, catalog, program, 1, TODAY, session_id=session.id)
    # Tomorrow's race makes today a taper day (sets × 0.5: 2 of 3), but this session was
    # stored with 3 sets of each side, and its header says so.
    assert (today.prescriptions["step-up"].sets, today.prescriptions["step-up"].reps) == (3, 10)
    assert "taper" not in today.why["step-up"]
    assert "taper" in today.banner
    # A session not yet started takes the taper's shape: 3 × 0.5 = 1.5, rounded half up = 2.
    fresh = today_plan(store, catalog, program, 1, TODAY)
    assert fresh.prescriptions["step-up"].sets == 2
