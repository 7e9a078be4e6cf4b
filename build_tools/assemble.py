"""Assemble: the outputs of every producer -> one dict of generated files (path -> bytes).

A path may have one producer only: two producers of one path (a table whose
id makes its CSV collide with another download, say) stop the build with an
error that names both, instead of one silently replacing the other.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from build_tools.errors import DataError, Location, error


@dataclass(frozen=True)
class Produced:
    by: str  # who produced the files, as a message names it: "the table data/tables/x.yaml"
    files: Mapping[str, str | bytes]
    where: str | None = None  # the data file behind them, for the message's location


def assemble(outputs: Iterable[Produced]) -> dict[str, bytes]:
    files: dict[str, bytes] = {}
    owners: dict[str, Produced] = {}
    problems = []
    for output in outputs:
        for path, content in output.files.items():
            if path in owners:
                first = owners[path]
                where = first.where or output.where or "data"
                problems.append(error(Location(where), (
                    f"the file {path} would be written twice, by {first.by} and by {output.by}; "
                    "rename one of them")))
                continue
            owners[path] = output
            files[path] = content.encode("utf-8") if isinstance(content, str) else content
    if problems:
        raise DataError(problems)
    return dict(sorted(files.items()))
