from datetime import date

import pytest

from calculators import dates


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
    ("text", "says"),
    [
        ("2026-02-30", "2026-02-30 is not a real date: February 2026 has 28 days"),
        ("2027-02-29", "2027-02-29 is not a real date: February 2027 has 28 days"),
        ("2028-02-30", "2028-02-30 is not a real date: February 2028 has 29 days"),
        ("2026-04-31", "April 2026 has 30 days"),
        ("2026-01-00", "January 2026 has 31 days"),
        ("2026-13-01", "has no month 13: the month is between 01 and 12"),
        ("2026-00-10", "has no month 0"),
        ("0000-01-01", "enter a year between 2000 and 2100"),
        ("1999-12-31", "out of range: enter a year between 2000 and 2100"),
        ("2101-01-01", "out of range"),
        ("02/03/2026", '"02/03/2026" is not a date in the form YYYY-MM-DD'),
        ("yesterday", "is not a date in the form YYYY-MM-DD, such as 2026-03-02"),
        ("2026-03-02T10:00", "is not a date in the form YYYY-MM-DD"),
    ],
)
def test_explains_what_is_wrong(text: str, says: str) -> None:
    with pytest.raises(dates.DateProblem, match=says):
        dates.parse(text)


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


def test_speaks_dates_the_same_everywhere() -> None:
    assert dates.spoken(date(2026, 3, 2)) == "Mon 2 Mar 2026"
    assert dates.spoken(date(2028, 2, 29)) == "Tue 29 Feb 2028"


@pytest.mark.parametrize(
    ("day", "words"),
    [
        (date(2026, 3, 10), "today"),
        (date(2026, 3, 11), "tomorrow"),
        (date(2026, 3, 9), "yesterday"),
        (date(2026, 3, 15), "in 5 days"),
        (date(2026, 3, 7), "3 days ago"),
    ],
)
def test_from_today(day: date, words: str, today: date) -> None:
    assert dates.from_today(day, today) == words


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
    assert dates.quoted(typed) == shown
