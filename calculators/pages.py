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

from . import CALCULATORS, dates
from .policy import (
    CARRIER_GROUPS,
    CARRIER_RULE_CAVEAT,
    CARRIER_RULE_CAVEAT_SOURCES,
    DISPUTE_OPENS,
    PERIODS,
    REVIEWED,
    SOURCES,
    Source,
)

MARKER = re.compile(r"\[\[\s*([a-z]+)\s*:\s*([^\]\s]*)\s*\]\]")
_LOOKS_LIKE_MARKER = re.compile(
    r"\[\[\s*[A-Za-z][^\]\n]*\]\](?!\()"
)  # a link like [[1]](x) is fine


class MarkerError(ValueError):
    """A marker names a kind or an item that does not exist."""


@dataclass(frozen=True)
class Links:
    """Where the Sources page is from the page being built: as Markdown, and as a URL."""

    sources_md: str
    sources_url: str


def expand(markdown: str, links: Links) -> str:
    """Replace every marker in one page's Markdown."""

    def render(match: re.Match[str]) -> str:
        kind, name = match.groups()
        renderers = _RENDERERS.get(kind)
        if renderers is None:
            raise MarkerError(
                f"unknown marker kind {match.group(0)!r}; known kinds: {_known(_RENDERERS)}"
            )
        renderer = renderers.get(name)
        if renderer is None:
            raise MarkerError(f"unknown {kind} {match.group(0)!r}; known: {_known(renderers)}")
        return renderer(links)

    expanded = MARKER.sub(render, markdown)
    leftover = _LOOKS_LIKE_MARKER.search(expanded)
    if leftover:
        raise MarkerError(f"malformed marker {leftover.group(0)!r}: write [[kind: name]]")
    return expanded


def _known(names: Iterable[str]) -> str:
    return ", ".join(sorted(names))


def cite(sources: Iterable[Source], links: Links) -> str:
    """Links to the sources, titled with each article's name."""
    return ", ".join(
        f'[{source.key}]({links.sources_md}#{source.anchor} "{source.title}")' for source in sources
    )


def _figure(key: str) -> Callable[[Links], str]:
    period = PERIODS[key]
    return lambda links: f"{period.describe()} (source {cite(period.sources, links)})"


def _calculator(slug: str) -> Callable[[Links], str]:
    declaration = html.escape(json.dumps(CALCULATORS[slug].declare(), ensure_ascii=False))
    return lambda links: (
        f'\n<div class="calc" data-calculator="{slug}" data-declaration="{declaration}" '
        f'data-sources="{html.escape(links.sources_url)}">\n'
        '<p class="calc__fallback">This calculator runs in your browser and needs JavaScript. '
        "Without it, the table on this page gives the same rules: add the days to your date.</p>\n"
        "</div>\n"
    )


def _carrier_windows(links: Links) -> str:
    opens = DISPUTE_OPENS.describe()
    rows = [
        "| Carrier | First day to open a dispute | Last day to open a dispute | Source |",
        "| --- | --- | --- | --- |",
        *(
            f"| {group.names} | {opens} | {group.dispute_closes.describe()} | "
            f"{cite(dict.fromkeys(DISPUTE_OPENS.sources + group.dispute_closes.sources), links)} |"
            for group in CARRIER_GROUPS
        ),
    ]
    return "\n".join(rows)


def _carrier_rule_caveat(links: Links) -> str:
    sources = cite((SOURCES[key] for key in CARRIER_RULE_CAVEAT_SOURCES), links)
    return (
        '!!! warning "An old rule: check your order\'s countdown"\n\n'
        f"    {CARRIER_RULE_CAVEAT} (sources {sources})\n"
    )


def _all_sources(links: Links) -> str:
    return "\n".join(
        f"### {source.key}: {source.title} {{#{source.anchor}}}\n\n{source.covers}\n"
        for source in SOURCES.values()
    )


_RENDERERS: dict[str, dict[str, Callable[[Links], str]]] = {
    "figure": {key: _figure(key) for key in PERIODS},
    "calculator": {slug: _calculator(slug) for slug in CALCULATORS},
    "table": {"carrier-windows": _carrier_windows},
    "caveat": {"carrier-rule": _carrier_rule_caveat},
    "sources": {"all": _all_sources, "reviewed": lambda links: dates.spoken(REVIEWED)},
}
