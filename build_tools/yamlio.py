"""The only YAML reader: safe, strict, and it remembers where every value came from.

Input: the bytes of one file. Output: plain Python values (dict, list, str,
int, float, bool, None) plus the line and column of every node, or
diagnostics. It never raises for bad input and never builds Python objects
from tags.

Plain scalars are read with the YAML 1.2 core rules, not PyYAML's YAML 1.1
ones: `no`, `on` and `2024-08-05` stay strings, so that a state called "NO"
is not a boolean and an impossible date like 2024-02-30 reaches the model
checks (with a clear message) instead of crashing the parser.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any, NamedTuple

import yaml

from build_tools.errors import Diagnostic, Location, error

# libyaml's parser is about eight times faster than the pure-Python one and
# reports the same marks; it is optional in PyYAML wheels.
_Loader: type = getattr(yaml, "CSafeLoader", yaml.SafeLoader)

Path_ = tuple[str | int, ...]

_NULL = {"", "~", "null", "Null", "NULL"}
_TRUE = {"true", "True", "TRUE"}
_FALSE = {"false", "False", "FALSE"}
_INT = re.compile(r"[-+]?[0-9]+\Z")
_FLOAT = re.compile(r"[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?\Z")
_QUOTED_STYLES = {"'", '"', "|", ">"}


class TextOrigin(NamedTuple):
    """Where the text of a string value starts, to place messages about its content."""

    line: int
    column: int
    block: bool  # a literal or folded block: content starts on the line after the indicator


@dataclass(frozen=True)
class YamlDocument:
    """A parsed file: its value, and the location of every value and key in it."""

    path: str
    value: Any
    values: dict[Path_, Location] = field(default_factory=dict)
    keys: dict[Path_, Location] = field(default_factory=dict)
    texts: dict[Path_, TextOrigin] = field(default_factory=dict)

    def location(self, path: Path_) -> Location:
        """The closest known location of `path`: the value, else its key, else a parent."""
        for end in range(len(path), -1, -1):
            prefix = path[:end]
            if prefix in self.values:
                return self.values[prefix]
        return Location(self.path)

    def key_location(self, path: Path_) -> Location:
        return self.keys.get(path) or self.location(path)


def read_yaml(data: bytes, path: str) -> tuple[YamlDocument | None, list[Diagnostic]]:
    """Parse one file. Returns the document, or None and the reasons it could not be read."""
    text, problem = _decode(data, path)
    if problem:
        return None, [problem]
    try:
        node = yaml.compose(text, Loader=_Loader)
    except yaml.MarkedYAMLError as exc:
        # A tab in the indentation is the likeliest cause, and PyYAML words it obscurely.
        return None, [_find_tab_indent(text, path) or _syntax_error(exc, path)]
    except yaml.YAMLError as exc:  # pragma: no cover - libyaml errors always carry marks
        return None, [error(Location(path), f"YAML syntax error: {exc}")]
    doc = YamlDocument(path=path, value=None)
    if node is None:
        return doc, []
    diagnostics: list[Diagnostic] = []
    value = _convert(node, (), doc, diagnostics)
    return YamlDocument(path, value, doc.values, doc.keys, doc.texts), diagnostics


def _decode(data: bytes, path: str) -> tuple[str, Diagnostic | None]:
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        before = data[: exc.start]
        line = before.count(b"\n") + 1
        column = exc.start - (before.rfind(b"\n") + 1) + 1
        bad = data[exc.start]
        message = (
            f"the file is not UTF-8 text (byte 0x{bad:02X} cannot be read); "
            "save it with the UTF-8 encoding"
        )
        return "", error(Location(path, line, column), message)
    return text.removeprefix("\ufeff"), None


def _find_tab_indent(text: str, path: str) -> Diagnostic | None:
    for number, line in enumerate(text.splitlines(), start=1):
        indent = line[: len(line) - len(line.lstrip(" \t"))]
        if "\t" in indent:
            column = indent.index("\t") + 1
            message = "a tab is used for indentation; indent with spaces"
            return error(Location(path, number, column), message)
    return None


_QUOTE_HINT = "a value contains ': '; put the whole value in double quotes"
_HINTS = {
    "mapping values are not allowed here": _QUOTE_HINT,
    "mapping values are not allowed in this context": _QUOTE_HINT,
    "could not find expected ':'": "a line is missing the ':' after its field name",
    "found character '\\t' that cannot start any token": "remove the tab character",
}


def _syntax_error(exc: yaml.MarkedYAMLError, path: str) -> Diagnostic:
    mark = exc.problem_mark or exc.context_mark
    location = Location(path, mark.line + 1, mark.column + 1) if mark else Location(path)
    problem = (exc.problem or "the file could not be parsed").strip()
    hint = _HINTS.get(problem)
    message = f"YAML syntax error: {problem}" + (f" ({hint})" if hint else "")
    return error(location, message)


def _mark(node: yaml.Node, path: str) -> Location:
    return Location(path, node.start_mark.line + 1, node.start_mark.column + 1)


def _convert(node: yaml.Node, at: Path_, doc: YamlDocument, out: list[Diagnostic]) -> Any:
    doc.values[at] = _mark(node, doc.path)
    if isinstance(node, yaml.MappingNode):
        return _convert_mapping(node, at, doc, out)
    if isinstance(node, yaml.SequenceNode):
        return [_convert(item, (*at, i), doc, out) for i, item in enumerate(node.value)]
    assert isinstance(node, yaml.ScalarNode)
    return _convert_scalar(node, at, doc)


def _convert_mapping(
    node: yaml.MappingNode, at: Path_, doc: YamlDocument, out: list[Diagnostic]
) -> dict[str, Any]:
    result: dict[str, Any] = {}
    for key_node, value_node in node.value:
        key_location = _mark(key_node, doc.path)
        if not isinstance(key_node, yaml.ScalarNode):
            out.append(error(key_location, "a field name must be plain text"))
            continue
        key = str(key_node.value)
        if key in result:
            first = doc.keys[(*at, key)]
            out.append(
                error(key_location, f"duplicate key '{key}' (first given at line {first.line})")
            )
            continue
        doc.keys[(*at, key)] = key_location
        result[key] = _convert(value_node, (*at, key), doc, out)
    return result


def _convert_scalar(node: yaml.ScalarNode, at: Path_, doc: YamlDocument) -> Any:
    raw: str = node.value
    block = node.style in ("|", ">")
    doc.texts[at] = TextOrigin(node.start_mark.line + 1, node.start_mark.column + 1, block)
    if node.style in _QUOTED_STYLES:
        return raw
    return _resolve_plain(raw)


def _resolve_plain(raw: str) -> Any:
    if raw in _NULL:
        return None
    if raw in _TRUE:
        return True
    if raw in _FALSE:
        return False
    if _INT.match(raw):
        return int(raw)
    if _FLOAT.match(raw):
        return float(raw)
    return raw
