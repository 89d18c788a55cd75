"""A calculator on a page, used as a reader uses it: by the labels the reader sees."""

from __future__ import annotations

import re
from urllib.parse import urlsplit

from playwright.sync_api import Locator, Page, Route, expect

from calculators.inputs import FACTS, ChoiceInput


def labelled(label: str) -> re.Pattern[str]:
    """A field's accessible name: its label, and "(optional)" where it is."""
    return re.compile(rf"^{re.escape(label)}( \(optional\))?$")


def field(page: Page | Locator, name: str) -> Locator:
    return page.get_by_label(labelled(FACTS[name].label))


def fill(page: Page | Locator, **facts: str) -> None:
    """Answer each question by its visible label: radios, lists and fields alike."""
    for name, value in facts.items():
        spec = FACTS[name]
        if isinstance(spec, ChoiceInput):
            label = next(
                choice.label for choice in spec.choices if value in (choice.value, choice.label)
            )
            if len(spec.choices) <= 4:
                group = page.get_by_role("group", name=labelled(spec.label))
                group.get_by_label(label, exact=True).check()
            else:
                field(page, name).select_option(label=label)
        else:
            field(page, name).fill(value)


def verdict(page: Page | Locator) -> Locator:
    return page.locator("[data-verdict]:not(.calc__pin)")


def verdict_is(page: Page | Locator, state: str, day: str) -> Locator:
    """Wait for the verdict card to say ``state`` and ``day`` (ISO); return the card."""
    card = verdict(page)
    expect(card).to_have_attribute("data-verdict", state)
    expect(card.locator(".calc__verdict-date")).to_have_attribute("datetime", day)
    return card


def follow(page: Page, url: str) -> Locator:
    """Open the calculator at ``url`` as a link in the guide does: Material's instant
    navigation swaps the page in place, and the engine the visit started answers it.
    Returns the calculator, once it is there."""
    page.evaluate(
        """(url) => {
            const link = Object.assign(document.createElement("a"), { href: url, textContent: url });
            document.querySelector("article").append(link);
            link.click();
        }""",
        url,
    )
    slug = urlsplit(url).path.rstrip("/").rsplit("/", 1)[-1]
    calculator = page.locator(f".calc[data-calculator='{slug}']")
    expect(calculator).to_be_attached()
    return calculator


def step(page: Page | Locator, key: str) -> Locator:
    return page.locator(f".calc__deadline[data-key={key}]")


class Held:
    """Requests held back, as a download that has not arrived yet, until ``release``."""

    def __init__(self, page: Page) -> None:
        self.page = page
        self.routes: list[Route] = []
        self.released = False

    def __call__(self, route: Route) -> None:
        if self.released:
            route.continue_()
        else:
            self.routes.append(route)

    def release(self) -> None:
        """Let them through, once the page has asked for at least one."""
        while not self.routes:
            self.page.wait_for_timeout(50)
        self.released = True
        for route in self.routes:
            route.continue_()
