"""MkDocs glue: expand ``[[kind: name]]`` markers, and add each calculator's embed page.

The work is done by ``guide.pages``; an unknown marker fails the build.
"""

from __future__ import annotations

import posixpath

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File, Files
from mkdocs.structure.pages import Page
from mkdocs.utils import get_relative_url

from calculators import CALCULATORS
from calculators.words import language
from guide import pages

SOURCES_PAGE = "sources.md"
BEYOND_PAGE = "beyond.md"
RIGHTS_PAGE = "rights.md"


def on_files(files: Files, config: MkDocsConfig) -> Files:
    with language(pages.page_language(config.theme["language"])):
        for slug in CALCULATORS:
            page = pages.embed_page(slug)
            files.append(File.generated(config, f"embed/{slug}.md", content=page))
    return files


def on_page_markdown(
    markdown: str, page: Page, config: MkDocsConfig, files: Files, **_: object
) -> str:
    needed = (SOURCES_PAGE, BEYOND_PAGE, RIGHTS_PAGE)
    sources, beyond, rights = (files.get_file_from_path(path) for path in needed)
    if sources is None or beyond is None or rights is None:
        raise PluginError(f"{', '.join(needed)} are needed: answers link to them")
    folder = posixpath.dirname(page.file.src_uri)
    links = pages.Links(
        root_md=_prefix(posixpath.relpath(".", folder or ".")),
        sources_url=sources.url_relative_to(page.file),
        beyond_url=beyond.url_relative_to(page.file),
        rights_url=rights.url_relative_to(page.file),
        site_url=config.site_url or "",
        root_url=_prefix(get_relative_url(".", page.url)),
        offline=pages.is_offline(config.extra),
        page=page.file.src_uri,
        lang=pages.page_language(config.theme["language"]),
        language_root=str(config.extra.get("language_root", "")),
    )
    page.meta["calculator_engine"] = pages.uses_calculator(markdown)
    try:
        return pages.expand(markdown, links)
    except pages.MarkerError as error:
        raise PluginError(f"{page.file.src_uri}: {error}") from error


def _prefix(relative: str) -> str:
    """ "." or "../.." as a prefix to put before a path: "" or "../../"."""
    return "" if relative == "." else f"{relative}/"


def on_post_page(output: str, page: Page, config: MkDocsConfig) -> str:
    return pages.in_its_language(output, pages.page_language(config.theme["language"]), page.url)
