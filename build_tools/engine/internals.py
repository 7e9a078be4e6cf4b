"""Every use of MkDocs' and its libraries' internals, in one place, each with the reason.

`tests/test_engine_internals.py` fails when an upgrade changes any of them: the
private attributes of the live-reload server, the theme's Jinja environment and
the method MkDocs calls on it, and watchdog's observer.

- `watch_with_notifications`: the server's watcher, which looks at every watched
  file twice a second, replaced by watchdog's observer for this system (inotify on
  Linux): a quarter of a second of the editor's wait, on average, and the time its
  looks take at 1,000 updates. The server has no public way to change its watcher.
- `without_dirty_build_warning`: `mkdocs serve --dirty` (`make serve`) warns at each start that
  a dirty build may give "inaccurate navigation". The preview renders every page a data edit
  changes (`serve_rebuilds.py`), and the warning, the first line an editor reads, alarms for
  nothing; it is filtered out of MkDocs' build log by its words, there being no setting.
- `list_installed_themes_once`: MkDocs lists every theme folder at each build to
  find the files it copies, some 14,500 names in Material's (its icons), a seventh
  of a second. An installed theme does not change while a server runs, so its list
  is made once per server; the project's own folder (`custom_dir`) at each build.
"""

from __future__ import annotations

import logging
import os
from typing import Any

import jinja2
import watchdog.observers
from mkdocs.livereload import LiveReloadServer
from mkdocs.theme import Theme
from watchdog.events import (
    FileCreatedEvent,
    FileDeletedEvent,
    FileModifiedEvent,
    FileMovedEvent,
    FileSystemEvent,
    FileSystemEventHandler,
)

# What counts as a change: the system also tells of every file opened and closed unchanged, as
# the build itself reads the data, which would start a rebuild after every build.
CHANGES: list[type[FileSystemEvent]] = [FileCreatedEvent, FileModifiedEvent, FileDeletedEvent,
                                        FileMovedEvent]
# Python writes compiled modules there as it imports them: no edit of anyone's.
COMPILED = f"{os.sep}__pycache__{os.sep}"


class _Edits(FileSystemEventHandler):
    """The server's handler, told of edits only."""

    def __init__(self, handler: Any) -> None:
        self.handler = handler

    def dispatch(self, event: FileSystemEvent) -> None:
        if COMPILED not in str(event.src_path):
            self.handler.dispatch(event)


class _ChangeObserver(watchdog.observers.Observer):  # type: ignore[misc,valid-type]
    """The system's observer, passing on changes to files, not their reading."""

    def schedule(self, event_handler: Any, path: Any, *, recursive: bool = False,
                 event_filter: Any = None, follow_symlink: bool = False) -> Any:
        return super().schedule(_Edits(event_handler), path, recursive=recursive,
                                event_filter=event_filter or CHANGES,
                                follow_symlink=follow_symlink)


def watch_with_notifications(server: LiveReloadServer) -> LiveReloadServer:
    """From `on_serve`: the server's observer replaced, with the paths watched so far watched
    again (a file through its folder: an editor that saves by replacing mkdocs.yml would end a
    watch on the file itself). Those MkDocs adds after `on_serve` (the `watch` list of
    mkdocs.yml) go to the new one, as does starting and stopping it."""
    watched = dict(server._watched_paths)  # path -> how many asked for it
    server._watched_paths.clear()
    server._watch_refs.clear()
    server.observer = _ChangeObserver()
    for path, count in watched.items():
        if os.path.isfile(path):
            path = os.path.dirname(path)
            server.watch(path, recursive=False)
        else:
            server.watch(path)
        server._watched_paths[path] = count
    return server


BUILD_LOG = "mkdocs.commands.build"
DIRTY_BUILD_WARNING = "A 'dirty' build is being performed"


class _NotTheDirtyBuildWarning(logging.Filter):
    def filter(self, record: logging.LogRecord) -> bool:
        return not str(record.msg).startswith(DIRTY_BUILD_WARNING)


def without_dirty_build_warning() -> None:
    """From `on_startup` of a dirty server: its warning at each start is left out, once."""
    log = logging.getLogger(BUILD_LOG)
    if not any(isinstance(f, _NotTheDirtyBuildWarning) for f in log.filters):
        log.addFilter(_NotTheDirtyBuildWarning())


ThemeLists = dict[tuple[str, tuple[str, ...]], list[str]]


def list_installed_themes_once(theme: Theme, kept: ThemeLists) -> None:
    """The theme's Jinja environment, with its list of files made from the lists of the
    installed themes' folders in `kept` (filled by the first call). MkDocs asks for that list
    only to find the files to copy, with a filter that leaves out the static templates."""
    make_env = theme.get_env
    static = tuple(sorted(theme.static_templates))

    def get_env() -> jinja2.Environment:
        env = make_env()

        def list_templates(extensions: Any = None, filter_func: Any = None) -> list[str]:
            assert extensions is None and filter_func is not None, "MkDocs filters by function"
            names: set[str] = set()
            for folder in theme.dirs:
                listed = kept.get((folder, static))
                if listed is None:
                    found = jinja2.FileSystemLoader(folder).list_templates()
                    listed = [n for n in found if filter_func(n)]
                    if folder != theme.custom_dir:
                        kept[(folder, static)] = listed
                names.update(listed)
            return sorted(names)

        env.list_templates = list_templates  # type: ignore[method-assign]
        return env

    theme.get_env = get_env  # type: ignore[method-assign]
