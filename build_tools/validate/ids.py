"""The rule every list of records with ids follows: each id is given once in its file."""

from __future__ import annotations

from typing import Any

from build_tools.english import excerpt
from build_tools.errors import Diagnostic, error
from build_tools.load.stage import Parsed


def unique_ids(parsed: Parsed[Any], field: str, out: list[Diagnostic]) -> set[str]:
    """The ids of `parsed.model.<field>`; an error for each id given again, at its second place."""
    seen: dict[str, int] = {}
    for i, item in enumerate(getattr(parsed.model, field)):
        if item.id in seen:
            first = parsed.doc.location((field, seen[item.id], "id"))
            out.append(error(parsed.doc.location((field, i, "id")),
                             f"the id {excerpt(item.id)} is used twice (first at line {first.line})"))
        seen.setdefault(item.id, i)
    return set(seen)
