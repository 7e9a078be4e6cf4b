"""A chart as a value: what the pages show of it and all its drawing needs.

Kept apart from `charts.py`, which makes charts from the data set: the drawing
worker (`chart_draw.py`) receives `Chart` values and so imports this module,
and nothing of the models.
"""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass, field
from typing import Literal

from build_tools import urls

Value = str | int | float
ChartKind = Literal["timeline", "bars", "matrix", "steps"]


@dataclass(frozen=True)
class Marker:
    date: str  # ISO date
    label: str


@dataclass(frozen=True)
class Chart:
    id: str
    kind: ChartKind
    title: str
    caption: str
    alt: str
    columns: tuple[str, ...]
    rows: tuple[tuple[Value, ...], ...]
    markers: tuple[Marker, ...] = field(default=())
    highlight: tuple[str, ...] = field(default=())  # row labels drawn as the outcome
    table: str | None = None  # the reference table it is drawn from, shown beside it
    unit: str = "states"  # what a bar counts
    axis: str = "States in support"
    threshold: int | None = None  # a level drawn as a dotted line (steps: instruments needed)
    until: str | None = None  # steps: the ISO day the data runs to (the record's date)

    @property
    def svg(self) -> str:
        return urls.chart_svg(self.id)

    @property
    def svg_dark(self) -> str:
        return urls.chart_svg(self.id, "dark")

    @property
    def png(self) -> str:
        return urls.chart_png(self.id)

    @property
    def anchor(self) -> str:
        return urls.chart_anchor_id(self.id)

    @property
    def csv(self) -> str:
        return urls.chart_csv(self.id)

    def fingerprint(self) -> str:
        """Everything the drawing depends on, as text (hashed with the drawing code)."""
        return json.dumps(asdict(self), sort_keys=True, ensure_ascii=False)
