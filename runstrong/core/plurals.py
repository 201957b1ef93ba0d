"""Counts in words: "1 rep", "12 reps", "1,234 sets", never "1 reps"."""

from __future__ import annotations


def count_of(count: int, noun: str, plural: str | None = None) -> str:
    """`count` and `noun`, the noun in the plural unless the count is exactly one; thousands
    grouped with commas. `plural` for nouns that do not just take an "s"."""
    return f"{count:,} {noun if count == 1 else plural or noun + 's'}"
