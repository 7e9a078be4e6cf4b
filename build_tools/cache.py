"""The one cache: values that cost time to make, kept between builds by a key of their inputs.

A `Store` is one file of key -> value. A key is a hash of everything the value
is made from, always including the code version (`version()`): the source of
every module of `build_tools` as this process imported it, the templates as
they are now, and the versions of the libraries that shape the output, so that
a value made by other code is never used. Each build keeps only the entries it
used; the file is replaced atomically, and holds the code version it was made
by, so that a file from other code reads as empty.

The entries of the files a process has read or written are kept in memory
(`CacheFiles`, owned by the build session): `mkdocs serve` rebuilds in one
process and need not read a file it wrote a moment before, and it may write
them only when it stops.
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

PACKAGE = Path(__file__).resolve().parent
_LIBRARIES = ("markdown-it-py", "jinja2", "matplotlib", "pydantic")


def hash_code(package: Path = PACKAGE) -> str:
    """A hash of the package's modules as they are on disk, and of the libraries' versions."""
    digest = hashlib.sha256()
    for library in _LIBRARIES:
        digest.update(f"{library}={importlib.metadata.version(library)}\0".encode())
    _hash_files(digest, package, sorted(package.rglob("*.py")))
    return digest.hexdigest()


def hash_templates(package: Path = PACKAGE) -> str:
    digest = hashlib.sha256()
    _hash_files(digest, package, sorted(package.rglob("*.j2")))
    return digest.hexdigest()


def _hash_files(digest: Any, package: Path, files: list[Path]) -> None:
    for path in files:
        digest.update(path.relative_to(package).as_posix().encode() + b"\0")
        digest.update(path.read_bytes())


# The modules as this process imported them: hashed once, when the package is first imported,
# so that values made by this process's code are never stored under a later edit's version
# (a running server keeps the modules it imported). Templates are read anew by every build.
CODE = hash_code()


def version(templates: str | None = None) -> str:
    """The version of the code that makes every cached value: the modules and the templates."""
    return hashlib.sha256(f"{CODE}\0{templates or hash_templates()}".encode()).hexdigest()


def code_changed_on_disk() -> bool:
    """Whether a module was edited since this process imported the package."""
    return hash_code() != CODE


@dataclass
class CacheFiles:
    """The entries of each cache file this process last read or wrote, with the file's size
    and modification time then, and which of them are newer than on disk."""

    entries: dict[Path, tuple[tuple[int, int], str, dict[str, Any]]] = field(default_factory=dict)
    unwritten: set[Path] = field(default_factory=set)

    def flush(self) -> None:
        """Write every cache file whose entries were kept in memory by `Store.save(later=True)`."""
        for path in sorted(self.unwritten):
            _, version, entries = self.entries[path]
            self.write(path, version, entries)
        self.unwritten.clear()

    def write(self, path: Path, version: str, entries: dict[str, Any]) -> None:
        atomic_write(path, pickle.dumps((version, entries), protocol=5))
        self.entries[path] = (_stamp(path), version, entries)
        self.unwritten.discard(path)


@dataclass
class Store:
    """One cache file; `path=None` keeps nothing between builds."""

    path: Path | None
    version: str
    files: CacheFiles
    entries: dict[str, Any] = field(default_factory=dict)
    used: dict[str, Any] = field(default_factory=dict)
    misses: int = 0  # values made in this build

    @classmethod
    def open(cls, directory: Path | None, name: str, version: str,
             files: CacheFiles | None = None) -> Store:
        store = cls(directory / f"{name}.pickle" if directory else None, version,
                    files if files is not None else CacheFiles())
        if store.path is not None and store.path.is_file():
            stamp = _stamp(store.path)
            remembered = store.files.entries.get(store.path)
            if remembered is not None and remembered[:2] == (stamp, store.version):
                store.entries = remembered[2]
                return store
            try:
                version, entries = pickle.loads(store.path.read_bytes())
            except Exception:  # noqa: BLE001 - a damaged cache is only a slower build
                return store
            if version == store.version and isinstance(entries, dict):
                store.entries = entries
                store.files.entries[store.path] = (stamp, version, entries)
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
        (`mkdocs serve`) keeps them in memory, and writes them to disk at `CacheFiles.flush`."""
        if self.path is None or self.used.keys() == self.entries.keys():
            return
        if later and self.path.is_file():
            self.files.entries[self.path] = (_stamp(self.path), self.version, self.used)
            self.files.unwritten.add(self.path)
            return
        self.files.write(self.path, self.version, self.used)


def _stamp(path: Path) -> tuple[int, int]:
    status = path.stat()
    return (status.st_mtime_ns, status.st_size)
