"""Turn the text of one CSV field into a checked value: numbers, loads in kg, times, durations.

Every parser takes `where` (path, line) so a bad value is refused as `FILE:LINE: reason`.
"""

from __future__ import annotations

import re
from datetime import date, datetime, timedelta, tzinfo
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation

from runstrong.core.clock import parse_iso_date
from runstrong.core.set_input import MAX_HOLD_S, MAX_LOAD_KG, MAX_REPS
from runstrong.importers.records import ImportFileError, RowNote

Where = tuple[str, int]

# The international pound (exact by definition, 1959): core.loads.KG_PER_LB as a Decimal, so a
# file's value converts exactly; every other conversion goes through core.loads.
KG_PER_LB = Decimal("0.45359237")
# Apps store weights as binary floats and print their noise (185.00000000000003). No app logs
# finer than 0.0001 of a unit, so the file value is rounded to that before converting (ours).
_NOISE_STEP = Decimal("0.0001")
# An end more than this long after the start is not believed (Strong writes durations of
# hundreds of hours when a workout was left open); the start is kept, the end left unknown (ours).
MAX_BELIEVABLE_SESSION_S = 6 * 3600

LB_WORDS = frozenset({"lb", "lbs", "pound", "pounds"})
KG_WORDS = frozenset({"kg", "kgs", "kilogram", "kilograms"})


def parse_decimal(text: str, what: str, where: Where, *, decimal_comma: bool = False) -> Decimal | None:
    """The number in `text` (None when blank), float noise removed; ImportFileError otherwise.

    `decimal_comma`: "22,5" means 22.5 (semicolon-separated files from comma-decimal locales).
    """
    raw = text.strip()
    if not raw:
        return None
    if decimal_comma and "," in raw and "." not in raw:
        raw = raw.replace(",", ".")
    try:
        value = Decimal(raw)
        if not value.is_finite():
            raise InvalidOperation
        return value.quantize(_NOISE_STEP)
    except InvalidOperation:
        raise ImportFileError(where[0], where[1], f"{what} is not a number: {text.strip()!r}") from None


def plain(value: Decimal) -> str:
    """A Decimal as people write it: 20, 22.5 (no exponent, no trailing zeros)."""
    return format(value.normalize(), "f")


def weight_unit(text: str, where: Where) -> str:
    """'kg' or 'lb' from how an app spells it (kg, kgs, lbs, lb); ImportFileError otherwise."""
    word = text.strip().lower()
    if word in KG_WORDS:
        return "kg"
    if word in LB_WORDS:
        return "lb"
    raise ImportFileError(where[0], where[1], f"unknown weight unit {text.strip()!r} (expected kg or lbs)")


def load_kg(value: Decimal | None, unit: str, where: Where) -> tuple[float | None, str]:
    """(kg, note) for a file weight in `unit`. Pounds convert from the exact file value, so
    kg / 0.45359237 gives the file's number back. 0 or blank is no load. A negative weight is
    assistance (assisted pull-ups): no load, and the note says how much, so nothing is lost."""
    if value is None or value == 0:
        return None, ""
    if value < 0:
        return None, f"assisted {plain(-value)} {unit}"
    kg = float(value * KG_PER_LB) if unit == "lb" else float(value)
    if kg > MAX_LOAD_KG:
        raise ImportFileError(where[0], where[1], f"weight {plain(value)} {unit} is more than {MAX_LOAD_KG:g} kg")
    return kg, ""


def whole_number(value: Decimal | None, what: str, where: Where, maximum: int) -> int | None:
    """A count from 0..maximum (None when blank); a fraction or an out-of-range value is refused."""
    if value is None:
        return None
    if value != value.to_integral_value() or not 0 <= value <= maximum:
        raise ImportFileError(where[0], where[1], f"{what} must be a whole number from 0 to {maximum}, not {plain(value)}")
    return int(value)


def reps_value(value: Decimal | None, where: Where) -> int | None:
    """Reps from the file; 0 or blank means the set counted no reps (a hold, a run)."""
    reps = whole_number(value, "reps", where, MAX_REPS)
    return reps or None


class SkipRow(ValueError):
    """A row that is left out (not the whole file refused): the importer lists it, with its line,
    among the skipped rows, as "reason (exercise)"."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


def hold_value(value: Decimal | None, where: Where) -> int | None:
    """Seconds held, rounded half up to whole seconds (30.5 s is 31 s); 0 or blank is no hold.

    SkipRow for a time under a second (0 < t < 1 s: no hold runstrong can log, ours);
    ImportFileError above MAX_HOLD_S."""
    if value is None or value == 0:
        return None
    if 0 < value < 1:
        raise SkipRow(f"hold under a second: {plain(value)} s")
    seconds = int(value.to_integral_value(rounding=ROUND_HALF_UP))
    if not 0 < seconds <= MAX_HOLD_S:
        raise ImportFileError(where[0], where[1], f"time {plain(value)} s is outside 1..{MAX_HOLD_S} s")
    return seconds


def skipped_row(line: int, exercise: str, skip: SkipRow) -> RowNote:
    """The skipped-row note for a SkipRow: 'hold under a second (Plank): 0.4 s'."""
    what, _, detail = skip.reason.partition(": ")
    return RowNote(line, f"{what} ({exercise})" + (f": {detail}" if detail else ""))


def rpe_value(value: Decimal | None, where: Where) -> float | None:
    """RPE 1..10 (halves allowed); 0 or blank is none given."""
    if value is None or value == 0:
        return None
    if not 1 <= value <= 10:
        raise ImportFileError(where[0], where[1], f"RPE {plain(value)} is outside 1..10")
    return float(value)


_LOCAL_TIME = re.compile(
    r"^(\d{4})-(\d{2})-(\d{2})[ T](\d{1,2}):(\d{2})(?::(\d{2}))?(?:[\s\u202f\u00a0]*([AaPp])\.?[Mm]\.?)?$"
)


def local_datetime(text: str, where: Where) -> datetime:
    """A naive local time from `YYYY-MM-DD HH:MM[:SS]`, also 12-hour `6:05:00 PM` (Strong's newer
    builds, with a narrow no-break space before PM). ImportFileError when it is not a real time."""
    match = _LOCAL_TIME.match(text.strip())
    if match:
        year, month, day, hour, minute = (int(match[i]) for i in range(1, 6))
        second = int(match[6] or 0)
        meridiem = (match[7] or "").lower()
        if meridiem:
            if not 1 <= hour <= 12:
                match = None
            else:
                hour = hour % 12 + (12 if meridiem == "p" else 0)
        if match:
            try:
                return datetime(year, month, day, hour, minute, second)
            except ValueError:
                pass
    raise ImportFileError(where[0], where[1], f"bad date {text.strip()!r} (expected YYYY-MM-DD HH:MM:SS)")


def local_date(text: str, where: Where) -> date:
    """A calendar date `YYYY-MM-DD`; ImportFileError otherwise."""
    try:
        return parse_iso_date(text)
    except ValueError:
        raise ImportFileError(where[0], where[1], f"bad date {text.strip()!r} (expected YYYY-MM-DD)") from None


def instant(moment: datetime, tz: tzinfo | None) -> str:
    """The ISO instant (with offset, to the second) of a naive local time: in `tz`, or in this
    machine's zone (with its daylight-saving rules) when tz is None, since the apps export the
    phone's wall-clock time and the phone is usually where the runner lives."""
    aware = moment.replace(tzinfo=tz) if tz is not None else moment.astimezone()
    return aware.isoformat(timespec="seconds")


def believable_end(start: datetime, seconds: int | None) -> datetime | None:
    """start + seconds when that is a believable session length (1 s .. 6 h), else None."""
    if seconds is None or not 0 < seconds <= MAX_BELIEVABLE_SESSION_S:
        return None
    return start + timedelta(seconds=seconds)


_HMS = re.compile(r"^(\d+):([0-5]\d):([0-5]\d)$")
_WORDS = re.compile(r"^(?:(\d+)\s*h)?\s*(?:(\d+)\s*m(?:in)?)?\s*(?:(\d+)\s*s)?$")


def duration_seconds(text: str, what: str, where: Where) -> int | None:
    """Seconds from `58m`, `1h 4m`, `45s`, `3600`, `1:04:00` or `0:01:30`; None when blank."""
    raw = text.strip().lower()
    if not raw:
        return None
    if raw.isascii() and raw.replace(".", "", 1).isdigit():
        return int(Decimal(raw).to_integral_value())
    if match := _HMS.match(raw):
        return int(match[1]) * 3600 + int(match[2]) * 60 + int(match[3])
    if match := _WORDS.match(raw):
        if any(match.groups()):
            return int(match[1] or 0) * 3600 + int(match[2] or 0) * 60 + int(match[3] or 0)
    raise ImportFileError(where[0], where[1], f"{what} is not a duration: {text.strip()!r}")


def is_cardio(distance: Decimal | None, weight: Decimal | None, running_name: bool) -> bool:
    """Running or other cardio, which runstrong does not keep (`runs` holds planned runs and
    races, not a log of past runs): a name
    the alias table lists as running, or a distance with no weight. A distance *with* a weight is
    a loaded carry or a sled push: a set, with its distance kept in the note (distance_note)."""
    return running_name or (distance is not None and distance > 0 and not weight)


def distance_note(distance: Decimal | None, unit: str) -> str:
    """'distance 40 m' for a loaded carry's distance, '' when there is none."""
    if distance is None or distance <= 0:
        return ""
    return f"distance {plain(distance)} {unit}".rstrip()


def joined_note(*parts: str) -> str:
    """A set's note from the file's note and what the import kept beside it, '; '-separated."""
    return "; ".join(part for part in parts if part)
