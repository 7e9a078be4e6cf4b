"""Reference tables: validation, and CSV/JSON downloads that round-trip to the YAML."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Callable
from pathlib import Path

import pytest

from build_tools.errors import DataError
from build_tools.models.table import cell_value
from tests.conftest import MINIMAL_DATA, build

TABLE = MINIMAL_DATA / "tables" / "things.yaml"


def problems(data: Path) -> list[str]:
    with pytest.raises(DataError) as caught:
        build(data)
    return caught.value.report().splitlines()[:-1]


def test_a_row_must_have_every_column_of_the_right_type(data_tree: Callable[..., Path]) -> None:
    broken = TABLE.read_text().replace("    count: 3\n", "    cuont: 3\n").replace(
        "    done: false", "    done: \"no\"")
    assert problems(data_tree({"tables/things.yaml": broken})) == [
        "data/tables/things.yaml:19:5: error: the 1st row, line 19: missing the cell 'count'",
        "data/tables/things.yaml:20:5: error: the 1st row, line 19: unknown column 'cuont'; did "
        "you mean 'count'?",
        "data/tables/things.yaml:29:11: error: done of the 2nd row, line 22: expected true or "
        "false (column 'done' is boolean), received 'no'",
    ]


def round_trip(data: Path, table_id: str) -> None:
    generated = build(data)
    table = next(t for t in generated.dataset.tables if t.id == table_id)
    columns = [c.id for c in table.data.columns]
    expected = [{c: cell_value(row[c]) for c in columns} for row in table.data.rows]
    raw = generated.files[f"data/{table_id}.csv"]
    assert raw.startswith(b"\xef\xbb\xbf") and b"\r\n" in raw
    reader = csv.DictReader(io.StringIO(raw.decode("utf-8-sig"), newline=""))
    assert reader.fieldnames == columns
    kinds = {c.id: c.type for c in table.data.columns}
    parsed = [{k: _typed(v, kinds[k]) for k, v in row.items()} for row in reader]
    assert parsed == expected
    document = json.loads(generated.files[f"data/{table_id}.json"])
    assert document["rows"] == expected
    assert [c["id"] for c in document["columns"]] == columns


def _typed(value: str, kind: str) -> object:
    if kind == "number":
        number = float(value)
        return int(number) if number.is_integer() and "." not in value else number
    if kind == "boolean":
        return value == "true"
    return value


def test_fixture_table_round_trips_through_csv_and_json() -> None:
    round_trip(MINIMAL_DATA, "things")


def test_json_keeps_cell_notes_and_sources() -> None:
    document = json.loads(build(MINIMAL_DATA).files["data/things.json"])
    assert document["cell_notes"] == [{
        "row": 1, "column": "thing", "note": "Read with care.",
        "sources": [{"id": "daily-notes", "title": "Daily notes", "author": None,
                     "publisher": "Example Institute", "date": "2024", "url": None,
                     "locator": "#2"}]}]
    assert document["source"]["locator"] == "Figure 1"
