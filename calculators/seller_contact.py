"""I wrote to the seller: how long do I wait before opening a dispute?"""

from __future__ import annotations

from .calculator import Calculator
from .inputs import CARRIER, CONTACTED, DELIVERED, PROTECTION_LEFT, SHIPPED
from .policy import SELLER_REPLY
from .words import N_

CALCULATOR = Calculator(
    slug="seller-contact",
    title=N_("How long do I wait for the seller?"),
    summary=N_(
        "When to stop waiting for the seller's reply and open a dispute, without missing "
        "your last day."
    ),
    inputs=(
        CONTACTED,
        DELIVERED.optional(),
        SHIPPED.optional(),
        CARRIER.optional(),
        PROTECTION_LEFT,
    ),
    rules=((N_("Wait for the seller's reply, then open a dispute"), SELLER_REPLY),),
)
