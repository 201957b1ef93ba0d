"""Shared fixtures: a real SQLite file in tmp_path, a fake clock, and the real app built on both."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import datetime, timedelta, timezone
from pathlib import Path

import pytest

from runstrong.app import RunStrongApp
from runstrong.core.clock import ManualClock
from runstrong.screens.today import TodayScreen
from runstrong.store import Store

# A fixed Sunday morning at the gym, with an offset so time zones are exercised.
START = datetime(2026, 11, 22, 10, 0, 0, tzinfo=timezone(timedelta(hours=1)))


class FakeClock(ManualClock):
    """Wall and monotonic time that move only when a test says so."""

    def __init__(self, start: datetime = START) -> None:
        super().__init__(start)

    def next_day(self, days: int = 1) -> None:
        self.advance(days * 86400)


@pytest.fixture(autouse=True)
def _no_real_user_dir(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch) -> None:
    """Tests never touch the real per-user database."""
    home = tmp_path_factory.mktemp("home")
    monkeypatch.setenv("HOME", str(home))
    monkeypatch.setenv("XDG_DATA_HOME", str(home / "data"))
    monkeypatch.delenv("RUNSTRONG_DB", raising=False)


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    return tmp_path / "runstrong.db"


@pytest.fixture
def store(db_path: Path) -> Iterator[Store]:
    opened = Store.open(db_path)
    yield opened
    opened.close()


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock()


@pytest.fixture
def make_app(db_path: Path, clock: FakeClock):  # type: ignore[no-untyped-def]
    """Build the real app on the test's database file; each call opens its own connection."""
    opened: list[Store] = []

    def build(*, settings: dict[str, str] | None = None, **kwargs: object) -> RunStrongApp:
        store = Store.open(db_path)
        opened.append(store)
        if settings:
            store.save_settings(settings)
        return RunStrongApp(store, clock=kwargs.pop("clock", clock), **kwargs)  # type: ignore[arg-type]

    yield build
    for store in opened:
        store.close()


def highlight(app: RunStrongApp, exercise_id: str) -> TodayScreen:
    """Put Today's cursor on the first set of `exercise_id`, as the arrow keys would."""
    today = app.screen
    assert isinstance(today, TodayScreen)
    checklist = today.checklist
    checklist.cursor = next(i for i, s in enumerate(checklist.slots) if s.exercise_id == exercise_id)
    return today


@pytest.fixture(name="highlight")
def highlight_fixture():  # type: ignore[no-untyped-def]
    return highlight
