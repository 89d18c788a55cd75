"""Measure how fast a reader gets a Python-computed date, against a stock Pyodide page.

Usage: ``make bench`` or ``python -m benchmarks.bench [--runs N]``. It builds its own copy
of the site for its own address, as Material's instant navigation needs.
Prints Markdown tables of min / median / max over the runs, with ratios taken run by
run, for benchmarks/README.md. Times are measured inside the page, from navigation
start (or from the input change) to the moment the date is in the DOM.
"""

from __future__ import annotations

import argparse
import functools
import gzip
import io
import os
import platform
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO

from playwright.sync_api import Browser, Page, Response, sync_playwright

from tests.conftest import CHROMIUM_ARGS, _QuietHandler, _QuietServer

PROJECT = Path(__file__).resolve().parent.parent
ADDRESS = ("127.0.0.1", 8765)
BASE = f"http://{ADDRESS[0]}:{ADDRESS[1]}/"

STOCK_PATH = "/__stock.html"
# The same computation as the calculator's last day for China Post, on a stock page.
STOCK_PAGE = b"""<!doctype html>
<meta charset="utf-8"><title>Stock Pyodide</title>
<p id="out"></p>
<script type="module">
import { loadPyodide } from "/assets/pyodide/pyodide.mjs";
const pyodide = await loadPyodide({ indexURL: "/assets/pyodide/" });
document.getElementById("out").textContent = pyodide.runPython(
  "import datetime; (datetime.date(2026, 3, 2) + datetime.timedelta(days=39)).isoformat()"
);
</script>
"""
OURS = "calculators/dispute-window/#shipped=2026-03-02&carrier=China+Post"
OUR_RESULT = "[data-key=dispute_closes] time"
SNAPSHOT = "calculators.snapshot.gz"
# Records when a selector first matches, in the page's own clock.
WATCH = """selector => new Promise(resolve => {
  const found = () => document.querySelector(selector);
  if (found()) return resolve(performance.now());
  new MutationObserver((_, observer) => {
    if (found()) { observer.disconnect(); resolve(performance.now()); }
  }).observe(document, {subtree: true, childList: true, characterData: true});
})"""


class _Traffic:
    """How many requests the server is answering, so a run can wait for quiet."""

    lock = threading.Lock()
    open = 0
    last = 0.0

    @classmethod
    def change(cls, by: int) -> None:
        with cls.lock:
            cls.open += by
            cls.last = time.monotonic()

    @classmethod
    def wait_for_quiet(cls, seconds: float = 1.0) -> None:
        while cls.open or time.monotonic() - cls.last < seconds:
            time.sleep(0.1)


class _Handler(_QuietHandler):
    """The tests' static server, plus the stock page."""

    def handle_one_request(self) -> None:
        _Traffic.change(+1)
        try:
            super().handle_one_request()
        finally:
            _Traffic.change(-1)

    def send_head(self) -> BinaryIO | None:
        if self.path == STOCK_PATH:
            return self.send_body(STOCK_PAGE, "text/html")
        return super().send_head()

    def send_body(self, body: bytes, kind: str, encoding: str = "") -> BinaryIO:
        self.send_response(200)
        self.send_header("Content-Type", kind)
        if encoding:
            self.send_header("Content-Encoding", encoding)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        return io.BytesIO(body)


@dataclass(frozen=True)
class Network:
    """A reader's connection, as the server plays it: one shared link, a delay per request."""

    name: str
    megabits_per_second: float
    latency_ms: float


PHONE = Network("A phone on 4G", megabits_per_second=9, latency_ms=60)
# What GitHub Pages compresses on the fly; .zip and .gz files are sent as they are.
COMPRESSED = ("text/", "application/javascript", "application/json", "application/wasm")


class _PhoneHandler(_Handler):
    """Serves like GitHub Pages (gzip, ten-minute caching) through a slow, shared link."""

    network = PHONE
    refused = ""  # a file name answered with 404, to time the start without it
    link = threading.Lock()
    link_free_at = 0.0
    gzipped: dict[str, bytes] = {}

    def send_head(self) -> BinaryIO | None:
        time.sleep(self.network.latency_ms / 1000)
        if self.path == STOCK_PATH:
            return super().send_head()
        path = Path(self.translate_path(self.path))
        if path.is_dir():
            path = path / "index.html"
        if not path.is_file() or path.name == self.refused:
            self.send_error(404)
            return None
        return self.send_body(path.read_bytes(), self.guess_type(str(path)))

    def send_body(self, body: bytes, kind: str, encoding: str = "") -> BinaryIO:
        if kind.startswith(COMPRESSED) and "gzip" in self.headers.get("Accept-Encoding", ""):
            if self.path not in self.gzipped:
                self.gzipped[self.path] = gzip.compress(body, 6)
            body, encoding = self.gzipped[self.path], "gzip"
        return super().send_body(body, kind, encoding)

    def end_headers(self) -> None:
        self.send_header("Cache-Control", "max-age=600")
        super().end_headers()

    def copyfile(self, source: BinaryIO, outputfile: BinaryIO) -> None:  # type: ignore[override]
        while chunk := source.read(16_384):
            self._wait_for_the_link(len(chunk))
            outputfile.write(chunk)

    def _wait_for_the_link(self, size: int) -> None:
        seconds = size * 8 / (self.network.megabits_per_second * 1_000_000)
        with self.link:
            now = time.monotonic()
            start = max(now, type(self).link_free_at)
            type(self).link_free_at = start + seconds
        time.sleep(max(0.0, start + seconds - now))


@contextmanager
def serve(folder: Path, handler: type[_Handler] = _Handler) -> Iterator[None]:
    server = _QuietServer(ADDRESS, functools.partial(handler, directory=str(folder)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        yield
    finally:
        server.shutdown()
        server.server_close()


def result_time(page: Page, selector: str) -> float:
    """Milliseconds from navigation start until ``selector`` is in the DOM."""
    return float(page.evaluate(WATCH, selector))


def cold(browser: Browser, url: str, selector: str) -> tuple[float, float]:
    """(cold, warm): a fresh profile, then, once its downloads are done, a reload."""
    context = browser.new_context()
    page = context.new_page()
    page.set_default_timeout(120_000)
    page.goto(url)
    first = result_time(page, selector)
    _Traffic.wait_for_quiet()
    page.reload()
    again = result_time(page, selector)
    context.close()
    return first, again


def next_calculator_and_recompute(browser: Browser, base: str) -> tuple[float, list[float]]:
    """Instant navigation to a second calculator, then input changes on it."""
    context = browser.new_context()
    page = context.new_page()
    page.set_default_timeout(120_000)
    page.goto(base + OURS)
    result_time(page, OUR_RESULT)
    page.get_by_role("link", name="How long to wait for the seller?").click()
    field = page.get_by_label("Date you wrote to the seller")
    field.wait_for()
    timed = """([selector, value]) => {
      const input = document.querySelector(selector);
      const output = document.querySelector('.calc__output');
      const before = output.textContent;
      const start = performance.now();
      return new Promise(resolve => {
        new MutationObserver((_, observer) => {
          if (output.textContent !== before && output.querySelector('.calc__deadline')) {
            observer.disconnect(); resolve(performance.now() - start);
          }
        }).observe(output, {subtree: true, childList: true, characterData: true});
        input.value = value;
        input.dispatchEvent(new Event('input', {bubbles: true}));
      });
    }"""
    control = "#calc-seller-contact-contacted"
    first = float(page.evaluate(timed, [control, "2026-03-02"]))
    changes = [float(page.evaluate(timed, [control, f"2026-03-{day:02d}"])) for day in range(3, 23)]
    context.close()
    return first, changes


def guide_weight(browser: Browser, base: str) -> tuple[int, int]:
    """(Pyodide files requested, bytes transferred) over the guide's non-calculator pages."""
    pages = ["", "dispute/", "refund/", "faq/", "templates/", "sources/"]
    pyodide, size = 0, 0
    for path in pages:
        context = browser.new_context()
        page = context.new_page()
        responses: list[Response] = []

        def keep(response: Response, into: list[Response] = responses) -> None:
            into.append(response)

        page.on("response", keep)
        page.goto(base + path, wait_until="networkidle")
        pyodide += sum("/assets/pyodide/" in r.url for r in responses)
        size += sum(len(r.body()) for r in responses if r.ok)
        context.close()
    return pyodide, size // len(pages)


def summary(values: list[float]) -> str:
    return f"{min(values):,.0f} / {statistics.median(values):,.0f} / {max(values):,.0f}"


def ratio(values: list[float]) -> str:
    return f"{min(values):.2f} / {statistics.median(values):.2f} / {max(values):.2f}"


def machine(browser: Browser) -> str:
    cpu = next(
        (
            line.split(":", 1)[1].strip()
            for line in Path("/proc/cpuinfo").read_text().splitlines()
            if line.startswith("model name")
        ),
        platform.processor(),
    )
    python = platform.python_version()
    return f"{os.cpu_count()} cores ({cpu}), Chromium {browser.version}, Python {python}"


def launch(playwright) -> Browser:  # type: ignore[no-untyped-def]
    bundled = Path(playwright.chromium.executable_path)
    if bundled.is_file():
        return playwright.chromium.launch(args=CHROMIUM_ARGS)
    return playwright.chromium.launch(executable_path="/usr/bin/chromium", args=CHROMIUM_ARGS)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    runs = parser.parse_args().runs
    site = Path(tempfile.mkdtemp(prefix="bench-site-"))
    built = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "--quiet", "--site-dir", str(site)],
        cwd=PROJECT,
        env={**os.environ, "SITE_URL": BASE, "NO_MKDOCS_2_WARNING": "1"},
    )
    if built.returncode:
        return built.returncode
    stock_page, stock_result = BASE + STOCK_PATH[1:], "#out:not(:empty)"
    with sync_playwright() as playwright:
        browser = launch(playwright)
        about = machine(browser)
        with serve(site):
            stock, ours = [], []
            for _ in range(runs):  # alternate, so both see the same machine state
                stock.append(cold(browser, stock_page, stock_result))
                ours.append(cold(browser, BASE + OURS, OUR_RESULT))
            later = [next_calculator_and_recompute(browser, BASE) for _ in range(runs)]
            pyodide_requests, guide_bytes = guide_weight(browser, BASE)
        with serve(site, _PhoneHandler):
            phone_stock, phone_ours, phone_plain = [], [], []
            for _ in range(runs):
                phone_stock.append(cold(browser, stock_page, stock_result))
                phone_ours.append(cold(browser, BASE + OURS, OUR_RESULT))
                _PhoneHandler.refused = SNAPSHOT
                phone_plain.append(cold(browser, BASE + OURS, OUR_RESULT))
                _PhoneHandler.refused = ""
        browser.close()

    def row(name: str, a: list[float], b: list[float] | None) -> str:
        return (
            f"| {name} | {summary(a)} | {summary(b) if b else '–'} | "
            f"{ratio([x / y for x, y in zip(a, b, strict=True)]) if b else '–'} |"
        )

    print(f"Machine: {about}. {runs} runs each; ms, min / median / max.\n")
    print("Localhost, plain static server (the goal's measurement):\n")
    print("| measure | ours | stock page | ours ÷ stock, run by run |")
    print("| --- | --- | --- | --- |")
    print(row("cold first result", [o[0] for o in ours], [s[0] for s in stock]))
    print(row("warm (reload)", [o[1] for o in ours], [s[1] for s in stock]))
    print(row("next calculator, first result", [n[0] for n in later], None))
    print(row("recompute after a change", [c for n in later for c in n[1]], None))
    print(
        f"\nGuide pages without a calculator: {pyodide_requests} Pyodide requests; "
        f"{guide_bytes / 1024:,.0f} KiB transferred per page on average (cold).\n"
    )
    net = PHONE
    print(
        f"{net.name}: {net.megabits_per_second:g} Mbit/s shared, "
        f"{net.latency_ms:g} ms per request, served like GitHub Pages (gzip, max-age=600):\n"
    )
    print("| measure | ours | stock page | ours ÷ stock, run by run |")
    print("| --- | --- | --- | --- |")
    print(row("cold first result", [o[0] for o in phone_ours], [s[0] for s in phone_stock]))
    print(
        row(
            "cold, no snapshot on the server",
            [o[0] for o in phone_plain],
            [s[0] for s in phone_stock],
        )
    )
    print(row("warm (reload)", [o[1] for o in phone_ours], [s[1] for s in phone_stock]))
    return 0


if __name__ == "__main__":
    sys.exit(main())
