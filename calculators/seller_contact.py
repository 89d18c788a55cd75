"""I wrote to the seller: how long do I wait before opening a dispute?"""

from __future__ import annotations

from datetime import date

from .calculator import Calculator, Deadline, Result, timeline
from .inputs import CONTACTED
from .policy import SELLER_REPLY


def reply_due(contacted: date) -> Deadline:
    return Deadline.after(
        "seller_reply_by",
        "The seller should have replied by",
        contacted,
        SELLER_REPLY,
        "No useful answer by then? Stop waiting and open a dispute.",
    )


def seller_contact(contacted: date, *, today: date) -> Result:
    return timeline(today, (reply_due(contacted),))


CALCULATOR = Calculator(
    slug="seller-contact",
    title="How long do I wait for the seller?",
    summary="When to stop waiting for the seller's reply and open a dispute.",
    inputs=(CONTACTED,),
    compute=seller_contact,
    rules=(("Wait for the seller's reply, then open a dispute", SELLER_REPLY),),
)
