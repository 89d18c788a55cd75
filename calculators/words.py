"""The wording layer: every word a reader sees passes through here.

English is the source language. Code marks text with ``N_`` where it is declared and
translates it with ``_`` where it is shown, and never assembles grammar itself: plurals
go through ``ngettext``, lists through ``either``, dates through ``spoken``. Another
language is then a gettext catalog, not code. The active language is set once per
request with ``language(code)``, as Django's ``translation.override`` does.
"""

from __future__ import annotations

import gettext
import io
import re
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from datetime import date
from functools import cache
from pathlib import Path

DOMAIN = "calculators"
SOURCE_LANGUAGE = "en"
LOCALES = Path(__file__).with_name("locale")
CATALOGS = {"es": "es", "pt-BR": "pt_BR", "fr": "fr"}
"""The languages the guide speaks besides English, and their gettext folders: the one
list of languages (the site's folders, the Makefile and the tests follow it)."""
LANGUAGES = (SOURCE_LANGUAGE, *CATALOGS)
FOLDERS = {code: code.lower() for code in CATALOGS}
"""Each translated site's folder under the English one, and its mkdocs-<folder>.yml."""

_SOURCE = gettext.NullTranslations()
_field_dates: ContextVar[bool] = ContextVar("field_dates", default=False)
_active: ContextVar[gettext.NullTranslations] = ContextVar("words", default=_SOURCE)  # noqa: B039
_code: ContextVar[str] = ContextVar("language", default=SOURCE_LANGUAGE)


def N_(text: str) -> str:  # noqa: N802 - gettext's conventional name
    """Mark ``text`` for translation where it is declared; ``_`` translates it when shown."""
    return text


def NC_(context: str, text: str) -> str:  # noqa: N802 - as N_, with a context
    """Mark ``text`` for translation in ``context``, for words that read alike in English
    but not in other languages ("May" the month in short and in full)."""
    return text


def _(text: str) -> str:
    return _active.get().gettext(text)


def ngettext(singular: str, plural: str, count: int) -> str:
    return _active.get().ngettext(singular, plural, count)


def pgettext(context: str, text: str) -> str:
    return _active.get().pgettext(context, text)


class UnknownLanguage(ValueError):
    """A language the guide does not speak."""


@cache
def translations(code: str) -> gettext.NullTranslations:
    """The compiled catalog for ``code``; English is the text in the code itself.

    A checkout or an install that has only the .po files (nothing compiled them yet)
    compiles the catalog in memory on first use, so every language answers at once.
    """
    if code == SOURCE_LANGUAGE:
        return _SOURCE
    if code not in CATALOGS:
        raise UnknownLanguage(code)
    try:
        return gettext.translation(DOMAIN, LOCALES, languages=[CATALOGS[code]])
    except FileNotFoundError:
        from .mo import mo_bytes  # only where nothing was compiled: not in the browser

        po = LOCALES / CATALOGS[code] / "LC_MESSAGES" / f"{DOMAIN}.po"
        return gettext.GNUTranslations(io.BytesIO(mo_bytes(po)))


@contextmanager
def language(code: str = SOURCE_LANGUAGE) -> Iterator[None]:
    """Speak ``code`` inside the block (the command line, one bridge call, one page)."""
    code = code if code in LANGUAGES else SOURCE_LANGUAGE
    token, named = _active.set(translations(code)), _code.set(code)
    try:
        yield
    finally:
        _active.reset(token)
        _code.reset(named)


def current_language() -> str:
    """The code of the language being spoken, for choices a language suggests."""
    return _code.get()


def either(items: Iterable[str]) -> str:
    """Alternatives as a reader says them: "DHL, TNT, UPS or FedEx" ("… u Otro" in Spanish)."""
    return _joined(
        items,
        _("{items} or {last}"),
        pgettext("'or' before the sounds listed for it", "{items} or {last}"),
        pgettext("sounds before which 'or' changes, comma-separated", "(none)"),
    )


def both(items: Iterable[str]) -> str:
    """A list as a reader says it: "China Post and Hong Kong Post" ("… e Italia" in Spanish)."""
    return _joined(
        items,
        _("{items} and {last}"),
        pgettext("'and' before the sounds listed for it", "{items} and {last}"),
        pgettext("sounds before which 'and' changes, comma-separated", "(none)"),
    )


def _joined(items: Iterable[str], usual: str, changed: str, sounds: str) -> str:
    """Join a list with the language's word, in the form its last item's first sound asks
    for: the catalog names the sounds (Spanish "o, ho" turns "o" into "u")."""
    *rest, last = items
    if not rest:
        return last
    starts = tuple(s.strip().casefold() for s in sounds.split(",") if s.strip() != "(none)")
    form = changed if starts and last.casefold().startswith(starts) else usual
    return form.format(items=_(", ").join(rest), last=last)


_WEEKDAYS = (
    NC_("weekday", "Mon"),
    NC_("weekday", "Tue"),
    NC_("weekday", "Wed"),
    NC_("weekday", "Thu"),
    NC_("weekday", "Fri"),
    NC_("weekday", "Sat"),
    NC_("weekday", "Sun"),
)
_MONTHS = (
    NC_("month", "Jan"),
    NC_("month", "Feb"),
    NC_("month", "Mar"),
    NC_("month", "Apr"),
    NC_("month", "May"),
    NC_("month", "Jun"),
    NC_("month", "Jul"),
    NC_("month", "Aug"),
    NC_("month", "Sep"),
    NC_("month", "Oct"),
    NC_("month", "Nov"),
    NC_("month", "Dec"),
)
MONTH_NAMES = (
    NC_("month name", "January"),
    NC_("month name", "February"),
    NC_("month name", "March"),
    NC_("month name", "April"),
    NC_("month name", "May"),
    NC_("month name", "June"),
    NC_("month name", "July"),
    NC_("month name", "August"),
    NC_("month name", "September"),
    NC_("month name", "October"),
    NC_("month name", "November"),
    NC_("month name", "December"),
)


def weekday(day: date) -> str:
    return pgettext("weekday", _WEEKDAYS[day.weekday()])


def spoken(day: date) -> str:
    """A date as readers read it, the same in every browser: "Mon 2 Mar 2026".

    A month's first day has its own entry, as some languages say it as an ordinal
    ("1er août", "1º de agosto")."""
    return _("{weekday} {day} {month} {year}").format(
        weekday=weekday(day),
        day=pgettext("first day of a month", "1") if day.day == 1 else day.day,
        month=pgettext("month", _MONTHS[day.month - 1]),
        year=day.year,
    )


def short(day: date) -> str:
    """A date in few characters, for the verdict card on a phone; each language picks its
    form (the spoken one in English, "25/11/2026" where the full one takes three lines)."""
    # Translators: the fields are weekday, day, month (name), month_number (two digits) and year.
    return pgettext("a date short enough for a phone", "{weekday} {day} {month} {year}").format(
        weekday=weekday(day),
        day=day.day,
        month=pgettext("month", _MONTHS[day.month - 1]),
        month_number=f"{day.month:02}",
        year=day.year,
    )


def beside_short(day: date, today: date) -> str:
    """The time left, said beside the short date: with the weekday where the short date
    has none ("mercredi · dans 2 jours")."""
    # Translators: {weekday} is the day's name; keep only {days} if your short date has it.
    return pgettext("the time left beside the short date", "{days}").format(
        days=from_today(day, today), weekday=weekday(day)
    )


TYPED = N_("{year}-{month:02}-{day:02}")
"""How a date is typed in the language (translated to "{day:02}/{month:02}/{year}" where
the day comes first); ISO dates are read in every language."""
TYPED_FORMAT = N_("YYYY-MM-DD")
"""The same pattern, as a hint a reader reads ("JJ/MM/AAAA" in French)."""


def typed(day: date) -> str:
    """A date as the reader would type it: "2026-03-02", or "02/03/2026" in Spanish."""
    return _(TYPED).format(year=day.year, month=day.month, day=day.day)


def typed_pattern() -> re.Pattern[str]:
    """The language's typed form as a pattern with ``year``, ``month`` and ``day`` groups;
    a slash, a dot, a dash or a space may separate the parts."""
    parts = re.split(r"(\{\w+(?::\w+)?\})", _(TYPED))
    fields = {"year": r"(?P<year>[0-9]{4})", "month": r"(?P<month>[0-9]{1,2})"}
    fields["day"] = r"(?P<day>[0-9]{1,2})"
    pattern = "".join(
        fields[part.strip("{}").split(":")[0]] if part.startswith("{") else r"\s*[-/. ]\s*"
        for part in parts
        if part
    )
    return re.compile(pattern)


def labelled(label: str, text: str) -> str:
    """A label and what it names, punctuated each language's way ("Date : …" in French);
    a question and its answer need no colon ("Has it arrived? No")."""
    if label.rstrip().endswith(("?", "？")):
        return pgettext("a question and its answer", "{label} {text}").format(
            label=label, text=text
        )
    return _("{label}: {text}").format(label=label, text=text)


@contextmanager
def dates_as_fields() -> Iterator[None]:
    """Inside the block, messages about fields give dates as the reader types them, so a
    message under a field speaks of a date in the same form as the field shows it."""
    token = _field_dates.set(True)
    try:
        yield
    finally:
        _field_dates.reset(token)


def field_date(day: date) -> str:
    """A date in a message about a field: typed in a form, spoken elsewhere."""
    return typed(day) if _field_dates.get() else spoken(day)


def calendar_words() -> tuple[tuple[str, ...], tuple[str, ...]]:
    """The month names (full, then short, January first) and the weekday names the
    language writes dates with, for reading a date written in words."""
    months = tuple(pgettext("month name", name) for name in MONTH_NAMES)
    months += tuple(pgettext("month", name) for name in _MONTHS)
    return months, tuple(pgettext("weekday", name) for name in _WEEKDAYS)


def month_name(month: int) -> str:
    return pgettext("month name", MONTH_NAMES[month - 1])


def from_today(day: date, today: date) -> str:
    """How far a date is from today, in words: "in 3 days", "today", "2 days ago"."""
    delta = (day - today).days
    if delta == 0:
        return _("today")
    if delta == 1:
        return _("tomorrow")
    if delta == -1:
        return _("yesterday")
    if delta > 0:
        return ngettext("in {count} day", "in {count} days", delta).format(count=delta)
    return ngettext("{count} day ago", "{count} days ago", -delta).format(count=-delta)


def days(count: int) -> str:
    return ngettext("{count} day", "{count} days", count).format(count=count)


def quoted(text: str, limit: int = 30) -> str:
    """Echo what the reader typed safely: one printable line, shortened if long."""
    shown = "".join(c if c.isprintable() else f"\\u{ord(c):04x}" for c in text)
    return f'"{shown[:limit]}…"' if len(shown) > limit else f'"{shown}"'
