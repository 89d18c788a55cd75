"""What the browser calls through Pyodide: JSON text in, JSON text out.

Strings cross the JavaScript/Python boundary without proxies to free, and the answer
is always a JSON object, so the page never has a traceback to show: anything odd the
page sends is refused with the same kind of message as a bad date.
"""

from __future__ import annotations

import json
from typing import Any

from . import CALCULATORS, dates, ics
from .calculator import Calculator, InputError, Result
from .inputs import CALENDAR_LABEL, tidied_words
from .render import present
from .words import _, dates_as_fields, language

Problems = dict[str, str]


def run(slug: Any, inputs: Any, today: Any, lang: Any = "en") -> str:
    """``{"ok": true, "result": {...}}`` or ``{"ok": false, "problems": {field: message}}``."""
    with language(lang), dates_as_fields():
        outcome = _compute(slug, inputs, today)
        if isinstance(outcome, tuple):
            return _json({"ok": True, "result": present(*outcome)})
        return _json({"ok": False, "problems": outcome})


def calendar(slug: Any, inputs: Any, today: Any, lang: Any = "en", label: Any = "") -> str:
    """The upcoming steps as an .ics file's text, under ``"ics"``; ``"said"`` tells the
    reader when invisible characters were left out of the calendar's name."""
    with language(lang):
        outcome = _compute(slug, inputs, today)
        if not isinstance(outcome, tuple):
            return _json({"ok": False, "problems": outcome})
        try:
            name, tidied = CALENDAR_LABEL.tidy(label if isinstance(label, str) else "")
        except ValueError as problem:
            return _json({"ok": False, "problems": {CALENDAR_LABEL.name: str(problem)}})
        result = outcome[1]
        answer = {"ok": True, "ics": ics.to_ics(result, name), "count": len(ics.upcoming(result))}
        if tidied:
            answer["said"] = tidied_words(name)
        return _json(answer)


def call(request: str) -> str:
    """The page's one entry point: ``{"fn": "run"|"calendar", "slug", "inputs", "today",
    "lang", "label"}`` as JSON text, answered by the function it names."""
    try:
        asked = json.loads(request)
    except (ValueError, RecursionError):
        asked = None
    if not isinstance(asked, dict) or asked.get("fn") not in ("run", "calendar"):
        return _json({"ok": False, "problems": {"": "The page asked for something unknown."}})
    slug, inputs, today = asked.get("slug"), json.dumps(asked.get("inputs")), asked.get("today")
    if asked["fn"] == "calendar":
        return calendar(slug, inputs, today, asked.get("lang"), asked.get("label") or "")
    return run(slug, inputs, today, asked.get("lang"))


def _compute(slug: Any, inputs: Any, today: Any) -> tuple[Calculator, Result] | Problems:
    calculator = CALCULATORS.get(slug) if isinstance(slug, str) else None
    if calculator is None:
        return {"": _("There is no calculator called {name}.").format(name=repr(slug)[:40])}
    try:
        raw = json.loads(inputs) if isinstance(inputs, str) else None
        day = dates.parse(today) if isinstance(today, str) else None
    except (ValueError, RecursionError) as error:
        return {"": _("The page sent something unexpected: {what}").format(what=str(error)[:80])}
    if day is None or not _flat_text(raw):
        return {"": _("The page sent something unexpected: fields must be names and text.")}
    assert isinstance(raw, dict)
    try:
        return calculator, calculator.run(raw, day)
    except InputError as error:
        return error.problems


def _flat_text(raw: Any) -> bool:
    return isinstance(raw, dict) and all(isinstance(value, str | None) for value in raw.values())


def _json(answer: dict[str, Any]) -> str:
    return json.dumps(answer, ensure_ascii=False)
