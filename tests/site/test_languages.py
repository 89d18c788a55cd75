"""The guide in Spanish, Portuguese (Brazil) and French: every page, in its own words,
sharing one engine with the English site."""

from __future__ import annotations

import json
import re
from datetime import date
from html.parser import HTMLParser
from pathlib import Path

import pytest
from playwright.sync_api import Page, expect

from calculators.policy import SOURCES
from calculators.words import (
    TYPED_FORMAT,
    _,
    beside_short,
    labelled,
    language,
    short,
    spoken,
    typed,
)
from tests.site.calc import verdict_is
from tests.site.pages import DOCS, GUIDE, LANGUAGE_FOLDERS, page_url

FOLDERS = list(LANGUAGE_FOLDERS)


@pytest.mark.parametrize("folder", FOLDERS)
def test_every_page_exists_in_every_language(folder: str) -> None:
    english = {page.relative_to(DOCS) for page in GUIDE} | {
        page.relative_to(DOCS) for page in (DOCS / "embed").glob("*.md")
    }
    translated = {page.relative_to(DOCS / folder) for page in (DOCS / folder).rglob("*.md")}
    assert translated == english


@pytest.mark.parametrize("folder", FOLDERS)
def test_each_language_says_its_language_and_searches_its_own_pages(
    built_site: Path, folder: str
) -> None:
    code = LANGUAGE_FOLDERS[folder]
    home = (built_site / folder / "index.html").read_text(encoding="utf-8")
    assert f'<html lang="{code}"' in home
    with language(code):
        assert f'title="{_("Permanent link")}"' in home
    assert "Permanent link" not in home
    assert "Switch to dark mode" not in home and "Switch to light mode" not in home
    assert home.count('data-md-component="palette"') == 1
    index = json.loads((built_site / folder / "search" / "search_index.json").read_text())
    assert index["config"]["lang"][0] == code.split("-")[0].lower()
    assert all(not doc["location"].startswith(("es/", "fr/", "pt-br/")) for doc in index["docs"])


@pytest.mark.parametrize("folder", FOLDERS)
def test_every_page_names_each_languages_site_with_hreflang(built_site: Path, folder: str) -> None:
    page = (built_site / folder / "dispute" / "index.html").read_text(encoding="utf-8")
    links = dict(
        (lang, href)
        for href, lang in re.findall(
            r'<link rel="alternate" href="([^"]+)" hreflang="([^"]+)">', page
        )
    )
    assert set(links) == {"en", "es", "pt-BR", "fr"}
    assert links["en"] == "../../" and links[LANGUAGE_FOLDERS[folder]] == "../"
    selector = dict(
        (lang, href)
        for href, lang in re.findall(r'<a href="([^"]+)" hreflang="([^"]+)" class="md-select', page)
    )
    assert selector == {lang: href + "dispute/" for lang, href in links.items()}


@pytest.mark.browser
@pytest.mark.saves_data
def test_the_language_selector_leads_to_the_same_page(reader: Page, site_url: str) -> None:
    reader.goto(site_url + "fr/dispute/")
    reader.locator(".md-header .md-select").first.hover()
    reader.locator(".md-select__link", has_text="Español").click()
    expect(reader).to_have_url(site_url + "es/dispute/")
    expect(reader.locator("html")).to_have_attribute("lang", "es")


@pytest.mark.browser
@pytest.mark.parametrize("folder", FOLDERS)
def test_the_verdict_date_and_the_readers_dates_fit_a_phone_in_every_language(
    reader: Page, site_url: str, folder: str
) -> None:
    reader.set_viewport_size({"width": 360, "height": 800})
    reader.goto(f"{site_url}{folder}/calculators/planner/#shipped=2026-02-20&carrier=China+Post")
    card = verdict_is(reader, "act", "2026-03-31")
    date_box = card.locator(".calc__verdict-date").bounding_box()
    card_box = card.bounding_box()
    assert date_box and card_box
    assert date_box["x"] + date_box["width"] <= card_box["x"] + card_box["width"]
    # From a link, the introduction folds away: the state, the date and the whole action
    # are on the first screen.
    expect(reader.locator("article h1 + p")).to_be_hidden()
    expect(card.locator(".calc__verdict-action")).to_be_in_viewport(ratio=1)
    with language(LANGUAGE_FOLDERS[folder]):
        shipped = labelled(_("Date the seller shipped"), spoken(date(2026, 2, 20)))
    expect(reader.locator(".calc__given")).to_contain_text(shipped)


@pytest.mark.browser
@pytest.mark.parametrize(
    ("folder", "shipped", "wrong", "says"),
    [
        ("es", "20/02/2026", "31/02/2026", "Esta fecha no existe: febrero de 2026 tiene 28 días."),
        (
            "fr",
            "20/02/2026",
            "31/02/2026",
            "Cette date n'existe pas : février 2026 compte 28 jours.",
        ),
        (
            "pt-br",
            "20/02/2026",
            "31/02/2026",
            "Esta data não existe: fevereiro de 2026 tem 28 dias.",
        ),
        ("", "20 Feb 2026", "2026-02-31", "This is not a real date: February 2026 has 28 days."),
    ],
)
def test_dates_are_typed_as_the_language_writes_them(
    reader: Page, site_url: str, folder: str, shipped: str, wrong: str, says: str
) -> None:
    """A date typed the language's way is read as the day it means; a link keeps ISO,
    and a date that does not exist is named under its field, as the reader typed it."""
    prefix = f"{folder}/" if folder else ""
    reader.goto(f"{site_url}{prefix}calculators/planner/")
    with language(LANGUAGE_FOLDERS.get(folder, "en")):
        label, optional = _("Date the seller shipped"), _("(optional)")
        hint = _("{format}, for example {typed}").format(
            format=_(TYPED_FORMAT), typed=typed(date(2026, 10, 14))
        )
    shipped_field = reader.get_by_label(
        re.compile(rf"^{re.escape(label)}( {re.escape(optional)})?$")
    )
    expect(reader.locator(".calc__field--date .calc__hint").first).to_have_text(hint)
    shipped_field.fill(shipped)
    reader.locator("#calc-planner-carrier").select_option(label="China Post")
    verdict_is(reader, "act", "2026-03-31")
    expect(reader).to_have_url(re.compile(r"shipped=2026-02-20"))
    shipped_field.fill(wrong)
    shipped_field.blur()
    expect(reader.locator("#calc-planner-shipped-error")).to_have_text(says)
    expect(shipped_field).to_have_value(wrong)


def test_the_engine_is_built_once_and_shared(built_site: Path) -> None:
    for folder in FOLDERS:
        site = built_site / folder
        assert not (site / "assets" / "pyodide").exists()
        assert not list(site.rglob("calculators.snapshot.gz")) and not list(site.rglob("*.wasm"))
        planner = (site / "calculators" / "planner" / "index.html").read_text(encoding="utf-8")
        assert 'data-worker="../../../assets/javascripts/calculators-worker.js"' in planner
        assert '<script src="../../../assets/javascripts/calculators.js">' in planner


class _Article(HTMLParser):
    """The text a reader reads in a page's article, without code and the rules' sources."""

    def __init__(self) -> None:
        super().__init__()
        self.depth = 0
        self.skip = 0
        self.parts: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "article" or self.depth:
            self.depth += 1
        if self.depth and tag in ("code", "pre", "script", "style"):
            self.skip += 1

    def handle_endtag(self, tag: str) -> None:
        if self.depth and tag in ("code", "pre", "script", "style"):
            self.skip -= 1
        if self.depth:
            self.depth -= 1

    def handle_data(self, data: str) -> None:
        if self.depth and not self.skip:
            self.parts.append(data)


def sentences(page: Path) -> set[str]:
    parser = _Article()
    parser.feed(page.read_text(encoding="utf-8"))
    text = " ".join(" ".join(parser.parts).split())
    for source in SOURCES.values():  # the articles keep their own titles
        text = text.replace(source.title, "")
    return {s.strip() for s in re.split(r"(?<=[.!?:])\s+", text) if len(s.split()) >= 6}


ENGLISH_PAGES = [page_url(source) for source in GUIDE]


@pytest.mark.parametrize("folder", FOLDERS)
@pytest.mark.parametrize("url", ENGLISH_PAGES, ids=[url or "start-here" for url in ENGLISH_PAGES])
def test_no_english_sentence_is_left_in_a_translated_page(
    built_site: Path, folder: str, url: str
) -> None:
    english = sentences(built_site / url / "index.html")
    translated = sentences(built_site / folder / url / "index.html")
    assert not english & translated, sorted(english & translated)[:5]


@pytest.mark.browser
@pytest.mark.parametrize("folder", FOLDERS)
def test_the_planner_gives_the_same_verdict_in_every_language_in_its_words(
    reader: Page, site_url: str, folder: str
) -> None:
    link = "calculators/planner/#shipped=2026-02-20&carrier=China+Post"
    reader.goto(site_url + link)
    english = verdict_is(reader, "act", "2026-03-31").locator(".calc__verdict-date").inner_text()
    reader.goto(f"{site_url}{folder}/{link}")
    card = verdict_is(reader, "act", "2026-03-31")
    with language(LANGUAGE_FOLDERS[folder]):
        said, whole = short(date(2026, 3, 31)), spoken(date(2026, 3, 31))
        days = beside_short(date(2026, 3, 31), date(2026, 3, 10))
    expect(card.locator(".calc__verdict-date")).to_have_text(said)
    expect(card.locator(".calc__verdict-days")).to_have_text(days)
    assert " · " in days  # the weekday the short date leaves out
    expect(card.locator(".calc__verdict-date")).to_have_attribute("title", whole)
    assert said != english
    expect(reader.locator("html")).to_have_attribute("lang", LANGUAGE_FOLDERS[folder])
