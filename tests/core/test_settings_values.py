"""Settings read back from stored text: the smallest load step as the runner typed it."""

from __future__ import annotations

import pytest

from runstrong.core.loads import KG_PER_LB
from runstrong.core.settings import Settings, Unit
from runstrong.core.set_input import InputProblem, parse_load_step


def test_the_load_step_reads_a_decimal_comma_and_a_unit() -> None:
    assert Settings.from_mapping({"load_step": "2,5"}).load_step_kg == 2.5
    assert Settings.from_mapping({"load_step": "1.25 kg", "unit": "lb"}).load_step_kg == 1.25
    # A bare number is in the display unit: 5 lb = 5 × 0.45359237 = 2.26796185 kg.
    assert Settings.from_mapping({"load_step": "5", "unit": "lb"}).load_step_kg == pytest.approx(5 * KG_PER_LB)
    assert Settings().load_step_kg is None  # blank: the default step (data/seasons.toml)


@pytest.mark.parametrize("stored", ["abc", "0", "-1", "51", "2.5.5", "1,2345"])
def test_a_stored_load_step_that_does_not_parse_falls_back_to_the_default(stored: str) -> None:
    settings = Settings.from_mapping({"load_step": stored})
    assert (settings.load_step, settings.load_step_kg) == ("", None)


def test_the_load_step_is_kept_as_typed() -> None:
    settings = Settings(load_step="1,25")
    assert Settings.from_mapping(settings.to_mapping()) == settings


def test_a_load_step_above_0_and_up_to_50_kg() -> None:
    assert parse_load_step("50", Unit.KG) == 50.0
    assert parse_load_step("110 lb", Unit.KG) == pytest.approx(110 * KG_PER_LB)  # 49.9 kg
    assert parse_load_step("", Unit.KG) is None
    for typed in ("0", "50.5", "111 lb", "x"):
        with pytest.raises(InputProblem, match="Smallest load step"):
            parse_load_step(typed, Unit.KG)
