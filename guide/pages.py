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
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, replace
from typing import Any

from calculators import CALCULATORS, inputs
from calculators.dates import EXAMPLE
from calculators.policy import (
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
from calculators.words import (
    LANGUAGES,
    TYPED,
    TYPED_FORMAT,
    _,
    labelled,
    language,
    ngettext,
    pgettext,
    spoken,
    typed,
)
from guide import messages

MARKER = re.compile(r"\[\[\s*([a-z]+)\s*:\s*([^\]\s]*)\s*\]\]")
# Anything else in double brackets is a mistyped marker; a link like [[1]](x) is not.
_LOOKS_LIKE_MARKER = re.compile(r"\[\[\s*[A-Za-z][^\]\n]*\]\](?!\()")


_CALCULATOR_ROOT = 'data-calculator="'
"""How a calculator's element begins, in the page as in the built HTML."""


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
    beyond_url: str = ""
    """The Beyond AliExpress page's URL relative to the built page."""
    rights_url: str = ""
    """The Your rights page's URL relative to the built page."""
    site_url: str = ""
    root_url: str = ""
    offline: bool = False
    page: str = ""
    """The page's own source path, such as "calculators/planner.md"."""
    lang: str = "en"
    language_root: str = ""
    """From this language's site to the English one at the root: "" or "../"."""

    @property
    def sources_md(self) -> str:
        return f"{self.root_md}sources.md"

    def calculator_md(self, slug: str) -> str:
        return f"{self.root_md}calculators/{slug}.md"


Renderer = Callable[[Links], str]


def is_offline(extra: Mapping[str, object]) -> bool:
    """Whether the build is the copy opened from disk (mkdocs-offline.yml says so, once)."""
    return bool(extra.get("offline"))


_HTML_LANG = re.compile(r'<html lang="[^"]*"')
_PERMALINK = 'title="Permanent link"'
"""The title the toc extension gives each heading's permalink, in English only."""
_SELECTOR_LINK = re.compile(r'<a href="([^"]*)" hreflang="([^"]*)" class="md-select__link">')


def in_its_language(html_page: str, lang: str, page_url: str) -> str:
    """A built page that names its language exactly ("pt-BR", where the theme writes "pt"),
    titles its headings' permalinks in it, and whose language selector leads to this page
    in each language, not to its home.

    The theme's script would look each page up in the other language's sitemap, but the
    English home's address is a prefix of every other language's, so which one it tries
    depends on which sitemap arrived first; a plain link to the page needs no lookup, and
    works with JavaScript off. The head's hreflang alternates stay each language's home,
    as the theme reads its sitemaps from them."""
    html_page = _HTML_LANG.sub(f'<html lang="{lang}"', html_page, count=1)
    with language(lang):
        permalink = html.escape(_("Permanent link"), quote=True)
    html_page = html_page.replace(_PERMALINK, f'title="{permalink}"')
    return _SELECTOR_LINK.sub(
        lambda found: (
            f'<a href="{found.group(1)}{page_url}" hreflang="{found.group(2)}" '
            'class="md-select__link">'
        ),
        html_page,
    )


def page_language(theme_language: str) -> str:
    """The guide's language code for the theme's ("en", "es", "pt-BR", "fr")."""
    return theme_language if theme_language in LANGUAGES else "en"


def expand(markdown: str, links: Links) -> str:
    """Replace every marker in one page's Markdown, in the page's language."""
    with language(links.lang):
        return _expand(markdown, links)


def _expand(markdown: str, links: Links) -> str:

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


def holds_calculator(built_page: str) -> bool:
    """Whether a built page shows a calculator, and so should start the engine early."""
    return _CALCULATOR_ROOT in built_page


def _known(names: Iterable[str]) -> str:
    return ", ".join(sorted(names))


def cite(sources: Iterable[Source], links: Links) -> str:
    """Links to the sources, titled with each article's name."""
    return ", ".join(
        f'[{source.name}]({links.sources_md}#{source.anchor} "{source.heading}")'
        for source in sources
    )


def _source(key: str) -> Renderer:
    return lambda links: cite(_sources_of((key,)), links)


def _sources_of(keys: Iterable[str]) -> tuple[Source, ...]:
    return tuple(SOURCES[key] for key in keys)


def cited(keys: Iterable[str], confidence: str, links: Links) -> str:
    """ "source 002", or "source research, medium confidence": a figure's citation."""
    sources = _sources_of(keys)
    text = ngettext("source {links}", "sources {links}", len(sources)).format(
        links=cite(sources, links)
    )
    if confidence:
        text = _("{cited}, {confidence} confidence").format(cited=text, confidence=_(confidence))
    return text


def rule_text(period: Period, links: Links, linked: str = "") -> str:
    """The planned rule with its sources, and any source that says otherwise.

    With ``linked`` (a calculator's page), the rule itself links to it, where the reader
    gets the date for their own order.
    """
    planned = period.planned
    rule = f"[{period.describe()}]({linked})" if linked else period.describe()
    text = _("{rule} ({cited})").format(
        rule=rule, cited=cited(planned.sources, planned.confidence, links)
    )
    plan = {
        "earlier": _("{text}; {cited} says {rule}, so plan with the earlier date"),
        "later": _("{text}; {cited} says {rule}, so plan with the later date"),
    }[period.safer]
    for other in period.others:
        text = plan.format(
            text=text,
            cited=cited(other.sources, other.confidence, links),
            rule=period.describe(other),
        )
    return text


def _calculator_link(key: str, links: Links) -> str:
    """The calculator that counts this figure, unless the page is that calculator."""
    slug = _CALCULATOR_FOR.get(key)
    if slug is None or links.page == f"calculators/{slug}.md":
        return ""
    return links.calculator_md(slug)


def _figure(key: str) -> Renderer:
    """The rule with its sources, the rule linking to the calculator that counts it."""
    return lambda links: rule_text(PERIODS[key], links, _calculator_link(key, links))


def _rule(key: str) -> Renderer:
    """The rule alone, for a sentence that already names its source."""

    def render(links: Links) -> str:
        linked = _calculator_link(key, links)
        rule = PERIODS[key].describe()
        return f"[{rule}]({linked})" if linked else rule

    return render


def _fact(key: str) -> Renderer:
    fact = FACTS[key]
    return lambda links: _("{text} ({cited})").format(
        text=_(fact.text), cited=cited(fact.sources, fact.confidence, links)
    )


def short_name(lang: str) -> str:
    """The guide's name under its icon on a phone's home screen."""
    with language(lang):
        return _("AliExpress returns")


def interface() -> dict[str, Any]:
    """The words of the calculators' page furniture, for calculators.js to draw."""
    return {
        "submit": _("See what to do"),
        "change": _("Change"),
        "your_dates": _("Your dates:"),
        "also_counted": _("Also counted, from your other answers:"),
        "leave_out": _("Leave these out"),
        "choose": _("Choose…"),
        "optional": _("(optional)"),
        "loading": _("Getting the calculator ready…"),
        "loading_here": _("Working out your dates: your answer will appear here."),
        "slow": _(
            "Still getting ready: on a slow connection this can take a while. Until then, the "
            "rules table on this page gives the same dates."
        ),
        "failed": _(
            "The calculator could not start in this browser. The rules table on this page "
            "gives the same dates: count the days from your own date."
        ),
        "prompt": _("Enter your dates to see what to do."),
        "error": _(
            "Something went wrong while working out your dates. Reload the page to try again."
        ),
        "check_fields": _("Check the fields marked below."),
        "problems": _("There is a problem"),
        "dates": date_words(),
        "coming_up": _("Coming up"),
        "calendar": _("Add to my calendar (.ics)"),
        "link_label": _("Link to these dates"),
        "keep_link": _("Come back to these dates with this link:"),
        "copy_link": _("Copy link"),
        "copied": _("Link copied."),
        "copy_by_hand": _("Press Ctrl+C (or ⌘C) to copy the selected link."),
        "remember": _("Remember this order on this device"),
        "forget": _("Forget this order"),
        "forgotten": _("Forgotten: nothing of this order is kept on this device."),
        "privacy": _(
            "Your dates stay in this page and in its link, after the # sign, which is never "
            "sent anywhere. Nothing is kept on this device unless you tick the box above."
        ),
        "see_answer": _("See the answer"),
        "summary_help": _(
            "Your dates, what happened and the deadlines still open, in one text: paste it "
            "into a claim or a complaint, or print it. Ticks you keep on the evidence "
            "checklist are added."
        ),
        "copy_summary": _("Copy the summary"),
        "print_summary": _("Print the summary"),
        "summary_copied": _("Summary copied: paste it into your claim or complaint."),
    }


def _calculator(slug: str) -> Renderer:
    def block(links: Links) -> str:
        declared = {**CALCULATORS[slug].declare(), "ui": interface()}
        declaration = html.escape(json.dumps(declared, ensure_ascii=False))
        fallback = _(
            "This calculator runs in your browser and needs JavaScript. Without it, the rules "
            "table on this page gives the same dates: count the days from your own date."
        )
        return (
            f'\n<div class="calc" {_CALCULATOR_ROOT}{slug}" data-declaration="{declaration}" '
            f'data-sources="{html.escape(links.sources_url)}" '
            f'data-beyond="{html.escape(links.beyond_url)}" '
            f'data-rights="{html.escape(links.rights_url)}">\n'
            f'<p class="calc__fallback">{fallback}</p>\n'
            "</div>\n"
        )

    return block


def _rules(slug: str) -> Renderer:
    def table(links: Links) -> str:
        rows = [
            f"| {_(step)} | {rule_text(period, links)} |"
            for step, period in CALCULATORS[slug].rules
        ]
        return "\n".join([f"| {_('Step')} | {_('When')} |", "| --- | --- |", *rows])

    return table


_NEW_TAB = "{ target=_blank rel=noopener }"


def _embed(slug: str) -> Renderer:
    """A page for other sites' iframes (docs/embed/<slug>.md): the calculator, its
    rules, and a way back to the guide."""

    def page(links: Links) -> str:
        return f"""# {_(CALCULATORS[slug].title)}

{_calculator(slug)(links)}

<details class="info calc__rules" open markdown>
<summary>{_("The rules behind these dates")}</summary>

{_rules(slug)(links)}

</details>

[{_("The full AliExpress refund guide")}]({links.calculator_md(slug)}){_NEW_TAB}
"""

    return page


def snippet(slug: str, site_url: str) -> str:
    """The HTML another site pastes to embed a calculator."""
    return (
        f'<iframe src="{site_url}embed/{slug}/" title="{_(CALCULATORS[slug].title)}"\n'
        '        data-aliexpress-guide width="100%" height="720"\n'
        '        style="border: 0; max-width: 44rem"></iframe>\n'
        f'<script src="{site_url}assets/javascripts/embed.js" async></script>'
    )


def _message_builder(links: Links) -> str:
    """The message builder, and every template on paper for readers without JavaScript."""
    declared = {**messages.declare(), "ui": message_words()}
    data = html.escape(json.dumps(declared, ensure_ascii=False))
    templates = "\n".join(
        f"### {_(template.title)} {{#{template.key}}}\n\n{_(template.when)}\n\n"
        f'<pre class="msg__paper">{html.escape(messages.with_brackets(template))}</pre>\n'
        for template in messages.TEMPLATES
    )
    return (
        f'\n<div class="msg" data-messages="{data}"></div>\n\n'
        f'<div class="msg__all" markdown>\n\n{templates}\n</div>\n'
    )


def date_words() -> dict[str, str]:
    """How a date field reads and shows dates: the language's typed form (the page
    converts it to and from the ISO date links keep) and the hint under the field."""
    return {
        "typed": _(TYPED),
        # Translators: under every date field, e.g. "DD/MM/AAAA, por ejemplo 14/10/2026".
        "hint": _("{format}, for example {typed}").format(
            format=_(TYPED_FORMAT), typed=typed(EXAMPLE)
        ),
    }


def message_words() -> dict[str, Any]:
    """The words of the message builder's furniture; the gap counts are worded here, for
    every count a template can have, so no plural rule is written in JavaScript."""
    most = max(len(template.blanks) for template in messages.TEMPLATES)
    return {
        "situation": _("What do you need to write?"),
        "blanks": _("Fill in what you know; the rest stays in brackets for you to fill in."),
        "message": _("Your message"),
        "copy": _("Copy message"),
        "copied": _("Copied: paste it where you need it."),
        "copy_by_hand": _("Select the message and copy it."),
        "first_day": pgettext("first day of a month", "1"),
        "dates": date_words(),
        "filled": _("Every gap is filled: the message is ready to copy."),
        "left": {
            count: ngettext(
                "{count} gap left to fill: it is marked in the message.",
                "{count} gaps left to fill: they are marked in the message.",
                count,
            ).format(count=count)
            for count in range(1, most + 1)
        },
        "copied_gaps": {
            count: ngettext(
                "Copied, with {count} gap still in brackets: fill it in where you paste it.",
                "Copied, with {count} gaps still in brackets: fill them in where you paste it.",
                count,
            ).format(count=count)
            for count in range(1, most + 1)
        },
    }


def _checklist_progress(links: Links) -> str:
    """Where the evidence checklist counts the ticks, offers to keep them, and asks what
    happened, to show only the items that fit (the page's lists say whom each is for)."""
    words = {
        "count": _("{done} of {total} collected"),
        "situation": _("What happened to your order?"),
        "situations": {
            "all": _("Show everything"),
            "never": _("It never arrived, or tracking says delivered but I don't have it"),
            "arrived": _("It arrived with a problem"),
            "return": _("I am sending it back"),
        },
        "showing": _("Showing only what fits what happened; the printed page has everything."),
        # What the order's answers say happened, the first that holds: [situation, fact, values].
        "from_order": [
            ["return", inputs.RETURN_POSTED.name, []],
            ["return", inputs.AGREED.name, []],
            ["arrived", inputs.ARRIVED.name, ["yes"]],
            ["never", inputs.ARRIVED.name, ["no", "unsure", inputs.TRACKED]],
        ],
        "remember": _("Remember this order on this device"),
        "privacy": _(
            "Your ticks stay in this page. They are kept on this device only if you tick "
            "the box above, and then only in this browser."
        ),
    }
    data = html.escape(json.dumps(words, ensure_ascii=False))
    return f'\n<div class="checklist-progress" data-checklist="{data}"></div>\n'


def _all_snippets(links: Links) -> str:
    """Each calculator's snippet under its own heading, for the Embedding page."""
    return "\n".join(
        f"### {_(calculator.title)} {{#embed-{slug}}}\n\n"
        f"```html\n{snippet(slug, links.site_url)}\n```\n"
        for slug, calculator in CALCULATORS.items()
    )


def _embed_link(slug: str) -> Renderer:
    """A small link at a calculator page's foot, to its snippet on the Embedding page."""
    return lambda links: (
        f'<p class="calc-embed" markdown>[{_("Embed this calculator on your site")}]'
        f"({links.root_md}embedding.md#embed-{slug})</p>"
    )


OFFLINE_DOWNLOAD = "downloads/aliexpress-returns-guide-offline.zip"


def _offline_download(links: Links) -> str:
    if links.offline:
        title = _("You are reading the offline copy").replace('"', "'")
        return f'!!! success "{title}"\n\n    {_("Nothing more to download.")}'
    href = f"{links.root_url}{links.language_root}{OFFLINE_DOWNLOAD}"
    return (
        f'<p><a class="md-button md-button--primary" href="{href}" download>'
        f"{_('Download for offline use (.zip)')}</a></p>"
    )


def _calculator_list(links: Links) -> str:
    rows = [
        f"| [{_(calculator.title)}]({links.calculator_md(slug)}) | {_(calculator.summary)} |"
        for slug, calculator in CALCULATORS.items()
    ]
    header = f"| {_('Calculator')} | {_('What it tells you')} |"
    return "\n".join([header, "| --- | --- |", *rows])


def _carrier_windows(links: Links) -> str:
    """The carrier rule as an HTML table whose cells name their column, for phone cards."""
    columns = (
        _("Carrier"),
        _("First day to open a dispute"),
        _("Last day to open a dispute"),
        _("Source"),
    )
    opens = DISPUTE_OPENS.describe()
    rows = []
    for group in CARRIER_GROUPS:
        if group.dispute_closes is None:
            continue
        sources = dict.fromkeys(DISPUTE_OPENS.sources + group.dispute_closes.sources)
        links_html = ", ".join(
            f'<a href="{html.escape(links.sources_url)}#{s.anchor}" '
            f'title="{html.escape(s.heading)}">{html.escape(s.name)}</a>'
            for s in sources
        )
        window = replace(group.dispute_closes, scope=()).describe()
        cells = (group.names, opens, window, links_html)
        rows.append(
            "<tr>"
            + "".join(
                f'<td data-label="{html.escape(column)}">{cell}</td>'
                for column, cell in zip(columns, cells, strict=True)
            )
            + "</tr>"
        )
    head = "".join(f'<th scope="col">{html.escape(column)}</th>' for column in columns)
    return (
        f'\n<table class="carrier-windows"><thead><tr>{head}</tr></thead>'
        f"<tbody>{''.join(rows)}</tbody></table>\n"
    )


def _carrier_rule_caveat(links: Links) -> str:
    title = _("An old rule: check your order's countdown").replace('"', "'")
    text = _("{text} ({cited})").format(
        text=_(CARRIER_RULE_CAVEAT), cited=cited(CARRIER_RULE_CAVEAT_SOURCES, "", links)
    )
    return f'!!! warning "{title}"\n\n    {text}\n'


def figures_from(source: Source) -> list[str]:
    """Every figure of the policy data that cites ``source``, in words."""
    rules = [
        period.describe(claim)
        for period in PERIODS.values()
        for claim in period.claims
        if source.key in claim.sources
    ]
    facts = [_(fact.text) for fact in FACTS.values() if source.key in fact.sources]
    return list(dict.fromkeys(rules + facts))


def _all_sources(links: Links) -> str:
    def described(source: Source) -> str:
        given = "\n".join(f"- {figure}" for figure in figures_from(source))
        return (
            f"### {labelled(source.name, source.heading)} {{#{source.anchor}}}\n\n"
            f"{_(source.covers)}\n\n"
            f"{_('What it is')}\n:   {_(source.kind)}\n\n"
            f"{_('Publisher')}\n:   {_(source.publisher)}\n\n"
            f"{_('Address')}\n:   {_(source.address)}\n\n"
            f"{_('Read')}\n:   {_(source.read)}\n\n"
            f"{_('Figures the guide takes from it')}\n\n{given}\n"
        )

    return "\n".join(described(source) for source in SOURCES.values())


# The calculator that works out each period for the reader's own dates.
_CALCULATOR_FOR: dict[str, str] = {
    period.key: slug
    for slug, calculator in reversed(CALCULATORS.items())
    if slug != "planner"
    for _step, period in calculator.rules
}

_RENDERERS: dict[str, dict[str, Renderer]] = {
    "figure": {key: _figure(key) for key in PERIODS},
    "rule": {key: _rule(key) for key in PERIODS},
    "fact": {key: _fact(key) for key in FACTS},
    "source": {key: _source(key) for key in SOURCES},
    "calculator": {slug: _calculator(slug) for slug in CALCULATORS},
    "embed": {slug: _embed(slug) for slug in CALCULATORS},
    "rules": {slug: _rules(slug) for slug in CALCULATORS},
    "embedding": {slug: _embed_link(slug) for slug in CALCULATORS},
    "embeds": {"all": _all_snippets},
    "messages": {"all": _message_builder},
    "checklist": {"progress": _checklist_progress},
    "calculators": {"all": _calculator_list},
    "download": {"offline": _offline_download},
    "table": {"carrier-windows": _carrier_windows},
    "caveat": {"carrier-rule": _carrier_rule_caveat},
    "sources": {"all": _all_sources, "reviewed": lambda links: spoken(REVIEWED)},
}
