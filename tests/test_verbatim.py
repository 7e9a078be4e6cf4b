"""Blocks of generated HTML marked `verbatim`: set aside before Python-Markdown reads a page and
put back after, the page's HTML as Python-Markdown itself would make it."""

from __future__ import annotations

import markdown

from build_tools import verbatim
from build_tools.pipeline import Generated

LIST = '<ul>\n<li><a href="../x/">A *starred* [link]</a>, the EU</li>\n</ul>'
PAGE = f"# Title\n\nSome *Markdown*.\n\n{verbatim.block(LIST)}\n\nMore.\n\n{verbatim.block('<p>b</p>')}\n"


def test_a_page_comes_out_as_python_markdown_makes_it() -> None:
    whole = markdown.markdown(PAGE)
    text, blocks = verbatim.set_aside(PAGE)
    assert blocks == [LIST, "<p>b</p>"]
    assert LIST not in text
    assert verbatim.put_back(markdown.markdown(text), blocks) == whole.replace(
        verbatim.START, "").replace(verbatim.END, "")


def test_a_page_without_blocks_is_left_as_it_is() -> None:
    assert verbatim.set_aside("# Title\n") == ("# Title\n", [])
    assert verbatim.put_back("<h1>Title</h1>", []) == "<h1>Title</h1>"


def test_the_generated_pages_mark_their_long_lists(shipped: Generated) -> None:
    for page in ("updates/index.md", "convention/article-24.md",
                 "sessions/reconvened-concluding-session/briefing.md"):
        text, blocks = verbatim.set_aside(shipped.files[page].decode())
        assert blocks and all(b.startswith("<") and b.endswith(">") for b in blocks), page
