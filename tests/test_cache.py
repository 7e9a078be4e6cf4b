"""The cache: reused between builds with the same bytes and messages, never stale.

A value is keyed by its inputs and by the code that makes it: a change to any
module or template of build_tools, or to a library that shapes the output,
starts afresh, so a code change always shows in the next build.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

import build_tools
from build_tools import cache
from build_tools.errors import DataError
from tests.conftest import build

UPDATE = "sessions/alpha-session/updates/03-last-day.yaml"
PACKAGE = Path(build_tools.__file__).resolve().parent


def test_a_cached_build_gives_the_same_files_and_warnings(data_tree: Callable[..., Path],
                                                         tmp_path: Path) -> None:
    data = data_tree({UPDATE: "number: 3\ntitle: Last day\ndate: 2023-09-01\nsummary: S.\n"
                              "body: |\n  Closed over article 1 and article 9.\n"})
    fresh = build(data)
    first = build(data, tmp_path / "cache")
    assert (tmp_path / "cache" / "prose.pickle").is_file()
    second = build(data, tmp_path / "cache")
    assert first.files == second.files == fresh.files
    assert [str(w) for w in second.warnings] == [str(w) for w in fresh.warnings]
    assert len(second.warnings) == 1  # article 9 is in no draft: still reported from the cache


def test_a_link_to_a_page_that_is_gone_is_caught_despite_the_cache(
        data_tree: Callable[..., Path], tmp_path: Path) -> None:
    data = data_tree()
    build(data, tmp_path / "cache")
    # update 02 links to update 01; remove 01 (and renumber nothing else)
    (data / "sessions/alpha-session/updates/01-opening-day.yaml").unlink()
    with pytest.raises(DataError) as caught:
        build(data, tmp_path / "cache")
    assert "points to no page of this site" in caught.value.report()


def test_a_damaged_cache_is_ignored(data_tree: Callable[..., Path], tmp_path: Path) -> None:
    data = data_tree()
    (tmp_path / "cache").mkdir()
    (tmp_path / "cache" / "prose.pickle").write_bytes(b"not a cache")
    (tmp_path / "cache" / "charts.pickle").write_bytes(b"\x80\x05junk")
    assert build(data, tmp_path / "cache").files == build(data).files


def test_a_change_to_how_prose_is_rendered_shows_in_the_next_build(
        data_tree: Callable[..., Path], tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The defect of the old prose cache: a code change kept serving the old HTML."""
    data, cached = data_tree(), tmp_path / "cache"
    page = "sessions/alpha-session/updates/02-second-day.md"
    assert b"<code>article 2</code>" in build(data, cached).files[page]
    # What an edit of prose/markdown.py does: a new code version, and code rendered otherwise.
    monkeypatch.setattr(cache, "CODE", "edited code")
    from build_tools.prose import markdown

    monkeypatch.setitem(markdown._MD.renderer.rules, "code_inline",
                        lambda tokens, i, *rest: f"<kbd>{tokens[i].content}</kbd>")
    after = build(data, cached).files[page]
    assert b"<kbd>article 2</kbd>" in after and b"<code>" not in after


def test_the_code_version_covers_every_module_the_build_runs(data_tree: Callable[..., Path]) -> None:
    build(data_tree())
    hashed = {p.resolve() for p in (*PACKAGE.rglob("*.py"), *PACKAGE.rglob("*.j2"))}
    used = {Path(m.__file__).resolve() for name, m in sys.modules.items()
            if name.startswith("build_tools") and getattr(m, "__file__", None)}
    assert used and used <= hashed
    assert {p for p in hashed if p.suffix == ".j2"} == set((PACKAGE / "templates").glob("*.j2"))


def test_editing_any_module_changes_the_code_version(tmp_path: Path,
                                                     monkeypatch: pytest.MonkeyPatch) -> None:
    copy = tmp_path / "build_tools"
    shutil.copytree(PACKAGE, copy, ignore=shutil.ignore_patterns("__pycache__"))
    versions = {cache.hash_code(copy) + cache.hash_templates(copy)}
    for edited in ("prose/markdown.py", "render/context.py", "templates/update.md.j2"):
        (copy / edited).write_text((copy / edited).read_text() + "\n# edited\n")
        versions.add(cache.hash_code(copy) + cache.hash_templates(copy))
    # An edit that keeps the file's size is seen too (by its time), as is the edit undone.
    edited = copy / "render/home.py"
    text = edited.read_text()
    edited.write_text(text.replace("render", "RENDER", 1))
    os.utime(edited, ns=(1, 1))
    versions.add(cache.hash_code(copy) + cache.hash_templates(copy))
    edited.write_text(text)
    assert len(versions) == 5 and cache.hash_code(copy) + cache.hash_templates(copy) in versions


def test_a_file_is_parsed_again_only_when_its_bytes_change(
        data_tree: Callable[..., Path], tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from build_tools.load import stage as load

    data, cached = data_tree(), tmp_path / "cache"
    first = build(data, cached)
    parsed: list[str] = []
    real = load._parse
    monkeypatch.setattr(load, "_parse", lambda data, shown, *rest: (parsed.append(shown),
                                                                     real(data, shown, *rest))[1])
    assert build(data, cached).files == first.files and parsed == []
    update = data / UPDATE
    update.write_text(update.read_text().replace("Closed.", "Closed at last."))
    again = build(data, cached)
    assert parsed == [f"data/{UPDATE}"]
    assert b"Closed at last." in again.files["sessions/alpha-session/updates/03-last-day.md"]


def test_a_cache_file_made_by_other_code_reads_as_empty(tmp_path: Path) -> None:
    old = cache.Store.open(tmp_path, "charts", "old code")
    old.put(old.key("a"), b"drawing")
    old.save()
    assert not cache.Store.open(tmp_path, "charts", "old code").empty
    assert cache.Store.open(tmp_path, "charts", "new code").empty  # as a new process reads it


def test_a_server_keeps_its_cache_in_memory_until_it_stops(tmp_path: Path) -> None:
    """`mkdocs serve` rebuilds save with `later=True`: nothing is written until `flush`."""
    server = cache.CacheFiles()
    first = cache.Store.open(tmp_path, "prose", "code", server)
    first.put(first.key("a"), "one")
    first.save()
    on_disk = (tmp_path / "prose.pickle").read_bytes()
    rebuild = cache.Store.open(tmp_path, "prose", "code", server)
    rebuild.put(rebuild.key("b"), "two")
    rebuild.save(later=True)
    assert (tmp_path / "prose.pickle").read_bytes() == on_disk
    assert cache.Store.open(tmp_path, "prose", "code", server).get(rebuild.key("b")) == "two"
    assert cache.Store.open(tmp_path, "prose", "code").get(rebuild.key("b")) is None
    server.flush()
    stored = cache.Store.open(tmp_path, "prose", "code")  # as a new process reads it
    assert stored.get(stored.key("b")) == "two" and stored.get(stored.key("a")) is None


def test_a_build_stopped_by_a_data_error_leaves_no_chart_worker_running(
        data_tree: Callable[..., Path], tmp_path: Path,
        chart_workers: list[subprocess.Popen[bytes]]) -> None:
    """An empty cache starts the drawing worker before the data is read; when the data turns
    out broken, the worker must end with the build (under `mkdocs serve` it would stay)."""
    started = chart_workers
    data = data_tree({UPDATE: "number: 3\ntitle: Last day\n"})  # no date, summary or body
    with pytest.raises(DataError):
        build(data, tmp_path / "empty-cache")
    assert len(started) == 1 and started[0].poll() is not None


def test_pages_kept_for_the_process_show_an_edit_at_the_next_build(
        data_tree: Callable[..., Path], tmp_path: Path) -> None:
    """`mkdocs serve` rebuilds in one process, where an update's page, a briefing and a feed
    are kept by the value they are rendered from: the edited title shows on every page that
    names it, and nothing else changes."""
    data = data_tree()
    before = build(data, tmp_path / "cache").files
    second = data / "sessions/alpha-session/updates/02-second-day.yaml"
    second.write_text(second.read_text(encoding="utf-8").replace(
        "title: Second day", "title: Renamed day"), encoding="utf-8")
    after = build(data, tmp_path / "cache").files
    changed = {path for path in after if after[path] != before.get(path)}
    naming = {path for path, content in after.items() if b"Renamed day" in content}
    assert {"sessions/alpha-session/updates/01-opening-day.md",
            "sessions/alpha-session/updates/02-second-day.md",
            "sessions/alpha-session/updates/03-last-day.md",
            "sessions/alpha-session/briefing.md", "sessions/alpha-session/feed.xml",
            "feed.xml"} <= naming
    assert changed == naming
    assert not any(b"Second day" in after[path] for path in naming)
