"""What an editor or maintainer opens: the dev container, the editor settings, the pre-commit
hook, the pull-request checklist, the lock file and the README's setup."""

from __future__ import annotations

import json
import re
import tomllib
from importlib import metadata

import yaml
from packaging.requirements import Requirement

from build_tools import paths
from build_tools.tools.schemas import editor_settings

ROOT = paths.REPO_ROOT
LOCK = ROOT / "requirements.txt"
PINNED = re.compile(r"^([A-Za-z0-9._-]+)==([^\s;]+)$")


def lock() -> dict[str, str]:
    """Package name (normalised) -> exact version, from the lock file."""
    pins: dict[str, str] = {}
    for line in LOCK.read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.lstrip().startswith("#"):
            match = PINNED.match(line.strip())
            assert match, f"not an exact pin: {line!r}"
            pins[_name(match[1])] = match[2]
    return pins


def _name(name: str) -> str:
    return re.sub(r"[-_.]+", "-", name).lower()


def test_the_lock_pins_every_dependency_of_the_project_and_its_tests() -> None:
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    pins = lock()
    for spec in [*project["dependencies"], *project["optional-dependencies"]["test"]]:
        requirement = Requirement(spec)
        assert _name(requirement.name) in pins, requirement.name
        assert requirement.specifier.contains(pins[_name(requirement.name)]), spec


def test_the_environment_is_the_lock_file() -> None:
    pins = lock()
    for name, version in pins.items():
        assert metadata.version(name) == version, name


def test_make_installs_from_the_lock_then_the_project_without_resolving() -> None:
    makefile = (ROOT / "Makefile").read_text(encoding="utf-8")
    stamp = makefile.split("$(STAMP):", 1)[1].split("\n\n", 1)[0]
    assert "pip install --quiet -r $(LOCK)" in stamp
    assert "pip install --quiet --no-deps -e ." in stamp
    assert "LOCK := requirements.txt" in makefile and "pip-compile" in makefile


def test_dev_container_opens_ready_to_preview_with_the_schemas_wired() -> None:
    container = json.loads((ROOT / ".devcontainer" / "devcontainer.json").read_text())
    assert "python:1-3.11" in container["image"]
    assert container["postCreateCommand"] == "make site"
    assert 8000 in container["forwardPorts"]
    assert "make serve" in container["postAttachCommand"].values()
    vscode = container["customizations"]["vscode"]
    assert "redhat.vscode-yaml" in vscode["extensions"]
    assert json.dumps(vscode["settings"], indent=2) + "\n" == editor_settings()


def test_the_yaml_extension_is_recommended() -> None:
    recommended = json.loads((ROOT / ".vscode" / "extensions.json").read_text())
    assert recommended == {"recommendations": ["redhat.vscode-yaml"]}


def test_pre_commit_checks_the_data_when_a_data_file_changes() -> None:
    config = yaml.safe_load((ROOT / ".pre-commit-config.yaml").read_text(encoding="utf-8"))
    (repo,) = config["repos"]
    (hook,) = repo["hooks"]
    assert repo["repo"] == "local" and hook["language"] == "system"
    assert hook["pass_filenames"] is False
    files = re.compile(hook["files"])
    assert files.search("data/sessions/x/updates/01-a.yaml") and files.search("data/status.yaml")
    assert not files.search("content/editing.md") and not files.search("build_tools/x.py")
    target = hook["entry"].split()[-1]
    assert hook["entry"].startswith("make ")
    assert re.search(rf"^{target}: ", (ROOT / "Makefile").read_text(), flags=re.MULTILINE)


def test_the_pull_request_template_holds_the_editors_checklist() -> None:
    template = (ROOT / ".github" / "pull_request_template.md").read_text(encoding="utf-8")
    boxes = re.findall(r"^- \[ \] (.+)$", template, flags=re.MULTILINE)
    assert len(boxes) >= 4
    for needed in ("summary", "sources", "unpublished: true", "Check the data", "Files changed"):
        assert needed in template, needed


def test_readme_quick_start_is_two_commands_and_names_the_pages_setting() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    quick = readme.split("## Quick start", 1)[1].split("```sh\n", 1)[1].split("```", 1)[0]
    assert quick.splitlines() == ["make site", "make test"]
    assert "Source: GitHub Actions" in readme and "requirements.txt" in readme
