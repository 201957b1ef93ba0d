"""Own programs and exercises, made in the TUI and used on Today, read back from the real file."""

from __future__ import annotations

from pathlib import Path

from test_history import history
from test_progress_screen import body_text, open_progress
from textual.widgets import Input, Label, OptionList

from runstrong.core.models import Prescription, ProgramItem
from runstrong.screens.day_name import DayNameScreen
from runstrong.screens.exercise_form import ExerciseFormScreen
from runstrong.screens.program_editor import ProgramEditorScreen
from runstrong.screens.program_item_form import ProgramItemScreen
from runstrong.screens.program_picker import ProgramPickerScreen
from runstrong.screens.today import TodayScreen
from runstrong.store import Store


def stored_catalog(db_path: Path):  # type: ignore[no-untyped-def]
    """The merged catalog a fresh connection reads: what is on disk."""
    store = Store.open(db_path)
    try:
        return store.catalog()
    finally:
        store.close()


async def type_into(pilot, selector: str, text: str) -> None:  # type: ignore[no-untyped-def]
    """Move to a field (as tab would; the form scrolls to it), empty it and type."""
    field = pilot.app.screen.query_one(selector, Input)
    field.focus()
    await pilot.pause()
    field.value = ""
    await pilot.press(*text)


async def save(pilot) -> None:  # type: ignore[no-untyped-def]
    """Press the form's Save button (enter on it, as a keyboard user would)."""
    pilot.app.screen.query_one("#save").focus()
    await pilot.press("enter")
    await pilot.pause()


def add_walls(db_path: Path, tmp_path: Path, item: str) -> None:
    """Store, through `programs add`, an own hold "Wall sit" and a program "Walls" doing `item`."""
    add_file(db_path, tmp_path, WALL_SIT + f'\n[[program]]\nid = "walls"\nname = "Walls"\n\n[[program.day]]\nname = "A"\nitems = [{item}]\n')


def add_file(db_path: Path, tmp_path: Path, text: str) -> None:
    from runstrong.programs_command import add_routine

    routine = tmp_path / "routine.toml"
    routine.write_text(text, encoding="utf-8")
    add_routine(db_path, str(routine), False)


WALL_SIT = '[[exercise]]\nid = "wall-sit"\nname = "Wall sit"\nkind = "hold"\nper_side = false\ncategory = "legs"\n'


def editor_rows(app) -> list[str]:  # type: ignore[no-untyped-def]
    rows = app.screen.query_one("#editor-rows", OptionList)
    return [str(rows.get_option_at_index(i).prompt) for i in range(rows.option_count)]


def title(app) -> str:  # type: ignore[no-untyped-def]
    return str(app.screen.query_one("#session-title", Label).render())


async def test_make_an_exercise_and_a_program_then_train_it(make_app, db_path: Path) -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("p")
        assert isinstance(app.screen, ProgramPickerScreen)
        await pilot.press("n")
        assert isinstance(app.screen, ProgramEditorScreen)
        assert editor_rows(app) == ["Day 1  0 exercises"]

        # An exercise of our own, made from the item form.
        await pilot.press("a")
        assert isinstance(app.screen, ProgramItemScreen)
        await pilot.press("ctrl+n")
        assert isinstance(app.screen, ExerciseFormScreen)
        await type_into(pilot, "#name-input", "squat")
        await save(pilot)
        # Taken, ignoring case, by the packaged Squat: refused at the field, nothing saved.
        assert "'Squat' exists already" in str(app.screen.query_one("#name-error", Label).render())
        assert not any(ex.own for ex in stored_catalog(db_path).exercises.values())
        await type_into(pilot, "#name-input", "Front squat")
        await type_into(pilot, "#amount-input", "8-12")
        await type_into(pilot, "#notes-input", "Elbows high")
        await save(pilot)
        assert isinstance(app.screen, ProgramItemScreen)
        front = stored_catalog(db_path).exercise("front-squat")
        assert (front.name, front.own, front.notes, front.default) == (
            "Front squat", True, "Elbows high", Prescription(sets=3, reps=8, reps_max=12),
        )
        assert app.screen.query_one("#exercise-input", Input).value == "Front squat"

        # The item: a bad rep range is refused where it was typed.
        await type_into(pilot, "#amount-input", "12-8")
        await save(pilot)
        assert "top of a range" in str(app.screen.query_one("#amount-error", Label).render())
        await type_into(pilot, "#amount-input", "8-12")
        await type_into(pilot, "#load-input", "40")
        await type_into(pilot, "#rest_s-input", "2m")
        await save(pilot)
        assert isinstance(app.screen, ProgramEditorScreen)
        assert editor_rows(app) == ["Day 1  1 exercise", "  Front squat  3 × 8–12 @ 40 kg  rest 2:00  (own)"]
        # An exercise is in a day once: a second front squat is refused at the exercise field.
        await pilot.press("a")
        await type_into(pilot, "#exercise-input", "front squat")
        await type_into(pilot, "#amount-input", "5")
        await save(pilot)
        assert "Front squat is in this day already" in str(app.screen.query_one("#exercise-error", Label).render())
        await pilot.press("escape")
        assert isinstance(app.screen, ProgramEditorScreen) and len(editor_rows(app)) == 2

        # A second day with a packaged hold, then name the program and save.
        await pilot.press("d")
        assert isinstance(app.screen, DayNameScreen)
        await type_into(pilot, "#day-input", "day 1")
        await pilot.press("enter")
        assert "Another day has this name" in str(app.screen.query_one("#day-error", Label).render())
        await type_into(pilot, "#day-input", "Core")
        await pilot.press("enter")
        await pilot.press("a")
        await type_into(pilot, "#exercise-input", "side plank")
        await type_into(pilot, "#sets-input", "2")
        await type_into(pilot, "#amount-input", "30-45")
        await pilot.press("enter")
        assert editor_rows(app)[2:] == ["Core  1 exercise", "  Side plank  2 × 0:30–0:45 each side"]
        await type_into(pilot, "#name-input", "Rack day")
        await type_into(pilot, "#description-input", "Front squats while the rack is free")
        await pilot.press("ctrl+s")
        await pilot.pause()

        # Saved, followed, and on Today.
        assert isinstance(app.screen, TodayScreen)
        program = stored_catalog(db_path).program("rack-day")
        assert program.own and [d.name for d in program.days] == ["Day 1", "Core"]
        assert program.description == "Front squats while the rack is free"
        assert program.days[0].items == (
            ProgramItem("front-squat", Prescription(sets=3, reps=8, reps_max=12, load_kg=40.0, rest_s=120)),
        )
        assert "Rack day" in title(app) and "Day 1" in title(app)
        checklist = app.screen.checklist
        assert [(s.exercise_id, s.set_no, s.target_reps) for s in checklist.slots] == [
            ("front-squat", 1, 8), ("front-squat", 2, 8), ("front-squat", 3, 8),
        ]
        await pilot.press("space")
        await pilot.pause()
        # The rest after a set comes from the item: 2 minutes.
        assert app.screen.rest_bar.running and "after Front squat set 1" in str(app.screen.rest_bar.query_one("#rest-label", Label).render())

        # History lists the session; Progress charts the own exercise.
        await pilot.press("h")
        await pilot.pause()
        table = history(app).table
        assert table.row_count == 1 and list(table.row_text(0).values())[1].startswith("Day 1 · Rack day")
        screen = await open_progress(pilot, "Front squat")
        assert "1 set on 1 day" in str(screen.query_one("#progress-title").render())
        assert body_text(screen) != ["No done sets of Front squat yet."]


async def test_duplicate_a_packaged_program_and_edit_the_copy(make_app, db_path: Path) -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("p")
        await pilot.press("e")  # packaged: read-only
        assert isinstance(app.screen, ProgramPickerScreen)
        await pilot.press("d")
        assert isinstance(app.screen, ProgramEditorScreen)
        assert app.screen.query_one("#name-input", Input).value == "Beginner (2 days/week) (copy)"
        rows = editor_rows(app)
        assert rows[:3] == ["Workout A  5 exercises", "  Squat  3 × 12", "  Lunge  3 × 10 each leg"]

        # Squat down below lunge, lunge's reps to a range, glute bridge removed.
        rows_list = app.screen.query_one("#editor-rows", OptionList)
        rows_list.highlighted = 1
        await pilot.press("shift+down")
        assert editor_rows(app)[1:3] == ["  Lunge  3 × 10 each leg", "  Squat  3 × 12"]
        assert rows_list.highlighted == 2
        rows_list.highlighted = 1
        await pilot.press("e")
        await type_into(pilot, "#amount-input", "8-12")
        await pilot.press("enter")
        rows_list.highlighted = 3
        await pilot.press("x")
        assert editor_rows(app)[1:4] == ["  Lunge  3 × 8–12 each leg", "  Squat  3 × 12", "  Plank  3 × 0:30"]
        # Squat to the day after: past the bottom of Workout A it goes to the top of Workout B.
        rows_list.highlighted = 2
        await pilot.press("shift+down", "shift+down", "shift+down")
        assert editor_rows(app)[1:6] == [
            "  Lunge  3 × 8–12 each leg", "  Plank  3 × 0:30", "  Calf raise  3 × 20", "Workout B  5 exercises", "  Squat  3 × 12",
        ]
        await pilot.press("ctrl+s")
        await pilot.pause()

    catalog = stored_catalog(db_path)
    copy = catalog.program("beginner-2-days-week-copy")
    assert copy.own and copy.name == "Beginner (2 days/week) (copy)"
    assert [i.exercise_id for i in copy.days[0].items] == ["lunge", "plank", "calf-raise"]
    assert copy.days[0].items[0].prescription == Prescription(sets=3, reps=8, reps_max=12)
    assert [i.exercise_id for i in copy.days[1].items][:2] == ["squat", "step-up"]
    # The packaged program is as it was.
    assert [i.exercise_id for i in catalog.program("beginner").days[0].items][:2] == ["squat", "lunge"]


async def test_leaving_the_editor_saves_nothing_and_a_bad_program_is_not_saved(make_app, db_path: Path) -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        app.edit_program(None)
        await pilot.pause()
        await pilot.press("ctrl+s")  # Day 1 has no exercises
        assert isinstance(app.screen, ProgramEditorScreen)
        await type_into(pilot, "#name-input", "SIX key exercises")
        await pilot.press("enter")  # back to the rows
        await pilot.press("a")
        await type_into(pilot, "#exercise-input", "plank")
        await type_into(pilot, "#amount-input", "30")
        await pilot.press("enter")
        await pilot.press("ctrl+s")
        assert isinstance(app.screen, ProgramEditorScreen)
        assert "taken by 'key-six'" in str(app.screen.query_one("#name-error", Label).render())
        await pilot.press("escape")  # changed: asks first
        await pilot.press("y")
        await pilot.pause()
        assert isinstance(app.screen, TodayScreen)
    assert not any(program.own for program in stored_catalog(db_path).programs)


async def test_program_and_day_given_at_start(make_app, db_path: Path) -> None:
    from runstrong.cli import follow_program

    store = Store.open(db_path)
    try:
        start_day = follow_program(store, "intermediate", "workout c")
    finally:
        store.close()
    assert start_day == ("intermediate", 2)
    app = make_app(start_day=start_day)
    async with app.run_test(size=(80, 24)) as pilot:
        assert "Intermediate" in title(app) and "Workout C" in title(app)
        await pilot.press("space", "f", "y")  # finish with sets left: it asks first
        await pilot.pause()
        # After that day the rotation goes on from it: Workout A.
        assert "Workout A" in title(app)


async def test_archiving_an_own_exercise_hides_it_from_pickers_but_keeps_its_program(make_app, db_path: Path, tmp_path: Path) -> None:
    add_walls(db_path, tmp_path, '{ exercise = "wall-sit", sets = 2, hold_s = 40 }')
    app = make_app(settings={"program_id": "walls"})
    async with app.run_test(size=(80, 24)) as pilot:
        assert "Walls" in title(app)
        app.edit_exercise(app.catalog.exercise("wall-sit"))
        await pilot.pause()
        app.screen.query_one("#archive").focus()
        await pilot.press("enter")
        await pilot.pause()
        assert app.catalog.exercise("wall-sit").archived
        assert "wall-sit" not in {ex.id for ex in app.catalog.pickable_exercises()}
        # Today still runs the program that uses it, and `t` would time it.
        assert [s.exercise_id for s in app.screen.checklist.slots] == ["wall-sit", "wall-sit"]
    assert stored_catalog(db_path).exercise("wall-sit").archived


async def test_an_own_hold_runs_on_the_hold_timer_and_is_logged(make_app, db_path: Path, clock, tmp_path: Path) -> None:
    from runstrong.screens.hold_timer import HoldTimerScreen

    add_walls(db_path, tmp_path, '{ exercise = "wall-sit", sets = 1, hold_s = 40, hold_s_max = 60 }')
    app = make_app(settings={"program_id": "walls", "lead_s": "0"})
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("t")
        timer = app.screen
        assert isinstance(timer, HoldTimerScreen)
        clock.advance(40)
        timer.poll()
        await pilot.pause()
    store = Store.open(db_path)
    try:
        held = store.exercise_sets("wall-sit")
    finally:
        store.close()
    # The hold runs to the bottom of the range, 40 s, and is logged as held.
    assert [(s.hold_s, s.side) for s in held] == [(40, None)]


async def test_a_copy_saved_from_the_palette_is_followed_on_today(make_app, db_path: Path) -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("ctrl+p")
        await pilot.press(*"Duplicate program: Six key")
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, ProgramEditorScreen)
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, TodayScreen)
        assert "Six key exercises (copy)" in title(app)
    assert stored_catalog(db_path).program("six-key-exercises-copy").own


async def test_a_name_that_looks_like_markup_is_shown_as_typed(make_app, db_path: Path, tmp_path: Path) -> None:
    from runstrong.screens.exercise_info import ExerciseInfoScreen

    add_file(
        db_path, tmp_path,
        '[[exercise]]\nid = "odd-press"\nname = "Press [/b] [b]x\\u001b[2J"\nkind = "reps"\nper_side = false\n'
        'category = "upper body"\nnotes = "[/]"\n\n'
        '[[program]]\nid = "odd"\nname = "Odd [/] day"\n\n[[program.day]]\nname = "A [/i]"\n'
        'items = [{ exercise = "odd-press", sets = 2, reps = 5 }]\n',
    )
    app = make_app(settings={"program_id": "odd"})
    async with app.run_test(size=(80, 24)) as pilot:
        # The escape sequence goes whole (not just its ESC); the brackets stay as typed.
        assert "Press [/b] [b]x · set 1" in str(app.screen.query_one("#set-detail", Label).render())
        await pilot.press("space")  # the rest bar names the exercise
        await pilot.pause()
        assert "after Press [/b] [b]x set 1" in str(app.screen.rest_bar.query_one("#rest-label", Label).render())
        await pilot.press("i")
        assert isinstance(app.screen, ExerciseInfoScreen)
        await pilot.press("escape", "p")
        await pilot.press("e")
        assert isinstance(app.screen, ProgramEditorScreen)
        assert editor_rows(app)[1] == "  Press [/b] [b]x  2 × 5  (own)"
        await pilot.press("escape")
        await pilot.press("escape", "ctrl+p")
        await pilot.press(*"Exercise: Press")
        await pilot.pause()
        await pilot.press("escape")
        # Finishing names the day in a notice: shown as typed.
        await pilot.press("space")  # the last set: the finish offer, named by program and day
        await pilot.pause()
        assert "Odd [/] day · A [/i]" in str(app.screen.query_one("#finish-title", Label).render())
        await pilot.press("y")
        await pilot.pause()
        notices = [str(n.message) for n in app._notifications]
        assert any(n.startswith("A [/i] finished") for n in notices), notices
        await pilot.press("h")
        await pilot.pause()


async def test_an_archived_program_leaves_the_picker_and_the_palette_brings_it_back(make_app, db_path: Path, tmp_path: Path) -> None:
    add_walls(db_path, tmp_path, '{ exercise = "wall-sit", sets = 2, hold_s = 40 }')
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("p")
        picker = app.screen
        assert isinstance(picker, ProgramPickerScreen)
        picker.query_one(OptionList).highlighted = [p.id for p in picker.programs].index("walls")
        await pilot.press("x")
        assert "walls" not in [p.id for p in picker.programs]
        await pilot.press("escape")
        assert stored_catalog(db_path).program("walls").archived
        await pilot.press("ctrl+p")
        await pilot.press(*"Restore program: Walls")
        await pilot.press("enter")
        await pilot.pause()
    assert not stored_catalog(db_path).program("walls").archived


async def test_a_target_load_reads_in_the_runners_unit_in_the_editor_and_on_today(make_app, db_path: Path, tmp_path: Path) -> None:
    # 100 lb is 45.359237 kg in the file; a runner who lifts in pounds reads "@ 100 lb" everywhere.
    add_file(db_path, tmp_path, '[[program]]\nid = "heavy"\nname = "Heavy"\n\n[[program.day]]\nname = "A"\n'
             'items = [{ exercise = "squat", sets = 4, reps = 8, reps_max = 12, load_kg = 45.359237 }]\n')
    store = Store.open(db_path)
    store.save_settings({"program_id": "heavy", "unit": "lb"})
    store.close()
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        header = app.screen.query_one("#checklist").cards[0].prescription
        assert header.endswith("@ 100 lb"), header
        await pilot.press("p", "e")
        assert isinstance(app.screen, ProgramEditorScreen)
        assert editor_rows(app)[1] == "  Squat  4 × 8–12 @ 100 lb"
