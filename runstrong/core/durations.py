"""Durations: read as a runner types them ("45", "45s", "1:30", "2m", "1m30s"), written one way.

`format_duration` is the one way runstrong writes a duration, on every screen and in the CLI's
output (ours): minutes and seconds, "0:45", "1:05", "52:13"; from an hour, "1:05:00".
Digits of any script are read as 0-9, `1_000` is refused (core.numerals).
"""

from __future__ import annotations

import re

from runstrong.core.numerals import ascii_digits

ACCEPTED = "seconds as 45 or 45s, minutes as 2m, or 1:30 or 1m30s"
"""What the CLI's error lines list (h:mm:ss, as durations are written back, is read too)."""
MAX_SECONDS = 3600

_COLON = re.compile(r"^(?:(\d{1,2}):(?=\d\d:))?(\d{1,2}):([0-5]\d)$", re.ASCII)
_UNITS = re.compile(r"^(?:(\d+)m)?(?:(\d+)s?)?$", re.ASCII)


class DurationError(ValueError):
    """A duration that cannot be understood; the message says what is accepted."""


def parse_duration(text: str, *, allow_zero: bool = False, maximum: int = MAX_SECONDS) -> int:
    """Return whole seconds for `text`, or raise DurationError with a one-line reason."""
    raw = ascii_digits(text.strip().lower())
    seconds: int | None = None
    if match := _COLON.match(raw):
        hours, minutes = int(match[1] or 0), int(match[2])
        # "1:05:00" is how format_duration writes an hour and more; its minutes are two digits.
        if match[1] and minutes > 59:
            raise DurationError(f"invalid duration {text!r}: minutes after hours must be 00-59 ({ACCEPTED})")
        seconds = hours * 3600 + minutes * 60 + int(match[3])
    elif raw and (match := _UNITS.match(raw)) and (match[1] or match[2]):
        minutes, secs = int(match[1] or 0), int(match[2] or 0)
        # "1m75s" is more likely a typo than a wish for 2:15.
        if match[1] and secs > 59:
            raise DurationError(f"invalid duration {text!r}: seconds after minutes must be 0-59 ({ACCEPTED})")
        seconds = minutes * 60 + secs
    if seconds is None:
        raise DurationError(f"invalid duration {text!r}: use {ACCEPTED}")
    if seconds == 0 and not allow_zero:
        raise DurationError(f"invalid duration {text!r}: must be longer than 0 seconds")
    if seconds > maximum:
        raise DurationError(f"invalid duration {text!r}: at most {format_duration(maximum)}")
    return seconds


def format_duration(seconds: float) -> str:
    """The one way a duration is written: "0:45", "1:05", "59:59", "1:00:00". A fraction of a
    second counts as a whole one (rounded up), so a countdown shows 0:00 only when it is over."""
    whole = max(0, int(-(-seconds // 1)))
    hours, rest = divmod(whole, 3600)
    minutes, secs = divmod(rest, 60)
    if hours:
        return f"{hours}:{minutes:02d}:{secs:02d}"
    return f"{minutes}:{secs:02d}"
