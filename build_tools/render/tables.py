"""Reference tables as downloads: CSV for spreadsheets, JSON with every cell's source. Pure.

The CSV is UTF-8 with a byte-order mark (so that spreadsheet programs detect
the encoding), a header row of column ids, and RFC 4180 quoting with CRLF
line ends. The JSON carries labels, types, the table's source and, for cells
written in long form, their notes and sources.
"""

from __future__ import annotations

import csv
import io
import json
from typing import Any

from build_tools.models.dataset import TableRecord
from build_tools.models.source import Source, SourceRef
from build_tools.models.table import LongCell, cell_value


def csv_path(table_id: str) -> str:
    return f"data/{table_id}.csv"


def json_path(table_id: str) -> str:
    return f"data/{table_id}.json"


def table_csv(table: TableRecord) -> bytes:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n", quoting=csv.QUOTE_MINIMAL)
    columns = [c.id for c in table.data.columns]
    writer.writerow(columns)
    for row in table.data.rows:
        writer.writerow([_csv_cell(cell_value(row[c])) for c in columns])
    return ("\ufeff" + out.getvalue()).encode("utf-8")


def _csv_cell(value: object) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    return str(value)


def table_json(table: TableRecord, sources: dict[str, Source]) -> bytes:
    data = table.data
    document: dict[str, Any] = {
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
    }
    return (json.dumps(document, ensure_ascii=False, indent=2) + "\n").encode("utf-8")


def source_json(ref: SourceRef, sources: dict[str, Source]) -> dict[str, Any]:
    if ref.ref is None:
        return {"title": ref.title, "url": ref.url}
    source = sources[ref.ref]
    return {"id": source.id, "title": source.title, "author": source.author,
            "publisher": source.publisher, "date": source.date, "url": source.url,
            "locator": ref.locator}


def table_downloads(tables: tuple[TableRecord, ...], sources: dict[str, Source]) -> dict[str, bytes]:
    files: dict[str, bytes] = {}
    for table in tables:
        files[csv_path(table.id)] = table_csv(table)
        files[json_path(table.id)] = table_json(table, sources)
    return files
