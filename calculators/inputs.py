"""What readers tell us about an order, declared once for the form, the command line and JSON.

Each kind of input knows how to read what was typed, what to say when it is missing
or wrong, and how to declare itself to the browser. ``FACTS`` lists every fact an
order can have; a calculator asks for some of them, and a page may carry the rest
over from the reader's other calculators.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from datetime import date
from typing import Any, ClassVar, Self

from . import dates
from .policy import CARRIER_GROUPS, COUNTRIES, find_carrier
from .words import N_, _, current_language, either, field_date, quoted, spoken


@dataclass(frozen=True)
class Choice:
    value: str
    label: str
    group: str = ""


@dataclass(frozen=True)
class Input:
    """One thing the reader enters. ``name`` is also the CLI option and the JSON key.

    ``shown_if`` names another input and the values that make this one relevant
    (any value when empty): the form asks it only then, and refuses it otherwise.
    """

    kind: ClassVar[str]
    name: str
    label: str
    help: str
    required: bool = True
    shown_if: tuple[str, tuple[str, ...]] | None = None

    def parse(self, raw: str) -> Any:
        """The typed value; raises ValueError with a message for the reader."""
        raise NotImplementedError

    def missing(self) -> str:
        raise NotImplementedError

    def show(self, value: Any) -> str:
        """A parsed value as the reader reads it."""
        return str(value)

    def optional(self) -> Self:
        return replace(self, required=False)

    def when(self, name: str, *values: str) -> Self:
        return replace(self, shown_if=(name, values))

    def applies(self, values: dict[str, Any]) -> bool | None:
        """Whether the other answers ask for this input: None while they do not say."""
        if self.shown_if is None:
            return True
        name, wanted = self.shown_if
        given = values.get(name)
        if given is None:
            return None
        return not wanted or given in wanted

    def declare(self) -> dict[str, Any]:
        declared: dict[str, Any] = {
            "name": self.name,
            "kind": self.kind,
            "label": _(self.label),
            "help": _(self.help),
            "required": self.required,
            "missing": self.missing(),
        }
        if self.shown_if:
            declared["shown_if"] = {"name": self.shown_if[0], "values": list(self.shown_if[1])}
        return declared


@dataclass(frozen=True)
class DateInput(Input):
    """A day something happened; ``event`` names it in messages about other dates."""

    kind: ClassVar[str] = "date"
    event: str = ""

    def parse(self, raw: str) -> date:
        try:
            return dates.parse(raw)
        except dates.DateProblem as problem:
            raise ValueError(str(problem)) from None

    def missing(self) -> str:
        return _("Enter a date, such as {example}.").format(example=dates.example())

    def show(self, value: Any) -> str:
        return spoken(value)


@dataclass(frozen=True)
class ChoiceInput(Input):
    """One of a list; ``lookup`` also accepts names written another way.

    ``implies`` reads answers that only make sense together: (answer, other input, the
    answer it means when the other holds a value). The form applies the same data.
    """

    kind: ClassVar[str] = "choice"
    choices: tuple[Choice, ...] = ()
    lookup: Callable[[str], str | None] | None = None
    implies: tuple[tuple[str, str, str], ...] = ()

    def parse(self, raw: str) -> str:
        wanted = raw.casefold()
        for choice in self.choices:
            if wanted in (choice.value.casefold(), _(choice.label).casefold()):
                return choice.value
        found = self.lookup(raw) if self.lookup else None
        if found is None:
            raise ValueError(
                _("{text} is not in the list: choose {choices}.").format(
                    text=quoted(raw), choices=self._listed()
                )
            )
        return found

    def missing(self) -> str:
        return _("Choose {choices}.").format(choices=self._listed())

    def show(self, value: Any) -> str:
        labels = {choice.value: _(choice.label) for choice in self.choices}
        return labels.get(value, str(value))

    def _listed(self) -> str:
        """The choices in a sentence; quoted when one holds a comma, so none runs into another."""
        labels = [_(choice.label) for choice in self.choices]
        if any("," in label for label in labels):
            labels = [_("“{choice}”").format(choice=label) for label in labels]
        return either(labels)

    def declare(self) -> dict[str, Any]:
        return {
            **super().declare(),
            "choices": [
                {"value": c.value, "label": _(c.label), "group": _(c.group) if c.group else ""}
                for c in self.choices
            ],
            "implies": [list(rule) for rule in self.implies],
        }


@dataclass(frozen=True)
class DaysInput(Input):
    """A whole number of days, as a countdown shows it."""

    kind: ClassVar[str] = "days"
    maximum: int = 365

    def parse(self, raw: str) -> int:
        digits = raw.isascii() and raw.isdigit() and len(raw) <= len(str(self.maximum))
        if not digits or int(raw) > self.maximum:
            raise ValueError(
                _("Enter a whole number of days from 0 to {maximum}, such as 12.").format(
                    maximum=self.maximum
                )
            )
        return int(raw)

    def missing(self) -> str:
        return _("Enter the number of days, such as 12.")

    def show(self, value: Any) -> str:
        return str(value)

    def declare(self) -> dict[str, Any]:
        return {**super().declare(), "max": self.maximum}


INVISIBLE = frozenset(("Cc", "Cf", "Co", "Cs", "Cn"))
"""Unicode categories that show nothing, or could reorder what a calendar shows
(right-to-left overrides, zero-width spaces, marks), left out of the reader's text."""
JOINER = "\u200d"
"""Kept: it joins emoji into one picture."""


@dataclass(frozen=True)
class TextInput(Input):
    """A short line of the reader's own text, such as a name for the order."""

    kind: ClassVar[str] = "text"
    limit: int = 80

    def parse(self, raw: str) -> str:
        text, _tidied = self.tidy(raw)
        return text

    def tidy(self, raw: str) -> tuple[str, bool]:
        """The text on one line without invisible characters, and whether any were left out;
        raises ValueError when it is still too long."""
        shown = "".join(
            c for c in raw if c == JOINER or c.isspace() or unicodedata.category(c) not in INVISIBLE
        )
        text = " ".join(shown.split())
        if len(text) > self.limit:
            raise ValueError(
                _("Use at most {limit} letters, digits or signs, on one line.").format(
                    limit=self.limit
                )
            )
        return text, text != " ".join(raw.split())

    def missing(self) -> str:
        return _("Enter a few words.")


OTHER_CARRIER = "other"
_OTHER_NAMES = {"other", "another", "not listed", "unlisted", "unknown", "other carrier"}


def _carrier(name: str) -> str | None:
    found = find_carrier(name)
    if found:
        return found[0].name
    return OTHER_CARRIER if " ".join(name.casefold().split()) in _OTHER_NAMES else None


TRACKED = "tracked"
"""Tracking says delivered, but the reader does not have the parcel."""

ARRIVED = ChoiceInput(
    "arrived",
    N_("Has it arrived?"),
    N_(
        "Choose “Not sure yet” if the tracking is unclear: it counts as not arrived. If "
        "tracking says delivered but nothing reached you, choose that answer and enter the "
        "date tracking gives."
    ),
    choices=(
        Choice("yes", N_("Yes")),
        Choice(TRACKED, N_("Tracking says delivered, but I don't have it")),
        Choice("no", N_("No")),
        Choice("unsure", N_("Not sure yet")),
    ),
    implies=(("no", "delivered", TRACKED),),  # "not arrived", with the date tracking gives
)
SHIPPED = DateInput(
    "shipped",
    N_("Date the seller shipped"),
    N_("The day the order was shipped: the order's tracking details show it."),
    event=N_("the shipping date"),
)
CARRIER = ChoiceInput(
    "carrier",
    N_("Carrier"),
    N_("The shipping service on the order. Not listed? Choose “Other carrier”."),
    choices=(
        *(
            Choice(carrier.name, carrier.name, group.heading)
            for group in CARRIER_GROUPS
            for carrier in group.carriers
        ),
        Choice(OTHER_CARRIER, N_("Other carrier")),
    ),
    lookup=_carrier,
)
DELIVERED = DateInput(
    "delivered",
    N_("Date the parcel was delivered"),
    N_("The day tracking shows it delivered, or the day you received it."),
    event=N_("the delivery date"),
)
PROTECTION_LEFT = DaysInput(
    "protection_left",
    N_("Days left on the Purchase Protection countdown"),
    N_(
        "In My Orders, open the order's details: the countdown there shows the days left. "
        "Enter 0 if it has ended."
    ),
    required=False,
)
CONTACTED = DateInput(
    "contacted",
    N_("Date you wrote to the seller"),
    N_("The day you sent the seller your message about the problem."),
    event=N_("the day you wrote to the seller"),
)
OPENED = DateInput(
    "opened",
    N_("Date you opened the dispute"),
    N_("The day you pressed “Open dispute”."),
    event=N_("the day you opened the dispute"),
)
ESCALATED = DateInput(
    "escalated",
    N_("Date you escalated to AliExpress"),
    N_("Leave empty if you have not asked AliExpress to step in."),
    required=False,
    event=N_("the day you escalated the dispute"),
)
AGREED = DateInput(
    "agreed",
    N_("Date the return was agreed"),
    N_("The day the seller (or AliExpress) confirmed the return and gave you the address."),
    event=N_("the day the return was agreed"),
)
RETURN_RECEIVED = DateInput(
    "return_received",
    N_("Date the seller received your return"),
    N_("From the return parcel's tracking."),
    event=N_("the day the seller received the return"),
)
RETURN_POSTED = DateInput(
    "return_posted",
    N_("Date you posted the return"),
    N_("The day you handed the return to the carrier: keep the receipt and its tracking number."),
    event=N_("the day you posted the return"),
)
RESOLVED = DateInput(
    "resolved",
    N_("Date the dispute was resolved"),
    N_("The day the dispute closed in your favour."),
    event=N_("the day the dispute was resolved"),
)
REJECTED = DateInput(
    "rejected",
    N_("Date the dispute closed without a refund"),
    N_("The day AliExpress decided against you, or the day the dispute closed by itself."),
    event=N_("the day the dispute closed without a refund"),
)
PAID = DateInput(
    "paid",
    N_("Date you paid"),
    N_("The day you paid for the order: PayPal and banks count their time limits from it."),
    event=N_("the day you paid"),
)
PAYPAL, CREDIT_CARD, DEBIT_CARD, OTHER_PAYMENT = "paypal", "credit card", "debit card", "other"
PAYMENT = ChoiceInput(
    "payment",
    N_("How you paid"),
    N_("If AliExpress does not refund you, PayPal or your bank may: each has its own time limit."),
    choices=(
        Choice(PAYPAL, N_("PayPal")),
        Choice(CREDIT_CARD, N_("Credit card")),
        Choice(DEBIT_CARD, N_("Debit card")),
        Choice(OTHER_PAYMENT, N_("Other")),
    ),
)
REQUESTED = DateInput(
    "requested",
    N_("Date you asked to cancel"),
    N_("The day you sent the cancellation request, while the order was awaiting shipment."),
    event=N_("the day you asked to cancel"),
)


def _country(code: str) -> str | None:
    """A country by its ISO 3166-1 code, any case: "es", "GB" or "uk", "de" (another EU
    country)."""
    wanted = code.strip().upper()
    for country in COUNTRIES:
        if wanted in (country.value.upper(), *country.codes):
            return country.value
    return None


@dataclass(frozen=True)
class CountryInput(ChoiceInput):
    """Where the reader lives: the countries the reader's language suggests come first,
    and none is chosen for them."""

    def declare(self) -> dict[str, Any]:
        declared = super().declare()
        suggested = {c.value for c in COUNTRIES if current_language() in c.languages}
        first = [c for c in declared["choices"] if c["value"] in suggested]
        declared["choices"] = first + [c for c in declared["choices"] if c not in first]
        return declared


COUNTRY = CountryInput(
    "country",
    N_("Where you live"),
    N_(
        "Your country's law may give you more time, or other rights, beside AliExpress's own "
        "rules. The code works too, such as ES or BR."
    ),
    choices=tuple(Choice(country.value, country.name) for country in COUNTRIES),
    lookup=_country,
)

FACTS: dict[str, Input] = {
    spec.name: spec
    for spec in (
        ARRIVED,
        PAID,
        PAYMENT,
        SHIPPED,
        CARRIER,
        DELIVERED,
        PROTECTION_LEFT,
        CONTACTED,
        OPENED,
        ESCALATED,
        AGREED,
        RETURN_POSTED,
        RETURN_RECEIVED,
        RESOLVED,
        REJECTED,
        REQUESTED,
        COUNTRY,
    )
}
"""Everything an order can have, in the order the reader lives it."""


def tidied_words(name: str) -> str:
    """What was done to a calendar name the reader typed with invisible characters."""
    if not name:
        return _("The name held only invisible characters, so the calendar has none.")
    return _("Invisible characters were left out of the name: the calendar shows “{name}”.").format(
        name=name
    )


CALENDAR_LABEL = TextInput(
    "label",
    N_("Name for this order (optional)"),
    N_("Such as the order number: your calendar shows it in each event."),
    required=False,
)

SEQUENCE: tuple[tuple[DateInput, DateInput], ...] = (
    (SHIPPED, DELIVERED),
    (SHIPPED, CONTACTED),
    (SHIPPED, OPENED),
    (SHIPPED, AGREED),
    (SHIPPED, RETURN_RECEIVED),
    (SHIPPED, RESOLVED),
    (DELIVERED, AGREED),
    (DELIVERED, RETURN_RECEIVED),
    (OPENED, ESCALATED),
    (OPENED, RESOLVED),
    (ESCALATED, RESOLVED),
    (AGREED, RETURN_RECEIVED),
    (AGREED, RETURN_POSTED),
    (RETURN_POSTED, RETURN_RECEIVED),
    (OPENED, REJECTED),
    (ESCALATED, REJECTED),
    *(
        (PAID, later)
        for later in (SHIPPED, DELIVERED, CONTACTED, OPENED, AGREED, RESOLVED, REJECTED, REQUESTED)
    ),
)
"""Pairs of events in the order's natural sequence: the second cannot come first.

The message goes under the second date, except for the payment date, which comes before
everything else: a clash is reported under it."""


@dataclass
class Reading:
    """What came of reading the reader's text: values, and a message per bad field."""

    values: dict[str, Any] = field(default_factory=dict)
    problems: dict[str, str] = field(default_factory=dict)

    def refuse(self, name: str, message: str) -> None:
        self.problems.setdefault(name, message)


def check_dates(reading: Reading, today: date) -> None:
    """Refuse events dated after today, and events out of the order's natural sequence."""
    for spec in FACTS.values():
        day = reading.values.get(spec.name)
        if isinstance(day, date) and day > today:
            reading.refuse(
                spec.name,
                _("This is after today ({today}): enter the day it happened.").format(
                    today=field_date(today)
                ),
            )
    if reading.values.get(ESCALATED.name) and not reading.values.get(OPENED.name):
        reading.refuse(OPENED.name, _("Enter the date you opened the dispute, too."))
    if reading.values.get(REJECTED.name) and reading.values.get(RESOLVED.name):
        reading.refuse(
            REJECTED.name,
            _(
                "A dispute closes once: enter the day it was resolved or the day it closed "
                "without a refund, not both."
            ),
        )
    for earlier, later in SEQUENCE:
        first, then = reading.values.get(earlier.name), reading.values.get(later.name)
        if first is None or then is None or then >= first:
            continue
        if earlier is PAID:
            reading.refuse(
                PAID.name,
                _("This is after {event} ({day}): check both dates.").format(
                    event=_(later.event), day=field_date(then)
                ),
            )
        else:
            reading.refuse(
                later.name,
                _("This is before {event} ({day}): check both dates.").format(
                    event=_(earlier.event), day=field_date(first)
                ),
            )


def settle(reading: Reading) -> None:
    """Read answers that only make sense together, as each choice declares: "not arrived"
    with a delivery date is tracking that says delivered for a parcel not received."""
    for spec in FACTS.values():
        if not isinstance(spec, ChoiceInput):
            continue
        for answer, other, meant in spec.implies:
            if reading.values.get(spec.name) == answer and reading.values.get(other):
                reading.values[spec.name] = meant


def irrelevant(spec: Input) -> str:
    """Why a value was refused for an input that does not apply to the other answers."""
    assert spec.shown_if is not None
    name, wanted = spec.shown_if
    question = FACTS[name]
    if not wanted:
        return _("Enter “{question}” too, or leave this empty.").format(question=_(question.label))
    return _(
        "This applies only if you answer {answer} to “{question}”: leave it empty, or change "
        "that answer."
    ).format(
        answer=either(_("“{choice}”").format(choice=question.show(value)) for value in wanted),
        question=_(question.label),
    )
