"""Properties every calculator keeps, whatever a reader types (hypothesis)."""

from __future__ import annotations

import json
from datetime import date

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from calculators import CALCULATORS, InputError, web
from calculators.calculator import Calculator
from calculators.inputs import ChoiceInput, DateInput, DaysInput, Input
from calculators.render import present

DAYS = st.dates(min_value=date(2000, 1, 1), max_value=date(2100, 12, 31))
JUNK = st.one_of(
    st.text(max_size=25),
    st.sampled_from(
        ["2026-02-29", "2027-02-29", "2026-13-01", "0001-01-01", "9999-12-31", " ", "7"]
    ),
    st.dates().map(date.isoformat),
)


def valid(spec: Input) -> st.SearchStrategy[str]:
    if isinstance(spec, DateInput):
        value = DAYS.map(date.isoformat)
    elif isinstance(spec, ChoiceInput):
        value = st.sampled_from([choice.value for choice in spec.choices])
    else:
        assert isinstance(spec, DaysInput)
        value = st.integers(0, spec.maximum).map(str)
    return value if spec.required else st.one_of(st.just(""), value)


def form(calculator: Calculator, field: st.SearchStrategy[str] | None = None):
    return st.fixed_dictionaries(
        {spec.name: field if field is not None else valid(spec) for spec in calculator.inputs}
    )


every = pytest.mark.parametrize("calculator", CALCULATORS.values(), ids=list(CALCULATORS))


@every
@settings(max_examples=150, deadline=None)
@given(data=st.data(), today=DAYS)
def test_valid_input_gives_a_verdict_and_dates_never_precede_their_start(
    calculator: Calculator, data: st.DataObject, today: date
) -> None:
    raw = data.draw(form(calculator))
    try:
        result = calculator.run(raw, today)
    except InputError as error:  # dates in the wrong order or after today, or nothing entered
        assert set(error.problems) <= {spec.name for spec in calculator.inputs}
        return
    assert result.deadlines and result.verdict.action
    # A step no source dates (the countdown, a check today, a return on its way, the step
    # after AliExpress) starts today or on a day the reader gave, or on a dated step.
    unsourced = {today, *result.facts.values(), *(d.date for d in result.deadlines)}
    for deadline in result.deadlines:
        for reading in (deadline, *deadline.others):
            assert reading.date >= reading.start
            assert reading.earliest is None or reading.start <= reading.earliest <= reading.date
            assert reading.sources or reading.start in unsourced
    assert [d.date for d in result.deadlines] == sorted(d.date for d in result.deadlines)
    json.dumps(present(calculator, result))


@every
@settings(max_examples=150, deadline=None)
@given(data=st.data(), today=DAYS)
def test_any_text_gets_a_result_or_a_message_naming_the_field(
    calculator: Calculator, data: st.DataObject, today: date
) -> None:
    raw = data.draw(form(calculator, JUNK))
    try:
        calculator.run(raw, today)
    except InputError as error:
        assert error.problems
        for name, message in error.problems.items():
            assert name in raw and message.strip()


@every
@settings(max_examples=50, deadline=None)
@given(data=st.data())
def test_the_browser_bridge_always_answers(calculator: Calculator, data: st.DataObject) -> None:
    raw = data.draw(form(calculator, JUNK))
    today = data.draw(JUNK)
    answer = web.run(calculator.slug, raw, today)
    assert answer["ok"] in (True, False)
    assert answer.get("result") or answer.get("problems")


@every
def test_declarations_are_complete(calculator: Calculator) -> None:
    declared = calculator.declare()
    assert declared["title"].endswith("?") or calculator.slug == "planner"
    for spec in declared["inputs"]:
        assert spec["label"] and spec["help"] and spec["missing"]
        assert spec["kind"] in ("date", "choice", "days")


@every
def test_every_calculator_that_counts_a_dispute_deadline_takes_the_carrier_and_countdown(
    calculator: Calculator,
) -> None:
    names = {spec.name for spec in calculator.inputs}
    if names & {"shipped", "delivered"}:
        assert {"carrier", "protection_left"} <= names
