"""Today's targets and header against what is stored (notes/newuser.md items 2 and 5), through
the real app on a real database file."""

from __future__ import annotations

from datetime import date

from textual.widgets import Label

from runstrong.core.running import Priority, Run, RunKind, parse_week_spec
from runstrong.screens.today import TodayScreen
from runstrong.store import Store


def detail(screen: TodayScreen) -> str:
    return str(screen.query_one("#set-detail", Label).render())


def header(screen: TodayScreen, name: str) -> str:
    return next(card.prescription for card in screen.checklist.cards if card.name == name)


async def test_after_a_restart_the_open_session_is_not_its_own_last_time(make_app) -> None:  # type: ignore[no-untyped-def]
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("space")  # Squat set 1: 12 reps
        await pilot.pause()
    again = make_app()
    async with again.run_test(size=(80, 24)) as pilot:
        today = again.screen
        assert isinstance(today, TodayScreen)
        await pilot.pause()
        # The cursor is on set 2; the target still comes from before this session: none.
        assert detail(today) == "Squat · set 2 · first time: 3 × 12"
        assert header(today, "Squat") == "3 × 12"


async def test_a_race_added_mid_session_leaves_the_stored_header_alone(make_app, db_path) -> None:  # type: ignore[no-untyped-def]
    # Sunday 22 Nov 2026 with a running week and no race: week 151 from the 2024-01-01 anchor
    # (1050 days = 150 whole weeks), block 150 // 4 = 37 → 37 % 3 = 1: strength, week 3 (build):
    # reps × 0.75, so Squat 3 × 12 is stored as 3 × 9.
    setup = Store.open(db_path)
    setup.save_running_week(parse_week_spec(["mon=easy", "wed=easy", "sat=long"]))
    setup.close()
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        today = app.screen
        assert isinstance(today, TodayScreen)
        await pilot.press("space")
        await pilot.pause()
        assert header(today, "Squat") == "3 × 9"
        # A race tomorrow makes today a taper day (sets × 0.5 → 2, reps × 1 → 12) for a session
        # not yet started; this one is stored with 3 sets of 9 and keeps saying so.
        app.store.add_run(Run(date(2026, 11, 23), RunKind.RACE, 21.1, "Zurich Half", Priority.A))
        await today.load()
        await pilot.pause()
        assert header(today, "Squat") == "3 × 9"
        assert len([s for s in today.checklist.slots if s.exercise_id == "squat"]) == 3
        assert "taper" not in detail(today)
