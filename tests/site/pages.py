"""The guide's pages, as the tests address them."""

from __future__ import annotations

from pathlib import Path
from urllib.parse import urlencode

import pytest
from _pytest.mark import ParameterSet

from calculators import CALCULATORS
from calculators.words import FOLDERS
from tests.conftest import PROJECT

DOCS = PROJECT / "docs"
SAVES_DATA = pytest.mark.saves_data
LANGUAGE_FOLDERS = {folder: code for code, folder in FOLDERS.items()}
"""Each language's folder (docs/<folder>/, site/<folder>/) and its code."""
GUIDE = sorted(
    page
    for page in DOCS.rglob("*.md")
    if page.relative_to(DOCS).parts[0] not in (*LANGUAGE_FOLDERS, "embed")
)
"""The English pages; every language has the same ones (tests/site/test_languages.py).
The embed pages (docs/embed/) are the calculators' for other sites: ``EMBEDS``."""


def page_url(source: Path) -> str:
    """Where MkDocs publishes a Markdown file, relative to the site root."""
    relative = source.relative_to(DOCS).with_suffix("")
    if relative.name == "index":
        relative = relative.parent
    return "" if relative == Path(".") else f"{relative}/"


def page_id(source: Path) -> str:
    return page_url(source) or "start-here"


def calculator_at(url: str) -> str | None:
    """The calculator a page shows (a calculator's page or its embed), if any."""
    parts = [part for part in url.split("#")[0].split("/") if part]
    slug = parts[-1] if len(parts) >= 2 and parts[-2] in ("calculators", "embed") else ""
    return slug if slug in CALCULATORS else None


def read(urls: list[str]) -> list[ParameterSet]:
    """``urls`` as parameters, each guide page marked ``saves_data``: a test that reads it
    needs no engine, and a calculator's page starts its own anyway."""
    return [
        pytest.param(
            url,
            id=url.split("#")[0] or "start-here",
            marks=() if calculator_at(url) else SAVES_DATA,
        )
        for url in urls
    ]


def with_sample_dates(url: str) -> str:
    """A calculator page's URL with every input filled through a shared link."""
    slug = calculator_at(url)
    if slug is None:
        return url
    calculator = CALCULATORS[slug]
    samples = {"date": lambda spec: "2026-03-02", "days": lambda spec: "5"}
    sample = {
        spec.name: samples.get(spec.kind, lambda spec: spec.choices[0].value)(spec)
        for spec in calculator.inputs
        if spec.name != "rejected"  # a dispute is resolved or rejected, not both
    }
    return f"{url}#{urlencode(sample)}"


EMBEDS = [f"embed/{slug}/" for slug in CALCULATORS]
