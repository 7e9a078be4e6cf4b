"""Same commit, same bytes: two clean builds of the site are identical, sitemap included."""

from __future__ import annotations

import gzip
import hashlib
from pathlib import Path

import pytest

from build_tools.engine.publish import build_site


def digest(site: Path) -> dict[str, str]:
    return {p.relative_to(site).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(site.rglob("*")) if p.is_file()}


def test_two_clean_builds_are_byte_identical(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                            shipped_site: Path) -> None:
    monkeypatch.setenv("BRIEFING_CACHE_DIR", str(tmp_path / "fresh-cache"))
    second = tmp_path / "second"
    assert build_site(second) == 0
    assert digest(second) == digest(shipped_site)


def test_sitemap_dates_come_from_the_last_commit(shipped_site: Path) -> None:
    sitemap = (shipped_site / "sitemap.xml").read_text(encoding="utf-8")
    assert "<lastmod>" in sitemap
    with gzip.open(shipped_site / "sitemap.xml.gz") as packed:
        assert packed.read().decode("utf-8") == sitemap
