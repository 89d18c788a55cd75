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
from .inputs import CREDIT_CARD, DEBIT_CARD, OTHER_PAYMENT, PAYPAL, TRACKED
from .policy import (
    CANCELLATION,
    CARRIER_GROUPS,
    CARRIER_RULE_CAVEAT,
    CARRIER_RULE_CAVEAT_SOURCES,
    CHARGEBACK,
    DECISION,
    DECISION_CAVEAT,
    DELIVERY_DEADLINE,
    DISPUTE_AFTER_DELIVERY,
    DISPUTE_OPENS,
    EARLY_ESCALATION,
    ESCALATION,
    PAYPAL_DISPUTE,
    PAYPAL_ESCALATION,
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
    country_of,
    find_carrier,
)
from .words import N_, _, ngettext, spoken

Words = str | tuple[str, ...]
"""A text to translate, or whole sentences translated one by one and joined."""


def sentences(words: Words) -> tuple[str, ...]:
    return (words,) if isinstance(words, str) else words


def worded(words: Words) -> str:
    """``words`` in the active language: each sentence is its own catalog entry."""
    return " ".join(_(text) for text in sentences(words))


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
    ``MUST``, ``overdue`` is what can still be done once the date has passed, and ``lead``
    the action itself, said before its date in the verdict's headline ("Ship the return by").
    """

    key: str
    kind: Kind
    label: str
    advice: Words
    overdue: Words = ""
    before_deadline: Words = ""
    lead: str = ""
    opens: bool = False
    """A day from which something becomes possible: once past, it is open, not missed."""


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
    opens=True,
)
LAST_DAY = Step(
    "dispute_closes",
    Kind.MUST,
    N_("Last day to open a dispute"),
    N_("Open a dispute from My Orders by this day if the seller has not solved the problem."),
    lead=N_("Open a dispute by"),
    overdue=N_(
        "Open the order's Purchase Protection countdown now: while it runs, open a dispute today; "
        "if it has ended, see what you can still do outside AliExpress."
    ),
)
LAST_DAY_TRACKED = replace(
    LAST_DAY,
    lead=N_("Open a “not received” dispute by"),
    advice=N_(
        "Open a “not received” dispute now: attach the tracking page, and ask the carrier for "
        "its proof of delivery (a signature or a photo)."
    ),
)
LAST_DAY_FOR_RETURN = replace(
    LAST_DAY,
    lead=N_("Open a dispute for the return by"),
    advice=(
        N_(
            "Open a dispute for a return and refund by this day, and agree the return on the "
            "dispute page before you post anything: nothing protects a return sent outside a "
            "dispute."
        ),
        N_("Already posted it? Add its tracking number to the dispute."),
    ),
)
CHECK_COUNTDOWN = Step(
    "countdown_check",
    Kind.MUST,
    N_("Check your Purchase Protection countdown"),
    N_(
        "The general rules' last day has passed, but your order's own countdown may still be "
        "running: open the order's details now and, while it runs, open the dispute today."
    ),
    lead=N_("Check your countdown by"),
)
PAYMENT_FIRST = N_(
    "Do not wait until {date}: the time limit to ask PayPal or your bank comes first, so "
    "contact them now and keep the dispute going."
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
    before_deadline=PAYMENT_FIRST,
)
ESCALATION_FROM = Step(
    "escalation_from",
    Kind.INFO,
    N_("You can escalate to AliExpress from"),
    N_("Still no agreement? Escalate the dispute so that AliExpress decides."),
    opens=True,
)
DECISION_DUE = Step(
    "decision_by",
    Kind.WAIT,
    N_("AliExpress's decision is expected"),
    N_("Answer any request for evidence quickly: AliExpress should decide by this day."),
    overdue=N_("Check the dispute page and your email today, and answer any request for evidence."),
    before_deadline=PAYMENT_FIRST,
)
SHIP_RETURN_BY = Step(
    "return_ship_by",
    Kind.MUST,
    N_("Last day to ship the return"),
    N_(
        "Send the item back by this day with a tracked service, and add the tracking number "
        "to the dispute."
    ),
    lead=N_("Ship the return by"),
    overdue=N_(
        "Ship the return today with tracking and say so on the dispute page; if the dispute has "
        "closed, see what you can still do outside AliExpress."
    ),
)
RETURN_ON_ITS_WAY = Step(
    "return_on_its_way",
    Kind.WAIT,
    N_("Your return is on its way to the seller"),
    (
        N_("Keep the dispute open and follow the return's tracking."),
        N_(
            "When it shows the seller has the parcel, enter that date to see when your refund "
            "is due."
        ),
        N_(
            "No source says how long the seller has to confirm receipt: the dispute page shows "
            "its own countdown."
        ),
    ),
    before_deadline=N_(
        "Keep the dispute open and follow the return's tracking; if the refund has not come by "
        "this day, contact PayPal or your bank before their time limit passes."
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
    before_deadline=N_(
        "Do not wait for the refund (due {date}): the time limit to ask PayPal or your bank "
        "comes first, so contact them now and say the refund has not come."
    ),
)
ASK_REFERENCE = N_(
    "First ask AliExpress support, from the order page, for the refund's reference number: "
    "your bank or PayPal can trace the money with it."
)
PAYPAL_BY = Step(
    "paypal_dispute_by",
    Kind.MUST,
    N_("Last day to open a PayPal dispute"),
    N_(
        "Open a dispute in PayPal's Resolution Center by this day, for an item not received or "
        "not as described."
    ),
    lead=N_("Open a PayPal dispute by"),
    overdue=N_(
        "PayPal's time to open a dispute has passed: ask PayPal anyway, and see what the law "
        "where you live offers."
    ),
)
CHARGEBACK_BY = Step(
    "chargeback_by",
    Kind.MUST,
    N_("Usual last day to ask your bank for a chargeback"),
    (
        N_("Ask your bank for a chargeback by this day: debit cards have chargebacks too."),
        N_("Banks may set a shorter limit of their own, so ask yours today."),
    ),
    lead=N_("Ask your bank for a chargeback by"),
    overdue=N_(
        "The card networks' usual time has passed: ask your bank anyway, since a parcel that "
        "never came may count from its expected delivery date, and see what the law where you "
        "live offers."
    ),
)
ROUTE_IF_NEEDED = N_(
    "Only if AliExpress does not solve it: this is the usual last day for that route."
)
ROUTE_ENDS = {
    "rejected": (
        N_("Your dispute closed without a refund"),
        N_(
            "AliExpress's own process is over for this order: no source this guide uses "
            "describes an appeal, but you can ask AliExpress support, from the order page, to "
            "review the decision."
        ),
    ),
    "refund": (N_("Your refund is overdue"), ASK_REFERENCE),
    "ended": (
        N_("Your Purchase Protection has ended"),
        N_("AliExpress no longer opens a dispute for this order."),
    ),
}
"""Why AliExpress's route is over: the step's label, and its first sentence."""
NEXT_ROUTE = {
    None: N_(
        "Find out how you paid and on which day, and enter both: a PayPal dispute or your "
        "bank's chargeback may still be possible, with a time limit counted from the payment."
    ),
    "undated": N_(
        "Enter the day you paid to see the usual last day, which counts from the payment; "
        "until then, contact PayPal or your bank today."
    ),
    "other": N_(
        "No dispute route is known for this way of paying: see what the law where you live offers."
    ),
}
"""What the reader can still do, by what is known of the payment."""

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

Relation = Literal["source", "rule", "countdown", "passed"]
"""How another reading relates to the planned one: another source's figure for the same
rule, another rule weighed against it, a general rule the order's countdown overrides, or
a rule whose date has passed."""


@dataclass(frozen=True)
class Note:
    """Something the reader must know about the result, e.g. that a rule is dated.

    ``{rule}`` in the text is filled with ``period`` in words.
    """

    text: str
    kind: Literal["info", "warning"] = "info"
    sources: tuple[str, ...] = ()
    period: Period | None = None


@dataclass(frozen=True)
class Deadline:
    """A dated step for the reader, with the rule and the sources behind it.

    ``earliest`` is set when a source gives a range ("5–7 days"); ``others`` holds the
    readings not planned with, each with its ``relation`` to the planned one; ``context``
    what else the reader must know about this step. An ``open_ended`` wait has no known
    end: it is dated today, and any deadline comes before it. An ``ended`` deadline is over
    even if dated today. A step for ``today_only`` (checking the countdown now, a return on
    its way) is no date to put in a calendar.
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
    context: tuple[Note, ...] = ()
    open_ended: bool = False
    ended: bool = False
    today_only: bool = False

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
    paid: date | None = None
    payment: str | None = None
    shipped: date | None = None
    carrier: str | None = None
    delivered: date | None = None
    protection_left: int | None = None
    contacted: date | None = None
    opened: date | None = None
    escalated: date | None = None
    agreed: date | None = None
    return_posted: date | None = None
    return_received: date | None = None
    resolved: date | None = None
    rejected: date | None = None
    requested: date | None = None
    country: str | None = None

    @property
    def before_dispute(self) -> bool:
        """No dispute opened yet: opening one is still ahead. A return agreed with the
        seller counts as inside a dispute only once the reader gives the day it opened."""
        dispute = (self.opened, self.escalated, self.resolved, self.rejected)
        return all(day is None for day in dispute)

    @property
    def settling(self) -> bool:
        """Closed, or a return under way: the dispute's own waits are over."""
        later = (self.resolved, self.rejected, self.agreed, self.return_posted)
        return any(day is not None for day in (*later, self.return_received))

    @property
    def returning(self) -> bool:
        """A return agreed or posted, whether or not a dispute is open."""
        return self.agreed is not None or self.return_posted is not None


def counted(step: Step, start: date, period: Period) -> Deadline:
    """The step ``period`` sets from ``start``, planned with the safer source's date."""
    readings = [_reading(step, start, period, claim) for claim in period.claims]
    pick = min if period.safer == "earlier" else max
    planned = pick(readings, key=lambda reading: reading.date)
    others = tuple(reading for reading in readings if reading is not planned)
    return replace(planned, others=others, safer=period.safer)


def _reading(step: Step, start: date, period: Period, claim: Claim) -> Deadline:
    def count(days: int) -> date:
        if claim.unit == "year":
            return dates.years_after(start, days)
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


def countdown(days_left: int, today: date, rules: Deadline | None, step: Step) -> Deadline:
    """The order's own Purchase Protection countdown, which comes before every rule."""
    general = () if rules is None else (rules, *rules.others)
    return Deadline(
        step,
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


def checked(planned: Deadline, today: date) -> Deadline:
    """The rules' last day has passed, but only the order's countdown can say it is over."""
    readings = (planned, *planned.others)
    return Deadline(
        CHECK_COUNTDOWN,
        today,
        _("only your order's countdown can say whether a dispute can still be opened"),
        (),
        today,
        others=tuple(
            replace(r, relation="passed" if r.date < today else "rule", others=()) for r in readings
        ),
        today_only=True,
    )


def last_day_to_open(order: Order, today: date) -> Deadline | None:
    """The last day to open a dispute: the countdown if given, else the earliest rule.

    A rule's date that has passed is not the end: the order's countdown may still run, so
    the step becomes checking it today.
    """
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
    step = (
        LAST_DAY_TRACKED
        if order.arrived == TRACKED
        else LAST_DAY_FOR_RETURN
        if order.returning
        else LAST_DAY
    )
    if order.protection_left is not None:
        return countdown(order.protection_left, today, planned, step)
    if planned is not None and planned.date < today:
        return checked(planned, today)
    return None if planned is None else replace(planned, step=step)


def payment_route(order: Order) -> Deadline | None:
    """PayPal's or the bank's own deadline, counted from the payment, when both are known."""
    if order.paid is None:
        return None
    if order.payment == PAYPAL:
        paypal = counted(PAYPAL_BY, order.paid, PAYPAL_DISPUTE)
        return replace(paypal, context=(PAYPAL_CLAIM_NOTE,))
    if order.payment in (CREDIT_CARD, DEBIT_CARD):
        return replace(counted(CHARGEBACK_BY, order.paid, CHARGEBACK), context=(CHARGEBACK_NOTE,))
    return None


def route_over(order: Order, refund: Deadline | None, today: date) -> str | None:
    """Why AliExpress's own route is over, if it is: the routes after it take the lead."""
    if order.rejected:
        return "rejected"
    if order.before_dispute and order.protection_left == 0:
        return "ended"
    if refund is not None and refund.date < today:
        return "refund"
    return None


def after_aliexpress(
    order: Order, cause: str, route: Deadline | None, refund: Deadline | None, today: date
) -> Deadline:
    """The step after AliExpress: the payment's own deadline, or what is left today."""
    if route is not None:
        if cause != "refund":
            return route
        return replace(
            route, step=replace(route.step, advice=(ASK_REFERENCE, *sentences(route.step.advice)))
        )
    label, why = ROUTE_ENDS[cause]
    payment = order.payment
    known = NEXT_ROUTE["other" if payment == OTHER_PAYMENT else "undated" if payment else None]
    if cause == "rejected" and order.rejected:
        rule = _("the dispute closed without a refund on {date}").format(
            date=spoken(order.rejected)
        )
        start = order.rejected
    elif cause == "refund" and refund is not None:
        rule = _("the refund was due by {date} at the latest").format(date=spoken(refund.date))
        start = refund.date
    else:
        rule = _("your order's Purchase Protection countdown had ended on {today}").format(
            today=spoken(today)
        )
        start = today
    step = Step("after_aliexpress", Kind.MUST, label, (why, known), overdue=(why, known))
    return Deadline(step, today, rule, (), start, ended=cause == "ended", today_only=True)


def steps(order: Order, today: date) -> tuple[Deadline, ...]:
    """Every step that still applies to the order, in date order."""
    found: list[Deadline] = []
    if order.requested and not (order.shipped or order.delivered):
        found.append(counted(CANCELLED_BY, order.requested, CANCELLATION))
    refunds = [
        counted(REFUND_DUE, start, period)
        for start, period in (
            (order.return_received, REFUND_AFTER_RETURN),
            (order.resolved, REFUND_AFTER_RESOLUTION),
        )
        if start is not None and not order.rejected
    ]
    refund = weighed(*refunds, safer="later") if refunds else None
    cause = route_over(order, refund, today)
    route = payment_route(order)
    if cause is not None:
        found.append(after_aliexpress(order, cause, route, refund, today))
    elif route is not None:
        meet = not order.before_dispute and route.date >= today
        known = replace(route.step, kind=Kind.INFO, advice=ROUTE_IF_NEEDED)
        found.append(route if meet else replace(route, step=known))
    if order.before_dispute and cause is None:
        if order.shipped:
            found.append(counted(FIRST_DAY, order.shipped, DISPUTE_OPENS))
        last = last_day_to_open(order, today)
        if last:
            found.append(last)
        elif order.returning and not order.return_received:
            found.append(open_for_return(today))
        if order.contacted:
            found.append(counted(SELLER_REPLY_DUE, order.contacted, SELLER_REPLY))
    if order.opened and not (order.escalated or order.settling):
        found.append(counted(SELLER_ANSWER_DUE, order.opened, SELLER_RESPONSE))
        found.append(counted(ESCALATION_FROM, order.opened, ESCALATION))
    if order.escalated and not order.settling:
        found.append(counted(DECISION_DUE, order.escalated, DECISION))
    inside = not order.before_dispute and not order.rejected
    if inside and order.agreed and not (order.return_posted or order.return_received):
        found.append(counted(SHIP_RETURN_BY, order.agreed, RETURN_SHIPPING))
    if inside and order.return_posted and not order.return_received:
        found.append(on_its_way(order.return_posted, today))
    if refund is not None:
        found.append(refund)
    found += country_steps(order)
    return tuple(sorted(found, key=lambda step: step.date))


def country_steps(order: Order) -> list[Deadline]:
    """The deadlines the law where the reader lives adds: dates worth knowing beside
    AliExpress's, from the delivery (of an item the reader has) or from the payment."""
    country = country_of(order.country)
    if country is None:
        return []
    received = order.delivered if order.arrived in (None, "yes") else None
    found = []
    for right in country.rights:
        start = received if right.counted_from == "delivered" else order.paid
        if start is None or (right.only_for and order.payment not in right.only_for):
            continue
        step = Step(f"law.{right.key}", Kind.INFO, right.label, right.says)
        found.append(counted(step, start, right.period))
    return found


def open_for_return(today: date) -> Deadline:
    """A return agreed outside a dispute, and no date known for the last day to open one."""
    rule = _("no date is known for your last day: your order's countdown shows it")
    return Deadline(LAST_DAY_FOR_RETURN, today, rule, (), today, today_only=True)


def on_its_way(posted: date, today: date) -> Deadline:
    """The return is posted: no source dates its arrival, so the wait has no known end."""
    rule = _("posted on {date}; no source says how long a return takes to reach the seller").format(
        date=spoken(posted)
    )
    return Deadline(RETURN_ON_ITS_WAY, today, rule, (), posted, open_ended=True, today_only=True)


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
PAYPAL_CLAIM_NOTE = Note(
    N_(
        "Once the PayPal dispute is open, escalate it to a claim no later than {rule}: if you "
        "do not, it closes for good and cannot be reopened."
    ),
    "warning",
    ("paypal",),
    PAYPAL_ESCALATION,
)
CHARGEBACK_NOTE = Note(
    N_(
        "For a parcel that never came, the networks may count from its expected delivery date "
        "instead, and banks can set shorter limits of their own: ask your bank for its date."
    ),
    "warning",
    ("cards",),
)
RETURN_OUTSIDE_NOTE = Note(
    N_(
        "Article 001 says to ship a return no later than {rule}. Count that from the day the "
        "return is agreed on the dispute page, not from an agreement in a chat."
    ),
    sources=("001",),
    period=RETURN_SHIPPING,
)
PAYMENT_UNKNOWN_NOTE = Note(
    N_(
        "If AliExpress does not refund you, PayPal or your bank may: enter how and when you "
        "paid to see their time limits beside these dates."
    )
)


LAST_DAY_KEYS = (LAST_DAY.key, CHECK_COUNTDOWN.key)


def notes(order: Order, timeline: tuple[Deadline, ...]) -> tuple[Note, ...]:
    """What the reader must know to read these dates rightly."""
    keys = {step.key for step in timeline}
    found = find_carrier(order.carrier) if order.carrier else None
    last = next((step for step in timeline if step.key in LAST_DAY_KEYS), None)
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
        (
            order.returning and order.before_dispute and not order.return_received,
            RETURN_OUTSIDE_NOTE,
        ),
        (
            not order.before_dispute
            and "after_aliexpress" not in keys
            and (order.paid is None or order.payment is None),
            PAYMENT_UNKNOWN_NOTE,
        ),
    ]
    return (*(note for applies, note in chosen if applies), *country_notes(order))


def country_notes(order: Order) -> tuple[Note, ...]:
    """What to know where the reader lives: a right they might expect and do not have."""
    country = country_of(order.country)
    if country is None or not country.note:
        return ()
    return (Note(country.note, "info", country.note_sources, country.note_period),)
