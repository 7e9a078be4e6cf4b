"""The glossary page: every abbreviation the site uses, what it stands for, and where to check it.

The same terms are explained where they appear: in editor prose by the prose
stage, and in the generated and hand-written pages by the MkDocs hook's
abbreviations (`build_tools/engine/abbreviations.py`).
"""

from __future__ import annotations

from build_tools import urls
from build_tools.formats.citations import cite_short
from build_tools.render.context import RenderContext


def render_glossary(ctx: RenderContext) -> dict[str, str]:
    dataset = ctx.dataset
    terms = sorted(dataset.glossary, key=lambda t: t.term.lower())
    return {urls.GLOSSARY: ctx.render(
        "glossary.md.j2",
        terms=[{"term": t, "source": cite_short(t.source, dataset.sources)} for t in terms],
    )}
