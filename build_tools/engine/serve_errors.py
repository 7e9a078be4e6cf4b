"""`make serve` with a data error: every page becomes a list of the problems, until they are fixed.

MkDocs' live-reload server reloads the browser only after a build that
succeeded, so a data error used to leave the editor's tab waiting with the
reason only in the terminal. Under `mkdocs serve` the hook therefore does not
stop the build on a data error: it records the problems here and lets MkDocs
finish with the last good pages, which reloads the browser. The server is
wrapped (`install`) so that while problems are recorded every page request
gets the error page instead; that page asks `STATUS_PATH` once a second and
reloads as soon as the problems change or are gone.

State lives in this module, not in the hook's: MkDocs loads the hook file by
path, while this module is imported once per process like any other.
"""

from __future__ import annotations

import html
import json
import threading
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Any, Protocol, TypeVar

from build_tools.errors import DataError

# Outside the site's own paths (MkDocs serves the site under its sub-path).
STATUS_PATH = "/.data-errors"
RELOAD_MS = 1000
WsgiApp = Callable[[dict[str, Any], Callable[..., Any]], Iterable[bytes]]


class Server(Protocol):
    """What this module uses of MkDocs' LiveReloadServer (a wsgiref server)."""

    def get_app(self) -> WsgiApp | None: ...

    def set_app(self, application: WsgiApp) -> None: ...


S = TypeVar("S", bound=Server)


@dataclass(frozen=True)
class Problems:
    version: int
    lines: tuple[str, ...]  # "path:line:col: error: message"
    summary: str  # "2 errors and 0 warnings in 1 file"


class _State:
    def __init__(self) -> None:
        self.lock = threading.Lock()
        self.serving = False
        self.version = 0
        self.problems: Problems | None = None


_state = _State()


def started(command: str) -> None:
    """From the hook's `on_startup`: only `mkdocs serve` shows the error page."""
    _state.serving = command == "serve"


def show(exc: DataError) -> bool:
    """Record the problems for the error page. False when not serving: the build must stop."""
    if not _state.serving:
        return False
    with _state.lock:
        _state.version += 1
        lines = tuple(str(d) for d in exc.diagnostics)
        _state.problems = Problems(_state.version, lines, exc.summary)
    return True


def clear() -> None:
    """The data is valid again: pages are served as built."""
    with _state.lock:
        if _state.problems is not None:
            _state.version += 1
            _state.problems = None


def current() -> Problems | None:
    with _state.lock:
        return _state.problems


def install(server: S) -> S:
    """From the hook's `on_serve`: answer page requests with the error page while it stands."""
    site = server.get_app()
    assert site is not None
    server.set_app(lambda environ, start_response: _respond(site, environ, start_response))
    return server


def _respond(site: WsgiApp, environ: dict[str, Any],
             start_response: Callable[..., Any]) -> Iterable[bytes]:
    path = str(environ.get("PATH_INFO", ""))
    problems = current()
    if path == STATUS_PATH:
        with _state.lock:
            version = _state.version
        body = json.dumps({"version": version, "problems": len(problems.lines) if problems else 0})
        return _send(start_response, body.encode(), "application/json")
    if problems is not None and _is_page(path):
        return _send(start_response, error_page(problems).encode(), "text/html; charset=utf-8")
    return site(environ, start_response)


def _is_page(path: str) -> bool:
    return not path.startswith("/livereload/") and (path.endswith("/") or path.endswith(".html"))


def _send(start_response: Callable[..., Any], body: bytes, kind: str) -> list[bytes]:
    start_response("200 OK", [("Content-Type", kind), ("Content-Length", str(len(body))),
                              ("Cache-Control", "no-store")])
    return [body]


def error_page(problems: Problems) -> str:
    items = "\n".join(f"<li><code>{html.escape(line)}</code></li>" for line in problems.lines)
    return f"""<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>The data has errors</title>
<link rel="icon" href="data:,">
<style>
body {{ font: 16px/1.5 system-ui, sans-serif; margin: 2rem auto; max-width: 60rem;
        padding: 0 1rem; color: #1b1b1b; background: #fff; }}
h1 {{ color: #a4000f; font-size: 1.6rem; }}
ol {{ padding-left: 1.5rem; }}
li {{ margin: .5rem 0; }}
code {{ white-space: pre-wrap; word-break: break-word; font-size: .95rem; }}
</style>
</head>
<body>
<main>
<h1>The data has errors</h1>
<p>The preview shows this page instead of the site until they are fixed:
{html.escape(problems.summary)}. Each line gives the file, the line and the column.</p>
<ol id="problems">
{items}
</ol>
<p>Fix the file and save it: this page reloads by itself.</p>
</main>
<script>
(function () {{
  var shown = {problems.version};
  function check() {{
    fetch("{STATUS_PATH}", {{cache: "no-store"}})
      .then(function (r) {{ return r.json(); }})
      .then(function (s) {{
        if (s.version !== shown) {{ location.reload(); }} else {{ setTimeout(check, {RELOAD_MS}); }}
      }})
      .catch(function () {{ setTimeout(check, {RELOAD_MS}); }});
  }}
  setTimeout(check, {RELOAD_MS});
}})();
</script>
</body>
</html>
"""
