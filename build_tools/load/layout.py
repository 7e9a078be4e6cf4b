"""The layout of data/: every kind of data file, declared once.

A file's path is its identity (the session id is its folder's name, an update's
slug its file's name), so each kind is written as the path pattern editors read
in the README and the editing guide: `sessions/<session-id>/updates/NN-slug.yaml`.
From this one table come the loading of every file, the sentence that tells an
editor where files go, the JSON Schemas and the editors' settings that map files
to them; the README's table is tested against it.

A pattern's parts: a literal name; `<…-id>`, an id (lowercase letters, digits,
single hyphens); `NN`, an article's number (06.yaml); `NN-slug`, an update's
number and slug (03-the-most-difficult-articles.yaml).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from pydantic import BaseModel

from build_tools import urls
from build_tools.models.article import Article, ChaptersFile, Provision
from build_tools.models.draft import DraftsFile
from build_tools.models.glossary import GlossaryFile
from build_tools.models.positions import PositionsFile, StatesFile, VotesFile
from build_tools.models.session import Session
from build_tools.models.source import SourcesFile
from build_tools.models.status import Status
from build_tools.models.table import Table
from build_tools.models.treaty import TreatyStatusFile
from build_tools.models.update import Update

DATA_ID = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*\Z")
ARTICLE_FILE = re.compile(r"(?P<number>[0-9]{2,})\.yaml\Z")
UPDATE_FILE = re.compile(r"(?P<number>[0-9]{2,})-(?P<slug>[a-z0-9]+(?:-[a-z0-9]+)*)\.yaml\Z")
_PLACEHOLDER = re.compile(r"<([a-z]+)-id>")


def next_update_number(names: Iterable[str], numbers: Iterable[int] = ()) -> int:
    """The number a new update of a session takes: one more than the highest its update files
    start with or hold (`numbers`), so that it comes last, as updates are written."""
    found = [int(m["number"]) for name in names if (m := UPDATE_FILE.match(name))]
    return max([*found, *numbers], default=0) + 1


@dataclass(frozen=True)
class DataKind:
    path: str  # under data/, as editors read it: "sessions/<session-id>/updates/NN-slug.yaml"
    model: type[BaseModel]
    what: str  # what it is, as the README's table says it
    schema: str  # the name of its JSON Schema: build_tools/schemas/<schema>.schema.json
    required: bool = False  # a data set without it is incomplete (else: a site may do without)
    collection: str = ""  # where `load.Loaded` keeps the files of a kind that is not one file

    @property
    def parts(self) -> tuple[str, ...]:
        return tuple(self.path.split("/"))

    @property
    def single(self) -> bool:
        """One file of this kind at most, at a fixed path."""
        return not any(_variable(part) for part in self.parts)

    @property
    def glob(self) -> str:
        """Its files as a glob from the repository root: "data/sessions/*/updates/*.yaml"."""
        return "data/" + "/".join("*.yaml" if part.endswith(".yaml") and _variable(part)
                                  else "*" if _variable(part) else part for part in self.parts)


def _variable(part: str) -> bool:
    return part.startswith("<") or part.startswith("NN")


def _url(page: str) -> str:
    return urls.page_url(page)


KINDS: tuple[DataKind, ...] = (
    DataKind("sources.yaml", SourcesFile, "every document the site cites", "sources",
             required=True),
    DataKind("drafts.yaml", DraftsFile,
             "the drafts of the convention, whose numbering article references use", "drafts",
             required=True),
    DataKind("status.yaml", Status, "where the process stands, and its milestones", "status",
             required=True),
    DataKind("sessions/<session-id>/session.yaml", Session,
             "one session of the Ad Hoc Committee, of the negotiation or after the adoption, or "
             "of the Conference of the States Parties", "session", collection="sessions"),
    DataKind("sessions/<session-id>/updates/NN-slug.yaml", Update,
             f"one daily update; its page is `{_url(urls.update_page('<session-id>', 'NN-slug'))}`",
             "update",
             collection="updates"),
    DataKind("tables/<table-id>.yaml", Table,
             "one reference table, offered as CSV and JSON", "table", collection="tables"),
    DataKind("convention/chapters.yaml", ChaptersFile,
             "the nine chapters of the convention and their articles", "chapters"),
    DataKind("convention/articles/NN.yaml", Article,
             "one article: heading and how sure it is, numbers in earlier drafts, summary, "
             f"quoted draft text, annotations; its page is `{_url(urls.article_page('N'))}`",
             "article",
             collection="articles"),
    DataKind("convention/provisions/<provision-id>.yaml", Provision,
             "a provision outside the articles (the title, a preamble paragraph, the draft "
             "resolution's paragraph on protocols)", "provision", collection="provisions"),
    DataKind("glossary.yaml", GlossaryFile,
             "the abbreviations the site explains wherever they appear, and the glossary page",
             "glossary"),
    DataKind("states.yaml", StatesFile,
             "states and groups, with their aliases; the 193 member states of the United Nations "
             "marked `un_member`, each with a page", "states"),
    DataKind("positions.yaml", PositionsFile,
             "who took which position on which provision; the grid is offered as "
             f"`{urls.POSITIONS_CSV}` and `{urls.POSITIONS_JSON}`", "positions"),
    DataKind("votes.yaml", VotesFile, "the recorded votes", "votes"),
    DataKind("treaty-status.yaml", TreatyStatusFile,
             "the convention's signatures, instruments of ratification, acceptance, approval or "
             "accession, and denunciations, with the date the record was checked (`as_of`); the "
             "domestic steps towards ratification; the declarations, reservations and "
             f"objections; its page is `{_url(urls.TREATY_STATUS)}`, offered as "
             f"`{urls.TREATY_STATUS_CSV}` and `.json`, `{urls.TREATY_DECLARATIONS_CSV}` and "
             f"`{urls.TREATY_STEPS_CSV}`, with where the states of each side of the negotiation "
             f"stand as `{urls.STANDING_CSV}` and `.json`, and a feed at "
             f"`{urls.TREATY_STATUS_FEED}` and one per state at "
             f"`{urls.state_feed('<state-id>')}`",
             "treaty-status"),
)
SINGLE = {kind.path: kind for kind in KINDS if kind.single}


def layout_help() -> str:
    """Where data files go, in one sentence for an editor whose file fits nowhere."""
    *others, last = (kind.path for kind in KINDS)
    return f"data/ holds {', '.join(others)} and {last}"


@dataclass(frozen=True)
class Placed:
    """A file that has the shape of a kind's path: its kind and its key (the values of the
    pattern's parts, ("reconvened-concluding-session", "03-x") for an update), or the rule
    its name breaks."""

    kind: DataKind
    key: tuple[str, ...]
    problem: str | None = None


def place(name: str) -> Placed | None:
    """The kind of the file at `name` (under data/, "sessions/x/session.yaml"), or None for a
    file that fits no kind."""
    parts = tuple(name.split("/"))
    if name in SINGLE:
        return Placed(SINGLE[name], ())
    for kind in KINDS:
        if not kind.single and _has_shape(parts, kind.parts):
            return _checked(parts, kind)
    return None


def _has_shape(parts: tuple[str, ...], pattern: tuple[str, ...]) -> bool:
    if len(parts) != len(pattern):
        return False
    *folders, last = pattern
    if any(not _variable(p) and p != got for p, got in zip(folders, parts, strict=False)):
        return False
    if last.startswith("NN"):  # every file in an articles' or updates' folder is one
        return True
    return parts[-1] == last if not _variable(last) else parts[-1].endswith(".yaml")


def _checked(parts: tuple[str, ...], kind: DataKind) -> Placed:
    """The key of a file of `kind`'s shape; the file's own name is checked before its folders'."""
    last = len(parts) - 1
    variables = [(i, part, rule) for i, (part, rule) in enumerate(zip(parts, kind.parts,
                                                                       strict=True))
                 if _variable(rule)]
    key = tuple(part.removesuffix(".yaml") for _, part, _ in variables)
    checked = sorted(variables, key=lambda v: v[0] != last)
    problems = (_name_problem(part, rule, folder=i < last) for i, part, rule in checked)
    return Placed(kind, key, next((p for p in problems if p), None))


def _name_problem(part: str, rule: str, folder: bool) -> str | None:
    if rule == "NN.yaml":
        return None if ARTICLE_FILE.match(part) else (
            f"the article file name '{part}' is not the article's number (for example 06.yaml)")
    if rule == "NN-slug.yaml":
        return None if UPDATE_FILE.match(part) else _bad_update_name(part)
    value = part.removesuffix(".yaml")
    if DATA_ID.match(value):
        return None
    what = _PLACEHOLDER.sub(r"\1", rule.removesuffix(".yaml"))
    return (f"the {what} {'folder' if folder else 'file'} name '{value}' is not a valid id: "
            "use lowercase letters, digits and hyphens")


def _bad_update_name(name: str) -> str:
    if name.endswith(".yml"):
        return f"'{name}' ends in .yml; name it with .yaml so that it is read"
    return (f"the update file name '{name}' does not follow NN-slug.yaml "
            "(for example 03-the-most-difficult-articles.yaml)")
