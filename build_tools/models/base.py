"""Field types shared by every kind of data file.

The messages here are what an editor reads: each says what was expected and
what was received. The models check types and formats only; rules that need
more than one field or file live in `validate.py`.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Annotated, Any

from pydantic import BaseModel, BeforeValidator, ConfigDict, WithJsonSchema
from pydantic_core import PydanticCustomError

from build_tools.english import received


class Model(BaseModel):
    """Frozen, and an unknown field is an error (a typo like `tittle:` must not pass)."""

    model_config = ConfigDict(frozen=True, extra="forbid", str_strip_whitespace=False)


_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")
_PARTIAL_DATE = re.compile(r"\d{4}(-\d{2}(-\d{2})?)?")
_ID = re.compile(r"[a-z0-9]+(-[a-z0-9]+)*")


def _fail(kind: str, expected: str, value: Any) -> PydanticCustomError:
    return PydanticCustomError(kind, "{message}", {"message": received(expected, value)})


def _iso_date(value: Any) -> dt.date:
    if isinstance(value, dt.date):
        return value
    expected = "expected a date YYYY-MM-DD"
    if not isinstance(value, str) or not _DATE.fullmatch(value):
        raise _fail("iso_date", expected, value)
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise _fail("iso_date", f"{expected} that exists in the calendar", value) from None


def _partial_date(value: Any) -> str:
    expected = "expected a date written YYYY, YYYY-MM or YYYY-MM-DD in quotes"
    if isinstance(value, int):
        value = str(value)
    if not isinstance(value, str) or not _PARTIAL_DATE.fullmatch(value):
        raise _fail("partial_date", expected, value)
    if len(value) == 10:
        _iso_date(value)
    elif len(value) == 7 and not 1 <= int(value[5:]) <= 12:
        raise _fail("partial_date", f"{expected} with a month from 01 to 12", value)
    return value


def _plain_text(value: Any) -> str:
    if not isinstance(value, str):
        raise _fail("plain_text", "expected text", value)
    if not value.strip():
        raise _fail("plain_text", "expected some text", value)
    if "<" in value or ">" in value:
        raise _fail("plain_text", "expected plain text without '<' or '>'", value)
    return value.strip()


def _markdown(value: Any) -> str:
    if not isinstance(value, str):
        raise _fail("markdown", "expected text (Markdown)", value)
    return value


def _written(what: str) -> Any:
    """A Markdown field that must hold some text: an empty one would publish a blank."""

    def check(value: Any) -> str:
        if value is None or (isinstance(value, str) and not value.strip()):
            raise PydanticCustomError("empty_text", "nothing is written here; {what}", {"what": what})
        return _markdown(value)

    return check


def _flag(value: Any) -> bool:
    if not isinstance(value, bool):
        raise _fail("flag", "expected true or false", value)
    return value


def _identifier(value: Any) -> str:
    if not isinstance(value, str) or not _ID.fullmatch(value):
        raise _fail("identifier", "expected an id in lowercase letters, digits and hyphens", value)
    return value


def _web_url(value: Any) -> str:
    if not isinstance(value, str) or not re.fullmatch(r"https?://[^\s<>\"]+", value):
        raise _fail("web_url", "expected a web address starting with https:// or http://", value)
    return value


IsoDate = Annotated[dt.date, BeforeValidator(_iso_date)]
# The validators give editors the messages; WithJsonSchema gives editors' tools the same rule.
PartialDate = Annotated[str, BeforeValidator(_partial_date),
                        WithJsonSchema({"type": "string", "pattern": f"^{_PARTIAL_DATE.pattern}$"})]
PlainText = Annotated[str, BeforeValidator(_plain_text),
                      WithJsonSchema({"type": "string", "minLength": 1, "pattern": "^[^<>]*$"})]
Markdown = Annotated[str, BeforeValidator(_markdown)]
_SOME_TEXT = WithJsonSchema({"type": "string", "pattern": "\\S"})
# An update's two texts, which lists, the home page and the feeds show.
Summary = Annotated[str, BeforeValidator(_written(
    "write one or two plain sentences for the lists, the home page and the feed")), _SOME_TEXT]
Body = Annotated[str, BeforeValidator(_written("write the text of the update (Markdown)")),
                 _SOME_TEXT]
Flag = Annotated[bool, BeforeValidator(_flag), WithJsonSchema({"type": "boolean"})]
Identifier = Annotated[str, BeforeValidator(_identifier),
                       WithJsonSchema({"type": "string", "pattern": f"^{_ID.pattern}$"})]
WebUrl = Annotated[str, BeforeValidator(_web_url),
                   WithJsonSchema({"type": "string", "pattern": "^https?://[^\\s<>\"]+$"})]
