"""Names from a file or the database put inside Textual markup: shown as typed, never parsed.

An own exercise called "Press [/b] x" would otherwise end a bold that was never opened, and
Textual refuses such markup with an error (ours: found while testing own exercise names).
"""

from __future__ import annotations

from textual.markup import escape

from runstrong.core.text import plain_text


def as_markup(text: str) -> str:
    """`text` without control characters and with its square brackets escaped for markup."""
    return escape(plain_text(text))
