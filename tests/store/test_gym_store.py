"""The store's floors for the gym: best sets for records, a skipped set logged later, and the
recently deleted list, on a real file."""

from __future__ import annotations

from pathlib import Path

from runstrong.core.models import DoneSet
from runstrong.core.plan import PlannedSet
from runstrong.core.progress import RecordKind, current_records, daily_bests, personal_records
from runstrong.core.session_report import records_broken
from runstrong.store import Store


def squat(set_no: int) -> PlannedSet:
    return PlannedSet("squat", "Squat", set_no, None, 5, None)


def logged(store: Store, day: str, sets: list[tuple[int, float, str]], offset: str = "+01:00") -> int:
    """A finished session of squat sets given as (reps, load kg, set_type); returns its id."""
    session = store.start_session(
        date=day, started_at=f"{day}T09:00:00{offset}", program_id="beginner",
        program="Beginner (2 days/week)", day="Workout A", day_index=0,
        slots=[squat(n) for n in range(1, len(sets) + 1)],
    )
    for minute, (slot, (reps, load, set_type)) in enumerate(zip(session.sets, sets)):
        store.edit_set(slot.id, reps=reps, load_kg=load, hold_s=None)
        store.tick_set(slot.id, f"{day}T09:{minute:02d}:00{offset}")
        if set_type != "normal":
            store.conn.execute("UPDATE set_logs SET set_type = ? WHERE id = ?", [set_type, slot.id])
            store.conn.commit()
    store.finish_session(session.id, f"{day}T10:00:00{offset}")
    return session.id


def standing(sets: list[DoneSet]) -> dict[RecordKind, float]:
    return {kind: record.value for kind, record in current_records(personal_records(daily_bests(sets))).items()}


def test_best_sets_hold_the_same_records_as_every_set(store: Store) -> None:
    logged(store, "2026-11-01", [(5, 100.0, "normal"), (8, 90.0, "normal"), (12, 60.0, "normal")])
    logged(store, "2026-11-08", [(3, 140.0, "warmup"), (2, 105.0, "normal")])  # the warm-up never counts
    gone = logged(store, "2026-11-10", [(1, 150.0, "normal")])
    store.delete_session(gone, "2026-11-11T09:00:00+01:00")
    today = logged(store, "2026-11-15", [(1, 120.0, "normal")])  # the session asked about

    best = store.best_sets_elsewhere("squat", today)

    # By hand: heaviest 105 kg; most reps 12; e1RM: 100 × (1 + 5/30) = 116.67,
    # 90 × (1 + 8/30) = 114, 105 × (1 + 2/30) = 112, 12 reps give none: 116.67 stands.
    records = standing(best)
    assert records[RecordKind.LOAD] == 105.0
    assert records[RecordKind.REPS] == 12
    assert round(records[RecordKind.E1RM], 2) == 116.67
    assert RecordKind.HOLD not in records
    assert store.best_sets_elsewhere("plank", today) == []


def test_standing_e1rm_comes_only_from_sets_really_lifted(store: Store) -> None:
    # Review 1.1: the most reps (10) and the heaviest load (100 kg) were never one set.
    logged(store, "2026-11-01", [(3, 100.0, "normal"), (10, 60.0, "normal")])
    today = logged(store, "2026-11-15", [(5, 110.0, "normal")])

    best = store.best_sets_elsewhere("squat", today)

    # By hand (Epley, load × (1 + reps/30)): 100 × (1 + 3/30) = 110, 60 × (1 + 10/30) = 80.
    # 100 kg × 10 would be 133.33, but nobody lifted it.
    records = standing(best)
    assert round(records[RecordKind.E1RM], 2) == 110.0
    assert records[RecordKind.LOAD] == 100.0
    assert records[RecordKind.REPS] == 10
    # The new 110 kg × 5 = 110 × (1 + 5/30) = 128.33 beats 110, and 110 kg beats 100 kg.
    new = store.session_sets(today)
    broken = {record.kind: (round(record.value, 2), round(record.previous, 2)) for record in records_broken("Squat", best, new)}
    assert broken == {RecordKind.LOAD: (110.0, 100.0), RecordKind.E1RM: (128.33, 110.0)}


def test_best_sets_are_dated_by_the_earliest_instant_not_the_smallest_text(store: Store) -> None:
    # Review 1.9. As text "2026-11-01T09:00:00-11:00" sorts first, but it is 2026-11-01 20:00 UTC;
    # "2026-11-02T09:00:00+14:00" is 2026-11-01 19:00 UTC, an hour earlier.
    logged(store, "2026-11-01", [(5, 100.0, "normal")], offset="-11:00")
    logged(store, "2026-11-02", [(5, 90.0, "normal")], offset="+14:00")
    today = logged(store, "2026-11-15", [(1, 120.0, "normal")])

    best = store.best_sets_elsewhere("squat", today)

    assert {s.done_at for s in best} == {"2026-11-02T09:00:00+14:00"}


def test_a_skipped_set_is_logged_at_the_sessions_last_tick(store: Store, db_path: Path) -> None:
    session = store.start_session(
        date="2026-11-22", started_at="2026-11-22T09:00:00+01:00", program_id="beginner",
        program="Beginner (2 days/week)", day="Workout A", day_index=0, slots=[squat(1), squat(2), squat(3)],
    )
    first, skipped, last = session.sets
    store.tick_set(first.id, "2026-11-22T09:01:00+01:00")
    store.tick_set(last.id, "2026-11-22T09:09:00+01:00")
    store.finish_session(session.id, "2026-11-22T10:00:00+01:00")

    store.log_skipped_set(skipped.id, reps=4, load_kg=80.0, hold_s=None)

    fresh = Store.open(db_path)
    try:
        again = fresh.set_log(skipped.id)
    finally:
        fresh.close()
    assert (again.done_at, again.reps, again.load_kg) == ("2026-11-22T09:09:00+01:00", 4, 80.0)
    assert store.restore_set(skipped).done_at is None  # the undo


def test_recently_deleted_newest_first_as_instants(store: Store) -> None:
    a = logged(store, "2026-11-01", [(5, 100.0, "normal")])
    b = logged(store, "2026-11-02", [(5, 100.0, "normal"), (5, 100.0, "normal")])
    # 10:30+02:00 is 08:30 UTC, before 09:00+00:00: as text it would sort the other way.
    store.delete_session(a, "2026-11-20T09:00:00+00:00")
    set_id = store.session(b).sets[1].id
    store.delete_set(set_id, "2026-11-20T10:30:00+02:00")

    listed = store.recently_deleted()
    assert [(item.kind, item.id, item.what) for item in listed] == [
        ("session", a, "1 set done"),
        ("set", set_id, "Squat set 2"),
    ]
    store.restore_deleted(listed[0])
    store.restore_deleted(listed[1])
    assert store.recently_deleted() == []
    assert len(store.session(b).sets) == 2
