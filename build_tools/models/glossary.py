"""The glossary: `data/glossary.yaml`, the abbreviations the site uses and what they stand for."""

from __future__ import annotations

import re
from typing import Annotated, Any

from pydantic import BeforeValidator, Field, WithJsonSchema

from build_tools.models.base import Model, PlainText, _fail
from build_tools.models.source import SourceRef

_TERM = re.compile(r"[A-Za-z0-9]+(?:[-.][A-Za-z0-9]+)*")


def _term(value: Any) -> str:
    if not isinstance(value, str) or not _TERM.fullmatch(value):
        raise _fail("term", "expected an abbreviation of letters and digits, with single hyphens "
                    "or full stops inside (for example GI-TOC)", value)
    return value


TermText = Annotated[str, BeforeValidator(_term),
                     WithJsonSchema({"type": "string", "pattern": f"^{_TERM.pattern}$"})]


class Term(Model):
    """One abbreviation: wherever it appears on the site, readers see what it stands for."""

    term: TermText = Field(description="The abbreviation as it is written, e.g. 'UNTOC'.")
    expansion: PlainText = Field(
        description="What it stands for, e.g. 'United Nations Convention against Transnational "
                    "Organized Crime'; shown as the abbreviation's tooltip.")
    explanation: PlainText = Field(
        description="One sentence, in the site's own words, on what it is and why it matters here.")
    source: SourceRef = Field(description="Where the expansion and the explanation can be checked.")


class GlossaryFile(Model):
    """`data/glossary.yaml`."""

    terms: tuple[Term, ...] = Field(description="Every abbreviation the site explains.")
