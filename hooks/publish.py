"""MkDocs glue: publish nothing of the build.

The theme ships source maps of its bundles, which readers never need; they are
removed, with the comments that point at them. Then the built site is searched for
the build machine's checkout path (in the engine snapshot too, inflated): finding it
fails the build instead of publishing where, and by whom, the site was made.
"""

from __future__ import annotations

import gzip
import re
from pathlib import Path
from urllib.parse import urlsplit

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError

from calculators import pages

MAP_COMMENT = re.compile(rb"\n?/[/*]# sourceMappingURL=[^\n]*?(\*/)?(?=\n|$)")


def drop_source_maps(site: Path) -> None:
    for source_map in site.rglob("*.map"):
        source_map.unlink()
    for asset in (*site.rglob("*.js"), *site.rglob("*.css")):
        text = asset.read_bytes()
        if b"sourceMappingURL" in text:
            asset.write_bytes(MAP_COMMENT.sub(b"", text))


def leaks(site: Path, secret: str) -> list[str]:
    """The published files that hold ``secret`` (gzip files are searched inflated)."""
    needle = secret.encode()
    found = []
    for path in site.rglob("*"):
        if not path.is_file():
            continue
        data = path.read_bytes()
        if data[:2] == b"\x1f\x8b":
            data = gzip.decompress(data)
        if needle in data:
            found.append(str(path.relative_to(site)))
    return found


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
    found = leaks(site, project)
    if found:
        raise PluginError(f"the built site holds the build's path {project}: {', '.join(found)}")
