"""The ``[[kind: name]]`` markers as a Python-Markdown extension, for any site generator.

Listed in ``markdown_extensions`` (``- guide.markers``), it expands each page's markers
before anything else reads the page (``guide.pages`` does the work; an unknown marker
fails the build). A marker needs to know the page being built and the site's settings;
Python-Markdown does not say, so they are read from what each generator gives its
extensions: MkDocs' link resolver (``relpath``), Zensical's rendering context.
"""

from __future__ import annotations

import posixpath
from collections.abc import Mapping
from typing import Any

from markdown import Extension, Markdown
from markdown.preprocessors import Preprocessor

from guide import pages

LINKED_PAGES = {"sources": "sources.md", "beyond": "beyond.md", "rights": "rights.md"}
"""The pages answers link to, by their source path."""


def url_of(src: str, directory_urls: bool = True) -> str:
    """A page's URL from the site's root, as the generators give it ("sources/", "./")."""
    stem = src.removesuffix(".md")
    if not directory_urls:
        return f"{stem}.html"
    if stem == "index" or stem.endswith("/index"):
        return stem.removesuffix("index") or "./"
    return f"{stem}/"


def relative_url(target: str, page_url: str) -> str:
    """``target`` (a URL from the site's root) as a link from the page at ``page_url``.
    The page's last part is a file if it has a dot, and a trailing slash is kept."""
    folder, last = posixpath.split(page_url or ".")
    start = folder if "." in last else page_url or "."
    path = posixpath.relpath(target, start or ".")
    return f"{path}/" if target.endswith("/") else path


def to_root(page_url: str) -> str:
    """From the page at ``page_url`` to its site's root, to put before a path: "", "../"."""
    return _prefix(relative_url(".", page_url))


def _prefix(relative: str) -> str:
    """ "." or "../.." as a prefix to put before a path: "" or "../../"."""
    return "" if relative == "." else f"{relative}/"


def links_for(src: str, config: Mapping[str, Any]) -> pages.Links:
    """How the page at ``src`` reaches the rest of the site, from the site's settings."""
    directory_urls = bool(config.get("use_directory_urls", True))
    here = url_of(src, directory_urls)
    extra = config.get("extra") or {}
    urls = {
        f"{name}_url": relative_url(url_of(path, directory_urls), here)
        for name, path in LINKED_PAGES.items()
    }
    return pages.Links(
        root_md=_prefix(posixpath.relpath(".", posixpath.dirname(src) or ".")),
        **urls,
        site_url=config.get("site_url") or "",
        root_url=to_root(here),
        offline=pages.is_offline(extra),
        page=src,
        lang=pages.page_language(config["theme"]["language"]),
        language_root=str(extra.get("language_root", "")),
    )


def page_and_settings(md: Markdown) -> tuple[str, Mapping[str, Any]]:
    """The page being built (its source path) and the site's settings, from the generator."""
    for processor in (*md.treeprocessors, *md.preprocessors):
        file, page = getattr(processor, "file", None), getattr(processor, "page", None)
        config = getattr(processor, "config", None)
        if not isinstance(config, Mapping):
            continue
        if file is not None:  # MkDocs' link resolver
            return str(file.src_uri), config
        if page is not None:  # Zensical's rendering context
            return str(page.path), config
    raise pages.MarkerError(
        "guide.markers needs to know the page being built: run it from MkDocs or Zensical"
    )


class _Expand(Preprocessor):
    def run(self, lines: list[str]) -> list[str]:
        src, settings = page_and_settings(self.md)
        try:
            return pages.expand("\n".join(lines), links_for(src, settings)).split("\n")
        except pages.MarkerError as error:
            raise pages.MarkerError(f"{src}: {error}") from error


class MarkersExtension(Extension):
    def extendMarkdown(self, md: Markdown) -> None:  # noqa: N802 (Python-Markdown's name)
        # Before whitespace is normalised (30): a page's markers are expanded as written.
        md.preprocessors.register(_Expand(md), "guide_markers", 35)


def makeExtension(**kwargs: Any) -> MarkersExtension:  # noqa: N802 (Python-Markdown's name)
    return MarkersExtension(**kwargs)
