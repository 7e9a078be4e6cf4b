"""`make serve`: what a rebuild after the first leaves as the first build made it.

Under `mkdocs serve --dirty` a rebuild renders only the pages whose files changed, and the
editor waits for it. What a whole build does besides is left out of a rebuild, or done once:

- Material's search index. The plugin would parse every rebuilt page again (at 1,000 updates
  an edit touches some twenty pages, long article pages among them) only to merge them
  imperfectly into the index of the first build; the preview keeps that index.
- The sitemap and the 404 page, which list every page of the site (the 404 page in its
  navigation): a fifth of a second at 1,000 updates, for pages no preview reader needs anew.
- Writing the caches to disk: the build session keeps them in memory between rebuilds and
  writes them when the server stops.
- Listing the installed themes' folders (`internals.list_installed_themes_once`).

The published site is always built whole. A clean rebuild (`mkdocs serve` without `--dirty`)
empties the site folder, so there every rebuild is whole.
"""

from __future__ import annotations

from mkdocs.config.defaults import MkDocsConfig

from build_tools.engine.internals import ThemeLists, list_installed_themes_once

SEARCH = "material/search"
# Theme pages of the whole site: each lists every page, in its sitemap or its navigation.
WHOLE_SITE_TEMPLATES = ("sitemap.xml", "404.html")


class Rebuilds:
    """One server's rebuilds: whether they are dirty, whether the first build is done, and
    the installed themes' files listed by the first rebuild."""

    def __init__(self, dirty_serve: bool = False) -> None:
        self.dirty_serve = dirty_serve
        self.built = False
        self.theme_lists: ThemeLists = {}

    def configure(self, config: MkDocsConfig) -> bool:
        """Called once per build. True for a rebuild after the first of a dirty serve, which
        then indexes nothing and renders neither sitemap nor 404 page."""
        rebuild = self.dirty_serve and self.built
        self.built = True
        if rebuild:
            search = config.plugins.get(SEARCH)
            if search is not None:
                search.config.enabled = False
            config.theme.static_templates.difference_update(WHOLE_SITE_TEMPLATES)
            list_installed_themes_once(config.theme, self.theme_lists)
        return rebuild
