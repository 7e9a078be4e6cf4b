"""Golden files: the Markdown, CSV, JSON and feeds generated from tests/fixtures/minimal, and
the citation downloads of its pages.

Regenerate after an intended change with `pytest tests/test_golden.py --update-golden`
and review the diff of tests/golden/ like code. Drawn charts are not golden files:
their bytes belong to matplotlib's version; `test_charts.py` checks their data and text.
"""

from __future__ import annotations

import shutil
from collections.abc import Mapping
from pathlib import Path

import pytest

from build_tools import paths
from build_tools.pipeline import Generated
from build_tools.render.families import FAMILIES, PageFiles, content_pages, generated_pages
from build_tools.write import write_files
from tests.conftest import MINIMAL_DATA, TESTS, build

GOLDEN = TESTS / "golden" / "minimal"
CITATIONS = TESTS / "golden" / "citations"  # beside each page in the site, not generated files


def golden(files: Mapping[str, bytes]) -> dict[str, bytes]:
    return {path: content for path, content in files.items()
            if not path.endswith((".svg", ".png"))}


@pytest.fixture(scope="module")
def minimal() -> Generated:
    return build(MINIMAL_DATA)


def test_generated_files_match_golden_files(minimal: Generated, tmp_path: Path,
                                            update_golden: bool) -> None:
    out = tmp_path / "out"
    write_files(golden(minimal.files), out)
    if update_golden:
        shutil.rmtree(GOLDEN, ignore_errors=True)
        shutil.copytree(out, GOLDEN)
    expected = {p.relative_to(GOLDEN).as_posix() for p in GOLDEN.rglob("*") if p.is_file()}
    assert set(golden(minimal.files)) == expected
    for name in sorted(expected):
        assert (out / name).read_text(encoding="utf-8") == (GOLDEN / name).read_text(
            encoding="utf-8"), f"{name} differs from its golden file"


@pytest.mark.parametrize("family", FAMILIES, ids=[f.name for f in FAMILIES])
def test_each_page_family_declares_pages_that_are_generated(minimal: Generated,
                                                              family: object) -> None:
    """A family's declared pages (the site map, the pages' dates) are pages it renders."""
    declared = getattr(family, "pages")(PageFiles(minimal.dataset))  # noqa: B009
    assert set(declared) <= set(minimal.files)
    assert all(files and all(f.startswith("data/") or f.startswith("tests/") for f in files)
               for files in declared.values()), "each page names the files it is made of"


def test_the_site_map_is_every_generated_page_and_nothing_else(minimal: Generated) -> None:
    pages = {path for path in minimal.files if path.endswith(".md")}
    assert pages == set(generated_pages(PageFiles(minimal.dataset)))
    assert minimal.pages == pages | set(content_pages(paths.CONTENT_DIR, paths.REPO_ROOT))


def test_generation_is_deterministic(minimal: Generated, tmp_path: Path) -> None:
    assert build(MINIMAL_DATA, tmp_path / "empty-cache").files == minimal.files


def test_each_cited_page_has_its_golden_downloads(minimal: Generated, update_golden: bool) -> None:
    """The BibTeX and CSL-JSON files the site has beside each cited page."""
    downloads = {path: content for beside in minimal.beside.values()
                 for path, content in beside.items()}
    if update_golden:
        shutil.rmtree(CITATIONS, ignore_errors=True)
        write_files(downloads, CITATIONS)
    expected = {p.relative_to(CITATIONS).as_posix() for p in CITATIONS.rglob("*") if p.is_file()}
    assert set(downloads) == expected
    for path, content in downloads.items():
        assert content == (CITATIONS / path).read_bytes(), path
