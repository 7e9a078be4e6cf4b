"""The smallest edit an editor would make to `data/treaty-status.yaml`: events added, as_of moved.

The edit is made in the text, line by line, so that everything else stays as
the editors wrote it; ruamel.yaml's round trip only reads where each event
starts and writes the new events in the file's own layout. Three checks keep
it to that:

- before: the file must come back byte for byte from a round trip with no
  edit, which proves the new lines are in its layout (a file laid out
  otherwise is refused, and edited by hand);
- where: a comment just above an event belongs to that event, so a new event
  goes above the comment, never between it and its event;
- after: the only difference may be whole added lines and the as_of line.

New events go where an editor would put them: after the participant's own
events, else at the participant's place in the depositary's alphabetical
order of names, which the file follows.
"""

from __future__ import annotations

import datetime as dt
import difflib
import io
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from ruamel.yaml import YAML
from ruamel.yaml.comments import CommentedMap, CommentedSeq

from build_tools.english import excerpt

DEPOSITARY_SOURCE = "untc-status"
_AS_OF = re.compile(r"(?P<key>as_of:[ \t]*)(?P<quote>['\"]?)\d{4}-\d{2}-\d{2}(?P=quote)")


class EditError(Exception):
    """The file cannot be edited safely; the message says why."""


@dataclass(frozen=True)
class NewEvent:
    participant: str
    action: str
    date: dt.date


def _round_trip() -> YAML:
    """The settings under which the shipped file comes back unchanged."""
    yaml = YAML(typ="rt")
    yaml.preserve_quotes = True
    yaml.indent(mapping=2, sequence=4, offset=2)
    yaml.width = 4096  # never fold a long line an editor wrote
    return yaml


def _dump(yaml: YAML, document: Any) -> str:
    out = io.StringIO()
    yaml.dump(document, out)
    return out.getvalue()


def edited_text(text: str, path: str, additions: Sequence[NewEvent], as_of: dt.date,
                order: Callable[[str], str]) -> str:
    """`text` with `additions` in place and as_of moved forward to `as_of` (never back).

    `order` gives a participant's place in the file's order; `additions` come in that
    order (and by date for one participant), so that new events at one place keep it."""
    yaml = _round_trip()
    document = yaml.load(text)
    _check_same(text, _dump(yaml, document), path, "comes back changed from the YAML "
                "editor even before any edit", allow_as_of=False)
    lines = text.splitlines(keepends=True)
    events: CommentedSeq = document["events"]
    participants = [str(e["participant"]) for e in events]
    days = [_first_day(e["date"]) for e in events]
    starts = [events.lc.item(i)[0] for i in range(len(events))]
    end = _end_of(lines, starts)
    # Where a new event goes to stand before each event: above that event's comments.
    anchors = [_line_before(lines, start) for start in starts]
    inserts: dict[int, list[str]] = {}
    for new in additions:
        index = insertion_index(participants, days, new, order)
        at = anchors[index] if index < len(anchors) else end
        inserts.setdefault(at, []).extend(_event_lines(yaml, new))
        participants.insert(index, new.participant)
        days.insert(index, new.date)
        anchors.insert(index, at)
    edited = _insert(lines, inserts)
    if as_of > _first_day(document["as_of"]):
        edited = _move_as_of(edited, document.lc.key("as_of")[0], as_of)
    result = "".join(edited)
    _check_same(text, result, path, "would change in more than the added events and as_of",
                allow_as_of=True)
    return result


def insertion_index(participants: Sequence[str], days: Sequence[dt.date], new: NewEvent,
                    order: Callable[[str], str]) -> int:
    """After the participant's events dated on or before the new one (before its first one
    otherwise); for a participant new to the file, before the first event that comes after
    it in the order, else at the end."""
    own = [i for i, p in enumerate(participants) if p == new.participant]
    if own:
        earlier = [i for i in own if days[i] <= new.date]
        return earlier[-1] + 1 if earlier else own[0]
    key = order(new.participant)
    return next((i for i, p in enumerate(participants) if order(p) > key), len(participants))


def _first_day(value: object) -> dt.date:
    if isinstance(value, dt.date):
        return value
    return dt.date.fromisoformat(str(value).split("/")[0])


def _is_comment(line: str) -> bool:
    return not line.strip() or line.lstrip().startswith("#")


def _line_before(lines: list[str], start: int) -> int:
    """Where to insert before the event starting at `start`: above its own comments."""
    while start > 0 and _is_comment(lines[start - 1]):
        start -= 1
    return start


def _end_of(lines: list[str], starts: Sequence[int]) -> int:
    """The line after the last event: before the next top-level key, and before the comments
    and blank lines that precede it or end the file."""
    first = starts[-1] + 1 if starts else len(lines)
    end = next((i for i in range(first, len(lines))
                if lines[i][:1] not in (" ", "\t", "#", "\n", "\r")), len(lines))
    while end > first and _is_comment(lines[end - 1]):
        end -= 1
    return end


def _event_lines(yaml: YAML, new: NewEvent) -> list[str]:
    """The new event's lines in the file's layout: as the round trip writes an event."""
    event = CommentedMap()
    event["participant"] = new.participant
    event["action"] = new.action
    event["date"] = new.date
    event["sources"] = CommentedSeq([CommentedMap([("ref", DEPOSITARY_SOURCE)])])
    return _dump(yaml, CommentedMap([("events", CommentedSeq([event]))])).splitlines(True)[1:]


def _insert(lines: list[str], inserts: dict[int, list[str]]) -> list[str]:
    out: list[str] = []
    for i, line in enumerate([*lines, ""]):
        out.extend(inserts.get(i, []))
        out.append(line)
    return out


def _move_as_of(lines: list[str], at: int, as_of: dt.date) -> list[str]:
    """The as_of line with its new date; its quotes and any comment after it kept."""
    line = lines[at]
    moved = _AS_OF.sub(lambda m: f"{m['key']}{m['quote']}{as_of.isoformat()}{m['quote']}",
                       line, count=1)
    return [*lines[:at], moved, *lines[at + 1:]]


def _check_same(before: str, after: str, path: str, problem: str, *, allow_as_of: bool) -> None:
    """Refuses any difference but added lines (and the as_of line, when allowed)."""
    old, new = before.splitlines(keepends=True), after.splitlines(keepends=True)
    for tag, i1, i2, j1, j2 in difflib.SequenceMatcher(None, old, new, autojunk=False).get_opcodes():
        if tag in ("equal", "insert"):
            continue
        as_of = (tag == "replace" and i2 - i1 == 1 and j2 - j1 == 1
                 and old[i1].startswith("as_of:") and new[j1].startswith("as_of:"))
        if not (allow_as_of and as_of):
            raise EditError(f"{path} {problem} (at line {i1 + 1}, "
                            f"{excerpt(old[i1].rstrip() if i1 < len(old) else '')}); "
                            "add the events by hand this time")
