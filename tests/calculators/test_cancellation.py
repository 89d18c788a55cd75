from datetime import date as D

import pytest

from calculators.cancellation import CALCULATOR


@pytest.mark.parametrize(
    ("requested", "earliest", "latest"),
    [
        ("2026-03-08", D(2026, 3, 13), D(2026, 3, 15)),
        ("2026-12-28", D(2027, 1, 2), D(2027, 1, 4)),
        ("2028-02-26", D(2028, 3, 2), D(2028, 3, 4)),
    ],
)
def test_five_to_seven_days(requested: str, earliest: D, latest: D, today: D) -> None:
    (done,) = CALCULATOR.run({"requested": requested}, today).deadlines
    assert (done.key, done.earliest, done.date) == ("cancellation_done", earliest, latest)
    assert done.rule == "5–7 days after the cancellation request"
    assert [s.key for s in done.sources] == ["003"]
