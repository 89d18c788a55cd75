"""Shared fixtures: a frozen "today", the built site, a local server, and the browser."""

from __future__ import annotations

import functools
import http.server
import os
import shutil
import subprocess
import threading
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date
from pathlib import Path

import pytest

PROJECT = Path(__file__).resolve().parent.parent
SYSTEM_CHROMIUM = Path("/usr/bin/chromium")
# Flags measured as needed for headless Chromium as root on a closed network
# (../shared/notes/pyodide-and-browsers.md).
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
TODAY = date(2026, 3, 10)


@pytest.fixture
def today() -> date:
    """The frozen "today" every calculator test counts from."""
    return TODAY


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    extensions_map = {
        **http.server.SimpleHTTPRequestHandler.extensions_map,
        ".js": "text/javascript",
        ".mjs": "text/javascript",
        ".wasm": "application/wasm",
        ".json": "application/json",
    }

    def log_message(self, format: str, *args: object) -> None:
        pass


class _QuietServer(http.server.ThreadingHTTPServer):
    daemon_threads = True

    def handle_error(self, request: object, client_address: object) -> None:
        """A browser closing a connection mid-download is not a test failure."""


@dataclass(frozen=True)
class Site:
    root: Path
    url: str


@pytest.fixture(scope="session")
def site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Site]:
    """The site built once with ``make build`` (strict, every language) and served on a
    loopback port.

    The port is chosen before the build because Material's instant navigation only
    follows links under ``site_url``.
    """
    root = tmp_path_factory.mktemp("site")
    server = _QuietServer(("127.0.0.1", 0), functools.partial(_QuietHandler, directory=str(root)))
    url = f"http://127.0.0.1:{server.server_address[1]}/"
    build = subprocess.run(  # as `make build` does: English, then every language
        ["make", "build", f"SITE={root}", f"SITE_URL={url}"],
        cwd=PROJECT,
        capture_output=True,
        text=True,
        stdin=subprocess.DEVNULL,
    )
    assert build.returncode == 0, build.stderr
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield Site(root, url)
    server.shutdown()
    server.server_close()


@pytest.fixture(scope="session")
def built_site(site: Site) -> Path:
    return site.root


@pytest.fixture(scope="session")
def site_url(site: Site) -> str:
    return site.url


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args: dict, browser_name: str) -> dict:
    """Playwright's own Chromium where it is installed, else the system Chromium."""
    if browser_name != "chromium":
        return browser_type_launch_args
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        bundled = Path(playwright.chromium.executable_path)
    if bundled.is_file():
        return {**browser_type_launch_args, "args": CHROMIUM_ARGS}
    system = Path(os.environ.get("CHROMIUM", SYSTEM_CHROMIUM))
    if not system.is_file() and not shutil.which(str(system)):
        pytest.exit(
            "No browser for Playwright: install Debian's chromium (apt-get install -y chromium) "
            "or run `playwright install chromium`.",
            returncode=3,
        )
    return {**browser_type_launch_args, "executable_path": str(system), "args": CHROMIUM_ARGS}
