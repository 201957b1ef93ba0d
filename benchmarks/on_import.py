"""Change a module the moment it is first imported, without importing it any sooner.

The start-up benchmarks use it to add a first-paint report to runstrong.app as the CLI imports
it: importing runstrong.app up front instead would change what they measure (the CLI checks the
database on a thread while that import runs).
"""

from __future__ import annotations

import importlib.abc
import importlib.machinery
import sys
from collections.abc import Callable
from types import ModuleType


class PatchOnImport(importlib.abc.MetaPathFinder):
    """A meta-path finder: lets module `name` load as usual, then calls `patch(module)` before
    anything else can use it. Insert it with `sys.meta_path.insert(0, ...)`; it removes itself."""

    def __init__(self, name: str, patch: Callable[[ModuleType], None]) -> None:
        self.name = name
        self.patch = patch

    def find_spec(self, name, path, target=None):  # type: ignore[no-untyped-def]
        if name != self.name:
            return None
        sys.meta_path.remove(self)
        spec = importlib.machinery.PathFinder.find_spec(name, path)
        assert spec is not None and spec.loader is not None
        exec_module = spec.loader.exec_module

        def exec_and_patch(module: ModuleType) -> None:
            exec_module(module)
            self.patch(module)

        spec.loader.exec_module = exec_and_patch  # type: ignore[method-assign]
        return spec
