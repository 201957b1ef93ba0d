"""Text from a file or the database is data: make it safe to print on a terminal."""

from __future__ import annotations

import re

# C0 and C1 control characters (ESC among them) except tab and newline, plus DEL.
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")


def printable(text: str) -> str:
    """`text` without control characters, so a name like "Squat\\x1b[2J" cannot drive the
    terminal: "Squat[2J". Tabs and newlines are kept."""
    return _CONTROL.sub("", text)
