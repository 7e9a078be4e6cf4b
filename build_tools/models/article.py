"""The annotated convention: chapters, articles and the provisions outside them.

Files: `data/convention/chapters.yaml`, `data/convention/articles/NN.yaml` (one per
article of the final text) and `data/convention/provisions/<id>.yaml` (the
title, preamble paragraphs, the draft resolution's paragraphs).
"""

from __future__ import annotations

from typing import Literal

from pydantic import Field

from build_tools.models.base import Identifier, Markdown, Model, PartialDate, PlainText
from build_tools.models.source import SourceRef

TitleStatus = Literal["confirmed", "subject", "unconfirmed"]
FINAL_TEXT = "final-text"  # the draft id whose numbering is the convention's own


class Chapter(Model):
    number: int = Field(ge=1, description="Chapter number (shown in Roman numerals).")
    title: PlainText = Field(description="Chapter heading.")
    first: int = Field(ge=1, description="First article of the chapter.")
    last: int = Field(ge=1, description="Last article of the chapter.")
    sources: tuple[SourceRef, ...] = Field((), description="Where the heading and range come from.")


class ChaptersFile(Model):
    """`data/convention/chapters.yaml`."""

    chapters: tuple[Chapter, ...] = Field(description="The chapters of the final text, in order.")


class DraftNumber(Model):
    """The number a provision of the final text had in an earlier draft."""

    draft: Identifier = Field(description="Id from data/drafts.yaml.")
    number: int = Field(ge=1, description="Its article number in that draft.")
    basis: Literal["source", "derived"] = Field(
        description="'source': a source gives it; 'derived': from the renumbering pattern.")
    sources: tuple[SourceRef, ...] = Field((), description="Where it comes from.")


class Quote(Model):
    """Draft text as a source quotes it."""

    draft: Identifier = Field(description="The draft the words are from.")
    paragraph: PlainText | None = Field(None, description="Paragraph, e.g. '2' or '21'.")
    proposed_by: PlainText | None = Field(
        None, description="Who proposed the wording, when it is a proposal and not the draft's text.")
    text: Markdown = Field(description="The quoted words, exactly as the source prints them.")
    source: SourceRef = Field(description="The document that quotes them.")


class Annotation(Model):
    """What a brief or an update said about the provision, in the site's own words."""

    date: PartialDate = Field(description="Date of the source: YYYY, YYYY-MM or YYYY-MM-DD.")
    draft: Identifier = Field(description="Draft whose numbering the text below uses.")
    body: Markdown = Field(description="The annotation (Markdown).")
    sources: tuple[SourceRef, ...] = Field(min_length=1, description="Where it comes from.")


class Paragraph(Model):
    number: int = Field(ge=1, description="Paragraph number in the final text.")
    summary: Markdown = Field(description="What the paragraph does (Markdown).")


class Article(Model):
    """`data/convention/articles/NN.yaml`: one article of the final text."""

    number: int = Field(ge=1, description="Article number in the final text; agrees with NN.")
    title: PlainText = Field(description="Heading, or the candidate heading when unconfirmed.")
    title_status: TitleStatus = Field(
        description="confirmed (heading confirmed), subject (only its subject is), unconfirmed.")
    title_sources: tuple[SourceRef, ...] = Field((), description="Where the heading comes from.")
    chapter: int = Field(ge=1, description="Number of its chapter.")
    numbers: tuple[DraftNumber, ...] = Field((), description="Its numbers in earlier drafts.")
    summary: Markdown | None = Field(None, description="What the article does (Markdown).")
    paragraphs: tuple[Paragraph, ...] = Field((), description="Paragraphs with their own notes.")
    quotes: tuple[Quote, ...] = Field((), description="Draft text quoted by the sources.")
    annotations: tuple[Annotation, ...] = Field((), description="What the sources said about it.")


class Provision(Model):
    """`data/convention/provisions/<id>.yaml`: the title, a preamble or resolution paragraph."""

    title: PlainText = Field(description="What the provision is, e.g. 'Preamble, paragraph 10'.")
    kind: Literal["title", "preamble", "resolution"] = Field(description="Where it sits.")
    summary: Markdown | None = Field(None, description="What it says (Markdown).")
    quotes: tuple[Quote, ...] = Field((), description="Wording quoted by the sources.")
    annotations: tuple[Annotation, ...] = Field((), description="What the sources said about it.")
