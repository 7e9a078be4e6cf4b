"""The convention's signatures and instruments: `data/treaty-status.yaml`.

One event per line of the depositary's record: a participant (a state id
from `data/states.yaml`) signed, or deposited an instrument of ratification,
acceptance, approval or accession, on a date, as the sources show. Adding a
ratification is one more item in `events`. Rules that need more than one
event (a ratification needs a signature, no event after `as_of`) live in
`validate_treaty.py`.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from typing import Annotated, Any, Literal

from pydantic import BeforeValidator, Field, PlainSerializer, WithJsonSchema

from build_tools.models.base import Identifier, IsoDate, Markdown, Model, PlainText, _fail
from build_tools.models.source import SourceRef

Action = Literal["signature", "ratification", "acceptance", "approval", "accession"]
INSTRUMENTS: tuple[str, ...] = ("ratification", "acceptance", "approval", "accession")
# Article 64: open for signature in Hanoi on 25-26 October 2025, then in New York until
# 31 December 2026.
SIGNATURE_OPENS = dt.date(2025, 10, 25)
SIGNATURE_CLOSES = dt.date(2026, 12, 31)

_DAY = r"\d{4}-\d{2}-\d{2}"
_SPAN = re.compile(rf"({_DAY})(?:/({_DAY}))?")
_NOTIFICATION = r"C\.N\.\d+\.\d{4}\.TREATIES-[IVXL]+\.\d+"


@dataclass(frozen=True, order=True)
class Span:
    """A day, or when the sources give only a span, its first and last day. Written in the
    data and the downloads as 2025-10-25, or 2025-10-25/2025-10-26."""

    first: dt.date
    last: dt.date

    def __str__(self) -> str:
        if self.first == self.last:
            return self.first.isoformat()
        return f"{self.first.isoformat()}/{self.last.isoformat()}"

    @property
    def is_day(self) -> bool:
        return self.first == self.last


def _day_or_span(value: Any) -> Span:
    expected = ("expected a date YYYY-MM-DD, or, when the sources give only a span, its first "
                "and last day joined by a slash (2025-10-25/2025-10-26)")
    if isinstance(value, Span):
        return value
    match = _SPAN.fullmatch(value) if isinstance(value, str) else None
    if match is None:
        raise _fail("day_span", expected, value)
    try:
        days = [dt.date.fromisoformat(d) for d in match.groups() if d]
    except ValueError:
        raise _fail("day_span", f"{expected}, with dates that exist in the calendar",
                    value) from None
    if len(days) == 2 and days[1] <= days[0]:
        raise _fail("day_span", f"{expected}, the first day before the last", value)
    return Span(days[0], days[-1])


DaySpan = Annotated[Span, BeforeValidator(_day_or_span), PlainSerializer(str),
                    WithJsonSchema({"type": "string", "pattern": f"^{_SPAN.pattern}$"})]


def _notification(value: Any) -> str:
    if not isinstance(value, str) or not re.fullmatch(_NOTIFICATION, value):
        raise _fail("notification", "expected a depositary notification symbol such as "
                    "C.N.196.2025.TREATIES-XVIII.16", value)
    return value


Notification = Annotated[str, BeforeValidator(_notification),
                         WithJsonSchema({"type": "string", "pattern": f"^{_NOTIFICATION}$"})]


class Event(Model):
    """One signature, or one instrument deposited with the depositary."""

    participant: Identifier = Field(
        description="Id of the state or organization in data/states.yaml.")
    action: Action = Field(description="signature, ratification, acceptance, approval or "
                                       "accession.")
    date: DaySpan = Field(description="The day: YYYY-MM-DD; when the sources give only a span, "
                                      "its first and last day: 2025-10-25/2025-10-26.")
    notification: Notification | None = Field(
        None, description="The depositary notification, e.g. C.N.196.2025.TREATIES-XVIII.16.")
    declarations: Markdown | None = Field(
        None, description="Reservations or declarations made with it, in the site's words "
                          "(Markdown).")
    single_source: bool = Field(
        False, description="true when only one secondary source reports it: the site shows it as "
                           "reported, not confirmed, and never counts it.")
    sources: tuple[SourceRef, ...] = Field(min_length=1, description="Where it is recorded.")

    @property
    def earliest(self) -> dt.date:
        return self.date.first

    @property
    def latest(self) -> dt.date:
        """The last day it may have happened: it is certain from then on."""
        return self.date.last

    @property
    def is_instrument(self) -> bool:
        return self.action in INSTRUMENTS


class TreatyStatusFile(Model):
    """`data/treaty-status.yaml`."""

    as_of: IsoDate = Field(description="The date the record is checked up to; no event may be "
                                       "later.")
    checked_in: tuple[SourceRef, ...] = Field(
        min_length=1, description="The records the whole list was checked against.")
    note: PlainText | None = Field(
        None, description="One plain sentence on what the record covers, shown with the counts.")
    events: tuple[Event, ...] = Field(description="Signatures and instruments, in any order.")
