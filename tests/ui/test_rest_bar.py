"""The rest bar on Today: a tick starts it, `s` skips it, `r` / `+` add 15 s, and it never blocks."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from textual.widgets import Label

from runstrong.app import RunStrongApp
from runstrong.store import Store
from runstrong.widgets.rest_bar import RestBar

if TYPE_CHECKING:
    from tests.conftest import FakeClock


def rest_bar(app: RunStrongApp) -> RestBar:
    return app.screen.query_one(RestBar)


def rest_text(app: RunStrongApp) -> str:
    return str(rest_bar(app).query_one("#rest-label", Label).render())


async def advance(pilot, clock: FakeClock, seconds: float) -> None:  # type: ignore[no-untyped-def]
    clock.advance(seconds)
    rest_bar(pilot.app).poll()
    await pilot.pause()


async def test_no_rest_bar_until_a_set_is_ticked(make_app) -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)):
        bar = rest_bar(app)
        assert not bar.running and not bar.has_class("-running")
        assert bar.region.height == 0


async def test_a_tick_starts_the_rest_and_s_skips_it(make_app, clock: FakeClock) -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("space")  # squat set 1: strength work rests 90 s
        await pilot.pause()
        bar = rest_bar(app)
        assert bar.running and bar.region.height == 1
        assert rest_text(app).startswith("REST 1:30")
        await advance(pilot, clock, 30.5)
        assert rest_text(app).startswith("REST 1:00")
        await pilot.press("s")
        await pilot.pause()
        assert not bar.running and bar.region.height == 0


async def test_r_and_plus_add_fifteen_seconds(make_app, clock: FakeClock) -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("space")
        await pilot.press("r")
        assert rest_text(app).startswith("REST 1:45")
        await pilot.press("plus")
        assert rest_text(app).startswith("REST 2:00")
        assert rest_bar(app).remaining() == 120


async def test_the_rest_ends_with_a_bell_and_hides(make_app, clock: FakeClock) -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        bells: list[int] = []
        app.bell = lambda: bells.append(1)  # type: ignore[method-assign]
        await pilot.press("space")
        await advance(pilot, clock, 89.9)
        assert rest_bar(app).running and bells == []
        await advance(pilot, clock, 0.1)
        assert not rest_bar(app).running and bells == [1]
        assert any("Rest over" in n.message for n in app._notifications)


async def test_no_bell_at_the_end_of_a_rest_when_the_bell_is_off(make_app, clock: FakeClock, db_path: Path) -> None:
    app = make_app(settings={"bell": "0"})
    async with app.run_test(size=(80, 24)) as pilot:
        bells: list[int] = []
        app.bell = lambda: bells.append(1)  # type: ignore[method-assign]
        await pilot.press("space")
        await advance(pilot, clock, 100)
        assert not rest_bar(app).running and bells == []


async def test_the_rest_never_blocks_the_next_tick(make_app, clock: FakeClock, db_path: Path) -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("space")
        await advance(pilot, clock, 40)
        await pilot.press("space")  # squat set 2, mid-rest
        store = Store.open(db_path)
        try:
            session_id = store.db.conn.execute("SELECT max(id) FROM sessions").fetchone()[0]
            assert sum(s.done for s in store.session_sets(session_id)) == 2
        finally:
            store.close()
        assert rest_text(app).startswith("REST 1:30")  # a fresh rest for the new set


async def test_no_rest_between_the_left_and_right_side_of_a_set(make_app, highlight) -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        highlight(app, "lunge")
        await pilot.press("space")  # lunge set 1, left leg
        assert not rest_bar(app).running
        await pilot.press("space")  # right leg: now the set is done
        assert rest_bar(app).running and "Lunge set 1" in rest_text(app)


async def test_plank_rest_is_shorter_than_strength_rest(make_app, highlight) -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        highlight(app, "plank")
        await pilot.press("space")
        assert rest_text(app).startswith("REST 0:45")


async def test_finishing_the_session_stops_the_rest(make_app) -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("space")
        assert rest_bar(app).running
        await pilot.press("f", "y")  # 17 sets left: asked first
        await pilot.pause()
        assert not rest_bar(app).running


async def test_skip_without_a_rest_says_so(make_app) -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("s")
        assert any(n.message == "No rest running" for n in app._notifications)


async def test_the_rest_counts_from_the_clock_not_from_ticks(make_app, clock: FakeClock) -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("space")
        clock.advance(75)  # no poll in between: one late poll still shows the truth
        await advance(pilot, clock, 0)
        assert rest_text(app).startswith("REST 0:15")
