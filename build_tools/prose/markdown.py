"""Editor Markdown -> safe HTML, with markdown-it-py.

Input: the text of a `summary` or `body` field. Output: HTML in which nothing
from the YAML file is live: raw HTML is shown as text, and a link survives
only if it is http(s), mailto, an anchor, or a path on this site ("/...").
An editor's site link ("/sessions/x/") is checked against the pages that exist
and kept as the site path of its page from the root ("/sessions/x/index.md",
`urls.in_prose`); the page that shows the text resolves it (`urls.href`), so the
same HTML serves every page, on the website and in the offline copy.

Pure: the page list arrives as an argument; problems are returned, never
raised or printed.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Protocol

from markdown_it import MarkdownIt
from markdown_it.common.utils import escapeHtml
from markdown_it.rules_core.normalize import normalize
from markdown_it.rules_core.state_core import StateCore
from markdown_it.token import Token

from build_tools.english import excerpt
from build_tools.urls import in_prose

ALLOWED_SCHEMES = ("http://", "https://", "mailto:")


def escape_html(text: str) -> str:
    """The site's one HTML escape (&, <, > and "), for element text and double-quoted
    attributes: the one markdown-it applies to editor prose."""
    return escapeHtml(text)


@dataclass(frozen=True)
class LinkProblem:
    line: int  # 0-based line within the text
    message: str


class References(Protocol):
    """Turns references in a run of text into links (see `render/article_links.py`)."""

    def link(self, text: str, line: int) -> list[str | tuple[str, str]]: ...


class Terms(Protocol):
    """Marks glossary terms in the tokens of a run of text (see `prose/glossary_terms.py`)."""

    def occurs_in(self, text: str) -> bool: ...

    def mark(self, tokens: list[Token]) -> list[Token]: ...


@dataclass
class LinkContext:
    """The pages that exist, by their URL ("sessions/x/" -> "sessions/x/index.md"), and
    what the text links to."""

    pages: Mapping[str, str]
    problems: list[LinkProblem] = field(default_factory=list)
    references: References | None = None  # links article references when set
    terms: Terms | None = None  # marks glossary terms when set
    linked: set[str] = field(default_factory=set)  # the pages the text links to


def _parser() -> MarkdownIt:
    md = MarkdownIt("commonmark", {"html": False, "linkify": False, "typographer": False})
    md.enable("table").enable("strikethrough")
    # Every link is checked in `_check_links` with a message for the editor;
    # markdown-it's own filter would drop bad links silently.
    md.validateLink = lambda url: True  # type: ignore[method-assign]
    md.core.ruler.at("normalize", _normalize)
    return md


def _normalize(state: StateCore) -> None:
    """markdown-it's first rule, skipped for text it would not change: it rewrites every line
    break, and YAML has already made each one a "\n"."""
    if "\r" in state.src or "\0" in state.src:
        normalize(state)


_MD = _parser()


def render_block(text: str, context: LinkContext) -> str:
    """A `body`: paragraphs, lists, tables."""
    tokens = _MD.parse(text)
    _check_links(tokens, context, line=0)
    return str(_MD.renderer.render(tokens, _MD.options, {}))


def render_inline(text: str, context: LinkContext) -> str:
    """A `summary` or other one-paragraph text: no surrounding <p>."""
    if ("](" not in text and "<" not in text.replace("&lt;", "")
            and not (context.terms and context.terms.occurs_in(text))):
        # No link can be in it, so the HTML is the same on every page that lists it:
        # a summary shown on the home page, its session page and the updates index is
        # parsed once. (`<` would start an autolink.)
        return _link_free_inline(text.strip())
    tokens = _MD.parseInline(text.strip())
    _check_links(tokens, context, line=0)
    return str(_MD.renderer.render(tokens, _MD.options, {}))


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
    heading = False
    for token in tokens:
        if token.map:
            line = token.map[0]
        heading = token.type == "heading_open" or (heading and token.type != "heading_close")
        if token.type == "inline" and token.children and context.references is not None:
            token.children = _link_references(token.children, context.references, line)
        if token.type == "inline" and token.children and context.terms and not heading:
            token.children = context.terms.mark(token.children)
        if token.type == "link_open" and not token.meta.get("reference"):
            token.attrSet("href", _resolve(str(token.attrGet("href") or ""), context, line))
        elif token.type == "image":
            token.attrSet("src", _resolve(str(token.attrGet("src") or ""), context, line))
        if token.children:
            _check_links(token.children, context, line)


_LINK_DEPTH = {"link_open": 1, "link_close": -1}


def _link_references(tokens: list[Token], references: References, line: int) -> list[Token]:
    """Text outside links and code, with its references made into links.

    A run of text over several source lines is linked as one: a reference may
    be broken across lines, and the words around it are kept whole.
    """
    out: list[Token] = []
    run: list[str] = []
    depth = 0
    for token in tokens:
        depth += _LINK_DEPTH.get(token.type, 0)
        if not depth and (token.type == "text" or (token.type == "softbreak" and run)):
            run.append(token.content if token.type == "text" else " ")
            continue
        if run:
            out.extend(_linked_text("".join(run), references, line))
            run.clear()
        out.append(token)
    if run:
        out.extend(_linked_text("".join(run), references, line))
    return out


def _linked_text(text: str, references: References, line: int) -> list[Token]:
    out: list[Token] = []
    for piece in references.link(text, line):
        if isinstance(piece, str):
            out.append(Token("text", "", 0, content=piece))
        else:
            words, href = piece
            out += [Token("link_open", "a", 1, attrs={"href": href}, meta={"reference": True}),
                    Token("text", "", 0, content=words),
                    Token("link_close", "a", -1)]
    return out


def _resolve(href: str, context: LinkContext, line: int) -> str:
    if href.startswith(ALLOWED_SCHEMES) or href.startswith("#"):
        return href
    if href.startswith("/") and not href.startswith("//"):
        return _site_link(href, context, line)
    context.problems.append(LinkProblem(line, (
        f"the link {excerpt(href)} is not allowed; use an http(s) or mailto address, "
        "or a path on this site starting with '/'")))
    return "#"


def _site_link(href: str, context: LinkContext, line: int) -> str:
    path, hash_, anchor = href[1:].partition("#")
    url = path if path.endswith("/") or not path else path + "/"
    page = context.pages.get(url)
    if page is None:
        context.problems.append(LinkProblem(line,
                                            f"the link {excerpt(href)} points to no page of this site"))
        return "#"
    context.linked.add(page)
    return in_prose(page + (hash_ + anchor if hash_ else ""))
