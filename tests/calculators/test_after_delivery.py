from datetime import date as D

import pytest

from calculators.after_delivery import CALCULATOR
from tests.calculators.helpers import dated, problems


@pytest.mark.parametrize(
    ("delivered", "closes"),
    [
        ("2026-03-02", D(2026, 3, 17)),
        ("2026-12-20", D(2027, 1, 4)),
        ("2028-02-20", D(2028, 3, 6)),  # 29 days in February 2028
        ("2027-02-20", D(2027, 3, 7)),
    ],
)
def test_fifteen_days_after_delivery(delivered: str, closes: D, today: D) -> None:
    result = CALCULATOR.run({"delivered": delivered}, today)
    assert dated(result) == {"return_request_closes": closes, "dispute_closes": closes}
    sources = {d.key: [s.key for s in d.sources] for d in result.deadlines}
    assert sources == {"return_request_closes": ["001"], "dispute_closes": ["003"]}


@pytest.mark.parametrize(
    ("shipped", "due", "closes"),
    [
        ("2026-03-02", D(2026, 5, 1), D(2026, 5, 16)),
        ("2026-11-15", D(2027, 1, 14), D(2027, 1, 29)),
    ],
)
def test_never_arrived_counts_from_the_latest_delivery_date(
    shipped: str, due: D, closes: D, today: D
) -> None:
    result = CALCULATOR.run({"shipped": shipped}, today)
    assert dated(result) == {"delivery_deadline": due, "dispute_closes": closes}
    assert result.deadlines[1].rule == "15 days after the latest delivery date"


def test_delivery_wins_over_shipping_when_both_are_known(today: D) -> None:
    result = CALCULATOR.run({"shipped": "2026-02-01", "delivered": "2026-03-02"}, today)
    assert set(dated(result)) == {"return_request_closes", "dispute_closes"}


def test_summary_names_the_next_step(today: D) -> None:
    result = CALCULATOR.run({"delivered": "2026-03-02"}, today)
    assert result.summary.startswith(
        "Next: Last day to ask the seller for a return: Tue 17 Mar 2026 (in 7 days)."
    )
    late = CALCULATOR.run({"delivered": "2026-01-02"}, today)
    assert late.status == "passed" and "Purchase Protection countdown" in late.summary


def test_delivered_before_shipped_is_refused_at_the_delivery_field(today: D) -> None:
    found = problems(CALCULATOR, {"shipped": "2026-03-05", "delivered": "2026-03-02"}, today)
    assert found == {
        "delivered": "This is before the date the seller shipped (Thu 5 Mar 2026): check both dates."
    }


def test_needs_one_of_the_two_dates(today: D) -> None:
    assert problems(CALCULATOR, {}, today) == {
        "delivered": "Enter the delivery date or, if nothing has arrived, the shipping date."
    }
