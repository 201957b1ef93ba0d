"""Parse and format durations as a runner types them: "45", "45s", "1:30", "2m", "1m30s"."""

from __future__ import annotations

import re

ACCEPTED = "seconds as 45 or 45s, minutes as 2m, or 1:30 or 1m30s"
MAX_SECONDS = 3600

_COLON = re.compile(r"^(\d{1,2}):([0-5]\d)$")
_UNITS = re.compile(r"^(?:(\d+)m)?(?:(\d+)s?)?$")


class DurationError(ValueError):
    """A duration that cannot be understood; the message says what is accepted."""


def parse_duration(text: str, *, allow_zero: bool = False, maximum: int = MAX_SECONDS) -> int:
    """Return whole seconds for `text`, or raise DurationError with a one-line reason."""
    raw = text.strip().lower()
    seconds: int | None = None
    if match := _COLON.match(raw):
        seconds = int(match[1]) * 60 + int(match[2])
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
        raise DurationError(f"invalid duration {text!r}: at most {format_clock(maximum)} ({maximum} s)")
    return seconds


def format_clock(seconds: float) -> str:
    """"1:05" style; whole seconds rounded up so a countdown shows 0:00 only when it is over."""
    whole = max(0, int(-(-seconds // 1)))
    return f"{whole // 60}:{whole % 60:02d}"


def format_seconds(seconds: int) -> str:
    """Compact form for lists: "45 s", "1 min 30 s", "2 min"."""
    minutes, secs = divmod(int(seconds), 60)
    if not minutes:
        return f"{secs} s"
    return f"{minutes} min" + (f" {secs} s" if secs else "")
