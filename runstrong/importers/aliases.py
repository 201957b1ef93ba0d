"""Match the exercise names other apps export to catalog ids, through the packaged alias table
(data/aliases.toml), and work out what an unmatched name should become as an own exercise."""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

import tomli

from runstrong.core.catalog import Catalog
from runstrong.importers.records import ImportedSet

ALIASES_PATH = Path(__file__).resolve().parent.parent / "data" / "aliases.toml"


def name_key(name: str) -> str:
    """How names are compared: case, spaces, hyphens and underscores ignored."""
    return re.sub(r"[\s_\-]+", " ", name.strip().lower()).strip()


@functools.cache
def _alias_table() -> tuple[dict[str, str], frozenset[str]]:
    data = tomli.loads(ALIASES_PATH.read_text(encoding="utf-8"))
    aliases = {name_key(name): target for name, target in data.get("aliases", {}).items()}
    running = frozenset(name_key(name) for name in data.get("running", {}).get("names", []))
    return aliases, running


@dataclass(frozen=True)
class ExerciseMatcher:
    """Name -> catalog id: the alias table first, then the catalog's own ids and names exactly.

    No partial matching: "Squat (Smith Machine)" logged as a squat would be a guess, and a wrong
    guess mixes two exercises' progress; an unmatched name becomes an own exercise instead.
    """

    catalog: Catalog

    def match(self, name: str) -> str | None:
        """The catalog id for `name`, or None (it becomes an own exercise)."""
        aliases, _ = _alias_table()
        key = name_key(name)
        target = aliases.get(key)
        if target is not None and target in self.catalog.exercises:
            return target
        for exercise in self.catalog.exercises.values():
            if key in (name_key(exercise.id), name_key(exercise.name)):
                return exercise.id
        return None

    @staticmethod
    @functools.lru_cache(maxsize=4096)
    def is_running(name: str) -> bool:
        """True for names the alias table lists as running (past runs are not kept: runs holds the plan)."""
        return name_key(name) in _alias_table()[1]


@dataclass(frozen=True)
class OwnExerciseShape:
    """What an unmatched name becomes: kind `hold` when every set has seconds and none has reps
    (a plank-like hold), else `reps`; per side when any set names a side."""

    name: str
    kind: str
    per_side: bool


def own_exercise_shape(name: str, sets: Iterable[ImportedSet]) -> OwnExerciseShape:
    """Infer the own exercise for `name` from all its imported sets."""
    sets = list(sets)
    only_seconds = bool(sets) and all(s.hold_s is not None and s.reps is None for s in sets)
    return OwnExerciseShape(name, "hold" if only_seconds else "reps", any(s.side for s in sets))


# Words in an exercise name that place an own exercise in a catalog category (ours; the first
# word found wins). Without one, an unmatched lift is most often upper-body work (bench, curl).
_CATEGORY_WORDS = (
    ("calves & feet", ("calf", "ankle", "toe", "tibialis", "foot")),
    ("plyometric", ("jump", "hop", "bound", "plyo", "skip")),
    ("core", ("plank", "crunch", "sit up", "sit-up", "ab ", "abs", "hollow", "leg raise", "twist", "rollout")),
    ("posterior chain", ("deadlift", "rdl", "hamstring", "nordic", "good morning", "swing", "hyperextension")),
    ("hips", ("hip", "glute", "abduct", "adduct", "clam", "bridge")),
    ("legs", ("squat", "lunge", "leg", "step", "split")),
)


def guess_category(name: str) -> str:
    """A catalog category for an own exercise made from an imported name (ours, by keyword)."""
    lowered = f" {name.lower()} "
    for category, words in _CATEGORY_WORDS:
        if any(word in lowered for word in words):
            return category
    return "upper body"
