"""Editor Markdown: nothing from a YAML file becomes live HTML, and links are filtered."""

from __future__ import annotations

import posixpath
import re

from bs4 import BeautifulSoup
from hypothesis import given
from hypothesis import strategies as st

from build_tools.prose.markdown import LinkContext, plain_text, render_block
from build_tools.urls import href, page_url, relative_links, relative_url, split_root_links

PAGES = ("index.md", "sessions/a/index.md", "sessions/a/updates/01-x.md", "updates/index.md")
SITE = {page_url(page): page for page in PAGES}


def render(text: str, page: str = "sessions/a/updates/01-x.md") -> tuple[BeautifulSoup, LinkContext]:
    """The text as the page `page` shows it: rendered once, its links made relative there."""
    context = LinkContext(SITE)
    html = relative_links(render_block(text, context), page)
    return BeautifulSoup(html, "html.parser"), context


def test_raw_html_is_shown_as_text() -> None:
    soup, _ = render('Hi <script>alert(1)</script> <img src=x onerror="alert(1)">\n\n<div>x</div>')
    assert soup.find("script") is None and soup.find("img") is None and soup.find("div") is None
    assert "<script>alert(1)</script>" in soup.get_text()


def test_only_web_mail_and_site_links_survive() -> None:
    soup, context = render("[a](javascript:alert(1)) [b](data:text/html,x) [c](https://e.org) "
                           "[d](mailto:x@e.org) [e](/updates/) [f](#top) [g](vbscript:x)")
    hrefs = [a["href"] for a in soup.find_all("a")]
    assert hrefs == ["#", "#", "https://e.org", "mailto:x@e.org", "../../../../updates/", "#top",
                     "#"]
    assert len(context.problems) == 3


def test_site_links_become_relative_and_are_checked() -> None:
    assert relative_url("", "sessions/a/updates/01-x/") == "../../../../"
    assert relative_url("sessions/a/", "sessions/a/") == "./"
    assert relative_url("updates/", "") == "updates/"
    soup, context = render("[x](/sessions/a/#updates) [y](/nowhere/)")
    assert [a["href"] for a in soup.find_all("a")] == ["../../#updates", "#"]
    assert [p.message for p in context.problems] == [
        "the link '/nowhere/' points to no page of this site"]


site_paths = st.lists(st.sampled_from(["sessions", "a", "updates", "01-x", "convention"]),
                      max_size=4).map(lambda parts: "".join(f"{p}/" for p in parts))


@given(site_paths, site_paths)
def test_relative_url_agrees_with_posixpath(target: str, page: str) -> None:
    expected = posixpath.relpath(target.rstrip("/") or ".", page.rstrip("/") or ".")
    assert relative_url(target, page) == ("./" if expected == "." else expected + "/")


@given(site_paths, site_paths, st.sampled_from(["cite.bib", "a.csv"]))
def test_a_link_to_a_file_has_no_trailing_slash(folder: str, page: str, name: str) -> None:
    expected = posixpath.relpath(folder + name, page.rstrip("/") or ".")
    assert relative_url(folder + name, page) == expected
    assert href(folder + name, "states/iran.md", directory_urls=False) == (
        posixpath.relpath(folder + name, "states"))


def test_a_page_is_a_folder_on_the_website_and_a_file_in_the_offline_copy() -> None:
    """Known from the page's path alone: an index page is its folder's, any other its own."""
    for target, on_website, offline in [
            ("treaty-status/index.md", "../../treaty-status/", "../treaty-status/index.html"),
            ("states/iran.md#x", "../iran/#x", "iran.html#x"),
            ("index.md", "../../", "../index.html"),
            ("states/index.md", "../", "index.html"),
            ("states/chad/cite.bib", "cite.bib", "chad/cite.bib")]:
        assert href(target, "states/chad.md") == on_website, target
        assert href(target, "states/chad.md", directory_urls=False) == offline, target
    assert href("sessions/a/index.md", "sessions/a/index.md") == "./"
    assert href("sessions/a/index.md", "sessions/a/index.md", directory_urls=False) == "index.html"


def test_template_syntax_in_data_stays_text() -> None:
    soup, _ = render("{{ 7*7 }} {% raw %}")
    assert soup.get_text().strip() == "{{ 7*7 }} {% raw %}"


def test_plain_text_drops_markup() -> None:
    assert plain_text("One *two* [three](https://e.org) `four`") == "One two three four"


# What `split_root_links` cuts at, said as one pattern: its scan must agree with it.
ROOT_LINK = re.compile(r'(href|src)="/([^"#]*)(#[^"]*)?"')


@given(st.lists(st.one_of(st.text(alphabet='hrefsc="/#a x', max_size=12), st.sampled_from(
    ['href="/a/"', 'src="/b.png"', 'href="/c/#d"', 'title="/e"', '<a href="/f/">', 'xhref="/g"'])),
    max_size=8))
def test_cutting_at_root_links_agrees_with_its_pattern(parts: list[str]) -> None:
    html = "".join(parts)
    assert split_root_links(html) == tuple(p or "" for p in ROOT_LINK.split(html))


def test_line_breaks_and_nul_are_normalized_as_commonmark_says() -> None:
    context = LinkContext(SITE)
    assert render_block("a\r\nb\rc\n\n- e", context) == render_block("a\nb\nc\n\n- e", context)
    assert render_block("c\0d", context) == render_block("c\ufffdd", context)
