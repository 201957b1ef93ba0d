"""Rules that must hold for every input: pounds come back exactly, FitNotes' unquoted commas are
always repaired, uids never collide within a file."""

from __future__ import annotations

from datetime import timezone
from decimal import Decimal

from hypothesis import given
from hypothesis import strategies as st

from runstrong.core.settings import KG_PER_LB
from runstrong.importers import extract_text
from runstrong.importers.values import load_kg, parse_decimal

# Weights as apps write them: up to 999.9999 with at most four decimals.
file_weights = st.decimals(min_value=Decimal("0.0001"), max_value=Decimal("999.9999"), places=4)


@given(file_weights)
def test_a_pound_value_shown_in_pounds_is_the_file_value(value: Decimal) -> None:
    kg, _ = load_kg(parse_decimal(str(value), "weight", ("f", 1)), "lb", ("f", 1))
    assert kg is not None
    assert Decimal(repr(round(kg / KG_PER_LB, 4))) == value.normalize()


name_part = st.text(alphabet=st.characters(whitelist_categories=("L", "Nd"), whitelist_characters=" ()-"),
                    min_size=1, max_size=12).filter(lambda t: t.strip() == t and t)


@given(st.lists(name_part, min_size=2, max_size=3), st.integers(1, 50), st.integers(1, 30))
def test_fitnotes_names_with_unquoted_commas_are_repaired(parts: list[str], weight: int, reps: int) -> None:
    name = ", ".join(parts)
    text = (
        "Date,Exercise,Category,Weight,Weight Unit,Reps,Distance,Distance Unit,Time\n"
        f"2025-01-10,{name},Legs,{weight},kgs,{reps},,,\n"
    )
    batch = extract_text(text, "f.csv", tz=timezone.utc)
    (logged,) = batch.sessions[0].sets
    assert (logged.exercise_name, logged.load_kg, logged.reps) == (name, float(weight), reps)


@given(st.lists(st.tuples(st.sampled_from(["Squat", "Plank", "Row"]), st.sampled_from(["W", "1", "2", "D", "F"])),
                min_size=1, max_size=30))
def test_set_uids_are_unique_within_a_file(rows: list[tuple[str, str]]) -> None:
    header = "Date,Workout Name,Duration,Exercise Name,Set Order,Weight,Reps,Distance,Seconds,Notes,Workout Notes,RPE\n"
    body = "".join(f"2025-03-03 07:05:10,Legs,58m,{name},{order},50,5,0,0,,,\n" for name, order in rows)
    batch = extract_text(header + body, "s.csv", unit="kg", tz=timezone.utc)
    uids = [s.uid for session in batch.sessions for s in session.sets]
    assert len(uids) == len(rows) == len(set(uids))
