"""Reading, counting and saying dates the way the guide explains them.

"N days after D" is D plus N calendar days: D itself is day 0, and weekends
and holidays count like any other day.
"""

from __future__ import annotations

import calendar
import re
from datetime import date, timedelta

EARLIEST = date(2000, 1, 1)
LATEST = date(2100, 12, 31)

_ISO = re.compile(r"(\d{4})-(\d{1,2})-(\d{1,2})")
# Fixed English names: calendar's own follow the process locale.
_WEEKDAYS = ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")
_MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")
_MONTH_NAMES = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)


def quoted(text: str, limit: int = 30) -> str:
    """Echo what the reader typed safely: one printable line, shortened if long."""
    shown = "".join(c if c.isprintable() else f"\\u{ord(c):04x}" for c in text)
    return f'"{shown[:limit]}…"' if len(shown) > limit else f'"{shown}"'


class DateProblem(ValueError):
    """The text is not a usable date; the message says how to fix it."""


def parse(text: str) -> date:
    """Read a YYYY-MM-DD date, explaining exactly what is wrong when it is not one."""
    text = text.strip()
    match = _ISO.fullmatch(text)
    if not match:
        raise DateProblem(
            f"{quoted(text)} is not a date in the form YYYY-MM-DD, such as 2026-03-02"
        )
    year, month, day = (int(part) for part in match.groups())
    if not 1 <= month <= 12:
        raise DateProblem(f"{text} has no month {month}: the month is between 01 and 12")
    if year < 1:
        raise DateProblem(f"{text} has no year 0000: enter a year between 2000 and 2100")
    last_day = calendar.monthrange(year, month)[1]
    if not 1 <= day <= last_day:
        raise DateProblem(
            f"{text} is not a real date: {_MONTH_NAMES[month - 1]} {year} has {last_day} days"
        )
    value = date(year, month, day)
    if not EARLIEST <= value <= LATEST:
        raise DateProblem(f"{text} is out of range: enter a year between 2000 and 2100")
    return value


def days_after(start: date, days: int, weekdays_only: bool = False) -> date:
    """``days`` calendar days after ``start``, or that many Mondays-to-Fridays."""
    if not weekdays_only:
        return start + timedelta(days=days)
    day = start
    while days > 0:
        day += timedelta(days=1)
        days -= day.weekday() < 5
    return day


def spoken(day: date) -> str:
    """A date as readers read it, the same in every browser: "Mon 2 Mar 2026"."""
    return f"{_WEEKDAYS[day.weekday()]} {day.day} {_MONTHS[day.month - 1]} {day.year}"


def from_today(day: date, today: date) -> str:
    """How far a date is from today, in words: "in 3 days", "today", "2 days ago"."""
    delta = (day - today).days
    if delta == 0:
        return "today"
    if delta == 1:
        return "tomorrow"
    if delta == -1:
        return "yesterday"
    return f"in {delta} days" if delta > 0 else f"{-delta} days ago"
