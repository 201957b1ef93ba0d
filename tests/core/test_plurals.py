"""Counts in words: one of a thing is singular, everything else plural."""

from __future__ import annotations

import pytest

from runstrong.core.plurals import count_of


@pytest.mark.parametrize(
    ("count", "noun", "written"),
    [(1, "rep", "1 rep"), (0, "rep", "0 reps"), (2, "rep", "2 reps"), (1234, "set", "1,234 sets"), (1, "day", "1 day")],
)
def test_count_of(count: int, noun: str, written: str) -> None:
    assert count_of(count, noun) == written
