"""Charts as files: each chart's SVG in both themes, a PNG of the light one, and its data as CSV.

Drawing is the slow part (matplotlib, about a second to import): an SVG is
drawn only when the cache has none for the chart's data and the current
code, and matplotlib is imported only then.
"""

from __future__ import annotations

from dataclasses import dataclass

from build_tools.cache import Store
from build_tools.render.charts import Chart, chart_csv

THEMES = ("light", "dark")


@dataclass(frozen=True)
class ChartFiles:
    charts: tuple[Chart, ...]
    files: dict[str, str | bytes]
    drawn: int  # SVGs drawn by matplotlib in this build (the others came from the cache)


def chart_files(charts: tuple[Chart, ...], store: Store) -> ChartFiles:
    files: dict[str, str | bytes] = {}
    before = store.misses
    for chart in charts:
        for theme in THEMES:
            key = store.key(theme, chart.fingerprint())
            svg: bytes | None = store.get(key)
            if svg is None:
                svg = _draw(chart, theme)
                store.put(key, svg)
            files[chart.svg if theme == "light" else chart.svg_dark] = svg
        key = store.key("png", chart.fingerprint())
        png: bytes | None = store.get(key)
        if png is None:
            png = _draw_png(chart)
            store.put(key, png)
        files[chart.png] = png
        files[chart.csv] = chart_csv(chart)
    return ChartFiles(charts, files, store.misses - before)


def _draw(chart: Chart, theme: str) -> bytes:
    from build_tools.render import chart_draw  # imports matplotlib: only when drawing

    return chart_draw.draw(chart, chart_draw.LIGHT if theme == "light" else chart_draw.DARK)


def _draw_png(chart: Chart) -> bytes:
    from build_tools.render import chart_draw

    return chart_draw.draw_png(chart)
