"""What the browser calls through Pyodide: JSON text in, JSON text out.

Strings cross the JavaScript/Python boundary without proxies to free, and the
answer is always a JSON object, so the page never has a traceback to show.
"""

from __future__ import annotations

import json
from typing import Any

from . import CALCULATORS, dates, ics
from .calculator import InputError, Result

Problems = dict[str, str]


def run(slug: str, inputs: str, today: str) -> str:
    """``{"ok": true, "result": {...}}`` or ``{"ok": false, "problems": {field: message}}``."""
    outcome = _compute(slug, inputs, today)
    if isinstance(outcome, Result):
        return _json({"ok": True, "result": outcome.as_dict()})
    return _json({"ok": False, "problems": outcome})


def calendar(slug: str, inputs: str, today: str) -> str:
    """The upcoming deadlines as an .ics file's text, under ``"ics"``."""
    outcome = _compute(slug, inputs, today)
    if isinstance(outcome, Result):
        count = len(ics.upcoming(outcome))
        return _json({"ok": True, "ics": ics.to_ics(outcome, slug), "count": count})
    return _json({"ok": False, "problems": outcome})


def _compute(slug: str, inputs: str, today: str) -> Result | Problems:
    calculator = CALCULATORS.get(slug)
    if calculator is None:
        return {"": f"There is no calculator called {slug!r}."}
    try:
        return calculator.run(json.loads(inputs), dates.parse(today))
    except InputError as error:
        return error.problems
    except (ValueError, TypeError, AttributeError) as error:
        return {"": f"The page sent something unexpected: {error}"}


def _json(answer: dict[str, Any]) -> str:
    return json.dumps(answer, ensure_ascii=False)
