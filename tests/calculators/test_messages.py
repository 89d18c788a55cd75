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
