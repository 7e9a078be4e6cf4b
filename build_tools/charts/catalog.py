"""Charts, as data: what each chart shows, taken from the data set. Pure; no matplotlib here.

Each chart is a `Chart`: its words (title, caption, alt text), the rows of
its data table (shown under the chart and offered as CSV), and what the
drawing code needs. A chart whose data is missing (a table not yet written)
is left out rather than drawn empty. Drawing lives in `chart_draw.py`.
"""

from __future__ import annotations

import datetime as dt

from build_tools.charts.spec import Chart, Marker
from build_tools.derive.grid import Grid
from build_tools.derive.records import target_label
from build_tools.derive.treaty_record import THRESHOLD, TreatyStatus
from build_tools.english import plural
from build_tools.formats.tabular import csv_bytes
from build_tools.formats.text import date_range, long_date
from build_tools.models.dataset import Dataset, TableRecord
from build_tools.models.session import NEGOTIATION_KINDS
from build_tools.models.table import CHART_COLUMNS, cell_value
from build_tools.models.treaty import SIGNATURE_CLOSES
from build_tools.prose.article_links import Mention, updates_naming

TIMELINE = "process-timeline"
MOST_DISCUSSED = "most-discussed"
POSITIONS_GRID = "positions-grid"
TREATY_TIMELINE = "signatures-and-instruments"


def charts(dataset: Dataset, mentions: tuple[Mention, ...], table: Grid,
           treaty: TreatyStatus | None = None) -> tuple[Chart, ...]:
    """Every chart the data can fill; `mentions` from the prose stage, `table` the grid,
    `treaty` the record of signatures and instruments."""
    found = (timeline(dataset), threshold_support(dataset), tier_reach(dataset),
             most_discussed(dataset, mentions), grid_chart(dataset, table),
             treaty_timeline(treaty))
    return tuple(c for c in found if c is not None)


def data_charts(dataset: Dataset, table: Grid, treaty: TreatyStatus | None) -> tuple[Chart, ...]:
    """The charts that need no prose (all but the most discussed articles), known as soon
    as the data is valid: they can be drawn while the prose is rendered."""
    return tuple(c for c in charts(dataset, (), table, treaty) if c.id != MOST_DISCUSSED)


def _treaty_markers(status: TreatyStatus) -> tuple[Marker, ...]:
    """The record's date, and while the convention is open for signature, the day it closes:
    how much of the signing period the record covers."""
    markers = [Marker(status.as_of.isoformat(), "Record")]
    if status.as_of < SIGNATURE_CLOSES:
        markers.append(Marker(SIGNATURE_CLOSES.isoformat(), "Signature closes"))
    return tuple(markers)


def chart_csv(chart: Chart) -> bytes:
    return csv_bytes(chart.columns, chart.rows)


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
    later = [s for s in sessions if s.data.kind not in NEGOTIATION_KINDS]
    if later:
        kinds = ", ".join(dict.fromkeys(s.data.kind.replace("-", " ") for s in later))
        alt += f" Each kind of meeting has its own row; after the adoption: {kinds}."
    return Chart(
        id=TIMELINE, kind="timeline",
        title=("The negotiation and the work after adoption, on a timeline" if later
               else "The negotiation on a timeline"),
        caption="The meetings of the Ad Hoc Committee that this site records, by date and city, "
                + ("one row per kind of meeting, " if later else "")
                + "with the adoption and signature of the convention marked.",
        alt=alt,
        columns=("Session", "Kind", "Start", "End", "City", "Dates"),
        rows=tuple((s.data.title, s.data.kind, s.data.start.isoformat(), s.data.end.isoformat(),
                    s.data.city, date_range(s.data.start, s.data.end)) for s in sessions),
        markers=markers,
    )


def _table(dataset: Dataset, table_id: str) -> TableRecord | None:
    """The table a chart is drawn from, if the data has it with every column the chart reads
    (`CHART_COLUMNS`: validation reports a missing one)."""
    table = next((t for t in dataset.tables if t.id == table_id), None)
    if table is None or not set(CHART_COLUMNS[table_id]) <= {c.id for c in table.data.columns}:
        return None
    return table


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


RANKED = 12  # articles in the most-discussed chart


def most_discussed(dataset: Dataset, mentions: tuple[Mention, ...]) -> Chart | None:
    """The articles named in the most daily updates (counted from the links in their bodies)."""
    counts = updates_naming(mentions)
    ranked = sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))[:RANKED]
    if not ranked:
        return None
    titles = {a.number: a.data.title if a.data.title_status != "unconfirmed"
              else "heading not confirmed" for a in dataset.convention.articles}
    rows = tuple((f"Art. {number}: {titles[number]}", count) for number, count in ranked)
    return Chart(
        id=MOST_DISCUSSED, kind="bars",
        title="The most-discussed articles",
        caption="The articles named in the most daily updates, counted from the article "
                "references the site links in every update.",
        alt="Bar chart of the number of daily updates that name each article: "
            + "; ".join(f"article {n}: {c}" for n, c in ranked) + ".",
        columns=("Article", "Daily updates naming it"),
        rows=rows, unit="updates", axis="Daily updates naming it",
    )


def grid_chart(dataset: Dataset, table: Grid) -> Chart | None:
    """How many states and groups the sources record on each provision of the grid."""
    if not table.rows:
        return None
    rows = tuple((target_label(column, dataset.convention),
                  sum(1 for _, cells in table.rows if cells[i]))
                 for i, column in enumerate(table.columns))
    return Chart(
        id=POSITIONS_GRID, kind="bars",
        title="How many states took a recorded position, by provision",
        caption="For each provision in the grid below, the number of states and groups whose "
                "position on it, or whose request for a vote, the sources record.",
        alt="Bar chart of the number of states and groups with a recorded position on each "
            "provision: " + "; ".join(f"{label}: {count}" for label, count in rows) + ".",
        columns=("Provision", "States and groups"),
        rows=rows, unit="states", axis="States and groups with a recorded position",
    )


def treaty_timeline(status: TreatyStatus | None) -> Chart | None:
    """Signatures and instruments to date, one row per day on which the record changes.

    Only what the status page counts is drawn against the line of forty: an organization's
    instrument (the EU's) is a series of its own, and a denounced instrument leaves the count
    on the day its denunciation takes effect. A signature whose day is not given counts from
    the last day it may have happened."""
    if status is None or not status.events:
        return None
    rows = tuple(_treaty_row(status, day) for day in _record_days(status))
    organizations = [p.state.name if p.state.name.startswith("The ") else f"the {p.state.name}"
                     for p in status.participants if not p.counts]
    apart = (f" The instruments of {' and '.join(organizations)} are drawn apart and never "
             f"counted against the line (article 65(1))." if organizations else "")
    last = rows[-1]
    as_of = long_date(status.as_of)
    return Chart(
        id=TREATY_TIMELINE, kind="steps",
        title="Signatures and instruments over time",
        caption=f"Signatures, and instruments of ratification, acceptance, approval or accession "
                f"counted towards entry into force, as recorded up to {as_of}, against the "
                f"{THRESHOLD} instruments needed.{apart} A signature whose day the sources do not "
                "give is counted from the last day it may have happened.",
        alt=f"Step chart of the number of signatures and of instruments counted towards entry "
            f"into force over time, from {long_date(_day(rows[0]))} to {as_of}, with a dotted "
            f"line at the {THRESHOLD} instruments needed.{apart} "
            + " ".join(f"By {long_date(_day(r))}: {plural(int(r[1]), 'signature')}, "
                       f"{int(r[2])} {'instrument' if int(r[2]) == 1 else 'instruments'} "
                       f"counted" + (f", {int(r[3])} not counted" if int(r[3]) else "") + "."
                       for r in rows)
            + f" Latest: {plural(int(last[1]), 'signature')}, {_counted(int(last[2]))}"
            + (f" and {last[3]} not counted" if int(last[3]) else "") + "."
            + " A dashed vertical line marks the record's date"
            + (f", another the close of signature on {long_date(SIGNATURE_CLOSES)}"
               if status.as_of < SIGNATURE_CLOSES else "") + ".",
        columns=("Date", "Signatures to date", f"Instruments counted towards the {THRESHOLD}",
                 "Instruments not counted (regional organizations)"),
        rows=rows,
        markers=_treaty_markers(status), until=status.as_of.isoformat(),
        unit="instruments", axis="Signatures or instruments to date", threshold=THRESHOLD,
    )


def _counted(count: int) -> str:
    """Never more than the threshold "of" it: '12 of the 40 instruments counted', past it
    '40 of 40 reached, 42 instruments counted'."""
    if count < THRESHOLD:
        return f"{count} of the {THRESHOLD} instruments counted"
    return f"{THRESHOLD} of {THRESHOLD} reached, {count} instruments counted"


def _record_days(status: TreatyStatus) -> list[dt.date]:
    """The days on which the counts change: each event's, and each denunciation's effect,
    up to the record's date."""
    days = {e.latest for e in status.events}
    days |= {p.denunciation.effective.last for p in status.participants
             if p.denunciation and p.denunciation.effective
             and p.denunciation.effective.last <= status.as_of}
    return sorted(days)


def _treaty_row(status: TreatyStatus, day: dt.date) -> tuple[str, int, int, int]:
    """(day, signatures, instruments counted, organizations' instruments) on `day`."""
    deposited = [p for p in status.participants
                 if p.instrument is not None and p.instrument.latest <= day]
    return (day.isoformat(),
            sum(1 for e in status.events if e.action == "signature" and e.latest <= day),
            sum(1 for p in deposited if p.counted(day)),
            sum(1 for p in deposited if not p.counts))


def _day(row: tuple[str | int | float, ...]) -> dt.date:
    return dt.date.fromisoformat(str(row[0]))
