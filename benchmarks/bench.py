"""Measure how fast a reader gets a Python-computed date, against a stock Pyodide page.

Usage: ``make bench``, or ``python -m benchmarks.bench [--profiles NAMES] [--runs N]
[--project DIR] [--incognito] [--no-worker-throttle]``. It builds its own copy of the
site in DIR (by default this repository) for its own address, as Material's instant
navigation needs, serves it, drives Chromium with Playwright under each profile, and
prints Markdown tables (min / median / max over the runs, ratios pair by pair) for
benchmarks/README.md, which says how and why.
"""

from __future__ import annotations

import argparse
import datetime
import json
import math
import os
import platform
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from playwright.sync_api import Browser, BrowserContext, Page, Playwright, Request, sync_playwright

from benchmarks import journey
from benchmarks.server import (
    BASE,
    PROBE,
    STOCK,
    STOCK_RESULT,
    PagesHandler,
    PlainHandler,
    serve,
)
from benchmarks.throttle import WorkerThrottle
from tests.conftest import CHROMIUM_ARGS

PROJECT = Path(__file__).resolve().parent.parent

# The first result: the verdict card's date once the calculators have one; today, the
# "dispute closes" date. A selector list, so either counts.
OURS = "calculators/dispute-window/#shipped=2026-03-02&carrier=China+Post"
OUR_RESULT = "[data-verdict] time[datetime], [data-key=dispute_closes] time"
# Guide pages whose first render is timed on the phone profiles.
GUIDE_PAGES = {"Start here": "", "Never arrived": "not-arrived/"}
# Guide pages without a calculator, weighed on localhost.
PLAIN_PAGES = ["", "dispute/", "refund/", "faq/", "templates/", "sources/"]

# Installed in every page before its own scripts: when a selector first matches, in the
# page's clock (from navigation start) and the wall clock (to compare with requests).
FIRST_MATCH = """selector => {
  const observer = new MutationObserver(() => {
    if (window.__result || !document.querySelector(selector)) return;
    window.__result = [performance.now(), performance.timeOrigin + performance.now()];
    observer.disconnect();
  });
  observer.observe(document, {subtree: true, childList: true, characterData: true});
}"""
FIRST_PAINT = """() => new Promise(resolve => new PerformanceObserver((list, observer) => {
  const paint = list.getEntriesByName("first-contentful-paint")[0];
  if (paint) { observer.disconnect(); resolve(paint.startTime); }
}).observe({type: "paint", buffered: true}))"""


@dataclass(frozen=True)
class Profile:
    """A reader's device: its connection as CDP emulates it, and how much slower its CPU is.

    Throughputs are in Lighthouse's kbit/s (128 bytes a second each); the latency is added
    to every request. Phones get a phone's screen and the site served like GitHub Pages.
    """

    key: str
    name: str
    down_kbps: float = 0  # 0: no throttling
    up_kbps: float = 0
    rtt_ms: float = 0
    cpu: float = 1
    runs: int = 3
    goal: float = 0.5  # cold first result, ours ÷ stock

    @property
    def phone(self) -> bool:
        return bool(self.down_kbps)

    def describe(self) -> str:
        if not self.phone:
            return (
                f"{self.name}: no throttling; plain static server, no compression or cache headers"
            )
        return (
            f"{self.name}: {self.down_kbps:,g} kbit/s down, {self.up_kbps:,g} kbit/s up, "
            f"{self.rtt_ms:g} ms per request, CPU {self.cpu:g}× slower; served like GitHub Pages"
        )


PROFILES = {
    profile.key: profile
    for profile in (
        Profile("localhost", "Localhost", runs=5, goal=0.4),
        Profile("good-4g", "Good 4G", 9000, 1500, 60, cpu=2),
        Profile("lighthouse", "Lighthouse mobile", 1638.4, 750, 150, cpu=4),
    )
}
PHONE_SCREEN = {  # Lighthouse's phone, a Moto G Power
    "viewport": {"width": 412, "height": 823},
    "device_scale_factor": 1.75,
    "is_mobile": True,
    "has_touch": True,
}


class Requests:
    """Every request of a browser context, its workers' included, to count bytes and wait."""

    def __init__(self, context: BrowserContext) -> None:
        self.open: set[Request] = set()
        self.finished: list[Request] = []
        self.failed: list[Request] = []
        self.last = time.monotonic()
        context.on("request", self._started)
        context.on("requestfinished", lambda request: self._ended(request, self.finished))
        context.on("requestfailed", lambda request: self._ended(request, self.failed))

    def _started(self, request: Request) -> None:
        self.open.add(request)
        self.last = time.monotonic()

    def _ended(self, request: Request, into: list[Request]) -> None:
        self.open.discard(request)
        into.append(request)
        self.last = time.monotonic()

    def wait_for_quiet(self, page: Page, seconds: float = 1.5, limit: float = 300) -> None:
        """Until no request has been open for ``seconds``: the visit's downloads are done."""
        give_up = time.monotonic() + limit
        while self.open or time.monotonic() - self.last < seconds:
            if time.monotonic() > give_up:
                progress(f"gave up waiting for {', '.join(r.url for r in self.open)}")
                return
            page.wait_for_timeout(250)

    def before(self, wall_ms: float, since_ms: float = 0) -> tuple[dict[str, int], list[str]]:
        """Bytes by path of the responses to requests made after ``since_ms`` and finished by
        ``wall_ms`` (wall-clock ms), and the paths of the requests abandoned by then.

        Bytes are Chromium's encodedDataLength: headers and body as they came over the wire,
        compressed; a response from the cache counts 0, a 304 its headers.
        """

        def between(request: Request) -> bool:
            timing = request.timing
            ended = timing["startTime"] + max(timing["responseEnd"], 0)
            return since_ms <= timing["startTime"] and ended <= wall_ms

        size: dict[str, int] = {}
        for request in filter(between, self.finished):
            if not request.url.startswith("data:"):
                sizes = request.sizes()
                path = urlsplit(request.url).path
                got = max(0, sizes["responseBodySize"] + sizes["responseHeadersSize"])
                size[path] = size.get(path, 0) + got
        return size, [urlsplit(request.url).path for request in filter(between, self.failed)]


@dataclass
class Bench:
    """How to open a fresh browser context under a profile."""

    playwright: Playwright
    browser: Browser
    throttle: WorkerThrottle
    incognito: bool = False
    profile: Profile = PROFILES["localhost"]

    @contextmanager
    def context(
        self, profile: Profile | None = None, slow_workers: bool = True
    ) -> Iterator[tuple[BrowserContext, Requests]]:
        """A fresh context under ``profile`` (default: the bench's), in a new profile folder,
        so with a disk cache and a code cache as a phone's browser has, unless incognito."""
        profile = profile or self.profile
        options: dict[str, Any] = {"locale": "en-US", **(PHONE_SCREEN if profile.phone else {})}
        with tempfile.TemporaryDirectory(prefix="bench-profile-") as folder:
            if self.incognito:
                context = self.browser.new_context(**options)
            else:
                launch = launch_options(self.playwright)
                chromium = self.playwright.chromium
                context = chromium.launch_persistent_context(folder, **launch, **options)
                time.sleep(1)  # a reader's browser is already running: let it settle
            context.set_default_timeout(300_000)
            self.throttle.rate = profile.cpu if slow_workers else 1
            try:
                yield context, Requests(context)
            finally:
                self.throttle.rate = 1
                context.close()

    def page(self, context: BrowserContext, profile: Profile | None = None) -> Page:
        """A new tab, its network and main thread throttled by CDP before anything loads."""
        profile = profile or self.profile
        page = context.new_page()
        if profile.phone:
            cdp = context.new_cdp_session(page)
            cdp.send(
                "Network.emulateNetworkConditions",
                {
                    "offline": False,
                    "latency": profile.rtt_ms,
                    "downloadThroughput": profile.down_kbps * 1024 / 8,
                    "uploadThroughput": profile.up_kbps * 1024 / 8,
                },
            )
            cdp.send("Emulation.setCPUThrottlingRate", {"rate": profile.cpu})
        return page


def launch_options(playwright: Playwright) -> dict[str, Any]:
    """Playwright's own Chromium where it is installed, else Debian's; the tests' flags."""
    if Path(playwright.chromium.executable_path).is_file():
        return {"args": CHROMIUM_ARGS}
    return {"executable_path": "/usr/bin/chromium", "args": CHROMIUM_ARGS}


def first_match(page: Page) -> tuple[float, float]:
    """(ms from navigation start, wall-clock ms) when the page's FIRST_MATCH matched."""
    handle = page.wait_for_function("() => window.__result", polling=100, timeout=600_000)
    since_start, wall = handle.json_value()
    return float(since_start), float(wall)


@dataclass
class Visit:
    """A cold visit, and the next visit to the same page once the first's downloads ended."""

    cold: float
    warm: float
    cold_bytes: dict[str, int]  # by path, before the first result
    warm_bytes: dict[str, int]
    abandoned: list[str]

    def __str__(self) -> str:
        return (
            f"cold {self.cold:,.0f} ms, {sum(self.cold_bytes.values()) / 1e6:.2f} MB; "
            f"next visit {self.warm:,.0f} ms, {sum(self.warm_bytes.values()) / 1e3:.1f} kB"
        )


# Asks the site's service worker (if the page has one) to keep what the browser has
# downloaded, and says whether its cache holds the engine now (guide/sw.js, "keep").
KEEP_ENGINE = """async () => {
  if (!navigator.serviceWorker || !(await navigator.serviceWorker.getRegistration())) return true;
  const registration = await navigator.serviceWorker.ready;
  const answer = await new Promise((resolve) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = (event) => resolve(event.data);
    registration.active.postMessage({type: "keep", urls: [location.href]}, [channel.port2]);
  });
  const names = (await caches.keys()).filter((name) => name.startsWith("guide-"));
  const cache = names.length === 1 && (await caches.open(names[0]));
  const wasm = new URL("assets/pyodide/pyodide.asm.wasm.br", registration.scope).href;
  return Boolean(answer.kept && cache && (await cache.match(wasm)));
}"""


def service_worker_kept(page: Page, tries: int = 120) -> bool:
    """Until the site's service worker keeps the engine the visit downloaded (no-op for
    the stock page): a reader's next visit comes after it has, as they read."""
    for _ in range(tries):
        if page.evaluate(KEEP_ENGINE):
            return True
        page.wait_for_timeout(500)
    progress("the service worker did not keep the engine")
    return False


def visit(bench: Bench, url: str, selector: str) -> Visit:
    """A cold visit in a fresh profile, then the next visit in the same profile."""
    with bench.context() as (context, requests):
        context.add_init_script(f"({FIRST_MATCH})({json.dumps(selector)})")
        page = bench.page(context)
        page.goto(url, wait_until="commit")
        cold, wall = first_match(page)
        requests.wait_for_quiet(page)
        cold_bytes, abandoned = requests.before(wall)
        service_worker_kept(page)
        page.close()  # the reader leaves, and comes back from a link or a bookmark
        since = time.time() * 1000
        page = bench.page(context)
        page.goto(url, wait_until="commit")
        warm, wall = first_match(page)
        requests.wait_for_quiet(page)
        warm_bytes, _ = requests.before(wall, since)
    return Visit(cold, warm, cold_bytes, warm_bytes, abandoned)


def reading_journey(bench: Bench) -> float:
    """Ms from the reader's last input on the planner to its result (journey.py)."""
    with bench.context() as (context, _):
        context.add_init_script(f"({journey.WATCH})({json.dumps(journey.RESULT)})")
        page = bench.page(context)
        journey.reading_journey(page, BASE)
        page.wait_for_function("() => window.__journey.result !== null", polling=100)
        return float(page.evaluate("window.__journey.result - window.__journey.input"))


def first_paint(bench: Bench, path: str) -> float:
    """First Contentful Paint of a page opened in a fresh context, from the Paint Timing API."""
    with bench.context() as (context, _):
        page = bench.page(context)
        page.goto(BASE + path, wait_until="commit")
        return float(page.evaluate(FIRST_PAINT))


NEXT_CALCULATOR = "How long to wait for the seller?"
NEXT_FIELD = "#calc-seller-contact-contacted"
# Sets a date field as a reader's input would and times the new deadlines.
RECOMPUTE = """([selector, value]) => {
  const input = document.querySelector(selector);
  const output = input.closest(".calc").querySelector(".calc__output");
  const before = output.textContent;
  const start = performance.now();
  return new Promise(resolve => {
    new MutationObserver((_, observer) => {
      if (output.textContent !== before && output.querySelector(".calc__deadline")) {
        observer.disconnect();
        resolve(performance.now() - start);
      }
    }).observe(output, {subtree: true, childList: true, characterData: true});
    input.value = value;
    input.dispatchEvent(new Event("input", {bubbles: true}));
  });
}"""


def next_calculator_and_recompute(bench: Bench) -> tuple[float, list[float]]:
    """Instant navigation to a second calculator, then 20 input changes on it."""
    with bench.context() as (context, _):
        context.add_init_script(f"({FIRST_MATCH})({json.dumps(OUR_RESULT)})")
        page = bench.page(context)
        page.goto(BASE + OURS)
        first_match(page)
        page.get_by_role("link", name=NEXT_CALCULATOR).first.click()
        page.locator(NEXT_FIELD).wait_for()
        first = float(page.evaluate(RECOMPUTE, [NEXT_FIELD, "2026-03-02"]))
        days = [f"2026-03-{day:02d}" for day in range(3, 23)]
        return first, [float(page.evaluate(RECOMPUTE, [NEXT_FIELD, day])) for day in days]


def guide_weight(bench: Bench) -> tuple[int, int]:
    """(Pyodide requests, bytes per page) over the guide's pages without a calculator."""
    pyodide, size = 0, 0
    for path in PLAIN_PAGES:
        with bench.context() as (context, requests):
            bench.page(context).goto(BASE + path, wait_until="networkidle")
            responses = [r.response() for r in requests.finished]
            pyodide += sum(1 for r in requests.finished if "/assets/pyodide/" in r.url)
            size += sum(len(response.body()) for response in responses if response)
    return pyodide, size // len(PLAIN_PAGES)


SPIN = 10_000_000
SPINS = 3  # the quickest of three turns: other work on the machine only ever slows a loop
CHECK_SECONDS = 2  # the probe's download: about this long on the profile's link


def throttling_check(bench: Bench) -> str:
    """What the profile's throttling does to a busy loop, on the page and in a worker, with
    CDP alone and with the worker throttle too; and to downloads, a worker's alone, then a
    worker's and the page's at once. The three set-ups take turns, as load comes and goes."""
    download = {"url": f"{BASE}__bytes/{int(bench.profile.down_kbps * 128 * CHECK_SECONDS)}"}
    setups = ((PROFILES["localhost"], False), (bench.profile, False), (bench.profile, True))
    spins = [[math.inf, math.inf] for _ in setups]
    for turn in range(SPINS):
        for (profile, slow_workers), best in zip(setups, spins, strict=True):
            with bench.context(profile, slow_workers) as (context, _):
                page = bench.page(context, profile)
                page.goto(BASE + PROBE)
                for where, call in enumerate(("spin", "ask")):
                    best[where] = min(best[where], float(page.evaluate(call, {"spin": SPIN})))
                if turn == SPINS - 1 and slow_workers:
                    ms, size, seen = page.evaluate("ask", download)
                    both = page.evaluate("data => Promise.all([ask(data), get(data)])", download)
    (main, worker), (main_cdp, worker_cdp), (_, worker_slow) = spins
    kbps = size * 8 / 1024 / ((ms - bench.profile.rtt_ms) / 1000)
    kind, rtt, downlink = seen or ("none", "–", "–")
    return (
        f"Throttling check: a busy loop took {main_cdp / main:.1f}× as long on the page's main "
        f"thread; in a worker, {worker_cdp / worker:.1f}× with CDP alone and "
        f"{worker_slow / worker:.1f}× with the worker throttle ({bench.throttle.describe()}). "
        f"{size / 1024:,.0f} KiB fetched by a worker took {ms:,.0f} ms ({kbps:,.0f} kbit/s once "
        f"the latency is taken off); fetched by the worker and the page at once, "
        f"{both[0][0]:,.0f} and {both[1][0]:,.0f} ms. The worker's navigator.connection said "
        f"{kind}, {rtt} ms, {downlink} Mbit/s."
    )


# -- Running and reporting ---------------------------------------------------------------


@dataclass
class Results:
    """What one profile measured."""

    profile: Profile
    check: str = ""
    ours: list[Visit] = field(default_factory=list)
    stock: list[Visit] = field(default_factory=list)
    journeys: list[float] = field(default_factory=list)
    paints: dict[str, list[float]] = field(default_factory=dict)
    next_calculator: list[float] = field(default_factory=list)
    recompute: list[float] = field(default_factory=list)
    guide: tuple[int, int] = (0, 0)
    throttle: str = ""  # the worker throttle's account, once the profile is done


def progress(message: str) -> None:
    print(f"[{time.strftime('%H:%M:%S')}] {message}", file=sys.stderr, flush=True)


def measure(bench: Bench, profile: Profile, runs: int) -> Results:
    bench.profile = profile
    results = Results(profile)
    if profile.phone:
        results.check = throttling_check(bench)
        progress(results.check)
    pages = [(results.stock, BASE + STOCK, STOCK_RESULT), (results.ours, BASE + OURS, OUR_RESULT)]
    for run in range(runs):  # alternate, so both see the same machine, turn and turn about
        for into, url, selector in pages if run % 2 == 0 else pages[::-1]:
            into.append(visit(bench, url, selector))
            page = "stock" if into is results.stock else "ours"
            progress(f"{profile.name}, run {run + 1}/{runs}, {page}: {into[-1]}")
    if profile.phone:
        for run in range(runs):
            results.journeys.append(reading_journey(bench))
            progress(f"{profile.name}, journey {run + 1}/{runs}: {results.journeys[-1]:,.0f} ms")
        for name, path in GUIDE_PAGES.items():
            results.paints[name] = [first_paint(bench, path) for _ in range(runs)]
            progress(f"{profile.name}, first paint of {name}: {results.paints[name]}")
        results.throttle = bench.throttle.describe()
    else:
        for _ in range(runs):
            first, changes = next_calculator_and_recompute(bench)
            results.next_calculator.append(first)
            results.recompute += changes
        results.guide = guide_weight(bench)
    return results


def spread(values: list[float], unit: float = 1, digits: int = 0) -> str:
    if not values:
        return "–"
    picked = (min(values), statistics.median(values), max(values))
    return " / ".join(f"{value / unit:,.{digits}f}" for value in picked)


@dataclass(frozen=True)
class Goal:
    """The issue's target for the median of the ratios (``ratio``) or of our figures."""

    text: str
    limit: float
    ratio: bool = False

    def verdict(self, ours: list[float], ratios: list[float]) -> str:
        median = statistics.median(ratios if self.ratio else ours)
        return f"{self.text}: {'met' if median <= self.limit else 'not met'}"


def largest(sizes: dict[str, int], shown: int = 4) -> str:
    """The ``shown`` largest responses by file name, in MB, and the rest together."""
    ranked = sorted(sizes.items(), key=lambda item: -item[1])
    parts = [f"{path.rstrip('/').rsplit('/', 1)[-1]} {size / 1e6:.2f}" for path, size in ranked]
    rest = ranked[shown:]
    if rest:
        parts[shown:] = [f"{len(rest)} others {sum(size for _, size in rest) / 1e6:.2f}"]
    return ", ".join(parts) + " MB"


def table(results: Results) -> list[str]:
    """The profile's Markdown table, and notes under it."""
    profile, ours, stock = results.profile, results.ours, results.stock
    lines = [
        "| measure | ours | stock page | ours ÷ stock, pair by pair | goal (on the median) |",
        "| --- | --- | --- | --- | --- |",
    ]

    def row(
        name: str,
        pick: Callable[[Visit], float] | list[float],
        goal: Goal | str = "–",
        unit: float = 1,
        digits: int = 0,
        pairs: bool = True,
    ) -> None:
        """A row of one figure from each pair of visits, or of ours alone (a list)."""
        if isinstance(pick, list):
            mine, theirs, ratios = pick, [], []
        else:
            mine, theirs = [pick(v) for v in ours], [pick(v) for v in stock]
            ratios = [a / b for a, b in zip(mine, theirs, strict=True)] if pairs else []
        judged = goal.verdict(mine, ratios) if isinstance(goal, Goal) else goal
        lines.append(
            f"| {name} | {spread(mine, unit, digits)} | {spread(theirs, unit, digits)} "
            f"| {spread(ratios, digits=2)} | {judged} |"
        )

    def total(sizes: dict[str, int]) -> float:
        return sum(sizes.values())

    row("cold first result, ms", lambda v: v.cold, Goal(f"≤ {profile.goal}×", profile.goal, True))
    row("next visit, ms", lambda v: v.warm)
    if ours and ours[0].cold:
        ratios = [v.warm / v.cold for v in ours]
        goal = Goal("≤ 1/20 of the cold visit", 0.05) if profile.phone else Goal("–", math.inf)
        judged = goal.verdict(ratios, ratios) if profile.phone else "–"
        lines.append(
            f"| next visit ÷ our cold visit, pair by pair | {spread(ratios, digits=3)} | – | – "
            f"| {judged} |"
        )
    notes = []
    if profile.phone:
        bytes_goal = Goal("≤ 4.2 MB", 4_200_000) if profile.key == "lighthouse" else "–"
        row("bytes before the first result, MB", lambda v: total(v.cold_bytes), bytes_goal, 1e6, 2)
        row("bytes on the next visit, kB", lambda v: total(v.warm_bytes), "–", 1e3, 1, False)
        row("reading journey: last input → result, ms", results.journeys, Goal("≤ 1 s", 1000))
        for name, paints in results.paints.items():
            row(f"first contentful paint, {name}, ms", paints, "no slower than today")
        median = [
            sorted(visits, key=lambda v: v.cold)[len(visits) // 2] for visits in (ours, stock)
        ]
        notes.append(
            f"Largest responses before the first result (MB; the run of median time): ours "
            f"{largest(median[0].cold_bytes)}; stock {largest(median[1].cold_bytes)}."
        )
    else:
        row("next calculator, first result, ms", results.next_calculator, Goal("≤ 100", 100))
        row("recompute after a change, ms", results.recompute, Goal("median < 30", 29.999))
        requests, size = results.guide
        notes.append(
            f"Guide pages without a calculator: {requests} Pyodide requests; "
            f"{size / 1024:,.0f} KiB per page on average (cold, theme included)."
        )
    abandoned = [path for visit in ours for path in visit.abandoned]
    if abandoned:
        counted = {path: abandoned.count(path) for path in sorted(set(abandoned))}
        paths = ", ".join(f"{path} ({n} of {len(ours)} runs)" for path, n in counted.items())
        notes.append(f"Failed or abandoned by our page before its result, not counted: {paths}.")
    if results.check:
        notes.append(f"{results.check} At the end: {results.throttle}.")
    return [*lines, "", *"\n\n".join(notes).splitlines()]


def about(browser: Browser, project: Path) -> str:
    cpu = next(
        (
            line.split(":", 1)[1].strip()
            for line in Path("/proc/cpuinfo").read_text().splitlines()
            if line.startswith("model name")
        ),
        platform.processor(),
    )
    package = json.loads((project / "package.json").read_text())
    git = ["git", "-C", str(project)]
    head = subprocess.run([*git, "rev-parse", "--short", "HEAD"], capture_output=True, text=True)
    dirty = subprocess.run(
        [*git, "status", "--porcelain", "--untracked-files=no"], capture_output=True, text=True
    ).stdout
    return (
        f"{datetime.date.today().isoformat()}, HEAD {head.stdout.strip() or '?'}"
        f"{' with uncommitted changes' if dirty.strip() else ''}. Machine: {os.cpu_count()} "
        f"cores ({cpu}), load average {os.getloadavg()[0]:.1f} at the start; Chromium "
        f"{browser.version}, Python {platform.python_version()}, "
        f"Pyodide {package['dependencies']['pyodide']}."
    )


def build(project: Path, site: Path) -> int:
    return subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "--quiet", "--site-dir", str(site)],
        cwd=project,
        env={**os.environ, "SITE_URL": BASE, "NO_MKDOCS_2_WARNING": "1"},
    ).returncode


def main() -> int | str:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--profiles", default=",".join(PROFILES), help="comma-separated")
    parser.add_argument("--runs", type=int, help="runs per profile (default: 5 local, 3 phone)")
    parser.add_argument("--project", type=Path, default=PROJECT, help="the checkout to build")
    parser.add_argument(
        "--incognito", action="store_true", help="Playwright's in-memory contexts (see README)"
    )
    parser.add_argument(
        "--no-worker-throttle", action="store_true", help="CDP alone: workers at full speed"
    )
    args = parser.parse_args()
    profiles = [PROFILES[key] for key in args.profiles.split(",")]
    project = args.project.resolve()
    pyodide = project / "node_modules" / "pyodide"  # as published, for the stock page
    if not (pyodide / "pyodide.mjs").is_file():
        return f"No Pyodide in {pyodide}: run `npm ci` (make does)"
    started = time.monotonic()
    with tempfile.TemporaryDirectory(prefix="bench-site-") as folder:
        site = Path(folder)
        if code := build(project, site):
            return code
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(**launch_options(playwright))
            throttle = WorkerThrottle(enabled=not args.no_worker_throttle)
            bench = Bench(playwright, browser, throttle, incognito=args.incognito)
            header = about(browser, project)
            measured = []
            for profile in profiles:
                with serve(site, PagesHandler if profile.phone else PlainHandler, pyodide):
                    measured.append(measure(bench, profile, args.runs or profile.runs))
            browser.close()
    minutes = (time.monotonic() - started) / 60
    contexts = "incognito contexts" if args.incognito else "a new browser profile per visit"
    load = os.getloadavg()[0]
    print(
        f"{header} {contexts.capitalize()}; {minutes:.0f} min in all, load {load:.1f} at the end.\n"
    )
    for results in measured:
        runs = len(results.ours)
        print(f"{results.profile.describe()}. Runs: {runs}; min / median / max.\n")
        print("\n".join(table(results)) + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
