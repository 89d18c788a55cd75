"""The AliExpress policy figures the guide relies on, each stated once with its sources.

The source articles are undated and sometimes disagree, so a figure is a set of
claims, each tied to the sources that make it. Pages and calculators read figures
from here; prose never types a number itself. Every figure registers itself in
``PERIODS`` or ``FACTS`` as it is declared, so nothing is listed twice by hand.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
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
        Source(
            "rights",
            N_("Project notes on consumer rights and payment routes by country"),
            N_("The project's research notes, with a confidence for each fact."),
            N_(
                "Consumer laws, help desks, payment routes and the services that take scam "
                "reports, country by country, from stored copies of official and other "
                "public pages."
            ),
            publisher=N_("This guide's own research."),
            address=N_("Not public: kept with the project."),
            called=N_("rights notes"),
        ),
    )
}

LAW_KIND = N_(
    "A law, read in its official text or through the project's notes on rights by country."
)
LAW_READ = N_("2026, for the project's notes on consumer rights by country.")
LAW_PUBLISHER = N_("The lawmaker that passed it.")


def law(key: str, title: str, covers: str, address: str, called: str) -> Source:
    """A consumer law the country routes rely on, cited by its name."""
    return Source(key, title, LAW_KIND, covers, LAW_PUBLISHER, address, LAW_READ, called)


LAWS: dict[str, Source] = {
    source.key: source
    for source in (
        law(
            "eu-crd",
            "Directive 2011/83/EU on consumer rights",
            N_("The right to withdraw from a purchase made at a distance, and its refund."),
            "https://eur-lex.europa.eu/eli/dir/2011/83/oj",
            N_("EU Consumer Rights Directive"),
        ),
        law(
            "eu-sgd",
            "Directive (EU) 2019/771 on the sale of goods",
            N_("The legal guarantee of conformity and the presumption that a fault was there."),
            "https://eur-lex.europa.eu/eli/dir/2019/771/oj",
            N_("EU Sale of Goods Directive"),
        ),
        law(
            "es-law",
            "Real Decreto Legislativo 1/2007 (TRLGDCU)",
            N_("Spain's rules on withdrawal and on the legal guarantee."),
            "https://www.boe.es/buscar/act.php?id=BOE-A-2007-20555",
            N_("Spain's consumer law"),
        ),
        law(
            "pt-law",
            "Decreto-Lei 84/2021 and Decreto-Lei 24/2014",
            N_("Portugal's rules on the legal guarantee and on withdrawal."),
            N_("Not recorded: the official address was not confirmed."),
            N_("Portugal's consumer law"),
        ),
        law(
            "fr-law",
            "Code de la consommation",
            N_("France's rules on withdrawal and on the legal guarantee of conformity."),
            N_("Not recorded: the official address was not confirmed."),
            N_("France's Consumer Code"),
        ),
        law(
            "be-law",
            "Code civil (art. 1649bis ff.) and Code de droit économique (VI.47 ff.)",
            N_("Belgium's rules on withdrawal and on the legal guarantee."),
            "http://economie.fgov.be/fr/themes/protection-des-consommateurs/garantie/"
            "la-loi-sur-la-garantie",
            N_("Belgium's consumer law"),
        ),
        law(
            "uk-ccr",
            "The Consumer Contracts Regulations 2013",
            N_("The right to cancel a purchase made at a distance in the UK."),
            "https://www.legislation.gov.uk/uksi/2013/3134",
            N_("UK Consumer Contracts Regulations"),
        ),
        law(
            "uk-cra",
            "Consumer Rights Act 2015",
            N_("The short-term right to reject faulty goods in the UK."),
            "https://www.legislation.gov.uk/ukpga/2015/15/section/22",
            N_("UK Consumer Rights Act"),
        ),
        law(
            "br-cdc",
            "Lei 8.078/1990 (Código de Defesa do Consumidor)",
            N_("Brazil's right of regret and the time limits to complain of defects."),
            "https://www.planalto.gov.br/ccivil_03/leis/l8078compilado.htm",
            N_("Brazil's Consumer Defence Code"),
        ),
        law(
            "mx-lfpc",
            "Ley Federal de Protección al Consumidor",
            N_("Mexico's right to revoke a purchase made at a distance."),
            "https://www.diputados.gob.mx/LeyesBiblio/pdf/LFPC.pdf",
            N_("Mexico's Consumer Protection Law"),
        ),
        law(
            "ar-law",
            "Ley 24.240 de Defensa del Consumidor",
            N_("Argentina's right to revoke a purchase made online."),
            "https://www.argentina.gob.ar/normativa/nacional/ley-24240-638/actualizacion",
            N_("Argentina's Consumer Protection Law"),
        ),
        law(
            "cl-law",
            "Ley 19.496 sobre protección de los derechos de los consumidores",
            N_("Chile's right to withdraw from a purchase made online."),
            "https://www.bcn.cl/leychile/navegar?idNorma=61438",
            N_("Chile's Consumer Protection Law"),
        ),
        law(
            "co-law",
            "Ley 1480 de 2011 (Estatuto del Consumidor)",
            N_("Colombia's right to withdraw, and its reversal of a payment made online."),
            "http://www.secretariasenado.gov.co/senado/basedoc/ley_1480_2011.html",
            N_("Colombia's Consumer Statute"),
        ),
        law(
            "ch-co",
            "Code des obligations (CO)",
            N_("Switzerland's rules on warranty for defects; it gives no right to withdraw."),
            "https://ch.ch/fr/securite-et-droit/retourner-ou-echanger-des-produits",
            N_("Switzerland's Code of Obligations"),
        ),
        law(
            "qc-cpa",
            "Loi sur la protection du consommateur (Québec)",
            N_("Québec's rules on distance contracts, and its chargeback by law."),
            "http://legisquebec.gouv.qc.ca/en/version/cs/P-40.1?code=se:54_14&history=20211125",
            N_("Québec's Consumer Protection Act"),
        ),
        law(
            "us-fcba",
            "Fair Credit Billing Act (15 USC 1666)",
            N_("How to dispute a credit-card charge for goods not delivered as agreed."),
            "https://consumer.ftc.gov/articles/using-credit-cards-and-disputing-charges",
            N_("US Fair Credit Billing Act"),
        ),
    )
}
SOURCES.update(LAWS)


Unit = Literal["day", "working day", "year"]


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
        if self.unit == "year":
            return self.days * 365.25
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
        elif claim.unit == "year":
            text = ngettext("{span} year after {event}", "{span} years after {event}", claim.days)
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
    "eu_withdrawal",
    N_("delivery of the last item"),
    Claim(14, ("eu-crd", "research"), confidence=N_("high")),
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

# What the law where the reader lives adds (the project's notes on rights by country).
HIGH = N_("high")
AFTER_DELIVERY = N_("delivery")
LEGAL_GUARANTEE_EU = figure(
    "legal_guarantee.eu", AFTER_DELIVERY, Claim(2, ("eu-sgd",), unit="year", confidence=HIGH)
)
LEGAL_GUARANTEE_ES_PT = figure(
    "legal_guarantee.es_pt",
    AFTER_DELIVERY,
    Claim(3, ("es-law", "pt-law"), unit="year", confidence=HIGH),
)
PRESUMPTION_EU = figure(
    "presumption.eu", AFTER_DELIVERY, Claim(1, ("eu-sgd",), unit="year", confidence=HIGH)
)
PRESUMPTION_ES_PT_FR = figure(
    "presumption.es_pt_fr",
    AFTER_DELIVERY,
    Claim(2, ("es-law", "pt-law", "fr-law"), unit="year", confidence=HIGH),
)
PRESUMPTION_BE = figure(
    "presumption.be",
    AFTER_DELIVERY,
    Claim(2, ("be-law",), unit="year", confidence=N_("medium")),
)
PT_REJECTION = figure("pt_rejection", AFTER_DELIVERY, Claim(30, ("pt-law",), confidence=HIGH))
UK_CANCEL = figure("uk_cancel", AFTER_DELIVERY, Claim(14, ("uk-ccr",), confidence=HIGH))
UK_REJECT = figure("uk_reject", AFTER_DELIVERY, Claim(30, ("uk-cra",), confidence=HIGH))
BR_REGRET = figure("br_regret", N_("receipt"), Claim(7, ("br-cdc",), confidence=HIGH))
BR_DEFECT_NONDURABLE = figure(
    "br_defect.non_durable", AFTER_DELIVERY, Claim(30, ("br-cdc",), confidence=HIGH)
)
BR_DEFECT_DURABLE = figure(
    "br_defect.durable", AFTER_DELIVERY, Claim(90, ("br-cdc",), confidence=HIGH)
)
MX_REVOKE = figure(
    "mx_revoke", AFTER_DELIVERY, Claim(5, ("mx-lfpc",), unit="working day", confidence=HIGH)
)
AR_REVOKE = figure("ar_revoke", AFTER_DELIVERY, Claim(10, ("ar-law",), confidence=HIGH))
CL_WITHDRAW = figure("cl_withdraw", N_("receipt"), Claim(10, ("cl-law",), confidence=HIGH))
CO_WITHDRAW = figure(
    "co_withdraw", AFTER_DELIVERY, Claim(5, ("co-law",), unit="working day", confidence=HIGH)
)
CO_REVERSAL = figure(
    "co_reversal",
    N_("learning of the problem"),
    Claim(5, ("co-law",), unit="working day", confidence=N_("medium")),
)
CH_WARRANTY = figure(
    "ch_warranty", AFTER_DELIVERY, Claim(2, ("ch-co",), unit="year", confidence=HIGH)
)
QC_CHARGEBACK = figure(
    "qc_chargeback",
    N_("the merchant's failure to refund"),
    Claim(60, ("qc-cpa",), confidence=HIGH),
)
US_FCBA = figure(
    "us_fcba",
    N_("the first statement showing the charge"),
    Claim(60, ("us-fcba",), confidence=HIGH),
)


@dataclass(frozen=True)
class Right:
    """A deadline the law where the reader lives gives, from the delivery or the payment.

    ``says`` what it lets the reader do, and how it meets a seller abroad; ``only_for``
    names the payment methods it needs (a credit card for the US law).
    """

    key: str
    label: str
    period: Period
    says: str | tuple[str, ...]
    counted_from: Literal["delivered", "paid"] = "delivered"
    only_for: tuple[str, ...] = ()


EU_ABROAD = N_(
    "It binds sellers outside the EU who sell to your country, and AliExpress committed to EU "
    "consumer authorities to respect it; enforcing it against a seller in China is the hard "
    "part, so keep the dates of your payment route in view."
)
EU_WITHDRAW = Right(
    "withdrawal",
    N_("Last day to withdraw from the purchase (EU law)"),
    EU_WITHDRAWAL,
    (
        N_(
            "Tell the seller clearly that you withdraw (in writing is safest): the price and "
            "the standard delivery come back. You pay the return only if the seller said so "
            "before the purchase, and the seller may wait for the item or your proof of posting "
            "before refunding."
        ),
        EU_ABROAD,
    ),
)
EU_GUARANTEE = Right(
    "legal_guarantee",
    N_("The legal guarantee of conformity ends"),
    LEGAL_GUARANTEE_EU,
    N_(
        "Until then the seller must make a faulty item right: repair or replacement first, "
        "then a price cut or a refund."
    ),
)
ES_PT_GUARANTEE = Right(
    "legal_guarantee",
    EU_GUARANTEE.label,
    LEGAL_GUARANTEE_ES_PT,
    EU_GUARANTEE.says,
)
EU_PRESUMPTION = Right(
    "presumption",
    N_("Last day a fault is presumed to have been there at delivery"),
    PRESUMPTION_EU,
    N_("Until then you need not prove that the fault was there when the item arrived."),
)
ES_PT_FR_PRESUMPTION = Right(
    "presumption", EU_PRESUMPTION.label, PRESUMPTION_ES_PT_FR, EU_PRESUMPTION.says
)
EU_RIGHTS = (EU_WITHDRAW, EU_GUARANTEE, EU_PRESUMPTION)


@dataclass(frozen=True)
class Country:
    """Where the reader lives, and the deadlines its law adds to AliExpress's own.

    ``codes`` are the ISO 3166-1 codes it stands for; ``note`` what to know there, such as
    a right the reader might expect and does not have.
    """

    value: str
    name: str
    rights: tuple[Right, ...]
    codes: tuple[str, ...] = ()
    note: str = ""
    note_sources: tuple[str, ...] = ()
    note_period: Period | None = None
    languages: tuple[str, ...] = ()
    """The languages whose readers are offered it first."""
    section: str = "find-your-country"
    """Its section of the Your rights page (the heading's anchor), which the build checks."""


EU_OTHERS = [
    "AT",
    "BG",
    "HR",
    "CY",
    "CZ",
    "DK",
    "EE",
    "FI",
    "DE",
    "GR",
    "HU",
    "IE",
    "IT",
    "LV",
    "LT",
    "LU",
    "MT",
    "NL",
    "PL",
    "RO",
    "SK",
    "SI",
    "SE",
]
COUNTRIES: tuple[Country, ...] = (
    Country(
        "ES",
        N_("Spain"),
        (EU_WITHDRAW, ES_PT_GUARANTEE, ES_PT_FR_PRESUMPTION),
        languages=("es",),
        section="spain",
    ),
    Country(
        "PT",
        N_("Portugal"),
        (
            EU_WITHDRAW,
            Right(
                "rejection",
                N_("Last day to reject a faulty item outright (Portugal)"),
                PT_REJECTION,
                N_(
                    "Until then you may choose a replacement or end the contract for a faulty item."
                ),
            ),
            ES_PT_GUARANTEE,
            ES_PT_FR_PRESUMPTION,
        ),
        languages=("pt-BR",),
        section="portugal",
    ),
    Country(
        "FR",
        N_("France"),
        (EU_WITHDRAW, EU_GUARANTEE, ES_PT_FR_PRESUMPTION),
        languages=("fr",),
        section="france",
    ),
    Country(
        "BE",
        N_("Belgium"),
        (EU_WITHDRAW, EU_GUARANTEE, replace(EU_PRESUMPTION, period=PRESUMPTION_BE)),
        languages=("fr",),
        section="belgium",
    ),
    Country("EU", N_("Another EU country"), EU_RIGHTS, codes=tuple(EU_OTHERS), section="eu"),
    Country(
        "GB",
        N_("United Kingdom"),
        (
            Right(
                "cancel",
                N_("Last day to cancel the purchase (UK law)"),
                UK_CANCEL,
                N_(
                    "Tell the seller you cancel; standard delivery is refunded too. Enforcing it "
                    "against a seller in China is hard: keep your payment route's dates in view."
                ),
            ),
            Right(
                "reject",
                N_("Last day to reject a faulty item for a full refund (UK law)"),
                UK_REJECT,
                N_(
                    "The short-term right to reject: the seller pays the reasonable cost of return."
                ),
            ),
        ),
        codes=("UK",),
        languages=("en",),
        section="uk",
    ),
    Country(
        "BR",
        N_("Brazil"),
        (
            Right(
                "regret",
                N_("Last day to cancel by the right of regret (Brazil)"),
                BR_REGRET,
                (
                    N_(
                        "Everything paid comes back, shipping included; a state consumer "
                        "prosecutor has held that the import taxes paid at checkout must come "
                        "back too."
                    ),
                    N_("Brazilian courts can hear the case against a seller abroad."),
                ),
            ),
            Right(
                "defect_non_durable",
                N_("Last day to complain of a visible defect in a non-durable item (Brazil)"),
                BR_DEFECT_NONDURABLE,
                N_("A complaint on record pauses this time until the seller clearly refuses."),
            ),
            Right(
                "defect_durable",
                N_("Last day to complain of a visible defect in a durable item (Brazil)"),
                BR_DEFECT_DURABLE,
                N_("A complaint on record pauses this time until the seller clearly refuses."),
            ),
        ),
        languages=("pt-BR",),
        section="brazil",
    ),
    Country(
        "MX",
        N_("Mexico"),
        (
            Right(
                "revoke",
                N_("Last day to revoke the purchase (Mexico)"),
                MX_REVOKE,
                N_(
                    "Send the notice by a reliable means: the posting date counts. You pay "
                    "the return."
                ),
            ),
        ),
        languages=("es",),
        section="mexico",
    ),
    Country(
        "AR",
        N_("Argentina"),
        (
            Right(
                "revoke",
                N_("Last day to revoke the purchase (Argentina)"),
                AR_REVOKE,
                N_("No reason is needed, and the seller pays the return."),
            ),
        ),
        languages=("es",),
        section="argentina",
    ),
    Country(
        "CL",
        N_("Chile"),
        (
            Right(
                "withdraw",
                N_("Last day to withdraw from the purchase (Chile)"),
                CL_WITHDRAW,
                N_("Longer if the seller sent you no written confirmation of the purchase."),
            ),
        ),
        languages=("es",),
        section="chile",
    ),
    Country(
        "CO",
        N_("Colombia"),
        (
            Right(
                "withdraw",
                N_("Last day to withdraw from the purchase (Colombia)"),
                CO_WITHDRAW,
                N_("You pay the transport for the return."),
            ),
            Right(
                "reversal",
                N_("Last day to ask your bank for a payment reversal (Colombia)"),
                CO_REVERSAL,
                N_(
                    "Counted here from delivery, the day you could first see the problem: tell "
                    "the seller, return the item where it applies, and notify your card's issuer."
                ),
            ),
        ),
        languages=("es",),
        section="colombia",
    ),
    Country(
        "CH",
        N_("Switzerland"),
        (
            Right(
                "warranty",
                N_("Warranty for defects ends (Switzerland)"),
                CH_WARRANTY,
                N_("Tell the seller of a defect as soon as you find it."),
            ),
        ),
        note=N_(
            "Swiss law gives no right to cancel a purchase made online: only the seller's own "
            "terms can. Rely on AliExpress's protection, PayPal or your card."
        ),
        note_sources=("ch-co",),
        languages=("fr",),
        section="switzerland",
    ),
    Country(
        "CA",
        N_("Canada (Québec)"),
        (),
        note=N_(
            "Québec's law has no general right to change your mind. If a merchant does not "
            "refund a purchase you cancelled as the law allows, ask your credit-card issuer no "
            "later than {rule}: the issuer must credit you."
        ),
        note_sources=("qc-cpa",),
        note_period=QC_CHARGEBACK,
        languages=("fr", "en"),
        section="canada",
    ),
    Country(
        "US",
        N_("United States"),
        (
            Right(
                "fcba",
                N_("Last day to dispute the credit-card charge in writing (US law)"),
                US_FCBA,
                N_(
                    "The law counts from the first statement showing the charge, which comes "
                    "after the payment: this date assumes the statement came the day you paid."
                ),
                counted_from="paid",
                only_for=("credit card",),
            ),
        ),
        languages=("en",),
        section="united-states",
    ),
    Country("other", N_("Another country"), ()),
)
"""The countries whose law the guide dates, listed once: the form, the engine, the pages."""


def country_of(value: str | None) -> Country | None:
    """The country a reader's answer names, if any."""
    return next((c for c in COUNTRIES if c.value == value), None)


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
        # Your rights where you live (docs/rights.md), from the project's notes by country.
        Fact("aliexpress_eu_commitments", "2020–2021", ("rights",), N_("high")),
        Fact("withdrawal_extension", N_("12 months"), ("rights",), N_("high")),
        Fact("distance_return_days", N_("14 days"), ("rights",), N_("high")),
        Fact("uk_presumption", N_("6 months after delivery"), ("rights",), N_("high")),
        Fact("uk_s75_floor", "£100", ("rights",), N_("high")),
        Fact("uk_s75_cap", "£30,000", ("rights",), N_("high")),
        Fact("uk_citizens_advice", "0808 223 1133", ("rights",), N_("medium")),
        Fact("uk_consumerline", "0300 123 6262", ("rights",), N_("medium")),
        Fact("br_repair", N_("30 days to fix the defect"), ("rights",), N_("high")),
        Fact(
            "br_small_claims",
            N_("claims worth up to 40 minimum wages, with no lawyer needed up to 20"),
            ("rights",),
            N_("high"),
        ),
        Fact("mx_profeco", "55 5568 8722, 800 468 8722", ("rights",), N_("high")),
        Fact(
            "cl_no_confirmation",
            N_("90 days if the seller sent no written confirmation of the purchase"),
            ("rights",),
            N_("high"),
        ),
        Fact("co_refund", N_("30 calendar days, with no deductions"), ("rights",), N_("high")),
        Fact(
            "qc_missing_info",
            N_("7 days after you receive your copy of the contract"),
            ("rights",),
            N_("high"),
        ),
        Fact(
            "qc_late_delivery",
            N_(
                "30 days after the agreed delivery date, or 30 days after the purchase if no "
                "date was given"
            ),
            ("rights",),
            N_("high"),
        ),
        Fact("qc_refund", N_("15 days after you cancel"), ("rights",), N_("high")),
        Fact("uk_scam_text", "7726", ("rights",), N_("high")),
        Fact("uk_report_fraud", "0300 123 2040", ("rights",), N_("high")),
        Fact("uk_scotland_police", "101", ("rights",), N_("high")),
        Fact("uk_app_refund_cap", "£85,000", ("rights",), N_("high")),
        Fact("fr_17cyber", "17Cyber", ("rights",), N_("high")),
        Fact("fr_info_escroqueries", "0805 805 817", ("rights",), N_("high")),
        Fact("fr_spam_sms", "33700", ("rights",), N_("medium")),
        Fact("es_incibe", "017", ("rights",), N_("high")),
        Fact("es_incibe_whatsapp", "900 116 117", ("rights",), N_("high")),
        Fact("be_card_stop", "078 170 170", ("rights",), N_("high")),
        Fact("ca_anti_fraud", "1-888-495-8501", ("rights",), N_("high")),
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
