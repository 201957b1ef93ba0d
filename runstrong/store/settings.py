"""The settings table: one text value per key (units, timer lead-in, theme, …)."""

from __future__ import annotations

from runstrong.store.connection import StoreBase


class SettingsStore(StoreBase):
    """Read and write the key/value settings; values are strings, parsed by core.settings."""

    def get_setting(self, key: str, default: str | None = None) -> str | None:
        """The stored value of `key`, else `default`."""
        rows = self._rows("SELECT value FROM settings WHERE key = ?", [key])
        return rows[0]["value"] if rows else default

    def settings(self) -> dict[str, str]:
        """Every stored setting."""
        return {row["key"]: row["value"] for row in self._rows("SELECT key, value FROM settings")}

    def save_settings(self, values: dict[str, str]) -> None:
        """Store these values (others are kept), in one transaction."""
        with self._transaction():
            self.db["settings"].upsert_all(
                [{"key": key, "value": value} for key, value in values.items()], pk="key"
            )
