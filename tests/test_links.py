"""Every internal link and anchor of the built site resolves, and none is root-absolute."""

from __future__ import annotations

import functools
import zipfile
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
    assert broken_links(shipped_site) == []


def test_the_offline_copy_has_no_broken_link_or_anchor(shipped_site: Path, tmp_path: Path) -> None:
    """Every page of the copy readers download, opened from disk: each page a file."""
    with zipfile.ZipFile(shipped_site / "downloads" / "un-cybercrime-briefing-offline.zip") as z:
        z.extractall(tmp_path)
    copy = tmp_path / "un-cybercrime-briefing"
    assert len(list(copy.rglob("*.html"))) > 100
    assert broken_links(copy, offline=True) == []


def test_the_link_check_finds_a_broken_link(tmp_path: Path) -> None:
    (tmp_path / "a").mkdir()
    (tmp_path / "index.html").write_text('<a href="a/index.html">a</a> <a href="b.html">b</a>')
    (tmp_path / "a" / "index.html").write_text('<a id="x" href="../index.html#y">a</a> <a href="./">')
    assert sorted(broken_links(tmp_path, offline=True)) == [
        "a/index.html: ../index.html#y (anchor)", "a/index.html: ./ (a folder)", "index.html: b.html"]


def broken_links(site: Path, offline: bool = False) -> list[str]:
    """Every internal link of every page of `site` that points at no file or no anchor."""
    read = read_pages(site)
    pages = {page: ids for page, (ids, _) in read.items()}
    broken = []
    for page in sorted(pages):
        for href in read[page][1]:
            if urlsplit(href).scheme or href.startswith("//"):
                continue
            if page.name != "404.html" or offline:
                assert not href.startswith("/"), f"{page}: root-absolute link {href}"
            target, fragment = resolve(page, href, site)
            where = page.relative_to(site.resolve()).as_posix()
            if offline and urlsplit(href).path.endswith("/"):  # a disk shows a folder as a list
                broken.append(f"{where}: {href} (a folder)")
            elif not target.exists():
                broken.append(f"{where}: {href}")
            elif fragment and target in pages and fragment not in pages[target]:
                broken.append(f"{where}: {href} (anchor)")
    return broken
