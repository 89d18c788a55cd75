"""Markers put policy figures into pages; a wrong marker fails loudly."""

import html
import json
import re

import pytest

from calculators import CALCULATORS, policy
from calculators.words import _
from guide import pages

LINKS = pages.Links(root_md="../", sources_url="../../sources/")


def test_figure_reads_as_prose_linked_to_its_calculator_with_its_source() -> None:
    text = pages.expand("Opens [[figure: dispute_opens]].", LINKS)
    assert text.startswith(
        "Opens [6 days after shipment](../calculators/dispute-window.md) "
        "(source [002](../sources.md#source-002 "
    )
    assert text.endswith(")).")


def test_on_its_own_calculators_page_a_figure_links_nowhere() -> None:
    here = pages.Links(
        root_md="../", sources_url="../../sources/", page="calculators/dispute-window.md"
    )
    assert pages.expand("[[figure: dispute_opens]]", here).startswith(
        "6 days after shipment (source"
    )


def test_a_rule_marker_gives_the_rule_alone_for_a_sentence_that_names_its_source() -> None:
    text = pages.expand("Article [[source: 003]] gives at most [[rule: delivery_deadline]].", LINKS)
    assert text.endswith(
        "gives at most [60 days after shipment](../calculators/dispute-window.md)."
    )
    assert text.count("source-003") == 1


def test_research_figures_say_how_sure_the_notes_are() -> None:
    text = pages.expand("[[figure: dispute_after_receipt]]", LINKS)
    assert text.endswith(f'"{policy.SOURCES["research"].title}"), high confidence)')


def test_carrier_table_has_a_row_per_group_and_names_each_cell_for_phones() -> None:
    table = pages.expand("[[table: carrier-windows]]", LINKS)
    rows = re.findall(r"<tr>(.*?)</tr>", table)[1:]
    listed = [group for group in policy.CARRIER_GROUPS if group.dispute_closes]
    assert len(rows) == len(listed) == 3
    for row, group in zip(rows, listed, strict=True):
        cells = re.findall(r'<td data-label="([^"]+)">(.*?)</td>', row)
        assert [label for label, _ in cells] == [
            "Carrier",
            "First day to open a dispute",
            "Last day to open a dispute",
            "Source",
        ]
        assert cells[0][1] == group.names and cells[1][1] == "6 days after shipment"
        assert cells[2][1] == f"{group.dispute_closes.planned.days} days after shipment"
        assert 'href="../../sources/#source-002"' in cells[3][1]


def test_calculator_marker_embeds_the_declaration() -> None:
    block = pages.expand("[[calculator: dispute-window]]", LINKS)
    declaration = re.search(r'data-declaration="([^"]*)"', block)
    assert (
        declaration and json.loads(html.unescape(declaration.group(1)))["slug"] == "dispute-window"
    )
    assert 'data-sources="../../sources/"' in block
    assert "needs JavaScript" in block


def test_sources_list_has_an_anchor_per_source() -> None:
    listing = pages.expand("[[sources: all]]", LINKS)
    for source in policy.SOURCES.values():
        assert f"{{#{source.anchor}}}" in listing


@pytest.mark.parametrize(
    ("marker", "says"),
    [
        ("[[figure: dispute_opens_typo]]", "unknown figure"),
        ("[[calculator: refund-time]]", "unknown calculator"),
        ("[[chart: carrier-windows]]", "unknown marker kind"),
        ("[[table: ]]", "unknown table"),
        ("[[figure dispute_opens]]", "malformed marker"),
        ("[[Figure: dispute_opens]]", "malformed marker"),
    ],
)
def test_unknown_markers_raise(marker: str, says: str) -> None:
    with pytest.raises(pages.MarkerError, match=says):
        pages.expand(f"Text {marker} text", LINKS)


def test_text_without_markers_is_untouched() -> None:
    text = "A [link](x.md), [a] [b] and [[1]](x.md#y) stay."
    assert pages.expand(text, LINKS) == text


def test_disagreeing_sources_are_both_shown_with_the_plan() -> None:
    text = pages.expand("[[figure: seller_response]]", LINKS)
    assert text.startswith(
        "[5 days after the dispute was opened](../calculators/dispute-timeline.md) "
        "(sources [003](../sources.md#source-003 "
    )
    assert ", medium confidence); source [000](../sources.md#source-000 " in text
    assert text.endswith("says 15 days after the dispute was opened, so plan with the earlier date")


@pytest.mark.parametrize(
    ("key", "calculator"),
    [
        ("dispute_opens", "dispute-window"),
        ("dispute_closes.post", "dispute-window"),
        ("return_request", "after-delivery"),
        ("seller_reply", "seller-contact"),
        ("refund_after_resolution", "return-refund"),
        ("cancellation", "cancellation"),
    ],
)
def test_every_deadline_figure_links_to_its_calculator(key: str, calculator: str) -> None:
    assert pages.expand(f"[[figure: {key}]]", LINKS).startswith("[")
    assert f"](../calculators/{calculator}.md) (source" in pages.expand(f"[[figure: {key}]]", LINKS)


def test_context_figures_without_a_calculator_have_no_link() -> None:
    text = pages.expand("[[figure: paypal_dispute]]", LINKS)
    assert text == (
        "180 days after payment (sources [PayPal's help page](../sources.md#source-paypal "
        f'"{policy.SOURCES["paypal"].title}"), [research notes](../sources.md#source-research "'
        f'{policy.SOURCES["research"].title}"), high confidence)'
    )


def test_facts_carry_their_source() -> None:
    assert pages.expand("[[fact: support_phone]]", LINKS).startswith(
        "+86 571-88126600 (source [001](../sources.md#source-001 "
    )


@pytest.mark.parametrize("slug", list(CALCULATORS))
def test_every_calculator_has_a_rules_table_from_its_declaration(slug: str) -> None:
    table = pages.expand(f"[[rules: {slug}]]", LINKS).splitlines()
    assert table[0] == "| Step | When |"
    assert len(table) == 2 + len(CALCULATORS[slug].rules)
    for row, (step, period) in zip(table[2:], CALCULATORS[slug].rules, strict=True):
        assert row.startswith(f"| {_(step)} | {period.describe()} (source")


def test_calculator_list_links_every_page() -> None:
    listing = pages.expand("[[calculators: all]]", pages.Links(root_md="", sources_url="sources/"))
    for slug, calculator in CALCULATORS.items():
        assert f"| [{calculator.title}](calculators/{slug}.md) |" in listing


@pytest.mark.parametrize(
    ("markdown", "shows_one"),
    [
        ("Intro.\n\n[[calculator: dispute-window]]\n", True),
        ("[[ calculator : planner ]]", True),
        ("See [[calculators: all]] and [[rules: planner]].", False),
        ("The [[figure: dispute_opens]] figure.", False),
    ],
)
def test_a_page_starts_the_engine_only_for_a_calculator_on_it(
    markdown: str, shows_one: bool
) -> None:
    built = pages.expand(markdown, pages.Links(root_md="", sources_url="sources/"))
    assert pages.holds_calculator(built) is shows_one
