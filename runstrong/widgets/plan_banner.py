"""One line on Today from the runner's plan: the week's phase and today's warning or the plan's
choice ("deload week · Long run tomorrow: legs light today, or move this session to Thursday")."""

from __future__ import annotations

from textual.widgets import Static

from runstrong.core.text import plain_text


class PlanBanner(Static):
    """Shows one plain line; the `-warning` class colours it when the plan advises against today."""

    DEFAULT_CSS = """
    PlanBanner { width: 100%; height: 1; padding: 0 1; color: $text-muted; text-wrap: nowrap; text-overflow: ellipsis; }
    PlanBanner.-warning { color: $text; background: $warning 25%; }
    """

    def show_line(self, text: str, warning: bool = False) -> None:
        # Plain text: a race's name from a calendar file must not be read as markup.
        self.update(plain_text(text), layout=False)
        self.set_class(warning, "-warning")
