"""The annotated convention: references resolved through the drafts, mentions, warnings, rules."""

from __future__ import annotations

import csv
import io
import json
import posixpath
import re
from collections.abc import Callable
from html.parser import HTMLParser
from pathlib import Path

import pytest

from build_tools.errors import DataError
from build_tools.load.stage import load
from build_tools.models.dataset import Convention
from build_tools.pipeline import Generated
from build_tools.prose.article_links import ArticleLinker, Origin
from build_tools.validate.stage import validate
from tests.conftest import MINIMAL_DATA, build

UPDATES = "sessions/reconvened-concluding-session/updates"


@pytest.fixture(scope="module")
def convention(shipped: Generated) -> Convention:
    return shipped.dataset.convention


def links(convention: Convention, text: str, draft: str = "updated-draft") -> list[tuple[str, str]]:
    linker = ArticleLinker(convention, draft, draft, text, None)
    pieces = linker.link(text, 0)
    assert "".join(p if isinstance(p, str) else p[0] for p in pieces) == text  # nothing lost
    return [(p[0], p[1].removeprefix("/")) for p in pieces if not isinstance(p, str)]


FORMS = {
    "article 24": [("article 24", "convention/article-24.md")],
    "Article 4": [("Article 4", "convention/article-4.md")],
    "articles 24, 35 and 40": [("articles 24", "convention/article-24.md"),
                               ("35", "convention/article-35.md"), ("40", "convention/article-40.md")],
    "articles 29 and 30": [("articles 29", "convention/article-29.md"),
                           ("30", "convention/article-30.md")],
    "articles 14 and 16": [("articles 14", "convention/article-14.md"),
                           ("16", "convention/article-16.md")],
    "article 6,2": [("article 6,2", "convention/article-6.md#art-6-2")],
    "articles 6,2 and 24": [("articles 6,2", "convention/article-6.md#art-6-2"),
                            ("24", "convention/article-24.md")],
    "Article 23(2)": [("Article 23(2)", "convention/article-23.md#art-23-2")],
    "Article 40, paragraph 21": [("Article 40, paragraph 21", "convention/article-40.md#art-40-21")],
    "articles 6,2 (on human rights); 14, paragraphs 1 and 3; and 40,22": [
        ("articles 6,2", "convention/article-6.md#art-6-2"),
        ("14, paragraphs 1 and 3", "convention/article-14.md#art-14-1"),
        ("40,22", "convention/article-40.md#art-40-22")],
    "Articles 6–16": [("Articles 6–16", "convention/article-6.md")],
    "Articles 1 to 16": [("Articles 1 to 16", "convention/article-1.md")],
    "article14": [("article14", "convention/article-14.md")],
    "Art. 24": [("Art. 24", "convention/article-24.md")],
    "Article 2 of the UNTOC": [],
    "article 17 of the Budapest Convention": [],
}


@pytest.mark.parametrize("text", sorted(FORMS))
def test_every_form_of_reference_links_to_its_article(convention: Convention, text: str) -> None:
    assert links(convention, f"They discussed {text} today.") == FORMS[text]


@pytest.mark.parametrize(("draft", "final"), [
    ("zero-draft", 4), ("revised-draft", 4), ("updated-draft", 17), ("final-text", 17)])
def test_the_same_words_resolve_through_the_draft_they_are_about(
        convention: Convention, draft: str, final: int) -> None:
    assert links(convention, "article 17", draft) == [
        ("article 17", f"convention/article-{final}.md")]


def test_paragraphs_carry_over_only_from_a_draft_numbered_like_the_final_text(
        convention: Convention) -> None:
    # the zero draft's article 40, paragraph 21 is not paragraph 21 of the final article 40
    assert links(convention, "article 40, paragraph 21", "zero-draft") == [
        ("article 40, paragraph 21", "convention/article-40.md")]
    assert links(convention, "article 40,22", "updated-draft") == [
        ("article 40,22", "convention/article-40.md#art-40-22")]


def test_a_range_mentions_every_article_in_it(convention: Convention) -> None:
    text = "Articles 6 to 16"
    linker = ArticleLinker(convention, "zero-draft", "zero draft", text,
                           Origin("update", "t", "p.md", "2024-01-01"))
    linker.link(text, 0)
    assert sorted(m.article for m in linker.mentions) == list(range(7, 18))  # moved up by one


def test_session_summaries_link_in_their_own_draft(shipped: Generated) -> None:
    concluding = shipped.files["sessions/concluding-session/index.md"].decode()
    # the revised draft's article 5 (human rights) is article 6 of the final text
    assert re.search(r'<a href="[./]*convention/article-6/">article 5</a> \(respect for human',
                     concluding)
    sixth = shipped.files["sessions/sixth-session/index.md"].decode()
    assert re.search(r'<a href="[./]*convention/article-4/">article 17</a>', sixth)


class _Anchors(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.hrefs: list[tuple[str, str]] = []
        self._href: str | None = None
        self._text = ""

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "a":
            self._href, self._text = dict(attrs).get("href") or "", ""

    def handle_data(self, data: str) -> None:
        if self._href is not None:
            self._text += data

    def handle_endtag(self, tag: str) -> None:
        if tag == "a" and self._href is not None:
            self.hrefs.append((self._text, self._href))
            self._href = None


def test_update_two_links_articles_29_and_30(shipped: Generated) -> None:
    page = shipped.files[f"{UPDATES}/02-a-dark-moment.md"].decode()
    parser = _Anchors()
    parser.feed(page)
    assert ("articles 29", "../../../../convention/article-29/") in parser.hrefs
    assert ("30", "../../../../convention/article-30/") in parser.hrefs


def _mentioned_in(shipped: Generated, number: int) -> str:
    page = shipped.files[f"convention/article-{number}.md"].decode()
    return page.split("## Mentioned in", 1)[1]


def test_article_24_lists_updates_1_4_and_6_newest_first(shipped: Generated) -> None:
    section = _mentioned_in(shipped, 24)
    updates = re.findall(r'">#(\d): ', section)
    assert updates == ["6", "4", "1"]
    assert "articles 24, 35 and 40" in section  # the words around the reference


def test_most_discussed_chart_counts_updates_from_the_links(shipped: Generated) -> None:
    rows = list(csv.reader(io.StringIO(
        shipped.files["data/chart-most-discussed.csv"].decode("utf-8-sig"))))
    counts = {row[0].split(":")[0]: int(row[1]) for row in rows[1:]}
    assert counts["Art. 24"] == 3
    assert counts["Art. 6"] == 4  # updates #1, #2, #4 and #6


def test_every_article_has_a_page_in_its_chapter(shipped: Generated) -> None:
    convention = shipped.dataset.convention
    assert [a.number for a in convention.articles] == list(range(1, 69))
    assert len(convention.chapters) == 9
    index = shipped.files["convention/index.md"].decode()
    for number in range(1, 69):
        assert f"(/convention/article-{number}.md)" in index


def test_unconfirmed_headings_are_not_shown_as_fact(shipped: Generated) -> None:
    page = shipped.files["convention/article-29.md"].decode()
    assert page.splitlines()[1] == 'title: "Article 29"'
    assert "Heading not confirmed" in page
    confirmed = shipped.files["convention/article-6.md"].decode()
    assert confirmed.splitlines()[1] == 'title: "Article 6: Respect for human rights"'


def test_concordance_shows_where_provisions_moved(shipped: Generated) -> None:
    page = shipped.files["convention/concordance.md"].decode()
    row4 = next(line for line in page.splitlines() if line.startswith("| [4]"))
    assert "| 17 |" in row4 and "**moved**" in row4
    row40 = next(line for line in page.splitlines() if line.startswith("| [40]"))
    assert "moved" not in row40


def test_positions_download_as_csv_and_json(shipped: Generated) -> None:
    rows = list(csv.DictReader(io.StringIO(shipped.files["data/positions.csv"].decode("utf-8-sig"))))
    assert {"state_id", "provision", "stance", "sources"} <= set(rows[0])
    iran = [r for r in rows if r["state_id"] == "iran"]
    assert any(r["provision"] == "Art. 24" and r["stance"] == "requested a vote" for r in iran)
    document = json.loads(shipped.files["data/positions.json"])
    assert {"states", "positions", "votes"} <= set(document)
    assert all(p["sources"] for p in document["positions"])
    assert all(v.get("counts") is None for v in document["votes"])  # no confirmed tallies


def test_article_pages_show_the_positions_and_votes_on_them(shipped: Generated) -> None:
    page = shipped.files["convention/article-6.md"].decode()
    assert "### Paragraph 2 { #art-6-2 }" in page
    assert "(/states/iran.md)" in page
    assert "## Positions and votes" in page


# --- editors' mistakes ---------------------------------------------------------------------

def _warnings(data: Path) -> list[str]:
    return [str(w) for w in build(data).warnings]


def test_an_unknown_article_is_a_located_warning(data_tree: Callable[..., Path]) -> None:
    data = data_tree({"sessions/alpha-session/updates/03-last-day.yaml": (
        "number: 3\ntitle: Last day\ndate: 2023-09-01\nsummary: Closed.\nbody: |\n"
        "  Closed.\n  They fought over article 3 and\n  article 7,2 all day.\n")})
    assert _warnings(data) == [
        "data/sessions/alpha-session/updates/03-last-day.yaml:8:11: warning: body: '7,2': "
        "no article of the convention is known to have been article 7 of the first text; check "
        "the number, or set 'draft' to the text it refers to"]


def _errors(data: Path) -> list[str]:
    with pytest.raises(DataError) as caught:
        build(data)
    return [str(d) for d in caught.value.diagnostics]


def test_convention_rules(data_tree: Callable[..., Path]) -> None:
    data = data_tree({
        "convention/articles/04.yaml": "number: 5\ntitle: X\ntitle_status: confirmed\n"
                                       "chapter: 2\nnumbers:\n  - draft: first-text\n"
                                       "    number: 3\n    basis: derived\n",
        "positions.yaml": "positions:\n  - id: p\n    on: {provision: preamble}\n    topic: T\n"
                          "    stance: s\n    states: [nobody]\n    date: '2023'\n"
                          "    summary: S\n    sources:\n      - ref: brief-one\n",
    })
    assert _errors(data) == [
        "data/convention/articles/04.yaml:1:9: error: number: 5 does not match the file name "
        "04.yaml; rename the file or change the number",
        "data/convention/articles/04.yaml:3:15: error: title_status: a confirmed title needs "
        "title_sources that confirm it; otherwise write 'unconfirmed'",
        "data/convention/articles/04.yaml:4:10: error: chapter: chapter 2 holds articles 3 to 3, "
        "not article 5",
        "data/convention/articles/04.yaml:7:13: error: numbers: article 3 of the first-text is "
        "already given to article 2 of the final text",
        "data/positions.yaml:3:21: error: unknown provision 'preamble'; the provisions are "
        "listed in data/convention/provisions/",
        "data/positions.yaml:6:14: error: 'nobody' is not in data/states.yaml; add it there "
        "(id: nobody, name and kind: state or group)",
    ]


def test_a_data_set_without_a_convention_still_builds(data_tree: Callable[..., Path]) -> None:
    data = data_tree(remove=("states.yaml", "positions.yaml", "votes.yaml", "treaty-status.yaml",
                             "convention/chapters.yaml", "convention/articles/01.yaml",
                             "convention/articles/02.yaml", "convention/articles/03.yaml",
                             "convention/provisions/title.yaml"))
    files = build(data).files
    assert not any(p.startswith(("convention/", "states/", "treaty-status/")) for p in files)
    loaded = load(data, data.parent)
    assert validate(loaded)[0] is not None


def test_a_link_in_a_position_works_on_every_page_that_shows_it(
        data_tree: Callable[..., Path]) -> None:
    positions = (MINIMAL_DATA / "positions.yaml").read_text(encoding="utf-8").replace(
        "summary: Both wanted the list kept.",
        "summary: Both wanted the list kept, as [the session](/sessions/alpha-session/) heard.")
    files = build(data_tree({"positions.yaml": positions})).files
    for page in ("convention/article-2.md", "states/alpha-land.md", "states/the-group.md"):
        hrefs = re.findall(r'<a href="([^"]+)">the session</a>', files[page].decode())
        page_url = page.removesuffix(".md") + "/"
        assert [posixpath.normpath(posixpath.join(page_url, h)) for h in hrefs] == [
            "sessions/alpha-session"], page
