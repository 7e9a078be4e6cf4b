"""The one cache: values that cost time to make, kept between builds by a key of their inputs.

A `Store` is one file of key -> value. A key is a hash of everything the value
is made from, always including `code_version()`: the source of every module and
template of `build_tools` and the versions of the libraries that shape the
output, so that a change of code can never serve a value made by the old code.
Each build keeps only the entries it used; the file is replaced atomically, and
holds the code version it was made by, so that a file from other code reads
as empty.
The cache is only ever a faster build: a missing or damaged file is rebuilt.
"""

from __future__ import annotations

import hashlib
import importlib.metadata
import pickle
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from build_tools.write import atomic_write

_PACKAGE = Path(__file__).resolve().parent
_LIBRARIES = ("markdown-it-py", "jinja2", "matplotlib", "pydantic")
# The entries of each cache file this process last read or wrote, with the file's size and
# modification time then: `mkdocs serve` rebuilds in one process, and need not read a file
# it wrote itself a moment before.
_IN_MEMORY: dict[Path, tuple[tuple[int, int], str, dict[str, Any]]] = {}
# The files whose entries in memory are newer than on disk (see `Store.save`).
_UNWRITTEN: set[Path] = set()
# The code's files, each with its modification time and size -> `code_version()`.
_CODE_VERSIONS: dict[tuple[tuple[Path, tuple[int, int]], ...], str] = {}


def code_version() -> str:
    """A hash of the code that makes every cached value."""
    sources = sorted((*_PACKAGE.rglob("*.py"), *_PACKAGE.rglob("*.j2")))
    # Read again only when a file changed: `mkdocs serve` asks at every rebuild.
    stamp = tuple((path, _stamp(path)) for path in sources)
    if stamp not in _CODE_VERSIONS:
        digest = hashlib.sha256()
        for library in _LIBRARIES:
            digest.update(f"{library}={importlib.metadata.version(library)}\0".encode())
        for path in sources:
            digest.update(path.relative_to(_PACKAGE).as_posix().encode() + b"\0")
            digest.update(path.read_bytes())
        _CODE_VERSIONS.clear()
        _CODE_VERSIONS[stamp] = digest.hexdigest()
    return _CODE_VERSIONS[stamp]


@dataclass
class Store:
    """One cache file; `path=None` keeps nothing between builds."""

    path: Path | None
    version: str
    entries: dict[str, Any] = field(default_factory=dict)
    used: dict[str, Any] = field(default_factory=dict)
    misses: int = 0  # values made in this build

    @classmethod
    def open(cls, directory: Path | None, name: str, version: str | None = None) -> Store:
        store = cls(directory / f"{name}.pickle" if directory else None, version or code_version())
        if store.path is not None and store.path.is_file():
            stamp = _stamp(store.path)
            remembered = _IN_MEMORY.get(store.path)
            if remembered is not None and remembered[:2] == (stamp, store.version):
                store.entries = remembered[2]
                return store
            try:
                version, entries = pickle.loads(store.path.read_bytes())
            except Exception:  # noqa: BLE001 - a damaged cache is only a slower build
                version, entries = None, None
            if version == store.version and isinstance(entries, dict):
                store.entries = entries
                _IN_MEMORY[store.path] = (stamp, version, entries)
        return store

    @property
    def empty(self) -> bool:
        """Nothing kept by an earlier build of this code: every value will have to be made."""
        return not self.entries

    def key(self, *parts: str) -> str:
        return hashlib.sha256("\0".join((self.version, *parts)).encode()).hexdigest()

    def get(self, key: str) -> Any:
        """The value stored under `key` by an earlier build or this one; None if there is none."""
        value = self.used.get(key)
        if value is None:
            value = self.entries.get(key)
            if value is not None:
                self.used[key] = value
        return value

    def put(self, key: str, value: Any) -> None:
        self.misses += 1
        self.used[key] = value

    def save(self, later: bool = False) -> None:
        """Keep the entries this build used. With `later`, a process that builds again
        (`mkdocs serve`) keeps them in memory, and writes them to disk at `flush`."""
        if self.path is None or self.used.keys() == self.entries.keys():
            return
        if later and self.path.is_file():
            _IN_MEMORY[self.path] = (_stamp(self.path), self.version, self.used)
            _UNWRITTEN.add(self.path)
            return
        _write(self.path, self.version, self.used)


def flush() -> None:
    """Write every cache file whose entries were kept in memory by `Store.save(later=True)`."""
    for path in sorted(_UNWRITTEN):
        _, version, entries = _IN_MEMORY[path]
        _write(path, version, entries)
    _UNWRITTEN.clear()


def _write(path: Path, version: str, entries: dict[str, Any]) -> None:
    atomic_write(path, pickle.dumps((version, entries), protocol=5))
    _IN_MEMORY[path] = (_stamp(path), version, entries)
    _UNWRITTEN.discard(path)


def _stamp(path: Path) -> tuple[int, int]:
    status = path.stat()
    return (status.st_mtime_ns, status.st_size)
