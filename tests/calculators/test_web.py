"""The JSON bridge the browser calls: always an answer, never an exception."""

import json

import pytest

from calculators import CALCULATORS, web


def call(slug: object, inputs: object, today: object = "2026-03-10") -> dict:
    return web.run(slug, inputs, today)


def test_answers_with_the_verdict_first() -> None:
    answer = call("dispute-window", {"shipped": "2026-03-02", "carrier": "China Post"})
    assert answer["ok"] is True
    verdict = answer["result"]["verdict"]
    assert (verdict["state"], verdict["date"], verdict["date_text"]) == (
        "act",
        "2026-04-10",
        "Fri 10 Apr 2026",
    )
    assert (verdict["days"], verdict["from_today"], verdict["state_text"]) == (
        31,
        "in 31 days",
        "Act",
    )
    assert [d["date"] for d in answer["result"]["deadlines"]] == ["2026-04-10", "2026-03-08"]
    assert answer["result"]["passed_heading"] == "1 date already passed"


def test_problems_are_keyed_by_field() -> None:
    answer = call("dispute-window", {"shipped": "2026-02-30", "carrier": ""})
    assert answer["ok"] is False
    assert set(answer["problems"]) == {"shipped", "carrier"}


def test_facts_from_other_pages_are_shown_as_given() -> None:
    answer = call("seller-contact", {"contacted": "2026-03-09", "opened": "2026-03-09"})
    given = {item["name"]: item["asked"] for item in answer["result"]["given"]}
    assert given == {"contacted": True, "opened": False}


@pytest.mark.parametrize(
    ("slug", "inputs", "today"),
    [
        ("nope", {}, "2026-03-10"),
        (["dispute-window"], {}, "2026-03-10"),
        (None, {}, "2026-03-10"),
        ("dispute-window", ["not", "an", "object"], "2026-03-10"),
        ("dispute-window", {"shipped": ["2026-03-02"]}, "2026-03-10"),
        ("dispute-window", {"shipped": 20260302}, "2026-03-10"),
        ("dispute-window", {"shipped": "2026-03-02", "carrier": "DHL"}, "soon"),
        ("dispute-window", {"shipped": "2026-03-02", "carrier": "DHL"}, 7),
    ],
)
def test_odd_json_from_the_page_gets_the_normal_message(
    slug: object, inputs: object, today: object
) -> None:
    answer = call(slug, inputs, today)
    assert answer["ok"] is False and answer["problems"]
    assert all(isinstance(message, str) and message for message in answer["problems"].values())


def test_broken_or_deeply_nested_json_is_refused_plainly() -> None:
    for text in ["{not json", "[" * 100_000 + "]" * 100_000, '{"inputs": ' * 5000]:
        answer = json.loads(web.call(text))
        assert answer == {"ok": False, "problems": {"": "The page asked for something unknown."}}


def test_the_calendar_carries_the_label() -> None:
    inputs = {"shipped": "2026-03-02", "carrier": "DHL"}
    answer = web.calendar("dispute-window", inputs, "2026-03-10", "en", "Order 8123")
    assert answer["ok"] and answer["count"] == 1
    assert (
        "SUMMARY:AliExpress order Order 8123: Last day to open a dispute: Wed 25 Mar 20"
        in answer["ics"].replace("\r\n ", "")
    )
    refused = web.calendar("dispute-window", inputs, "2026-03-10", "en", "x" * 200)
    assert refused["ok"] is False and "label" in refused["problems"]


def test_declaration_drives_the_form() -> None:
    declared = CALCULATORS["dispute-window"].declare()
    assert [i["name"] for i in declared["inputs"]] == [
        "shipped",
        "carrier",
        "delivered",
        "protection_left",
    ]
    assert declared["inputs"][0]["kind"] == "date"
    assert {"value": "other", "label": "Other carrier", "group": ""} in declared["inputs"][1][
        "choices"
    ]
    assert declared["inputs"][3] | {"help": ""} == {
        "name": "protection_left",
        "kind": "days",
        "label": "Days left on the Purchase Protection countdown",
        "help": "",
        "required": False,
        "missing": "Enter the number of days, such as 12.",
        "max": 365,
    }


def test_the_pages_one_entry_point_dispatches_and_refuses_the_unknown() -> None:
    request = {
        "fn": "run",
        "slug": "cancellation",
        "inputs": {"requested": "2026-03-08"},
        "today": "2026-03-10",
    }
    answer = json.loads(web.call(json.dumps(request)))
    assert answer["ok"] and answer["result"]["verdict"]["date"] == "2026-03-15"
    calendar = json.loads(web.call(json.dumps({**request, "fn": "calendar", "label": "Lamp"})))
    assert calendar["ok"] and "AliExpress order Lamp" in calendar["ics"]
    for odd in ['{"fn": "exec"}', "[1]", "nonsense", '{"fn": "run", "slug": 3}']:
        assert json.loads(web.call(odd))["ok"] is False
    refused = web.answer({"fn": "exec", "lang": "fr"})
    assert refused["problems"] == {"": "La page a demandé une opération inconnue."}


@pytest.mark.parametrize(
    ("inputs", "state", "day", "key"),
    [
        ({"arrived": "no", "delivered": "2026-11-10"}, "urgent", "2026-11-25", "dispute_closes"),
        ({"agreed": "2026-11-20", "protection_left": "4"}, "act", "2026-11-27", "dispute_closes"),
        (
            {"opened": "2026-11-01", "agreed": "2026-11-05", "return_posted": "2026-11-12"},
            "wait",
            "2026-11-23",
            "return_on_its_way",
        ),
        (
            {"opened": "2026-10-20", "rejected": "2026-11-20", "paid": "2026-09-01"}
            | {"payment": "Credit card"},
            "act",
            "2026-12-30",
            "chargeback_by",
        ),
        (
            {"shipped": "2026-09-20", "carrier": "China Post"},
            "urgent",
            "2026-11-23",
            "countdown_check",
        ),
    ],
)
@pytest.mark.parametrize("lang", ["en", "es", "pt-BR", "fr"])
def test_every_situation_answers_alike_in_every_language(
    inputs: dict[str, str], state: str, day: str, key: str, lang: str
) -> None:
    answer = web.run("planner", inputs, "2026-11-23", lang)
    verdict = answer["result"]["verdict"]
    assert (verdict["state"], verdict["date"], verdict["why"][0]["key"]) == (state, day, key)
    english = web.run("planner", inputs, "2026-11-23")
    assert (verdict["action"] == english["result"]["verdict"]["action"]) == (lang == "en")
    assert "{" not in verdict["action"] and verdict["action"].strip()


@pytest.mark.parametrize(
    ("label", "name", "said"),
    [
        ("Order 12", "Order 12", None),
        ("\u202eredro\u202c", "redro", "Invisible characters were left out"),
        ("\u200b\u200f", "", "The name held only invisible characters"),
        ("עברית\u200f 12", "עברית 12", "Invisible characters were left out"),
        ("👨\u200d👩\u200d👧 trip", "👨\u200d👩\u200d👧 trip", None),
    ],
)
def test_a_calendar_name_of_any_unicode_gives_a_file_and_says_what_was_done(
    label: str, name: str, said: str | None
) -> None:
    inputs = {"shipped": "2026-03-02", "carrier": "DHL"}
    answer = web.calendar("dispute-window", inputs, "2026-03-10", "en", label)
    assert answer["ok"] is True and answer["count"] == 1
    summary = f"SUMMARY:AliExpress order {name}: " if name else "SUMMARY:AliExpress order: "
    assert summary in answer["ics"].replace("\r\n ", "")
    assert (answer.get("said") or "").startswith(said or "") and bool(answer.get("said")) == bool(
        said
    )


@pytest.mark.parametrize("days", ["²", "₁₂", "١٢", "1" * 5000, "+3", "3.0"])
def test_countdown_days_are_ascii_digits_with_the_promised_message(days: str) -> None:
    inputs = {"shipped": "2026-03-02", "carrier": "DHL", "protection_left": days}
    answer = call("dispute-window", inputs)
    assert answer["problems"] == {
        "protection_left": "Enter a whole number of days from 0 to 365, such as 12."
    }
