"""`runstrong runs ...` and `runstrong plan ...` end to end on a real database file."""

from __future__ import annotations

import json
import os
import shutil
import time
from collections.abc import Iterator
from datetime import date, datetime, timezone
from pathlib import Path

import icalendar
import pytest

from runstrong.cli import main
from runstrong.core.clock import ManualClock
from runstrong.core.running import Priority, Run
from runstrong.store import Store

ICS = Path(__file__).parent / "importers" / "ics"


def run_main(args: list[str], capsys: pytest.CaptureFixture[str], clock: ManualClock | None = None) -> tuple[int, str, str]:
    with pytest.raises(SystemExit) as exited:
        main(args, clock)
    out, err = capsys.readouterr()
    return int(exited.value.code or 0), out, err


def test_read_only_commands_create_no_database(db_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    # A mistyped path: they say there is no database there (exit 1) and create nothing.
    status, out, err = run_main(["runs", "--db", str(db_path)], capsys)
    assert status == 1 and out == "" and "no database there" in err and len(err.splitlines()) == 1
    status, out, err = run_main(["plan", "--db", str(db_path), "--from", "2027-01-04", "--days", "7", "--json"], capsys)
    assert status == 1 and out == "" and "no database there" in err
    assert not db_path.exists()
    # Once the app has made it, they read it.
    Store.open(db_path).close()
    status, out, _ = run_main(["runs", "--db", str(db_path)], capsys)
    assert status == 0 and "No dated runs or races." in out
    status, out, _ = run_main(["plan", "--db", str(db_path), "--from", "2027-01-04", "--days", "7", "--json"], capsys)
    assert status == 0 and len(json.loads(out)["days"]) == 7


def test_week_add_and_plan_json(db_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    db = ["--db", str(db_path)]
    assert run_main(["runs", "week", "mon=easy", "tue=hard", "wed=easy", "thu=hard", "fri=easy", "sat=long:25km", *db], capsys)[0] == 0
    status, out, _ = run_main(["runs", "add", "2027-05-23", "race", "--distance", "21.1km", "--name", "City Half", "--priority", "A", *db], capsys)
    assert status == 0 and out.strip() == "Added 2027-05-23 race 21.1 km 'City Half' priority A"
    status, out, _ = run_main(["runs", "--json", *db], capsys)
    listing = json.loads(out)
    assert listing["week"]["sat"] == {"kind": "long", "distance_km": 25.0}
    assert [(r["date"], r["kind"], r["priority"]) for r in listing["runs"]] == [("2027-05-23", "race", "A")]
    # 20 weeks before the race: Monday 4 January 2027 is week 1, power build week 3 (see
    # tests/core/test_season.py). Wed (easy) and Sun (no run) are the best pair that week.
    status, out, _ = run_main(["plan", "--from", "2027-01-04", "--days", "7", "--json", *db], capsys)
    days = json.loads(out)["days"]
    assert [d["date"] for d in days if d["strength"]] == ["2027-01-06", "2027-01-10"]
    wednesday = days[2]
    assert (wednesday["phase"], wednesday["week"], wednesday["block"]) == ("off-season", "build", "power")
    assert wednesday["run"] == {"kind": "easy", "distance_km": None, "name": ""}
    squat = wednesday["strength"]["items"][0]
    # Squat 3 × 12 in a power week: half the reps (6), same sets.
    assert {k: squat[k] for k in ("exercise_id", "sets", "reps", "hold_s", "load_kg")} == {
        "exercise_id": "squat", "sets": 3, "reps": 6, "hold_s": None, "load_kg": None,
    }
    assert squat["why"] == "first time: 3 × 12; power block: 6 reps instead of 12, rest 3:00"
    assert set(wednesday) == {"date", "run", "race", "phase", "week", "block", "strength", "warnings"}
    assert wednesday["strength"]["program"] == "Beginner (2 days/week)" and wednesday["strength"]["day"] == "Workout A"


def test_bad_input_is_one_line_and_saves_nothing(db_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    db = ["--db", str(db_path)]
    for args, message in [
        (["runs", "add", "2027-13-01", "easy"], "DATE '2027-13-01' is not a date"),
        # Python 3.11's fromisoformat takes these; YYYY-MM-DD is what the help asks for.
        (["runs", "add", "20270110", "easy"], "DATE '20270110' is not a date"),
        (["runs", "add", "2027W011", "easy"], "DATE '2027W011' is not a date"),
        (["plan", "--from", "20270104"], "'20270104' is not a date"),
        (["runs", "add", "2027-01-04", "jog"], "unknown run kind 'jog'"),
        (["runs", "add", "2027-01-04", "easy", "--distance", "far"], "unreadable distance 'far'"),
        (["runs", "add", "2027-01-04", "easy", "--priority", "A"], "--priority is for races"),
        (["runs", "week", "mon=easy", "mon=hard"], "mon is named twice"),
        (["runs", "week", "sat=race"], "a race is dated"),
        (["plan", "--days", "0"], "--days must be 1..366"),
        (["plan", "--ics"], "--ics needs -o FILE"),
    ]:
        status, out, err = run_main([*args, *db], capsys)
        assert status == 2, args
        assert message in err and err.count("\n") == 1 and out == ""
    assert not db_path.exists()


@pytest.fixture
def runner_in_utc() -> Iterator[None]:
    """The machine's time zone (the runner's, for timed calendar events) pinned to UTC, and put
    back after the test."""
    before = os.environ.get("TZ")
    os.environ["TZ"] = "UTC"
    time.tzset()
    try:
        yield
    finally:
        if before is None:
            del os.environ["TZ"]
        else:
            os.environ["TZ"] = before
        time.tzset()


def test_import_twice_changes_nothing_and_reports_what_it_did_not_understand(
    db_path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str], runner_in_utc: None
) -> None:
    ics = tmp_path / "plan.ics"
    shutil.copy(ICS / "plan.ics", ics)
    db = ["--db", str(db_path)]
    # Today is Friday 1 January 2027 (injected): the window is 2 December 2026 .. 1 January 2028,
    # so every event in the file (January 2027) is in it. By hand: the weekly easy run on 4 and
    # 18 January (11 January is an EXDATE), the long run on the 9th, intervals on the 5th, the
    # tempo (21:30 in New York on the 6th is 02:30 on the 7th in the runner's UTC), the hills
    # workout on the 13th and the race on the 17th: 7 runs. The dentist is not a run.
    new_year = ManualClock(datetime(2027, 1, 1, 8, 0, tzinfo=timezone.utc))
    status, dry, _ = run_main(["runs", "import", str(ics), "--dry-run", *db], capsys, new_year)
    assert status == 0 and dry.startswith("Dry run:") and not db_path.exists()
    status, first, _ = run_main(["runs", "import", str(ics), *db], capsys, new_year)
    assert status == 0 and "7 added, 0 updated, 0 unchanged" in first
    assert "'Dentist': not a run kind runstrong knows" in first
    store = Store.open(db_path)
    try:
        assert [r.date.isoformat() for r in store.runs()] == [
            "2027-01-04", "2027-01-05", "2027-01-07", "2027-01-09", "2027-01-13", "2027-01-17", "2027-01-18",
        ]
    finally:
        store.close()
    status, second, _ = run_main(["runs", "import", str(ics), *db], capsys, new_year)
    assert "0 added, 0 updated, 7 unchanged" in second
    # A year on (Tuesday 1 February 2028: the window starts 2 January 2028) the file's events are
    # all in the past: nothing is added, and nothing already stored is touched.
    later = ManualClock(datetime(2028, 2, 1, 8, 0, tzinfo=timezone.utc))
    status, third, _ = run_main(["runs", "import", str(ics), *db], capsys, later)
    assert status == 0 and "0 added, 0 updated, 0 unchanged" in third


def test_a_bad_calendar_file_names_file_and_line(db_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    bad = ICS / "bad.ics"
    status, out, err = run_main(["runs", "import", str(bad), "--db", str(db_path)], capsys)
    assert status == 2 and out == ""
    assert err.strip() == f"{bad}:6: not a readable iCalendar file (line 6 is not NAME:VALUE)"
    assert not db_path.exists()


def test_plan_ics_has_stable_uids_and_the_exercises(db_path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    db = ["--db", str(db_path)]
    run_main(["runs", "week", "mon=easy", "tue=hard", "wed=easy", "thu=hard", "fri=easy", "sat=long", *db], capsys)
    out_file = tmp_path / "strength.ics"
    status, out, _ = run_main(["plan", "--from", "2027-01-04", "--days", "14", "--ics", "-o", str(out_file), *db], capsys)
    assert status == 0 and out.strip() == f"Wrote 4 strength sessions to {out_file}"
    events = icalendar.Calendar.from_ical(out_file.read_bytes()).walk("VEVENT")
    assert [str(e["UID"]) for e in events] == [
        "strength-2027-W01-1@runstrong", "strength-2027-W01-2@runstrong",
        "strength-2027-W02-1@runstrong", "strength-2027-W02-2@runstrong",
    ]
    # No race: Monday 4 Jan 2027 is 157 weeks after the anchor (1 Jan 2024): block 157 // 4 = 39,
    # 39 % 3 = 0 → hypertrophy, week 157 % 4 + 1 = 2: the program's own 3 × 12.
    assert str(events[0]["DESCRIPTION"]).splitlines()[:2] == ["hypertrophy block, week 2", "Squat: 3 × 12"]
    again = tmp_path / "again.ics"
    run_main(["plan", "--from", "2027-01-04", "--days", "14", "--ics", "-o", str(again), *db], capsys)
    assert [str(e["UID"]) for e in icalendar.Calendar.from_ical(again.read_bytes()).walk("VEVENT")] == [
        str(e["UID"]) for e in events
    ]


def test_plan_text_draws_stored_names_without_their_escape_sequences(hostile_plan: Path, capsys: pytest.CaptureFixture[str]) -> None:
    status, out, _ = run_main(["plan", "--db", str(hostile_plan), "--from", "2026-11-23", "--days", "21"], capsys)
    assert status == 0
    assert "\x1b" not in out and "\x07" not in out and "pwned" not in out and "[2J" not in out
    assert "RACE BadRace (B)" in out
    assert "strength: Rackday — Heavy" in out
    assert "      Front squat: " in out


def test_a_calendar_run_changed_here_is_kept_by_the_next_import(db_path: Path, tmp_path: Path) -> None:
    from runstrong.core.running import mark_edited
    from runstrong.plan_command import import_calendar

    ics = tmp_path / "races.ics"
    ics.write_text(
        "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//test//EN\r\n"
        "BEGIN:VEVENT\r\nUID:half-2027\r\nDTSTART;VALUE=DATE:20270411\r\nSUMMARY:Race: Spring Half 21.1 km\r\nEND:VEVENT\r\n"
        "BEGIN:VEVENT\r\nUID:easy-2027\r\nDTSTART;VALUE=DATE:20270109\r\nSUMMARY:Easy run 8 km\r\nEND:VEVENT\r\n"
        "END:VCALENDAR\r\n"
    )
    store = Store.open(db_path)
    try:
        # Today is injected: both events are inside today - 30 .. today + 365 days.
        first = import_calendar(store, ics, date(2027, 1, 1), dry_run=False)
        assert "2 added, 0 updated, 0 unchanged" in first
        race = next(run for run in store.runs() if run.uid == "ics:half-2027")
        store.update_run(mark_edited(race, Run(race.date, race.kind, 21.1, "Spring Half", Priority.A, race.uid, race.source)))

        second = import_calendar(store, ics, date(2027, 1, 1), dry_run=False)

        assert "0 added, 0 updated, 1 unchanged, 1 kept your change" in second
        race = next(run for run in store.runs() if run.uid == "ics:half-2027")
        assert (race.priority, race.source) == (Priority.A, "ics-edited")
    finally:
        store.close()
