"""In GitHub Actions every problem is also a workflow command, shown on its line of the diff."""

from __future__ import annotations

import io
import os
import re
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

from build_tools import paths
from build_tools.errors import Location, error, warning
from build_tools.report import announce, workflow_command

UPDATES = "sessions/alpha-session/updates"
GOOD_UPDATE = "number: 4\ntitle: A fourth day\ndate: 2023-08-23\nsummary: Short.\nbody: Text.\n"
COMMAND = re.compile(r"^::(error|warning) file=([^,]+),line=(\d+),col=(\d+)::(.*)$")
PLAIN = re.compile(r"^(\S+?):(\d+):(\d+): (error|warning): (.*)$")


def validate(data: Path, actions: bool) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if k != "GITHUB_ACTIONS"}
    if actions:
        env["GITHUB_ACTIONS"] = "true"
    return subprocess.run([sys.executable, "-m", "build_tools", "--data", str(data), "validate"],
                          cwd=paths.REPO_ROOT, env=env, capture_output=True, text=True, timeout=120)


def test_every_error_and_warning_is_a_workflow_command(data_tree: Callable[..., Path]) -> None:
    data = data_tree({
        f"{UPDATES}/04-x.yaml": GOOD_UPDATE.replace("title:", "tittle:").replace(
            "summary: Short.", 'summary: ""'),
        f"{UPDATES}/05-y.yaml": GOOD_UPDATE.replace("number: 4", "number: 5").replace(
            "2023-08-23", "2023-09-02"),
    })
    result = validate(data, actions=True)
    assert result.returncode == 1
    commands = [COMMAND.match(line) for line in result.stdout.splitlines()]
    assert all(commands), result.stdout
    plain = [PLAIN.match(line) for line in result.stderr.splitlines()[:-1]]
    assert [(m[1], m[2], m[3], m[4], m[5]) for m in commands if m] == [
        (m[4], m[1], m[2], m[3], m[5]) for m in plain if m]
    assert [m.groups() for m in commands if m] == [
        ("error", "data/sessions/alpha-session/updates/04-x.yaml", "2", "1",
         "unknown field 'tittle'; did you mean 'title'?"),
        ("error", "data/sessions/alpha-session/updates/04-x.yaml", "4", "10",
         "summary: nothing is written here; write one or two plain sentences for the lists, "
         "the home page and the feed"),
        ("warning", "data/sessions/alpha-session/updates/05-y.yaml", "3", "7",
         "date: 2023-09-02 is after the session ended (2023-09-01)"),
    ]


def test_outside_actions_the_output_is_unchanged(data_tree: Callable[..., Path]) -> None:
    data = data_tree({f"{UPDATES}/04-x.yaml": GOOD_UPDATE.replace("2023-08-23", "2024-02-30")})
    inside, outside = validate(data, actions=True), validate(data, actions=False)
    assert outside.stdout == ""
    assert outside.stderr == inside.stderr == (
        "data/sessions/alpha-session/updates/04-x.yaml:3:7: error: date: expected a date "
        "YYYY-MM-DD that exists in the calendar, received '2024-02-30'\n"
        "Build stopped: 1 error and 0 warnings in 1 file.\n")
    assert inside.stdout == (
        "::error file=data/sessions/alpha-session/updates/04-x.yaml,line=3,col=7::date: expected "
        "a date YYYY-MM-DD that exists in the calendar, received '2024-02-30'\n")


def test_warnings_of_valid_data_are_announced_too(data_tree: Callable[..., Path]) -> None:
    data = data_tree({f"{UPDATES}/04-x.yaml": GOOD_UPDATE.replace("2023-08-23", "2023-09-02")})
    result = validate(data, actions=True)
    assert result.returncode == 0
    assert result.stdout.splitlines()[1:] == [
        "::warning file=data/sessions/alpha-session/updates/04-x.yaml,line=3,col=7::date: "
        "2023-09-02 is after the session ended (2023-09-01)"]


def test_commands_escape_what_the_runner_would_read_as_syntax() -> None:
    odd = error(Location("data/a,b:c.yaml", 2, 3), "100% sure, really: yes")
    assert workflow_command(odd) == (
        "::error file=data/a%2Cb%3Ac.yaml,line=2,col=3::100%25 sure, really: yes")
    out = io.StringIO()
    announce([warning(Location("data/x.yaml"), "w")], environ={"GITHUB_ACTIONS": "true"},
             stream=out)
    announce([warning(Location("data/x.yaml"), "w")], environ={}, stream=out)
    assert out.getvalue() == "::warning file=data/x.yaml,line=1,col=1::w\n"
