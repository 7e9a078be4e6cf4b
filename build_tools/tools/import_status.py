"""`import-status`: bring `data/treaty-status.yaml` up to the depositary's record.

Reads the depositary's XML document (fetched, or a file), matches each
participant to `data/states.yaml`, and adds to the file what the record has
and the file has not, each new event with the depositary as its source, and
as_of moved to the day of reading. It prints a summary to paste into the pull
request that carries the change.

It writes all or nothing: when the data is not valid, the document cannot
be read, a participant cannot be matched, or a row contradicts the record,
every problem is reported and the file is left as it was. A run that finds
nothing new writes nothing, not even as_of: the record's date says when it
last changed in the file, and a weekly run must not make a change (and a pull
request) of its own.
"""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TypeVar

from pydantic import BaseModel

from build_tools.errors import Diagnostic, Severity
from build_tools.load.stage import Parsed, parse_bytes, parse_file
from build_tools.models.positions import State, StatesFile
from build_tools.models.source import SourcesFile
from build_tools.models.treaty import TreatyStatusFile
from build_tools.paths import display_path
from build_tools.tools.depositary import DepositaryRecord, RecordError, parse_record
from build_tools.tools.fetch import FetchError, read_source
from build_tools.tools.status_diff import Difference, describe, order_key
from build_tools.tools.status_diff import compare as compare_record
from build_tools.tools.status_edit import DEPOSITARY_SOURCE, EditError, NewEvent, edited_text
from build_tools.tools.status_summary import summary
from build_tools.validate.treaty import treaty_rules

M = TypeVar("M", bound=BaseModel)
STATUS_FILE = "treaty-status.yaml"
# Problems with the data shown before the import gives up; `validate` shows them all.
MAX_DATA_PROBLEMS = 10


class StatusImportError(Exception):
    """The import stopped and wrote nothing; each problem is one sentence."""

    def __init__(self, problems: Sequence[str]) -> None:
        super().__init__(problems[0] if problems else "")
        self.problems = tuple(problems)


@dataclass(frozen=True)
class ImportResult:
    summary: str
    written: bool


@dataclass(frozen=True)
class _Data:
    states: tuple[State, ...]
    status: Parsed[TreatyStatusFile]
    path: Path
    shown: str
    text: str


def today_utc() -> dt.date:
    """The day the record is read, as CI's clock and the depositary's dates count days."""
    return dt.datetime.now(dt.UTC).date()


def import_status(data_dir: Path, source: str, today: dt.date,
                  read: Callable[[str], bytes] = read_source) -> ImportResult:
    """Compare the record at `source` with the data in `data_dir` and write the additions."""
    data = _load(data_dir)
    record = _record(source, read)
    difference = _compare(record, data)
    problems = [*difference.problems, *_future(difference, today)]
    if problems:
        raise StatusImportError(problems)
    before = data.status.model.as_of
    as_of = (before, max(before, today))
    if not difference.additions:
        return ImportResult(summary(difference, source, today, data.shown, as_of), False)
    order = _order(data.states)
    additions = [NewEvent(a.state.id, a.deposit.action, a.deposit.date)
                 for a in difference.additions]
    try:
        text = edited_text(data.text, data.shown, additions, today, order)
    except EditError as exc:
        raise StatusImportError([str(exc)]) from None
    _check_valid(text, data)
    _write(data.path, text)
    return ImportResult(summary(difference, source, today, data.shown, as_of), True)


def _future(difference: Difference, today: dt.date) -> list[str]:
    """A day after the day of reading is a misprint in the record or a wrong clock here;
    either way not something to write."""
    return [f"the depositary lists {describe(a.deposit.action, a.deposit.date.isoformat())} "
            f"for {a.state.name}, after the day of reading ({today.isoformat()}); check the "
            "record and this machine's date" for a in difference.additions
            if a.deposit.date > today]


def _load(data_dir: Path) -> _Data:
    problems: list[Diagnostic] = []
    states = _parse(data_dir, "states.yaml", StatesFile, problems)
    sources = _parse(data_dir, "sources.yaml", SourcesFile, problems)
    status = _parse(data_dir, STATUS_FILE, TreatyStatusFile, problems)
    if states is not None and status is not None:
        problems.extend(treaty_rules(status, states.model.states))
    _stop_on(problems)
    assert states is not None and sources is not None and status is not None
    if DEPOSITARY_SOURCE not in {s.id for s in sources.model.sources}:
        raise StatusImportError([f"{sources.doc.path} has no source '{DEPOSITARY_SOURCE}', the "
                                 "depositary's record, which each new event cites; add it"])
    path = data_dir / STATUS_FILE
    return _Data(states.model.states, status, path, status.doc.path,
                 path.read_bytes().decode("utf-8"))


def _parse(data_dir: Path, name: str, model: type[M],
           problems: list[Diagnostic]) -> Parsed[M] | None:
    path = data_dir / name
    return parse_file(path, display_path(path, data_dir.parent), model, problems)


def _stop_on(problems: list[Diagnostic]) -> None:
    errors = [d for d in problems if d.severity is Severity.ERROR]
    if errors:
        shown = [f"{d.location}: {d.message}" for d in errors[:MAX_DATA_PROBLEMS]]
        raise StatusImportError([*shown, "the data has errors; fix them first (make validate "
                                         "lists every one)"])


def _record(source: str, read: Callable[[str], bytes]) -> DepositaryRecord:
    try:
        return parse_record(read(source), source)
    except (FetchError, RecordError) as exc:
        raise StatusImportError([str(exc)]) from None


def _compare(record: DepositaryRecord, data: _Data) -> Difference:
    events = data.status.model.events
    lines = [data.status.doc.location(("events", i)).line for i in range(len(events))]
    return compare_record(record, data.states, events, lines, data.shown)


def _order(states: Sequence[State]) -> Callable[[str], str]:
    keys = {s.id: order_key(s) for s in states}
    return lambda participant: keys.get(participant, participant)


def _check_valid(text: str, data: _Data) -> None:
    """The edited file must pass the same checks as an editor's edit would."""
    problems: list[Diagnostic] = []
    parsed = parse_bytes(text.encode("utf-8"), data.shown, TreatyStatusFile, problems)
    if parsed is not None:
        problems.extend(treaty_rules(parsed, data.states))
    errors = [d for d in problems if d.severity is Severity.ERROR]
    if errors:
        raise StatusImportError([f"the edited file would not be valid: {d.location}: {d.message}"
                                 for d in errors[:MAX_DATA_PROBLEMS]])


def _write(path: Path, text: str) -> None:
    """All or nothing: a run stopped half-way leaves the old file, never half a new one."""
    temporary = path.with_name(f".{path.name}.import")
    temporary.write_bytes(text.encode("utf-8"))
    os.replace(temporary, path)
