"""Browser fixtures: a frozen clock and a record of every request the pages make."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import datetime
from urllib.parse import urlsplit

import pytest
from playwright.sync_api import BrowserContext, Page, expect

from tests.conftest import TODAY

# Python cold-starts in a few seconds here; allow for a slow, busy machine.
ENGINE_TIMEOUT_MS = 60_000
expect.set_options(timeout=ENGINE_TIMEOUT_MS)


@pytest.fixture
def requests_made(context: BrowserContext) -> list[str]:
    """Every URL the pages and their workers ask for."""
    urls: list[str] = []
    context.on("request", lambda request: urls.append(request.url))
    return urls


@pytest.fixture
def reader(
    page: Page, site_url: str, requests_made: list[str], request: pytest.FixtureRequest
) -> Iterator[Page]:
    """A reader's tab on "today" (10 Mar 2026) that must never leave the site's origin;
    one whose browser saves data in a test marked ``saves_data``."""
    page.clock.set_fixed_time(datetime(TODAY.year, TODAY.month, TODAY.day, 12, 0))
    page.set_default_timeout(ENGINE_TIMEOUT_MS)
    if request.node.get_closest_marker("saves_data"):
        save_data(page)
    yield page
    assert_only_local(requests_made, site_url)


def save_data(page: Page) -> None:
    """The reader's browser asks to save data (Save-Data). A guide page is the same, but
    no engine warms up behind it (browser/main.js): for a test that only reads the page,
    the warm-up (and the service worker keeping the engine's files) cost 1.5 to 2
    CPU-seconds on nothing the test looks at. test_engine.py tests the warm-up itself."""
    page.context.new_cdp_session(page).send(
        "Emulation.setDataSaverOverride", {"dataSaverEnabled": True}
    )


def assert_only_local(urls: list[str], *allowed: str) -> None:
    origins = {urlsplit(url)[:2] for url in allowed}
    strays = [
        url
        for url in urls
        if urlsplit(url).scheme not in ("data", "blob") and urlsplit(url)[:2] not in origins
    ]
    assert not strays, f"requests left the site: {strays}"
    assert urls, "no request was recorded at all"
