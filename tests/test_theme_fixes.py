"""The theme's markup fixes, on the HTML the theme really writes."""

from __future__ import annotations

from pathlib import Path

from bs4 import BeautifulSoup


def test_built_pages_carry_the_fixes(shipped_site: Path) -> None:
    for html_file in sorted(shipped_site.rglob("*.html")):
        page = BeautifulSoup(html_file.read_text(encoding="utf-8"), "html.parser")
        name = html_file.relative_to(shipped_site).as_posix()
        dialog = page.select_one("div.md-search[role=dialog]")
        assert dialog is not None and dialog.get("aria-label") == "Search", name
        assert not page.select("input[type=checkbox][autocomplete]"), name
        assert not page.select('label[tabindex=""]'), name
        names = [nav.get("aria-label") for nav in page.select("nav.md-path, nav.md-nav--primary")]
        assert len(names) == len(set(names)), name
        ids = {tag["id"] for tag in page.select("[id]")}
        for label in page.select("label[for]"):
            assert label["for"] in ids, (name, label["for"])
