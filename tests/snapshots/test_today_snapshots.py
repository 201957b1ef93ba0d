"""Snapshots of Today and its dialogs on a fixed clock and a real database file."""

from __future__ import annotations

from textual.pilot import Pilot
from textual.widgets import Input


async def tick_a_few(pilot: Pilot) -> None:
    await pilot.press("space", "space", "e")  # after two ticks the cursor is on squat set 3
    pilot.app.screen.query_one("#load-input", Input).value = "42.5"
    await pilot.press("enter", "space")
    await pilot.pause()


def test_today_80x24(snap_compare, make_app) -> None:
    assert snap_compare(make_app(), terminal_size=(80, 24), run_before=tick_a_few)


def test_today_120x36(snap_compare, make_app) -> None:
    assert snap_compare(make_app(), terminal_size=(120, 36), run_before=tick_a_few)


def test_today_empty_80x24(snap_compare, make_app) -> None:
    assert snap_compare(make_app(), terminal_size=(80, 24))


def test_help_80x24(snap_compare, make_app) -> None:
    async def open_help(pilot: Pilot) -> None:
        await pilot.press("question_mark")

    assert snap_compare(make_app(), terminal_size=(80, 24), run_before=open_help)


def test_edit_form_with_error_80x24(snap_compare, make_app) -> None:
    async def bad_edit(pilot: Pilot) -> None:
        await pilot.press("e")
        pilot.app.screen.query_one("#reps-input", Input).value = "abc"
        await pilot.press("enter")

    assert snap_compare(make_app(), terminal_size=(80, 24), run_before=bad_edit)


def test_exercise_info_80x24(snap_compare, make_app) -> None:
    async def open_info(pilot: Pilot) -> None:
        await pilot.press("j", "j", "j", "i")

    assert snap_compare(make_app(), terminal_size=(80, 24), run_before=open_info)


def test_program_picker_80x24(snap_compare, make_app) -> None:
    async def open_picker(pilot: Pilot) -> None:
        await pilot.press("p")

    assert snap_compare(make_app(), terminal_size=(80, 24), run_before=open_picker)


def seed_last_week(db_path) -> None:  # type: ignore[no-untyped-def]
    """Workout A on Wed 18 Nov (squat 3 × 12 @ 40 kg, lunge 3 × 10 each leg @ 12.5 kg, glute
    bridge 3 × 15, plank 3 × 35 s, calf raise 3 × 20 @ 20 kg) and Workout B on Fri 20 Nov, so
    Sunday's Today brings Workout A with last time beside each exercise."""
    from runstrong.core.catalog import load_catalog
    from runstrong.core.plan import plan_day
    from runstrong.store import Store

    catalog = load_catalog()
    program = catalog.default_program
    loads = {"squat": 40.0, "lunge": 12.5, "calf-raise": 20.0}
    store = Store.open(db_path)
    try:
        for date, index in (("2026-11-18", 0), ("2026-11-20", 1)):
            session = store.start_session(
                date=date, started_at=f"{date}T18:00:00+01:00", program_id=program.id, program=program.name,
                day=program.days[index].name, day_index=index, slots=plan_day(program.days[index], catalog),
            )
            for logged in session.sets:
                if logged.exercise_id == "plank":
                    store.edit_set(logged.id, reps=None, load_kg=None, hold_s=35)
                elif logged.exercise_id in loads:
                    store.edit_set(logged.id, reps=logged.target_reps, load_kg=loads[logged.exercise_id], hold_s=None)
                store.tick_set(logged.id, f"{date}T18:10:00+01:00")
            store.finish_session(session.id, f"{date}T19:00:00+01:00")
    finally:
        store.close()


async def to_lunge(pilot: Pilot) -> None:
    # No tick: a tick that beats a record raises a toast over the cards.
    await pilot.press("right_square_bracket")
    await pilot.pause()


def test_today_last_time_80x24(snap_compare, make_app, db_path) -> None:
    seed_last_week(db_path)
    assert snap_compare(make_app(), terminal_size=(80, 24), run_before=to_lunge)


def test_today_last_time_120x36(snap_compare, make_app, db_path) -> None:
    seed_last_week(db_path)
    assert snap_compare(make_app(), terminal_size=(120, 36), run_before=to_lunge)


def test_day_picker_80x24(snap_compare, make_app) -> None:
    async def open_day_picker(pilot: Pilot) -> None:
        await pilot.press("d")

    assert snap_compare(make_app(), terminal_size=(80, 24), run_before=open_day_picker)


def test_exercise_picker_80x24(snap_compare, make_app) -> None:
    async def open_exercise_picker(pilot: Pilot) -> None:
        await pilot.press("c", *"squat")

    assert snap_compare(make_app(), terminal_size=(80, 24), run_before=open_exercise_picker)
