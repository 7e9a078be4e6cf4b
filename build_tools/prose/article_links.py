"""Article references in editor prose -> links to the article pages, and the mentions they make.

Input: the plain text of one markdown-it text token (never code, never the
text of a link) and the draft whose numbering the prose uses. Output: the
text cut into plain pieces and linked pieces (links in root form), with a
`Mention` for every article named and a `Problem` for every number that no
article of the final text had in that draft. Finding the phrases is
`references.py`'s job; resolving a number through the drafts is the
`Convention`'s.
"""

from __future__ import annotations

import functools
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import NamedTuple

from build_tools import urls
from build_tools.models.dataset import Convention
from build_tools.prose.references import find_references

CONTEXT_CHARS = 90  # of text kept on each side of a reference in "Mentioned in"


# Origins and mentions are named tuples: thousands of them are keys of dicts and caches,
# and a tuple's hash is computed in C.
class Origin(NamedTuple):
    """Where a mention was made: an update, a session summary or an annotation."""

    kind: str  # "update", "session" or "annotation"
    title: str
    page: str  # source path of the page, e.g. "sessions/x/updates/02-a-dark-moment.md"
    date: str  # ISO date, possibly partial: mentions are listed newest first
    anchor: str = ""  # on that page, e.g. "note-24-1"


class Mention(NamedTuple):
    article: int  # in the final text
    paragraphs: tuple[int, ...]
    context: str  # the words around the reference (out of the prose stage: HTML, terms marked)
    origin: Origin


@dataclass(frozen=True)
class Problem:
    line: int  # 0-based, in the field's text
    column: int  # 0-based, in that line
    message: str


def updates_naming(mentions: Iterable[Mention]) -> dict[int, int]:
    """For each article, the number of daily updates that name it."""
    updates: dict[int, set[str]] = {}
    for mention in mentions:
        if mention.origin.kind == "update":
            updates.setdefault(mention.article, set()).add(mention.origin.page)
    return {article: len(pages) for article, pages in updates.items()}


@dataclass
class ArticleLinker:
    """Links the references in one field; one linker per field rendered."""

    convention: Convention
    draft: str  # id of the draft whose numbering the text uses
    draft_title: str
    source: str  # the field's raw text, to place problems by line and column
    origin: Origin | None  # None: link, but do not count as a mention
    mentions: list[Mention] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)

    def link(self, text: str, line: int) -> list[str | tuple[str, str]]:
        """`text` as pieces: plain strings, and (words, href) pairs to make into links."""
        pieces: list[str | tuple[str, str]] = []
        position = 0
        for reference in find_references(text):
            context = _context(text, reference.start, reference.end)
            for item in reference.items:
                found = [self.convention.resolve(self.draft, n) for n in item.articles]
                missing = [n for n, a in zip(item.articles, found, strict=True) if a is None]
                if missing:
                    self._problem(text[item.start:item.end], line, missing)
                known = [a for a in found if a is not None]
                if not known:
                    continue
                paragraphs = item.paragraphs if item.last is None and self._paragraphs else ()
                pieces += [text[position:item.start],
                           (text[item.start:item.end], self._href(known[0], paragraphs))]
                position = item.end
                if self.origin is not None:
                    self.mentions += [Mention(a, paragraphs, context, self.origin) for a in known]
        pieces.append(text[position:])
        return [p for p in pieces if p]

    @functools.cached_property
    def _paragraphs(self) -> bool:
        return self.convention.keeps_paragraphs(self.draft)

    def _href(self, article: int, paragraphs: tuple[int, ...]) -> str:
        return urls.in_prose(urls.article_link(article, paragraphs[:1]))

    def _problem(self, words: str, line: int, missing: list[int]) -> None:
        numbers = " and ".join(str(n) for n in missing)
        self.problems.append(Problem(*_place(self.source, words, line), (
            f"'{words}': no article of the convention is known to have been article {numbers} "
            f"of the {self.draft_title}; check the number, or set 'draft' to the text it refers to")))


def _context(text: str, start: int, end: int) -> str:
    before = text[max(0, start - CONTEXT_CHARS):start]
    after = text[end:end + CONTEXT_CHARS]
    if start > CONTEXT_CHARS:
        before = "…" + before.split(" ", 1)[-1]
    if end + CONTEXT_CHARS < len(text):
        after = after.rsplit(" ", 1)[0] + "…"
    return " ".join((before + text[start:end] + after).split())


def _place(source: str, words: str, line: int) -> tuple[int, int]:
    """Line and column of `words` in the raw text, searching from `line` on."""
    lines = source.split("\n")
    for number in range(line, len(lines)):
        column = lines[number].find(words)
        if column >= 0:
            return number, column
    return line, 0

