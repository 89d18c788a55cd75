"""The command line, run as a reader runs it: ``python -m calculators ...``."""

import io
import json
import subprocess
import sys
from contextlib import redirect_stderr, redirect_stdout
from datetime import date

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from calculators import CALCULATORS
from calculators.cli import main as run_cli
from tests.conftest import PROJECT


def cli(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "calculators", *args],
        cwd=PROJECT,
        capture_output=True,
        text=True,
        stdin=subprocess.DEVNULL,
    )


def test_prints_both_ends_of_the_window() -> None:
    done = cli(
        "dispute-window",
        "--shipped",
        "2026-03-02",
        "--carrier",
        "China Post",
        "--today",
        "2026-03-10",
    )
    assert done.returncode == 0, done.stderr
    lines = done.stdout.splitlines()
    assert lines[0] == "When can I open a dispute?"
    first = next(line for line in lines if line.startswith("First day to open a dispute"))
    last = next(line for line in lines if line.startswith("Last day to open a dispute"))
    assert first.endswith("  Sun 8 Mar 2026 (2 days ago)")
    assert last.endswith("  Fri 10 Apr 2026 (in 31 days)")
    assert "The dispute window is open: 31 days left" in done.stdout
    assert "[002]" in done.stdout and "Purchase Protection countdown" in done.stdout


def test_json_has_a_deadlines_list_with_keys_dates_and_sources() -> None:
    done = cli(
        "dispute-window",
        "--shipped",
        "2026-03-02",
        "--carrier",
        "hk post",
        "--today",
        "2026-03-10",
        "--json",
    )
    assert done.returncode == 0, done.stderr
    answer = json.loads(done.stdout)
    assert answer["calculator"] == "dispute-window"
    assert answer["inputs"] == {"shipped": "2026-03-02", "carrier": "Hong Kong Post"}
    assert [(d["key"], d["date"]) for d in answer["deadlines"]] == [
        ("dispute_opens", "2026-03-08"),
        ("dispute_closes", "2026-04-10"),
    ]
    for deadline in answer["deadlines"]:
        assert deadline["label"] and deadline["sources"][0]["key"] == "002"


def test_today_defaults_to_the_real_date() -> None:
    done = cli("dispute-window", "--shipped", "2026-03-02", "--carrier", "DHL", "--json")
    assert json.loads(done.stdout)["today"] == date.today().isoformat()


@pytest.mark.parametrize(
    ("args", "lines"),
    [
        (
            ["--shipped", "2026-02-30", "--carrier", "DHL"],
            [
                "error: --shipped (Date the seller shipped): 2026-02-30 is not a real date: February 2026 has 28 days."
            ],
        ),
        (
            ["--shipped", "2026-03-02", "--carrier", "Yanwen"],
            [
                'error: --carrier (Carrier): "Yanwen" is not in the list: choose DHL, TNT, UPS, FedEx'
            ],
        ),
        (
            ["--carrier", "DHL"],
            ["error: --shipped (Date the seller shipped): Enter a date, such as 2026-03-02."],
        ),
        (
            ["--shipped", "2026-03-02"],
            ["error: --carrier (Carrier): Choose DHL"],
        ),
        (
            ["--shipped", "2026-03-02", "--carrier", "DHL", "--today", "10/03/2026"],
            ['error: --today: "10/03/2026" is not a date in the form YYYY-MM-DD'],
        ),
        (
            ["--shipped", "2026-03-02", "--colour", "red"],
            ["error: unrecognized arguments: --colour red"],
        ),
    ],
)
def test_bad_input_is_one_clear_line_and_status_2(args: list[str], lines: list[str]) -> None:
    done = cli("dispute-window", *args)
    assert done.returncode == 2
    assert done.stdout == ""
    got = done.stderr.splitlines()
    assert len(got) == len(lines)
    for line, start in zip(got, lines, strict=True):
        assert line.startswith(start)
    assert "Traceback" not in done.stderr


def test_no_calculator_named() -> None:
    done = cli()
    assert done.returncode == 2
    assert done.stderr.startswith(
        "error: name a calculator: planner, dispute-window, after-delivery, seller-contact, "
        "dispute-timeline, return-refund, cancellation."
    )


def test_unknown_calculator() -> None:
    done = cli("refund-time")
    assert done.returncode == 2 and "invalid choice: 'refund-time'" in done.stderr
    assert len(done.stderr.splitlines()) == 1


def test_help_lists_inputs_from_the_declaration() -> None:
    done = cli("dispute-window", "--help")
    assert done.returncode == 0
    assert "--shipped YYYY-MM-DD" in done.stdout and "--carrier NAME" in done.stdout


def test_options_use_dashes_and_disagreements_are_printed() -> None:
    done = cli(
        "planner",
        "--opened",
        "2026-03-02",
        "--return-received",
        "2026-03-06",
        "--today",
        "2026-03-03",
    )
    assert done.returncode == 0, done.stderr
    assert "Refund due by" in done.stdout and "Wed 11 Mar 2026 (in 8 days)" in done.stdout
    assert "Sources disagree: 15 days after the dispute was opened (source: [000]" in done.stdout
    assert (
        "Tue 17 Mar 2026 (in 14 days). This plan keeps the safer date above."
        in done.stdout.replace("\n  ", " ")
    )


def test_ranges_are_printed_as_ranges() -> None:
    done = cli("cancellation", "--requested", "2026-03-08", "--today", "2026-03-10")
    assert "Fri 13 Mar 2026 to Sun 15 Mar 2026 (in 5 days)" in done.stdout


def test_order_problems_name_the_later_option() -> None:
    done = cli("planner", "--shipped", "2026-03-10", "--delivered", "2026-03-02")
    assert done.returncode == 2
    assert done.stderr == (
        "error: --delivered (Date the parcel was delivered): This is before the date the seller "
        "shipped (Tue 10 Mar 2026): check both dates.\n"
    )


JUNK = st.one_of(
    st.text(max_size=20),
    st.sampled_from(["2026-02-29", "1999-12-31", "2101-01-01", "9999-12-31", "-1", "--json"]),
    st.dates().map(date.isoformat),
)


@settings(max_examples=200, deadline=None)
@given(
    slug=st.sampled_from(sorted(CALCULATORS)),
    values=st.lists(JUNK, min_size=0, max_size=4),
    today=JUNK,
)
def test_any_text_on_the_command_line_gets_a_result_or_an_error_line(
    slug: str, values: list[str], today: str
) -> None:
    options = [f"--{spec.name.replace('_', '-')}" for spec in CALCULATORS[slug].inputs]
    argv = [slug, "--today", today]
    for option, value in zip(options, values, strict=False):
        argv += [option, value]
    stdout, stderr = io.StringIO(), io.StringIO()
    with redirect_stdout(stdout), redirect_stderr(stderr):
        try:
            status = run_cli(argv)
        except SystemExit as exit:  # argparse's own errors, through our one-line handler
            status = exit.code
    out, err = stdout.getvalue(), stderr.getvalue()
    assert status in (0, 2)
    if status == 2:
        assert err.startswith("error: ") and "Traceback" not in err
        assert all(line.startswith("error: ") for line in err.splitlines())
    else:
        assert out.strip()
