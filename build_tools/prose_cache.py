"""Editor Markdown rendered once: its HTML, mentions and problems kept between builds.

Rendering an update body (parsing it, checking its links, linking its
article references) is most of the generation stage, and between two builds
almost every body is unchanged. An entry is keyed by the text, the page it is
shown on, the draft whose numbering it uses and the mention's origin; the
whole cache is bound to a fingerprint of everything else rendering depends on
(the site's list of pages, the convention's numbering, the draft titles in
messages, the rendering code and markdown-it-py's version), so any change
there starts afresh. One file per data directory; each build keeps only the
entries it used. Safe to delete.
"""

from __future__ import annotations

import hashlib
import importlib.metadata
import pickle
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

_CODE = tuple(Path(__file__).parent / name for name in (
    "markdown.py", "references.py", "render/article_links.py", "prose_cache.py"))


def fingerprint(parts: Iterable[str]) -> str:
    digest = hashlib.sha256(importlib.metadata.version("markdown-it-py").encode())
    for path in _CODE:
        digest.update(path.read_bytes())
    for part in parts:
        digest.update(b"\0" + part.encode())
    return digest.hexdigest()


@dataclass
class ProseCache:
    path: Path | None  # None: remember nothing between builds
    context: str
    entries: dict[str, Any] = field(default_factory=dict)
    used: dict[str, Any] = field(default_factory=dict)

    @classmethod
    def load(cls, path: Path | None, context: str) -> ProseCache:
        cache = cls(path, context)
        if path is not None and path.is_file():
            try:
                stored_context, entries = pickle.loads(path.read_bytes())
            except Exception:  # noqa: BLE001 - a damaged cache is only a slower build
                return cache
            if stored_context == context:
                cache.entries = entries
        return cache

    @staticmethod
    def key(*parts: str) -> str:
        return hashlib.sha256("\0".join(parts).encode()).hexdigest()

    def get(self, key: str) -> Any:
        value = self.entries.get(key)
        if value is not None:
            self.used[key] = value
        return value

    def put(self, key: str, value: Any) -> None:
        self.used[key] = value

    def save(self) -> None:
        if self.path is None or self.used == self.entries:
            return
        self.path.parent.mkdir(parents=True, exist_ok=True)
        temporary = self.path.with_suffix(".tmp")
        temporary.write_bytes(pickle.dumps((self.context, self.used), protocol=5))
        temporary.replace(self.path)
