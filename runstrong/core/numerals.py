"""Digits as runners type them: any script's decimal digits read as 0-9, and nothing else.

The rule (ours), the same in every field and on the command line: a decimal digit of any script
counts as that digit, so `１２` (full-width, from a Japanese keyboard) and `١٢` (Arabic-Indic) are
12 like `12`. Grouping underscores (`1_000`, a Python literal, not how anyone writes a number) and
other digit-like characters (superscript `²`, circled `①`) are refused. Python's own int() and
float() would accept `1_000` and, for float, some of the rest: so every parser normalises the
text with `ascii_digits` first and then matches ASCII-only patterns.
"""

from __future__ import annotations

import unicodedata


def ascii_digits(text: str) -> str:
    """`text` with every decimal digit of any script replaced by its ASCII 0-9; nothing else
    changes ("١٢ kg" -> "12 kg", "1_000" stays "1_000", "²" stays "²")."""
    if text.isascii():
        return text
    return "".join(str(unicodedata.decimal(char)) if char.isdecimal() else char for char in text)
