"""The adapter between MkDocs and the pipeline: it maps MkDocs' events to the pipeline's
results, and renders nothing itself.

- `on_config`, before MkDocs cleans the site directory: the pipeline runs, so a broken data
  file stops the build with every problem listed and the last site left as it was; under
  `mkdocs serve` the build goes on and the browser shows the problems instead
  (`serve_errors.py`). The navigation gets the pages the pipeline lists under a page, and
  Python-Markdown's `abbr` the glossary's terms (`abbreviations.py`).
- `on_files`: the generated files are staged in the cache folder and added to MkDocs' files
  from there; nothing is written into `content/`. Staged on disk rather than handed over in
  memory: a file whose bytes did not change keeps its modification time, so that
  `mkdocs serve --dirty` rebuilds only the pages an edit really changed.
- `on_page_markdown` and `on_page_content`: a hand-written page gets its date, and a page's
  blocks of HTML marked `verbatim` are set aside from Python-Markdown and put back after
  (`verbatim.py`).
- `on_post_page`: the files the pipeline puts beside a page (its citation downloads) are
  copied there, and the theme's HTML gets its fixes (`theme_fixes.py`).

What outlives one build is the build session's (`session.py`), which this adapter keeps for
the life of a server; what only a server needs is `Rebuilds` and `ErrorPage`. A server whose
code is edited restarts itself: a running process cannot unload the modules it imported, and
would otherwise go on rendering with the old code.
"""

from __future__ import annotations

import logging
import os
import sys
from pathlib import Path
from typing import Any

import jinja2
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import Abort
from mkdocs.livereload import LiveReloadServer
from mkdocs.structure.files import File, Files
from mkdocs.structure.pages import Page

from build_tools import cache, report, verbatim
from build_tools.config import BuildConfig
from build_tools.engine import internals, navigation
from build_tools.engine.abbreviations import with_glossary
from build_tools.engine.serve_errors import ErrorPage, banners
from build_tools.engine.serve_rebuilds import Rebuilds
from build_tools.engine.theme_fixes import fix_html
from build_tools.errors import DataError
from build_tools.formats.text import long_date
from build_tools.pipeline import Generated, generate
from build_tools.session import BuildSession
from build_tools.site_info import SiteInfo
from build_tools.write import write_files, write_if_changed

log = logging.getLogger("mkdocs.hooks.build_tools")


class DataAbort(Abort, SystemExit):
    """Stops `mkdocs build` with exit code 1 and one line (Abort). Under `mkdocs serve`, the
    rebuild loop prints a SystemExit as its message instead of a traceback and keeps serving."""


class Adapter:
    def __init__(self) -> None:
        self.session = BuildSession()
        self.rebuilds = Rebuilds()
        self.errors = ErrorPage()
        self.build: BuildConfig | None = None
        self.generated: Generated | None = None
        self.set_aside: dict[str, list[str]] = {}  # page -> its verbatim blocks, while it renders

    def on_startup(self, command: str, dirty: bool) -> None:
        serving = command == "serve"
        self.session = BuildSession(serving=serving)
        self.rebuilds = Rebuilds(dirty_serve=serving and dirty)
        self.errors = ErrorPage(serving=serving)
        if serving and dirty:
            internals.without_dirty_build_warning()

    def on_shutdown(self) -> None:
        self.session.stop()

    def on_serve(self, server: LiveReloadServer, config: MkDocsConfig,
                 builder: Any) -> LiveReloadServer:
        return self.errors.install(internals.watch_with_notifications(server))

    def on_config(self, config: MkDocsConfig) -> MkDocsConfig:
        if self.session.serving and self.session.builds and cache.code_changed_on_disk():
            self._restart()
        self.rebuilds.configure(config)
        self.build = BuildConfig.from_environment(site=SiteInfo(
            config.site_url or "", config.site_name, config.use_directory_urls))
        self.generated = self._generate(self.build) or self.generated
        if str(self.build.data_dir) not in config.watch:  # a data tree outside the repository
            config.watch.append(str(self.build.data_dir))
        if self.generated is not None:
            config.nav = navigation.expanded(config.nav or [], self.generated)
            config.markdown_extensions = with_glossary(config.markdown_extensions,
                                                       self.generated.glossary)
        return config

    def _generate(self, build: BuildConfig) -> Generated | None:
        try:
            generated = generate(build, self.session)
        except DataError as exc:
            report.failure(exc)
            if not self.errors.show(exc):  # under `mkdocs serve` the error page stands in
                raise DataAbort(f"The data has errors: {exc}.") from None
            return None
        self.errors.clear()
        self._warnings(generated)
        return generated

    def _warnings(self, generated: Generated) -> None:
        """Every warning said where the editor looks: handed to `python -m build_tools site`,
        which prints them once the site is built; else printed last, and under `mkdocs serve`
        also shown on the pages they concern. Never through MkDocs' log, whose warnings
        `--strict` counts: a warning never stops a build."""
        handed_over = os.environ.get(report.WARNINGS_FILE)
        if handed_over:
            report.save(generated.warnings, Path(handed_over))
            return
        report.warnings(generated.warnings, announced=False)  # `make validate` announces them
        if self.session.serving:
            self.errors.warn(banners(generated.warnings, generated.page_files))

    def _restart(self) -> None:
        """The server started again with the edited code: same command, same arguments."""
        log.info("The code of the build changed: restarting the preview with it.")
        self.session.stop()
        for stream in (sys.stdout, sys.stderr):
            stream.flush()
        os.execv(sys.executable, [sys.executable, *sys.orig_argv[1:]])

    def on_env(self, env: jinja2.Environment, config: MkDocsConfig,
               files: Files) -> jinja2.Environment:
        """The theme's templates compiled once, in the folder of the generator's: MkDocs
        makes a new environment for every build, which would compile Material's templates
        again at each rebuild of `mkdocs serve`."""
        folder = self.build.templates_cache if self.build else None
        if folder is not None:
            folder.mkdir(parents=True, exist_ok=True)
            env.bytecode_cache = jinja2.FileSystemBytecodeCache(str(folder))
        return env

    def on_files(self, files: Files, config: MkDocsConfig) -> Files:
        if self.generated is None or self.build is None or self.build.staging_dir is None:
            return files
        staging = self.build.staging_dir
        write_files(self.generated.files, staging, self.session.writer(str(staging)))
        for path in self.generated.files:
            files.append(File.generated(config, path, abs_src_path=str(staging / path)))
        return files

    def on_page_markdown(self, markdown: str, page: Page, config: MkDocsConfig,
                         files: Files) -> str:
        meta = page.meta
        date = self.generated.content_dates.get(page.file.src_uri) if self.generated else None
        if date is not None:  # a hand-written page, dated by its file
            meta["updated"], meta["updated_text"] = date.isoformat(), long_date(date)
        if meta.get("updated"):  # the sitemap's lastmod
            page.update_date = str(meta["updated"])
        markdown, self.set_aside[page.file.src_uri] = verbatim.set_aside(markdown)
        return markdown

    def on_page_content(self, html: str, page: Page, config: MkDocsConfig, files: Files) -> str:
        return verbatim.put_back(html, self.set_aside.pop(page.file.src_uri, []))

    def on_post_page(self, output: str, page: Page, config: MkDocsConfig) -> str:
        beside = self.generated.beside.get(page.file.src_uri, {}) if self.generated else {}
        for path, content in beside.items():
            write_if_changed(os.path.join(config.site_dir, path), content)
        return fix_html(output)

    def on_post_template(self, output_content: str, template_name: str,
                         config: MkDocsConfig) -> str:
        return fix_html(output_content)  # 404.html is a theme template, not a page

    def on_post_build(self, config: MkDocsConfig) -> None:
        self.session.build_served()
