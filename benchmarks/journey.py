"""The reading journey: a reader reads a guide page, goes to the planner and fills it in.

The planner's form changes (since 95edccc it starts with "Has it arrived?"): its
fields, the way to it and what counts as its result are named here and nowhere else.
The bench times from the reader's last input to the result (``WATCH``).
"""

from __future__ import annotations

from playwright.sync_api import Page

START = "not-arrived/"
READING_MS = 20_000
# The verdict card's date once the planner has one; today's list of deadlines.
RESULT = "[data-verdict] time[datetime], .calc__deadline"
KEY_DELAY_MS = 250  # a person typing on a phone
THINKING_MS = 1_500  # before answering a question, and before picking the carrier


def reading_journey(page: Page, base: str) -> None:
    """The reader's steps, from opening the guide page to their last input."""
    page.goto(base + START)
    page.wait_for_timeout(READING_MS)
    follow_link(page, "calculators/planner/", section="Calculators", title="All my deadlines")
    shipped = page.get_by_label("Date the seller shipped")
    shipped.wait_for()
    arrived = page.get_by_role("group", name="Has it arrived?")
    if arrived.count():  # the planner's first question since 95edccc
        page.wait_for_timeout(THINKING_MS)
        arrived.get_by_role("radio", name="No", exact=True).check()
    shipped.click()
    shipped.press_sequentially("03022026", delay=KEY_DELAY_MS)  # mm/dd/yyyy: the en-US locale
    page.wait_for_timeout(THINKING_MS)
    page.get_by_label("Carrier").select_option(label="China Post")


def follow_link(page: Page, href: str, section: str, title: str) -> None:
    """Tap the article's own link to ``href`` if it has one, else go through the site's menu.

    On a phone's screen Material's menu is a drawer that opens on the page's own section,
    one level at a time: back to the top, into ``section``, then the link ``title``.
    """
    in_text = page.locator(f'article a[href$="{href}"]')
    if in_text.count():
        in_text.first.click()
        return
    nav = page.locator("nav.md-nav--primary")
    menu = page.locator("label.md-header__button[for=__drawer]")
    if menu.is_visible():
        menu.click()
        back = nav.locator("li.md-nav__item--active > nav > label.md-nav__title")
        if back.count():
            back.first.click()
        nav.locator("label.md-nav__link", has_text=section).first.click()
    nav.get_by_role("link", name=title).click()


# Installed in every page before its own scripts: records the last input event (capture
# phase, so before the form's own listeners) and the first moment after it that the result
# is new: a node matching the selector that was not there at that input, or other markup.
WATCH = """selector => {
  const state = window.__journey = {input: null, result: null};
  const matches = () => [...document.querySelectorAll(selector)];
  const markup = () => matches().map(node => node.outerHTML).join("");
  let before = {nodes: new Set(), markup: ""};
  const record = () => {
    state.input = performance.now();
    state.result = null;
    before = {nodes: new Set(matches()), markup: markup()};
  };
  addEventListener("input", record, true);
  addEventListener("change", record, true);
  new MutationObserver(() => {
    if (state.input === null || state.result !== null) return;
    const now = matches();
    if (now.length && (now.some(node => !before.nodes.has(node)) || markup() !== before.markup)) {
      state.result = performance.now();
    }
  }).observe(document, {subtree: true, childList: true, characterData: true, attributes: true});
}"""
