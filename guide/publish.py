"""The post-build step: make a built folder the published guide, whatever built it.

    python -m guide.publish site --config mkdocs.yml

MkDocs runs it after each build (``hooks/post_build.py``); ``make zensical`` runs it after
Zensical's. In order, over one language's built site: the calculators' page script and
the engine go into the English site, which every language shares; each page gets its
language's details and, where it shows a calculator, the script that starts the engine
early; every calculator must have its embed page; the source maps go; every page gets the
Content-Security-Policy; the build's own paths must be nowhere; and the service worker
and the language's manifest are written last, as they list every file.
"""

from __future__ import annotations

import argparse
import gzip
import re
import sys
import tempfile
from pathlib import Path
from urllib.parse import urlsplit

from calculators import CALCULATORS
from calculators.words import FOLDERS
from guide import browser, csp, engine, markers, pages, service_worker
from guide.site import PublishError, Site

ENGINE_ANCHOR = "<!-- guide:engine -->"
"""Where a page's template wants the engine started (overrides/main.html): the script
goes there on pages that show a calculator; elsewhere the anchor goes."""
ENGINE_START = """<script data-worker="{worker}">
    window.calculatorsWorker = new Worker(document.currentScript.dataset.worker, {{
      type: "module",
    }});
    window.calculatorsWorker.addEventListener("error", (event) => {{
      event.target.missing = true;
    }});
  </script>"""
"""The same text on every page (one CSP hash); the worker's address is in data-worker."""
NOT_FOUND = "404.html"
MAP_COMMENT = re.compile(rb"\n?/[/*]# sourceMappingURL=[^\n]*?(\*/)?(?=\n|$)")
ANY_MAP_COMMENT = re.compile(rb"/[/*]\s*[#@]\s*sourceMappingURL\s*=")
"""Any source-map comment, also in a form MAP_COMMENT does not drop."""
SCRIPTS = ("*.js", "*.mjs", "*.cjs", "*.css")
"""Every published file that can name a source map (stylesheets too)."""
TEMPORARY = re.compile(re.escape(tempfile.gettempdir().encode()) + rb"/tmp[a-z0-9_]{8}\b")
"""A folder Python's tempfile made, as the engine's build does (its names: tmp + 8)."""


def scripts(site: Path) -> list[Path]:
    return [path for pattern in SCRIPTS for path in site.rglob(pattern)]


def drop_source_maps(site: Path) -> None:
    for source_map in site.rglob("*.map"):
        source_map.unlink()
    for asset in scripts(site):
        text = asset.read_bytes()
        if b"sourceMappingURL" in text:
            asset.write_bytes(MAP_COMMENT.sub(b"", text))


def source_map_comments(site: Path) -> list[str]:
    """The published scripts that still name a source map."""
    return [
        str(path.relative_to(site))
        for path in scripts(site)
        if ANY_MAP_COMMENT.search(path.read_bytes())
    ]


def leaks(site: Path, *secrets: str | re.Pattern[bytes]) -> list[str]:
    """The published files that hold any of ``secrets`` (gzip files are searched inflated)."""
    found = []
    for path in site.rglob("*"):
        if not path.is_file():
            continue
        data = path.read_bytes()
        if data[:2] == b"\x1f\x8b":
            data = gzip.decompress(data)
        if any(_holds(data, secret) for secret in secrets):
            found.append(str(path.relative_to(site)))
    return found


def _holds(data: bytes, secret: str | re.Pattern[bytes]) -> bool:
    return secret.encode() in data if isinstance(secret, str) else bool(secret.search(data))


def relative_404(site: Path, base: str) -> None:
    """The not-found page names its files from the site's root, which a folder on disk
    does not have: make them relative to the page, which sits at the root."""
    page = site / "404.html"
    if page.is_file() and base.startswith("/"):
        text = page.read_text(encoding="utf-8")
        page.write_text(
            re.sub(rf'(href|src)="{re.escape(base)}', r'\1="./', text), encoding="utf-8"
        )


def built_pages(site: Site) -> list[Path]:
    """This language's pages: the English site's leave out the other languages' folders."""
    others = () if site.shares_engine else tuple(FOLDERS.values())
    return [
        path
        for path in sorted(site.folder.rglob("*.html"))
        if path.relative_to(site.folder).parts[0] not in others
    ]


def page_url(site: Site, page: Path) -> str:
    """The page's address in its site, as the generator gave it ("faq/", "faq.html")."""
    relative = page.relative_to(site.folder).as_posix()
    if site.directory_urls and (relative == "index.html" or relative.endswith("/index.html")):
        return relative.removesuffix("index.html")
    return relative


def finish_page(site: Site, page: Path) -> None:
    """The page in its language, and the engine started where it shows a calculator."""
    text = page.read_text(encoding="utf-8")
    if ENGINE_ANCHOR not in text:
        raise PublishError(
            f"{page.relative_to(site.folder)} has no {ENGINE_ANCHOR}: "
            "overrides/main.html puts it where the engine starts (if this folder was "
            "published already, build it again)"
        )
    url, start = page_url(site, page), ""
    if pages.holds_calculator(text) and not site.offline:
        start = ENGINE_START.format(
            worker=f"{markers.to_root(url)}{site.language_root}{browser.WORKER}"
        )
    text = text.replace(ENGINE_ANCHOR, start)
    if page.name != NOT_FOUND:
        text = pages.in_its_language(text, site.lang, url)
    page.write_text(text, encoding="utf-8")


def missing_embeds(site: Site) -> list[str]:
    """The calculators without their page for other sites' iframes in this language."""
    files = (markers.url_of(f"embed/{slug}.md", site.directory_urls) for slug in CALCULATORS)
    return [
        slug
        for slug, url in zip(CALCULATORS, files, strict=True)
        if not (site.folder / (f"{url}index.html" if url.endswith("/") else url)).is_file()
    ]


def publish_nothing_of_the_build(folder: Path, project: Path) -> None:
    """Drop the source maps; fail if the build's paths or a source-map comment remain."""
    drop_source_maps(folder)
    found = leaks(folder, str(project), TEMPORARY)
    if found:
        raise PublishError(
            f"the built site holds the build's path ({project} or a temporary folder): "
            f"{', '.join(found)}"
        )
    mapped = source_map_comments(folder)
    if mapped:
        raise PublishError(f"published scripts still name a source map: {', '.join(mapped)}")


def publish(site: Site) -> None:
    """Make ``site.folder`` the published guide; raise PublishError if it cannot be."""
    browser.publish(site)
    built = built_pages(site)
    for page in built:
        finish_page(site, page)
    missing = missing_embeds(site)
    if missing:
        raise PublishError(
            f"no embed page for {', '.join(missing)}: each calculator needs "
            "embed/<name>.md in every language's docs, holding [[embed: <name>]]"
        )
    engine.publish(site)
    if site.offline:
        relative_404(site.folder, urlsplit(site.site_url or "/").path or "/")
    csp.publish(site, built)
    publish_nothing_of_the_build(site.folder, site.project)
    service_worker.publish(site)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m guide.publish", description=__doc__.splitlines()[0]
    )
    parser.add_argument("site", type=Path, help="the built site's folder (one language's)")
    parser.add_argument(
        "--config",
        type=Path,
        default=Path("mkdocs.yml"),
        help="the configuration it was built with",
    )
    args = parser.parse_args(argv)
    try:
        if not args.site.is_dir():
            raise PublishError(f"{args.site} is not a folder: build the site first")
        publish(Site.from_config(args.config, args.site))
    except PublishError as problem:
        print(f"guide.publish: {problem}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
