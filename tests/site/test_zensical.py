"""The site Zensical builds (``make zensical``) answers as the MkDocs build does.

Runs when ``.venv-zensical`` exists (``make zensical`` makes it); Zensical is not needed
for the guide, so a fresh ``make test`` skips this rather than install a second toolchain.
"""

from __future__ import annotations

import subprocess
import threading
from collections.abc import Iterator
from datetime import datetime

import pytest
from playwright.sync_api import Page, expect

from tests.conftest import PROJECT, TODAY, Site
from tests.server import serving
from tests.site.calc import verdict_is
from tests.site.conftest import assert_only_local

pytestmark = [
    pytest.mark.browser,
    pytest.mark.xdist_group("zensical"),  # one build, in one folder
    pytest.mark.skipif(
        not (PROJECT / ".venv-zensical" / "bin" / "python").is_file(),
        reason="Zensical is not installed: `make zensical` installs it in .venv-zensical",
    ),
]

SHARED = "calculators/dispute-window/#shipped=2026-03-02&carrier=China+Post"


@pytest.fixture(scope="module")
def zensical_site() -> Iterator[Site]:
    root = PROJECT / "build" / "zensical"  # Zensical builds only inside the project
    server = serving(str(root))
    url = f"http://127.0.0.1:{server.server_address[1]}/"
    built = subprocess.run(
        ["make", "zensical", f"ZENSICAL_SITE={root}", f"SITE_URL={url}"],
        cwd=PROJECT,
        capture_output=True,
        text=True,
        stdin=subprocess.DEVNULL,
    )
    assert built.returncode == 0, built.stdout + built.stderr
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield Site(root, url)
    server.shutdown()
    server.server_close()


def shared_verdict(page: Page, url: str) -> tuple[str | None, str | None, str]:
    page.clock.set_fixed_time(datetime(TODAY.year, TODAY.month, TODAY.day, 12, 0))
    page.goto(url + SHARED)
    card = verdict_is(page, "act", "2026-04-10")
    when = card.locator(".calc__verdict-when")
    return card.get_attribute("data-verdict"), when.inner_text(), card.inner_text()


def test_a_share_link_gets_the_same_verdict_from_both_builds(
    page: Page, site_url: str, zensical_site: Site
) -> None:
    requests: list[str] = []
    page.on("request", lambda request: requests.append(request.url))
    theirs = shared_verdict(page, zensical_site.url)
    assert_only_local(requests, zensical_site.url)
    assert shared_verdict(page, site_url) == theirs


def test_the_post_build_step_ran_over_zensicals_folder(zensical_site: Site) -> None:
    planner = (zensical_site.root / "calculators" / "planner" / "index.html").read_text()
    assert '<meta http-equiv="Content-Security-Policy"' in planner
    assert 'data-worker="../../assets/javascripts/calculators-worker.js"' in planner
    assert "guide:engine" not in planner
    for made in ("sw.js", "manifest.webmanifest", "assets/calculators.zip.br", "embed/planner"):
        assert (zensical_site.root / made).exists(), made


def test_zensicals_embed_page_answers_too(page: Page, zensical_site: Site) -> None:
    page.clock.set_fixed_time(datetime(TODAY.year, TODAY.month, TODAY.day, 12, 0))
    page.goto(zensical_site.url + "embed/" + SHARED.removeprefix("calculators/"))
    verdict_is(page, "act", "2026-04-10")
    expect(page.get_by_role("link", name="The full AliExpress refund guide")).to_be_visible()
