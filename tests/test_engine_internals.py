"""What `build_tools/engine/internals.py` relies on in MkDocs, Jinja and watchdog, each as it is
today: an upgrade that changes one of them fails here, by name, before it breaks a preview."""

from __future__ import annotations

import inspect

import jinja2
import watchdog.observers
from mkdocs.config import load_config
from mkdocs.livereload import LiveReloadServer
from mkdocs.theme import Theme

from build_tools import paths
from build_tools.engine import internals


def test_the_live_reload_server_keeps_its_watch_as_the_adapter_replaces_it() -> None:
    server = LiveReloadServer(builder=lambda: None, host="127.0.0.1", port=0,
                              root=str(paths.REPO_ROOT), shutdown_delay=0)
    try:
        assert isinstance(server._watched_paths, dict) and isinstance(server._watch_refs, dict)
        assert hasattr(server.observer, "schedule")  # the polling observer the adapter replaces
        assert list(inspect.signature(server.watch).parameters) == ["path", "func", "recursive"]
        server.watch(str(paths.REPO_ROOT / "mkdocs.yml"))
        replaced = internals.watch_with_notifications(server)
        assert isinstance(replaced.observer, internals._ChangeObserver)
        assert list(replaced._watched_paths) == [str(paths.REPO_ROOT)]  # a file, by its folder
    finally:
        server.server_close()


def test_watchdog_schedules_with_an_event_filter() -> None:
    parameters = inspect.signature(watchdog.observers.Observer.schedule).parameters
    assert {"event_handler", "path", "recursive", "event_filter"} <= set(parameters)


def test_the_theme_builds_its_environment_as_the_adapter_wraps_it() -> None:
    config = load_config(str(paths.REPO_ROOT / "mkdocs.yml"))
    theme: Theme = config.theme
    assert callable(theme.get_env) and theme.dirs and hasattr(theme, "custom_dir")
    assert "404.html" in theme.static_templates and "sitemap.xml" in theme.static_templates
    parameters = inspect.signature(jinja2.Environment.list_templates).parameters
    assert list(parameters) == ["self", "extensions", "filter_func"]
    listed_by_mkdocs = sorted(theme.get_env().list_templates(filter_func=lambda n: True))
    kept: internals.ThemeLists = {}
    internals.list_installed_themes_once(theme, kept)
    assert sorted(theme.get_env().list_templates(filter_func=lambda n: True)) == listed_by_mkdocs
    assert kept  # the installed themes' lists, kept for the next build
