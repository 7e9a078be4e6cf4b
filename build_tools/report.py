"""Diagnostics as GitHub Actions workflow commands, so that each shows on its line of a diff.

In a GitHub Actions job (GITHUB_ACTIONS=true) every error and warning is printed
once more, on standard output, as `::error file=PATH,line=N,col=N::MESSAGE`;
GitHub turns these into annotations on the pull request's changed lines.
Anywhere else nothing is printed and the output is unchanged.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Iterable, Mapping
from typing import TextIO

from build_tools.errors import Diagnostic, Severity


def in_actions(environ: Mapping[str, str] = os.environ) -> bool:
    return environ.get("GITHUB_ACTIONS") == "true"


def workflow_command(diagnostic: Diagnostic) -> str:
    where = diagnostic.location
    kind = "error" if diagnostic.severity is Severity.ERROR else "warning"
    return (f"::{kind} file={_property(where.path)},line={where.line},col={where.column}"
            f"::{_data(diagnostic.message)}")


def announce(diagnostics: Iterable[Diagnostic], environ: Mapping[str, str] = os.environ,
             stream: TextIO | None = None) -> None:
    """Print the workflow commands when running in GitHub Actions; otherwise do nothing."""
    if not in_actions(environ):
        return
    out = stream or sys.stdout
    for diagnostic in diagnostics:
        print(workflow_command(diagnostic), file=out)
    out.flush()


# The escaping GitHub's runner undoes (as in its own toolkit's `issueCommand`).
def _data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _property(text: str) -> str:
    return _data(text).replace(":", "%3A").replace(",", "%2C")
