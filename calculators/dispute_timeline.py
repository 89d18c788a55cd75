"""I opened a dispute: when must the seller answer, when can I escalate, when is the decision?"""

from __future__ import annotations

from .calculator import Calculator
from .inputs import ESCALATED, OPENED
from .policy import DECISION, ESCALATION, SELLER_RESPONSE
from .words import N_

CALCULATOR = Calculator(
    slug="dispute-timeline",
    title=N_("What happens after I open a dispute?"),
    summary=N_(
        "When the seller must answer, when you can escalate, and when AliExpress should decide."
    ),
    inputs=(OPENED, ESCALATED),
    rules=(
        (N_("The seller answers the dispute"), SELLER_RESPONSE),
        (N_("Escalation to AliExpress becomes possible"), ESCALATION),
        (N_("AliExpress decides"), DECISION),
    ),
)
