"""Charts: deterministic SVG, drawn once and then served from the cache, accessible words."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from build_tools.pipeline import Generated
from build_tools.render import chart_draw
from tests.conftest import build


def test_each_chart_draws_the_same_bytes_twice(shipped: Generated) -> None:
    assert {c.id for c in shipped.charts} >= {"process-timeline"}
    for chart in shipped.charts:
        for theme in chart_draw.THEMES:
            first, second = chart_draw.draw(chart, theme), chart_draw.draw(chart, theme)
            assert first == second, (chart.id, theme.name)
            assert b"<dc:date>" not in first and b"<svg" in first
        assert chart_draw.draw_png(chart) == chart_draw.draw_png(chart), chart.id


def test_a_second_build_draws_no_chart(tmp_path: Path) -> None:
    cache = tmp_path / "cache"
    first = build(cache_dir=cache)
    svgs = [p for p in first.files if p.startswith("charts/") and p.endswith(".svg")]
    pngs = [p for p in first.files if p.startswith("charts/") and p.endswith(".png")]
    assert len(svgs) == 2 * len(first.charts) and len(pngs) == len(first.charts)
    assert first.charts_drawn == len(svgs) + len(pngs)
    second = build(cache_dir=cache)
    assert second.charts_drawn == 0
    assert second.files == first.files


def test_a_data_change_redraws_only_the_charts_it_feeds(data_tree: Callable[..., Path],
                                                       tmp_path: Path) -> None:
    cache = tmp_path / "cache"
    data = data_tree()
    # the timeline, the most-discussed articles and the positions grid: two SVGs and a PNG each
    assert build(data, cache).charts_drawn == 9
    update = data / "sessions/alpha-session/updates/03-last-day.yaml"
    update.write_text(update.read_text().replace("Closed.", "Closed for good."))
    assert build(data, cache).charts_drawn == 0
    update.write_text(update.read_text().replace("Closed for good.", "Closed, article 1 too."))
    assert build(data, cache).charts_drawn == 3  # most-discussed only
    session = data / "sessions/beta-session/session.yaml"
    session.write_text(session.read_text().replace("city: Vienna", "city: Geneva"))
    assert build(data, cache).charts_drawn == 3


def test_charts_have_alt_text_and_their_data_on_the_page(data_tree: Callable[..., Path],
                                                         tmp_path: Path) -> None:
    files = build(data_tree(), tmp_path / "cache").files
    page = files["sessions/index.md"].decode()
    assert "![Timeline of 2 meetings of the Ad Hoc Committee from 21 August 2023 to " in page
    assert "<summary>Data of this chart</summary>" in page
    assert "[Download the data (CSV)](/data/chart-process-timeline.csv)" in page
    csv_text = files["data/chart-process-timeline.csv"].decode("utf-8-sig")
    assert csv_text.splitlines()[0] == "Session,Kind,Start,End,City,Dates"
