"""The one renderer: every output words a result the same way."""

from __future__ import annotations

from datetime import date

from calculators import CALCULATORS
from calculators.render import lines, plain, present

D = date.fromisoformat


def view(today: str, slug: str = "planner", **facts: str) -> dict:
    calculator = CALCULATORS[slug]
    return present(calculator, calculator.run(facts, D(today)))


def test_the_verdict_is_worded_with_its_state_in_words() -> None:
    verdict = view("2026-05-23", delivered="2026-05-10", contacted="2026-05-23")["verdict"]
    assert (verdict["state_text"], verdict["lead"], verdict["date_text"]) == (
        "Urgent",
        "Open a dispute by",
        "Mon 25 May 2026",
    )
    assert (verdict["label"], verdict["from_today"], verdict["days"]) == (
        "Last day to open a dispute",
        "in 2 days",
        2,
    )
    assert verdict["why_heading"] == "Why this date?"


def test_each_kind_of_other_reading_is_said_its_own_way() -> None:
    window = view("2026-11-23", shipped="2026-10-14", carrier="China Post")["verdict"]["why"][0]
    assert [plain(line) for line in window["others"]] == [
        "39 days after shipment, for China Post or Hong Kong Post (source 002) gave Sun 22 Nov "
        "2026, which has passed.",
        "60 days after shipment (source research notes) gives Sun 13 Dec 2026: this plan keeps "
        "the earlier date.",
    ]
    countdown = view("2026-11-23", shipped="2026-10-14", carrier="China Post", protection_left="10")
    assert [plain(line) for line in countdown["verdict"]["why"][0]["others"]][0] == (
        "By the general rules, 39 days after shipment, for China Post or Hong Kong Post "
        "(source 002) would give Sun 22 Nov 2026; your countdown comes first."
    )
    refund = view("2026-03-03", resolved="2026-03-02")["verdict"]["why"][0]
    assert plain(refund["others"][0]) == (
        "15 days after the dispute was resolved (source 001) gives Tue 17 Mar 2026: this plan "
        "keeps the later date."
    )


def test_sources_stay_a_slot_the_page_fills_with_links() -> None:
    rule = view("2026-03-03", opened="2026-03-02")["verdict"]["why"][0]["rule_line"]
    assert rule == {
        "text": "5 days after the dispute was opened (sources {sources})",
        "plain": "5 days after the dispute was opened (sources 003, research notes)",
        "sources": [
            {
                "key": "003",
                "name": "003",
                "title": "How to Request a Refund on AliExpress: Detailed Guides",
            },
            {
                "key": "research",
                "name": "research notes",
                "title": "Project research notes on AliExpress's own help pages",
            },
        ],
    }


def test_upcoming_steps_come_first_and_passed_ones_are_counted() -> None:
    found = view("2026-03-12", shipped="2026-03-02", carrier="China Post", contacted="2026-03-04")
    assert [(d["key"], d["state"]) for d in found["deadlines"]] == [
        ("dispute_closes", "upcoming"),
        ("seller_reply_by", "passed"),  # Mar 4 + 3
        ("dispute_opens", "passed"),  # Mar 2 + 6
    ]
    assert found["passed_heading"] == "2 dates already passed"
    assert [d["when"] for d in found["deadlines"]] == [
        "in 29 days",
        "Passed · 5 days ago",
        "Opened · 4 days ago",
    ]


def test_every_cited_line_of_the_json_also_comes_filled_in() -> None:
    result = view("2026-11-23", shipped="2026-10-14", carrier="China Post", protection_left="10")
    found = list(lines(result))
    assert any("{sources}" in item["text"] for item in found)
    assert all("{" not in item["plain"] for item in found)


def test_a_window_that_opened_is_never_said_to_have_passed() -> None:
    found = view("2026-03-20", shipped="2026-03-02", carrier="China Post")["deadlines"]
    opened = next(step for step in found if step["key"] == "dispute_opens")
    assert opened["when"] == "Opened · 12 days ago"
    late = view("2026-03-13", opened="2026-03-01", agreed="2026-03-02")["deadlines"]
    missed = next(step for step in late if step["key"] == "return_ship_by")
    assert missed["when"] == "Passed · yesterday"


def test_the_case_summary_tells_the_order_in_date_order_and_what_is_still_open() -> None:
    summary = view(
        "2026-11-23",
        opened="2026-10-20",
        rejected="2026-11-20",
        paid="2026-09-01",
        payment="paypal",
    )["summary"]
    text = summary["text"].splitlines()
    happened = text[text.index("What happened") + 1 : text.index("", 4)]
    assert happened == [
        "- Tue 1 Sep 2026: Date you paid",
        "- Tue 20 Oct 2026: Date you opened the dispute",
        "- Fri 20 Nov 2026: Date the dispute closed without a refund",
        "- How you paid: PayPal",
    ]
    assert "- Act: Open a PayPal dispute by Sun 28 Feb 2027" in text
    assert text[-1].startswith("- Last day to open a PayPal dispute: Sun 28 Feb 2027 — 180 days")
