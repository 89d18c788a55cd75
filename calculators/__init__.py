"""AliExpress return, refund and dispute deadlines, worked out from the reader's dates.

Standard library only, so the same code runs in CPython (tests, command line)
and in Pyodide (the guide's pages). Each module answers one reader's question.
"""

from __future__ import annotations

from . import (
    after_delivery,
    cancellation,
    dispute_timeline,
    dispute_window,
    planner,
    return_refund,
    seller_contact,
)
from .calculator import Calculator, InputError, Result

CALCULATORS: dict[str, Calculator] = {
    module.CALCULATOR.slug: module.CALCULATOR
    for module in (
        planner,
        dispute_window,
        after_delivery,
        seller_contact,
        dispute_timeline,
        return_refund,
        cancellation,
    )
}

__all__ = ["CALCULATORS", "Calculator", "InputError", "Result"]
