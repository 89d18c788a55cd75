"""The offline build, as a reader uses it: unzipped anywhere and opened from disk."""

from __future__ import annotations

import os
import subprocess
import zipfile
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from playwright.sync_api import Browser, Page, expect

from tests.conftest import PROJECT, TODAY
from tests.site.calc import fill, verdict_is

pytestmark = [pytest.mark.browser, pytest.mark.xdist_group("offline")]  # one build of the zip
LIMIT_MB = 28
"""Four languages: the English site with the engine (about 16 MB unpacked) and about 3 MB
for each other language; 24.9 MB measured on 2026-11-23, 8.1 MB zipped."""


PUBLIC = "https://example.github.io/aliexpress-returns-guide/"


@pytest.fixture(scope="module")
def unzipped(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """`make offline`'s archive, built as the deploy builds it and unpacked into a fresh
    folder; the checkout's own dist/ and build/ are left alone."""
    out = tmp_path_factory.mktemp("offline")
    made = subprocess.run(
        ["make", "offline", f"DIST={out}", f"STAGE={out}"],
        cwd=PROJECT,
        capture_output=True,
        text=True,
        env={**os.environ, "SITE_URL": PUBLIC},
    )
    assert made.returncode == 0, made.stdout + made.stderr
    (archive,) = out.glob("aliexpress-returns-guide-offline-*.zip")
    folder = tmp_path_factory.mktemp("downloads")
    with zipfile.ZipFile(archive) as opened:
        opened.extractall(folder)
    (root,) = folder.iterdir()
    return root


@pytest.fixture
def offline_reader(browser: Browser) -> Iterator[Page]:
    """A tab whose every request must stay on the disk."""
    context = browser.new_context()
    page = context.new_page()
    page.set_default_timeout(90_000)
    requests: list[str] = []
    context.on("request", lambda request: requests.append(request.url))
    yield page
    assert requests
    assert {urlsplit(url).scheme for url in requests} <= {"file", "data", "blob"}, requests
    context.close()


def test_the_archive_is_small_enough(unzipped: Path) -> None:
    size = sum(path.stat().st_size for path in unzipped.rglob("*") if path.is_file())
    assert size < LIMIT_MB * 1024 * 1024
    assert not (unzipped / "assets" / "pyodide").exists(), "the online engine files stay out"


def test_a_calculator_works_from_disk(offline_reader: Page, unzipped: Path) -> None:
    # Frozen here only: the theme's search debounces on the clock.
    offline_reader.clock.set_fixed_time(f"{TODAY.isoformat()}T12:00:00")
    offline_reader.goto((unzipped / "calculators" / "dispute-window.html").as_uri())
    fill(offline_reader, shipped="2026-03-02", carrier="China Post")
    closes = offline_reader.locator("[data-key=dispute_closes]")
    expect(closes.locator("time")).to_have_text("Fri 10 Apr 2026", timeout=90_000)
    expect(closes).to_contain_text("in 31 days")


def test_navigation_links_work_from_disk(offline_reader: Page, unzipped: Path) -> None:
    offline_reader.goto((unzipped / "index.html").as_uri())
    offline_reader.get_by_role("link", name="Orders that never arrived").click()
    expect(offline_reader).to_have_url((unzipped / "not-arrived.html").as_uri())
    offline_reader.locator("article").get_by_role("link", name="cancelling before shipment").click()
    expect(offline_reader).to_have_url((unzipped / "cancel.html").as_uri())
    expect(
        offline_reader.get_by_role("heading", level=1, name="Cancelling before shipment")
    ).to_be_visible()


def test_search_works_from_disk(offline_reader: Page, unzipped: Path) -> None:
    offline_reader.goto((unzipped / "index.html").as_uri())
    query = offline_reader.get_by_label("Search", exact=True).first
    query.click()
    query.press_sequentially("escalate", delay=30)  # typed, as Material listens for keys
    expect(offline_reader.locator(".md-search-result__item").first).to_be_visible()
    expect(offline_reader.locator(".md-search-result")).to_contain_text("Escalation")


def test_the_offline_copy_says_so_instead_of_offering_a_download(
    offline_reader: Page, unzipped: Path
) -> None:
    offline_reader.goto((unzipped / "offline.html").as_uri())
    expect(offline_reader.locator("article")).to_contain_text("You are reading the offline copy")


def test_the_not_found_page_works_from_disk(offline_reader: Page, unzipped: Path) -> None:
    offline_reader.goto((unzipped / "404.html").as_uri())
    expect(offline_reader.locator(".md-header")).to_be_visible()
    colour = offline_reader.locator(".md-header").evaluate(
        "node => getComputedStyle(node).backgroundColor"
    )
    assert colour != "rgba(0, 0, 0, 0)", "the theme's stylesheet did not load"


def test_the_public_address_is_in_the_copys_links_and_snippets(unzipped: Path) -> None:
    page = (unzipped / "embedding.html").read_text(encoding="utf-8")
    assert f'"{PUBLIC}embed/planner/"' in page
    assert "127.0.0.1" not in page


def test_a_shared_link_answers_from_disk(offline_reader: Page, unzipped: Path) -> None:
    offline_reader.clock.set_fixed_time(f"{TODAY.isoformat()}T12:00:00")
    page = (unzipped / "calculators" / "dispute-window.html").as_uri()
    offline_reader.goto(f"{page}#shipped=2026-03-02&carrier=China+Post")
    verdict_is(offline_reader, "act", "2026-04-10")
