"""Which steps apply to an order, with the rules and sources behind each date."""

from __future__ import annotations

from datetime import date

import pytest

from calculators import CALCULATORS
from tests.calculators.helpers import dated

D = date.fromisoformat
PLANNER = CALCULATORS["planner"]


def steps(today: str, **facts: str) -> dict[str, date]:
    return dated(PLANNER.run(facts, D(today)))


@pytest.mark.parametrize(
    ("facts", "expected"),
    [
        (
            {"shipped": "2026-03-02", "carrier": "China Post"},
            {"dispute_opens": "2026-03-08", "dispute_closes": "2026-04-10"},
        ),
        (
            {"shipped": "2026-03-02", "carrier": "China Post", "contacted": "2026-03-20"},
            {
                "dispute_opens": "2026-03-08",
                "seller_reply_by": "2026-03-23",
                "dispute_closes": "2026-04-10",
            },
        ),
        # Once a dispute is open, the steps before it leave the timeline.
        (
            {
                "shipped": "2026-03-02",
                "carrier": "China Post",
                "contacted": "2026-03-04",
                "opened": "2026-03-09",
            },
            {"seller_response_by": "2026-03-14", "escalation_from": "2026-03-24"},
        ),
        (
            {"opened": "2026-03-02", "escalated": "2026-03-09"},
            {"decision_by": "2026-03-19"},
        ),
        # A return under way ends the dispute's own waits.
        (
            {"opened": "2026-03-02", "escalated": "2026-03-09", "agreed": "2026-03-12"},
            {"return_ship_by": "2026-03-22"},
        ),
        # A return posted inside a dispute: a wait with no known end, dated today.
        (
            {"opened": "2026-03-01", "agreed": "2026-03-02", "return_posted": "2026-03-09"},
            {"return_on_its_way": "2026-03-31"},
        ),
        # A refund overdue: the refund's date stays, and the step after AliExpress comes today.
        (
            {"agreed": "2026-03-02", "return_received": "2026-03-09"},
            {"refund_by": "2026-03-12", "after_aliexpress": "2026-03-31"},
        ),
        # Decided against the reader: nothing of the dispute is left, only the routes after it.
        (
            {"opened": "2026-03-02", "agreed": "2026-03-05", "rejected": "2026-03-20"},
            {"after_aliexpress": "2026-03-31"},
        ),
    ],
)
def test_only_the_steps_that_still_apply(facts: dict[str, str], expected: dict[str, str]) -> None:
    assert steps("2026-03-31", **facts) == {key: D(day) for key, day in expected.items()}


def test_steps_come_in_date_order() -> None:
    result = PLANNER.run(
        {
            "shipped": "2026-03-02",
            "carrier": "DHL",
            "delivered": "2026-03-09",
            "contacted": "2026-03-09",
        },
        D("2026-03-10"),
    )
    assert [step.date for step in result.deadlines] == sorted(
        step.date for step in result.deadlines
    )


def test_the_seller_answer_shows_both_sources_and_plans_with_the_earlier() -> None:
    result = PLANNER.run({"opened": "2026-03-02"}, D("2026-03-03"))
    answer = result.deadlines[0]
    assert (answer.key, answer.date, answer.rule) == (
        "seller_response_by",
        D("2026-03-07"),
        "5 days after the dispute was opened",
    )
    assert [s.key for s in answer.sources] == ["003", "research"]
    (other,) = answer.others
    assert (other.date, [s.key for s in other.sources], other.relation) == (
        D("2026-03-17"),
        ["000"],
        "source",
    )


def test_after_delivery_the_carrier_rule_and_delivery_plus_fifteen_are_weighed() -> None:
    result = PLANNER.run(
        {"shipped": "2026-05-04", "carrier": "DHL", "delivered": "2026-05-20"}, D("2026-05-21")
    )
    last = next(step for step in result.deadlines if step.key == "dispute_closes")
    assert (last.date, last.rule) == (
        D("2026-05-27"),
        "23 days after shipment, for DHL, TNT, UPS or FedEx",
    )
    assert [(o.rule, o.date, o.relation) for o in last.others] == [
        ("15 days after delivery", D("2026-06-04"), "rule")
    ]


def test_the_refund_plans_with_the_latest_source() -> None:
    result = PLANNER.run({"opened": "2026-03-02", "resolved": "2026-03-02"}, D("2026-03-03"))
    (refund,) = result.deadlines
    assert (refund.date, refund.earliest) == (D("2026-04-13"), D("2026-03-23"))
    assert refund.rule == "15–30 working days after the dispute was resolved"
    assert [(o.rule, o.date) for o in refund.others] == [
        ("15 days after the dispute was resolved", D("2026-03-17"))
    ]
    assert refund.safer == "later"


@pytest.mark.parametrize(
    ("received", "refund_by"),
    [
        ("2026-03-05", "2026-03-10"),  # Thursday: Fri, Mon, Tue
        ("2026-03-06", "2026-03-11"),  # Friday: Mon, Tue, Wed
        ("2026-03-07", "2026-03-11"),  # Saturday
        ("2026-03-08", "2026-03-11"),  # Sunday
        ("2026-12-30", "2027-01-04"),  # over the new year (holidays are not known)
    ],
)
def test_refund_three_working_days_after_the_return_arrives(received: str, refund_by: str) -> None:
    assert steps(received, return_received=received) == {"refund_by": D(refund_by)}


@pytest.mark.parametrize(
    ("requested", "earliest", "latest"),
    [
        ("2026-03-08", "2026-03-13", "2026-03-15"),
        ("2026-12-28", "2027-01-02", "2027-01-04"),
        ("2028-02-26", "2028-03-02", "2028-03-04"),
    ],
)
def test_a_cancellation_takes_five_to_seven_days(
    requested: str, earliest: str, latest: str
) -> None:
    (done,) = CALCULATORS["cancellation"].run({"requested": requested}, D("2028-12-31")).deadlines
    assert (done.key, done.earliest, done.date) == ("cancellation_done", D(earliest), D(latest))
    assert done.rule == "5–7 days after the cancellation request"


def test_a_cancellation_no_longer_applies_once_the_order_shipped() -> None:
    carried = {"requested": "2026-03-01", "shipped": "2026-03-03"}
    assert "cancellation_done" not in dated(
        CALCULATORS["cancellation"].run(carried, D("2026-03-10"))
    )


@pytest.mark.parametrize(
    ("carrier", "shipped", "opens", "closes"),
    [
        ("DHL", "2026-03-02", "2026-03-08", "2026-03-25"),
        ("TNT", "2026-03-02", "2026-03-08", "2026-03-25"),
        ("UPS", "2026-03-02", "2026-03-08", "2026-03-25"),
        ("FedEx", "2026-03-02", "2026-03-08", "2026-03-25"),
        ("Japan Post EMS", "2026-03-02", "2026-03-08", "2026-03-29"),
        ("SF Express", "2026-03-02", "2026-03-08", "2026-03-29"),
        ("China Post", "2026-03-02", "2026-03-08", "2026-04-10"),
        ("Hong Kong Post", "2026-03-02", "2026-03-08", "2026-04-10"),
        ("DHL", "2026-01-28", "2026-02-03", "2026-02-20"),
        ("China Post", "2026-04-30", "2026-05-06", "2026-06-08"),
        ("China Post", "2026-12-20", "2026-12-26", "2027-01-28"),
        ("DHL", "2026-12-31", "2027-01-06", "2027-01-23"),
        ("EMS", "2028-02-25", "2028-03-02", "2028-03-23"),
        ("EMS", "2027-02-25", "2027-03-03", "2027-03-24"),
        ("DHL", "2028-02-29", "2028-03-06", "2028-03-23"),
        ("Hong Kong Post", "2028-01-31", "2028-02-06", "2028-03-10"),
        # No published window: the 60-day cap.
        ("AliExpress Standard Shipping", "2026-03-02", "2026-03-08", "2026-05-01"),
        ("Cainiao Super Economy", "2026-03-02", "2026-03-08", "2026-05-01"),
        ("other", "2026-03-02", "2026-03-08", "2026-05-01"),
    ],
)
def test_the_window_by_carrier(carrier: str, shipped: str, opens: str, closes: str) -> None:
    found = CALCULATORS["dispute-window"].run({"shipped": shipped, "carrier": carrier}, D(shipped))
    assert dated(found) == {"dispute_opens": D(opens), "dispute_closes": D(closes)}
