"""Editor Markdown -> safe HTML, with markdown-it-py.

Input: the text of a `summary` or `body` field. Output: HTML in which nothing
from the YAML file is live: raw HTML is shown as text, and a link survives
only if it is http(s), mailto, an anchor, or a path on this site ("/...").
Site paths are checked against the pages that exist and rewritten relative
to the page they appear on, so the site works under any sub-path.

Pure: the page list and the current page arrive as arguments; problems are
returned, never raised or printed.
"""

from __future__ import annotations

import functools
import posixpath
from collections.abc import Sequence
from dataclasses import dataclass, field

from markdown_it import MarkdownIt
from markdown_it.token import Token

ALLOWED_SCHEMES = ("http://", "https://", "mailto:")


@dataclass(frozen=True)
class LinkProblem:
    line: int  # 0-based line within the text
    message: str


@dataclass
class LinkContext:
    """The page being written, and the site paths that exist ("sessions/x/", ...)."""

    page_url: str
    site_urls: frozenset[str]
    problems: list[LinkProblem] = field(default_factory=list)


def _parser() -> MarkdownIt:
    md = MarkdownIt("commonmark", {"html": False, "linkify": False, "typographer": False})
    md.enable("table").enable("strikethrough")
    # Every link is checked in `_check_links` with a message for the editor;
    # markdown-it's own filter would drop bad links silently.
    md.validateLink = lambda url: True  # type: ignore[method-assign]
    return md


_MD = _parser()


def render_block(text: str, context: LinkContext) -> str:
    """A `body`: paragraphs, lists, tables."""
    tokens = _MD.parse(text)
    _check_links(tokens, context, line=0)
    return str(_MD.renderer.render(tokens, _MD.options, {}))


def render_inline(text: str, context: LinkContext) -> str:
    """A `summary` or other one-paragraph text: no surrounding <p>."""
    if "](" not in text and "<" not in text.replace("&lt;", ""):
        # No link can be in it, so the HTML is the same on every page that lists it:
        # a summary shown on the home page, its session page and the updates index is
        # parsed once. (`<` would start an autolink.)
        return _link_free_inline(text.strip())
    tokens = _MD.parseInline(text.strip())
    _check_links(tokens, context, line=0)
    return str(_MD.renderer.render(tokens, _MD.options, {}))


@functools.lru_cache(maxsize=4096)
def _link_free_inline(text: str) -> str:
    return str(_MD.renderer.render(_MD.parseInline(text), _MD.options, {}))


def plain_text(text: str) -> str:
    """The words of a Markdown text without markup, for feeds and meta descriptions."""
    tokens = _MD.parseInline(text.strip())
    return "".join(_texts(tokens)).strip()


def _texts(tokens: Sequence[Token]) -> list[str]:
    out: list[str] = []
    for token in tokens:
        if token.children:
            out.extend(_texts(token.children))
        elif token.type in ("text", "code_inline"):
            out.append(token.content)
        elif token.type in ("softbreak", "hardbreak"):
            out.append(" ")
    return out


def _check_links(tokens: Sequence[Token], context: LinkContext, line: int) -> None:
    for token in tokens:
        if token.map:
            line = token.map[0]
        if token.type == "link_open":
            token.attrSet("href", _resolve(str(token.attrGet("href") or ""), context, line))
        elif token.type == "image":
            token.attrSet("src", _resolve(str(token.attrGet("src") or ""), context, line))
        if token.children:
            _check_links(token.children, context, line)


def _resolve(href: str, context: LinkContext, line: int) -> str:
    if href.startswith(ALLOWED_SCHEMES) or href.startswith("#"):
        return href
    if href.startswith("/") and not href.startswith("//"):
        return _site_link(href, context, line)
    context.problems.append(LinkProblem(line, (
        f"the link '{href}' is not allowed; use an http(s) or mailto address, "
        "or a path on this site starting with '/'")))
    return "#"


def _site_link(href: str, context: LinkContext, line: int) -> str:
    path, hash_, anchor = href[1:].partition("#")
    target = path if path.endswith("/") or not path else path + "/"
    if target and target not in context.site_urls:
        context.problems.append(LinkProblem(line, f"the link '{href}' points to no page of this site"))
        return "#"
    return relative_url(target, context.page_url) + (hash_ + anchor if hash_ else "")


def relative_url(target: str, page_url: str) -> str:
    """The link from the page at `page_url` to the directory URL `target` (both site paths)."""
    relative = posixpath.relpath(target.rstrip("/") or ".", page_url.rstrip("/") or ".")
    return "./" if relative == "." else relative + "/"
