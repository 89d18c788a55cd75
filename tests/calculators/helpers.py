"""Small helpers shared by the calculator tests."""

from __future__ import annotations

from datetime import date

import pytest

from calculators import InputError, Result
from calculators.calculator import Calculator


def dated(result: Result) -> dict[str, date]:
    """Each step's key and date."""
    return {deadline.key: deadline.date for deadline in result.deadlines}


def problems(calculator: Calculator, raw: dict[str, str], today: date) -> dict[str, str]:
    """The per-field messages a bad input gets."""
    with pytest.raises(InputError) as raised:
        calculator.run(raw, today)
    return raised.value.problems
