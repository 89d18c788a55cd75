"""The command line, run as a reader runs it: ``python -m calculators ...``."""

import io
import json
import os
import shutil
import subprocess
import sys
from contextlib import redirect_stderr, redirect_stdout
from datetime import date
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from calculators import CALCULATORS
from calculators.cli import main as run_cli
from tests.conftest import PROJECT


def cli(*args: str, encoding: str = "utf-8") -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "calculators", *args],
        cwd=PROJECT,
        capture_output=True,
        encoding=encoding,
        stdin=subprocess.DEVNULL,
        env={**os.environ, "PYTHONIOENCODING": encoding},
    )


CHINA_POST = ["--shipped", "2026-10-14", "--carrier", "China Post", "--today", "2026-11-23"]


def test_the_text_starts_with_the_verdict() -> None:
    done = cli("dispute-window", *CHINA_POST)
    assert done.returncode == 0, done.stderr
    lines = done.stdout.splitlines()
    assert lines[0] == "URGENT: Check your countdown by Mon 23 Nov 2026 (today)"
    assert lines[1].startswith("The general rules' last day has passed, but your order's own")
    assert "Why this date?" in lines
    text = done.stdout.replace("\n    ", " ")
    assert (
        "39 days after shipment, for China Post or Hong Kong Post (source 002) gave Sun 22 Nov "
        "2026, which has passed." in text
    )
    assert (
        "60 days after shipment (source research notes) gives Sun 13 Dec 2026: this plan keeps "
        "the earlier date." in text
    )
    assert "  002: AliExpress return policy (a lesson in an AliExpress shopping course)" in lines
    assert " ".join(lines[-2:]) == (
        "Rules as read on Mon 23 Nov 2026 in undated articles and in AliExpress help pages of "
        "about 2012 to 2022 · independent, not AliExpress"
    )


def test_json_leads_with_the_verdict() -> None:
    done = cli("dispute-window", *CHINA_POST, "--json")
    assert done.returncode == 0, done.stderr
    answer = json.loads(done.stdout)
    verdict = answer["verdict"]
    assert (verdict["state"], verdict["date"]) == ("urgent", "2026-11-23")
    assert verdict["action"].startswith("The general rules' last day has passed")
    (why,) = verdict["why"]
    assert (why["key"], why["sources"]) == ("countdown_check", [])
    assert [line["sources"][0]["key"] for line in why["others"]] == ["002", "research"]
    assert answer["inputs"] == {"shipped": "2026-10-14", "carrier": "China Post"}
    assert [(d["key"], d["date"], d["state"]) for d in answer["deadlines"]] == [
        ("countdown_check", "2026-11-23", "today"),
        ("dispute_opens", "2026-10-20", "passed"),
    ]
    assert answer["calendar"]["count"] == 0


def test_the_countdown_option() -> None:
    done = cli("dispute-window", *CHINA_POST, "--protection-left", "10", "--json")
    verdict = json.loads(done.stdout)["verdict"]
    assert (verdict["state"], verdict["date"]) == ("act", "2026-12-03")


def test_today_defaults_to_the_real_date() -> None:
    done = cli("dispute-window", "--shipped", "2026-03-02", "--carrier", "DHL", "--json")
    assert json.loads(done.stdout)["today"] == date.today().isoformat()


@pytest.mark.parametrize(
    ("args", "line"),
    [
        (
            ["--shipped", "2026-02-30", "--carrier", "DHL"],
            "error: --shipped (Date the seller shipped): This is not a real date: February 2026 has 28 days.",
        ),
        (
            ["--shipped", "2026-03-02", "--carrier", "Pigeon"],
            'error: --carrier (Carrier): "Pigeon" is not in the list: choose DHL, TNT, UPS, FedEx',
        ),
        (
            ["--carrier", "DHL"],
            "error: --shipped (Date the seller shipped): Enter a date, such as 2026-10-14 for Wed 14 Oct 2026.",
        ),
        (["--shipped", "2026-03-02"], "error: --carrier (Carrier): Choose DHL"),
        (
            ["--shipped", "2099-03-02", "--carrier", "DHL", "--today", "2026-03-10"],
            "error: --shipped (Date the seller shipped): This is after today (Tue 10 Mar 2026): "
            "enter the day it happened.",
        ),
        (
            ["--shipped", "2026-03-02", "--carrier", "DHL", "--protection-left", "x"],
            "error: --protection-left (Days left on the Purchase Protection countdown): Enter a whole number",
        ),
        (
            ["--shipped", "2026-03-02", "--carrier", "DHL", "--today", "10/03/2026"],
            'error: --today: "10/03/2026" is not a date: write it as YYYY-MM-DD',
        ),
        (
            ["--shipped", "2026-03-02", "--colour", "red"],
            "error: unrecognized arguments: --colour red",
        ),
        (
            ["--shipped", "2026-03-02", "--carrier", "DHL", "--ics", ""],
            "error: --ics: name the calendar file to write, such as deadlines.ics.",
        ),
        (
            ["--shipped", "2026-03-02", "--carrier", "DHL", "--ics", "x.ics", "--label", "a" * 81],
            "error: --label: Use at most 80 letters",
        ),
    ],
)
def test_bad_input_is_one_clear_line_and_status_2(args: list[str], line: str) -> None:
    done = cli("dispute-window", *args)
    assert done.returncode == 2
    assert done.stdout == ""
    (got,) = done.stderr.splitlines()
    assert got.startswith(line)


def test_dates_out_of_order_name_the_later_option() -> None:
    done = cli(
        "planner", "--shipped", "2026-03-10", "--delivered", "2026-03-02", "--today", "2026-03-11"
    )
    assert done.returncode == 2
    assert done.stderr == (
        "error: --delivered (Date the parcel was delivered): This is before the shipping date "
        "(Tue 10 Mar 2026): check both dates.\n"
    )


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


def test_help_shows_what_is_required_and_lists_the_carriers() -> None:
    done = cli("dispute-window", "--help")
    assert done.returncode == 0
    usage = " ".join(done.stdout.split("\n\n")[0].split())
    assert usage.startswith(
        "usage: python -m calculators dispute-window --shipped YYYY-MM-DD --carrier NAME "
        "[--delivered YYYY-MM-DD] [--protection-left DAYS]"
    )
    help_text = " ".join(done.stdout.split())
    assert "One of: DHL, TNT, UPS, FedEx, Japan Post EMS, SF Express, China Post" in help_text
    assert "AliExpress Standard Shipping" in help_text and "Cainiao" in help_text


@pytest.mark.parametrize("encoding", ["ascii", "latin-1"])
def test_a_narrow_output_encoding_is_not_a_traceback(encoding: str) -> None:
    done = cli(
        "cancellation",
        "--requested",
        "2026-03-08",
        "--today",
        "2026-03-10",
        encoding=encoding,
    )
    assert done.returncode == 0 and "Traceback" not in done.stderr
    assert "Sun 15 Mar 2026" in done.stdout


def test_a_closed_output_is_not_a_traceback() -> None:
    done = subprocess.run(
        f"{sys.executable} -m calculators planner --shipped 2026-03-02 --today 2026-03-10 | head -c 1",
        shell=True,
        cwd=PROJECT,
        capture_output=True,
        text=True,
    )
    assert "Traceback" not in done.stderr and "Error" not in done.stderr
    closed = shell("planner --shipped 2026-03-02 >&-")
    assert "Traceback" not in closed.stderr
    assert closed.returncode == 1
    assert closed.stderr == "error: the answer could not be written: Bad file descriptor.\n"


def shell(command: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        f"{sys.executable} -m calculators {command}",
        shell=True,
        cwd=PROJECT,
        capture_output=True,
        text=True,
        stdin=subprocess.DEVNULL,
    )


@pytest.mark.skipif(not Path("/dev/full").exists(), reason="needs /dev/full")
def test_a_full_disk_is_one_line_and_status_1() -> None:
    done = shell("planner --shipped 2026-03-02 --today 2026-03-10 > /dev/full")
    assert (done.returncode, done.stderr) == (
        1,
        "error: the answer could not be written: No space left on device.\n",
    )


@pytest.mark.skipif(not Path("/dev/full").exists(), reason="needs /dev/full")
def test_bad_input_is_status_2_even_when_its_message_cannot_be_written() -> None:
    assert shell("planner --shipped 2026-02-30 --today 2026-03-10 2>/dev/full").returncode == 2


@pytest.mark.parametrize("order", [["--lang", "es", "--help"], ["--help", "--lang", "es"]])
def test_the_language_may_come_before_or_after_help(order: list[str]) -> None:
    done = cli(*order)
    assert done.returncode == 0, done.stderr
    assert done.stdout.startswith("uso: ")


def test_the_language_may_come_before_the_calculator() -> None:
    done = cli("--lang", "fr", "planner", "--shipped", "2026-03-02", "--today", "2026-03-10")
    assert done.returncode == 0, done.stderr
    assert done.stdout.startswith("AGIR — Ouvrez un litige")


def test_the_calendar_name_is_cleaned_and_the_reader_told(tmp_path: Path) -> None:
    target = tmp_path / "order.ics"
    label = "\u202eOrder\u200b 12\u200f 👩\u200d👧"
    done = cli(
        *("planner", "--shipped", "2026-03-02", "--today", "2026-03-10"),
        *("--ics", str(target), "--label", label),
    )
    assert done.returncode == 0, done.stderr
    assert (
        "Invisible characters were left out of the name: the calendar shows “Order 12 👩\u200d👧”."
        in done.stderr
    )
    assert "SUMMARY:AliExpress order Order 12 👩\u200d👧: " in target.read_text(encoding="utf-8")


JUNK = st.one_of(
    st.text(max_size=20),
    st.sampled_from(["2026-02-29", "1999-12-31", "2101-01-01", "9999-12-31", "-1", "--json", "12"]),
    st.dates().map(date.isoformat),
)


def run_in_process(argv: list[str]) -> tuple[int, str, str]:
    stdout, stderr = io.StringIO(), io.StringIO()
    with redirect_stdout(stdout), redirect_stderr(stderr):
        try:
            status = run_cli(argv)
        except SystemExit as exit:  # argparse's own errors, through our one-line handler
            status = exit.code
    return int(status or 0), stdout.getvalue(), stderr.getvalue()


@settings(max_examples=200, deadline=None)
@given(
    slug=st.sampled_from(sorted(CALCULATORS)),
    values=st.lists(JUNK, min_size=0, max_size=5),
    today=JUNK,
)
def test_any_text_on_the_command_line_gets_a_result_or_error_lines(
    slug: str, values: list[str], today: str
) -> None:
    options = [f"--{spec.name.replace('_', '-')}" for spec in CALCULATORS[slug].inputs]
    argv = [slug, "--today", today]
    for option, value in zip(options, values, strict=False):
        argv += [option, value]
    status, out, err = run_in_process(argv)
    assert status in (0, 2)
    if status == 2:
        assert err.startswith("error: ") and "Traceback" not in err
        assert all(line.startswith("error: ") for line in err.splitlines())
    else:
        assert out.strip()


@settings(max_examples=150, deadline=None)
@given(data=st.data())
def test_every_refused_input_alone_gets_one_line_and_status_2(data: st.DataObject) -> None:
    slug = data.draw(st.sampled_from(sorted(CALCULATORS)))
    calculator = CALCULATORS[slug]
    spec = data.draw(st.sampled_from(calculator.inputs))
    bad = data.draw(st.sampled_from(["2026-02-30", "2099-01-01", "x", "-4", "13/01/2026"]))
    argv = [slug, "--today", "2026-03-10", f"--{spec.name.replace('_', '-')}", bad]
    status, out, err = run_in_process(argv)
    if status == 0:  # the bad text happened to be a valid choice or number
        return
    assert status == 2 and out == ""
    lines = err.splitlines()
    assert any(line.startswith(f"error: --{spec.name.replace('_', '-')} ") for line in lines)
    assert len(set(lines)) == len(lines)


def test_the_command_line_answers_in_french() -> None:
    done = cli(
        "planner",
        "--shipped",
        "2026-02-20",
        "--carrier",
        "China Post",
        "--today",
        "2026-03-10",
        "--lang",
        "fr",
    )
    assert done.returncode == 0, done.stderr
    first = done.stdout.splitlines()[0]
    assert "mars" in first and "Do this by" not in first
    english = cli(
        "planner", "--shipped", "2026-02-20", "--carrier", "China Post", "--today", "2026-03-10"
    )
    assert len(done.stdout.splitlines()) > 5 and done.stdout != english.stdout


# The facts of issue 21 on the command line.

SITUATION = ["--today", "2026-11-23"]


def test_tracking_says_delivered_is_arrived_no_with_a_date() -> None:
    done = cli("planner", "--arrived", "No", "--delivered", "2026-11-10", *SITUATION)
    assert done.returncode == 0, done.stderr
    lines = done.stdout.splitlines()
    assert lines[0] == "URGENT: Open a “not received” dispute by Wed 25 Nov 2026 (in 2 days)"
    assert lines[1].startswith("Open a “not received” dispute now")
    assert "Has it arrived? Tracking says delivered, but I don't have it" in done.stdout


def test_a_dispute_lost_gives_the_paypal_route() -> None:
    done = cli(
        "planner",
        *("--opened", "2026-10-20", "--rejected", "2026-11-20"),
        *("--paid", "2026-09-01", "--payment", "paypal"),
        *SITUATION,
    )
    assert done.returncode == 0, done.stderr
    assert (
        done.stdout.splitlines()[0] == "ACT: Open a PayPal dispute by Sun 28 Feb 2027 (in 97 days)"
    )
    assert "escalate it to a claim no later than 20 days after opening" in done.stdout.replace(
        "\n    ", " "
    )


@pytest.mark.parametrize(
    ("args", "line"),
    [
        (
            ["--opened", "2026-11-10", "--agreed", "2026-11-12", "--return-posted", "2026-11-11"],
            "error: --return-posted (Date you posted the return): This is before the day the "
            "return was agreed",
        ),
        (
            ["--opened", "2026-11-10", "--rejected", "2026-11-09"],
            "error: --rejected (Date the dispute closed without a refund): This is before the day "
            "you opened the dispute",
        ),
        (
            ["--shipped", "2026-11-01", "--paid", "2026-11-02"],
            "error: --paid (Date you paid): This is after the shipping date",
        ),
        (
            ["--shipped", "2026-11-01", "--paid", "2026-11-24"],
            "error: --paid (Date you paid): This is after today",
        ),
        (
            ["--shipped", "2026-11-01", "--payment", "cash"],
            'error: --payment (How you paid): "cash" is not in the list: choose PayPal',
        ),
    ],
)
def test_the_new_facts_refuse_bad_input_in_one_line(args: list[str], line: str) -> None:
    done = cli("planner", *args, *SITUATION)
    assert (done.returncode, done.stdout) == (2, "")
    (got,) = done.stderr.splitlines()
    assert got.startswith(line)


def test_help_explains_the_new_facts() -> None:
    text = cli("planner", "--help").stdout.replace("\n", " ")
    for option in ("--return-posted", "--rejected", "--paid", "--payment"):
        assert option in text
    assert "One of: PayPal, Credit card, Debit card, Other." in " ".join(text.split())


def test_a_fresh_checkout_answers_in_every_language_before_anything_is_compiled(
    tmp_path: Path,
) -> None:
    copy = tmp_path / "calculators"
    shutil.copytree(
        PROJECT / "calculators", copy, ignore=shutil.ignore_patterns("*.mo", "__pycache__")
    )
    assert not list(copy.rglob("*.mo"))
    english = cli("planner", "--shipped", "2026-03-02", "--today", "2026-03-10").stdout
    for lang in ("es", "pt-BR", "fr"):
        done = subprocess.run(
            [sys.executable, "-m", "calculators", "planner", "--shipped", "2026-03-02"]
            + ["--today", "2026-03-10", "--lang", lang],
            cwd=tmp_path,
            capture_output=True,
            text=True,
            stdin=subprocess.DEVNULL,
        )
        assert done.returncode == 0, done.stderr
        assert done.stdout.splitlines()[0] != english.splitlines()[0]


def test_the_installed_command_names_itself_as_called(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setattr(sys, "argv", ["/usr/local/bin/aliexpress-deadlines", "--help"])
    with pytest.raises(SystemExit):
        run_cli()
    assert capsys.readouterr().out.startswith("usage: aliexpress-deadlines [-h]")


def test_the_parsers_own_words_speak_the_readers_language() -> None:
    done = cli("dispute-window", "--arrived", "Oui", "--lang", "fr")
    assert done.returncode == 2
    assert done.stderr.startswith("erreur\u00a0: arguments non reconnus\u00a0: --arrived Oui")
    help_text = cli("planner", "--help", "--lang", "es").stdout
    assert "opciones:" in help_text and "options:" not in help_text
    assert "--shipped DD/MM/AAAA" in help_text and "YYYY" not in help_text
    wrong = cli("frobnicate", "--lang", "pt-BR")
    assert "CALCULATOR" not in wrong.stderr and "invalid choice" not in wrong.stderr


def test_a_package_built_from_a_clean_clone_answers_in_every_language(tmp_path: Path) -> None:
    """`pip install` of a clean clone: a wheel with the .po catalogs and no .mo at all."""
    clone, wheels, installed = tmp_path / "clone", tmp_path / "wheels", tmp_path / "site"
    clone.mkdir()
    archive = subprocess.run(
        ["git", "archive", "HEAD"], cwd=PROJECT, capture_output=True, check=True
    ).stdout
    subprocess.run(["tar", "-x", "-C", str(clone)], input=archive, check=True)
    subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--quiet", "--no-deps", "--no-build-isolation"]
        + ["--wheel-dir", str(wheels), str(clone)],
        check=True,
        stdin=subprocess.DEVNULL,
    )
    (wheel,) = wheels.glob("*.whl")
    shutil.unpack_archive(wheel, installed, "zip")
    assert not list(installed.rglob("*.mo")) and list(installed.rglob("*.po"))
    for lang, first in (("es", "ACTÚA"), ("pt-BR", "AJA"), ("fr", "AGIR")):
        done = subprocess.run(
            [sys.executable, "-m", "calculators", "planner", "--shipped", "14/10/2026"]
            + ["--today", "2026-11-23", "--lang", lang],
            cwd=tmp_path,
            env={**os.environ, "PYTHONPATH": str(installed)},
            capture_output=True,
            text=True,
            stdin=subprocess.DEVNULL,
        )
        assert done.returncode == 0, done.stderr
        assert done.stdout.startswith(first), done.stdout
