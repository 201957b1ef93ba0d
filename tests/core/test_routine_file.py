"""Routine files: a runner's own exercises and programs in TOML, refused whole with FILE:LINE."""

from __future__ import annotations


import pytest
from hypothesis import given
from hypothesis import strategies as st

from runstrong.core.catalog import Catalog, load_catalog, parse_prescription
from runstrong.core.catalog_json import exercise_json, program_json
from runstrong.core.loads import Unit
from runstrong.core.models import Kind, Prescription
from runstrong.core.routine_file import (
    RoutineError,
    parse_routine,
    prescription_table,
    program_table_from_json,
    routine_toml,
)

# Line numbers below are counted by hand from this text (line 1 is the comment).
GOOD = """\
# A physio's routine
[[exercise]]
id = "front-squat"
name = "Front squat"
kind = "reps"
per_side = false
category = "legs"
notes = "Elbows high, sit between the heels"
default = { sets = 3, reps = 8, reps_max = 12, load_kg = 40 }

[[exercise]]
id = "wall-sit"
name = "Wall sit"
kind = "hold"
per_side = false
category = "legs"

[[program]]
id = "rack-day"
name = "Rack day"
description = "Front squats while the rack is free"

[[program.day]]
name = "Heavy"
items = [
    { exercise = "front-squat", sets = 3, reps = 8, reps_max = 12, load_kg = 40, rest_s = 120 },
    { exercise = "wall-sit", sets = 3, hold_s = 30, hold_s_max = 60 },
    { exercise = "side-plank", sets = 2, hold_s = 30 },
]

[[program.day]]
name = "Light"
items = [
    { exercise = "calf-raise", sets = 3, reps = 20 },
]
"""


@pytest.fixture(scope="module")
def packaged() -> Catalog:
    return load_catalog()


def test_prescription_labels_show_ranges_and_load() -> None:
    assert Prescription(sets=3, reps=8, reps_max=12).label(False) == "3 × 8–12"
    assert Prescription(sets=3, hold_s=30, hold_s_max=60).label(True) == "3 × 0:30–1:00 each side"
    assert Prescription(sets=3, reps=8, reps_max=12, load_kg=40.0).label(False) == "3 × 8–12 @ 40 kg"
    assert Prescription(sets=5, reps=5, load_kg=42.5).label(True, "leg") == "5 × 5 each leg @ 42.5 kg"
    # In the runner's display unit: 100 lb is stored as 45.359237 kg and shown back as 100 lb.
    assert Prescription(sets=4, reps=8, reps_max=12, load_kg=45.359237).label(False, unit=Unit.LB) == "4 × 8–12 @ 100 lb"
    # A range whose ends agree is one number.
    assert Prescription(sets=2, reps=10, reps_max=10).label(False) == "2 × 10"


def test_a_good_file_gives_own_exercises_and_programs(packaged: Catalog) -> None:
    routine = parse_routine(GOOD, "mine.toml", packaged)
    front, wall = routine.exercises
    assert (front.id, front.own, front.notes) == ("front-squat", True, "Elbows high, sit between the heels")
    assert front.default == Prescription(sets=3, reps=8, reps_max=12, load_kg=40.0)
    # No default given: 3 × 30 s for a hold, marked as our number.
    assert wall.kind is Kind.HOLD and wall.default == Prescription(sets=3, hold_s=30, ours=True)
    (program,) = routine.programs
    assert program.own and [day.name for day in program.days] == ["Heavy", "Light"]
    catalog = packaged.with_own(routine.exercises, routine.programs)
    labels = [catalog.exercise(i.exercise_id).prescription_label(i.prescription) for i in program.days[0].items]
    assert labels == ["3 × 8–12 @ 40 kg", "3 × 0:30–1:00", "2 × 0:30 each side"]


BAD = [
    # (what to change, line, words of the message)
    (("sets = 2, hold_s = 30 }", "sets = 0, hold_s = 30 }"), 28, "sets must be at least 1"),
    (('"side-plank"', '"side-plonk"'), 28, "unknown exercise id 'side-plonk'"),
    (("sets = 3, reps = 20 }", "sets = 3, reps = 20, hold_s = 30 }"), 34, "exactly one of reps or hold_s"),
    (("sets = 3, hold_s = 30, hold_s_max = 60", "sets = 3, reps = 30"), 27, "a hold exercise is measured in hold_s"),
    (('name = "Wall sit"', 'name = "SQUAT"'), 13, "the name 'SQUAT' is taken by 'squat'"),
    (('name = "Wall sit"', 'name = "front SQUAT"'), 13, "taken by 'front-squat'"),
    (('name = "Rack day"', 'name = "beginner (2 DAYS/week)"'), 20, "taken by 'beginner'"),
    (('id = "wall-sit"', 'id = "plank"'), 12, "'plank' is a packaged exercise"),
    (("reps_max = 12, load_kg = 40, rest_s", "reps_max = 6, load_kg = 40, rest_s"), 26, "reps_max must be from reps (8)"),
    (("hold_s_max = 60", "reps_max = 60"), 27, "reps_max goes with reps, not hold_s"),
    (('kind = "hold"', 'kind = "stretch"'), 14, "kind 'stretch' is not one of"),
    (("load_kg = 40 }", "load_kg = -5 }"), 9, "load_kg must be from 0"),
    (('category = "legs"\nnotes', 'category = "leg"\nnotes'), 7, "category 'leg'"),
    (('name = "Heavy"', 'nam = "Heavy"'), 23, "missing 'name'"),  # the day's header
    (('description = "Front', 'descripton = "Front'), 21, "unknown key(s) descripton"),
    (("rest_s = 120", "rest = 120"), 26, "unknown key(s) rest"),
    (('"side-plank", sets = 2', '"wall-sit", sets = 2'), 28, "'wall-sit' is in this day already"),
    (('per_side = false\ncategory = "legs"\n\n[[program]]', 'per_side = "no"\ncategory = "legs"\n\n[[program]]'), 15, "'per_side' should be bool"),
    (('id = "rack-day"', 'id = "Rack Day"'), 19, "lowercase letters, digits and hyphens"),
    (("[[program.day]]\nname = \"Light\"", "[[program.day]]\nname = \"heavy\""), 32, "two days have this name"),
    (('{ exercise = "calf-raise", sets = 3, reps = 20 },\n', ""), 31, "has no items"),
    (("items = [\n    { exercise = \"front-squat\"", "items = [\n    { exercise = \"front-squat\" sets"), 26, "TOML syntax"),
]


@pytest.mark.parametrize(("change", "line", "words"), BAD, ids=[words for _, _, words in BAD])
def test_a_bad_file_is_refused_at_its_line(packaged: Catalog, change: tuple[str, str], line: int, words: str) -> None:
    old, new = change
    assert GOOD.count(old) == 1, old
    with pytest.raises(RoutineError) as caught:
        parse_routine(GOOD.replace(old, new), "mine.toml", packaged)
    message = str(caught.value)
    assert message.startswith(f"mine.toml:{line}: "), message
    assert words in message


def test_names_clash_inside_the_file_ignoring_case(packaged: Catalog) -> None:
    text = GOOD.replace('name = "Wall sit"', 'name = "FRONT squat"')
    with pytest.raises(RoutineError, match=r"^f.toml:13: .*taken by 'front-squat'"):
        parse_routine(text, "f.toml", packaged)


def test_an_empty_file_and_a_stray_table_are_refused(packaged: Catalog) -> None:
    with pytest.raises(RoutineError, match=r"^e.toml:1: no \[\[exercise\]\] or \[\[program\]\]"):
        parse_routine("# nothing\n", "e.toml", packaged)
    with pytest.raises(RoutineError, match=r"^e.toml:3: unknown table or key 'exercises'"):
        parse_routine('# x\n\n[[exercises]]\nid = "a"\n', "e.toml", packaged)


def test_stored_own_entries_need_replace(packaged: Catalog) -> None:
    first = parse_routine(GOOD, "mine.toml", packaged)
    stored = packaged.with_own(first.exercises, first.programs)
    with pytest.raises(RoutineError, match=r"^mine.toml:3: exercise 'front-squat' exists already; add with --replace"):
        parse_routine(GOOD, "mine.toml", stored)
    again = parse_routine(GOOD, "mine.toml", stored, replace=True)
    assert again == first
    # Renaming on replace is fine; taking another own exercise's name is not.
    renamed = GOOD.replace('name = "Wall sit"', 'name = "Wall squat hold"')
    assert parse_routine(renamed, "mine.toml", stored, replace=True).exercises[1].name == "Wall squat hold"
    clash = GOOD.replace('name = "Wall sit"', 'name = "Front Squat"')
    with pytest.raises(RoutineError, match=r"^mine.toml:13: .*taken by 'front-squat'"):
        parse_routine(clash, "mine.toml", stored, replace=True)


def test_replacing_an_exercise_kind_that_a_stored_program_counts_otherwise_is_refused(packaged: Catalog) -> None:
    stored_routine = parse_routine(GOOD, "mine.toml", packaged)
    stored = packaged.with_own(stored_routine.exercises, stored_routine.programs)
    only_exercise = GOOD[: GOOD.index("[[program]]")].replace('id = "wall-sit"\nname = "Wall sit"\nkind = "hold"',
                                                              'id = "wall-sit"\nname = "Wall sit"\nkind = "reps"')
    with pytest.raises(RoutineError, match=r"^mine.toml:14: .*does not fit program 'rack-day', which counts it in seconds"):
        parse_routine(only_exercise, "mine.toml", stored, replace=True)


def test_written_file_is_a_fixed_point(packaged: Catalog) -> None:
    routine = parse_routine(GOOD, "mine.toml", packaged)
    catalog = packaged.with_own(routine.exercises, routine.programs)
    text = routine_toml(routine.programs, catalog)
    again = parse_routine(text, "shown.toml", catalog, replace=True)
    assert again == routine
    assert routine_toml(again.programs, packaged.with_own(again.exercises, again.programs)) == text


def test_errors_in_a_written_file_name_the_line_of_the_subtable_key(packaged: Catalog) -> None:
    routine = parse_routine(GOOD, "mine.toml", packaged)
    text = routine_toml(routine.programs, packaged.with_own(routine.exercises, routine.programs))
    lines = text.splitlines()
    # tomli-w writes an exercise's default as an [exercise.default] table; break its sets.
    sets_line = lines.index("sets = 3") + 1
    broken = "\n".join(lines[: sets_line - 1] + ["sets = 0"] + lines[sets_line:])
    with pytest.raises(RoutineError) as caught:
        parse_routine(broken, "w.toml", packaged)
    assert str(caught.value).startswith(f"w.toml:{sets_line}: exercise 'front-squat' default: sets must be")


def test_json_forms_read_back_as_tables(packaged: Catalog) -> None:
    routine = parse_routine(GOOD, "mine.toml", packaged)
    (program,) = routine.programs
    shown = program_json(program)
    assert shown["own"] is True and shown["days"][0]["items"][0] == {
        "exercise": "front-squat", "sets": 3, "reps": 8, "reps_max": 12, "load_kg": 40.0, "rest_s": 120,
    }
    from runstrong.core.catalog import OWN, parse_program

    pool = packaged.with_own(routine.exercises, ()).exercises
    assert parse_program(program_table_from_json(shown), ("program", 0), pool, OWN, "p") == program
    front = exercise_json(routine.exercises[0])
    assert (front["own"], front["notes"], front["prescription"]) == (True, "Elbows high, sit between the heels", "3 × 8–12 @ 40 kg")
    assert exercise_json(packaged.exercise("squat"))["own"] is False


def test_merged_catalog_keeps_packaged_first_and_hides_archived_from_pickers(packaged: Catalog) -> None:
    routine = parse_routine(GOOD, "mine.toml", packaged)
    archived = routine.exercises[1]._replace(archived=True)
    impostor = routine.exercises[0]._replace(id="squat", name="Not a squat")
    catalog = packaged.with_own([routine.exercises[0], archived, impostor], routine.programs)
    assert catalog.exercise("squat").name == "Squat"
    assert catalog.exercise("wall-sit").archived  # still found, for History
    assert "wall-sit" not in {ex.id for ex in catalog.pickable_exercises()}
    assert catalog.programs[-1].id == "rack-day" and catalog.default_program.id == "beginner"
    assert catalog.exercise_named("FRONT SQUAT") is routine.exercises[0]


@given(
    timed=st.booleans(),
    sets=st.integers(1, 20),
    amount=st.integers(1, 400),  # with extra, at most 1000 reps (the limit)
    extra=st.one_of(st.none(), st.integers(0, 600)),
    load=st.one_of(st.none(), st.floats(0, 1000, allow_nan=False).map(lambda x: round(x, 2))),
    rest=st.one_of(st.none(), st.integers(0, 600)),
)
def test_every_valid_prescription_round_trips(timed, sets, amount, extra, load, rest) -> None:  # type: ignore[no-untyped-def]
    top = None if extra is None else amount + extra
    prescription = Prescription(
        sets=sets,
        reps=None if timed else amount,
        hold_s=amount if timed else None,
        reps_max=None if timed else top,
        hold_s_max=top if timed else None,
        load_kg=load,
        rest_s=rest,
    )
    kind = Kind.HOLD if timed else Kind.REPS
    assert parse_prescription(prescription_table(prescription), kind, "x") == prescription


def test_the_documented_example_is_a_good_file(packaged: Catalog) -> None:
    from pathlib import Path

    doc = (Path(__file__).parents[2] / "docs" / "programs.md").read_text(encoding="utf-8")
    example = doc.split("```toml\n", 1)[1].split("```", 1)[0]
    routine = parse_routine(example, "programs.md", packaged)
    assert [ex.id for ex in routine.exercises] == ["front-squat", "wall-sit"]
    assert [day.name for day in routine.programs[0].days] == ["Heavy", "Light"]
