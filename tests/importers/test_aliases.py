"""The alias table maps other apps' exercise names onto catalog exercises. (The importers'
layering, once checked here, is the import-linter contracts' job: tests/test_layers.py.)"""

from __future__ import annotations


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
