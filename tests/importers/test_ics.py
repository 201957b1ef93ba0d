"""Reading training calendars: files in tests/importers/ics/, expected values worked by hand."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from runstrong.core.running import Priority, RunKind
from runstrong.importers.ics import IcsError, classify, distance_km, race_priority, read_ics

FILES = Path(__file__).parent / "ics"
JAN1, JAN31 = date(2027, 1, 1), date(2027, 1, 31)
BERLIN = ZoneInfo("Europe/Berlin")


def plan(tz: ZoneInfo = BERLIN):  # type: ignore[no-untyped-def]
    return read_ics((FILES / "plan.ics").read_bytes(), JAN1, JAN31, tz)


def test_every_event_is_read_with_its_kind_date_and_distance() -> None:
    runs = [(r.date, r.kind, r.distance_km, r.name, r.priority) for r in plan().runs]
    assert runs == [
        # Weekly easy run from 4 Jan, COUNT=3, 11 Jan excluded (EXDATE): 4 and 18 Jan.
        (date(2027, 1, 4), RunKind.EASY, 8.0, "Easy 8 km", None),
        # Timed in UTC, 17:30 = 18:30 in Berlin: still 5 January. "6×800 m" is a repeat, no distance.
        (date(2027, 1, 5), RunKind.HARD, None, "Intervals 6×800 m", None),
        # 21:30 in New York on 6 Jan is 03:30 on 7 Jan in Berlin.
        (date(2027, 1, 7), RunKind.HARD, None, "Tempo", None),
        (date(2027, 1, 9), RunKind.LONG, 25.0, "Long run 25 km", None),
        # Classified by its categories (Hills), not its summary.
        (date(2027, 1, 13), RunKind.HARD, None, "Workout", None),
        # All-day race, priority (A) taken out of the name.
        (date(2027, 1, 17), RunKind.RACE, None, "City Half", Priority.A),
        (date(2027, 1, 18), RunKind.EASY, 8.0, "Easy 8 km", None),
    ]


def test_timed_events_take_the_date_in_the_runners_time_zone() -> None:
    tempo = [r for r in plan(ZoneInfo("America/New_York")).runs if r.name == "Tempo"]
    assert [r.date for r in tempo] == [date(2027, 1, 6)]


def test_an_event_that_is_not_a_run_is_reported_with_its_line() -> None:
    lines = (FILES / "plan.ics").read_text().splitlines()
    begin = lines.index("UID:dentist@example")  # 0-based index of the UID = 1-based line of BEGIN
    [dentist] = plan().not_understood
    assert (dentist.line, dentist.date, dentist.summary) == (begin, date(2027, 1, 7), "Dentist")
    assert dentist.describe() == f"{begin}: 2027-01-07 'Dentist': not a run kind runstrong knows"


def test_uids_are_stable_and_recurrences_have_their_own() -> None:
    first, second = plan(), plan(ZoneInfo("Asia/Tokyo"))
    assert [r.uid for r in first.runs if r.kind is RunKind.EASY] == [
        "ics:easy-weekly@plans.example:2027-01-04T07:00:00+01:00",
        "ics:easy-weekly@plans.example:2027-01-18T07:00:00+01:00",
    ]
    assert "ics:long-1@plans.example" in {r.uid for r in first.runs}
    # Another time zone moves dates, never identities.
    assert {r.uid for r in first.runs} == {r.uid for r in second.runs}
    assert all(r.source == "ics" for r in first.runs)


def test_the_window_limits_the_recurrences() -> None:
    only_first_week = read_ics((FILES / "plan.ics").read_bytes(), JAN1, date(2027, 1, 10), BERLIN)
    assert [r.date for r in only_first_week.runs if r.kind is RunKind.EASY] == [date(2027, 1, 4)]


def test_a_bad_file_gives_its_line() -> None:
    with pytest.raises(IcsError) as caught:
        read_ics((FILES / "bad.ics").read_bytes(), JAN1, JAN31, BERLIN)
    assert caught.value.line == 6
    assert str(caught.value).startswith("6: not a readable iCalendar file")


def test_a_file_that_is_not_a_calendar() -> None:
    with pytest.raises(IcsError, match="^1: not an iCalendar file"):
        read_ics(b"Date,Exercise,Reps\n2027-01-01,Squat,5\n", JAN1, JAN31, BERLIN)


def test_an_unreadable_date_names_the_event() -> None:
    data = b"BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\nUID:u1\r\nSUMMARY:Easy\r\nDTSTART:2027XX\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n"
    with pytest.raises(IcsError, match="^2: event 'Easy' has an unreadable DTSTART"):
        read_ics(data, JAN1, JAN31, BERLIN)


@pytest.mark.parametrize(
    ("summary", "kind"),
    [
        ("Long run 25 km", RunKind.LONG),
        ("Intervals 6×800 m", RunKind.HARD),
        ("5 x 1 km @ threshold", RunKind.HARD),
        ("Hill repeats", RunKind.HARD),
        ("Tempo", RunKind.HARD),
        ("Easy 8 km", RunKind.EASY),
        ("Recovery jog", RunKind.EASY),
        ("Run", RunKind.EASY),
        ("Race: City Half", RunKind.RACE),
        ("Saturday parkrun", RunKind.RACE),
        ("Race pace 10 km", None),
        ("Rest day", RunKind.REST),
        ("Long run with tempo finish", RunKind.LONG),
        ("Yoga", None),
    ],
)
def test_classification_rules(summary: str, kind: RunKind | None) -> None:
    assert classify(summary) is kind


def test_distances_and_priorities() -> None:
    assert distance_km("Easy 8 km") == 8.0
    assert distance_km("Long run 10 mi") == 16.093  # 10 × 1.609344
    assert distance_km("Race: Berlin Marathon") == 42.2
    assert distance_km("Race: Valencia Half Marathon") == 21.1
    assert distance_km("5 x 1 km") is None
    assert distance_km("City 10k") == 10.0
    assert race_priority("Race: Spring 10k (B)") is Priority.B
    assert race_priority("A-race: Berlin") is Priority.A
    assert race_priority("City Half", "priority: C") is Priority.C
    assert race_priority("City Half") is None
