"""The one renderer of results: a Result in words, for every output.

The command line, the JSON the page draws, and the calendar file all lay out what
``present`` returns; none of them words anything itself. Text that cites sources
carries a ``{sources}`` slot and the sources beside it, so each output can fill it
its own way: links in the page, titles on the command line.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from typing import Any

from .calculator import Calculator, Result
from .inputs import COUNTRY
from .policy import REVIEWED, SOURCE_YEARS, SOURCES, Source, country_of
from .timeline import Deadline, Kind, Note, worded
from .verdict import Verdict
from .words import _, beside_short, from_today, labelled, ngettext, short, spoken

Line = dict[str, Any]
"""{"text": "... {sources} ...", "sources": [{"key": ..., "name": ..., "title": ...}],
"plain": the text with its sources named, for readers of the JSON who draw no links}"""


def _state_words(state: str, today: bool) -> tuple[str, str]:
    """(what the state is called, the phrase before its date), never colour alone.

    A wait dated today has no known end; a late step dated today ended by then.
    """
    if state == "wait":
        return _("Wait"), _("Keep checking from") if today else _("Nothing to do until")
    if state == "act":
        return _("Act"), _("Do this by")
    if state == "urgent":
        return _("Urgent"), _("Do this now, by")
    return _("Late"), _("Over as of") if today else _("The safest date was")


def line(text: str, sources: tuple[Source, ...] = ()) -> Line:
    item: Line = {"text": text, "sources": [source.as_dict() for source in sources]}
    return {**item, "plain": plain(item)}


def plain(item: Line) -> str:
    """A line as plain text: its ``{sources}`` slot filled with the sources' keys."""
    keys = ", ".join(source["name"] for source in item["sources"])
    return str(item["text"]).replace("{sources}", keys)


def lines(value: Any) -> Iterator[Line]:
    """Every cited line in a view, wherever it sits."""
    if isinstance(value, dict):
        if "sources" in value and "text" in value:
            yield value
        for item in value.values():
            yield from lines(item)
    elif isinstance(value, list):
        for item in value:
            yield from lines(item)


def cited(view: dict[str, Any]) -> list[dict[str, str]]:
    """Every source the view cites, once each, for a list under plain text."""
    found = {source["key"]: source for item in lines(view) for source in item["sources"]}
    return sorted(found.values(), key=lambda source: source["key"])


def cite(sources: tuple[Source, ...]) -> str:
    """ "source {sources}" or "sources {sources}", the slot left for the output to fill."""
    return ngettext("source {sources}", "sources {sources}", len(sources))


def rule_line(deadline: Deadline) -> Line:
    if not deadline.sources:
        return line(deadline.rule)
    text = _("{rule} ({cite})").format(rule=deadline.rule, cite=cite(deadline.sources))
    return line(text, deadline.sources)


def other_line(other: Deadline, planned: Deadline) -> Line:
    """How a reading not planned with compares with the planned one."""
    values = {"rule": other.rule, "cite": cite(other.sources), "date": spoken(other.date)}
    if other.relation == "passed":
        text = _("{rule} ({cite}) gave {date}, which has passed.")
    elif other.relation == "countdown":
        text = _(
            "By the general rules, {rule} ({cite}) would give {date}; your countdown comes first."
        )
    elif other.date == planned.date:
        text = _("{rule} ({cite}) gives the same date.")
    elif planned.safer == "earlier":
        text = _("{rule} ({cite}) gives {date}: this plan keeps the earlier date.")
    else:
        text = _("{rule} ({cite}) gives {date}: this plan keeps the later date.")
    return line(text.format(**values), other.sources)


def note_view(note: Note) -> dict[str, Any]:
    sources = tuple(SOURCES[key] for key in note.sources)
    text = _(note.text)
    if note.period is not None:
        text = text.format(rule=note.period.describe())
    if sources:
        text = _("{text} ({cite})").format(text=text, cite=cite(sources))
    return {"kind": note.kind, **line(text, sources)}


def when_text(deadline: Deadline) -> str:
    if deadline.earliest:
        return _("{first} to {last}").format(
            first=spoken(deadline.earliest), last=spoken(deadline.date)
        )
    return spoken(deadline.date)


def deadline_view(deadline: Deadline, today: date) -> dict[str, Any]:
    days = (deadline.date - today).days
    state = "passed" if days < 0 else "today" if days == 0 else "upcoming"
    return {
        "key": deadline.key,
        "kind": deadline.kind.value,
        "label": _(deadline.step.label),
        "date": deadline.date.isoformat(),
        "date_text": spoken(deadline.date),
        "earliest": deadline.earliest.isoformat() if deadline.earliest else None,
        "when_text": when_text(deadline),
        "start": deadline.start.isoformat(),
        "days": days,
        "from_today": from_today(deadline.date, today),
        "state": state,
        "when": {
            "passed": _("Opened · {ago}") if deadline.step.opens else _("Passed · {ago}"),
            "today": _("Opens today") if deadline.step.opens else _("Today"),
            "upcoming": "{ago}",
        }[state].format(ago=from_today(deadline.date, today)),
        "rule": deadline.rule,
        "sources": [source.as_dict() for source in deadline.sources],
        "rule_line": rule_line(deadline),
        "others": [
            *(other_line(other, deadline) for other in deadline.others),
            *(note_view(note) for note in deadline.context),
        ],
        "advice": worded(deadline.step.advice) if state != "passed" else "",
    }


def verdict_view(verdict: Verdict, today: date) -> dict[str, Any]:
    days = (verdict.date - today).days
    name, lead = _state_words(verdict.state, days == 0)
    if verdict.state in ("act", "urgent") and verdict.step.lead:
        lead = _(verdict.step.lead)
    return {
        "state": verdict.state,
        "date": verdict.date.isoformat(),
        "action": verdict.action,
        "why": [deadline_view(deadline, today) for deadline in verdict.why],
        "state_text": name,
        "lead": lead,
        "label": _(verdict.step.label),
        "date_text": spoken(verdict.date),
        "date_short": short(verdict.date),
        "days": days,
        "from_today": from_today(verdict.date, today),
        "days_short": beside_short(verdict.date, today),
        "why_heading": _("Why this date?"),
        "more": _("What you can still do") if verdict.state == "late" else "",
    }


def sooner_view(result: Result) -> list[str]:
    """What else ends before the verdict's date (the law's or the payment's route, which
    never take the verdict), said on the card so two "last days" never seem to disagree."""
    verdict = result.verdict
    return [
        labelled(_("Also ends sooner"), f"{_(d.step.label)} · {from_today(d.date, result.today)}")
        for d in result.deadlines
        if d.step.kind is Kind.INFO
        and not (d.step.opens or d.ended)
        and result.today <= d.date < verdict.date
    ]


def rights_view(result: Result) -> dict[str, str] | None:
    """The reader's own country's section of the Your rights page, once they said where
    they live; the page's country finder once AliExpress can no longer help."""
    country = country_of(result.facts.get(COUNTRY.name))
    if country is None and result.verdict.state != "late":
        return None
    section = country.section if country else "find-your-country"
    return {"text": _("Your rights where you live"), "section": section}


def calendar_view(count: int) -> dict[str, Any]:
    """What the calendar button would save, in words."""
    if not count:
        return {"count": 0, "text": _("Nothing left to add to a calendar: every date has passed.")}
    text = ngettext(
        "{count} date to add, with a reminder two days before.",
        "{count} dates to add, each with a reminder two days before.",
        count,
    )
    return {"count": count, "text": text.format(count=count)}


def present(calculator: Calculator, result: Result) -> dict[str, Any]:
    """Everything the reader is shown, worded in the active language."""
    today = result.today
    views = [deadline_view(deadline, today) for deadline in result.deadlines]
    upcoming = [view for view in views if view["state"] != "passed"]
    passed = [view for view in views if view["state"] == "passed"]
    asked = {spec.name for spec in calculator.inputs}
    verdict = {
        **verdict_view(result.verdict, today),
        "rights": rights_view(result),
        "sooner": sooner_view(result),
    }
    return {
        "calculator": calculator.slug,
        "title": _(calculator.title),
        "today": today.isoformat(),
        "today_text": spoken(today),
        "counted_from": _("Counted from today, {today}.").format(today=spoken(today)),
        "verdict": verdict,
        "deadlines": upcoming + passed,
        "upcoming_heading": _("Coming up"),
        "passed_heading": ngettext(
            "{count} date already passed", "{count} dates already passed", len(passed)
        ).format(count=len(passed)),
        "notes": [note_view(note) for note in result.notes],
        "given": [
            {
                "name": spec.name,
                "label": _(spec.label),
                "text": spec.show(value),
                "line": labelled(_(spec.label), spec.show(value)),
                "asked": spec.name in asked,
            }
            for spec, value in result.given
        ],
        "inputs": {
            name: value.isoformat() if isinstance(value, date) else str(value)
            for name, value in result.facts.items()
        },
        "calendar": calendar_view(len(result.upcoming)),
        "trust": _(
            "Rules as read on {date} in undated articles and in AliExpress help pages of about "
            "{first} to {last} · independent, not AliExpress"
        ).format(date=spoken(REVIEWED), first=SOURCE_YEARS[0], last=SOURCE_YEARS[1]),
        "summary": case_summary(result, verdict, upcoming),
    }


def case_summary(
    result: Result, verdict: dict[str, Any], upcoming: list[dict[str, Any]]
) -> dict[str, str]:
    """The order's case for a bank, PayPal or a consumer body, as plain text to print or
    paste: what happened when, where things stand, and the deadlines still open."""
    dated = sorted(
        ((value, spec) for spec, value in result.given if isinstance(value, date)),
        key=lambda pair: pair[0],
    )
    other = [
        labelled(_(spec.label), spec.show(value))
        for spec, value in result.given
        if not isinstance(value, date)
    ]
    lines = [
        _("Case summary: an AliExpress order"),
        _("Made on {today} from the dates I entered in an independent guide.").format(
            today=spoken(result.today)
        ),
        "",
        _("What happened"),
        *(f"- {labelled(spoken(day), _(spec.label))}" for day, spec in dated),
        *(f"- {line}" for line in other),
        "",
        _("Where things stand"),
        "- " + labelled(verdict["state_text"], f"{verdict['lead']} {verdict['date_text']}"),
        f"- {verdict['action']}",
        *(f"- {sooner}" for sooner in verdict["sooner"]),
    ]
    if upcoming:
        lines += ["", _("Deadlines still open")]
        lines += [f"- {labelled(d['label'], d['when_text'])} — {d['rule']}" for d in upcoming]
    return {
        "heading": _("Case summary for your bank, PayPal or a consumer body"),
        "text": "\n".join(lines),
        "evidence": _("Evidence I have collected"),
    }
