"""Snapshots of the Plan screen and of Today's plan banner, on the fixed clock (Sunday 22
November 2026) and a real database file seeded with a running week and an A race."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from textual.pilot import Pilot

from runstrong.core.running import Priority, Run, RunKind, parse_week_spec
from runstrong.store import Store


def seed(db_path: Path, week: list[str]) -> None:
    store = Store.open(db_path)
    store.save_running_week(parse_week_spec(week))
    store.add_run(Run(date(2026, 12, 13), RunKind.RACE, 21.1, "City Half", Priority.A))
    store.close()


WEEK = ["mon=easy", "tue=hard", "wed=easy:8km", "thu=hard", "fri=easy", "sat=long:25km"]


async def open_plan(pilot: Pilot) -> None:
    await pilot.press("w")
    await pilot.pause()


@pytest.mark.parametrize("size", [(80, 24), (120, 36)], ids=["80x24", "120x36"])
def test_plan_screen(snap_compare, make_app, db_path: Path, size: tuple[int, int]) -> None:
    seed(db_path, WEEK)
    assert snap_compare(make_app(), terminal_size=size, run_before=open_plan)


@pytest.mark.parametrize("size", [(80, 24), (120, 36)], ids=["80x24", "120x36"])
def test_today_with_a_plan_warning(snap_compare, make_app, db_path: Path, size: tuple[int, int]) -> None:
    # Monday is a long run: Sunday's session is the week's least bad day, and Today says so.
    seed(db_path, ["mon=long:30km", "wed=easy", "fri=easy"])
    assert snap_compare(make_app(), terminal_size=size)


def test_run_form_80x24(snap_compare, make_app, db_path: Path) -> None:
    seed(db_path, WEEK)

    async def open_form(pilot: Pilot) -> None:
        await pilot.press("w", "a")
        await pilot.pause()

    assert snap_compare(make_app(), terminal_size=(80, 24), run_before=open_form)
