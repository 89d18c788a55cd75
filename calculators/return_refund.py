"""Sending it back: when must I ship the return, and when is my money due?"""

from __future__ import annotations

from .calculator import Calculator
from .inputs import AGREED, OPENED, RESOLVED, RETURN_POSTED, RETURN_RECEIVED
from .policy import REFUND_AFTER_RESOLUTION, REFUND_AFTER_RETURN, RETURN_SHIPPING
from .words import N_

CALCULATOR = Calculator(
    slug="return-refund",
    title=N_("When do I ship the return, and when is my refund due?"),
    summary=N_("The last day to send the item back, and the day the refund should have come."),
    inputs=(
        OPENED.optional(),
        AGREED.optional(),
        RETURN_POSTED.optional(),
        RETURN_RECEIVED.optional(),
        RESOLVED.optional(),
    ),
    needs=("agreed", "return_received", "resolved"),
    needs_message=N_("Enter at least one of these three dates."),
    rules=(
        (N_("Ship the return"), RETURN_SHIPPING),
        (N_("Refund after the seller receives the return"), REFUND_AFTER_RETURN),
        (N_("Refund after the dispute is resolved"), REFUND_AFTER_RESOLUTION),
    ),
)
