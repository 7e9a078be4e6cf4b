"""What the built site gives a reader besides the content: shared-link metadata, the date of
each page and of its sitemap entry, and citations in formats reference managers read."""

from __future__ import annotations

import datetime as dt
import json
import posixpath
import re
import xml.etree.ElementTree as ElementTree
import zipfile
from pathlib import Path

import bibtexparser
import pytest
from bs4 import BeautifulSoup

from build_tools.render.cite import Citation, csl_json
from build_tools.site_info import site_info
from build_tools.urls import OFFLINE_ZIP

SITEMAP = "{http://www.sitemaps.org/schemas/sitemap/0.9}"
CITED = ["sessions/reconvened-concluding-session/updates/03-the-most-difficult-articles-criminalization",
         "convention/article-24", "states/iran", "tables"]


def pages(site: Path) -> list[Path]:
    return sorted(p for p in site.rglob("index.html"))


def soup(path: Path) -> BeautifulSoup:
    return BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")


def meta(html: BeautifulSoup, prop: str) -> str:
    tag = html.find("meta", attrs={"property": prop}) or html.find("meta", attrs={"name": prop})
    assert tag is not None, prop
    return str(tag["content"])


def test_every_page_has_open_graph_and_twitter_metadata(shipped_site: Path) -> None:
    base = site_info().url
    for path in [*pages(shipped_site), shipped_site / "404.html"]:
        html = soup(path)
        where = path.relative_to(shipped_site).as_posix()
        assert meta(html, "og:title"), where
        assert len(meta(html, "og:description")) > 20, where
        assert meta(html, "og:url").startswith(base), where
        assert meta(html, "og:image") == base + "assets/site-card.png"
        assert meta(html, "twitter:card") == "summary_large_image"
    home = soup(shipped_site / "index.html")
    assert meta(home, "og:url") == base
    iran = soup(shipped_site / "states" / "iran" / "index.html")
    assert meta(iran, "og:title") == "Iran"
    assert meta(iran, "og:url") == base + "states/iran/"
    assert (shipped_site / "assets" / "site-card.png").is_file()


def test_every_page_says_once_when_it_was_last_updated(shipped_site: Path) -> None:
    for path in pages(shipped_site):
        text = path.read_text(encoding="utf-8")
        assert text.count("Last updated") == 1, path


def test_the_sitemap_dates_each_page_by_its_own_data(shipped_site: Path) -> None:
    root = ElementTree.parse(shipped_site / "sitemap.xml").getroot()
    dates = {url.findtext(f"{SITEMAP}loc"): url.findtext(f"{SITEMAP}lastmod")
             for url in root.iter(f"{SITEMAP}url")}
    assert all(re.fullmatch(r"\d{4}-\d{2}-\d{2}", d or "") for d in dates.values())
    assert len(set(dates.values())) > 1
    page = shipped_site / "about" / "index.html"
    shown = soup(page).select_one(".uc-updated time")
    assert shown is not None and dates[site_info().url + "about/"] == shown["datetime"]


def test_citations_parse_as_bibtex_and_csl_json(shipped_site: Path) -> None:
    base = site_info().url
    for url in CITED:
        html = soup(shipped_site / url / "index.html")
        block = html.select_one("#cite-this-page + .uc-cite")
        assert block is not None, url
        assert base + url + "/" in block.get_text()
        links = {a.get_text(): a["href"] for a in block.select("a[download]")}
        assert links == {"BibTeX": "cite.bib", "CSL-JSON": "cite.json"}
        library = bibtexparser.parse_string((shipped_site / url / "cite.bib").read_text("utf-8"))
        assert library.failed_blocks == [] and len(library.entries) == 1, url
        entry = library.entries[0]
        assert entry["url"] == base + url + "/"
        csl = json.loads((shipped_site / url / "cite.json").read_text("utf-8"))
        assert csl[0]["type"] == "webpage" and csl[0]["URL"] == base + url + "/"
        assert csl[0]["title"] in html.h1.get_text()
        assert entry["title"].strip("{}").replace("\\#", "#") == csl[0]["title"]
    update = json.loads((shipped_site / CITED[0] / "cite.json").read_text("utf-8"))
    assert update[0]["issued"] == {"date-parts": [[2024, 8, 5]]}


@pytest.mark.parametrize("issued", [None, dt.date(2024, 8, 5)])
def test_csl_json_is_laid_out_as_the_json_module_lays_it_out(issued: dt.date | None) -> None:
    citation = Citation("states/côte.md", 'The "Côte" \\ page\n', "https://x.org/states/côte/", issued)
    item: dict[str, object] = {"id": citation.key, "type": "webpage", "title": citation.title,
                               "container-title": "Site ☃", "URL": citation.url}
    if issued:
        item["issued"] = {"date-parts": [[issued.year, issued.month, issued.day]]}
    expected = json.dumps([item], indent=2, ensure_ascii=False) + "\n"
    assert csl_json(citation, "Site ☃") == expected.encode("utf-8")


def test_the_data_page_offers_an_offline_copy_that_works_from_disk(shipped_site: Path) -> None:
    about = soup(shipped_site / "about" / "index.html")
    assert about.select_one('a[href="../data/#offline-copy"]') is not None
    data = soup(shipped_site / "data" / "index.html")
    link = data.select_one('#offline-copy ~ p a[href$="un-cybercrime-briefing-offline.zip"]')
    assert link is not None and link.has_attr("download")
    archive = (shipped_site / "data" / str(link["href"])).resolve()
    with zipfile.ZipFile(archive) as offline:
        names = set(offline.namelist())
        root = "un-cybercrime-briefing/"
        assert {root + "index.html", root + "search/search_index.js",
                root + "assets/javascripts/iframe-worker-shim.js"} <= names
        update = "sessions/reconvened-concluding-session/updates/02-a-dark-moment.html"
        html = offline.read(root + update).decode()
        assert "unpkg.com" not in html  # nothing is fetched from the network
        # Links in editor prose point at the copy's files, not at the website's folders.
        hrefs = [h for h in re.findall(r'href="([^"#]+\.html)(?:#[^"]*)?"', html)
                 if not h.startswith("http")]
        assert "../../../convention/article-29.html" in hrefs
        folder = posixpath.dirname(root + update)
        assert all(posixpath.normpath(f"{folder}/{h}") in names for h in hrefs), hrefs
        # The copy cannot hold itself: it sends the reader to the website's newest copy.
        inside = BeautifulSoup(offline.read(root + "data/index.html"), "html.parser")
        newest = inside.select_one('#offline-copy ~ p a[download]')
        assert newest is not None and newest["href"] == site_info().url + OFFLINE_ZIP
        assert root + "404.html" not in names
