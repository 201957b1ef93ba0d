"""One measure over time as a chart with a value axis from zero, date ticks and a time range.

Drawn by textual-plotext's `Plot` (plotext, the engine behind its PlotextPlot widget) as plain
text, then coloured here with theme variables: the points in $success, the axes and labels in
$text-muted. The lines go into Progress's one scrolled body (ProgressBody) rather than a widget
per chart: mounting and styling a widget per chart and table was what made Progress slow to
open on ten years of one exercise (see benchmarks/history.py).
"""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence
from datetime import date, timedelta
from enum import Enum

from textual.content import Content

ROWS = 10
"""Lines of plot, axes and date labels included."""
SPARSE_POINTS_PER_COLUMN = 1 / 4
"""Up to one point per four columns is drawn as separate dots (●); more as a braille line."""
DATA_STYLE = "$success"
AXIS_STYLE = "$text-muted"


class ChartRange(Enum):
    """The time a chart covers, ending today (ALL: from the first set to the last)."""

    THREE_MONTHS = ("3 months", 91)
    YEAR = ("1 year", 365)
    ALL = ("all", None)

    def __init__(self, label: str, days: int | None) -> None:
        self.label = label
        self.days = days

    def next(self) -> ChartRange:
        members = list(ChartRange)
        return members[(members.index(self) + 1) % len(members)]


def nice_ticks(top: float, intervals: int, steps: Sequence[float] | None = None) -> list[float]:
    """Ticks from 0 to at least `top` at a round step, at most `intervals` intervals.

    `steps` are the allowed steps (durations use 15 s, 30 s, 1 min, ...); by default 1, 2, 2.5
    and 5 times a power of ten. A `top` of 0 gives [0, 1].
    """
    if top <= 0:
        return [0.0, 1.0]
    candidates = list(steps) if steps else []
    if not candidates:
        power = 10 ** math.floor(math.log10(top / intervals)) if top / intervals > 0 else 1
        candidates = [factor * power * scale for scale in (1, 10) for factor in (1, 2, 2.5, 5)]
    step = next((s for s in sorted(candidates) if top / s <= intervals), max(candidates) * math.ceil(top / max(candidates) / intervals))
    count = math.ceil(top / step - 1e-9)
    return [step * n for n in range(count + 1)]


def bucket_max(points: Sequence[tuple[int, float]], start: int, end: int, buckets: int) -> list[tuple[float, float]]:
    """The highest value in each of `buckets` equal slices of days start..end, at the slice's
    mean day; empty slices are left out. Each chart shows a best, so a slice shows its best."""
    span = max(1, end - start)
    best: dict[int, tuple[float, float, int]] = {}
    for day, value in points:
        index = min(buckets - 1, (day - start) * buckets // span)
        high, total, count = best.get(index, (value, 0.0, 0))
        best[index] = (max(high, value), total + day, count + 1)
    return [(total / count, high) for _, (high, total, count) in sorted(best.items())]


class ProgressChart:
    """One measure over time: `points` are (day, value) oldest first, one per training day;
    `show` formats a value for the axis and the title; `steps` are the value axis's allowed
    steps (None: round decimal steps)."""

    def __init__(
        self,
        title: str,
        points: Sequence[tuple[date, float]],
        show: Callable[[float], str],
        steps: Sequence[float] | None = None,
    ) -> None:
        self.title = title
        self.points = list(points)
        self.show = show
        self.steps = steps

    def in_range(self, chart_range: ChartRange, today: date) -> list[tuple[date, float]]:
        if chart_range.days is None:
            return self.points
        first = today - timedelta(days=chart_range.days)
        return [(day, value) for day, value in self.points if day >= first]

    def lines(self, width: int, chart_range: ChartRange = ChartRange.ALL, today: date | None = None) -> list[Content]:
        """The title (last / max / min in the range) and the chart, `width` cells wide."""
        width = max(30, width)
        today = today or (self.points[-1][0] if self.points else date.today())
        points = self.in_range(chart_range, today)
        if not points:
            return [
                Content.styled(self.title, "bold"),
                Content.styled(f"  nothing in the last {chart_range.label}", AXIS_STYLE),
            ]
        values = [value for _, value in points]
        show = self.show
        title = Content.assemble(
            (self.title, "bold"), f"  last {show(values[-1])} · max {show(max(values))} · min {show(min(values))}"
        ).truncate(width, ellipsis=True)
        return [title, *self._plot(points, width, chart_range, today)]

    def _plot(self, points: list[tuple[date, float]], width: int, chart_range: ChartRange, today: date) -> list[Content]:
        from textual_plotext.plot import Plot  # ~20 ms on first use; warmed at app start

        if chart_range.days is None:
            start, end = points[0][0].toordinal(), points[-1][0].toordinal()
        else:
            start, end = (today - timedelta(days=chart_range.days)).toordinal(), today.toordinal()
        if start == end:  # one day of data: a point in the middle, a day either side
            start, end = start - 1, end + 1
        ticks = nice_ticks(max(value for _, value in points), intervals=ROWS // 3, steps=self.steps)
        labels = [self.show(tick) for tick in ticks]
        plot_columns = width - max(map(len, labels)) - 2
        ordinal = [(day.toordinal(), value) for day, value in points]
        sampled = bucket_max(ordinal, start, end, max(1, plot_columns * 2))
        xs, ys = [x for x, _ in sampled], [y for _, y in sampled]

        plot = Plot()
        plot.theme("clear")
        # plotext caps a plot at the size of the terminal it finds (80×24 when there is none,
        # as in tests): the body's width is what counts here.
        plot._limit_size(False, False)
        plot.plotsize(width, ROWS)
        plot.xaxes(True, False)
        plot.yaxes(True, False)
        if len(sampled) <= max(1, plot_columns * SPARSE_POINTS_PER_COLUMN):
            plot.scatter(xs, ys, marker="●")
        else:
            plot.plot(xs, ys, marker="braille")
        plot.xlim(start, end)
        plot.ylim(0, ticks[-1])
        plot.yticks(ticks, labels)
        date_ticks = self._date_ticks(start, end, plot_columns)
        plot.xticks([day.toordinal() for day in date_ticks], [day.isoformat() for day in date_ticks])
        text = plot.build().replace("\x1b[0m", "")
        return [_coloured(line.rstrip()) for line in text.split("\n")[:ROWS]]

    @staticmethod
    def _date_ticks(start: int, end: int, columns: int) -> list[date]:
        """Evenly spaced days from start to end, as many as fit with room between their labels."""
        count = max(2, min(6, columns // 16))
        if end - start < count - 1:
            return [date.fromordinal(start + (end - start) // 2)]
        return [date.fromordinal(start + round(n * (end - start) / (count - 1))) for n in range(count)]


def _is_data(char: str) -> bool:
    return char == "●" or "\u2801" <= char <= "\u28ff"


def _coloured(line: str) -> Content:
    """Points and lines in the data colour, everything else (axes, labels) muted."""
    if not line:
        return Content("")
    parts: list[tuple[str, str]] = []
    run, data = line[0], _is_data(line[0])
    for char in line[1:]:
        if _is_data(char) == data or char == " ":
            run += char
            continue
        parts.append((run, DATA_STYLE if data else AXIS_STYLE))
        run, data = char, _is_data(char)
    parts.append((run, DATA_STYLE if data else AXIS_STYLE))
    return Content.assemble(*parts)
