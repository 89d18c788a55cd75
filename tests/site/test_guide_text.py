"""The guide's Markdown: every number comes from the policy data, every sentence is our own."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import PROJECT

DOCS = PROJECT / "docs"
SHARED_TOOL = PROJECT.parent / "shared" / "tools" / "copied-sentences.py"

NOT_PROSE = [
    re.compile(r"\A---\n.*?\n---\n", re.S),  # front matter
    re.compile(r"^(`{3,}|~{3,}).*?^\1", re.S | re.M),  # fenced code: commands, templates
    re.compile(r"`[^`\n]+`"),  # inline code
    re.compile(r"\[\[[^\]]*\]\]"),  # markers: filled in from calculators/policy.py
    re.compile(r"\]\([^)]*\)"),  # link targets
    re.compile(r"\{[#.][^}]*\}"),  # attribute lists
    re.compile(r"<[^>]+>"),  # HTML tags and their attributes
    re.compile(r"^\s*\d+\.\s", re.M),  # ordered-list markers
]


def prose(markdown: str) -> str:
    for pattern in NOT_PROSE:
        markdown = pattern.sub(" ", markdown)
    return markdown


PAGES = sorted(DOCS.rglob("*.md"))


@pytest.mark.parametrize("page", PAGES, ids=[str(p.relative_to(DOCS)) for p in PAGES])
def test_no_number_is_typed_into_prose(page: Path) -> None:
    typed = [
        line.strip()
        for line in prose(page.read_text(encoding="utf-8")).splitlines()
        if re.search(r"\d", line)
    ]
    assert not typed, "write figures as [[figure: …]] or [[fact: …]] markers:\n" + "\n".join(typed)


def test_the_guard_sees_a_typed_number() -> None:
    assert re.search(r"\d", prose("The seller has 15 days.\n"))
    assert not re.search(r"\d", prose("Opens [[figure: dispute_opens]].\n1. Step\n"))


@pytest.mark.skipif(not SHARED_TOOL.is_file(), reason="../shared/tools is not beside this clone")
def test_no_sentence_is_copied_from_the_source_articles() -> None:
    done = subprocess.run(
        [sys.executable, str(SHARED_TOOL), str(DOCS)], capture_output=True, text=True
    )
    assert done.returncode == 0, (
        "runs of ten or more words copied from the articles:\n" + done.stdout
    )
