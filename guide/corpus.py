"""Everything a reader can be shown, in one language, as plain text to review and to guard.

``python -m guide.catalogs corpus`` writes ``tests/golden/<language>.txt``: every
calculator's form, every verdict state and situation the engine knows, every error,
the command line's help, every template, and every sentence the build assembles into
pages. A test fails when the output changes and the file was not rewritten, so a change
of wording is reviewed as readers get it, not as catalog entries. Lines starting with
``#`` at the top of a file are the reviewers' header, kept when the file is rewritten.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import replace
from datetime import date
from pathlib import Path
from typing import Any

from calculators import CALCULATORS, cli
from calculators.calculator import InputError
from calculators.inputs import ChoiceInput
from calculators.policy import FACTS, PERIODS
from calculators.render import present
from calculators.words import LANGUAGES, _, language
from guide import messages, pages

GOLDEN = Path(__file__).resolve().parent.parent / "tests" / "golden"
LINKS = pages.Links(root_md="../", sources_url="../sources/", beyond_url="../beyond/")

SITUATIONS: tuple[tuple[str, str, dict[str, str]], ...] = (
    ("2026-03-05", "dispute-window", {"shipped": "2026-03-02", "carrier": "China Post"}),
    ("2026-03-10", "dispute-window", {"shipped": "2026-03-02", "carrier": "China Post"}),
    ("2026-03-10", "dispute-window", {"shipped": "2026-03-02", "carrier": "DHL"}),
    ("2026-11-23", "planner", {"shipped": "2026-09-20", "carrier": "China Post"}),
    ("2026-11-23", "planner", {"shipped": "2026-10-20", "protection_left": "3"}),
    ("2026-11-23", "planner", {"shipped": "2026-09-20", "protection_left": "0"}),
    ("2026-11-23", "planner", {"arrived": "no", "delivered": "2026-11-10"}),
    ("2026-11-23", "planner", {"agreed": "2026-11-20", "protection_left": "4"}),
    ("2026-11-23", "planner", {"agreed": "2026-11-20"}),
    ("2026-11-23", "planner", {"delivered": "2026-11-15", "contacted": "2026-11-22"}),
    ("2026-11-23", "planner", {"opened": "2026-11-20"}),
    ("2026-11-23", "planner", {"opened": "2026-11-01", "escalated": "2026-11-20"}),
    ("2026-11-23", "planner", {"opened": "2026-11-01", "agreed": "2026-11-20"}),
    ("2026-11-23", "planner", {"opened": "2026-11-01", "agreed": "2026-11-05"}),
    (
        "2026-11-23",
        "planner",
        {"opened": "2026-11-01", "agreed": "2026-11-05", "return_posted": "2026-11-12"},
    ),
    ("2026-11-23", "planner", {"opened": "2026-11-01", "resolved": "2026-11-20"}),
    (
        "2026-11-23",
        "planner",
        {"opened": "2026-10-20", "rejected": "2026-11-20", "paid": "2026-09-01"}
        | {"payment": "paypal"},
    ),
    (
        "2026-11-23",
        "planner",
        {"opened": "2026-10-20", "rejected": "2026-11-20", "payment": "other"},
    ),
    ("2026-11-23", "planner", {"opened": "2026-10-20", "rejected": "2026-11-20"}),
    (
        "2026-11-23",
        "planner",
        {"opened": "2026-09-01", "resolved": "2026-09-20", "paid": "2026-08-20"}
        | {"payment": "debit card"},
    ),
    (
        "2026-11-23",
        "planner",
        {"opened": "2026-10-01", "resolved": "2026-11-10", "paid": "2026-08-01"}
        | {"payment": "credit card"},
    ),
    *(
        ("2026-11-11", "planner", {"arrived": "yes", "delivered": "2026-11-10", "country": code})
        for code in ("ES", "PT", "FR", "BE", "DE", "GB", "BR", "MX", "AR", "CL", "CO", "CH", "CA")
    ),
    (
        "2026-11-11",
        "planner",
        {"shipped": "2026-10-02", "paid": "2026-10-01", "payment": "credit card", "country": "US"},
    ),
    ("2026-03-10", "cancellation", {"requested": "2026-03-08"}),
    ("2026-03-16", "cancellation", {"requested": "2026-03-08"}),
)
"""One order for each verdict state and each situation the engine knows."""

ERRORS: tuple[tuple[str, dict[str, str]], ...] = (
    ("dispute-window", {}),
    ("dispute-window", {"shipped": "2026-02-30", "carrier": "Pigeon"}),
    ("dispute-window", {"shipped": "14/10", "carrier": "DHL", "protection_left": "twelve"}),
    ("dispute-window", {"shipped": "2026-03-11", "carrier": "DHL"}),
    ("planner", {}),
    ("planner", {"arrived": "yes"}),
    ("planner", {"arrived": "unsure", "delivered": "2026-03-05"}),
    ("planner", {"shipped": "2026-03-09", "delivered": "2026-03-02"}),
    ("planner", {"shipped": "2026-03-02", "paid": "2026-03-04", "payment": "cash"}),
    ("planner", {"opened": "2026-03-05", "rejected": "2026-03-04"}),
    ("planner", {"opened": "2026-03-01", "resolved": "2026-03-05", "rejected": "2026-03-05"}),
    ("planner", {"opened": "2026-03-01", "agreed": "2026-03-05", "return_posted": "2026-03-04"}),
    ("planner", {"escalated": "2026-03-09"}),
    ("return-refund", {}),
)
"""Input a reader gets a message for, on 10 March 2026."""


def body(lang: str) -> str:
    """The corpus of one language, without its header."""
    with language(lang), cli._parser_speaks(), _columns(100):
        sections = {
            "Forms": list(_forms()),
            "Situations": list(_situations()),
            "Errors": list(_errors()),
            "Command line": [cli._parser("python -m calculators").format_help()]
            + [_help(slug) for slug in ("planner", "dispute-window")],
            "Templates": list(_templates()),
            "Page sentences": list(_page_sentences(lang)),
        }
    parts = [f"== {title}\n\n" + "\n\n".join(items) for title, items in sections.items()]
    return "\n\n".join(part.rstrip() for part in parts) + "\n"


def _forms() -> Iterator[str]:
    for calculator in CALCULATORS.values():
        declared = calculator.declare()
        lines = [f"-- {declared['title']}", declared["summary"]]
        for spec, item in zip(calculator.inputs, declared["inputs"], strict=True):
            lines += [f"{item['label']} | {item['help']} | {item['missing']}"]
            if isinstance(spec, ChoiceInput) and len(spec.choices) < 6:
                lines += ["  " + " / ".join(choice["label"] for choice in item["choices"])]
        lines += [section["title"] for section in declared["sections"]]
        yield "\n".join(lines)


def _situations() -> Iterator[str]:
    for today, slug, facts in SITUATIONS:
        calculator = CALCULATORS[slug]
        result = calculator.run(facts, date.fromisoformat(today))
        view = present(calculator, result)
        yield f"-- {slug} {facts} on {today}\n" + cli.as_text(view)
        if "rejected" in facts or "country" in facts:
            yield view["summary"]["heading"] + "\n" + view["summary"]["text"]


def _errors() -> Iterator[str]:
    for slug, raw in ERRORS:
        try:
            CALCULATORS[slug].run(raw, date(2026, 3, 10))
        except InputError as error:
            problems = [f"{name}: {text}" for name, text in error.problems.items()]
            yield f"-- {slug} {raw}\n" + "\n".join(problems)


def _help(slug: str) -> str:
    parser = cli._parser("python -m calculators")
    commands = next(action for action in parser._actions if action.dest == "calculator")
    return str(commands.choices[slug].format_help())  # type: ignore[index]


def _templates() -> Iterator[str]:
    for template in messages.TEMPLATES:
        yield f"-- {_(template.title)}\n{_(template.when)}\n\n{_(template.text)}"


def _page_sentences(lang: str) -> Iterator[str]:
    links = replace(LINKS, lang=lang)
    for key in PERIODS:
        yield f"{key}: " + pages.expand(f"[[figure: {key}]]", links)
    for key in FACTS:
        yield f"{key}: " + pages.expand(f"[[fact: {key}]]", links)
    yield "\n".join(_furniture(pages.interface()))
    yield "\n".join(_furniture(pages.message_words()))


def _furniture(words: dict[Any, Any], prefix: str = "") -> Iterator[str]:
    """A page's word table a line per entry ("left.2: …"), nested tables included."""
    for key, text in words.items():
        if isinstance(text, dict):
            yield from _furniture(text, f"{prefix}{key}.")
        else:
            yield f"{prefix}{key}: {text}"


@contextmanager
def _columns(width: int) -> Iterator[None]:
    """argparse wraps the help to the terminal: make it the same everywhere."""
    saved = os.environ.get("COLUMNS")
    os.environ["COLUMNS"] = str(width)
    try:
        yield
    finally:
        if saved is None:
            del os.environ["COLUMNS"]
        else:
            os.environ["COLUMNS"] = saved


def path(lang: str) -> Path:
    return GOLDEN / f"{lang}.txt"


def header(lang: str) -> str:
    """The reviewers' lines at the top of the language's file, if any."""
    if not path(lang).is_file():
        return ""
    lines = path(lang).read_text(encoding="utf-8").splitlines(keepends=True)
    kept = []
    for line in lines:
        if not line.startswith("#"):
            break
        kept.append(line)
    return "".join(kept)


def stored(lang: str) -> str:
    """The language's file as committed, without its header."""
    text = path(lang).read_text(encoding="utf-8")
    return text[len(header(lang)) :].lstrip("\n")


def write_all() -> list[Path]:
    GOLDEN.mkdir(parents=True, exist_ok=True)
    written = []
    for lang in LANGUAGES:
        top = header(lang)
        path(lang).write_text(top + ("\n" if top else "") + body(lang), encoding="utf-8")
        written.append(path(lang))
    return written
