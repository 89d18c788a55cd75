"""Faults a reader can hit: a host that serves files its own way, a download that stalls,
a script that does not come, saved data gone bad. Each ends in an answer or a plain message."""

from __future__ import annotations

import os
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import BinaryIO
from urllib.parse import urlsplit

import pytest
from playwright.sync_api import Page, Route, expect

from tests.site.calc import fill, verdict
from tests.site.test_engine import PACKED, PATH, WORKER, _Hosted, cut, hosted, warnings_of

pytestmark = pytest.mark.browser

FAILED = "could not start in this browser"
PORTAL = b"<!doctype html><title>Wi-Fi login</title><p>Log in to continue"
STALL_MS = 4_000
"""How long the tests' engine waits for a download's next bytes (the site's: 15 s)."""


IMPATIENT = """(() => {
    const Original = window.Worker;
    window.Worker = class extends Original {
        constructor(url, options) {
            const address = new URL(url, location.href);
            if (address.pathname.endsWith("/calculators-worker.js")) {
                address.searchParams.set("stall-ms", "STALL_MS");
            }
            super(address, options);
        }
    };
})();"""


def impatient(page: Page) -> None:
    """The engine's worker gives up on a stalled download after STALL_MS, not 15 s."""
    page.add_init_script(IMPATIENT.replace("STALL_MS", str(STALL_MS)))


def answers(page: Page, site_url: str) -> None:
    """A calculator page with the reader's dates answers them: its verdict shows."""
    page.goto(f"{site_url}{PATH}#shipped=2026-03-02&carrier=China+Post")
    expect(verdict(page)).to_be_visible()
    expect(page.locator(".calc__status")).to_be_hidden()


def fails_plainly(page: Page, site_url: str) -> None:
    """A calculator page says plainly that it could not start, and points to the table."""
    page.goto(f"{site_url}{PATH}#shipped=2026-03-02&carrier=China+Post")
    status = page.locator(".calc__status")
    expect(status).to_contain_text(FAILED)
    expect(status).to_contain_text("rules table on this page")


def plain_copies(warnings: list[str]) -> list[str]:
    return [w for w in warnings if "fetching the plain" in w]


# A host that serves files its own way.


class _OctetWasm(_Hosted):
    """Names every .wasm file application/octet-stream, as many static hosts do."""

    def guess_type(self, path: str | os.PathLike[str]) -> str:
        if str(path).endswith(".wasm"):
            return "application/octet-stream"
        return super().guess_type(path)


class _EncodedBrotli(_Hosted):
    """Sends each .br copy with Content-Encoding: br, so the browser unpacks it itself."""

    def end_headers(self) -> None:
        if urlsplit(self.path).path.endswith(".br"):
            self.send_header("Content-Encoding", "br")
        super().end_headers()


@pytest.mark.parametrize("runtime", ["Brotli copy", "plain file"])
def test_a_host_that_sends_wasm_as_octet_stream_still_answers(
    page: Page, built_site: Path, runtime: str
) -> None:
    warnings = warnings_of(page)
    if runtime == "plain file":
        page.context.route("**/pyodide.asm.wasm.br", lambda route: route.fulfill(status=404))
    with hosted(built_site, _OctetWasm) as site_url:
        answers(page, site_url)
    # The decoder, an octet-stream .wasm itself, unpacked every other copy.
    plain = plain_copies(warnings)
    assert len(plain) == (runtime == "plain file"), warnings
    assert all("plain pyodide.asm.wasm:" in w for w in plain), warnings


def test_brotli_copies_the_browser_unpacked_itself_still_answer(
    page: Page, built_site: Path
) -> None:
    warnings = warnings_of(page)
    with hosted(built_site, _EncodedBrotli) as site_url:
        answers(page, site_url)
    assert not plain_copies(warnings), warnings
    assert not [w for w in warnings if "failed" in w], warnings


@pytest.mark.parametrize("broken", ["missing", "cut", "a Wi-Fi login page"])
def test_a_decoder_that_cannot_load_means_the_plain_files(
    reader: Page, site_url: str, built_site: Path, requests_made: list[str], broken: str
) -> None:
    whole = (built_site / "assets" / "pyodide" / "brotli_dec_wasm_bg.wasm").read_bytes()
    serve = {
        "missing": lambda route: route.fulfill(status=404),
        "cut": lambda route: cut(route, whole),
        "a Wi-Fi login page": lambda route: route.fulfill(body=PORTAL, content_type="text/html"),
    }[broken]
    reader.context.route("**/brotli_dec_wasm_bg.wasm", serve)
    warnings = warnings_of(reader)
    answers(reader, site_url)
    for name in PACKED:
        assert f"{site_url}assets/{name}" in requests_made
    assert len(plain_copies(warnings)) == len(PACKED), warnings


# A download that stalls.


class _Stalls(_Hosted):
    """Sends the beginning of one file, then nothing more: a phone that lost its signal."""

    stalled = ""
    released = threading.Event()

    def copyfile(self, source: BinaryIO, outputfile: BinaryIO) -> None:
        if not urlsplit(self.path).path.endswith(f"/{self.stalled}"):
            return super().copyfile(source, outputfile)
        size = os.fstat(source.fileno()).st_size
        outputfile.write(source.read(min(size // 2, 65_536)))
        outputfile.flush()
        self.released.wait(120)  # until the test is over
        return None


@contextmanager
def stalling(built_site: Path, name: str) -> Iterator[str]:
    """The site, served with ``name`` stalling partway; its address."""
    handler = type("Stalls", (_Stalls,), {"stalled": name, "released": threading.Event()})
    try:
        with hosted(built_site, handler) as site_url:
            yield site_url
    finally:
        handler.released.set()


@pytest.mark.parametrize(
    ("stalled", "plain"),
    [
        ("pyodide/pyodide.asm.wasm.br", ["pyodide.asm.wasm"]),
        ("pyodide/python_stdlib.zip.br", ["python_stdlib.zip"]),
        ("calculators.zip.br", ["calculators.zip"]),
        ("pyodide/brotli_dec_wasm.js", [name.split("/")[-1] for name in PACKED]),
        ("pyodide/brotli_dec_wasm_bg.wasm", [name.split("/")[-1] for name in PACKED]),
    ],
)
def test_a_stalled_brotli_copy_or_decoder_means_the_plain_file(
    page: Page, built_site: Path, stalled: str, plain: list[str]
) -> None:
    impatient(page)
    warnings = warnings_of(page)
    with stalling(built_site, stalled) as site_url:
        answers(page, site_url)
    name = stalled.split("/")[-1]
    for file in plain:
        assert [w for w in plain_copies(warnings) if f"plain {file}: {name} stalled" in w], warnings
    assert len(plain_copies(warnings)) == len(plain), warnings


def test_a_stalled_snapshot_means_a_normal_start(page: Page, built_site: Path) -> None:
    impatient(page)
    warnings = warnings_of(page)
    with stalling(built_site, "calculators.snapshot.gz") as site_url:
        answers(page, site_url)
    normal = [w for w in warnings if "without its snapshot" in w]
    assert len(normal) == 1 and "calculators.snapshot.gz stalled" in normal[0], warnings


@pytest.mark.parametrize(
    "stalled",
    [
        "pyodide/pyodide-lock.json",
        "pyodide/pyodide.mjs",
        "pyodide/pyodide.asm.mjs",
        "javascripts/calculators-bridge.js",
    ],
)
def test_a_stalled_engine_file_without_a_plainer_copy_is_reported(
    page: Page, built_site: Path, stalled: str
) -> None:
    impatient(page)
    errors = warnings_of(page)
    with stalling(built_site, stalled) as site_url:
        fails_plainly(page, site_url)
    name = stalled.split("/")[-1]
    assert [e for e in errors if f"engine failed: {name} stalled" in e], errors


def test_a_plain_file_that_never_answers_is_reported(reader: Page, site_url: str) -> None:
    """No Brotli copy, and no answer at all for the plain file: nothing plainer is left."""
    impatient(reader)
    reader.context.route("**/python_stdlib.zip.br", lambda route: route.fulfill(status=404))
    reader.context.route("**/python_stdlib.zip", lambda route: None)  # never answered
    reader.context.route("**/calculators.snapshot.gz", lambda route: route.fulfill(status=404))
    fails_plainly(reader, site_url)


# The worker asks only its own site.


def test_the_engine_fetches_nothing_from_another_origin(
    reader: Page, site_url: str, requests_made: list[str]
) -> None:
    """What README.md says protects the worker, which a page's <meta> CSP does not reach."""
    answers(reader, site_url)
    worker = next(w for w in reader.workers if w.url == site_url + WORKER)
    refused = worker.evaluate(
        "fetch('https://cdn.example.org/pyodide/pyodide.asm.wasm').then(() => 'fetched', String)"
    )
    assert "only from its own site" in refused
    assert not [url for url in requests_made if "cdn.example.org" in url]


# calculators.js does not come, or does not run.


@pytest.mark.parametrize("how", ["missing", "cut", "a Wi-Fi login page", "never arrives"])
def test_without_calculators_js_the_reader_gets_the_rules_table(
    reader: Page, site_url: str, built_site: Path, how: str
) -> None:
    whole = (built_site / "assets" / "javascripts" / "calculators.js").read_bytes()

    def serve(route: Route) -> None:
        if how == "missing":
            route.fulfill(status=404)
        elif how == "cut":
            route.fulfill(body=whole[: len(whole) // 2], content_type="text/javascript")
        elif how == "a Wi-Fi login page":
            route.fulfill(body=PORTAL, content_type="text/html")

    reader.context.route("**/calculators.js", serve)
    reader.goto(site_url + PATH, wait_until="commit")
    # Within the head's ten seconds for a script that never comes.
    expect(reader.locator(".calc__fallback")).to_be_visible(timeout=40_000)
    expect(reader.locator(".calc__fallback")).to_contain_text("the rules table on this page")
    expect(reader.get_by_role("table").first).to_contain_text("39 days after shipment")


# Saved data gone bad.


@pytest.mark.parametrize(
    ("key", "saved"),
    [
        ("aliexpress-guide:evidence", "{bad"),
        ("aliexpress-guide:evidence", '{"0": true}'),
        ("aliexpress-guide:order", "{bad"),
        ("aliexpress-guide:order", "[1, 2]"),
    ],
)
def test_saved_data_that_cannot_be_read_is_dropped_and_the_page_works(
    reader: Page, site_url: str, key: str, saved: str
) -> None:
    reader.goto(site_url)
    reader.evaluate("([key, saved]) => localStorage.setItem(key, saved)", [key, saved])
    errors: list[str] = []
    reader.on("pageerror", lambda error: errors.append(str(error)))
    lines = warnings_of(reader)
    if key.endswith("evidence"):
        reader.goto(site_url + "evidence/")
        boxes = reader.locator(".checklist input[type=checkbox]")
        boxes.nth(0).check()
        expect(reader.locator(".checklist__count")).to_have_text(f"1 of {boxes.count()} collected")
    else:
        reader.goto(site_url + PATH)
        fill(reader, shipped="2026-03-02", carrier="DHL")
        expect(verdict(reader)).to_be_visible()
    assert not errors
    assert len([line for line in lines if key in line]) == 1, lines
    assert reader.evaluate("(key) => localStorage.getItem(key)", key) is None
