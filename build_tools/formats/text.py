"""Formatting rules for generated Markdown: dates, escaping. Pure and locale-free."""

from __future__ import annotations

import datetime as dt
import re
from typing import Protocol

from build_tools.prose.markdown import escape_html

MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August",
          "September", "October", "November", "December")

# One pass in C: HTML specials become entities, Markdown specials are backslash-escaped.
_MD_ESCAPES = str.maketrans({"&": "&amp;", "<": "&lt;", ">": "&gt;",
                             **{c: "\\" + c for c in "\\`*_[]|#"}})
_MD_SPECIAL = re.compile(r"[&<>\\`*_\[\]|#]")


def long_date(day: dt.date) -> str:
    """5 August 2024."""
    return f"{day.day} {MONTHS[day.month - 1]} {day.year}"


class Days(Protocol):
    """A day, or a span of days when the sources give no more (`models.treaty.Span`)."""

    @property
    def first(self) -> dt.date: ...

    @property
    def last(self) -> dt.date: ...


def day_span(days: Days) -> str:
    """One day -> '25 October 2025'; two -> '25 or 26 October 2025 (day not given)'; a longer
    span -> 'between 1 and 9 May 2026 (day not given)'."""
    shown = either_day(days)
    return shown if days.first == days.last else f"{shown} (day not given)"


def either_day(days: Days) -> str:
    """A day, or the days it may be: '14 December 2026', '14 or 15 December 2026', 'between 1
    and 9 May 2026'. For a date worked out from a span (entry into force), which the text beside
    it explains."""
    first, last = days.first, days.last
    if first == last:
        return long_date(first)
    if (last - first).days == 1:
        if first.month != last.month or first.year != last.year:
            return f"{long_date(first)} or {long_date(last)}"
        return date_range(first, last).replace("–", " or ", 1)
    return f"between {long_date(first)} and {long_date(last)}"


def date_range(start: dt.date, end: dt.date) -> str:
    """29 July – 9 August 2024; 21 August – 1 September 2023; 10–12 May 2021."""
    if start == end:
        return long_date(start)
    if start.year != end.year:
        return f"{long_date(start)} – {long_date(end)}"
    if start.month != end.month:
        return f"{start.day} {MONTHS[start.month - 1]} – {long_date(end)}"
    return f"{start.day}–{long_date(end)}"


def partial_date(value: str) -> str:
    """'2023-08' -> 'August 2023'; '2024' -> '2024'; '2023-09-14' -> '14 September 2023'."""
    parts = [int(p) for p in value.split("-")]
    if len(parts) == 3:
        return long_date(dt.date(*parts))
    if len(parts) == 2:
        return f"{MONTHS[parts[1] - 1]} {parts[0]}"
    return str(parts[0])


def md_text(value: str) -> str:
    """Plain text made safe inside Markdown: no HTML, emphasis, link or table syntax survives."""
    # Most text has nothing to escape; finding that out is cheaper than translating.
    return value.translate(_MD_ESCAPES) if _MD_SPECIAL.search(value) else value


def meta_description(words: str) -> str:
    """A page's description from its summary's lead (its first paragraph as plain text),
    HTML-escaped: the theme prints it into an attribute as it is."""
    if not words:
        return ""
    short = words if len(words) <= 200 else words[:197].rsplit(" ", 1)[0] + "…"
    return escape_html(short)


_ROMAN = (("X", 10), ("IX", 9), ("V", 5), ("IV", 4), ("I", 1))


def roman(number: int) -> str:
    """Chapter numbers as the convention writes them: 4 -> 'IV' (up to 39)."""
    out = ""
    for letters, value in _ROMAN:
        while number >= value:
            out, number = out + letters, number - value
    return out
