"""Golden files: the Markdown, CSV, JSON and feeds generated from tests/fixtures/minimal, and
the citation downloads of its pages.

Regenerate after an intended change with `pytest tests/test_golden.py --update-golden`
and review the diff of tests/golden/ like code. Drawn charts are not golden files:
their bytes belong to matplotlib's version; `test_charts.py` checks their data and text.
"""

from __future__ import annotations

import shutil
from collections.abc import Callable, Mapping
from pathlib import Path

import pytest

from build_tools.pipeline import PAGE_FAMILIES, Generated
from build_tools.render import cite
from build_tools.render.cite import citations
from build_tools.render.context import RenderContext
from build_tools.site_map import site_pages
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


@pytest.mark.parametrize(("name", "family"), PAGE_FAMILIES, ids=[n for n, _ in PAGE_FAMILIES])
def test_each_page_family_renders_its_golden_files(
        minimal: Generated, name: str,
        family: Callable[[RenderContext], Mapping[str, str | bytes]]) -> None:
    rendered = family(minimal.context)
    assert rendered, f"{name} rendered nothing from the fixture"
    for path, content in rendered.items():
        text = content if isinstance(content, str) else content.decode("utf-8")
        assert text == (GOLDEN / path).read_text(encoding="utf-8"), f"{name}: {path}"


def test_the_families_render_every_page_of_the_site_map(minimal: Generated) -> None:
    pages = {path for _, family in PAGE_FAMILIES for path in family(minimal.context)
             if path.endswith(".md")}
    assert pages == site_pages(minimal.dataset, MINIMAL_DATA / "no-content")


def test_generation_is_deterministic(minimal: Generated, tmp_path: Path) -> None:
    assert build(MINIMAL_DATA, tmp_path / "empty-cache").files == minimal.files


def test_each_cited_page_has_its_golden_downloads(minimal: Generated, update_golden: bool) -> None:
    """The BibTeX and CSL-JSON files the MkDocs hook writes beside each cited page."""
    downloads = {path: text for citation in citations(minimal.context).values()
                 for path, text in cite.downloads(citation, minimal.context.site.name).items()}
    if update_golden:
        shutil.rmtree(CITATIONS, ignore_errors=True)
        write_files({path: text.encode("utf-8") for path, text in downloads.items()}, CITATIONS)
    expected = {p.relative_to(CITATIONS).as_posix() for p in CITATIONS.rglob("*") if p.is_file()}
    assert set(downloads) == expected
    for path, text in downloads.items():
        assert text == (CITATIONS / path).read_text(encoding="utf-8"), path
