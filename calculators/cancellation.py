"""I cancelled before it shipped: when should the cancellation go through?"""

from __future__ import annotations

from datetime import date

from .calculator import Calculator, Deadline, Result, timeline
from .inputs import CANCEL_REQUESTED
from .policy import CANCELLATION


def cancellation_done(requested: date) -> Deadline:
    return Deadline.after(
        "cancellation_done",
        "Cancellation should be done by",
        requested,
        CANCELLATION,
        "If a tracking number appears first, the order has shipped: follow the order instead.",
    )


def cancellation(requested: date, *, today: date) -> Result:
    return timeline(today, (cancellation_done(requested),))


CALCULATOR = Calculator(
    slug="cancellation",
    title="When will my cancellation go through?",
    summary="When a cancellation asked for before shipment should be complete.",
    inputs=(CANCEL_REQUESTED,),
    compute=cancellation,
    rules=(("The cancellation goes through", CANCELLATION),),
)
