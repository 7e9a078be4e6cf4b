"""Charts, as data: what each chart shows, taken from the data set. Pure; no matplotlib here.

Each chart is a `Chart`: its words (title, caption, alt text), the rows of
its data table (shown under the chart and offered as CSV), and what the
drawing code needs. A chart whose data is missing (a table not yet written)
is left out rather than drawn empty. Drawing lives in `chart_draw.py`.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
from dataclasses import asdict, dataclass, field
from typing import Literal

from build_tools.models.dataset import Dataset, TableRecord
from build_tools.models.table import cell_value
from build_tools.render.text import date_range, long_date

Value = str | int | float
ChartKind = Literal["timeline", "bars", "matrix"]


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

    @property
    def svg(self) -> str:
        return f"charts/{self.id}.svg"

    @property
    def svg_dark(self) -> str:
        return f"charts/{self.id}-dark.svg"

    @property
    def csv(self) -> str:
        return f"data/chart-{self.id}.csv"

    def fingerprint(self) -> str:
        """Everything the drawing depends on, as text (hashed with the drawing code)."""
        return json.dumps(asdict(self), sort_keys=True, ensure_ascii=False)


def charts(dataset: Dataset) -> tuple[Chart, ...]:
    found = (timeline(dataset), threshold_support(dataset), tier_reach(dataset))
    return tuple(c for c in found if c is not None)


def chart_csv(chart: Chart) -> bytes:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(chart.columns)
    writer.writerows(chart.rows)
    return ("\ufeff" + out.getvalue()).encode("utf-8")


def timeline(dataset: Dataset) -> Chart | None:
    sessions = dataset.sessions
    if not sessions:
        return None
    markers = tuple(Marker(m.date.isoformat(), m.timeline_label)
                    for m in dataset.status.milestones if m.timeline_label)
    cities = sorted({s.data.city for s in sessions})
    first, last = sessions[0].data.start, sessions[-1].data.end
    marked = "; ".join(f"{m.label} on {long_date(dt.date.fromisoformat(m.date))}" for m in markers)
    alt = (f"Timeline of {len(sessions)} meetings of the Ad Hoc Committee from "
           f"{long_date(first)} to {long_date(last)}, one mark per meeting, placed by date and "
           f"shaped by city ({', '.join(cities)})." + (f" Also marked: {marked}." if marked else ""))
    return Chart(
        id="process-timeline", kind="timeline",
        title="The negotiation on a timeline",
        caption="Every meeting of the Ad Hoc Committee by date and city, with the adoption and "
                "signature of the convention marked.",
        alt=alt,
        columns=("Session", "Kind", "Start", "End", "City", "Dates"),
        rows=tuple((s.data.title, s.data.kind, s.data.start.isoformat(), s.data.end.isoformat(),
                    s.data.city, date_range(s.data.start, s.data.end)) for s in sessions),
        markers=markers,
    )


def _table(dataset: Dataset, table_id: str) -> TableRecord | None:
    return next((t for t in dataset.tables if t.id == table_id), None)


def threshold_support(dataset: Dataset) -> Chart | None:
    table = _table(dataset, "ratification-thresholds")
    if table is None:
        return None
    rows = []
    for row in table.data.rows:
        proposal, by = cell_value(row["proposal"]), cell_value(row["proposed_by"])
        supporters = cell_value(row["supporters"])
        rows.append((f"{proposal} ratifications ({by})", supporters))
    adopted = tuple(f"{cell_value(r['proposal'])} ratifications ({cell_value(r['proposed_by'])})"
                    for r in table.data.rows if _is_adopted(str(cell_value(r["outcome"]))))
    described = "; ".join(f"{label}: {count} states" for label, count in rows)
    return Chart(
        id="threshold-support", kind="bars",
        title="Support for each ratification threshold",
        caption="How many states backed each proposed number of ratifications for entry into "
                "force, in the debate of 1 August 2024 (daily update #3).",
        alt=f"Bar chart of the number of states supporting each proposal: {described}."
            + (f" Adopted for entry into force: {', '.join(adopted)}." if adopted else ""),
        columns=("Proposal", "States in support"),
        rows=tuple(rows),
        highlight=adopted,
        table=table.id,
    )


def _is_adopted(outcome: str) -> bool:
    return outcome.lower().startswith("adopted")


def tier_reach(dataset: Dataset) -> Chart | None:
    table = _table(dataset, "crime-tiers")
    if table is None:
        return None
    reach = [c for c in table.data.columns if c.id not in ("tier", "where_defined")]
    if not reach:
        return None
    rows = tuple((str(cell_value(row["tier"])),
                  *(str(cell_value(row[c.id])) for c in reach)) for row in table.data.rows)
    return Chart(
        id="tier-reach", kind="matrix",
        title="Which parts of the draft each crime tier reaches",
        caption="Each tier of crimes against the parts of the draft convention it falls under, "
                "as the briefs read the text.",
        alt="Matrix of the five crime tiers against "
            + ", ".join(c.label for c in reach) + ". "
            + " ".join(f"{r[0]}: " + ", ".join(f"{c.label} {v}" for c, v in zip(reach, r[1:],
                                                                                 strict=True)) + "."
                       for r in rows),
        columns=("Crime tier", *(c.label for c in reach)),
        rows=rows,
        table=table.id,
    )


MOST_DISCUSSED = 12


def most_discussed(updates_by_article: dict[int, int], titles: dict[int, str]) -> Chart | None:
    """The articles named in the most daily updates (counted from the links in their bodies)."""
    ranked = sorted(updates_by_article.items(), key=lambda kv: (-kv[1], kv[0]))[:MOST_DISCUSSED]
    if not ranked:
        return None
    rows = tuple((f"Art. {number}: {titles[number]}", count) for number, count in ranked)
    return Chart(
        id="most-discussed", kind="bars",
        title="The most-discussed articles",
        caption="The articles named in the most daily updates, counted from the article "
                "references the site links in every update.",
        alt="Bar chart of the number of daily updates that name each article: "
            + "; ".join(f"article {n}: {c}" for n, c in ranked) + ".",
        columns=("Article", "Daily updates naming it"),
        rows=rows, unit="updates", axis="Daily updates naming it",
    )
