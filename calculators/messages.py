"""What do I write? Message templates for sellers, AliExpress, PayPal, banks and EU sellers.

Each template names the blanks it has; the message builder on the templates page asks
for them, fills in the dates the reader already gave a calculator, and copies the
result. Without JavaScript, or on paper, the same templates show their blanks in
square brackets. Only words are here: no template states a policy figure.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Literal

from .inputs import FACTS
from .words import N_, _


@dataclass(frozen=True)
class Blank:
    """A blank in a template; a date blank takes the order's fact of the same name."""

    name: str
    label: str
    kind: Literal["text", "long", "date"] = "text"


BLANKS: dict[str, Blank] = {
    blank.name: blank
    for blank in (
        Blank("order", N_("Order number")),
        Blank("item", N_("Item")),
        Blank("problem", N_("What is wrong"), "long"),
        Blank("request", N_("What you ask for")),
        Blank("tracking", N_("Tracking number")),
        Blank("status", N_("Last tracking status")),
        Blank("offer", N_("The offer you refuse")),
        Blank("reason", N_("Why it does not solve the problem"), "long"),
        Blank("amount", N_("Amount paid")),
        Blank("name", N_("Your name")),
        Blank("shipped", N_("Date the seller shipped"), "date"),
        Blank("delivered", N_("Date the parcel was delivered"), "date"),
        Blank("contacted", N_("Date you wrote to the seller"), "date"),
        Blank("opened", N_("Date you opened the dispute"), "date"),
        Blank("resolved", N_("Date the dispute was resolved"), "date"),
        Blank("paid", N_("Date you paid"), "date"),
    )
}


@dataclass(frozen=True)
class Template:
    key: str
    title: str
    when: str
    text: str
    blanks: tuple[str, ...]


TEMPLATES: tuple[Template, ...] = (
    Template(
        "first-message",
        N_("To the seller: a problem with the item"),
        N_("Your first message, from the order in My Orders, before any dispute."),
        N_(
            "Hello,\n\n"
            "Order {order} arrived on {delivered}, but {item} has a problem: {problem}\n\n"
            "The photos or video I attach show it. It is not what the listing described.\n\n"
            "Please {request}. Tell me how you want to go ahead.\n\n"
            "Thank you,\n{name}"
        ),
        ("order", "delivered", "item", "problem", "request", "name"),
    ),
    Template(
        "not-arrived",
        N_("To the seller: the parcel has not arrived"),
        N_("When tracking has stalled or the parcel is late."),
        N_(
            "Hello,\n\n"
            "Order {order} was shipped on {shipped} and has not reached me. Its tracking "
            "number, {tracking}, last showed: {status}.\n\n"
            "Please check with the carrier and tell me whether you will send the item again "
            "or refund the order. I will open a dispute before the order's Purchase "
            "Protection ends if this is not solved.\n\n"
            "Thank you,\n{name}"
        ),
        ("order", "shipped", "tracking", "status", "name"),
    ),
    Template(
        "return-address",
        N_("To the seller: asking for the return address"),
        N_("Once the seller has agreed to a return."),
        N_(
            "Hello,\n\n"
            "Thank you for agreeing to the return of order {order}. Please send me the full "
            "return address, and tell me whether you provide a return label. I will use a "
            "tracked service and give you the tracking number here.\n\n"
            "Thank you,\n{name}"
        ),
        ("order", "name"),
    ),
    Template(
        "dispute-description",
        N_("The dispute's description"),
        N_("The text box of the Open dispute form."),
        N_(
            "Order {order}: {item}, delivered on {delivered}.\n\n"
            "The problem: {problem}\n\n"
            "I wrote to the seller on {contacted}. The answer did not solve the problem.\n\n"
            "Attached: photos or video of the problem, screenshots of the listing, the "
            "tracking, and my messages with the seller.\n\n"
            "I ask for {request}."
        ),
        ("order", "item", "delivered", "problem", "contacted", "request"),
    ),
    Template(
        "refusing-an-offer",
        N_("On the dispute page: refusing an offer"),
        N_("When the seller offers something that does not solve the problem."),
        N_(
            "Thank you for your offer of {offer}. I cannot accept it, because {reason}\n\n"
            "I ask for {request}. If we cannot agree, I will ask AliExpress to decide."
        ),
        ("offer", "reason", "request"),
    ),
    Template(
        "seller-silent",
        N_("On the dispute page: the seller does not answer"),
        N_("When the seller's time to answer your dispute has passed in silence."),
        N_(
            "I opened this dispute on {opened} and the seller has not answered. As the "
            "seller has let the time to answer pass, I ask AliExpress to settle the dispute "
            "in my favour: {request}.\n\n"
            "All my evidence is attached to this dispute."
        ),
        ("opened", "request"),
    ),
    Template(
        "escalation",
        N_("To AliExpress: asking it to decide"),
        N_("The statement you add when you escalate the dispute."),
        N_(
            "I opened this dispute about order {order} on {opened}. The seller and I "
            "cannot agree.\n\n"
            "The problem: {problem}\n\n"
            "Why the seller's answer does not solve it: {reason}\n\n"
            "My evidence is attached: photos or video, the listing as it was, the tracking "
            "and our messages. I ask AliExpress to decide: {request}."
        ),
        ("order", "opened", "problem", "reason", "request"),
    ),
    Template(
        "paypal-case",
        N_("To PayPal: opening a case"),
        N_("If you paid with PayPal and AliExpress's own process did not help."),
        N_(
            "I paid {amount} on {paid} for AliExpress order {order} ({item}).\n\n"
            "The problem: {problem}\n\n"
            "I tried to solve it with the seller and through an AliExpress dispute, without "
            "success. I attach the order details, my messages and my evidence. I ask for "
            "{request}."
        ),
        ("amount", "paid", "order", "item", "problem", "request"),
    ),
    Template(
        "chargeback",
        N_("To your bank: asking for a chargeback"),
        N_("If you paid by card and neither the seller nor AliExpress put things right."),
        N_(
            "Dear Sir or Madam,\n\n"
            "I dispute a card payment of {amount} made on {paid} to AliExpress, for order "
            "{order} ({item}).\n\n"
            "What went wrong: {problem}\n\n"
            "I asked the seller and AliExpress to put it right and they did not. I attach "
            "the order details, the dispute and its outcome, my messages and my evidence. "
            "Please reverse the payment.\n\n"
            "Yours faithfully,\n{name}"
        ),
        ("amount", "paid", "order", "item", "problem", "name"),
    ),
    Template(
        "eu-withdrawal",
        N_("To the seller: withdrawing from the purchase (EU)"),
        N_("For buyers in the European Union who want to send back an item they do not want."),
        N_(
            "Hello,\n\n"
            "I withdraw from my purchase of {item}, order {order}, which I received on "
            "{delivered}. I will send the item back; please tell me the return address, "
            "and refund the price once you receive it.\n\n"
            "{name}"
        ),
        ("item", "order", "delivered", "name"),
    ),
)


def declare() -> dict[str, Any]:
    """What the message builder draws, in the active language."""
    return {
        "facts": list(FACTS),
        "blanks": [
            {"name": blank.name, "label": _(blank.label), "kind": blank.kind}
            for blank in BLANKS.values()
        ],
        "templates": [
            {
                "key": template.key,
                "title": _(template.title),
                "when": _(template.when),
                "text": _(template.text),
                "blanks": list(template.blanks),
            }
            for template in TEMPLATES
        ],
    }


def with_brackets(template: Template) -> str:
    """A template with each blank shown as its label in square brackets, for paper."""
    return _(template.text).format(
        **{name: f"[{_(BLANKS[name].label)}]" for name in template.blanks}
    )
