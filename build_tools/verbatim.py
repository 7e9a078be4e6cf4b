"""Blocks of generated HTML that Python-Markdown need not read.

A long list written as HTML (an article's "Mentioned in", the updates index, the updates of a
briefing) is Markdown as it is: Python-Markdown passes a block of HTML through. Passing it
still costs its HTML parser a call per tag, a tenth of a second and more for a list of a
thousand items, which `mkdocs serve` pays again on every rebuild. So a generated page marks
such a block (`block`); the MkDocs hook sets the marked blocks aside before the page's
Markdown is read (`set_aside`) and puts them back into its HTML afterwards (`put_back`).
The page comes out the same, and the generated Markdown stays complete for any other reader.
"""

from __future__ import annotations

START, END = "<!-- verbatim -->\n", "\n<!-- /verbatim -->"


def block(html: str) -> str:
    """`html` (whole elements) marked to pass through untouched; also a template filter."""
    return f"{START}{html.strip(chr(10))}{END}"


def set_aside(markdown: str) -> tuple[str, list[str]]:
    """The page's Markdown with each marked block replaced by a numbered comment, and the
    blocks in order."""
    if START not in markdown:
        return markdown, []
    pieces: list[str] = []
    blocks: list[str] = []
    position = 0
    while (start := markdown.find(START, position)) != -1:
        end = markdown.find(END, start)
        if end == -1:
            break
        pieces += [markdown[position:start], _placeholder(len(blocks))]
        blocks.append(markdown[start + len(START):end])
        position = end + len(END)
    pieces.append(markdown[position:])
    return "".join(pieces), blocks


def put_back(html: str, blocks: list[str]) -> str:
    """The page's HTML with the blocks where their comments are."""
    for number, found in enumerate(blocks):
        html = html.replace(_placeholder(number), found, 1)
    return html


def _placeholder(number: int) -> str:
    return f"<!-- verbatim {number} -->"
