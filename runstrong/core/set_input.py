"""Read what a runner types for a set (reps, load, hold) into values fit to store.

One parser per kind of value, used by every field that takes one (Today's and History's edit
dialog, Settings, the command line), so a value is accepted or refused the same way everywhere.
Digits of any script count (core.numerals); `1_000` never does. Each refusal raises InputProblem
with a message fit to show under the field.
"""

from __future__ import annotations

import re

from runstrong.core.durations import DurationError, parse_duration
from runstrong.core.loads import DECIMALS, Unit, display_to_kg, kg_to_display
from runstrong.core.numerals import ascii_digits

MAX_REPS = 1000
MAX_LOAD_KG = 1000.0
MAX_HOLD_S = 3600
MAX_LOAD_STEP_KG = 50.0
"""The largest smallest-load-step accepted (ours): a pair of 25 kg plates, the heaviest common
plate on each side; a bigger "smallest step" is a typing slip."""

_WHOLE = re.compile(r"[0-9]+", re.ASCII)
# A number with an optional decimal point or comma ("33,5" is how much of Europe writes 33.5),
# then an optional unit: "40", "40kg", "40 kg", "90 lb", "90 lbs", "33,5".
_LOAD = re.compile(r"(?P<number>[0-9]+(?:[.,][0-9]+)?|[.,][0-9]+)\s*(?P<unit>kgs?|lbs?)?", re.ASCII | re.IGNORECASE)


class InputProblem(ValueError):
    """A value the runner typed that cannot be saved; the message is shown at the field."""


def parse_whole_number(text: str, what: str, low: int, high: int) -> int | None:
    """A whole number from `low` to `high` (digits of any script); None when blank.

    InputProblem("{what} must be a whole number from {low} to {high}") otherwise, e.g. for
    "2.5", "-3", "1_000", "²" or a value out of range.
    """
    raw = ascii_digits(text.strip())
    if not raw:
        return None
    if not _WHOLE.fullmatch(raw) or not low <= int(raw) <= high:
        raise InputProblem(f"{what} must be a whole number from {low} to {high}")
    return int(raw)


def parse_reps(text: str) -> int | None:
    """Reps of one set, 1 to MAX_REPS; None when blank."""
    return parse_whole_number(text, "Reps", 1, MAX_REPS)


def parse_load(text: str, unit: Unit) -> float | None:
    """Kilograms from what was typed; blank means bodyweight (None).

    `unit` is the display unit; a unit typed with the number ("90 lb", "40kg") wins for that
    value only. A decimal comma reads as a point. Up to DECIMALS decimals, kept exactly: the
    result is not rounded, so core.loads shows the value back as typed. Loads are 0 to
    MAX_LOAD_KG (ours: no barbell record comes near it).
    """
    raw = ascii_digits(text.strip())
    if not raw:
        return None
    top = round(kg_to_display(MAX_LOAD_KG, unit))
    match = _LOAD.fullmatch(raw)
    if match is None:
        raise InputProblem(f"Load must be a number of {unit.value} from 0 to {top}, as 40, 42,5 or 90 lb")
    number = match["number"].replace(",", ".")
    if len(number.partition(".")[2]) > DECIMALS:
        raise InputProblem(f"Load can have at most {DECIMALS} decimals")
    typed_unit = Unit(match["unit"].lower().rstrip("s")) if match["unit"] else unit
    kg = display_to_kg(float(number), typed_unit)
    if kg > MAX_LOAD_KG:
        top_typed = round(kg_to_display(MAX_LOAD_KG, typed_unit))
        raise InputProblem(f"Load must be a number of {typed_unit.value} from 0 to {top_typed}")
    return kg


def parse_load_step(text: str, unit: Unit) -> float | None:
    """The smallest load step in kg, read like a load (parse_load: "2,5", "1.25", "5 lb"), above 0
    and at most MAX_LOAD_STEP_KG; None when blank (the default step). InputProblem otherwise."""
    top = _plain_top(MAX_LOAD_STEP_KG, unit)
    problem = f"Smallest load step must be above 0 and at most {top} {unit.value}, as 2,5 or 1.25"
    try:
        kg = parse_load(text, unit)
    except InputProblem:
        raise InputProblem(problem) from None
    if kg is not None and not 0 < kg <= MAX_LOAD_STEP_KG + 1e-9:
        raise InputProblem(problem)
    return kg


def _plain_top(kg: float, unit: Unit) -> str:
    # 50 kg is "50" in kg and "110" in lb (110.23 lb rounds down to a step a runner can type).
    return str(int(kg_to_display(kg, unit)))


def parse_hold(text: str) -> int | None:
    """Seconds held, 1 to MAX_HOLD_S, in any form core.durations reads; None when blank."""
    raw = text.strip()
    if not raw:
        return None
    try:
        return parse_duration(raw, maximum=MAX_HOLD_S)
    except DurationError:
        raise InputProblem("Hold must be 0:01 to 60:00, as 45, 45s or 1:30") from None
