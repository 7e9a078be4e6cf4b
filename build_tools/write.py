"""The only code that writes generated files.

Input: a mapping of relative path -> bytes, and a target directory. It writes
a file only when its bytes changed, removes generated files that are no
longer produced, and refuses any path that would land outside the target.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path, PurePosixPath


@dataclass(frozen=True)
class WriteReport:
    written: tuple[str, ...]
    unchanged: int
    removed: tuple[str, ...]


def safe_relative(path: str) -> PurePosixPath:
    """Refuse absolute paths and '..' so nothing is written outside the target."""
    pure = PurePosixPath(path)
    if pure.is_absolute() or ".." in pure.parts or not pure.parts:
        raise ValueError(f"refusing to write outside the output directory: {path!r}")
    return pure


def write_files(files: dict[str, bytes], out_dir: Path) -> WriteReport:
    targets = {path: out_dir.joinpath(*safe_relative(path).parts) for path in files}
    written: list[str] = []
    for path, target in sorted(targets.items()):
        content = files[path]
        if target.is_file() and target.read_bytes() == content:
            continue
        atomic_write(target, content)
        written.append(path)
    removed = _remove_stale(out_dir, set(targets.values()))
    return WriteReport(tuple(written), len(files) - len(written), removed)


def atomic_write(target: Path, content: bytes) -> None:
    """Write `target` whole or not at all: a reader never sees half a file."""
    target.parent.mkdir(parents=True, exist_ok=True)
    temporary = target.with_name(f".{target.name}.tmp")
    temporary.write_bytes(content)
    temporary.replace(target)


def _remove_stale(out_dir: Path, keep: set[Path]) -> tuple[str, ...]:
    if not out_dir.is_dir():
        return ()
    removed = []
    for path in sorted(out_dir.rglob("*"), reverse=True):
        if path.is_file() and path not in keep:
            path.unlink()
            removed.append(path.relative_to(out_dir).as_posix())
        elif path.is_dir() and not any(path.iterdir()):
            path.rmdir()
    return tuple(sorted(removed))
