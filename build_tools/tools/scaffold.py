"""`new-update`: write the next numbered update file of a session, ready to fill in.

The file is written unpublished, with an empty summary and body: until both are
written `validate` says so at their lines, and until the `unpublished` line is
deleted the update stays out of the site.
"""

from __future__ import annotations

import datetime as dt
import json
import re
import unicodedata
from pathlib import Path

from pydantic import TypeAdapter, ValidationError

from build_tools.english import did_you_mean
from build_tools.load.layout import next_update_number
from build_tools.models.base import PlainText

SLUG_WORDS = 8
_TITLE: TypeAdapter[str] = TypeAdapter(PlainText)


class ScaffoldError(Exception):
    """A request the editor can correct; the message says how."""


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
