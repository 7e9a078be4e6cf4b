"""The site builds with each engine that reads mkdocs.yml (MkDocs 1.x and ProperDocs), strict,
into the same pages with the same links: only the generator's name differs."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from build_tools import paths
from build_tools.engine.publish import ENGINES, build_site
from build_tools.urls import OFFLINE_ZIP
from tests.conftest import once_per_run
from tests.test_links import broken_links

GENERATOR = re.compile(rb'<meta name="generator" content="[^"]*">')


def files(site: Path) -> dict[str, bytes]:
    """The site's files, the engine's own name taken out of each page."""
    return {p.relative_to(site).as_posix(): GENERATOR.sub(b"", p.read_bytes())
            for p in sorted(site.rglob("*")) if p.is_file() and p.name != "sitemap.xml.gz"}


@pytest.mark.parametrize("engine", ENGINES[1:])
def test_every_other_engine_builds_the_same_site(engine: str, shipped_site: Path,
                                                 tmp_path_factory: pytest.TempPathFactory) -> None:
    def make(folder: Path) -> None:
        assert build_site(folder / "site", paths.REPO_ROOT / "mkdocs.yml", engine=engine,
                          offline=False) == 0

    other = once_per_run(tmp_path_factory, engine, make) / "site"
    assert engine.encode() in (other / "index.html").read_bytes().lower()
    expected = {path: content for path, content in files(shipped_site).items()
                if path != OFFLINE_ZIP}
    built = files(other)
    assert sorted(built) == sorted(expected)
    assert [path for path in built if built[path] != expected[path]] == []
    assert broken_links(other) == ["data/index.html: ../" + OFFLINE_ZIP]  # the copy, left out
