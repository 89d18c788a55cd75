"""When can I open a dispute? The window after shipment, by carrier, and the countdown."""

from __future__ import annotations

from .calculator import Calculator
from .inputs import CARRIER, DELIVERED, PROTECTION_LEFT, SHIPPED
from .policy import CARRIER_GROUPS, DELIVERY_DEADLINE, DISPUTE_AFTER_DELIVERY, DISPUTE_OPENS
from .words import N_

CALCULATOR = Calculator(
    slug="dispute-window",
    title=N_("When can I open a dispute?"),
    summary=N_(
        "The first and the last day to open a dispute, from the shipping date, the carrier "
        "and, if it came, the delivery date."
    ),
    inputs=(SHIPPED, CARRIER, DELIVERED.optional(), PROTECTION_LEFT),
    rules=(
        (N_("First day to open a dispute"), DISPUTE_OPENS),
        *(
            (N_("Last day to open a dispute, by carrier"), group.dispute_closes)
            for group in CARRIER_GROUPS
            if group.dispute_closes
        ),
        (N_("Last day to open a dispute if nothing came"), DELIVERY_DEADLINE),
        (N_("Last day to open a dispute after delivery"), DISPUTE_AFTER_DELIVERY),
    ),
)
