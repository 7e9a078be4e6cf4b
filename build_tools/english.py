"""Wording shared by messages and pages: plurals, field paths, "did you mean". A leaf module."""

from __future__ import annotations

import difflib
from collections.abc import Iterable


def plural(count: int, noun: str) -> str:
    """1 error, 2 errors."""
    return f"{count} {noun}" if count == 1 else f"{count} {noun}s"


def field_path(at: Iterable[str | int]) -> str:
    """('milestones', 2, 'body') -> 'milestones[2].body', as messages name a field."""
    out = ""
    for part in at:
        out += f"[{part}]" if isinstance(part, int) else (f".{part}" if out else str(part))
    return out


def closest(value: str, known: Iterable[str]) -> str | None:
    """The known name closest to a misspelt one, if one is close enough."""
    found = difflib.get_close_matches(value, sorted(known), n=1, cutoff=0.6)
    return found[0] if found else None


def did_you_mean(value: str, known: Iterable[str], otherwise: str) -> str:
    """"did you mean 'x'?" with the closest known name, else `otherwise`."""
    close = closest(value, known)
    return f"did you mean '{close}'?" if close else otherwise


def unknown(kind: str, value: str, known: Iterable[str], listed_in: str) -> str:
    """A reference to something that does not exist, with the closest name or where the
    known ones are: "unknown draft 'x'; did you mean 'y'?"."""
    hint = did_you_mean(value, known, f"the {kind}s are listed in {listed_in}")
    return f"unknown {kind} '{value}'; {hint}"
