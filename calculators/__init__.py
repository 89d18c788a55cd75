"""AliExpress return, refund and dispute deadlines, worked out from the reader's dates.

Standard library only, so the same code runs in CPython (tests, command line)
and in Pyodide (the guide's pages). Each module named after a reader's question
declares a calculator; one engine (``timeline`` and ``verdict``) answers them all.
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

QUESTIONS: tuple[Calculator, ...] = tuple(
    module.CALCULATOR
    for module in (
        dispute_window,
        after_delivery,
        seller_contact,
        dispute_timeline,
        return_refund,
        cancellation,
    )
)
CALCULATORS: dict[str, Calculator] = {
    calculator.slug: calculator for calculator in (planner.covering(QUESTIONS), *QUESTIONS)
}
"""Every calculator, listed once: the command line, the bridge and the pages read this."""

__all__ = ["CALCULATORS", "Calculator", "InputError", "Result"]
