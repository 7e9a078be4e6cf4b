"""Golden files: the Markdown generated from tests/fixtures/minimal, file for file.

Regenerate after an intended change with `pytest tests/test_golden.py --update-golden`
and review the diff of tests/golden/ like code.
"""

from __future__ import annotations

import shutil
from pathlib import Path

from build_tools import paths
from build_tools.pipeline import generate
from build_tools.write import write_files
from tests.conftest import MINIMAL_DATA, TESTS

GOLDEN = TESTS / "golden" / "minimal"


def test_generated_markdown_matches_golden_files(tmp_path: Path, update_golden: bool) -> None:
    generated = generate(MINIMAL_DATA, paths.CONTENT_DIR)
    out = tmp_path / "out"
    write_files(generated.files, out)
    if update_golden:
        shutil.rmtree(GOLDEN, ignore_errors=True)
        shutil.copytree(out, GOLDEN)
    expected = {p.relative_to(GOLDEN).as_posix() for p in GOLDEN.rglob("*") if p.is_file()}
    assert set(generated.files) == expected
    for name in sorted(expected):
        assert (out / name).read_text(encoding="utf-8") == (GOLDEN / name).read_text(
            encoding="utf-8"), f"{name} differs from its golden file"


def test_generation_is_deterministic() -> None:
    first = generate(MINIMAL_DATA, paths.CONTENT_DIR).files
    second = generate(MINIMAL_DATA, paths.CONTENT_DIR).files
    assert first == second
