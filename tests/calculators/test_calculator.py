"""Running a calculator: declared inputs, facts carried over from other pages, the result."""

from __future__ import annotations

from datetime import date

from calculators import CALCULATORS
from tests.calculators.helpers import problems

D = date.fromisoformat


def test_facts_the_calculator_does_not_ask_for_still_count() -> None:
    result = CALCULATORS["seller-contact"].run(
        {"contacted": "2026-03-09", "opened": "2026-03-09"}, D("2026-03-10")
    )
    assert result.facts == {"contacted": date(2026, 3, 9), "opened": date(2026, 3, 9)}
    assert result.verdict.step.key == "seller_response_by"


def test_a_field_nobody_declared_is_refused() -> None:
    found = problems(
        CALCULATORS["cancellation"], {"requested": "2026-03-09", "colour": "red"}, D("2026-03-10")
    )
    assert found == {"": "There is no field called 'colour'."}


def test_a_bad_carried_fact_is_named_too() -> None:
    found = problems(
        CALCULATORS["cancellation"],
        {"requested": "2026-03-09", "shipped": "2026-02-30"},
        D("2026-03-10"),
    )
    assert found == {"shipped": "This is not a real date: February 2026 has 28 days."}


def test_today_is_an_input_not_the_clock() -> None:
    early = CALCULATORS["dispute-window"].run(
        {"shipped": "2026-03-02", "carrier": "DHL"}, D("2026-03-03")
    )
    late = CALCULATORS["dispute-window"].run(
        {"shipped": "2026-03-02", "carrier": "DHL"}, D("2026-03-20")
    )
    assert early.deadlines == late.deadlines
    assert (early.verdict.state, late.verdict.state) == ("wait", "act")


def test_notes_say_what_to_know_about_the_dates() -> None:
    run = CALCULATORS["planner"].run
    today = D("2026-03-10")
    old_rule = run({"shipped": "2026-03-02", "carrier": "DHL"}, today).notes
    assert [note.kind for note in old_rule] == ["warning"] and "old published rule" in old_rule[
        0
    ].text
    unlisted = run({"shipped": "2026-03-02", "carrier": "Cainiao"}, today).notes
    assert "No published rule gives a last day for this carrier" in unlisted[0].text
    no_carrier = run({"shipped": "2026-03-02"}, today).notes
    assert no_carrier[0].text.startswith("Choose the carrier too")
    countdown = run({"shipped": "2026-03-02", "protection_left": "5"}, today).notes
    assert countdown[0].text.startswith("Your Purchase Protection countdown sets the last day")
    unknown = run({"contacted": "2026-03-01"}, today).notes
    assert unknown[0].text.startswith("These dates do not show your last day")
    opened = run({"opened": "2026-03-09"}, today).notes
    assert [note.sources for note in opened] == [("003",), ("003",), ()]
    assert opened[-1].text.startswith("If AliExpress does not refund you, PayPal or your bank")
