"""The glossary's own rule: each abbreviation is defined once (its sources are checked with every
other file's in `validate.py`)."""

from __future__ import annotations

from build_tools.english import field_path
from build_tools.errors import Diagnostic, error
from build_tools.load.stage import Parsed
from build_tools.models.glossary import GlossaryFile, Term


def glossary_terms(parsed: Parsed[GlossaryFile] | None, out: list[Diagnostic]) -> tuple[Term, ...]:
    """The terms of `data/glossary.yaml` (none when the file is absent or broken); an error for
    each term defined again, at its second place."""
    if parsed is None:
        return ()
    first: dict[str, int] = {}
    for i, term in enumerate(parsed.model.terms):
        if term.term in first:
            earlier = parsed.doc.location(("terms", first[term.term], "term"))
            at = ("terms", i, "term")
            out.append(error(parsed.doc.location(at), (
                f"{field_path(at, parsed.doc.line_of)}: '{term.term}' is already defined "
                f"(first at line {earlier.line}); define each abbreviation once")))
        first.setdefault(term.term, i)
    return parsed.model.terms
