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
from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from typing import Any, NamedTuple

import yaml

from build_tools.english import excerpt
from build_tools.errors import Diagnostic, Location, error
from build_tools.load.syntax import MAX_CHARS as MAX_SALVAGED_CHARS
from build_tools.load.syntax import MAX_DEPTH, MAX_PASSES, Salvage, SetAside

# libyaml's parser is about eight times faster than the pure-Python one and
# reports the same marks; it is optional in PyYAML wheels.
_CParser: type | None = getattr(getattr(yaml, "_yaml", None), "CParser", None)

Path_ = tuple[str | int, ...]

_NULL = {"", "~", "null", "Null", "NULL"}
_TRUE = {"true", "True", "TRUE"}
_FALSE = {"false", "False", "FALSE"}
_INT = re.compile(r"[-+]?[0-9]+\Z")
_FLOAT = re.compile(r"[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?\Z")
_QUOTED_STYLES = {"'", '"', "|", ">"}
# More digits than any count, number or year in the data; also the most a JavaScript
# number (in the JSON downloads) holds exactly.
MAX_DIGITS = 15
# The longest text in the shipped data is under 4,000 characters.
MAX_TEXT = 100_000
# Rendering Markdown costs up to about 0.1 ms per list item, link, emphasis mark or
# bracket (plain words cost almost nothing), and a summary is rendered on several pages:
# this bounds what one file can cost. The shipped files hold at most 165.
_MARK = re.compile(r"[\n\[\]*_~`<>!#|&\\]")
MAX_MARKS = 5_000
# The shipped files hold at most about 1,300 values (keys included).
MAX_VALUES = 20_000
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
    set_aside: SetAside | None = None  # read past a syntax error: what was left out

    def location(self, path: Path_) -> Location:
        """The closest known location of `path`: the value, else its key, else a parent."""
        for end in range(len(path), -1, -1):
            prefix = path[:end]
            if prefix in self.values:
                return self.values[prefix]
        return Location(self.path)

    def line_of(self, path: Path_) -> int:
        """The line of `path`, as messages name an item (`english.field_path`)."""
        return self.location(path).line

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
    """Parse one file. Returns the document and the problems found in it: with problems, the
    document is what could still be read (`set_aside` says what was not), to find more
    mistakes in, and None when nothing more could be read."""
    text, problem = _decode(data, path)
    if problem:
        return None, [problem]
    builder, failure = _parse(text, path)
    if isinstance(failure, yaml.MarkedYAMLError):
        return _salvaged(text, path, failure)
    if failure is not None:  # a ReaderError: a character that YAML does not allow
        return None, [_bad_character(text, path)]
    return builder.document(), builder.out


def _parse(text: str, path: str) -> tuple[_Builder, yaml.YAMLError | None]:
    builder = _Builder(YamlDocument(path=path, value=None))
    try:
        builder.read(_events(text))
    except yaml.YAMLError as exc:
        return builder, exc
    return builder, None


def _salvaged(text: str, path: str, exc: yaml.MarkedYAMLError
              ) -> tuple[YamlDocument | None, list[Diagnostic]]:
    """The syntax error, and what the rest of the file still shows (`syntax.py`)."""
    salvage = Salvage(text, path)
    if len(text) > MAX_SALVAGED_CHARS:
        return None, salvage.first_error(exc)
    out: list[Diagnostic] = []
    for _ in range(MAX_PASSES):
        found = salvage.neutralise(exc)
        if found is None:
            break
        out += found
        builder, failure = _parse(salvage.current, path)
        if failure is None:
            if builder.stopped:
                return None, out + builder.out
            doc = builder.document()
            set_aside = salvage.set_aside(doc.values, doc.keys)
            kept = [d for d in builder.out if d.location.line not in set_aside.lines]
            return replace(doc, set_aside=set_aside), out + kept
        if not isinstance(failure, yaml.MarkedYAMLError):
            break
        exc = failure
    return None, out or salvage.first_error(exc)


def _events(text: str) -> Iterable[yaml.Event]:
    """The parser's events, read straight from libyaml when PyYAML has it: a loader would
    also set up a constructor and a resolver, which are never used here."""
    if _CParser is None:
        return yaml.parse(text, Loader=yaml.SafeLoader)
    return iter(_CParser(text).get_event, None)


_UTF16_BOMS = (b"\xff\xfe", b"\xfe\xff")
# A UTF-16 file of a language written in Latin letters has a NUL byte beside nearly every
# other byte: at one of the two places of each pair, in this share of the pairs read.
_UTF16_PAIRS = 200
_UTF16_SHARE = 0.9


def _utf16(data: bytes) -> bool:
    """Whether the file is UTF-16 text: a byte-order mark, or without one (as some editors save
    it) NUL bytes at the even or at the odd places, which UTF-8 text never has."""
    if data.startswith(_UTF16_BOMS):
        return True
    pairs = len(data[: 2 * _UTF16_PAIRS]) // 2
    if pairs < 2:
        return False
    head = data[: 2 * pairs]
    return any(head[side::2].count(0) >= _UTF16_SHARE * pairs for side in (0, 1))


def _decode(data: bytes, path: str) -> tuple[str, Diagnostic | None]:
    if _utf16(data):
        return "", error(Location(path), "the file is UTF-16 text, not UTF-8; save it again with "
                                         "the UTF-8 encoding")
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


def _mark(node: yaml.Node | yaml.Event, path: str) -> Location:
    mark = node.start_mark
    return Location(path, mark.line + 1, mark.column + 1) if mark else Location(path)


# Keys whose value is read and then dropped: a duplicate key, or a key that is no text.
_DROP = object()
_READING_KEY = object()  # a key that is a mapping or list (refused), being read


@dataclass
class _Open:
    """A mapping or list being read; `key` is the key read and waiting for its value."""

    value: dict[str, Any] | list[Any]
    at: Path_
    key: object = None


class _Builder:
    """Parser events -> plain values, recording where each came from, within the limits above.

    Built from the event stream, not from PyYAML's node graph: an anchor or alias is
    refused where the parser meets it, nothing is ever expanded, and reading stops at
    the first limit, so a hostile file costs no more than the part of it read so far.
    """

    def __init__(self, doc: YamlDocument) -> None:
        self.doc = doc
        self.out: list[Diagnostic] = []
        self.stack: list[_Open] = []
        self.root: Any = None
        self.documents = 0
        self.count = 0  # values and keys so far
        self.marks = 0  # Markdown marks and line breaks in the file's texts so far
        self.refused = 0  # anchors and aliases
        self.stopped = False  # no value is built any more: the file is refused
        self.done = False  # nothing more is read

    def document(self) -> YamlDocument:
        doc = self.doc
        return YamlDocument(doc.path, self.root, doc.values, doc.keys, doc.texts)

    def read(self, events: Iterable[yaml.Event]) -> None:
        for event in events:
            if self.done:
                return
            if isinstance(event, yaml.NodeEvent) and event.anchor is not None:
                self.anchor_or_alias(event)
            elif self.stopped:
                continue  # past an anchor, only more anchors and aliases are looked for
            elif isinstance(event, yaml.ScalarEvent | yaml.CollectionStartEvent):
                self.add(event)
            elif isinstance(event, yaml.CollectionEndEvent):
                self.attach(self.stack.pop().value)
            elif isinstance(event, yaml.DocumentStartEvent):
                self.documents += 1
                if self.documents > 1:
                    self.stop(event, "a second document starts here, and a data file holds "
                              "one; remove the line '---' and what follows, or split the file")

    def anchor_or_alias(self, event: yaml.NodeEvent) -> None:
        name = str(event.anchor)
        self.refused += 1
        if self.refused > MAX_REFUSED:
            self.stop(event, "more anchors or aliases follow; remove them all and write each "
                      "value out in full")
        elif isinstance(event, yaml.AliasEvent):
            self.stop(event, f"the alias {excerpt('*' + name)} is not allowed in data files; "
                      "write the value out in full instead of referring to another one",
                      final=False)
        else:
            self.stop(event, f"the anchor {excerpt('&' + name)} is not allowed in data files; "
                      "remove it and write each value out in full", final=False)

    def add(self, event: yaml.ScalarEvent | yaml.CollectionStartEvent) -> None:
        self.count += 1
        if self.count > MAX_VALUES:
            self.stop(event, f"this file holds more than {MAX_VALUES:,} values by here, which "
                      "no data file needs; check that it is the right file, or split it")
            return
        location = _mark(event, self.doc.path)
        top = self.stack[-1] if self.stack else None
        if top is None:
            at: Path_ = ()
        elif isinstance(top.value, list):
            at = (*top.at, len(top.value))
        elif top.key is None:
            self.key(event, top, location)
            return
        else:
            at = (*top.at, "?" if top.key is _DROP else str(top.key))
        self.doc.values[at] = location
        if isinstance(event, yaml.ScalarEvent):
            self.attach(self.scalar(event, at, location))
        else:
            self.open(event, at)

    def key(self, event: yaml.ScalarEvent | yaml.CollectionStartEvent, top: _Open,
            location: Location) -> None:
        if not isinstance(event, yaml.ScalarEvent):
            self.out.append(error(location, "a field name must be plain text"))
            top.key = _READING_KEY
            self.open(event, (*top.at, "?"))
            return
        name = str(event.value)
        if (*top.at, name) in self.doc.keys:
            first = self.doc.keys[(*top.at, name)]
            self.out.append(error(location, f"duplicate key {excerpt(name)} "
                                  f"(first given at line {first.line})"))
            top.key = _DROP
            return
        self.doc.keys[(*top.at, name)] = location
        top.key = name

    def open(self, event: yaml.Event, at: Path_) -> None:
        if len(self.stack) >= MAX_DEPTH:
            self.stop(event, f"the values here are nested more than {MAX_DEPTH} levels deep, "
                      "which no data file needs; check the indentation")
            return
        value: dict[str, Any] | list[Any] = {} if isinstance(event, yaml.MappingStartEvent) else []
        self.stack.append(_Open(value, at))

    def attach(self, value: Any) -> None:
        if not self.stack:
            self.root = value
            return
        top = self.stack[-1]
        if isinstance(top.value, list):
            top.value.append(value)
        elif top.key is _READING_KEY:
            top.key = _DROP  # the refused key is read: its value comes next, and is dropped
        else:
            if top.key is not _DROP:
                top.value[str(top.key)] = value
            top.key = None

    def scalar(self, event: yaml.ScalarEvent, at: Path_, location: Location) -> Any:
        raw: str = event.value
        block = event.style in ("|", ">")
        self.doc.texts[at] = TextOrigin(location.line, location.column, block)
        if len(raw) > MAX_TEXT:
            return self.stop(event, f"this text is {len(raw):,} characters long; a value in a "
                             f"data file holds at most {MAX_TEXT:,}")
        self.marks += len(_MARK.findall(raw))
        if self.marks > MAX_MARKS:
            return self.stop(event, (
                f"the texts of this file hold more than {MAX_MARKS:,} line breaks and "
                "Markdown marks (such as [, *, _, `, < and #) by here, which no data file "
                "needs; check that it is the right file, or split it"))
        if event.style in _QUOTED_STYLES:
            return raw
        value = _resolve_plain(raw)
        if isinstance(value, int | float) and not isinstance(value, bool) and _too_long(raw, value):
            return self.stop(event, (
                f"the number {excerpt(raw)} is too large or too long to be data (at most "
                f"{MAX_DIGITS} digits); put it in double quotes if it is text"))
        return value

    def stop(self, event: yaml.Event, message: str, final: bool = True) -> None:
        """A limit or a forbidden construct, said at its place. The file is refused; after a
        limit it is read no further, after an anchor or alias only to find the next ones."""
        self.out.append(error(_mark(event, self.doc.path), message))
        self.stopped = True
        self.done = final


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
