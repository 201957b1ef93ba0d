"""The importers stay plain: text in, records out. They never reach for SQL or Textual, and
nothing they import reaches upward (core < importers < store)."""

from __future__ import annotations

import ast
from pathlib import Path

import runstrong.importers

FORBIDDEN = ("sqlite3", "sqlite_utils", "textual", "runstrong.store", "runstrong.app", "runstrong.screens",
             "runstrong.widgets", "runstrong.cli", "runstrong.export", "runstrong.import_command")


def test_importers_import_nothing_above_them() -> None:
    folder = Path(runstrong.importers.__file__).parent
    modules = sorted(folder.glob("*.py"))
    assert {m.name for m in modules} >= {"strong.py", "hevy.py", "fitnotes.py", "runstrong_json.py", "records.py"}
    for module in modules:
        tree = ast.parse(module.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            names = []
            if isinstance(node, ast.Import):
                names = [alias.name for alias in node.names]
            elif isinstance(node, ast.ImportFrom) and node.module:
                names = [node.module]
            for name in names:
                assert not name.startswith(FORBIDDEN), f"{module.name} imports {name}"


def test_every_alias_points_at_a_catalog_exercise() -> None:
    import tomllib

    from runstrong.core.catalog import load_catalog
    from runstrong.importers.aliases import ALIASES_PATH

    aliases = tomllib.loads(ALIASES_PATH.read_text(encoding="utf-8"))["aliases"]
    unknown = {name: target for name, target in aliases.items() if target not in load_catalog().exercises}
    assert unknown == {}
    assert aliases["Squat (Barbell)"] == "squat"
    assert aliases["Romanian Deadlift (Barbell)"] == "romanian-deadlift"
    assert aliases["Plank"] == "plank"
