"""Charts drawn once: SVGs cached on disk by a hash of their data and of the drawing code.

A build where no chart's data changed draws nothing (matplotlib is not even
imported); a changed table redraws only the charts made from it. The cache
is a plain folder of SVG files, safe to delete.
"""

from __future__ import annotations

import hashlib
import importlib.metadata
from dataclasses import dataclass
from pathlib import Path

from build_tools.render.charts import Chart

_CODE = (Path(__file__).parent / "render" / "chart_draw.py",
         Path(__file__).parent / "render" / "charts.py")


def code_version() -> str:
    digest = hashlib.sha256(importlib.metadata.version("matplotlib").encode())
    for path in _CODE:
        digest.update(path.read_bytes())
    return digest.hexdigest()


@dataclass(frozen=True)
class ChartFiles:
    files: dict[str, bytes]
    drawn: int  # SVGs drawn by matplotlib in this build (the others came from the cache)


def chart_files(charts: tuple[Chart, ...], cache_dir: Path) -> ChartFiles:
    version = code_version()
    files: dict[str, bytes] = {}
    drawn = 0
    for chart in charts:
        for theme, path in (("light", chart.svg), ("dark", chart.svg_dark)):
            key = hashlib.sha256(f"{version}\n{theme}\n{chart.fingerprint()}".encode()).hexdigest()
            cached = cache_dir / f"{chart.id}-{theme}-{key[:20]}.svg"
            if not cached.is_file():
                _store(cached, _draw(chart, theme))
                drawn += 1
            files[path] = cached.read_bytes()
    return ChartFiles(files, drawn)


def _draw(chart: Chart, theme: str) -> bytes:
    from build_tools.render import chart_draw  # imports matplotlib: only when drawing

    return chart_draw.draw(chart, chart_draw.LIGHT if theme == "light" else chart_draw.DARK)


def _store(target: Path, content: bytes) -> None:
    target.parent.mkdir(parents=True, exist_ok=True)
    for stale in target.parent.glob(target.name.rsplit("-", 1)[0] + "-*.svg"):
        stale.unlink()
    temporary = target.with_suffix(".tmp")
    temporary.write_bytes(content)
    temporary.replace(target)
