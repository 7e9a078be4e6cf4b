"""A YAML syntax error: said where it is, then set aside, so that the rest of the file is read.

libyaml stops at the first error, which would hide every other mistake of the file: a wrong
date and a misspelt field behind an unquoted colon, the next tab line behind the first. So
the broken line is set aside and the text parsed again, until it parses:

- a line indented with a tab is reported, and read with each tab of its indentation as two
  spaces (the data's indentation step), which is what the editor meant in nearly every case;
- any other broken line is blanked with the lines indented under it (what it opened); a list
  item's line becomes a bare `-`, so that the items after it keep their places. Only the
  first such error is reported: a later one may come of the lines set aside;
- what the model then finds in the document is reported, except what the lines set aside
  may explain (`SetAside.hides`): a required field written on one of them, a wrong value of
  a mapping or list that lost lines, anything on a line set aside.

The document read this way only serves to find more mistakes: the file is still refused.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

import yaml

from build_tools.errors import Diagnostic, Location, error

Path_ = tuple[str | int, ...]

# The deepest nesting the reader accepts (`yamlio`), the limit libyaml's own error is worded
# with. The deepest in the shipped data is 6 levels (a table's cells with their sources).
MAX_DEPTH = 20
# A file is parsed again at most this many times (each a few milliseconds for a data file).
MAX_PASSES = 40
# Beyond this size a file is not a data file (the largest holds 30 kB): its first error only.
MAX_CHARS = 256 * 1024
TAB_MESSAGE = "a tab is used for indentation; indent with spaces"
TAB_AS = "  "  # a tab of the indentation, read as the data's indentation step
# Where libyaml's mark is past the mistake (at the next line, or the end of the file), the
# context it gives is at the mistake; for a list or mapping in brackets, at its start.
_AT_CONTEXT = ("while scanning a simple key", "while scanning a quoted scalar")
_FROM_CONTEXT = (*_AT_CONTEXT, "while parsing a flow")
# A line's field name: before its colon, or its first word where the colon is missing.
_KEY = re.compile(r"\s*(?:-\s+)?([\w-]+)")
_QUOTE_HINT = "a value contains ': '; put the whole value in double quotes"
_HINTS = {
    "mapping values are not allowed here": _QUOTE_HINT,
    "mapping values are not allowed in this context": _QUOTE_HINT,
    "could not find expected ':'": "a line is missing the ':' after its field name",
    "found unexpected end of stream": "a quoted value is not closed; add its closing quote",
    "exceeded maximum nesting depth": f"no data file needs more than {MAX_DEPTH} levels",
}


@dataclass(frozen=True)
class SetAside:
    """What was set aside to read the rest of a file: to leave out of the messages what it may
    explain."""

    lines: frozenset[int]  # lines blanked, made a bare `-`, or read with spaces for tabs
    owners: frozenset[Path_]  # mappings and lists that lost lines
    keys: frozenset[str]  # the field names written on the lines blanked

    def hides(self, at: Path_, line: int, missing: str | None = None) -> bool:
        """Whether a problem at `at`, found at `line`, may come of the lines set aside;
        `missing`: the name of a required field missing from the mapping at `at`."""
        if missing is not None:
            return missing in self.keys
        return line in self.lines or at in self.owners


@dataclass(frozen=True)
class _Block:
    start: int  # 1-based
    indent: int
    item: bool  # a list item's lines


@dataclass
class Salvage:
    """The text of a file with a syntax error, its broken lines set aside one at a time."""

    text: str
    path: str
    lines: list[str] = field(init=False)
    blocks: list[_Block] = field(default_factory=list)
    set_aside_lines: set[int] = field(default_factory=set)  # 1-based
    blanked_keys: set[str] = field(default_factory=set)
    reported: bool = False  # a syntax error other than a tab is reported: the first only

    def __post_init__(self) -> None:
        self.lines = self.text.split("\n")

    @property
    def current(self) -> str:
        return "\n".join(self.lines)

    def first_error(self, exc: yaml.MarkedYAMLError) -> list[Diagnostic]:
        """The error as the editor reads it, when the rest of the file is not read."""
        line = _line_of(exc)
        if _is_tab(exc, self.lines, line):
            return [self._tab(line)]
        return [syntax_error(exc, self.path)]

    def neutralise(self, exc: yaml.MarkedYAMLError) -> list[Diagnostic] | None:
        """Set aside the lines of this error and say what is reported of it; None when nothing
        more can be set aside (the error is past the text, or on a line blanked already)."""
        line = _line_of(exc)
        if line >= len(self.lines) or self._emptied(line):
            return None
        if _is_tab(exc, self.lines, line):
            found = self._tab(line)
            self.lines[line] = _spaces_for_tabs(self.lines[line])
            self.set_aside_lines.add(line + 1)
            return [found]
        reported = [] if self.reported or line + 1 in self.set_aside_lines else [
            syntax_error(exc, self.path)]
        self.reported = True
        self._blank(_block_lines(self.lines, line))
        return reported

    def _emptied(self, line: int) -> bool:
        """A blank line, or one left a bare `-` already: nothing more to set aside there."""
        text = self.lines[line].strip()
        return not text or (text == "-" and line + 1 in self.set_aside_lines)

    def _tab(self, line: int) -> Diagnostic:
        return error(Location(self.path, line + 1, self.lines[line].index("\t") + 1), TAB_MESSAGE)

    def _blank(self, block: list[int]) -> None:
        """The block's lines blanked; a list item's first line kept as a bare `-` at its place."""
        first = self.lines[block[0]]
        indent = _width(first)
        item = first.strip() == "-" or first.lstrip(" \t").startswith("- ")
        for n in block:
            key = _KEY.match(self.lines[n])
            if key:
                self.blanked_keys.add(key[1])
            self.lines[n] = ""
            self.set_aside_lines.add(n + 1)
        if item:
            self.lines[block[0]] = " " * indent + "-"
        self.blocks.append(_Block(block[0] + 1, indent, item))

    def set_aside(self, values: dict[Path_, Location], keys: dict[Path_, Location]) -> SetAside:
        """Once the text parses: the lines set aside, the mappings and lists they were in
        (found by the locations of the document read), the field names blanked."""
        starts = _starts(values, keys)
        owners = frozenset(_owner(starts, block) for block in self.blocks)
        return SetAside(frozenset(self.set_aside_lines), owners, frozenset(self.blanked_keys))


def syntax_error(exc: yaml.MarkedYAMLError, path: str) -> Diagnostic:
    """libyaml's words for the error, with a hint where one is known, at the mistake."""
    mark = exc.context_mark if _at_context(exc) else (exc.problem_mark or exc.context_mark)
    location = Location(path, mark.line + 1, mark.column + 1) if mark else Location(path)
    problem = (exc.problem or "the file could not be parsed").strip()
    hint = _HINTS.get(problem)
    return error(location, f"YAML syntax error: {problem}" + (f" ({hint})" if hint else ""))


def _at_context(exc: yaml.MarkedYAMLError, contexts: tuple[str, ...] = _AT_CONTEXT) -> bool:
    return exc.context_mark is not None and (exc.context or "").startswith(contexts)


def _line_of(exc: yaml.MarkedYAMLError) -> int:
    """The 0-based line to set aside: where the mistake is, or where what it breaks starts."""
    mark = exc.context_mark if _at_context(exc, _FROM_CONTEXT) else (
        exc.problem_mark or exc.context_mark)
    return mark.line if mark else 0


def _is_tab(exc: yaml.MarkedYAMLError, lines: list[str], line: int) -> bool:
    """A tab in the indentation, which libyaml words in several obscure ways."""
    problem = exc.problem or ""
    return line < len(lines) and _has_tab_indent(lines[line]) and (
        "tab" in problem or "cannot start any token" in problem)


def _has_tab_indent(line: str) -> bool:
    return "\t" in line[: len(line) - len(line.lstrip(" \t"))]


def _spaces_for_tabs(line: str) -> str:
    indent = len(line) - len(line.lstrip(" \t"))
    return line[:indent].replace("\t", TAB_AS) + line[indent:]


def _width(line: str) -> int:
    """The indentation of a line, a tab counted to the next multiple of eight as YAML's
    readers would show it."""
    expanded = line.expandtabs(8)
    return len(expanded) - len(expanded.lstrip(" "))


def _block_lines(lines: list[str], start: int) -> list[int]:
    """The line `start` and the lines indented under it (its value, the list it opens at its
    own indentation), blank lines between them included."""
    indent = _width(lines[start])
    opens = lines[start].rstrip().endswith(":")
    block, n = [start], start + 1
    while n < len(lines):
        text = lines[n]
        if text.strip() and not text.lstrip(" \t").startswith("#"):
            deeper = _width(text) > indent
            sibling_list = opens and _width(text) == indent and text.lstrip(" \t").startswith("-")
            if not (deeper or sibling_list):
                break
        block.append(n)
        n += 1
    while len(block) > 1 and not lines[block[-1]].strip():  # blank lines after it stay
        block.pop()
    return block


def _starts(values: dict[Path_, Location], keys: dict[Path_, Location]
            ) -> list[tuple[int, int, Path_]]:
    """Every mapping key and list item, as (line, indentation, path), in the file's order: an
    item's indentation is its dash's, two columns before its value."""
    found = [(loc.line, loc.column - 1, at) for at, loc in keys.items()]
    found += [(loc.line, loc.column - 3, at) for at, loc in values.items()
              if at and isinstance(at[-1], int)]
    return sorted(found, key=lambda s: (s[0], s[1]))


def _owner(starts: list[tuple[int, int, Path_]], block: _Block) -> Path_:
    """The mapping or list the block was in: for an item, the list of the items before it;
    else the last key or item before it that is less indented than it (a key's value, an
    item's mapping); the whole file when none is."""
    before = [(indent, at) for line, indent, at in starts if line < block.start]
    if block.item:
        siblings = [at for indent, at in before if indent == block.indent and isinstance(at[-1], int)]
        if siblings:
            return siblings[-1][:-1]
        keys = [at for indent, at in before if indent <= block.indent and isinstance(at[-1], str)]
        return keys[-1] if keys else ()
    outer = [at for indent, at in before if indent < block.indent]
    return outer[-1] if outer else ()
