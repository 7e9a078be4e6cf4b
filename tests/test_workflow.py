"""The publishing workflow keeps its safety properties: checked on the file, not trusted."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path
from typing import Any

import yaml

from build_tools import paths

WORKFLOW = paths.REPO_ROOT / ".github" / "workflows" / "site.yml"
PINNED = re.compile(r"^[\w.-]+/[\w.-]+@(v\d+|[0-9a-f]{40})$")


def workflow() -> dict[Any, Any]:
    data = yaml.safe_load(WORKFLOW.read_text(encoding="utf-8"))
    assert isinstance(data, dict)
    return data


def steps(job: str) -> list[dict[str, Any]]:
    return list(workflow()["jobs"][job]["steps"])


def uses(job: str) -> list[str]:
    return [step["uses"] for step in steps(job) if "uses" in step]


def test_runs_on_pull_requests_and_pushes_to_main() -> None:
    triggers = workflow()[True]  # YAML 1.1 reads the key `on` as true
    assert triggers["push"]["branches"] == ["main"]
    assert "pull_request" in triggers


def test_least_permissions() -> None:
    assert workflow()["permissions"] == {"contents": "read"}
    assert "permissions" not in workflow()["jobs"]["build"]
    assert workflow()["jobs"]["deploy"]["permissions"] == {"pages": "write", "id-token": "write"}


def test_deploy_needs_a_successful_build_and_only_runs_on_main() -> None:
    deploy = workflow()["jobs"]["deploy"]
    assert deploy["needs"] == "build"
    assert "refs/heads/main" in deploy["if"] and "pull_request" in deploy["if"]
    assert uses("deploy")[-1].startswith("actions/deploy-pages@")
    assert any(u.startswith("actions/configure-pages@") for u in uses("deploy"))
    assert any(u.startswith("actions/upload-pages-artifact@") for u in uses("build"))


def test_build_validates_builds_strictly_and_tests_before_uploading() -> None:
    commands = [step.get("run", step.get("uses", "")) for step in steps("build")]
    order = [next(i for i, c in enumerate(commands) if c.startswith(prefix))
             for prefix in ("make validate", "make site", "make test", "actions/upload-pages")]
    assert order == sorted(order)


def test_one_deployment_at_a_time_and_pip_cache() -> None:
    assert workflow()["concurrency"]["cancel-in-progress"] is False
    assert "group" in workflow()["concurrency"]
    setup = next(s for s in steps("build") if s.get("uses", "").startswith("actions/setup-python"))
    assert setup["with"]["cache"] == "pip"


def test_every_action_is_pinned() -> None:
    for job in workflow()["jobs"]:
        for action in uses(job):
            assert PINNED.match(action), action


def test_valid_against_githubs_schema_and_clean_in_zizmor() -> None:
    bin_dir = Path(sys.executable).parent
    schema = subprocess.run([str(bin_dir / "check-jsonschema"), "--builtin-schema",
                             "vendor.github-workflows", str(WORKFLOW)],
                            capture_output=True, text=True, timeout=120)
    assert schema.returncode == 0, schema.stdout + schema.stderr
    audit = subprocess.run([str(bin_dir / "zizmor"), "--offline", "--format=json",
                            str(WORKFLOW.parent)], capture_output=True, text=True, timeout=120,
                           cwd=paths.REPO_ROOT)
    assert json.loads(audit.stdout) == [], audit.stdout
