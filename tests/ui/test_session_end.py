"""Nothing in progress lost by one key, and the end of a session: read from the screen and the file."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from textual.widgets import Label

from runstrong.core.holdclock import Phase
from runstrong.core.models import Session
from runstrong.core.plan import PlannedSet
from runstrong.screens.confirm import ConfirmScreen
from runstrong.screens.finish_session import FinishSessionScreen
from runstrong.screens.hold_timer import HoldTimerScreen
from runstrong.screens.today import TodayScreen
from runstrong.store import Store
from runstrong.widgets.rest_bar import RestBar

if TYPE_CHECKING:
    from tests.conftest import FakeClock


def newest_session(db_path: Path) -> Session:
    fresh = Store.open(db_path)
    try:
        (newest,) = fresh.conn.execute("SELECT max(id) FROM sessions").fetchone()
        return fresh.session(newest)
    finally:
        fresh.close()


def toasts(app) -> list[str]:  # type: ignore[no-untyped-def]
    return [f"{n.title}: {n.message}" for n in app._notifications]


def label(screen, selector: str) -> str:  # type: ignore[no-untyped-def]
    return str(screen.query_one(selector, Label).render())


async def start_plank_hold(app, pilot, clock: FakeClock) -> HoldTimerScreen:  # type: ignore[no-untyped-def]
    today = app.screen
    assert isinstance(today, TodayScreen)
    today.checklist.cursor = next(i for i, s in enumerate(today.checklist.slots) if s.exercise_id == "plank")
    await pilot.press("t")
    timer = app.screen
    assert isinstance(timer, HoldTimerScreen)
    clock.advance(5)  # the 5 s get-ready count
    timer.poll()
    clock.advance(12)  # 12 s into a 30 s plank
    timer.poll()
    await pilot.pause()
    return timer


# -- item 4: one key never drops what is in progress ------------------------------------------


async def test_q_during_a_hold_asks_and_no_goes_back_to_the_running_hold(make_app, clock: FakeClock, db_path: Path) -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        timer = await start_plank_hold(app, pilot, clock)
        for key in ("q", "ctrl+q"):
            await pilot.press(key)
            assert isinstance(app.screen, ConfirmScreen)
            # The hold runs on while the question is up, so no number is promised: y logs what is
            # held when it is answered (see the next test).
            assert label(app.screen, ".dialog-title") == "A hold is running. Log it and quit?"
            assert "y logs the time held until you answer" in label(app.screen, "#confirm-detail")
            await pilot.press("n")
            assert app.screen is timer and app.is_running
        assert label(timer, "#timer-phase") == "HOLD"


async def test_yes_logs_the_seconds_held_then_quits(make_app, clock: FakeClock, db_path: Path) -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await start_plank_hold(app, pilot, clock)
        await pilot.press("q", "y")
        await pilot.pause()
        assert not app.is_running
    plank = [s for s in newest_session(db_path).sets if s.exercise_id == "plank"]
    assert [(s.done, s.hold_s) for s in plank] == [(True, 12), (False, None), (False, None)]


async def test_yes_logs_the_time_held_when_answered_not_when_asked(make_app, clock: FakeClock, db_path: Path) -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await start_plank_hold(app, pilot, clock)  # 12 s held when q is pressed
        await pilot.press("q")
        clock.advance(4)  # the runner reads the question for 4 s: 12 + 4 = 16 s held
        await pilot.press("y")
        await pilot.pause()
        assert not app.is_running
    plank = [s for s in newest_session(db_path).sets if s.exercise_id == "plank"]
    assert [(s.done, s.hold_s) for s in plank] == [(True, 16), (False, None), (False, None)]


async def test_yes_does_not_quit_when_the_hold_cannot_be_saved(make_app, clock: FakeClock, db_path: Path) -> None:
    from test_cannot_save import done_on_file, fill_to_the_brim

    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        timer = await start_plank_hold(app, pilot, clock)
        fill_to_the_brim(app.store.conn)  # the disk is full: the hold's save fails
        await pilot.press("q", "y")
        await pilot.pause()
        assert app.is_running and app.screen is timer
        assert timer.hold.phase is Phase.DONE  # stopped, on its summary
        assert label(timer, "#summary-title") == "NOT SAVED: 1 of 1 hold · 0:12 held"
        assert any("Hold NOT saved" in m for m in toasts(app))
    assert done_on_file(db_path) == 0


async def test_f_with_sets_left_asks_and_says_how_many(make_app, db_path: Path) -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("space", "space", "f")
        assert isinstance(app.screen, FinishSessionScreen)
        assert label(app.screen, "#finish-question") == "Finish with 16 sets left?"
        await pilot.press("enter")  # the safe answer has the focus: keep going
        assert isinstance(app.screen, TodayScreen)
        assert newest_session(db_path).finished_at is None
        await pilot.press("f", "y")
        await pilot.pause()
        assert newest_session(db_path).finished_at is not None


async def test_switching_program_says_the_half_done_session_is_kept_and_resumes_it(make_app, db_path: Path) -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("space", "space", "p", "down", "enter")
        await pilot.pause()
        assert any(
            "Workout A of Beginner (2 days/week) is kept as it is (2 of 18 sets done): "
            "switch back to Beginner (2 days/week) today to carry on" in toast
            for toast in toasts(app)
        )
        await pilot.press("p", "up", "enter")
        await pilot.pause()
        today = app.screen
        assert isinstance(today, TodayScreen)
        assert "2 / 18 sets done" in label(today, "#summary")


# -- item 5: the end of a session ----------------------------------------------------------


def squat_session(store: Store, day: str, load_kg: float) -> None:
    """An earlier finished session (Workout B, so Today shows Workout A): three squat sets of 12
    at `load_kg`."""
    slots = [PlannedSet("squat", "Squat", n, None, 12, None) for n in (1, 2, 3)]
    session = store.start_session(
        date=day, started_at=f"{day}T09:00:00+01:00", program_id="beginner",
        program="Beginner (2 days/week)", day="Workout B", day_index=1, slots=slots,
    )
    for minute, logged in enumerate(session.sets):
        store.edit_set(logged.id, reps=12, load_kg=load_kg, hold_s=None)
        store.tick_set(logged.id, f"{day}T09:0{minute}:00+01:00")
    store.finish_session(session.id, f"{day}T10:00:00+01:00")


async def test_a_set_that_beats_a_record_says_so_at_once(make_app, store: Store) -> None:
    squat_session(store, "2026-11-15", 40.0)
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        # Last time 3 × 12 @ 40 kg, all done: double progression makes today's target 13 reps.
        # 13 × 45 kg against a best of 12 × 40 kg: a heavier load and more reps; 13 reps give no
        # e1RM (over 10), so exactly two records.
        await pilot.press("e", "tab", "4", "5", "enter")  # not done yet: nothing beaten
        assert not any("record" in toast for toast in toasts(app))
        await pilot.press("space")
        assert toasts(app)[-1] == (
            "★ New record: Squat: heaviest load 45 kg (was 40 kg)\nSquat: most reps 13 reps (was 12 reps)"
        )
        count = len(toasts(app))
        await pilot.press("k", "e", "enter")  # saved again unchanged: the same record, no repeat
        assert toasts(app)[-1] == ": Saved Squat set 1" and len(toasts(app)) == count + 1


async def test_the_first_time_an_exercise_is_done_no_set_is_called_a_record(make_app) -> None:
    # No squat before today: set 2 heavier than set 1 beats nothing that stood, as the summary says.
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("e", "tab", "4", "0", "enter", "space")  # squat 1: 12 × 40 kg
        await pilot.press("e", "tab", "4", "5", "enter", "space")  # squat 2: 12 × 45 kg
        assert not any("record" in toast.lower() for toast in toasts(app))


async def test_after_the_last_set_the_summary_offers_to_finish(make_app, store: Store, db_path: Path) -> None:
    squat_session(store, "2026-11-15", 40.0)
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        today = app.screen
        assert isinstance(today, TodayScreen)
        await pilot.press("e", "tab", "5", "0", "enter")  # squat set 1: 13 × 50 kg
        for _ in range(18):
            await pilot.press("space")
        assert isinstance(app.screen, FinishSessionScreen)
        summary = label(app.screen, "#finish-summary")
        # Last time 3 × 12 @ 40 kg, all done: today's target is 3 × 13 @ 40 kg (double
        # progression). Set 1 was edited to 50 kg and the load follows the lifter (issue 11
        # item 1), so sets 2 and 3 are 50 kg too. 18 sets; volume 3 × 13 × 50 = 1950 kg; planks
        # 3 × 30 s = 90 s held; the clock stood still, so 0:00; two records (50 kg
        # against 40 kg, 13 reps against 12).
        assert summary.splitlines() == [
            "18 of 18 sets",
            "volume 1950 kg · held 1:30 · 0:00 from first to last set",
            "Records broken: 2",
            "  ★ Squat: heaviest load 50 kg (was 40 kg)",
            "  ★ Squat: most reps 13 reps (was 12 reps)",
        ]
        await pilot.press("enter")  # the offer: enter finishes
        await pilot.pause()
    fresh = Store.open(db_path)
    try:
        assert fresh.conn.execute("SELECT count(*) FROM sessions WHERE finished_at IS NOT NULL").fetchone()[0] == 2
    finally:
        fresh.close()


async def test_undo_puts_the_cursor_on_the_first_open_set_and_an_undone_tick_stops_its_rest(make_app) -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        today = app.screen
        assert isinstance(today, TodayScreen)
        await pilot.press("space", "space", "space")  # squat sets 1-3; a rest runs
        rest = today.query_one(RestBar)
        assert rest.running
        await pilot.press("u")  # undo the tick of set 3
        assert not rest.running
        assert today.checklist.cursor == 2
        await pilot.press("space", "home", "space")  # tick set 3 again, untick set 1
        assert today.checklist.cursor == 0
        await pilot.press("u")  # set 1 is ticked again: the first open set is lunge set 1
        assert today.checklist.cursor == 3


async def test_when_the_last_set_is_a_hold_the_offer_waits_for_the_timer_to_close(make_app, clock: FakeClock) -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        today = app.screen
        assert isinstance(today, TodayScreen)
        slots = today.checklist.slots
        last_plank = max(i for i, s in enumerate(slots) if s.exercise_id == "plank")
        for index in range(len(slots)):
            if index != last_plank:
                today.on_toggle(today.checklist.Toggle(index))  # as a click on each box
        today.checklist.cursor = last_plank
        await pilot.press("t")
        timer = app.screen
        assert isinstance(timer, HoldTimerScreen)
        clock.advance(5 + 30)  # get-ready, then the whole 30 s plank
        timer.poll()
        await pilot.pause()
        assert app.screen is timer  # the timer's summary is not covered by the offer
        await pilot.press("enter")  # close the timer
        await pilot.pause()
        assert isinstance(app.screen, FinishSessionScreen)
        assert label(app.screen, "#finish-question") == "Every set is done. Finish the session?"


async def test_session_time_is_the_real_seconds_everywhere(make_app, clock: FakeClock, db_path: Path) -> None:
    # First tick, then 97 s later the second: 97 s = 1:37, not cut to 1:00, on the footer, in
    # the finish summary and in History (one rule, written one way).
    from runstrong.core.session_report import session_report
    from runstrong.screens.finish_session import summary_lines
    from runstrong.widgets.history_table import format_session_length

    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        today = app.screen
        assert isinstance(today, TodayScreen)
        await pilot.press("space")
        clock.advance(97)
        today.update_summary()
        assert "1:37 since the first tick" in label(today, "#summary")
        await pilot.press("space")
        await pilot.pause()
    session = newest_session(db_path)
    report = session_report(session.sets, {})
    assert report.duration_s == 97
    assert "1:37 from first to last set" in summary_lines(report, app.settings.unit)[1]
    fresh = Store.open(db_path)
    try:
        [summary] = fresh.history_page()
    finally:
        fresh.close()
    assert summary.duration_s == 97 and format_session_length(summary.duration_s) == "1:37"
