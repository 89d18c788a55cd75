"""The calculators' page script: its modules join into one, and the form decides what it
asks as the engine does."""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

import pytest

from calculators import CALCULATORS
from calculators.inputs import FACTS, ChoiceInput
from guide import browser
from tests.conftest import PROJECT


def test_the_modules_join_into_one_script_with_no_module_syntax_left() -> None:
    script = browser.join()
    assert script.startswith('(() => {\n"use strict";')
    assert "\nimport " not in script and "\nexport " not in script
    assert script.index("const engine") < script.index("class View")  # imports come first
    worker = browser.join(browser.MODULES / "worker")
    assert "\nimport " not in worker and "\nexport " not in worker
    assert worker.index("function patiently") < worker.index("function unpacked")
    assert worker.index("function unpacked") < worker.index("function prefetch")


def test_no_script_the_browser_runs_is_over_400_lines() -> None:
    """What a newcomer opens to change is short enough to read whole."""
    scripts = [
        *browser.MODULES.rglob("*.js"),
        *(PROJECT / "docs" / "assets" / "javascripts").glob("*.js"),
        PROJECT / "guide" / "sw.js",
    ]
    assert {browser.MODULES / browser.ENTRY, browser.MODULES / "worker" / browser.ENTRY} <= set(
        scripts
    )
    long = [
        f"{path.relative_to(PROJECT)}: {lines} lines"
        for path in scripts
        if (lines := len(path.read_text(encoding="utf-8").splitlines())) > 400
    ]
    assert not long


@pytest.mark.parametrize(
    ("files", "says"),
    [
        ({"main.js": 'import { a } from "./a.js";\n', "a.js": "const a = 1;\n"}, "does not export"),
        ({"main.js": 'import { a } from "./gone.js";\n'}, "not in"),
        ({"main.js": "const a = 1;\n", "a.js": "export const b = 1;\n"}, "not imported"),
        (
            {
                "main.js": 'import { a } from "./a.js";\nconst a = 2;\n',
                "a.js": "export const a = 1;\n",
            },
            "declared in both",
        ),
        (
            {
                "main.js": 'import { a } from "./a.js";\nexport const b = 1;\n',
                "a.js": 'import { b } from "./main.js";\nexport const a = 1;\n',
            },
            "circle",
        ),
        ({"main.js": "export default 1;\n"}, "only named imports"),
    ],
)
def test_a_module_that_cannot_be_joined_says_why(
    tmp_path: Path, files: dict[str, str], says: str
) -> None:
    for name, text in files.items():
        (tmp_path / name).write_text(text)
    with pytest.raises(browser.JoinError, match=says):
        browser.join(tmp_path)


@pytest.mark.skipif(shutil.which("node") is None, reason="needs Node")
def test_the_form_asks_a_question_exactly_when_the_engine_would() -> None:
    """Every declared shown_if, with every answer its question can get and none."""
    cases = []
    for calculator in CALCULATORS.values():
        for spec in calculator.inputs:
            if spec.shown_if is None:
                continue
            other = FACTS[spec.shown_if[0]]
            answers = [c.value for c in other.choices] if isinstance(other, ChoiceInput) else []
            for given in [*answers, "2026-03-02", ""]:
                decided = spec.applies({other.name: given} if given else {})
                condition = {"name": other.name, "values": list(spec.shown_if[1])}
                cases.append({"condition": condition, "given": given, "python": decided})
    assert cases
    check = (
        'import { askedFor } from "./browser/form.js";\n'
        'let text = ""; for await (const chunk of process.stdin) text += chunk;\n'
        "const cases = JSON.parse(text);\n"
        "console.log(JSON.stringify(cases.map((c) => askedFor(c.condition, c.given))));\n"
    )
    run = subprocess.run(
        ["node", "--input-type=module", "-e", check],
        input=json.dumps(cases),
        capture_output=True,
        text=True,
        cwd=PROJECT,
        check=True,
    )
    javascript = json.loads(run.stdout)
    assert javascript == [case["python"] for case in cases]
