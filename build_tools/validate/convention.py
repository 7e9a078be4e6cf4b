"""Validate stage, the convention's part: articles, chapters, provisions, states, positions, votes.

Input: `Loaded`, and the ids other files may refer to. Output: the
`Convention` and its diagnostics. Like `validate.py`, every rule returns
diagnostics and none raises, so one run reports every problem.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import Any, Protocol

from build_tools.english import excerpt, unknown
from build_tools.errors import Diagnostic, error
from build_tools.load.layout import SINGLE
from build_tools.load.stage import Loaded, Parsed
from build_tools.load.yamlio import YamlDocument
from build_tools.models.article import FINAL_TEXT, ChaptersFile
from build_tools.models.dataset import ArticleRecord, Convention, ProvisionRecord
from build_tools.models.positions import PositionsFile, StatesFile, Target, VotesFile
from build_tools.validate.ids import unique_ids
from build_tools.validate.states import state_rules, unknown_state

Path = tuple[str | int, ...]


class IdChecks(Protocol):
    """What `validate.py` knows about ids: sources, drafts, sessions (see its `_Refs`)."""

    def check_sources_in(self, parsed: Parsed[Any]) -> Iterator[Diagnostic]: ...
    def check_draft(self, draft: str | None, doc: YamlDocument,
                    at: Path = ("draft",)) -> Iterator[Diagnostic]: ...
    def check_session(self, session: str | None, doc: YamlDocument,
                      at: Path) -> Iterator[Diagnostic]: ...


def convention(loaded: Loaded, refs: IdChecks, out: list[Diagnostic]) -> Convention:
    chapters: Parsed[ChaptersFile] | None = loaded.singles.get("convention/chapters.yaml")
    states: Parsed[StatesFile] | None = loaded.singles.get("states.yaml")
    positions: Parsed[PositionsFile] | None = loaded.singles.get("positions.yaml")
    votes: Parsed[VotesFile] | None = loaded.singles.get("votes.yaml")
    singles: list[Parsed[Any] | None] = [chapters, states, positions, votes]
    for parsed in filter(None, singles):
        out.extend(refs.check_sources_in(parsed))
    articles = sorted((ArticleRecord(p.model, p.doc) for p in loaded.articles.values()),
                      key=lambda a: a.number)
    for stem, parsed in loaded.articles.items():
        out.extend(_article_rules(stem, ArticleRecord(parsed.model, parsed.doc), chapters, refs))
    out.extend(_unique_draft_numbers(articles))
    provisions = [ProvisionRecord(pid, p.model, p.doc) for pid, p in sorted(loaded.provisions.items())]
    for record in provisions:
        parsed = Parsed(record.data, record.doc)
        out.extend(refs.check_sources_in(parsed))
        out.extend(_draft_fields(record.data, record.doc, refs))
    if chapters:
        out.extend(_chapter_rules(chapters))
    state_ids = _state_ids(states, out)
    targets = _Targets({a.number for a in articles}, {p.id for p in provisions})
    if positions:
        unique_ids(positions, "positions", out)
        for i, position in enumerate(positions.model.positions):
            at: Path = ("positions", i)
            out.extend(_states_exist(position.states, state_ids, states, positions.doc, (*at, "states")))
            out.extend(targets.check(position.on, positions.doc, (*at, "on")))
            out.extend(refs.check_session(position.session, positions.doc, (*at, "session")))
    if votes:
        unique_ids(votes, "votes", out)
        for i, vote in enumerate(votes.model.votes):
            at = ("votes", i)
            for name in ("requested_by", "supported_by"):
                out.extend(_states_exist(getattr(vote, name), state_ids, states, votes.doc,
                                         (*at, name)))
            out.extend(targets.check(vote.on, votes.doc, (*at, "on")))
            out.extend(refs.check_session(vote.session, votes.doc, (*at, "session")))
    documents = {name: p.doc for name, p in loaded.singles.items() if not SINGLE[name].required}
    return Convention(
        chapters=tuple(sorted(chapters.model.chapters, key=lambda c: c.number)) if chapters else (),
        articles=tuple(articles),
        provisions=tuple(provisions),
        states=tuple(sorted(states.model.states, key=lambda s: s.name.casefold())) if states else (),
        positions=positions.model.positions if positions else (),
        votes=tuple(sorted(votes.model.votes, key=lambda v: (v.date, v.id))) if votes else (),
        documents=documents,
    )


def _article_rules(stem: str, record: ArticleRecord, chapters: Parsed[ChaptersFile] | None,
                   refs: IdChecks) -> Iterator[Diagnostic]:
    article, doc = record.data, record.doc
    if int(stem) != article.number:
        yield error(doc.location(("number",)),
                    f"number: {article.number} does not match the file name {stem}.yaml; "
                    "rename the file or change the number")
    if article.title_status != "unconfirmed" and not article.title_sources:
        yield error(doc.location(("title_status",)),
                    f"title_status: a {article.title_status} title needs title_sources that "
                    "confirm it; otherwise write 'unconfirmed'")
    if chapters:
        chapter = next((c for c in chapters.model.chapters if c.number == article.chapter), None)
        if chapter is None:
            yield error(doc.location(("chapter",)),
                        f"chapter: there is no chapter {article.chapter} in "
                        "data/convention/chapters.yaml")
        elif not chapter.first <= article.number <= chapter.last:
            yield error(doc.location(("chapter",)),
                        f"chapter: chapter {chapter.number} holds articles {chapter.first} to "
                        f"{chapter.last}, not article {article.number}")
    for i, number in enumerate(article.numbers):
        at: Path = ("numbers", i, "draft")
        yield from refs.check_draft(number.draft, doc, at)
        if number.draft == FINAL_TEXT:
            yield error(doc.location(at), "numbers: the final text's number is the article's "
                                          "own 'number'; list only earlier drafts here")
    yield from refs.check_sources_in(Parsed(article, doc))
    yield from _draft_fields(article, doc, refs)


def _draft_fields(model: Any, doc: YamlDocument, refs: IdChecks) -> Iterator[Diagnostic]:
    for field in ("quotes", "annotations"):
        for i, item in enumerate(getattr(model, field)):
            yield from refs.check_draft(item.draft, doc, (field, i, "draft"))


def _unique_draft_numbers(articles: Iterable[ArticleRecord]) -> Iterator[Diagnostic]:
    first: dict[tuple[str, int], ArticleRecord] = {}
    for record in articles:
        for i, number in enumerate(record.data.numbers):
            key = (number.draft, number.number)
            if key in first:
                yield error(record.doc.location(("numbers", i, "number")),
                            f"numbers: article {number.number} of the {number.draft} is already "
                            f"given to article {first[key].number} of the final text")
            first.setdefault(key, record)


def _chapter_rules(chapters: Parsed[ChaptersFile]) -> Iterator[Diagnostic]:
    previous = 0
    for i, chapter in enumerate(chapters.model.chapters):
        if chapter.last < chapter.first:
            yield error(chapters.doc.location(("chapters", i, "last")),
                        f"last: chapter {chapter.number} ends (article {chapter.last}) before it "
                        f"starts (article {chapter.first})")
        elif chapter.first <= previous:
            yield error(chapters.doc.location(("chapters", i, "first")),
                        f"first: chapter {chapter.number} starts at article {chapter.first}, "
                        f"inside the chapter before it")
        previous = max(previous, chapter.last)


def _state_ids(states: Parsed[StatesFile] | None, out: list[Diagnostic]) -> set[str]:
    if states is None:
        return set()
    out.extend(state_rules(states))
    return unique_ids(states, "states", out)


def _states_exist(ids: Iterable[str], known: set[str], states: Parsed[StatesFile] | None,
                  doc: YamlDocument, at: Path) -> Iterator[Diagnostic]:
    for i, state_id in enumerate(ids):
        if state_id not in known:
            yield error(doc.location((*at, i)),
                        unknown_state(state_id, states.model.states) if states
                        else f"unknown state {excerpt(state_id)}; data/states.yaml is missing")


class _Targets:
    def __init__(self, articles: set[int], provisions: set[str]):
        self.articles, self.provisions = articles, provisions

    def check(self, target: Target | None, doc: YamlDocument, at: Path) -> Iterator[Diagnostic]:
        if target is None:
            return
        if target.article is not None and target.article not in self.articles:
            yield error(doc.location((*at, "article")),
                        f"there is no article {target.article} in data/convention/articles/")
        if target.provision is not None and target.provision not in self.provisions:
            yield error(doc.location((*at, "provision")),
                        unknown("provision", target.provision, self.provisions,
                                "data/convention/provisions/"))
