"""Drawing charts with matplotlib: a `Chart` and a theme -> SVG bytes.

Deterministic: the SVG hash salt is fixed and the date metadata dropped, so
the same chart gives the same bytes on every machine and every run. Text is
kept as SVG text (readable, searchable, small) in a generic sans-serif.
Narrow first: each chart is drawn about 4.3 inches wide with no text under
10 points, so that on a phone 390 px wide, where the page shows it at its
width, its smallest text is still about 11 px; wider screens show it at its
own size. Colours meet WCAG AA contrast on the theme's background, and nothing
is told apart by colour alone: cities also differ by marker shape, the adopted
threshold by hatching and a label, matrix cells by their printed value, the
running totals of signatures and instruments by line style, marker and label.

Importing this module imports matplotlib (about a second): callers import it
only when a chart must actually be drawn.
"""

from __future__ import annotations

import datetime as dt
import io
import textwrap
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

import matplotlib

matplotlib.use("Agg")

import matplotlib.dates as mdates  # noqa: E402
import matplotlib.pyplot as plt  # noqa: E402
from matplotlib.axes import Axes  # noqa: E402
from matplotlib.figure import Figure  # noqa: E402
from matplotlib.patches import Rectangle  # noqa: E402

from build_tools.charts.spec import Chart  # noqa: E402


@dataclass(frozen=True)
class Theme:
    name: str
    text: str
    grid: str
    series: tuple[str, ...]  # each at least 4.5:1 against the page background
    fills: dict[str, str]


LIGHT = Theme("light", text="#1a1a1a", grid="#6b6b6b",
              series=("#1f5fa8", "#a4461a", "#2e7d32", "#6a3d9a"),
              fills={"yes": "#c9dcf2", "no": "#f0f0f0", "other": "#f6e3c5"})
DARK = Theme("dark", text="#e8e8e8", grid="#a0a0a0",
             series=("#8cbcf2", "#f2a36b", "#8fd694", "#cbb2f0"),
             fills={"yes": "#23456e", "no": "#33363d", "other": "#5a4220"})
THEMES = (LIGHT, DARK)
MARKERS = ("o", "s", "D", "^")

SETTINGS: Any = {
    "svg.hashsalt": "un-cybercrime-briefing",  # fixed ids: same input, same bytes
    "svg.fonttype": "none",
    "font.family": "sans-serif",
    "font.sans-serif": ["DejaVu Sans", "Arial", "Helvetica"],
    "font.size": 10,
}
NARROW = 4.3  # inches: the width every chart is drawn for


def draw(chart: Chart, theme: Theme) -> bytes:
    return drawings(chart, (theme.name,))[theme.name]


def draw_png(chart: Chart) -> bytes:
    """The light chart as a PNG on white, for slides and documents that take no SVG."""
    return drawings(chart, ("png",))["png"]


def drawings(chart: Chart, wanted: Iterable[str]) -> dict[str, bytes]:
    """The drawings `wanted` of one chart: "light" and "dark" (SVG) and "png". The light SVG
    and the PNG are saved from one figure, made once (the same bytes as two figures)."""
    wanted = set(wanted)
    out: dict[str, bytes] = {}
    with plt.rc_context(SETTINGS):
        for theme in THEMES:
            kinds = {theme.name, "png"} & wanted if theme is LIGHT else {theme.name} & wanted
            if not kinds:
                continue
            figure = _DRAW[chart.kind](chart, theme)
            if theme.name in kinds:
                out[theme.name] = _saved(figure, format="svg", transparent=True,
                                         metadata={"Date": None, "Creator": None})
            if "png" in kinds:
                out["png"] = _saved(figure, format="png", dpi=200, facecolor="white",
                                    metadata={"Software": None})
            plt.close(figure)
    return out


def _saved(figure: Figure, **options: Any) -> bytes:
    out = io.BytesIO()
    figure.savefig(out, bbox_inches="tight", **options)
    return out.getvalue()


def _style(ax: Axes, theme: Theme) -> None:
    ax.tick_params(colors=theme.text, labelcolor=theme.text)
    for spine in ax.spines.values():
        spine.set_color(theme.grid)
    ax.title.set_color(theme.text)
    ax.xaxis.label.set_color(theme.text)
    ax.yaxis.label.set_color(theme.text)


def _timeline(chart: Chart, theme: Theme) -> Figure:
    figure, ax = plt.subplots(figsize=(NARROW - 1.2, 3.4))
    kinds = list(dict.fromkeys(str(r[1]) for r in chart.rows))
    cities = sorted({str(r[4]) for r in chart.rows})
    for row in chart.rows:
        lane = kinds.index(str(row[1]))
        start, end = _day(str(row[2])), _day(str(row[3]))
        city = cities.index(str(row[4]))
        colour, shape = theme.series[city % 4], MARKERS[city % 4]
        ax.plot([start, end], [lane, lane], color=colour, linewidth=8, solid_capstyle="butt")
        ax.plot([start], [lane], marker=shape, color=colour, markersize=7, linestyle="none")
    for i, name in enumerate(cities):
        ax.plot([], [], marker=MARKERS[i % 4], color=theme.series[i % 4], linestyle="none",
                label=name)
    # Events are numbered on their line and named in a key under the chart: on a narrow chart
    # their names would run into each other.
    for n, event in enumerate(chart.markers, 1):
        day = _day(event.date)
        ax.axvline(day, color=theme.grid, linestyle="--", linewidth=1)
        ax.annotate(str(n), (day, len(kinds) - 0.3 + 0.5 * (n % 2)), color=theme.text,
                    ha="center", va="bottom", fontweight="bold")
    key = "\n".join(f"{n}  {event.label} ({event.date[:4]})"
                    for n, event in enumerate(chart.markers, 1))
    ax.annotate(key, (0, 0), xycoords="axes fraction", xytext=(0, -62), textcoords="offset points",
                va="top", ha="left", color=theme.text)
    ax.set_yticks(range(len(kinds)), [_lane(k) for k in kinds])
    ax.set_ylim(-0.7, len(kinds) + 0.7)
    ax.xaxis.set_major_locator(mdates.YearLocator())
    ax.xaxis.set_major_formatter(mdates.DateFormatter("%Y"))
    ax.grid(axis="x", color=theme.grid, linewidth=0.4, alpha=0.6)
    legend = ax.legend(title="City", loc="upper left", bbox_to_anchor=(-0.02, -0.07),
                       ncols=2, frameon=False, labelcolor=theme.text, alignment="left")
    legend.get_title().set_color(theme.text)
    _style(ax, theme)
    return figure


def _lane(kind: str) -> str:
    """A kind as its row's label, in lines of at most 14 characters ("Rules of\nprocedure"), so
    that a longer kind does not widen the chart and shrink its words on a phone."""
    return textwrap.fill(kind.replace("-", " ").capitalize(), width=14)


def _day(iso: str) -> float:
    """A date as matplotlib's float day number."""
    return float(mdates.date2num(dt.date.fromisoformat(iso)))


def _bars(chart: Chart, theme: Theme) -> Figure:
    labels = [textwrap.fill(str(r[0]), 24) for r in chart.rows]
    values = [float(r[1]) for r in chart.rows]
    # Each row as tall as its wrapped label, in lines of text: long labels never overlap.
    heights = [max(label.count("\n") + 1, 2) + 0.8 for label in labels]
    centres = [sum(heights[:i]) + h / 2 for i, h in enumerate(heights)]
    figure, ax = plt.subplots(figsize=(NARROW - 2.0, 0.16 * sum(heights) + 1.0))
    for label, value, centre in zip(chart.rows, values, centres, strict=True):
        adopted = str(label[0]) in chart.highlight
        ax.barh(centre, value, height=1.6, color=theme.series[0 if adopted else 3],
                hatch="//" if adopted else None, edgecolor=theme.text, linewidth=0.6)
        note = f"{value:g}" + ("\nadopted" if adopted else "")  # the unit is the axis's
        ax.annotate(note, (value, centre), xytext=(4, 0), textcoords="offset points",
                    va="center", color=theme.text)
    ax.set_yticks(centres, labels)
    ax.set_ylim(sum(heights), 0)
    ax.set_xlim(0, max(values) * (1.5 if chart.highlight else 1.3))
    ax.set_xlabel(chart.axis)
    _style(ax, theme)
    return figure


def _matrix(chart: Chart, theme: Theme) -> Figure:
    rows, columns = chart.rows, chart.columns[1:]
    figure, ax = plt.subplots(figsize=(0.62 * len(columns), 0.6 * len(rows) + 1.0))
    for y, row in enumerate(rows):
        for x, value in enumerate(row[1:]):
            word = str(value).strip().lower()
            fill = theme.fills.get(word, theme.fills["other"])
            ax.add_patch(Rectangle((x, y), 1, 1, facecolor=fill, edgecolor=theme.grid))
            ax.text(x + 0.5, y + 0.5, textwrap.fill(str(value), 6), ha="center", va="center",
                    color=theme.text, fontsize=10)
    ax.set_xlim(0, len(columns))
    ax.set_ylim(len(rows), 0)
    ax.set_xticks([i + 0.5 for i in range(len(columns))],
                  [str(c) for c in columns], fontsize=10, rotation=55,
                  ha="left", rotation_mode="anchor")
    ax.xaxis.tick_top()
    ax.set_yticks([i + 0.5 for i in range(len(rows))], [textwrap.fill(str(r[0]), 16) for r in rows])
    ax.tick_params(length=0)
    _style(ax, theme)
    return figure


def _steps(chart: Chart, theme: Theme) -> Figure:
    """Running totals as steps: signatures a solid line with circles, the instruments counted
    towards the threshold a dashed line with squares, an organization's instruments (never
    counted) a dotted line with triangles when there are any, named in a legend below; the
    threshold a dotted line with its words, and each marked date (the record's, the close of
    signature) a labelled vertical line. Drawn for a phone's width, like every chart, with no
    text smaller than the rest."""
    figure, ax = plt.subplots(figsize=(NARROW - 0.6, 3.6))
    days = [_day(str(r[0])) for r in chart.rows]
    until = max([*days, *([_day(chart.until)] if chart.until else [])])  # the data stops there
    end = max([until, *(_day(m.date) for m in chart.markers)])
    assert chart.threshold is not None, chart.id
    threshold = float(chart.threshold)
    series = [("Signatures", 1, "-", "o"), ("Instruments counted", 2, "--", "s")]
    if any(float(r[3]) for r in chart.rows):  # drawn apart: never counted against the line
        series.append(("Not counted (organizations)", 3, ":", "^"))
    for n, (label, column, style, marker) in enumerate(series):
        values = [float(r[column]) for r in chart.rows]
        colour = theme.series[n]
        ax.step([*days, until], [*values, values[-1]], where="post", color=colour,
                linestyle=style, linewidth=2, clip_on=False,
                marker=marker, markevery=list(range(len(days))), markersize=6,
                label=f"{label}: {values[-1]:g}")
    ax.axhline(threshold, color=theme.grid, linestyle=":", linewidth=1.5)
    ax.annotate(f"{threshold:g} needed for entry into force", (0, threshold),
                xycoords=("axes fraction", "data"), xytext=(4, 4), textcoords="offset points",
                color=theme.text)
    top = max(threshold, *(float(r[1]) for r in chart.rows)) * 1.3
    for event in chart.markers:
        ax.axvline(_day(event.date), color=theme.grid, linestyle="--", linewidth=0.8)
        ax.annotate(event.label, (_day(event.date), top), xytext=(-4, -4),
                    textcoords="offset points", ha="right", va="top", color=theme.text)
    ax.set_ylim(0, top)
    ax.set_xlim(days[0] - 2, end + 2)
    ax.xaxis.set_major_locator(mdates.AutoDateLocator(minticks=2, maxticks=4))
    ax.xaxis.set_major_formatter(mdates.DateFormatter("%b %Y"))
    ax.set_ylabel(chart.axis)
    ax.grid(axis="y", color=theme.grid, linewidth=0.4, alpha=0.6)
    legend = ax.legend(loc="upper center", bbox_to_anchor=(0.5, -0.14), ncol=1, frameon=False)
    for text in legend.get_texts():
        text.set_color(theme.text)
    _style(ax, theme)
    return figure


_DRAW = {"timeline": _timeline, "bars": _bars, "matrix": _matrix, "steps": _steps}


def main() -> None:
    """The drawing worker (`charts/files.py`): on standard input, pickled lists of (chart, its
    drawings) ("light", "dark" or "png"), each drawn as it comes; after a build's last list, a
    pickled None, which sends the pickled list of that build's images to standard output, in
    the order asked. The worker then waits for the next build's lists, until its input ends:
    a server keeps one worker, so that matplotlib is imported once."""
    import pickle
    import sys

    images: list[bytes] = []
    while True:
        try:
            batch: list[tuple[Chart, tuple[str, ...]]] | None = pickle.load(sys.stdin.buffer)
        except EOFError:
            break
        if batch is None:
            sys.stdout.buffer.write(pickle.dumps(images))
            sys.stdout.buffer.flush()
            images = []
            continue
        for chart, wanted in batch:
            made = drawings(chart, wanted)
            images.extend(made[drawing] for drawing in wanted)


if __name__ == "__main__":
    main()
