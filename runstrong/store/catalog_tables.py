"""Own exercises and own programs: the runner's additions to the packaged catalog.

Each row keeps the searchable columns (id, name, kind, …) beside `doc`, the rest of the entry as
JSON in the shape of `data/exercises.toml` / `data/programs.toml`, so a routine file, the
database and the export all hold one shape.
"""

from __future__ import annotations

import json
from typing import Any

from runstrong.store.history import HistoryStore


class CatalogTablesStore(HistoryStore):
    """Read and write the `exercises` and `programs` tables."""

    def own_exercise_docs(self, *, archived: bool = False) -> list[dict[str, Any]]:
        """Own exercises as routine-file tables (id, name, kind, per_side, category, then the
        rest of the entry), by name; archived ones only when asked."""
        rows = self._rows(
            "SELECT id, name, kind, per_side, category, doc, archived_at FROM exercises "
            + ("" if archived else "WHERE archived_at IS NULL ")
            + "ORDER BY name"
        )
        return [
            {
                "id": row["id"],
                "name": row["name"],
                "kind": row["kind"],
                "per_side": bool(row["per_side"]),
                "category": row["category"],
                **json.loads(row["doc"]),
                **({"archived": True} if row["archived_at"] else {}),
            }
            for row in rows
        ]

    def own_program_docs(self, *, archived: bool = False) -> list[dict[str, Any]]:
        """Own programs as routine-file tables (id, name, then the rest of the entry), by name."""
        rows = self._rows(
            "SELECT id, name, doc, archived_at FROM programs "
            + ("" if archived else "WHERE archived_at IS NULL ")
            + "ORDER BY name"
        )
        return [
            {"id": row["id"], "name": row["name"], **json.loads(row["doc"]), **({"archived": True} if row["archived_at"] else {})}
            for row in rows
        ]
