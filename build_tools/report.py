"""How a build's diagnostics reach the editor: the one place that prints them.

The command line and the engine adapter both report through `failure` (a build stopped
by errors) and `warnings` (a build that succeeded with warnings). Each diagnostic is
printed as `path:line:col: severity: message`; in a GitHub Actions job (GITHUB_ACTIONS=true)
each is printed once more, on standard output, as `::error file=PATH,line=N,col=N::MESSAGE`,
which GitHub shows on the pull request's changed lines.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Callable, Iterable, Mapping
from typing import TextIO

from build_tools.errors import DataError, Diagnostic, Severity, bounded


def failure(exc: DataError, stream: TextIO | None = None,
            environ: Mapping[str, str] = os.environ) -> None:
    """Every problem of a stopped build, then its summary line."""
    print(exc.report(), file=stream or sys.stderr)
    announce(exc.diagnostics, environ)


def warnings(found: list[Diagnostic], say: Callable[[str], None] | None = None,
             environ: Mapping[str, str] = os.environ) -> None:
    """The warnings of a build that went on, each through `say` (default: standard error)."""
    shown = bounded(found)
    for warning in shown:
        if say is None:
            print(warning, file=sys.stderr)
        else:
            say(str(warning))
    announce(shown, environ)


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
