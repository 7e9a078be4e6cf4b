"""JSON Schemas: generated from the models, committed, mapped for editors, and true to the data."""

from __future__ import annotations

import json
from pathlib import Path

import jsonschema
import pytest

from build_tools import paths
from build_tools.load.yamlio import read_yaml
from build_tools.tools.schemas import SCHEMA_DIR, SCHEMAS, all_schemas, editor_settings, schema_file


def test_committed_schemas_match_the_models() -> None:
    expected = all_schemas()
    committed = {p.name: p.read_text(encoding="utf-8") for p in SCHEMA_DIR.glob("*.json")}
    assert committed == expected, "run `python -m build_tools schemas` and commit the result"


def test_editor_settings_map_every_kind_of_file() -> None:
    settings = paths.REPO_ROOT / ".vscode" / "settings.json"
    assert settings.read_text(encoding="utf-8") == editor_settings()


@pytest.mark.parametrize("name", sorted(SCHEMAS))
def test_shipped_data_satisfies_its_schema(name: str) -> None:
    _model, pattern = SCHEMAS[name]
    schema = json.loads((SCHEMA_DIR / schema_file(name)).read_text(encoding="utf-8"))
    files = sorted(paths.REPO_ROOT.glob(pattern))
    if name != "table":
        assert files, pattern
    for path in files:
        doc, problems = read_yaml(path.read_bytes(), path.name)
        assert doc is not None and not problems
        jsonschema.validate(_jsonable(doc.value), schema)


def test_schema_rejects_what_the_models_reject() -> None:
    schema = json.loads((SCHEMA_DIR / "update.schema.json").read_text(encoding="utf-8"))
    good = {"number": 1, "title": "A day", "date": "2024-08-05", "summary": "S.", "body": "B."}
    jsonschema.validate(good, schema)
    jsonschema.validate({**good, "unpublished": True}, schema)
    for bad in ({**good, "tittle": "x"}, {**good, "title": "<b>x</b>"},
                {**good, "draft": "Updated Draft"}, {k: v for k, v in good.items() if k != "date"},
                {**good, "summary": ""}, {**good, "body": " \n"}, {**good, "unpublished": "yes"}):
        with pytest.raises(jsonschema.ValidationError):
            jsonschema.validate(bad, schema)


def _jsonable(value: object) -> object:
    if isinstance(value, dict):
        return {k: _jsonable(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_jsonable(v) for v in value]
    return value


def test_scaffolded_update_points_at_its_schema(tmp_path: Path) -> None:
    from build_tools.tools.scaffold import update_template
    text = update_template(7, "A day", __import__("datetime").date(2024, 8, 9), depth=4)
    assert text.splitlines()[0] == (
        "# yaml-language-server: $schema=../../../../build_tools/schemas/update.schema.json")
