"""Command line: argument parsing only. `python -m build_tools validate|build|...`."""

from __future__ import annotations

import argparse
import datetime as dt
import sys
from pathlib import Path

from build_tools import paths, report
from build_tools.config import BuildConfig
from build_tools.engine.publish import ENGINES, build_site
from build_tools.errors import DataError, Diagnostic
from build_tools.load.git_dates import head_commit_date
from build_tools.paths import display_path
from build_tools.pipeline import Generated, generate
from build_tools.tools.depositary import DEFAULT_URL
from build_tools.tools.import_status import StatusImportError, import_status, today_utc
from build_tools.tools.scaffold import ScaffoldError, day, new_session, new_update, session_kinds
from build_tools.tools.schemas import write_schemas
from build_tools.validate.treaty_acts import stale_record
from build_tools.write import write_files


def _new_update(data: Path, session: str, title: str, date: str | None) -> int:
    try:
        # The editor's local date by default: the day they are writing about.
        path = new_update(data, session, title, day(date, "date", dt.date.today()))  # noqa: DTZ011
    except ScaffoldError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 1
    print(display_path(path, data.parent))
    return 0


def _new_session(data: Path, args: argparse.Namespace) -> int:
    try:
        start = day(args.start, "start", dt.date.today())  # noqa: DTZ011 - the editor's day
        path = new_session(data, args.session, args.kind, args.title, start,
                           day(args.end, "end", start), args.city)
    except ScaffoldError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 1
    print(display_path(path, data.parent))
    print(f'Its updates: make new-update SESSION={args.session} TITLE="..." DATE=YYYY-MM-DD')
    return 0


def _import_status(data: Path, source: str) -> int:
    try:
        result = import_status(data, source, today_utc())
    except StatusImportError as exc:
        for problem in exc.problems:
            print(f"error: {problem}", file=sys.stderr)
        print("Nothing was written.", file=sys.stderr)
        return 1
    print(result.summary)
    return 0


def _stale(generated: Generated, config: BuildConfig) -> list[Diagnostic]:
    """The warning that the treaty record is stale, read against the last commit: for editors
    and the weekly checks, never in the site's build."""
    dataset = generated.dataset
    if dataset.treaty is None:
        return []
    found = stale_record(dataset.treaty, dataset.documents["treaty-status.yaml"],
                         config.commit_date or head_commit_date(config.data_dir.parent))
    return [found] if found else []


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m build_tools",
                                     description="Check the data and generate the site's pages.")
    parser.add_argument("--data", type=Path, default=None,
                        help="data directory (default: data/, or $BRIEFING_DATA_DIR)")
    commands = parser.add_subparsers(dest="command", required=True)
    commands.add_parser("validate", help="check every data file; print every problem")
    build = commands.add_parser("build", help="write the generated Markdown to a directory")
    build.add_argument("--out", type=Path, required=True, help="output directory")
    site = commands.add_parser("site", help="build the whole site into site/")
    site.add_argument("--site-dir", type=Path, default=paths.REPO_ROOT / "site")
    site.add_argument("--engine", choices=ENGINES, default=ENGINES[0],
                      help="the site engine that reads mkdocs.yml (default: mkdocs)")
    scaffold = commands.add_parser("new-update", help="write the next update file of a session")
    scaffold.add_argument("session", help="session id, e.g. reconvened-concluding-session")
    scaffold.add_argument("title", help="title of the update, without its number")
    scaffold.add_argument("--date", default=None,
                          help="date of the update, YYYY-MM-DD (default: today)")
    session = commands.add_parser("new-session", help="write the session.yaml of a new session")
    session.add_argument("session", help="session id, its folder's name: e.g. seventh-session")
    session.add_argument("--kind", default="", help=f"one of: {', '.join(session_kinds())}")
    session.add_argument("--title", default=None, help="its name (default: from the id)")
    session.add_argument("--start", default=None, help="first day, YYYY-MM-DD (default: today)")
    session.add_argument("--end", default=None, help="last day, YYYY-MM-DD (default: the first)")
    session.add_argument("--city", default="", help="where it meets")
    commands.add_parser("schemas", help="regenerate the JSON Schemas of the data files")
    status = commands.add_parser(
        "import-status", help="add to data/treaty-status.yaml what the depositary's record "
                              "lists and it has not; print a summary")
    status.add_argument("source", nargs="?", default=DEFAULT_URL,
                        help="the depositary's XML document: an https address or a file "
                             "(default: the UN Treaty Collection's, chapter XVIII-16)")
    args = parser.parse_args(argv)
    if args.command == "site":
        return build_site(args.site_dir.resolve(), engine=args.engine)
    config = BuildConfig.from_environment(args.data)
    if args.command == "new-update":
        return _new_update(config.data_dir, args.session, args.title, args.date)
    if args.command == "new-session":
        return _new_session(config.data_dir, args)
    if args.command == "import-status":
        return _import_status(config.data_dir, args.source)
    if args.command == "schemas":
        for path in write_schemas():
            print(f"wrote {path.relative_to(paths.REPO_ROOT)}")
        return 0
    try:
        generated = generate(config)
    except DataError as exc:
        report.failure(exc)
        return 1
    if args.command == "validate":
        print(f"data is valid: {len(generated.files)} pages would be generated")
    else:
        written = write_files(generated.files, args.out)
        print(f"{len(written.written)} files written, {written.unchanged} unchanged, "
              f"{len(written.removed)} removed, in {args.out}")
    report.warnings([*generated.warnings, *_stale(generated, config)])  # last, where one looks
    return 0
