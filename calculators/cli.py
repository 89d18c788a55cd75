"""The command line: ``python -m calculators <calculator> --<input> VALUE ... [--json]``.

Options are generated from each calculator's declared inputs, and the output is the
renderer's view laid out as text or JSON. Every problem with the input is one line
on standard error and exit status 2, never a traceback.
"""

from __future__ import annotations

import argparse
import contextlib
import errno
import json
import os
import sys
import textwrap
from collections.abc import Iterable, Iterator, Sequence
from datetime import date
from typing import Any, NoReturn

from . import CALCULATORS, dates, ics
from .calculator import Calculator, InputError
from .inputs import CALENDAR_LABEL, ChoiceInput, Input, tidied_words
from .render import cited, plain, present
from .words import (
    LANGUAGES,
    N_,
    SOURCE_LANGUAGE,
    TYPED_FORMAT,
    _,
    labelled,
    language,
    ngettext,
    pgettext,
)

USAGE_ERROR = 2
OUTPUT_ERROR = 1
WIDTH = 88
METAVARS = {"date": TYPED_FORMAT, "choice": N_("NAME"), "days": N_("DAYS"), "text": N_("TEXT")}
"""The placeholders the help shows for each kind of input, in the reader's language."""
ARGPARSE_WORDS = (
    N_("usage: "),
    N_("positional arguments"),
    N_("argument %(argument_name)s: %(message)s"),
    N_("unrecognized arguments: %s"),
    N_("the following arguments are required: %s"),
    N_("expected one argument"),
    N_("expected at most one argument"),
    N_("ignored explicit argument %r"),
    N_("ambiguous option: %(option)s could match %(matches)s"),
    N_("invalid choice: %(value)r (choose from %(choices)s)"),
    N_("unknown parser %(parser_name)r (choices: %(choices)s)"),
)
"""argparse's own texts a reader can meet: in the catalogs, so the parser speaks too."""


@contextlib.contextmanager
def _parser_speaks() -> Iterator[None]:
    """argparse looks its texts up through gettext: let it ask the wording layer instead."""
    saved = argparse._, argparse.ngettext  # type: ignore[attr-defined]
    argparse._, argparse.ngettext = _, ngettext  # type: ignore[attr-defined]
    try:
        yield
    finally:
        argparse._, argparse.ngettext = saved  # type: ignore[attr-defined]


class _Formatter(argparse.HelpFormatter):
    """Help headings punctuated the language's way ("options :" in French): argparse adds
    the colon itself, so the heading is given without the language's."""

    def start_section(self, heading: str | None) -> None:
        if heading:
            heading = pgettext("a heading in the help", "{heading}:").format(heading=heading)
            heading = heading.removesuffix(":")
        super().start_section(heading)


class _Parser(argparse.ArgumentParser):
    """argparse, but a mistake is one plain line instead of usage plus a message, and the
    help's own headings speak the reader's language."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        helped = kwargs.pop("add_help", True)
        kwargs.update(add_help=False, formatter_class=_Formatter)
        super().__init__(*args, **kwargs)
        self._optionals.title = _("options")
        self._positionals.title = _("positional arguments")
        if helped:
            self.add_argument("-h", "--help", action="help", help=_("Show this help and exit."))

    def error(self, message: str) -> NoReturn:
        hint = _("{message}. See: {command} --help").format(message=message, command=self.prog)
        self.exit(USAGE_ERROR, _("error: {problem}").format(problem=hint) + "\n")


def _option(name: str) -> str:
    return "--" + name.replace("_", "-")


def _usage(calculator: Calculator, prog: str) -> str:
    """The usage line, with the options the calculator cannot do without unbracketed."""
    parts = []
    for spec in calculator.inputs:
        option = f"{_option(spec.name)} {_(METAVARS[spec.kind])}"
        parts.append(option if spec.required and spec.shown_if is None else f"[{option}]")
    extra = "[--today {day}] [--json | --summary] [--ics {file} [--label {text}]] [--lang {lang}]"
    extra = extra.format(day=_(TYPED_FORMAT), file=_("FILE"), text=_("TEXT"), lang=_("LANG"))
    return f"{prog} {calculator.slug} {' '.join(parts)} {extra}"


def _help(spec: Input) -> str:
    text = _("{label} — {help}").format(label=_(spec.label), help=_(spec.help))
    if isinstance(spec, ChoiceInput):
        text += " " + _("One of: {choices}.").format(
            choices=", ".join(_(choice.label) for choice in spec.choices)
        )
    return text.replace("%", "%%")


def _parser(prog: str) -> argparse.ArgumentParser:
    parser = _Parser(
        prog=prog,
        description=_("Work out AliExpress dispute, return and refund deadlines from your dates."),
    )
    parser.add_argument(
        "--lang", choices=LANGUAGES, default=SOURCE_LANGUAGE, help=_("The language to answer in.")
    )
    commands = parser.add_subparsers(
        dest="calculator", metavar=_("CALCULATOR"), parser_class=_Parser
    )
    for calculator in CALCULATORS.values():
        command = commands.add_parser(
            calculator.slug,
            help=_(calculator.title),
            description=" ".join(
                _(text) for text in (calculator.summary, calculator.needs_message) if text
            ),
            usage=_usage(calculator, prog),
        )
        asked = command.add_argument_group(_("your order"))
        for spec in calculator.inputs:
            asked.add_argument(
                _option(spec.name),
                dest=spec.name,
                metavar=_(METAVARS[spec.kind]),
                help=_help(spec),
            )
        command.add_argument(
            "--today",
            metavar=_(TYPED_FORMAT),
            help=_("Count from this day instead of today's date."),
        )
        command.add_argument("--json", action="store_true", help=_("Print the result as JSON."))
        command.add_argument(
            "--summary",
            action="store_true",
            help=_("Print a case summary for your bank, PayPal or a consumer body instead."),
        )
        command.add_argument(
            "--lang",
            choices=LANGUAGES,
            default=argparse.SUPPRESS,  # read before parsing; either place counts
            help=_("The language to answer in."),
        )
        command.add_argument(
            "--ics",
            metavar=_("FILE"),
            help=_("Also save the upcoming deadlines to FILE, a calendar file with reminders."),
        )
        command.add_argument(
            _option(CALENDAR_LABEL.name),
            dest=CALENDAR_LABEL.name,
            metavar=_("TEXT"),
            help=_("{label} — {help}").format(
                label=_(CALENDAR_LABEL.label), help=_(CALENDAR_LABEL.help)
            ),
        )
    return parser


def _language(argv: Sequence[str]) -> str:
    """The --lang the reader asked for, read first: the help itself speaks it."""
    early = _Parser(add_help=False)
    early.add_argument("--lang", choices=LANGUAGES, default=SOURCE_LANGUAGE)
    known, _rest = early.parse_known_args(argv)
    return str(known.lang)


def main(argv: Sequence[str] | None = None, prog: str | None = None) -> int:
    """Run the command line; a closed or narrow output never ends in a traceback.

    ``prog`` is how the reader called it, for the help: ``python -m calculators`` from
    ``__main__``, else the installed command's own name.
    """
    prog = prog or os.path.basename(sys.argv[0]) or "aliexpress-deadlines"
    for stream in (sys.stdout, sys.stderr):
        if stream is not None and hasattr(stream, "reconfigure"):
            stream.reconfigure(errors="replace")
    argv = list(sys.argv[1:] if argv is None else argv)
    try:
        with language(_language(argv)), _parser_speaks():
            return _main(argv, prog)
    except BrokenPipeError:
        # The reader closed the pipe (``| head``): say nothing more, as other tools do.
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        return OUTPUT_ERROR
    except OSError as problem:  # a full disk, a closed output: the answer did not get out
        with language(_language(argv)):
            why = problem.strerror or str(problem)
            _say(
                _("error: {problem}").format(
                    problem=_("the answer could not be written: {why}.").format(why=why)
                )
            )
        return OUTPUT_ERROR


def _main(argv: Sequence[str] | None, prog: str) -> int:
    parser = _parser(prog)
    args = parser.parse_args(argv)
    if not args.calculator:
        parser.error(_("name a calculator: {names}").format(names=", ".join(CALCULATORS)))
    calculator = CALCULATORS[args.calculator]
    try:
        today = dates.parse(args.today) if args.today else date.today()
    except dates.DateProblem as problem:
        return _fail([labelled("--today", str(problem))])
    if args.ics is not None and not args.ics.strip():
        return _fail(
            [labelled("--ics", _("name the calendar file to write, such as deadlines.ics."))]
        )
    raw = {spec.name: getattr(args, spec.name) for spec in calculator.inputs}
    try:
        result = calculator.run(raw, today)
        label, tidied = CALENDAR_LABEL.tidy(args.label or "")
    except InputError as error:
        labels = {spec.name: _(spec.label) for spec in calculator.inputs}
        return _fail(
            pgettext("an error about an option", "{option} ({label}): {problem}").format(
                option=_option(name), label=labels[name], problem=text
            )
            if name in labels
            else text
            for name, text in error.problems.items()
        )
    except ValueError as problem:
        return _fail([labelled("--label", str(problem))])
    view = present(calculator, result)
    if args.summary:
        _print(view["summary"]["text"])
    else:
        _print(json.dumps(view, indent=2, ensure_ascii=False) if args.json else as_text(view))
    if args.ics and tidied:
        _say(tidied_words(label))
    return _save_calendar(result, args.ics, label) if args.ics else 0


def _print(text: str, stream: Any = None) -> None:
    """Write a line; an output that is closed is an error, never a silent success."""
    target = stream or sys.stdout
    if target is None:
        raise OSError(errno.EBADF, os.strerror(errno.EBADF))
    print(text, file=target, flush=True)


def _say(text: str) -> None:
    """A line on standard error, if there is still one to write to."""
    with contextlib.suppress(OSError):
        _print(text, sys.stderr)


def _save_calendar(result: Any, path: str, label: str) -> int:
    count = len(ics.upcoming(result))
    if not count:
        _print(_("Nothing to save to a calendar: every date has passed."), sys.stderr)
        return 0
    try:
        with open(path, "w", encoding="utf-8", newline="") as file:
            file.write(ics.to_ics(result, label))
    except OSError as problem:
        return _fail(
            [
                labelled(
                    "--ics",
                    _("cannot write {path}: {why}.").format(path=path, why=problem.strerror),
                )
            ]
        )
    saved = ngettext(
        "Saved {count} upcoming date to {path}, with a reminder two days before.",
        "Saved {count} upcoming dates to {path}, each with a reminder two days before.",
        count,
    )
    _print(saved.format(count=count, path=path), sys.stderr)
    return 0


def _fail(lines: Iterable[str]) -> int:
    for line in lines:
        _say(_("error: {problem}").format(problem=line))
    return USAGE_ERROR


def as_text(view: dict[str, Any]) -> str:
    """The renderer's view as plain text: the verdict first, then the why and the dates."""
    verdict = view["verdict"]
    first = pgettext("the answer's first line", "{state}: {lead} {date} ({when})")
    lines = [
        first.format(
            state=verdict["state_text"].upper(),
            lead=verdict["lead"],
            date=verdict["date_text"],
            when=verdict["from_today"],
        ),
        *_wrap(verdict["action"]),
        *(line for sooner in verdict["sooner"] for line in _wrap(sooner)),
        "",
        verdict["why_heading"],
    ]
    for reason in verdict["why"]:
        lines += _deadline(reason)
    given = [item["line"] for item in view["given"]]
    lines += ["", view["title"], *_wrap(" · ".join(given)), *_wrap(view["counted_from"])]
    upcoming = [d for d in view["deadlines"] if d["state"] != "passed"]
    passed = [d for d in view["deadlines"] if d["state"] == "passed"]
    for heading, group in ((view["upcoming_heading"], upcoming), (view["passed_heading"], passed)):
        if group:
            lines += ["", heading]
            for deadline in group:
                lines += _deadline(deadline, reasons=False)
    for note in view["notes"]:
        lines += ["", *_wrap(plain(note))]
    sources = cited(view)
    if sources:
        lines += ["", _("Sources:")]
        lines += ["  " + labelled(source["name"], source["title"]) for source in sources]
    lines += ["", *_wrap(view["trust"])]
    return "\n".join(lines)


def _deadline(deadline: dict[str, Any], reasons: bool = True) -> list[str]:
    """A step: its date, its rule and, among the reasons, what else was weighed."""
    lines = [
        "  " + labelled(deadline["label"], f"{deadline['when_text']} ({deadline['from_today']})")
    ]
    for item in (deadline["rule_line"], *(deadline["others"] if reasons else ())):
        lines += _wrap(plain(item), indent="    ")
    return lines


def _wrap(text: str, indent: str = "") -> list[str]:
    return textwrap.wrap(text, WIDTH, initial_indent=indent, subsequent_indent=indent) or [""]
