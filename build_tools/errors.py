"""Diagnostics: where a problem is, how bad it is, and how it is printed.

Every stage reports problems as `Diagnostic` values instead of raising, so
that one run can show an editor every problem in every file at once.
"""

from __future__ import annotations

import enum
from collections.abc import Iterable
from dataclasses import dataclass
from typing import NamedTuple

from build_tools.english import one_line, plural

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
        object.__setattr__(self, "message", one_line(self.message, MESSAGE_CHARS))

    def __str__(self) -> str:
        return f"{self.location}: {self.severity.value}: {self.message}"

    @property
    def sort_key(self) -> tuple[Location, str]:
        return (self.location, self.message)


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
    parts = [plural(errors, "error"), plural(warnings, "warning")]
    return f"{' and '.join(parts)} in {plural(files, 'file')}"


def warnings_line(warnings: list[Diagnostic]) -> str:
    """The count printed after the warnings of a build that went on: warnings never stop one."""
    files = len({d.location.path for d in warnings})
    them = "it" if len(warnings) == 1 else "them"
    return (f"{plural(len(warnings), 'warning')} in {plural(files, 'file')} (the site is built "
            f"and published all the same; fix {them} when you can)")


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
                              f"{plural(len(rest), 'more problem')} in this file not shown; "
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
