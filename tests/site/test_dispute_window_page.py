"""The "When can I open a dispute?" page, used the way a reader uses it."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import Browser, Page, Route, expect

from tests.site.calc import field, fill, step, verdict, verdict_is

pytestmark = pytest.mark.browser

PATH = "calculators/dispute-window/"


def test_reader_sees_the_verdict_and_both_ends_of_the_window(reader: Page, site_url: str) -> None:
    reader.goto(site_url + PATH)
    fill(reader, shipped="2026-03-02", carrier="China Post")
    card = verdict_is(reader, "act", "2026-04-10")
    expect(card.locator(".calc__verdict-when")).to_have_text(
        "Open a dispute by Fri 10 Apr 2026 in 31 days"
    )
    expect(card.locator(".calc__verdict-action")).to_have_text(
        "Open a dispute from My Orders by this day if the seller has not solved the problem."
    )
    last = step(reader, "dispute_closes")
    expect(last.locator("time")).to_have_text("Fri 10 Apr 2026")
    expect(last).to_contain_text("in 31 days")
    expect(last).to_contain_text(
        "39 days after shipment, for China Post or Hong Kong Post (source 002)"
    )
    reader.locator(".calc__passed summary").click()
    first = step(reader, "dispute_opens")
    expect(first.locator("time")).to_have_attribute("datetime", "2026-03-08")
    expect(first).to_contain_text("Opened · 2 days ago")
    expect(reader.locator(".calc__note")).to_contain_text("Purchase Protection countdown")
    expect(reader.locator(".calc__today")).to_contain_text("Counted from today, Tue 10 Mar 2026.")
    expect(reader.locator(".calc__today")).to_contain_text("independent, not AliExpress")


def test_results_follow_every_change(reader: Page, site_url: str) -> None:
    reader.goto(site_url + PATH)
    fill(reader, shipped="2026-03-02", carrier="DHL")
    verdict_is(reader, "act", "2026-03-25")
    fill(reader, carrier="SF Express")
    verdict_is(reader, "act", "2026-03-29")
    fill(reader, shipped="2026-03-09")
    verdict_is(reader, "wait", "2026-03-15")


def test_source_links_lead_to_the_article(reader: Page, site_url: str) -> None:
    reader.goto(site_url + PATH)
    fill(reader, shipped="2026-03-02", carrier="UPS")
    verdict_is(reader, "act", "2026-03-25")  # UPS's answer, not one drawn before it was chosen
    step(reader, "dispute_closes").get_by_role("link", name="002").click()
    expect(reader).to_have_url(re.compile(r"/sources/#source-002$"))
    expect(reader.locator("#source-002")).to_be_visible()


def test_the_same_answer_again_is_not_redrawn_under_the_readers_finger(
    reader: Page, site_url: str
) -> None:
    """Leaving a field asks the engine again. Were the same answer drawn anew, the link a
    reader is tapping would be replaced between finger down and finger up: no tap."""
    reader.goto(site_url + PATH)
    fill(reader, shipped="2026-03-02", carrier="UPS")
    verdict_is(reader, "act", "2026-03-25")
    calculator = reader.locator(".calc[data-calculator]")
    answers = calculator.get_attribute("data-answers")
    source = step(reader, "dispute_closes").get_by_role("link", name="002")
    source.evaluate("(link) => { window.tapped = link; }")
    field(reader, "carrier").focus()
    reader.get_by_role("heading", level=1).click()  # the field is left: asked again
    expect(calculator).not_to_have_attribute("data-answers", answers or "")
    assert source.evaluate("(link) => link === window.tapped"), "the answer was drawn again"


@pytest.mark.parametrize("carrier", ["Other carrier", "Cainiao", "AliExpress Standard Shipping"])
def test_a_carrier_without_a_published_window_uses_the_cap_and_the_countdown(
    reader: Page, site_url: str, carrier: str
) -> None:
    reader.goto(site_url + PATH)
    fill(reader, shipped="2026-03-02", carrier=carrier)
    verdict_is(reader, "act", "2026-05-01")  # 60 days after shipment
    expect(reader.locator(".calc__note")).to_contain_text(
        "No published rule gives a last day for this carrier"
    )
    fill(reader, protection_left="9")
    verdict_is(reader, "act", "2026-03-19")


def test_a_cleared_field_gets_its_own_message(reader: Page, site_url: str) -> None:
    reader.goto(site_url + PATH)
    fill(reader, shipped="2026-03-02", carrier="DHL")
    verdict_is(reader, "act", "2026-03-25")
    shipped = field(reader, "shipped")
    shipped.fill("")
    shipped.blur()
    reader.get_by_role("button", name="See what to do").click()
    error = reader.locator("#calc-dispute-window-shipped-error")
    expect(error).to_have_text("Enter a date, such as 2026-10-14 for Wed 14 Oct 2026.")
    expect(shipped).to_have_attribute("aria-invalid", "true")
    summary = reader.locator(".calc__problems")  # focus goes to the list of problems
    expect(summary).to_be_focused()
    summary.get_by_role("link", name=re.compile("Date the seller shipped")).click()
    expect(shipped).to_be_focused()
    expect(shipped).to_have_attribute(
        "aria-describedby", re.compile(r"\bcalc-dispute-window-shipped-error\b")
    )
    expect(reader.locator(".calc__status")).to_have_text("Check the fields marked below.")
    expect(reader.locator("#calc-dispute-window-carrier-error")).to_be_hidden()
    expect(verdict(reader)).to_have_count(0)


def test_a_failed_engine_says_so_and_keeps_the_table(reader: Page, site_url: str) -> None:
    reader.context.route("**/pyodide.mjs", lambda route: route.abort())
    reader.goto(site_url + PATH)
    fill(reader, shipped="2026-03-02")
    status = reader.locator(".calc__status")
    expect(status).to_have_text(
        "The calculator could not start in this browser. The rules table on this page gives the "
        "same dates: count the days from your own date."
    )
    expect(status.locator("progress")).to_have_count(0)
    expect(reader.get_by_role("table")).to_contain_text("39 days after shipment")


@pytest.mark.parametrize("failure", ["blocked", "missing"])
def test_an_engine_that_never_starts_is_reported_within_ten_seconds(
    reader: Page, site_url: str, failure: str
) -> None:
    def fail(route: Route) -> None:  # Pyodide neither starts nor rejects on either
        if failure == "blocked":
            route.abort()
        else:
            route.fulfill(status=404, body="")

    reader.context.route("**/pyodide.asm.wasm*", fail)  # either copy
    reader.goto(site_url + PATH)
    fill(reader, shipped="2026-03-02")
    status = reader.locator(".calc__status")
    expect(status).to_contain_text(re.compile("could not start|slow connection"), timeout=15_000)
    expect(reader.get_by_role("table")).to_be_visible()


def test_instant_navigation_mounts_the_calculator(reader: Page, site_url: str) -> None:
    reader.goto(site_url)
    reader.evaluate("window.sameDocument = true")
    reader.get_by_role("link", name="When can I open a dispute?").first.click()
    expect(reader).to_have_url(site_url + PATH)
    fill(reader, shipped="2026-03-02", carrier="FedEx")
    verdict_is(reader, "act", "2026-03-25")
    assert reader.evaluate("window.sameDocument") is True, "the page was fully reloaded"


def test_without_javascript_the_rules_table_is_there(browser: Browser, site_url: str) -> None:
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(site_url + PATH)
    table = page.get_by_role("table")
    expect(table.get_by_role("row").filter(has_text="First day")).to_contain_text(
        "6 days after shipment"
    )
    for carriers, closes in [
        ("DHL, TNT, UPS or FedEx", "23 days after shipment"),
        ("Japan Post EMS or SF Express", "27 days after shipment"),
        ("China Post or Hong Kong Post", "39 days after shipment"),
    ]:
        expect(table.get_by_role("row").filter(has_text=carriers)).to_contain_text(closes)
    expect(table.get_by_role("row").filter(has_text="if nothing came")).to_contain_text(
        "60 days after shipment"
    )
    expect(page.locator(".calc__fallback")).to_contain_text("needs JavaScript")
    context.close()


@pytest.mark.parametrize("width", [360, 390])
def test_fits_a_phone_screen_and_the_carrier_table_becomes_cards(
    reader: Page, site_url: str, width: int
) -> None:
    reader.set_viewport_size({"width": width, "height": 800})
    reader.goto(site_url + PATH + "#shipped=2026-03-02&carrier=Hong+Kong+Post")
    verdict_is(reader, "act", "2026-04-10")
    overflow = reader.evaluate("document.documentElement.scrollWidth - window.innerWidth")
    assert overflow <= 0, f"the page scrolls sideways by {overflow}px"
    reader.goto(site_url + "dispute/")
    cell = reader.locator("table.carrier-windows td").nth(1)
    assert cell.evaluate("td => getComputedStyle(td).display") == "block"
    assert cell.evaluate("td => getComputedStyle(td, '::before').content").startswith('"First day')
