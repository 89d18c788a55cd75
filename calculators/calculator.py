"""What every calculator is made of: declared inputs, a compute function, a result.

A calculator declares its inputs (name, label, kind, choices) so that the command
line, the browser form and the docs can all be generated from one declaration.
Raw text from any of them goes through ``Calculator.run``, which turns it into
typed values or into one message per field that tells the reader what to enter.
"""

from __future__ import annotations

import datetime
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field, replace
from datetime import date
from typing import Any

from . import dates
from .policy import SOURCES, Claim, Period, Source, either


class InputError(ValueError):
    """One or more inputs cannot be used; each message names its field."""

    def __init__(self, problems: Mapping[str, str]):
        self.problems = dict(problems)
        super().__init__("; ".join(self.problems.values()))


@dataclass(frozen=True)
class Choice:
    value: str
    label: str


@dataclass(frozen=True)
class Input:
    """One thing the reader enters. ``name`` is also the CLI option and the JSON key."""

    name: str
    label: str
    help: str
    kind: str = "date"
    choices: tuple[Choice, ...] = ()
    lookup: Callable[[str], str | None] | None = None
    required: bool = True

    def parse(self, raw: str) -> Any:
        raw = raw.strip()
        if not raw:
            return None
        if self.kind == "date":
            try:
                return dates.parse(raw)
            except dates.DateProblem as problem:
                raise ValueError(f"{problem}.") from None
        value = self._exact(raw) or (self.lookup(raw) if self.lookup else None)
        if value is None:
            raise ValueError(
                f"{dates.quoted(raw)} is not in the list: choose {self._listed}. {self.help}"
            )
        return value

    def show(self, value: Any) -> str:
        """A parsed value as the reader reads it."""
        if isinstance(value, date):
            return dates.spoken(value)
        labels = {choice.value: choice.label for choice in self.choices}
        return labels.get(value, str(value))

    def _exact(self, raw: str) -> str | None:
        wanted = raw.casefold()
        for choice in self.choices:
            if wanted in (choice.value.casefold(), choice.label.casefold()):
                return choice.value
        return None

    @property
    def _listed(self) -> str:
        return either(choice.label for choice in self.choices)

    @property
    def missing(self) -> str:
        if self.kind == "date":
            return "Enter a date, such as 2026-03-02."
        return f"Choose {self._listed}."

    def declare(self) -> dict[str, Any]:
        declared: dict[str, Any] = {
            "name": self.name,
            "label": self.label,
            "help": self.help,
            "kind": self.kind,
            "required": self.required,
        }
        if self.kind == "date":
            declared["min"] = dates.EARLIEST.isoformat()
            declared["max"] = dates.LATEST.isoformat()
        else:
            declared["choices"] = [{"value": c.value, "label": c.label} for c in self.choices]
        return declared


@dataclass(frozen=True)
class Deadline:
    """A dated step for the reader, with the rule and the sources behind it.

    ``earliest`` is set when the source gives a range ("5–7 days"); ``others``
    holds the dates other sources give when they disagree with the planned one.
    """

    key: str
    label: str
    date: datetime.date  # the module, because the field's name shadows the type
    rule: str
    sources: tuple[Source, ...]
    start: datetime.date
    earliest: datetime.date | None = None
    others: tuple[Deadline, ...] = ()
    advice: str = ""

    @classmethod
    def after(
        cls, key: str, label: str, start: datetime.date, period: Period, advice: str = ""
    ) -> Deadline:
        """The deadline ``period`` sets from ``start``, with every source's reading."""

        def reading(claim: Claim) -> Deadline:
            def count(days: int) -> datetime.date:
                return dates.days_after(start, days, period.weekdays_only)

            return cls(
                key,
                label,
                count(claim.days),
                period.describe(claim),
                tuple(SOURCES[source] for source in claim.sources),
                start,
                earliest=None if claim.at_least is None else count(claim.at_least),
                advice=advice,
            )

        return replace(reading(period.planned), others=tuple(map(reading, period.others)))

    def phrase(self) -> str:
        """The label and date as one phrase: "Ship the return by Fri 13 Mar 2026"."""
        joiner = " " if self.label.endswith((" by", " from")) else ": "
        return f"{self.label}{joiner}{dates.spoken(self.date)}"

    def state(self, today: datetime.date) -> str:
        return "passed" if self.date < today else "today" if self.date == today else "upcoming"

    def as_dict(self, today: datetime.date) -> dict[str, Any]:
        return {
            "key": self.key,
            "label": self.label,
            "date": self.date.isoformat(),
            "date_text": dates.spoken(self.date),
            "earliest": self.earliest.isoformat() if self.earliest else None,
            "earliest_text": dates.spoken(self.earliest) if self.earliest else None,
            "start": self.start.isoformat(),
            "days_from_today": (self.date - today).days,
            "from_today": dates.from_today(self.date, today),
            "state": self.state(today),
            "rule": self.rule,
            "sources": [source.as_dict() for source in self.sources],
            "advice": self.advice,
            "others": [other.as_dict(today) for other in self.others],
        }


@dataclass(frozen=True)
class Note:
    """Something the reader must know about the result, e.g. that a rule is dated."""

    text: str
    kind: str = "info"
    sources: tuple[Source, ...] = ()

    def as_dict(self) -> dict[str, Any]:
        return {
            "kind": self.kind,
            "text": self.text,
            "sources": [source.as_dict() for source in self.sources],
        }


@dataclass(frozen=True)
class Result:
    """A calculator's answer: where the reader stands, and every dated step."""

    today: date
    status: str
    summary: str
    deadlines: tuple[Deadline, ...]
    notes: tuple[Note, ...] = ()
    inputs: Mapping[str, str] = field(default_factory=dict)
    given: tuple[tuple[str, str], ...] = ()
    """What the reader entered, as (label, text) pairs for a summary line."""

    def as_dict(self) -> dict[str, Any]:
        return {
            "today": self.today.isoformat(),
            "today_text": dates.spoken(self.today),
            "status": self.status,
            "summary": self.summary,
            "inputs": dict(self.inputs),
            "given": [{"label": label, "text": text} for label, text in self.given],
            "deadlines": [deadline.as_dict(self.today) for deadline in self.deadlines],
            "notes": [note.as_dict() for note in self.notes],
        }


@dataclass(frozen=True)
class Calculator:
    """A reader's question, the inputs it needs, and how to answer it."""

    slug: str
    title: str
    summary: str
    inputs: tuple[Input, ...]
    compute: Callable[..., Result]
    rules: tuple[tuple[str, Period], ...] = ()
    """The policy figures it uses, named for the guide's rules tables."""

    def run(self, raw: Mapping[str, str | None], today: date) -> Result:
        """Answer from raw text inputs, or raise InputError naming every bad field."""
        values: dict[str, Any] = {}
        problems: dict[str, str] = {}
        for spec in self.inputs:
            try:
                values[spec.name] = spec.parse(raw.get(spec.name) or "")
            except ValueError as problem:
                problems[spec.name] = str(problem)
                continue
            if values[spec.name] is None and spec.required:
                problems[spec.name] = spec.missing
        if problems:
            raise InputError(problems)
        result = self.compute(today=today, **values)
        given = tuple(
            (spec.label, spec.show(values[spec.name]))
            for spec in self.inputs
            if values[spec.name] is not None
        )
        return replace(
            result, inputs={name: _text(value) for name, value in values.items()}, given=given
        )

    def declare(self) -> dict[str, Any]:
        return {
            "slug": self.slug,
            "title": self.title,
            "summary": self.summary,
            "inputs": [spec.declare() for spec in self.inputs],
        }


def _text(value: Any) -> str:
    return value.isoformat() if isinstance(value, date) else "" if value is None else str(value)


def check_order(*pairs: tuple[tuple[Input, date | None], tuple[Input, date | None]]) -> None:
    """Refuse a later step dated before the step it follows, naming the later field."""
    problems = {
        later.name: (
            f"This is before the {earlier.label[0].lower()}{earlier.label[1:]} "
            f"({dates.spoken(first)}): check both dates."
        )
        for (earlier, first), (later, then) in pairs
        if first is not None and then is not None and then < first
    }
    if problems:
        raise InputError(problems)


def timeline(today: date, deadlines: Iterable[Deadline], notes: Iterable[Note] = ()) -> Result:
    """A result that sorts the deadlines and says what comes next."""
    ordered = tuple(sorted(deadlines, key=lambda deadline: deadline.date))
    ahead = [deadline for deadline in ordered if deadline.date >= today]
    if ahead:
        step = ahead[0]
        status = "upcoming"
        summary = f"Next: {step.phrase()} ({dates.from_today(step.date, today)})."
        if step.advice:
            summary += f" {step.advice}"
    else:
        status = "passed"
        summary = (
            "Every date here has passed. If your problem is not solved, check the order's "
            "Purchase Protection countdown: while it runs, you can still act."
        )
    return Result(today, status, summary, ordered, tuple(dict.fromkeys(notes)))
