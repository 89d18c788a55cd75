"""Calendar export: every upcoming step of the order as an all-day event with a reminder.

Plain iCalendar (RFC 5545) text that calendar programs import; written by hand
because the standard library has no iCalendar writer. An event's UID names the
order and the step, never the date, so exporting the same order again updates
its events instead of adding new ones.
"""

from __future__ import annotations

import hashlib
from datetime import date, timedelta

from .calculator import Result
from .render import deadline_view, plain
from .timeline import Deadline
from .words import _, labelled

PRODUCT = "-//AliExpress Returns and Refunds Guide//Deadline calculators//EN"
REMINDER = "-P2D"
"""Two days before each deadline."""
ORDER_KEYS = ("shipped", "delivered")
"""Facts that name an order when the reader gives it no name: the first one given."""


def upcoming(result: Result) -> tuple[Deadline, ...]:
    return result.upcoming


def order_identity(result: Result, label: str = "") -> str:
    """A short, stable name for the order, for event UIDs."""
    if label:
        named = f"label={label.casefold()}"
    else:
        facts = result.facts
        key = next((k for k in ORDER_KEYS if k in facts), next(iter(facts), ""))
        named = f"{key}={facts.get(key, '')}"
    return hashlib.sha256(named.encode()).hexdigest()[:16]


def to_ics(result: Result, label: str = "") -> str:
    """The result's upcoming steps as a VCALENDAR; CRLF line ends, lines folded."""
    lines = [
        "BEGIN:VCALENDAR",
        "VERSION:2.0",
        f"PRODID:{PRODUCT}",
        "CALSCALE:GREGORIAN",
        "METHOD:PUBLISH",
    ]
    order = order_identity(result, label)
    for deadline in upcoming(result):
        lines += _event(deadline, f"{deadline.key}-{order}", result.today, label)
    lines.append("END:VCALENDAR")
    return "".join(_fold(line) + "\r\n" for line in lines)


def _event(deadline: Deadline, uid: str, today: date, label: str) -> list[str]:
    view = deadline_view(deadline, today)
    step = labelled(view["label"], view["when_text"])
    summary = (
        _("AliExpress order {label}: {step}").format(label=label, step=step)
        if label
        else _("AliExpress order: {step}").format(step=step)
    )
    description = " ".join(
        part
        for part in (view["advice"], plain(view["rule_line"]), *map(plain, view["others"]))
        if part
    )
    return [
        "BEGIN:VEVENT",
        f"UID:{uid}@aliexpress-returns-guide",
        f"DTSTAMP:{today:%Y%m%d}T000000Z",
        f"DTSTART;VALUE=DATE:{deadline.date:%Y%m%d}",
        f"DTEND;VALUE=DATE:{deadline.date + timedelta(days=1):%Y%m%d}",
        f"SUMMARY:{_text(summary)}",
        f"DESCRIPTION:{_text(description)}",
        "TRANSP:TRANSPARENT",
        "BEGIN:VALARM",
        "ACTION:DISPLAY",
        f"DESCRIPTION:{_text(step)}",
        f"TRIGGER:{REMINDER}",
        "END:VALARM",
        "END:VEVENT",
    ]


def _text(value: str) -> str:
    """Escape a TEXT value; line breaks of any kind become the literal "\\n"."""
    value = value.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,")
    return "\\n".join(value.splitlines())


def _fold(line: str) -> str:
    """Split a content line into pieces of at most 75 octets, never inside a character."""
    pieces: list[str] = []
    piece = ""
    for char in line:
        limit = 75 if not pieces else 74  # continuation lines start with a space
        if len((piece + char).encode()) > limit:
            pieces.append(piece)
            piece = ""
        piece += char
    pieces.append(piece)
    return "\r\n ".join(pieces)
