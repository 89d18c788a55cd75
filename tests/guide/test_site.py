"""What the post-build step reads of a site's configuration, as MkDocs reads it."""

from __future__ import annotations

from pathlib import Path

import pytest

from guide.site import PublishError, Site, read_config
from tests.conftest import PROJECT


def test_each_language_inherits_the_english_configuration(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("GUIDE_BASE_CONFIG", raising=False)
    monkeypatch.setenv("SITE_URL", "https://example.test/guide/fr/")
    site = Site.from_config(PROJECT / "mkdocs-fr.yml", PROJECT / "site" / "fr")
    assert (site.lang, site.language_root, site.shares_engine) == ("fr", "../", True)
    assert site.site_url == "https://example.test/guide/fr/"
    assert site.root == (PROJECT / "site").resolve()
    assert site.name == "Guide des retours et remboursements AliExpress"
    assert not site.offline and site.directory_urls


def test_the_offline_build_is_read_as_one(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("GUIDE_SERVING", raising=False)
    site = Site.from_config(PROJECT / "mkdocs-offline.yml", PROJECT / "build" / "offline")
    assert (site.lang, site.offline, site.directory_urls, site.serving) == (
        "en",
        True,
        False,
        False,
    )


def test_env_tags_take_the_variable_or_the_default(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (tmp_path / "base.yml").write_text("site_url: !ENV [GUIDE_T_URL, 'http://d/']\nextra: {a: 1}\n")
    (tmp_path / "child.yml").write_text("INHERIT: base.yml\nextra: {b: !ENV GUIDE_T_B}\n")
    monkeypatch.delenv("GUIDE_T_URL", raising=False)
    monkeypatch.setenv("GUIDE_T_B", "true")
    assert read_config(tmp_path / "child.yml") == {
        "site_url": "http://d/",
        "extra": {"a": 1, "b": True},
    }


def test_a_configuration_that_cannot_be_read_is_named(tmp_path: Path) -> None:
    (tmp_path / "bad.yml").write_text("nav: [unclosed\n")
    with pytest.raises(PublishError, match=r"cannot read .*bad\.yml"):
        read_config(tmp_path / "bad.yml")
    with pytest.raises(PublishError, match=r"cannot read .*missing\.yml"):
        read_config(tmp_path / "missing.yml")
