"""Sparkline arithmetic: a series squeezed (or stretched) into a number of columns of bars.

Drawn the way Textual's Sparkline renderable draws one (each column is the highest value of its
share of the series; eighth-block characters; several rows stack into a taller bar). Kept here as
plain arithmetic so the Progress chart can turn it into styled text in one go: going through
Rich, the renderable took a quarter of the time Progress needed to open.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

BARS = "▁▂▃▄▅▆▇█"


@dataclass(frozen=True)
class Column:
    """One column of the chart: its value and where that sits between the series' min and max."""

    value: float
    ratio: float
    """0.0 at the minimum, 1.0 at the maximum (0.0 throughout a flat series; 1.0 for a lone value)."""


def columns(values: Sequence[float], width: int) -> list[Column]:
    """`width` columns for `values` (oldest first). More values than columns: each column shows
    the highest of its run of consecutive values. Fewer: each value spans several columns."""
    if not values or width < 1:
        return []
    count = len(values)
    if count == 1:
        return [Column(values[0], 1.0)] * width  # a lone value is drawn full height
    if count >= width:
        # Column c covers values [c·n/w, (c+1)·n/w): integer arithmetic, so no value is lost
        # or counted twice.
        picked = [max(values[c * count // width:(c + 1) * count // width]) for c in range(width)]
    else:
        picked = [values[c * count // width] for c in range(width)]
    low, high = min(values), max(values)
    extent = high - low
    return [Column(value, (value - low) / extent if extent else 0.0) for value in picked]


def bar_rows(column_list: Sequence[Column], height: int) -> list[str]:
    """The characters of each row, top row first. A column of ratio r fills r of the
    height × 8 eighths, as Textual's Sparkline does (the minimum shows as the lowest eighth)."""
    eighths = len(BARS) * height - 1
    rows = []
    for row in reversed(range(height)):
        low, high = row * len(BARS), (row + 1) * len(BARS)
        chars = []
        for column in column_list:
            level = int(column.ratio * eighths)
            chars.append(" " if level < low else "█" if level >= high else BARS[level % len(BARS)])
        rows.append("".join(chars))
    return rows
