"""When can I open a dispute? The window after shipment, by carrier."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

from . import dates
from .calculator import Calculator, Deadline, Note, Result
from .inputs import CARRIER, SHIPPED
from .policy import (
    CARRIER_GROUPS,
    CARRIER_RULE_CAVEAT,
    CARRIER_RULE_CAVEAT_SOURCES,
    DISPUTE_OPENS,
    SOURCES,
    UNLISTED_CARRIER_ADVICE,
    find_carrier,
)

OPENS_LABEL = "First day to open a dispute"
CARRIER_RULE_NOTE = Note(
    CARRIER_RULE_CAVEAT, "warning", tuple(SOURCES[key] for key in CARRIER_RULE_CAVEAT_SOURCES)
)
UNLISTED_CARRIER_NOTE = Note(UNLISTED_CARRIER_ADVICE, "warning")


def _days(count: int) -> str:
    return f"{count} day{'' if count == 1 else 's'}"


def dispute_opens(shipped: date) -> Deadline:
    """The first day to open a dispute, the same for every carrier."""
    return Deadline.after("dispute_opens", OPENS_LABEL, shipped, DISPUTE_OPENS)


def window(shipped: date, carrier: str) -> tuple[tuple[Deadline, ...], Note]:
    """The window's deadlines for a carrier (only the first day for an unlisted one)."""
    opens = dispute_opens(shipped)
    found = find_carrier(carrier)
    if found is None:  # the reader chose "Other carrier"
        return (opens,), UNLISTED_CARRIER_NOTE
    group = found[1]
    last = Deadline.after(
        "dispute_closes", "Last day to open a dispute", shipped, group.dispute_closes
    )
    return (opens, replace(last, rule=f"{last.rule} for {group.names}")), CARRIER_RULE_NOTE


def when_can_i_open_a_dispute(shipped: date, carrier: str, *, today: date) -> Result:
    """The first and last day to open a dispute for an order shipped on ``shipped``."""
    deadlines, note = window(shipped, carrier)
    opens = deadlines[0].date
    if today < opens:
        status = "not_open"
        summary = (
            f"The dispute window is not open yet: it opens {dates.from_today(opens, today)}, "
            f"on {dates.spoken(opens)}."
        )
    elif len(deadlines) == 1:
        status = "check_countdown"
        summary = (
            f"You have been able to open a dispute since {dates.spoken(opens)}. "
            "The last day depends on your order: read its Purchase Protection countdown."
        )
    else:
        closes = deadlines[1].date
        left = (closes - today).days
        if left > 0:
            status = "open"
            summary = (
                f"The dispute window is open: {_days(left)} left, until {dates.spoken(closes)}."
            )
        elif left == 0:
            status = "open"
            summary = (
                f"The dispute window is open, and today, {dates.spoken(closes)}, is the last day."
            )
        else:
            status = "closed"
            summary = (
                f"By the carrier rule, the dispute window closed {_days(-left)} ago, on "
                f"{dates.spoken(closes)}. Check the order's Purchase Protection countdown: "
                "while it is still running, you can still open a dispute."
            )
    return Result(today, status, summary, deadlines, (note,))


CALCULATOR = Calculator(
    slug="dispute-window",
    title="When can I open a dispute?",
    summary="The first and last day to open a dispute, from the shipping date and the carrier.",
    inputs=(SHIPPED, CARRIER),
    compute=when_can_i_open_a_dispute,
    rules=(
        (OPENS_LABEL, DISPUTE_OPENS),
        *((f"Last day to open a dispute ({g.names})", g.dispute_closes) for g in CARRIER_GROUPS),
    ),
)
