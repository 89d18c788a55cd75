from datetime import date as D

from calculators.dispute_timeline import CALCULATOR
from tests.calculators.helpers import dated, problems


def test_seller_answer_shows_both_sources_and_plans_with_the_earlier(today: D) -> None:
    result = CALCULATOR.run({"opened": "2026-03-02"}, today)
    answer = result.deadlines[0]
    assert (answer.key, answer.date, answer.rule) == (
        "seller_response_by",
        D(2026, 3, 7),
        "5 days after the dispute was opened",
    )
    assert [s.key for s in answer.sources] == ["003", "research"]
    (other,) = answer.others
    assert (other.date, [s.key for s in other.sources]) == (D(2026, 3, 17), ["000"])
    assert answer.as_dict(today)["others"][0]["date"] == "2026-03-17"


def test_escalation_and_decision(today: D) -> None:
    result = CALCULATOR.run({"opened": "2026-03-02", "escalated": "2026-03-18"}, today)
    assert dated(result) == {
        "seller_response_by": D(2026, 3, 7),
        "escalation_from": D(2026, 3, 17),
        "decision_by": D(2026, 3, 28),
    }
    assert {s.key for d in result.deadlines[1:] for s in d.sources} == {"001", "000"}
    assert any("several weeks" in note.text for note in result.notes)


def test_year_end(today: D) -> None:
    result = CALCULATOR.run({"opened": "2026-12-28", "escalated": "2027-01-12"}, today)
    assert dated(result) == {
        "seller_response_by": D(2027, 1, 2),
        "escalation_from": D(2027, 1, 12),
        "decision_by": D(2027, 1, 22),
    }


def test_without_escalation_there_is_no_decision_date(today: D) -> None:
    assert "decision_by" not in dated(CALCULATOR.run({"opened": "2026-03-02"}, today))


def test_escalated_before_opened_is_refused_at_the_escalation_field(today: D) -> None:
    found = problems(CALCULATOR, {"opened": "2026-03-05", "escalated": "2026-03-01"}, today)
    assert found == {
        "escalated": "This is before the date you opened the dispute (Thu 5 Mar 2026): check both dates."
    }
