"""The engine's start: from the build's snapshot when it fits, normally when it does not."""

from __future__ import annotations

import functools
import io
import re
import threading
import time
import zipfile
from pathlib import Path

import pytest
from playwright.sync_api import ConsoleMessage, Page, Route, expect

from tests.conftest import _QuietHandler, _QuietServer
from tests.site.calc import fill
from tests.site.hooks import engine, unpack_snapshot
from tests.site.pages import GUIDE, page_id, page_url

pytestmark = pytest.mark.browser

PATH = "calculators/dispute-window/"
NORMAL_START = "The calculator engine is starting normally"
GUIDE_ONLY = [p for p in GUIDE if not re.search(r"\[\[\s*calculator\s*:", p.read_text("utf-8"))]
ENGINE_FILES = ("calculators.zip", "calculators.snapshot.gz", "calculators-worker.js")


def warnings_of(page: Page) -> list[str]:
    seen: list[str] = []

    def keep(message: ConsoleMessage) -> None:
        if message.type in ("warning", "error"):
            seen.append(message.text)

    page.on("console", keep)  # Playwright reports the worker's console here too
    return seen


def first_result(page: Page, site_url: str) -> None:
    page.goto(f"{site_url}{PATH}#shipped=2026-03-02&carrier=China+Post")
    expect(page.locator("[data-key=dispute_closes] .calc__date")).to_have_text("Fri 10 Apr 2026")


def test_a_calculator_page_starts_the_engine_from_its_snapshot_at_once(
    reader: Page, site_url: str, requests_made: list[str]
) -> None:
    warnings = warnings_of(reader)
    first_result(reader, site_url)
    assert f"{site_url}assets/calculators.snapshot.gz" in requests_made
    assert not [w for w in warnings if NORMAL_START in w], warnings
    # The worker is asked for from the page's head, before the theme's own script.
    worker = requests_made.index(f"{site_url}assets/javascripts/calculators-worker.js")
    theme = next(i for i, url in enumerate(requests_made) if "/javascripts/bundle." in url)
    assert worker < theme


def other_calculators(built_site: Path) -> bytes:
    """The same package in a zip with other bytes, as a stale or mixed deploy would serve."""
    out = io.BytesIO()
    with (
        zipfile.ZipFile(built_site / "assets" / "calculators.zip") as shipped,
        zipfile.ZipFile(out, "w", zipfile.ZIP_STORED) as repacked,
    ):
        for name in shipped.namelist():
            repacked.writestr(name, shipped.read(name))
    return out.getvalue()


def other_pyodide_build(built_site: Path) -> bytes:
    """The real snapshot with another build id stamped in its header."""
    memory = bytearray(unpack_snapshot((built_site / "assets" / engine.SNAPSHOT).read_bytes()))
    memory[16:20] = bytes(b ^ 0xFF for b in memory[16:20])
    return engine.pack_snapshot(bytes(memory))


@pytest.mark.parametrize(
    ("case", "url", "reason"),
    [
        ("missing", "**/calculators.snapshot.gz", "calculators.snapshot.gz answered 404"),
        ("corrupt", "**/calculators.snapshot.gz", ""),
        ("other Pyodide build", "**/calculators.snapshot.gz", "build id mismatch"),
        ("other calculators", "**/calculators.zip", "holds other calculators"),
    ],
)
def test_an_unusable_snapshot_means_a_normal_start(
    reader: Page, site_url: str, built_site: Path, case: str, url: str, reason: str
) -> None:
    bodies = {
        "corrupt": b"\x1f\x8b" + bytes(range(256)) * 64,
        "other Pyodide build": other_pyodide_build(built_site),
        "other calculators": other_calculators(built_site),
    }

    def serve(route: Route) -> None:
        if case == "missing":
            route.fulfill(status=404, body="")
        else:
            route.fulfill(status=200, body=bodies[case], content_type="application/octet-stream")

    reader.context.route(url, serve)
    warnings = warnings_of(reader)
    first_result(reader, site_url)
    expect(reader.locator(".calc__status")).to_be_hidden()
    normal = [w for w in warnings if NORMAL_START in w]
    assert len(normal) == 1 and reason in normal[0], warnings


@pytest.mark.parametrize("source", GUIDE_ONLY, ids=[page_id(p) for p in GUIDE_ONLY])
def test_a_guide_page_never_loads_the_engine(
    reader: Page, site_url: str, requests_made: list[str], source: Path
) -> None:
    workers: list[str] = []
    reader.on("worker", lambda worker: workers.append(worker.url))
    reader.goto(site_url + page_url(source), wait_until="networkidle")
    engine = [u for u in requests_made if "/assets/pyodide/" in u or u.endswith(ENGINE_FILES)]
    assert not engine and not [url for url in workers if url.endswith(ENGINE_FILES)]


class _SlowFirstSnapshot(_QuietHandler):
    """Sends the first request for the snapshot at a trickle, later ones at once."""

    snapshot_requests = 0
    finished = threading.Event()

    def end_headers(self) -> None:
        self.send_header("Cache-Control", "max-age=600")  # as GitHub Pages does
        super().end_headers()

    def copyfile(self, source, outputfile) -> None:  # type: ignore[no-untyped-def]
        if not self.path.endswith("/calculators.snapshot.gz"):
            return super().copyfile(source, outputfile)
        cls = type(self)
        cls.snapshot_requests += 1
        if cls.snapshot_requests > 1:
            super().copyfile(source, outputfile)
            cls.finished.set()
            return None
        while chunk := source.read(16_384):
            outputfile.write(chunk)
            time.sleep(0.05)  # about 330 KB/s: the whole file would take many seconds
        return None


def test_on_a_slow_connection_the_snapshot_waits_for_the_next_visit(
    page: Page, built_site: Path
) -> None:
    server = _QuietServer(
        ("127.0.0.1", 0), functools.partial(_SlowFirstSnapshot, directory=str(built_site))
    )
    threading.Thread(target=server.serve_forever, daemon=True).start()
    site_url = f"http://127.0.0.1:{server.server_address[1]}/"
    try:
        warnings = warnings_of(page)
        first_result(page, site_url)
        assert [w for w in warnings if "too slow for it to pay" in w], warnings

        # Once the engine is up, the snapshot is fetched in full for later visits...
        assert _SlowFirstSnapshot.finished.wait(30)
        warnings.clear()
        page.reload()
        expect(page.locator("[data-key=dispute_closes] .calc__date")).to_have_text(
            "Fri 10 Apr 2026"
        )
        # ...and the next visit starts from the browser's copy.
        assert not [w for w in warnings if NORMAL_START in w], warnings
        assert _SlowFirstSnapshot.snapshot_requests == 2
    finally:
        server.shutdown()
        server.server_close()


def test_a_worker_that_cannot_load_is_reported_at_once(reader: Page, site_url: str) -> None:
    reader.context.route("**/calculators-worker.js", lambda route: route.fulfill(status=404))
    reader.goto(site_url + PATH)
    fill(reader, shipped="2026-03-02")
    engine = reader.locator(".calc__status")
    # Well before the ten seconds after which a silent engine is given up on.
    expect(engine).to_contain_text("could not start in this browser", timeout=5_000)
    expect(reader.get_by_role("table")).to_contain_text("39 days after shipment")
