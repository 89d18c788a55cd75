"""The planner, used as a reader uses it: some dates, the answer, a calendar, a link."""

from __future__ import annotations

from datetime import date, timedelta
from urllib.parse import urlsplit

import icalendar
import pytest
from playwright.sync_api import Page, expect

from tests.site.calc import field, fill, labelled, step, verdict_is

pytestmark = pytest.mark.browser

PATH = "calculators/planner/"


def timeline(page: Page) -> list[tuple[str, str, str]]:
    items = page.locator(".calc__output > ol.calc__deadlines > li")
    return [
        (
            item.locator(".calc__label").inner_text(),
            item.locator(".calc__date").inner_text(),
            item.locator(".calc__when").inner_text(),
        )
        for item in items.all()
    ]


def test_an_opened_dispute_gives_its_own_steps_and_the_disagreement(
    reader: Page, site_url: str
) -> None:
    reader.goto(site_url + PATH)
    fill(reader, arrived="yes", shipped="2026-03-02", delivered="2026-03-05", carrier="China Post")
    verdict_is(reader, "act", "2026-03-20")  # delivered + 15 beats the carrier's Apr 10
    reader.get_by_text("What has happened since, if anything").click()
    fill(reader, opened="2026-03-08")
    verdict_is(reader, "wait", "2026-03-13")
    expect(reader.locator(".calc__output > ol.calc__deadlines > li")).to_have_count(2)
    assert timeline(reader) == [
        ("The seller's answer to your dispute is due", "Fri 13 Mar 2026", "in 3 days"),
        ("You can escalate to AliExpress from", "Mon 23 Mar 2026", "in 13 days"),
    ]
    expect(step(reader, "seller_response_by").locator(".calc__disagree")).to_have_text(
        "15 days after the dispute was opened (source 000) gives Mon 23 Mar 2026: this plan "
        "keeps the earlier date."
    )


def test_dates_in_the_wrong_order_get_a_message_at_the_field(reader: Page, site_url: str) -> None:
    reader.goto(site_url + PATH)
    fill(reader, arrived="yes", shipped="2026-03-09", delivered="2026-03-02")
    error = reader.locator("#calc-planner-delivered-error")
    expect(error).to_have_text("This is before the shipping date (2026-03-09): check both dates.")
    expect(reader.get_by_label("Date the parcel was delivered")).to_have_attribute(
        "aria-invalid", "true"
    )
    expect(reader.locator(".calc__deadline")).to_have_count(0)


def test_calendar_download_holds_the_upcoming_steps_with_the_orders_name(
    reader: Page, site_url: str
) -> None:
    reader.goto(site_url + PATH + "#shipped=2026-03-02&carrier=China+Post&contacted=2026-03-09")
    verdict_is(reader, "wait", "2026-03-12")
    expect(reader.locator(".calc__calendar")).to_contain_text(
        "2 dates to add, each with a reminder two days before."
    )
    reader.get_by_label("Name for this order (optional)").fill("Order 8123")
    with reader.expect_download() as download:
        reader.get_by_role("button", name="Add to my calendar (.ics)").click()
    assert download.value.suggested_filename == "aliexpress-planner.ics"
    calendar = icalendar.Calendar.from_ical(download.value.path().read_bytes())
    events = {event.decoded("DTSTART"): event for event in calendar.walk("VEVENT")}
    assert sorted(events) == [date(2026, 3, 12), date(2026, 4, 10)]
    assert str(events[date(2026, 4, 10)]["SUMMARY"]) == (
        "AliExpress order Order 8123: Last day to open a dispute: Fri 10 Apr 2026"
    )
    (alarm,) = events[date(2026, 3, 12)].walk("VALARM")
    assert alarm.decoded("TRIGGER") == timedelta(days=-2)


def test_a_shared_link_fills_the_form_and_keeps_every_change(reader: Page, site_url: str) -> None:
    reader.goto(site_url + PATH + "#shipped=2026-03-02&carrier=DHL&agreed=2026-03-05")
    verdict_is(reader, "act", "2026-03-25")  # agreed outside a dispute: open one first (DHL)
    reader.get_by_role("button", name="Change").click()
    expect(reader.get_by_label("Date the seller shipped (optional)")).to_have_value("2026-03-02")
    fill(reader, opened="2026-03-09")
    expect(step(reader, "return_ship_by")).to_be_visible()
    shared = reader.get_by_label("Link to these dates").input_value()
    assert (
        urlsplit(shared).fragment
        == "shipped=2026-03-02&carrier=DHL&agreed=2026-03-05&opened=2026-03-09"
    )
    assert urlsplit(reader.url).fragment == urlsplit(shared).fragment
    assert not urlsplit(shared).query, "the dates must stay out of what is sent to the server"


def test_results_print_without_the_form(reader: Page, site_url: str) -> None:
    reader.goto(site_url + PATH + "#contacted=2026-03-09")
    verdict_is(reader, "wait", "2026-03-12")
    reader.emulate_media(media="print")
    expect(reader.locator(".calc__form")).to_be_hidden()
    expect(reader.locator(".calc__actions")).to_be_hidden()
    expect(reader.locator(".calc__given")).to_contain_text(
        "Date you wrote to the seller: Mon 9 Mar 2026"
    )
    expect(reader.locator("[data-verdict]").first).to_be_visible()


def test_a_link_saying_not_arrived_with_a_tracking_date_reads_as_tracking_says_delivered(
    reader: Page, site_url: str
) -> None:
    reader.goto(site_url + PATH + "#arrived=no&delivered=2026-03-01")
    card = verdict_is(reader, "act", "2026-03-16")  # the tracking's date + 15
    expect(card.locator(".calc__verdict-when")).to_have_text(
        "Open a “not received” dispute by Mon 16 Mar 2026 in 6 days"
    )
    expect(card.locator(".calc__verdict-action")).to_contain_text("proof of delivery")
    reader.get_by_role("button", name="Change").click()
    arrived = reader.get_by_role("group", name=labelled("Has it arrived?"))
    expect(
        arrived.get_by_label("Tracking says delivered, but I don't have it", exact=True)
    ).to_be_checked()
    expect(field(reader, "delivered")).to_have_value("2026-03-01")


def test_a_lost_dispute_leads_to_paypal_with_its_date_and_its_claim_rule(
    reader: Page, site_url: str
) -> None:
    reader.goto(site_url + PATH)
    reader.get_by_text("What has happened since, if anything").click()
    fill(reader, opened="2026-02-01", rejected="2026-03-05")
    reader.get_by_text("How you paid, for the routes after AliExpress").click()
    fill(reader, payment="PayPal", paid="2026-01-20")
    card = verdict_is(reader, "act", "2026-07-19")  # paid + 180
    expect(card.locator(".calc__verdict-when")).to_have_text(
        "Open a PayPal dispute by Sun 19 Jul 2026 in 131 days"
    )
    card.get_by_text("Why this date?").click()
    expect(card).to_contain_text(
        "escalate it to a claim no later than 20 days after opening the PayPal dispute"
    )


def test_a_posted_return_is_a_wait_with_nothing_late(reader: Page, site_url: str) -> None:
    reader.goto(site_url + PATH + "#opened=2026-02-20&agreed=2026-02-25&return_posted=2026-03-02")
    card = verdict_is(reader, "wait", "2026-03-10")
    expect(card.locator(".calc__verdict-when")).to_have_text(
        "Keep checking from Tue 10 Mar 2026 today"
    )
    expect(card.locator(".calc__verdict-action")).to_contain_text(
        "Keep the dispute open and follow the return's tracking."
    )
    expect(step(reader, "return_ship_by")).to_have_count(0)


def test_the_case_summary_holds_the_dates_the_deadlines_and_the_evidence_kept(
    reader: Page, site_url: str
) -> None:
    reader.context.grant_permissions(["clipboard-read", "clipboard-write"])
    reader.add_init_script("window.print = () => { window.printed = true; }")
    reader.goto(site_url + "evidence/")
    reader.get_by_label("Remember this order on this device").check()
    reader.get_by_text("Photo of any damage to the outer packaging").click()
    reader.goto(site_url + PATH + "#arrived=yes&delivered=2026-03-02&country=FR")
    card = verdict_is(reader, "act", "2026-03-17")
    expect(card.locator(".calc__verdict-sooner")).to_have_text(
        "Also ends sooner: Last day to withdraw from the purchase (EU law) · in 6 days"
    )
    rights = reader.locator(".calc__verdict").get_by_role("link", name="Your rights where you live")
    assert urlsplit(rights.get_attribute("href")).path.endswith("/rights/")
    assert urlsplit(rights.get_attribute("href")).fragment == "france"
    case = reader.locator(".calc__case")
    case.locator("summary").click()
    paper = case.locator(".calc__case-text")
    expect(paper).to_contain_text("Case summary: an AliExpress order")
    expect(paper).to_contain_text("Date the parcel was delivered")
    expect(paper).to_contain_text("Deadlines still open")
    expect(paper).to_contain_text(
        "Evidence I have collected\n- Photo of any damage to the outer packaging"
    )
    reader.get_by_role("button", name="Copy the summary").click()
    expect(case.locator(".calc__said")).to_have_text(
        "Summary copied: paste it into your claim or complaint."
    )
    assert reader.evaluate("navigator.clipboard.readText()") == paper.inner_text()
    reader.get_by_role("button", name="Print the summary").click()
    assert reader.evaluate("window.printed") is True
    reader.emulate_media(media="print")
    expect(paper).to_be_visible()  # on paper, the summary alone
    expect(reader.locator(".calc__verdict")).to_be_hidden()
    expect(reader.locator("h1")).to_be_hidden()
