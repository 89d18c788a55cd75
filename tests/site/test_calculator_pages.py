"""Every calculator page: a form drawn from the Python declaration, and rules without JavaScript."""

from __future__ import annotations

import pytest
from playwright.sync_api import Browser, Page, expect

from calculators import CALCULATORS
from calculators.inputs import ChoiceInput, DateInput
from tests.site.calc import fill, labelled, step, verdict_is

pytestmark = pytest.mark.browser
SLUGS = list(CALCULATORS)


@pytest.mark.parametrize("slug", SLUGS)
def test_every_declared_input_has_a_labelled_control_with_its_help(
    reader: Page, site_url: str, slug: str
) -> None:
    reader.goto(f"{site_url}calculators/{slug}/")
    calculator = CALCULATORS[slug]
    expect(reader.get_by_role("heading", level=1, name=calculator.title)).to_be_visible()
    for spec in calculator.inputs:
        if isinstance(spec, ChoiceInput) and len(spec.choices) <= 4:
            # a folded section's group is hidden from the tree until it is opened
            control = reader.get_by_role("group", name=labelled(spec.label), include_hidden=True)
        else:
            control = reader.get_by_label(labelled(spec.label))
        expect(control).to_be_attached()
        described = [f"calc-{slug}-{spec.name}-{part}" for part in ("error", "help")]
        if isinstance(spec, DateInput):  # how to write it, as GOV.UK's date hint
            described.append(f"calc-{slug}-{spec.name}-hint")
            hint = reader.locator(f"#{described[-1]}")
            expect(hint).to_have_text("YYYY-MM-DD, for example 2026-10-14")
        expect(control).to_have_attribute("aria-describedby", " ".join(described))
        expect(reader.locator(f"#calc-{slug}-{spec.name}-help")).to_have_text(spec.help)


@pytest.mark.parametrize("slug", SLUGS)
def test_without_javascript_the_rules_are_in_a_table(
    browser: Browser, site_url: str, slug: str
) -> None:
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(f"{site_url}calculators/{slug}/")
    expect(page.locator(".calc__fallback")).to_be_visible()
    for _step, period in CALCULATORS[slug].rules:
        expect(page.get_by_role("table").filter(has_text=period.describe()).first).to_be_visible()
    context.close()


def test_the_engine_is_reused_across_calculators(
    reader: Page, site_url: str, requests_made: list[str]
) -> None:
    engines: list[str] = []
    reader.on("worker", lambda worker: engines.append(worker.url))
    reader.goto(f"{site_url}calculators/seller-contact/")
    fill(reader, contacted="2026-03-02")
    verdict_is(reader, "urgent", "2026-03-10")  # the reply was due Mar 5: open a dispute today

    reader.get_by_role("link", name="When will a cancellation go through?").click()  # instant
    fill(reader, requested="2026-03-08")
    expect(step(reader, "cancellation_done").locator("time")).to_have_text(
        "Fri 13 Mar 2026 to Sun 15 Mar 2026"
    )
    assert [url for url in engines if url.endswith("calculators-worker.js")] == [
        f"{site_url}assets/javascripts/calculators-worker.js"
    ]
    assert sum(url.endswith(".wasm.br") for url in requests_made) <= 2
