"""Shared fixtures: a frozen "today", the built site, a local server, and the browser."""

from __future__ import annotations

import functools
import http.server
import os
import shutil
import subprocess
import sys
import threading
from collections.abc import Iterator
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


@pytest.fixture(scope="session")
def built_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The site built once per run with ``mkdocs build --strict``."""
    site = tmp_path_factory.mktemp("site")
    build = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(site)],
        cwd=PROJECT,
        capture_output=True,
        text=True,
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},
    )
    assert build.returncode == 0, build.stderr
    return site


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


@pytest.fixture(scope="session")
def site_url(built_site: Path) -> Iterator[str]:
    """The built site served over HTTP on a free loopback port."""
    handler = functools.partial(_QuietHandler, directory=str(built_site))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}/"
    server.shutdown()
    server.server_close()


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
