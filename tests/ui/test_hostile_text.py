"""Text from the database is data (issue 12): names and notes holding terminal escape sequences,
control characters and bidi overrides are drawn without them, on every screen that shows them."""

from __future__ import annotations

from runstrong.core.plan import PlannedSet
from runstrong.screens.history import HistoryScreen
from runstrong.screens.session_detail import SessionDetailScreen
from runstrong.store import Store

TITLE = "\x1b]0;pwned\x07"  # OSC 0: would retitle the terminal window
CLEAR = "\x1b[2J\x1b[H"  # would clear the screen and home the cursor


def hostile_session(store: Store) -> None:
    session = store.start_session(
        date="2026-11-22", started_at="2026-11-22T10:00:00+01:00", program_id="beginner",
        program=f"Beginner{CLEAR}", day=f"Leg day{TITLE}",
        day_index=0, slots=[PlannedSet("squat", f"Squat{TITLE}\u202eevil", 1, None, 12, None)],
    )
    store.tick_set(session.sets[0].id, "2026-11-22T10:05:00+01:00")
    store.set_notes(session.id, f"felt good{TITLE}\r=1+2\x07\x7f")


def drawn(app) -> str:  # type: ignore[no-untyped-def]
    """The whole screen as the terminal would be asked to show it (the SVG of a screenshot)."""
    return app.export_screenshot().replace("&#160;", " ")


def assert_inert(screen_text: str) -> None:
    assert "\x1b" not in screen_text and "\x07" not in screen_text and "\x7f" not in screen_text
    assert "pwned" not in screen_text and "[2J" not in screen_text and "\u202e" not in screen_text


async def test_history_and_session_detail_draw_stored_text_as_data(make_app, store: Store) -> None:
    hostile_session(store)
    app = make_app(start="history")
    async with app.run_test(size=(100, 24)) as pilot:
        assert isinstance(app.screen, HistoryScreen)
        screen_text = drawn(app)
        assert_inert(screen_text)
        assert "Leg day" in screen_text
        await pilot.press("enter")
        assert isinstance(app.screen, SessionDetailScreen)
        screen_text = drawn(app)
        assert_inert(screen_text)
        assert "Leg day" in screen_text and "felt good" in screen_text and "Squatevil" in screen_text


async def test_a_toast_with_stored_text_is_stripped_too(make_app) -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        app.notify(f"Saved Squat{TITLE}{CLEAR} set 1 [b]not markup[/b]")
        await pilot.pause()
        [toast] = list(app._notifications)
        assert toast.message == "Saved Squat set 1 [b]not markup[/b]"
        assert toast.markup is False  # a name with [brackets] is shown as written
        assert_inert(drawn(app))
        # The same error again (ten key presses on a locked database) is not stacked.
        app.notify(f"Not saved: Squat{TITLE}", severity="error")
        app.notify(f"Not saved: Squat{TITLE}", severity="error")
        await pilot.pause()
        assert [n.message for n in app._notifications][1:] == ["Not saved: Squat"]
