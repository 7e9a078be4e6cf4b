"""Where the process stands: `data/status.yaml`."""

from __future__ import annotations

from pydantic import Field

from build_tools.models.base import IsoDate, Markdown, Model, PlainText
from build_tools.models.source import SourceRef


class Milestone(Model):
    date: IsoDate = Field(description="When it happened.")
    title: PlainText = Field(description="What happened, in a line.")
    body: Markdown | None = Field(None, description="A sentence or two more (Markdown).")
    sources: tuple[SourceRef, ...] = Field((), description="Where the facts come from.")
    timeline_label: PlainText | None = Field(
        None, description="Short label that marks this milestone on the process timeline chart."
    )


class NextStep(Model):
    title: PlainText = Field(description="What is still to come.")
    body: Markdown | None = Field(None, description="A sentence or two more (Markdown).")
    sources: tuple[SourceRef, ...] = Field((), description="Where the facts come from.")


class Status(Model):
    """`data/status.yaml`."""

    summary: Markdown = Field(description="Where the process stands now (Markdown).")
    milestones: tuple[Milestone, ...] = Field(description="Past events, oldest first.")
    next: tuple[NextStep, ...] = Field((), description="Steps still to come.")
