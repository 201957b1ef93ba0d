"""Shared fixtures: a real SQLite file in tmp_path, a fake clock, and the real app built on both."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date, datetime, timedelta, timezone
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


# Terminal escape sequences as another program could write them into the database.
ESC_TITLE = "\x1b]0;pwned\x07"  # OSC 0: would retitle the terminal window
ESC_CLEAR = "\x1b[2J\x1b[H"  # would clear the screen and home the cursor


@pytest.fixture
def hostile_plan(db_path: Path) -> Path:
    """A database whose followed own program, its day and its own exercise, and a race on Sunday
    13 December 2026, have escape sequences in their stored names (review 1.10). Returns the file.
    Drawn safely they read "Rackday", "Heavy", "Front squat" and "BadRace"."""
    from runstrong.core.models import Exercise, Kind, Prescription, Program, ProgramDay, ProgramItem
    from runstrong.core.routine_file import Routine
    from runstrong.core.running import Priority, Run, RunKind, parse_week_spec

    exercise = Exercise(
        id="front-squat", name=f"Front{ESC_CLEAR} squat", kind=Kind.REPS, per_side=False, muscles=("quads",),
        category="legs", default=Prescription(sets=3, reps=8, reps_max=12), why="", cues=(), sources=(),
        notes="", own=True,
    )
    program = Program(
        id="rack-day", name=f"Rack{ESC_TITLE}day", description="", own=True,
        days=(ProgramDay(f"Heavy{ESC_TITLE}", (ProgramItem("front-squat", Prescription(sets=3, reps=8, reps_max=12)),)),),
    )
    store = Store.open(db_path)
    try:
        store.save_routine(Routine((exercise,), (program,)))
        store.save_settings({"program_id": "rack-day"})
        store.save_running_week(parse_week_spec(["mon=easy", "tue=hard", "wed=easy", "thu=hard", "fri=easy", "sat=long"]))
        store.add_run(Run(date(2026, 12, 13), RunKind.RACE, 10.0, f"Bad{ESC_TITLE}Race", Priority.B))
        # Stored as given: nothing on the way in cleaned them (as with a file another program wrote).
        assert store.conn.execute("SELECT count(*) FROM runs WHERE name LIKE '%pwned%'").fetchone()[0] == 1
        assert store.conn.execute("SELECT count(*) FROM programs WHERE name LIKE '%pwned%'").fetchone()[0] == 1
    finally:
        store.close()
    return db_path
