"""Exercise progress: charts of bests, personal records and left/right balance from real logs."""

from __future__ import annotations

from datetime import timedelta

from test_history import SUNDAY, log_session, seed_weeks
from textual.widgets import OptionList

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
        title, top, bottom, axis = body_text(screen)[:4]
        assert title.startswith("Best load (kg)") and "last 47.5 · max 47.5 · min 40" in title
        # Four days, 40 → 47.5 kg, spread over the chart: rising bars, dates under the ends.
        assert bottom.startswith("▁") and top.endswith("█") and axis.split() == ["2026-10-26", "2026-11-21"]

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
        # 24 s against 30 s: 6 / 30 = 20 %.
        assert balance[1].split() == ["Hold", "·", "all", "time", "0:24", "0:30", "20.0", "%", "⚠", "left", "weaker"]


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
