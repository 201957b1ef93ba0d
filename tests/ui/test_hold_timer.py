"""The hold timer, run as at the gym: `t` on Today or `runstrong timer`, a fake clock moved by hand.

Every check of what was logged reads the file back through a new connection.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from textual.widgets import Digits, Label

from runstrong.app import RunStrongApp
from runstrong.cli import build_parser
from runstrong.core.catalog import load_catalog
from runstrong.core.holdclock import Phase
from runstrong.core.models import Session, SetLog, Side
from runstrong.quick_timer import QuickTimer, quick_timer_from_args
from runstrong.screens.hold_timer import HoldTimerScreen
from runstrong.screens.today import TodayScreen
from runstrong.store import Store
from runstrong.widgets.rest_bar import RestBar
from runstrong.widgets.set_checklist import box_text

if TYPE_CHECKING:
    from tests.conftest import FakeClock


def stored_sets(db_path: Path, exercise_id: str) -> list[SetLog]:
    """The sets of `exercise_id` on disk, in the newest session, as a fresh connection sees them."""
    store = Store.open(db_path)
    try:
        row = store.db.conn.execute("SELECT max(id) FROM sessions").fetchone()[0]
        return [] if row is None else [s for s in store.session_sets(row) if s.exercise_id == exercise_id]
    finally:
        store.close()


def stored_sessions(db_path: Path) -> list[Session]:
    store = Store.open(db_path)
    try:
        ids = [row[0] for row in store.db.conn.execute("SELECT id FROM sessions ORDER BY id")]
        return [store.session(i) for i in ids]
    finally:
        store.close()


def use_program(db_path: Path, program_id: str) -> None:
    store = Store.open(db_path)
    store.save_settings({"program_id": program_id})
    store.close()


def timer(app: RunStrongApp) -> HoldTimerScreen:
    screen = app.screen
    assert isinstance(screen, HoldTimerScreen)
    return screen


def text_of(screen: HoldTimerScreen, selector: str) -> str:
    return str(screen.query_one(selector, Label).render())


def on_screen(screen: HoldTimerScreen) -> str:
    """Every label's text on the timer screen, as a script reading the terminal would see it."""
    return " | ".join(str(label.render()) for label in screen.query(Label) if label.display)


async def open_timer(app: RunStrongApp, pilot, exercise_id: str, set_no: int = 1, side: Side | None = None) -> HoldTimerScreen:  # type: ignore[no-untyped-def]
    today = app.screen
    assert isinstance(today, TodayScreen)
    checklist = today.checklist
    checklist.cursor = next(
        i for i, s in enumerate(checklist.slots) if s.exercise_id == exercise_id and s.set_no == set_no and s.side == side
    )
    await pilot.press("t")
    return timer(app)


async def advance(pilot, clock: FakeClock, seconds: float) -> None:  # type: ignore[no-untyped-def]
    clock.advance(seconds)
    screen = pilot.app.screen
    if isinstance(screen, HoldTimerScreen):
        screen.poll()
    await pilot.pause()


async def test_t_on_a_plank_set_counts_in_holds_and_logs_the_hold(make_app, clock: FakeClock, db_path: Path) -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_timer(app, pilot, "plank")
        assert text_of(screen, "#timer-phase") == "GET READY"
        assert screen.query_one(Digits).value == "0:05"
        assert "set 1 of 3" in text_of(screen, "#timer-set")
        await advance(pilot, clock, 5.5)
        assert text_of(screen, "#timer-phase") == "HOLD"
        assert screen.query_one(Digits).value == "0:30"
        assert stored_sets(db_path, "plank") == [] or not any(s.done for s in stored_sets(db_path, "plank"))
        await advance(pilot, clock, 30)
        plank = stored_sets(db_path, "plank")
        assert [(s.set_no, s.done, s.hold_s) for s in plank] == [(1, True, 30), (2, False, None), (3, False, None)]
        # The hold ended at its deadline (10:00:35), whenever the tick noticed it.
        assert plank[0].done_at == "2026-11-22T10:00:35+01:00"
        assert "Hold complete · held 0:30" in on_screen(screen)
        await pilot.press("enter")
        today = app.screen
        assert isinstance(today, TodayScreen)
        assert today.checklist.cursor == plank[1].position  # on to plank set 2
        assert today.query_one(RestBar).running


async def test_a_hold_cut_short_leaves_the_next_set_at_its_own_target(make_app, clock: FakeClock, db_path: Path) -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_timer(app, pilot, "plank")
        await advance(pilot, clock, 5.5)
        await advance(pilot, clock, 8.5)
        await pilot.press("enter")  # let go after 9 s: 0:09 is logged for set 1
        assert "Hold complete · held 0:09" in on_screen(screen)
        await pilot.press("enter")  # back to Today, on plank set 2
        today = app.screen
        assert isinstance(today, TodayScreen)
        # Set 2's box says what a tick saves (its own 0:30), and the timer would run 0:30 too.
        checklist = today.checklist
        assert checklist.slots[checklist.cursor].set_no == 2
        assert box_text(checklist.slots[checklist.cursor], app.settings.unit, today.start_of(checklist.cursor)) == "· 0:30"
        await pilot.press("space")  # set 2 ticked without the timer
        plank = stored_sets(db_path, "plank")
        assert [(s.set_no, s.done, s.hold_s) for s in plank] == [(1, True, 9), (2, True, 30), (3, False, None)]


async def test_the_hold_is_saved_before_the_screen_says_hold_complete(make_app, clock: FakeClock, db_path: Path) -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        today = app.screen
        assert isinstance(today, TodayScreen)
        screen = await open_timer(app, pilot, "plank")
        seen_when_saving: list[str] = []
        log_hold = today.log_hold

        def spy(index: int, held_s: int, done_at):  # type: ignore[no-untyped-def]
            seen_when_saving.append(on_screen(screen))
            return log_hold(index, held_s, done_at)

        today.log_hold = spy  # type: ignore[method-assign]
        await advance(pilot, clock, 40)
        assert len(seen_when_saving) == 1 and "Hold complete" not in seen_when_saving[0]
        assert "Hold complete" in on_screen(screen)


async def test_side_plank_logs_left_and_right_with_their_own_seconds(make_app, clock: FakeClock, db_path: Path) -> None:
    use_program(db_path, "intermediate")  # Workout A has side planks, 3 × 30 s each side
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_timer(app, pilot, "side-plank", 1, Side.LEFT)
        assert screen.plan.sides
        assert "next: LEFT SIDE" in text_of(screen, "#timer-side")
        await advance(pilot, clock, 5.2)
        assert (text_of(screen, "#timer-phase"), text_of(screen, "#timer-side")) == ("HOLD", "LEFT SIDE")
        await advance(pilot, clock, 30)
        assert text_of(screen, "#timer-phase") == "SWITCH SIDES"
        assert "Hold complete · left · held 0:30" in on_screen(screen)
        await advance(pilot, clock, 5)
        assert (text_of(screen, "#timer-phase"), text_of(screen, "#timer-side")) == ("HOLD", "RIGHT SIDE")
        await advance(pilot, clock, 12)
        await pilot.press("enter")  # right side gives out early: log what was really held
        sides = [(s.set_no, s.side, s.done, s.hold_s) for s in stored_sets(db_path, "side-plank")]
        assert sides[:2] == [(1, Side.LEFT, True, 30), (1, Side.RIGHT, True, 12)]
        assert all(not done for _, _, done, _ in sides[2:])
        assert "Hold complete · 2 holds · 0:42 held in all" in on_screen(screen)
        summary = str(screen.query_one("#summary-rows").render())
        assert "Set 1 · left: 0:30" in summary and "Set 1 · right: 0:12" in summary


async def test_a_per_side_box_whose_partner_is_done_times_one_side(make_app, clock: FakeClock, db_path: Path) -> None:
    use_program(db_path, "intermediate")
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        today = app.screen
        assert isinstance(today, TodayScreen)
        checklist = today.checklist
        checklist.cursor = next(i for i, s in enumerate(checklist.slots) if s.exercise_id == "side-plank" and s.side is Side.LEFT)
        await pilot.press("space")  # left ticked by hand
        screen = await open_timer(app, pilot, "side-plank", 1, Side.RIGHT)
        assert not screen.plan.sides
        assert "next: RIGHT SIDE" in text_of(screen, "#timer-side")
        await advance(pilot, clock, 40)
        sides = [(s.side, s.hold_s) for s in stored_sets(db_path, "side-plank") if s.set_no == 1]
        assert sides == [(Side.LEFT, 30), (Side.RIGHT, 30)]


async def test_escape_mid_hold_logs_nothing(make_app, clock: FakeClock, db_path: Path) -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_timer(app, pilot, "plank")
        await advance(pilot, clock, 20)
        assert text_of(screen, "#timer-phase") == "HOLD"
        await pilot.press("escape")
        assert isinstance(app.screen, TodayScreen)
        assert not any(s.done for s in stored_sets(db_path, "plank"))
        assert any("nothing logged" in n.message for n in app._notifications)


async def test_escape_after_the_left_side_keeps_the_left_only(make_app, clock: FakeClock, db_path: Path) -> None:
    use_program(db_path, "intermediate")
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_timer(app, pilot, "side-plank", 1, Side.LEFT)
        await advance(pilot, clock, 5 + 30 + 5 + 10)
        await pilot.press("escape")
        assert timer(app) is screen
        assert "the hold in progress was not logged" in on_screen(screen)
        sides = [(s.side, s.done, s.hold_s) for s in stored_sets(db_path, "side-plank") if s.set_no == 1]
        assert sides == [(Side.LEFT, True, 30), (Side.RIGHT, False, None)]
        await pilot.press("escape")
        assert isinstance(app.screen, TodayScreen)


async def test_pause_freezes_the_countdown_and_is_not_counted_as_held(make_app, clock: FakeClock, db_path: Path) -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_timer(app, pilot, "plank")
        await advance(pilot, clock, 15)  # 10 s into the hold
        await pilot.press("space")
        assert screen.hold.paused and screen.has_class("-paused")
        assert "PAUSED" in text_of(screen, "#timer-paused")
        assert text_of(screen, "#timer-phase") == "HOLD"  # the contract word stays while paused
        await advance(pilot, clock, 120)
        assert screen.query_one(Digits).value == "0:20"
        assert not any(s.done for s in stored_sets(db_path, "plank"))
        await pilot.press("space")
        assert not screen.hold.paused and text_of(screen, "#timer-paused") == ""
        await advance(pilot, clock, 19.5)
        assert screen.hold.phase is Phase.HOLD
        await advance(pilot, clock, 0.5)
        assert stored_sets(db_path, "plank")[0].hold_s == 30


async def test_plus_and_minus_move_the_end_by_five_seconds(make_app, clock: FakeClock, db_path: Path) -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_timer(app, pilot, "plank")
        await advance(pilot, clock, 5.5)
        await pilot.press("plus")
        assert screen.query_one(Digits).value == "0:35"
        await pilot.press("equals_sign")
        assert screen.query_one(Digits).value == "0:40"
        await pilot.press("minus", "minus", "minus")
        assert screen.query_one(Digits).value == "0:25"
        await advance(pilot, clock, 24.5)
        assert stored_sets(db_path, "plank")[0].hold_s == 25


async def test_the_last_three_seconds_are_counted_out(make_app, clock: FakeClock) -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_timer(app, pilot, "plank")
        digits = screen.query_one(Digits)
        assert not digits.has_class("-final") and text_of(screen, "#timer-final") == ""
        await advance(pilot, clock, 2.5)  # 2.5 s of get-ready left: shows 3
        assert digits.has_class("-final") and text_of(screen, "#timer-final") == "3…"
        await advance(pilot, clock, 1)
        assert text_of(screen, "#timer-final") == "3…  2…"
        await advance(pilot, clock, 1)
        assert text_of(screen, "#timer-final") == "3…  2…  1…"
        await advance(pilot, clock, 1)  # the hold has begun: 30 s, no count
        assert not digits.has_class("-final") and text_of(screen, "#timer-final") == ""
        assert screen.has_class("-hold") and not screen.has_class("-get-ready")


async def test_bell_toast_and_desktop_notice_at_the_end_of_a_hold(make_app, clock: FakeClock, db_path: Path) -> None:
    app = make_app(settings={"desktop_notice": "1"})
    async with app.run_test(size=(80, 24)) as pilot:
        bells: list[int] = []
        written: list[str] = []
        app.bell = lambda: bells.append(1)  # type: ignore[method-assign]
        app._driver.write = written.append  # type: ignore[union-attr,method-assign]
        await open_timer(app, pilot, "plank")
        await advance(pilot, clock, 5)
        assert bells == [1]  # the hold starts: go
        await advance(pilot, clock, 30)
        assert bells == [1, 1]
        assert any(n.message == "Hold complete · held 0:30" for n in app._notifications)
        notice = "".join(written)
        assert "\x1b]9;Plank: Hold complete · held 0:30\x07" in notice
        assert "\x1b]777;notify;runstrong;Plank: Hold complete · held 0:30\x07" in notice


async def test_no_bell_and_no_desktop_notice_when_turned_off(make_app, clock: FakeClock, db_path: Path) -> None:
    app = make_app(settings={"bell": "0", "desktop_notice": "0"})
    async with app.run_test(size=(80, 24)) as pilot:
        bells: list[int] = []
        written: list[str] = []
        app.bell = lambda: bells.append(1)  # type: ignore[method-assign]
        app._driver.write = written.append  # type: ignore[union-attr,method-assign]
        await open_timer(app, pilot, "plank")
        await advance(pilot, clock, 40)
        assert bells == [] and not any("\x1b]9;" in w for w in written)


def quick(*argv: str) -> QuickTimer:
    return quick_timer_from_args(build_parser().parse_args(["timer", *argv]), load_catalog())


async def test_quick_timer_logs_a_quick_timer_session_under_the_exercise(make_app, clock: FakeClock, db_path: Path) -> None:
    app = make_app(quick=quick("20s", "--exercise", "plank", "--sets", "2", "--rest", "10s"))
    async with app.run_test(size=(80, 24)) as pilot:
        screen = timer(app)
        assert "Plank" in text_of(screen, "#timer-exercise")
        await advance(pilot, clock, 5 + 20)
        sessions = stored_sessions(db_path)
        assert len(sessions) == 1 and sessions[0].program == "Quick timer"
        assert [(s.exercise, s.exercise_id, s.set_no, s.hold_s) for s in sessions[0].sets] == [("Plank", "plank", 1, 20)]
        assert sessions[0].finished_at == "2026-11-22T10:00:25+01:00"  # finished at its latest hold
        assert text_of(screen, "#timer-phase") == "REST"
        await advance(pilot, clock, 10 + 15)
        await pilot.press("enter")  # set 2 let go after 15 s
        sessions = stored_sessions(db_path)
        assert len(sessions) == 1  # one run, one session
        assert [(s.set_no, s.hold_s, s.done_at) for s in sessions[0].sets] == [
            (1, 20, "2026-11-22T10:00:25+01:00"),
            (2, 15, "2026-11-22T10:00:50+01:00"),
        ]
        assert sessions[0].finished_at == "2026-11-22T10:00:50+01:00"
        assert "Hold complete · 2 holds · 0:35 held in all" in on_screen(screen)
        await pilot.press("q")
        await pilot.pause()
    assert app.return_code == 0


async def test_quick_timer_without_an_exercise_logs_hold(make_app, clock: FakeClock, db_path: Path) -> None:
    app = make_app(quick=quick("10", "--lead", "0"))
    async with app.run_test(size=(80, 24)) as pilot:
        assert text_of(timer(app), "#timer-phase") == "HOLD"
        await advance(pilot, clock, 10)
        [session] = stored_sessions(db_path)
        assert [(s.exercise, s.exercise_id, s.hold_s) for s in session.sets] == [("Hold", "hold", 10)]


async def test_quick_timer_with_no_log_writes_nothing(make_app, clock: FakeClock, db_path: Path) -> None:
    app = make_app(quick=quick("20s", "--exercise", "plank", "--no-log"))
    async with app.run_test(size=(80, 24)) as pilot:
        await advance(pilot, clock, 60)
        assert "Hold complete · held 0:20" in on_screen(timer(app))
    assert stored_sessions(db_path) == []


async def test_quitting_mid_hold_logs_nothing_for_that_hold(make_app, clock: FakeClock, db_path: Path) -> None:
    app = make_app(quick=quick("20s", "--exercise", "copenhagen"))
    async with app.run_test(size=(80, 24)) as pilot:
        assert timer(app).plan.sides  # a per-side exercise is timed per side
        await advance(pilot, clock, 5 + 20 + 5 + 10)  # left done, right half-way
        await pilot.press("ctrl+q")
    [session] = stored_sessions(db_path)
    assert [(s.side, s.hold_s) for s in session.sets] == [(Side.LEFT, 20)]


async def test_a_long_stall_logs_every_hold_at_its_own_deadline(make_app, clock: FakeClock, db_path: Path) -> None:
    app = make_app(quick=quick("20s", "--sides", "--sets", "2", "--rest", "30s"))
    async with app.run_test(size=(80, 24)) as pilot:
        await advance(pilot, clock, 1000)  # the lid was shut
        [session] = stored_sessions(db_path)
        assert [(s.set_no, s.side, s.done_at[11:19]) for s in session.sets] == [
            (1, Side.LEFT, "10:00:25"),
            (1, Side.RIGHT, "10:00:50"),
            (2, Side.LEFT, "10:01:40"),
            (2, Side.RIGHT, "10:02:05"),
        ]


async def test_q_closes_the_summary_back_to_today(make_app, clock: FakeClock) -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_timer(app, pilot, "plank")
        await advance(pilot, clock, 40)
        assert "Hold complete" in on_screen(screen)
        await pilot.press("q")
        assert isinstance(app.screen, TodayScreen)


async def test_a_hold_past_its_end_is_saved_even_if_escape_comes_first(make_app, clock: FakeClock, db_path: Path) -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_timer(app, pilot, "plank")
        # The hold ended a second ago and no tick has noticed yet: hold the poll still so
        # a busy machine cannot let it run first.
        screen._ticker.pause()
        clock.advance(36)
        await pilot.press("escape")
        assert stored_sets(db_path, "plank")[0].hold_s == 30
        assert "Hold complete · held 0:30" in on_screen(screen)


async def test_escape_during_a_rest_keeps_every_finished_hold(make_app, clock: FakeClock, db_path: Path) -> None:
    app = make_app(quick=quick("20s", "--sets", "3", "--rest", "30s"))
    async with app.run_test(size=(80, 24)) as pilot:
        await advance(pilot, clock, 5 + 20 + 10)
        await pilot.press("escape")
        text = on_screen(timer(app))
        assert "Timer stopped · 1 logged, 0:20 held" in text and "in progress" not in text
        [session] = stored_sessions(db_path)
        assert [s.hold_s for s in session.sets] == [20]


async def test_help_on_the_timer_lists_its_keys(make_app) -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await open_timer(app, pilot, "plank")
        await pilot.press("question_mark")
        described = " ".join(description for _, description in app.screen.keys)  # type: ignore[attr-defined]
        for words in ("Pause or resume", "actually held", "not logged", "Add 5 seconds", "Take 5 seconds"):
            assert words in described, words


async def test_quick_timer_follows_the_saved_get_ready_unless_lead_is_given(clock: FakeClock, db_path: Path) -> None:
    store = Store.open(db_path)
    store.save_settings({"lead_s": "10", "switch_s": "8"})
    try:
        app = RunStrongApp(store, clock=clock, quick=quick("20s", "--sides"))
        async with app.run_test(size=(80, 24)):
            plan = timer(app).plan
            assert (plan.lead_s, plan.switch_s) == (10, 8)
        app = RunStrongApp(store, clock=clock, quick=quick("20s", "--lead", "3"))
        async with app.run_test(size=(80, 24)):
            assert timer(app).plan.lead_s == 3
    finally:
        store.close()


async def test_the_bell_rings_on_time_while_the_screen_is_busy(make_app, clock: FakeClock, db_path: Path) -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        bells: list[float] = []
        app.bell = lambda: bells.append(clock.monotonic())  # type: ignore[method-assign]
        screen = await open_timer(app, pilot, "plank")
        await advance(pilot, clock, 5)  # the hold begins; the screen knows when it will end
        hold_end = clock.monotonic() + 30
        bells.clear()
        screen._ticker.pause()  # a busy event loop: the screen polls no more
        clock.advance(30)
        assert bells == [hold_end], "the clock's own timer rang at the deadline"
        assert stored_sets(db_path, "plank") == []  # nothing saved behind the screen's back
        screen.poll()  # the loop is free again: the screen saves the hold
        assert bells == [hold_end], "and does not ring a second time"
        assert stored_sets(db_path, "plank")[0].hold_s == 30


async def test_no_bell_from_the_clock_after_a_pause(make_app, clock: FakeClock) -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        bells: list[float] = []
        app.bell = lambda: bells.append(clock.monotonic())  # type: ignore[method-assign]
        await open_timer(app, pilot, "plank")
        await advance(pilot, clock, 5)
        bells.clear()
        await pilot.press("space")  # pause
        clock.advance(60)
        assert bells == []


def key_bar_says(screen: HoldTimerScreen) -> str:
    from runstrong.widgets.key_bar import KeyBar

    return screen.query_one(KeyBar).render().plain


async def test_the_key_bar_says_what_space_and_enter_do_in_each_phase(make_app, clock: FakeClock, db_path: Path) -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_timer(app, pilot, "plank")
        assert screen.hold.phase is Phase.GET_READY
        assert "⏎ Start now" in key_bar_says(screen) and "Finish now" not in key_bar_says(screen)
        assert "space Pause" in key_bar_says(screen)

        await pilot.press("space")
        await pilot.pause()
        assert "space Resume" in key_bar_says(screen) and "Pause" not in key_bar_says(screen)
        assert "PAUSED" in on_screen(screen)
        await pilot.press("space")
        await pilot.pause()
        assert "space Pause" in key_bar_says(screen)

        await pilot.press("enter")  # "Start now": the hold begins at once
        await pilot.pause()
        assert screen.hold.phase is Phase.HOLD
        assert "⏎ Finish now" in key_bar_says(screen) and "Start now" not in key_bar_says(screen)

        await pilot.press("enter")  # "Finish now": the hold is logged and the timer's work is done
        await pilot.pause()
        assert screen.hold.phase is Phase.DONE
        assert "Close" in key_bar_says(screen) and "Finish now" not in key_bar_says(screen)
    assert len([s for s in stored_sets(db_path, "plank") if s.done]) == 1


async def test_between_quick_timer_sets_enter_ends_the_rest(make_app, clock: FakeClock) -> None:
    quick = quick_timer_from_args(build_parser().parse_args(["timer", "20", "--sets", "2", "--rest", "30", "--no-log"]), load_catalog())
    app = make_app(quick=quick)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = timer(app)
        await advance(pilot, clock, 5 + 20 + 0.5)  # the count, then the first hold
        assert screen.hold.phase is Phase.REST
        assert "⏎ End rest" in key_bar_says(screen)
        await pilot.press("enter")
        await pilot.pause()
        assert screen.hold.phase is not Phase.REST and "End rest" not in key_bar_says(screen)


async def test_a_running_hold_redraws_only_when_the_shown_second_changes(make_app, clock: FakeClock) -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_timer(app, pilot, "plank")
        await advance(pilot, clock, 5.2)  # into the hold, 29.8 s left: "0:30" shows
        draws: list[str] = []
        original = screen._draw
        screen._draw = lambda phase, shown: (draws.append(f"{phase.label} {shown}"), original(phase, shown))  # type: ignore[method-assign]
        bar = screen.query_one("#timer-progress")
        progress_before = bar.progress  # type: ignore[attr-defined]
        for _ in range(5):  # polls within the same shown second draw nothing, not even the bar
            clock.advance(0.1)
            screen.poll()
        assert draws == [] and bar.progress == progress_before  # type: ignore[attr-defined]
        clock.advance(0.5)  # 29.2 s left: the digits turn to 0:29, the bar moves in the same frame
        screen.poll()
        assert draws == ["HOLD 29"] and bar.progress > progress_before  # type: ignore[attr-defined]
        assert screen.query_one(Digits).value == "0:29"


async def test_durations_read_the_same_on_today_history_and_the_timer(make_app, clock: FakeClock, db_path: Path) -> None:
    from textual.widgets import Input

    from runstrong.widgets.set_checklist import ChecklistBody

    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        today = app.screen
        assert isinstance(today, TodayScreen)
        today.checklist.cursor = next(i for i, s in enumerate(today.checklist.slots) if s.exercise_id == "plank")
        await pilot.press("e")
        app.screen.query_one("#hold-input", Input).value = "65"
        await pilot.press("enter", "space")
        await pilot.pause()
        assert "✓ 1:05" in str(app.screen.query_one(ChecklistBody).render())  # not "65s"
        await pilot.press("h", "enter")
        await pilot.pause()
        table = app.screen.table  # type: ignore[attr-defined]
        rows = [[str(cell) for cell in table.get_row_at(i)] for i in range(table.row_count)]
        plank = next(row for row in rows if row[0] == "Plank" and row[-1] != "skipped")
        assert plank[5] == "1:05"  # History's detail, the same way
    quick_app = make_app(quick=quick("65", "--lead", "0"))
    async with quick_app.run_test(size=(80, 24)) as pilot:
        screen = timer(quick_app)
        assert screen.query_one(Digits).value == "1:05"
        await advance(pilot, clock, 65.5)
        assert "Hold complete · held 1:05" in on_screen(screen)  # not "1 min 05 s"
