"""`python -m build_tools new-update`: the next numbered file, unpublished until written."""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

from build_tools import paths
from build_tools.errors import DataError
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
