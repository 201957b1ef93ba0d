"""The dates runstrong plans and stores: 1900-01-01 to 2200-12-31 (ours).

A date typed far outside a runner's life ("9999-12-31", "0001-01-01") is a slip of the keyboard;
the plan looks a week beyond its last day, which Python's dates cannot do at year 9999. Every
place a date is typed checks it against this range, so such a date never reaches the database.
"""

from __future__ import annotations

from datetime import date

from runstrong.core.clock import parse_iso_date

EARLIEST = date(1900, 1, 1)
"""The first date runstrong accepts (ours)."""
LATEST = date(2200, 12, 31)
"""The last date runstrong accepts (ours)."""
RANGE_TEXT = f"{EARLIEST.isoformat()}..{LATEST.isoformat()}"


def check_in_range(day: date, what: str = "date") -> date:
    """`day` itself if EARLIEST <= day <= LATEST; ValueError "date 9999-12-31 is outside
    1900-01-01..2200-12-31" otherwise (`what` names the date in the message)."""
    if not EARLIEST <= day <= LATEST:
        raise ValueError(f"{what} {day.isoformat()} is outside {RANGE_TEXT}")
    return day


def read_date(text: str, what: str = "date") -> date:
    """A date written YYYY-MM-DD (core.clock.parse_iso_date, the one strict reader) within the
    range; ValueError with a one-line reason otherwise."""
    try:
        day = parse_iso_date(text)
    except ValueError:
        raise ValueError(f"{what} {text!r} is not a date; use YYYY-MM-DD, e.g. 2027-01-04") from None
    return check_in_range(day, what)
