"""One measure of one exercise over time: a titled sparkline with its range and first/last dates."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import date

from rich.console import Group
from rich.text import Text
from textual.renderables.sparkline import Sparkline
from textual.widget import Widget


class ProgressChart(Widget):
    """`points` are (day, value) oldest first, one per training day; `show` formats a value.

    Four lines: the title with last / max / min, two lines of sparkline, and the first and last
    dates under its ends. The line is spread over training days, not calendar time (a month
    off leaves no gap), so the dates say what span it covers. It draws Textual's Sparkline
    renderable itself, one widget per chart rather than a widget per line: Progress has to
    open quickly.
    """

    COMPONENT_CLASSES = {"progress-chart--title", "progress-chart--axis", "progress-chart--low", "progress-chart--high"}

    def __init__(self, title: str, points: Sequence[tuple[date, float]], show: Callable[[float], str]) -> None:
        super().__init__(classes="progress-chart")
        self.title = title
        self.points = list(points)
        self.show = show

    def render(self) -> Group:
        width = max(1, self.size.width)
        values = [value for _, value in self.points]
        title = Text()
        title.append(self.title, style=self.get_component_rich_style("progress-chart--title", partial=True))
        title.append(f"  last {self.show(values[-1])} · max {self.show(max(values))} · min {self.show(min(values))}")
        title.truncate(width, overflow="ellipsis")
        low = self.get_component_rich_style("progress-chart--low")
        high = self.get_component_rich_style("progress-chart--high")
        assert low.color is not None and high.color is not None
        line = Sparkline(values, width=width, height=2, min_color=low.color, max_color=high.color)
        first, last = self.points[0][0].isoformat(), self.points[-1][0].isoformat()
        axis = Text(first.ljust(max(len(first) + 1, width - len(last))) + last if len(self.points) > 1 else first)
        axis.stylize(self.get_component_rich_style("progress-chart--axis"))
        axis.truncate(width)
        # The sparkline's last row has no line end of its own: the empty Text supplies it, so the
        # dates start on a line of their own.
        return Group(title, line, Text(""), axis)
