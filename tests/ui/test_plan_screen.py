"""The Plan screen and Today's share of the plan, driven through the real app on a real file.
The clock is Sunday 22 November 2026 (tests/conftest.py)."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from textual.widgets import DataTable, Input, Label

from runstrong.core.catalog import load_catalog
from runstrong.core.plan import plan_day
from runstrong.core.running import Priority, Run, RunKind, parse_week_spec
from runstrong.screens.plan import PlanScreen
from runstrong.screens.run_form import RunFormScreen, WeekFormScreen
from runstrong.screens.today import TodayScreen
from runstrong.store import Store
from runstrong.widgets.plan_banner import PlanBanner
from runstrong.widgets.set_checklist import SetChecklist

WEEK = ["mon=easy", "tue=hard", "wed=easy", "thu=hard", "fri=easy", "sat=long:25km"]


def seed(db_path: Path, week: list[str] = WEEK, race: bool = True) -> None:
    store = Store.open(db_path)
    store.save_running_week(parse_week_spec(week))
    if race:
        store.add_run(Run(date(2026, 12, 13), RunKind.RACE, 21.1, "City Half", Priority.A))
    store.close()


def stored_runs(db_path: Path) -> list[Run]:
    store = Store.open(db_path)
    try:
        return store.runs()
    finally:
        store.close()


def banner_text(app) -> str:  # type: ignore[no-untyped-def]
    return str(app.screen.query_one(PlanBanner).render())


async def test_w_opens_the_plan_with_four_weeks_and_the_race(make_app, db_path: Path) -> None:
    seed(db_path)
    app = make_app()
    async with app.run_test(size=(120, 36)) as pilot:
        await pilot.press("w")
        screen = app.screen
        assert isinstance(screen, PlanScreen)
        assert screen.table.row_count == 28
        race_day = next(d for d in screen.plan.days if d.date == date(2026, 12, 13))
        assert race_day.run.race is not None and race_day.season.phase == "race"
        # In-season from Monday 2 November (6 weeks up to the race week): 2 sets, not 3.
        first_session = next(d for d in screen.plan.days if d.strength and d.strength.items)
        assert first_session.season.phase == "in-season"
        assert first_session.strength.items[0].sets == 2
        assert "Usual week: mon easy, tue hard" in str(screen.query_one("#plan-week", Label).render())
        await pilot.press("escape")
        assert isinstance(app.screen, TodayScreen)


async def test_today_banner_and_targets_follow_the_season(make_app, db_path: Path) -> None:
    seed(db_path)
    app = make_app()
    async with app.run_test(size=(120, 36)):
        # Sunday 22 Nov: no run, Monday easy: the plan's strength day, in-season (2 sets of 3).
        assert banner_text(app) == "in-season: City Half in 21 days · the plan's strength day"
        slots = app.screen.query_one(SetChecklist).slots
        squats = [s for s in slots if s.exercise_id == "squat"]
        assert [s.set_no for s in squats] == [1, 2]
        detail = str(app.screen.query_one("#set-detail", Label).render())
        assert "first time: 3 × 12; in-season: 2 sets instead of 3" in detail


async def test_today_warns_before_a_long_run(make_app, db_path: Path) -> None:
    seed(db_path, ["mon=long", "wed=easy", "fri=easy"], race=False)
    app = make_app()
    async with app.run_test(size=(80, 24)):
        text = banner_text(app)
        # Sunday is today's week's only day left, and Monday is long: a least-bad day. Next week
        # Tue..Sat are legal (Sun 29 is before Monday's long run); the best spread round the
        # week is Tue+Fri or Wed+Sat (gaps 3 and 4), one easy day each: the earlier, Tuesday.
        assert text.startswith("Long run tomorrow: legs light today, or move this session to Tuesday · ")
        assert app.screen.query_one(PlanBanner).has_class("-warning")


async def test_progression_targets_reach_the_checklist(make_app, db_path: Path, highlight) -> None:
    # Key six (one day, so Today comes back to it). Last time, Wednesday 18 Nov: single-leg RDL
    # 3 × 12 @ 20 kg on each side against the program's 8 (range 8-12): every set at the top →
    # 22.5 kg, reps at the bottom (8). No running entered: the program as written.
    store = Store.open(db_path)
    catalog = load_catalog()
    program = catalog.program("key-six")
    session = store.start_session(
        date="2026-11-18", started_at="2026-11-18T18:00:00+01:00", program_id=program.id,
        program=program.name, day="Session", day_index=0, slots=plan_day(program.days[0], catalog),
    )
    for s in session.sets:
        if s.exercise_id == "single-leg-rdl":
            store.edit_set(s.id, reps=12, load_kg=20.0, hold_s=None)
            store.tick_set(s.id, "2026-11-18T18:10:00+01:00")
    store.finish_session(session.id, "2026-11-18T19:00:00+01:00")
    store.close()
    app = make_app(settings={"program_id": "key-six"})
    async with app.run_test(size=(120, 36)) as pilot:
        today = highlight(app, "single-leg-rdl")
        await pilot.pause()
        slots = [s for s in today.checklist.slots if s.exercise_id == "single-leg-rdl"]
        assert [(s.side.value, s.target_reps, s.target_load_kg) for s in slots[:2]] == [("left", 8, 22.5), ("right", 8, 22.5)]
        detail = str(today.query_one("#set-detail", Label).render())
        assert detail.endswith("each side: last time 3 × 12 @ 20 kg, all done → 22.5 kg")
        assert banner_text(app).startswith("No running entered yet")
        # A tick without an edit records the target load.
        await pilot.press("space")
        store = Store.open(db_path)
        try:
            newest = store.conn.execute("SELECT max(id) FROM sessions").fetchone()[0]
            first = next(s for s in store.session_sets(newest) if s.exercise_id == "single-leg-rdl")
        finally:
            store.close()
        assert (first.done, first.reps, first.load_kg, first.target_load_kg) == (True, 8, 22.5, 22.5)


async def test_add_a_race_in_the_form_and_see_it(make_app, db_path: Path) -> None:
    seed(db_path, race=False)
    app = make_app()
    async with app.run_test(size=(120, 36)) as pilot:
        await pilot.press("w")
        screen = app.screen
        assert isinstance(screen, PlanScreen)
        screen.table.move_cursor(row=6)  # Saturday 28 November
        await pilot.press("a")
        form = app.screen
        assert isinstance(form, RunFormScreen)
        assert form.query_one("#date-input", Input).value == "2026-11-28"
        form.query_one("#kind-input", Input).value = "race"
        form.query_one("#distance-input", Input).value = "far"
        form.query_one("#name-input", Input).value = "Turkey Trot\x1b[31m"
        form.query_one("#priority-input", Input).value = "B"
        await pilot.click("#save")
        # A bad distance: said at the field, nothing saved.
        assert isinstance(app.screen, RunFormScreen)
        assert "unreadable distance 'far'" in str(form.query_one("#distance-error", Label).render())
        assert stored_runs(db_path) == []
        form.query_one("#distance-input", Input).value = "10km"
        form.query_one("#distance-input", Input).focus()
        await pilot.press("enter")  # enter in any field saves
        await pilot.pause()
        assert isinstance(app.screen, PlanScreen)
        [race] = stored_runs(db_path)
        assert (race.date, race.kind, race.distance_km, race.name, race.priority) == (
            date(2026, 11, 28), RunKind.RACE, 10.0, "Turkey Trot", Priority.B,  # the escape sequence is dropped whole
        )
        saturday = screen.plan.days[6]
        assert saturday.run.race is not None and saturday.season.phase == "race"


async def test_edit_week_and_delete_a_run(make_app, db_path: Path) -> None:
    seed(db_path)
    app = make_app()
    async with app.run_test(size=(120, 36)) as pilot:
        await pilot.press("w", "w")
        form = app.screen
        assert isinstance(form, WeekFormScreen)
        assert form.query_one("#week-input", Input).value == "mon=easy tue=hard wed=easy thu=hard fri=easy sat=long:25km"
        form.query_one("#week-input", Input).value = "mon=fast"
        await pilot.press("enter")
        assert "unknown run kind 'fast'" in str(form.query_one("#week-error", Label).render())
        form.query_one("#week-input", Input).value = "tue=easy sun=long"
        await pilot.press("enter")
        screen = app.screen
        assert isinstance(screen, PlanScreen)
        store = Store.open(db_path)
        assert {d: k.kind.value for d, k in store.running_week().days.items()} == {1: "easy", 6: "long"}
        store.close()
        race_row = next(i for i, d in enumerate(screen.plan.days) if d.date == date(2026, 12, 13))
        screen.table.move_cursor(row=race_row)
        await pilot.press("d", "y")
        await pilot.pause()
        assert stored_runs(db_path) == []
        assert screen.plan.days[race_row].run.race is None
        assert isinstance(screen.query_one(DataTable), DataTable)


async def test_skipping_a_planned_day_moves_the_week(make_app, db_path: Path) -> None:
    seed(db_path, race=False)
    app = make_app()
    async with app.run_test(size=(120, 36)) as pilot:
        await pilot.press("w")
        screen = app.screen
        assert isinstance(screen, PlanScreen)
        # Today, Sunday 22, has a session (its week's share), so Monday 23 would follow it.
        # Week of 23 Nov (mon easy, tue hard, wed easy, thu hard, fri easy, sat long, sun none):
        # legal Wed and Sun.
        week = [d.date for d in screen.plan.days[1:8] if d.strength]
        assert week == [date(2026, 11, 25), date(2026, 11, 29)]
        screen.table.move_cursor(row=3)  # Wednesday 25
        await pilot.press("s")
        await pilot.pause()
        # Without Wednesday only Sunday is legal; the least bad second day is Tuesday (a hard
        # run, but no leg session beside it), marked as such.
        week = [d.date for d in screen.plan.days[1:8] if d.strength]
        assert week == [date(2026, 11, 24), date(2026, 11, 29)]
        assert not screen.plan.days[2].strength.legal
        assert "strength skipped" in screen.plan.days[3].warnings
        store = Store.open(db_path)
        assert store.get_setting("plan_skipped") == "2026-11-25"
        store.close()
        await pilot.press("s")  # again: the skip is taken back
        await pilot.pause()
        assert [d.date for d in screen.plan.days[1:8] if d.strength] == [date(2026, 11, 25), date(2026, 11, 29)]


async def test_a_plan_that_cannot_be_read_leaves_the_program_as_written(make_app, monkeypatch) -> None:
    import runstrong.plan_source

    def broken(*args: object, **kwargs: object) -> None:
        raise ValueError("seasons.toml: missing or wrong value")

    monkeypatch.setattr(runstrong.plan_source, "today_plan", broken)
    app = make_app()
    async with app.run_test(size=(80, 24)):
        slots = app.screen.query_one(SetChecklist).slots
        assert len(slots) == 18  # Workout A as written: 3 sets each, lunges per side
        assert banner_text(app) == "Plan not available: seasons.toml: missing or wrong value"
        assert app.screen.query_one(PlanBanner).has_class("-warning")


async def test_changing_a_calendar_run_on_the_plan_marks_it_as_yours(make_app, db_path: Path) -> None:
    store = Store.open(db_path)
    store.import_runs([Run(date(2026, 12, 13), RunKind.RACE, 21.1, "City Half", Priority.B, uid="ics:half", source="ics")])
    store.close()
    app = make_app()
    async with app.run_test(size=(120, 36)) as pilot:
        await pilot.press("w")
        screen = app.screen
        assert isinstance(screen, PlanScreen)
        screen.table.move_cursor(row=next(i for i, d in enumerate(screen.plan.days) if d.date == date(2026, 12, 13)))
        await pilot.press("e")
        form = app.screen
        assert isinstance(form, RunFormScreen)
        # A compact date that Python's fromisoformat would take is refused where it was typed.
        form.query_one("#date-input", Input).value = "20261213"
        await pilot.press("enter")
        assert "Not a date: use YYYY-MM-DD" in str(form.query_one("#date-error", Label).render())
        form.query_one("#date-input", Input).value = "2026-12-13"
        form.query_one("#priority-input", Input).value = "A"
        await pilot.press("enter")
        await pilot.pause()
        assert app.screen is screen
    [race] = stored_runs(db_path)
    assert (race.priority, race.source) == (Priority.A, "ics-edited")


async def test_a_far_date_in_the_run_form_is_refused_where_it_was_typed(make_app, db_path: Path) -> None:
    app = make_app()
    async with app.run_test(size=(120, 36)) as pilot:
        await pilot.press("w")
        screen = app.screen
        assert isinstance(screen, PlanScreen)
        await pilot.press("a")
        form = app.screen
        assert isinstance(form, RunFormScreen)
        form.query_one("#date-input", Input).value = "9999-12-31"
        form.query_one("#kind-input", Input).value = "race"
        await pilot.press("enter")
        await pilot.pause()
        assert app.screen is form
        assert str(form.query_one("#date-error", Label).render()) == "date 9999-12-31 is outside 1900-01-01..2200-12-31"
    assert stored_runs(db_path) == []
