"""Modal form for the timer, display and load-step settings; bad numbers are refused at their field."""

from __future__ import annotations

from dataclasses import replace

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Checkbox, Input, Label, RadioButton, RadioSet

from runstrong.core.durations import DurationError, parse_duration
from runstrong.core.progression import load_step
from runstrong.core.season import load_season_rules
from runstrong.core.set_input import InputProblem, parse_load_step
from runstrong.core.settings import MAX_REST_S, Settings, Unit

MAX_PAUSE_S = 60
"""Lead-in and switch break are 0 to 60 s (the store clamps to the same range on reading)."""

REST_FIELDS = (
    ("rest-strength", "Rest, strength sets (s)", "rest_strength_s"),
    ("rest-plyometric", "Rest, plyometrics (s)", "rest_plyometric_s"),
    ("rest-light", "Rest, holds and core (s)", "rest_light_s"),
)
"""The per-kind rest defaults: used when a program item gives no rest of its own."""


SWITCHES = {
    "bell": "Bell at the end of holds and rests",
    "desktop-notice": "Desktop notification at the end of a hold",
}


def step_label(unit: Unit) -> str:
    """The load step's label names the unit a bare number is in."""
    return f"Smallest load step ({unit.value})"


def default_step(unit: Unit) -> str:
    """The step used when the field is blank: 2.5 kg or 5 lb (data/seasons.toml), as a number."""
    return f"{load_step(unit.value, load_season_rules().progression).amount:g}"


def on_off_label(switch_id: str, value: bool) -> str:
    """The checkbox's label says its state in words: in several themes the box alone looked the
    same on and off."""
    return f"{SWITCHES[switch_id]}: [b]{'on' if value else 'off'}[/b]"


class SettingsScreen(ModalScreen[Settings | None]):
    """Edit the settings; dismisses with the new Settings, or None when cancelled."""

    CSS_PATH = "settings.tcss"

    HELP_TITLE = "Settings"
    # Set right after compose so keys typed at once land in the first field (key_routing).
    AUTO_FOCUS = "#lead-input"
    BINDINGS = [Binding("escape", "cancel", "Cancel", id="settings.cancel", tooltip="Close without saving")]

    def __init__(self, settings: Settings) -> None:
        super().__init__(classes="dialog-screen")
        self.settings = settings

    def compose(self) -> ComposeResult:
        current = self.settings
        with Vertical(classes="dialog", id="settings-dialog"):
            yield Label("[b]Settings[/b]", classes="dialog-title")
            yield from self._seconds("lead", "Get-ready count (s)", current.lead_s)
            yield from self._seconds("switch", "Switch-sides break (s)", current.switch_s)
            for name, label, field in REST_FIELDS:
                yield from self._seconds(name, label, getattr(current, field))
            yield Checkbox(on_off_label("bell", current.bell), current.bell, id="bell")
            yield Checkbox(on_off_label("desktop-notice", current.desktop_notice), current.desktop_notice, id="desktop-notice")
            with Horizontal(classes="settings-row", id="unit-row"):
                yield Label("Loads in", classes="settings-label")
                with RadioSet(id="unit", compact=True):
                    yield RadioButton("kg", current.unit is Unit.KG, id="unit-kg")
                    yield RadioButton("lb", current.unit is Unit.LB, id="unit-lb")
            with Horizontal(classes="settings-row", id="step-row"):
                yield Label(step_label(current.unit), classes="settings-label", id="step-label")
                yield Input(
                    current.load_step, placeholder=default_step(current.unit), id="step-input",
                    select_on_focus=True, compact=True,
                )
            yield Label("", id="step-error", classes="field-error")
            with Horizontal(classes="dialog-buttons"):
                yield Button("Save", variant="primary", id="save", compact=True)
                yield Button("Cancel", id="cancel", compact=True)

    def _seconds(self, name: str, label: str, value: int) -> ComposeResult:
        with Horizontal(classes="settings-row"):
            yield Label(label, classes="settings-label")
            yield Input(str(value), id=f"{name}-input", select_on_focus=True, compact=True)
        yield Label("", id=f"{name}-error", classes="field-error")

    @on(Checkbox.Changed)
    def say_on_or_off(self, event: Checkbox.Changed) -> None:
        if event.checkbox.id in SWITCHES:
            event.checkbox.label = on_off_label(event.checkbox.id, event.value)

    @on(RadioSet.Changed, "#unit")
    def say_the_steps_unit(self) -> None:
        unit = self._unit()
        self.query_one("#step-label", Label).update(step_label(unit))
        self.query_one("#step-input", Input).placeholder = default_step(unit)

    def _unit(self) -> Unit:
        return Unit.LB if self.query_one("#unit-lb", RadioButton).value else Unit.KG

    def _show_problem(self, name: str, problem: str) -> None:
        error = self.query_one(f"#{name}-error", Label)
        error.update(problem)
        error.display = bool(problem)

    def _read_step(self, unit: Unit) -> str | None:
        """The load step as typed (blank for the default), or None with the problem under the field."""
        text = self.query_one("#step-input", Input).value.strip()
        try:
            parse_load_step(text, unit)
        except InputProblem as problem:
            self._show_problem("step", str(problem))
            return None
        self._show_problem("step", "")
        return text

    def _read_seconds(self, name: str, what: str, maximum: int = MAX_PAUSE_S) -> int | None:
        """The field's whole seconds, or None with the problem shown under the field."""
        text = self.query_one(f"#{name}-input", Input).value
        try:
            value = parse_duration(text, allow_zero=True, maximum=maximum)
        except DurationError:
            example = "e.g. 5 or 10s" if maximum <= 60 else "e.g. 90, 90s or 1:30"
            self._show_problem(name, f"{what} must be 0 to {maximum} seconds, {example}")
            return None
        self._show_problem(name, "")
        return value

    @on(Input.Submitted)
    @on(Button.Pressed, "#save")
    def save(self) -> None:
        lead = self._read_seconds("lead", "Get-ready count")
        switch = self._read_seconds("switch", "Switch break")
        rests = {
            field: self._read_seconds(name, label.split(" (")[0], MAX_REST_S) for name, label, field in REST_FIELDS
        }
        unit = self._unit()
        step = self._read_step(unit)
        if lead is None or switch is None or None in rests.values() or step is None:
            return
        self.dismiss(
            replace(
                self.settings,
                lead_s=lead,
                switch_s=switch,
                bell=self.query_one("#bell", Checkbox).value,
                desktop_notice=self.query_one("#desktop-notice", Checkbox).value,
                unit=unit,
                load_step=step,
                **rests,  # type: ignore[arg-type]
            )
        )

    @on(Button.Pressed, "#cancel")
    def action_cancel(self) -> None:
        self.dismiss(None)
