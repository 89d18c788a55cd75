"""What the browser calls through Pyodide: JSON text in, JSON text out.

Strings cross the JavaScript/Python boundary without proxies to free, and the
answer is always a JSON object, so the page never has a traceback to show.
"""

from __future__ import annotations

import json
from typing import Any

from . import CALCULATORS, dates
from .calculator import InputError


def declare(slug: str) -> str:
    """The calculator's inputs, labels and choices, for the page to draw its form."""
    return json.dumps(CALCULATORS[slug].declare(), ensure_ascii=False)


def run(slug: str, inputs: str, today: str) -> str:
    """``{"ok": true, "result": {...}}`` or ``{"ok": false, "problems": {field: message}}``."""
    return json.dumps(_answer(slug, inputs, today), ensure_ascii=False)


def _answer(slug: str, inputs: str, today: str) -> dict[str, Any]:
    calculator = CALCULATORS.get(slug)
    if calculator is None:
        return {"ok": False, "problems": {"": f"There is no calculator called {slug!r}."}}
    try:
        raw = json.loads(inputs)
        result = calculator.run(raw, dates.parse(today))
    except InputError as error:
        return {"ok": False, "problems": error.problems}
    except (ValueError, TypeError, AttributeError) as error:
        return {"ok": False, "problems": {"": f"The page sent something unexpected: {error}"}}
    return {"ok": True, "result": result.as_dict()}
