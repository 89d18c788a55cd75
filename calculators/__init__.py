"""AliExpress return, refund and dispute deadlines, worked out from the reader's dates.

Standard library only, so the same code runs in CPython (tests, command line)
and in Pyodide (the guide's pages). Each module answers one reader's question.
"""

from __future__ import annotations

from . import dispute_window
from .calculator import Calculator, InputError, Result

CALCULATORS: dict[str, Calculator] = {
    calculator.slug: calculator for calculator in (dispute_window.CALCULATOR,)
}

__all__ = ["CALCULATORS", "Calculator", "InputError", "Result"]
