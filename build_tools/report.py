"""How a build's diagnostics reach the editor: the one place that prints them.

The command line and the engine adapter both report through `failure` (a build stopped
by errors) and `warnings` (a build that went on: every warning, then their count, as the
last lines of the output, since nothing else would show them). Each diagnostic is printed
as `path:line:col: severity: message`; in a GitHub Actions job (GITHUB_ACTIONS=true) each is
printed once more, on standard output, as `::error file=PATH,line=N,col=N::MESSAGE` (or
`::warning ...`), which GitHub shows on the pull request's changed lines. `make validate`
announces them; `make site`, which follows it in the same job, does not say them twice.

`python -m build_tools site` builds in a child process (MkDocs): there the adapter hands its
warnings over in a file (`save` and `load`, named by `WARNINGS_FILE` in the environment), for
the parent to print once the whole site is built.
"""

from __future__ import annotations

import json
import os
import sys
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import TextIO

from build_tools.errors import (
    DataError,
    Diagnostic,
    Location,
    Severity,
    bounded,
    warning,
    warnings_line,
)

# Set by `engine/publish.py` for its MkDocs builds: the file the adapter writes its warnings to.
WARNINGS_FILE = "BRIEFING_WARNINGS_FILE"


def failure(exc: DataError, stream: TextIO | None = None,
            environ: Mapping[str, str] = os.environ) -> None:
    """Every problem of a stopped build, then its summary line."""
    print(exc.report(), file=stream or sys.stderr)
    announce(exc.diagnostics, environ)


def warnings(found: list[Diagnostic], stream: TextIO | None = None,
             environ: Mapping[str, str] = os.environ, announced: bool = True) -> None:
    """The warnings of a build that went on, located, then their count (nothing when there are
    none); `announced`: also as workflow commands, in GitHub Actions."""
    if not found:
        return
    out = stream or sys.stderr
    sys.stdout.flush()  # after what the command said on standard output
    shown = bounded(found)
    for diagnostic in shown:
        print(diagnostic, file=out)
    print(warnings_line(found), file=out)
    out.flush()
    if announced:
        announce(shown, environ)


def save(found: list[Diagnostic], path: Path) -> None:
    """The warnings of a build in a child process, for the parent (`load`)."""
    rows = [[*d.location, d.message] for d in found]
    path.write_text(json.dumps(rows), encoding="utf-8")


def load(path: Path) -> list[Diagnostic]:
    """What `save` wrote; nothing when the build wrote nothing."""
    try:
        rows = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return []
    return [warning(Location(file, line, column), message) for file, line, column, message in rows]


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
