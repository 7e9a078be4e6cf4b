"""What every page family receives: one frozen `RenderContext`, and the template environment.

Families (`home.py`, `sessions.py`, `convention.py`, `states.py`, `tables.py`,
`data.py`, `feeds.py`) are functions `render_<family>(ctx) -> {path: text}`:
they read the context, never write to it, and never call each other.
"""

from __future__ import annotations

from collections.abc import Callable, Hashable
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Protocol, TypeVar

import jinja2

from build_tools import urls, verbatim
from build_tools.charts.spec import Chart
from build_tools.derive.grid import Grid
from build_tools.derive.treaty_record import Side, TreatyStatus
from build_tools.english import plural
from build_tools.formats import text
from build_tools.load.yamlio import YamlDocument
from build_tools.models.dataset import Dataset
from build_tools.models.session import NEGOTIATION_KINDS
from build_tools.paths import TEMPLATES_DIR
from build_tools.prose.fields import At
from build_tools.prose.markdown import escape_html
from build_tools.prose.stage import Prose
from build_tools.site_info import SiteInfo

T = TypeVar("T")

SESSION_KIND_LABELS = {
    "organizational": "Organizational session",
    "negotiating": "Negotiating session",
    "concluding": "Concluding session",
    "intersessional": "Intersessional consultation",
    "rules-of-procedure": "Session on the rules of procedure of the Conference of the States "
                          "Parties",
    "protocol": "Session on the supplementary protocol",
    "conference-of-states-parties": "Conference of the States Parties",
}


def make_environment(bytecode_dir: Path | None) -> jinja2.Environment:
    """Jinja2 for Markdown output; compiled templates kept in `bytecode_dir` when given.

    The build session keeps one for its life: `mkdocs serve` rebuilds with the templates it
    has loaded already (Jinja loads a template again when its file changes)."""
    if bytecode_dir:
        bytecode_dir.mkdir(parents=True, exist_ok=True)
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(TEMPLATES_DIR),
        # Compiled templates kept on disk: compiling them costs more than a small build.
        bytecode_cache=jinja2.FileSystemBytecodeCache(str(bytecode_dir)) if bytecode_dir else None,
        undefined=jinja2.StrictUndefined,
        autoescape=False,  # the output is Markdown; escaping is done by `md` and the prose stage
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )
    env.filters.update(md=text.md_text, long_date=text.long_date,
                       partial_date=text.partial_date, plural=plural,
                       day_span=text.day_span, eif_date=text.either_day,
                       verbatim=verbatim.block, html=escape_html)
    env.globals.update(date_range=text.date_range, kind_label=SESSION_KIND_LABELS,
                       negotiation_kinds=NEGOTIATION_KINDS, roman=text.roman, urls=urls)
    return env


def _rendered(template: jinja2.Template, page: Hashable) -> bytes:
    return template.render(page=page).encode("utf-8")


class Memo(Protocol):
    """The build session's page memo: `memo(make, *args)` is `make(*args)`, kept for the next
    build by its arguments (frozen values)."""

    def __call__(self, make: Callable[..., T], *args: Hashable) -> T: ...


@dataclass(frozen=True)
class RenderContext:
    dataset: Dataset
    prose: Prose
    charts: tuple[Chart, ...]
    grid: Grid
    site: SiteInfo
    env: jinja2.Environment
    memo: Memo
    # The record of signatures and instruments, and where each side of the negotiation
    # stands in it: worked out once per build (None and [] when data/ has no record).
    treaty: TreatyStatus | None = None
    standing: tuple[tuple[str, Side], ...] = ()

    def render(self, template: str, **context: Any) -> str:
        return self.env.get_template(template).render(**context)

    def render_page(self, template: str, page: Hashable) -> bytes:
        """A template rendered from one frozen value (`page` in the template), which is also
        the key of the page for the process: `mkdocs serve` renders again only the pages
        whose value changed. A template edited on disk is a new template, so a new key.
        The page comes as the bytes to write, the one copy that the build's files share."""
        return self.memo(_rendered, self.env.get_template(template), page)

    def prose_on(self, page: str, doc: YamlDocument, at: At) -> str:
        """An editor Markdown field as the page `page` shows it (see `prose/stage.py`)."""
        return self.prose.on(page, doc, at, self.site.directory_urls)

    def chart(self, chart_id: str) -> list[Chart]:
        """The chart of that id, if the data has what it needs (a list of none or one)."""
        return [c for c in self.charts if c.id == chart_id]

    def table_charts(self, table_id: str) -> list[Chart]:
        return [c for c in self.charts if c.table == table_id]
