"""One measure of one exercise over time: a titled Sparkline with its range and first/last dates."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import date

from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.widgets import Label, Sparkline


class ProgressChart(Vertical):
    """`points` are (day, value) oldest first, one per training day; `show` formats a value."""

    def __init__(self, title: str, points: Sequence[tuple[date, float]], show: Callable[[float], str], *, id: str | None = None) -> None:
        super().__init__(id=id, classes="progress-chart")
        self.title = title
        self.points = list(points)
        self.show = show

    def compose(self) -> ComposeResult:
        values = [value for _, value in self.points]
        latest, best, least = values[-1], max(values), min(values)
        yield Label(
            f"[b]{self.title}[/b]  last {self.show(latest)} · max {self.show(best)} · min {self.show(least)}",
            classes="chart-title",
        )
        yield Sparkline(values, classes="chart-line")
        with Horizontal(classes="chart-axis"):
            yield Label(self.points[0][0].isoformat(), classes="chart-first")
            days = len(self.points)
            yield Label(f"{days} training day{'s' if days != 1 else ''}", classes="chart-count")
            yield Label(self.points[-1][0].isoformat(), classes="chart-last")
