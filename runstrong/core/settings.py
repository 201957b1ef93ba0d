"""User settings as a typed record, stored as text key/values by the store."""

from __future__ import annotations

from dataclasses import asdict, dataclass, fields, replace

from runstrong.core.catalog import REST_LIGHT_S, REST_PLYOMETRIC_S, REST_STRENGTH_S

# Loads live in core.loads; these names stay importable from here for the screens that use them.
from runstrong.core.loads import KG_PER_LB, Unit, display_to_kg, format_load, kg_to_display  # noqa: F401
from runstrong.core.set_input import InputProblem, parse_load_step

MAX_REST_S = 600
"""Rest defaults are 0 to 10 minutes (ours); other second counts 0 to 60."""


@dataclass(frozen=True)
class Settings:
    """What the runner chose in Settings (and the palette), read from the store's text values."""

    program_id: str = "beginner"
    """The program Today follows."""
    unit: Unit = Unit.KG
    """How loads are shown and typed; storage is always kilograms."""
    lead_s: int = 5
    """Get-ready count before a hold."""
    switch_s: int = 5
    """Break between the left and the right side of a hold."""
    bell: bool = True
    desktop_notice: bool = False
    """Also send an OSC 9 / OSC 777 desktop notification at the end of a hold."""
    rest_strength_s: int = REST_STRENGTH_S
    """Rest after a set of a strength (reps) exercise when its program item gives none."""
    rest_plyometric_s: int = REST_PLYOMETRIC_S
    """Rest after a set of plyometrics when its program item gives none."""
    rest_light_s: int = REST_LIGHT_S
    """Rest after a hold, carry or core set when its program item gives none."""
    theme: str = "textual-dark"
    """The Textual theme last chosen in the command palette; kept across restarts (ours)."""
    load_step: str = ""
    """The smallest load step as typed ("2,5", "1.25", "5 lb"; a bare number is in `unit`);
    "" for the default, 2.5 kg or 5 lb (data/seasons.toml). Targets are rounded to it."""

    @property
    def load_step_kg(self) -> float | None:
        """The smallest load step in kg, None for the default (core.set_input.parse_load_step)."""
        try:
            return parse_load_step(self.load_step, self.unit)
        except InputProblem:
            return None

    @classmethod
    def from_mapping(cls, values: dict[str, str]) -> Settings:
        """Build from stored text; a value that does not parse falls back to its default."""
        defaults = cls()
        parsed: dict[str, object] = {}
        for field in fields(cls):
            raw = values.get(field.name)
            if raw is None:
                continue
            default = getattr(defaults, field.name)
            try:
                if isinstance(default, bool):
                    parsed[field.name] = raw == "1"
                elif isinstance(default, int):
                    top = MAX_REST_S if field.name.startswith("rest_") else 60
                    parsed[field.name] = max(0, min(top, int(raw)))
                elif isinstance(default, Unit):
                    parsed[field.name] = Unit(raw)
                else:
                    parsed[field.name] = raw
            except ValueError:
                continue
        settings = cls(**parsed)  # type: ignore[arg-type]
        if settings.load_step and settings.load_step_kg is None:
            settings = replace(settings, load_step="")  # unreadable: the default step
        return settings

    def to_mapping(self) -> dict[str, str]:
        """The settings as stored text, one key per field ("1"/"0" for switches)."""
        out: dict[str, str] = {}
        for key, value in asdict(self).items():
            out[key] = ("1" if value else "0") if isinstance(value, bool) else str(value)
        return out

