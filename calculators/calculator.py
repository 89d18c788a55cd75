"""What a calculator is: a reader's question, the inputs it asks for, and one way to answer.

Every calculator answers through the same engine (``timeline`` and ``verdict``), so
the same dates give the same verdict on every page. A calculator only declares which
facts it asks for; raw text from the form, the command line or JSON goes through
``Calculator.run``, which reads it into an ``Order`` or into one message per field.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date
from typing import Any

from .inputs import CALENDAR_LABEL, FACTS, Input, Reading, check_dates, irrelevant, settle
from .policy import Period
from .timeline import Deadline, Note, Order, notes
from .verdict import NothingToPlan, Verdict, assess
from .words import _


class InputError(ValueError):
    """One or more inputs cannot be used; each message is keyed by its field's name."""

    def __init__(self, problems: Mapping[str, str]):
        self.problems = dict(problems)
        super().__init__("; ".join(self.problems.values()))


@dataclass(frozen=True)
class Result:
    """The answer for one order: the verdict, the steps that apply, and what to know."""

    today: date
    verdict: Verdict
    deadlines: tuple[Deadline, ...]
    notes: tuple[Note, ...]
    facts: Mapping[str, Any]
    """Every fact given, parsed, by input name."""

    @property
    def upcoming(self) -> tuple[Deadline, ...]:
        """The dates still ahead worth a calendar entry (not a step for today only)."""
        return tuple(d for d in self.deadlines if d.date >= self.today and not d.today_only)

    @property
    def given(self) -> tuple[tuple[Input, Any], ...]:
        return tuple((FACTS[name], value) for name, value in self.facts.items())


@dataclass(frozen=True)
class Calculator:
    """A reader's question and the facts it asks for.

    ``needs`` names inputs of which at least one must be given (``needs_message`` says so);
    ``rules`` names the policy figures it uses, for the guide's rules tables.
    """

    slug: str
    title: str
    summary: str
    inputs: tuple[Input, ...]
    rules: tuple[tuple[str, Period], ...] = ()
    needs: tuple[str, ...] = ()
    needs_message: str = ""
    sections: tuple[tuple[str, tuple[str, ...]], ...] = ()
    """Headings that group the inputs in the form; the first group is always open."""

    def run(self, raw: Mapping[str, str | None], today: date) -> Result:
        """Answer from raw text, or raise InputError naming every field to fix.

        ``raw`` may also carry facts this calculator does not ask for, such as dates the
        reader gave another calculator: they count too, so the verdict stays the same.
        """
        reading = self.read(raw, today)
        if reading.problems:
            raise InputError(reading.problems)
        order = Order(**reading.values)
        try:
            verdict, timeline = assess(order, today)
        except NothingToPlan as nothing:
            raise InputError({self.inputs[0].name: str(nothing)}) from None
        facts = {name: reading.values[name] for name in FACTS if name in reading.values}
        return Result(today, verdict, timeline, notes(order, timeline), facts)

    def read(self, raw: Mapping[str, str | None], today: date) -> Reading:
        reading = Reading()
        asked = {spec.name: spec for spec in self.inputs}
        for name, text in raw.items():
            spec = asked.get(name) or FACTS.get(name)
            if spec is None:
                reading.refuse("", _("There is no field called {name}.").format(name=repr(name)))
            elif text is not None and text.strip():
                try:
                    reading.values[name] = spec.parse(text.strip())
                except ValueError as problem:
                    reading.refuse(name, str(problem))
        settle(reading)
        for spec in self.inputs:
            self._check_relevance(spec, reading)
        given = any(
            reading.values.get(name) is not None or name in reading.problems for name in self.needs
        )
        if self.needs and not given:  # a date typed but refused already has its message
            reading.refuse(self.needs[0], _(self.needs_message))
        check_dates(reading, today)
        return reading

    def _check_relevance(self, spec: Input, reading: Reading) -> None:
        """Refuse an input the other answers rule out; require it where they ask for it."""
        applies = spec.applies(reading.values)
        if applies is False and spec.name in reading.values:
            del reading.values[spec.name]
            reading.refuse(spec.name, irrelevant(spec))
        elif applies and spec.required and spec.name not in reading.values:
            reading.refuse(spec.name, spec.missing())

    def declare(self) -> dict[str, Any]:
        """What the browser needs to draw the form, in the active language."""
        return {
            "slug": self.slug,
            "title": _(self.title),
            "summary": _(self.summary),
            "inputs": [spec.declare() for spec in self.inputs],
            "sections": [
                {"title": _(title), "names": list(names)} for title, names in self.sections
            ],
            "facts": list(FACTS),
            "calendar_label": CALENDAR_LABEL.declare(),
        }
