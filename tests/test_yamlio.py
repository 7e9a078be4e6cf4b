"""The YAML reader: values, locations, and the exact message for each way a file can be unreadable."""

from __future__ import annotations

import pytest

from build_tools.errors import Location
from build_tools.load.yamlio import read_yaml


def messages(data: bytes) -> list[str]:
    _doc, problems = read_yaml(data, "f.yaml")
    return [str(p) for p in problems]


def test_values_follow_yaml_1_2_core_rules() -> None:
    doc, problems = read_yaml(b"a: no\nb: 2024-08-05\nc: 3\nd: true\ne: ~\nf: '4'\n", "f.yaml")
    assert problems == []
    assert doc is not None
    assert doc.value == {"a": "no", "b": "2024-08-05", "c": 3, "d": True, "e": None, "f": "4"}


def test_every_node_keeps_its_line_and_column() -> None:
    doc, _ = read_yaml(b"title: x\nsources:\n  - ref: a\n    locator: p. 2\n", "f.yaml")
    assert doc is not None
    assert doc.location(("sources", 0, "locator")) == Location("f.yaml", 4, 14)
    assert doc.key_location(("sources", 0, "locator")) == Location("f.yaml", 4, 5)
    assert doc.location(("sources", 0, "missing")) == Location("f.yaml", 3, 5)


def test_syntax_error() -> None:
    assert messages(b"title: a: b\n") == [
        "f.yaml:1:9: error: YAML syntax error: mapping values are not allowed in this context "
        "(a value contains ': '; put the whole value in double quotes)"
    ]


def test_tab_in_indentation() -> None:
    assert messages(b"sources:\n\t- ref: a\n") == [
        "f.yaml:2:1: error: a tab is used for indentation; indent with spaces"
    ]


def test_not_utf8() -> None:
    assert messages(b"title: caf\xe9\n") == [
        "f.yaml:1:11: error: the file is not UTF-8 text (byte 0xE9 cannot be read); "
        "save it with the UTF-8 encoding"
    ]


def test_duplicate_key_names_the_first() -> None:
    assert messages(b"title: a\nbody: b\ntitle: c\n") == [
        "f.yaml:3:1: error: duplicate key 'title' (first given at line 1)"
    ]


@pytest.mark.parametrize("data", [b"", b"# only a comment\n", b"\n\n"])
def test_empty_file_has_no_value(data: bytes) -> None:
    doc, problems = read_yaml(data, "f.yaml")
    assert problems == [] and doc is not None and doc.value is None


def test_byte_order_mark_is_accepted() -> None:
    doc, problems = read_yaml("\ufefftitle: x\n".encode(), "f.yaml")
    assert problems == [] and doc is not None and doc.value == {"title": "x"}


@pytest.mark.parametrize("encoding", ["utf-16-le", "utf-16-be", "utf-16"])
def test_utf16_is_recognised_with_or_without_a_byte_order_mark(encoding: str) -> None:
    """Notepad's 'Unicode' and some editors' UTF-16 save no byte-order mark: the file is then
    full of NUL bytes, and the editor must hear about the encoding, not about U+0000."""
    assert messages("number: 4\ntitle: Café\n".encode(encoding)) == [
        "f.yaml:1:1: error: the file is UTF-16 text, not UTF-8; save it again with the UTF-8 "
        "encoding"]


def test_a_stray_nul_byte_is_no_utf16() -> None:
    assert messages(b"title: a\x00b\n") == [
        "f.yaml:1:9: error: the file holds the control character U+0000, which a text file "
        "cannot hold; delete it (the file may not be a text file at all)"]
