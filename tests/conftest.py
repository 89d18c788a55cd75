"""Shared fixtures: a frozen "today", the built site, a local server, and the browser."""

from __future__ import annotations

import fcntl
import json
import os
import shutil
import subprocess
import sys
from dataclasses import dataclass
from datetime import date
from pathlib import Path

import pytest

PROJECT = Path(__file__).resolve().parent.parent
SYSTEM_CHROMIUM = Path("/usr/bin/chromium")
# What Playwright itself runs headless: Chromium without the browser around the page.
# Measured on 2 cores, the browser tests take about a sixth less time than in the full one.
HEADLESS_SHELL = Path("/usr/bin/chromium-headless-shell")
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


@dataclass(frozen=True)
class Site:
    root: Path
    url: str


@pytest.fixture(scope="session")
def site(tmp_path_factory: pytest.TempPathFactory, worker_id: str) -> Site:
    """The site built once per test run with ``make build`` (strict, every language),
    shared by every test worker, and served on a loopback port for as long as the run
    lasts (``tests/server.py``).

    The port is chosen before the build because Material's instant navigation only
    follows links under ``site_url``. The first worker to get here builds it; the others
    wait for it, and a failed build fails each of them with its message.
    """
    run = tmp_path_factory.getbasetemp()
    if worker_id != "master":
        run = run.parent  # each worker's folder is inside the run's
    record = run / "site.json"
    with (run / "site.lock").open("w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        if not record.is_file():
            record.write_text(json.dumps(_build_and_serve(run / "site")))
    shared = json.loads(record.read_text())
    if "error" in shared:
        pytest.fail(f"make build failed:\n{shared['error']}", pytrace=False)
    return Site(Path(shared["root"]), shared["url"])


def _build_and_serve(root: Path) -> dict[str, str]:
    root.mkdir()
    run = os.getppid() if os.environ.get("PYTEST_XDIST_WORKER") else os.getpid()
    server = subprocess.Popen(
        [sys.executable, "-m", "tests.server", str(root), "--while", str(run)],
        cwd=PROJECT,
        stdin=subprocess.DEVNULL,
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        text=True,
        start_new_session=True,
    )
    assert server.stdout is not None
    url = f"http://127.0.0.1:{server.stdout.readline().strip()}/"
    server.stdout.close()
    build = subprocess.run(  # as `make build` does: English, then every language
        ["make", "build", f"SITE={root}", f"SITE_URL={url}"],
        cwd=PROJECT,
        capture_output=True,
        text=True,
        stdin=subprocess.DEVNULL,
    )
    if build.returncode != 0:
        return {"error": build.stderr or build.stdout}
    return {"root": str(root), "url": url}


@pytest.fixture(scope="session")
def built_site(site: Site) -> Path:
    return site.root


@pytest.fixture(scope="session")
def site_url(site: Site) -> str:
    return site.url


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args: dict, browser_name: str) -> dict:
    """Playwright's own Chromium where it is installed; else $CHROMIUM, else the system's
    headless shell (unless the tests are watched with --headed), else its Chromium."""
    if browser_name != "chromium":
        return browser_type_launch_args
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        bundled = Path(playwright.chromium.executable_path)
    if bundled.is_file():
        return {**browser_type_launch_args, "args": CHROMIUM_ARGS}
    headless = browser_type_launch_args.get("headless", True)
    shell = HEADLESS_SHELL if headless and HEADLESS_SHELL.is_file() else SYSTEM_CHROMIUM
    system = Path(os.environ.get("CHROMIUM", shell))
    if not system.is_file() and not shutil.which(str(system)):
        pytest.exit(
            "No browser for Playwright: install Debian's chromium and chromium-headless-shell "
            "(apt-get install -y chromium chromium-headless-shell) "
            "or run `playwright install chromium`.",
            returncode=3,
        )
    return {**browser_type_launch_args, "executable_path": str(system), "args": CHROMIUM_ARGS}
