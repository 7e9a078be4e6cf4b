"""The commands editors and CI run: exit codes, messages, no tracebacks, the last site kept."""

from __future__ import annotations

import hashlib
import os
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

from build_tools import paths
from build_tools.engine.publish import build_site
from tests.conftest import build

BROKEN_UPDATE = "number: 4\ntitle: Broken\ndate: 2024-02-30\nsummary: s\nbody: b\n"


def run(*args: str, data: Path | None = None) -> subprocess.CompletedProcess[str]:
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1")
    if data is not None:
        env["BRIEFING_DATA_DIR"] = str(data)
    return subprocess.run([sys.executable, *args], cwd=paths.REPO_ROOT, env=env,
                          capture_output=True, text=True, timeout=300)


def tree_digest(directory: Path) -> dict[str, str]:
    return {p.relative_to(directory).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(directory.rglob("*")) if p.is_file()}


def test_validate_reports_every_problem_and_exits_1(data_tree: Callable[..., Path]) -> None:
    data = data_tree({"sessions/alpha-session/updates/04-x.yaml": BROKEN_UPDATE,
                      "notes.txt": "x"})
    result = run("-m", "build_tools", "--data", str(data), "validate")
    assert result.returncode == 1
    lines = result.stderr.splitlines()
    assert lines[0].startswith("data/notes.txt:1:1: error: ")
    assert lines[1].startswith("data/sessions/alpha-session/updates/04-x.yaml:3:7: error: date: ")
    assert lines[-1] == "Build stopped: 2 errors and 0 warnings in 2 files."
    assert "Traceback" not in result.stderr


def test_validate_accepts_good_data(data_tree: Callable[..., Path]) -> None:
    result = run("-m", "build_tools", "--data", str(data_tree()), "validate")
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("data is valid: ")


def test_build_writes_the_generated_markdown(data_tree: Callable[..., Path], tmp_path: Path) -> None:
    out = tmp_path / "generated"
    result = run("-m", "build_tools", "--data", str(data_tree()), "build", "--out", str(out))
    assert result.returncode == 0, result.stderr
    assert (out / "sessions/alpha-session/updates/02-second-day.md").is_file()
    again = run("-m", "build_tools", "--data", str(data_tree()), "build", "--out", str(out))
    assert again.stdout.startswith("0 files written, ")
    assert ", 0 removed," in again.stdout


def test_mkdocs_build_on_bad_data_prints_the_problems_without_traceback(
        data_tree: Callable[..., Path], tmp_path: Path) -> None:
    data = data_tree({"sessions/alpha-session/updates/04-x.yaml": BROKEN_UPDATE})
    result = run("-m", "mkdocs", "build", "--site-dir", str(tmp_path / "s"), data=data)
    assert result.returncode == 1
    assert ("data/sessions/alpha-session/updates/04-x.yaml:3:7: error: date: expected a date "
            "YYYY-MM-DD that exists in the calendar, received '2024-02-30'") in result.stderr
    assert "Traceback" not in result.stderr


def test_a_failed_build_leaves_the_last_site_as_it_was(
        data_tree: Callable[..., Path], tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    site = tmp_path / "site"
    monkeypatch.setenv("BRIEFING_DATA_DIR", str(data_tree()))
    assert build_site(site) == 0
    before = tree_digest(site)
    assert "sessions/alpha-session/updates/02-second-day/index.html" in before
    monkeypatch.setenv("BRIEFING_DATA_DIR", str(data_tree(
        {"sessions/alpha-session/updates/02-second-day.yaml": BROKEN_UPDATE})))
    assert build_site(site) == 1
    assert tree_digest(site) == before
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".site-")] == []


def test_a_new_update_file_appears_everywhere_without_code_change(
        data_tree: Callable[..., Path]) -> None:

    data = data_tree({"sessions/beta-session/updates/01-first-news.yaml": (
        "number: 1\ntitle: First news\ndate: 2024-07-30\nsummary: Something new.\nbody: Text.\n")})
    files = build(data).files
    page = "sessions/beta-session/updates/01-first-news.md"
    assert page in files
    for listing, link in (("index.md", "sessions/beta-session/updates/01-first-news/"),
                          ("sessions/beta-session/index.md", "updates/01-first-news/"),
                          ("updates/index.md", "../sessions/beta-session/updates/01-first-news/")):
        assert f'<a href="{link}">#1: First news</a>' in files[listing].decode(), listing


ARTICLE_99 = ("data/sessions/alpha-session/updates/02-second-day.yaml:9:25: warning: body: "
              "'article 99': no article of the convention is known to have been article 99 of "
              "the first text; check the number, or set 'draft' to the text it refers to")
COUNT = ("1 warning in 1 file (the site is built and published all the same; fix it when you "
         "can)")


def with_a_warning(data_tree: Callable[..., Path]) -> Path:
    update = "sessions/alpha-session/updates/02-second-day.yaml"
    text = (paths.REPO_ROOT / "tests/fixtures/minimal/data" / update).read_text(encoding="utf-8")
    return data_tree({update: text.replace("article 3,2", "article 99")})


def test_validate_prints_every_warning_last_with_their_count(
        data_tree: Callable[..., Path], tmp_path: Path) -> None:
    env = dict(os.environ, BRIEFING_CACHE_DIR=str(tmp_path / "cold"))
    for cache in ("cold", "warm"):
        result = subprocess.run(
            [sys.executable, "-m", "build_tools", "--data", str(with_a_warning(data_tree)),
             "validate"], cwd=paths.REPO_ROOT, env=env, capture_output=True, text=True,
            timeout=300)
        assert result.returncode == 0, cache
        assert result.stdout.startswith("data is valid: ")
        assert result.stderr.splitlines() == [ARTICLE_99, COUNT], cache


def test_make_site_prints_every_warning_last_and_publishes_no_trace_of_them(
        data_tree: Callable[..., Path], tmp_path: Path) -> None:
    """`python -m build_tools site` (make site) builds with --strict and --quiet: a warning
    neither stops it nor goes unseen, from a cold cache too; the built pages carry no banner."""
    data = with_a_warning(data_tree)
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1", BRIEFING_DATA_DIR=str(data),
               BRIEFING_CACHE_DIR=str(tmp_path / "cold"))
    site = tmp_path / "site"
    result = subprocess.run([sys.executable, "-m", "build_tools", "site", "--site-dir", str(site)],
                            cwd=paths.REPO_ROOT, env=env, capture_output=True, text=True,
                            timeout=600)
    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines()[-1] == ("Site built in site/: open site/index.html, or run "
                                              "'make serve' for a live preview.")
    assert result.stderr.splitlines() == [ARTICLE_99, COUNT]
    pages = [p.read_text(encoding="utf-8") for p in site.rglob("*.html")]
    assert pages and not [p for p in pages if "data-warnings" in p]
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".site-")] == []


def test_a_strict_mkdocs_build_is_not_stopped_by_a_warning(
        data_tree: Callable[..., Path], tmp_path: Path) -> None:
    result = run("-m", "mkdocs", "build", "--strict", "--site-dir", str(tmp_path / "s"),
                 data=with_a_warning(data_tree))
    assert result.returncode == 0, result.stderr
    assert ARTICLE_99 in result.stderr.splitlines()
    assert "not included in the" not in result.stderr
