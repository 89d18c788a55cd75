"""The "When can I open a dispute?" page, used the way a reader uses it."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import Browser, Page, Route, expect

pytestmark = pytest.mark.browser

PATH = "calculators/dispute-window/"


def deadline(page: Page, label: str):
    return page.locator(".calc__deadline").filter(has_text=label)


def enter(page: Page, shipped: str, carrier: str) -> None:
    """Fill the form by its visible labels, as a reader does."""
    page.get_by_label("Date the seller shipped").fill(shipped)
    page.get_by_label("Carrier").select_option(label=carrier)


def test_reader_sees_both_ends_of_the_window(reader: Page, site_url: str) -> None:
    reader.goto(site_url + PATH)
    enter(reader, "2026-03-02", "China Post")

    expect(reader.locator(".calc__summary")).to_have_text(
        "The dispute window is open: 31 days left, until Fri 10 Apr 2026."
    )
    first, last = (
        deadline(reader, "First day to open a dispute"),
        deadline(reader, "Last day to open a dispute"),
    )
    expect(first.locator("time")).to_have_text("Sun 8 Mar 2026")
    expect(first.locator("time")).to_have_attribute("datetime", "2026-03-08")
    expect(first).to_contain_text("2 days ago")
    expect(first).to_contain_text("6 days after shipment · source 002")
    expect(last.locator("time")).to_have_text("Fri 10 Apr 2026")
    expect(last).to_contain_text("in 31 days")
    expect(last).to_contain_text("39 days after shipment for China Post or Hong Kong Post")
    expect(reader.locator(".calc__note")).to_contain_text("Purchase Protection countdown")
    expect(reader.locator(".calc__today")).to_have_text("Counted from today, Tue 10 Mar 2026.")


def test_results_follow_every_change(reader: Page, site_url: str) -> None:
    reader.goto(site_url + PATH)
    enter(reader, "2026-03-02", "DHL")
    expect(deadline(reader, "Last day").locator("time")).to_have_text("Wed 25 Mar 2026")

    reader.get_by_label("Carrier").select_option(label="SF Express")
    expect(deadline(reader, "Last day").locator("time")).to_have_text("Sun 29 Mar 2026")

    reader.get_by_label("Date the seller shipped").fill("2026-03-09")
    expect(reader.locator(".calc__summary")).to_have_text(
        "The dispute window is not open yet: it opens in 5 days, on Sun 15 Mar 2026."
    )


def test_source_links_lead_to_the_article(reader: Page, site_url: str) -> None:
    reader.goto(site_url + PATH)
    enter(reader, "2026-03-02", "UPS")
    deadline(reader, "First day").get_by_role("link", name="002").click()
    expect(reader).to_have_url(re.compile(r"/sources/#source-002$"))
    expect(reader.locator("#source-002")).to_be_visible()


def test_other_carrier_points_to_the_countdown(reader: Page, site_url: str) -> None:
    reader.goto(site_url + PATH)
    enter(reader, "2026-03-02", "Other carrier")
    expect(reader.locator(".calc__summary")).to_contain_text(
        "read its Purchase Protection countdown"
    )
    expect(reader.locator(".calc__deadline")).to_have_count(1)
    expect(reader.locator(".calc__note")).to_contain_text("does not guess the last day")


def test_a_cleared_field_gets_its_own_message(reader: Page, site_url: str) -> None:
    reader.goto(site_url + PATH)
    shipped = reader.get_by_label("Date the seller shipped")
    shipped.fill("2026-03-02")
    reader.get_by_label("Carrier").select_option(label="DHL")
    expect(reader.locator(".calc__summary")).to_be_visible()

    shipped.fill("")
    error = reader.locator("#calc-dispute-window-shipped-error")
    expect(error).to_have_text("Enter a date, such as 2026-03-02.")
    expect(shipped).to_have_attribute("aria-invalid", "true")
    expect(shipped).to_have_attribute(
        "aria-describedby", re.compile(r"\bcalc-dispute-window-shipped-error\b")
    )
    expect(reader.locator(".calc__output")).to_have_text(
        "To see your deadlines, check: Date the seller shipped."
    )
    expect(reader.locator("#calc-dispute-window-carrier-error")).to_be_hidden()


def test_works_with_the_keyboard_alone(reader: Page, site_url: str) -> None:
    reader.goto(site_url + PATH)
    reader.get_by_label("Date the seller shipped").focus()
    reader.keyboard.type("03022026")  # the date field's own order in Chromium's en-US locale
    carrier = reader.get_by_label("Carrier")
    for _ in range(3):  # the date field's calendar button takes one stop
        reader.keyboard.press("Tab")
        if carrier.evaluate("node => node === document.activeElement"):
            break
    expect(carrier).to_be_focused()
    reader.keyboard.press("ArrowDown")  # DHL, the first carrier
    expect(deadline(reader, "Last day").locator("time")).to_have_text("Wed 25 Mar 2026")


def test_progress_shows_while_python_loads(reader: Page, site_url: str) -> None:
    held: list[Route] = []
    reader.context.route("**/pyodide.asm.wasm", lambda route: held.append(route))
    reader.goto(site_url + PATH)
    engine = reader.locator(".calc__engine")
    expect(engine).to_be_visible()
    expect(engine).to_contain_text("calculator engine")
    expect(engine.locator("progress")).to_be_visible()
    reader.get_by_label("Date the seller shipped").fill("2026-03-02")
    reader.get_by_label("Carrier").select_option(label="DHL")

    while not held:
        reader.wait_for_timeout(50)
    held[0].continue_()
    expect(deadline(reader, "Last day").locator("time")).to_have_text("Wed 25 Mar 2026")
    expect(engine).to_be_hidden()


def test_a_failed_engine_says_so_and_keeps_the_table(reader: Page, site_url: str) -> None:
    reader.context.route("**/pyodide.mjs", lambda route: route.abort())
    reader.goto(site_url + PATH)
    reader.get_by_label("Date the seller shipped").fill("2026-03-02")
    expect(reader.locator(".calc__engine")).to_contain_text(
        "The calculator could not start in this browser"
    )
    expect(reader.locator(".calc__engine progress")).to_have_count(0)
    expect(reader.get_by_role("table")).to_contain_text("39 days after shipment")


@pytest.mark.parametrize("failure", ["blocked", "missing"])
def test_an_engine_that_never_starts_is_given_up_on_within_ten_seconds(
    reader: Page, site_url: str, failure: str
) -> None:
    def fail(route: Route) -> None:  # Pyodide neither starts nor rejects on either
        if failure == "blocked":
            route.abort()
        else:
            route.fulfill(status=404, body="")

    reader.context.route("**/pyodide.asm.wasm", fail)
    reader.goto(site_url + PATH)
    engine = reader.locator(".calc__engine")
    expect(engine).to_contain_text("taking unusually long to start", timeout=15_000)
    expect(engine).to_contain_text("the table on this page gives the same rules")
    expect(engine.locator("progress")).to_have_count(0)
    expect(reader.get_by_role("table")).to_be_visible()


def test_instant_navigation_mounts_the_calculator(reader: Page, site_url: str) -> None:
    reader.goto(site_url)
    reader.evaluate("window.sameDocument = true")
    reader.get_by_role("link", name="When can I open a dispute?").first.click()
    expect(reader).to_have_url(site_url + PATH)
    reader.get_by_label("Date the seller shipped").fill("2026-03-02")
    reader.get_by_label("Carrier").select_option(label="FedEx")
    expect(deadline(reader, "Last day").locator("time")).to_have_text("Wed 25 Mar 2026")
    assert reader.evaluate("window.sameDocument") is True, "the page was fully reloaded"


def test_without_javascript_the_table_is_there(browser: Browser, site_url: str) -> None:
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(site_url + PATH)
    table = page.get_by_role("table")
    for carriers, closes in [
        ("DHL, TNT, UPS or FedEx", "23 days after shipment"),
        ("Japan Post EMS or SF Express", "27 days after shipment"),
        ("China Post or Hong Kong Post", "39 days after shipment"),
    ]:
        row = table.get_by_role("row").filter(has_text=carriers)
        expect(row).to_contain_text("6 days after shipment")
        expect(row).to_contain_text(closes)
    expect(page.locator(".calc__fallback")).to_contain_text("needs JavaScript")
    context.close()


def test_fits_a_phone_screen_without_sideways_scrolling(reader: Page, site_url: str) -> None:
    reader.set_viewport_size({"width": 360, "height": 740})
    reader.goto(site_url + PATH)
    enter(reader, "2026-03-02", "Hong Kong Post")
    expect(deadline(reader, "Last day").locator("time")).to_have_text("Fri 10 Apr 2026")
    overflow = reader.evaluate("document.documentElement.scrollWidth - window.innerWidth")
    assert overflow <= 0, f"the page scrolls sideways by {overflow}px"
