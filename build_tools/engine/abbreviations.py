"""The glossary's abbreviations in the pages Python-Markdown renders: the generated pages and the
hand-written ones in content/.

Python-Markdown's `abbr` extension, given the glossary through its own
`glossary` option (no definitions file to write or append), with two
changes: an abbreviation inside a link, code or a heading is left as it is
(a tooltip there would fight the link, the code or the table of contents),
as is one inside a link, code or abbreviation written as HTML in the Markdown
(editor prose in a table cell comes so, its terms marked already), and each
one gets `tabindex="0"` so that a keyboard reaches it and the theme's tooltip
opens on focus. Editor prose reaches the page as HTML that this extension
does not touch; the prose stage marks its terms the same way
(`prose/glossary_terms.py`).
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as etree
from collections.abc import Iterator
from typing import Any

from markdown import Markdown
from markdown.extensions.abbr import AbbrExtension, AbbrTreeprocessor
from markdown.util import HTML_PLACEHOLDER_RE, HtmlStash

# Elements whose text keeps no abbreviation.
SKIP = frozenset({"a", "code", "pre", "h1", "h2", "h3", "h4", "h5", "h6", "abbr"})
# Inline HTML that opens or closes such an element, as Python-Markdown keeps it aside.
_OPENS = re.compile(r"<(?:a|abbr|code)\b", re.IGNORECASE)
_CLOSES = re.compile(r"</(?:a|abbr|code)\s*>", re.IGNORECASE)


class _OutsideInlineHtml:
    """The abbreviations' pattern, finding only what lies outside links, code and
    abbreviations written as inline HTML. Python-Markdown keeps inline HTML aside and leaves a
    placeholder in the text; what stands between an opening and a closing one is inside."""

    def __init__(self, pattern: re.Pattern[str], stash: HtmlStash):
        self.pattern, self.stash = pattern, stash

    def finditer(self, text: str) -> Iterator[re.Match[str]]:
        if "\x02" not in text:
            yield from self.pattern.finditer(text)
            return
        inside, depth, start = [], 0, 0
        for placeholder in HTML_PLACEHOLDER_RE.finditer(text):
            raw = self.stash.rawHtmlBlocks[int(placeholder.group(1))]
            raw = raw if isinstance(raw, str) else ""
            if _OPENS.match(raw):
                depth, start = depth + 1, placeholder.start() if not depth else start
            elif _CLOSES.match(raw) and depth:
                depth -= 1
                if not depth:
                    inside.append((start, placeholder.end()))
        if depth:  # an element left open runs to the end of the text
            inside.append((start, len(text)))
        for found in self.pattern.finditer(text):
            if not any(a <= found.start() < b for a, b in inside):
                yield found


class _Treeprocessor(AbbrTreeprocessor):  # type: ignore[misc]  # markdown has no type hints
    def create_element(self, title: str, text: str, tail: str) -> etree.Element:
        element: etree.Element = super().create_element(title, text, tail)
        element.set("tabindex", "0")
        return element

    def run(self, root: etree.Element) -> None:
        if not self.abbrs:
            return
        names = sorted(self.abbrs, key=len, reverse=True)  # as the base class does
        pattern = re.compile(r"\b(?:" + "|".join(map(re.escape, names)) + r")\b")
        self.RE = _OutsideInlineHtml(pattern, self.md.htmlStash)
        self.iter_element(root)

    def iter_element(self, el: etree.Element, parent: etree.Element | None = None) -> None:
        if el.tag not in SKIP:
            super().iter_element(el, parent)
            return
        # Only the text after the element (its tail) is outside it: mark that alone.
        text, children = el.text, list(el)
        el.text = None
        for child in children:
            el.remove(child)
        super().iter_element(el, parent)
        el.text = text
        el.extend(children)


class GlossaryAbbreviations(AbbrExtension):  # type: ignore[misc]
    """`GlossaryAbbreviations(glossary={"UNTOC": "United Nations Convention against ..."})`."""

    def extendMarkdown(self, md: Markdown) -> None:
        super().extendMarkdown(md)
        md.treeprocessors.register(_Treeprocessor(md, self.abbrs), "abbr", 7)


def with_glossary(extensions: list[Any], glossary: dict[str, str]) -> list[Any]:
    """The Markdown extensions of mkdocs.yml with Python-Markdown's `abbr` replaced by this one,
    given the glossary's terms, so that every page explains them."""
    return [*(e for e in extensions if e != "abbr"), GlossaryAbbreviations(glossary=glossary)]
