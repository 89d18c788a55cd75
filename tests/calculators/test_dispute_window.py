"""When can I open a dispute? Expected dates are worked out by hand from article 002."""

from datetime import date, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from calculators import CALCULATORS, InputError
from calculators.dispute_window import CALCULATOR

D = date


def run(shipped: str, carrier: str, today: date):
    return CALCULATOR.run({"shipped": shipped, "carrier": carrier}, today)


def deadline_dates(result) -> dict[str, date]:
    return {deadline.key: deadline.date for deadline in result.deadlines}


@pytest.mark.parametrize(
    ("carrier", "shipped", "opens", "closes"),
    [
        # every carrier, 23 / 27 / 39 days after shipment
        ("DHL", "2026-03-02", D(2026, 3, 8), D(2026, 3, 25)),
        ("TNT", "2026-03-02", D(2026, 3, 8), D(2026, 3, 25)),
        ("UPS", "2026-03-02", D(2026, 3, 8), D(2026, 3, 25)),
        ("FedEx", "2026-03-02", D(2026, 3, 8), D(2026, 3, 25)),
        ("Japan Post EMS", "2026-03-02", D(2026, 3, 8), D(2026, 3, 29)),
        ("SF Express", "2026-03-02", D(2026, 3, 8), D(2026, 3, 29)),
        ("China Post", "2026-03-02", D(2026, 3, 8), D(2026, 4, 10)),
        ("Hong Kong Post", "2026-03-02", D(2026, 3, 8), D(2026, 4, 10)),
        # month ends
        ("DHL", "2026-01-28", D(2026, 2, 3), D(2026, 2, 20)),
        ("China Post", "2026-04-30", D(2026, 5, 6), D(2026, 6, 8)),
        # year end
        ("China Post", "2026-12-20", D(2026, 12, 26), D(2027, 1, 28)),
        ("DHL", "2026-12-31", D(2027, 1, 6), D(2027, 1, 23)),
        # leap years: February 2028 has 29 days, February 2027 has 28
        ("EMS", "2028-02-25", D(2028, 3, 2), D(2028, 3, 23)),
        ("EMS", "2027-02-25", D(2027, 3, 3), D(2027, 3, 24)),
        ("DHL", "2028-02-29", D(2028, 3, 6), D(2028, 3, 23)),
        ("Hong Kong Post", "2028-01-31", D(2028, 2, 6), D(2028, 3, 10)),
    ],
)
def test_window_by_carrier(
    carrier: str, shipped: str, opens: date, closes: date, today: date
) -> None:
    result = run(shipped, carrier, today)
    assert deadline_dates(result) == {"dispute_opens": opens, "dispute_closes": closes}


@pytest.mark.parametrize(
    ("today", "status", "summary"),
    [
        (D(2026, 3, 2), "not_open", "not open yet: it opens in 6 days, on Sun 8 Mar 2026"),
        (D(2026, 3, 7), "not_open", "it opens tomorrow, on Sun 8 Mar 2026"),
        (D(2026, 3, 8), "open", "open: 17 days left, until Wed 25 Mar 2026"),
        (D(2026, 3, 24), "open", "open: 1 day left, until Wed 25 Mar 2026"),
        (D(2026, 3, 25), "open", "today, Wed 25 Mar 2026, is the last day"),
        (D(2026, 3, 26), "closed", "closed 1 day ago, on Wed 25 Mar 2026"),
        (D(2026, 11, 22), "closed", "closed 242 days ago"),
    ],
)
def test_status_from_today(today: date, status: str, summary: str) -> None:
    result = run("2026-03-02", "DHL", today)
    assert result.status == status
    assert summary in result.summary


def test_days_left_are_counted_from_today() -> None:
    result = run("2026-03-02", "China Post", D(2026, 3, 10)).as_dict()
    left = {d["key"]: (d["days_from_today"], d["from_today"]) for d in result["deadlines"]}
    assert left == {"dispute_opens": (-2, "2 days ago"), "dispute_closes": (31, "in 31 days")}


def test_every_result_cites_article_002_and_warns_the_rule_is_old(today: date) -> None:
    result = run("2026-03-02", "UPS", today)
    for deadline in result.deadlines:
        assert [source.key for source in deadline.sources] == ["002"]
    assert "DHL, TNT, UPS or FedEx" in result.deadlines[1].rule
    (note,) = result.notes
    assert note.kind == "warning" and "Purchase Protection countdown" in note.text


@pytest.mark.parametrize(
    ("today", "status"), [(D(2026, 3, 7), "not_open"), (D(2026, 3, 8), "check_countdown")]
)
def test_other_carrier_points_to_the_countdown_instead_of_guessing(
    today: date, status: str
) -> None:
    result = run("2026-03-02", "Other carrier", today)
    assert result.status == status
    assert [deadline.key for deadline in result.deadlines] == ["dispute_opens"]
    assert "does not guess" in result.notes[0].text
    assert "Purchase Protection countdown" in result.notes[0].text


@pytest.mark.parametrize("written", ["other", "OTHER", "not listed", "Other carrier"])
def test_other_carrier_spellings(written: str, today: date) -> None:
    assert run("2026-03-02", written, today).inputs["carrier"] == "other"


@pytest.mark.parametrize(
    ("shipped", "carrier", "problems"),
    [
        ("", "DHL", {"shipped": "Enter a date, such as 2026-03-02."}),
        ("2026-02-30", "DHL", {"shipped": "February 2026 has 28 days"}),
        ("2026-13-01", "DHL", {"shipped": "no month 13"}),
        ("1999-05-01", "DHL", {"shipped": "enter a year between 2000 and 2100"}),
        ("3/2/2026", "DHL", {"shipped": "not a date in the form YYYY-MM-DD"}),
        ("2026-03-02", "", {"carrier": "Choose DHL, TNT, UPS, FedEx, Japan Post EMS"}),
        ("2026-03-02", "Yanwen", {"carrier": '"Yanwen" is not in the list: choose DHL'}),
        ("", "Yanwen", {"shipped": "Enter a date", "carrier": "not in the list"}),
    ],
)
def test_bad_input_names_each_field(
    shipped: str, carrier: str, problems: dict, today: date
) -> None:
    with pytest.raises(InputError) as raised:
        run(shipped, carrier, today)
    assert raised.value.problems.keys() == problems.keys()
    for field, message in problems.items():
        assert message in raised.value.problems[field]


def test_unknown_carrier_message_points_to_the_countdown(today: date) -> None:
    with pytest.raises(InputError) as raised:
        run("2026-03-02", "Yanwen", today)
    assert "Purchase Protection countdown" in raised.value.problems["carrier"]


def test_registered_under_its_page_slug() -> None:
    assert CALCULATORS["dispute-window"] is CALCULATOR


carriers = st.sampled_from([choice.value for choice in CALCULATOR.inputs[1].choices])
days = st.dates(min_value=D(2000, 1, 1), max_value=D(2100, 12, 31))


@given(shipped=days, carrier=carriers, today=days)
def test_any_valid_input_gives_an_ordered_window(shipped: date, carrier: str, today: date) -> None:
    result = run(shipped.isoformat(), carrier, today)
    found = deadline_dates(result)
    assert found["dispute_opens"] > shipped
    if "dispute_closes" in found:
        assert found["dispute_closes"] > found["dispute_opens"]
    assert result.summary and result.status in {"not_open", "open", "closed", "check_countdown"}
    assert result.today == today


@given(shipped=st.text(max_size=30), carrier=st.text(max_size=30), today=days)
def test_any_text_gives_a_result_or_a_message_per_field(
    shipped: str, carrier: str, today: date
) -> None:
    try:
        run(shipped, carrier, today)
    except InputError as error:
        assert error.problems and set(error.problems) <= {"shipped", "carrier"}
        assert all(message.strip() for message in error.problems.values())


def test_today_is_an_input_not_the_clock() -> None:
    early = run("2026-03-02", "DHL", D(2026, 3, 1))
    late = run("2026-03-02", "DHL", D(2026, 3, 1) + timedelta(days=60))
    assert early.deadlines == late.deadlines and early.status != late.status
