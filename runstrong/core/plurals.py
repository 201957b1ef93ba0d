"""Counts in words: "1 rep", "12 reps", "1,234 sets", never "1 reps"."""

from __future__ import annotations


def noun_for(count: int, noun: str, plural: str | None = None) -> str:
    """`noun` alone, in the plural unless `count` is exactly one ("lines 5, 9"; "line 5").
    `plural` for nouns that do not just take an "s"."""
    return noun if count == 1 else plural or noun + "s"


def count_of(count: int, noun: str, plural: str | None = None) -> str:
    """`count` and `noun`, the noun in the plural unless the count is exactly one; thousands
    grouped with commas. `plural` for nouns that do not just take an "s"."""
    return f"{count:,} {noun_for(count, noun, plural)}"
