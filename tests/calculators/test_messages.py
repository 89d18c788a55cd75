"""Message templates: every blank declared, nothing left unfilled, no figure of their own."""

import re

import pytest

from calculators import messages
from calculators.words import _

TEMPLATES = pytest.mark.parametrize(
    "template", messages.TEMPLATES, ids=[t.key for t in messages.TEMPLATES]
)


@TEMPLATES
def test_every_blank_in_the_text_is_declared_and_asked_for(template: messages.Template) -> None:
    named = set(re.findall(r"\{(\w+)\}", _(template.text)))
    assert named == set(template.blanks)
    assert set(template.blanks) <= set(messages.BLANKS)


@TEMPLATES
def test_on_paper_each_blank_shows_its_label_in_brackets(template: messages.Template) -> None:
    paper = messages.with_brackets(template)
    assert "{" not in paper
    for name in template.blanks:
        assert f"[{_(messages.BLANKS[name].label)}]" in paper


@TEMPLATES
def test_templates_state_no_figure_of_their_own(template: messages.Template) -> None:
    assert not re.search(r"\d", _(template.text) + _(template.title) + _(template.when))


def test_the_issue_asks_for_these_templates() -> None:
    keys = {template.key for template in messages.TEMPLATES}
    assert {"seller-silent", "escalation", "paypal-case", "chargeback", "eu-withdrawal"} <= keys
    assert len(keys) == len(messages.TEMPLATES)


def english(template: messages.Template) -> str:
    return _(template.text)


def by_key(key: str) -> messages.Template:
    return next(template for template in messages.TEMPLATES if template.key == key)


NOT_RECEIVED = ("dispute-not-received", "dispute-delivered-missing")
"""The dispute's descriptions for a parcel the reader does not have."""


@pytest.mark.parametrize("key", NOT_RECEIVED)
def test_a_not_received_dispute_never_says_the_parcel_was_delivered(key: str) -> None:
    template = by_key(key)
    assert _(template.title).startswith("The dispute's description")
    assert "delivered on" not in english(template).casefold()
    assert "delivered on" not in messages.with_brackets(template).casefold()
    assert "delivered" not in template.blanks


def test_tracking_that_says_delivered_has_its_own_dispute_and_carrier_request() -> None:
    missing = english(by_key("dispute-delivered-missing"))
    assert "proof of delivery" in missing
    assert "proof of delivery" in english(by_key("proof-of-delivery"))
    assert "says delivered" in _(by_key("not-arrived").when)


BROKEN = re.compile(r"\bbroken\b|\bfaulty\b|does not work|\bdamage", re.I)
NOT_AS_DESCRIBED = re.compile(r"not as described|not what the listing|listing described", re.I)


def test_broken_and_not_as_described_are_separate_choices() -> None:
    broken = [t for t in messages.TEMPLATES if BROKEN.search(_(t.title))]
    described = [t for t in messages.TEMPLATES if NOT_AS_DESCRIBED.search(_(t.title))]
    assert broken and described
    assert not set(broken) & set(described)
    for template in messages.TEMPLATES:
        text = english(template)
        assert not (BROKEN.search(text) and NOT_AS_DESCRIBED.search(text)), template.key


WHERE = {
    "To the seller:": False,
    "To the carrier:": False,
    "To PayPal:": False,
    "To your bank:": False,
    "The dispute's description": True,
    "On the dispute page:": True,
    "To AliExpress:": True,
}
"""Where each message goes, by its title, and whether a dispute is open there."""

CLAIMS_A_DISPUTE = re.compile(
    r"\b(this|the|my|an AliExpress) dispute\b|\bdispute (is|was) open|\bI (have )?opened\b",
    re.I,
)


def test_the_claim_check_sees_a_dispute_said_to_be_open() -> None:
    for said in ("I opened this dispute", "through an AliExpress dispute", "the dispute and"):
        assert CLAIMS_A_DISPUTE.search(said)
    assert not CLAIMS_A_DISPUTE.search("I will open a dispute if this is not solved.")


@TEMPLATES
def test_a_message_says_a_dispute_is_open_only_where_one_is(template: messages.Template) -> None:
    places = [place for place in WHERE if _(template.title).startswith(place)]
    assert len(places) == 1, f"{template.key}: the title should say where the message goes"
    if not WHERE[places[0]]:
        assert not CLAIMS_A_DISPUTE.search(english(template)), template.key


def test_a_return_is_agreed_and_followed_on_the_dispute_page() -> None:
    for key in ("return-address", "return-posted"):
        assert _(by_key(key).title).startswith("On the dispute page:")
    assert "keep this dispute open until the refund" in english(by_key("return-posted"))
    for key in ("broken", "not-as-described"):
        assert "open a dispute so that we can agree the return there" in english(by_key(key))


def test_a_date_blank_is_a_fact_of_the_order() -> None:
    for blank in messages.BLANKS.values():
        if blank.kind == "date":
            assert blank.name in messages.FACTS
            assert blank.label == messages.FACTS[blank.name].label


BUYER_PAYS_THE_RETURN = re.compile(
    r"\bI( will| shall| must| have to| need to| am to| agree to|'ll) (pay|cover|bear)\b"
    r"|\bmy (own )?(cost|expense)\b",
    re.I,
)
"""A buyer taking on the return's cost, which EU law leaves to a seller who said nothing."""


def test_the_buyer_pays_check_sees_a_buyer_who_pays() -> None:
    for said in ("I will pay for the return.", "I'll cover the postage", "at my own expense"):
        assert BUYER_PAYS_THE_RETURN.search(said)
    assert not BUYER_PAYS_THE_RETURN.search("the cost of sending it back is yours")


def test_the_withdrawal_letter_asks_for_delivery_back_and_never_has_the_buyer_pay() -> None:
    template = by_key("eu-withdrawal")
    for text in (english(template), messages.with_brackets(template)):
        said = " ".join(text.split())
        assert "every sum I paid" in said
        assert "original standard delivery charge" in said
        assert "to the payment method I used" in said
        assert "within the time the law sets" in said
        assert "the cost of sending it back is yours, unless you told me otherwise" in said
        assert not BUYER_PAYS_THE_RETURN.search(said)
        assert "refund the price" not in said
