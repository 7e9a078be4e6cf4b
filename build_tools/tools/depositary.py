"""The depositary's record of the convention: its XML document read into typed rows.

The UN Treaty Collection publishes the status of chapter XVIII-16 as an XML
document: `Treaty/Participants/Table/TGroup`, with a `Thead/Row` of column
titles and `Tbody/Rows/Row` of `Entry` cells, one row per participant. A
participant's name may carry footnote marks (`<superscript>`), a signature
cell holds a date written "25 Oct 2025", and the instrument cell a date with
the kind of instrument as a suffix: " A" acceptance, " AA" approval, " a"
accession, none for ratification.

The document comes from outside, so it is read with defusedxml and no
document type at all (no entities, so no entity bomb; no external entities,
so no file of this machine read into it), after the size bound of `fetch`.
Whatever does not look exactly like the record is refused with the reason:
a format that changed must stop an import, not feed it half a table.
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
import xml.etree.ElementTree as ET
from dataclasses import dataclass

import defusedxml
import defusedxml.ElementTree as SafeET

from build_tools.english import excerpt, quoted_list
from build_tools.models.treaty import Action

DEFAULT_URL = ("https://treaties.un.org/doc/Publication/MTDSG/Volume%20II/Chapter%20XVIII/"
               "XVIII-16.en.xml")
TABLE_PATH = "Treaty/Participants/Table/TGroup"
PARTICIPANT_COLUMN = "Participant"
# The kinds of instrument by their suffix in the depositary's table.
SUFFIXES: dict[str, Action] = {"": "ratification", "A": "acceptance", "AA": "approval",
                               "a": "accession"}
MARKS: dict[str, str] = {kind: suffix for suffix, kind in SUFFIXES.items()}
_MONTHS = {name: number for number, name in enumerate(
    ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"), 1)}
_DATE = re.compile(r"(\d{1,2}) ([A-Za-z]{3,9})\.? (\d{4})(?: (\S+))?")
# Footnote marks written into a name as escaped markup rather than as an element.
_ESCAPED_MARK = re.compile(r"<superscript>(.*?)</superscript>", re.IGNORECASE | re.DOTALL)
_HTML = re.compile(rb"\A(?:\xef\xbb\xbf)?\s*(?:<\?xml[^>]*>\s*)?(?:<!--.*?-->\s*)*"
                   rb"<(?:!doctype\s+html|html)\b", re.IGNORECASE | re.DOTALL)
# How deep a cell's markup is followed: a name is text with a footnote mark or two.
MAX_CELL_DEPTH = 4
# A footnote mark is a number or a letter or two; anything else in a <superscript> is not
# passed on to the summary, which goes into a pull request as it is.
_MARK = re.compile(r"[0-9A-Za-z]{1,4}")


class RecordError(Exception):
    """The document is not the depositary's record as the import knows it; the message
    says why, in one sentence."""


@dataclass(frozen=True)
class Deposit:
    """A signature, or an instrument deposited, on a day."""

    action: Action
    date: dt.date

    @property
    def mark(self) -> str:
        """The suffix the depositary writes after the date: A, AA, a; none for the others."""
        return MARKS.get(self.action, "")


@dataclass(frozen=True)
class Participant:
    """One row of the depositary's table."""

    name: str  # footnote marks stripped, whitespace normalised
    footnotes: tuple[str, ...]
    signature: Deposit | None
    instrument: Deposit | None

    @property
    def deposits(self) -> tuple[Deposit, ...]:
        return tuple(d for d in (self.signature, self.instrument) if d is not None)


@dataclass(frozen=True)
class DepositaryRecord:
    participants: tuple[Participant, ...]


def parse_record(data: bytes, source: str) -> DepositaryRecord:
    """The participants of the document `data`, read from `source` (named in messages)."""
    root = _parse_xml(data, source)
    table = root.find(TABLE_PATH)
    if table is None:
        raise RecordError(f"{source} has no participants table ({TABLE_PATH}); it is not the "
                          "depositary's record, or its format has changed")
    columns = _columns(table, source)
    rows = table.findall("Tbody/Rows/Row")
    if not rows:
        raise RecordError(f"{source} lists no participants, which the depositary's record "
                          "always does; the document is probably incomplete")
    participants = tuple(_participant(row, columns, source) for row in rows)
    _check_unique(participants, source)
    return DepositaryRecord(participants)


def _parse_xml(data: bytes, source: str) -> ET.Element:
    if _HTML.match(data[:4096]):
        raise RecordError(f"{source} is a web page (HTML), not the depositary's XML record; "
                          "the site may be down or under maintenance")
    try:
        root = SafeET.fromstring(data, forbid_dtd=True, forbid_entities=True,
                                 forbid_external=True)
    except defusedxml.DefusedXmlException:
        raise RecordError(f"{source} declares a document type, which the depositary's record "
                          "does not; it was refused, since a document type can hide an entity "
                          "bomb or read files through external entities") from None
    except ET.ParseError as exc:
        line, column = exc.position
        raise RecordError(f"{source} is not readable XML (line {line}, column {column + 1}); "
                          "the depositary's record may have been cut short or replaced") from None
    if _local(root.tag).lower() == "html":
        raise RecordError(f"{source} is a web page (HTML), not the depositary's XML record; "
                          "the site may be down or under maintenance")
    return root


def _local(tag: str) -> str:
    return tag.rsplit("}", 1)[-1]


def _columns(table: ET.Element, source: str) -> dict[str, int]:
    """The column of the participant, the signature and the instrument, by their titles."""
    titles = [cell_text(entry)[0] for entry in table.findall("Thead/Row/Entry")]
    found: dict[str, int] = {}
    for index, title in enumerate(titles):
        kind = _column_kind(title)
        if kind is None or kind in found:
            found = {}
            break
        found[kind] = index
    if set(found) != {"participant", "signature", "instrument"} or found["participant"] != 0:
        raise RecordError(
            f"{source} has a participants table with the columns {quoted_list(titles) or 'none'}; "
            "the import reads 'Participant', 'Signature' and 'Acceptance(A), Ratification, "
            "Approval(AA), Accession(a)', so the format has changed")
    return found


def _column_kind(title: str) -> str | None:
    folded = title.casefold()
    if folded == PARTICIPANT_COLUMN.casefold():
        return "participant"
    if folded == "signature":
        return "signature"
    if "ratification" in folded and "accession" in folded:
        return "instrument"
    return None


def _participant(row: ET.Element, columns: dict[str, int], source: str) -> Participant:
    cells = row.findall("Entry")
    if len(cells) > len(columns):
        raise RecordError(f"{source} has a row of {len(cells)} cells in a table of "
                          f"{len(columns)} columns; the format has changed")
    texts = [cell_text(cell) for cell in cells] + [("", ())] * (len(columns) - len(cells))
    name, footnotes = texts[columns["participant"]]
    if not name:
        raise RecordError(f"{source} has a row without a participant's name")
    signature = _deposit(texts[columns["signature"]][0], name, "signature", source)
    instrument = _deposit(texts[columns["instrument"]][0], name, "instrument", source)
    if signature is None and instrument is None:
        raise RecordError(f"{source} lists {excerpt(name)} with neither a signature nor an "
                          "instrument; the format has changed")
    return Participant(name, footnotes, signature, instrument)


def _deposit(text: str, name: str, column: str, source: str) -> Deposit | None:
    if not text:
        return None
    match = _DATE.fullmatch(text)
    day = _day(match) if match else None
    if match is None or day is None:
        raise RecordError(f"{source} gives the {column} of {excerpt(name)} as {excerpt(text)}, "
                          "which is not a date written like '25 Oct 2025'")
    suffix = match[4] or ""
    if column == "signature":
        if suffix:
            raise RecordError(f"{source} gives the signature of {excerpt(name)} as "
                              f"{excerpt(text)}, with a mark the import does not know")
        return Deposit("signature", day)
    kind = SUFFIXES.get(suffix)
    if kind is None:
        raise RecordError(f"{source} gives the instrument of {excerpt(name)} as {excerpt(text)}, "
                          f"a kind the import does not know (it knows A, AA, a, and none for "
                          "ratification)")
    return Deposit(kind, day)


def _day(match: re.Match[str]) -> dt.date | None:
    month = _MONTHS.get(match[2][:3].lower())
    if month is None:
        return None
    try:
        return dt.date(int(match[3]), month, int(match[1]))
    except ValueError:
        return None


def cell_text(cell: ET.Element) -> tuple[str, tuple[str, ...]]:
    """The text of a cell with its footnote marks taken out, whitespace normalised, and the
    marks: "Azerbaijan<superscript>1</superscript>" -> ("Azerbaijan", ("1",))."""
    parts: list[str] = []
    marks: list[str] = []
    _gather(cell, parts, marks, 0)
    text = "".join(parts)
    marks.extend(m.strip() for m in _ESCAPED_MARK.findall(text))
    text = _ESCAPED_MARK.sub("", text)
    return normalise_space(text), tuple(m for m in marks if _MARK.fullmatch(m))


def _gather(element: ET.Element, parts: list[str], marks: list[str], depth: int) -> None:
    parts.append(element.text or "")
    for child in element:
        if _local(child.tag).lower() == "superscript":
            marks.append(normalise_space(child.text or ""))
        elif depth < MAX_CELL_DEPTH:
            _gather(child, parts, marks, depth + 1)
        parts.append(child.tail or "")


def normalise_space(text: str) -> str:
    """NFC, every run of spaces, tabs, line breaks and no-break spaces one space."""
    return " ".join(unicodedata.normalize("NFC", text).split())


def _check_unique(participants: tuple[Participant, ...], source: str) -> None:
    seen: set[str] = set()
    for participant in participants:
        if participant.name.casefold() in seen:
            raise RecordError(f"{source} lists {excerpt(participant.name)} twice; the format "
                              "has changed")
        seen.add(participant.name.casefold())
