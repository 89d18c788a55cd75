"""What readers trust the site with: accessibility, a strict security policy, privacy, links."""

from __future__ import annotations

import os
import re
import socket
import subprocess
import sys
import time
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urljoin, urlsplit

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import Browser, Page, expect

from tests.conftest import PROJECT
from tests.site.calc import fill, verdict
from tests.site.conftest import save_data
from tests.site.pages import EMBEDS, GUIDE, LANGUAGE_FOLDERS, page_url, read, with_sample_dates

PAGES = (
    [page_url(source) for source in GUIDE]
    + EMBEDS
    + [
        f"{folder}/{path}"
        for folder in LANGUAGE_FOLDERS
        for path in ("", "dispute/", "calculators/planner/", "templates/")
    ]
)

# Only violations are read: axe need not detail the rules that passed or could not tell.
WCAG_21_AA = {
    "runOnly": {"type": "tag", "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]},
    "resultTypes": ["violations"],
}
COLOUR_RULES = {
    "runOnly": {"type": "rule", "values": ["color-contrast", "link-in-text-block"]},
    "resultTypes": ["violations"],
}
"""What the dark palette can change: it sets colours only, never the page's structure."""
FADED = """() => Promise.all(document.getAnimations()
    .filter((animation) => animation instanceof CSSTransition)
    .map((animation) => animation.finished.catch(() => {})))"""
REPORT_PROBLEMS = """
    window.__problems = [];
    document.addEventListener("securitypolicyviolation", (event) =>
        window.__problems.push(`CSP blocked ${event.blockedURI} (${event.violatedDirective})`));
"""


@pytest.fixture(scope="module")
def axe() -> Axe:
    return Axe()


@pytest.mark.browser
@pytest.mark.parametrize("url", read(PAGES))
def test_every_page_is_accessible_light_and_dark_and_runs_cleanly_under_its_policy(
    reader: Page, site_url: str, axe: Axe, url: str
) -> None:
    reader.add_init_script(REPORT_PROBLEMS)
    errors: list[str] = []
    reader.on("console", lambda message: message.type == "error" and errors.append(message.text))
    reader.on("pageerror", lambda error: errors.append(str(error)))
    reader.goto(site_url + with_sample_dates(url))
    if reader.locator(".calc").count():
        expect(verdict(reader)).to_be_visible(timeout=60_000)
    accessible(reader, axe, WCAG_21_AA)

    switch_to_dark(reader)
    accessible(reader, axe, COLOUR_RULES)
    assert reader.evaluate("window.__problems") == []
    assert errors == []


def accessible(page: Page, axe: Axe, rules: dict) -> None:
    """No violation of ``rules``. axe (half a megabyte of script) is put in each document
    once, not once per check as ``Axe.run`` does: 0.15 s a page."""
    if not page.evaluate("typeof axe === 'object'"):
        page.evaluate(axe.axe_script)
    violations = page.evaluate(
        "(options) => axe.run(document, options).then((results) => results.violations)", rules
    )
    assert not violations, [(v["id"], [n["target"] for n in v["nodes"]]) for v in violations]


def switch_to_dark(page: Page) -> None:
    """As a reader does: the header's colour toggle, or, in an embed (which has no header
    and follows the system), the system's setting. Returns once no colour is still fading.

    The toggle is clicked without moving the pointer onto it: a hovered button fades in
    its tooltip after a delay, and axe would measure the tooltip half-drawn."""
    toggle = page.locator("label[for^='__palette']:visible")
    if toggle.count():
        toggle.dispatch_event("click")
    else:
        page.emulate_media(color_scheme="dark")
    expect(page.locator("body")).to_have_attribute("data-md-color-scheme", "slate")
    page.evaluate(FADED)


@pytest.mark.browser
def test_instant_navigation_runs_other_pages_scripts_under_the_first_policy(
    browser: Browser, site_url: str
) -> None:
    context = browser.new_context()
    context.add_init_script(REPORT_PROBLEMS)
    page = context.new_page()
    page.goto(site_url)  # the policy of the top-level page stays for the whole visit
    for name in ["Opening a dispute", "All my deadlines", "Sources", "Start here"]:
        page.get_by_role("link", name=name, exact=True).first.click()
        expect(page.get_by_role("heading", level=1)).to_be_visible()
    assert page.evaluate("window.__problems") == []
    context.close()


@pytest.mark.browser
def test_no_cookies_and_no_stored_dates(reader: Page, site_url: str) -> None:
    reader.goto(site_url + "calculators/planner/#shipped=2026-03-02&opened=2026-03-05")
    expect(verdict(reader)).to_be_visible()
    reader.get_by_role("button", name="Change").click()
    fill(reader, contacted="2026-03-04")
    expect(reader).to_have_url(re.compile("contacted=2026-03-04"))
    expect(verdict(reader)).to_be_visible()
    assert reader.context.cookies() == []
    stored = reader.evaluate(
        "JSON.stringify([Object.entries(localStorage), Object.entries(sessionStorage)])"
    )
    assert "2026-03" not in stored


@pytest.mark.browser
def test_bad_values_in_a_link_get_messages_at_their_fields(reader: Page, site_url: str) -> None:
    reader.goto(site_url + "calculators/dispute-window/#shipped=2026-02-30&carrier=Pigeon")
    expect(reader.locator("#calc-dispute-window-shipped-error")).to_have_text(
        "This is not a real date: February 2026 has 28 days."
    )
    expect(reader.locator("#calc-dispute-window-carrier-error")).to_contain_text(
        '"Pigeon" is not in the list: choose DHL'
    )
    expect(reader.locator(".calc__deadline")).to_have_count(0)


def test_every_page_carries_the_strict_policy_first(built_site: Path) -> None:
    for page in built_site.rglob("*.html"):
        head = page.read_text(encoding="utf-8").split("<head>", 1)[1].lstrip()
        match = re.match(r'<meta http-equiv="Content-Security-Policy" content="([^"]+)">', head)
        assert match, f"{page} has no policy at the top of <head>"
        directives = dict(d.strip().split(" ", 1) for d in match.group(1).split(";"))
        script = directives["script-src"].split()
        assert "'unsafe-inline'" not in script and "'unsafe-eval'" not in script
        assert "'self'" in script and "'wasm-unsafe-eval'" in script
        assert all(
            s in ("'self'", "'wasm-unsafe-eval'") or s.startswith("'sha256-") for s in script
        )
        assert directives["object-src"] == "'none'" and directives["base-uri"] == "'self'"
        assert "http" not in match.group(1), "no other origin is allowed"


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


@pytest.mark.browser
def test_make_serve_serves_every_language_and_reloads_the_one_edited(
    page: Page, tmp_path: Path
) -> None:
    """`make serve LANG=fr` serves all four languages, so the selector never leads to a
    404; the live-reload script injected into each page runs under the policy the served
    pages are built with, where the published one would block it."""
    host, port = "127.0.0.1", free_port()
    address = f"{host}:{port}"
    command = [sys.executable, "hooks/serve.py", "--lang", "fr", "--dev-addr", address]
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "GUIDE_SERVE_DIR": str(tmp_path)}
    server = subprocess.Popen(
        command, cwd=PROJECT, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
    )
    try:
        page.add_init_script(REPORT_PROBLEMS)
        give_up = time.monotonic() + 300
        while True:  # until the first build is served
            try:
                with socket.create_connection((host, port)):
                    break
            except OSError:
                assert server.poll() is None and time.monotonic() < give_up, "serve did not start"
                time.sleep(1)
        with page.expect_request(lambda request: "/livereload/" in request.url):
            page.goto(f"http://{address}/fr/")
        assert page.evaluate("window.__problems") == []
        expect(page.locator("html")).to_have_attribute("lang", "fr")
        for other, lang in (("", "en"), ("es/", "es"), ("pt-br/", "pt-BR")):
            answer = page.goto(f"http://{address}/{other}faq/")
            assert answer is not None and answer.ok, other
            expect(page.locator("html")).to_have_attribute("lang", lang)
    finally:
        server.terminate()
        server.wait(timeout=30)


class _Links(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.links: list[str] = []
        self.anchors: set[str] = set()

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = dict(attrs)
        for name in ("id", "name"):
            if values.get(name):
                self.anchors.add(values[name] or "")
        if tag in ("a", "link") and values.get("href") and values.get("rel") != "canonical":
            self.links.append(values["href"] or "")
        if tag in ("script", "img", "source") and values.get("src"):
            self.links.append(values["src"] or "")


def test_no_broken_internal_link_or_anchor(built_site: Path, site_url: str) -> None:
    parsed: dict[Path, _Links] = {}

    def read(path: Path) -> _Links:
        if path not in parsed:
            parsed[path] = _Links()
            parsed[path].feed(path.read_text(encoding="utf-8"))
        return parsed[path]

    broken = []
    for page in sorted(built_site.rglob("*.html")):
        here = site_url + page.relative_to(built_site).as_posix()
        for link in read(page).links:
            url = urljoin(here, link)
            if not url.startswith(site_url) or "/downloads/" in url:
                continue  # a link out, or the offline zip that the deploy workflow adds
            path, fragment = urlsplit(url).path, urlsplit(url).fragment
            target = built_site / unquote(path.removeprefix(urlsplit(site_url).path))
            if url.endswith("/") or target.is_dir():
                target = target / "index.html"
            if not target.is_file():
                broken.append(f"{page.relative_to(built_site)}: {link}")
            elif (
                fragment
                and "=" not in fragment  # a calculator's shared dates, not an anchor
                and target.suffix == ".html"
                and fragment not in read(target).anchors
            ):
                broken.append(f"{page.relative_to(built_site)}: {link} (no #{fragment})")
    assert not broken, "\n".join(broken)


@pytest.mark.browser
@pytest.mark.parametrize("folder", ["", *(f"{folder}/" for folder in LANGUAGE_FOLDERS)])
def test_the_case_summary_the_country_sections_and_the_checklist_choice_are_accessible(
    reader: Page, site_url: str, axe: Axe, folder: str
) -> None:
    reader.set_viewport_size({"width": 390, "height": 844})
    for url in (f"{folder}calculators/planner/", f"{folder}rights/", f"{folder}evidence/"):
        reader.goto(f"{site_url}{url}#arrived=yes&delivered=2026-03-02&country=BR")
        if "planner" in url:
            expect(verdict(reader)).to_be_visible(timeout=60_000)
            reader.locator(".calc__case summary").click()
            expect(reader.locator(".calc__case-text")).to_be_visible()
            save_data(reader)  # the guide pages next need no engine
        accessible(reader, axe, WCAG_21_AA)
