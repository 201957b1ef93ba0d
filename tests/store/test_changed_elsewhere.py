"""Store.changed_elsewhere(): the once-a-second look for another window's commits."""

from __future__ import annotations

from pathlib import Path

from runstrong.store import Store


def test_only_another_connections_commit_counts_and_only_once(store: Store, db_path: Path) -> None:
    assert store.changed_elsewhere() is False
    store.save_settings({"unit": "lb"})  # our own commit: the other window's look, not ours
    assert store.changed_elsewhere() is False
    other = Store.open(db_path)
    try:
        other.save_settings({"unit": "kg"})
    finally:
        other.close()
    revision = store.revision
    assert store.changed_elsewhere() is True and store.revision == revision + 1
    assert store.changed_elsewhere() is False  # nothing new since the last look
    assert store.settings()["unit"] == "kg"
