"""What the browser calls through Pyodide: one request as JSON text in, JSON text out.

Strings cross the JavaScript/Python boundary without proxies to free, so ``call`` takes
and gives text, parsed and written once; the rest works on the parsed request. The
answer is always a JSON object, so the page never has a traceback to show: anything odd
the page sends is refused with the same kind of message as a bad date.
"""

from __future__ import annotations

import json
from typing import Any, TypeGuard

from . import CALCULATORS, dates, ics
from .calculator import Calculator, InputError, Result
from .inputs import CALENDAR_LABEL, tidied_words
from .render import present
from .words import _, dates_as_fields, language

Problems = dict[str, str]


Answer = dict[str, Any]


def run(slug: Any, inputs: Any, today: Any, lang: Any = "en") -> Answer:
    """``{"ok": true, "result": {...}}`` or ``{"ok": false, "problems": {field: message}}``."""
    with language(lang), dates_as_fields():
        outcome = _compute(slug, inputs, today)
        if isinstance(outcome, tuple):
            return {"ok": True, "result": present(*outcome)}
        return {"ok": False, "problems": outcome}


def calendar(slug: Any, inputs: Any, today: Any, lang: Any = "en", label: Any = "") -> Answer:
    """The upcoming steps as an .ics file's text, under ``"ics"``; ``"said"`` tells the
    reader when invisible characters were left out of the calendar's name."""
    with language(lang):
        outcome = _compute(slug, inputs, today)
        if not isinstance(outcome, tuple):
            return {"ok": False, "problems": outcome}
        try:
            name, tidied = CALENDAR_LABEL.tidy(label if isinstance(label, str) else "")
        except ValueError as problem:
            return {"ok": False, "problems": {CALENDAR_LABEL.name: str(problem)}}
        result = outcome[1]
        answer = {"ok": True, "ics": ics.to_ics(result, name), "count": len(ics.upcoming(result))}
        if tidied:
            answer["said"] = tidied_words(name)
        return answer


def call(request: str) -> str:
    """The page's one entry point: ``{"fn": "run"|"calendar", "slug", "inputs", "today",
    "lang", "label"}`` as JSON text, answered by the function it names."""
    try:
        asked = json.loads(request)
    except (ValueError, RecursionError):
        asked = None
    return json.dumps(answer(asked), ensure_ascii=False)


def answer(asked: Any) -> Answer:
    """``call``'s request, parsed: answered by the function it names."""
    if not isinstance(asked, dict) or asked.get("fn") not in ("run", "calendar"):
        lang = asked.get("lang") if isinstance(asked, dict) else None
        with language(lang if isinstance(lang, str) else "en"):
            return {"ok": False, "problems": {"": _("The page asked for something unknown.")}}
    slug, inputs, today = asked.get("slug"), asked.get("inputs"), asked.get("today")
    if asked["fn"] == "calendar":
        return calendar(slug, inputs, today, asked.get("lang"), asked.get("label") or "")
    return run(slug, inputs, today, asked.get("lang"))


def _compute(slug: Any, inputs: Any, today: Any) -> tuple[Calculator, Result] | Problems:
    calculator = CALCULATORS.get(slug) if isinstance(slug, str) else None
    if calculator is None:
        return {"": _("There is no calculator called {name}.").format(name=repr(slug)[:40])}
    try:
        day = dates.parse(today) if isinstance(today, str) else None
    except ValueError as error:
        return {"": _("The page sent something unexpected: {what}").format(what=str(error)[:80])}
    if day is None or not _flat_text(inputs):
        return {"": _("The page sent something unexpected: fields must be names and text.")}
    try:
        return calculator, calculator.run(inputs, day)
    except InputError as error:
        return error.problems


def _flat_text(raw: Any) -> TypeGuard[dict[str, str | None]]:
    return isinstance(raw, dict) and all(isinstance(value, str | None) for value in raw.values())
