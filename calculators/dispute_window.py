"""When can I open a dispute? The window after shipment, by carrier."""

from __future__ import annotations

from datetime import date

from . import dates
from .calculator import Calculator, Choice, Deadline, Input, Note, Result
from .policy import (
    CARRIER_GROUPS,
    CARRIER_RULE_CAVEAT,
    CARRIER_RULE_CAVEAT_SOURCES,
    DISPUTE_OPENS,
    SOURCES,
    UNLISTED_CARRIER_ADVICE,
    find_carrier,
)

OTHER = "other"
_OTHER_NAMES = {"other", "another", "notlisted", "unlisted", "unknown", "othercarrier"}


def _carrier(name: str) -> str | None:
    found = find_carrier(name)
    if found:
        return found[0].name
    return OTHER if "".join(name.casefold().split()) in _OTHER_NAMES else None


def _days(count: int) -> str:
    return f"{count} day{'' if count == 1 else 's'}"


def when_can_i_open_a_dispute(shipped: date, carrier: str, *, today: date) -> Result:
    """The first and last day to open a dispute for an order shipped on ``shipped``."""
    opens = dates.days_after(shipped, DISPUTE_OPENS.planned.days)
    deadlines = [
        Deadline(
            "dispute_opens",
            "First day to open a dispute",
            opens,
            DISPUTE_OPENS.describe(),
            DISPUTE_OPENS.sources,
        )
    ]
    not_open = f"opens {dates.from_today(opens, today)}, on {dates.spoken(opens)}"

    found = find_carrier(carrier)
    if found is None:  # the reader chose "Other carrier"
        if today < opens:
            status, summary = "not_open", f"The dispute window is not open yet: it {not_open}."
        else:
            status = "check_countdown"
            summary = (
                f"You have been able to open a dispute since {dates.spoken(opens)}. "
                "The last day depends on your order: read its Purchase Protection countdown."
            )
        return Result(
            today, status, summary, tuple(deadlines), (Note(UNLISTED_CARRIER_ADVICE, "warning"),)
        )

    group = found[1]
    period = group.dispute_closes
    closes = dates.days_after(shipped, period.planned.days)
    deadlines.append(
        Deadline(
            "dispute_closes",
            "Last day to open a dispute",
            closes,
            f"{period.describe()} for {group.names}",
            period.sources,
        )
    )
    left = (closes - today).days
    if today < opens:
        status, summary = "not_open", f"The dispute window is not open yet: it {not_open}."
    elif left > 0:
        status = "open"
        summary = f"The dispute window is open: {_days(left)} left, until {dates.spoken(closes)}."
    elif left == 0:
        status = "open"
        summary = f"The dispute window is open, and today, {dates.spoken(closes)}, is the last day."
    else:
        status = "closed"
        summary = (
            f"By the carrier rule, the dispute window closed {_days(-left)} ago, on "
            f"{dates.spoken(closes)}. Check the order's Purchase Protection countdown: "
            "while it is still running, you can still open a dispute."
        )
    caveat = Note(
        CARRIER_RULE_CAVEAT,
        "warning",
        tuple(SOURCES[key] for key in CARRIER_RULE_CAVEAT_SOURCES),
    )
    return Result(today, status, summary, tuple(deadlines), (caveat,))


CALCULATOR = Calculator(
    slug="dispute-window",
    title="When can I open a dispute?",
    summary="The first and last day to open a dispute, from the shipping date and the carrier.",
    inputs=(
        Input(
            "shipped",
            "Date the seller shipped",
            "The day the order was shipped, or the last day the seller promised to ship it.",
        ),
        Input(
            "carrier",
            "Carrier",
            "If your carrier is not listed, choose “Other carrier” and go by the order's "
            "Purchase Protection countdown.",
            kind="choice",
            choices=(
                *(
                    Choice(carrier.name, carrier.name)
                    for group in CARRIER_GROUPS
                    for carrier in group.carriers
                ),
                Choice(OTHER, "Other carrier"),
            ),
            lookup=_carrier,
        ),
    ),
    compute=when_can_i_open_a_dispute,
)
