"""What do I write? Message templates for sellers, AliExpress, PayPal, banks and consumer bodies.

Each template names the blanks it has; the message builder on the templates page asks
for them, fills in the dates the reader already gave a calculator, and copies the
result. Without JavaScript, or on paper, the same templates show their blanks in
square brackets. Only words are here: no template states a policy figure, and a letter
that rests on a law names the law and its article, never a number of days ("within the
time the law sets").
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Literal

from calculators.inputs import FACTS
from calculators.words import N_, _


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
        Blank("outcome", N_("What happened on AliExpress"), "long"),
        Blank("amount", N_("Amount paid")),
        Blank("name", N_("Your name")),
        Blank("shipped", N_("Date the seller shipped"), "date"),
        Blank("delivered", N_("Date the parcel was delivered"), "date"),
        Blank("contacted", N_("Date you wrote to the seller"), "date"),
        Blank("opened", N_("Date you opened the dispute"), "date"),
        Blank("return_posted", N_("Date you posted the return"), "date"),
        Blank("resolved", N_("Date the dispute was resolved"), "date"),
        Blank("paid", N_("Date you paid"), "date"),
    )
}


@dataclass(frozen=True)
class Template:
    """A message, titled by where it goes. To the seller, the carrier, PayPal, the bank or
    a consumer body, it is written outside an AliExpress dispute; the dispute's
    description, a message on the dispute page and a statement to AliExpress are written
    where one is open. Only these three say that an AliExpress dispute is open."""

    key: str
    title: str
    when: str
    text: str
    blanks: tuple[str, ...]


TEMPLATES: tuple[Template, ...] = (
    Template(
        "broken",
        N_("To the seller: the item arrived broken or faulty"),
        N_("Your first message, from the order in My Orders, before any dispute."),
        N_(
            "Hello,\n\n"
            "Order {order} arrived on {delivered}, and {item} is broken or does not work: "
            "{problem}\n\n"
            "The photos or video I attach show the fault, and the parcel as it reached me.\n\n"
            "Please {request}. If the item has to go back to you, I will open a dispute so "
            "that we can agree the return there.\n\n"
            "Thank you,\n{name}"
        ),
        ("order", "delivered", "item", "problem", "request", "name"),
    ),
    Template(
        "not-as-described",
        N_("To the seller: the item is not as described"),
        N_("Your first message, from the order in My Orders, before any dispute."),
        N_(
            "Hello,\n\n"
            "Order {order} arrived on {delivered}, but {item} is not what the listing "
            "described: {problem}\n\n"
            "I attach photos or video of what I received, and a screenshot of the listing.\n\n"
            "Please {request}. If the item has to go back to you, I will open a dispute so "
            "that we can agree the return there.\n\n"
            "Thank you,\n{name}"
        ),
        ("order", "delivered", "item", "problem", "request", "name"),
    ),
    Template(
        "not-arrived",
        N_("To the seller: the parcel has not arrived"),
        N_(
            "When tracking has stalled or the parcel is late, before any dispute. If tracking "
            "says delivered but you do not have it, open a dispute instead."
        ),
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
        "proof-of-delivery",
        N_("To the carrier: asking for proof of delivery"),
        N_(
            "When tracking says delivered but you do not have the parcel: send it to the "
            "delivery company in your country, named on the tracking, then open your dispute "
            "without waiting for the answer."
        ),
        N_(
            "Hello,\n\n"
            "Your tracking for parcel {tracking} marks it as delivered on {delivered}, but it "
            "has not reached me, and it is not with my neighbours or at the reception.\n\n"
            "Please send me the proof of delivery: where and to whom the parcel was handed "
            "over, and any signature or photo you keep. If you cannot show it, please open a "
            "search for the parcel and give me its reference number.\n\n"
            "Thank you,\n{name}"
        ),
        ("tracking", "delivered", "name"),
    ),
    Template(
        "dispute-description",
        N_("The dispute's description"),
        N_(
            "The text box of the Open dispute form, for an item you received. On the form, "
            "pick the reason that fits: damaged or faulty, or not as described."
        ),
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
        "dispute-not-received",
        N_("The dispute's description: the parcel never came"),
        N_("The text box of the Open dispute form, when the parcel is late or lost."),
        N_(
            "Order {order}: {item}, shipped on {shipped}, has not reached me.\n\n"
            "Its tracking number, {tracking}, last showed: {status}.\n\n"
            "I wrote to the seller on {contacted}, and the parcel has still not come.\n\n"
            "Attached: screenshots of the tracking and my messages with the seller.\n\n"
            "I ask for {request}."
        ),
        ("order", "item", "shipped", "tracking", "status", "contacted", "request"),
    ),
    Template(
        "dispute-delivered-missing",
        N_("The dispute's description: tracking says delivered, but I don't have it"),
        N_(
            "The text box of the Open dispute form, as soon as tracking says delivered and "
            "you have nothing. Answer that you did not receive the order, and do not confirm "
            "receipt."
        ),
        N_(
            "Order {order}: {item}, shipped on {shipped}. Its tracking number, {tracking}, "
            "says the parcel was delivered, but it never reached me. It is not with my "
            "neighbours or at the reception.\n\n"
            "I have asked the local carrier for proof of delivery: where and to whom the "
            "parcel was handed over. I will add their answer to this dispute.\n\n"
            "Attached: a screenshot of the tracking page, and my request to the carrier.\n\n"
            "I ask for {request}."
        ),
        ("order", "item", "shipped", "tracking", "request"),
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
        "return-address",
        N_("On the dispute page: agreeing the return"),
        N_(
            "When the seller, or AliExpress, proposes a return in your dispute: before you "
            "post anything."
        ),
        N_(
            "Thank you for agreeing to a return of order {order}. Please set it out here, on "
            "the dispute page: the full return address, and whether you provide a return "
            "label.\n\n"
            "I will send the item only once the return is agreed in this dispute. I will use "
            "a tracked service and enter the tracking number here."
        ),
        ("order",),
    ),
    Template(
        "return-posted",
        N_("On the dispute page: the return is on its way"),
        N_(
            "Once you have posted the return agreed in your dispute. Keep the dispute open "
            "until the refund shows."
        ),
        N_(
            "I sent the item of order {order} back on {return_posted}, as agreed in this "
            "dispute, with a tracked service. The tracking number is {tracking}; the postage "
            "receipt and photos of the parcel are attached.\n\n"
            "Please confirm when it arrives, and send the refund. I will keep this dispute "
            "open until the refund reaches me."
        ),
        ("order", "return_posted", "tracking"),
    ),
    Template(
        "paypal-case",
        N_("To PayPal: opening a dispute"),
        N_(
            "If you paid with PayPal, and AliExpress decided against you, the refund is "
            "overdue, or the countdown ended. Escalate it to a claim within PayPal's time, "
            "or it closes for good."
        ),
        N_(
            "I paid {amount} on {paid} for AliExpress order {order} ({item}).\n\n"
            "The problem: {problem}\n\n"
            "What happened on AliExpress: {outcome}\n\n"
            "I attach the order details, my messages with the seller and my evidence. I ask "
            "for {request}."
        ),
        ("amount", "paid", "order", "item", "problem", "outcome", "request"),
    ),
    Template(
        "paypal-claim",
        N_("To PayPal: escalating the dispute to a claim"),
        N_(
            "When the seller has not settled your PayPal dispute. On PayPal's website, go to "
            "the Resolution Center, click View next to the dispute, then Escalate to PayPal "
            "at the bottom of the page; paste this message and click Submit. Do it within "
            "PayPal's time to escalate: a dispute not escalated in time closes for good and "
            "cannot be reopened."
        ),
        N_(
            "I ask PayPal to decide my PayPal dispute about AliExpress order {order} "
            "({item}): the seller has not settled it.\n\n"
            "I paid {amount} on {paid}.\n\n"
            "The problem: {problem}\n\n"
            "What happened on AliExpress: {outcome}\n\n"
            "My evidence is attached: the order details, my messages with the seller, photos "
            "or video, and the tracking. Under PayPal Buyer Protection, I ask for a full "
            "refund of my payment."
        ),
        ("order", "item", "amount", "paid", "problem", "outcome"),
    ),
    Template(
        "chargeback",
        N_("To your bank: asking for a chargeback"),
        N_(
            "If you paid by card, debit or credit, and AliExpress decided against you, the "
            "refund is overdue, or the countdown ended. Your bank may have a shorter limit: "
            "ask it at once."
        ),
        N_(
            "Dear Sir or Madam,\n\n"
            "I dispute a card payment of {amount} made on {paid} to AliExpress, for order "
            "{order} ({item}).\n\n"
            "What went wrong: {problem}\n\n"
            "What happened on AliExpress: {outcome}\n\n"
            "I attach the order details, my messages, my evidence and AliExpress's decision, "
            "if there was one. Please reverse the payment.\n\n"
            "Yours faithfully,\n{name}"
        ),
        ("amount", "paid", "order", "item", "problem", "outcome", "name"),
    ),
    Template(
        "eu-withdrawal",
        N_("To the seller: withdrawing from the purchase (EU)"),
        N_("For buyers in the European Union who want to send back an item they do not want."),
        N_(
            "Hello,\n\n"
            "I withdraw from my purchase of {item}, order {order}, which I received on "
            "{delivered}.\n\n"
            "Please refund every sum I paid for this order, including the original standard "
            "delivery charge and any import VAT collected at checkout, to the payment method "
            "I used, within the time the law sets.\n\n"
            "Please tell me the return address: I will send the item back with tracking. As "
            "the law provides, the cost of sending it back is yours, unless you told me "
            "otherwise before I bought it.\n\n"
            "{name}"
        ),
        ("item", "order", "delivered", "name"),
    ),
    Template(
        "uk-cancel",
        N_("To the seller: cancelling the purchase (UK)"),
        N_(
            "For buyers in the United Kingdom who want to send back an item they do not want: "
            "the Consumer Contracts Regulations give you the right to cancel. Send it through "
            "the order's messages, and keep a screenshot that shows the date."
        ),
        N_(
            "Hello,\n\n"
            "I cancel my purchase of {item}, order {order}, which I received on {delivered}, "
            "under the Consumer Contracts Regulations 2013.\n\n"
            "Please refund every payment I made for this order, including the original "
            "delivery charge up to the cost of standard delivery, to the payment method I "
            "used, within the time the law sets.\n\n"
            "Please tell me the return address: I will send the item back with tracking. As "
            "the Regulations provide, the cost of sending it back is yours, unless you told "
            "me otherwise before I bought it.\n\n"
            "{name}"
        ),
        ("item", "order", "delivered", "name"),
    ),
    Template(
        "uk-reject",
        N_("To the seller: rejecting a faulty item (UK)"),
        N_(
            "For buyers in the United Kingdom, soon after delivery, when the item is faulty, "
            "not as described or unfit for its purpose: the Consumer Rights Act gives a "
            "short-term right to reject it for a full refund."
        ),
        N_(
            "Hello,\n\n"
            "Order {order} reached me on {delivered}, and {item} does not conform to the "
            "contract: {problem}\n\n"
            "I attach photos or video that show the problem.\n\n"
            "I reject the item under the short-term right to reject in the Consumer Rights "
            "Act 2015, and ask for a full refund of what I paid ({amount}), to the payment "
            "method I used, within the time the law sets.\n\n"
            "Please tell me how you want the item back: collect it, or give me a return "
            "address and a prepaid label. As the Act provides, the reasonable cost of "
            "returning it is yours.\n\n"
            "{name}"
        ),
        ("order", "delivered", "item", "problem", "amount", "name"),
    ),
    Template(
        "br-regret",
        N_("To the seller: cancelling under the right of regret (Brazil)"),
        N_(
            "For buyers in Brazil who want to cancel a purchase and send the item back, under "
            "the Consumer Defence Code's right of regret. Send it through the order's "
            "messages, and keep a screenshot that shows the date."
        ),
        N_(
            "Hello,\n\n"
            "Under article 49 of the Consumer Defence Code (Código de Defesa do Consumidor), "
            "I exercise my right of regret (direito de arrependimento) and cancel my purchase "
            "of {item}, order {order}, which I received on {delivered}.\n\n"
            "Please refund everything I paid for this order, on any account: the price, the "
            "shipping and the import taxes paid at checkout (Remessa Conforme), adjusted for "
            "inflation, at once, as article 49 provides.\n\n"
            "If I paid by card, please tell the card issuer at once to cancel the charge, or "
            "to reverse it if it is already on my statement, as article 5 of Decreto "
            "7.962/2013 requires.\n\n"
            "Please tell me how to send the item back at no cost to me: exercising the right "
            "of regret must cost me nothing.\n\n"
            "{name}"
        ),
        ("item", "order", "delivered", "name"),
    ),
    Template(
        "br-complaint",
        N_("To a consumer body: a complaint to Procon or consumidor.gov.br (Brazil)"),
        N_(
            "For buyers in Brazil, when the seller and AliExpress have not given you what the "
            "law gives: file it with your state's Procon, or on consumidor.gov.br. "
            "AliExpress's registration on consumidor.gov.br is not confirmed: check the "
            "site's list of companies before you count on it."
        ),
        N_(
            "I bought {item} on AliExpress, order {order}, and paid {amount} on {paid}.\n\n"
            "What went wrong: {problem}\n\n"
            "What happened on AliExpress: {outcome}\n\n"
            "The Consumer Defence Code (Código de Defesa do Consumidor) covers suppliers "
            "based abroad. I bought the item on AliExpress's platform, and AliExpress took "
            "my payment, so I ask that it answer for it together with the seller.\n\n"
            "I ask for {request}.\n\n"
            "I attach the order details, the proof of payment, my messages with the seller "
            "and with AliExpress, and my evidence.\n\n"
            "{name}"
        ),
        ("item", "order", "amount", "paid", "problem", "outcome", "request", "name"),
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
