"""Help at 60×20: descriptions wrap under themselves, the rows scroll, the hint stays in view."""

from __future__ import annotations

from textual.pilot import Pilot


def test_help_60x20_scrolled_to_its_last_row(snap_compare, make_app) -> None:  # type: ignore[no-untyped-def]
    async def help_at_the_end(pilot: Pilot) -> None:
        await pilot.press("question_mark")
        await pilot.pause()
        await pilot.press("end")
        await pilot.pause()

    assert snap_compare(make_app(), terminal_size=(60, 20), run_before=help_at_the_end)
