"""The workflows keep their safety and speed properties: checked on the files, not trusted."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
import yaml

from build_tools import paths

WORKFLOWS = paths.REPO_ROOT / ".github" / "workflows"
SITE = WORKFLOWS / "site.yml"
CHECKS = WORKFLOWS / "checks.yml"
IMPORT = WORKFLOWS / "import-status.yml"
DEPENDABOT = paths.REPO_ROOT / ".github" / "dependabot.yml"
PINNED = re.compile(r"^[\w.-]+/[\w.-]+@(v\d+|[0-9a-f]{40})$")
BIN = Path(sys.executable).parent


def load(path: Path) -> dict[Any, Any]:
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    assert isinstance(data, dict)
    return data


def steps(path: Path, job: str) -> list[dict[str, Any]]:
    return list(load(path)["jobs"][job]["steps"])


def uses(path: Path, job: str) -> list[str]:
    return [step["uses"] for step in steps(path, job) if "uses" in step]


def commands(path: Path, job: str) -> list[str]:
    return [step.get("run", step.get("uses", "")) for step in steps(path, job)]


def every_job() -> list[tuple[Path, str]]:
    return [(path, job) for path in sorted(WORKFLOWS.glob("*.yml")) for job in load(path)["jobs"]]


def test_publishing_runs_on_pushes_to_main_and_checks_on_pull_requests() -> None:
    site, checks = load(SITE)[True], load(CHECKS)[True]  # YAML 1.1 reads the key `on` as true
    assert site["push"]["branches"] == ["main"]
    assert "pull_request" not in site
    assert "pull_request" in checks and checks["schedule"]


def test_least_permissions() -> None:
    for path in (SITE, CHECKS):
        assert load(path)["permissions"] == {"contents": "read"}
    jobs = load(SITE)["jobs"]
    assert jobs["build"]["permissions"] == {"contents": "read", "pages": "read"}
    assert jobs["deploy"]["permissions"] == {"pages": "write", "id-token": "write"}
    assert all("permissions" not in job for job in load(CHECKS)["jobs"].values())


def test_deploy_needs_a_successful_build_and_only_runs_on_main() -> None:
    deploy = load(SITE)["jobs"]["deploy"]
    assert deploy["needs"] == "build"
    assert "refs/heads/main" in deploy["if"] and "pull_request" in deploy["if"]
    assert uses(SITE, "deploy") == [u for u in uses(SITE, "deploy")
                                    if u.startswith("actions/deploy-pages@")]
    assert any(u.startswith("actions/upload-pages-artifact@") for u in uses(SITE, "build"))


def test_the_deploy_path_validates_builds_strictly_and_skips_the_test_suite() -> None:
    build = commands(SITE, "build")
    order = [next(i for i, c in enumerate(build) if c.startswith(prefix))
             for prefix in ("make validate", "make site", "actions/upload-pages")]
    assert order == sorted(order)
    text = SITE.read_text(encoding="utf-8")
    for slow in ("make test", "pytest", "playwright", "CHROMIUM"):
        assert slow not in text, slow


def test_the_build_uses_the_address_configure_pages_gives() -> None:
    build = steps(SITE, "build")
    pages = next(i for i, s in enumerate(build) if s.get("uses", "").startswith(
        "actions/configure-pages@"))
    site = next(i for i, s in enumerate(build) if s.get("run") == "make site")
    assert pages < site
    assert build[site]["env"]["SITE_URL"] == f"${{{{ steps.{build[pages]['id']}.outputs.base_url }}}}/"
    assert "github.io" not in SITE.read_text(encoding="utf-8")
    assert "SITE_URL" in (paths.REPO_ROOT / "mkdocs.yml").read_text(encoding="utf-8")


def test_the_full_suite_runs_on_pull_requests_with_a_browser() -> None:
    test = commands(CHECKS, "test")
    assert "make test" in test and "make lint" in test
    assert load(CHECKS)["jobs"]["test"]["steps"][-1]["env"]["CHROMIUM"]
    assert commands(CHECKS, "data")[-2:] == ["make validate", "make site"]


@pytest.mark.parametrize("path, job", every_job(), ids=lambda v: getattr(v, "name", v))
def test_every_job_has_a_timeout(path: Path, job: str) -> None:
    minutes = load(path)["jobs"][job]["timeout-minutes"]
    assert isinstance(minutes, int) and 0 < minutes <= 30


def test_deploys_are_never_cancelled_pull_request_runs_are() -> None:
    site, checks = load(SITE)["concurrency"], load(CHECKS)["concurrency"]
    assert site["cancel-in-progress"] is False and site["group"] == "pages"
    assert checks["cancel-in-progress"] == "${{ github.event_name == 'pull_request' }}"
    assert "pull_request.number" in checks["group"]


def test_dependencies_come_from_the_lock_file_and_are_cached_on_it() -> None:
    for path, job in every_job():
        for step in steps(path, job):
            if step.get("uses", "").startswith("actions/setup-python"):
                assert step["with"]["cache"] == "pip"
                assert step["with"]["cache-dependency-path"] == "requirements.txt"
            assert "pip install" not in step.get("run", "")  # make installs, from the lock


def test_every_action_is_pinned() -> None:
    for path, job in every_job():
        for action in uses(path, job):
            assert PINNED.match(action), action


def test_dependabot_updates_python_packages_and_actions() -> None:
    ecosystems = {u["package-ecosystem"]: u for u in load(DEPENDABOT)["updates"]}
    assert set(ecosystems) == {"pip", "github-actions"}
    assert all(u["directory"] == "/" for u in ecosystems.values())


def test_the_depositary_import_runs_weekly_and_on_demand_only() -> None:
    triggers = load(IMPORT)[True]
    assert set(triggers) == {"schedule", "workflow_dispatch"}
    (cron,) = [entry["cron"] for entry in triggers["schedule"]]
    minute, hour, day, month, weekday = cron.split()
    assert (day, month) == ("*", "*") and weekday.isdigit() and minute.isdigit()
    assert load(IMPORT)["concurrency"]["cancel-in-progress"] is False


def test_the_depositary_import_has_write_permissions_in_its_job_only() -> None:
    workflow = load(IMPORT)
    assert workflow["permissions"] == {}
    (job,) = workflow["jobs"].values()
    assert job["permissions"] == {"contents": "write", "pull-requests": "write"}
    checkout = next(s for s in steps(IMPORT, "import") if s.get("uses", "").startswith(
        "actions/checkout@"))
    assert checkout["with"]["persist-credentials"] is False
    assert checkout["with"]["ref"] == "main"


def test_the_depositary_import_never_pushes_to_main() -> None:
    runs = [s for s in steps(IMPORT, "import") if "run" in s]
    pushes = [line.strip() for s in runs for line in s["run"].replace("\\\n", " ").splitlines()
              if "git push" in line]
    assert len(pushes) == 1 and pushes[0].endswith('"HEAD:refs/heads/$BRANCH"')
    proposal = next(s for s in runs if "git push" in s["run"])
    assert proposal["env"]["BRANCH"] not in ("main", "master", "gh-pages")
    assert "--base main" in proposal["run"] and "--head \"$BRANCH\"" in proposal["run"]
    assert not any(u for u in uses(IMPORT, "import") if not u.startswith("actions/"))
    text = IMPORT.read_text(encoding="utf-8")
    assert "refs/heads/main" not in text and "push origin" not in text


def test_the_depositary_import_fails_on_a_failed_read_and_proposes_only_a_change() -> None:
    runs = {s.get("name"): s for s in steps(IMPORT, "import")}
    read = runs["Read the depositary's record"]
    # bash -eo pipefail: the import's exit status, not tee's, decides the step.
    assert read["shell"] == "bash" and read["run"].startswith("make --silent import-status |")
    assert "Nothing new" in runs["Anything new?"]["run"]
    for later in ("Check the data", "Open or update the pull request"):
        assert runs[later]["if"] == "steps.changed.outputs.changed == 'true'"
    assert runs["Check the data"]["run"] == "make validate"


def check_jsonschema(schema: str, *files: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run([str(BIN / "check-jsonschema"), "--builtin-schema", schema,
                           *map(str, files)], capture_output=True, text=True, timeout=120)


def test_valid_against_githubs_schemas_and_clean_in_zizmor() -> None:
    workflows = sorted(WORKFLOWS.glob("*.yml"))
    for schema, files in (("vendor.github-workflows", workflows),
                          ("custom.github-workflows-require-timeout", workflows),
                          ("vendor.dependabot", [DEPENDABOT])):
        result = check_jsonschema(schema, *files)
        assert result.returncode == 0, result.stdout + result.stderr
    audit = subprocess.run([str(BIN / "zizmor"), "--offline", "--format=json", str(WORKFLOWS)],
                           capture_output=True, text=True, timeout=120, cwd=paths.REPO_ROOT)
    assert json.loads(audit.stdout) == [], audit.stdout
