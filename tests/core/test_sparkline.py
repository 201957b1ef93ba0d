"""Sparkline columns and bars, against values worked out by hand."""

from __future__ import annotations

import pytest

from runstrong.core.sparkline import Column, bar_rows, columns


def test_more_values_than_columns_keep_each_runs_highest() -> None:
    # 6 values into 3 columns: runs [1, 5], [2, 2], [9, 3] → 5, 2, 9; min 1, max 9 (range 8).
    assert columns([1, 5, 2, 2, 9, 3], 3) == [Column(5, 0.5), Column(2, 0.125), Column(9, 1.0)]


def test_uneven_runs_lose_no_value() -> None:
    # 5 values into 2 columns: [0·5/2, 1·5/2) = values 0–1, then values 2–4.
    assert [column.value for column in columns([7, 1, 2, 8, 3], 2)] == [7, 8]


def test_fewer_values_than_columns_are_stretched() -> None:
    assert [column.value for column in columns([10, 20], 5)] == [10, 10, 10, 20, 20]


def test_flat_and_lone_series() -> None:
    assert {column.ratio for column in columns([4, 4, 4], 3)} == {0.0}
    assert columns([4], 2) == [Column(4, 1.0), Column(4, 1.0)]
    assert columns([], 5) == []


def test_bars_fill_eighths_across_two_rows() -> None:
    # Ratios 0, 1/7 … 1 over 2 rows = 15 eighths: levels 0, 2, 4, 6, 8, 10, 12, 15.
    rows = bar_rows(columns([1, 2, 3, 4, 5, 6, 7, 8], 8), 2)
    assert rows == ["    ▁▃▅█", "▁▃▅▇████"]


@pytest.mark.parametrize("height", [1, 3])
def test_the_minimum_is_the_lowest_eighth_and_the_maximum_full(height: int) -> None:
    rows = bar_rows(columns([0, 10], 2), height)
    assert len(rows) == height
    assert rows[-1][0] == "▁" and all(row[1] == "█" for row in rows)
