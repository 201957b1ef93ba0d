"""Counts in words: one of a thing is singular, everything else plural."""

from __future__ import annotations

import pytest

from runstrong.core.plurals import count_of, noun_for


@pytest.mark.parametrize(
    ("count", "noun", "written"),
    [(1, "rep", "1 rep"), (0, "rep", "0 reps"), (2, "rep", "2 reps"), (1234, "set", "1,234 sets"), (1, "day", "1 day")],
)
def test_count_of(count: int, noun: str, written: str) -> None:
    assert count_of(count, noun) == written


def test_noun_for_gives_the_word_alone() -> None:
    assert [noun_for(n, "line") for n in (0, 1, 2)] == ["lines", "line", "lines"]
    assert noun_for(2, "person", "people") == "people"
