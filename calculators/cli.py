"""The command line: ``python -m calculators <calculator> --<input> VALUE ... [--json]``.

Options are generated from each calculator's declared inputs. Every problem with
the input is one line on standard error and exit status 2, never a traceback.
"""

from __future__ import annotations

import argparse
import json
import sys
import textwrap
from collections.abc import Iterable, Sequence
from datetime import date
from typing import Any, NoReturn

from . import CALCULATORS, dates, ics
from .calculator import Calculator, InputError, Result

USAGE_ERROR = 2
WIDTH = 88


class _Parser(argparse.ArgumentParser):
    """argparse, but a mistake is one plain line instead of usage plus a message."""

    def error(self, message: str) -> NoReturn:
        self.exit(USAGE_ERROR, f"error: {message}. See: {self.prog} --help\n")


def _option(name: str) -> str:
    return "--" + name.replace("_", "-")


def _parser() -> argparse.ArgumentParser:
    parser = _Parser(
        prog="python -m calculators",
        description="Work out AliExpress dispute, return and refund deadlines from your dates.",
    )
    commands = parser.add_subparsers(dest="calculator", metavar="CALCULATOR", parser_class=_Parser)
    for calculator in CALCULATORS.values():
        command = commands.add_parser(
            calculator.slug, help=calculator.title, description=calculator.summary
        )
        for spec in calculator.inputs:
            command.add_argument(
                _option(spec.name),
                dest=spec.name,
                metavar="YYYY-MM-DD" if spec.kind == "date" else "NAME",
                help=f"{spec.label}. {spec.help}",
            )
        command.add_argument(
            "--today", metavar="YYYY-MM-DD", help="Count from this day instead of today's date."
        )
        command.add_argument("--json", action="store_true", help="Print the result as JSON.")
        command.add_argument(
            "--ics",
            metavar="FILE",
            help="Also save the upcoming deadlines to FILE, a calendar file with reminders.",
        )
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    parser = _parser()
    args = parser.parse_args(argv)
    if not args.calculator:
        parser.error(f"name a calculator: {', '.join(CALCULATORS)}")
    calculator = CALCULATORS[args.calculator]
    try:
        today = dates.parse(args.today) if args.today else date.today()
    except dates.DateProblem as problem:
        return _fail([f"--today: {problem}."])
    raw = {spec.name: getattr(args, spec.name) for spec in calculator.inputs}
    try:
        result = calculator.run(raw, today)
    except InputError as error:
        labels = {spec.name: spec.label for spec in calculator.inputs}
        return _fail(
            f"{_option(name)} ({labels[name]}): {text}" for name, text in error.problems.items()
        )
    print(
        json.dumps(_payload(calculator, result), indent=2)
        if args.json
        else _text(calculator, result)
    )
    return _save_calendar(result, calculator.slug, args.ics) if args.ics else 0


def _save_calendar(result: Result, slug: str, path: str) -> int:
    count = len(ics.upcoming(result))
    if not count:
        print("Nothing to save to a calendar: every date has passed.", file=sys.stderr)
        return 0
    try:
        with open(path, "w", encoding="utf-8", newline="") as file:
            file.write(ics.to_ics(result, slug))
    except OSError as problem:
        return _fail([f"--ics: cannot write {path}: {problem.strerror}."])
    events = "deadline" if count == 1 else "deadlines"
    print(
        f"Saved {count} upcoming {events} to {path}, each with a reminder two days before.",
        file=sys.stderr,
    )
    return 0


def _fail(lines: Iterable[str]) -> int:
    for line in lines:
        print(f"error: {line}", file=sys.stderr)
    return USAGE_ERROR


def _payload(calculator: Calculator, result: Result) -> dict[str, Any]:
    return {"calculator": calculator.slug, **result.as_dict()}


def _text(calculator: Calculator, result: Result) -> str:
    data = result.as_dict()
    given = [f"{label}: {text}" for label, text in result.given]
    lines = [calculator.title, *_wrap(" · ".join([*given, f"Today: {data['today_text']}"]))]
    width = max(len(deadline["label"]) for deadline in data["deadlines"])
    for deadline in data["deadlines"]:
        lines += [
            "",
            f"{deadline['label']:<{width}}  {_when(deadline)}",
            *_wrap(f"{deadline['rule']} ({_cited(deadline['sources'])})", indent="  "),
        ]
        for other in deadline["others"]:
            lines += _wrap(
                f"Sources disagree: {other['rule']} ({_cited(other['sources'])}) gives "
                f"{_when(other)}. This plan keeps the safer date above.",
                indent="  ",
            )
    lines += ["", *_wrap(data["summary"])]
    for note in data["notes"]:
        cited = f" ({_cited(note['sources'])})" if note["sources"] else ""
        lines += ["", *_wrap(f"{note['kind'].title()}: {note['text']}{cited}")]
    return "\n".join(lines)


def _wrap(text: str, indent: str = "") -> list[str]:
    return textwrap.wrap(text, WIDTH, initial_indent=indent, subsequent_indent=indent)


def _when(deadline: dict[str, Any]) -> str:
    if deadline["earliest"]:
        return f"{deadline['earliest_text']} to {deadline['date_text']} ({deadline['from_today']})"
    return f"{deadline['date_text']} ({deadline['from_today']})"


def _cited(sources: list[dict[str, str]]) -> str:
    return "source: " + "; ".join(f"[{s['key']}] {s['title']}" for s in sources)
