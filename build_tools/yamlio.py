"""The only YAML reader: safe, strict, and it remembers where every value came from.

Input: the bytes of one file. Output: plain Python values (dict, list, str,
int, float, bool, None) plus the line and column of every node, or
diagnostics. It never raises for bad input and never builds Python objects
from tags.

Plain scalars are read with the YAML 1.2 core rules, not PyYAML's YAML 1.1
ones: `no`, `on` and `2024-08-05` stay strings, so that a state called "NO"
is not a boolean and an impossible date like 2024-02-30 reaches the model
checks (with a clear message) instead of crashing the parser.

Editors' files are small and plain, and anyone who opens a pull request can
send one to CI, so what a hostile file could use to hang or swamp a build is
refused at its place with a message, before any value is built: anchors and
aliases (nine nested levels of aliases in a few hundred bytes expand to
billions of values), nesting deeper than any data file needs, numbers too
long to be data, and characters a text file cannot hold.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass, field
from typing import Any, NamedTuple

import yaml

from build_tools.errors import Diagnostic, Location, error, excerpt

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
# The deepest nesting in the shipped data is 6 levels (a table's cells with their sources).
MAX_DEPTH = 20
# More digits than any count, number or year in the data; also the most a JavaScript
# number (in the JSON downloads) holds exactly.
MAX_DIGITS = 15
# Anchors and aliases reported per file; an alias bomb can hold hundreds.
MAX_REFUSED = 5
# What YAML accepts as text (its "printable" set); anything else stops libyaml.
_NOT_YAML_TEXT = re.compile("[^\t\n\r\x20-\x7e\x85\xa0-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")


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

    def text_location(self, path: Path_, line: int) -> Location:
        """Where line `line` (from 0) of the text at `path` is: a block's lines start on the
        line after its `|`, indented under the key."""
        origin = self.texts.get(path)
        if origin is None:
            return self.location(path)
        if origin.block:
            return Location(self.path, origin.line + 1 + line, self.key_location(path).column + 2)
        return Location(self.path, origin.line + line, origin.column)


def read_yaml(data: bytes, path: str) -> tuple[YamlDocument | None, list[Diagnostic]]:
    """Parse one file. Returns the document, or None and the reasons it could not be read."""
    text, problem = _decode(data, path)
    if problem:
        return None, [problem]
    refused = _anchors_and_aliases(text, path) if "&" in text or "*" in text else []
    if refused:
        return None, refused
    try:
        node = yaml.compose(text, Loader=_Loader)
    except yaml.MarkedYAMLError as exc:
        # A tab in the indentation is the likeliest cause, and PyYAML words it obscurely.
        return None, [_find_tab_indent(text, path) or _syntax_error(exc, path)]
    except yaml.YAMLError:  # a ReaderError: a character that YAML does not allow
        return None, [_bad_character(text, path)]
    doc = YamlDocument(path=path, value=None)
    if node is None:
        return doc, []
    diagnostics: list[Diagnostic] = []
    value = _convert(node, (), doc, diagnostics, depth=0)
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


def _anchors_and_aliases(text: str, path: str) -> list[Diagnostic]:
    """Every anchor (&name) and alias (*name), from the parser's events: no value is built,
    so an alias bomb costs no more than its own few hundred bytes."""
    found: list[Diagnostic] = []
    try:
        for event in yaml.parse(text, Loader=_Loader):
            name = getattr(event, "anchor", None)
            if name is None:
                continue
            if isinstance(event, yaml.AliasEvent):
                found.append(error(_mark(event, path), (
                    f"the alias {excerpt('*' + str(name))} is not allowed in data files; "
                    "write the value out in full instead of referring to another one")))
            else:
                found.append(error(_mark(event, path), (
                    f"the anchor {excerpt('&' + str(name))} is not allowed in data files; "
                    "remove it and write each value out in full")))
            if len(found) > MAX_REFUSED:
                found[-1] = error(found[-1].location, "more anchors or aliases follow; "
                                  "remove them all and write each value out in full")
                break
    except yaml.YAMLError:
        pass  # a syntax error after them: reported once the anchors and aliases are gone
    return found


def _bad_character(text: str, path: str) -> Diagnostic:
    found = _NOT_YAML_TEXT.search(text)
    if found is None:  # pragma: no cover - libyaml refuses nothing else
        return error(Location(path), "the file holds a character that YAML does not allow")
    before = text[: found.start()]
    line = before.count("\n") + 1
    column = found.start() - (before.rfind("\n") + 1) + 1
    return error(Location(path, line, column), (
        f"the file holds the control character U+{ord(found.group()):04X}, which a text "
        "file cannot hold; delete it (the file may not be a text file at all)"))


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
    "exceeded maximum nesting depth": f"no data file needs more than {MAX_DEPTH} levels",
}


def _syntax_error(exc: yaml.MarkedYAMLError, path: str) -> Diagnostic:
    mark = exc.problem_mark or exc.context_mark
    location = Location(path, mark.line + 1, mark.column + 1) if mark else Location(path)
    problem = (exc.problem or "the file could not be parsed").strip()
    hint = _HINTS.get(problem)
    message = f"YAML syntax error: {problem}" + (f" ({hint})" if hint else "")
    return error(location, message)


def _mark(node: yaml.Node | yaml.Event, path: str) -> Location:
    mark = node.start_mark
    return Location(path, mark.line + 1, mark.column + 1) if mark else Location(path)


def _convert(node: yaml.Node, at: Path_, doc: YamlDocument, out: list[Diagnostic],
             depth: int) -> Any:
    doc.values[at] = _mark(node, doc.path)
    if depth > MAX_DEPTH and not isinstance(node, yaml.ScalarNode):
        out.append(error(doc.values[at], f"the values here are nested more than {MAX_DEPTH} "
                         "levels deep, which no data file needs; check the indentation"))
        return None
    if isinstance(node, yaml.MappingNode):
        return _convert_mapping(node, at, doc, out, depth + 1)
    if isinstance(node, yaml.SequenceNode):
        return [_convert(item, (*at, i), doc, out, depth + 1) for i, item in enumerate(node.value)]
    assert isinstance(node, yaml.ScalarNode)
    return _convert_scalar(node, at, doc, out)


def _convert_mapping(
    node: yaml.MappingNode, at: Path_, doc: YamlDocument, out: list[Diagnostic], depth: int
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
                error(key_location, f"duplicate key {excerpt(key)} (first given at line {first.line})")
            )
            continue
        doc.keys[(*at, key)] = key_location
        result[key] = _convert(value_node, (*at, key), doc, out, depth)
    return result


def _convert_scalar(node: yaml.ScalarNode, at: Path_, doc: YamlDocument,
                    out: list[Diagnostic]) -> Any:
    raw: str = node.value
    block = node.style in ("|", ">")
    doc.texts[at] = TextOrigin(node.start_mark.line + 1, node.start_mark.column + 1, block)
    if node.style in _QUOTED_STYLES:
        return raw
    value = _resolve_plain(raw)
    if isinstance(value, int | float) and not isinstance(value, bool) and _too_long(raw, value):
        out.append(error(doc.values[at], (
            f"the number {excerpt(raw)} is too large or too long to be data (at most "
            f"{MAX_DIGITS} digits); put it in double quotes if it is text")))
        return None
    return value


def _too_long(raw: str, value: int | float) -> bool:
    if isinstance(value, float):
        return math.isinf(value) or len(raw) > 2 * MAX_DIGITS
    return sum(c.isdigit() for c in raw) > MAX_DIGITS


def _resolve_plain(raw: str) -> Any:
    if raw in _NULL:
        return None
    if raw in _TRUE:
        return True
    if raw in _FALSE:
        return False
    if _INT.match(raw):
        # Python refuses to read an integer of more than 4,300 digits: that is the caller's.
        return int(raw) if len(raw) <= MAX_DIGITS + 1 else math.inf
    if _FLOAT.match(raw):
        return float(raw)
    return raw
