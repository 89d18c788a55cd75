"""The AliExpress policy figures the guide relies on, each stated once with its sources.

The source articles are undated and sometimes disagree, so a figure is a set of
claims, each tied to the sources that make it. Pages and calculators read figures
from here; prose never types a number itself. Every figure registers itself in
``PERIODS`` or ``FACTS`` as it is declared, so nothing is listed twice by hand.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from typing import Literal

from .words import N_, _, either, ngettext, pgettext

REVIEWED = date(2026, 11, 23)
"""When the figures below were last checked against the sources (not against AliExpress)."""
SOURCE_YEARS = (2012, 2022)
"""The years the stored copies of AliExpress's help pages span; the articles are undated."""


@dataclass(frozen=True)
class Source:
    """A document the guide's facts come from, and what is known about it."""

    key: str
    title: str
    kind: str
    covers: str
    publisher: str = N_("Not named in the copy the project holds.")
    address: str = N_("Not recorded: the project holds a text copy of the article.")
    read: str = N_("November 2026, for this guide.")
    called: str = ""
    """What citations call it, where its key is not a number: words, so translated."""

    @property
    def anchor(self) -> str:
        return f"source-{self.key}"

    @property
    def name(self) -> str:
        """What a citation shows: "003", or "research notes" in the reader's language."""
        return _(self.called) if self.called else self.key

    @property
    def heading(self) -> str:
        """The title in the reader's language: the articles keep theirs, ours is translated."""
        return _(self.title)

    def as_dict(self) -> dict[str, str]:
        return {"key": self.key, "name": self.name, "title": self.heading}


SOURCES: dict[str, Source] = {
    source.key: source
    for source in (
        Source(
            "000",
            "How to Return an AliExpress Package: Complete Step-by-Step Guide",
            N_("A step-by-step blog article, with an AI summary and a question-and-answer part."),
            N_(
                "Contacting the seller, opening a dispute, the seller's and AliExpress's "
                "review times, and sending the item back with tracking."
            ),
        ),
        Source(
            "001",
            "AliExpress return policy explainer",
            N_("A blog article from a site that also reviews products and lists deals."),
            N_(
                "Buyer protection, return conditions, non-returnable items, return and "
                "refund timelines, and a ten-step return walkthrough."
            ),
        ),
        Source(
            "002",
            "AliExpress return policy (a lesson in an AliExpress shopping course)",
            N_("A lesson in an online course on shopping at AliExpress."),
            N_(
                "Seller return policies, the dispute window by carrier, and how to contact "
                "a seller and open and escalate a dispute."
            ),
        ),
        Source(
            "003",
            "How to Request a Refund on AliExpress: Detailed Guides",
            N_("A merchant-tool blog: the blog of a dropshipping service."),
            N_(
                "Refund eligibility, dispute timing, free and paid returns, refund "
                "methods, and advice for dropshippers."
            ),
            publisher=N_("DSers, a dropshipping tool (its pictures and links name it)."),
        ),
        Source(
            "research",
            N_("Project research notes on AliExpress's own help pages"),
            N_("The project's research notes, with a confidence for each fact."),
            N_(
                "Stored copies of AliExpress help-centre pages from about 2012 to 2022 "
                "and later guides, used to date the articles' rules."
            ),
            publisher=N_("This guide's own research."),
            address=N_("Not public: kept with the project."),
            called=N_("research notes"),
        ),
        Source(
            "paypal",
            "PayPal Help Center: Do I have to file a PayPal Buyer Protection claim within a "
            "certain timeframe?",
            N_("PayPal's own help page."),
            N_(
                "How long after paying a buyer can open a PayPal dispute, and how long they "
                "then have to escalate it to a claim."
            ),
            publisher=N_("PayPal."),
            address="https://www.paypal.com/sr/smarthelp/article/"
            "do-i-have-to-file-a-paypal-buyer-protection-claim-within-a-certain-timeframe-faq1417",
            read=N_("2026, in a stored copy, for the project's notes on payment routes."),
            called=N_("PayPal's help page"),
        ),
        Source(
            "cards",
            "Visa Core Rules; Mastercard Chargeback Guide",
            N_(
                "The card networks' published rules, read through the summaries of firms "
                "that handle disputes."
            ),
            N_(
                "How long a card holder's bank has to ask for a chargeback for goods not "
                "received, not as described, or not refunded."
            ),
            publisher=N_("Visa and Mastercard."),
            address="https://usa.visa.com/dam/VCOM/download/about-visa/visa-rules-public.pdf; "
            "https://www.mastercard.com/content/dam/mccom/shared/business/support/rules-pdfs/"
            "chargeback-guide.pdf",
            read=N_("2026, in stored copies, for the project's notes on payment routes."),
            called=N_("the card networks' rules"),
        ),
    )
}

Unit = Literal["day", "working day"]


@dataclass(frozen=True)
class Claim:
    """One source's answer to "how long?": a number, or a range ``at_least``–``days``.

    Working days are Monday to Friday; the articles' "business days" are the same.
    """

    days: int
    sources: tuple[str, ...]
    at_least: int | None = None
    unit: Unit = "day"
    confidence: str = ""
    """How sure the research notes are of it, where they say ("medium", "high")."""

    @property
    def working_days(self) -> bool:
        return self.unit == "working day"

    @property
    def span(self) -> str:
        """The number of days, or its range said the language's way ("5 à 7" in French)."""
        if self.at_least is None:
            return str(self.days)
        return pgettext("a range of days", "{first}–{last}").format(
            first=self.at_least, last=self.days
        )

    @property
    def calendar_days(self) -> float:
        """About how long it lasts, to compare claims counted in different units."""
        return self.days * 7 / 5 if self.working_days else self.days


Safer = Literal["earlier", "later"]


@dataclass(frozen=True)
class Period:
    """A time counted from an event, as the sources state it.

    When the claims disagree, the safer one for the reader is planned with: the
    earlier date for a deadline they must meet, the later one for a wait they sit out.
    """

    key: str
    counted_from: str
    claims: tuple[Claim, ...]
    safer: Safer = "earlier"
    scope: tuple[str, ...] = ()
    """What the rule is limited to, such as the carriers it names."""

    @property
    def planned(self) -> Claim:
        pick = min if self.safer == "earlier" else max
        return pick(self.claims, key=lambda claim: claim.calendar_days)

    @property
    def others(self) -> tuple[Claim, ...]:
        """The claims not planned with: shown beside the planned one as a disagreement."""
        return tuple(claim for claim in self.claims if claim is not self.planned)

    def describe(self, claim: Claim | None = None) -> str:
        """The rule in words, e.g. "6 days after shipment"."""
        claim = claim or self.planned
        event = _(self.counted_from)
        if claim.working_days:
            text = ngettext(
                "{span} working day after {event}", "{span} working days after {event}", claim.days
            )
        else:
            text = ngettext("{span} day after {event}", "{span} days after {event}", claim.days)
        rule = text.format(span=claim.span, event=event)
        if self.scope:
            return _("{rule}, for {carriers}").format(rule=rule, carriers=either(self.scope))
        return rule

    @property
    def sources(self) -> tuple[Source, ...]:
        keys = dict.fromkeys(key for claim in self.claims for key in claim.sources)
        return tuple(SOURCES[key] for key in keys)


PERIODS: dict[str, Period] = {}


def figure(
    key: str,
    counted_from: str,
    *claims: Claim,
    safer: Safer = "earlier",
    scope: tuple[str, ...] = (),
) -> Period:
    """Declare a period and register it under ``key`` for the guide's markers."""
    if key in PERIODS:
        raise ValueError(f"the figure {key!r} is declared twice")
    PERIODS[key] = Period(key, counted_from, claims, safer, scope)
    return PERIODS[key]


def carrier_group(key: str, days: int, *carriers: Carrier) -> CarrierGroup:
    """Carriers the old rule gives one dispute deadline, ``days`` after shipment (002)."""
    names = tuple(carrier.name for carrier in carriers)
    window = figure(f"dispute_closes.{key}", N_("shipment"), Claim(days, ("002",)), scope=names)
    return CarrierGroup(key, LISTED, carriers, window)


@dataclass(frozen=True)
class Carrier:
    name: str
    aliases: tuple[str, ...] = ()


@dataclass(frozen=True)
class CarrierGroup:
    """Carriers that share one dispute deadline in AliExpress's old carrier rule.

    ``dispute_closes`` is None for the carriers no published rule names: their orders
    go by the not-arrived rule and the order's Purchase Protection countdown.
    """

    key: str
    heading: str
    carriers: tuple[Carrier, ...]
    dispute_closes: Period | None

    @property
    def names(self) -> str:
        return either(carrier.name for carrier in self.carriers)


DISPUTE_OPENS = figure("dispute_opens", N_("shipment"), Claim(6, ("002",)))

LISTED = N_("Named in the old carrier rule")
CARRIER_GROUPS: tuple[CarrierGroup, ...] = (
    carrier_group(
        "express",
        23,
        Carrier("DHL", ("DHL Express",)),
        Carrier("TNT"),
        Carrier("UPS"),
        Carrier("FedEx", ("Fed Ex", "Federal Express")),
    ),
    carrier_group(
        "ems",
        27,
        Carrier("Japan Post EMS", ("EMS", "Japan EMS", "Japan Post")),
        Carrier("SF Express", ("SF", "Shunfeng")),
    ),
    carrier_group(
        "post",
        39,
        Carrier("China Post", ("China Post Air Mail", "China Post Registered Air Mail")),
        Carrier("Hong Kong Post", ("HK Post", "HongKong Post", "Hong Kong Post Air Mail")),
    ),
    CarrierGroup(
        "unlisted",
        N_("No published window: go by your countdown"),
        (
            Carrier("AliExpress Standard Shipping", ("AliExpress Standard",)),
            Carrier("AliExpress Selection Standard"),
            Carrier("AliExpress Premium Shipping", ("AliExpress Premium",)),
            Carrier("AliExpress Saver Shipping", ("AliExpress Saver",)),
            Carrier("Cainiao", ("Cainiao Network",)),
            Carrier("4PX"),
            Carrier("Yanwen"),
            Carrier("YunExpress", ("Yun Express",)),
            # The post that hands the parcel over at the reader's end, as tracking names it.
            Carrier("Correios", ("Correios do Brasil",)),
            Carrier("Correos", ("Correos Express",)),
            Carrier("CTT", ("CTT Expresso",)),
            Carrier("La Poste", ("Colissimo",)),
            Carrier("bpost", ("Belgian Post",)),
            Carrier("Royal Mail"),
            Carrier("USPS", ("US Postal Service",)),
            Carrier("Canada Post", ("Postes Canada",)),
        ),
        None,
    ),
)

DELIVERY_DEADLINE = figure(
    "delivery_deadline",
    N_("shipment"),
    Claim(60, ("research",), confidence=N_("medium")),
)
"""The protection's length counted from shipping (the research notes); article 003 gives 60 days
as a maximum without saying what it counts from."""
DISPUTE_AFTER_DELIVERY = figure("dispute_after_delivery", N_("delivery"), Claim(15, ("003",)))
RETURN_REQUEST = figure("return_request", N_("receiving the item"), Claim(15, ("001",)))
SELLER_REPLY = figure("seller_reply", N_("contacting the seller"), Claim(3, ("001",)))
SELLER_RESPONSE = figure(
    "seller_response",
    N_("the dispute was opened"),
    Claim(5, ("003", "research"), confidence=N_("medium")),
    Claim(15, ("000",)),
)
ESCALATION = figure("escalation", N_("the dispute was opened"), Claim(15, ("001",)))
DECISION = figure("decision", N_("escalation"), Claim(10, ("000",)))
RETURN_SHIPPING = figure(
    "return_shipping",
    N_("the return was agreed"),
    Claim(10, ("001", "research"), confidence=N_("medium-high")),
)
REFUND_AFTER_RETURN = figure(
    "refund_after_return",
    N_("the seller received the return"),
    Claim(3, ("001",), unit="working day"),
    safer="later",
)
REFUND_AFTER_RESOLUTION = figure(
    "refund_after_resolution",
    N_("the dispute was resolved"),
    Claim(15, ("001",)),
    Claim(30, ("003",), at_least=15, unit="working day"),
    safer="later",
)
CANCELLATION = figure(
    "cancellation",
    N_("the cancellation request"),
    Claim(7, ("003",), at_least=5),
    safer="later",
)

# Context from AliExpress's own pages over the years (the research notes), for the guide.
FREE_RETURN = figure(
    "free_return",
    N_("the on-time delivery date"),
    Claim(15, ("research",), confidence=N_("medium-high")),
)
DISPUTE_AFTER_RECEIPT = figure(
    "dispute_after_receipt",
    N_("you confirm receipt"),
    Claim(15, ("research",), confidence=N_("high")),
)
EU_WITHDRAWAL = figure(
    "eu_withdrawal", N_("delivery"), Claim(14, ("research",), confidence=N_("high"))
)
PAYPAL_DISPUTE = figure(
    "paypal_dispute", N_("payment"), Claim(180, ("paypal", "research"), confidence=N_("high"))
)
PAYPAL_ESCALATION = figure(
    "paypal_escalation",
    N_("opening the PayPal dispute"),
    Claim(20, ("paypal", "research"), confidence=N_("high")),
)
CHARGEBACK = figure("chargeback", N_("payment"), Claim(120, ("cards",), confidence=N_("high")))
"""The earliest basis the networks count from; banks may set shorter limits of their own."""
CARD_REFUND = figure(
    "card_refund",
    N_("the refund is issued"),
    Claim(20, ("research",), at_least=3, unit="working day", confidence=N_("medium")),
    safer="later",
)
BANK_DELAY = figure(
    "bank_delay",
    N_("the order shows “Refund completed”"),
    Claim(15, ("research",), at_least=7, unit="working day", confidence=N_("medium")),
    safer="later",
)

CARRIER_RULE_CAVEAT = N_(
    "These carrier windows are an old published rule: AliExpress's help pages gave them "
    "around 2012 to 2013, and later versions of the rules moved both the first and the "
    "last day. For a real order, the Purchase Protection countdown on the order's detail "
    "page is the authority: if it disagrees with these dates, trust the countdown."
)
CARRIER_RULE_CAVEAT_SOURCES = ("002", "research")


@dataclass(frozen=True)
class Fact:
    """A figure that is not a count of days from an event, with its sources."""

    key: str
    text: str
    sources: tuple[str, ...]
    confidence: str = ""


FACTS: dict[str, Fact] = {
    fact.key: fact
    for fact in (
        Fact("support_phone", "+86 571-88126600", ("001",)),
        Fact(
            "protection_length",
            N_(
                "60 days in older pages (90 for Russia, 120 for Brazil), “normally 90” from "
                "2020, and “60 or 75 days from shipping” in a community FAQ: the sources "
                "disagree"
            ),
            ("research",),
            N_("medium"),
        ),
        Fact(
            "chargeback_window",
            N_("about 120 days, counted the way your bank's own rules say"),
            ("research",),
        ),
        Fact(
            "merchants_refund",
            N_("most sellers send the money back within 15 days"),
            ("003",),
        ),
        Fact(
            "later_window_2014",
            N_(
                "the “Open dispute” button from 5 days after shipping, with unresolved "
                "disputes passing to AliExpress after 15 days (pages of about 2014 to 2017)"
            ),
            ("research",),
            N_("medium"),
        ),
        Fact(
            "later_window_2018",
            N_(
                "the button from the 11th day after shipping until the 15th day after the "
                "delivery time ends or after receipt is confirmed (help-centre copies from "
                "2018 to 2022)"
            ),
            ("research",),
            N_("medium-high"),
        ),
        Fact(
            "free_return_limits",
            N_(
                "one free return per order, for an unused item in its original packaging, in "
                "the countries the service lists"
            ),
            ("research",),
            N_("medium-high"),
        ),
        Fact("eu_guarantee", N_("a 2-year legal guarantee"), ("research",), N_("high")),
        Fact(
            "auto_cancel",
            N_("48 to 72 hours without an answer from the seller, by guide sites' accounts"),
            ("research",),
            N_("medium"),
        ),
    )
}

SELLER_SILENCE = N_(
    "Article 003 adds that a seller who lets this time pass without answering is taken to "
    "accept the dispute, and the refund starts."
)
DECISION_CAVEAT = N_(
    "Article 003 describes AliExpress's review as taking several weeks, so treat this date "
    "as the hopeful end of the range."
)
EARLY_ESCALATION = N_(
    "Article 003 says the button to escalate appears as soon as the seller answers, "
    "so you may not have to wait this long."
)


def _words(name: str) -> list[str]:
    return re.findall(r"[a-z0-9]+", name.casefold())


_CARRIER_INDEX: dict[str, tuple[Carrier, CarrierGroup]] = {
    " ".join(_words(name)): (carrier, group)
    for group in CARRIER_GROUPS
    for carrier in group.carriers
    for name in (carrier.name, *carrier.aliases)
}
_FOLDED_INDEX = {name.replace(" ", ""): found for name, found in _CARRIER_INDEX.items()}


def find_carrier(name: str) -> tuple[Carrier, CarrierGroup] | None:
    """Match a carrier the way readers write it: any case, spacing or punctuation.

    A longer service name that starts with a known name's words is that carrier:
    "Cainiao Super Economy" is Cainiao. "SFC" is not SF Express.
    """
    words = _words(name)
    exact = _CARRIER_INDEX.get(" ".join(words)) or _FOLDED_INDEX.get("".join(words))
    if exact or not words:
        return exact
    for count in range(len(words) - 1, 0, -1):
        found = _CARRIER_INDEX.get(" ".join(words[:count]))
        if found:
            return found
    return None
