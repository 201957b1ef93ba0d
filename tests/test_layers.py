"""The architecture's import rules, enforced in CI: `lint-imports` checks the contracts in
pyproject.toml ([tool.importlinter]): core and importers never import textual, rich, sqlite3 or
sqlite_utils, and nothing in runstrong imports a layer above its own
(cli > app > screens/widgets > commands/export > store > importers > core > errors)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def test_the_import_contracts_are_kept() -> None:
    lint_imports = Path(sys.executable).parent / "lint-imports"
    done = subprocess.run(
        [str(lint_imports), str(ROOT / "pyproject.toml"), "--no-cache"],
        cwd=ROOT, capture_output=True, text=True, timeout=120,
    )
    report = done.stdout + done.stderr
    assert done.returncode == 0, report
    assert "Contracts: 2 kept, 0 broken." in report


def test_every_top_level_module_is_in_a_layer() -> None:
    """A new module must be placed in the layers contract, or nothing checks its imports."""
    import tomllib

    config = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    [layers] = [c for c in config["tool"]["importlinter"]["contracts"] if c["type"] == "layers"]
    placed = {name.strip() for layer in layers["layers"] for name in layer.split(":")}
    package = ROOT / "runstrong"
    modules = {p.stem for p in package.glob("*.py") if p.stem != "__init__"}
    modules |= {p.parent.name for p in package.glob("*/__init__.py")}
    assert modules == placed
