"""Downloads: the CSV and JSON forms of the reference tables, and how every CSV is written. Pure.

Every CSV of the site is UTF-8 with a byte-order mark (so that spreadsheet
programs detect the encoding), a header row, and RFC 4180 quoting with CRLF
line ends. A table's JSON carries labels, types, the table's source and, for
cells written in long form, their notes and sources.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterable, Sequence
from typing import Any

from build_tools import urls
from build_tools.models.dataset import TableRecord
from build_tools.models.source import Source
from build_tools.models.table import LongCell, cell_value
from build_tools.render.citations import source_json


def csv_bytes(header: Sequence[str], rows: Iterable[Sequence[object]]) -> bytes:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n", quoting=csv.QUOTE_MINIMAL)
    writer.writerow(header)
    writer.writerows(rows)
    return ("\ufeff" + out.getvalue()).encode("utf-8")


def json_bytes(document: Any) -> bytes:
    return (json.dumps(document, ensure_ascii=False, indent=2) + "\n").encode("utf-8")


def table_csv(table: TableRecord) -> bytes:
    columns = [c.id for c in table.data.columns]
    return csv_bytes(columns, ([_csv_cell(cell_value(row[c])) for c in columns]
                               for row in table.data.rows))


def _csv_cell(value: object) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    return str(value)


def table_json(table: TableRecord, sources: dict[str, Source]) -> bytes:
    data = table.data
    return json_bytes({
        "id": table.id,
        "title": data.title,
        "source": source_json(data.source, sources),
        "draft": data.draft,
        "columns": [c.model_dump() for c in data.columns],
        "rows": [{c.id: cell_value(row[c.id]) for c in data.columns} for row in data.rows],
        "cell_notes": [
            {"row": i, "column": key, "note": cell.note,
             "sources": [source_json(r, sources) for r in cell.sources]}
            for i, row in enumerate(data.rows) for key, cell in row.items()
            if isinstance(cell, LongCell)
        ],
    })


def table_downloads(table: TableRecord, sources: dict[str, Source]) -> dict[str, str | bytes]:
    return {urls.table_csv(table.id): table_csv(table),
            urls.table_json(table.id): table_json(table, sources)}
