"""The golden corpora: what readers are shown, in each language, reviewed as output."""

from __future__ import annotations

import pytest

from calculators.words import LANGUAGES
from guide import corpus


@pytest.mark.parametrize("lang", LANGUAGES)
def test_every_wording_change_is_reviewed_in_the_golden_corpus(lang: str) -> None:
    assert corpus.path(lang).is_file(), "run: python -m guide.catalogs corpus"
    assert corpus.body(lang) == corpus.stored(lang), (
        f"What readers see in {lang} changed: run `python -m guide.catalogs corpus`, "
        f"read the diff of {corpus.path(lang).name} as a reader would, and commit it."
    )


@pytest.mark.parametrize("lang", LANGUAGES)
def test_the_corpus_holds_no_slot_left_unfilled(lang: str) -> None:
    text = corpus.body(lang)
    for slot in ("{sources}", "{date}", "{count}", "{rule}", "{cite}", "%(", "%s"):
        assert slot not in text, slot


def test_every_verdict_state_is_in_the_corpus() -> None:
    text = corpus.body("en")
    for state in ("WAIT:", "ACT:", "URGENT:", "LATE:"):
        assert f"\n{state}" in text, state
