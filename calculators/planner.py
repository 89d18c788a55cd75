"""All my deadlines: every fact the reader has about an order, one verdict, one timeline."""

from __future__ import annotations

from collections.abc import Iterable

from .calculator import Calculator
from .inputs import (
    AGREED,
    ARRIVED,
    CARRIER,
    CONTACTED,
    COUNTRY,
    DELIVERED,
    ESCALATED,
    OPENED,
    PAID,
    PAYMENT,
    PROTECTION_LEFT,
    REJECTED,
    RESOLVED,
    RETURN_POSTED,
    RETURN_RECEIVED,
    SHIPPED,
    TRACKED,
    ChoiceInput,
)
from .words import N_

INPUTS = (
    ARRIVED.optional(),
    DELIVERED.when("arrived", "yes", TRACKED),
    SHIPPED.optional(),
    CARRIER.optional(),
    PROTECTION_LEFT,
    CONTACTED.optional(),
    OPENED.optional(),
    ESCALATED.when("opened"),
    AGREED.optional(),
    RETURN_POSTED.optional().when("agreed"),
    RETURN_RECEIVED.optional().when("agreed"),
    RESOLVED.optional().when("opened"),
    REJECTED.optional().when("opened"),
    PAYMENT.optional(),
    PAID.optional(),
    COUNTRY.optional(),
)


def covering(questions: Iterable[Calculator]) -> Calculator:
    """The planner, whose rules are those of every question it asks all the facts of."""
    asked = {spec.name for spec in INPUTS}
    return Calculator(
        slug="planner",
        title=N_("All my deadlines"),
        summary=N_(
            "Answer what you know about your order, and see what to do now, by when, and "
            "every date that still applies."
        ),
        inputs=INPUTS,
        sections=(
            (N_("Your parcel"), ("arrived", "delivered", "shipped", "carrier", "protection_left")),
            (
                N_("What has happened since, if anything"),
                (
                    "contacted",
                    "opened",
                    "escalated",
                    "agreed",
                    "return_posted",
                    "return_received",
                    "resolved",
                    "rejected",
                ),
            ),
            (N_("How you paid, for the routes after AliExpress"), ("payment", "paid")),
            (N_("Where you live, for what its law adds"), ("country",)),
        ),
        needs=tuple(spec.name for spec in INPUTS if not isinstance(spec, ChoiceInput)),
        needs_message=N_("Enter at least one date, such as the day the seller shipped."),
        rules=tuple(
            rule
            for question in questions
            if {spec.name for spec in question.inputs} <= asked
            for rule in question.rules
        ),
    )
