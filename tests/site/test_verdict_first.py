"""Verdict first: what a stressed reader sees on a phone and on a desktop.

"Today" is frozen at Tue 10 Mar 2026. China Post's window: shipped + 39 days;
DHL's: shipped + 23; the first day to open a dispute: shipped + 6.
"""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import Page, expect

from tests.site.calc import Held, field, fill, step, verdict, verdict_is

pytestmark = pytest.mark.browser

PHONE = {"width": 390, "height": 844}
DESKTOP = {"width": 1280, "height": 800}
SCREENS = pytest.mark.parametrize("screen", [PHONE, DESKTOP], ids=["phone", "desktop"])


@SCREENS
@pytest.mark.parametrize(
    ("path", "state", "day"),
    [
        ("calculators/dispute-window/#shipped=2026-03-02&carrier=China+Post", "act", "2026-04-10"),
        # The rule's last day (Mar 7) has passed: check the countdown today.
        ("calculators/after-delivery/#delivered=2026-02-20", "urgent", "2026-03-10"),
        (
            "calculators/planner/#shipped=2026-02-20&carrier=DHL&contacted=2026-03-09",
            "wait",
            "2026-03-12",  # the seller's reply is due before the last day, Mar 15
        ),
    ],
)
def test_from_a_link_the_verdict_is_on_the_first_screen(
    reader: Page, site_url: str, screen: dict, path: str, state: str, day: str
) -> None:
    reader.set_viewport_size(screen)
    reader.goto(site_url + path)
    card = verdict_is(reader, state, day)
    expect(card).to_be_in_viewport()
    expect(card.locator(".calc__verdict-action")).to_be_in_viewport()
    expect(reader.locator(".calc__form")).to_be_hidden()
    expect(reader.locator(".calc__given")).to_contain_text("Change")


@SCREENS
def test_while_typing_the_verdict_stays_on_screen_and_see_what_to_do_shows_it_whole(
    reader: Page, site_url: str, screen: dict
) -> None:
    reader.set_viewport_size(screen)
    reader.goto(site_url + "calculators/dispute-window/")
    fill(reader, shipped="2026-03-02", carrier="China Post")
    pin = reader.locator(".calc__pin")
    expect(pin).to_be_in_viewport()
    expect(pin).to_have_text(re.compile(r"Act · Fri 10 Apr 2026 · in 31 days"))
    pin.hover()  # a tap leaves a phone's link hovered: its words stay white on the colour
    expect(pin).to_have_css("color", "rgb(255, 255, 255)")
    reader.get_by_role("button", name="See what to do").click()
    card = verdict_is(reader, "act", "2026-04-10")
    expect(card).to_be_focused()
    expect(card).to_be_in_viewport()
    expect(pin).to_be_hidden()


def test_the_date_is_twice_the_body_text_and_the_state_is_in_words_and_icon(
    reader: Page, site_url: str
) -> None:
    reader.set_viewport_size(PHONE)
    reader.goto(
        site_url
        + "calculators/dispute-window/#shipped=2026-01-20&carrier=China+Post&protection_left=0"
    )
    card = verdict_is(reader, "late", "2026-03-10")  # the countdown has ended
    sizes = reader.evaluate(
        """() => [
            parseFloat(getComputedStyle(document.querySelector('.calc__verdict-date')).fontSize),
            parseFloat(getComputedStyle(document.querySelector('article > p')).fontSize),
        ]"""
    )
    assert sizes[0] >= 1.75 * sizes[1], sizes
    expect(card.locator(".calc__verdict-head")).to_have_text("Late")
    expect(card.locator(".calc__verdict-head svg")).to_be_visible()
    expect(card.locator(".calc__verdict-when")).to_have_text("Over as of Tue 10 Mar 2026 today")


def test_why_this_date_folds_the_rules_weighed_and_their_disagreement(
    reader: Page, site_url: str
) -> None:
    reader.goto(site_url + "calculators/dispute-window/#shipped=2026-03-02&carrier=China+Post")
    card = verdict_is(reader, "act", "2026-04-10")
    why = card.locator(".calc__why")
    expect(why.locator("ul")).to_be_hidden()
    why.get_by_text("Why this date?").click()
    expect(why).to_contain_text(
        "39 days after shipment, for China Post or Hong Kong Post (source 002)"
    )
    expect(why).to_contain_text(
        "60 days after shipment (source research notes) gives Fri 1 May 2026: this plan keeps the "
        "earlier date."
    )
    why.get_by_role("link", name="002").click()
    expect(reader).to_have_url(re.compile(r"/sources/#source-002$"))


def test_upcoming_dates_come_first_and_steps_that_no_longer_apply_leave(
    reader: Page, site_url: str
) -> None:
    reader.goto(
        site_url + "calculators/planner/#shipped=2026-02-20&carrier=China+Post"
        "&contacted=2026-02-27&opened=2026-03-06"
    )
    verdict_is(reader, "wait", "2026-03-11")  # the seller's answer: opened + 5
    upcoming = reader.locator(".calc__output > ol.calc__deadlines > li")
    expect(upcoming).to_have_count(2)
    expect(upcoming.nth(0)).to_have_attribute("data-key", "seller_response_by")
    expect(upcoming.nth(1)).to_have_attribute("data-key", "escalation_from")
    for gone in ("dispute_closes", "dispute_opens", "seller_reply_by"):
        expect(step(reader, gone)).to_have_count(0)


def test_passed_dates_fold_under_a_count(reader: Page, site_url: str) -> None:
    reader.goto(
        site_url + "calculators/planner/#shipped=2026-02-20&carrier=China+Post&contacted=2026-02-27"
    )
    verdict_is(reader, "act", "2026-03-31")
    passed = reader.locator("details.calc__passed")
    expect(passed.locator("summary")).to_have_text("2 dates already passed")
    expect(step(reader, "dispute_opens")).to_be_hidden()
    passed.locator("summary").click()
    expect(step(reader, "dispute_opens")).to_contain_text("Opened · 12 days ago")


def test_when_every_date_has_passed_the_card_and_the_folded_dates_are_all_there_is(
    reader: Page, site_url: str
) -> None:
    reader.goto(site_url + "calculators/planner/#opened=2026-02-01&agreed=2026-02-10")
    verdict_is(reader, "late", "2026-02-20")  # the return was to be shipped by agreed + 10
    expect(reader.locator("details.calc__passed summary")).to_have_text("1 date already passed")
    expect(reader.locator(".calc__output > h3")).to_have_count(0)  # nothing coming up
    stray = reader.locator(".calc__output").evaluate(
        "output => [...output.childNodes].filter(n => n.nodeType === Node.TEXT_NODE)"
        ".map(n => n.textContent.trim()).join('')"
    )
    assert stray == "", f"text outside the card and the lists: {stray!r}"


@pytest.mark.parametrize(
    "facts",
    [
        {"shipped": "2026-01-30", "carrier": "China Post"},  # the last day is today
        {"shipped": "2026-02-20", "carrier": "Cainiao"},  # the 60-day cap
        {"shipped": "2026-02-20", "carrier": "DHL", "delivered": "2026-03-05"},
    ],
)
def test_the_same_dates_give_the_same_verdict_on_every_calculator(
    reader: Page, site_url: str, facts: dict[str, str]
) -> None:
    said = []
    for path in ("planner", "dispute-window", "after-delivery"):
        reader.goto(f"{site_url}calculators/{path}/")
        fields = dict(facts)
        if path == "planner":
            fields = {"arrived": "yes" if "delivered" in facts else "no", **facts}
        fill(reader, **fields)
        reader.get_by_role("button", name="See what to do").click()
        card = verdict(reader)
        expect(card.locator(".calc__verdict-date")).to_be_visible()
        said.append(card.inner_text())
    assert said[0] == said[1] == said[2], said


def test_dates_travel_from_one_calculator_to_the_next(reader: Page, site_url: str) -> None:
    reader.goto(site_url + "calculators/dispute-window/")
    fill(reader, shipped="2026-02-20", carrier="China Post")
    first = verdict_is(reader, "act", "2026-03-31").inner_text()
    reader.get_by_role("link", name="All my deadlines").first.click()
    expect(reader.get_by_role("heading", level=1, name="All my deadlines")).to_be_visible()
    assert verdict_is(reader, "act", "2026-03-31").inner_text() == first
    expect(reader.locator(".calc__given")).to_contain_text(
        "Date the seller shipped: Fri 20 Feb 2026"
    )
    reader.get_by_role("button", name="Change").click()
    expect(field(reader, "carrier")).to_have_value("China Post")


def test_facts_from_another_calculator_are_shown_and_can_be_left_out(
    reader: Page, site_url: str
) -> None:
    reader.goto(site_url + "calculators/seller-contact/#contacted=2026-03-09&opened=2026-03-09")
    verdict_is(reader, "wait", "2026-03-14")
    carried = reader.locator(".calc__carried")
    expect(carried).to_contain_text(
        "Also counted, from your other answers: Date you opened the dispute: Mon 9 Mar 2026"
    )
    carried.get_by_role("button", name="Leave these out").click()
    verdict_is(reader, "wait", "2026-03-12")
    expect(reader.locator(".calc__carried")).to_have_count(0)


def test_a_date_that_does_not_exist_gets_a_message_once_the_reader_leaves_it(
    reader: Page, site_url: str
) -> None:
    reader.goto(site_url + "calculators/dispute-window/")
    shipped = reader.get_by_label("Date the seller shipped")
    shipped.focus()
    reader.keyboard.type("2026-02-3")  # on its way to the 30th
    error = reader.locator("#calc-dispute-window-shipped-error")
    expect(reader.locator(".calc")).to_have_attribute("data-answers", re.compile(r"^[1-9]"))
    expect(error).to_be_hidden()  # not while the reader is still typing
    reader.keyboard.type("0")
    expect(error).to_have_text("This is not a real date: February 2026 has 28 days.")
    expect(shipped).to_have_attribute("aria-invalid", "true")
    shipped.fill("2026-02")
    field(reader, "carrier").focus()
    expect(error).to_have_text(
        '"2026-02" is not a date: write it as YYYY-MM-DD, such as 2026-10-14 for Wed 14 Oct 2026.'
    )
    expect(shipped).to_have_value("2026-02")  # what the reader typed is kept
    expect(reader.locator(".calc__status")).to_have_text("Check the fields marked below.")


def test_a_day_being_typed_is_not_judged_until_it_is_whole(reader: Page, site_url: str) -> None:
    reader.goto(site_url + "calculators/dispute-window/")
    calc = reader.locator(".calc")
    fill(reader, carrier="DHL")
    expect(calc).to_have_attribute("data-answers", "1")
    reader.get_by_label("Date the seller shipped").focus()
    reader.keyboard.type("2026-03-0")  # on its way to the 2nd
    # The engine has judged what was typed so far (each key asks it)...
    expect(calc).to_have_attribute("data-answers", re.compile(r"^([2-9]|\d\d)$"))
    error = reader.locator("#calc-dispute-window-shipped-error")
    expect(error).to_be_hidden()  # ...and the reader is not told off mid-day
    reader.keyboard.type("2")
    verdict_is(reader, "act", "2026-03-25")
    expect(error).to_be_hidden()


def test_a_date_in_words_is_read_and_the_link_keeps_it_as_iso(reader: Page, site_url: str) -> None:
    reader.goto(site_url + "calculators/dispute-window/")
    fill(reader, shipped="2 March 2026", carrier="DHL")
    verdict_is(reader, "act", "2026-03-25")
    expect(reader).to_have_url(re.compile(r"shipped=2026-03-02"))
    expect(reader.get_by_label("Date the seller shipped")).to_have_value("2 March 2026")


def test_messages_give_dates_the_way_the_field_shows_them(reader: Page, site_url: str) -> None:
    reader.goto(site_url + "calculators/planner/")
    fill(reader, arrived="yes", shipped="2026-03-05", delivered="2026-03-02")
    reader.get_by_role("button", name="See what to do").click()
    expect(reader.locator("#calc-planner-delivered-error")).to_have_text(
        "This is before the shipping date (2026-03-05): check both dates."
    )


def test_a_future_date_for_something_that_happened_is_refused(reader: Page, site_url: str) -> None:
    reader.goto(site_url + "calculators/dispute-window/")
    fill(reader, shipped="2026-04-02", carrier="DHL")
    field(reader, "carrier").focus()
    expect(reader.locator("#calc-dispute-window-shipped-error")).to_have_text(
        "This is after today (2026-03-10): enter the day it happened."
    )
    expect(reader.get_by_label("Date the seller shipped")).to_have_value("2026-04-02")


def test_the_planner_asks_whether_it_arrived_and_only_what_follows(
    reader: Page, site_url: str
) -> None:
    reader.goto(site_url + "calculators/planner/")
    delivered = field(reader, "delivered")
    expect(delivered).to_be_hidden()
    fill(reader, arrived="yes")
    expect(delivered).to_be_visible()
    fill(reader, delivered="2026-03-01")
    verdict_is(reader, "act", "2026-03-16")
    fill(reader, arrived="no")
    expect(delivered).to_be_hidden()
    expect(reader.locator(".calc__status")).to_have_text("Enter your dates to see what to do.")
    fill(reader, arrived="yes")
    expect(delivered).to_have_value("2026-03-01")  # nothing typed is lost
    escalated = field(reader, "escalated")
    reader.get_by_text("What has happened since, if anything").click()
    expect(escalated).to_be_hidden()
    fill(reader, opened="2026-03-05")
    expect(escalated).to_be_visible()


def test_the_countdown_question_is_on_every_dispute_calculator(reader: Page, site_url: str) -> None:
    for path in ("dispute-window", "after-delivery", "seller-contact", "planner"):
        reader.goto(f"{site_url}calculators/{path}/")
        countdown = field(reader, "protection_left")
        expect(countdown).to_be_visible()
        help_id = countdown.get_attribute("aria-describedby").split()[1]
        expect(reader.locator(f"#{help_id}")).to_contain_text("In My Orders")
    fill(reader, shipped="2026-01-01", protection_left="4")
    reader.get_by_role("button", name="See what to do").click()
    verdict_is(reader, "act", "2026-03-14")


def test_the_form_can_be_completed_with_the_keyboard_alone(reader: Page, site_url: str) -> None:
    reader.goto(site_url + "calculators/dispute-window/")
    reader.get_by_label("Date the seller shipped").focus()
    reader.keyboard.type("2026-03-02")
    carrier = field(reader, "carrier")
    reader.keyboard.press("Tab")
    expect(carrier).to_be_focused()
    reader.keyboard.press("ArrowDown")  # DHL, the first carrier
    submit = reader.get_by_role("button", name="See what to do")
    for _ in range(8):  # past the optional fields
        reader.keyboard.press("Tab")
        if submit.evaluate("node => node === document.activeElement"):
            break
    reader.keyboard.press("Enter")
    card = verdict_is(reader, "act", "2026-03-25")
    expect(card).to_be_focused()
    reader.keyboard.press("Tab")
    expect(card.locator(".calc__why summary")).to_be_focused()
    reader.keyboard.press("Enter")
    expect(card.locator(".calc__why ul")).to_be_visible()


def test_remembering_the_order_is_opt_in_and_can_be_forgotten(reader: Page, site_url: str) -> None:
    reader.goto(site_url + "calculators/dispute-window/#shipped=2026-03-02&carrier=DHL")
    verdict_is(reader, "act", "2026-03-25")
    reader.goto(site_url + "calculators/dispute-window/")
    reader.reload()
    expect(reader.locator(".calc__status")).to_have_text("Enter your dates to see what to do.")

    reader.goto(site_url + "calculators/dispute-window/#shipped=2026-03-02&carrier=DHL")
    reader.get_by_label("Remember this order on this device").check()
    reader.goto(site_url + "calculators/planner/")
    reader.reload()
    verdict_is(reader, "act", "2026-03-25")
    reader.get_by_role("button", name="Forget this order").click()
    expect(reader.locator(".calc__remember")).to_contain_text("Forgotten")
    assert reader.evaluate("localStorage.getItem('aliexpress-guide:order')") is None


def test_one_plain_loading_message_and_the_form_works_meanwhile(
    reader: Page, site_url: str
) -> None:
    hold = Held(reader)

    reader.context.route("**/pyodide.asm.wasm.br", hold)
    reader.context.route("**/calculators.snapshot.gz", lambda route: route.fulfill(status=404))
    reader.goto(site_url + "calculators/dispute-window/")
    status = reader.locator(".calc__status")
    expect(status).to_have_text("Enter your dates to see what to do.")
    fill(reader, shipped="2026-03-02", carrier="DHL")
    expect(status).to_have_text("Getting the calculator ready…")
    expect(status.locator("progress")).to_be_visible()
    hold.release()
    verdict_is(reader, "act", "2026-03-25")
    expect(status).to_be_hidden()


def test_the_no_javascript_text_never_flashes(reader: Page, site_url: str) -> None:
    reader.context.route("**/calculators.js", lambda route: None)  # never arrives: no mount
    reader.goto(site_url + "calculators/dispute-window/", wait_until="commit")
    expect(reader.locator(".calc__fallback")).to_be_attached()
    expect(reader.locator(".calc__fallback")).to_be_hidden()


def test_embedding_is_a_small_link_at_the_foot(reader: Page, site_url: str) -> None:
    reader.goto(site_url + "calculators/planner/")
    expect(reader.get_by_text("Embed this calculator on your site", exact=True)).to_have_count(1)
    reader.get_by_role("link", name="Embed this calculator on your site").click()
    expect(reader).to_have_url(re.compile(r"/embedding/#embed-planner$"))
    snippet = reader.locator("#embed-planner").locator("xpath=following-sibling::*[1]")
    expect(snippet).to_contain_text(f'<iframe src="{site_url}embed/planner/"')


def test_a_linked_date_whose_question_is_unanswered_still_counts(
    reader: Page, site_url: str
) -> None:
    reader.goto(site_url + "calculators/planner/#delivered=2026-03-01&contacted=2026-03-09")
    verdict_is(reader, "wait", "2026-03-12")  # the reply (Mar 9 + 3) comes before Mar 16
    expect(reader.locator(".calc__given")).to_contain_text(
        "Date the parcel was delivered: Sun 1 Mar 2026"
    )


def test_a_late_verdict_leads_to_what_can_still_be_done(reader: Page, site_url: str) -> None:
    reader.goto(
        site_url
        + "calculators/dispute-window/#shipped=2026-01-20&carrier=China+Post&protection_left=0"
    )
    card = verdict_is(reader, "late", "2026-03-10")
    card.get_by_role("link", name="What you can still do").click()
    expect(reader).to_have_url(re.compile(r"/beyond/#protection-ended$"))
