from datetime import date, timedelta

import pytest

from calculators import dates
from calculators.words import language, spoken, typed


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2026-03-02", date(2026, 3, 2)),
        (" 2026-03-02 ", date(2026, 3, 2)),
        ("2026-3-2", date(2026, 3, 2)),
        ("2028-02-29", date(2028, 2, 29)),
        ("2000-01-01", date(2000, 1, 1)),
        ("2100-12-31", date(2100, 12, 31)),
    ],
)
def test_reads_iso_dates(text: str, expected: date) -> None:
    assert dates.parse(text) == expected


@pytest.mark.parametrize(
    ("lang", "text", "expected"),
    [
        ("en", "14 Oct 2026", date(2026, 10, 14)),
        ("en", "Oct 14, 2026", date(2026, 10, 14)),
        ("en", "the 14th of October 2026", date(2026, 10, 14)),
        ("en", "Wed 14 Oct 2026", date(2026, 10, 14)),
        ("fr", "14 10 2026", date(2026, 10, 14)),
        ("fr", "14.10.2026", date(2026, 10, 14)),
        ("fr", "1er août 2026", date(2026, 8, 1)),
        ("fr", "14 oct. 2026", date(2026, 10, 14)),
        ("fr", "14 October 2026", date(2026, 10, 14)),
        ("es", "sábado, 14 de noviembre de 2026", date(2026, 11, 14)),
        ("pt-BR", "1º de agosto de 2026", date(2026, 8, 1)),
        ("pt-BR", "quarta-feira, 14 de out. de 2026", date(2026, 10, 14)),
    ],
)
def test_reads_a_date_with_its_month_in_words(lang: str, text: str, expected: date) -> None:
    with language(lang):
        assert dates.parse(text) == expected


@pytest.mark.parametrize("lang", ["en", "es", "fr", "pt-BR"])
def test_reads_back_every_date_the_guide_writes(lang: str) -> None:
    """A reader may copy a date from an answer into a field: it reads as itself."""
    with language(lang):
        for day in (date(2026, 1, 1) + timedelta(days=n) for n in range(0, 400, 3)):
            assert dates.parse(spoken(day)) == day
            assert dates.parse(typed(day)) == day


@pytest.mark.parametrize(
    "text", ["14 Ju 2026", "fish 14 Oct 2026", "Mon 14 Oct", "14 Oct Nov 2026", "140 Oct 2026"]
)
def test_refuses_words_that_do_not_make_one_date(text: str) -> None:
    with pytest.raises(dates.DateProblem, match="is not a date"):
        dates.parse(text)


@pytest.mark.parametrize(
    ("text", "says"),
    [
        ("2026-02-30", "This is not a real date: February 2026 has 28 days."),
        ("2027-02-29", "This is not a real date: February 2027 has 28 days."),
        ("2028-02-30", "This is not a real date: February 2028 has 29 days."),
        ("2026-04-31", "This is not a real date: April 2026 has 30 days."),
        ("2026-01-00", "This is not a real date: January 2026 has 31 days."),
        ("2026-13-01", "There is no month 13: the month is 1 to 12."),
        ("2026-00-10", "There is no month 0: the month is 1 to 12."),
        ("0000-01-01", "Enter a year between 2000 and 2100."),
        ("0002-11-20", "Enter a year between 2000 and 2100."),
        ("1999-12-31", "Enter a year between 2000 and 2100."),
        ("2101-01-01", "Enter a year between 2000 and 2100."),
        (
            "02/03/2026",
            '"02/03/2026" is not a date: write it as YYYY-MM-DD, such as 2026-10-14 for Wed 14 Oct 2026.',
        ),
        (
            "yesterday",
            '"yesterday" is not a date: write it as YYYY-MM-DD, such as 2026-10-14 for Wed 14 Oct 2026.',
        ),
        ("2026-03-02T10:00", "is not a date: write it as YYYY-MM-DD"),
    ],
)
def test_explains_what_is_wrong_without_repeating_the_iso_date(text: str, says: str) -> None:
    with pytest.raises(dates.DateProblem) as raised:
        dates.parse(text)
    assert says in str(raised.value)


@pytest.mark.parametrize(
    ("start", "days", "expected"),
    [
        (date(2026, 3, 2), 0, date(2026, 3, 2)),
        (date(2026, 3, 2), 6, date(2026, 3, 8)),
        (date(2026, 1, 28), 6, date(2026, 2, 3)),
        (date(2026, 12, 27), 6, date(2027, 1, 2)),
        (date(2028, 2, 25), 6, date(2028, 3, 2)),
        (date(2027, 2, 25), 6, date(2027, 3, 3)),
    ],
)
def test_days_after_counts_calendar_days(start: date, days: int, expected: date) -> None:
    assert dates.days_after(start, days) == expected


@pytest.mark.parametrize(
    ("start", "days", "expected"),
    [
        (date(2026, 3, 6), 1, date(2026, 3, 9)),  # Friday -> Monday
        (date(2026, 3, 7), 1, date(2026, 3, 9)),  # Saturday -> Monday
        (date(2026, 3, 2), 5, date(2026, 3, 9)),  # a whole week
        (date(2026, 6, 1), 30, date(2026, 7, 13)),  # six weeks
    ],
)
def test_working_days_skip_weekends(start: date, days: int, expected: date) -> None:
    assert dates.days_after(start, days, working_days=True) == expected


@pytest.mark.parametrize(
    ("lang", "text", "day"),
    [
        ("es", "14/10/2026", "2026-10-14"),
        ("pt-BR", "14/10/2026", "2026-10-14"),
        ("fr", "14.10.2026", "2026-10-14"),
        ("fr", "2/3/2026", "2026-03-02"),
        ("es", "2026-10-14", "2026-10-14"),  # ISO in every language
        ("en", "2026-10-14", "2026-10-14"),
    ],
)
def test_a_date_is_read_as_the_readers_language_types_it(lang: str, text: str, day: str) -> None:
    with language(lang):
        assert dates.parse(text) == date.fromisoformat(day)


def test_english_never_guesses_which_part_is_the_day() -> None:
    with pytest.raises(dates.DateProblem):
        dates.parse("03/02/2026")


@pytest.mark.parametrize("text", ["٢٠٢٦-١٠-١٤", "２０２６-10-14", "2026-1０-14"])
def test_only_ascii_digits_make_a_date(text: str) -> None:
    with pytest.raises(dates.DateProblem):
        dates.parse(text)
