"""The hold timer's countdown, drawn bigger the bigger the terminal.

Textual's Digits are three rows tall whatever the terminal: on a big screen, read from a mat two
metres away, they are no bigger than at 80×24. TimerDigits is a Digits (same `update`, same
`value`, same CSS colours) that, on a big terminal, draws the time in a block font scaled to the
terminal instead: each glyph is 3×5 "pixels", a pixel being 2k cells wide and k rows tall (cells
are about twice as tall as wide), with k as large as fits in BIG_SHARE of the height and
width. Below BIG_MIN_SIZE it is Textual's Digits unchanged.
"""

from __future__ import annotations

from rich.segment import Segment
from rich.style import Style
from textual.geometry import Size
from textual.strip import Strip
from textual.widgets import Digits

BIG_MIN_SIZE = (100, 36)
"""Terminal columns and rows from which the block font replaces Textual's Digits (ours)."""
BIG_SHARE = (0.8, 0.4)
"""The most of the terminal's width and height the countdown may take (ours)."""

FONT = {
    "0": ("###", "# #", "# #", "# #", "###"),
    "1": (" # ", "## ", " # ", " # ", "###"),
    "2": ("###", "  #", "###", "#  ", "###"),
    "3": ("###", "  #", "###", "  #", "###"),
    "4": ("# #", "# #", "###", "  #", "  #"),
    "5": ("###", "#  ", "###", "  #", "###"),
    "6": ("###", "#  ", "###", "# #", "###"),
    "7": ("###", "  #", "  #", "  #", "  #"),
    "8": ("###", "# #", "###", "# #", "###"),
    "9": ("###", "# #", "###", "  #", "###"),
    ":": (" ", "#", " ", "#", " "),
    "-": ("   ", "   ", "###", "   ", "   "),
    " ": ("   ", "   ", "   ", "   ", "   "),
}
GLYPH_ROWS = 5


def block_rows(value: str) -> list[str]:
    """`value` in the block font at scale 1, one string per row ('#' lit, ' ' dark)."""
    glyphs = [FONT.get(char, FONT[" "]) for char in value]
    return [" ".join(glyph[row] for glyph in glyphs) for row in range(GLYPH_ROWS)]


WIDEST = "00:00"
"""The widest time the timer shows (a hold is at most 60:00): the scale is chosen for it, so it
stays the same as the seconds run down."""


def scale_for(terminal: Size) -> int:
    """The block font's scale k for this terminal, or 0 for Textual's own Digits."""
    if terminal.width < BIG_MIN_SIZE[0] or terminal.height < BIG_MIN_SIZE[1]:
        return 0
    columns = len(block_rows(WIDEST)[0])
    by_width = int(terminal.width * BIG_SHARE[0]) // (2 * columns)
    by_height = int(terminal.height * BIG_SHARE[1]) // GLYPH_ROWS
    return max(1, min(by_width, by_height))


class TimerDigits(Digits):
    """Digits that grow with the terminal (see the module docstring)."""

    @property
    def scale(self) -> int:
        return scale_for(self.app.size)

    def get_content_height(self, container: Size, viewport: Size, width: int) -> int:
        scale = self.scale
        return GLYPH_ROWS * scale if scale else super().get_content_height(container, viewport, width)

    def render_line(self, y: int) -> Strip:
        scale = self.scale
        if not scale:
            return super().render_line(y)
        rows = block_rows(self.value)
        row = y // scale
        width = self.size.width
        if row >= len(rows):
            return Strip.blank(width)
        style = self.rich_style
        lit = Style(color=style.color, bgcolor=style.bgcolor)
        line = "".join(("█" if pixel == "#" else " ") * (2 * scale) for pixel in rows[row])
        left = max(0, (width - len(line)) // 2)
        return Strip([Segment(" " * left, style), Segment(line, lit), Segment(" " * max(0, width - left - len(line)), style)], width)
