"""Data that used to pass validation and then break rendering: each now a located error.

The rules are tested on loaded and validated data, without rendering; the
double write is caught where the generated files are assembled.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from build_tools import paths
from build_tools.assemble import Produced, assemble
from build_tools.errors import DataError, Severity
from build_tools.load.stage import load
from build_tools.validate.stage import validate
from tests.conftest import build

THRESHOLDS = "tables/ratification-thresholds.yaml"


def shipped_copy(tmp_path: Path) -> Path:
    data = tmp_path / "repo" / "data"
    shutil.copytree(paths.DATA_DIR, data)
    return data


def errors(data: Path) -> list[str]:
    """Every error that loading and validating finds: no page is rendered."""
    _, diagnostics = validate(load(data, data.parent))
    return [str(d) for d in diagnostics if d.severity is Severity.ERROR]


def test_a_renamed_chart_column_is_an_error_at_its_place(tmp_path: Path) -> None:
    data = shipped_copy(tmp_path)
    table = data / THRESHOLDS
    table.write_text(table.read_text().replace("  - id: supporters\n", "  - id: backers\n")
                     .replace("    supporters: ", "    backers: "))
    assert errors(data) == [
        f"data/{THRESHOLDS}:12:3: error: columns: the chart drawn from this table reads the "
        "column 'supporters', which is missing; the columns are: proposal, proposed_by, "
        "backers, supporters_note, outcome",
    ]


def test_a_chart_column_of_the_wrong_type_is_an_error(tmp_path: Path) -> None:
    data = shipped_copy(tmp_path)
    table = data / THRESHOLDS
    text = table.read_text()
    assert "    label: States in support\n    type: number\n" in text
    table.write_text(text.replace("    label: States in support\n    type: number\n",
                                  "    label: States in support\n    type: text\n"))
    found = errors(data)
    assert f"data/{THRESHOLDS}:19:11: error: type of the 3rd column, line 17: the chart drawn " \
           "from this table needs the column 'supporters' to be number, not text" in found


def test_a_table_whose_download_would_overwrite_another_stops_the_build(tmp_path: Path) -> None:
    data = shipped_copy(tmp_path)
    (data / "tables" / "positions.yaml").write_text(
        (data / "tables" / "crime-tiers.yaml").read_text())
    with pytest.raises(DataError) as caught:
        build(data)
    assert caught.value.report().splitlines()[0] == (
        "data/tables/positions.yaml:1:1: error: the file data/positions.csv would be written "
        "twice, by the table data/tables/positions.yaml and by the grid of positions "
        "(data/positions.yaml); rename one of them")


def test_assemble_refuses_two_producers_of_one_path() -> None:
    with pytest.raises(DataError) as caught:
        assemble([Produced("the home page", {"index.md": "a"}),
                  Produced("the feeds", {"feed.xml": b"x", "index.md": "b"})])
    assert [str(d) for d in caught.value.diagnostics] == [
        "data:1:1: error: the file index.md would be written twice, by the home page and by "
        "the feeds; rename one of them"]
    assert assemble([Produced("a", {"b.md": "é"}), Produced("c", {"a.csv": b"1"})]) == {
        "a.csv": b"1", "b.md": "é".encode()}
