from datetime import date as D

from calculators.planner import CALCULATOR
from tests.calculators.helpers import problems


def test_one_sorted_timeline_from_every_date_given(today: D) -> None:
    result = CALCULATOR.run(
        {
            "shipped": "2026-03-02",
            "carrier": "DHL",
            "delivered": "2026-03-20",
            "contacted": "2026-03-20",
            "opened": "2026-03-24",
            "escalated": "2026-04-09",
            "agreed": "2026-04-12",
        },
        today,
    )
    assert [(d.key, d.date) for d in result.deadlines] == [
        ("dispute_opens", D(2026, 3, 8)),
        ("seller_reply_by", D(2026, 3, 23)),
        ("dispute_closes", D(2026, 3, 25)),
        ("seller_response_by", D(2026, 3, 29)),
        ("return_request_closes", D(2026, 4, 4)),
        ("dispute_closes", D(2026, 4, 4)),
        ("escalation_from", D(2026, 4, 8)),
        ("decision_by", D(2026, 4, 19)),
        ("return_ship_by", D(2026, 4, 22)),
    ]
    states = [d.as_dict(today)["state"] for d in result.deadlines]
    assert states == ["passed"] + ["upcoming"] * 8
    assert result.summary.startswith(
        "Next: The seller should have replied by Mon 23 Mar 2026 (in 13 days)."
    )


def test_today_is_marked(today: D) -> None:
    result = CALCULATOR.run({"shipped": "2026-03-04"}, today)
    assert result.deadlines[0].as_dict(today)["state"] == "today"


def test_without_a_carrier_it_asks_for_one(today: D) -> None:
    result = CALCULATOR.run({"shipped": "2026-03-02"}, today)
    assert [d.key for d in result.deadlines] == [
        "dispute_opens",
        "delivery_deadline",
        "dispute_closes",
    ]
    assert any("Choose the carrier" in note.text for note in result.notes)


def test_dates_out_of_order_are_refused_at_the_later_field(today: D) -> None:
    found = problems(
        CALCULATOR,
        {"shipped": "2026-03-10", "delivered": "2026-03-02", "opened": "2026-03-01"},
        today,
    )
    assert set(found) == {"delivered", "opened"}
    assert found["delivered"].startswith("This is before the date the seller shipped")


def test_escalation_needs_the_opening_date(today: D) -> None:
    assert problems(CALCULATOR, {"escalated": "2026-03-09"}, today) == {
        "opened": "Enter the date you opened the dispute, too."
    }


def test_empty_form_says_what_to_enter(today: D) -> None:
    assert problems(CALCULATOR, {}, today) == {
        "shipped": "Enter at least one date, such as the day the seller shipped."
    }
