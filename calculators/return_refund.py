"""Sending it back: when must I ship the return, and when is my money due?"""

from __future__ import annotations

from datetime import date

from .calculator import Calculator, Deadline, InputError, Result, check_order, timeline
from .inputs import AGREED, RESOLVED, RETURN_RECEIVED, optional
from .policy import (
    REFUND_AFTER_RESOLUTION,
    REFUND_AFTER_RETURN,
    REFUND_WORKING_DAYS,
    RETURN_SHIPPING,
)

REFUND_ADVICE = "Nothing by then? Check the order's refund status, then ask AliExpress support."


def return_and_refund_deadlines(
    agreed: date | None, return_received: date | None, resolved: date | None
) -> tuple[Deadline, ...]:
    steps = []
    if agreed is not None:
        steps.append(
            Deadline.after(
                "return_ship_by",
                "Ship the return by",
                agreed,
                RETURN_SHIPPING,
                "Use a tracked service, and enter the tracking number on the order.",
            )
        )
    if return_received is not None:
        steps.append(
            Deadline.after(
                "refund_by", "Refund due by", return_received, REFUND_AFTER_RETURN, REFUND_ADVICE
            )
        )
    if resolved is not None:
        steps += [
            Deadline.after(
                "refund_by_resolution",
                "Refund due by (after the resolution)",
                resolved,
                REFUND_AFTER_RESOLUTION,
                REFUND_ADVICE,
            ),
            Deadline.after(
                "refund_by_working_days",
                "Refund due by (in working days)",
                resolved,
                REFUND_WORKING_DAYS,
                REFUND_ADVICE,
            ),
        ]
    return tuple(steps)


def return_refund(
    agreed: date | None, return_received: date | None, resolved: date | None, *, today: date
) -> Result:
    if agreed is None and return_received is None and resolved is None:
        raise InputError({"agreed": "Enter at least one of these three dates."})
    check_order(((AGREED, agreed), (RETURN_RECEIVED, return_received)))
    return timeline(today, return_and_refund_deadlines(agreed, return_received, resolved))


CALCULATOR = Calculator(
    slug="return-refund",
    title="When do I ship the return, and when is my refund due?",
    summary=(
        "The last day to send the item back, and when each source says the refund should come."
    ),
    inputs=optional(AGREED, RETURN_RECEIVED, RESOLVED),
    compute=return_refund,
    rules=(
        ("Ship the return", RETURN_SHIPPING),
        ("Refund after the seller receives the return", REFUND_AFTER_RETURN),
        ("Refund after the dispute is resolved", REFUND_AFTER_RESOLUTION),
        ("Refund after the dispute is resolved, in working days", REFUND_WORKING_DAYS),
    ),
)
