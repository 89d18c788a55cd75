"""Each language's term list: the words the guide must not use are nowhere in it."""

from __future__ import annotations

import re

import pytest

from calculators.mo import read_po
from calculators.words import CATALOGS, LOCALES
from tests.conftest import PROJECT

DOCS_FOLDERS = {"es": "es", "pt_BR": "pt-br", "fr": "fr"}
"""Each catalog's folder, and its pages' folder under docs/."""


def avoided(folder: str) -> list[tuple[str, str]]:
    """The ``avoid:`` lines of a language's term list: (phrase, why)."""
    path = LOCALES / folder / "terms.txt"
    found = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.startswith("avoid:"):
            phrase, _bar, why = line.removeprefix("avoid:").partition("|")
            found.append((phrase.strip(), why.strip()))
    return found


def texts(folder: str) -> dict[str, str]:
    """Everything the language's readers read: its pages and its catalog's translations."""
    pages = (PROJECT / "docs" / DOCS_FOLDERS[folder]).rglob("*.md")
    found = {str(page.relative_to(PROJECT)): page.read_text(encoding="utf-8") for page in pages}
    catalog = read_po(LOCALES / folder / "LC_MESSAGES" / "calculators.po")
    found["catalog"] = "\n".join(t for entry in catalog.values() for t in entry.translations)
    return found


@pytest.mark.parametrize("folder", CATALOGS.values())
def test_every_language_has_a_term_list(folder: str) -> None:
    lines = (LOCALES / folder / "terms.txt").read_text(encoding="utf-8").splitlines()
    assert sum(line.startswith("use:") for line in lines) >= 10
    assert avoided(folder)


@pytest.mark.parametrize("folder", CATALOGS.values())
def test_no_page_or_message_uses_a_word_its_term_list_avoids(folder: str) -> None:
    found = []
    for phrase, why in avoided(folder):
        pattern = re.compile(rf"(?<!\w){re.escape(phrase)}(?!\w)", re.IGNORECASE)
        found += [
            f"{where}: {phrase!r} ({why})"
            for where, text in texts(folder).items()
            if pattern.search(text)
        ]
    assert not found, "\n".join(found)


def test_the_pages_folders_are_the_languages() -> None:
    assert set(DOCS_FOLDERS) == set(CATALOGS.values())
    assert all((PROJECT / "docs" / docs).is_dir() for docs in DOCS_FOLDERS.values())
