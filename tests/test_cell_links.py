"""Article numbers in table cells link to the convention, read in the numbering of the table's
draft, as those in prose do; the official text is named on every article page."""

from __future__ import annotations

from build_tools.pipeline import Generated


def test_table_cells_link_their_article_references(shipped: Generated) -> None:
    tables = shipped.files["tables/index.md"].decode()
    assert "[Articles 1–16](/convention/article-1.md)" in tables
    assert "[Art. 23(2)(b)](/convention/article-23.md)" in tables
    # The zero draft's article 5 on human rights is article 6 of the final text.
    assert "[Article 5](/convention/article-6.md)" in tables
    # The downloads keep the cells as written.
    assert "[Articles" not in shipped.files["data/crime-tiers.csv"].decode()


def test_every_article_page_points_to_the_official_text(shipped: Generated) -> None:
    for article in shipped.dataset.convention.articles:
        page = shipped.files[article.page].decode()
        assert '!!! info "The official text"' in page, article.page
        assert "(https://docs.un.org/en/A/RES/79/243)" in page
        assert "it quotes only the words its sources quote" in page
