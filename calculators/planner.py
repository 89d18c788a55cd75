"""All my deadlines: every date the reader has, on one timeline, with the next step."""

from __future__ import annotations

from datetime import date

from . import (
    after_delivery,
    dispute_timeline,
    dispute_window,
    return_refund,
    seller_contact,
)
from .after_delivery import deadlines_after_delivery
from .calculator import Calculator, Deadline, InputError, Note, Result, check_order, timeline
from .dispute_timeline import deadlines_after_opening, notes_after_opening
from .dispute_window import dispute_opens, window
from .inputs import (
    AGREED,
    CARRIER,
    CONTACTED,
    DELIVERED,
    ESCALATED,
    OPENED,
    RESOLVED,
    RETURN_RECEIVED,
    SHIPPED,
    optional,
)
from .return_refund import return_and_refund_deadlines
from .seller_contact import reply_due

ADD_CARRIER = Note("Choose the carrier too, to see the last day to open a dispute by carrier.")


def plan(
    shipped: date | None,
    carrier: str | None,
    delivered: date | None,
    contacted: date | None,
    opened: date | None,
    escalated: date | None,
    agreed: date | None,
    return_received: date | None,
    resolved: date | None,
    *,
    today: date,
) -> Result:
    given = (shipped, delivered, contacted, opened, escalated, agreed, return_received, resolved)
    if all(day is None for day in given):
        raise InputError(
            {"shipped": "Enter at least one date, such as the day the seller shipped."}
        )
    check_order(
        ((SHIPPED, shipped), (DELIVERED, delivered)),
        ((SHIPPED, shipped), (OPENED, opened)),
        ((OPENED, opened), (ESCALATED, escalated)),
        ((AGREED, agreed), (RETURN_RECEIVED, return_received)),
    )
    if escalated is not None and opened is None:
        raise InputError({"opened": "Enter the date you opened the dispute, too."})

    steps: list[Deadline] = []
    notes: list[Note] = []
    if shipped is not None:
        if carrier is None:
            steps.append(dispute_opens(shipped))
            notes.append(ADD_CARRIER)
        else:
            opening, note = window(shipped, carrier)
            steps += opening
            notes.append(note)
    if delivered is not None or shipped is not None:
        steps += deadlines_after_delivery(delivered, shipped)
    if contacted is not None:
        steps.append(reply_due(contacted))
    if opened is not None:
        steps += deadlines_after_opening(opened, escalated)
        notes += notes_after_opening(escalated)
    steps += return_and_refund_deadlines(agreed, return_received, resolved)
    return timeline(today, steps, notes)


CALCULATOR = Calculator(
    slug="planner",
    title="All my deadlines",
    summary=(
        "Fill in whichever dates you have, and see every deadline that applies on one "
        "timeline, with the next thing to do."
    ),
    inputs=optional(
        SHIPPED, CARRIER, DELIVERED, CONTACTED, OPENED, ESCALATED, AGREED, RETURN_RECEIVED, RESOLVED
    ),
    compute=plan,
    rules=tuple(
        rule
        for module in (
            dispute_window,
            after_delivery,
            seller_contact,
            dispute_timeline,
            return_refund,
        )
        for rule in module.CALCULATOR.rules
    ),
)
