"""Markers that put policy figures and calculators into the guide's Markdown.

A page writes ``[[kind: name]]`` where a figure, table or calculator belongs;
``expand`` replaces it at build time from the policy data, so no page types a
number of its own. A marker that names nothing known raises ``MarkerError``,
which fails the build instead of publishing a wrong or empty page.
"""

from __future__ import annotations

import html
import json
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from . import CALCULATORS
from .policy import (
    CARRIER_GROUPS,
    CARRIER_RULE_CAVEAT,
    CARRIER_RULE_CAVEAT_SOURCES,
    DISPUTE_OPENS,
    FACTS,
    PERIODS,
    REVIEWED,
    SOURCES,
    Period,
    Source,
)
from .words import _, spoken

MARKER = re.compile(r"\[\[\s*([a-z]+)\s*:\s*([^\]\s]*)\s*\]\]")
# Anything else in double brackets is a mistyped marker; a link like [[1]](x) is not.
_LOOKS_LIKE_MARKER = re.compile(r"\[\[\s*[A-Za-z][^\]\n]*\]\](?!\()")


class MarkerError(ValueError):
    """A marker names a kind or an item that does not exist."""


@dataclass(frozen=True)
class Links:
    """How the page being built reaches the rest of the site.

    ``root_md`` leads from the page's folder to the docs folder ("" or "../");
    ``sources_url`` is the Sources page's URL relative to the built page.
    """

    root_md: str
    sources_url: str
    site_url: str = ""
    root_url: str = ""
    offline: bool = False

    @property
    def sources_md(self) -> str:
        return f"{self.root_md}sources.md"

    def calculator_md(self, slug: str) -> str:
        return f"{self.root_md}calculators/{slug}.md"


Renderer = Callable[[Links], str]


def expand(markdown: str, links: Links) -> str:
    """Replace every marker in one page's Markdown."""

    def render(match: re.Match[str]) -> str:
        kind, name = match.groups()
        renderers = _RENDERERS.get(kind)
        if renderers is None:
            known = _known(_RENDERERS)
            raise MarkerError(f"unknown marker kind {match.group(0)!r}; known kinds: {known}")
        renderer = renderers.get(name)
        if renderer is None:
            raise MarkerError(f"unknown {kind} {match.group(0)!r}; known: {_known(renderers)}")
        return renderer(links)

    expanded = MARKER.sub(render, markdown)
    leftover = _LOOKS_LIKE_MARKER.search(expanded)
    if leftover:
        raise MarkerError(f"malformed marker {leftover.group(0)!r}: write [[kind: name]]")
    return expanded


def uses_calculator(markdown: str) -> bool:
    """Whether the page shows a calculator, and so should start the engine early."""
    return any(kind == "calculator" for kind, _ in MARKER.findall(markdown))


def _known(names: Iterable[str]) -> str:
    return ", ".join(sorted(names))


def cite(sources: Iterable[Source], links: Links) -> str:
    """Links to the sources, titled with each article's name."""
    return ", ".join(
        f'[{source.key}]({links.sources_md}#{source.anchor} "{source.title}")' for source in sources
    )


def _source(key: str) -> Renderer:
    return lambda links: cite(_sources_of((key,)), links)


def _sources_of(keys: Iterable[str]) -> tuple[Source, ...]:
    return tuple(SOURCES[key] for key in keys)


def rule_text(period: Period, links: Links) -> str:
    """The planned rule with its source, and any source that says otherwise."""
    text = f"{period.describe()} (source {cite(_sources_of(period.planned.sources), links)})"
    for other in period.others:
        text += (
            f"; source {cite(_sources_of(other.sources), links)} says "
            f"{period.describe(other)}, so plan with the {period.safer} date"
        )
    return text


def _figure(key: str) -> Renderer:
    """The rule with its sources and, where a calculator counts it, a link to it."""
    slug = _CALCULATOR_FOR.get(key)

    def render(links: Links) -> str:
        text = rule_text(PERIODS[key], links)
        return f"{text} · [your date]({links.calculator_md(slug)})" if slug else text

    return render


def _fact(key: str) -> Renderer:
    fact = FACTS[key]
    return lambda links: f"{fact.text} (source {cite(_sources_of(fact.sources), links)})"


def _calculator(slug: str) -> Renderer:
    declaration = html.escape(json.dumps(CALCULATORS[slug].declare(), ensure_ascii=False))
    return lambda links: (
        f'\n<div class="calc" data-calculator="{slug}" data-declaration="{declaration}" '
        f'data-sources="{html.escape(links.sources_url)}">\n'
        '<p class="calc__fallback">This calculator runs in your browser and needs JavaScript. '
        "Without it, the rules table on this page gives the same dates: count the days "
        "from your own date.</p>\n"
        "</div>\n"
    )


def _rules(slug: str) -> Renderer:
    def table(links: Links) -> str:
        rows = [
            f"| {step} | {rule_text(period, links)} |" for step, period in CALCULATORS[slug].rules
        ]
        return "\n".join(["| Step | When |", "| --- | --- |", *rows])

    return table


def embed_page(slug: str) -> str:
    """The Markdown of embed/<slug>/: the calculator, its rules, and a way back."""
    calculator = CALCULATORS[slug]
    return f"""---
title: {calculator.title}
template: embed.html
search:
  exclude: true
---

# {calculator.title}

[[calculator: {slug}]]

<details class="info calc__rules" open markdown>
<summary>The rules behind these dates</summary>

[[rules: {slug}]]

</details>

[The full AliExpress refund guide](../calculators/{slug}.md){{ target=_blank rel=noopener }}
"""


def _embed_box(slug: str) -> Renderer:
    calculator = CALCULATORS[slug]

    def box(links: Links) -> str:
        snippet = (
            f'<iframe src="{links.site_url}embed/{slug}/" title="{calculator.title}"\n'
            '        data-aliexpress-guide width="100%" height="720"\n'
            '        style="border: 0; max-width: 44rem"></iframe>\n'
            f'<script src="{links.site_url}assets/javascripts/embed.js" async></script>'
        )
        code = "\n".join(f"    {line}" for line in ["```html", *snippet.splitlines(), "```"])
        return (
            '??? example "Embed this calculator on your site"\n\n'
            "    Paste this into your page where the calculator should appear. Add "
            "`?theme=dark` or `?theme=light` to the address to fix the colours. See "
            f"[how embedding works]({links.root_md}embedding.md).\n\n{code}\n"
        )

    return box


OFFLINE_DOWNLOAD = "downloads/aliexpress-returns-guide-offline.zip"


def _offline_download(links: Links) -> str:
    if links.offline:
        return '!!! success "You are reading the offline copy"\n\n    Nothing more to download.'
    return (
        f'<p><a class="md-button md-button--primary" href="{links.root_url}{OFFLINE_DOWNLOAD}" '
        "download>Download for offline use (.zip)</a></p>"
    )


def _calculator_list(links: Links) -> str:
    rows = [
        f"| [{calculator.title}]({links.calculator_md(slug)}) | {calculator.summary} |"
        for slug, calculator in CALCULATORS.items()
    ]
    return "\n".join(["| Calculator | What it tells you |", "| --- | --- |", *rows])


def _carrier_windows(links: Links) -> str:
    opens = DISPUTE_OPENS.describe()
    rows = [
        "| Carrier | First day to open a dispute | Last day to open a dispute | Source |",
        "| --- | --- | --- | --- |",
        *(
            f"| {group.names} | {opens} | {group.dispute_closes.describe()} | "
            f"{cite(dict.fromkeys(DISPUTE_OPENS.sources + group.dispute_closes.sources), links)} |"
            for group in CARRIER_GROUPS
            if group.dispute_closes
        ),
    ]
    return "\n".join(rows)


def _carrier_rule_caveat(links: Links) -> str:
    sources = cite(_sources_of(CARRIER_RULE_CAVEAT_SOURCES), links)
    return (
        '!!! warning "An old rule: check your order\'s countdown"\n\n'
        f"    {_(CARRIER_RULE_CAVEAT)} (sources {sources})\n"
    )


def _all_sources(links: Links) -> str:
    return "\n".join(
        f"### {source.key}: {source.title} {{#{source.anchor}}}\n\n{source.covers}\n"
        for source in SOURCES.values()
    )


# The calculator that works out each period for the reader's own dates.
_CALCULATOR_FOR: dict[str, str] = {
    period.key: slug
    for slug, calculator in reversed(CALCULATORS.items())
    if slug != "planner"
    for _step, period in calculator.rules
}

_RENDERERS: dict[str, dict[str, Renderer]] = {
    "figure": {key: _figure(key) for key in PERIODS},
    "fact": {key: _fact(key) for key in FACTS},
    "source": {key: _source(key) for key in SOURCES},
    "calculator": {slug: _calculator(slug) for slug in CALCULATORS},
    "rules": {slug: _rules(slug) for slug in CALCULATORS},
    "embed": {slug: _embed_box(slug) for slug in CALCULATORS},
    "calculators": {"all": _calculator_list},
    "download": {"offline": _offline_download},
    "table": {"carrier-windows": _carrier_windows},
    "caveat": {"carrier-rule": _carrier_rule_caveat},
    "sources": {"all": _all_sources, "reviewed": lambda links: spoken(REVIEWED)},
}
