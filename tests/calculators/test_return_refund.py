from datetime import date as D

import pytest

from calculators.return_refund import CALCULATOR
from tests.calculators.helpers import dated, problems


def test_ship_the_return_within_ten_days(today: D) -> None:
    result = CALCULATOR.run({"agreed": "2026-03-02"}, today)
    assert dated(result) == {"return_ship_by": D(2026, 3, 12)}
    assert "tracked" in result.deadlines[0].advice


@pytest.mark.parametrize(
    ("received", "refund_by"),
    [
        ("2026-03-05", D(2026, 3, 10)),  # Thursday: Fri, Mon, Tue
        ("2026-03-06", D(2026, 3, 11)),  # Friday: Mon, Tue, Wed
        ("2026-03-07", D(2026, 3, 11)),  # Saturday
        ("2026-03-08", D(2026, 3, 11)),  # Sunday
        ("2026-12-30", D(2027, 1, 4)),  # over the new year (holidays are not known)
    ],
)
def test_refund_three_business_days_after_the_return_arrives(
    received: str, refund_by: D, today: D
) -> None:
    result = CALCULATOR.run({"return_received": received}, today)
    assert dated(result) == {"refund_by": refund_by}
    assert result.deadlines[0].rule == "3 business days after the seller received the return"


def test_each_articles_refund_figure_is_its_own_entry(today: D) -> None:
    result = CALCULATOR.run({"resolved": "2026-03-02"}, today)
    entries = {d.key: d for d in result.deadlines}
    assert entries["refund_by_resolution"].date == D(2026, 3, 17)
    assert [s.key for s in entries["refund_by_resolution"].sources] == ["001", "003"]
    working = entries["refund_by_working_days"]
    assert (working.earliest, working.date) == (D(2026, 3, 23), D(2026, 4, 13))
    assert working.rule == "15–30 working days after the dispute was resolved"
    assert [s.key for s in working.sources] == ["003"]


def test_all_three_dates_sorted(today: D) -> None:
    result = CALCULATOR.run(
        {"agreed": "2026-03-02", "return_received": "2026-03-09", "resolved": "2026-03-04"}, today
    )
    assert [d.key for d in result.deadlines] == [
        "return_ship_by",
        "refund_by",
        "refund_by_resolution",
        "refund_by_working_days",
    ]


def test_return_received_before_it_was_agreed(today: D) -> None:
    found = problems(CALCULATOR, {"agreed": "2026-03-05", "return_received": "2026-03-02"}, today)
    assert set(found) == {"return_received"}
    assert "before the date the return was agreed (Thu 5 Mar 2026)" in found["return_received"]


def test_needs_at_least_one_date(today: D) -> None:
    assert problems(CALCULATOR, {}, today) == {"agreed": "Enter at least one of these three dates."}
