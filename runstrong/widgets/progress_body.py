"""Everything below Progress's title: charts of bests (widgets/progress_chart.py), then the
balance and records tables.

Drawn by one widget as lines of styled text, made once per width, and only the lines in view
are rendered. The screen used to be a widget per chart and table; mounting, styling and laying
those out was most of the time Progress took to open on ten years of one exercise.
"""

from __future__ import annotations

from collections.abc import Callable

from textual.content import Content
from textual.geometry import Size
from textual.scroll_view import ScrollView
from textual.strip import Strip
from textual.visual import Visual


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

    def lay_out_again(self) -> None:
        """Make the lines anew at the same width (what they show has changed)."""
        self._width = -1
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
