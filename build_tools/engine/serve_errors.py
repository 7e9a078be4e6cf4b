"""`make serve` with a data error: every page becomes a list of the problems, until they are fixed;
with warnings, the pages they concern carry them in a banner.

MkDocs' live-reload server reloads the browser only after a build that
succeeded, so a data error used to leave the editor's tab waiting with the
reason only in the terminal. Under `mkdocs serve` the adapter therefore does not
stop the build on a data error: it records the problems in the server's
`ErrorPage` and lets MkDocs finish with the last good pages, which reloads the
browser. The server is wrapped (`ErrorPage.install`) so that while problems are
recorded every page request gets the error page instead; that page asks
`STATUS_PATH` once a second and reloads as soon as the problems change or are gone.

A build with warnings records them by page (`ErrorPage.warn`): each page made from a file with
a warning is served with a banner listing them above its text. The banner is added to the
server's response, never to the built page, so that no reader of the published site sees it.
"""

from __future__ import annotations

import json
import re
import threading
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Any, Protocol, TypeVar

from build_tools import urls
from build_tools.english import plural
from build_tools.errors import DataError, Diagnostic
from build_tools.prose.markdown import escape_html

# Outside the site's own paths (MkDocs serves the site under its sub-path).
STATUS_PATH = "/.data-errors"
RELOAD_MS = 1000
BANNER_ID = "data-warnings"
WsgiApp = Callable[[dict[str, Any], Callable[..., Any]], Iterable[bytes]]


class Server(Protocol):
    """What this module uses of MkDocs' LiveReloadServer (a wsgiref server)."""

    mount_path: str  # "/un-cybercrime-briefing/": the site's sub-path

    def get_app(self) -> WsgiApp | None: ...

    def set_app(self, application: WsgiApp) -> None: ...


S = TypeVar("S", bound=Server)


@dataclass(frozen=True)
class Problems:
    version: int
    lines: tuple[str, ...]  # "path:line:col: error: message"
    summary: str  # "2 errors and 0 warnings in 1 file"


class ErrorPage:
    """The problems of the last build of a server, shown in place of its pages, and its warnings,
    shown on the pages they concern. Threads: the build writes them, the server's request
    threads read them."""

    def __init__(self, serving: bool = False) -> None:
        self.serving = serving  # only `mkdocs serve` shows the error page
        self.lock = threading.Lock()
        self.version = 0
        self.problems: Problems | None = None
        self.notes: dict[str, tuple[str, ...]] = {}  # page address -> its warnings
        self.mount = "/"  # where the server serves the site (its sub-path)

    def warn(self, notes: dict[str, tuple[str, ...]]) -> None:
        """The warnings of the last build that went on, by the address of each page they
        concern ("sessions/x/", "" for the home page)."""
        with self.lock:
            self.notes = notes

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
        """From `on_serve`: answer page requests with the error page while it stands, and
        with the page and its warnings when it has some."""
        site = server.get_app()
        assert site is not None
        self.mount = server.mount_path
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
        with self.lock:
            notes = self.notes.get(_address(path, self.mount), ()) if _is_page(path) else ()
        if notes:
            return _with_banner(site, environ, start_response, notes)
        return site(environ, start_response)


def banners(warnings: Iterable[Diagnostic], page_files: dict[str, frozenset[str]]
            ) -> dict[str, tuple[str, ...]]:
    """Each page's warnings, by the page's address: those of the files it is made of."""
    by_file: dict[str, list[str]] = {}
    for diagnostic in warnings:
        by_file.setdefault(diagnostic.location.path, []).append(str(diagnostic))
    notes: dict[str, tuple[str, ...]] = {}
    for page, files in page_files.items():
        found = tuple(note for file in sorted(files & by_file.keys()) for note in by_file[file])
        if found:
            notes[urls.page_url(page)] = found
    return notes


def _address(path: str, mount: str) -> str:
    """A request's page address under the site: '/sub/sessions/x/index.html' -> 'sessions/x/'."""
    inside = path.removeprefix(mount.rstrip("/")).lstrip("/")
    return inside.removesuffix("index.html")


def _with_banner(site: WsgiApp, environ: dict[str, Any], start_response: Callable[..., Any],
                 notes: tuple[str, ...]) -> Iterable[bytes]:
    """The site's answer, with the banner in the page when it is one."""
    answer: list[Any] = []

    def keep(status: str, headers: list[tuple[str, str]], *rest: Any) -> Callable[..., Any]:
        answer[:] = [status, headers]
        return lambda data: None

    body = site(environ, keep)
    try:
        content = b"".join(body)
    finally:
        close = getattr(body, "close", None)
        if close is not None:
            close()
    status, headers = answer
    if status.startswith("200") and any(k == "Content-Type" and v.startswith("text/html")
                                        for k, v in headers):
        content = with_banner(content.decode("utf-8"), notes).encode("utf-8")
        headers = [(k, str(len(content)) if k == "Content-Length" else v) for k, v in headers]
    start_response(status, headers)
    return [content]


# Inside the theme's article, above the page's title; the top of the body where there is none.
_ARTICLE = re.compile(r'<article class="md-content__inner[^"]*">')
_BODY = re.compile(r"<body[^>]*>")


def with_banner(html: str, notes: tuple[str, ...]) -> str:
    """The page with its warnings above its text, in the theme's style for a warning."""
    items = "\n".join(f"<li><code>{escape_html(note)}</code></li>" for note in notes)
    banner = (f'<div class="admonition warning" id="{BANNER_ID}">\n<p class="admonition-title">'
              f"{escape_html(plural(len(notes), 'warning').capitalize())} in the data of this "
              "page (shown in the preview only; the site is published all the same)</p>\n"
              f"<ul>\n{items}\n</ul>\n</div>\n")
    place = _ARTICLE.search(html) or _BODY.search(html)
    at = place.end() if place else 0
    return html[:at] + banner + html[at:]


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
