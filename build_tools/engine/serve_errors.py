"""`make serve` with a data error: every page becomes a list of the problems, until they are fixed.

MkDocs' live-reload server reloads the browser only after a build that
succeeded, so a data error used to leave the editor's tab waiting with the
reason only in the terminal. Under `mkdocs serve` the adapter therefore does not
stop the build on a data error: it records the problems in the server's
`ErrorPage` and lets MkDocs finish with the last good pages, which reloads the
browser. The server is wrapped (`ErrorPage.install`) so that while problems are
recorded every page request gets the error page instead; that page asks
`STATUS_PATH` once a second and reloads as soon as the problems change or are gone.
"""

from __future__ import annotations

import json
import threading
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Any, Protocol, TypeVar

from build_tools.errors import DataError
from build_tools.prose.markdown import escape_html

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


class ErrorPage:
    """The problems of the last build of a server, shown in place of its pages. Threads: the
    build writes them, the server's request threads read them."""

    def __init__(self, serving: bool = False) -> None:
        self.serving = serving  # only `mkdocs serve` shows the error page
        self.lock = threading.Lock()
        self.version = 0
        self.problems: Problems | None = None

    def show(self, exc: DataError) -> bool:
        """Record the problems for the error page. False when not serving: the build must stop."""
        if not self.serving:
            return False
        with self.lock:
            self.version += 1
            lines = tuple(str(d) for d in exc.diagnostics)
            self.problems = Problems(self.version, lines, exc.summary)
        return True

    def clear(self) -> None:
        """The data is valid again: pages are served as built."""
        with self.lock:
            if self.problems is not None:
                self.version += 1
                self.problems = None

    def current(self) -> tuple[int, Problems | None]:
        with self.lock:
            return self.version, self.problems

    def install(self, server: S) -> S:
        """From `on_serve`: answer page requests with the error page while it stands."""
        site = server.get_app()
        assert site is not None
        server.set_app(lambda environ, start_response: self._respond(site, environ,
                                                                     start_response))
        return server

    def _respond(self, site: WsgiApp, environ: dict[str, Any],
                 start_response: Callable[..., Any]) -> Iterable[bytes]:
        path = str(environ.get("PATH_INFO", ""))
        version, problems = self.current()
        if path == STATUS_PATH:
            body = json.dumps({"version": version,
                               "problems": len(problems.lines) if problems else 0})
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
    items = "\n".join(f"<li><code>{escape_html(line)}</code></li>" for line in problems.lines)
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
{escape_html(problems.summary)}. Each line gives the file, the line and the column.</p>
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
