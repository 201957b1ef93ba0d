"""Consistency strip: one cell per week shaded by sessions done that week, and the current streak."""

from __future__ import annotations

from datetime import date, timedelta

from rich.text import Text
from textual.widget import Widget

from runstrong.core.progress import WEEKLY_TARGET, current_streak, week_start

# A glyph per level as well as a colour, so the strip reads on a monochrome terminal too.
LEVELS = (("·", "none"), ("▃", "one"), ("▆", "two"), ("█", "many"))


def level(sessions: int) -> int:
    """0, 1, 2 or 3 (three or more sessions): the cell shade for a week."""
    return min(sessions, len(LEVELS) - 1)


class WeekCalendar(Widget):
    """The last `weeks` weeks, oldest on the left, this week last; month names underneath."""

    COMPONENT_CLASSES = {
        "week-calendar--none",
        "week-calendar--one",
        "week-calendar--two",
        "week-calendar--many",
        "week-calendar--muted",
    }

    def __init__(self, weeks: int = 52, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.weeks = weeks
        self.counts: dict[date, int] = {}
        self.today = date.today()
        self.target = WEEKLY_TARGET

    def show(self, counts: dict[date, int], today: date, target: int = WEEKLY_TARGET) -> None:
        """Sessions per week keyed by Monday (weeks not in `counts` had none)."""
        self.counts, self.today, self.target = counts, today, target
        self.refresh()

    @property
    def streak(self) -> int:
        return current_streak(sorted(self.counts.items()), self.target, self.today)

    def _style(self, name: str):  # type: ignore[no-untyped-def]
        return self.get_component_rich_style(f"week-calendar--{name}", partial=True)

    def render(self) -> Text:
        width = max(self.size.width, 1)
        cell = 2 if width >= 2 * self.weeks else 1
        shown = max(1, min(self.weeks, width // cell))
        last = week_start(self.today)
        mondays = [last - timedelta(weeks=back) for back in range(shown - 1, -1, -1)]
        return Text("\n").join([self._headline(width, shown), self._cells(mondays, cell), self._months(mondays, cell)])

    def _headline(self, width: int, shown: int) -> Text:
        """ "Weeks since 24 Nov 2025 · streak 7 wk of 2+ · this week 1" and the legend at the right."""
        streak = self.streak
        this_week = self.counts.get(week_start(self.today), 0)
        first = week_start(self.today) - timedelta(weeks=shown - 1)
        headline = Text()
        headline.append("Weeks", style="bold")
        headline.append(f" since {first:%d %b %Y} · ", style=self._style("muted"))
        if streak:
            headline.append(f"streak {streak} wk of {self.target}+", style="bold")
        else:
            headline.append(f"no streak yet ({self.target}+ a week)")
        headline.append(f" · this week {this_week}", style=self._style("muted"))
        legend = Text()
        for glyph_level, label in enumerate(("0", "1", "2", "3+")):
            glyph, name = LEVELS[glyph_level]
            legend.append(" ")
            legend.append(glyph, style=self._style(name))
            legend.append(f"={label}", style=self._style("muted"))
        if width - headline.cell_len - legend.cell_len < 1:
            # Too narrow for the full legend: the shades in order, from none to three or more,
            # rather than no legend at all.
            legend = Text(" ")
            for glyph, name in LEVELS:
                legend.append(glyph, style=self._style(name))
            legend.append(" 0→3+", style=self._style("muted"))
        gap = width - headline.cell_len - legend.cell_len
        if gap >= 1:
            headline.append(" " * gap)
            headline.append_text(legend)
        headline.truncate(width, overflow="ellipsis")
        return headline

    def _cells(self, mondays: list[date], cell: int) -> Text:
        strip = Text()
        for monday in mondays:
            glyph, name = LEVELS[level(self.counts.get(monday, 0))]
            strip.append(glyph.ljust(cell), style=self._style(name))
        return strip

    def _months(self, mondays: list[date], cell: int) -> Text:
        """Month names under the week in which each month starts, where they fit (the headline
        gives the year)."""
        axis = [" "] * (len(mondays) * cell)
        free_from = 0
        starts = [index for index, monday in enumerate(mondays) if index == 0 or monday.month != mondays[index - 1].month]
        for position, index in enumerate(starts):
            column = index * cell
            label = mondays[index].strftime("%b")
            following = starts[position + 1] * cell if position + 1 < len(starts) else len(axis)
            if column < free_from or (index == 0 and following - column <= len(label)):
                # The strip's first, partial month gives way to a whole month starting right after.
                continue
            if column + len(label) > len(axis):
                continue
            axis[column : column + len(label)] = label
            free_from = column + len(label) + 1
        return Text("".join(axis), style=self._style("muted"))
