"""Planned runs and races from an iCalendar file, as training-plan services export them.

`icalendar` parses the file and `recurring-ical-events` expands recurrences (RRULE, RDATE,
EXDATE, moved occurrences) over a window of dates; nothing here parses iCalendar by hand.

Each event becomes a `Run` when its summary or its categories name a kind of run (the first
rule that matches wins; words are matched whole and case does not matter):
  race   "race" (not "race pace"), "parkrun", or a summary starting "Race:"   -> RunKind.RACE
  rest   "rest", "day off", "off day"                                         -> RunKind.REST
  long   "long" ("Long run 25 km", "long slow distance"), "LSR", "LSD"        -> RunKind.LONG
  hard   interval(s), tempo, threshold, hill(s), fartlek, speed, track, VO2, repeats,
         a repeat count like "6×800 m" or "5 x 1 km"                          -> RunKind.HARD
  easy   easy, recovery, jog, aerobic, base, shakeout, or a bare "Run"        -> RunKind.EASY
Anything else is reported as not understood, with the line its event starts on; it is never
dropped silently. Distances: the first "N km", "N k", "N mi" or "N miles" in the summary (not
the description, where warm-ups and paces would mislead: "2 km warm-up, 6 × 800 m at 5k pace");
"half marathon" = 21.1 km and "marathon" = 42.2 km; "10k"/"5k" read as km. A repeat count's
distance ("6 × 1 km") is not the run's distance.
A race's priority comes from "(A)", "[B]", "A race", "A-race" or "priority C" in the summary,
description or categories; none given means a C race.
Dates: all-day events keep their date; timed events take the date they start on in the runner's
time zone (`tz`); floating times are taken as they are.
Identity: an event's UID, plus the occurrence's original date for recurring events, so importing
the same file twice gives the same uids and changes nothing.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass
from datetime import date, datetime, tzinfo
from typing import Any

import icalendar
import recurring_ical_events

from runstrong.core.running import MILE_KM, Priority, Run, RunKind
from runstrong.core.text import plain_text

SOURCE = "ics"


class IcsError(ValueError):
    """The file cannot be read as a calendar; `line` (1-based) says where, when known."""

    def __init__(self, line: int, reason: str) -> None:
        super().__init__(f"{line}: {reason}")
        self.line = line
        self.reason = reason


@dataclass(frozen=True)
class NotUnderstood:
    """An event no rule could classify: where it starts in the file, on which date, its summary."""

    line: int
    date: date
    summary: str

    def describe(self) -> str:
        return f"{self.line}: {self.date.isoformat()} {self.summary!r}: not a run kind runstrong knows"


@dataclass(frozen=True)
class IcsImport:
    """What a calendar file gave: the runs and races understood, and the events that were not (with why)."""

    runs: tuple[Run, ...]
    not_understood: tuple[NotUnderstood, ...]


def _words(*patterns: str) -> re.Pattern[str]:
    return re.compile(r"\b(?:" + "|".join(patterns) + r")\b", re.IGNORECASE)


_RACE = _words(r"race(?!\s*pace)", "parkrun")
_RACE_PREFIX = re.compile(r"^\s*race\s*[:\-–—]\s*", re.IGNORECASE)
_REST = _words("rest", "day off", "off day")
_LONG = _words("long", "lsr", "lsd")
_HARD = _words(
    "intervals?", "tempo", "threshold", "hills?", "hill repeats", "fartlek", "speed", "track",
    "vo2(?:max)?", "repeats", r"\d+\s*[x×]\s*\d+(?:[.,]\d+)?\s*(?:m|km|k|mi|min|s)?",
)
_EASY = _words("easy", "recovery", "jog", "aerobic", "base", "shakeout", "shake-out")
_BARE_RUN = re.compile(r"^\s*run\s*$", re.IGNORECASE)
_RULES: tuple[tuple[RunKind, re.Pattern[str]], ...] = (
    (RunKind.RACE, _RACE),
    (RunKind.REST, _REST),
    (RunKind.LONG, _LONG),
    (RunKind.HARD, _HARD),
    (RunKind.EASY, _EASY),
)
_DISTANCE = re.compile(
    r"(?<![\d×x]\s)(?<![\d×x])(\d+(?:[.,]\d+)?)\s*(km|k|mi|miles?)\b", re.IGNORECASE
)
_HALF = _words("half marathon", "half-marathon", "halfmarathon")
_FULL = _words("marathon")
_PRIORITY = re.compile(
    r"(?:\(([ABC])\)|\[([ABC])\]|\b([ABC])[- ]race\b|\bpriority\s*:?\s*([ABC])\b)", re.IGNORECASE
)


def classify(summary: str, categories: tuple[str, ...] = ()) -> RunKind | None:
    """The run kind a summary or its categories name, by the rules above; None if none matches."""
    for text in (*categories, summary):
        if _RACE_PREFIX.match(text):
            return RunKind.RACE
    for kind, pattern in _RULES:
        if any(pattern.search(text) for text in (*categories, summary)):
            return kind
    if _BARE_RUN.match(summary):
        return RunKind.EASY
    return None


def distance_km(*texts: str) -> float | None:
    """The first distance in the texts, in km (miles converted), or a marathon's; None if none."""
    for text in texts:
        match = _DISTANCE.search(text)
        if match:
            number = float(match[1].replace(",", "."))
            km = number * MILE_KM if match[2].lower().startswith("mi") else number
            if 0 < km <= 1000:
                return round(km, 3)
        if _HALF.search(text):
            return 21.1
        if _FULL.search(text):
            return 42.2
    return None


def race_priority(*texts: str) -> Priority | None:
    for text in texts:
        match = _PRIORITY.search(text)
        if match:
            return Priority(next(g for g in match.groups() if g).upper())
    return None


def read_ics(data: bytes, start: date, end: date, tz: tzinfo | None = None) -> IcsImport:
    """Runs and races from an iCalendar file, occurrences from `start` to `end` (inclusive).

    `tz`: the runner's time zone for timed events (None: the system's). Raises IcsError (with a
    line) when the file is not a readable calendar.
    """
    text = data.decode("utf-8-sig", errors="replace")
    if "BEGIN:VCALENDAR" not in text.upper():
        raise IcsError(1, "not an iCalendar file (no BEGIN:VCALENDAR)")
    # icalendar skips some malformed lines quietly; a line we cannot read is a file we refuse.
    bad = _bad_line(text)
    if bad is not None:
        raise IcsError(bad, f"not a readable iCalendar file (line {bad} is not NAME:VALUE)")
    try:
        calendar = icalendar.Calendar.from_ical(text)
    except ValueError as err:
        raise IcsError(1, f"not a readable iCalendar file ({err})") from None
    lines = _event_lines(text)
    recurring = {
        str(event.get("UID", ""))
        for event in calendar.walk("VEVENT")
        if event.get("RRULE") or event.get("RDATE") or event.get("RECURRENCE-ID")
    }
    for event in calendar.walk("VEVENT"):
        broken = [name for name, value in event.items() if type(value).__name__ == "vBroken"]
        if broken:
            uid = str(event.get("UID", ""))
            raise IcsError(lines.get(uid, 1), f"event {plain_text(str(event.get('SUMMARY', uid)))!r} has an unreadable {broken[0]}")
    try:
        occurrences = list(recurring_ical_events.of(calendar).between(start, _day_after(end)))
    except Exception as err:  # the library raises several types for a malformed recurrence
        raise IcsError(1, f"cannot expand the events ({err})") from None

    runs: list[Run] = []
    lost: list[NotUnderstood] = []
    for event in occurrences:
        when = _event_date(event.get("DTSTART").dt, tz)
        if not start <= when <= end:
            continue
        summary = plain_text(str(event.get("SUMMARY", "")))
        description = plain_text(str(event.get("DESCRIPTION", "")))
        categories = _categories(event)
        uid_text = str(event.get("UID", "")) or _fallback_uid(summary, when)
        kind = classify(summary, categories)
        if kind is None:
            lost.append(NotUnderstood(lines.get(uid_text, 1), when, summary))
            continue
        uid = f"ics:{uid_text}"
        if uid_text in recurring:
            original = event.get("RECURRENCE-ID")
            uid += f":{_original_date(original.dt if original is not None else event.get('DTSTART').dt)}"
        name = summary
        if kind is RunKind.RACE:
            name = _PRIORITY.sub("", _RACE_PREFIX.sub("", summary)).strip(" -–—:") or summary
        runs.append(
            Run(
                date=when,
                kind=kind,
                distance_km=distance_km(summary),
                name=name,
                priority=race_priority(summary, description, *categories) if kind is RunKind.RACE else None,
                uid=uid,
                source=SOURCE,
            )
        )
    runs.sort(key=lambda r: (r.date, r.uid))
    lost.sort(key=lambda n: (n.date, n.line))
    return IcsImport(tuple(runs), tuple(lost))


def _day_after(day: date) -> date:
    return date.fromordinal(day.toordinal() + 1)


def _event_date(value: Any, tz: tzinfo | None) -> date:
    if isinstance(value, datetime):
        if value.tzinfo is None:
            return value.date()  # floating time: the same wall clock everywhere
        return value.astimezone(tz).date()
    return value


def _original_date(value: Any) -> str:
    # The occurrence's own start as the file states it, so the uid never depends on our time zone.
    return value.isoformat() if isinstance(value, datetime) else value.isoformat()


def _categories(event: Any) -> tuple[str, ...]:
    found: list[str] = []
    values = event.get("CATEGORIES")
    for entry in values if isinstance(values, list) else [values] if values is not None else []:
        found.extend(plain_text(str(c)) for c in getattr(entry, "cats", [entry]))
    return tuple(found)


def _fallback_uid(summary: str, when: date) -> str:
    return hashlib.sha1(f"{when.isoformat()}|{summary}".encode()).hexdigest()[:16]


def _event_lines(text: str) -> dict[str, int]:
    """UID -> the line its (first) BEGIN:VEVENT is on, for messages about that event."""
    found: dict[str, int] = {}
    begin = 0
    for number, line in enumerate(text.splitlines(), 1):
        upper = line.upper()
        if upper.startswith("BEGIN:VEVENT"):
            begin = number
        elif upper.startswith("UID") and begin:
            found.setdefault(line.partition(":")[2].strip(), begin)
    return found


_CONTENT_LINE = re.compile(r"^[A-Za-z0-9-]+(?:;[^:]*)?:")


def _bad_line(text: str) -> int | None:
    """The first line that is neither a content line ("NAME;PARAMS:value") nor a folded
    continuation (starting with a space or tab); None when every line is one of those."""
    for number, line in enumerate(text.splitlines(), 1):
        if line and not line[0].isspace() and not _CONTENT_LINE.match(line):
            return number
    return None
