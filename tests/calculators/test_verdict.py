"""One verdict per order: what to do now and by when. Every date here is worked by hand.

Counting reminders used below: 2026-03-02 is a Monday; May has 31 days; February 2028
has 29 days and February 2027 has 28; working days are Monday to Friday.
"""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from hypothesis import HealthCheck, assume, find, given, settings
from hypothesis import strategies as st

from calculators import CALCULATORS
from calculators.policy import find_carrier
from calculators.timeline import Kind, Order
from calculators.verdict import STATES, Verdict, assess

D = date.fromisoformat
PLANNER = CALCULATORS["planner"]


def verdict(today: str, calculator: str = "planner", **facts: str) -> Verdict:
    return CALCULATORS[calculator].run(facts, D(today)).verdict


@pytest.mark.parametrize(
    ("today", "facts", "state", "day"),
    [
        # The examples. A general rule's last day that has passed is never the end:
        # the order's countdown may still run, so the step is checking it today.
        ("2026-06-13", {"shipped": "2026-05-04", "carrier": "China Post"}, "urgent", "2026-06-13"),
        (
            "2026-05-21",
            {"shipped": "2026-05-04", "carrier": "DHL", "delivered": "2026-05-20"},
            "act",
            "2026-05-27",  # the carrier rule (May 4 + 23) beats delivery + 15 (June 4)
        ),
        (
            "2026-05-23",
            {"delivered": "2026-05-10", "contacted": "2026-05-23"},
            "urgent",
            "2026-05-25",
        ),
        ("2026-05-12", {"delivered": "2026-05-10", "protection_left": "1"}, "urgent", "2026-05-13"),
        ("2026-06-03", {"resolved": "2026-06-01"}, "wait", "2026-07-13"),  # 30 working days
        # A parcel that never came: the carrier rule, else the 60-day cap, never cap + 15.
        ("2026-11-21", {"shipped": "2026-10-14", "carrier": "China Post"}, "urgent", "2026-11-22"),
        ("2026-11-23", {"shipped": "2026-10-14", "carrier": "China Post"}, "urgent", "2026-11-23"),
        ("2026-11-23", {"shipped": "2026-10-14"}, "act", "2026-12-13"),
        (
            "2026-11-23",
            {"shipped": "2026-10-14", "carrier": "Cainiao Super Economy"},
            "act",
            "2026-12-13",
        ),
        ("2026-11-23", {"shipped": "2026-10-14", "carrier": "other"}, "act", "2026-12-13"),
        # The countdown beats every rule, earlier or later.
        (
            "2026-11-23",
            {"shipped": "2026-10-14", "carrier": "China Post", "protection_left": "10"},
            "act",
            "2026-12-03",
        ),
        # A countdown at 0 has ended: nothing is left to open on AliExpress.
        (
            "2026-03-10",
            {"shipped": "2026-03-02", "carrier": "DHL", "protection_left": "0"},
            "late",
            "2026-03-10",
        ),
        # Before the first day a dispute can be opened (shipped + 6), then the window.
        ("2026-03-05", {"shipped": "2026-03-02", "carrier": "China Post"}, "wait", "2026-03-08"),
        ("2026-03-07", {"shipped": "2026-03-02", "carrier": "China Post"}, "wait", "2026-03-08"),
        ("2026-03-08", {"shipped": "2026-03-02", "carrier": "China Post"}, "act", "2026-04-10"),
        # Act, urgent within three days, then checking the countdown the day after.
        ("2026-03-21", {"shipped": "2026-03-02", "carrier": "DHL"}, "act", "2026-03-25"),
        ("2026-03-22", {"shipped": "2026-03-02", "carrier": "DHL"}, "urgent", "2026-03-25"),
        ("2026-03-25", {"shipped": "2026-03-02", "carrier": "DHL"}, "urgent", "2026-03-25"),
        ("2026-03-26", {"shipped": "2026-03-02", "carrier": "DHL"}, "urgent", "2026-03-26"),
        ("2026-11-23", {"shipped": "2026-10-20", "protection_left": "3"}, "urgent", "2026-11-26"),
        ("2026-11-23", {"shipped": "2026-10-20", "protection_left": "4"}, "act", "2026-11-27"),
        # Month and year ends, leap years.
        ("2026-02-21", {"shipped": "2026-01-31", "carrier": "UPS"}, "urgent", "2026-02-23"),
        ("2027-01-02", {"shipped": "2026-12-20", "carrier": "HK Post"}, "act", "2027-01-28"),
        ("2028-02-29", {"delivered": "2028-02-20"}, "act", "2028-03-06"),
        ("2027-02-28", {"delivered": "2027-02-20"}, "act", "2027-03-07"),
        ("2028-03-01", {"shipped": "2028-02-29", "carrier": "EMS"}, "wait", "2028-03-06"),
        # Waiting on the seller, unless the last day comes first.
        (
            "2026-03-10",
            {"delivered": "2026-03-01", "contacted": "2026-03-09"},
            "wait",
            "2026-03-12",  # the reply (Mar 9 + 3) is due before the last day (Mar 16)
        ),
        (
            "2026-03-13",
            {"delivered": "2026-03-01", "contacted": "2026-03-13"},
            "urgent",
            "2026-03-16",  # the reply would come on the last day itself: do not wait
        ),
        ("2026-03-10", {"contacted": "2026-03-01"}, "urgent", "2026-03-10"),  # no last day known
        # After opening: the seller's answer (5 days), then follow it up.
        ("2026-03-03", {"opened": "2026-03-02"}, "wait", "2026-03-07"),
        ("2026-03-07", {"opened": "2026-03-02"}, "urgent", "2026-03-07"),
        # Escalated: AliExpress's decision (10 days), then follow it up.
        ("2026-03-12", {"opened": "2026-03-02", "escalated": "2026-03-10"}, "wait", "2026-03-20"),
        ("2026-03-25", {"opened": "2026-03-02", "escalated": "2026-03-10"}, "urgent", "2026-03-25"),
        # Shipping a return back inside a dispute: agreed + 10, late the day after.
        ("2026-03-05", {"opened": "2026-03-01", "agreed": "2026-03-02"}, "act", "2026-03-12"),
        ("2026-03-10", {"opened": "2026-03-01", "agreed": "2026-03-02"}, "urgent", "2026-03-12"),
        ("2026-03-13", {"opened": "2026-03-01", "agreed": "2026-03-02"}, "late", "2026-03-12"),
        (
            "2026-03-05",
            {"opened": "2026-03-01", "agreed": "2026-03-02", "resolved": "2026-03-03"},
            "act",
            "2026-03-12",
        ),
        # Agreed outside a dispute: open one first, by the last day to open it (else today).
        ("2026-03-05", {"agreed": "2026-03-02"}, "urgent", "2026-03-05"),
        ("2026-03-05", {"agreed": "2026-03-02", "delivered": "2026-03-01"}, "act", "2026-03-16"),
        # Refunds: 3 working days after the return arrives; the latest source after a resolution.
        ("2026-03-07", {"return_received": "2026-03-06"}, "wait", "2026-03-11"),  # Fri -> Wed
        ("2026-03-09", {"resolved": "2026-03-06"}, "wait", "2026-04-17"),
        ("2028-02-28", {"resolved": "2028-02-25"}, "wait", "2028-04-07"),
        # An overdue refund: what is left today (no payment known).
        ("2026-04-20", {"resolved": "2026-03-06"}, "urgent", "2026-04-20"),
    ],
)
def test_verdict(today: str, facts: dict[str, str], state: str, day: str) -> None:
    found = verdict(today, **facts)
    assert (found.state, found.date) == (state, D(day))


@pytest.mark.parametrize(
    ("today", "calculator", "facts", "state", "day"),
    [
        ("2026-03-10", "cancellation", {"requested": "2026-03-08"}, "wait", "2026-03-15"),
        ("2026-03-16", "cancellation", {"requested": "2026-03-08"}, "urgent", "2026-03-16"),
        ("2026-03-03", "dispute-timeline", {"opened": "2026-03-02"}, "wait", "2026-03-07"),
        (
            "2026-03-05",
            "return-refund",
            {"opened": "2026-03-01", "agreed": "2026-03-02"},
            "act",
            "2026-03-12",
        ),
        ("2026-03-05", "return-refund", {"agreed": "2026-03-02"}, "urgent", "2026-03-05"),
    ],
)
def test_every_calculator_gives_a_verdict_for_its_own_question(
    today: str, calculator: str, facts: dict[str, str], state: str, day: str
) -> None:
    found = verdict(today, calculator, **facts)
    assert (found.state, found.date) == (state, D(day))


def test_the_action_says_not_to_wait_for_a_reply_due_after_the_last_day() -> None:
    found = verdict("2026-05-23", delivered="2026-05-10", contacted="2026-05-23")
    assert found.action == (
        "Open the dispute now, without waiting for the seller's reply (due Tue 26 May 2026), "
        "and keep talking to the seller inside the dispute."
    )
    assert [step.key for step in found.why] == ["dispute_closes", "seller_reply_by"]


def test_a_countdown_ending_before_the_first_day_says_to_try_now() -> None:
    found = verdict("2026-03-03", shipped="2026-03-02", carrier="China Post", protection_left="2")
    assert (found.state, found.date) == ("urgent", D("2026-03-05"))
    assert "opens the button only on Sun 8 Mar 2026" in found.action


def test_a_rules_passed_last_day_sends_the_reader_to_the_countdown_today() -> None:
    found = verdict("2026-06-13", shipped="2026-05-04", carrier="China Post")
    assert found.action == (
        "The general rules' last day has passed, but your order's own countdown may still be "
        "running: open the order's details now and, while it runs, open the dispute today."
    )
    (check,) = found.why
    assert check.key == "countdown_check"
    assert [(other.rule, other.date, other.relation) for other in check.others] == [
        ("39 days after shipment, for China Post or Hong Kong Post", D("2026-06-12"), "passed"),
        ("60 days after shipment", D("2026-07-03"), "rule"),
    ]


def test_a_late_verdict_says_what_can_still_be_done_today() -> None:
    found = verdict("2026-03-13", opened="2026-03-01", agreed="2026-03-02")
    assert found.action == (
        "Ship the return today with tracking and say so on the dispute page; if the dispute has "
        "closed, see what you can still do outside AliExpress."
    )


def test_the_countdown_keeps_the_rules_only_as_context() -> None:
    found = verdict("2026-11-23", shipped="2026-10-14", carrier="China Post", protection_left="10")
    (last,) = found.why
    assert (
        last.rule == "10 days left on your order's Purchase Protection countdown on Mon 23 Nov 2026"
    )
    assert not last.sources
    assert [(other.relation, other.date) for other in last.others] == [
        ("countdown", D("2026-11-22")),
        ("countdown", D("2026-12-13")),
    ]


@pytest.mark.parametrize("calculator", ["dispute-window", "after-delivery", "seller-contact"])
@pytest.mark.parametrize(
    ("today", "facts"),
    [
        ("2026-11-23", {"shipped": "2026-10-14", "carrier": "China Post"}),
        ("2026-11-01", {"shipped": "2026-10-14", "carrier": "Cainiao"}),
        ("2026-05-21", {"shipped": "2026-05-04", "carrier": "DHL", "delivered": "2026-05-20"}),
        ("2026-05-21", {"shipped": "2026-05-04", "carrier": "DHL", "protection_left": "3"}),
    ],
)
def test_the_same_dates_give_the_planners_verdict_on_every_page(
    calculator: str, today: str, facts: dict[str, str]
) -> None:
    if calculator == "seller-contact":
        facts = {**facts, "contacted": facts["shipped"]}
    assert verdict(today, calculator, **facts) == verdict(today, **facts)


def test_facts_carried_from_another_calculator_count_too() -> None:
    carried = {"shipped": "2026-05-04", "carrier": "DHL", "opened": "2026-05-20"}
    found = CALCULATORS["dispute-window"].run(carried, D("2026-05-21")).verdict
    assert (found.state, found.date, found.step.key) == (
        "wait",
        D("2026-05-25"),
        "seller_response_by",
    )


# Properties, over orders whose dates follow the natural sequence.

DAY = st.dates(min_value=date(2020, 1, 1), max_value=date(2030, 12, 31))
CARRIERS = st.sampled_from([None, "DHL", "EMS", "China Post", "Cainiao", "other"])


@st.composite
def orders(draw: st.DrawFn, countdown: bool = True) -> tuple[dict[str, str], date]:
    """An order: some facts, each after the one it follows, and a today after them all."""
    step = st.integers(0, 40)
    day = draw(DAY)
    facts: dict[str, str] = {}
    given: dict[str, date] = {}

    def maybe(name: str, after: date | None) -> None:
        nonlocal day
        if draw(st.booleans()):
            day = (after or day) + timedelta(days=draw(step))
            given[name] = day
            facts[name] = day.isoformat()

    maybe("shipped", None)
    maybe("delivered", given.get("shipped"))
    maybe("contacted", given.get("shipped"))
    maybe("opened", given.get("shipped"))
    if "opened" in given:
        maybe("escalated", given["opened"])
        maybe("resolved", given.get("escalated", given["opened"]))
    maybe("agreed", given.get("delivered", given.get("shipped")))
    if "agreed" in given:
        maybe("return_posted", given["agreed"])
        maybe("return_received", given.get("return_posted", given["agreed"]))
    carrier = draw(CARRIERS)
    if carrier and "shipped" in given:
        facts["carrier"] = carrier
    if countdown and draw(st.booleans()):
        facts["protection_left"] = str(draw(st.integers(0, 90)))
    assume(any(name in given for name in facts) or "protection_left" in facts)
    today = max(given.values(), default=date(2026, 1, 1)) + timedelta(days=draw(st.integers(0, 90)))
    return facts, today


def must_meet(facts: dict[str, str], today: date) -> list[date]:
    """The deadlines the reader must meet, worked out from the issue's rules directly.

    A general rule's last day to open a dispute that has passed is checked against the
    countdown today.
    """
    day = {name: D(value) for name, value in facts.items() if name != "carrier" and "-" in value}
    deadlines = []
    started = any(name in day for name in ("opened", "escalated", "resolved"))
    if not started:
        carrier = find_carrier(facts.get("carrier", ""))
        windows = carrier[1].dispute_closes if carrier else None
        rules = []
        if windows and "shipped" in day:
            rules.append(day["shipped"] + timedelta(days=windows.planned.days))
        if "delivered" in day:
            rules.append(day["delivered"] + timedelta(days=15))
        elif "shipped" in day:
            rules.append(day["shipped"] + timedelta(days=60))
        if rules:
            deadlines.append(max(min(rules), today))
        elif "agreed" in day and "return_received" not in day:
            deadlines.append(today)
    shipping = not ("return_posted" in day or "return_received" in day)
    if started and "agreed" in day and shipping:
        deadlines.append(day["agreed"] + timedelta(days=10))
    return deadlines


@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.filter_too_much])
@given(orders(countdown=False))
def test_without_a_countdown_the_verdict_never_comes_after_a_deadline(
    order: tuple[dict[str, str], date],
) -> None:
    facts, today = order
    found = PLANNER.run(facts, today).verdict
    deadlines = must_meet(facts, today)
    if deadlines:
        assert found.date <= min(deadlines)
        if found.state == "wait":
            assert found.date < min(deadlines)
        if min(deadlines) < today:
            assert (found.state, found.date) == ("late", min(deadlines))


@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.filter_too_much])
@given(orders())
def test_the_verdict_is_never_wait_past_a_deadline_in_the_timeline(
    order: tuple[dict[str, str], date],
) -> None:
    facts, today = order
    result = PLANNER.run(facts, today)
    musts = [step.date for step in result.deadlines if step.kind is Kind.MUST]
    if result.verdict.state == "wait":
        assert result.verdict.date > today or result.verdict.why[0].open_ended
        assert all(result.verdict.date < must for must in musts)
    if result.verdict.state in ("act", "urgent"):
        days = (result.verdict.date - today).days
        assert days >= 0 and (days <= 3) == (result.verdict.state == "urgent")
    if result.verdict.state == "late":
        assert result.verdict.date < today or result.verdict.why[0].ended
    assert result.verdict.action.strip()


@pytest.mark.parametrize("state", STATES)
def test_every_state_can_be_reached(state: str) -> None:
    facts, today = find(
        orders(),
        lambda order: PLANNER.run(order[0], order[1]).verdict.state == state,
        settings=settings(max_examples=2000, database=None),
    )
    assert PLANNER.run(facts, today).verdict.state == state


def test_assess_is_the_same_engine_as_the_calculators() -> None:
    order = Order(shipped=D("2026-10-14"), carrier="China Post")
    found, _timeline = assess(order, D("2026-11-23"))
    assert found == verdict("2026-11-23", shipped="2026-10-14", carrier="China Post")


# Situations a buyer is really in (issue 21), on 23 Nov 2026, each worked by hand.

SITUATION_DAY = "2026-11-23"


def situation(**facts: str) -> Verdict:
    return verdict(SITUATION_DAY, **facts)


def test_a_return_agreed_in_chat_is_never_shipped_before_a_dispute_is_open() -> None:
    found = situation(agreed="2026-11-20", protection_left="4")
    assert (found.state, found.date, found.step.key) == ("act", D("2026-11-27"), "dispute_closes")
    assert found.action.startswith("Open a dispute for a return and refund by this day")
    result = PLANNER.run({"agreed": "2026-11-20", "protection_left": "4"}, D(SITUATION_DAY))
    assert "return_ship_by" not in {step.key for step in result.deadlines}
    (note,) = [note for note in result.notes if note.sources == ("001",)]
    assert "agreed on the dispute page" in note.text


@pytest.mark.parametrize("arrived", ["No", "Tracking says delivered, but I don't have it"])
def test_tracking_says_delivered_but_nothing_came(arrived: str) -> None:
    found = situation(arrived=arrived, delivered="2026-11-10", shipped="2026-10-20")
    assert (found.state, found.date) == ("urgent", D("2026-11-25"))  # 10 Nov + 15
    assert found.action.startswith("Open a “not received” dispute now")
    assert "proof of delivery" in found.action
    assert [reading.rule for reading in found.why] == ["15 days after delivery"]


def test_tracking_delivered_goes_by_the_countdown_when_given() -> None:
    found = situation(arrived="no", delivered="2026-11-10", protection_left="20")
    assert (found.state, found.date) == ("act", D("2026-12-13"))
    assert found.action.startswith("Open a “not received” dispute now")


def test_a_posted_return_is_a_wait_never_late() -> None:
    found = situation(opened="2026-11-01", agreed="2026-11-05", return_posted="2026-11-12")
    assert (found.state, found.date, found.step.key) == (
        "wait",
        D(SITUATION_DAY),
        "return_on_its_way",
    )
    assert "No source says how long the seller has to confirm receipt" in found.action
    late = verdict(
        "2027-01-30", opened="2026-11-01", agreed="2026-11-05", return_posted="2026-11-12"
    )
    assert late.state == "wait"


def test_a_posted_return_gives_way_to_the_banks_time_limit() -> None:
    found = situation(
        opened="2026-11-01",
        agreed="2026-11-05",
        return_posted="2026-11-12",
        payment="Credit card",
        paid="2026-08-01",
    )
    assert (found.state, found.date, found.step.key) == ("act", D("2026-11-29"), "chargeback_by")
    assert "if the refund has not come by this day" in found.action


@pytest.mark.parametrize(
    ("payment", "state", "day", "key", "says"),
    [
        ("PayPal", "act", "2027-02-28", "paypal_dispute_by", "PayPal's Resolution Center"),
        ("credit card", "act", "2026-12-30", "chargeback_by", "debit cards have chargebacks"),
        ("Debit card", "act", "2026-12-30", "chargeback_by", "debit cards have chargebacks"),
        ("other", "urgent", SITUATION_DAY, "after_aliexpress", "No dispute route is known"),
        (None, "urgent", SITUATION_DAY, "after_aliexpress", "Find out how you paid"),
    ],
)
def test_a_dispute_decided_against_the_reader_moves_to_the_payment_route(
    payment: str | None, state: str, day: str, key: str, says: str
) -> None:
    facts = {"opened": "2026-10-20", "rejected": "2026-11-20", "paid": "2026-09-01"}
    found = situation(**facts, **({"payment": payment} if payment else {}))
    assert (found.state, found.date, found.step.key) == (state, D(day), key)
    assert says in found.action


def test_a_paypal_route_says_to_escalate_to_a_claim_in_time() -> None:
    facts = {"opened": "2026-10-20", "rejected": "2026-11-20", "paid": "2026-09-01"}
    result = PLANNER.run({**facts, "payment": "paypal"}, D(SITUATION_DAY))
    (paypal,) = result.verdict.why
    assert [note.period.key for note in paypal.context if note.period] == ["paypal_escalation"]


def test_a_paypal_date_without_the_payment_day_is_asked_for() -> None:
    found = situation(opened="2026-10-20", rejected="2026-11-20", payment="PayPal")
    assert (found.state, found.date) == ("urgent", D(SITUATION_DAY))
    assert "Enter the day you paid" in found.action


def test_an_overdue_refund_moves_to_the_bank_with_the_reference_number() -> None:
    found = situation(
        opened="2026-09-01", resolved="2026-09-20", paid="2026-08-20", payment="debit card"
    )
    assert (found.state, found.date, found.step.key) == ("act", D("2026-12-18"), "chargeback_by")
    assert found.action.startswith("First ask AliExpress support")
    assert "reference number" in found.action


def test_an_overdue_refund_with_no_payment_known_is_followed_up_today() -> None:
    found = situation(opened="2026-09-01", resolved="2026-09-20")
    assert (found.state, found.date) == ("urgent", D(SITUATION_DAY))
    assert "reference number" in found.action and "Find out how you paid" in found.action


def test_waiting_for_a_refund_never_outlasts_the_chargeback_limit() -> None:
    found = situation(
        opened="2026-10-01", resolved="2026-11-10", paid="2026-08-01", payment="credit card"
    )
    assert (found.state, found.date) == ("act", D("2026-11-29"))
    assert found.action.startswith("Do not wait for the refund (due Tue 22 Dec 2026)")
    assert [step.key for step in found.why] == ["chargeback_by", "refund_by"]


def test_a_chargeback_far_off_leaves_the_refund_wait_in_charge() -> None:
    found = situation(
        opened="2026-10-01", resolved="2026-11-10", paid="2026-09-30", payment="credit card"
    )
    assert (found.state, found.date) == ("wait", D("2026-12-22"))
    assert [step.key for step in found.why] == ["refund_by", "chargeback_by"]


def test_the_payment_route_is_only_worth_knowing_before_a_dispute() -> None:
    result = PLANNER.run(
        {"shipped": "2026-11-01", "paid": "2026-10-30", "payment": "paypal"}, D(SITUATION_DAY)
    )
    assert result.verdict.step.key == "dispute_closes"
    (paypal,) = [step for step in result.deadlines if step.key == "paypal_dispute_by"]
    assert paypal.kind is Kind.INFO


@pytest.mark.parametrize(
    ("facts", "state", "day"),
    [
        ({}, "urgent", SITUATION_DAY),  # the rules' day passed: check the countdown
        ({"protection_left": "0"}, "late", SITUATION_DAY),  # the countdown says it ended
        ({"protection_left": "0", "payment": "paypal", "paid": "2026-09-15"}, "act", "2027-03-14"),
    ],
)
def test_china_post_on_day_64(facts: dict[str, str], state: str, day: str) -> None:
    found = situation(shipped="2026-09-20", carrier="China Post", **facts)
    assert (found.state, found.date) == (state, D(day))


def test_a_late_countdown_says_what_remains() -> None:
    found = situation(shipped="2026-09-20", protection_left="0")
    assert found.action.startswith("AliExpress no longer opens a dispute for this order.")
    assert "Find out how you paid" in found.action


@pytest.mark.parametrize(
    "facts",
    [
        {"shipped": "2026-10-20", "carrier": "other", "delivered": "2026-11-10"},
        {"shipped": "2026-09-20", "carrier": "China Post"},
        {"shipped": "2026-10-20", "carrier": "DHL", "protection_left": "3"},
        {"shipped": "2026-09-20", "carrier": "China Post", "protection_left": "0"},
    ],
)
def test_the_dispute_window_agrees_with_the_planner(facts: dict[str, str]) -> None:
    window = verdict(SITUATION_DAY, "dispute-window", **facts)
    planned = situation(**facts)
    assert (window.state, window.date, window.action) == (
        planned.state,
        planned.date,
        planned.action,
    )
    tracked = situation(arrived="no", **facts) if "delivered" in facts else planned
    assert (tracked.state, tracked.date) == (window.state, window.date)
