"""The glossary: its file's rules, and its terms explained wherever they appear but in links,
code and headings."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import lxml.html
import markdown
import pytest

from build_tools.engine.abbreviations import GlossaryAbbreviations
from build_tools.errors import DataError
from build_tools.models.glossary import Term
from build_tools.models.source import SourceRef
from build_tools.prose.glossary_terms import Glossary
from build_tools.prose.markdown import LinkContext, render_block, render_inline
from tests.conftest import build

UNTOC = "United Nations Convention against Transnational Organized Crime"
TERMS = (Term(term="UNTOC", expansion=UNTOC, explanation="A treaty.",
              source=SourceRef(ref="brief-one")),
         Term(term="GI-TOC", expansion="Global Initiative", explanation="An organization.",
              source=SourceRef(ref="brief-one")))
ABBR = f'<abbr title="{UNTOC}" tabindex="0">UNTOC</abbr>'


def prose(text: str, inline: bool = False) -> str:
    context = LinkContext({"states/": "states/index.md"}, terms=Glossary(TERMS))
    return (render_inline if inline else render_block)(text, context)


def test_every_occurrence_in_prose_is_an_abbreviation() -> None:
    html = prose("The UNTOC, and the UNTOC's rules; GI-TOC read it. UNTOCX and XUNTOC are not.")
    assert html.count(ABBR) == 2
    assert 'title="Global Initiative" tabindex="0">GI-TOC</abbr>' in html
    assert "UNTOCX and XUNTOC" in html
    assert prose("As the UNTOC says.", inline=True) == f"As the {ABBR} says."


def test_never_inside_links_code_or_headings() -> None:
    html = prose("## The UNTOC\n\n[the UNTOC](/states/) and `UNTOC` and <https://example.org/UNTOC>")
    assert "<abbr" not in html


def test_other_pages_explain_terms_but_not_in_links_code_or_headings() -> None:
    md = markdown.Markdown(extensions=[GlossaryAbbreviations(glossary={"UNTOC": UNTOC})])
    html = md.convert("## The UNTOC\n\nThe UNTOC and [the UNTOC](x/) and `UNTOC`, after UNTOC.\n")
    assert html.count('<abbr tabindex="0" title="') == 2
    assert "<h2>The UNTOC</h2>" in html
    assert '<a href="x/">the UNTOC</a>' in html


def test_terms_in_inline_html_are_not_marked_again() -> None:
    """Editor prose in a table cell or a list reaches Python-Markdown as inline HTML with its
    terms marked: marking them again nested one tooltip in another."""
    md = markdown.Markdown(extensions=["tables", GlossaryAbbreviations(glossary={"UNTOC": UNTOC})])
    cell = f'{ABBR} and <a href="x/">the UNTOC</a> and <code>UNTOC</code>, then UNTOC'
    html = md.convert(f"| Said |\n| --- |\n| {cell} |\n")
    assert html.count("<abbr") == 2
    assert f'<td>{ABBR} and <a href="x/">the UNTOC</a> and <code>UNTOC</code>, then <abbr' in html


def test_quoted_words_of_prose_are_marked_as_prose_is() -> None:
    glossary = Glossary(TERMS)
    assert glossary.html("“The UNTOC & <GI-TOC>”") == (
        f'“The {ABBR} &amp; &lt;<abbr title="Global Initiative" tabindex="0">GI-TOC</abbr>&gt;”')
    assert glossary.html("no term") == "no term"


def test_no_page_of_the_site_marks_a_term_inside_another_a_link_or_code(
        shipped_site: Path) -> None:
    marked = 0
    for page in sorted(shipped_site.rglob("*.html")):
        tree = lxml.html.fromstring(page.read_bytes())
        marked += len(tree.xpath("//article//abbr"))
        assert not tree.xpath("//abbr//abbr | //a//abbr | //code//abbr"), page
    assert marked > 100  # the shipped site has terms to mark


def test_the_glossary_page_lists_each_term(data_tree: Callable[..., Path]) -> None:
    page = build(data_tree()).files["glossary.md"].decode()
    assert "## AHC { #ahc }" in page
    assert "**Ad Hoc Committee.** The committee that negotiates the text." in page


def errors(data: Path) -> list[str]:
    with pytest.raises(DataError) as caught:
        build(data)
    return [str(d) for d in caught.value.diagnostics]


def test_a_term_defined_twice_and_an_unknown_source_are_located(
        data_tree: Callable[..., Path]) -> None:
    entry = "  - term: AHC\n    expansion: A\n    explanation: B.\n    source:\n      ref: {}\n"
    data = data_tree({"glossary.yaml": "terms:\n" + entry.format("brief-one")
                      + entry.format("brief-onne")})
    assert errors(data) == [
        "data/glossary.yaml:7:11: error: the 2nd term, line 7: 'AHC' is already defined (first at "
        "line 2); define each abbreviation once",
        "data/glossary.yaml:11:12: error: unknown source 'brief-onne'; did you mean 'brief-one'?",
    ]


def test_a_term_that_is_not_an_abbreviation_is_refused(data_tree: Callable[..., Path]) -> None:
    data = data_tree({"glossary.yaml": "terms:\n  - term: <b>\n    expansion: A\n"
                      "    explanation: B.\n    source:\n      ref: brief-one\n"})
    assert errors(data) == [
        "data/glossary.yaml:2:11: error: the 1st term, line 2: expected an abbreviation of letters "
        "and digits, with single hyphens or full stops inside (for example GI-TOC), received '<b>'"]
