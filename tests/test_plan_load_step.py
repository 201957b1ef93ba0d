"""The plan's smallest load step comes from the `load_step` setting, read like a typed load."""

from __future__ import annotations

from runstrong.core.progression import LoadStep
from runstrong.plan_source import current_settings, plan_load_step
from runstrong.store import Store


def test_a_load_step_typed_with_a_decimal_comma_is_used(store: Store) -> None:
    store.save_settings({"load_step": "1,25"})
    step = plan_load_step(current_settings(store))
    assert step == LoadStep(1.25, "kg")
    # On that grid 41.25 + 1.25 = 42.5 kg.
    assert step.add(41.25) == 42.5


def test_without_a_setting_the_step_is_2_5_kg_or_5_lb(store: Store) -> None:
    assert plan_load_step(current_settings(store)) == LoadStep(2.5, "kg")
    store.save_settings({"unit": "lb"})
    assert plan_load_step(current_settings(store)) == LoadStep(5.0, "lb")
    # A bare number is in the display unit: "2.5" with loads in lb is a 2.5 lb step.
    store.save_settings({"load_step": "2.5"})
    assert plan_load_step(current_settings(store)) == LoadStep(2.5, "lb")
