"""The planner, used as a reader uses it: some dates, the timeline, a calendar, a link."""

from __future__ import annotations

from datetime import date, timedelta
from urllib.parse import urlsplit

import icalendar
import pytest
from playwright.sync_api import Page, expect

pytestmark = pytest.mark.browser

PATH = "calculators/planner/"


def fill(page: Page, **dates: str) -> None:
    labels = {
        "shipped": "Date the seller shipped",
        "delivered": "Date the parcel was delivered",
        "contacted": "Date you wrote to the seller",
        "opened": "Date you opened the dispute",
        "escalated": "Date you escalated to AliExpress",
        "agreed": "Date the return was agreed",
    }
    for name, value in dates.items():
        page.get_by_label(labels[name]).fill(value)


def timeline(page: Page) -> list[tuple[str, str, str]]:
    items = page.locator(".calc__deadline")
    return [
        (
            item.locator(".calc__label").inner_text(),
            item.locator(".calc__date").inner_text(),
            item.locator(".calc__when").inner_text(),
        )
        for item in items.all()
    ]


def test_some_dates_give_one_sorted_timeline(reader: Page, site_url: str) -> None:
    reader.goto(site_url + PATH)
    fill(reader, shipped="2026-03-02", delivered="2026-03-09", opened="2026-03-12")
    reader.get_by_label("Carrier").select_option(label="China Post")
    expect(reader.locator(".calc__deadline")).to_have_count(6)
    assert timeline(reader) == [
        ("First day to open a dispute", "Sun 8 Mar 2026", "Passed · 2 days ago"),
        ("The seller must answer the dispute by", "Tue 17 Mar 2026", "in 7 days"),
        ("Last day to ask the seller for a return", "Tue 24 Mar 2026", "in 14 days"),
        ("Last day to open a dispute after delivery", "Tue 24 Mar 2026", "in 14 days"),
        ("You can escalate to AliExpress from", "Fri 27 Mar 2026", "in 17 days"),
        ("Last day to open a dispute", "Fri 10 Apr 2026", "in 31 days"),
    ]
    expect(reader.locator(".calc__summary")).to_contain_text(
        "Next: The seller must answer the dispute by Tue 17 Mar 2026 (in 7 days)."
    )
    disagreement = reader.locator("[data-key=seller_response_by] .calc__disagree")
    expect(disagreement).to_have_text(
        "Sources disagree: 15 days after the dispute was opened (source 000) gives "
        "Fri 27 Mar 2026. This plan keeps the safer date above."
    )


def test_dates_in_the_wrong_order_get_a_message_at_the_field(reader: Page, site_url: str) -> None:
    reader.goto(site_url + PATH)
    fill(reader, shipped="2026-03-09", delivered="2026-03-02")
    error = reader.locator("#calc-planner-delivered-error")
    expect(error).to_have_text(
        "This is before the date the seller shipped (Mon 9 Mar 2026): check both dates."
    )
    expect(reader.get_by_label("Date the parcel was delivered")).to_have_attribute(
        "aria-invalid", "true"
    )
    expect(reader.locator(".calc__deadline")).to_have_count(0)


def test_calendar_download_holds_the_upcoming_deadlines(reader: Page, site_url: str) -> None:
    reader.goto(site_url + PATH)
    fill(reader, contacted="2026-03-02", opened="2026-03-06")
    expect(reader.locator(".calc__deadline")).to_have_count(3)
    expect(reader.locator(".calc__actions")).to_contain_text(
        "2 upcoming, each with a reminder two days before."
    )
    with reader.expect_download() as download:
        reader.get_by_role("button", name="Add to my calendar (.ics)").click()
    assert download.value.suggested_filename == "aliexpress-planner.ics"
    calendar = icalendar.Calendar.from_ical(download.value.path().read_bytes())
    events = {event.decoded("DTSTART"): event for event in calendar.walk("VEVENT")}
    assert sorted(events) == [date(2026, 3, 11), date(2026, 3, 21)]
    assert str(events[date(2026, 3, 11)]["SUMMARY"]).startswith(
        "AliExpress order: The seller must answer"
    )
    (alarm,) = events[date(2026, 3, 21)].walk("VALARM")
    assert alarm.decoded("TRIGGER") == timedelta(days=-2)


def test_a_shared_link_fills_the_form_and_shows_the_results(reader: Page, site_url: str) -> None:
    reader.goto(site_url + PATH + "#shipped=2026-03-02&carrier=DHL&agreed=2026-03-05")
    expect(reader.get_by_label("Date the seller shipped")).to_have_value("2026-03-02")
    expect(reader.get_by_label("Carrier")).to_have_value("DHL")
    expect(reader.locator("[data-key=return_ship_by] .calc__date")).to_have_text("Sun 15 Mar 2026")

    fill(reader, opened="2026-03-09")
    expect(reader.locator("[data-key=escalation_from] .calc__date")).to_have_text("Tue 24 Mar 2026")
    shared = reader.get_by_label("Link to these dates").input_value()
    assert (
        urlsplit(shared).fragment
        == "shipped=2026-03-02&carrier=DHL&opened=2026-03-09&agreed=2026-03-05"
    )
    assert urlsplit(reader.url).fragment == urlsplit(shared).fragment
    assert not urlsplit(shared).query, "the dates must stay out of what is sent to the server"


def test_results_print_without_the_form(reader: Page, site_url: str) -> None:
    reader.goto(site_url + PATH + "#contacted=2026-03-09")
    expect(reader.locator(".calc__deadline")).to_have_count(1)
    reader.emulate_media(media="print")
    expect(reader.locator(".calc__form")).to_be_hidden()
    expect(reader.locator(".calc__actions")).to_be_hidden()
    expect(reader.locator(".calc__given")).to_have_text(
        "Date you wrote to the seller: Mon 9 Mar 2026"
    )
    expect(reader.locator(".calc__deadline")).to_be_visible()
