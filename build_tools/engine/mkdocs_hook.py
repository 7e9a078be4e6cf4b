"""The few lines that let `mkdocs build` and `mkdocs serve` run the pipeline.

The data is loaded and checked in `on_config`, before MkDocs cleans the site
directory, so a broken data file stops the build with every problem listed
and the last site left as it was; under `mkdocs serve` the build goes on and
the browser shows the problems instead (see `serve_errors.py`). In `on_files`
the generated files are staged in the cache folder (see
`BuildConfig.staging_dir`) and added to MkDocs' files from there; nothing is
written into `content/`. A page's blocks of HTML marked `verbatim` are set aside before
Python-Markdown reads it and put back into its HTML after (see `verbatim.py`). A page worth
citing gets its "Cite this page" block before it is read, and its two citation downloads
beside it in the site once it is rendered (see `render/cite.py`).
"""

from __future__ import annotations

import datetime as dt
import logging
import os
import sys
from pathlib import Path
from typing import Any

# MkDocs loads a hook by file path, not as part of its package; make the
# package importable even when it is not installed in the environment.
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import jinja2
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import Abort
from mkdocs.livereload import LiveReloadServer
from mkdocs.structure.files import File, Files
from mkdocs.structure.pages import Page

from build_tools import urls, verbatim
from build_tools.config import BuildConfig
from build_tools.engine import serve_errors, serve_rebuilds
from build_tools.engine.abbreviations import GlossaryAbbreviations
from build_tools.engine.theme_fixes import fix_html
from build_tools.errors import DataError
from build_tools.formats.text import long_date
from build_tools.load.git_dates import last_commit_dates, page_dates
from build_tools.page_sources import page_sources
from build_tools.pipeline import Generated, generate
from build_tools.render import cite
from build_tools.render.cite import Citation, citations
from build_tools.report import announce
from build_tools.site_info import SiteInfo
from build_tools.write import write_files, write_if_changed

log = logging.getLogger("mkdocs.hooks.build_tools")
# Sections that exist only when data/ has their files (the convention, the states).
OPTIONAL_SECTIONS = (urls.CONVENTION, urls.STATES)
_generated: Generated | None = None
_build: BuildConfig | None = None
_dates: dict[str, dt.date] = {}  # page path -> the date of the data it is made of
_citations: dict[str, Citation] = {}
_set_aside: dict[str, list[str]] = {}  # page path -> its verbatim blocks, while it renders
# The "Cite this page" block goes before the pager of an update or an article, else at the end.
PAGER = '<nav class="uc-pager"'


class DataAbort(Abort, SystemExit):
    """Stops `mkdocs build` with exit code 1 and one line (Abort). Under `mkdocs serve`, the
    rebuild loop prints a SystemExit as its message instead of a traceback and keeps serving."""


def on_startup(command: str, dirty: bool) -> None:
    serve_errors.started(command)
    serve_rebuilds.started(command, dirty)


def on_shutdown() -> None:
    serve_rebuilds.stopped()


def on_env(env: jinja2.Environment, config: MkDocsConfig, files: Files) -> jinja2.Environment:
    """The theme's templates compiled once, in the cache that keeps the generator's
    (`BuildConfig.templates_cache`): MkDocs makes a new environment for every build, which
    would compile Material's templates again at each rebuild of `mkdocs serve`."""
    folder = _build.templates_cache if _build else None
    if folder is not None:
        folder.mkdir(parents=True, exist_ok=True)
        env.bytecode_cache = jinja2.FileSystemBytecodeCache(str(folder))
    return env


def on_serve(server: LiveReloadServer, config: MkDocsConfig, builder: Any) -> LiveReloadServer:
    return serve_errors.install(serve_rebuilds.watch_with_notifications(server))


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    global _generated, _build, _dates, _citations  # hooks are module functions; state lives between events
    rebuild = serve_rebuilds.configure(config)
    _build = BuildConfig.from_environment(site=SiteInfo(config.site_url or "", config.site_name,
                                                        config.use_directory_urls),
                                          caches_in_memory=rebuild)
    try:
        _generated = generate(_build)
    except DataError as exc:
        print(exc.report(), file=sys.stderr)
        announce(exc.diagnostics)
        if not serve_errors.show(exc):  # under `mkdocs serve` the error page stands in
            raise DataAbort(f"The data has errors: {exc}.") from None
    else:
        serve_errors.clear()
        for warning in _generated.warnings:
            log.warning(str(warning))
        announce(_generated.warnings)
    if str(_build.data_dir) not in config.watch:  # a data tree outside the repository, in tests
        config.watch.append(str(_build.data_dir))
    if _generated is None:  # serving data that has not been valid yet
        return config
    config.nav = _expand_sessions(config.nav or [], _generated)
    _explain_abbreviations(config, _generated)
    _dates = _page_dates(_build, _generated)
    _citations = citations(_generated.context)
    return config


def on_files(files: Files, config: MkDocsConfig) -> Files:
    if _generated is None or _build is None or _build.staging_dir is None:
        return files
    # Staged on disk rather than handed over in memory: a file whose bytes did not
    # change keeps its modification time, so `mkdocs serve --dirty` rebuilds only
    # the pages an edit really changed.
    staging = _build.staging_dir
    write_files(_generated.files, staging)
    for path in _generated.files:
        files.append(File.generated(config, path, abs_src_path=str(staging / path)))
    return files


def on_page_markdown(markdown: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    date = _dates.get(page.file.src_uri)
    if date is not None:  # shown by overrides/partials/source-file.html, and the sitemap's lastmod
        page.meta["updated"] = date.isoformat()
        page.meta["updated_text"] = long_date(date)
        page.update_date = date.isoformat()
    citation = _citations.get(page.file.src_uri)
    if citation is not None and _generated is not None:
        block = _generated.context.render(
            "_cite.md.j2", citation=citation, updated=date, site_name=config.site_name,
            href={f: urls.relative_href("/" + f, citation.page, config.use_directory_urls)
                  for f in (citation.bib, citation.json)})
        before, pager, after = markdown.rpartition(PAGER)
        markdown = before + block + pager + after if pager else markdown + block
    markdown, _set_aside[page.file.src_uri] = verbatim.set_aside(markdown)
    return markdown


def on_page_content(html: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    return verbatim.put_back(html, _set_aside.pop(page.file.src_uri, []))


def on_post_build(config: MkDocsConfig) -> None:
    serve_rebuilds.first_build_done()


def on_post_page(output: str, page: Page, config: MkDocsConfig) -> str:
    citation = _citations.get(page.file.src_uri)
    if citation is not None:  # its downloads, beside the page (see render/cite.py)
        for path, text in cite.downloads(citation, config.site_name).items():
            write_if_changed(os.path.join(config.site_dir, path), text.encode("utf-8"))
    return fix_html(output)


def on_post_template(output_content: str, template_name: str, config: MkDocsConfig) -> str:
    return fix_html(output_content)  # 404.html is a theme template, not a page


def _page_dates(build: BuildConfig, generated: Generated) -> dict[str, dt.date]:
    """Each page's date: the last commit to the files it is made of (`page_sources.py`)."""
    repo_root = build.data_dir.parent
    sources = page_sources(generated.dataset, generated.context.prose.mentions, build.content_dir,
                           repo_root)
    folders = sorted({f.split("/", 1)[0] for files in sources.values() for f in files})
    return page_dates(sources, last_commit_dates(repo_root, folders))


def _explain_abbreviations(config: MkDocsConfig, generated: Generated) -> None:
    """Python-Markdown's `abbr` (named in mkdocs.yml) replaced by the same extension given the
    glossary's terms, so that every page explains them (see `abbreviations.py`)."""
    glossary = {t.term: t.expansion for t in generated.dataset.glossary}
    config.markdown_extensions = [e for e in config.markdown_extensions if e != "abbr"]
    config.markdown_extensions.append(GlossaryAbbreviations(glossary=glossary))


def _expand_sessions(nav: list[Any], generated: Generated) -> list[Any]:
    """The nav entry that points at the sessions index becomes a section listing each session;
    an entry for a section the data does not have is left out."""
    sessions = [{s.data.title: s.page} for s in generated.dataset.sessions]
    expanded: list[Any] = []
    for item in nav:
        target = list(item.values()) if isinstance(item, dict) else []
        if target and target[0] in OPTIONAL_SECTIONS and target[0] not in generated.files:
            continue
        if target == [urls.PROCESS]:
            title = next(iter(item))
            expanded.append({title: [urls.PROCESS, *sessions]})
        else:
            expanded.append(item)
    return expanded
