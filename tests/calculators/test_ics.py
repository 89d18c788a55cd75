"""Calendar export, read back with the icalendar library as a calendar program would."""

from __future__ import annotations

from datetime import date, timedelta

import icalendar
import pytest

from calculators import CALCULATORS, ics
from tests.calculators.test_cli import cli

TODAY = date(2026, 3, 10)


def parse(text: str) -> list[icalendar.Event]:
    return list(icalendar.Calendar.from_ical(text).walk("VEVENT"))


def plan(**facts: str):
    return CALCULATORS["planner"].run(facts, TODAY)


@pytest.fixture
def planned():
    return plan(shipped="2026-03-02", carrier="China Post", contacted="2026-03-09")


def test_every_upcoming_step_is_an_all_day_event(planned) -> None:
    events = parse(ics.to_ics(planned))
    assert [(str(e["SUMMARY"]), e.decoded("DTSTART")) for e in events] == [
        ("AliExpress order: The seller's reply is due: Thu 12 Mar 2026", date(2026, 3, 12)),
        ("AliExpress order: Last day to open a dispute: Fri 10 Apr 2026", date(2026, 4, 10)),
    ]
    for event in events:
        assert event.decoded("DTEND") == event.decoded("DTSTART") + timedelta(days=1)
        (alarm,) = event.walk("VALARM")
        assert alarm.decoded("TRIGGER") == timedelta(days=-2)
    last = str(events[1]["DESCRIPTION"])
    assert "39 days after shipment, for China Post or Hong Kong Post (source 002)" in last
    assert "60 days after shipment (source research notes) gives Fri 1 May 2026" in last


def test_uids_name_the_order_and_the_step_so_a_new_export_updates_them() -> None:
    first = parse(ics.to_ics(plan(shipped="2026-03-02", carrier="China Post")))
    again = parse(
        ics.to_ics(plan(shipped="2026-03-02", carrier="China Post", contacted="2026-03-09"))
    )
    assert {str(e["UID"]) for e in first} <= {str(e["UID"]) for e in again}
    changed = parse(ics.to_ics(plan(shipped="2026-03-02", carrier="DHL")))
    assert {str(e["UID"]) for e in changed} == {str(e["UID"]) for e in first}
    other_order = parse(ics.to_ics(plan(shipped="2026-03-03", carrier="China Post")))
    assert not {str(e["UID"]) for e in other_order} & {str(e["UID"]) for e in first}


def test_the_same_step_from_another_calculator_has_the_same_uid() -> None:
    window = CALCULATORS["dispute-window"].run({"shipped": "2026-03-02", "carrier": "DHL"}, TODAY)
    planner = plan(shipped="2026-03-02", carrier="DHL")
    assert [str(e["UID"]) for e in parse(ics.to_ics(window))] == [
        str(e["UID"]) for e in parse(ics.to_ics(planner))
    ]


def test_a_label_names_the_order_in_every_event(planned) -> None:
    events = parse(ics.to_ics(planned, "Order 8123; lamp"))
    assert all(str(e["SUMMARY"]).startswith("AliExpress order Order 8123; lamp: ") for e in events)
    assert {str(e["UID"]) for e in events}.isdisjoint(
        str(e["UID"]) for e in parse(ics.to_ics(planned))
    )


def test_steps_that_no_longer_apply_make_no_event() -> None:
    opened = plan(shipped="2026-03-02", carrier="China Post", opened="2026-03-09")
    summaries = [str(e["SUMMARY"]) for e in parse(ics.to_ics(opened))]
    assert not any("Last day to open a dispute" in s for s in summaries)
    assert any("answer to your dispute" in s for s in summaries)


def test_passed_steps_are_left_out(planned) -> None:
    summaries = [str(e["SUMMARY"]) for e in parse(ics.to_ics(planned))]
    assert not any("First day to open a dispute" in s for s in summaries)


def test_lines_are_folded_and_end_with_crlf(planned) -> None:
    text = ics.to_ics(planned)
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
        *("--shipped", "2026-03-02", "--carrier", "DHL", "--today", "2026-03-10"),
        *("--ics", str(target), "--label", "Order 8123"),
    )
    assert done.returncode == 0, done.stderr
    assert done.stderr == f"Saved 1 upcoming date to {target}, with a reminder two days before.\n"
    (event,) = parse(target.read_text())
    assert event.decoded("DTSTART") == date(2026, 3, 25)
    assert str(event["SUMMARY"]).startswith("AliExpress order Order 8123: ")


def test_command_line_with_nothing_upcoming_saves_nothing(tmp_path) -> None:
    target = tmp_path / "deadlines.ics"
    done = cli(
        "dispute-window",
        *(
            "--shipped",
            "2026-01-02",
            "--carrier",
            "DHL",
            "--today",
            "2026-03-10",
            "--ics",
            str(target),
        ),
    )
    assert done.returncode == 0
    assert "every date has passed" in done.stderr and not target.exists()


def test_command_line_reports_an_unwritable_file(tmp_path) -> None:
    done = cli(
        "seller-contact",
        *(
            "--contacted",
            "2026-03-09",
            "--today",
            "2026-03-10",
            "--ics",
            str(tmp_path / "no" / "x.ics"),
        ),
    )
    assert done.returncode == 2
    assert done.stderr.startswith("error: --ics: cannot write ") and "Traceback" not in done.stderr
