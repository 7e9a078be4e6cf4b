"""Every page path and anchor of the site: the one place the URL layout is written.

A page path is the source path of a page in the docs tree ("states/iran.md");
its URL is the same without `.md` ("states/iran/"). Templates get this module
as the global `urls` and write `[Iran](/{{ urls.state_page("iran") }})`: a
link from the docs root, which MkDocs makes relative. Editor prose gets its
links in root form ("/states/iran/") from `site_link` and each page makes
them relative with `relative_links`.

A leaf: it imports nothing of ours, so every stage may use it.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable

# Pages that exist whatever the data.
HOME = "index.md"
PROCESS = "sessions/index.md"
UPDATES = "updates/index.md"
SOURCES = "sources/index.md"
TABLES = "tables/index.md"
DATA = "data/index.md"
GLOSSARY = "glossary.md"
INDEX_PAGES = (HOME, PROCESS, UPDATES, SOURCES, TABLES, DATA, GLOSSARY)
# Hand-written pages in content/.
ABOUT = "about.md"
METHODOLOGY = "methodology.md"
# Pages that exist when data/ has the convention's files, or the states'.
CONVENTION = "convention/index.md"
CONCORDANCE = "convention/concordance.md"
PROVISIONS = "convention/provisions.md"
CONVENTION_PAGES = (CONVENTION, CONCORDANCE, PROVISIONS)
STATES = "states/index.md"
# Pages that exist when data/ has treaty-status.yaml.
TREATY_STATUS = "treaty-status/index.md"
# Downloads and feeds.
SITE_FEED = "feed.xml"
POSITIONS_CSV = "data/positions.csv"
POSITIONS_JSON = "data/positions.json"
TREATY_STATUS_FEED = "treaty-status/feed.xml"
TREATY_STATUS_CSV = "data/treaty-status.csv"
TREATY_STATUS_JSON = "data/treaty-status.json"
STANDING_CSV = "data/treaty-status-by-position.csv"
STANDING_JSON = "data/treaty-status-by-position.json"
# Sections: where a state's signature and instruments are on its page, where the states of each
# side of the negotiation stand today on the grid's and the articles' pages.
TREATY_SECTION_ID = "signature-and-ratification"
STANDING_SECTION_ID = "where-they-stand-today"


def session_page(session_id: str) -> str:
    return f"sessions/{session_id}/index.md"


def session_briefing(session_id: str) -> str:
    """A session's summary and all its updates on one page, to print or save as PDF."""
    return f"sessions/{session_id}/briefing.md"


def session_feed(session_id: str) -> str:
    return f"sessions/{session_id}/feed.xml"


def update_page(session_id: str, slug: str) -> str:
    """'sessions/<session-id>/updates/<NN-slug>.md': the update's URL is its file's path."""
    return f"sessions/{session_id}/updates/{slug}.md"


def draft_anchor(draft_id: str) -> str:
    """Where a draft is described: on the process page."""
    return f"{PROCESS}#{draft_id}"


def glossary_anchor(term: str) -> str:
    """A term's entry on the glossary page: 'glossary.md#gi-toc'."""
    return f"{GLOSSARY}#{term_id(term)}"


def term_id(term: str) -> str:
    return term.lower().replace(".", "-")


def source_anchor(source_id: str) -> str:
    return f"{SOURCES}#{source_id}"


def table_anchor(table_id: str) -> str:
    return f"{TABLES}#{table_id}"


def table_csv(table_id: str) -> str:
    return f"data/{table_id}.csv"


def table_json(table_id: str) -> str:
    return f"data/{table_id}.json"


def chart_svg(chart_id: str, theme: str = "light") -> str:
    return f"charts/{chart_id}.svg" if theme == "light" else f"charts/{chart_id}-{theme}.svg"


def chart_png(chart_id: str) -> str:
    return f"charts/{chart_id}.png"


def chart_anchor_id(chart_id: str) -> str:
    """The anchor of a chart's figure on the page that shows it: 'chart-tier-reach'."""
    return f"chart-{chart_id}"


def chart_csv(chart_id: str) -> str:
    return f"data/chart-{chart_id}.csv"


def article_page(number: int) -> str:
    return f"convention/article-{number}.md"


def paragraph_id(article: int, paragraph: int) -> str:
    """The anchor of a paragraph on its article's page: 'art-6-2'."""
    return f"art-{article}-{paragraph}"


def article_link(article: int, paragraphs: tuple[int, ...] = ()) -> str:
    """An article's page, at its first named paragraph where there is one."""
    anchor = f"#{paragraph_id(article, paragraphs[0])}" if paragraphs else ""
    return article_page(article) + anchor


def chapter_anchor(number: int) -> str:
    return f"{CONVENTION}#chapter-{number}"


def concordance_row_id(article: int) -> str:
    return f"art-{article}"


def concordance_anchor(article: int) -> str:
    return f"{CONCORDANCE}#{concordance_row_id(article)}"


def note_id(subject: str | int, index: int) -> str:
    """The anchor of the `index`-th (from 1) annotation of an article or provision."""
    return f"note-{subject}-{index}"


def provision_anchor(provision_id: str) -> str:
    return f"{PROVISIONS}#{provision_id}"


def state_page(state_id: str) -> str:
    return f"states/{state_id}.md"


def state_treaty_anchor(state_id: str) -> str:
    return f"{state_page(state_id)}#{TREATY_SECTION_ID}"


def standing_anchor(page: str) -> str:
    """The section on a page (the grid's, an article's) on where each side stands today."""
    return f"{page}#{STANDING_SECTION_ID}"


def citation_file(page: str, kind: str) -> str:
    """A page's reference to download, beside it: 'states/iran/cite.bib', '.../cite.json'."""
    return f"{page_url(page)}cite.{kind}"


def is_page(path: str) -> bool:
    """Whether a site path is a page's (its Markdown source), not another file's."""
    return path.endswith(".md")


def page_url(page: str) -> str:
    """'sessions/x/index.md' -> 'sessions/x/'; 'a/b.md' -> 'a/b/'; 'index.md' -> ''."""
    stem = page.removesuffix(".md")
    if stem == "index":
        return ""
    return stem.removesuffix("/index") + "/"


def site_link(page_or_url: str) -> str:
    """A link in root form for prose: 'convention/article-6.md#art-6-2' -> '/convention/article-6/#art-6-2'.

    A URL ('sessions/x/') is kept as it is; only a page path ('.md') is turned into its URL.
    """
    path, hash_, anchor = page_or_url.partition("#")
    url = page_url(path) if path.endswith(".md") else path
    return "/" + url + hash_ + anchor


def relative_url(target: str, page_url: str) -> str:
    """The link from the page at `page_url` to `target` (both site paths): a directory URL
    ('a/b/') or a file ('data/a.csv')."""
    # Site paths are plain (no '.', '..' or '//'), so the common folders are enough; this runs
    # for every link of every page, where posixpath.relpath's normalising shows.
    top = page_url.partition("/")[0]
    if top and not target.startswith(top + "/"):  # no folder in common: the usual case
        return "../" * page_url.count("/") + target
    to, here = [p for p in target.split("/") if p], [p for p in page_url.split("/") if p]
    shared = 0
    while shared < min(len(to), len(here)) and to[shared] == here[shared]:
        shared += 1
    down = "".join(f"{p}/" for p in to[shared:])
    if target and not target.endswith("/"):  # a file
        down = down.removesuffix("/")
    return "".join("../" for _ in here[shared:]) + down or "./"


# Root-form links in rendered prose, href="/path#anchor" or src="/path": what follows the
# attribute's name. Prose HTML holds no other '="/': raw HTML is escaped and an editor's
# "/path" link is always turned into root form by the prose stage. The pattern opens with
# text, which the regex engine finds by a fast scan; the name is checked in front of it.
_ROOT_LINK_VALUE = re.compile(r'="/([^"#]*)(#[^"]*)?"')
_LINK_ATTRIBUTES = ("href", "src")

RootLinked = tuple[str, ...]  # HTML cut at its root-form links: text, (attribute, path, anchor, text)*


def split_root_links(html: str) -> RootLinked:
    """Cut HTML at its root-form links once, so that each page that shows it only joins."""
    pieces: list[str] = []
    start = position = 0
    while (value := _ROOT_LINK_VALUE.search(html, position)) is not None:
        at = value.start()
        attribute = next((a for a in _LINK_ATTRIBUTES if html.startswith(a, at - len(a))), None)
        if attribute is None:
            position = at + 1
            continue
        pieces += [html[start:at - len(attribute)], attribute, value[1], value[2] or ""]
        start = position = value.end()
    pieces.append(html[start:])
    return tuple(pieces)


def join_relative(pieces: RootLinked, page: str, directory_urls: bool = True) -> str:
    """The HTML cut by `split_root_links`, with its links made relative to `page` (a page path)."""
    if len(pieces) == 1:
        return pieces[0]
    relative = _from_page(page, directory_urls)
    out = [pieces[0]]
    for i in range(1, len(pieces), 4):
        attribute, target, anchor, text = pieces[i:i + 4]
        out.append(f'{attribute}="{relative(target)}{anchor}"{text}')
    return "".join(out)


@functools.lru_cache(maxsize=65536)
def relative_href(link: str, page: str, directory_urls: bool = True) -> str:
    """One root-form link ('/a/b/#x') as the page `page` writes it: for HTML built link by link
    (long lists), where cutting the finished text at its links would cost more."""
    target, hash_, anchor = link.removeprefix("/").partition("#")
    return _from_page(page, directory_urls)(target) + hash_ + anchor


def _from_page(page: str, directory_urls: bool) -> Callable[[str], str]:
    """How the page `page` writes a root-form link's target (a site path, no leading '/').

    Without directory URLs (the offline copy) a page is a file: 'states/iran.md' is
    'states/iran.html', and links point at such files."""
    if directory_urls:
        here = page_url(page)
        return lambda target: _relative_path(target, here)
    folder = page.rpartition("/")[0] + "/" if "/" in page else ""
    return lambda target: _relative_file(target, folder)


def relative_links(html: str, page: str, directory_urls: bool = True) -> str:
    """Prose HTML with its root-form links made relative to `page` (a page path)."""
    return join_relative(split_root_links(html), page, directory_urls)


def _relative_file(target: str, folder: str) -> str:
    """A root-form link's target from a page in `folder`, to the file of a page or another file."""
    if target.endswith("/") or not target:
        target = target + "index.html" if _FOLDER_PAGE.fullmatch(target) else target[:-1] + ".html"
    return relative_url(target, folder)


# The page URLs whose page is a folder's index.md (see the paths above); every other page
# 'a/b/' is the file 'a/b.md'.
_FOLDER_PAGE = re.compile(r"(?:sessions/[^/]+/|(?:sessions|updates|sources|tables|data|convention|states)/)?")


@functools.lru_cache(maxsize=65536)
def _relative_path(target: str, here: str) -> str:
    return relative_url(target, here)
