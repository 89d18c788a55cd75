"""What the law where the reader lives adds: each country's deadlines, dated by hand.

Delivered on Tue 10 Nov 2026, today Mon 23 Nov 2026. Working days are Monday to Friday.
"""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path

import pytest

from calculators import CALCULATORS, web
from calculators.policy import COUNTRIES
from calculators.timeline import Kind

DOCS = Path(__file__).parents[2] / "docs"
D = date.fromisoformat
TODAY = "2026-11-23"
DELIVERED = {"arrived": "yes", "delivered": "2026-11-10"}


def planned(**facts: str) -> dict[str, date]:
    result = CALCULATORS["planner"].run(facts, D(TODAY))
    return {d.key: d.date for d in result.deadlines if d.key.startswith("law.")}


@pytest.mark.parametrize(
    ("country", "expected"),
    [
        (
            "ES",
            {"withdrawal": "2026-11-24", "presumption": "2028-11-10"}
            | {"legal_guarantee": "2029-11-10"},
        ),
        (
            "pt",
            {"withdrawal": "2026-11-24", "rejection": "2026-12-10"}
            | {"legal_guarantee": "2029-11-10", "presumption": "2028-11-10"},
        ),
        (
            "FR",
            {"withdrawal": "2026-11-24", "legal_guarantee": "2028-11-10"}
            | {"presumption": "2028-11-10"},
        ),
        (
            "BE",
            {"withdrawal": "2026-11-24", "legal_guarantee": "2028-11-10"}
            | {"presumption": "2028-11-10"},  # Belgium's two years since 2022
        ),
        (
            "de",
            {"withdrawal": "2026-11-24", "legal_guarantee": "2028-11-10"}
            | {"presumption": "2027-11-10"},
        ),  # another EU country
        ("uk", {"cancel": "2026-11-24", "reject": "2026-12-10"}),
        (
            "BR",
            {"regret": "2026-11-17", "defect_non_durable": "2026-12-10"}
            | {"defect_durable": "2027-02-08"},
        ),
        ("MX", {"revoke": "2026-11-17"}),  # 5 working days: Wed, Thu, Fri, Mon, Tue
        ("AR", {"revoke": "2026-11-20"}),
        ("CL", {"withdraw": "2026-11-20"}),
        ("CO", {"withdraw": "2026-11-17", "reversal": "2026-11-17"}),
        ("CH", {"warranty": "2028-11-10"}),
        ("CA", {}),
        ("other", {}),
    ],
)
def test_each_country_dates_its_own_deadlines(country: str, expected: dict[str, str]) -> None:
    found = planned(**DELIVERED, country=country)
    assert found == {f"law.{key}": D(day) for key, day in expected.items()}


def test_the_us_law_needs_a_credit_card_and_counts_from_the_payment() -> None:
    order = {"shipped": "2026-10-02", "paid": "2026-10-01", "country": "us"}
    assert planned(**order, payment="credit card") == {"law.fcba": D("2026-11-30")}
    assert planned(**order, payment="debit card") == {}


def test_the_law_is_worth_knowing_and_never_takes_the_verdict() -> None:
    with_law = CALCULATORS["planner"].run({**DELIVERED, "country": "ES"}, D(TODAY))
    without = CALCULATORS["planner"].run(DELIVERED, D(TODAY))
    assert with_law.verdict == without.verdict
    assert all(d.kind is Kind.INFO for d in with_law.deadlines if d.key.startswith("law."))


def test_a_parcel_tracking_says_delivered_has_no_delivery_for_the_law_to_count_from() -> None:
    assert planned(arrived="tracked", delivered="2026-11-10", country="FR") == {}


def test_switzerland_and_quebec_say_what_their_law_does_not_give() -> None:
    swiss = CALCULATORS["planner"].run({**DELIVERED, "country": "CH"}, D(TODAY)).notes
    assert any("no right to cancel" in note.text for note in swiss)
    quebec = CALCULATORS["planner"].run({**DELIVERED, "country": "CA"}, D(TODAY)).notes
    (note,) = [note for note in quebec if note.period is not None]
    assert note.period.key == "qc_chargeback"


@pytest.mark.parametrize(
    ("country", "lang", "key", "day"),
    [
        ("ES", "es", "law.withdrawal", "2026-11-24"),
        ("MX", "es", "law.revoke", "2026-11-17"),
        ("AR", "es", "law.revoke", "2026-11-20"),
        ("CL", "es", "law.withdraw", "2026-11-20"),
        ("CO", "es", "law.withdraw", "2026-11-17"),
        ("BR", "pt-BR", "law.regret", "2026-11-17"),
        ("PT", "pt-BR", "law.rejection", "2026-12-10"),
        ("FR", "fr", "law.withdrawal", "2026-11-24"),
        ("BE", "fr", "law.presumption", "2028-11-10"),
        ("CH", "fr", "law.warranty", "2028-11-10"),
        ("GB", "en", "law.reject", "2026-12-10"),
    ],
)
def test_each_country_in_its_language(country: str, lang: str, key: str, day: str) -> None:
    inputs = {**DELIVERED, "country": country}
    result = web.run("planner", inputs, "2026-11-11", lang)["result"]
    step = next(d for d in result["deadlines"] if d["key"] == key)
    assert step["date"] == day and step["advice"]
    english = web.run("planner", inputs, "2026-11-11")["result"]
    same = next(d for d in english["deadlines"] if d["key"] == key)
    assert (step["label"] == same["label"]) == (lang == "en")


@pytest.mark.parametrize(("lang", "first"), [("es", "ES"), ("pt-BR", "BR"), ("fr", "FR")])
def test_the_readers_language_suggests_countries_but_chooses_none(lang: str, first: str) -> None:
    from calculators.words import language

    with language(lang):
        declared = CALCULATORS["planner"].declare()
    country = next(spec for spec in declared["inputs"] if spec["name"] == "country")
    assert country["choices"][0]["value"] in {first, "PT"} and not country["required"]
    assert "default" not in country and "value" not in country


@pytest.mark.parametrize("folder", ["", "es/", "fr/", "pt-br/"])
def test_each_country_leads_to_its_own_section_of_the_rights_page(folder: str) -> None:
    """The verdict links to the country's section by its anchor, in every language."""
    page = (DOCS / f"{folder}rights.md").read_text(encoding="utf-8")
    anchors = set(re.findall(r"\{#([a-z-]+)\}", page))
    assert {country.section for country in COUNTRIES} <= anchors


def test_the_verdict_leads_to_the_readers_country_once_they_say_it() -> None:
    def rights(**facts: str) -> dict[str, str] | None:
        answer = web.run("planner", facts, TODAY, "pt-BR")
        return answer["result"]["verdict"]["rights"]

    assert rights(**DELIVERED) is None
    assert rights(**DELIVERED, country="BR") == {
        "text": "Seus direitos no seu país",
        "section": "brazil",
    }
    assert rights(**DELIVERED, country="other") == {
        "text": "Seus direitos no seu país",
        "section": "find-your-country",
    }


def test_a_right_that_ends_before_the_verdicts_date_is_said_on_the_card() -> None:
    """Two "last days" never seem to disagree: the law's, a day sooner, is named."""
    answer = web.run("planner", {**DELIVERED, "country": "GB"}, TODAY)
    verdict = answer["result"]["verdict"]
    assert verdict["date"] == "2026-11-25"
    assert verdict["sooner"] == [
        "Also ends sooner: Last day to cancel the purchase (UK law) · tomorrow"
    ]
    assert "- Also ends sooner: Last day to cancel" in answer["result"]["summary"]["text"]
    brazil = web.run("planner", {**DELIVERED, "country": "BR"}, TODAY)
    assert brazil["result"]["verdict"]["sooner"] == []  # its 7 days ended on the 17th
