"""Repository paths. A leaf module: it imports nothing of ours and reads no environment."""

from __future__ import annotations

from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parent.parent
DATA_DIR = REPO_ROOT / "data"
CONTENT_DIR = REPO_ROOT / "content"
TEMPLATES_DIR = Path(__file__).resolve().parent / "templates"


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
