"""Wording shared by messages and pages: plurals, field paths, "did you mean". A leaf module."""

from __future__ import annotations

import difflib
from collections.abc import Callable, Iterable

# What a message may quote of the value it is about: enough to recognise it, never the
# whole of a long text (a message is one line; a hostile file must not make it huge).
EXCERPT_CHARS = 60
# Longer names get no "did you mean": fuzzy matching costs as much as they are long, and no
# name of the data is that long.
MAX_NAME = 64


def plural(count: int, noun: str) -> str:
    """1 error, 2 errors."""
    return f"{count} {noun}" if count == 1 else f"{count} {noun}s"


def listed(items: Iterable[str]) -> str:
    """'4, 6 and 14': a list as a sentence names it."""
    names = list(items)
    return ", ".join(names[:-1]) + " and " + names[-1] if len(names) > 1 else "".join(names)


Path = tuple[str | int, ...]
# Lists whose items are not named by dropping the final s.
_ITEM_NOUNS = {"aliases": "alias", "next": "next step"}


def field_path(at: Iterable[str | int], line_of: Callable[[Path], int] | None = None) -> str:
    """A field as messages name it, items counted from one as an editor counts them, with the
    line of the innermost one (`line_of`: a path's line in its file); editors do not count
    from zero, and in a list of a hundred items the line finds the item.

    ('date',) -> 'date'; ('on', 'article') -> 'on.article';
    ('events', 115, 'action') -> 'action of the 116th event, line 470';
    ('milestones', 2, 'sources', 0) -> 'the 1st source of the 3rd milestone, line 52'."""
    parts = tuple(at)
    items = [i for i, part in enumerate(parts) if isinstance(part, int)]
    if not items:
        return ".".join(str(part) for part in parts)
    last = items[-1]
    named = [_item(parts, start, index) for start, index in zip([-1, *items], items, strict=False)]
    out = " of ".join(reversed(named))
    rest = ".".join(str(part) for part in parts[last + 1:])
    if rest and rest != item_noun(str(parts[last - 1])):  # not "term of the 2nd term"
        out = f"{rest} of {out}"
    return f"{out}, line {line_of(parts[: last + 1])}" if line_of else out


def _item(parts: Path, previous: int, index: int) -> str:
    """The item at `parts[index]` (a position), named after its list: 'the 3rd milestone';
    a list inside a mapping of an item keeps the mapping's names: 'the 2nd paragraph of on'."""
    position = parts[index]
    assert isinstance(position, int)
    names = [str(part) for part in parts[previous + 1: index]]
    noun = item_noun(names[-1]) if names else "item"
    within = ".".join(names[:-1])
    return f"the {ordinal(position + 1)} {noun}" + (f" of {within}" if within else "")


def item_noun(list_name: str) -> str:
    """An item of the list `list_name`: 'events' -> 'event', 'requested_by' -> 'entry of
    requested_by'."""
    if list_name in _ITEM_NOUNS:
        return _ITEM_NOUNS[list_name]
    if list_name.endswith("s"):
        return list_name[:-1].replace("_", " ")
    return f"entry of {list_name}"


def ordinal(number: int) -> str:
    """1 -> '1st', 2 -> '2nd', 11 -> '11th', 116 -> '116th'."""
    suffix = "th" if 10 <= number % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(number % 10, "th")
    return f"{number}{suffix}"


def closest(value: str, known: Iterable[str]) -> str | None:
    """The known name closest to a misspelt one, if one is close enough."""
    if len(value) > MAX_NAME:
        return None
    found = difflib.get_close_matches(value, sorted(known), n=1, cutoff=0.6)
    return found[0] if found else None


def closest_names(value: str, known: Iterable[str], count: int = 3) -> list[str]:
    """Up to `count` known names close to `value`, closest first: a name that matches none
    is usually a known one written another way, and the editor needs candidates."""
    if len(value) > MAX_NAME:
        return []
    return difflib.get_close_matches(value, sorted(set(known)), n=count, cutoff=0.6)


def typos_of(value: str, known: Iterable[str]) -> list[str]:
    """The known names `value` would be with one typo fixed (a letter added, dropped or changed,
    or two letters swapped), sorted. Stricter than `closest`: where a missing entry is as likely
    as a misspelt one, only a name this close is worth suggesting ('brasil' is 'brazil';
    'argentina' is not 'algeria', nor 'south-korea' 'north-korea')."""
    if len(value) > MAX_NAME:
        return []
    return sorted({name for name in known if _one_edit(value, name)})


def _one_edit(a: str, b: str) -> bool:
    if a == b or abs(len(a) - len(b)) > 1:
        return False
    if len(a) > len(b):
        a, b = b, a
    start = next((i for i, (x, y) in enumerate(zip(a, b, strict=False)) if x != y), len(a))
    if len(a) < len(b):
        return a[start:] == b[start + 1:]
    swapped = a[start + 2:] == b[start + 2:] and a[start:start + 2] == b[start:start + 2][::-1]
    return a[start + 1:] == b[start + 1:] or swapped


def quoted_list(values: Iterable[str], last: str = "and") -> str:
    """'a', 'b' and 'c' (or 'a', 'b' or 'c'), as a message lists names."""
    quoted = [f"'{v}'" for v in values]
    if len(quoted) < 2:
        return "".join(quoted)
    return f"{', '.join(quoted[:-1])} {last} {quoted[-1]}"


def did_you_mean(value: str, known: Iterable[str], otherwise: str) -> str:
    """"did you mean 'x'?" with the closest known name, else `otherwise`."""
    close = closest(value, known)
    return suggest(close) if close else otherwise


def suggest(*names: str) -> str:
    """The name an editor probably meant: "did you mean 'title'?" ("'a' or 'b'?" for two)."""
    return f"did you mean {quoted_list(names, 'or')}?"


def received(expectation: str, value: object, joiner: str = ",") -> str:
    """A value that does not fit, after what was expected:
    "expected a date YYYY-MM-DD, received '2024-13-05'"."""
    shown = "nothing" if value is None else excerpt(value)
    return f"{expectation}{joiner} received {shown}"


def unknown(kind: str, value: str, known: Iterable[str], listed_in: str) -> str:
    """A reference to something that does not exist, with the closest name or where the
    known ones are: "unknown draft 'x'; did you mean 'y'?"."""
    hint = did_you_mean(value, known, f"the {kind}s are listed in {listed_in}")
    return f"unknown {kind} {excerpt(value)}; {hint}"


def excerpt(value: object, limit: int = EXCERPT_CHARS) -> str:
    """A value as a message quotes it: text in single quotes, cut to `limit` characters
    with an ellipsis, control characters shown as escapes; anything else as its repr, cut."""
    if isinstance(value, str):
        return f"'{one_line(value, limit)}'"
    if isinstance(value, int) and value.bit_length() > 4 * limit:
        return f"a number of about {value.bit_length() * 3 // 10} digits"  # repr() could refuse it
    return one_line(repr(value), limit)


def one_line(text: str, limit: int) -> str:
    """`text` on one line of at most `limit` characters: control characters escaped, an
    ellipsis where it is cut."""
    cut = len(text) > limit
    text = text[:limit]  # only the start is shown: a long value costs nothing more
    if not text.isprintable():
        text = "".join(c if c.isprintable() else repr(c)[1:-1] for c in text)
    if cut or len(text) > limit:
        text = text[: limit - 1] + "…"
    return text
