"""Every page path and anchor of the site, and the one link resolver.

A page path is the source path of a page in the docs tree ("states/iran.md");
its URL is the same without `.md` ("states/iran/"). Every link is written as a
site path and resolved by `href`, which knows a page's address from its path:

- templates write Markdown links from the docs root,
  `[Iran](/{{ urls.state_page("iran") }})`, which the engine resolves as it
  resolves every Markdown link (and checks);
- HTML that the pipeline writes (editor prose, long lists, the citation block)
  is resolved by `href` for the page that shows it. Rendered prose keeps its
  links as site paths from the root (`in_prose`) and is cut at them once
  (`split_root_links`), so that each page that shows it only joins.

A leaf: it imports nothing of ours, so every stage may use it.
"""

from __future__ import annotations

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
TREATY_DECLARATIONS_CSV = "data/treaty-declarations.csv"
TREATY_STEPS_CSV = "data/treaty-domestic-steps.csv"
STANDING_CSV = "data/treaty-status-by-position.csv"
STANDING_JSON = "data/treaty-status-by-position.json"
# The whole site to read from disk, built and zipped by the publishing step; it unpacks into
# OFFLINE_FOLDER. The section of the data page that offers it.
OFFLINE_ZIP = "downloads/un-cybercrime-briefing-offline.zip"
OFFLINE_FOLDER = "un-cybercrime-briefing"
OFFLINE_SECTION_ID = "offline-copy"
# Sections: where a state's signature and instruments are on its page, where the states of each
# side of the negotiation stand today on the grid's and the articles' pages.
TREATY_SECTION_ID = "signature-and-ratification"
STANDING_SECTION_ID = "where-they-stand-today"
# Sections of the record: domestic steps and declarations (on the status page and each state's),
# the declarations on an article (its page), the UN member states that have not signed.
STEPS_SECTION_ID = "domestic-steps"
DECLARATIONS_SECTION_ID = "declarations"
ARTICLE_DECLARATIONS_ID = "declarations-and-reservations"
NOT_SIGNED_SECTION_ID = "not-signed"


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


def article_page(number: int | str) -> str:
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


def state_steps_anchor(state_id: str) -> str:
    return f"{state_page(state_id)}#{STEPS_SECTION_ID}"


def state_declarations_anchor(state_id: str) -> str:
    return f"{state_page(state_id)}#{DECLARATIONS_SECTION_ID}"


def state_feed(state_id: str) -> str:
    """A state's change log: each of its events, domestic steps and declarations."""
    return f"states/{state_id}/feed.xml"


def treaty_anchor(section_id: str) -> str:
    """A section of the status page."""
    return f"{TREATY_STATUS}#{section_id}"


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


def in_prose(target: str) -> str:
    """A link as rendered prose keeps it until a page shows it: the target's site path from
    the root, '/convention/article-6.md#art-6-2' (see `href`)."""
    return "/" + target


def href(target: str, page: str, directory_urls: bool = True) -> str:
    """The one link resolver: the address by which the page `page` (a page path) links to
    `target`, a site path with or without an anchor: a page ('states/iran.md',
    'treaty-status/index.md#x') or another file ('data/positions.csv').

    A page's address follows from its path: with directory URLs (the website) 'a/b.md' and
    'a/b/index.md' are both the folder 'a/b/'; without them (the offline copy) each page is
    its own file, 'a/b.html' and 'a/b/index.html'. So no list of pages is needed."""
    return resolver(page, directory_urls)(target)


def resolver(page: str, directory_urls: bool = True) -> Callable[[str], str]:
    """`href` for the links of one page, its own address worked out once: a long list or a
    long text resolves thousands of links on one page."""
    base = page_url(page) if directory_urls else (page.rpartition("/")[0] + "/" if "/" in page
                                                  else "")
    top, up = base.partition("/")[0], "../" * base.count("/")

    def resolve(target: str) -> str:
        path, hash_, anchor = target.partition("#")
        if is_page(path):
            path = page_url(path) if directory_urls else path[:-3] + ".html"
        if top and not path.startswith(top + "/"):  # no folder in common: the usual case
            return up + path + hash_ + anchor
        return relative_url(path, base) + hash_ + anchor

    return resolve


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
    """The HTML cut by `split_root_links`, with each link resolved for `page` (`href`)."""
    if len(pieces) == 1:
        return pieces[0]
    resolve = resolver(page, directory_urls)
    out = [pieces[0]]
    for i in range(1, len(pieces), 4):
        attribute, target, anchor, text = pieces[i:i + 4]
        out.append(f'{attribute}="{resolve(target + anchor)}"{text}')
    return "".join(out)


def relative_links(html: str, page: str, directory_urls: bool = True) -> str:
    """Rendered prose with its links resolved for `page`, cut and joined at once."""
    return join_relative(split_root_links(html), page, directory_urls)
