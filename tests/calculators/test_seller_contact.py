from datetime import date as D

import pytest

from calculators.seller_contact import CALCULATOR
from tests.calculators.helpers import dated, problems


@pytest.mark.parametrize(
    ("contacted", "reply_by"),
    [
        ("2026-03-02", D(2026, 3, 5)),
        ("2026-12-30", D(2027, 1, 2)),
        ("2028-02-27", D(2028, 3, 1)),
        ("2027-02-27", D(2027, 3, 2)),
    ],
)
def test_three_days_to_reply(contacted: str, reply_by: D, today: D) -> None:
    result = CALCULATOR.run({"contacted": contacted}, today)
    assert dated(result) == {"seller_reply_by": reply_by}
    assert [s.key for s in result.deadlines[0].sources] == ["001"]


def test_after_the_wait_the_advice_is_to_open_a_dispute(today: D) -> None:
    result = CALCULATOR.run({"contacted": "2026-03-09"}, today)
    assert result.summary == (
        "Next: The seller should have replied by Thu 12 Mar 2026 (in 2 days). "
        "No useful answer by then? Stop waiting and open a dispute."
    )


def test_date_is_required(today: D) -> None:
    assert problems(CALCULATOR, {"contacted": ""}, today) == {
        "contacted": "Enter a date, such as 2026-03-02."
    }
