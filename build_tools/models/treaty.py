"""The convention's signatures and instruments: `data/treaty-status.yaml`.

One event per line of the depositary's record: a participant (a state id
from `data/states.yaml`) signed, deposited an instrument of ratification,
acceptance, approval or accession, or denounced the convention (article 67),
on a date, as the sources show. Adding a ratification is one more item in
`events`. Beside the depositary's record, the file keeps what a state did at
home on the way to ratifying (`domestic_steps`, which never count) and the
declarations, reservations and objections made (`declarations`). Rules that
need more than one item (a ratification needs a signature, no event after
`as_of`) live in `validate/treaty.py`.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from typing import Annotated, Any, Literal

from pydantic import BeforeValidator, Field, PlainSerializer, WithJsonSchema

from build_tools.models.base import Identifier, IsoDate, Markdown, Model, PlainText, _fail
from build_tools.models.positions import Target
from build_tools.models.source import SourceRef

Action = Literal["signature", "ratification", "acceptance", "approval", "accession",
                 "denunciation"]
INSTRUMENTS: tuple[str, ...] = ("ratification", "acceptance", "approval", "accession")
StepKind = Literal["parliament-approval", "law-signed", "procedures-begun", "other"]
DeclarationKind = Literal["declaration", "reservation", "declarations-and-reservations",
                          "objection"]
# Article 64: open for signature in Hanoi on 25-26 October 2025, then in New York until
# 31 December 2026.
SIGNATURE_OPENS = dt.date(2025, 10, 25)
SIGNATURE_CLOSES = dt.date(2026, 12, 31)
# A record last checked more than this many days before the commit that builds the site is
# called stale: the pages say how old it was, and `make validate` warns.
STALE_AFTER_DAYS = 30

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
    """One signature, one instrument deposited with the depositary, or one denunciation."""

    participant: Identifier = Field(
        description="Id of the state or organization in data/states.yaml.")
    action: Action = Field(description="signature, ratification, acceptance, approval, "
                                       "accession or denunciation (article 67).")
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
    effective: DaySpan | None = Field(
        None, description="For a denunciation: the day it takes effect, where the sources give "
                          "it (YYYY-MM-DD, or a span); from then on the participant's instrument "
                          "is not counted. Left out, the denunciation is shown and the "
                          "instrument still counted.")
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


class DomesticStep(Model):
    """A step a state took at home towards ratifying: never a deposit, never counted."""

    participant: Identifier = Field(description="Id of the state in data/states.yaml.")
    step: StepKind = Field(description="parliament-approval, law-signed, procedures-begun or "
                                       "other.")
    date: DaySpan = Field(description="The day: YYYY-MM-DD; when the sources give only a span, "
                                      "its first and last day: 2026-01-26/2026-01-30.")
    what: Markdown | None = Field(
        None, description="What happened, in the site's words (Markdown); needed for other.")
    sources: tuple[SourceRef, ...] = Field(min_length=1, description="Where it is reported.")


class Declaration(Model):
    """A declaration, reservation or objection, with its text where it is known."""

    participant: Identifier = Field(description="Id of the state or organization that made it.")
    kind: DeclarationKind = Field(
        description="declaration, reservation, declarations-and-reservations (made together, "
                    "their text not told apart) or objection (to another state's declaration "
                    "or reservation).")
    date: DaySpan | None = Field(
        None, description="The day it was made or received; left out when not known.")
    notification: Notification | None = Field(
        None, description="The depositary notification that circulated it.")
    articles: tuple[Target, ...] = Field(
        (), description="The articles it concerns (article: 6, paragraphs: [2]); each article's "
                        "page lists it.")
    text: Markdown | None = Field(
        None, description="Its text as the depositary's record gives it, quoted, paragraphs kept "
                          "(Markdown); left out when the text is not known, and the site says so.")
    objects_to: Identifier | None = Field(
        None, description="For an objection: id of the state whose declaration or reservation it "
                          "objects to.")
    announced_only: bool = Field(
        False, description="true when the state announced it (in its law on ratification, say) "
                           "and the depositary's record does not show it.")
    sources: tuple[SourceRef, ...] = Field(min_length=1, description="Where it is recorded.")


class TreatyStatusFile(Model):
    """`data/treaty-status.yaml`."""

    as_of: IsoDate = Field(description="The date the depositary's record is checked up to; no "
                                       "event, and no declaration it shows, may be later. Domestic "
                                       "steps and announced declarations come from other sources "
                                       "and may be later.")
    checked_in: tuple[SourceRef, ...] = Field(
        min_length=1, description="The records the whole list was checked against.")
    note: PlainText | None = Field(
        None, description="One plain sentence on what the record covers, shown with the counts.")
    events: tuple[Event, ...] = Field(description="Signatures, instruments and denunciations, in "
                                              "any order.")
    domestic_steps: tuple[DomesticStep, ...] = Field(
        (), description="Steps taken at home towards ratification (a parliament's approval, the "
                        "law signed, procedures begun, other), in any order; never counted.")
    declarations: tuple[Declaration, ...] = Field(
        (), description="Declarations, reservations and objections, in any order.")
