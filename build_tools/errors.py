"""Diagnostics: where a problem is, how bad it is, and how it is printed.

Every stage reports problems as `Diagnostic` values instead of raising, so
that one run can show an editor every problem in every file at once.
"""

from __future__ import annotations

import enum
from collections.abc import Iterable
from dataclasses import dataclass
from typing import NamedTuple

from build_tools.english import plural


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


class DataError(Exception):
    """Raised by the pipeline when the data has errors; carries every diagnostic."""

    def __init__(self, diagnostics: list[Diagnostic]) -> None:
        super().__init__(summary_line(diagnostics))
        self.diagnostics = diagnostics

    def report(self) -> str:
        lines = [str(d) for d in self.diagnostics]
        lines.append(f"Build stopped: {summary_line(self.diagnostics)}.")
        return "\n".join(lines)
