"""Glossary terms in editor prose -> accessible abbreviations, on markdown-it's token stream.

Input: the children of one inline token (the words of a paragraph, list item
or table cell; never a heading's, which the caller leaves out). Output: the
same tokens with every occurrence of a glossary term in plain text wrapped in
`<abbr title="expansion" tabindex="0">`, the markup the theme's tooltips
read; `tabindex` lets a keyboard reach it, and the tooltip then opens on
focus as it does on hover. Text inside a link (an editor's or an article
reference's) and code are left alone: code is a token of its own, and link
text is found by the depth of link tokens around it.

Hand-written because editor prose is rendered by this pipeline, not by
Python-Markdown, whose `abbr` extension does the same for the site's other
pages (`build_tools/engine/abbreviations.py`).
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterable, Iterator

from markdown_it.token import Token

from build_tools.models.glossary import Term
from build_tools.prose.markdown import escape_html

_LINK_DEPTH = {"link_open": 1, "link_close": -1}
_WORD_CHAR = re.compile(r"[\w-]")


class Glossary:
    """The terms to mark, compiled once per build."""

    def __init__(self, terms: Iterable[Term]):
        self.expansions = {t.term: t.expansion for t in terms}
        names = sorted(self.expansions, key=lambda t: (-len(t), t))  # longest first: GI-TOC, not GI
        # A term is a whole word: not inside a longer one, before or after. The check before
        # it is made on each match (`_found`) rather than in the pattern, so that the pattern
        # starts with the terms' letters, which the regex engine looks for quickly.
        self.pattern = (re.compile("(?:" + "|".join(map(re.escape, names)) + r")(?![\w-])")
                        if names else None)

    def digest(self) -> str:
        """What marking depends on: the terms and their expansions (part of the cache key)."""
        text = "\0".join(f"{k}\0{v}" for k, v in sorted(self.expansions.items()))
        return hashlib.sha256(text.encode()).hexdigest()

    def occurs_in(self, text: str) -> bool:
        return next(self._found(text), None) is not None

    def _found(self, text: str) -> Iterator[re.Match[str]]:
        """Each term in `text`, as a whole word."""
        if self.pattern is None:
            return
        for found in self.pattern.finditer(text):
            start = found.start()
            if not start or not _WORD_CHAR.match(text, start - 1):
                yield found

    def html(self, text: str) -> str:
        """Plain text (words quoted from editor prose) as HTML, its terms marked as in `mark`."""
        if not self.occurs_in(text):
            return escape_html(text)
        out, position = [], 0
        for found in self._found(text):
            term = found.group(0)
            title = escape_html(self.expansions[term])
            out += [escape_html(text[position:found.start()]),
                    f'<abbr title="{title}" tabindex="0">{escape_html(term)}</abbr>']
            position = found.end()
        out.append(escape_html(text[position:]))
        return "".join(out)

    def mark(self, tokens: list[Token]) -> list[Token]:
        if self.pattern is None:
            return tokens
        out: list[Token] = []
        depth = 0
        for token in tokens:
            depth += _LINK_DEPTH.get(token.type, 0)
            if token.type == "text" and not depth and self.occurs_in(token.content):
                out += self._split(token.content)
            else:
                out.append(token)
        return out

    def _split(self, text: str) -> list[Token]:
        out: list[Token] = []
        position = 0
        for found in self._found(text):
            if found.start() > position:
                out.append(Token("text", "", 0, content=text[position:found.start()]))
            term = found.group(0)
            out += [Token("abbr_open", "abbr", 1,
                          attrs={"title": self.expansions[term], "tabindex": "0"}),
                    Token("text", "", 0, content=term),
                    Token("abbr_close", "abbr", -1)]
            position = found.end()
        if position < len(text):
            out.append(Token("text", "", 0, content=text[position:]))
        return out

