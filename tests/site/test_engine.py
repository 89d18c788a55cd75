"""The engine's start: from the build's snapshot when it fits, normally when it does not."""

from __future__ import annotations

import functools
import io
import re
import threading
import time
import zipfile
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import datetime
from pathlib import Path

import pytest
from playwright.sync_api import ConsoleMessage, Page, Route, expect

from guide import engine
from tests.conftest import TODAY
from tests.server import QuietHandler, QuietServer
from tests.site.calc import fill, verdict_is
from tests.site.engine_files import brotli, unpack_snapshot

pytestmark = pytest.mark.browser

PATH = "calculators/dispute-window/"
NORMAL_START = "The calculator engine is starting normally"
ENGINE_FILES = ("calculators.zip", "calculators.snapshot.gz", "calculators-worker.js")
WORKER = "assets/javascripts/calculators-worker.js"
PACKED = ("pyodide/pyodide.asm.wasm", "pyodide/python_stdlib.zip", "calculators.zip")
"""Downloaded as their Brotli copies, NAME.br, beside them."""


def warnings_of(page: Page) -> list[str]:
    seen: list[str] = []

    def keep(message: ConsoleMessage) -> None:
        if message.type in ("warning", "error"):
            seen.append(message.text)

    page.on("console", keep)  # Playwright reports the worker's console here too
    return seen


def first_result(page: Page, site_url: str) -> None:
    """The dispute window for a China Post parcel, on the tests' frozen "today"."""
    page.clock.set_fixed_time(datetime(TODAY.year, TODAY.month, TODAY.day, 12, 0))
    page.goto(f"{site_url}{PATH}#shipped=2026-03-02&carrier=China+Post")
    expect(page.locator("[data-key=dispute_closes] .calc__date")).to_have_text("Fri 10 Apr 2026")


def test_a_calculator_page_starts_the_engine_from_its_snapshot_at_once(
    reader: Page, site_url: str, requests_made: list[str]
) -> None:
    workers: list[str] = []
    reader.on("worker", lambda worker: workers.append(worker.url))
    warnings = warnings_of(reader)
    first_result(reader, site_url)
    assert f"{site_url}assets/calculators.snapshot.gz" in requests_made
    assert not [w for w in warnings if NORMAL_START in w], warnings
    assert [url for url in workers if url.endswith(ENGINE_FILES)] == [site_url + WORKER]


def test_a_calculator_page_creates_its_worker_in_the_head_before_any_stylesheet_or_script(
    built_site: Path,
) -> None:
    """What the browser does first is what the page's head says first: no race to assert."""
    head = (
        (built_site / "calculators" / "dispute-window" / "index.html")
        .read_text()
        .split("</head>")[0]
    )
    starts = head.index("new Worker(")
    later = [m.start() for m in re.finditer(r"<link rel=\"stylesheet\"|<script src=", head)]
    assert later and starts < min(later)
    assert (
        "new Worker(" not in (built_site / "dispute" / "index.html").read_text().split("</head>")[0]
    )


def other_calculators(built_site: Path) -> bytes:
    """The same package in a zip with other bytes, as a stale or mixed deploy would serve."""
    out = io.BytesIO()
    with (
        zipfile.ZipFile(built_site / "assets" / "calculators.zip") as shipped,
        zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as repacked,
    ):
        for name in shipped.namelist():
            repacked.writestr(name, shipped.read(name))
    return brotli(out.getvalue())


def serve_package(page: Page, body: bytes) -> None:
    """The site's package replaced by ``body``, in the Brotli copy the worker downloads."""
    packed = brotli(body)
    page.context.route("**/calculators.zip.br", lambda route: route.fulfill(body=packed))


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
        ("other calculators", "**/calculators.zip.br", "holds other calculators"),
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


AFTER_IDLE = "() => new Promise((done) => requestIdleCallback(() => setTimeout(done)))"


def test_a_guide_page_warms_the_engine_once_it_has_loaded_for_the_next_calculator(
    reader: Page, site_url: str, requests_made: list[str]
) -> None:
    workers: list[str] = []
    reader.on("worker", lambda worker: workers.append(worker.url))
    reader.add_init_script(
        """const Original = window.Worker;
        window.Worker = function (...args) {
            if (String(args[0]).includes("calculators-worker")) window.engineStartedWhen = document.readyState;
            return new Original(...args);
        };"""
    )
    reader.goto(site_url + "not-arrived/")
    reader.wait_for_event("worker", lambda worker: worker.url.endswith(WORKER))
    assert reader.evaluate("window.engineStartedWhen") == "complete", "it waited for the page"
    reader.get_by_role("link", name="All my deadlines").first.click()  # instant navigation
    fill(reader, shipped="2026-02-20", carrier="China Post")
    verdict_is(reader, "act", "2026-03-31")
    assert [url for url in workers if url.endswith(ENGINE_FILES)] == [site_url + WORKER]


def test_a_guide_page_does_not_warm_the_engine_when_the_browser_saves_data(
    reader: Page, site_url: str, requests_made: list[str]
) -> None:
    cdp = reader.context.new_cdp_session(reader)
    cdp.send("Emulation.setDataSaverOverride", {"dataSaverEnabled": True})
    reader.goto(site_url + "not-arrived/", wait_until="load")
    assert reader.evaluate("navigator.connection.saveData") is True
    reader.evaluate(AFTER_IDLE)  # after the warm-up would have started
    reader.evaluate(AFTER_IDLE)
    assert not [url for url in requests_made if url.endswith(ENGINE_FILES) or "/pyodide/" in url]


class _Hosted(QuietHandler):
    """Serves with GitHub Pages' caching, and counts requests for the snapshot."""

    snapshot_requests = 0

    def end_headers(self) -> None:
        self.send_header("Cache-Control", "max-age=600")
        super().end_headers()

    def copyfile(self, source, outputfile) -> None:  # type: ignore[no-untyped-def]
        if self.path.endswith("/calculators.snapshot.gz"):
            type(self).snapshot_requests += 1
        super().copyfile(source, outputfile)


class _Slow(_Hosted):
    """Sends the runtime at a trickle, as a slow phone connection would."""

    snapshot_requests = 0

    def copyfile(self, source, outputfile) -> None:  # type: ignore[no-untyped-def]
        if not self.path.endswith((".wasm", ".wasm.br")):
            return super().copyfile(source, outputfile)
        while chunk := source.read(65_536):
            outputfile.write(chunk)
            time.sleep(0.02)  # about 3 MB/s: the runtime takes seconds, not milliseconds
        return None


@contextmanager
def hosted(built_site: Path, handler: type[_Hosted]) -> Iterator[str]:
    server = QuietServer(("127.0.0.1", 0), functools.partial(handler, directory=str(built_site)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        server.shutdown()
        server.server_close()


def test_on_a_slow_connection_the_snapshot_is_never_downloaded(
    page: Page, built_site: Path
) -> None:
    with hosted(built_site, _Slow) as site_url:
        first_result(page, site_url)
        page.reload()
        expect(page.locator("[data-key=dispute_closes] .calc__date")).to_have_text(
            "Fri 10 Apr 2026"
        )
    assert _Slow.snapshot_requests == 0


def test_the_next_visit_starts_from_the_snapshot_in_the_browsers_cache(
    page: Page, built_site: Path
) -> None:
    """Whether the first visit fetched the snapshot depends on how fast the runtime came,
    which a busy machine changes: the test makes sure it is cached, as a fast link would."""
    warnings = warnings_of(page)
    with hosted(built_site, _Hosted) as site_url:
        first_result(page, site_url)
        page.evaluate(f"fetch('{site_url}assets/{engine.SNAPSHOT}').then((r) => r.arrayBuffer())")
        page.reload()
        expect(page.locator("[data-key=dispute_closes] .calc__date")).to_have_text(
            "Fri 10 Apr 2026"
        )
    assert _Hosted.snapshot_requests == 1
    assert not [w for w in warnings if NORMAL_START in w], warnings


def test_a_worker_that_cannot_load_is_reported_at_once(reader: Page, site_url: str) -> None:
    reader.context.route("**/calculators-worker.js", lambda route: route.fulfill(status=404))
    reader.goto(site_url + PATH)
    fill(reader, shipped="2026-03-02")
    engine = reader.locator(".calc__status")
    # Well before the ten seconds after which a silent engine is given up on.
    expect(engine).to_contain_text("could not start in this browser", timeout=5_000)
    expect(reader.get_by_role("table")).to_contain_text("39 days after shipment")


def cut(route: Route, whole: bytes) -> None:
    route.fulfill(body=whole[: len(whole) // 2])


@pytest.mark.parametrize(
    ("packed", "broken"),
    [
        ("pyodide/pyodide.asm.wasm", "Brotli copy cut"),
        ("pyodide/pyodide.asm.wasm", "Brotli copy missing, plain copy cut"),
        ("pyodide/python_stdlib.zip", "Brotli copy cut"),
        ("calculators.zip", "Brotli copy cut"),
        ("calculators.zip", "Brotli copy a Wi-Fi login page"),
    ],
)
def test_a_broken_engine_file_is_reported_within_seconds(
    reader: Page, site_url: str, built_site: Path, packed: str, broken: str
) -> None:
    plain = built_site / "assets" / packed
    copy = plain.with_name(plain.name + ".br")
    if broken == "Brotli copy cut":
        whole = copy.read_bytes()
        reader.context.route(f"**/{copy.name}", lambda route: cut(route, whole))
    elif broken == "Brotli copy a Wi-Fi login page":
        portal = b"<!doctype html><title>Wi-Fi login</title>"
        reader.context.route(f"**/{copy.name}", lambda route: route.fulfill(body=portal))
    else:
        whole = plain.read_bytes()
        reader.context.route(f"**/{copy.name}", lambda route: route.fulfill(status=404))
        reader.context.route(f"**/{plain.name}", lambda route: cut(route, whole))
    reader.goto(site_url + PATH + "#shipped=2026-03-02&carrier=DHL")
    # Well before the ten seconds after which a silent engine is called slow.
    expect(reader.locator(".calc__status")).to_contain_text(
        "could not start in this browser", timeout=8_000
    )


def test_a_cut_standard_library_stops_python_and_is_reported(
    reader: Page, site_url: str, built_site: Path
) -> None:
    """Only Python can tell a zip is cut, once the runtime is up: reported, never a hang."""
    whole = (built_site / "assets" / "pyodide" / "python_stdlib.zip").read_bytes()
    reader.context.route("**/python_stdlib.zip.br", lambda route: route.fulfill(status=404))
    reader.context.route("**/python_stdlib.zip", lambda route: cut(route, whole))
    reader.context.route("**/calculators.snapshot.gz", lambda route: route.fulfill(status=404))
    reader.goto(site_url + PATH + "#shipped=2026-03-02&carrier=DHL")
    expect(reader.locator(".calc__status")).to_contain_text(
        "could not start in this browser", timeout=60_000
    )


@pytest.mark.parametrize(
    "missing",
    [
        "pyodide/pyodide.asm.wasm.br",
        "pyodide/python_stdlib.zip.br",
        "calculators.zip.br",
        "pyodide/brotli_dec_wasm.js",
    ],
)
def test_without_a_brotli_copy_or_the_decoder_the_plain_file_is_used(
    reader: Page, site_url: str, requests_made: list[str], missing: str
) -> None:
    reader.context.route(f"**/{missing}", lambda route: route.fulfill(status=404))
    reader.context.route("**/calculators.snapshot.gz", lambda route: route.fulfill(status=404))
    warnings = warnings_of(reader)
    first_result(reader, site_url)
    plain = [missing.removesuffix(".br")] if missing.endswith(".br") else list(PACKED)
    for name in plain:
        assert f"{site_url}assets/{name}" in requests_made
        assert [w for w in warnings if f"fetching the plain {name.split('/')[-1]}" in w], warnings
    assert len([w for w in warnings if "fetching the plain" in w]) == len(plain), warnings


def test_the_engine_files_come_in_their_brotli_copies(
    reader: Page, site_url: str, requests_made: list[str]
) -> None:
    reader.context.route("**/calculators.snapshot.gz", lambda route: route.fulfill(status=404))
    first_result(reader, site_url)
    for name in PACKED:
        assert f"{site_url}assets/{name}.br" in requests_made
        assert f"{site_url}assets/{name}" not in requests_made


@pytest.mark.parametrize(
    "body",
    [b"<!doctype html><title>Wi-Fi login</title>", b"PK\x03\x04 cut short"],
    ids=["portal", "cut"],
)
def test_a_corrupt_package_gets_a_plain_message_never_a_traceback(
    reader: Page, site_url: str, body: bytes
) -> None:
    serve_package(reader, body)
    reader.goto(site_url + PATH + "#shipped=2026-03-02&carrier=DHL")
    status = reader.locator(".calc__status")
    expect(status).to_contain_text("could not start in this browser")
    assert "Traceback" not in reader.locator("article").inner_text()
    assert "File " not in status.inner_text()


def python_that_fails(built_site: Path) -> bytes:
    """The shipped package, but with a bridge whose every call raises."""
    out = io.BytesIO()
    with (
        zipfile.ZipFile(built_site / "assets" / "calculators.zip") as shipped,
        zipfile.ZipFile(out, "w") as broken,
    ):
        for name in shipped.namelist():
            text = shipped.read(name)
            if name == "calculators/web.py":
                text += b"\n\ndef call(request):\n    raise RuntimeError('boom')\n"
            broken.writestr(name, text)
    return out.getvalue()


def test_a_call_that_raises_gets_an_answer_and_a_plain_message(
    reader: Page, site_url: str, built_site: Path
) -> None:
    serve_package(reader, python_that_fails(built_site))
    reader.goto(site_url + PATH + "#shipped=2026-03-02&carrier=DHL")
    expect(reader.locator(".calc__status")).to_have_text(
        "Something went wrong while working out your dates. Reload the page to try again."
    )
    fill(reader, carrier="UPS")  # the next question is answered too: nothing hangs
    expect(reader.locator(".calc")).to_have_attribute("data-answers", "2")
