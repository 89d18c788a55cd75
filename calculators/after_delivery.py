"""It arrived (or should have): how long do I have to ask for a return or open a dispute?"""

from __future__ import annotations

from .calculator import Calculator
from .inputs import CARRIER, COUNTRY, DELIVERED, PROTECTION_LEFT, SHIPPED
from .policy import DELIVERY_DEADLINE, DISPUTE_AFTER_DELIVERY, RETURN_REQUEST
from .words import N_

CALCULATOR = Calculator(
    slug="after-delivery",
    title=N_("How long do I have after delivery?"),
    summary=N_(
        "The last day to open a dispute, from the delivery date, or from the shipping date "
        "if the parcel never came."
    ),
    inputs=(
        DELIVERED.optional(),
        SHIPPED.optional(),
        CARRIER.optional(),
        PROTECTION_LEFT,
        COUNTRY.optional(),
    ),
    needs=("delivered", "shipped", "protection_left"),
    needs_message=N_("Enter the delivery date or, if nothing has arrived, the shipping date."),
    rules=(
        (N_("Open a dispute after delivery"), DISPUTE_AFTER_DELIVERY),
        (N_("Ask the seller for a return"), RETURN_REQUEST),
        (N_("Open a dispute if nothing came"), DELIVERY_DEADLINE),
    ),
)
