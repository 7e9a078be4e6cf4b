"""The only code that writes generated files.

Input: a mapping of relative path -> bytes, and a target directory. It writes
a file only when its bytes changed (a file that is there is replaced whole, so that a
reader never sees half of it), removes generated files that are no longer produced,
and refuses any path that would land outside the target.

Thousands of files are written per build, so this works on strings with `os`
rather than on `pathlib` objects. A `Written` (kept by the build session) remembers
what the last call left in one directory (as `mkdocs serve` rebuilds into its
staging folder): a file whose bytes and whose size and time on disk are as it
left them is not read again.
"""

from __future__ import annotations

import contextlib
import os
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path, PurePosixPath


@dataclass(frozen=True)
class WriteReport:
    written: tuple[str, ...]
    unchanged: int
    removed: tuple[str, ...]


@dataclass
class Written:
    """What the last `write_files` given this record left in its directory."""

    directory: str = ""
    files: dict[str, tuple[bytes, int, int]] | None = None  # target -> bytes, size, mtime_ns


def safe_relative(path: str) -> PurePosixPath:
    """Refuse absolute paths and '..' so nothing is written outside the target."""
    pure = PurePosixPath(path)
    if pure.is_absolute() or ".." in pure.parts or not pure.parts:
        raise ValueError(f"refusing to write outside the output directory: {path!r}")
    return pure


def write_files(files: dict[str, bytes], out_dir: Path, last: Written | None = None) -> WriteReport:
    """Write `files` into `out_dir`; `last` is what an earlier call of this process left there,
    and is updated."""
    last = last if last is not None else Written()
    root = os.path.abspath(out_dir)
    known = last.files if last.directory == root and last.files is not None else {}
    targets = {path: os.path.join(root, *safe_relative(path).parts) for path in files}
    written: list[str] = []
    now: dict[str, tuple[bytes, int, int]] = {}
    folders: set[str] = set()
    for path in sorted(targets):
        target, content = targets[path], files[path]
        stat = _stat(target)
        if stat is None or not _holds(target, content, stat, known.get(target)):
            folder = os.path.dirname(target)
            if folder not in folders:
                os.makedirs(folder, exist_ok=True)
                folders.add(folder)
            _put(target, content, stat)
            written.append(path)
            stat = os.stat(target)
        now[target] = (content, stat.st_size, stat.st_mtime_ns)
    # What this process wrote there last tells which files are gone, without a walk.
    removed = _remove(root, known.keys() - now.keys()) if known else _remove_stale(root, set(now))
    last.directory, last.files = root, now
    return WriteReport(tuple(written), len(files) - len(written), removed)


def _stat(target: str) -> os.stat_result | None:
    try:
        return os.stat(target)
    except FileNotFoundError:
        return None


def _holds(target: str, content: bytes, stat: os.stat_result,
           last: tuple[bytes, int, int] | None) -> bool:
    """Whether the file at `target` (whose status is `stat`) already has exactly these bytes."""
    if stat.st_size != len(content):
        return False
    if last is not None and last[1:] == (stat.st_size, stat.st_mtime_ns):
        return last[0] == content  # as this process left it: no need to read it again
    with open(target, "rb") as file:
        return file.read() == content


def write_if_changed(target: str, content: bytes) -> bool:
    """Write one file whole, unless it already holds exactly these bytes. Whether it wrote."""
    stat = _stat(target)
    if stat is not None and _holds(target, content, stat, None):
        return False
    os.makedirs(os.path.dirname(target), exist_ok=True)
    _put(target, content, stat)
    return True


def atomic_write(target: Path, content: bytes) -> None:
    """Write `target` whole or not at all: a reader never sees half a file."""
    target.parent.mkdir(parents=True, exist_ok=True)
    _replace(str(target), content)


def _put(target: str, content: bytes, stat: os.stat_result | None) -> None:
    """Write `target`, whose status was `stat`: a file that is there is replaced whole; one that
    was not is written in place, half the work for each of the thousands of files of a first
    build. Nothing reads such a file before the build ends, and one cut short by a crash
    differs from its content, so the next build replaces it."""
    if stat is not None:
        _replace(target, content)
        return
    with open(target, "wb") as file:
        file.write(content)


def _replace(target: str, content: bytes) -> None:
    head, name = os.path.split(target)
    temporary = os.path.join(head, f".{name}.tmp")
    with open(temporary, "wb") as file:
        file.write(content)
    os.replace(temporary, target)


def _remove(root: str, gone: Iterable[str]) -> tuple[str, ...]:
    """Remove these files, and the folders they leave empty."""
    removed = []
    for path in gone:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(path)
        removed.append(os.path.relpath(path, root).replace(os.sep, "/"))
        folder = os.path.dirname(path)
        while folder != root and os.path.isdir(folder) and not os.listdir(folder):
            os.rmdir(folder)
            folder = os.path.dirname(folder)
    return tuple(sorted(removed))


def _remove_stale(root: str, keep: set[str]) -> tuple[str, ...]:
    """Remove every file under `root` but those in `keep`, and the folders left empty."""
    if not os.path.isdir(root):
        return ()
    stale = [path for folder, _subfolders, names in os.walk(root)
             for path in (os.path.join(folder, name) for name in names) if path not in keep]
    return _remove(root, stale)
