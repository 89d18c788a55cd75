"""The phone pass: at 320-430 px, in every language, what a reader sees fits, wraps, and
can be hit with a thumb; states cannot be misread; links land with their answers set."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import Locator, Page, expect

from calculators import CALCULATORS
from calculators.words import _, language
from tests.site.calc import Held, field, fill, follow, verdict, verdict_is
from tests.site.pages import LANGUAGE_FOLDERS, read, with_sample_dates

pytestmark = pytest.mark.browser

FOLDERS = ["", *(f"{folder}/" for folder in LANGUAGE_FOLDERS)]
LANGUAGE_IDS = ["en", *LANGUAGE_FOLDERS]
PHONES = [{"width": 360, "height": 800}, {"width": 390, "height": 844}]
TAP = 44  # px, each way

# Every element in the article that shows: it must lie within the article's column and
# the screen, and must not hold more than it shows (a text field's value scrolls by design).
OUTSIDE_ITS_BOX = """() => {
  const screen = document.documentElement.clientWidth;
  const frame = document.querySelector("article").getBoundingClientRect();
  const right = Math.min(screen, frame.right) + 1;
  const left = Math.max(0, frame.left) - 1;
  const named = (node) =>
    `${node.tagName.toLowerCase()}.${[...node.classList].join(".")} ` +
    `"${node.textContent.trim().slice(0, 40)}"`;
  const problems = [];
  for (const node of document.querySelectorAll("article *")) {
    const box = node.getBoundingClientRect();
    const style = getComputedStyle(node);
    if (box.width === 0 || box.height === 0 || style.visibility === "hidden") continue;
    if (box.right > right || box.left < left) {
      problems.push(`${named(node)} spans ${box.left}..${box.right} of ${left}..${right}`);
    } else if (
      node.scrollWidth > node.clientWidth + 1 &&
      style.overflowX !== "visible" &&
      !["INPUT", "TEXTAREA", "SELECT"].includes(node.tagName)
    ) {
      problems.push(`${named(node)} clips ${node.scrollWidth}px to ${node.clientWidth}px`);
    }
  }
  if (document.documentElement.scrollWidth > screen)
    problems.push(`the page scrolls sideways: ${document.documentElement.scrollWidth}px`);
  return problems;
}"""

CALCULATOR_PAGES = [with_sample_dates(f"calculators/{slug}/") for slug in CALCULATORS]


def fits_a_phone(page: Page) -> None:
    """Nothing in the article is wider than its column or clipped, at each phone's width."""
    # Folded text counts: a reader opens it.
    page.evaluate("document.querySelectorAll('article details').forEach(d => d.open = true)")
    for screen in PHONES:
        page.set_viewport_size(screen)
        assert page.evaluate(OUTSIDE_ITS_BOX) == [], (page.url, screen)


@pytest.mark.parametrize("folder", FOLDERS, ids=LANGUAGE_IDS)
def test_no_calculator_is_wider_than_its_column_or_clipped_on_a_phone(
    reader: Page, site_url: str, folder: str
) -> None:
    """Every calculator, answered from a link and its form opened, as a reader goes from
    one to the next in a visit (one engine answers them all)."""
    for number, path in enumerate(CALCULATOR_PAGES):
        reader.set_viewport_size(PHONES[0])
        url = f"{site_url}{folder}{path}"
        if number == 0:
            reader.goto(url)
            calculator = reader.locator(".calc")
        else:
            calculator = follow(reader, url)
        expect(verdict(calculator)).to_be_visible()
        calculator.locator(".calc__given").get_by_role("button").first.click()  # the form too
        expect(calculator.locator(".calc__form")).to_be_visible()
        fits_a_phone(reader)


@pytest.mark.parametrize("path", read(["templates/", "evidence/", "rights/"]))
@pytest.mark.parametrize("folder", FOLDERS, ids=LANGUAGE_IDS)
def test_no_guide_page_is_wider_than_its_column_or_clipped_on_a_phone(
    reader: Page, site_url: str, folder: str, path: str
) -> None:
    reader.set_viewport_size(PHONES[0])
    reader.goto(f"{site_url}{folder}{path}")
    fits_a_phone(reader)


def big_enough(target: Locator) -> None:
    box = target.bounding_box()
    assert box is not None, target
    # Rounded: a menu sliding open measures 43.99999 px on its way.
    assert round(box["width"]) >= TAP and round(box["height"]) >= TAP, (target, box)


@pytest.mark.saves_data
@pytest.mark.parametrize("folder", FOLDERS, ids=LANGUAGE_IDS)
def test_every_situation_card_and_header_button_is_a_thumbs_width(
    reader: Page, site_url: str, folder: str
) -> None:
    reader.set_viewport_size(PHONES[0])
    reader.goto(f"{site_url}{folder}")
    cards = reader.locator(".situations li")
    expect(cards).to_have_count(7)
    for card in cards.all():
        big_enough(card)
        # The whole card is the link: a tap near any corner, or in the middle, follows it.
        card.scroll_into_view_if_needed()
        box = card.bounding_box()
        assert box is not None
        for x, y in [(0.1, 0.1), (0.9, 0.1), (0.5, 0.5), (0.1, 0.9), (0.9, 0.9)]:
            hit = reader.evaluate(
                "([x, y]) => document.elementFromPoint(x, y).closest('a')?.href ?? null",
                [box["x"] + x * box["width"], box["y"] + y * box["height"]],
            )
            assert hit == card.get_by_role("link").evaluate("a => a.href"), (card, x, y)
    buttons = reader.locator(".md-header .md-header__button:visible")
    assert buttons.count() >= 4  # menu, colours, languages, search
    for button in buttons.all():
        big_enough(button)
    reader.locator(".md-header .md-select button").click()
    links = reader.locator(".md-select__link")
    expect(links.first).to_be_visible()
    expect(links).to_have_count(4)
    for link in links.all():
        big_enough(link)


@pytest.mark.parametrize("folder", FOLDERS, ids=LANGUAGE_IDS)
def test_the_verdicts_links_and_the_remember_box_are_a_thumbs_width(
    reader: Page, site_url: str, folder: str
) -> None:
    reader.set_viewport_size(PHONES[0])
    reader.goto(
        f"{site_url}{folder}calculators/dispute-window/"
        "#shipped=2026-01-20&carrier=China+Post&protection_left=0"
    )
    card = verdict_is(reader, "late", "2026-03-10")
    links = card.locator(".calc__next a")
    expect(links).to_have_count(2)  # what can still be done, and the reader's rights
    for link in links.all():
        big_enough(link)
    big_enough(reader.locator("label").filter(has=reader.locator("#calc-dispute-window-remember")))
    reader.goto(f"{site_url}{folder}calculators/dispute-window/#shipped=2026-03-02&carrier=DHL")
    card = verdict_is(reader, "act", "2026-03-25")
    card.locator(".calc__why summary").click()
    sources = card.locator(".calc__why a")
    expect(sources.first).to_be_visible()
    for source in sources.all():
        big_enough(source)


@pytest.mark.parametrize(
    ("link", "state", "day"),
    [
        ("#shipped=2026-03-02&carrier=China+Post", "act", "2026-04-10"),
        ("#shipped=2026-02-20&carrier=DHL&contacted=2026-03-09", "wait", "2026-03-12"),
        ("#delivered=2026-02-20", "urgent", "2026-03-10"),
        ("#shipped=2026-01-20&carrier=China+Post&protection_left=0", "late", "2026-03-10"),
    ],
)
def test_each_state_has_its_own_icon_and_acting_is_not_a_tick(
    reader: Page, site_url: str, link: str, state: str, day: str
) -> None:
    reader.goto(f"{site_url}calculators/planner/{link}")
    card = verdict_is(reader, state, day)
    shape = {"wait": "clock", "act": "calendar", "urgent": "warning", "late": "cross"}[state]
    expect(card.locator(".calc__verdict-head svg")).to_have_attribute("data-icon", shape)
    # Never colour alone: the state is said in words beside the icon.
    expect(card.locator(".calc__verdict-head")).not_to_have_text("")


@pytest.mark.parametrize("folder", FOLDERS, ids=LANGUAGE_IDS)
def test_how_long_if_it_never_came_opens_the_planner_with_not_arrived_set(
    reader: Page, site_url: str, folder: str
) -> None:
    reader.goto(f"{site_url}{folder}not-arrived/")
    reader.locator("article a.md-button--primary[href*='calculators/planner/']").first.click()
    expect(reader).to_have_url(f"{site_url}{folder}calculators/planner/#arrived=no")
    expect(reader.locator("input[name=arrived][value=no]")).to_be_checked()
    expect(reader.locator("#calc-planner-delivered")).to_be_hidden()


def test_an_empty_submit_lists_each_problem_at_the_top_each_leading_to_its_field(
    reader: Page, site_url: str
) -> None:
    reader.set_viewport_size(PHONES[0])
    reader.goto(site_url + "calculators/dispute-window/")
    reader.get_by_role("button", name="See what to do").click()
    summary = reader.locator(".calc__problems")
    expect(summary).to_be_focused()
    expect(summary.get_by_role("heading")).to_have_text("There is a problem")
    links = summary.get_by_role("link")
    expect(links).to_have_count(2)
    expect(links.nth(0)).to_contain_text("Date the seller shipped")
    expect(links.nth(0)).to_contain_text("Enter a date")
    expect(links.nth(1)).to_contain_text("Choose DHL")
    expect(field(reader, "shipped")).to_have_attribute("aria-invalid", "true")
    expect(field(reader, "carrier")).to_have_attribute("aria-invalid", "true")
    links.nth(1).click()
    expect(field(reader, "carrier")).to_be_focused()
    fill(reader, carrier="DHL")
    expect(links).to_have_count(1)  # the summary follows what is left to fix
    expect(links.first).to_contain_text("Date the seller shipped")


def test_the_summary_gives_the_engines_own_words_and_the_planner_marks_a_date(
    reader: Page, site_url: str
) -> None:
    reader.goto(site_url + "calculators/dispute-window/#shipped=2026-02-30&carrier=DHL")
    reader.get_by_role("button", name="See what to do").click()
    summary = reader.locator(".calc__problems")
    expect(summary.get_by_role("link")).to_have_text(re.compile(r"February 2026 has 28 days"))
    reader.goto(site_url + "calculators/planner/")
    reader.get_by_role("button", name="See what to do").click()
    expect(summary.get_by_role("link")).to_contain_text("Enter at least one date")
    expect(field(reader, "shipped")).to_have_attribute("aria-invalid", "true")
    summary.get_by_role("link").click()
    expect(field(reader, "shipped")).to_be_focused()


def test_a_calendar_name_with_invisible_characters_says_what_was_left_out(
    reader: Page, site_url: str
) -> None:
    reader.goto(site_url + "calculators/dispute-window/#shipped=2026-03-02&carrier=DHL")
    verdict_is(reader, "act", "2026-03-25")
    reader.get_by_label("Name for this order (optional)").fill("Order \u202e321")
    with reader.expect_download():
        reader.get_by_role("button", name="Add to my calendar (.ics)").click()
    expect(reader.locator("#calc-dispute-window-label-said")).to_have_text(
        "Invisible characters were left out of the name: the calendar shows “Order 321”."
    )


@pytest.mark.parametrize("folder", FOLDERS, ids=LANGUAGE_IDS)
def test_from_a_link_the_wait_is_said_where_the_answer_will_be(
    reader: Page, site_url: str, folder: str
) -> None:
    hold = Held(reader)

    reader.set_viewport_size(PHONES[0])
    reader.context.route("**/pyodide.asm.wasm.br", hold)
    reader.context.route("**/calculators.snapshot.gz", lambda route: route.fulfill(status=404))
    reader.goto(f"{site_url}{folder}calculators/dispute-window/#shipped=2026-03-02&carrier=DHL")
    status = reader.locator(".calc__status")
    with language(LANGUAGE_FOLDERS.get(folder.strip("/"), "en")):
        expect(status).to_have_text(_("Working out your dates: your answer will appear here."))
    expect(status).to_be_in_viewport()
    hold.release()
    card = verdict_is(reader, "act", "2026-03-25")
    expect(card).to_be_in_viewport()
    expect(status).to_be_hidden()
