"""The editing guide's error example is what the build really prints for that file."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

from build_tools import paths
from build_tools.load.stage import load
from build_tools.models.session import Session
from build_tools.validate.stage import validate

GUIDE = paths.REPO_ROOT / "content" / "editing.md"
UPDATE = "sessions/reconvened-concluding-session/updates/07-the-last-day.yaml"
SESSION = "title: Reconvened concluding session\nkind: concluding\nstart: 2024-07-29\n" \
          "end: 2024-08-09\ncity: New York\n"


def blocks(language: str, after: str) -> list[str]:
    text = GUIDE.read_text(encoding="utf-8").split(after, 1)[1]
    return re.findall(rf"```{language}\n(.*?)```", text, flags=re.DOTALL)


def test_error_example_matches_the_real_output(data_tree: Callable[..., Path]) -> None:
    broken = blocks("yaml", "## Read an error message")[0]
    expected = blocks("text", "## Read an error message")[0]
    data = data_tree({"sessions/reconvened-concluding-session/session.yaml": SESSION,
                      UPDATE: broken})
    result = subprocess.run([sys.executable, "-m", "build_tools", "--data", str(data), "validate"],
                            cwd=paths.REPO_ROOT, capture_output=True, text=True, timeout=60)
    assert result.returncode == 1
    assert result.stderr == expected


def test_example_update_in_the_guide_is_valid(data_tree: Callable[..., Path]) -> None:
    example = blocks("yaml", "## Add a daily update")[0]
    example = "\n".join(line.removeprefix("    ") for line in example.splitlines()) + "\n"
    example = example.replace("gitoc-daily-updates-reconvened", "daily-notes")
    data = data_tree({"sessions/reconvened-concluding-session/session.yaml": SESSION,
                      UPDATE: example})
    result = subprocess.run([sys.executable, "-m", "build_tools", "--data", str(data), "validate"],
                            cwd=paths.REPO_ROOT, capture_output=True, text=True, timeout=60)
    assert result.returncode == 0, result.stderr


def test_example_ratification_in_the_guide_is_one_valid_edit(tmp_path: Path) -> None:
    example = blocks("yaml", "## Record a signature or ratification")[0]
    data = tmp_path / "data"
    shutil.copytree(paths.DATA_DIR, data)
    record = data / "treaty-status.yaml"
    text = record.read_text(encoding="utf-8") + example
    record.write_text(re.sub(r"^as_of: .*$", "as_of: 2026-03-05", text, flags=re.MULTILINE),
                      encoding="utf-8")
    _dataset, diagnostics = validate(load(data, tmp_path))
    assert [str(d) for d in diagnostics] == []


def section(title: str) -> str:
    return GUIDE.read_text(encoding="utf-8").split(f"## {title}\n", 1)[1].split("\n## ", 1)[0]


def test_browser_walk_through_needs_nothing_installed(data_tree: Callable[..., Path]) -> None:
    steps = section("Publish from your browser, with nothing installed")
    for click in ("Create new file", "Create a new branch for this commit and start a pull "
                  "request", "Create pull request", "Check the data", "Files changed",
                  "Merge pull request"):
        assert click in steps, click
    assert "make " not in steps
    example = blocks("yaml", "## Publish from your browser")[0]
    example = "\n".join(line.removeprefix("    ") for line in example.splitlines()) + "\n"
    data = data_tree({"sessions/reconvened-concluding-session/session.yaml": SESSION,
                      UPDATE: example.replace("gitoc-daily-updates-reconvened", "daily-notes")})
    result = subprocess.run([sys.executable, "-m", "build_tools", "--data", str(data), "validate"],
                            cwd=paths.REPO_ROOT, capture_output=True, text=True, timeout=60)
    assert result.returncode == 0, result.stderr


def test_guide_says_how_to_keep_an_update_unpublished_and_publish_it() -> None:
    text = section("Keep an update unpublished")
    assert blocks("yaml", "## Keep an update unpublished")[0] == "unpublished: true\n"
    assert "delete the line" in text and "`draft`" in text


def test_warning_example_matches_the_real_output(tmp_path: Path) -> None:
    """The guide's update with article 24 written 99, in the shipped data: the warning and its
    count, last, as the guide shows them."""
    example = blocks("yaml", "## Add a daily update")[0]
    example = "\n".join(line.removeprefix("    ") for line in example.splitlines()) + "\n"
    data = tmp_path / "data"
    shutil.copytree(paths.DATA_DIR, data)
    (data / UPDATE).write_text(example.replace("article 24", "article 99"), encoding="utf-8")
    expected = blocks("text", "## Warnings")[0]
    expected = "".join(f"{line.removeprefix('    ')}\n" for line in expected.splitlines() if line.strip())
    result = subprocess.run([sys.executable, "-m", "build_tools", "--data", str(data), "validate"],
                            cwd=paths.REPO_ROOT, capture_output=True, text=True, timeout=120)
    assert result.returncode == 0
    assert result.stderr == expected


def test_example_session_in_the_guide_is_valid(tmp_path: Path) -> None:
    example = blocks("yaml", "## Add a session")[0]
    data = tmp_path / "data"
    shutil.copytree(paths.DATA_DIR, data)
    (data / "sessions/seventh-session").mkdir()
    (data / "sessions/seventh-session/session.yaml").write_text(example, encoding="utf-8")
    _dataset, diagnostics = validate(load(data, tmp_path))
    assert [str(d) for d in diagnostics] == []


def test_the_guide_explains_every_kind_of_session_the_model_knows() -> None:
    """A kind added to the model is one an editor must be able to choose from the guide alone."""
    from build_tools.tools.scaffold import session_kinds

    text = section("Add a session")
    missing = [k for k in session_kinds() if f"- `{k}`: " not in text]
    assert not missing, f"explain these kinds of session in the guide's 'Add a session': {missing}"
    for field in Session.model_fields:
        assert f"`{field}`" in text, field
    assert "make new-session SESSION=" in text and "data/status.yaml" in text
