"""Text that came from a file, the database or the keyboard, made safe to show in a terminal."""

from __future__ import annotations

import re

_CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f]")


def plain_text(text: str) -> str:
    """One line with no control or escape characters (each becomes a space; runs of space fold)."""
    return " ".join(_CONTROL.sub(" ", text).split())
