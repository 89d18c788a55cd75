"""Calendar export: every upcoming deadline as an all-day event with a reminder.

Plain iCalendar (RFC 5545) text that calendar programs import; written by hand
because the standard library has no iCalendar writer.
"""

from __future__ import annotations

from datetime import date, timedelta

from .calculator import Deadline, Result

PRODUCT = "-//AliExpress Returns and Refunds Guide//Deadline calculators//EN"
REMINDER = "-P2D"
"""Two days before each deadline."""


def upcoming(result: Result) -> tuple[Deadline, ...]:
    return tuple(d for d in result.deadlines if d.date >= result.today)


def to_ics(result: Result, slug: str) -> str:
    """The result's upcoming deadlines as a VCALENDAR; CRLF line ends, lines folded."""
    lines = [
        "BEGIN:VCALENDAR",
        "VERSION:2.0",
        f"PRODID:{PRODUCT}",
        "CALSCALE:GREGORIAN",
        "METHOD:PUBLISH",
    ]
    for number, deadline in enumerate(upcoming(result), start=1):
        lines += _event(deadline, f"{slug}-{number}-{deadline.key}", result.today)
    lines.append("END:VCALENDAR")
    return "".join(_fold(line) + "\r\n" for line in lines)


def _event(deadline: Deadline, uid: str, today: date) -> list[str]:
    sources = ", ".join(f"{source.key} ({source.title})" for source in deadline.sources)
    when = (
        f"Expected between {deadline.earliest.isoformat()} and {deadline.date.isoformat()}. "
        if deadline.earliest
        else ""
    )
    description = f"{when}{deadline.rule}. Source: {sources}. {deadline.advice}".strip()
    return [
        "BEGIN:VEVENT",
        f"UID:{uid}-{deadline.date:%Y%m%d}@aliexpress-returns-guide",
        f"DTSTAMP:{today:%Y%m%d}T000000Z",
        f"DTSTART;VALUE=DATE:{deadline.date:%Y%m%d}",
        f"DTEND;VALUE=DATE:{deadline.date + timedelta(days=1):%Y%m%d}",
        f"SUMMARY:{_text('AliExpress order: ' + deadline.phrase())}",
        f"DESCRIPTION:{_text(description)}",
        "TRANSP:TRANSPARENT",
        "BEGIN:VALARM",
        "ACTION:DISPLAY",
        f"DESCRIPTION:{_text(deadline.phrase())}",
        f"TRIGGER:{REMINDER}",
        "END:VALARM",
        "END:VEVENT",
    ]


def _text(value: str) -> str:
    return value.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,").replace("\n", "\\n")


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
