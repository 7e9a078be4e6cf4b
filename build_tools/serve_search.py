"""`make serve`: a rebuild leaves the search index as the first build made it.

Under `mkdocs serve --dirty` a rebuild renders only the pages whose files
changed. Material's search plugin would parse each of them again (at 1,000
updates an edit touches some twenty pages, among them long article pages:
seconds of the editor's wait) only to merge them imperfectly into the index
of the first build. The preview keeps the first build's index instead, which
the rebuild leaves in place; the published site is always built whole, with
its search index. A clean rebuild (`mkdocs serve` without `--dirty`) empties
the site folder, so there the plugin keeps indexing.

State lives in this module, not in the hook's: MkDocs loads the hook file
again for every build, while this module is imported once per process.
"""

from __future__ import annotations

from mkdocs.config.defaults import MkDocsConfig

SEARCH = "material/search"


class _State:
    def __init__(self) -> None:
        self.dirty_serve = False
        self.built = False


_state = _State()


def started(command: str, dirty: bool) -> None:
    _state.dirty_serve = command == "serve" and dirty
    _state.built = False


def configure(config: MkDocsConfig) -> None:
    """Called once per build: every build of a dirty serve after the first indexes nothing."""
    search = config.plugins.get(SEARCH)
    if search is not None and _state.dirty_serve and _state.built:
        search.config.enabled = False
    _state.built = True
