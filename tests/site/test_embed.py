"""Calculators embedded in someone else's page: a host on one origin, the site on another."""

from __future__ import annotations

import html
import re
import threading
from collections.abc import Iterator
from datetime import datetime
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from playwright.sync_api import Browser, Page, expect

from calculators import CALCULATORS
from tests.conftest import TODAY
from tests.server import serving
from tests.site.calc import fill, verdict_is
from tests.site.conftest import ENGINE_TIMEOUT_MS, assert_only_local

pytestmark = pytest.mark.browser


def published_snippet(built_site: Path, slug: str) -> str:
    """The snippet exactly as the Embedding page offers it for copying."""
    page = (built_site / "embedding" / "index.html").read_text(encoding="utf-8")
    box = page.split(f'id="embed-{slug}"', 1)[1]
    code = re.search(r"<pre[^>]*>(.*?)</pre>", box, re.S).group(1)
    return html.unescape(re.sub(r"<[^>]+>", "", code)).strip()


@pytest.fixture(scope="module")
def host(tmp_path_factory: pytest.TempPathFactory, built_site: Path) -> Iterator[str]:
    """Another origin with pages that paste our published snippets."""
    folder = tmp_path_factory.mktemp("host")
    for slug in ("dispute-window", "planner"):
        snippet = published_snippet(built_site, slug)
        (folder / f"{slug}.html").write_text(
            f"<!doctype html><title>A shop</title><h1>A shop's help page</h1>{snippet}<p>After.</p>"
        )
        sandboxed = snippet.replace("<iframe ", "<iframe sandbox ")
        (folder / f"{slug}-sandboxed.html").write_text(
            f"<!doctype html><title>Strict</title>{sandboxed}"
        )
    server = serving(str(folder))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{server.server_address[1]}/"
    server.shutdown()
    server.server_close()


@pytest.fixture
def reader(page: Page, site_url: str, host: str, requests_made: list[str]) -> Iterator[Page]:
    """A reader of the host's page: requests may go to the host and to our site, nowhere else."""
    page.clock.set_fixed_time(datetime(TODAY.year, TODAY.month, TODAY.day, 12, 0))
    page.set_default_timeout(ENGINE_TIMEOUT_MS)
    yield page
    assert_only_local(requests_made, site_url, host)
    assert page.context.cookies() == []


def test_the_embedding_page_offers_every_calculators_snippet_for_the_public_address(
    built_site: Path, site_url: str
) -> None:
    for slug, calculator in CALCULATORS.items():
        snippet = published_snippet(built_site, slug)
        assert f'<iframe src="{site_url}embed/{slug}/" title="{calculator.title}"' in snippet
        assert f'<script src="{site_url}assets/javascripts/embed.js" async></script>' in snippet


def frame_fits(page: Page) -> None:
    """The frame's height follows its content (within rounding)."""
    frame = page.frames[1]
    page.wait_for_function(
        """() => {
            const frame = document.querySelector('iframe');
            return frame.style.height !== '';
        }"""
    )
    content = frame.evaluate(
        """() => {
            const inner = document.querySelector('.md-content__inner');
            return inner.getBoundingClientRect().bottom + parseFloat(getComputedStyle(inner).marginBottom);
        }"""
    )
    expect(page.locator("iframe")).to_have_attribute(
        "style", re.compile(rf"height: {round(content)}px|height: {round(content) + 1}px")
    )


def test_the_snippet_works_in_another_sites_page(reader: Page, host: str, site_url: str) -> None:
    reader.goto(host + "dispute-window.html")
    frame = reader.frame_locator("iframe")
    fill(frame, shipped="2026-03-02", carrier="China Post")
    verdict_is(frame, "act", "2026-04-10")
    expect(frame.locator("[data-key=dispute_closes] time")).to_have_text("Fri 10 Apr 2026")
    frame_fits(reader)
    expect(frame.get_by_role("link", name="The full AliExpress refund guide")).to_have_attribute(
        "target", "_blank"
    )
    expect(frame.locator(".md-header, .md-sidebar, .md-footer")).to_have_count(0)


def test_the_frame_grows_and_shrinks_with_the_results(reader: Page, host: str) -> None:
    reader.goto(host + "planner.html")
    frame = reader.frame_locator("iframe")
    fill(frame, shipped="2026-03-02")
    verdict_is(frame, "act", "2026-05-01")
    frame_fits(reader)
    one = reader.locator("iframe").bounding_box()["height"]
    frame.get_by_text("What has happened since, if anything").click()
    fill(frame, contacted="2026-03-03", opened="2026-03-04")
    verdict_is(frame, "urgent", "2026-03-10")
    reader.wait_for_function(
        f"document.querySelector('iframe').getBoundingClientRect().height > {one}"
    )
    frame_fits(reader)


def test_forged_resize_messages_are_ignored(reader: Page, host: str) -> None:
    reader.goto(host + "dispute-window.html")
    frame = reader.frame_locator("iframe")
    expect(frame.locator(".calc__form")).to_be_visible()
    reader.wait_for_function("document.querySelector('iframe').style.height !== ''")
    reader.evaluate(
        """() => {
            window.heights = [];
            new MutationObserver(() => heights.push(document.querySelector('iframe').style.height))
                .observe(document.querySelector('iframe'), {attributes: true});
        }"""
    )
    # From the host's own origin, of the right shape:
    reader.evaluate(
        "window.postMessage({type: 'aliexpress-guide:resize', calculator: 'dispute-window', height: 111}, '*')"
    )
    ours = reader.frames[1]
    # From our origin, but of the wrong shape:
    for forged in [
        "{type: 'aliexpress-guide:resize', calculator: 'x', height: '222'}",
        "{type: 'something-else', calculator: 'x', height: 333}",
        "{type: 'aliexpress-guide:resize', height: 444}",
        "{type: 'aliexpress-guide:resize', calculator: 'x', height: 1e9}",
        "'aliexpress-guide:resize 555'",
    ]:
        ours.evaluate(f"parent.postMessage({forged}, '*')")
    # Then a genuine message, so that everything before it has been handled:
    ours.evaluate(
        "parent.postMessage({type: 'aliexpress-guide:resize', calculator: 'x', height: 666}, '*')"
    )
    reader.wait_for_function("heights.includes('666px')")
    assert reader.evaluate("heights") == ["666px"]


def test_a_frame_without_scripts_still_shows_the_rules(reader: Page, host: str) -> None:
    reader.goto(host + "dispute-window-sandboxed.html")
    frame = reader.frame_locator("iframe")
    expect(frame.locator(".calc__fallback")).to_be_visible()
    table = frame.get_by_role("table")
    expect(table).to_be_visible()
    expect(table).to_contain_text("39 days after shipment")


@pytest.mark.parametrize(
    ("system", "query", "scheme"),
    [
        ("light", "", "default"),
        ("dark", "", "slate"),
        ("light", "?theme=dark", "slate"),
        ("dark", "?theme=light", "default"),
    ],
)
def test_theme_follows_the_parameter_or_the_system(
    browser: Browser, site_url: str, system: str, query: str, scheme: str
) -> None:
    context = browser.new_context(color_scheme=system)
    page = context.new_page()
    page.goto(f"{site_url}embed/planner/{query}")
    expect(page.locator("body")).to_have_attribute("data-md-color-scheme", scheme)
    context.close()


def test_the_frame_loads_only_from_our_origin(
    reader: Page, host: str, site_url: str, requests_made: list[str]
) -> None:
    reader.goto(host + "dispute-window.html")
    frame = reader.frame_locator("iframe")
    fill(frame, shipped="2026-03-02", carrier="DHL")
    verdict_is(frame, "act", "2026-03-25")
    from_host = [url for url in requests_made if url.startswith(host)]
    assert {urlsplit(url).path for url in from_host} <= {"/dispute-window.html", "/favicon.ico"}


BLOCKED_STORAGE = """(() => {
    const deny = () => { throw new DOMException("The operation is insecure.", "SecurityError"); };
    Object.defineProperty(window, "localStorage", { get: deny, configurable: true });
    Object.defineProperty(window, "sessionStorage", { get: deny, configurable: true });
})();"""


def test_an_embed_with_its_storage_blocked_raises_no_error(reader: Page, host: str) -> None:
    errors: list[str] = []
    reader.on("pageerror", lambda error: errors.append(str(error)))  # uncaught, in any frame
    reader.context.add_init_script(BLOCKED_STORAGE)  # as a browser blocking third-party storage
    reader.goto(host + "dispute-window.html")
    frame = reader.frame_locator("iframe")
    fill(frame, shipped="2026-03-02", carrier="DHL")
    verdict_is(frame, "act", "2026-03-25")
    frame.get_by_label("Remember this order on this device").check()  # asks, cannot keep
    assert errors == []
