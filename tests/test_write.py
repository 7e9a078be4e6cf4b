"""The writer: writes only what changed, removes what is gone, never leaves its directory."""

from __future__ import annotations

from pathlib import Path

import pytest

from build_tools import write
from build_tools.write import write_files


def test_second_write_of_the_same_files_writes_nothing(tmp_path: Path) -> None:
    files = {"a.md": b"A", "b/c.md": b"C"}
    assert write_files(files, tmp_path).written == ("a.md", "b/c.md")
    before = (tmp_path / "a.md").stat().st_mtime_ns
    report = write_files(files, tmp_path)
    assert report.written == () and report.unchanged == 2
    assert (tmp_path / "a.md").stat().st_mtime_ns == before


@pytest.mark.parametrize("new_process", [False, True])
def test_only_changed_files_are_rewritten_and_stale_ones_removed(
        tmp_path: Path, new_process: bool) -> None:
    """In the process that wrote them, the writer knows which files are gone; a new process
    finds them on disk."""
    last = write.Written()
    write_files({"a.md": b"A", "old/deeper/x.md": b"X", "old/y.md": b"Y", "z/k.md": b"K"},
                tmp_path, last)
    report = write_files({"a.md": b"A2", "z/k.md": b"K"}, tmp_path,
                         write.Written() if new_process else last)
    assert report.written == ("a.md",)
    assert report.removed == ("old/deeper/x.md", "old/y.md")
    assert not (tmp_path / "old").exists() and (tmp_path / "z" / "k.md").is_file()


@pytest.mark.parametrize("path", ["../escape.md", "/etc/passwd", "a/../../b.md"])
def test_paths_outside_the_directory_are_refused(tmp_path: Path, path: str) -> None:
    with pytest.raises(ValueError, match="outside the output directory"):
        write_files({path: b"x"}, tmp_path / "out")
