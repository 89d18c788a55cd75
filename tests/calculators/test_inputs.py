"""Reading what the reader typed: one clear message per field, in the field's own terms."""

from __future__ import annotations

from datetime import date

import pytest

from calculators import CALCULATORS
from tests.calculators.helpers import problems

D = date.fromisoformat
TODAY = D("2026-03-10")
EXAMPLE = "2026-10-14 for Wed 14 Oct 2026"
"""The example every date hint gives: a day that cannot be read as a month."""


@pytest.mark.parametrize(
    ("slug", "raw", "expected"),
    [
        # Something that already happened cannot be after today.
        (
            "dispute-window",
            {"shipped": "2026-03-11", "carrier": "DHL"},
            {"shipped": "This is after today (Tue 10 Mar 2026): enter the day it happened."},
        ),
        (
            "planner",
            {"opened": "2026-03-01", "escalated": "2026-04-01"},
            {"escalated": "This is after today (Tue 10 Mar 2026): enter the day it happened."},
        ),
        (
            "return-refund",
            {"resolved": "2027-01-01"},
            {"resolved": "This is after today (Tue 10 Mar 2026): enter the day it happened."},
        ),
        # Out of the order's natural sequence: the message sits at the later field.
        (
            "planner",
            {"shipped": "2026-03-05", "delivered": "2026-03-02"},
            {"delivered": "This is before the shipping date (Thu 5 Mar 2026): check both dates."},
        ),
        (
            "planner",
            {"shipped": "2026-03-05", "contacted": "2026-03-02"},
            {"contacted": "This is before the shipping date (Thu 5 Mar 2026): check both dates."},
        ),
        (
            "planner",
            {"shipped": "2026-03-05", "opened": "2026-03-02"},
            {"opened": "This is before the shipping date (Thu 5 Mar 2026): check both dates."},
        ),
        (
            "planner",
            {"opened": "2026-03-05", "escalated": "2026-03-02"},
            {
                "escalated": "This is before the day you opened the dispute (Thu 5 Mar 2026): check both dates."
            },
        ),
        (
            "planner",
            {"opened": "2026-03-05", "resolved": "2026-03-02"},
            {
                "resolved": "This is before the day you opened the dispute (Thu 5 Mar 2026): check both dates."
            },
        ),
        (
            "return-refund",
            {"agreed": "2026-03-05", "return_received": "2026-03-02"},
            {
                "return_received": "This is before the day the return was agreed (Thu 5 Mar 2026): check both dates."
            },
        ),
        (
            "planner",
            {"arrived": "yes", "delivered": "2026-03-05", "agreed": "2026-03-02"},
            {"agreed": "This is before the delivery date (Thu 5 Mar 2026): check both dates."},
        ),
        # Escalating needs a dispute.
        (
            "planner",
            {"escalated": "2026-03-09"},
            {"opened": "Enter the date you opened the dispute, too."},
        ),
        # Answers that rule a question out, or ask for it.
        (
            "planner",
            {"arrived": "unsure", "delivered": "2026-03-05", "shipped": "2026-03-01"},
            {
                "delivered": "This applies only if you answer “Yes” or “Tracking says delivered, "
                "but I don't have it” to “Has it arrived?”: leave it empty, or change that answer."
            },
        ),
        # The facts of issue 21, each refused under its own field.
        (
            "planner",
            {"shipped": "2026-03-02", "paid": "2026-03-04"},
            {"paid": "This is after the shipping date (Mon 2 Mar 2026): check both dates."},
        ),
        (
            "planner",
            {"shipped": "2026-03-02", "paid": "2026-03-11"},
            {"paid": "This is after today (Tue 10 Mar 2026): enter the day it happened."},
        ),
        (
            "planner",
            {"opened": "2026-03-05", "rejected": "2026-03-04"},
            {
                "rejected": "This is before the day you opened the dispute (Thu 5 Mar 2026): "
                "check both dates."
            },
        ),
        (
            "planner",
            {"opened": "2026-03-01", "agreed": "2026-03-05", "return_posted": "2026-03-04"},
            {
                "return_posted": "This is before the day the return was agreed (Thu 5 Mar 2026): "
                "check both dates."
            },
        ),
        (
            "planner",
            {"opened": "2026-03-01", "resolved": "2026-03-05", "rejected": "2026-03-05"},
            {"rejected": "A dispute closes once: enter the day it was resolved or the day it"},
        ),
        (
            "planner",
            {"shipped": "2026-03-02", "payment": "Bitcoin"},
            {"payment": '"Bitcoin" is not in the list: choose PayPal, Credit card, Debit card or'},
        ),
        ("planner", {"arrived": "yes"}, {"delivered": f"Enter a date, such as {EXAMPLE}."}),
        # Nothing to count from.
        (
            "planner",
            {},
            {"delivered": "Enter at least one date, such as the day the seller shipped."},
        ),
        (
            "after-delivery",
            {"carrier": "DHL"},
            {"delivered": "Enter the delivery date or, if nothing has arrived, the shipping date."},
        ),
        ("return-refund", {}, {"agreed": "Enter at least one of these three dates."}),
        # A date typed but refused is not also asked for.
        (
            "after-delivery",
            {"delivered": "2026-02-30"},
            {"delivered": "This is not a real date: February 2026 has 28 days."},
        ),
        # Countdown days.
        (
            "dispute-window",
            {"shipped": "2026-03-02", "carrier": "DHL", "protection_left": "twelve"},
            {"protection_left": "Enter a whole number of days from 0 to 365, such as 12."},
        ),
        (
            "dispute-window",
            {"shipped": "2026-03-02", "carrier": "DHL", "protection_left": "-3"},
            {"protection_left": "Enter a whole number of days from 0 to 365, such as 12."},
        ),
        # Dates that are not dates.
        (
            "dispute-window",
            {"shipped": "2026-02-30", "carrier": "DHL"},
            {"shipped": "This is not a real date: February 2026 has 28 days."},
        ),
        (
            "dispute-window",
            {"shipped": "0002-11-20", "carrier": "DHL"},
            {"shipped": "Enter a year between 2000 and 2100."},
        ),
        # Carriers.
        (
            "dispute-window",
            {"shipped": "2026-03-02", "carrier": "Pigeon"},
            {"carrier": '"Pigeon" is not in the list: choose DHL, TNT'},
        ),
        ("dispute-window", {"shipped": "2026-03-02"}, {"carrier": "Choose DHL, TNT, UPS, FedEx"}),
    ],
)
def test_each_problem_is_one_message_at_its_field(
    slug: str, raw: dict[str, str], expected: dict[str, str]
) -> None:
    found = problems(CALCULATORS[slug], raw, TODAY)
    assert found.keys() == expected.keys()
    for name, message in expected.items():
        assert found[name].startswith(message)


@pytest.mark.parametrize(
    ("written", "carrier"),
    [
        ("DHL", "DHL"),
        ("dhl express", "DHL"),
        ("FEDEX", "FedEx"),
        ("China Post Registered Air Mail", "China Post"),
        ("hk post", "Hong Kong Post"),
        ("AliExpress Standard Shipping", "AliExpress Standard Shipping"),
        ("aliexpress standard", "AliExpress Standard Shipping"),
        ("Cainiao", "Cainiao"),
        ("Cainiao Super Economy", "Cainiao"),
        ("CAINIAO Super Economy Global", "Cainiao"),
        ("other", "other"),
        ("Other carrier", "other"),
        ("not listed", "other"),
    ],
)
def test_carriers_as_readers_write_them(written: str, carrier: str) -> None:
    result = CALCULATORS["dispute-window"].run({"shipped": "2026-03-02", "carrier": written}, TODAY)
    assert result.facts["carrier"] == carrier


def test_the_carrier_list_offers_the_carriers_readers_see() -> None:
    (carrier,) = [spec for spec in CALCULATORS["dispute-window"].inputs if spec.name == "carrier"]
    names = [choice.value for choice in carrier.choices]
    assert {"AliExpress Standard Shipping", "Cainiao", "China Post", "other"} <= set(names)
