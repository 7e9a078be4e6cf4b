"""The glossary's abbreviations in the pages Python-Markdown renders: the generated pages and the
hand-written ones in content/.

Python-Markdown's `abbr` extension, given the glossary through its own
`glossary` option (no definitions file to write or append), with two
changes: an abbreviation inside a link, code or a heading is left as it is
(a tooltip there would fight the link, the code or the table of contents),
and each one gets `tabindex="0"` so that a keyboard reaches it and the
theme's tooltip opens on focus. Editor prose reaches the page as HTML that
this extension does not touch; the prose stage marks its terms the same way
(`prose/glossary_terms.py`).
"""

from __future__ import annotations

import xml.etree.ElementTree as etree

from markdown import Markdown
from markdown.extensions.abbr import AbbrExtension, AbbrTreeprocessor

# Elements whose text keeps no abbreviation.
SKIP = frozenset({"a", "code", "pre", "h1", "h2", "h3", "h4", "h5", "h6", "abbr"})


class _Treeprocessor(AbbrTreeprocessor):  # type: ignore[misc]  # markdown has no type hints
    def create_element(self, title: str, text: str, tail: str) -> etree.Element:
        element: etree.Element = super().create_element(title, text, tail)
        element.set("tabindex", "0")
        return element

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
