"""A line across the top of a screen while the database is open read-only, saying why."""

from __future__ import annotations

from textual.widgets import Static

from runstrong.core.text import printable


class ReadOnlyBanner(Static):
    """Shown only when the store is read-only: History and export work, nothing can be saved."""

    def __init__(self, reason: str | None) -> None:
        """`reason` is the store's `read_only` (None: writable, and the banner stays hidden)."""
        # Short enough for 80 columns; the opening toast adds that History and export work.
        text = "" if reason is None else f"READ-ONLY · {printable(reason)} · nothing can be saved"
        super().__init__(text, markup=False, id="read-only-banner")
        self.display = reason is not None
