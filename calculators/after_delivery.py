"""It arrived (or should have): how long do I have to ask for a return or open a dispute?"""

from __future__ import annotations

from dataclasses import replace
from datetime import date

from .calculator import Calculator, Deadline, InputError, Result, check_order, timeline
from .inputs import DELIVERED, SHIPPED, optional
from .policy import DELIVERY_DEADLINE, DISPUTE_AFTER_DELIVERY, RETURN_REQUEST

DISPUTE_LABEL = "Last day to open a dispute after delivery"
DISPUTE_ADVICE = "If the seller has not put things right by then, open a dispute from My Orders."


def deadlines_after_delivery(delivered: date | None, shipped: date | None) -> tuple[Deadline, ...]:
    """From the delivery date, or from the latest delivery date when nothing has come."""
    if delivered is not None:
        return (
            Deadline.after(
                "return_request_closes",
                "Last day to ask the seller for a return",
                delivered,
                RETURN_REQUEST,
                "Write to the seller from My Orders and ask for a return or a refund.",
            ),
            Deadline.after(
                "dispute_closes", DISPUTE_LABEL, delivered, DISPUTE_AFTER_DELIVERY, DISPUTE_ADVICE
            ),
        )
    assert shipped is not None
    due = Deadline.after(
        "delivery_deadline",
        "Latest delivery date",
        shipped,
        DELIVERY_DEADLINE,
        "Nothing by then? The order counts as not delivered: open a dispute.",
    )
    after_due = replace(DISPUTE_AFTER_DELIVERY, counted_from="the latest delivery date")
    return due, Deadline.after(
        "dispute_closes", "Last day to open a dispute if nothing came", due.date, after_due
    )


def after_delivery(delivered: date | None, shipped: date | None, *, today: date) -> Result:
    if delivered is None and shipped is None:
        raise InputError(
            {"delivered": "Enter the delivery date or, if nothing has arrived, the shipping date."}
        )
    check_order(((SHIPPED, shipped), (DELIVERED, delivered)))
    return timeline(today, deadlines_after_delivery(delivered, shipped))


CALCULATOR = Calculator(
    slug="after-delivery",
    title="How long do I have after delivery?",
    summary=(
        "The last day to ask the seller for a return and to open a dispute, from the delivery "
        "date, or from the shipping date if the parcel never came."
    ),
    inputs=optional(DELIVERED, SHIPPED),
    compute=after_delivery,
    rules=(
        ("Ask the seller for a return", RETURN_REQUEST),
        (
            "Open a dispute after delivery, or after the latest delivery date",
            DISPUTE_AFTER_DELIVERY,
        ),
        ("Latest delivery date, if nothing comes", DELIVERY_DEADLINE),
    ),
)
