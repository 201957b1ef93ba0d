"""History, driven as a runner would: browse, filter, open, undo; checked against the file on disk."""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path

from textual.widgets import Input, Label

from runstrong.core.models import Session, Side
from runstrong.core.plan import PlannedSet
from runstrong.screens.help import HelpScreen
from runstrong.screens.history import PAGE_SIZE, HistoryScreen
from runstrong.screens.session_detail import SessionDetailScreen
from runstrong.screens.today import TodayScreen
from runstrong.store import Store
from runstrong.widgets.week_calendar import WeekCalendar

SUNDAY = date(2026, 11, 22)  # the FakeClock's day


def training_slots() -> list[PlannedSet]:
    return [
        PlannedSet("squat", "Squat", 1, None, 10, None),
        PlannedSet("squat", "Squat", 2, None, 10, None),
        PlannedSet("side-plank", "Side plank", 1, Side.LEFT, None, 30),
        PlannedSet("side-plank", "Side plank", 1, Side.RIGHT, None, 30),
        PlannedSet("plank", "Plank", 1, None, None, 45),
    ]


def log_session(store: Store, day: date, *, slots: list[PlannedSet] | None = None, load_kg: float = 40.0,
                left_hold_s: int = 24, skip_last: bool = False) -> Session:
    """A session on `day` ticked a minute apart through the store, as Today would log it."""
    slots = training_slots() if slots is None else slots
    session = store.start_session(
        date=day.isoformat(), started_at=f"{day}T18:00:00+01:00", program_id="beginner",
        program="Beginner (2 days/week)", day="Workout A", day_index=0, slots=slots,
    )
    todo = session.sets[:-1] if skip_last else session.sets
    for minute, slot in enumerate(todo):
        if slot.target_reps is not None:
            store.edit_set(slot.id, reps=slot.target_reps, load_kg=load_kg, hold_s=None)
        hold = (left_hold_s if slot.side is Side.LEFT else slot.target_hold_s) if slot.target_hold_s else None
        store.tick_set(slot.id, f"{day}T18:{minute:02d}:00+01:00", hold_s=hold)
    store.finish_session(session.id, f"{day}T18:30:00+01:00")
    return store.session(session.id)


def seed_weeks(store: Store, weeks: int, end: date = SUNDAY) -> list[Session]:
    """Monday, Wednesday and Saturday of each of the last `weeks` weeks, loads rising; oldest first."""
    monday = end - timedelta(days=end.weekday()) - timedelta(weeks=weeks - 1)
    sessions = []
    for week in range(weeks):
        for offset in (0, 2, 5):
            day = monday + timedelta(weeks=week, days=offset)
            if day <= end:
                sessions.append(log_session(store, day, load_kg=40 + 2.5 * week))
    return sessions


def history(app) -> HistoryScreen:  # type: ignore[no-untyped-def]
    screen = app.screen
    assert isinstance(screen, HistoryScreen)
    return screen


def status(app) -> str:  # type: ignore[no-untyped-def]
    return str(app.screen.query_one("#history-status", Label).render())


async def test_an_empty_history_says_how_to_start(make_app) -> None:
    app = make_app(start="history")
    async with app.run_test(size=(80, 24)):
        assert "No sessions yet" in status(app)
        assert history(app).table.row_count == 0


async def test_sessions_are_listed_newest_first_with_their_totals(make_app, store: Store) -> None:
    older = log_session(store, SUNDAY - timedelta(days=3), load_kg=40, skip_last=True)
    newer = log_session(store, SUNDAY, load_kg=50)
    app = make_app(start="history")
    async with app.run_test(size=(80, 24)):
        table = history(app).table
        assert [s.id for s in table.summaries] == [newer.id, older.id]
        cells = list(table.row_text(1).values())
        # 4 of 5 sets; 20 reps; 24 + 30 s held; 2 × 10 × 40 kg; first to last tick 3 minutes.
        assert cells[0] == "2026-11-19" and cells[1].startswith("Workout A · Beginner")
        assert cells[2:] == ["4/5", "3:00", "20", "0:54", "800 kg"]
        assert "2 of 2 sessions" in status(app)


async def test_more_sessions_load_as_the_cursor_nears_the_end(make_app, store: Store) -> None:
    seed_weeks(store, 30)  # 90 sessions: more than two pages
    app = make_app(start="history")
    async with app.run_test(size=(80, 24)) as pilot:
        table = history(app).table
        assert len(table.summaries) == PAGE_SIZE
        await pilot.press("end")
        await pilot.pause()
        assert len(table.summaries) == 2 * PAGE_SIZE
        await pilot.press("end")
        await pilot.pause()
        assert len(table.summaries) == 90
        dates = [s.date for s in table.summaries]
        assert dates == sorted(dates, reverse=True) and len({s.id for s in table.summaries}) == 90
        assert "90 of 90 sessions" in status(app)


async def test_scrolling_the_view_to_the_bottom_loads_more(make_app, store: Store) -> None:
    seed_weeks(store, 20)  # 60 sessions
    app = make_app(start="history")
    async with app.run_test(size=(80, 24)) as pilot:
        table = history(app).table
        table.scroll_end(animate=False, immediate=True)  # as a mouse wheel would, cursor untouched
        await pilot.pause()
        assert table.cursor_row == 0
        assert len(table.summaries) == 60


async def test_filter_by_exercise_with_suggestions(make_app, store: Store) -> None:
    log_session(store, SUNDAY - timedelta(days=7))
    only_plank = log_session(store, SUNDAY, slots=[PlannedSet("plank", "Plank", 1, None, None, 45)])
    app = make_app(start="history")
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("slash")
        field = app.screen.query_one("#filter-exercise", Input)
        assert field.has_focus
        await pilot.press(*"squ")
        await pilot.press("enter")
        await pilot.pause()
        # "squ" was read as the squat; the list narrowed and the focus went back to it.
        assert field.value == "Squat"
        table = history(app).table
        assert only_plank.id not in [s.id for s in table.summaries] and len(table.summaries) == 1
        assert table.has_focus
        assert "matching the filter" in status(app)

        await pilot.press("c")
        await pilot.pause()
        assert len(table.summaries) == 2 and field.value == ""


async def test_filter_by_dates_and_a_bad_date_is_shown_at_the_field(make_app, store: Store) -> None:
    seed_weeks(store, 4)
    app = make_app(start="history")
    async with app.run_test(size=(80, 24)) as pilot:
        table = history(app).table
        before = [s.id for s in table.summaries]
        await pilot.press("slash", "tab")
        await pilot.press(*"2026-13-01", "enter")
        await pilot.pause()
        error = str(app.screen.query_one("#filter-error", Label).render())
        assert "From" in error and "2026-13-01" in error and "YYYY-MM-DD" in error
        assert app.screen.query_one("#filter-from", Input).has_class("-invalid")
        assert [s.id for s in table.summaries] == before  # nothing applied

        from_field = app.screen.query_one("#filter-from", Input)
        from_field.value = "2026-11-16"
        from_field.focus()
        await pilot.press("enter")
        await pilot.pause()
        assert [s.date for s in table.summaries] == ["2026-11-21", "2026-11-18", "2026-11-16"]
        assert not app.screen.query_one("#filter-error", Label).display

        await pilot.press("slash", "tab", "tab")
        await pilot.press(*"2026-11-01", "enter")
        await pilot.pause()
        assert "before From" in str(app.screen.query_one("#filter-error", Label).render())


async def test_a_month_or_a_year_is_a_date_range(make_app, store: Store) -> None:
    seed_weeks(store, 8)
    app = make_app(start="history")
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("slash", "tab", *"2026-10", "tab", *"2026-10", "enter")
        await pilot.pause()
        dates = [s.date for s in history(app).table.summaries]
        assert dates and all(d.startswith("2026-10") for d in dates)


async def test_enter_opens_the_session_and_escape_comes_back(make_app, store: Store) -> None:
    sessions = seed_weeks(store, 2)
    app = make_app(start="history")
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("down", "enter")
        assert isinstance(app.screen, SessionDetailScreen)
        assert app.screen.session_id == sessions[-2].id
        await pilot.press("escape")
        assert isinstance(app.screen, HistoryScreen)
        assert history(app).table.current.id == sessions[-2].id


async def test_the_calendar_counts_weeks_and_the_streak(make_app, store: Store) -> None:
    seed_weeks(store, 6)
    app = make_app(start="history")
    async with app.run_test(size=(80, 24)):
        calendar = app.screen.query_one(WeekCalendar)
        # This week (from Monday 16 Nov) has Monday, Wednesday and Saturday: 3 of 2 needed.
        assert calendar.streak == 6
        text = str(calendar.render())
        assert "streak 6 wk of 2+" in text and "this week 3" in text


async def test_keys_that_work_everywhere_still_work(make_app, store: Store) -> None:
    log_session(store, SUNDAY)
    app = make_app(start="history")
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("question_mark")
        assert isinstance(app.screen, HelpScreen)
        await pilot.press("escape")
        await pilot.press("t")
        assert isinstance(app.screen, TodayScreen)
        await pilot.press("h")
        assert isinstance(app.screen, HistoryScreen)
        await pilot.press("escape")
        assert isinstance(app.screen, TodayScreen)
        await pilot.press("h", "q")
    assert app.return_code == 0


async def test_a_deleted_session_leaves_the_list_and_u_brings_it_back(
    make_app, store: Store, db_path: Path
) -> None:
    kept = log_session(store, SUNDAY - timedelta(days=2))
    doomed = log_session(store, SUNDAY)
    app = make_app(start="history")
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("enter", "D", "y")
        await pilot.pause()
        assert isinstance(app.screen, HistoryScreen)
        assert [s.id for s in history(app).table.summaries] == [kept.id]
        fresh = Store.open(db_path)
        try:
            assert [s.id for s in fresh.history_page()] == [kept.id]
        finally:
            fresh.close()

        await pilot.press("u")
        await pilot.pause()
        assert [s.id for s in history(app).table.summaries] == [doomed.id, kept.id]
        fresh = Store.open(db_path)
        try:
            assert [s.id for s in fresh.history_page()] == [doomed.id, kept.id]
            assert fresh.session(doomed.id).sets == doomed.sets
        finally:
            fresh.close()


async def test_the_list_shows_what_today_logged_meanwhile(make_app, store: Store) -> None:
    app = make_app(start="history")
    async with app.run_test(size=(80, 24)) as pilot:
        assert history(app).table.row_count == 0
        await pilot.press("t", "space", "h")
        await pilot.pause()
        assert history(app).table.row_count == 1
        assert history(app).table.summaries[0].sets_done == 1


async def test_the_session_column_fits_the_terminal(make_app, store: Store) -> None:
    log_session(store, SUNDAY)
    app = make_app(start="history")
    async with app.run_test(size=(80, 24)) as pilot:
        table = history(app).table
        assert table.virtual_size.width <= table.scrollable_content_region.width
        await pilot.resize_terminal(120, 36)
        await pilot.pause()
        assert dict((column.key, width) for column, width in table.columns)["session"] > 40
        assert table.virtual_size.width <= table.scrollable_content_region.width


async def test_a_narrow_terminal_drops_whole_columns_rather_than_scrolling_sideways(make_app, store: Store) -> None:
    log_session(store, SUNDAY)
    app = make_app(start="history")
    async with app.run_test(size=(60, 24)):
        table = history(app).table
        shown = [column.key for column, _ in table.columns]
        # 59 cells: date, a 16-cell session column and what else fits; volume goes first.
        assert "volume" not in shown and shown[:3] == ["date", "session", "sets"]
        assert sum(width + 2 for _, width in table.columns) <= table.scrollable_content_region.width


async def test_a_click_highlights_a_session_and_a_second_click_opens_it(make_app, store: Store) -> None:
    older = log_session(store, SUNDAY - timedelta(days=3))
    log_session(store, SUNDAY)
    app = make_app(start="history")
    async with app.run_test(size=(80, 24)) as pilot:
        table = history(app).table
        # Line 0 of the list is its header; the second session is on line 2.
        await pilot.click(table, offset=(15, 2))
        await pilot.pause()
        assert table.cursor_row == 1 and isinstance(app.screen, HistoryScreen)
        await pilot.click(table, offset=(15, 2))
        await pilot.pause()
        assert isinstance(app.screen, SessionDetailScreen) and app.screen.session_id == older.id


async def test_history_opens_without_reading_the_catalog(make_app, store: Store) -> None:
    from runstrong.core.catalog import load_catalog

    log_session(store, SUNDAY)
    load_catalog.cache_clear()
    app = make_app(start="history")
    async with app.run_test(size=(80, 24)) as pilot:
        assert history(app).table.row_count == 1
        assert load_catalog.cache_info().currsize == 0
        await pilot.press("slash")  # the filter suggests exercise names: now it is read
        assert load_catalog.cache_info().currsize == 1
