"""The layout of data/, declared once (`build_tools/load/layout.py`): what loads the files, the
help sentence, the schemas and the README's table all agree with it."""

from __future__ import annotations

import re

import pytest

from build_tools import paths
from build_tools.load.layout import KINDS, layout_help, place
from build_tools.tools.schemas import SCHEMAS


def test_the_readme_table_is_the_layout() -> None:
    readme = (paths.REPO_ROOT / "README.md").read_text(encoding="utf-8")
    rows = re.findall(r"^\| `data/([^`]+)` \| (.+) \|$", readme, flags=re.MULTILINE)
    assert sorted(rows) == sorted((kind.path, kind.what) for kind in KINDS)


def test_every_shipped_data_file_has_its_kind_and_every_kind_a_file() -> None:
    placed = {}
    for path in sorted(paths.DATA_DIR.rglob("*.yaml")):
        found = place(path.relative_to(paths.DATA_DIR).as_posix())
        assert found is not None and found.problem is None, path
        placed.setdefault(found.kind.path, []).append(found.key)
    assert set(placed) == {kind.path for kind in KINDS}
    assert ("reconvened-concluding-session", "03-the-most-difficult-articles-criminalization") in (
        placed["sessions/<session-id>/updates/NN-slug.yaml"])


def test_each_kind_has_its_schema_and_the_help_names_every_kind() -> None:
    assert [(model, glob) for model, glob in SCHEMAS.values()] == [
        (kind.model, kind.glob) for kind in KINDS]
    assert SCHEMAS["update"][1] == "data/sessions/*/updates/*.yaml"
    assert all(kind.path in layout_help() for kind in KINDS)


@pytest.mark.parametrize(("name", "problem"), [
    ("sessions/Bad_Id/session.yaml", "the session folder name 'Bad_Id' is not a valid id: use "
                                     "lowercase letters, digits and hyphens"),
    ("sessions/Bad/updates/3-x.yaml", "the update file name '3-x.yaml' does not follow "
                                      "NN-slug.yaml (for example 03-the-most-difficult-articles.yaml)"),
    ("convention/articles/six.yaml", "the article file name 'six.yaml' is not the article's number "
                                     "(for example 06.yaml)"),
    ("tables/My Table.yaml", "the table file name 'My Table' is not a valid id: use lowercase "
                             "letters, digits and hyphens"),
])
def test_a_misnamed_file_is_told_the_rule_it_breaks(name: str, problem: str) -> None:
    found = place(name)
    assert found is not None and found.problem == problem


def test_a_file_that_fits_nowhere_has_no_kind() -> None:
    assert place("sessions/x/notes.yaml") is None and place("tables/x.yml") is None
    assert place("extra/positions.yaml") is None
