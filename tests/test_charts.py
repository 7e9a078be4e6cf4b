"""Charts: deterministic SVG, drawn once and then served from the cache, accessible words."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from build_tools.charts import draw as chart_draw
from build_tools.pipeline import Generated
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
    # the timeline, the most-discussed articles, the positions grid and the signatures and
    # instruments over time: two SVGs and a PNG each
    assert build(data, cache).charts_drawn == 12
    update = data / "sessions/alpha-session/updates/03-last-day.yaml"
    update.write_text(update.read_text().replace("Closed.", "Closed for good."))
    assert build(data, cache).charts_drawn == 0
    update.write_text(update.read_text().replace("Closed for good.", "Closed, article 1 too."))
    assert build(data, cache).charts_drawn == 3  # most-discussed only
    session = data / "sessions/beta-session/session.yaml"
    session.write_text(session.read_text().replace("city: Vienna", "city: Geneva"))
    assert build(data, cache).charts_drawn == 3
    record = data / "treaty-status.yaml"
    record.write_text(record.read_text().replace("2026-03-02", "2026-03-03"))
    assert build(data, cache).charts_drawn == 3  # signatures and instruments only


def test_charts_have_alt_text_and_their_data_on_the_page(data_tree: Callable[..., Path],
                                                         tmp_path: Path) -> None:
    files = build(data_tree(), tmp_path / "cache").files
    page = files["sessions/index.md"].decode()
    assert "![Timeline of 3 meetings of the Ad Hoc Committee from 21 August 2023 to " in page
    assert "Each kind of meeting has its own row; after the adoption: rules of procedure." in page
    assert "<summary>Data of this chart</summary>" in page
    assert "[Download the data (CSV)](/data/chart-process-timeline.csv)" in page
    csv_text = files["data/chart-process-timeline.csv"].decode("utf-8-sig")
    assert csv_text.splitlines()[0] == "Session,Kind,Start,End,City,Dates"
    assert csv_text.splitlines()[-1].startswith("Session on the rules,rules-of-procedure,2026-01-26,")


def svg_text(svg: bytes) -> str:
    """The words drawn in an SVG (text is kept as text, not paths)."""
    import xml.etree.ElementTree as ET

    root = ET.fromstring(svg)
    return " ".join(" ".join(e.itertext()) for e in root.iter("{http://www.w3.org/2000/svg}text"))


def test_each_drawing_shows_its_charts_data(shipped: Generated) -> None:
    """What the drawings say is checked, not their bytes: those belong to matplotlib's version."""
    for chart in shipped.charts:
        for path in (chart.svg, chart.svg_dark):
            words = " ".join(svg_text(shipped.files[path]).split())
            first_column = [str(row[0]) for row in chart.rows]
            if chart.kind == "bars":
                for label in first_column:  # long labels are wrapped over several lines
                    assert all(word in words for word in label.split()), (path, label)
                for row in chart.rows:
                    assert str(row[1]) in words, (path, row)
            elif chart.kind == "matrix":
                assert all(str(v) in words for row in chart.rows for v in row[1:]), path
            elif chart.kind == "timeline":
                assert all(c in words for c in {str(r[4]) for r in chart.rows}), path
            else:  # steps: each series named with its last value, and the threshold
                last = chart.rows[-1]
                assert f"Signatures: {last[1]}" in words and "needed for entry into force" in words, path
