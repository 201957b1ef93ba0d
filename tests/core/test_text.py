"""printable(): text from a file or the database reaches the terminal as data, never as commands."""

from __future__ import annotations

import unicodedata

from hypothesis import given
from hypothesis import strategies as st

from runstrong.core.text import BIDI_CONTROLS, printable


def test_a_title_rewriting_escape_goes_whole() -> None:
    # OSC 0 sets the terminal's title; the whole sequence goes, not just its ESC.
    assert printable("Squat\x1b]0;pwned\x07 day") == "Squat day"
    assert printable("Squat\x1b]0;pwned\x1b\\ day") == "Squat day"


def test_colour_and_cursor_sequences_go_whole() -> None:
    assert printable("\x1b[31mred\x1b[0m \x1b[2J\x1b[1;1Hhome") == "red home"
    assert printable("a\x9b31mb") == "ab"  # the one-byte C1 form of CSI


def test_c0_c1_del_and_bidi_controls_are_dropped() -> None:
    assert printable("a\x00b\x07c\x7fd") == "abcd"
    assert printable("x\x80\x91y") == "xy"
    # APC (0x9F) opens a string the terminal swallows up to ST; so does printable.
    assert printable("x\x9fhidden\x9cy") == "xy"
    assert printable("x\x85y") == "x y"  # NEL is a line break
    # "Right-to-left override" makes "gpj.exe" read as "exe.jpg".
    assert printable("plank\u202egpj.exe") == "plankgpj.exe"
    assert printable("\u2066a\u2069\u200f") == "a"


def test_line_breaks_become_spaces_or_newlines_when_asked() -> None:
    assert printable("one\r\ntwo\rthree\nfour\tfive") == "one two three four five"
    assert printable("one\r\ntwo\rthree", newlines=True) == "one\ntwo\nthree"
    # A bare carriage return would overwrite the start of the line on screen.
    assert "\r" not in printable("Notes\r=1+2", newlines=True)


def test_ordinary_text_is_kept_as_it_is() -> None:
    for text in ("Copenhagen plank", "Ødegaard · 40 kg", "深蹲", "🏃‍♀️ long run", "ça va", "x\u00a0y"):
        assert printable(text) == text


@given(st.text())
def test_nothing_that_drives_a_terminal_survives(text: str) -> None:
    for newlines in (False, True):
        out = printable(text, newlines=newlines)
        for char in out:
            assert unicodedata.category(char) != "Cc" or (newlines and char == "\n")
            assert char not in BIDI_CONTROLS
        assert printable(out, newlines=newlines) == out  # idempotent


@given(st.text(alphabet=st.characters(blacklist_categories=("Cc", "Cf", "Zl", "Zp", "Cs"))))
def test_text_without_controls_passes_unchanged(text: str) -> None:
    assert printable(text) == text
