"""Finding article references in prose: "article 24", "articles 6,2 and 24", "Art. 35" ...

Input: one run of plain text (a markdown-it text token: never code, never the
text of an existing link). Output: every reference in it, each item with its
character span, article number and paragraph, in the numbering of whatever
draft the text was written about. Resolving the numbers to articles of the
final text is the caller's business; this module knows no draft.

The forms come from the sources: "article 24", "Article 4", "articles 24, 35
and 40", "article 6,2" and "40,22" (the UN style for a paragraph),
"Article 23(2)", "Article 40, paragraph 21", "14, paragraphs 1 and 3",
"Articles 6–16" and "Articles 1 to 16" (ranges), "article14", "Art. 24".
A list may carry short asides between its items: "articles 6,2 (on human
rights); 14, paragraphs 1 and 3; ... and 40,22". A reference followed by "of"
and the name of another instrument ("Article 2 of the UNTOC") is not one of
ours and is left out.

Written by hand because no maintained library parses legal cross-references
in English prose; it is small and covered by example and property tests.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_NUM = r"\d{1,3}(?!\d)"
_PARAGRAPHS = (r"(?:,(?=\d)(?P<{n}c>\d{{1,3}})(?![\d.])"                      # 6,2
               r"|\((?P<{n}p>\d{{1,3}})\)(?:\([a-z]\))?"                      # 23(2), 23(2)(c)
               r"|\.(?P<{n}d>\d{{1,2}})(?![\d])"                              # 57.4
               r"|,?\s+paragraphs?\s+(?P<{n}w>\d{{1,3}}(?:\s*(?:,|and|&)\s*\d{{1,3}})*))")  # , paragraph 21
_RANGE_SEP = r"\s*(?:–|—|-|to)\s*"
# A number after "and" that counts something is not an article: "article 24 and 35 states".
_NOT_AN_ARTICLE = (r"(?!\s*(?:states|countries|delegations|members|governments|years|days|hours|"
                   r"pages|percent|per\s*cent|%|ratifications|votes))")


def _item(name: str) -> str:
    paragraphs = _PARAGRAPHS.format(n=name)
    return (rf"(?P<{name}>(?P<{name}a>{_NUM})"
            rf"(?:{_RANGE_SEP}(?P<{name}r>{_NUM})|{paragraphs})?){_NOT_AN_ARTICLE}")


_TRIGGER = re.compile(r"\b(?:[Aa]rticles?|ARTICLES?|[Aa]rts?\.|[Aa]rts(?=\s+\d))\s*(?=\d)")
# Where a trigger may start, one letter in: patterns that open with a literal are searched
# for by a fast scan, while `_TRIGGER`, which opens with a word boundary, is tried at every
# character. Each match of `_TRIGGER` at i has a match of one of these at i + 1.
_AFTER_A = re.compile(r"rt(?:icles?|s?\.|s(?=\s+\d))\s*(?=\d)")
_AFTER_CAPITAL_A = re.compile(r"RTICLES?\s*(?=\d)")
_FIRST = re.compile(_item("i"))
_NEXT = re.compile(r"(?P<sep>\s*(?:\([^()\n]{1,80}\)\s*)?(?:;(?:\s+and)?|,|,?\s+and|,?\s+or|&)\s+"
                   r"(?:[Aa]rticles?\s+|[Aa]rts?\.\s*)?)" + _item("i"))
# "... of the UNTOC", "... of the Budapest Convention": another instrument's article.
_OTHER_INSTRUMENT = re.compile(
    r"\s+(?:of|in|under)\s+(?:the\s+)?(?!(?:this|present|draft|revised|updated|zero|final|new|"
    r"same|its|said)\b)(?![Cc]onvention\b|[Tt]reaty\b|[Dd]raft\b|[Tt]ext\b)[A-Z]")


@dataclass(frozen=True)
class Item:
    """One article (or range) named in a reference, with the span of its text."""

    start: int
    end: int
    article: int
    paragraphs: tuple[int, ...] = ()
    last: int | None = None  # the end of a range "6–16"

    @property
    def articles(self) -> tuple[int, ...]:
        if self.last is None:
            return (self.article,)
        low, high = sorted((self.article, self.last))
        return tuple(range(low, high + 1))


@dataclass(frozen=True)
class Reference:
    """A whole reference phrase ("articles 29 and 30") and its items."""

    start: int
    end: int
    items: tuple[Item, ...]


def find_references(text: str) -> list[Reference]:
    found: list[Reference] = []
    position = 0
    while (trigger := _next_trigger(text, position)) is not None:
        first = _FIRST.match(text, trigger.end())
        if first is None:
            position = trigger.end()
            continue
        items = [_make_item(first, trigger.start())]
        end = first.end()
        while (more := _NEXT.match(text, end)) is not None:
            items.append(_make_item(more, more.start("i")))
            end = more.end()
        position = end
        if _OTHER_INSTRUMENT.match(text, end):
            continue
        found.append(Reference(trigger.start(), end, tuple(items)))
    return found


def _next_trigger(text: str, position: int) -> re.Match[str] | None:
    """What `_TRIGGER.search(text, position)` finds, found faster."""
    capitals = "RTICLE" in text
    at = position + 1
    while True:
        candidate = _AFTER_A.search(text, at)
        if capitals and (upper := _AFTER_CAPITAL_A.search(text, at)) is not None and (
                candidate is None or upper.start() < candidate.start()):
            candidate = upper
        if candidate is None:
            return None
        trigger = _TRIGGER.match(text, candidate.start() - 1)  # the word boundary is seen
        if trigger is not None:
            return trigger
        at = candidate.start() + 1


def _make_item(match: re.Match[str], start: int) -> Item:
    article = int(match["ia"])
    last = int(match["ir"]) if match["ir"] else None
    single = match["ic"] or match["ip"] or match["id"]
    if single:
        paragraphs: tuple[int, ...] = (int(single),)
    elif match["iw"]:
        paragraphs = tuple(int(n) for n in re.findall(r"\d+", match["iw"]))
    else:
        paragraphs = ()
    return Item(start, match.end("i"), article, paragraphs, last)
