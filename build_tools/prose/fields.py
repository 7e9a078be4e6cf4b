"""Every editor Markdown field of the data set, with how it is rendered: the one list of them.

Input: the validated `Dataset`. Output: one `Field` per Markdown value in the
data (summaries, bodies, captions, notes, annotations, descriptions), in a
fixed order, each with its place in its file, whether it is one line
(`inline`), the draft whose numbering its article references use (`draft`;
None: they are not linked), and the origin that its mentions of articles are
listed under ("Mentioned in"; None: not listed). Pages look the rendered
fields up by `(doc.path, at)`.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from build_tools import urls
from build_tools.load.yamlio import YamlDocument
from build_tools.models.article import FINAL_TEXT, Annotation
from build_tools.models.dataset import Dataset
from build_tools.prose.article_links import Origin

At = tuple[str | int, ...]


@dataclass(frozen=True)
class Field:
    doc: YamlDocument
    at: At
    text: str
    inline: bool = False
    draft: str | None = None
    origin: Origin | None = None

    @property
    def key(self) -> tuple[str, At]:
        return (self.doc.path, self.at)


def fields(dataset: Dataset) -> Iterator[Field]:
    yield from _status(dataset)
    yield from _drafts(dataset)
    yield from _sessions(dataset)
    yield from _tables(dataset)
    yield from _convention(dataset)
    yield from _treaty(dataset)


def _status(dataset: Dataset) -> Iterator[Field]:
    doc, status = dataset.documents["status.yaml"], dataset.status
    yield Field(doc, ("summary",), status.summary)
    for i, milestone in enumerate(status.milestones):
        yield Field(doc, ("milestones", i, "body"), milestone.body or "", inline=True)
    for i, step in enumerate(status.next):
        yield Field(doc, ("next", i, "body"), step.body or "", inline=True)


def _drafts(dataset: Dataset) -> Iterator[Field]:
    doc = dataset.documents["drafts.yaml"]
    for i, draft in enumerate(dataset.drafts):
        yield Field(doc, ("drafts", i, "description"), draft.description or "", inline=True)


def _sessions(dataset: Dataset) -> Iterator[Field]:
    for session in dataset.sessions:
        data = session.data
        draft = data.draft or FINAL_TEXT
        yield Field(session.doc, ("summary",), data.summary or "", draft=draft,
                    origin=Origin("session", data.title, session.page, data.start.isoformat()))
        for update in session.updates:
            yield Field(update.doc, ("summary",), update.data.summary, inline=True)
            yield Field(update.doc, ("body",), update.data.body, draft=update.data.draft or draft,
                        origin=Origin("update", update.heading, update.page,
                                      update.data.date.isoformat()))


def unpublished_fields(dataset: Dataset) -> Iterator[Field]:
    """The updates held back with `unpublished: true`: checked like any other, shown nowhere,
    and so mentioning no article."""
    for update in dataset.unpublished:
        draft = update.data.draft or dataset.session(update.session_id).data.draft or FINAL_TEXT
        yield Field(update.doc, ("summary",), update.data.summary, inline=True)
        yield Field(update.doc, ("body",), update.data.body, draft=draft)


def _tables(dataset: Dataset) -> Iterator[Field]:
    for table in dataset.tables:
        yield Field(table.doc, ("caption",), table.data.caption)
        yield Field(table.doc, ("notes",), table.data.notes or "")


def _convention(dataset: Dataset) -> Iterator[Field]:
    convention = dataset.convention
    for article in convention.articles:
        yield Field(article.doc, ("summary",), article.data.summary or "", draft=FINAL_TEXT)
        for i, paragraph in enumerate(article.data.paragraphs):
            yield Field(article.doc, ("paragraphs", i, "summary"), paragraph.summary,
                        draft=FINAL_TEXT)
        yield from _annotations(dataset, article.doc, article.data.annotations, article.page,
                                article.number, article.heading)
    for provision in convention.provisions:
        yield Field(provision.doc, ("summary",), provision.data.summary or "", draft=FINAL_TEXT)
        yield from _annotations(dataset, provision.doc, provision.data.annotations,
                                provision.page, provision.id, provision.data.title)
    for position in convention.positions:
        name, at = convention.summary_at("positions", position.id)
        yield Field(convention.documents[name], at, position.summary, inline=True)
    for vote in convention.votes:
        name, at = convention.summary_at("votes", vote.id)
        yield Field(convention.documents[name], at, vote.summary or "", inline=True)


def _annotations(dataset: Dataset, doc: YamlDocument, annotations: tuple[Annotation, ...],
                 page: str, subject: str | int, heading: str) -> Iterator[Field]:
    for i, note in enumerate(annotations):
        first = note.sources[0]
        source = dataset.sources.get(first.ref or "")
        by = (source.short or source.title) if source else (first.title or "")
        origin = Origin("annotation", f"{heading}: note from {by}", page, note.date,
                        urls.note_id(subject, i + 1))
        yield Field(doc, ("annotations", i, "body"), note.body, draft=note.draft, origin=origin)


def _treaty(dataset: Dataset) -> Iterator[Field]:
    if dataset.treaty is None:
        return
    doc = dataset.documents["treaty-status.yaml"]
    for i, event in enumerate(dataset.treaty.events):
        yield Field(doc, ("events", i, "declarations"), event.declarations or "", inline=True)
    for i, step in enumerate(dataset.treaty.domestic_steps):
        yield Field(doc, ("domestic_steps", i, "what"), step.what or "", inline=True)
    for i, item in enumerate(dataset.treaty.declarations):
        # A declaration's "article 6" is the final text's: its references are linked.
        yield Field(doc, ("declarations", i, "text"), item.text or "", draft=FINAL_TEXT)
