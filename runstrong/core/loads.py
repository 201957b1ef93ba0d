"""Loads: kilograms in storage, kg or lb on screen, written back at the precision they were typed.

Storage keeps the exact kilograms of what was typed (no rounding), so a load typed as `46.25` lb
is 20.97809... kg and comes back as 46.25 lb. `load_number` (the one formatter for a load, used
on Today, History, Progress and in the edit dialogs) relies on that:

- a load that is a whole number of thousandths in the display unit was typed in that unit, and
  is shown exactly, trailing zeros dropped: 61.25 kg -> "61.25", 46.25 lb -> "46.25", 40 -> "40";
- any other load was converted from the other unit, and is shown to one decimal, as plates go:
  40 kg in lb -> "88.2".
"""

from __future__ import annotations

from enum import StrEnum

KG_PER_LB = 0.45359237
"""The international avoirdupois pound (exact by definition)."""

DECIMALS = 3
"""Decimals a load may be typed with (grams in kg); more would be noise, and is refused."""

CONVERTED_DECIMALS = 1
"""Decimals a load converted from the other unit is shown with (ours)."""


class Unit(StrEnum):
    """How loads are shown and typed; storage is always kg."""

    KG = "kg"
    LB = "lb"


def kg_to_display(kg: float, unit: Unit) -> float:
    """Kilograms as a number in `unit` (kg unchanged, lb = kg / KG_PER_LB); not rounded."""
    return kg if unit is Unit.KG else kg / KG_PER_LB


def display_to_kg(value: float, unit: Unit) -> float:
    """A number in `unit` as kilograms (lb × KG_PER_LB); not rounded, so a typed value comes back."""
    return value if unit is Unit.KG else value * KG_PER_LB


def _plain(value: float, decimals: int) -> str:
    """`value` to `decimals` places, trailing zeros and a bare point dropped; never "-0"."""
    text = f"{value:.{decimals}f}"
    if "." in text:
        text = text.rstrip("0").rstrip(".")
    return "0" if text == "-0" else text


def load_number(kg: float, unit: Unit) -> str:
    """The load as a number in `unit`, at the precision it was typed (see the module doc)."""
    shown = kg_to_display(kg, unit)
    typed = round(shown, DECIMALS)
    # Conversion to kg and back leaves a few ulps of float noise on a typed value; a converted
    # one is off the thousandths grid by far more (40 kg = 88.184904... lb).
    if abs(shown - typed) <= 1e-9 * max(1.0, abs(shown)):
        return _plain(typed, DECIMALS)
    return _plain(shown, CONVERTED_DECIMALS)


def format_load(kg: float | None, unit: Unit) -> str:
    """"61.25 kg", "88.2 lb"; "" for no load (bodyweight)."""
    if kg is None:
        return ""
    return f"{load_number(kg, unit)} {unit.value}"
