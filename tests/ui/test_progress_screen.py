"""Exercise progress: charts of bests, personal records and left/right balance from real logs."""

from __future__ import annotations

from datetime import timedelta

from test_history import SUNDAY, log_session, seed_weeks
from textual.widgets import OptionList

from runstrong.core.models import Side
from runstrong.core.plan import PlannedSet

from runstrong.screens.history import HistoryScreen
from runstrong.screens.progress import (
    ExercisePickerScreen,
    ProgressScreen,
    aligned,
    balance_rows,
)
from runstrong.store import Store
from runstrong.widgets.progress_body import ProgressBody


def chart_titles(screen: ProgressScreen) -> list[str]:
    return [chart.title for chart in screen.charts]


def body_text(screen: ProgressScreen) -> list[str]:
    return screen.query_one(ProgressBody).text()


def section(screen: ProgressScreen, heading: str) -> list[str]:
    """The lines under `heading` (its table, header first), as drawn."""
    lines = body_text(screen)
    start = next(n for n, line in enumerate(lines) if line.startswith(heading)) + 1
    end = next((n for n in range(start, len(lines)) if not lines[n]), len(lines))
    return lines[start:end]


async def open_progress(pilot, name: str) -> ProgressScreen:  # type: ignore[no-untyped-def]
    """`p` on History, then pick `name` in the list."""
    await pilot.press("p")
    picker = pilot.app.screen
    assert isinstance(picker, ExercisePickerScreen)
    options = picker.query_one(OptionList)
    names = [str(options.get_option_at_index(i).prompt) for i in range(options.option_count)]
    options.highlighted = names.index(name)
    await pilot.press("enter")
    await pilot.pause()
    screen = pilot.app.screen
    assert isinstance(screen, ProgressScreen)
    return screen


async def test_the_picker_lists_what_was_logged(make_app, store: Store) -> None:
    log_session(store, SUNDAY)
    app = make_app(start="history")
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("p")
        options = app.screen.query_one(OptionList)
        assert [str(options.get_option_at_index(i).prompt) for i in range(options.option_count)] == [
            "Plank", "Side plank", "Squat",
        ]
        await pilot.press("escape")
        assert isinstance(app.screen, HistoryScreen)


async def test_a_loaded_exercise_charts_load_reps_and_1rm_with_its_records(make_app, store: Store) -> None:
    seed_weeks(store, 4)  # squats 2 × 10 at 40, 42.5, 45, 47.5 kg, a week each
    app = make_app(start="history")
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_progress(pilot, "Squat")
        assert chart_titles(screen) == ["Best load (kg)", "Best reps", "Est. 1RM (kg, sets ≤ 10 reps)"]
        load = screen.charts[0]
        assert load.points[0] == (SUNDAY - timedelta(days=27), 40.0)
        assert load.points[-1] == (SUNDAY - timedelta(days=1), 47.5)
        lines = body_text(screen)
        assert lines[0].startswith("Charts:") and "[all]" in lines[0]
        title, *chart = lines[2:13]
        assert title.startswith("Best load (kg)") and "last 47.5 · max 47.5 · min 40" in title
        # A value axis from zero in round steps (0, 20, 40, 60 kg), labelled on the left.
        axis_labels = [line.split("┤")[0].strip() for line in chart if "┤" in line]
        assert axis_labels == ["60", "40", "20", "0"]
        # Twelve training days over four weeks: twelve separate points, not bars.
        assert sum(line.count("●") for line in chart) == 12 and "█" not in "".join(chart)
        # Dates under the axis, from the first day to the last.
        assert chart[-1].split()[0] == "2026-10-26" and chart[-1].split()[-1] == "2026-11-21"

        records = section(screen, "Personal records")
        # Newest first: the heaviest load came on the last Monday of the rises.
        assert records[1].split() == ["2026-11-16", "heaviest", "load", "47.5", "kg", "★"]
        assert any("most reps" in line for line in records) and any("estimated 1RM" in line for line in records)
        assert not any(line.startswith("Left vs right") for line in body_text(screen))  # two-sided
        await pilot.press("escape")
        assert isinstance(app.screen, HistoryScreen)


async def test_a_per_side_hold_shows_balance_flagged_over_ten_percent(make_app, store: Store) -> None:
    log_session(store, SUNDAY - timedelta(days=2), left_hold_s=24)  # right holds the full 30 s
    app = make_app(start="history")
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_progress(pilot, "Side plank")
        assert chart_titles(screen) == ["Longest hold"]
        balance = section(screen, "Left vs right")
        # One day, one set a side: 24 s against 30 s, best and average alike: 6 / 30 = 20 %.
        assert balance[1].split() == ["Hold", "best", "·", "all", "time", "1", "0:24", "0:30", "20.0", "%", "⚠", "left", "weaker"]
        assert balance[2].split() == ["Hold", "avg", "·", "all", "time", "1", "0:24", "0:30", "20.0", "%", "⚠", "left", "weaker"]


async def test_an_even_balance_is_ok(make_app, store: Store) -> None:
    log_session(store, SUNDAY, left_hold_s=29)  # 1 / 30 = 3.3 %
    app = make_app(start="history")
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_progress(pilot, "Side plank")
        assert section(screen, "Left vs right")[1].endswith("3.3 %  ok")


async def test_the_picker_starts_on_the_filtered_exercise(make_app, store: Store) -> None:
    log_session(store, SUNDAY)
    app = make_app(start="history")
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("slash", *"side plank", "enter", "p")
        await pilot.pause()
        options = app.screen.query_one(OptionList)
        assert str(options.get_option_at_index(options.highlighted).prompt) == "Side plank"


async def test_loads_are_charted_in_the_chosen_unit(make_app, store: Store) -> None:
    log_session(store, SUNDAY, load_kg=45.359237)
    store.save_settings({"unit": "lb"})
    app = make_app(start="history")
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_progress(pilot, "Squat")
        load = screen.charts[0]
        assert load.title == "Best load (lb)" and round(load.points[0][1], 6) == 100
        assert any("100 lb" in line for line in section(screen, "Personal records"))


async def test_sets_of_a_deleted_session_do_not_count(make_app, store: Store) -> None:
    kept = log_session(store, SUNDAY - timedelta(days=7), load_kg=40)
    gone = log_session(store, SUNDAY, load_kg=100)
    store.delete_session(gone.id, "2026-11-22T10:00:00+01:00")
    app = make_app(start="history")
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_progress(pilot, "Squat")
        assert [value for _, value in screen.charts[0].points] == [40.0]
        assert f"2 sets on 1 day · {kept.date}" in str(screen.query_one("#progress-title").render())


async def test_an_exercise_never_done_says_so(make_app) -> None:
    app = make_app(start="history")
    async with app.run_test(size=(80, 24)) as pilot:
        await app.push_screen(ProgressScreen("plank", "Plank"))
        await pilot.pause()
        assert body_text(app.screen) == ["No done sets of Plank yet."]


def test_aligned_pads_columns() -> None:
    lines = aligned(("a", "n"), [["long", "1"], ["x", "100"]], right=frozenset({1}))
    assert [line.plain for line in lines] == ["a       n", "long    1", "x     100"]


def test_balance_rows_skip_periods_without_both_sides() -> None:
    assert balance_rows([], SUNDAY) == []


def chart_lines(screen: ProgressScreen, title: str) -> list[str]:
    """The chart under `title`: its title line and the lines to the blank after it."""
    lines = body_text(screen)
    start = next(n for n, line in enumerate(lines) if line.startswith(title))
    end = next(n for n in range(start, len(lines)) if not lines[n])
    return lines[start:end]


async def test_one_day_of_data_is_one_point_on_an_axis_from_zero(make_app, store: Store) -> None:
    log_session(store, SUNDAY - timedelta(days=1), load_kg=42.5)
    app = make_app(start="history")
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_progress(pilot, "Squat")
        title, *chart = chart_lines(screen, "Best load (kg)")
        assert "last 42.5 · max 42.5 · min 42.5" in title
        drawn = "".join(chart)
        assert drawn.count("●") == 1 and "█" not in drawn and not any("\u2800" <= c <= "\u28ff" for c in drawn)
        assert [line.split("┤")[0].strip() for line in chart if "┤" in line] == ["60", "40", "20", "0"]
        assert chart[-1].split() == ["2026-11-21"]  # the one day, under its point


async def test_r_chooses_the_time_range_and_the_charts_follow(make_app, store: Store) -> None:
    log_session(store, SUNDAY - timedelta(days=400), load_kg=100)  # over a year ago
    log_session(store, SUNDAY - timedelta(days=200), load_kg=70)  # within the year
    log_session(store, SUNDAY - timedelta(days=10), load_kg=40)  # within 3 months
    app = make_app(start="history")
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_progress(pilot, "Squat")
        # More than a year of history: the charts open on the last year.
        assert "[1 year]" in body_text(screen)[0]
        assert "max 70 · min 40" in chart_lines(screen, "Best load (kg)")[0]
        await pilot.press("r")
        assert "[all]" in body_text(screen)[0]
        assert "max 100 · min 40" in chart_lines(screen, "Best load (kg)")[0]
        await pilot.press("r")
        assert "[3 months]" in body_text(screen)[0]
        assert "last 40 · max 40 · min 40" in chart_lines(screen, "Best load (kg)")[0]
        await pilot.press("r")
        assert "[1 year]" in body_text(screen)[0]


async def test_a_range_with_nothing_in_it_says_so(make_app, store: Store) -> None:
    log_session(store, SUNDAY - timedelta(days=500), load_kg=40)
    log_session(store, SUNDAY - timedelta(days=380), load_kg=45)
    app = make_app(start="history")
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_progress(pilot, "Squat")
        assert chart_lines(screen, "Best load (kg)")[1].strip() == "nothing in the last 1 year"


async def test_balance_compares_like_for_like_not_totals(make_app, store: Store) -> None:
    left_only = [PlannedSet("side-plank", "Side plank", 1, Side.LEFT, None, 30)]
    log_session(store, SUNDAY - timedelta(days=3), left_hold_s=24)  # left 24 s, right 30 s
    log_session(store, SUNDAY - timedelta(days=2), slots=left_only, left_hold_s=24)  # left only
    log_session(store, SUNDAY - timedelta(days=120), left_hold_s=30)  # long ago: even, 30 against 30
    app = make_app(start="history")
    async with app.run_test(size=(100, 40)) as pilot:
        screen = await open_progress(pilot, "Side plank")
        rows = [line.split() for line in section(screen, "Left vs right")[1:]]
        # Totals would say left 78 s against right 60 s, "right weaker". Per set, on the two
        # days both sides were done: left 30 and 24 (best 30, average 27), right 30 and 30.
        assert rows[0] == ["Hold", "best", "·", "all", "time", "2", "0:30", "0:30", "0.0", "%", "ok"]
        assert rows[1] == ["Hold", "avg", "·", "all", "time", "2", "0:27", "0:30", "10.0", "%", "ok"]
        # The last 12 weeks: one day, 24 against 30, 6 / 30 = 20 %.
        assert rows[2] == ["Hold", "best", "·", "last", "12", "weeks", "1", "0:24", "0:30", "20.0", "%", "⚠", "left", "weaker"]
        assert rows[3][-3:] == ["⚠", "left", "weaker"]


async def test_a_single_rep_is_one_rep_everywhere(make_app, store: Store) -> None:
    session = store.start_session(
        date=SUNDAY.isoformat(), started_at=f"{SUNDAY}T18:00:00+01:00", program_id="beginner",
        program="Beginner (2 days/week)", day="Workout A", day_index=0,
        slots=[PlannedSet("squat", "Squat", 1, None, 1, None)],
    )
    store.edit_set(session.sets[0].id, reps=1, load_kg=100, hold_s=None)
    store.tick_set(session.sets[0].id, f"{SUNDAY}T18:00:00+01:00")
    app = make_app(start="history")
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("enter")
        totals = str(app.screen.query_one("#detail-totals").render())
        assert "1 / 1 set ·" in totals and "1 rep ·" in totals and "reps" not in totals
        await pilot.press("escape")
        screen = await open_progress(pilot, "Squat")
        assert "1 set on 1 day" in str(screen.query_one("#progress-title").render())
        assert any(line.split()[-2:] == ["rep", "★"] for line in section(screen, "Personal records"))
