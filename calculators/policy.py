"""The AliExpress policy figures the guide relies on, each stated once with its sources.

The source articles are undated and sometimes disagree, so a figure is a set of
claims, each tied to the sources that make it. Pages and calculators read figures
from here; prose never types a number itself.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from typing import Literal

REVIEWED = date(2026, 11, 22)
"""When the figures below were last checked against the sources."""


@dataclass(frozen=True)
class Source:
    """A document the guide's facts come from."""

    key: str
    title: str
    kind: str
    covers: str

    @property
    def anchor(self) -> str:
        return f"source-{self.key}"

    def as_dict(self) -> dict[str, str]:
        return {"key": self.key, "title": self.title}


SOURCES: dict[str, Source] = {
    source.key: source
    for source in (
        Source(
            "000",
            "How to Return an AliExpress Package: Complete Step-by-Step Guide",
            "article",
            "Contacting the seller, opening a dispute, the seller's and AliExpress's "
            "review times, and sending the item back with tracking.",
        ),
        Source(
            "001",
            "AliExpress return policy explainer",
            "article",
            "Buyer protection, return conditions, non-returnable items, return and "
            "refund timelines, and a ten-step return walkthrough.",
        ),
        Source(
            "002",
            "AliExpress return policy (a lesson in an AliExpress shopping course)",
            "article",
            "Seller return policies, the dispute window by carrier, and how to contact "
            "a seller and open and escalate a dispute.",
        ),
        Source(
            "003",
            "How to Request a Refund on AliExpress: Detailed Guides",
            "article",
            "Refund eligibility, dispute timing, free and paid returns, refund "
            "methods, and advice for dropshippers.",
        ),
        Source(
            "research",
            "Project research notes on AliExpress's own help pages",
            "research",
            "Stored copies of AliExpress help-centre pages from about 2012 to 2022 "
            "and later guides, used to date the articles' rules.",
        ),
    )
}


@dataclass(frozen=True)
class Claim:
    """One source's answer to "how many days?": a number, or a range ``at_least``–``days``."""

    days: int
    sources: tuple[str, ...]
    at_least: int | None = None

    @property
    def span(self) -> str:
        return f"{self.at_least}–{self.days}" if self.at_least is not None else str(self.days)


Unit = Literal["day", "business day", "working day"]


@dataclass(frozen=True)
class Period:
    """A number of days counted from an event, as the sources state it.

    When the claims disagree, ``planned`` is the safer one for the reader:
    the earlier date for a deadline they must meet, the later one for a
    wait they must sit out. Business and working days are Monday to Friday.
    """

    key: str
    counted_from: str
    claims: tuple[Claim, ...]
    unit: Unit = "day"
    safer: Literal["earlier", "later"] = "earlier"

    @property
    def planned(self) -> Claim:
        pick = min if self.safer == "earlier" else max
        return pick(self.claims, key=lambda claim: claim.days)

    @property
    def others(self) -> tuple[Claim, ...]:
        """The claims not planned with: shown beside the planned one as a disagreement."""
        return tuple(claim for claim in self.claims if claim is not self.planned)

    @property
    def weekdays_only(self) -> bool:
        return self.unit != "day"

    def describe(self, claim: Claim | None = None) -> str:
        """Say the rule in words, e.g. "6 days after shipment"."""
        claim = claim or self.planned
        plural = "" if claim.days == 1 and claim.at_least is None else "s"
        return f"{claim.span} {self.unit}{plural} after {self.counted_from}"

    @property
    def sources(self) -> tuple[Source, ...]:
        keys = dict.fromkeys(key for claim in self.claims for key in claim.sources)
        return tuple(SOURCES[key] for key in keys)


@dataclass(frozen=True)
class Carrier:
    name: str
    aliases: tuple[str, ...] = ()


@dataclass(frozen=True)
class CarrierGroup:
    """Carriers that shared one dispute deadline in AliExpress's carrier rule."""

    key: str
    carriers: tuple[Carrier, ...]
    dispute_closes: Period

    @property
    def names(self) -> str:
        return either(carrier.name for carrier in self.carriers)


def either(words: Iterable[str]) -> str:
    """Alternatives as a reader says them: "DHL, TNT, UPS or FedEx"."""
    *rest, last = words
    return f"{', '.join(rest)} or {last}" if rest else last


def _after(key: str, event: str, days: int, *sources: str) -> Period:
    return Period(key, event, (Claim(days, sources),))


DISPUTE_OPENS = _after("dispute_opens", "shipment", 6, "002")

CARRIER_GROUPS: tuple[CarrierGroup, ...] = (
    CarrierGroup(
        "express",
        (
            Carrier("DHL", ("DHL Express",)),
            Carrier("TNT"),
            Carrier("UPS"),
            Carrier("FedEx", ("Fed Ex", "Federal Express")),
        ),
        _after("dispute_closes.express", "shipment", 23, "002"),
    ),
    CarrierGroup(
        "ems",
        (
            Carrier("Japan Post EMS", ("EMS", "Japan EMS", "Japan Post")),
            Carrier("SF Express", ("SF", "Shunfeng", "SF Express Economy")),
        ),
        _after("dispute_closes.ems", "shipment", 27, "002"),
    ),
    CarrierGroup(
        "post",
        (
            Carrier("China Post", ("China Post Air Mail", "China Post Registered Air Mail")),
            Carrier("Hong Kong Post", ("HK Post", "HongKong Post", "Hong Kong Post Air Mail")),
        ),
        _after("dispute_closes.post", "shipment", 39, "002"),
    ),
)

DELIVERY_DEADLINE = _after("delivery_deadline", "shipment", 60, "003")
DISPUTE_AFTER_DELIVERY = _after("dispute_after_delivery", "delivery", 15, "003")
RETURN_REQUEST = _after("return_request", "receiving the item", 15, "001")
SELLER_REPLY = _after("seller_reply", "contacting the seller", 3, "001")
SELLER_RESPONSE = Period(
    "seller_response",
    "the dispute was opened",
    (Claim(5, ("003", "research")), Claim(15, ("000",))),
)
ESCALATION = _after("escalation", "the dispute was opened", 15, "001")
DECISION = _after("decision", "escalation", 10, "000")
RETURN_SHIPPING = _after(
    "return_shipping", "the seller agreed to the return", 10, "001", "research"
)
REFUND_AFTER_RETURN = Period(
    "refund_after_return",
    "the seller received the return",
    (Claim(3, ("001",)),),
    unit="business day",
    safer="later",
)
REFUND_AFTER_RESOLUTION = Period(
    "refund_after_resolution",
    "the dispute was resolved",
    (Claim(15, ("001", "003")),),
    safer="later",
)
REFUND_WORKING_DAYS = Period(
    "refund_working_days",
    "the dispute was resolved",
    (Claim(30, ("003",), at_least=15),),
    unit="working day",
    safer="later",
)
CANCELLATION = Period(
    "cancellation",
    "the cancellation request",
    (Claim(7, ("003",), at_least=5),),
    safer="later",
)

CARRIER_RULE_CAVEAT = (
    "These carrier windows are an old published rule: AliExpress's help pages gave them "
    "around 2012 to 2013, and later versions of the rules moved both the first and the "
    "last day. For a real order, the Purchase Protection countdown on the order's detail "
    "page is the authority: if it disagrees with these dates, trust the countdown."
)
CARRIER_RULE_CAVEAT_SOURCES = ("002", "research")

UNLISTED_CARRIER_ADVICE = (
    "No published window covers this carrier, so this guide does not guess the last day. "
    "Open the order in My Orders and read the Purchase Protection countdown: that is "
    "your deadline."
)

# Context from AliExpress's own pages over the years (the research notes), for the guide.
FREE_RETURN = _after("free_return", "the on-time delivery date", 15, "research")
DISPUTE_AFTER_RECEIPT = _after("dispute_after_receipt", "you confirm receipt", 15, "research")
EU_WITHDRAWAL = _after("eu_withdrawal", "delivery", 14, "research")
PAYPAL_DISPUTE = _after("paypal_dispute", "payment", 180, "research")
CARD_REFUND = Period(
    "card_refund",
    "the refund is issued",
    (Claim(20, ("research",), at_least=3),),
    unit="business day",
    safer="later",
)
BANK_DELAY = Period(
    "bank_delay",
    "the order shows “Refund completed”",
    (Claim(15, ("research",), at_least=7),),
    unit="business day",
    safer="later",
)


@dataclass(frozen=True)
class Fact:
    """A figure that is not a count of days from an event, with its sources."""

    key: str
    text: str
    sources: tuple[str, ...]


FACTS: dict[str, Fact] = {
    fact.key: fact
    for fact in (
        Fact("support_phone", "+86 571-88126600", ("001",)),
        Fact(
            "protection_length",
            "60 days in older pages (90 for Russia, 120 for Brazil), “normally 90” from 2020, "
            "and “60 or 75 days from shipping” in a community FAQ",
            ("research",),
        ),
        Fact(
            "later_window_2014",
            "the “Open dispute” button from 5 days after shipping, with unresolved disputes "
            "passing to AliExpress after 15 days (pages of about 2014 to 2017)",
            ("research",),
        ),
        Fact(
            "later_window_2018",
            "the button from the 11th day after shipping until the 15th day after the delivery "
            "time ends or after receipt is confirmed (help-centre copies from 2018 to 2022)",
            ("research",),
        ),
        Fact(
            "free_return_limits",
            "one free return per order, for an unused item in its original packaging, in the "
            "countries the service lists",
            ("research",),
        ),
        Fact("eu_guarantee", "a 2-year legal guarantee", ("research",)),
        Fact("protection_minimum", "at least 15 days", ("003",)),
        Fact(
            "auto_cancel",
            "48 to 72 hours without an answer from the seller",
            ("research",),
        ),
    )
}

SELLER_SILENCE = (
    "Article 003 adds that a seller who lets this time pass without answering is taken to "
    "accept the dispute, and the refund starts."
)
DECISION_CAVEAT = (
    "Article 003 describes AliExpress's review as taking several weeks, so treat this date "
    "as the hopeful end of the range."
)

PERIODS: dict[str, Period] = {
    period.key: period
    for period in (
        DISPUTE_OPENS,
        *(group.dispute_closes for group in CARRIER_GROUPS),
        DELIVERY_DEADLINE,
        DISPUTE_AFTER_DELIVERY,
        RETURN_REQUEST,
        SELLER_REPLY,
        SELLER_RESPONSE,
        ESCALATION,
        DECISION,
        RETURN_SHIPPING,
        REFUND_AFTER_RETURN,
        REFUND_AFTER_RESOLUTION,
        REFUND_WORKING_DAYS,
        CANCELLATION,
        FREE_RETURN,
        DISPUTE_AFTER_RECEIPT,
        EU_WITHDRAWAL,
        PAYPAL_DISPUTE,
        CARD_REFUND,
        BANK_DELAY,
    )
}


def _fold(name: str) -> str:
    return re.sub(r"[^a-z0-9]", "", name.casefold())


_CARRIER_INDEX: dict[str, tuple[Carrier, CarrierGroup]] = {
    _fold(name): (carrier, group)
    for group in CARRIER_GROUPS
    for carrier in group.carriers
    for name in (carrier.name, *carrier.aliases)
}


def find_carrier(name: str) -> tuple[Carrier, CarrierGroup] | None:
    """Match a carrier the way readers write it: any case, spacing or punctuation."""
    return _CARRIER_INDEX.get(_fold(name))
