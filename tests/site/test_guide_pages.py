"""The guide's pages in a browser: the chooser, figures from the policy data, phones, templates."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import Browser, Page, expect

from calculators.policy import FACTS, PERIODS, REVIEWED, SOURCES
from calculators.words import _, language, spoken
from guide import messages
from tests.site.pages import GUIDE, LANGUAGE_FOLDERS, page_url, read

pytestmark = pytest.mark.browser
MARKDOWN = {page_url(source): source for source in GUIDE}
"""Each English page's address, and its Markdown file."""


@pytest.mark.saves_data
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


@pytest.mark.saves_data
def test_changing_your_mind_lands_on_its_section(reader: Page, site_url: str) -> None:
    reader.goto(site_url)
    reader.get_by_role("link", name="Returns when you change your mind").click()
    expect(reader).to_have_url(re.compile(r"/returns-policy/#changed-your-mind$"))
    expect(reader.locator("#changed-your-mind")).to_be_in_viewport()


@pytest.mark.parametrize("url", read(list(MARKDOWN)))
def test_every_page_says_the_policy_datas_figures_and_fits_a_phone(
    reader: Page, site_url: str, url: str
) -> None:
    reader.set_viewport_size({"width": 360, "height": 740})
    reader.goto(site_url + url)
    expect(reader.get_by_role("heading", level=1)).to_be_visible()
    overflow = reader.evaluate("document.documentElement.scrollWidth - window.innerWidth")
    assert overflow <= 0, f"{url} scrolls sideways by {overflow}px"

    markdown = MARKDOWN[url].read_text(encoding="utf-8")
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


@pytest.mark.saves_data
def test_sources_page_lists_the_articles_and_the_review_date(reader: Page, site_url: str) -> None:
    reader.goto(site_url + "sources/")
    for source in SOURCES.values():
        expect(reader.locator(f"#{source.anchor}")).to_contain_text(source.title)
    expect(reader.locator("article")).to_contain_text(
        f"The figures were last checked on {spoken(REVIEWED)}."
    )


PHONE = {"width": 390, "height": 844}


def test_the_message_builder_fills_a_message_from_the_readers_dates_on_a_phone(
    reader: Page, site_url: str
) -> None:
    reader.set_viewport_size(PHONE)
    reader.context.grant_permissions(["clipboard-read", "clipboard-write"])
    reader.goto(site_url + "calculators/after-delivery/#delivered=2026-03-02")
    expect(reader.locator("[data-verdict]").first).to_be_visible()
    reader.goto(site_url + "templates/#delivered=2026-03-02")
    # The tool on the first screen; where each message goes is one tap away.
    expect(reader.get_by_label("What do you need to write?")).to_be_in_viewport()
    assert reader.locator("details summary").first.bounding_box()["height"] >= 44
    reader.get_by_label("What do you need to write?").select_option(
        label="The dispute's description"
    )
    # the chosen title in full, which a phone's closed list cuts short
    expect(reader.locator("#msg-situation-help strong")).to_have_text("The dispute's description")
    expect(reader.get_by_label("Date the parcel was delivered")).to_have_value("2026-03-02")
    reader.get_by_label("Order number").fill("8123456")
    reader.get_by_label("What is wrong").fill("the lamp does not switch on.")
    message = reader.locator("#msg-text")
    expect(message).to_contain_text("Order 8123456: [Item], delivered on 2 March 2026.")
    expect(message).to_contain_text("The problem: the lamp does not switch on.")
    gaps = message.locator("mark.msg__gap")
    expect(gaps).to_have_text(["[Item]", "[Date you wrote to the seller]", "[What you ask for]"])
    expect(reader.locator(".msg__gaps")).to_have_text(
        "3 gaps left to fill: they are marked in the message."
    )
    copy = reader.get_by_role("button", name="Copy message")
    assert copy.bounding_box()["height"] >= 44
    copy.click()
    assert reader.evaluate("navigator.clipboard.readText()").startswith("Order 8123456: [Item]")
    expect(reader.locator(".msg__said")).to_have_text(
        "Copied, with 3 gaps still in brackets: fill them in where you paste it."
    )
    reader.get_by_label("Item", exact=True).fill("desk lamp")
    reader.get_by_label("Date you wrote to the seller").fill("2026-03-05")
    expect(reader.locator(".msg__gaps")).to_have_text(
        "1 gap left to fill: it is marked in the message."
    )
    expect(message).to_contain_text("on 5 March 2026")
    overflow = reader.evaluate("document.documentElement.scrollWidth - window.innerWidth")
    assert overflow <= 0, f"the page scrolls sideways by {overflow}px"


@pytest.mark.saves_data
def test_every_template_can_be_reached_with_the_keyboard(reader: Page, site_url: str) -> None:
    reader.goto(site_url + "templates/")
    choice = reader.get_by_label("What do you need to write?")
    choice.focus()
    titles = [_(template.title) for template in messages.TEMPLATES]
    for title in titles[1:]:
        reader.keyboard.press("ArrowDown")
        expect(choice.locator("option:checked")).to_have_text(title)
    reader.keyboard.press("Tab")
    expect(
        reader.get_by_label(_(messages.BLANKS[messages.TEMPLATES[-1].blanks[0]].label))
    ).to_be_focused()


@pytest.mark.saves_data
def test_a_link_to_a_template_opens_it_in_the_builder(reader: Page, site_url: str) -> None:
    reader.goto(site_url + "templates/#escalation")
    expect(
        reader.get_by_label("What do you need to write?").locator("option:checked")
    ).to_have_text("To AliExpress: asking it to decide")


def test_without_javascript_every_template_is_on_the_page_with_its_blanks(
    browser: Browser, site_url: str
) -> None:
    context = browser.new_context(java_script_enabled=False, viewport=PHONE)
    page = context.new_page()
    page.goto(site_url + "templates/")
    for template in messages.TEMPLATES:
        expect(page.locator(f"#{template.key}")).to_have_text(
            re.compile(re.escape(_(template.title)))
        )
    expect(page.locator("#dispute-description ~ pre").first).to_contain_text("[Order number]")
    overflow = page.evaluate("document.documentElement.scrollWidth - window.innerWidth")
    assert overflow <= 0
    context.close()


@pytest.mark.saves_data
def test_the_evidence_checklist_ticks_and_counts_on_a_phone(reader: Page, site_url: str) -> None:
    reader.set_viewport_size(PHONE)
    reader.goto(site_url + "evidence/")
    boxes = reader.locator(".checklist input[type=checkbox]")
    total = boxes.count()
    assert total >= 15
    count = reader.locator(".checklist__count")
    expect(count).to_have_text(f"0 of {total} collected")
    reader.get_by_text("Photo of any damage to the outer packaging").click()
    boxes.nth(0).check()
    expect(count).to_have_text(f"2 of {total} collected")
    tap = reader.locator(".checklist label").nth(0).bounding_box()  # the whole line ticks it
    assert tap["height"] >= 44 and tap["width"] >= 300
    assert reader.evaluate("localStorage.getItem('aliexpress-guide:evidence')") is None
    reader.reload()
    expect(count).to_have_text(f"0 of {total} collected")


@pytest.mark.saves_data
def test_the_checklist_shows_what_fits_what_happened_and_keeps_its_count_in_view(
    reader: Page, site_url: str
) -> None:
    reader.set_viewport_size(PHONE)
    reader.goto(site_url + "evidence/")
    reader.evaluate(  # an order kept on the device says it never arrived
        "localStorage.setItem('aliexpress-guide:order', JSON.stringify({arrived: 'no'}))"
    )
    reader.reload()
    situation = reader.get_by_role("group", name="What happened to your order?")
    never = "It never arrived, or tracking says delivered but I don't have it"
    expect(situation.get_by_label(never)).to_be_checked()
    video = reader.get_by_text("unboxing video")
    expect(video).to_be_hidden()  # nothing to unbox
    expect(reader.get_by_role("heading", name="The problem itself")).to_be_hidden()
    shown = reader.locator(".checklist li:visible")
    count = reader.locator(".checklist__count")
    expect(count).to_have_text(f"0 of {shown.count()} collected")
    shown.last.scroll_into_view_if_needed()
    expect(count).to_be_in_viewport()  # the count stays in view down the page
    situation.get_by_label("It arrived with a problem").check()
    expect(video).to_be_visible()
    expect(reader.get_by_text("the return tracking number")).to_be_hidden()
    situation.get_by_label("Show everything").check()
    total = reader.locator(".checklist li").count()
    expect(count).to_have_text(f"0 of {total} collected")
    situation.get_by_label(never).check()
    expect(video).to_be_hidden()
    reader.emulate_media(media="print")
    expect(video).to_be_visible()  # paper has every item


@pytest.mark.saves_data
def test_ticks_are_kept_only_when_the_reader_asks(reader: Page, site_url: str) -> None:
    reader.goto(site_url + "evidence/")
    reader.get_by_label("Remember this order on this device").check()
    reader.locator(".checklist input[type=checkbox]").nth(3).check()
    reader.reload()
    expect(reader.locator(".checklist input[type=checkbox]").nth(3)).to_be_checked()
    reader.get_by_label("Remember this order on this device").uncheck()
    assert reader.evaluate("localStorage.getItem('aliexpress-guide:evidence')") is None


@pytest.mark.saves_data
def test_the_evidence_checklist_still_prints_with_boxes_to_tick(
    reader: Page, site_url: str
) -> None:
    reader.goto(site_url + "evidence/")
    reader.emulate_media(media="print")
    expect(reader.locator(".md-sidebar--primary")).to_be_hidden()
    expect(reader.locator(".checklist-progress")).to_be_hidden()
    expect(reader.locator(".checklist input[type=checkbox]").first).to_be_visible()


@pytest.mark.saves_data
def test_the_sources_page_says_what_each_source_is(reader: Page, site_url: str) -> None:
    reader.goto(site_url + "sources/")
    article = reader.locator("article")
    for term in ("What it is", "Publisher", "Address", "Read", "Figures the guide takes from it"):
        expect(article.get_by_text(term, exact=True)).to_have_count(len(SOURCES))
    expect(article).to_contain_text("DSers")
    expect(article).to_contain_text("A lesson in an online course on shopping at AliExpress.")


@pytest.mark.saves_data
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


@pytest.mark.saves_data
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


@pytest.mark.saves_data
@pytest.mark.parametrize(("folder", "said"), [("fr/", "1er août 2026"), ("pt-br/", "1º de agosto")])
def test_the_message_builder_says_a_months_first_day_the_languages_way(
    reader: Page, site_url: str, folder: str, said: str
) -> None:
    reader.goto(f"{site_url}{folder}templates/#delivered=2026-08-01")
    code = LANGUAGE_FOLDERS[folder.strip("/")]
    with language(code):
        label = _(messages.BLANKS["delivered"].label)
    expect(reader.get_by_label(label).first).to_have_value("01/08/2026")  # typed their way
    expect(reader.locator("#msg-text")).to_contain_text(said)
