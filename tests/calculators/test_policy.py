import pytest

from calculators import policy
from calculators.policy import Claim, Period


def test_every_figure_cites_known_sources() -> None:
    for period in policy.PERIODS.values():
        assert period.claims, period.key
        for claim in period.claims:
            assert claim.sources, period.key
            assert set(claim.sources) <= set(policy.SOURCES), period.key


def test_every_listed_carrier_belongs_to_exactly_one_group() -> None:
    names = [c.name for group in policy.CARRIER_GROUPS for c in group.carriers]
    assert len(names) == len(set(names))
    for name in names:
        assert policy.find_carrier(name) is not None


@pytest.mark.parametrize(
    ("written", "carrier"),
    [
        ("DHL", "DHL"),
        ("  dhl ", "DHL"),
        ("Fed-Ex", "FedEx"),
        ("federal express", "FedEx"),
        ("EMS", "Japan Post EMS"),
        ("japan post ems", "Japan Post EMS"),
        ("SF Express", "SF Express"),
        ("sf", "SF Express"),
        ("CHINA POST", "China Post"),
        ("China Post Registered Air Mail", "China Post"),
        ("Hong Kong Post", "Hong Kong Post"),
        ("HK Post", "Hong Kong Post"),
        ("hkpost", "Hong Kong Post"),
        ("HongKong Post", "Hong Kong Post"),
        ("Cainiao Super Economy", "Cainiao"),
        ("SF Express Economy", "SF Express"),
        ("DHL eCommerce", "DHL"),
    ],
)
def test_finds_carriers_as_readers_write_them(written: str, carrier: str) -> None:
    found = policy.find_carrier(written)
    assert found is not None and found[0].name == carrier


@pytest.mark.parametrize("written", ["", "China", "SFC", "Pigeon Post", "AliExpress"])
def test_unknown_carriers_are_not_guessed(written: str) -> None:
    assert policy.find_carrier(written) is None


def test_disagreeing_sources_plan_with_the_safer_figure() -> None:
    reply = (Claim(15, ("000",)), Claim(5, ("003",)))
    deadline = Period("seller_reply", "the dispute opened", reply, safer="earlier")
    wait = Period("refund", "the return arrived", reply, safer="later")
    assert deadline.planned.days == 5 and deadline.others == (reply[0],)
    assert wait.planned.days == 15 and wait.others == (reply[1],)
    assert [s.key for s in deadline.sources] == ["000", "003"]


def test_rules_read_as_sentences() -> None:
    assert policy.DISPUTE_OPENS.describe() == "6 days after shipment"
    one = Period("x", "receipt", (Claim(1, ("001",), unit="working day"),))
    assert one.describe() == "1 working day after receipt"
    resolved = policy.REFUND_AFTER_RESOLUTION
    assert resolved.describe() == "15–30 working days after the dispute was resolved"
    assert resolved.describe(resolved.others[0]) == "15 days after the dispute was resolved"
    assert policy.CANCELLATION.describe() == "5–7 days after the cancellation request"


def test_the_seller_response_disagreement_is_recorded_with_both_sources() -> None:
    period = policy.SELLER_RESPONSE
    assert {(c.days, c.sources) for c in period.claims} == {
        (5, ("003", "research")),
        (15, ("000",)),
    }
    assert period.planned.days == 5, "plan with the earlier deadline"


def test_waits_plan_with_the_later_date() -> None:
    for period in (policy.REFUND_AFTER_RETURN, policy.REFUND_AFTER_RESOLUTION, policy.CANCELLATION):
        assert period.safer == "later"


def test_claims_in_working_days_compare_by_their_calendar_length() -> None:
    assert policy.REFUND_AFTER_RESOLUTION.planned.unit == "working day"


def test_a_figure_cannot_be_declared_twice() -> None:
    with pytest.raises(ValueError, match="declared twice"):
        policy.figure("dispute_opens", "shipment", Claim(6, ("002",)))


def test_every_period_is_registered_once() -> None:
    declared = [v for v in vars(policy).values() if isinstance(v, Period)]
    declared += [g.dispute_closes for g in policy.CARRIER_GROUPS if g.dispute_closes]
    assert {p.key for p in declared} == set(policy.PERIODS)
