"""Every internal link and anchor of the built site resolves, and none is root-absolute."""

from __future__ import annotations

from pathlib import Path
from urllib.parse import unquote, urldefrag, urlsplit

from bs4 import BeautifulSoup

from build_tools.site_info import site_info


def targets(site: Path) -> dict[Path, set[str]]:
    """Every HTML file of the site and the ids it defines."""
    found = {}
    for html_file in site.rglob("*.html"):
        page = BeautifulSoup(html_file.read_text(encoding="utf-8"), "html.parser")
        found[html_file.resolve()] = {str(tag["id"]) for tag in page.select("[id]")}
    return found


def resolve(page: Path, href: str, site: Path) -> tuple[Path, str]:
    url, fragment = urldefrag(href)
    if not url:
        return page, fragment
    base = page.parent
    prefix = urlsplit(site_info().url).path
    if url.startswith(prefix):  # the 404 page links from the site's root, wherever it is shown
        base, url = site, url.removeprefix(prefix)
    target = (base / unquote(urlsplit(url).path)).resolve()
    if target.is_dir() or url.endswith("/"):
        target = target / "index.html"
    return target, fragment


def test_no_broken_internal_link_or_anchor(shipped_site: Path) -> None:
    pages = targets(shipped_site)
    broken = []
    for page in sorted(pages):
        soup = BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser")
        for tag in soup.select("a[href], link[href], img[src], script[src]"):
            href = str(tag.get("href") or tag.get("src"))
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
