"""An imported Strong history shows in the real app's History like any other session."""

from __future__ import annotations

from datetime import timezone
from pathlib import Path

from runstrong.import_command import plan_exercises
from runstrong.importers import read_import_file
from runstrong.screens.history import HistoryScreen
from runstrong.store import Store

SAMPLES = Path(__file__).parent.parent / "importers" / "samples"


async def test_imported_sessions_are_listed_in_history(make_app, store: Store) -> None:
    batch = read_import_file(SAMPLES / "strong_comma_no_unit.csv", unit="kg", tz=timezone.utc)
    store.import_batch(batch, plan_exercises(batch).own)
    app = make_app(start="history")
    async with app.run_test(size=(80, 24)):
        screen = app.screen
        assert isinstance(screen, HistoryScreen)
        table = screen.table
        rows = [list(table.row_text(i).values()) for i in range(table.row_count)]
        # Newest first: the workout left open on 5 March, then the two sessions of 3 March.
        assert [(r[0], r[1].split(" · ")[0]) for r in rows] == [
            ("2025-03-05", "Left open"), ("2025-03-03", "Evening run"), ("2025-03-03", "Morning legs"),
        ]
        # No time per set in the file: a session lasts from its start to its believable end (58m,
        # 1h 4m); the one left open 412 hours has no length.
        assert [r[3] for r in rows] == ["—", "1:04:00", "58:00"]  # one way to write a duration (issue 11)
        morning = rows[2]
        # 6 sets done; volume in kg with --unit kg: 185 x 5 x 2 + 135 x 8 (drop) = 2930, warm-up left out.
        assert morning[2] == "6/6" and morning[-1] == "2,930 kg"
