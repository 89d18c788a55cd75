"""The JSON bridge the browser calls: always an answer, never an exception."""

import json

from calculators import CALCULATORS, web


def call(slug: str, inputs: object, today: str = "2026-03-10") -> dict:
    return json.loads(web.run(slug, json.dumps(inputs), today))


def test_answers_with_the_same_result_as_the_command_line() -> None:
    answer = call("dispute-window", {"shipped": "2026-03-02", "carrier": "China Post"})
    assert answer["ok"] is True
    assert [d["date"] for d in answer["result"]["deadlines"]] == ["2026-03-08", "2026-04-10"]
    assert answer["result"]["today_text"] == "Tue 10 Mar 2026"


def test_problems_are_keyed_by_field() -> None:
    answer = call("dispute-window", {"shipped": "2026-02-30", "carrier": ""})
    assert answer["ok"] is False
    assert set(answer["problems"]) == {"shipped", "carrier"}


def test_nonsense_from_the_page_is_still_an_answer() -> None:
    assert call("nope", {})["problems"][""].startswith("There is no calculator")
    assert call("dispute-window", ["not", "an", "object"])["ok"] is False
    assert (
        call("dispute-window", {"shipped": "2026-03-02", "carrier": "DHL"}, today="soon")["ok"]
        is False
    )
    assert json.loads(web.run("dispute-window", "{not json", "2026-03-10"))["ok"] is False


def test_declaration_drives_the_form() -> None:
    declared = CALCULATORS["dispute-window"].declare()
    assert [i["name"] for i in declared["inputs"]] == ["shipped", "carrier"]
    assert declared["inputs"][0]["kind"] == "date"
    assert {"value": "other", "label": "Other carrier"} in declared["inputs"][1]["choices"]
