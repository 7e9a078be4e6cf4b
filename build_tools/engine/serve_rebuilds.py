"""`make serve`: what a rebuild after the first leaves as the first build made it.

Under `mkdocs serve --dirty` a rebuild renders only the pages whose files changed, and the
editor waits for it. Four things of a whole build are left out of it, or done once:

- Material's search index. The plugin would parse every rebuilt page again (at 1,000 updates
  an edit touches some twenty pages, long article pages among them) only to merge them
  imperfectly into the index of the first build; the preview keeps that index.
- The sitemap and the 404 page, which list every page of the site (the 404 page in its
  navigation): a fifth of a second at 1,000 updates, for pages no preview reader needs anew.
- Writing the caches to disk: the server keeps them in memory between rebuilds and writes
  them when it stops (`flush`), for the next server or build to start from.
- Listing the installed themes' folders. MkDocs lists every theme folder at each build to
  find the files it copies: some 14,500 names in Material's (its icons), a seventh of a
  second. An installed theme does not change while the server runs, so its list is made
  once; the project's own theme folder (`custom_dir`) is listed at each build as before.

The server hears of a saved file from the system (`watch_with_notifications`) rather than by
looking at every watched file twice a second, as MkDocs' own watcher does: a quarter of a
second of the editor's wait, on average, and the time its looks take at 1,000 updates.

The first build's objects are set apart from Python's cycle collector once it is done
(`first_build_done`): they live as long as the server, and the collector's passes over the
millions of them would otherwise fall inside the first rebuilds (half a second at 1,000
updates).

The published site is always built whole. A clean rebuild (`mkdocs serve` without `--dirty`)
empties the site folder, so there every rebuild is whole.

State lives in this module, not in the hook's: MkDocs loads the hook file again for every
build, while this module is imported once per process.
"""

from __future__ import annotations

import gc
import os
from typing import Any

import jinja2
import watchdog.observers
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.livereload import LiveReloadServer
from mkdocs.theme import Theme
from watchdog.events import (
    FileCreatedEvent,
    FileDeletedEvent,
    FileModifiedEvent,
    FileMovedEvent,
    FileSystemEvent,
)

from build_tools import cache

SEARCH = "material/search"
# Theme pages of the whole site: each lists every page, in its sitemap or its navigation.
WHOLE_SITE_TEMPLATES = ("sitemap.xml", "404.html")


class _State:
    def __init__(self) -> None:
        self.dirty_serve = False
        self.built = False
        self.frozen = False


_state = _State()


def started(command: str, dirty: bool) -> None:
    _state.dirty_serve = command == "serve" and dirty
    _state.built = _state.frozen = False


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
        _list_installed_themes_once(config.theme)
    return rebuild


# (folder, the theme's static templates) -> the names in the folder that MkDocs keeps
_installed_theme_files: dict[tuple[str, tuple[str, ...]], list[str]] = {}


def _list_installed_themes_once(theme: Theme) -> None:
    """The theme's Jinja environment, with its list of files made from the lists of the
    installed themes' folders kept by the first rebuild. MkDocs asks for that list only to
    find the files to copy, with a filter that leaves out the theme's static templates."""
    make_env = theme.get_env
    static = tuple(sorted(theme.static_templates))

    def get_env() -> jinja2.Environment:
        env = make_env()

        def list_templates(extensions: Any = None, filter_func: Any = None) -> list[str]:
            assert extensions is None and filter_func is not None, "MkDocs filters by function"
            names: set[str] = set()
            for folder in theme.dirs:
                kept = _installed_theme_files.get((folder, static))
                if kept is None:
                    listed = jinja2.FileSystemLoader(folder).list_templates()
                    kept = [n for n in listed if filter_func(n)]
                    if folder != theme.custom_dir:
                        _installed_theme_files[(folder, static)] = kept
                names.update(kept)
            return sorted(names)

        env.list_templates = list_templates  # type: ignore[method-assign]
        return env

    theme.get_env = get_env  # type: ignore[method-assign]


# What counts as a change: the system also tells of every file opened and closed unchanged, as
# the build itself reads the data, which would start a rebuild after every build.
CHANGES: list[type[FileSystemEvent]] = [FileCreatedEvent, FileModifiedEvent, FileDeletedEvent,
                                        FileMovedEvent]


class _ChangeObserver(watchdog.observers.Observer):  # type: ignore[misc,valid-type]
    """The system's observer, told to pass on changes only."""

    def schedule(self, event_handler: Any, path: Any, *, recursive: bool = False,
                 event_filter: Any = None, follow_symlink: bool = False) -> Any:
        return super().schedule(event_handler, path, recursive=recursive,
                                event_filter=event_filter or CHANGES,
                                follow_symlink=follow_symlink)


def watch_with_notifications(server: LiveReloadServer) -> LiveReloadServer:
    """From the hook's `on_serve`: the server's watcher, which polls, replaced by watchdog's
    observer for this system (inotify on Linux; polling where the system has nothing), with
    the paths watched so far watched again (a file through its folder). Those MkDocs adds
    after `on_serve` (the `watch` list of mkdocs.yml) go to the new one, as does starting
    and stopping it."""
    watched = dict(server._watched_paths)  # path -> how many asked for it
    server._watched_paths.clear()
    server._watch_refs.clear()
    server.observer = _ChangeObserver()
    for path, count in watched.items():
        if os.path.isfile(path):  # mkdocs.yml: an editor that saves by replacing the file
            path = os.path.dirname(path)  # would end a watch on the file itself; watch its folder
            server.watch(path, recursive=False)
        else:
            server.watch(path)
        server._watched_paths[path] = count
    return server


def first_build_done() -> None:
    """From the hook's `on_post_build`: after the first build of a dirty serve, its objects
    are left out of the cycle collector's passes (`gc.freeze`)."""
    if _state.dirty_serve and not _state.frozen:
        gc.collect()
        gc.freeze()
        _state.frozen = True


def stopped() -> None:
    cache.flush()
