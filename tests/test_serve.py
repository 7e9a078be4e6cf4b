"""`mkdocs serve` rebuilds when an editor saves a data file, and survives a broken one."""

from __future__ import annotations

import contextlib
import json
import os
import shutil
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from build_tools import paths
from tests.conftest import MINIMAL_DATA

PAGE = "sessions/alpha-session/updates/02-second-day/"


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def fetch(url: str) -> str:
    try:
        with urllib.request.urlopen(url, timeout=5) as response:
            return str(response.read().decode("utf-8"))
    except OSError:
        return ""


def wait_for(url: str, text: str, seconds: float = 90) -> bool:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if text in fetch(url):
            return True
        time.sleep(0.5)
    return False


@contextlib.contextmanager
def serve(data: Path, ready: str = "Second day", repo: Path = paths.REPO_ROOT, page: str = PAGE,
          **env: str) -> Iterator[str]:
    """`mkdocs serve` of a data tree, as `make serve` runs it in `repo`; yields the site's base
    URL once `page` shows `ready`, and stops it as an editor does (Ctrl-C). Its output goes to
    serve.log beside the data folder."""
    port = free_port()
    environment = dict(os.environ, BRIEFING_DATA_DIR=str(data), NO_MKDOCS_2_WARNING="1", **env)
    log = data.parent / "serve.log"
    with log.open("w") as output:
        server = subprocess.Popen(
            [sys.executable, "-m", "mkdocs", "serve", "--dirty", "--livereload", "-a",
             f"127.0.0.1:{port}"],
            cwd=repo, env=environment, stdout=output, stderr=subprocess.STDOUT)
        base = f"http://127.0.0.1:{port}/un-cybercrime-briefing/"
        try:
            assert wait_for(base + page, ready), "mkdocs serve did not start"
            yield base
            assert server.poll() is None, "mkdocs serve stopped"
        finally:
            server.send_signal(signal.SIGINT)
            try:
                server.wait(timeout=30)
            except subprocess.TimeoutExpired:
                server.kill()
                server.wait()


@pytest.fixture
def served(data_tree: Callable[..., Path]) -> Iterator[tuple[str, Path]]:
    data = data_tree()
    with serve(data) as base:
        yield base, data


def indexed_pages(base: str) -> set[str]:
    """The pages in the served search index."""
    index = json.loads(fetch(base + "search/search_index.json") or "{}")
    return {doc["location"].split("#")[0] for doc in index.get("docs", [])}


def test_serve_rebuilds_after_a_data_file_is_saved(served: tuple[str, Path]) -> None:
    base, data = served
    pages = indexed_pages(base)
    assert PAGE in pages and "" in pages  # the update and the home page
    update = data / "sessions/alpha-session/updates/02-second-day.yaml"
    broken = update.read_text(encoding="utf-8").replace("date: 2023-08-22", "date: 2023-02-30")
    update.write_text(broken, encoding="utf-8")
    log = data.parent / "serve.log"
    deadline = time.monotonic() + 60
    while "2023-02-30" not in log.read_text() and time.monotonic() < deadline:
        time.sleep(0.5)
    output = log.read_text()
    assert ("data/sessions/alpha-session/updates/02-second-day.yaml:3:7: error: date: expected a "
            "date YYYY-MM-DD that exists in the calendar, received '2023-02-30'") in output
    assert "Traceback" not in output
    fixed = broken.replace("date: 2023-02-30", "date: 2023-08-22").replace(
        "title: Second day", "title: A renamed day")
    update.write_text(fixed, encoding="utf-8")
    assert wait_for(base + PAGE, "A renamed day"), "the page was not rebuilt"
    assert indexed_pages(base) == pages  # a rebuild keeps the whole index of the first build
    # The build reads the watched files; reading is no change, so no build follows by itself.
    builds = log.read_text().count("Building documentation")
    time.sleep(2)
    assert log.read_text().count("Building documentation") == builds


def test_serve_started_on_broken_data_shows_the_problems_then_the_site(
        data_tree: Callable[..., Path]) -> None:
    update = "sessions/alpha-session/updates/02-second-day.yaml"
    good = (MINIMAL_DATA / update).read_text(encoding="utf-8")
    data = data_tree({update: good.replace("title: Second day", "tittle: Second day")})
    with serve(data, ready="The data has errors") as base:
        page = fetch(base + PAGE)
        assert ("data/sessions/alpha-session/updates/02-second-day.yaml:2:1: error: unknown field "
                "'tittle'; did you mean 'title'?") in page
        status = fetch(base.removesuffix("un-cybercrime-briefing/") + ".data-errors")
        assert '"problems": 1' in status
        (data / update).write_text(good, encoding="utf-8")
        assert wait_for(base + PAGE, "#2: Second day", seconds=60), "the site did not come back"


def test_a_rebuild_copies_the_theme_files_a_build_copies(tmp_path: Path) -> None:
    """The installed themes' folders are listed once per server; the project's own theme
    folder at each rebuild, so that a file added to it while serving is copied."""
    from mkdocs.config import load_config
    from mkdocs.structure.files import Files

    from build_tools.engine import internals

    custom = tmp_path / "overrides"
    (custom / "assets").mkdir(parents=True)
    (custom / "assets" / "first.css").write_text("a {}")

    kept: internals.ThemeLists = {}

    def theme_files(remembered: bool) -> list[str]:
        config = load_config(str(paths.REPO_ROOT / "mkdocs.yml"), theme={
            "name": "material", "custom_dir": str(custom)})
        if remembered:
            internals.list_installed_themes_once(config.theme, kept)
        files = Files([])
        files.add_files_from_theme(config.theme.get_env(), config)
        return sorted(f.src_uri for f in files)

    listed = theme_files(remembered=False)
    assert "assets/first.css" in listed and len(listed) > 20
    assert theme_files(remembered=True) == listed
    (custom / "assets" / "second.css").write_text("b {}")
    assert theme_files(remembered=True) == sorted([*listed, "assets/second.css"])


def _repository_copy(root: Path) -> Path:
    """What `mkdocs serve` runs from, copied: the code can be edited as an editor's would be."""
    repo = root / "repo"
    for name in ("build_tools", "content", "overrides"):
        shutil.copytree(paths.REPO_ROOT / name, repo / name,
                        ignore=shutil.ignore_patterns("__pycache__"))
    shutil.copy(paths.REPO_ROOT / "mkdocs.yml", repo / "mkdocs.yml")
    return repo


def _generate(repo: Path, data: Path, cache: Path, out: Path) -> dict[str, bytes]:
    env = dict(os.environ, BRIEFING_DATA_DIR=str(data), BRIEFING_CACHE_DIR=str(cache))
    subprocess.run([sys.executable, "-m", "build_tools", "build", "--out", str(out)], cwd=repo,
                   env=env, check=True, capture_output=True)
    return {p.relative_to(out).as_posix(): p.read_bytes() for p in out.rglob("*") if p.is_file()}


def test_a_code_edit_under_serve_shows_the_new_code_and_leaves_no_old_output(
        data_tree: Callable[..., Path], tmp_path: Path) -> None:
    """A running server renders with the code it imported: after an edit it starts again with
    the new code, and what it caches is the new code's, so that the next build agrees with a
    build from no cache at all."""
    repo, cache = _repository_copy(tmp_path), tmp_path / "cache"
    data = shutil.copytree(data_tree(), repo / "data")
    text = repo / "build_tools" / "formats" / "text.py"
    with serve(data, repo=repo, BRIEFING_CACHE_DIR=str(cache)) as base:
        assert "22 August 2023" in fetch(base + PAGE)
        edited = text.read_text(encoding="utf-8").replace(
            'return f"{day.day} {MONTHS[day.month - 1]} {day.year}"',
            'return f"{day.day} {MONTHS[day.month - 1]} {day.year} (as edited)"')
        assert "(as edited)" in edited
        text.write_text(edited, encoding="utf-8")
        update = data / "sessions/alpha-session/updates/02-second-day.yaml"
        update.write_text(update.read_text(encoding="utf-8") + "# saved again\n", encoding="utf-8")
        assert wait_for(base + PAGE, "22 August 2023 (as edited)", seconds=60), (
            "the server did not take up the edited code")
    cached = _generate(repo, data, cache, tmp_path / "cached")
    assert "22 August 2023 (as edited)" in cached["sessions/alpha-session/updates/02-second-day.md"
                                                ].decode()
    assert cached == _generate(repo, data, tmp_path / "no-cache", tmp_path / "fresh")


def test_the_preview_shows_each_warning_on_the_pages_it_concerns_and_no_noise(
        data_tree: Callable[..., Path]) -> None:
    """A reference to an article that does not exist is published unlinked: the editor sees it in
    a banner on the pages made of that file (never in the built site), and in the terminal,
    where MkDocs' notices of pages outside the navigation no longer bury it."""
    update = "sessions/alpha-session/updates/02-second-day.yaml"
    good = (MINIMAL_DATA / update).read_text(encoding="utf-8")
    data = data_tree({update: good.replace("article 3,2", "article 99")})
    warning = (f"data/{update}:9:25: warning: body: 'article 99': no article of the convention is "
               "known to have been article 99 of the first text; check the number, or set "
               "'draft' to the text it refers to")
    with serve(data) as base:
        page = fetch(base + PAGE)
        assert 'id="data-warnings"' in page and warning in page
        assert ("1 warning in the data of this page (shown in the preview only; the site is "
                "published all the same)") in page
        assert page.index('id="data-warnings"') < page.index("<h1")
        assert 'id="data-warnings"' in fetch(base)  # the home page lists the update
        assert 'id="data-warnings"' not in fetch(base + "glossary/")
        (data / update).write_text(good, encoding="utf-8")
        deadline = time.monotonic() + 60
        while 'id="data-warnings"' in fetch(base + PAGE) and time.monotonic() < deadline:
            time.sleep(0.5)
        assert 'id="data-warnings"' not in fetch(base + PAGE)
    log = (data.parent / "serve.log").read_text()
    assert warning in log
    assert "1 warning in 1 file (the site is built and published all the same; fix it when " \
           "you can)" in log
    assert "not included in the" not in log and "'dirty' build" not in log
