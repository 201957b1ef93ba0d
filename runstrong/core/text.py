"""Text from a file or the database made safe to draw: no control or escape characters.

A note, an exercise name or a program name may come from an imported file or from another
program that wrote the database. Sent to a terminal as it is, `ESC ] 0 ; … BEL` retitles the
window, `ESC [ … m` recolours the screen, a bare carriage return overwrites the line, and a
bidi override makes text read backwards. Every place that draws stored text passes it through
`printable()` first (ours: the set of characters follows ECMA-48 and Unicode's bidi controls).
"""

from __future__ import annotations

import re
import unicodedata

# Whole escape sequences go, not just their ESC, so no "[31m" or "]0;title" is left behind.
# ECMA-48: CSI (ESC [ or 0x9B) params, intermediates, final byte; OSC/DCS/SOS/PM/APC strings
# (ESC ] P X ^ _ or their C1 forms) run to BEL or ST (ESC \ or 0x9C), or to the end of the text;
# any other ESC takes the one character after it.
_ESCAPE_SEQUENCE = re.compile(
    r"(?:\x1b\[|\x9b)[0-?]*[ -/]*[@-~]?"
    r"|(?:\x1b[\]PX^_]|[\x9d\x90\x98\x9e\x9f])[^\x07\x1b\x9c]*(?:\x07|\x1b\\|\x9c)?"
    r"|\x1b[\x20-\x7e]?",
    re.DOTALL,
)

BIDI_CONTROLS = frozenset("\u061c\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")
"""Marks, embeddings, overrides and isolates that reorder what follows them on screen."""

_LINE_BREAKS = frozenset("\n\r\u2028\u2029\x0b\x0c\x85")


def printable(text: str, *, newlines: bool = False) -> str:
    """`text` without C0/C1 control characters, DEL, escape sequences or bidi controls.

    A tab becomes a space. Line breaks (CR, LF, CRLF, VT, FF, NEL, U+2028/9) become one space,
    or one "\\n" with `newlines=True` (for a note drawn over several lines). Everything else
    printable, emoji joiners included, is kept as it was. Idempotent: printable(printable(t))
    is printable(t).
    """
    if text.isprintable():  # the common case: nothing to do (isprintable() is False for all above)
        return text
    text = _ESCAPE_SEQUENCE.sub("", text.replace("\r\n", "\n"))
    out: list[str] = []
    for char in text:
        if char in _LINE_BREAKS:
            out.append("\n" if newlines else " ")
        elif char == "\t":
            out.append(" ")
        elif char in BIDI_CONTROLS or unicodedata.category(char) == "Cc":
            continue
        else:
            out.append(char)
    return "".join(out)


def plain_text(text: str) -> str:
    """`printable(text)` on one line, runs of spaces folded into one (for names typed or imported)."""
    return " ".join(printable(text).split())
