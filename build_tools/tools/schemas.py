"""JSON Schema for every kind of data file, generated from the models (never written by hand).

Editors' tools (VS Code with the YAML extension, and any editor speaking the
YAML language server) read them for completion and red underlines while
typing; `.vscode/settings.json` maps each file pattern to its schema. The
committed copies are checked against the models by a test, so they cannot
drift.
"""

from __future__ import annotations

import json
from pathlib import Path

from pydantic import BaseModel

from build_tools import paths
from build_tools.load.layout import KINDS

SCHEMA_DIR = paths.REPO_ROOT / "build_tools" / "schemas"

# schema name -> (model, the data files it describes, as a glob from the repository root),
# from the one table of the data's layout.
SCHEMAS: dict[str, tuple[type[BaseModel], str]] = {
    kind.schema: (kind.model, kind.glob) for kind in KINDS}


def schema_file(name: str) -> str:
    return f"{name}.schema.json"


def schema_text(name: str) -> str:
    model, pattern = SCHEMAS[name]
    schema = {"$schema": "https://json-schema.org/draft/2020-12/schema",
              "$comment": f"Generated from build_tools/models; describes {pattern}.",
              **model.model_json_schema()}
    return json.dumps(schema, indent=2, ensure_ascii=False) + "\n"


def all_schemas() -> dict[str, str]:
    """File name -> schema text, for every kind of data file."""
    return {schema_file(name): schema_text(name) for name in SCHEMAS}


def editor_settings() -> str:
    """The `yaml.schemas` mapping for VS Code's YAML extension."""
    mapping = {f"build_tools/schemas/{schema_file(n)}": [pattern]
               for n, (_model, pattern) in SCHEMAS.items()}
    return json.dumps({"yaml.schemas": mapping}, indent=2) + "\n"


def write_schemas(directory: Path = SCHEMA_DIR, root: Path = paths.REPO_ROOT) -> list[Path]:
    """The schemas, and the editor settings that map data files to them (VS Code's, and the
    dev container's copy of them)."""
    files = {directory / name: text for name, text in all_schemas().items()}
    files[root / ".vscode" / "settings.json"] = editor_settings()
    container = root / ".devcontainer" / "devcontainer.json"
    if container.is_file():
        config = json.loads(container.read_text(encoding="utf-8"))
        config["customizations"]["vscode"]["settings"] = json.loads(editor_settings())
        files[container] = json.dumps(config, indent=2, ensure_ascii=False) + "\n"
    written = []
    for target, text in files.items():
        if not target.is_file() or target.read_text(encoding="utf-8") != text:
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_text(text, encoding="utf-8")
            written.append(target)
    return written
