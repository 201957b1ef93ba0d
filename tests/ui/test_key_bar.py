"""The key bar at the bottom of every screen: what it shows, and that a click presses the key."""

from __future__ import annotations

from test_history import SUNDAY, log_session

from runstrong.screens.history import HistoryScreen
from runstrong.screens.today import TodayScreen
from runstrong.store import Store
from runstrong.widgets.key_bar import KeyBar


def shown(bar: KeyBar) -> list[str]:
    return [span.key.description for span in bar.spans]


async def test_it_shows_the_screens_keys_and_the_palette_on_the_right(make_app) -> None:
    app = make_app(start="history")
    async with app.run_test(size=(80, 24)):
        bar = app.screen.query_one(KeyBar)
        assert shown(bar) == ["Open", "Today", "Progress", "Undo", "History", "Help", "Quit", "palette"]
        line = bar.render().plain
        assert line.startswith(" ⏎ Open  esc Today ") and line.endswith("▏^p palette ") and len(line) == 80


async def test_a_click_on_a_key_presses_it(make_app, store: Store) -> None:
    log_session(store, SUNDAY)
    app = make_app(start="history")
    async with app.run_test(size=(80, 24)) as pilot:
        bar = app.screen.query_one(KeyBar)
        today = next(span for span in bar.spans if span.key.description == "Today")
        await pilot.click(KeyBar, offset=(today.start + 1, 0))
        await pilot.pause()
        assert isinstance(app.screen, TodayScreen)


async def test_keys_that_do_not_fit_are_left_off_whole(make_app, store: Store) -> None:
    log_session(store, SUNDAY)
    app = make_app(start="history")
    async with app.run_test(size=(50, 24)) as pilot:
        assert isinstance(app.screen, HistoryScreen)
        bar = app.screen.query_one(KeyBar)
        line = bar.render().plain
        assert len(line) == 50 and line.endswith("▏^p palette ")
        # Every key shown is shown whole; the rest wait for `?`.
        for span in bar.spans[:-1]:
            assert line[span.start:span.end].strip().endswith(span.key.description)
        assert "Quit" not in shown(bar)
        await pilot.press("question_mark")
        assert any(label.startswith("Quit") for _, label in app.screen.keys)


async def test_a_bar_too_narrow_for_its_keys_says_more_exist_and_a_click_opens_help(make_app, store: Store) -> None:
    from runstrong.screens.help import HelpScreen

    log_session(store, SUNDAY)
    app = make_app(start="history")
    async with app.run_test(size=(50, 24)) as pilot:
        bar = app.screen.query_one(KeyBar)
        assert shown(bar)[-2:] == ["more keys", "palette"]
        assert "? more keys" in bar.render().plain
        more = bar.spans[-2]
        await pilot.click(KeyBar, offset=(more.start + 1, 0))
        await pilot.pause()
        assert isinstance(app.screen, HelpScreen)


async def test_a_bar_with_room_for_every_key_has_no_more_marker(make_app) -> None:
    app = make_app(start="history")
    async with app.run_test(size=(120, 24)):
        assert "more keys" not in shown(app.screen.query_one(KeyBar))
