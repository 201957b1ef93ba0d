"""Every duration on screen is written the one way (core.durations.format_duration): 0:15,
not "15 s" (notes/newuser.md item 19)."""

from __future__ import annotations

from textual.widgets import Label

from runstrong.screens.hold_timer import HoldTimerScreen
from runstrong.screens.today import TodayScreen


def descriptions(screen_class: type) -> dict[str, str]:
    return {binding.id: binding.description for binding in screen_class.BINDINGS if binding.id}


async def test_rest_and_hold_adjustments_are_written_as_durations(make_app) -> None:  # type: ignore[no-untyped-def]
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("space")  # a tick starts the rest bar
        await pilot.pause()
        assert str(app.screen.query_one("#rest-keys", Label).render()) == "s skip · r +0:15"
    assert descriptions(TodayScreen)["today.more_rest"] == "+0:15 rest"
    hold = descriptions(HoldTimerScreen)
    assert (hold["timer.more"], hold["timer.less"]) == ("+0:05", "-0:05")
