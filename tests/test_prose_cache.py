"""Rendered prose reused between builds: same bytes, same messages, never a stale link."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from build_tools import paths
from build_tools.errors import DataError
from build_tools.pipeline import generate

UPDATE = "sessions/alpha-session/updates/03-last-day.yaml"


def test_a_cached_build_gives_the_same_files_and_warnings(data_tree: Callable[..., Path],
                                                         tmp_path: Path) -> None:
    data = data_tree({UPDATE: "number: 3\ntitle: Last day\ndate: 2023-09-01\nsummary: S.\n"
                              "body: |\n  Closed over article 1 and article 9.\n"})
    cache = tmp_path / "prose.pickle"
    fresh = generate(data, paths.CONTENT_DIR, tmp_path / "charts")
    first = generate(data, paths.CONTENT_DIR, tmp_path / "charts", prose_cache=cache)
    assert cache.is_file()
    second = generate(data, paths.CONTENT_DIR, tmp_path / "charts", prose_cache=cache)
    assert first.files == second.files == fresh.files
    assert [str(w) for w in second.warnings] == [str(w) for w in fresh.warnings]
    assert len(second.warnings) == 1  # article 9 is in no draft: still reported from the cache


def test_a_link_to_a_page_that_is_gone_is_caught_despite_the_cache(
        data_tree: Callable[..., Path], tmp_path: Path) -> None:
    data = data_tree()
    cache = tmp_path / "prose.pickle"
    generate(data, paths.CONTENT_DIR, tmp_path / "charts", prose_cache=cache)
    # update 02 links to update 01; remove 01 (and renumber nothing else)
    (data / "sessions/alpha-session/updates/01-opening-day.yaml").unlink()
    with pytest.raises(DataError) as caught:
        generate(data, paths.CONTENT_DIR, tmp_path / "charts", prose_cache=cache)
    assert "points to no page of this site" in caught.value.report()


def test_a_damaged_cache_is_ignored(data_tree: Callable[..., Path], tmp_path: Path) -> None:
    data = data_tree()
    cache = tmp_path / "prose.pickle"
    cache.write_bytes(b"not a cache")
    files = generate(data, paths.CONTENT_DIR, tmp_path / "charts", prose_cache=cache).files
    assert files == generate(data, paths.CONTENT_DIR, tmp_path / "charts").files
