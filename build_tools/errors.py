"""Diagnostics: where a problem is, how bad it is, and how it is printed.

Every stage reports problems as `Diagnostic` values instead of raising, so
that one run can show an editor every problem in every file at once.
"""

from __future__ import annotations

import enum
from collections.abc import Iterable
from dataclasses import dataclass
from typing import NamedTuple

# What a message may quote of the value it is about: enough to recognise it, never the
# whole of a long text (a message is one line; a hostile file must not make it huge).
EXCERPT_CHARS = 60
# Problems shown for one file; a count stands for the rest.
MAX_PER_FILE = 20
# The longest message printed; every message is built to be shorter, this is a last guard.
MESSAGE_CHARS = 400


class Location(NamedTuple):
    """A place in a data file: path relative to the repository, 1-based line and column.

    A named tuple rather than a frozen dataclass: one is made for every node of
    every file, and tuples are several times cheaper to create.
    """

    path: str
    line: int = 1
    column: int = 1

    def __str__(self) -> str:
        return f"{self.path}:{self.line}:{self.column}"


class Severity(enum.Enum):
    ERROR = "error"
    WARNING = "warning"


@dataclass(frozen=True)
class Diagnostic:
    location: Location
    severity: Severity
    message: str

    def __post_init__(self) -> None:
        # One line of bounded length, whatever the value a message quotes.
        object.__setattr__(self, "message", _one_line(self.message, MESSAGE_CHARS))

    def __str__(self) -> str:
        return f"{self.location}: {self.severity.value}: {self.message}"

    @property
    def sort_key(self) -> tuple[Location, str]:
        return (self.location, self.message)


def excerpt(value: object, limit: int = EXCERPT_CHARS) -> str:
    """A value as a message quotes it: text in single quotes, cut to `limit` characters
    with an ellipsis, control characters shown as escapes; anything else as its repr, cut."""
    if isinstance(value, str):
        return f"'{_one_line(value, limit)}'"
    if isinstance(value, int) and value.bit_length() > 4 * limit:
        return f"a number of about {value.bit_length() * 3 // 10} digits"  # repr() could refuse it
    return _one_line(repr(value), limit)


def _one_line(text: str, limit: int) -> str:
    cut = len(text) > limit
    text = text[:limit]  # only the start is shown: a long value costs nothing more
    if not text.isprintable():
        text = "".join(c if c.isprintable() else repr(c)[1:-1] for c in text)
    if cut or len(text) > limit:
        text = text[: limit - 1] + "…"
    return text


def error(location: Location, message: str) -> Diagnostic:
    return Diagnostic(location, Severity.ERROR, message)


def warning(location: Location, message: str) -> Diagnostic:
    return Diagnostic(location, Severity.WARNING, message)


def sorted_diagnostics(diagnostics: Iterable[Diagnostic]) -> list[Diagnostic]:
    return sorted(set(diagnostics), key=lambda d: d.sort_key)


def count_errors(diagnostics: Iterable[Diagnostic]) -> int:
    return sum(1 for d in diagnostics if d.severity is Severity.ERROR)


def summary_line(diagnostics: list[Diagnostic]) -> str:
    """The one-line count printed after the diagnostics."""
    errors = count_errors(diagnostics)
    warnings = len(diagnostics) - errors
    files = len({d.location.path for d in diagnostics})
    parts = [_plural(errors, "error"), _plural(warnings, "warning")]
    return f"{' and '.join(parts)} in {_plural(files, 'file')}"


def _plural(count: int, noun: str) -> str:
    return f"{count} {noun}" if count == 1 else f"{count} {noun}s"


def bounded(diagnostics: list[Diagnostic]) -> list[Diagnostic]:
    """The first MAX_PER_FILE problems of each file (sorted), then one line for the rest:
    nobody reads a thousand messages, and a file built to cause them must not flood a log."""
    shown: dict[str, int] = {}
    more: dict[str, list[Diagnostic]] = {}
    out: list[Diagnostic] = []
    for diagnostic in diagnostics:
        path = diagnostic.location.path
        if shown.get(path, 0) < MAX_PER_FILE:
            shown[path] = shown.get(path, 0) + 1
            out.append(diagnostic)
        else:
            more.setdefault(path, []).append(diagnostic)
    for rest in more.values():
        severity = min((d.severity for d in rest), key=lambda s: s is not Severity.ERROR)
        out.append(Diagnostic(rest[0].location, severity,
                              f"{_plural(len(rest), 'more problem')} in this file not shown; "
                              "fix the ones above first"))
    return sorted(out, key=lambda d: d.sort_key)


class DataError(Exception):
    """Raised by the pipeline when the data has errors; carries the diagnostics to show
    (every one, up to MAX_PER_FILE a file) and the count of all."""

    def __init__(self, diagnostics: list[Diagnostic]) -> None:
        self.summary = summary_line(diagnostics)
        super().__init__(self.summary)
        self.diagnostics = bounded(diagnostics)

    def report(self) -> str:
        lines = [str(d) for d in self.diagnostics]
        lines.append(f"Build stopped: {self.summary}.")
        return "\n".join(lines)
