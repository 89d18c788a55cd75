"""I cancelled before it shipped: when should the cancellation go through?"""

from __future__ import annotations

from .calculator import Calculator
from .inputs import REQUESTED
from .policy import CANCELLATION
from .words import N_

CALCULATOR = Calculator(
    slug="cancellation",
    title=N_("When will my cancellation go through?"),
    summary=N_("When a cancellation asked for before shipment should be complete."),
    inputs=(REQUESTED,),
    rules=((N_("The cancellation goes through"), CANCELLATION),),
)
