"""Everything below Progress's title: charts of bests, then the balance and records tables.

Drawn by one widget as lines of styled text, made once per width, and only the lines in view
are rendered. The screen used to be a widget per chart and table; mounting, styling and laying
those out was most of the time Progress took to open on ten years of one exercise.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import date
from itertools import groupby

from textual.content import Content
from textual.geometry import Size
from textual.scroll_view import ScrollView
from textual.strip import Strip
from textual.visual import Visual

from runstrong.core.sparkline import bar_rows, columns

SHADES = 8
"""Bar colours from dim (the series' minimum) to full (its maximum): a few steps read as a
gradient and keep the number of distinct styles small."""


def shade_style(ratio: float) -> str:
    """$success from 35 % (the minimum) to 100 % (the maximum), in SHADES steps."""
    step = round(ratio * (SHADES - 1))
    return f"$success {35 + 65 * step // (SHADES - 1)}%"


def styled_runs(chars: str, styles: Sequence[str]) -> Content:
    """`chars` with styles[i] on chars[i], as one span per run of equal styles."""
    runs = groupby(zip(chars, styles), key=lambda pair: pair[1])
    return Content.assemble(*(("".join(char for char, _ in run), style) for style, run in runs))


class ProgressChart:
    """One measure over time: `points` are (day, value) oldest first, one per training day;
    `show` formats a value.

    Four lines: the title with last / max / min, two lines of sparkline, and the first and last
    dates under its ends. The line is spread over training days, not calendar time (a month
    off leaves no gap), so the dates say what span it covers.
    """

    def __init__(self, title: str, points: Sequence[tuple[date, float]], show: Callable[[float], str]) -> None:
        self.title = title
        self.points = list(points)
        self.show = show

    def lines(self, width: int) -> list[Content]:
        width = max(1, width)
        values = [value for _, value in self.points]
        show = self.show
        title = Content.assemble(
            (self.title, "bold"), f"  last {show(values[-1])} · max {show(max(values))} · min {show(min(values))}"
        ).truncate(width, ellipsis=True)
        bars = columns(values, width)
        styles = [shade_style(column.ratio) for column in bars]
        rows = [styled_runs(row, styles) for row in bar_rows(bars, 2)]
        first, last = self.points[0][0].isoformat(), self.points[-1][0].isoformat()
        axis = first.ljust(max(len(first) + 1, width - len(last))) + last if len(self.points) > 1 else first
        return [title, *rows, Content.styled(axis[:width], "$text-muted")]


class ProgressBody(ScrollView, can_focus=True):
    """Lines made by `make_lines(width)`, scrolled; only the lines in view are drawn."""

    def __init__(self, make_lines: Callable[[int], list[Content]], *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.make_lines = make_lines
        self._lines: list[Content] = []
        self._width = -1
        self._strips: dict[int, Strip] = {}

    def text(self) -> list[str]:
        """The lines as laid out now, without their styles (for tests and scripts)."""
        return [line.plain for line in self._lines]

    def on_mount(self) -> None:
        # Before the first layout there is no size yet; the body spans the screen less its
        # padding and scrollbar gutter, so lay out for that and the first frame needs no other.
        self._lay_out(self.app.size.width - self.styles.gutter.width - self.styles.scrollbar_size_vertical)

    def on_resize(self) -> None:
        self._lay_out(self.scrollable_content_region.width)

    def _lay_out(self, width: int) -> None:
        if width != self._width:
            self._width = width
            self._lines = self.make_lines(width)
            self._strips = {}
            self.virtual_size = Size(width, len(self._lines))
            self.refresh()

    def render_line(self, y: int) -> Strip:
        index = self.scroll_offset.y + y
        strip = self._strips.get(index)
        if strip is None:
            line = self._lines[index] if index < len(self._lines) else Content("")
            strip = Visual.to_strips(self, line, self._width, 1, self.visual_style, pad=True)[0]
            self._strips[index] = strip
        return strip
