"""`new-update` and `new-session`: the files an editor adds, written ready to fill in.

An update is written unpublished, with an empty summary and body: until both are
written `validate` says so at their lines, and until the `unpublished` line is
deleted the update stays out of the site.

A session is written with what the editor gave (its folder's name, its kind, its days
and city) and its optional fields as comments. Its kinds are read from the model
(`models/session.py`), so that a kind added there can be scaffolded at once.
"""

from __future__ import annotations

import datetime as dt
import json
import re
import unicodedata
from pathlib import Path

from pydantic import TypeAdapter, ValidationError

from build_tools.english import did_you_mean, quoted_list
from build_tools.load.layout import next_update_number, place
from build_tools.models.base import IsoDate, PlainText
from build_tools.models.session import Session
from build_tools.validate.stage import ends_before_start

SLUG_WORDS = 8
_TITLE: TypeAdapter[str] = TypeAdapter(PlainText)


_DAY: TypeAdapter[dt.date] = TypeAdapter(IsoDate)
SESSION_USAGE = ('usage: make new-session SESSION=<session-id> KIND=<kind> START=YYYY-MM-DD '
                 'END=YYYY-MM-DD CITY="City" [TITLE="Title"]')


class ScaffoldError(Exception):
    """A request the editor can correct; the message says how."""


def day(value: str | None, field: str, default: dt.date) -> dt.date:
    """A date as the editor wrote it on the command line, read by the data's own rule."""
    if not value:
        return default
    try:
        return _DAY.validate_python(value)
    except ValidationError as exc:
        raise ScaffoldError(f"{field}: {exc.errors()[0]['msg']}") from None


def slugify(title: str) -> str:
    ascii_title = unicodedata.normalize("NFKD", title).encode("ascii", "ignore").decode()
    words = re.findall(r"[a-z0-9]+", ascii_title.lower())
    return "-".join(words[:SLUG_WORDS]) or "update"


def next_number(updates_dir: Path) -> int:
    return next_update_number(p.name for p in updates_dir.glob("*.yaml"))


def update_template(number: int, title: str, day: dt.date, depth: int) -> str:
    schema = "../" * depth + "build_tools/schemas/update.schema.json"
    return (f"# yaml-language-server: $schema={schema}\n"
            f"number: {number}\n"
            f"title: {json.dumps(title, ensure_ascii=False)}\n"
            f"date: {day.isoformat()}\n"
            "# The update stays out of the site until you delete the next line.\n"
            "unpublished: true\n"
            "summary: \"\"\n"
            "body: |\n"
            "\n"
            "sources: []\n")


def new_update(data_dir: Path, session_id: str, title: str, day: dt.date) -> Path:
    session_dir = data_dir / "sessions" / session_id
    if not (session_dir / "session.yaml").is_file():
        known = sorted(p.parent.name for p in (data_dir / "sessions").glob("*/session.yaml"))
        hint = did_you_mean(session_id, known, f"the sessions are: {', '.join(known)}")
        raise ScaffoldError(f"there is no session '{session_id}'; {hint}")
    try:  # the rule of the update file's own title field, so that the new file validates
        title = _TITLE.validate_python(title)
    except ValidationError as exc:
        raise ScaffoldError(f"title: {exc.errors()[0]['msg']}") from None
    updates_dir = session_dir / "updates"
    number = next_number(updates_dir) if updates_dir.is_dir() else 1
    target = updates_dir / f"{number:02d}-{slugify(title)}.yaml"
    updates_dir.mkdir(parents=True, exist_ok=True)
    depth = len(target.relative_to(data_dir.parent).parts) - 1
    target.write_text(update_template(number, title.strip(), day, depth), encoding="utf-8")
    return target


def session_kinds() -> tuple[str, ...]:
    """The kinds of session the site knows, as the model (and its JSON Schema) lists them."""
    kinds: list[str] = Session.model_json_schema()["properties"]["kind"]["enum"]
    return tuple(kinds)


def session_title(session_id: str) -> str:
    """'seventh-session' -> 'Seventh session': the title when the editor gives none."""
    return session_id.replace("-", " ").capitalize()


def session_template(title: str, kind: str, start: dt.date, end: dt.date, city: str) -> str:
    kinds = ", ".join(session_kinds())
    return ("# yaml-language-server: $schema=../../../build_tools/schemas/session.schema.json\n"
            f"title: {json.dumps(title, ensure_ascii=False)}\n"
            f"# One of: {kinds}.\n"
            f"kind: {kind}\n"
            f"start: {start.isoformat()}\n"
            f"end: {end.isoformat()}\n"
            f"city: {json.dumps(city, ensure_ascii=False)}\n"
            "# The id in data/drafts.yaml of the text on the table, once it is known:\n"
            "# draft: updated-draft\n"
            "# What happened, in Markdown, once there is something to say:\n"
            "# summary: |\n"
            "#   The committee met to ...\n"
            "documents: []\n"
            "sources: []\n")


def new_session(data_dir: Path, session_id: str, kind: str, title: str | None,
                start: dt.date, end: dt.date, city: str) -> Path:
    """data/sessions/<session_id>/session.yaml, written to validate as it stands (but for a
    city not given, which `validate` then asks for at its line)."""
    if not session_id or not kind:
        raise ScaffoldError(f"{SESSION_USAGE}; the kinds are {quoted_list(session_kinds(), 'or')}")
    relative = Path("sessions", session_id, "session.yaml")
    placed = place(relative.as_posix())  # the folder name's rule, as the data's layout has it
    if placed is None or placed.problem:
        raise ScaffoldError(placed.problem if placed and placed.problem else
                            f"'{session_id}' cannot be a session's folder name")
    target = data_dir / relative
    if target.exists():
        raise ScaffoldError(f"the session '{session_id}' exists already: {target.name} is in its "
                            "folder")
    if kind not in session_kinds():
        kinds = session_kinds()
        hint = did_you_mean(kind, kinds, f"the kinds are {quoted_list(kinds, 'or')}")
        raise ScaffoldError(f"kind: unknown kind '{kind}'; {hint}")
    backwards = ends_before_start(start, end)
    if backwards:
        raise ScaffoldError(backwards)
    try:
        title = _TITLE.validate_python(title or session_title(session_id))
    except ValidationError as exc:
        raise ScaffoldError(f"title: {exc.errors()[0]['msg']}") from None
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(session_template(title, kind, start, end, city.strip()), encoding="utf-8")
    return target
