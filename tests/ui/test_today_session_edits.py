"""Today bends as a session does at the gym: each change driven by keys on the real app, read
back from the real file, and taken back with `u`."""

from __future__ import annotations

import json
from datetime import datetime
from pathlib import Path

from textual.widgets import Input, Label

from runstrong.core.catalog import load_catalog
from runstrong.core.plan import plan_day
from runstrong.export import csv_text
from runstrong.screens.day_picker import DayPickerScreen
from runstrong.screens.exercise_picker import ExercisePickerScreen
from runstrong.screens.today import TodayScreen
from runstrong.store import Store
from runstrong.widgets.set_checklist import box_text


def newest(db_path: Path):
    """The newest kept session as a fresh connection sees it (the truth on disk), or None."""
    store = Store.open(db_path)
    try:
        row = store.conn.execute("SELECT max(id) FROM sessions WHERE deleted_at IS NULL").fetchone()[0]
        return None if row is None else store.session(row)
    finally:
        store.close()


def shape(db_path: Path) -> list[str]:
    """The newest session's kept sets, e.g. "squat 1", "lunge 2 left", "squat W1"."""
    session = newest(db_path)
    if session is None:
        return []
    return [
        f"{s.exercise_id} {'W' if s.is_warmup else ''}{s.set_no}" + (f" {s.side.value}" if s.side else "")
        for s in session.sets
    ]


def today(app) -> TodayScreen:  # type: ignore[no-untyped-def]
    screen = app.screen
    assert isinstance(screen, TodayScreen)
    return screen


def boxes(app) -> list[str]:  # type: ignore[no-untyped-def]
    """What each box says, as drawn (the load a tick will save included)."""
    checklist = today(app).checklist
    return [
        box_text(slot, app.settings.unit, None if getattr(slot, "done", False) else today(app).start_of(i))
        for i, slot in enumerate(checklist.slots)
    ]


WORKOUT_A = (
    ["squat 1", "squat 2", "squat 3"]
    + [f"lunge {n} {side}" for n in (1, 2, 3) for side in ("left", "right")]
    + [f"{exercise} {n}" for exercise in ("glute-bridge", "plank", "calf-raise") for n in (1, 2, 3)]
)


async def test_add_a_set_and_undo(make_app, db_path: Path) -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("a")
        assert shape(db_path) == WORKOUT_A[:3] + ["squat 4"] + WORKOUT_A[3:]
        assert today(app).checklist.cursor == 3
        await pilot.press("j", "a")  # on lunge: a set is both sides
        assert shape(db_path)[4 + 6 : 4 + 8] == ["lunge 4 left", "lunge 4 right"]
        await pilot.press("u", "u")
        assert shape(db_path) == WORKOUT_A
        assert len(today(app).checklist.slots) == 18


async def test_remove_a_set_not_done_and_undo(make_app, db_path: Path) -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("space")  # squat 1 done, cursor on squat 2
        third = today(app).checklist.slots[2]
        await pilot.press("x")
        # The squat that was set 3 is set 2 now, on disk and on screen.
        assert shape(db_path)[:3] == ["squat 1", "squat 2", "lunge 1 left"]
        assert newest(db_path).sets[1].id == third.id
        assert "Squat · set 2" in str(app.screen.query_one("#set-detail", Label).render())
        await pilot.press("k", "x")  # squat 1 is done: refused
        assert shape(db_path)[:2] == ["squat 1", "squat 2"]
        assert "untick it first" in list(app._notifications)[-1].message
        await pilot.press("j", "j", "x")  # lunge 1 left: both sides go
        assert shape(db_path)[2:4] == ["lunge 1 left", "lunge 1 right"]
        await pilot.press("u", "u")
        assert shape(db_path) == WORKOUT_A


async def test_add_an_exercise_from_the_catalog_and_undo(make_app, db_path: Path) -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("A")
        assert isinstance(app.screen, ExercisePickerScreen)
        await pilot.press(*"hip thr", "enter")
        # After the highlighted exercise (squat): hip thrust's default 3 sets.
        assert shape(db_path)[3:6] == ["hip-thrust 1", "hip-thrust 2", "hip-thrust 3"]
        assert today(app).checklist.current.exercise_id == "hip-thrust"
        await pilot.press("u")
        assert shape(db_path) == WORKOUT_A


async def test_swap_the_sets_left_for_another_exercise_and_undo(make_app, db_path: Path) -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("space")  # squat 1 done
        await pilot.press("c", *"single-leg squat", "enter")
        # The rack is taken: squat 2 and 3 become two per-side sets of single-leg squat at 12 reps.
        session = newest(db_path)
        assert shape(db_path)[:5] == [
            "squat 1", "single-leg-squat 1 left", "single-leg-squat 1 right",
            "single-leg-squat 2 left", "single-leg-squat 2 right",
        ]
        assert {s.target_reps for s in session.sets if s.exercise_id == "single-leg-squat"} == {12}
        assert today(app).checklist.current.exercise_id == "single-leg-squat"
        await pilot.press("u")
        assert shape(db_path) == WORKOUT_A
        assert newest(db_path).sets[0].done


async def test_skip_an_exercise_for_today_and_undo(make_app, db_path: Path) -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("right_square_bracket", "X")  # on lunge
        assert not any(line.startswith("lunge") for line in shape(db_path))
        assert today(app).checklist.current.exercise_id == "glute-bridge"
        await pilot.press("u")
        assert shape(db_path) == WORKOUT_A


async def test_reorder_exercises_and_undo(make_app, db_path: Path) -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("j", "shift+down")  # squat set 2 highlighted: squat moves below lunge
        assert shape(db_path)[:7] == WORKOUT_A[3:9] + ["squat 1"]
        assert today(app).checklist.current.exercise_id == "squat"
        assert today(app).checklist.current.set_no == 2  # the cursor moved with it
        await pilot.press("less_than_sign")  # and back up
        assert shape(db_path) == WORKOUT_A
        await pilot.press("u", "u")
        assert shape(db_path) == WORKOUT_A
        await pilot.press("u")
        assert "Nothing to undo" in list(app._notifications)[-1].message


async def test_pick_another_day_and_undo(make_app, db_path: Path) -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("d")
        assert isinstance(app.screen, DayPickerScreen)
        await pilot.press("down", "enter")  # Workout B instead of the rotation's A
        title = str(app.screen.query_one("#session-title", Label).render())
        assert "Workout B" in title
        assert newest(db_path).day == "Workout B"
        assert shape(db_path)[0] == "step-up 1 left"
        await pilot.press("u")
        assert newest(db_path) is None  # nothing was stored before: nothing is now
        assert "Workout A" in str(app.screen.query_one("#session-title", Label).render())


async def test_an_empty_session_after_picking_a_day_keeps_the_rotation(make_app, db_path: Path) -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("d", "down", "enter")  # Workout B stored, nothing done
        await pilot.press("d")
        # The rotation's next is still Workout A: B replaced nothing that was done.
        assert app.screen.query_one("#day-list").highlighted == 0
        await pilot.press("end", "enter")  # an empty session in B's place
        assert newest(db_path).day == "Own session"
        await pilot.press("A", *"plank", "enter", "space", "f", "y")  # y: finish with sets left
        await pilot.pause()
        assert "Workout A" in str(app.screen.query_one("#session-title", Label).render())


async def test_pick_a_day_refused_while_sets_are_done(make_app, db_path: Path) -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("space", "d", "down", "enter")
        assert newest(db_path).day == "Workout A"
        assert "finish it (f)" in list(app._notifications)[-1].message


async def test_an_empty_session_built_as_you_go(make_app, db_path: Path) -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("d", "end", "enter")  # the last option: an empty session
        assert newest(db_path).day == "Own session" and shape(db_path) == []
        assert "Own session" in str(app.screen.query_one("#session-title", Label).render())
        assert "A adds an exercise" in str(app.screen.query_one("#set-detail", Label).render())
        await pilot.press("a")  # no exercise to add a set to: said, nothing stored
        assert "A adds one" in list(app._notifications)[-1].message and shape(db_path) == []
        await pilot.press("A", *"plank", "enter")
        assert shape(db_path) == ["plank 1", "plank 2", "plank 3"]
        await pilot.press("space")
        assert newest(db_path).sets[0].done and newest(db_path).sets[0].hold_s == 30
    # The rotation did not move: Workout A is still next once this one is finished.
    again = make_app()
    async with again.run_test(size=(80, 24)) as pilot:
        await pilot.press("f", "y")  # y: finish with sets left
        await pilot.pause()
        assert "Workout A" in str(again.screen.query_one("#session-title", Label).render())


async def test_log_a_session_for_yesterday(make_app, db_path: Path) -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("d", "tab")
        date_input = app.screen.query_one("#date-input", Input)
        assert app.focused is date_input
        await pilot.press(*"yesterday", "enter")
        session = newest(db_path)
        assert (session.date, session.day) == ("2026-11-21", "Workout A")
        assert "logged for Sat 21 Nov" in str(app.screen.query_one("#session-date", Label).render())
        await pilot.press("space")
        # The tick lands on yesterday, at the time of day it was made.
        assert newest(db_path).sets[0].done_at == "2026-11-21T10:00:00+01:00"
        await pilot.press("h")
        await pilot.pause()
        table = app.screen.table
        # History lists it under yesterday's date, with its one set done.
        assert list(table.row_text(0).values())[:3][0] == "2026-11-21"
        assert table.summaries[0].sets_done == 1


async def test_a_bad_date_is_refused_at_the_field(make_app, db_path: Path) -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("d", "tab", *"tomorrow", "enter")
        assert isinstance(app.screen, DayPickerScreen)
        error = app.screen.query_one("#date-error", Label)
        assert error.display and "Date must be" in str(error.render())
        assert newest(db_path) is None


async def test_warm_up_set_is_never_in_volume_or_records(make_app, db_path: Path) -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("W")
        assert shape(db_path)[:2] == ["squat W1", "squat 1"]
        assert boxes(app)[0] == "W · 12"
        assert "Squat · warm-up set 1" in str(app.screen.query_one("#set-detail", Label).render())
        await pilot.press("e")
        app.screen.query_one("#reps-input", Input).value = "5"
        app.screen.query_one("#load-input", Input).value = "60"
        await pilot.press("enter", "space")  # warm-up 5 × 60 kg done
        # The line under the checklist counts working sets only, as every summary does.
        summary = app.screen.query_one("#summary", Label)
        assert str(summary.render()).startswith("0 / 18 sets done · 1 warm-up not counted")
        # The work set starts from nothing the warm-up did: 12 reps, no load.
        assert boxes(app)[1] == "· 12"
        await pilot.press("e")
        app.screen.query_one("#load-input", Input).value = "40"
        await pilot.press("enter", "space")  # squat 1: 12 × 40 kg
        assert str(summary.render()).startswith("1 / 18 sets done · 1 warm-up not counted")
        [row] = app.store.history_page()
        # One rule (README "What counts"): the warm-up is in none of the totals. 1 set, 12 reps,
        # 12 × 40 = 480 kg; the warm-up's 5 reps and 5 × 60 = 300 kg are left out.
        assert (row.sets_done, row.total_reps, row.volume_kg) == (1, 12, 480.0)
        from runstrong.core.progress import RecordKind, current_records, daily_bests, personal_records

        records = current_records(personal_records(daily_bests(app.store.exercise_sets("squat"))))
        assert records[RecordKind.LOAD].value == 40.0
        await pilot.press("u", "u", "u", "u", "u")
        assert shape(db_path) == WORKOUT_A


async def test_rpe_and_a_note_on_a_set(make_app, db_path: Path) -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("e")
        app.screen.query_one("#rpe-input", Input).value = "11"
        await pilot.press("enter")
        assert "RPE must be" in str(app.screen.query_one("#rpe-error", Label).render())
        assert newest(db_path) is None  # nothing saved
        app.screen.query_one("#rpe-input", Input).value = "8.5"
        app.screen.query_one("#note-input", Input).value = "felt heavy"
        await pilot.press("enter")
        first = newest(db_path).sets[0]
        assert (first.rpe, first.note) == (8.5, "felt heavy")
        await pilot.press("u")
        first = newest(db_path).sets[0]
        assert (first.rpe, first.note) == (None, "")


async def test_notes_reach_history_and_both_exports(make_app, db_path: Path) -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("n", *"knee ok", "enter")
        assert newest(db_path).notes == "knee ok"
        await pilot.press("e")
        app.screen.query_one("#rpe-input", Input).value = "8"
        app.screen.query_one("#note-input", Input).value = "slow down"
        await pilot.press("enter", "space")
        await pilot.press("h", "enter")
        await pilot.pause()
        assert "Notes: knee ok" in str(app.screen.query_one("#detail-notes", Label).render())
        first_row = [str(cell) for cell in app.screen.table.get_row_at(0)]
        assert first_row[-1] == "RPE 8 · slow down"
    store = Store.open(db_path)
    try:
        payload = store.export_json(datetime(2026, 11, 22, 12))
    finally:
        store.close()
    [session] = payload["sessions"]
    assert session["notes"] == "knee ok"
    assert (session["sets"][0]["rpe"], session["sets"][0]["note"]) == (8.0, "slow down")
    assert "slow down" in csv_text(payload) and "knee ok" in csv_text(payload)
    json.dumps(payload)  # the whole payload is JSON-ready


async def test_session_note_undo(make_app, db_path: Path) -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("n", *"first", "enter")
        await pilot.press("n")
        app.screen.query_one(Input).value = "second"
        await pilot.press("enter")
        assert newest(db_path).notes == "second"
        await pilot.press("u")
        assert newest(db_path).notes == "first"


# -- last time and the load that follows ------------------------------------------------


def seed_workout_a(store: Store, date: str, *, squat_kg: float | None, plank_s: int = 35) -> None:
    """Workout A on `date`: squat 3 × 12 at `squat_kg`, lunge 3 × 10 each leg, plank 3 × `plank_s`."""
    catalog = load_catalog()
    program = catalog.default_program
    session = store.start_session(
        date=date, started_at=f"{date}T18:00:00+01:00", program_id=program.id, program=program.name,
        day="Workout A", day_index=0, slots=plan_day(program.days[0], catalog),
    )
    for s in session.sets:
        if s.exercise_id == "squat" and squat_kg is not None:
            store.edit_set(s.id, reps=12, load_kg=squat_kg, hold_s=None)
        if s.exercise_id == "plank":
            store.edit_set(s.id, reps=None, load_kg=None, hold_s=plank_s)
        if s.exercise_id in ("squat", "lunge", "plank"):
            store.tick_set(s.id, f"{date}T18:10:00+01:00")
    store.finish_session(session.id, f"{date}T19:00:00+01:00")


async def test_last_time_beside_every_exercise(make_app, store: Store) -> None:
    seed_workout_a(store, "2026-11-18", squat_kg=40.0)  # 4 days before Sunday 22 Nov
    app = make_app()
    async with app.run_test(size=(120, 36)) as pilot:
        await pilot.press("d", "home", "enter")  # the rotation brings Workout B; do A again
        cards = {card.name: card.last_time for card in today(app).checklist.cards}
        assert cards["Squat"] == "last 3 × 12 @ 40 kg · 4 days ago"
        assert cards["Lunge"] == "last 3 × 10 each leg · 4 days ago"
        assert cards["Plank"] == "last 3 × 0:35 · 4 days ago"
        assert cards["Glute bridge"] == ""  # never done
        # A new set starts at last time's load: the box says so and a tick saves it. (Its reps
        # are the plan's target: its progression may ask for one more than last time.)
        first = today(app).checklist.slots[0]
        assert boxes(app)[0] == f"· {first.target_reps}×40kg"
        await pilot.press("space")
        assert today(app).checklist.slots[0].load_kg == 40.0


async def test_load_follows_the_lifter_issue_example(make_app, db_path: Path) -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("e", "tab", *"40", "enter", "space", "space")
        # Was `✓ 12×40kg  ✓ 12`; now the second set keeps the 40 kg.
        assert boxes(app)[:3] == ["✓ 12×40kg", "✓ 12×40kg", "· 12×40kg"]
        assert [s.load_kg for s in newest(db_path).sets[:2]] == [40.0, 40.0]


async def test_the_other_side_starts_from_the_first(make_app, db_path: Path) -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("right_square_bracket", "e")  # lunge 1 left
        app.screen.query_one("#reps-input", Input).value = "8"
        app.screen.query_one("#load-input", Input).value = "16"
        await pilot.press("enter", "space", "space")
        lunge = [s for s in newest(db_path).sets if s.exercise_id == "lunge"][:2]
        assert [(s.side.value, s.reps, s.load_kg) for s in lunge] == [("left", 8, 16.0), ("right", 8, 16.0)]
        # Editing the next set opens on what it starts from.
        await pilot.press("e")
        assert app.screen.query_one("#reps-input", Input).value == "8"
        assert app.screen.query_one("#load-input", Input).value == "16"


# -- moving and keys --------------------------------------------------------------------


async def test_jump_by_exercise_and_l_no_longer_moves(make_app) -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        checklist = today(app).checklist
        await pilot.press("space")  # squat 1 done
        await pilot.press("right_square_bracket")
        assert (checklist.current.exercise_id, checklist.cursor) == ("lunge", 3)
        await pilot.press("J", "J")
        assert checklist.current.exercise_id == "plank"
        await pilot.press("left_square_bracket", "K", "K")
        # Back by glute bridge and lunge to squat: its first set not done, set 2.
        assert (checklist.current.exercise_id, checklist.cursor) == ("squat", 1)
        await pilot.press("l")
        assert checklist.cursor == 1 and isinstance(app.screen, TodayScreen)


async def test_every_new_key_is_in_help_and_the_palette(make_app) -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("question_mark")
        rows = dict((desc, key) for key, desc in app.screen.keys)
        assert rows["Add a set to this exercise"] == "a"
        assert rows["Add a warm-up set (no records, no volume)"] == "W"
        assert rows["Remove this set (not yet done)"] == "x"
        assert rows["Add an exercise to the session"] == "A"
        assert rows["Skip this exercise for today"] == "X"
        assert rows["Move this exercise up (or <)"] == "shift+↑"
        assert rows["Another day, an empty session, an earlier date"] == "d"
        assert rows["A note on the session"] == "n"
        assert "]" in rows["Jump to the next exercise"]
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, TodayScreen)
        titles = [command.title for command in app.get_system_commands(app.screen)]
        assert "Today: swap this exercise" in titles and "Today: log an earlier date" in titles


async def test_rest_follows_the_program_item_else_settings(make_app, highlight) -> None:
    app = make_app(settings={"rest_strength_s": "100"})
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("space")  # squat, no rest_s in Beginner: the setting's 100 s
        assert today(app).rest_bar.length_s == 100
    # Advanced's Power day squat item says rest_s = 150 (an `ours` number in programs.toml).
    other = make_app(settings={"rest_strength_s": "100", "program_id": "advanced"})
    async with other.run_test(size=(80, 24)) as pilot:
        highlight(other, "squat")
        await pilot.press("space")
        assert today(other).rest_bar.length_s == 150


async def test_settings_takes_rest_defaults(make_app, db_path: Path) -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("comma")
        app.screen.query_one("#rest-strength-input", Input).value = "abc"
        await pilot.press("enter")
        assert "Rest, strength sets must be 0 to 600 seconds" in str(app.screen.query_one("#rest-strength-error", Label).render())
        app.screen.query_one("#rest-strength-input", Input).value = "2:00"
        app.screen.query_one("#rest-light-input", Input).value = "30"
        await pilot.press("enter")
        assert (app.settings.rest_strength_s, app.settings.rest_light_s, app.settings.rest_plyometric_s) == (120, 30, 120)
    store = Store.open(db_path)
    try:
        assert store.get_setting("rest_strength_s") == "120"
    finally:
        store.close()


async def test_help_scrolls_to_the_last_of_todays_keys(make_app) -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("question_mark")
        rows = app.screen.query_one("#help-scroll")
        assert rows.max_scroll_y > 0  # more keys than fit at 80x24
        await pilot.press("end")
        await pilot.pause()
        assert rows.scroll_y == rows.max_scroll_y  # the last row, `n`, is in view


async def test_a_session_change_from_the_command_palette(make_app, db_path: Path) -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("ctrl+p", *"Today: add a set", "enter")
        await pilot.pause()
        assert shape(db_path) == WORKOUT_A[:3] + ["squat 4"] + WORKOUT_A[3:]


async def test_swap_for_an_own_exercise_the_rack_is_taken(make_app, store: Store, db_path: Path) -> None:
    from runstrong.core.models import Exercise, Kind, Prescription

    front = Exercise(
        id="front-squat", name="Front squat", kind=Kind.REPS, per_side=False, muscles=("quads",), category="legs",
        default=Prescription(sets=3, reps=8), why="", cues=(), sources=(), own=True,
    )
    store.save_exercise(front)
    store.save_exercise(front._replace(id="zercher-squat", name="Zercher squat"))
    store.archive_exercise("zercher-squat")
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("c", *"squat")
        offered = [option.id for option in app.screen.query_one("#exercise-list").options]
        assert "front-squat" in offered and "zercher-squat" not in offered  # archived: not offered
        await pilot.press("ctrl+u", *"front squat", "enter")
        # Squat's three sets, none done, become three sets of front squat at squat's 12 reps.
        assert shape(db_path)[:3] == ["front-squat 1", "front-squat 2", "front-squat 3"]
        assert {s.target_reps for s in newest(db_path).sets[:3]} == {12}
        await pilot.press("u")
        assert shape(db_path) == WORKOUT_A
