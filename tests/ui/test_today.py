"""Today, driven as a runner would: keys and clicks on the real app, read back from the real file."""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.widgets import Input, Label

from runstrong.core.models import SetLog
from runstrong.screens.edit_set import EditSetScreen
from runstrong.screens.exercise_info import ExerciseInfoScreen
from runstrong.screens.help import HelpScreen
from runstrong.screens.program_picker import ProgramPickerScreen
from runstrong.screens.today import TodayScreen
from runstrong.store import Store
from runstrong.widgets.set_checklist import ChecklistBody, SetChecklist, box_text


def stored_sets(db_path: Path):
    """What a fresh connection sees: the truth on disk."""
    store = Store.open(db_path)
    try:
        row = store.conn.execute("SELECT max(id) FROM sessions").fetchone()[0]
        return [] if row is None else store.session_sets(row)
    finally:
        store.close()


def checklist_shows_box(checklist: SetChecklist, index: int) -> bool:
    """Is the box on screen, inside the scrolled viewport?"""
    x, y = checklist.box_offset(index)
    top = checklist.scroll_y
    return top <= y < top + checklist.scrollable_content_region.height


def today(app) -> TodayScreen:  # type: ignore[no-untyped-def]
    screen = app.screen
    assert isinstance(screen, TodayScreen)
    return screen


async def test_empty_database_opens_beginner_workout_a(make_app) -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)):
        title = str(app.screen.query_one("#session-title", Label).render())
        assert "Beginner (2 days/week)" in title and "Workout A" in title
        checklist = app.screen.query_one(SetChecklist)
        assert len(checklist.slots) == 18
        assert checklist.current.exercise_id == "squat"


async def test_opening_the_app_stores_nothing(make_app, db_path: Path) -> None:
    async with make_app().run_test(size=(80, 24)) as pilot:
        await pilot.pause()
    assert stored_sets(db_path) == []


async def test_space_ticks_and_the_tick_is_on_disk(make_app, db_path: Path) -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("space")
        sets = stored_sets(db_path)
        assert sets[0].exercise_id == "squat" and sets[0].done
        assert sets[0].reps == 12
        assert sets[0].done_at == "2026-11-22T10:00:00+01:00"
        assert sum(s.done for s in sets) == 1
        # The cursor moved on to the next open set.
        assert today(app).checklist.cursor == 1
        assert "1 / 18 sets done" in str(app.screen.query_one("#summary", Label).render())


async def test_untick_and_undo(make_app, db_path: Path) -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("space")
        await pilot.press("k", "space")  # back to set 1, untick it
        assert not stored_sets(db_path)[0].done
        await pilot.press("u")  # undo the untick: ticked again
        assert stored_sets(db_path)[0].done
        await pilot.press("ctrl+z")  # undo the tick
        assert not any(s.done for s in stored_sets(db_path))
        await pilot.press("u")
        assert app._notifications and "Nothing to undo" in list(app._notifications)[-1].message


async def test_moving_with_keys_goes_set_by_set(make_app) -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        checklist = today(app).checklist
        await pilot.press("j", "j", "j", "down")
        assert checklist.current.exercise_id == "lunge"
        assert checklist.current.side is not None and checklist.current.side.value == "right"
        await pilot.press("up", "k")
        assert checklist.cursor == 2


async def test_a_click_on_a_box_ticks_it(make_app, db_path: Path) -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        checklist = today(app).checklist
        # Squat has 3 boxes, then lunge 1L, 1R, and 2L is the sixth.
        await pilot.click(ChecklistBody, offset=checklist.box_offset(5))
        done = [s for s in stored_sets(db_path) if s.done]
        assert [(s.exercise_id, s.set_no, s.side.value) for s in done] == [("lunge", 2, "left")]
        assert checklist.slots[5].done and box_text(checklist.slots[5], app.settings.unit) == "L ✓ 10"


async def test_a_new_app_on_the_same_file_resumes_the_session(make_app, db_path: Path) -> None:
    first = make_app()
    async with first.run_test(size=(80, 24)) as pilot:
        await pilot.press("space", "space", "space")
    second = make_app()
    async with second.run_test(size=(80, 24)):
        checklist = today(second).checklist
        assert [slot.done for slot in checklist.slots[:4]] == [True, True, True, False]
        assert checklist.cursor == 3


async def test_finishing_workout_a_brings_workout_b(make_app, clock) -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("f")  # nothing ticked: refused
        assert "Workout A" in str(app.screen.query_one("#session-title", Label).render())
        await pilot.press("space", "f", "y")  # 17 sets left: asked first (test_session_end)
        await pilot.pause()
        assert "Workout B" in str(app.screen.query_one("#session-title", Label).render())
        assert today(app).checklist.current.exercise_id == "step-up"
    clock.next_day()
    later = make_app()
    async with later.run_test(size=(80, 24)):
        assert "Workout B" in str(later.screen.query_one("#session-title", Label).render())


async def test_undo_of_finish_reopens_the_session(make_app, db_path: Path) -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("space", "f", "y")  # 17 sets left: asked first (test_session_end)
        await pilot.pause()
        await pilot.press("u")
        await pilot.pause()
        assert "Workout A" in str(app.screen.query_one("#session-title", Label).render())
        assert today(app).checklist.slots[0].done
    store = Store.open(db_path)
    try:
        assert store.session(1).finished_at is None
    finally:
        store.close()


async def test_program_choice_persists(make_app) -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("p")
        assert isinstance(app.screen, ProgramPickerScreen)
        await pilot.press("down", "enter")
        await pilot.pause()
        chosen = app.catalog.programs[1]
        assert chosen.name in str(app.screen.query_one("#session-title", Label).render())
    again = make_app()
    async with again.run_test(size=(80, 24)):
        assert again.settings.program_id == chosen.id
        assert chosen.name in str(again.screen.query_one("#session-title", Label).render())


async def test_edit_saves_reps_and_load(make_app, db_path: Path) -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("e")
        assert isinstance(app.screen, EditSetScreen)
        app.screen.query_one("#reps-input", Input).value = "10"
        app.screen.query_one("#load-input", Input).value = "42.5"
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, TodayScreen)
        squat = stored_sets(db_path)[0]
        assert (squat.reps, squat.load_kg, squat.done) == (10, 42.5, False)
        await pilot.press("space")
        assert stored_sets(db_path)[0].reps == 10  # a tick keeps the edited reps
        await pilot.press("u", "u")
        assert stored_sets(db_path)[0].reps is None


@pytest.mark.parametrize(
    ("field", "value", "message"),
    [
        ("reps", "abc", "whole number"),
        ("reps", "-3", "whole number"),
        ("reps", "0", "whole number"),
        ("load", "10000", "from 0 to 1000"),
        ("load", "heavy", "must be a number"),
    ],
)
async def test_bad_edit_is_refused_at_the_field(make_app, db_path: Path, field: str, value: str, message: str) -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("e")
        app.screen.query_one(f"#{field}-input", Input).value = value
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, EditSetScreen), "the form stays open"
        error = app.screen.query_one(f"#{field}-error", Label)
        assert error.display and message in str(error.render())
    assert stored_sets(db_path) == []


async def test_hold_of_zero_seconds_is_refused(make_app, highlight, db_path: Path) -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        highlight(app, "plank")
        await pilot.press("e")
        app.screen.query_one("#hold-input", Input).value = "0"
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, EditSetScreen)
        assert "Hold must be" in str(app.screen.query_one("#hold-error", Label).render())
        app.screen.query_one("#hold-input", Input).value = "1:05"
        await pilot.press("enter")
        await pilot.pause()
    plank = next(s for s in stored_sets(db_path) if s.exercise_id == "plank")
    assert plank.hold_s == 65


async def test_pounds_are_stored_as_kilograms(make_app, db_path: Path) -> None:
    Store.open(db_path).save_settings({"unit": "lb"})
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("e")
        app.screen.query_one("#load-input", Input).value = "100"
        await pilot.press("enter")
        await pilot.pause()
        assert "×100lb" in str(app.screen.query_one(ChecklistBody).render())
    assert stored_sets(db_path)[0].load_kg == pytest.approx(45.359, abs=0.001)


async def test_info_shows_why_and_cues(make_app) -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("enter")
        assert isinstance(app.screen, ExerciseInfoScreen)
        squat = app.catalog.exercise("squat")
        text = " ".join(str(w.render()) for w in app.screen.query("Static"))
        assert squat.why.split()[0] in text and squat.cues[0] in text and squat.muscles[0] in text
        await pilot.press("escape")
        assert isinstance(app.screen, TodayScreen)


async def test_help_lists_every_key_of_today(make_app) -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("question_mark")
        assert isinstance(app.screen, HelpScreen)
        described = " ".join(description for _, description in app.screen.keys)
        for words in ("Tick", "hold timer", "Edit", "Undo", "Finish", "program", "Quit", "Past sessions"):
            assert words.lower() in described.lower(), words
        keys = " ".join(key for key, _ in app.screen.keys)
        assert "space" in keys and "k" in keys and "j" in keys
        await pilot.press("escape")
        assert isinstance(app.screen, TodayScreen)


async def test_highlighted_set_stays_visible_at_80x24(make_app, db_path: Path) -> None:
    store = Store.open(db_path)
    # Seven exercises: more than 80x24 shows at once.
    store.save_settings({"program_id": "key-six"})
    store.close()
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        checklist = today(app).checklist
        await pilot.press("end")
        await pilot.pause()
        assert checklist.scroll_y > 0
        assert checklist_shows_box(checklist, checklist.cursor)
        await pilot.press("home")
        await pilot.pause()
        assert checklist.scroll_y == 0
        assert checklist_shows_box(checklist, 0)


async def test_palette_offers_programs_and_exercises(make_app) -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)):
        titles = [command.title for command in app.get_system_commands(app.screen)]
        assert "Program: Advanced (3 days/week)" in titles
        assert "Exercise: Copenhagen plank" in titles


async def test_today_shows_what_history_changed(make_app, db_path: Path) -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("space", "space")
        await pilot.press("h")
        await pilot.pause()
        await pilot.press("enter")  # open today's session
        await pilot.pause()
        await pilot.press("D", "y")  # delete the whole session, confirmed: back on the list
        await pilot.pause()
        await pilot.press("escape")  # to Today
        await pilot.pause()
        screen = today(app)
        assert screen.session is None and not any(isinstance(slot, SetLog) for slot in screen.checklist.slots)
        await pilot.press("space")  # a tick now starts a new session, not the deleted one
    store = Store.open(db_path)
    try:
        rows = store.conn.execute("SELECT id, deleted_at IS NOT NULL FROM sessions ORDER BY id").fetchall()
        assert rows == [(1, 1), (2, 0)]
        assert sum(s.done for s in store.session_sets(2)) == 1
    finally:
        store.close()


async def test_rows_of_boxes_wrap_on_a_narrow_terminal(make_app, db_path: Path) -> None:
    app = make_app(settings={"program_id": "beginner"})
    async with app.run_test(size=(60, 20)) as pilot:
        await pilot.press("f")  # nothing ticked yet, so still Workout A; go to B by ticking and finishing
        await pilot.press("space", "f", "y")  # 17 sets left: asked first (test_session_end)
        await pilot.pause()
        checklist = today(app).checklist
        body = app.screen.query_one(ChecklistBody)
        assert any(slot.exercise_id == "side-plank" for slot in checklist.slots)
        assert all(region.right <= body.size.width for region in body.box_regions)
        side_plank = [body.box_regions[i] for i, s in enumerate(checklist.slots) if s.exercise_id == "side-plank"]
        assert len({region.y for region in side_plank}) == 2, "six per-side boxes take two lines at 60 columns"
        await pilot.press("end")
        await pilot.pause()
        assert checklist_shows_box(checklist, checklist.cursor)
        # A click on a box of the wrapped line ticks that box.
        await pilot.click(ChecklistBody, offset=checklist.box_offset(len(checklist.slots) - 1))
        assert checklist.slots[-1].done


async def test_undo_after_switching_program_touches_nothing_unseen(make_app, db_path: Path) -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("space", "p", "down", "enter")
        await pilot.pause()
        await pilot.press("u")
        assert "Nothing to undo" in list(app._notifications)[-1].message
    store = Store.open(db_path)
    try:
        assert store.session_sets(1)[0].done
    finally:
        store.close()


async def test_undoing_a_finish_after_starting_the_next_day_shows_the_reopened_session(make_app, db_path: Path) -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("space", "f", "y")  # 17 sets left: asked first (test_session_end)
        await pilot.pause()
        await pilot.press("space", "u", "u")  # tick Workout B, undo that, undo the finish
        await pilot.pause()
        assert "Workout A" in str(app.screen.query_one("#session-title", Label).render())
        assert today(app).checklist.slots[0].done
    again = make_app()
    async with again.run_test(size=(80, 24)):
        assert "Workout A" in str(again.screen.query_one("#session-title", Label).render())


async def test_a_workout_past_midnight_stays_on_screen(make_app, clock, db_path: Path) -> None:
    clock.advance(13 * 3600 + 58 * 60)  # 23:58
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("space")
        clock.advance(5 * 60)  # 00:03, the next day
        await pilot.press("question_mark", "escape")  # Today is back on top
        await pilot.pause()
        assert today(app).checklist.slots[0].done
        await pilot.press("space")
        assert "Mon 23 Nov" in str(app.screen.query_one("#session-date", Label).render())
    sets = stored_sets(db_path)
    assert sum(s.done for s in sets) == 2 and sets[0].session_id == sets[1].session_id == 1


async def test_a_superscript_digit_is_refused_not_a_crash(make_app, db_path: Path) -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("e")
        app.screen.query_one("#reps-input", Input).value = "²"
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, EditSetScreen)
        assert "whole number" in str(app.screen.query_one("#reps-error", Label).render())
    assert stored_sets(db_path) == []


async def test_edit_form_buttons_stay_reachable_on_a_small_terminal(make_app) -> None:
    app = make_app()
    async with app.run_test(size=(60, 20)) as pilot:
        await pilot.press("e")
        app.screen.query_one("#reps-input", Input).value = "abc"
        # Error shown; focus on past load, RPE and note to the Save button.
        await pilot.press("enter", "tab", "tab", "tab", "tab")
        await pilot.pause()
        save = app.screen.query_one("#save")
        assert app.focused is save
        assert app.screen.query_one("#edit-dialog").region.contains_region(save.region)


async def test_a_late_workout_resumes_after_midnight_but_not_the_next_morning(make_app, clock) -> None:
    clock.advance(13 * 3600 + 50 * 60)  # 23:50
    async with make_app().run_test(size=(80, 24)) as pilot:
        await pilot.press("space", "space")
    clock.advance(20 * 60)  # 00:10: the app is opened again
    app = make_app()
    async with app.run_test(size=(80, 24)):
        assert "Workout A" in str(app.screen.query_one("#session-title", Label).render())
        assert [slot.done for slot in today(app).checklist.slots[:3]] == [True, True, False]
    clock.advance(9 * 3600)  # 09:10 the next morning: that workout is over, B is next
    later = make_app()
    async with later.run_test(size=(80, 24)):
        assert "Workout B" in str(later.screen.query_one("#session-title", Label).render())


async def test_help_at_60x20_scrolls_to_its_last_row_and_cuts_no_description(make_app) -> None:
    import io

    from rich.console import Console
    from textual.containers import VerticalScroll

    from runstrong.screens.help import key_table

    app = make_app()
    async with app.run_test(size=(60, 20)) as pilot:
        await pilot.press("question_mark")
        await pilot.pause()
        help_screen = app.screen
        assert isinstance(help_screen, HelpScreen)
        scroll = help_screen.query_one("#help-scroll", VerticalScroll)
        hint = help_screen.query_one("#help-hint", Label)
        # The hint stays on screen under the rows; the rows scroll, down to the last one.
        assert hint.region.bottom <= 19 and scroll.region.bottom <= hint.region.y
        assert scroll.max_scroll_y > 0
        await pilot.press("end")
        await pilot.pause()
        assert scroll.scroll_y == scroll.max_scroll_y
        rows = help_screen.query_one("#help-keys")
        assert scroll.scroll_y + scroll.region.height >= rows.region.height  # the last row is in view
        # Every description is there whole, wrapped at the width the dialog gives it.
        console = Console(width=rows.region.width, record=True, file=io.StringIO())
        console.print(key_table(help_screen.keys))
        drawn = " ".join(console.export_text().split())
        for _, description in help_screen.keys:
            assert " ".join(description.split()) in drawn, description
        # Keys are written one way: modifiers as words.
        keys = [key for key, _ in help_screen.keys]
        assert "u / ctrl+z" in keys and not any("^" in key for key in keys)
