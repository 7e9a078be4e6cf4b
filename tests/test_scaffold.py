"""`python -m build_tools new-update`: the next numbered file, unpublished until written."""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

from build_tools import paths
from build_tools.errors import DataError
from build_tools.tools.scaffold import session_kinds
from tests.conftest import build


def new_update(data: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "build_tools", "--data", str(data), "new-update",
                           *args], cwd=paths.REPO_ROOT, capture_output=True, text=True, timeout=60)


def test_writes_the_next_number_with_the_date_and_prints_the_path(
        data_tree: Callable[..., Path]) -> None:
    data = data_tree()
    result = new_update(data, "alpha-session", "Day four: the finale", "--date", "2023-08-24")
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "data/sessions/alpha-session/updates/04-day-four-the-finale.yaml"
    written = data / "sessions/alpha-session/updates/04-day-four-the-finale.yaml"
    text = written.read_text(encoding="utf-8")
    assert "number: 4\n" in text and 'title: "Day four: the finale"\n' in text
    assert "date: 2023-08-24\n" in text
    assert "\nunpublished: true\n" in text


def test_a_forgotten_scaffold_fails_and_a_written_one_stays_unpublished_until_released(
        data_tree: Callable[..., Path]) -> None:
    data = data_tree()
    new_update(data, "alpha-session", "Day four", "--date", "2023-08-24")
    written = data / "sessions/alpha-session/updates/04-day-four.yaml"
    with pytest.raises(DataError) as caught:
        build(data)
    path = "data/sessions/alpha-session/updates/04-day-four.yaml"
    assert caught.value.report().splitlines() == [
        f"{path}:7:10: error: summary: nothing is written here; write one or two plain sentences "
        "for the lists, the home page and the feed",
        f"{path}:8:7: error: body: nothing is written here; write the text of the update (Markdown)",
        "Build stopped: 2 errors and 0 warnings in 1 file.",
    ]
    text = written.read_text(encoding="utf-8").replace('summary: ""', "summary: Short.")
    written.write_text(text.replace("body: |\n", "body: |\n  Text.\n"), encoding="utf-8")
    page = "sessions/alpha-session/updates/04-day-four.md"
    assert page not in build(data).files
    released = "".join(line for line in written.read_text(encoding="utf-8").splitlines(True)
                       if "unpublished" not in line)
    written.write_text(released, encoding="utf-8")
    assert page in build(data).files


def test_first_update_of_a_session_is_number_one(data_tree: Callable[..., Path]) -> None:
    data = data_tree()
    result = new_update(data, "beta-session", "Opening", "--date", "2024-07-29")
    assert result.stdout.strip() == "data/sessions/beta-session/updates/01-opening.yaml"


def test_unknown_session_gets_a_suggestion(data_tree: Callable[..., Path]) -> None:
    result = new_update(data_tree(), "alpha-sesion", "X")
    assert result.returncode == 1
    assert result.stderr.strip() == "error: there is no session 'alpha-sesion'; did you mean " \
                                    "'alpha-session'?"


def make(data: Path, target: str, **variables: str) -> subprocess.CompletedProcess[str]:
    """`make <target> NAME=value ...` as the guide writes it, on the data tree `data`."""
    env = dict(os.environ, BRIEFING_DATA_DIR=str(data))
    return subprocess.run(["make", "-s", target, *(f"{k}={v}" for k, v in variables.items())],
                          cwd=paths.REPO_ROOT, env=env, capture_output=True, text=True,
                          timeout=120)


def test_make_new_update_takes_the_date(data_tree: Callable[..., Path]) -> None:
    data = data_tree()
    result = make(data, "new-update", SESSION="alpha-session", TITLE="Day four", DATE="2023-08-24")
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "data/sessions/alpha-session/updates/04-day-four.yaml"
    text = (data / "sessions/alpha-session/updates/04-day-four.yaml").read_text(encoding="utf-8")
    assert "date: 2023-08-24\n" in text
    wrong = make(data, "new-update", SESSION="alpha-session", TITLE="Day five", DATE="2023-08-32")
    assert wrong.returncode != 0
    assert wrong.stderr.splitlines()[0] == ("error: date: expected a date YYYY-MM-DD that exists "
                                            "in the calendar, received '2023-08-32'")


@pytest.mark.parametrize("kind", session_kinds())
def test_a_session_of_every_kind_the_model_knows_is_scaffolded_valid(
        kind: str, data_tree: Callable[..., Path]) -> None:
    """The kinds come from the model: one added there is scaffolded and published at once."""
    data = data_tree()
    result = make(data, "new-session", SESSION="gamma-session", KIND=kind, START="2024-09-02",
                  END="2024-09-06", CITY="New York")
    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines() == [
        "data/sessions/gamma-session/session.yaml",
        'Its updates: make new-update SESSION=gamma-session TITLE="..." DATE=YYYY-MM-DD']
    written = (data / "sessions/gamma-session/session.yaml").read_text(encoding="utf-8")
    assert f"\nkind: {kind}\n" in written and 'title: "Gamma session"\n' in written
    generated = build(data)
    assert "sessions/gamma-session/index.md" in generated.files
    assert generated.warnings == []


def test_a_new_session_without_its_city_is_asked_for_it(data_tree: Callable[..., Path]) -> None:
    data = data_tree()
    assert make(data, "new-session", SESSION="gamma-session", KIND="negotiating",
                START="2024-09-02").returncode == 0
    with pytest.raises(DataError) as caught:
        build(data)
    assert caught.value.report().splitlines()[:-1] == [
        "data/sessions/gamma-session/session.yaml:7:7: error: city: expected some text, "
        "received ''"]


@pytest.mark.parametrize(("variables", "message"), [
    ({}, 'error: usage: make new-session SESSION=<session-id> KIND=<kind> START=YYYY-MM-DD '
         'END=YYYY-MM-DD CITY="City" [TITLE="Title"]; the kinds are '
         + " or ".join([", ".join(f"'{k}'" for k in session_kinds()[:-1]),
                        f"'{session_kinds()[-1]}'"])),
    ({"SESSION": "Gamma", "KIND": "negotiating"},
     "error: the session folder name 'Gamma' is not a valid id: use lowercase letters, digits "
     "and hyphens"),
    ({"SESSION": "alpha-session", "KIND": "negotiating"},
     "error: the session 'alpha-session' exists already: session.yaml is in its folder"),
    ({"SESSION": "gamma-session", "KIND": "negociating"},
     "error: kind: unknown kind 'negociating'; did you mean 'negotiating'?"),
    ({"SESSION": "gamma-session", "KIND": "negotiating", "START": "2024-09-06",
      "END": "2024-09-02"},
     "error: end: the session ends (2024-09-02) before it starts (2024-09-06)"),
])
def test_a_new_session_that_cannot_be_written_says_why(
        variables: dict[str, str], message: str, data_tree: Callable[..., Path]) -> None:
    data = data_tree()
    result = make(data, "new-session", **variables)
    assert result.returncode != 0
    assert result.stderr.splitlines()[0] == message
    assert not (data / "sessions/gamma-session").exists()
