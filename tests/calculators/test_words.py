"""The wording layer: dates, distances and lists said the same way everywhere."""

from datetime import date

import pytest

from calculators import words


def test_speaks_dates_the_same_everywhere() -> None:
    assert words.spoken(date(2026, 3, 2)) == "Mon 2 Mar 2026"
    assert words.spoken(date(2028, 2, 29)) == "Tue 29 Feb 2028"


@pytest.mark.parametrize(
    ("lang", "first", "second"),
    [
        ("en", "Sat 1 Aug 2026", "Sun 2 Aug 2026"),
        ("es", "sábado, 1 de agosto de 2026", "domingo, 2 de agosto de 2026"),
        ("pt-BR", "sábado, 1º de agosto de 2026", "domingo, 2 de agosto de 2026"),
        ("fr", "samedi 1er août 2026", "dimanche 2 août 2026"),
    ],
)
def test_each_language_says_a_date_its_own_way(lang: str, first: str, second: str) -> None:
    with words.language(lang):
        assert words.spoken(date(2026, 8, 1)) == first
        assert words.spoken(date(2026, 8, 2)) == second


@pytest.mark.parametrize(
    ("day", "said"),
    [
        (date(2026, 3, 10), "today"),
        (date(2026, 3, 11), "tomorrow"),
        (date(2026, 3, 9), "yesterday"),
        (date(2026, 3, 15), "in 5 days"),
        (date(2026, 3, 7), "3 days ago"),
    ],
)
def test_from_today(day: date, said: str, today: date) -> None:
    assert words.from_today(day, today) == said


@pytest.mark.parametrize(
    ("items", "said"),
    [
        (["DHL"], "DHL"),
        (["a", "b"], "a or b"),
        (["DHL", "TNT", "UPS", "FedEx"], "DHL, TNT, UPS or FedEx"),
    ],
)
def test_alternatives(items: list[str], said: str) -> None:
    assert words.either(items) == said


@pytest.mark.parametrize(
    ("typed", "shown"),
    [
        ("0\x1e0", '"0\\u001e0"'),
        ("a\nb", '"a\\u000ab"'),
        ("Hong Kong Post", '"Hong Kong Post"'),
        ("x" * 40, '"' + "x" * 30 + '…"'),
    ],
)
def test_what_the_reader_typed_is_echoed_on_one_printable_line(typed: str, shown: str) -> None:
    assert words.quoted(typed) == shown


@pytest.mark.parametrize(
    ("lang", "said"),
    [("en", "Thu 5 Nov 2026"), ("es", "05/11/2026"), ("fr", "05/11/2026"), ("pt-BR", "05/11/2026")],
)
def test_a_short_date_fits_a_phones_verdict_card(lang: str, said: str) -> None:
    with words.language(lang):
        assert words.short(date(2026, 11, 5)) == said


@pytest.mark.parametrize(
    ("lang", "said"),
    [
        ("en", "in 2 days"),
        ("fr", "jeudi · dans 2 jours"),
        ("pt-BR", "quinta-feira · daqui a 2 dias"),
    ],
)
def test_the_time_left_beside_a_short_date_names_the_day_it_leaves_out(
    lang: str, said: str
) -> None:
    with words.language(lang):
        assert words.beside_short(date(2026, 11, 5), date(2026, 11, 3)) == said
