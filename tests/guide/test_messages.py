"""Message templates: every blank declared, nothing left unfilled, no figure of their own."""

import re

import pytest

from calculators.words import LANGUAGES, _, language
from guide import messages

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


CITATION = re.compile(
    r"\b(?:article|artículo|artigo|art\.)\s*\d+º?"
    r"|\b(?:Regulations|Act)\s+\d{4}\b"
    r"|\bDecreto\s+\d\.\d{3}/\d{4}\b",
    re.I,
)
"""A law named by its year, or an article by its number: the only figures a letter types."""


def figures(text: str) -> list[str]:
    """The figures in a text once the laws' and articles' names are taken out."""
    return re.findall(r"\d+", CITATION.sub(" ", text))


def test_the_figure_check_sees_a_time_limit_beside_a_law() -> None:
    for sentence in (
        "within 14 days, under the Consumer Contracts Regulations 2013",
        "dentro de los 14 días del artículo 49",
        "o prazo de 7 dias do art. 49 do Código de Defesa do Consumidor",
        "sous 14 jours (article 5 du Decreto 7.962/2013)",
        "the Consumer Rights Act 2015 gives 30 days",
    ):
        assert figures(sentence), sentence
    assert not figures("article 49 of the Code, article 5º of Decreto 7.962/2013, Act 2015")


@TEMPLATES
@pytest.mark.parametrize("lang", LANGUAGES)
def test_templates_state_no_figure_of_their_own(template: messages.Template, lang: str) -> None:
    with language(lang):
        shown = _(template.text) + _(template.title) + _(template.when)
    assert not figures(shown), f"{template.key} ({lang}): say 'within the time the law sets'"


def test_the_issue_asks_for_these_templates() -> None:
    keys = {template.key for template in messages.TEMPLATES}
    assert {"seller-silent", "escalation", "paypal-case", "chargeback", "eu-withdrawal"} <= keys
    assert {"uk-cancel", "uk-reject", "br-regret", "br-complaint", "paypal-claim"} <= keys
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
    "To a consumer body:": False,
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


def said(key: str) -> list[str]:
    """A template's text as the builder shows it and on paper, each on one line."""
    template = by_key(key)
    return [
        " ".join(text.split()) for text in (english(template), messages.with_brackets(template))
    ]


def test_the_uk_cancellation_asks_for_standard_delivery_and_the_seller_pays_the_return() -> None:
    template = by_key("uk-cancel")
    assert _(template.title) == "To the seller: cancelling the purchase (UK)"
    for text in said("uk-cancel"):
        assert "under the Consumer Contracts Regulations 2013" in text
        assert "every payment I made for this order" in text
        assert "up to the cost of standard delivery" in text
        assert "to the payment method I used, within the time the law sets" in text
        assert "the cost of sending it back is yours, unless you told me otherwise" in text
        assert not BUYER_PAYS_THE_RETURN.search(text)


def test_the_uk_rejection_asks_for_a_full_refund_and_the_trader_pays_the_return() -> None:
    template = by_key("uk-reject")
    assert _(template.title).startswith("To the seller:")
    assert "short-term right to reject" in _(template.when)
    for text in said("uk-reject"):
        assert "short-term right to reject in the Consumer Rights Act 2015" in text
        assert "a full refund of what I paid" in text
        assert "to the payment method I used, within the time the law sets" in text
        assert "the reasonable cost of returning it is yours" in text
        assert "collect it" in text
        assert not BUYER_PAYS_THE_RETURN.search(text)
        assert "repair" not in text and "replace" not in text  # the right is a refund


def test_the_brazil_notice_asks_for_everything_paid_taxes_included_and_the_card_reversed() -> None:
    template = by_key("br-regret")
    assert _(template.title).startswith("To the seller:")
    for text in said("br-regret"):
        assert "article 49 of the Consumer Defence Code" in text
        assert "direito de arrependimento" in text
        assert "everything I paid for this order, on any account" in text
        assert "the shipping and the import taxes paid at checkout (Remessa Conforme)" in text
        assert "adjusted for inflation, at once" in text
        assert "tell the card issuer at once to cancel the charge, or to reverse it" in text
        assert "article 5 of Decreto 7.962/2013" in text
        assert "at no cost to me" in text
        assert not BUYER_PAYS_THE_RETURN.search(text)


def test_the_brazil_complaint_goes_to_a_consumer_body_and_doubts_consumidor_gov_br() -> None:
    template = by_key("br-complaint")
    assert _(template.title).startswith("To a consumer body:")
    assert "Procon" in _(template.title) and "consumidor.gov.br" in _(template.title)
    assert "registration on consumidor.gov.br is not confirmed" in _(template.when)
    for text in said("br-complaint"):
        assert "Consumer Defence Code" in text
        assert "covers suppliers based abroad" in text
        assert not CLAIMS_A_DISPUTE.search(text)


PAYPAL_WORDS = {
    "en": ("Resolution Center", "Escalate to PayPal"),
    "es": ("Centro de resoluciones", "elevar la disputa a reclamación"),
    "pt-BR": ("Central de Soluções", "transformar a disputa em reclamação"),
    "fr": ("Gestionnaire de litiges", "transformer le litige en réclamation"),
}
"""PayPal's own names for where a dispute is and for escalating it, in each language."""


@pytest.mark.parametrize("lang", LANGUAGES)
def test_the_paypal_claim_gives_the_steps_in_paypals_own_words(lang: str) -> None:
    template = by_key("paypal-claim")
    with language(lang):
        when = " ".join(_(template.when).split())
    for words in PAYPAL_WORDS[lang]:
        assert words in when, words
    if lang == "en":
        assert "click View next to the dispute" in when
        assert "click Submit" in when
        assert "closes for good and cannot be reopened" in when


def test_the_paypal_claim_names_the_paypal_dispute_not_an_aliexpress_one() -> None:
    template = by_key("paypal-claim")
    assert _(template.title).startswith("To PayPal:")
    for text in said("paypal-claim"):
        assert "my PayPal dispute" in text
        assert "PayPal Buyer Protection" in text
        assert "a full refund of my payment" in text
        assert not CLAIMS_A_DISPUTE.search(text)


LAW_LETTERS = {
    "uk-cancel": "Consumer Contracts Regulations",
    "uk-reject": "Consumer Rights Act",
    "br-regret": "Remessa Conforme",
    "br-complaint": "consumidor.gov.br",
}


@pytest.mark.parametrize("key", LAW_LETTERS)
@pytest.mark.parametrize("lang", LANGUAGES)
def test_each_language_keeps_the_laws_names(key: str, lang: str) -> None:
    template = by_key(key)
    with language(lang):
        text = _(template.text) + _(template.when) + _(template.title)
    assert LAW_LETTERS[key] in text
