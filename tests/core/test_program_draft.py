"""A program being edited: moves keep every item, forms refuse what a file would, names stay unique."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from runstrong.core.catalog import Catalog, CatalogError, free_id, load_catalog
from runstrong.core.exercise_form import exercise_from_fields
from runstrong.core.models import Kind, Prescription, ProgramItem
from runstrong.core.program_draft import (
    FieldProblem,
    ProgramDraft,
    free_name,
    parse_prescription_fields,
    prescription_fields,
)
from runstrong.core.loads import Unit


@pytest.fixture(scope="module")
def catalog() -> Catalog:
    return load_catalog()


def test_free_id_and_free_name() -> None:
    assert free_id("Rack day!", [], "program") == "rack-day"
    assert free_id("Rack day", ["rack-day", "rack-day-2"], "program") == "rack-day-3"
    assert free_id("Übung ½", [], "exercise") == "bung"  # only a-z, 0-9 and hyphens survive
    assert free_id("!!!", [], "exercise") == "exercise"
    assert free_name("My program", ["my PROGRAM", "My program 2"]) == "My program 3"


def test_a_duplicate_is_a_new_own_program_and_leaves_the_packaged_one(catalog: Catalog) -> None:
    draft = ProgramDraft.duplicate(catalog.program("beginner"), catalog)
    assert draft.program_id is None and draft.name == "Beginner (2 days/week) (copy)"
    draft.remove_item(0, 0)
    program = draft.finish(catalog)
    assert program.id == "beginner-2-days-week-copy" and program.own
    assert [i.exercise_id for i in program.days[0].items] == ["lunge", "glute-bridge", "plank", "calf-raise"]
    assert catalog.program("beginner").days[0].items[0].exercise_id == "squat"


def test_finish_refuses_what_a_routine_file_would(catalog: Catalog) -> None:
    draft = ProgramDraft.new(catalog)
    with pytest.raises(CatalogError, match="Day 'Day 1' has no exercises"):
        draft.finish(catalog)
    draft.add_item(0, None, ProgramItem("plank", Prescription(sets=3, hold_s=30)))
    draft.name = "  "
    with pytest.raises(CatalogError, match="needs a name"):
        draft.finish(catalog)
    draft.name = "advanced (3 DAYS/WEEK)"
    with pytest.raises(CatalogError, match="taken by 'advanced'"):
        draft.finish(catalog)
    # An item that does not fit its exercise never gets past the shared validator.
    draft.name = "Planks"
    draft.replace_item(0, 0, ProgramItem("plank", Prescription(sets=3, reps=30)))
    with pytest.raises(CatalogError, match="a hold exercise is measured in hold_s"):
        draft.finish(catalog)


def test_moving_an_item_past_its_day_goes_to_the_next_day(catalog: Catalog) -> None:
    draft = ProgramDraft.of(catalog.program("beginner"))
    # Workout A: squat, lunge, glute bridge, plank, calf raise. Calf raise down: top of Workout B.
    assert draft.move_item(0, 4, +1) == (1, 0)
    assert [i.exercise_id for i in draft.days[1].items] == ["calf-raise", "step-up", "deadlift", "side-plank", "push-up"]
    # And up again: the bottom of Workout A.
    assert draft.move_item(1, 0, -1) == (0, 4)
    # At the very top nothing moves.
    assert draft.move_item(0, 0, -1) == (0, 0)
    assert draft.move_day(1, -1) == 0 and draft.days[0].name == "Workout B"


@given(st.lists(st.tuples(st.integers(0, 30), st.sampled_from([-1, 1])), max_size=40))
def test_moves_never_lose_or_copy_an_item(moves: list[tuple[int, int]]) -> None:
    catalog = load_catalog()
    draft = ProgramDraft.of(catalog.program("intermediate"))
    before = sorted((i.exercise_id, i.prescription.sets, i.prescription.reps or 0) for d in draft.days for i in d.items)
    for row, step in moves:
        rows = [r for r in draft.rows() if r[1] is not None]
        if not rows:
            break
        day, item = rows[row % len(rows)]
        assert item is not None
        new_day, new_item = draft.move_item(day, item, step)
        assert draft.days[new_day].items[new_item] is not None
    after = sorted((i.exercise_id, i.prescription.sets, i.prescription.reps or 0) for d in draft.days for i in d.items)
    assert after == before


def test_day_names_are_needed_and_unique(catalog: Catalog) -> None:
    draft = ProgramDraft.of(catalog.program("beginner"))
    assert draft.day_name_problem(" ", None) == "A day needs a name"
    assert draft.day_name_problem("workout b", None) == "Another day has this name"
    assert draft.day_name_problem("workout b", 1) is None  # its own name, recased
    assert draft.add_day(0, " Legs ") == 1 and [d.name for d in draft.days] == ["Workout A", "Legs", "Workout B"]


@pytest.mark.parametrize(
    ("exercise_id", "fields", "expected"),
    [
        ("squat", ("3", "8-12", "40", "90"), Prescription(sets=3, reps=8, reps_max=12, load_kg=40.0, rest_s=90)),
        ("squat", ("5", "5", "", ""), Prescription(sets=5, reps=5)),
        ("squat", ("３", "８-１２", "42,5", ""), Prescription(sets=3, reps=8, reps_max=12, load_kg=42.5)),
        ("squat", ("3", "10–10", "", "0"), Prescription(sets=3, reps=10, rest_s=0)),
        ("side-plank", ("2", "30-1:00", "", "1:30"), Prescription(sets=2, hold_s=30, hold_s_max=60, rest_s=90)),
        ("suitcase-carry", ("3", "40s", "24", "2m"), Prescription(sets=3, hold_s=40, load_kg=24.0, rest_s=120)),
    ],
)
def test_item_fields_become_a_prescription(catalog: Catalog, exercise_id: str, fields: tuple[str, ...], expected: Prescription) -> None:
    assert parse_prescription_fields(catalog.exercise(exercise_id), *fields, Unit.KG) == expected


@pytest.mark.parametrize(
    ("fields", "field", "words"),
    [
        (("0", "8", "", ""), "sets", "from 1 to 20"),
        (("21", "8", "", ""), "sets", "from 1 to 20"),
        (("3", "", "", ""), "amount", "Reps per set"),
        (("3", "eight", "", ""), "amount", "Reps per set"),
        (("3", "12-8", "", ""), "amount", "must not be below its bottom"),
        (("3", "8", "-5", ""), "load", "Load must be a number of kg from 0 to 1000"),
        (("", "8", "", ""), "sets", "from 1 to 20"),
        (("3", "8", "", "soon"), "rest_s", "Rest must be"),
    ],
)
def test_bad_item_fields_name_their_field(catalog: Catalog, fields: tuple[str, ...], field: str, words: str) -> None:
    with pytest.raises(FieldProblem) as caught:
        parse_prescription_fields(catalog.exercise("squat"), *fields, Unit.KG)
    assert caught.value.field == field and words in str(caught.value)


def test_item_fields_round_trip_in_pounds(catalog: Catalog) -> None:
    # 100 lb is 100 × 0.45359237 = 45.359237 kg stored; shown again as 100.
    prescription = parse_prescription_fields(catalog.exercise("squat"), "3", "8-12", "100", "", Unit.LB)
    assert prescription.load_kg == 45.359237
    assert prescription_fields(prescription, Unit.LB) == ("3", "8-12", "100", "")


def test_the_exercise_form_checks_names_and_kinds(catalog: Catalog) -> None:
    made = exercise_from_fields(
        catalog, exercise_id=None, name=" Wall sit ", kind=Kind.HOLD, per_side=False, category="legs",
        sets="3", amount="30-60", notes="back flat",
    )
    assert (made.id, made.name, made.own, made.notes) == ("wall-sit", "Wall sit", True, "back flat")
    assert made.default == Prescription(sets=3, hold_s=30, hold_s_max=60)
    with pytest.raises(FieldProblem, match="'Copenhagen plank' exists already") as caught:
        exercise_from_fields(
            catalog, exercise_id=None, name="COPENHAGEN PLANK", kind=Kind.HOLD, per_side=True,
            category="hips", sets="3", amount="20", notes="",
        )
    assert caught.value.field == "name"
    # A program that counts it in seconds stops it turning into a reps exercise.
    program = ProgramDraft.new(catalog)
    program.add_item(0, None, ProgramItem("wall-sit", Prescription(sets=2, hold_s=45)))
    with_own = catalog.with_own([made], [])
    mine = program.finish(with_own)
    with_program = catalog.with_own([made], [mine])
    with pytest.raises(FieldProblem, match="which counts it in seconds") as caught:
        exercise_from_fields(
            with_program, exercise_id="wall-sit", name="Wall sit", kind=Kind.REPS, per_side=False,
            category="legs", sets="3", amount="10", notes="",
        )
    assert caught.value.field == "kind"
