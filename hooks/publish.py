"""MkDocs glue: publish nothing of the build.

The theme and Pyodide ship source maps of their scripts, which readers never need; they
are removed, with the comments that point at them. Then the built site is searched for
the build machine's checkout path and for any temporary folder the build made (in the
engine snapshot too, inflated), and for a source-map comment left in a script: finding
one fails the build instead of publishing where, and by whom, the site was made.
"""

from __future__ import annotations

import gzip
import re
import tempfile
from pathlib import Path
from urllib.parse import urlsplit

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError

from guide import pages

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


def on_post_build(config: MkDocsConfig) -> None:
    site = Path(config.site_dir)
    drop_source_maps(site)
    if pages.is_offline(config.extra):
        relative_404(site, urlsplit(config.site_url or "/").path or "/")
    project = str(Path(config.config_file_path).resolve().parent)
    found = leaks(site, project, TEMPORARY)
    if found:
        raise PluginError(
            f"the built site holds the build's path ({project} or a temporary folder): "
            f"{', '.join(found)}"
        )
    mapped = source_map_comments(site)
    if mapped:
        raise PluginError(f"published scripts still name a source map: {', '.join(mapped)}")
