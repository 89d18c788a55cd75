"""The markers as a Markdown extension: the links it works out, as each generator would."""

from __future__ import annotations

from types import SimpleNamespace

import markdown
import pytest
from mkdocs.structure.files import File

from guide import markers, pages
from tests.conftest import PROJECT

DOCS = PROJECT / "docs"
SOURCES = sorted(p.relative_to(DOCS).as_posix() for p in DOCS.glob("**/*.md"))


@pytest.mark.parametrize("directory_urls", [True, False], ids=["site", "offline"])
@pytest.mark.parametrize("target", ["sources.md", "index.md", "calculators/index.md"])
def test_links_are_the_ones_mkdocs_makes(directory_urls: bool, target: str) -> None:
    """The same relative address MkDocs gives a link, from every page of the guide."""
    to = File(target, str(DOCS), "site", directory_urls)
    for src in SOURCES:
        page = File(src, str(DOCS), "site", directory_urls)
        assert markers.url_of(src, directory_urls) == page.url
        ours = markers.relative_url(markers.url_of(target, directory_urls), page.url)
        assert ours == to.url_relative_to(page), src


def settings(**extra: object) -> dict[str, object]:
    return {"theme": {"language": "pt-BR"}, "site_url": "https://x.test/pt-br/", "extra": extra}


def render(text: str, src: str, config: dict[str, object]) -> str:
    """``text`` as Zensical renders a page: its context beside the markers."""

    class Context(markdown.preprocessors.Preprocessor):  # Zensical's, in shape
        def __init__(self, md: markdown.Markdown) -> None:
            super().__init__(md)
            self.page, self.config = SimpleNamespace(path=src), config

        def run(self, lines: list[str]) -> list[str]:
            return lines

    class WithContext(markdown.Extension):
        def extendMarkdown(self, md: markdown.Markdown) -> None:  # noqa: N802
            md.preprocessors.register(Context(md), "rendering_context", 40)

    return markdown.markdown(text, extensions=[WithContext(), "guide.markers", "attr_list"])


def test_a_page_gets_its_markers_in_its_language_with_links_from_where_it_is() -> None:
    html = render("[[calculator: dispute-window]]", "calculators/dispute-window.md", settings())
    assert 'data-sources="../../sources/"' in html
    assert 'data-rights="../../rights/"' in html
    assert "Esta calculadora funciona no seu navegador" in html


def test_links_between_pages_are_left_to_the_generator_as_markdown_links() -> None:
    links = markers.links_for("calculators/planner.md", settings(language_root="../"))
    assert (links.root_md, links.root_url, links.language_root) == ("../", "../../", "../")
    assert links.lang == "pt-BR" and links.site_url == "https://x.test/pt-br/"
    assert markers.links_for("index.md", settings()).root_url == ""


def test_an_unknown_marker_names_its_page() -> None:
    with pytest.raises(pages.MarkerError, match=r"^faq\.md: unknown figure '\[\[figure: x\]\]'"):
        render("See [[figure: x]].", "faq.md", settings())


def test_outside_a_generator_the_extension_says_what_it_needs() -> None:
    with pytest.raises(pages.MarkerError, match="run it from MkDocs or Zensical"):
        markdown.markdown("[[figure: dispute_opens]]", extensions=["guide.markers"])
