"""The shipped data, built into the real site: pages, navigation, and what a reader sees in the HTML."""

from __future__ import annotations

from pathlib import Path

from bs4 import BeautifulSoup

from build_tools.pipeline import Generated

RECONVENED = "sessions/reconvened-concluding-session"
UPDATE_TITLES = [
    "#1: Here we go again",
    "#2: A dark moment",
    "#3: The most difficult articles: criminalization",
    "#4: To deal or not to deal",
    "#5: Doomsday",
    "#6: Members approve cyber convention by consensus",
]
SESSION_IDS = [
    "organizational-session", "first-session", "second-session", "third-session",
    "fourth-session", "fifth-session", "sixth-session", "concluding-session",
    "reconvened-concluding-session",
]


def soup(site: Path, url: str) -> BeautifulSoup:
    return BeautifulSoup((site / url / "index.html").read_text(encoding="utf-8"), "html.parser")


def test_shipped_data_validates_without_errors_or_warnings(shipped: Generated) -> None:
    assert shipped.warnings == []
    assert len(shipped.dataset.updates) >= 6


def test_every_session_has_a_page(shipped_site: Path) -> None:
    for session_id in SESSION_IDS:
        assert (shipped_site / "sessions" / session_id / "index.html").is_file(), session_id
    process = soup(shipped_site, "sessions")
    linked = [a["href"] for a in process.select("article table a")]
    assert [h for h in linked if any(h == f"{s}/" for s in SESSION_IDS)] == [
        f"{s}/" for s in SESSION_IDS]


def test_update_pages_have_title_date_session_and_neighbours(shipped_site: Path) -> None:
    page = soup(shipped_site, f"{RECONVENED}/updates/03-the-most-difficult-articles-criminalization")
    assert page.select_one("article h1").get_text(strip=True).rstrip("¶") == UPDATE_TITLES[2]
    assert page.select_one("title").get_text().startswith(UPDATE_TITLES[2])
    assert page.select_one("article time")["datetime"] == "2024-08-05"
    session_link = page.select_one("article a[href='../../']")
    assert session_link is not None and session_link.get_text() == "Reconvened concluding session"
    assert page.select_one("a[rel=prev]")["href"] == "../02-a-dark-moment/"
    assert page.select_one("a[rel=next]")["href"] == "../04-to-deal-or-not-to-deal/"


def test_updates_index_lists_every_update_newest_first(shipped_site: Path) -> None:
    page = soup(shipped_site, "updates")
    titles = [a.get_text() for a in page.select("article li strong a")]
    assert titles == list(reversed(UPDATE_TITLES))


def test_home_shows_latest_updates_with_summaries(shipped_site: Path) -> None:
    page = soup(shipped_site, "")
    items = [li for li in page.select("article li") if li.select_one("strong a")]
    assert [li.select_one("strong a").get_text() for li in items] == list(
        reversed(UPDATE_TITLES))[:5]
    assert all(len(li.get_text()) > len(li.select_one("strong a").get_text()) + 40 for li in items)
    text = page.select_one("article").get_text(" ")
    for fact in ("A/RES/79/243", "Hanoi", "72 signatories", "Entry into force: not yet"):
        assert fact in text


def test_navigation_does_not_list_updates(shipped_site: Path) -> None:
    page = soup(shipped_site, f"{RECONVENED}/updates/01-here-we-go-again")
    nav_links = [a["href"] for a in page.select("nav.md-nav--primary a[href]")]
    assert nav_links, "the primary navigation is missing"
    assert not [h for h in nav_links if "/updates/" in h and not h.endswith("updates/")]
    assert len(nav_links) < 40


def nav_pages(items: object) -> set[str]:
    """The pages named in a `nav` of mkdocs.yml."""
    if isinstance(items, str):
        return {items}
    if isinstance(items, dict):
        return set().union(*(nav_pages(v) for v in items.values()))
    if isinstance(items, list):
        return set().union(*(nav_pages(v) for v in items))
    return set()


def test_every_hand_written_page_is_in_the_navigation() -> None:
    """MkDocs' notice of pages left out of `nav` is silenced (the generated pages are listed by
    the pages above them, and the notice buried the data's warnings): this is its check for the
    pages that are written by hand."""
    from mkdocs.config import load_config

    from build_tools import paths

    config = load_config(str(paths.REPO_ROOT / "mkdocs.yml"))
    assert config.validation.nav.omitted_files < 20  # below INFO: not printed
    written = {p.relative_to(paths.CONTENT_DIR).as_posix()
               for p in paths.CONTENT_DIR.rglob("*.md")}
    assert written and written <= nav_pages(config.nav)


def test_no_state_page_repeats_a_heading_in_its_contents(shipped_site: Path) -> None:
    from bs4 import BeautifulSoup

    for page in sorted((shipped_site / "states").glob("*/index.html")):
        soup = BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser")
        entries = [a.get_text(" ", strip=True)
                   for a in soup.select('nav.md-nav--secondary a.md-nav__link')]
        assert len(entries) == len(set(entries)), (page.parent.name, entries)
        assert soup.find(string=lambda s: s and s.startswith("In short:")) or soup.find(
            "strong", string="In short:"), page.parent.name
