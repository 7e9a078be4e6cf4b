"""The treaty record's items as pages show them: domestic steps and declarations with their
rendered prose, sources and links, and the words of each kind.

Shared by the status page, the states' pages, the articles' pages and the feeds, which are
families that never import one another: so the labels and views live here, once.
"""

from __future__ import annotations

from dataclasses import dataclass

from build_tools.derive import records
from build_tools.derive.treaty_record import TreatyStatus
from build_tools.formats.citations import cite_short
from build_tools.formats.text import day_span
from build_tools.models.positions import State
from build_tools.models.treaty import Declaration, DomesticStep, Event
from build_tools.render.context import RenderContext

STEP_LABELS = {
    "parliament-approval": "Parliament approved ratification",
    "law-signed": "Law on ratification signed",
    "procedures-begun": "Ratification procedures begun",
    "other": "Step towards ratification",
}
DECLARATION_LABELS = {
    "declaration": "Declaration",
    "reservation": "Reservation",
    "declarations-and-reservations": "Declarations and reservations",
    "objection": "Objection",
}
# What only a deposit does, said wherever a domestic step is shown (article 65).
ONLY_DEPOSITS_COUNT = ("Only an instrument of ratification, acceptance, approval or accession "
                       "deposited with the Secretary-General of the United Nations, the "
                       "depositary, counts towards entry into force (article 65): a vote in "
                       "parliament or a law signed at home does not.")


@dataclass(frozen=True)
class StepView:
    data: DomesticStep
    state: State
    label: str
    what: str  # rendered inline prose, "" when none
    sources: list[str]


@dataclass(frozen=True)
class ArticleLink:
    label: str
    page: str


@dataclass(frozen=True)
class DeclarationView:
    data: Declaration
    state: State
    label: str
    text: str  # rendered prose, "" when the text is not known
    articles: list[ArticleLink]
    objects_to: State | None
    sources: list[str]


def _state(ctx: RenderContext, state_id: str) -> State:
    return ctx.dataset.convention.state(state_id)


def step_views(ctx: RenderContext, steps: tuple[DomesticStep, ...], page: str) -> list[StepView]:
    """Each step with its prose rendered for `page`."""
    record = ctx.dataset.treaty
    if record is None:
        return []
    doc = ctx.dataset.documents["treaty-status.yaml"]
    return [StepView(step, _state(ctx, step.participant), STEP_LABELS[step.step],
                     ctx.prose_on(page, doc, ("domestic_steps", record.domestic_steps.index(step),
                                              "what")),
                     [cite_short(r, ctx.dataset.sources) for r in step.sources])
            for step in steps]


def declaration_views(ctx: RenderContext, items: tuple[Declaration, ...],
                      page: str) -> list[DeclarationView]:
    """Each declaration with its text rendered for `page` and its articles linked."""
    record = ctx.dataset.treaty
    if record is None:
        return []
    doc, convention = ctx.dataset.documents["treaty-status.yaml"], ctx.dataset.convention
    return [DeclarationView(
        item, _state(ctx, item.participant), DECLARATION_LABELS[item.kind],
        ctx.prose_on(page, doc, ("declarations", record.declarations.index(item), "text")),
        [ArticleLink(records.target_label(t, convention), records.target_page(t))
         for t in item.articles],
        _state(ctx, item.objects_to) if item.objects_to else None,
        [cite_short(r, ctx.dataset.sources) for r in item.sources])
        for item in items]


def event_sentence(event: Event, name: str) -> str:
    """One plain sentence for an event, as the feeds and the change log say it."""
    when = day_span(event.date)
    if event.action == "signature":
        return f"{name} signed the convention on {when}."
    if event.action == "denunciation":
        effect = (f"; it takes effect on {day_span(event.effective)}" if event.effective
                  else "; the day it takes effect is not recorded")
        return f"{name} denounced the convention on {when}{effect}."
    return f"{name} deposited its instrument of {event.action} on {when}."


def progress(status: TreatyStatus, threshold: int) -> str:
    """The count towards entry into force, never past the threshold: '12 of 40', '40 of 40
    reached, 43 counted in all'."""
    if not status.reached:
        return f"{status.countable} of {threshold}"
    if status.countable >= threshold:
        return f"{threshold} of {threshold} reached, {status.countable} counted in all"
    return (f"{threshold} of {threshold} reached, {status.countable} counted at the record's "
            "date after denunciations")
