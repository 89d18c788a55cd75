"""The post-build step on small built folders: pages finished, embeds required, errors said."""

from __future__ import annotations

from pathlib import Path

import pytest

from calculators import CALCULATORS
from guide import publish
from guide.site import PublishError, Site
from tests.conftest import PROJECT

HEAD = '<html lang="pt"><head><title>t</title>\n  <!-- guide:engine -->\n</head><body>{body}</body>'
CALCULATOR = '<div class="calc" data-calculator="planner"></div>'


def write(folder: Path, relative: str, body: str = "") -> Path:
    page = folder / relative
    page.parent.mkdir(parents=True, exist_ok=True)
    page.write_text(HEAD.format(body=body), encoding="utf-8")
    return page


def site(folder: Path, **settings: object) -> Site:
    return Site(folder=folder, project=PROJECT, **settings)  # type: ignore[arg-type]


def test_a_calculator_page_starts_the_engine_and_other_pages_do_not(tmp_path: Path) -> None:
    planner = write(tmp_path, "calculators/planner/index.html", CALCULATOR)
    faq = write(tmp_path, "faq/index.html")
    es = site(tmp_path, lang="pt-BR", language_root="../")
    for page in (planner, faq):
        publish.finish_page(es, page)
    text = planner.read_text()
    assert '<script data-worker="../../../assets/javascripts/calculators-worker.js">' in text
    assert '<html lang="pt-BR"' in text and "guide:engine" not in text
    assert "calculatorsWorker" not in faq.read_text() and "guide:engine" not in faq.read_text()


def test_pages_opened_from_disk_start_no_worker(tmp_path: Path) -> None:
    planner = write(tmp_path, "calculators/planner.html", CALCULATOR)
    publish.finish_page(site(tmp_path, offline=True, directory_urls=False), planner)
    assert "calculatorsWorker" not in planner.read_text()


def test_a_page_whose_template_lost_the_anchor_fails(tmp_path: Path) -> None:
    page = tmp_path / "index.html"
    page.write_text("<html><head></head><body></body></html>")
    with pytest.raises(PublishError, match="index.html has no <!-- guide:engine -->"):
        publish.finish_page(site(tmp_path), page)


def test_each_calculator_needs_its_embed_page(tmp_path: Path) -> None:
    for slug in CALCULATORS:
        write(tmp_path, f"embed/{slug}/index.html")
    assert publish.missing_embeds(site(tmp_path)) == []
    (tmp_path / "embed" / "planner" / "index.html").unlink()
    assert publish.missing_embeds(site(tmp_path)) == ["planner"]
    offline = site(tmp_path, directory_urls=False)
    assert publish.missing_embeds(offline) == list(CALCULATORS)


def test_the_english_site_leaves_the_other_languages_pages_alone(tmp_path: Path) -> None:
    write(tmp_path, "index.html")
    write(tmp_path, "fr/index.html")
    assert publish.built_pages(site(tmp_path)) == [tmp_path / "index.html"]
    french = site(tmp_path / "fr", language_root="../")
    assert publish.built_pages(french) == [tmp_path / "fr" / "index.html"]


def test_the_command_says_what_is_wrong_in_one_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert publish.main([str(tmp_path / "nowhere"), "--config", str(PROJECT / "mkdocs.yml")]) == 1
    error = capsys.readouterr().err
    assert error.startswith("guide.publish: ") and "is not a folder: build the site first" in error
    assert error.count("\n") == 1
