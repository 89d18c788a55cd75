"""Which dates apply to my order? Every rule that fits what the reader knows, as dated steps.

A step is something the reader must do by a date (``MUST``), something they wait for
(``WAIT``), or a date worth knowing (``INFO``). A step that no longer applies, such as
the last day to open a dispute once one is open, is left out. Where rules or sources
disagree, the step is planned with the safer date and keeps the others beside it.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass, replace
from datetime import date
from enum import Enum
from typing import Literal

from . import dates
from .policy import (
    CANCELLATION,
    CARRIER_GROUPS,
    CARRIER_RULE_CAVEAT,
    CARRIER_RULE_CAVEAT_SOURCES,
    DECISION,
    DECISION_CAVEAT,
    DELIVERY_DEADLINE,
    DISPUTE_AFTER_DELIVERY,
    DISPUTE_OPENS,
    EARLY_ESCALATION,
    ESCALATION,
    REFUND_AFTER_RESOLUTION,
    REFUND_AFTER_RETURN,
    RETURN_SHIPPING,
    SELLER_REPLY,
    SELLER_RESPONSE,
    SELLER_SILENCE,
    SOURCES,
    Claim,
    Period,
    Safer,
    Source,
    find_carrier,
)
from .words import N_, ngettext, spoken


class Kind(Enum):
    MUST = "must"
    WAIT = "wait"
    INFO = "info"


@dataclass(frozen=True)
class Step:
    """A kind of dated step, and what the reader does about it.

    ``advice`` is what to do on or by the date. For a ``WAIT``, ``overdue`` is what to do
    once the date has passed, and ``before_deadline`` what to do when a deadline the
    reader must meet falls on or before it (``{date}`` is the wait's date). For a
    ``MUST``, ``overdue`` is what can still be done once the date has passed.
    """

    key: str
    kind: Kind
    label: str
    advice: str
    overdue: str = ""
    before_deadline: str = ""


FIRST_DAY = Step(
    "dispute_opens",
    Kind.WAIT,
    N_("First day to open a dispute"),
    N_(
        "From this day you can open a dispute; until then, write to the seller if something "
        "is wrong."
    ),
    before_deadline=N_(
        "Try to open the dispute now: the old rule opens the button only on {date}, so if it is "
        "greyed out, contact AliExpress support."
    ),
)
LAST_DAY = Step(
    "dispute_closes",
    Kind.MUST,
    N_("Last day to open a dispute"),
    N_("Open a dispute from My Orders by this day if the seller has not solved the problem."),
    overdue=N_(
        "Open the order's Purchase Protection countdown now: while it runs, open a dispute today; "
        "if it has ended, see what you can still do outside AliExpress."
    ),
)
SELLER_REPLY_DUE = Step(
    "seller_reply_by",
    Kind.WAIT,
    N_("The seller's reply is due"),
    N_("Give the seller until this day to reply, then open a dispute if the answer does not help."),
    overdue=N_("The seller's time to reply is over: open a dispute today."),
    before_deadline=N_(
        "Open the dispute now, without waiting for the seller's reply (due {date}), and keep "
        "talking to the seller inside the dispute."
    ),
)
SELLER_ANSWER_DUE = Step(
    "seller_response_by",
    Kind.WAIT,
    N_("The seller's answer to your dispute is due"),
    N_("Check the dispute page on this day: the seller should have answered by then."),
    overdue=N_(
        "Read the seller's answer on the dispute page today, and escalate to AliExpress if you "
        "cannot agree."
    ),
)
ESCALATION_FROM = Step(
    "escalation_from",
    Kind.INFO,
    N_("You can escalate to AliExpress from"),
    N_("Still no agreement? Escalate the dispute so that AliExpress decides."),
)
DECISION_DUE = Step(
    "decision_by",
    Kind.WAIT,
    N_("AliExpress's decision is expected"),
    N_("Answer any request for evidence quickly: AliExpress should decide by this day."),
    overdue=N_("Check the dispute page and your email today, and answer any request for evidence."),
)
SHIP_RETURN_BY = Step(
    "return_ship_by",
    Kind.MUST,
    N_("Last day to ship the return"),
    N_(
        "Send the item back by this day with a tracked service, and add the tracking number "
        "to the order."
    ),
    overdue=N_(
        "Ship the return today with tracking and say so on the dispute page; if the dispute has "
        "closed, see what you can still do outside AliExpress."
    ),
)
REFUND_DUE = Step(
    "refund_by",
    Kind.WAIT,
    N_("Your refund is due"),
    N_("Nothing to do until this day: the refund should reach your payment method by then."),
    overdue=N_(
        "Check the order's refund status today; if the money is not there, contact AliExpress "
        "support with the order number."
    ),
)
CANCELLED_BY = Step(
    "cancellation_done",
    Kind.WAIT,
    N_("The cancellation should be done"),
    N_("Nothing to do until this day; if a tracking number appears first, the order has shipped."),
    overdue=N_(
        "Check the order today: if it is still not cancelled, write to the seller or to "
        "AliExpress support."
    ),
)

Relation = Literal["source", "rule", "countdown"]
"""How another reading relates to the planned one: another source's figure for the same
rule, another rule weighed against it, or a general rule the order's countdown overrides."""


@dataclass(frozen=True)
class Deadline:
    """A dated step for the reader, with the rule and the sources behind it.

    ``earliest`` is set when a source gives a range ("5–7 days"); ``others`` holds the
    readings not planned with, each with its ``relation`` to the planned one.
    """

    step: Step
    date: datetime.date  # the module, because the field's name shadows the type
    rule: str
    sources: tuple[Source, ...]
    start: datetime.date
    earliest: datetime.date | None = None
    others: tuple[Deadline, ...] = ()
    relation: Relation = "source"
    safer: Safer = "earlier"
    period: Period | None = None

    @property
    def key(self) -> str:
        return self.step.key

    @property
    def kind(self) -> Kind:
        return self.step.kind


@dataclass(frozen=True)
class Order:
    """What the reader knows about one order. Field names are the inputs' names."""

    arrived: str | None = None
    shipped: date | None = None
    carrier: str | None = None
    delivered: date | None = None
    protection_left: int | None = None
    contacted: date | None = None
    opened: date | None = None
    escalated: date | None = None
    agreed: date | None = None
    return_received: date | None = None
    resolved: date | None = None
    requested: date | None = None

    @property
    def before_dispute(self) -> bool:
        """No dispute opened and no return agreed yet: opening one is still ahead."""
        later = (self.opened, self.escalated, self.resolved, self.agreed, self.return_received)
        return all(day is None for day in later)

    @property
    def settling(self) -> bool:
        """Resolved, or a return under way: the dispute's own waits are over."""
        return any(day is not None for day in (self.resolved, self.agreed, self.return_received))


def counted(step: Step, start: date, period: Period) -> Deadline:
    """The step ``period`` sets from ``start``, planned with the safer source's date."""
    readings = [_reading(step, start, period, claim) for claim in period.claims]
    pick = min if period.safer == "earlier" else max
    planned = pick(readings, key=lambda reading: reading.date)
    others = tuple(reading for reading in readings if reading is not planned)
    return replace(planned, others=others, safer=period.safer)


def _reading(step: Step, start: date, period: Period, claim: Claim) -> Deadline:
    def count(days: int) -> date:
        return dates.days_after(start, days, claim.working_days)

    return Deadline(
        step,
        count(claim.days),
        period.describe(claim),
        tuple(SOURCES[key] for key in claim.sources),
        start,
        earliest=None if claim.at_least is None else count(claim.at_least),
        period=period,
    )


def weighed(*candidates: Deadline, safer: Safer = "earlier") -> Deadline:
    """Several rules for one step: plan with the safer date, keep the rest as ``rule``s."""
    pick = min if safer == "earlier" else max
    planned = pick(candidates, key=lambda candidate: candidate.date)
    rest = [replace(c, relation="rule", others=()) for c in candidates if c is not planned]
    extra = [other for c in candidates if c is not planned for other in c.others]
    return replace(planned, others=(*planned.others, *rest, *extra), safer=safer)


def countdown(days_left: int, today: date, rules: Deadline | None) -> Deadline:
    """The order's own Purchase Protection countdown, which comes before every rule."""
    general = () if rules is None else (rules, *rules.others)
    return Deadline(
        LAST_DAY,
        dates.days_after(today, days_left),
        ngettext(
            "{count} day left on your order's Purchase Protection countdown on {today}",
            "{count} days left on your order's Purchase Protection countdown on {today}",
            days_left,
        ).format(count=days_left, today=spoken(today)),
        (),
        today,
        others=tuple(replace(rule, relation="countdown", others=()) for rule in general),
    )


def last_day_to_open(order: Order, today: date) -> Deadline | None:
    """The last day to open a dispute: the countdown if given, else the earliest rule."""
    rules: list[Deadline] = []
    found = find_carrier(order.carrier) if order.carrier and order.shipped else None
    group = found[1] if found else None
    if order.shipped and group and group.dispute_closes:
        rules.append(counted(LAST_DAY, order.shipped, group.dispute_closes))
    if order.delivered:
        rules.insert(0, counted(LAST_DAY, order.delivered, DISPUTE_AFTER_DELIVERY))
    elif order.shipped:
        rules.append(counted(LAST_DAY, order.shipped, DELIVERY_DEADLINE))
    planned = weighed(*rules) if rules else None
    if order.protection_left is not None:
        return countdown(order.protection_left, today, planned)
    return planned


def steps(order: Order, today: date) -> tuple[Deadline, ...]:
    """Every step that still applies to the order, in date order."""
    found: list[Deadline] = []
    if order.requested and not (order.shipped or order.delivered):
        found.append(counted(CANCELLED_BY, order.requested, CANCELLATION))
    if order.before_dispute:
        if order.shipped:
            found.append(counted(FIRST_DAY, order.shipped, DISPUTE_OPENS))
        last = last_day_to_open(order, today)
        if last:
            found.append(last)
        if order.contacted:
            found.append(counted(SELLER_REPLY_DUE, order.contacted, SELLER_REPLY))
    if order.opened and not (order.escalated or order.settling):
        found.append(counted(SELLER_ANSWER_DUE, order.opened, SELLER_RESPONSE))
        found.append(counted(ESCALATION_FROM, order.opened, ESCALATION))
    if order.escalated and not order.settling:
        found.append(counted(DECISION_DUE, order.escalated, DECISION))
    if order.agreed and not order.return_received:
        found.append(counted(SHIP_RETURN_BY, order.agreed, RETURN_SHIPPING))
    refunds = [
        counted(REFUND_DUE, start, period)
        for start, period in (
            (order.return_received, REFUND_AFTER_RETURN),
            (order.resolved, REFUND_AFTER_RESOLUTION),
        )
        if start is not None
    ]
    if refunds:
        found.append(weighed(*refunds, safer="later"))
    return tuple(sorted(found, key=lambda step: step.date))


@dataclass(frozen=True)
class Note:
    """Something the reader must know about the result, e.g. that a rule is dated."""

    text: str
    kind: Literal["info", "warning"] = "info"
    sources: tuple[str, ...] = ()


CARRIER_RULES = tuple(group.dispute_closes for group in CARRIER_GROUPS if group.dispute_closes)
CARRIER_RULE_NOTE = Note(CARRIER_RULE_CAVEAT, "warning", CARRIER_RULE_CAVEAT_SOURCES)
UNLISTED_CARRIER_NOTE = Note(
    N_(
        "No published rule gives a last day for this carrier, so the dates here use the "
        "longest time a parcel may take. Your order's Purchase Protection countdown may end "
        "sooner: enter its days left to plan with it."
    ),
    "warning",
)
CHOOSE_CARRIER_NOTE = Note(
    N_("Choose the carrier too: with some carriers, the last day to open a dispute comes sooner.")
)
COUNTDOWN_NOTE = Note(
    N_(
        "Your Purchase Protection countdown sets the last day to open a dispute, before any "
        "general rule. The rules' dates are shown under “Why this date?” only for comparison."
    )
)
COUNTDOWN_UNUSED_NOTE = Note(
    N_("Once a dispute is open, the protection countdown no longer sets your dates.")
)
UNKNOWN_LAST_DAY_NOTE = Note(
    N_(
        "These dates do not show your last day to open a dispute. Add the shipping or delivery "
        "date, or the days left on the order's Purchase Protection countdown."
    ),
    "warning",
)
SILENCE_NOTE = Note(SELLER_SILENCE, sources=("003",))
DECISION_NOTE = Note(DECISION_CAVEAT, sources=("003",))
EARLY_ESCALATION_NOTE = Note(EARLY_ESCALATION, sources=("003",))


def notes(order: Order, timeline: tuple[Deadline, ...]) -> tuple[Note, ...]:
    """What the reader must know to read these dates rightly."""
    keys = {step.key for step in timeline}
    found = find_carrier(order.carrier) if order.carrier else None
    last = next((step for step in timeline if step.step is LAST_DAY), None)
    weighs_carriers = last is not None and any(
        reading.period in CARRIER_RULES for reading in (last, *last.others)
    )
    chosen = [
        (order.protection_left is not None and order.before_dispute, COUNTDOWN_NOTE),
        (order.protection_left is not None and not order.before_dispute, COUNTDOWN_UNUSED_NOTE),
        (bool(last) and weighs_carriers, CARRIER_RULE_NOTE),
        (
            bool(last) and order.carrier is not None and not (found and found[1].dispute_closes),
            UNLISTED_CARRIER_NOTE,
        ),
        (bool(last) and order.shipped is not None and order.carrier is None, CHOOSE_CARRIER_NOTE),
        (SELLER_REPLY_DUE.key in keys and last is None, UNKNOWN_LAST_DAY_NOTE),
        (SELLER_ANSWER_DUE.key in keys, SILENCE_NOTE),
        (ESCALATION_FROM.key in keys, EARLY_ESCALATION_NOTE),
        (DECISION_DUE.key in keys, DECISION_NOTE),
    ]
    return tuple(note for applies, note in chosen if applies)
