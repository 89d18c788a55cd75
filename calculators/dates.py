"""Reading and counting dates the way the guide explains them.

"N days after D" is D plus N calendar days: D itself is day 0, and weekends and
holidays count like any other day. "N working days" are Mondays to Fridays.
Saying a date is the wording layer's job (``words.spoken``).
"""

from __future__ import annotations

import calendar
import re
import unicodedata
from datetime import date, timedelta

from .words import (
    TYPED_FORMAT,
    _,
    calendar_words,
    language,
    month_name,
    quoted,
    spoken,
    typed,
    typed_pattern,
)

EARLIEST = date(2000, 1, 1)
LATEST = date(2100, 12, 31)

_ISO = re.compile(r"(?P<year>[0-9]{4})-(?P<month>[0-9]{1,2})-(?P<day>[0-9]{1,2})")
EXAMPLE = date(2026, 10, 14)
"""The date hints show: its day cannot be read as a month, so the order is plain."""


def example() -> str:
    """An example date as the reader types it, with the date in words."""
    return _("{typed} for {spoken}").format(typed=typed(EXAMPLE), spoken=spoken(EXAMPLE))


class DateProblem(ValueError):
    """The text is not a usable date; the message says how to fix it."""


def parse(text: str) -> date:
    """Read a date as YYYY-MM-DD, or as the reader's language types it (14/10/2026 in
    Spanish, Portuguese and French), explaining exactly what is wrong when it is not one.

    The messages never repeat the date in ISO form: in a page the field shows it in
    the reader's own format, so the message says what to change instead.
    """
    text = text.strip()
    match = _ISO.fullmatch(text) or typed_pattern().fullmatch(text)
    parts = match and tuple(int(match.group(part)) for part in ("year", "month", "day"))
    parts = parts or _in_words(text)
    if not parts:
        raise DateProblem(
            _("{text} is not a date: write it as {format}, such as {example}.").format(
                text=quoted(text), format=_(TYPED_FORMAT), example=example()
            )
        )
    year, month, day = parts
    if not 1 <= month <= 12:
        raise DateProblem(_("There is no month {month}: the month is 1 to 12.").format(month=month))
    if not EARLIEST.year <= year <= LATEST.year:
        raise DateProblem(
            _("Enter a year between {first} and {last}.").format(
                first=EARLIEST.year, last=LATEST.year
            )
        )
    last_day = calendar.monthrange(year, month)[1]
    if not 1 <= day <= last_day:
        raise DateProblem(
            _("This is not a real date: {month} {year} has {count} days.").format(
                month=month_name(month), year=year, count=last_day
            )
        )
    return date(year, month, day)


_FILLERS = frozenset(
    {"de", "del", "of", "the", "le", "el", "er", "re", "o", "st", "nd", "rd", "th"}
)
"""Words around a date's parts that say nothing of it ("1er", "1º de agosto", "the 14th")."""


def _bare(text: str) -> str:
    """Lower case, without accents or trailing dots, so "Févr." reads as "fevr"."""
    text = unicodedata.normalize("NFKD", text.casefold().rstrip("."))
    return "".join(char for char in text if not unicodedata.combining(char))


def _words(text: str) -> list[str]:
    return re.findall(r"[0-9]+|[^\W\d_]+", text)


def _in_words(text: str) -> tuple[int, int, int] | None:
    """(year, month, day) from a date with its month in words, as the guide itself writes
    dates ("Wed 14 Oct 2026", "mercredi 14 octobre 2026", "14 de outubro de 2026") or
    with the month first ("Oct 14, 2026"), in the reader's language or in English."""
    names = [calendar_words()]
    with language():
        names.append(calendar_words())
    months = [
        (index % 12 + 1, _bare(name)) for words in names for index, name in enumerate(words[0])
    ]
    weekdays = {_bare(part) for words in names for name in words[1] for part in _words(name)}
    numbers: list[str] = []
    month: set[int] = set()
    for token in _words(unicodedata.normalize("NFKC", text)):
        word = _bare(token)
        if token.isdigit():
            numbers.append(token)
        elif word in _FILLERS or any(len(word) >= 2 and day.startswith(word) for day in weekdays):
            continue
        elif found := {
            n for n, name in months if word == name or len(word) >= 3 and name.startswith(word)
        }:
            if month:
                return None
            month = found
        else:
            return None
    if len(month) != 1 or len(numbers) != 2:
        return None
    day, year = numbers
    if len(day) > 2 or len(year) != 4:
        return None
    return int(year), month.pop(), int(day)


def years_after(start: date, years: int) -> date:
    """The same day ``years`` later; 29 February becomes 28 February in a common year."""
    try:
        return start.replace(year=start.year + years)
    except ValueError:
        return start.replace(year=start.year + years, day=28)


def days_after(start: date, days: int, working_days: bool = False) -> date:
    """``days`` calendar days after ``start``, or that many Mondays-to-Fridays."""
    if not working_days:
        return start + timedelta(days=days)
    day = start
    while days > 0:
        day += timedelta(days=1)
        days -= day.weekday() < 5
    return day
