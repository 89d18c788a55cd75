"""The guide's pages in a browser: the chooser, figures from the policy data, phones, templates."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from playwright.sync_api import Page, expect

from calculators.policy import FACTS, PERIODS, REVIEWED, SOURCES
from calculators.words import spoken
from tests.site.pages import GUIDE, page_id, page_url

pytestmark = pytest.mark.browser
IDS = [page_id(p) for p in GUIDE]


@pytest.mark.parametrize(
    ("situation", "heading"),
    [
        ("It has not shipped yet", "Cancelling before shipment"),
        ("It shipped but never arrived", "Orders that never arrived or never shipped"),
        ("It arrived damaged, wrong or not as described", "Talk to the seller first"),
        ("I changed my mind", "What the return policy covers"),
        ("The seller is not answering", "Opening a dispute"),
        ("My dispute is open", "Escalation and AliExpress's decision"),
    ],
)
def test_the_chooser_leads_to_the_right_page(
    reader: Page, site_url: str, situation: str, heading: str
) -> None:
    reader.goto(site_url)
    card = reader.locator(".situations li").filter(has_text=situation)
    card.get_by_role("link").click()
    expect(reader.get_by_role("heading", level=1, name=heading)).to_be_visible()


def test_changing_your_mind_lands_on_its_section(reader: Page, site_url: str) -> None:
    reader.goto(site_url)
    reader.get_by_role("link", name="Returns when you change your mind").click()
    expect(reader).to_have_url(re.compile(r"/returns-policy/#changed-your-mind$"))
    expect(reader.locator("#changed-your-mind")).to_be_in_viewport()


@pytest.mark.parametrize("source", GUIDE, ids=IDS)
def test_every_figure_on_the_page_is_the_policy_datas(
    reader: Page, site_url: str, source: Path
) -> None:
    markdown = source.read_text(encoding="utf-8")
    reader.goto(site_url + page_url(source))
    text = reader.locator("article").inner_text()
    for key in re.findall(r"\[\[figure:\s*([\w.]+)\]\]", markdown):
        period = PERIODS[key]
        assert period.describe() in text, key
        for claim in period.claims:
            for source_key in claim.sources:
                expect(
                    reader.locator(f"article a[href$='#source-{source_key}']").first
                ).to_be_attached()
    for key in re.findall(r"\[\[fact:\s*(\w+)\]\]", markdown):
        assert FACTS[key].text in text, key
    assert "[[" not in text


@pytest.mark.parametrize("source", GUIDE, ids=IDS)
def test_every_page_fits_a_phone(reader: Page, site_url: str, source: Path) -> None:
    reader.set_viewport_size({"width": 360, "height": 740})
    reader.goto(site_url + page_url(source))
    expect(reader.get_by_role("heading", level=1)).to_be_visible()
    overflow = reader.evaluate("document.documentElement.scrollWidth - window.innerWidth")
    assert overflow <= 0, f"{page_url(source)} scrolls sideways by {overflow}px"


def test_sources_page_lists_the_articles_and_the_review_date(reader: Page, site_url: str) -> None:
    reader.goto(site_url + "sources/")
    for source in SOURCES.values():
        expect(reader.locator(f"#{source.anchor}")).to_contain_text(source.title)
    expect(reader.locator("article")).to_contain_text(
        f"The figures were last checked on {spoken(REVIEWED)}."
    )


def test_a_template_copies_to_the_clipboard(reader: Page, site_url: str) -> None:
    reader.context.grant_permissions(["clipboard-read", "clipboard-write"])
    reader.goto(site_url + "templates/")
    block = reader.locator("#dispute-description ~ div.highlight").first
    block.hover()
    block.get_by_role("button", name=re.compile("Copy")).click()
    copied = reader.evaluate("navigator.clipboard.readText()")
    assert copied.startswith("Order [order number], [item name], delivered on [date].")


def test_the_evidence_checklist_prints_with_boxes_to_tick(reader: Page, site_url: str) -> None:
    reader.goto(site_url + "evidence/")
    reader.emulate_media(media="print")
    expect(reader.locator(".md-sidebar--primary")).to_be_hidden()
    items = reader.locator("article .checklist li")
    assert items.count() >= 15
    box = items.first.evaluate("li => getComputedStyle(li, '::before').borderTopStyle")
    assert box == "solid"


def test_a_whole_chooser_card_can_be_tapped(reader: Page, site_url: str) -> None:
    reader.set_viewport_size({"width": 390, "height": 844})
    reader.goto(site_url)
    text = (
        reader.locator(".situations li")
        .filter(has_text="It shipped but never arrived")
        .get_by_text("The tracking stalled")
    )
    box = text.bounding_box()
    reader.mouse.click(
        box["x"] + 5, box["y"] + box["height"] / 2
    )  # a tap on the words, not the link
    expect(
        reader.get_by_role("heading", level=1, name="Orders that never arrived or never shipped")
    ).to_be_visible()


def test_warnings_read_at_the_body_size_and_the_title_is_the_darkest_heading(
    reader: Page, site_url: str
) -> None:
    reader.goto(site_url + "dispute/")
    sizes = reader.evaluate(
        """() => ['article > p', '.admonition p', 'h1', 'h2'].map(
            (selector) => getComputedStyle(document.querySelector(selector)))"""
        """.map((style) => [parseFloat(style.fontSize), style.color, style.fontWeight])"""
    )
    (body, _, _), (warning, _, _), (_, title, title_weight), (_, subtitle, _) = sizes
    assert warning >= body
    luminance = reader.evaluate(
        """(colours) => colours.map((colour) => {
            const [r, g, b] = colour.match(/\\d+/g).map(Number);
            return 0.2126 * r + 0.7152 * g + 0.0722 * b;
        })""",
        [title, subtitle],
    )
    assert luminance[0] <= luminance[1] and int(title_weight) >= 700
