"""Every internal link and anchor of the built site resolves, and none is root-absolute."""

from __future__ import annotations

import functools
from pathlib import Path
from urllib.parse import unquote, urldefrag, urlsplit

from bs4 import BeautifulSoup

from build_tools.site_info import site_info


def read_pages(site: Path) -> dict[Path, tuple[set[str], list[str]]]:
    """Every HTML file of the site, read once (lxml's parser): the ids it defines and the
    addresses it links to."""
    found = {}
    for html_file in site.rglob("*.html"):
        page = BeautifulSoup(html_file.read_bytes(), "lxml")
        ids = {str(tag["id"]) for tag in page.select("[id]")}
        links = [str(tag.get("href") or tag.get("src"))
                 for tag in page.select("a[href], link[href], img[src], script[src]")]
        found[html_file.resolve()] = (ids, links)
    return found


@functools.cache
def site_prefix() -> str:
    return urlsplit(site_info().url).path


@functools.cache
def resolve(page: Path, href: str, site: Path) -> tuple[Path, str]:
    url, fragment = urldefrag(href)
    if not url:
        return page, fragment
    base = page.parent
    prefix = site_prefix()
    if url.startswith(prefix):  # the 404 page links from the site's root, wherever it is shown
        base, url = site, url.removeprefix(prefix)
    target = (base / unquote(urlsplit(url).path)).resolve()
    if target.is_dir() or url.endswith("/"):
        target = target / "index.html"
    return target, fragment


def test_no_broken_internal_link_or_anchor(shipped_site: Path) -> None:
    read = read_pages(shipped_site)
    pages = {page: ids for page, (ids, _) in read.items()}
    broken = []
    for page in sorted(pages):
        for href in read[page][1]:
            if urlsplit(href).scheme or href.startswith("//"):
                continue
            if page.name != "404.html":
                assert not href.startswith("/"), f"{page}: root-absolute link {href}"
            target, fragment = resolve(page, href, shipped_site)
            if not target.exists():
                broken.append(f"{page.relative_to(shipped_site.resolve())}: {href}")
            elif fragment and target in pages and fragment not in pages[target]:
                broken.append(f"{page.relative_to(shipped_site.resolve())}: {href} (anchor)")
    assert broken == []
