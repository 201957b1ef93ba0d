"""Validate what a runner types about a set or a session beyond reps, load and hold: an RPE,
a note, and the date of a session logged late."""

from __future__ import annotations

import re
from datetime import date, timedelta

from runstrong.core.clock import parse_iso_date
from runstrong.core.set_input import InputProblem
from runstrong.core.text import printable

MAX_NOTE_CHARS = 500
"""Ours: room for a cue or a how-it-felt line, not an essay."""

MAX_DAYS_BACK = 366
"""Ours: a session forgotten for more than a year is better imported than typed."""



def parse_rpe(text: str) -> float | None:
    """Rate of perceived exertion: blank is none, else 1 to 10 in steps of 0.5 (the usual RPE
    scale, e.g. 8 or 8.5). InputProblem otherwise."""
    raw = text.strip().replace(",", ".")
    if not raw:
        return None
    problem = InputProblem("RPE must be 1 to 10 in half steps, e.g. 8 or 8.5 (blank for none)")
    try:
        value = float(raw)
    except ValueError:
        raise problem from None
    if not 1 <= value <= 10 or value * 2 != int(value * 2):
        raise problem
    return value


def clean_note(text: str) -> str:
    """A note as it is stored: control and escape characters removed (core.text), trimmed;
    InputProblem past MAX_NOTE_CHARS."""
    note = printable(text).strip()
    if len(note) > MAX_NOTE_CHARS:
        raise InputProblem(f"A note holds at most {MAX_NOTE_CHARS} characters ({len(note)} typed)")
    return note


def format_rpe(rpe: float | None) -> str:
    """ "8", "8.5", or "" for none."""
    if rpe is None:
        return ""
    return str(int(rpe)) if rpe == int(rpe) else str(rpe)


def parse_session_date(text: str, today: date) -> date:
    """The date a session is logged for: blank or "today", "yesterday", "-N" (N days back) or
    an ISO date; never after today nor more than MAX_DAYS_BACK days before. InputProblem
    otherwise."""
    raw = text.strip().lower()
    accepted = "today, yesterday, -2 (two days ago) or a date like 2026-11-20"
    if raw in ("", "today"):
        return today
    if raw == "yesterday":
        return today - timedelta(days=1)
    if re.fullmatch(r"-\d{1,3}", raw):
        chosen = today - timedelta(days=int(raw[1:]))
    else:
        try:
            chosen = parse_iso_date(raw)  # the one strict YYYY-MM-DD reader
        except ValueError:
            raise InputProblem(f"Date must be {accepted}") from None
    if chosen > today:
        raise InputProblem("A session cannot be logged for a day still to come")
    if (today - chosen).days > MAX_DAYS_BACK:
        raise InputProblem(f"At most {MAX_DAYS_BACK} days back; import older sessions from a file")
    return chosen
