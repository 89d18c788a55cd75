"""The service worker: the guide offline after a visit or a save, one deploy at a time,
installable, and never from disk. Each test waits for what the reader sees, or for what
the browser keeps (its caches), never for a time."""

from __future__ import annotations

import json
import os
import re
import shutil
import threading
import time
from collections import Counter
from collections.abc import Callable, Iterator
from datetime import datetime
from pathlib import Path
from typing import Any

import pytest
from playwright.sync_api import Browser, BrowserContext, BrowserType, Page, expect

from guide import service_worker
from tests.conftest import TODAY, Site
from tests.server import QuietHandler, QuietServer
from tests.site.calc import fill, verdict, verdict_is
from tests.site.conftest import ENGINE_TIMEOUT_MS, assert_only_local
from tests.site.pages import with_sample_dates

pytestmark = pytest.mark.browser

PLANNER = "calculators/planner/"
VISITED = "dispute/"
UNVISITED = "refund/"
ENGINE = [path for path in service_worker.ENGINE if not path.endswith(".snapshot.gz")]

KEPT = """async (urls) => {
  const names = (await caches.keys()).filter((name) => name.startsWith("guide-"));
  if (names.length !== 1) return false;
  const cache = await caches.open(names[0]);
  for (const url of urls) if (!(await cache.match(url))) return false;
  return true;
}"""
CACHES = """async () => (await caches.keys()).filter((name) => name.startsWith("guide-"))"""
READY = "navigator.serviceWorker.ready.then(() => true)"
# The page's side of a message to the worker: its first reply.
ASK = """(message) => navigator.serviceWorker.ready.then((registration) => new Promise((resolve) => {
  const channel = new MessageChannel();
  channel.port1.onmessage = (event) => resolve(event.data);
  registration.active.postMessage(message, [channel.port2]);
}))"""


def until(page: Page, script: str, arg: object = None) -> None:
    """Until ``script`` (which may return a promise) gives a truthy value: it is awaited
    here, which wait_for_function does not do."""
    holds(page, lambda: page.evaluate(script, arg), script)


def holds(page: Page, condition: Callable[[], object], what: str) -> None:
    """Until ``condition()`` is truthy; a failure, not a hang, if it never is."""
    deadline = time.monotonic() + ENGINE_TIMEOUT_MS / 1000
    while not condition():
        assert time.monotonic() < deadline, f"never came true: {what}"
        page.wait_for_timeout(250)


def wait_until_kept(page: Page, base: str, paths: list[str]) -> None:
    until(page, KEPT, [base + path for path in paths])


def on_today(page: Page) -> None:
    page.clock.set_fixed_time(datetime(TODAY.year, TODAY.month, TODAY.day, 12, 0))


def planner_answers(page: Page, base: str) -> None:
    page.goto(base + PLANNER)
    fill(page, arrived="no", shipped="2026-03-02", carrier="China Post")
    verdict_is(page, "act", "2026-04-10")


def test_after_one_visit_the_planner_answers_and_a_visited_page_opens_offline(
    reader: Page, site_url: str, context: BrowserContext
) -> None:
    reader.goto(site_url + VISITED)
    assert reader.evaluate(READY)
    planner_answers(reader, site_url)
    wait_until_kept(reader, site_url, [VISITED, PLANNER, *ENGINE])
    context.set_offline(True)
    planner_answers(reader, site_url)
    reader.goto(site_url + VISITED)
    expect(reader.get_by_role("heading", level=1, name="Opening a dispute")).to_be_visible()


def test_after_saving_the_whole_guide_an_unvisited_page_opens_offline(
    reader: Page, site_url: str, context: BrowserContext
) -> None:
    reader.goto(site_url + "offline/")
    box = reader.locator(".guide-save")
    # The size comes first, before anything is saved.
    expect(box.locator(".guide-save__size")).to_contain_text(" MB on this device")
    button = box.get_by_role("button", name="Save the whole guide for offline use")
    expect(button).to_contain_text("MB to download")
    button.click()
    expect(box.get_by_role("status")).to_have_text(
        "Saved: the guide, its search and the calculators now open on this device "
        "without a connection."
    )
    context.set_offline(True)
    reader.goto(site_url + UNVISITED)
    expect(reader.get_by_role("heading", level=1, name="Getting your money back")).to_be_visible()
    planner_answers(reader, site_url)


def test_a_calculator_opened_first_has_the_engine_kept_each_file_read_once(
    page: Page, site_url: str, context: BrowserContext, requests_made: list[str]
) -> None:
    """A reader's first page is a calculator (a shared link): the worker keeps the engine
    from the browser's cache, reading each file once, though the page asks at its first
    paint and again at load. Playwright's clock would empty the page's resource timing,
    which is how the page tells the worker what it loaded: this reader has a real one."""
    reads: Counter[str] = Counter()
    context.on(
        "requestfinished", lambda request: request.service_worker and reads.update([request.url])
    )
    page.goto(site_url + with_sample_dates("calculators/dispute-window/"))
    expect(verdict(page)).to_be_visible()
    wait_until_kept(page, site_url, list(service_worker.ENGINE))
    engine = [site_url + path for path in service_worker.ENGINE]
    holds(page, lambda: all(reads[url] for url in engine), "each engine file read")
    # Once this keep has its answer, the worker has done the ones asked before it.
    urls = page.evaluate("performance.getEntriesByType('resource').map((entry) => entry.name)")
    assert page.evaluate(ASK, {"type": "keep", "urls": urls}) == {"kept": True}
    assert [reads[url] for url in engine] == [1] * len(engine), reads
    assert_only_local(requests_made, site_url)


def test_the_spanish_save_holds_the_spanish_guide(reader: Page, site_url: str) -> None:
    reader.goto(site_url + "es/offline/")
    box = reader.locator(".guide-save")
    expect(box.locator(".guide-save__size")).to_contain_text("La guía entera en español")
    size = reader.evaluate(ASK, {"type": "status", "page": reader.url})
    assert size["missing"] > 0 and size["total"] >= size["missing"]


@pytest.fixture
def installing(
    browser_type: BrowserType, browser_type_launch_args: dict[str, Any], tmp_path: Path
) -> Iterator[Page]:
    """A tab in a browser profile on disk: Chromium never offers to install from incognito."""
    context = browser_type.launch_persistent_context(
        tmp_path / "profile", **browser_type_launch_args
    )
    try:
        yield context.new_page()
    finally:
        context.close()


@pytest.mark.parametrize("path", ["", "es/", "pt-br/", "fr/"])
def test_each_language_is_installable(installing: Page, site_url: str, path: str) -> None:
    page = installing
    page.goto(site_url + path)
    assert page.evaluate(READY)
    page.reload()  # controlled by the worker, as an installed app's start page is
    manifest = page.locator("link[rel=manifest]")
    expect(manifest).to_have_attribute("href", re.compile(r"(^|/)manifest\.webmanifest$"))
    cdp = page.context.new_cdp_session(page)
    errors = cdp.send("Page.getInstallabilityErrors")["installabilityErrors"]
    assert errors == []
    data = json.loads(
        page.evaluate(
            "fetch(document.querySelector('link[rel=manifest]').href).then((r) => r.text())"
        )
    )
    assert data["display"] == "standalone" and data["start_url"] == "./"
    assert {(icon["sizes"], icon.get("purpose", "any")) for icon in data["icons"]} == {
        ("192x192", "any"),
        ("512x512", "any"),
        ("512x512", "maskable"),
    }


def test_no_service_worker_from_disk(browser: Browser, site: Site) -> None:
    context = browser.new_context()
    try:
        page = context.new_page()
        requested: list[str] = []
        context.on("request", lambda request: requested.append(request.url))
        page.goto((site.root / VISITED / "index.html").as_uri())
        expect(page.get_by_role("heading", level=1, name="Opening a dispute")).to_be_visible()
        page.wait_for_load_state("load")
        registered = page.evaluate(
            "navigator.serviceWorker ? navigator.serviceWorker.getRegistrations()"
            ".then((found) => found.length).catch(() => 0) : 0"
        )
        assert registered == 0
        assert not [url for url in requested if url.endswith("/sw.js")]
    finally:
        context.close()


# A new deploy: the same site in two versions, each page and the stylesheet marked.


class Swappable:
    """A server on one address whose folder can be swapped, as a deploy does."""

    def __init__(self) -> None:
        self.root = Path()
        holder = self

        class Handler(QuietHandler):
            def __init__(self, *args: object, **kwargs: object) -> None:
                super().__init__(*args, directory=str(holder.root), **kwargs)  # type: ignore[arg-type]

        self.server = QuietServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}/"


def deploy(site: Site, into: Path, mark: str, later: int) -> str:
    """A copy of the built site, every page and the stylesheet marked ``mark``; its version.

    Its changed files are dated ``later`` seconds on, as a later deploy's are: a server
    answers "not modified" to a file dated the same second as the browser's copy."""
    shutil.copytree(site.root, into)
    changed = [into / "assets" / "stylesheets" / "calculators.css", *into.rglob("*.html")]
    for path in changed:
        text = path.read_text(encoding="utf-8")
        if path.suffix == ".html":
            text = text.replace("<head>", f'<head><meta name="deploy" content="{mark}">', 1)
        else:
            text += f':root{{--deploy:"{mark}"}}\n'
        path.write_text(text, encoding="utf-8")
    version = service_worker.write_worker(into)
    when = time.time() + later
    for path in [*changed, into / service_worker.SCRIPT]:
        os.utime(path, (when, when))
    return version


DEPLOYED = """() => [
  document.querySelector("meta[name=deploy]")?.content,
  getComputedStyle(document.documentElement).getPropertyValue("--deploy").replaceAll('"', "").trim(),
]"""


@pytest.fixture
def swappable(site: Site) -> Iterator[Swappable]:
    served = Swappable()
    thread = threading.Thread(target=served.server.serve_forever, daemon=True)
    thread.start()
    yield served
    served.server.shutdown()
    served.server.server_close()


def test_a_new_deploy_replaces_the_old_one_without_a_mixed_page(
    page: Page, site: Site, swappable: Swappable, tmp_path: Path
) -> None:
    on_today(page)
    first = deploy(site, tmp_path / "one", "one", 0)
    second = deploy(site, tmp_path / "two", "two", 60)
    assert first != second
    swappable.root = tmp_path / "one"
    base = swappable.url
    page.goto(base + VISITED)
    assert page.evaluate(READY)
    page.goto(base + VISITED)  # now through the worker, which keeps it
    assert page.evaluate(DEPLOYED) == ["one", "one"]
    wait_until_kept(page, base, [VISITED, "assets/stylesheets/calculators.css"])
    assert page.evaluate(CACHES) == [f"guide-{first}"]

    swappable.root = tmp_path / "two"
    page.goto(base + VISITED)  # the kept page, whole; the browser finds the new worker
    assert page.evaluate(DEPLOYED) == ["one", "one"]
    until(page, f"() => ({CACHES})().then((names) => names.join() === 'guide-{second}')")
    # The open page is the old deploy's: its next link loads a whole page of the new one.
    page.locator(f'a[href$="{UNVISITED}"]').first.click()
    page.wait_for_url(base + UNVISITED)
    expect(page.locator("meta[name=deploy]")).to_have_attribute("content", "two")
    assert page.evaluate(DEPLOYED) == ["two", "two"]
    page.goto(base + VISITED)
    assert page.evaluate(DEPLOYED) == ["two", "two"]
    assert page.evaluate(CACHES) == [f"guide-{second}"]
