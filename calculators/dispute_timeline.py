"""I opened a dispute: when must the seller answer, when can I escalate, when is the decision?"""

from __future__ import annotations

from datetime import date

from .calculator import Calculator, Deadline, Note, Result, check_order, timeline
from .inputs import ESCALATED, OPENED
from .policy import DECISION, DECISION_CAVEAT, ESCALATION, SELLER_RESPONSE, SELLER_SILENCE, SOURCES

SILENCE_NOTE = Note(SELLER_SILENCE, "info", (SOURCES["003"],))
DECISION_NOTE = Note(DECISION_CAVEAT, "info", (SOURCES["003"],))


def deadlines_after_opening(opened: date, escalated: date | None) -> tuple[Deadline, ...]:
    steps = [
        Deadline.after(
            "seller_response_by",
            "The seller must answer the dispute by",
            opened,
            SELLER_RESPONSE,
            "Read the seller's answer or offer on the dispute page, and reply to it.",
        ),
        Deadline.after(
            "escalation_from",
            "You can escalate to AliExpress from",
            opened,
            ESCALATION,
            "Still no agreement? Escalate the dispute so that AliExpress decides.",
        ),
    ]
    if escalated is not None:
        steps.append(
            Deadline.after(
                "decision_by",
                "AliExpress's decision expected by",
                escalated,
                DECISION,
                "Watch your email and the dispute page, and answer any request for evidence.",
            )
        )
    return tuple(steps)


def notes_after_opening(escalated: date | None) -> tuple[Note, ...]:
    return (SILENCE_NOTE, DECISION_NOTE) if escalated else (SILENCE_NOTE,)


def dispute_timeline(opened: date, escalated: date | None, *, today: date) -> Result:
    check_order(((OPENED, opened), (ESCALATED, escalated)))
    return timeline(
        today, deadlines_after_opening(opened, escalated), notes_after_opening(escalated)
    )


CALCULATOR = Calculator(
    slug="dispute-timeline",
    title="What happens after I open a dispute?",
    summary=(
        "When the seller must answer, when you can escalate, and when AliExpress should decide."
    ),
    inputs=(OPENED, ESCALATED),
    compute=dispute_timeline,
    rules=(
        ("The seller answers the dispute", SELLER_RESPONSE),
        ("Escalation to AliExpress becomes possible", ESCALATION),
        ("AliExpress decides", DECISION),
    ),
)
