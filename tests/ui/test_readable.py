"""Readable in every theme and size: what the screen draws, read back from the widgets."""

from __future__ import annotations

from textual.widgets import Checkbox, Input, Label
from textual.widgets._toast import Toast

from runstrong.screens.today import TodayScreen
from runstrong.widgets.set_checklist import PRESCRIPTION_GAP, SetChecklist


def today(app) -> TodayScreen:  # type: ignore[no-untyped-def]
    screen = app.screen
    assert isinstance(screen, TodayScreen)
    return screen


def box_background(checklist: SetChecklist, index: int) -> str:
    """The background colour the screen shows under box `index`."""
    x, y = checklist.box_offset(index)
    body = checklist.body
    strip = body.render_line(y - int(checklist.scroll_y))
    offset = 0
    for segment in strip:
        if offset <= x + 1 < offset + len(segment.text):
            assert segment.style is not None and segment.style.bgcolor is not None
            return str(segment.style.bgcolor)
        offset += len(segment.text)
    raise AssertionError(f"no box at {x}")


async def test_ansi_dark_cursor_and_ticked_set_look_different(make_app) -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        app.theme = "ansi-dark"
        await pilot.press("space")  # squat set 1 ticked, the cursor on set 2
        await pilot.pause()
        checklist = today(app).checklist
        ticked, cursor, todo = box_background(checklist, 0), box_background(checklist, 1), box_background(checklist, 2)
        assert len({ticked, cursor, todo}) == 3
        assert "▸" in str(checklist.body.render_line(checklist.box_offset(1)[1]).text)


async def test_unticked_boxes_have_a_background_in_dark_and_light(make_app) -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        for theme in ("textual-dark", "textual-light"):
            app.theme = theme
            await pilot.pause()
            checklist = today(app).checklist
            background = app.current_theme.background
            assert box_background(checklist, 2) != str(background)


async def test_left_and_right_of_a_set_stay_on_one_line_at_60_columns(make_app, highlight) -> None:
    app = make_app(settings={"program_id": "key-six"})
    async with app.run_test(size=(60, 20)) as pilot:
        screen = highlight(app, "lunge")
        for _ in range(6):  # every lunge box 10 × 42.5 kg: "L ✓ 10×42.5kg" is 15 cells wide
            await pilot.press("e")
            app.screen.query_one("#load-input", Input).value = "42.5"
            await pilot.press("enter", "space")
        checklist = screen.checklist
        lunges = [i for i, s in enumerate(checklist.slots) if s.exercise_id == "lunge"]
        rows = [checklist.box_offset(i)[1] for i in lunges]
        # Two pairs (2 × 15 + 2 × 16 = 62 cells) do not fit in 58: one pair a line.
        assert rows[0] == rows[1] and rows[2] == rows[3] and rows[4] == rows[5]
        assert rows[0] < rows[2] < rows[4]


async def test_the_target_sits_beside_the_name_on_a_wide_terminal(make_app) -> None:
    app = make_app()
    async with app.run_test(size=(200, 50)):
        body = today(app).checklist.body
        title = next(str(line) for line in body._layout(body.size.width) if str(line).startswith("Squat"))
        assert title == "Squat" + " " * PRESCRIPTION_GAP + "3 × 12"


async def test_toasts_never_cover_the_rest_countdown_or_the_summary(make_app) -> None:
    app = make_app()
    async with app.run_test(size=(80, 24), notifications=True) as pilot:
        await pilot.press("space", "e", "tab", "4", "0", "enter")  # a tick, a rest, two toasts
        await pilot.pause(0.2)
        screen = today(app)
        toasts = list(screen.query(Toast))
        assert toasts
        covered = [screen.query_one("#rest-bar").region, screen.query_one("#summary").region]
        assert all(not toast.region.overlaps(region) for toast in toasts for region in covered)


async def test_the_rest_label_never_runs_into_the_bar(make_app, highlight) -> None:
    app = make_app(settings={"program_id": "key-six"})
    async with app.run_test(size=(60, 20)) as pilot:
        highlight(app, "single-leg-rdl")
        await pilot.press("space", "space")  # both sides of set 1: the rest after a long name
        await pilot.pause()
        label = app.screen.query_one("#rest-label", Label)
        bar = app.screen.query_one("#rest-progress")
        assert "Single-leg" in str(app.screen.query_one("#rest-bar").reason)
        assert label.region.right + 2 <= bar.region.x
        assert bar.region.width >= 8


async def test_timer_digits_grow_on_a_big_terminal(make_app, highlight) -> None:
    heights = []
    for size in ((80, 24), (200, 50)):
        app = make_app()
        async with app.run_test(size=size) as pilot:
            highlight(app, "plank")
            await pilot.press("t")
            heights.append(app.screen.query_one("#timer-digits").region.height)
    # Textual's 3-row Digits at 80×24; at 200×50 the block font at scale 4: 5 rows × 4.
    assert heights == [3, 20]


async def test_settings_switches_say_on_or_off(make_app) -> None:
    app = make_app(settings={"bell": "1", "desktop_notice": "0"})
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("comma")
        bell, notice = app.screen.query_one("#bell", Checkbox), app.screen.query_one("#desktop-notice", Checkbox)
        assert str(bell.label).endswith(": on") and str(notice.label).endswith(": off")
        bell.toggle()
        await pilot.pause()
        assert str(bell.label).endswith(": off")


async def test_history_says_which_columns_the_width_hides(make_app, store) -> None:  # type: ignore[no-untyped-def]
    from test_history import SUNDAY, log_session

    log_session(store, SUNDAY)
    for width, hidden in ((100, None), (50, "too narrow for Time, Hold, Volume")):
        app = make_app(start="history")
        async with app.run_test(size=(width, 24)) as pilot:
            await pilot.pause()
            status = str(app.screen.query_one("#history-status", Label).render())
            assert ("too narrow" not in status) if hidden is None else (hidden in status)
