"""`make serve`: what a rebuild after the first leaves as the first build made it.

Under `mkdocs serve --dirty` a rebuild renders only the pages whose files changed, and the
editor waits for it. Three things of a whole build are left out of it:

- Material's search index. The plugin would parse every rebuilt page again (at 1,000 updates
  an edit touches some twenty pages, long article pages among them) only to merge them
  imperfectly into the index of the first build; the preview keeps that index.
- The sitemap and the 404 page, which list every page of the site (the 404 page in its
  navigation): a fifth of a second at 1,000 updates, for pages no preview reader needs anew.
- Writing the caches to disk: the server keeps them in memory between rebuilds and writes
  them when it stops (`flush`), for the next server or build to start from.

A rebuild also keeps the theme's templates compiled (`on_env`): MkDocs makes a new template
environment for every build, which would compile Material's templates again each time.

The published site is always built whole. A clean rebuild (`mkdocs serve` without `--dirty`)
empties the site folder, so there every rebuild is whole.

State lives in this module, not in the hook's: MkDocs loads the hook file again for every
build, while this module is imported once per process.
"""

from __future__ import annotations

from typing import Any

import jinja2
from mkdocs.config.defaults import MkDocsConfig

from build_tools import cache

SEARCH = "material/search"
# Theme pages of the whole site: each lists every page, in its sitemap or its navigation.
WHOLE_SITE_TEMPLATES = ("sitemap.xml", "404.html")


class _State:
    def __init__(self) -> None:
        self.dirty_serve = False
        self.built = False


_state = _State()


def started(command: str, dirty: bool) -> None:
    _state.dirty_serve = command == "serve" and dirty
    _state.built = False


def configure(config: MkDocsConfig) -> bool:
    """Called once per build. True for a rebuild after the first of a dirty serve, which
    then indexes nothing, renders neither sitemap nor 404 page, and keeps the caches in
    memory."""
    rebuild = _state.dirty_serve and _state.built
    _state.built = True
    if rebuild:
        search = config.plugins.get(SEARCH)
        if search is not None:
            search.config.enabled = False
        config.theme.static_templates.difference_update(WHOLE_SITE_TEMPLATES)
    return rebuild


class _CompiledTemplates(jinja2.BytecodeCache):
    """Compiled templates kept in memory for the life of the process. Jinja checks each
    against its template's source, so an edited template is compiled again."""

    def __init__(self) -> None:
        self.compiled: dict[str, bytes] = {}

    def load_bytecode(self, bucket: Any) -> None:
        code = self.compiled.get(bucket.key)
        if code is not None:
            bucket.bytecode_from_string(code)

    def dump_bytecode(self, bucket: Any) -> None:
        self.compiled[bucket.key] = bucket.bytecode_to_string()


_theme_templates = _CompiledTemplates()


def theme_environment(env: jinja2.Environment) -> jinja2.Environment:
    env.bytecode_cache = _theme_templates
    return env


def stopped() -> None:
    cache.flush()
