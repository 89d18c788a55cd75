"""Calendar export, read back with the icalendar library as a calendar program would."""

from __future__ import annotations

from datetime import date, timedelta

import icalendar
import pytest

from calculators import CALCULATORS, ics
from tests.calculators.test_cli import cli


def parse(text: str) -> list[icalendar.Event]:
    return list(icalendar.Calendar.from_ical(text).walk("VEVENT"))


@pytest.fixture
def planned():
    raw = {"shipped": "2026-03-02", "carrier": "China Post", "opened": "2026-03-05"}
    return CALCULATORS["planner"].run(raw, date(2026, 3, 10))


def test_every_upcoming_deadline_is_an_all_day_event(planned) -> None:
    events = parse(ics.to_ics(planned, "planner"))
    upcoming = [d for d in planned.deadlines if d.date >= date(2026, 3, 10)]
    assert len(events) == len(upcoming) == 5
    for event, deadline in zip(events, upcoming, strict=True):
        assert event.decoded("DTSTART") == deadline.date
        assert event.decoded("DTEND") == deadline.date + timedelta(days=1)
        assert str(event["SUMMARY"]) == f"AliExpress order: {deadline.phrase()}"
        assert deadline.rule in str(event["DESCRIPTION"])
        (alarm,) = event.walk("VALARM")
        assert alarm.decoded("TRIGGER") == timedelta(days=-2)
    assert len({str(event["UID"]) for event in events}) == len(events)


def test_passed_deadlines_are_left_out(planned) -> None:
    summaries = [str(e["SUMMARY"]) for e in parse(ics.to_ics(planned, "planner"))]
    assert not any("First day to open a dispute" in s for s in summaries)


def test_lines_are_folded_and_end_with_crlf(planned) -> None:
    text = ics.to_ics(planned, "planner")
    lines = text.split("\r\n")
    assert lines[-1] == "" and "\n" not in text.replace("\r\n", "")
    assert all(len(line.encode()) <= 75 for line in lines)
    assert any(line.startswith(" ") for line in lines)


def test_folding_never_splits_a_character() -> None:
    folded = ics._fold("DESCRIPTION:" + "é–" * 60)
    for piece in folded.split("\r\n "):
        piece.encode().decode()
        assert len(piece.encode()) <= 75


def test_command_line_saves_a_calendar(tmp_path) -> None:
    target = tmp_path / "deadlines.ics"
    done = cli(
        "dispute-window",
        "--shipped",
        "2026-03-02",
        "--carrier",
        "DHL",
        "--today",
        "2026-03-10",
        "--ics",
        str(target),
    )
    assert done.returncode == 0, done.stderr
    assert (
        done.stderr
        == f"Saved 1 upcoming deadline to {target}, each with a reminder two days before.\n"
    )
    (event,) = parse(target.read_text())
    assert event.decoded("DTSTART") == date(2026, 3, 25)


def test_command_line_with_nothing_upcoming_saves_nothing(tmp_path) -> None:
    target = tmp_path / "deadlines.ics"
    done = cli(
        "seller-contact", "--contacted", "2026-01-02", "--today", "2026-03-10", "--ics", str(target)
    )
    assert done.returncode == 0
    assert "every date has passed" in done.stderr and not target.exists()


def test_command_line_reports_an_unwritable_file(tmp_path) -> None:
    done = cli(
        "seller-contact",
        "--contacted",
        "2026-03-09",
        "--today",
        "2026-03-10",
        "--ics",
        str(tmp_path / "no" / "x.ics"),
    )
    assert done.returncode == 2
    assert done.stderr.startswith("error: --ics: cannot write ") and "Traceback" not in done.stderr
