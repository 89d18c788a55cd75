"""The translation catalogs: complete, compiled the way gettext reads them, and spoken."""

from __future__ import annotations

import gettext
import io
from pathlib import Path

import pytest

from calculators import words
from guide import catalogs

FOLDERS = list(words.CATALOGS.values())


def test_every_worded_text_is_found() -> None:
    found = catalogs.extract()
    assert ("", "Why this date?") in found
    assert ("month", "Mar") in found and found[("month", "Mar")].context == "month"
    plural = found[("", "{count} date already passed")]
    assert plural.plural == "{count} dates already passed"


@pytest.mark.parametrize("folder", FOLDERS)
def test_no_catalog_lacks_a_string(folder: str) -> None:
    assert catalogs.missing(folder) == []


def test_a_compiled_catalog_reads_back_with_the_standard_gettext(tmp_path: Path) -> None:
    po = tmp_path / "x.po"
    catalogs.write_po(
        po,
        "Content-Type: text/plain; charset=UTF-8\nPlural-Forms: nplurals=2; plural=(n > 1);\n",
        [
            catalogs.Entry(catalogs.Message("Why this date?"), ["Pourquoi cette date ?"]),
            catalogs.Entry(catalogs.Message("Mar", context="month"), ["mars"]),
            catalogs.Entry(
                catalogs.Message("{count} day", plural="{count} days"),
                ["{count} jour", "{count} jours"],
            ),
            catalogs.Entry(catalogs.Message("Not yet"), [""]),
        ],
    )
    read = gettext.GNUTranslations(io.BytesIO(catalogs.mo_bytes(po)))
    assert read.gettext("Why this date?") == "Pourquoi cette date ?"
    assert read.pgettext("month", "Mar") == "mars"
    assert read.ngettext("{count} day", "{count} days", 1) == "{count} jour"
    assert read.ngettext("{count} day", "{count} days", 2) == "{count} jours"
    assert read.gettext("Not yet") == "Not yet"  # untranslated falls back to English
    assert catalogs.read_po(po)[("month", "Mar")].translations == ["mars"]
