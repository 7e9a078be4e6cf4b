"""Repository paths. A leaf module: it imports nothing of ours."""

from __future__ import annotations

import hashlib
import os
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parent.parent
# Tests point a build at a fixture tree with this variable; editors never need it.
DATA_DIR = Path(os.environ.get("BRIEFING_DATA_DIR", REPO_ROOT / "data")).resolve()
CONTENT_DIR = REPO_ROOT / "content"
# Drawn charts, reused while their data and drawing code are unchanged.
CHART_CACHE = Path(os.environ.get("BRIEFING_CHART_CACHE", REPO_ROOT / ".cache" / "charts"))


def staging_dir(data_dir: Path) -> Path:
    """Where the MkDocs hook keeps the generated files of one data directory."""
    key = hashlib.sha256(str(data_dir).encode()).hexdigest()[:12]
    return REPO_ROOT / ".cache" / "generated" / key


def prose_cache(data_dir: Path) -> Path:
    """Where builds of one data directory keep their rendered editor Markdown."""
    key = hashlib.sha256(str(data_dir).encode()).hexdigest()[:12]
    return REPO_ROOT / ".cache" / "prose" / f"{key}.pickle"


TEMPLATES_DIR = Path(__file__).resolve().parent / "templates"
TEMPLATE_CACHE = REPO_ROOT / ".cache" / "templates"  # compiled by Jinja2, checked against sources


def display_path(path: Path, root: Path) -> str:
    """The path as editors see it in messages: relative to `root`, with forward slashes."""
    try:
        return path.relative_to(root).as_posix()
    except ValueError:
        pass
    try:
        return path.resolve().relative_to(root.resolve()).as_posix()
    except ValueError:
        return path.as_posix()
