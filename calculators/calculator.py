"""What every calculator is made of: declared inputs, a compute function, a result.

A calculator declares its inputs (name, label, kind, choices) so that the command
line, the browser form and the docs can all be generated from one declaration.
Raw text from any of them goes through ``Calculator.run``, which turns it into
typed values or into one message per field that tells the reader what to enter.
"""

from __future__ import annotations

import datetime
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field, replace
from datetime import date
from typing import Any

from . import dates
from .policy import Source


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
            raise ValueError(f'"{raw}" is not in the list: choose {self._listed}. {self.help}')
        return value

    def _exact(self, raw: str) -> str | None:
        wanted = raw.casefold()
        for choice in self.choices:
            if wanted in (choice.value.casefold(), choice.label.casefold()):
                return choice.value
        return None

    @property
    def _listed(self) -> str:
        labels = [choice.label for choice in self.choices]
        return ", ".join(labels[:-1]) + " or " + labels[-1]

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
    """A dated step for the reader, with the rule and the sources behind it."""

    key: str
    label: str
    date: datetime.date  # the module, because the field's name shadows the type
    rule: str
    sources: tuple[Source, ...]

    def as_dict(self, today: datetime.date) -> dict[str, Any]:
        return {
            "key": self.key,
            "label": self.label,
            "date": self.date.isoformat(),
            "date_text": dates.spoken(self.date),
            "days_from_today": (self.date - today).days,
            "from_today": dates.from_today(self.date, today),
            "rule": self.rule,
            "sources": [source.as_dict() for source in self.sources],
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

    def as_dict(self) -> dict[str, Any]:
        return {
            "today": self.today.isoformat(),
            "today_text": dates.spoken(self.today),
            "status": self.status,
            "summary": self.summary,
            "inputs": dict(self.inputs),
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
        return replace(result, inputs={name: _text(value) for name, value in values.items()})

    def declare(self) -> dict[str, Any]:
        return {
            "slug": self.slug,
            "title": self.title,
            "summary": self.summary,
            "inputs": [spec.declare() for spec in self.inputs],
        }


def _text(value: Any) -> str:
    return value.isoformat() if isinstance(value, date) else "" if value is None else str(value)
