"""Validate what a runner types for a set (reps, load, hold) into values fit to store."""

from __future__ import annotations

from runstrong.core.durations import DurationError, parse_duration
from runstrong.core.settings import Unit, display_to_kg, kg_to_display

MAX_REPS = 1000
MAX_LOAD_KG = 1000.0
MAX_HOLD_S = 3600


class InputProblem(ValueError):
    """A value the runner typed that cannot be saved; the message is shown at the field."""


def parse_reps(text: str) -> int | None:
    raw = text.strip()
    if not raw:
        return None
    # isascii: "²".isdigit() is true, but int("²") fails.
    if not (raw.isascii() and raw.isdigit()):
        raise InputProblem(f"Reps must be a whole number from 1 to {MAX_REPS}")
    reps = int(raw)
    if not 1 <= reps <= MAX_REPS:
        raise InputProblem(f"Reps must be a whole number from 1 to {MAX_REPS}")
    return reps


def parse_load(text: str, unit: Unit) -> float | None:
    """Kilograms from what was typed in the display unit; blank means bodyweight."""
    raw = text.strip().lower().removesuffix(unit.value).strip()
    if not raw:
        return None
    top = round(kg_to_display(MAX_LOAD_KG, unit))
    try:
        value = float(raw)
    except ValueError:
        raise InputProblem(f"Load must be a number of {unit.value} from 0 to {top}") from None
    if not 0 <= value <= top or value != value:
        raise InputProblem(f"Load must be a number of {unit.value} from 0 to {top}")
    return round(min(display_to_kg(value, unit), MAX_LOAD_KG), 3)


def parse_hold(text: str) -> int | None:
    raw = text.strip()
    if not raw:
        return None
    try:
        return parse_duration(raw, maximum=MAX_HOLD_S)
    except DurationError:
        raise InputProblem("Hold must be 1 s to 60:00, as 45, 45s or 1:30") from None
