"""The dates and choices readers enter, declared once and shared by every calculator."""

from __future__ import annotations

from dataclasses import replace

from .calculator import Choice, Input
from .policy import CARRIER_GROUPS, find_carrier

OTHER_CARRIER = "other"
_OTHER_NAMES = {"other", "another", "notlisted", "unlisted", "unknown", "othercarrier"}


def _carrier(name: str) -> str | None:
    found = find_carrier(name)
    if found:
        return found[0].name
    return OTHER_CARRIER if "".join(name.casefold().split()) in _OTHER_NAMES else None


SHIPPED = Input(
    "shipped",
    "Date the seller shipped",
    "The day the order was shipped, or the last day the seller promised to ship it.",
)
CARRIER = Input(
    "carrier",
    "Carrier",
    "If your carrier is not listed, choose “Other carrier” and go by the order's "
    "Purchase Protection countdown.",
    kind="choice",
    choices=(
        *(Choice(c.name, c.name) for group in CARRIER_GROUPS for c in group.carriers),
        Choice(OTHER_CARRIER, "Other carrier"),
    ),
    lookup=_carrier,
)
DELIVERED = Input(
    "delivered",
    "Date the parcel was delivered",
    "The day tracking shows it delivered, or the day you received it.",
)
CONTACTED = Input(
    "contacted",
    "Date you wrote to the seller",
    "The day you sent the seller your message about the problem.",
)
OPENED = Input("opened", "Date you opened the dispute", "The day you pressed “Open dispute”.")
ESCALATED = Input(
    "escalated",
    "Date you escalated to AliExpress",
    "Leave empty if you have not asked AliExpress to step in.",
    required=False,
)
AGREED = Input(
    "agreed",
    "Date the return was agreed",
    "The day the seller (or AliExpress) confirmed the return and gave you the address.",
)
RETURN_RECEIVED = Input(
    "return_received",
    "Date the seller received your return",
    "From the return parcel's tracking.",
)
RESOLVED = Input(
    "resolved",
    "Date the dispute was resolved",
    "The day the dispute closed in your favour.",
)
CANCEL_REQUESTED = Input(
    "requested",
    "Date you asked to cancel",
    "The day you sent the cancellation request, while the order was awaiting shipment.",
)


def optional(*inputs: Input) -> tuple[Input, ...]:
    """The same inputs, for a calculator that works with any of them."""
    return tuple(replace(spec, required=False) for spec in inputs)
