"""Every way the issue lists for an editor's file to be wrong gets one exact, located sentence."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from build_tools.errors import DataError
from tests.conftest import build

UPDATES = "sessions/alpha-session/updates"
GOOD_UPDATE = """\
number: 4
title: A fourth day
date: 2023-08-23
summary: Short.
body: Text.
"""


def problems(data: Path) -> list[str]:
    with pytest.raises(DataError) as caught:
        build(data)
    return caught.value.report().splitlines()


CASES: dict[str, tuple[dict[str, str | bytes], list[str]]] = {
    "yaml syntax error": (
        {f"{UPDATES}/04-x.yaml": "number: 4\ntitle: Day: four\n"},
        ["data/sessions/alpha-session/updates/04-x.yaml:2:11: error: YAML syntax error: mapping "
         "values are not allowed in this context (a value contains ': '; put the whole value in "
         "double quotes)"],
    ),
    "tab in indentation": (
        {f"{UPDATES}/04-x.yaml": GOOD_UPDATE + "sources:\n\t- ref: brief-one\n"},
        ["data/sessions/alpha-session/updates/04-x.yaml:7:1: error: a tab is used for "
         "indentation; indent with spaces"],
    ),
    "empty file": (
        {f"{UPDATES}/04-x.yaml": ""},
        ["data/sessions/alpha-session/updates/04-x.yaml:1:1: error: the file is empty; expected "
         "the fields number, title, date, summary, body"],
    ),
    "not utf-8": (
        {f"{UPDATES}/04-x.yaml": GOOD_UPDATE.replace("Text.", "Caf\xe9.").encode("latin-1")},
        ["data/sessions/alpha-session/updates/04-x.yaml:5:10: error: the file is not UTF-8 text "
         "(byte 0xE9 cannot be read); save it with the UTF-8 encoding"],
    ),
    "duplicate key": (
        {f"{UPDATES}/04-x.yaml": GOOD_UPDATE + "title: Again\n"},
        ["data/sessions/alpha-session/updates/04-x.yaml:6:1: error: duplicate key 'title' "
         "(first given at line 2)"],
    ),
    "missing required field": (
        {f"{UPDATES}/04-x.yaml": GOOD_UPDATE.replace("date: 2023-08-23\n", "")},
        ["data/sessions/alpha-session/updates/04-x.yaml:1:1: error: missing required field 'date'"],
    ),
    "unknown field": (
        {f"{UPDATES}/04-x.yaml": GOOD_UPDATE.replace("title:", "tittle:")},
        ["data/sessions/alpha-session/updates/04-x.yaml:2:1: error: unknown field 'tittle'; "
         "did you mean 'title'?"],
    ),
    "wrong type": (
        {f"{UPDATES}/04-x.yaml": GOOD_UPDATE.replace("number: 4", "number: four")},
        ["data/sessions/alpha-session/updates/04-x.yaml:1:9: error: number: expected a whole "
         "number, received 'four'"],
    ),
    "malformed date": (
        {f"{UPDATES}/04-x.yaml": GOOD_UPDATE.replace("2023-08-23", "23 August 2023")},
        ["data/sessions/alpha-session/updates/04-x.yaml:3:7: error: date: expected a date "
         "YYYY-MM-DD, received '23 August 2023'"],
    ),
    "impossible date": (
        {f"{UPDATES}/04-x.yaml": GOOD_UPDATE.replace("2023-08-23", "2024-02-30")},
        ["data/sessions/alpha-session/updates/04-x.yaml:3:7: error: date: expected a date "
         "YYYY-MM-DD that exists in the calendar, received '2024-02-30'"],
    ),
    "number used twice": (
        {f"{UPDATES}/04-x.yaml": GOOD_UPDATE,
         f"{UPDATES}/04-y.yaml": GOOD_UPDATE},
        ["data/sessions/alpha-session/updates/04-y.yaml:1:9: error: number: 4 is already used "
         "by 04-x.yaml in this session"],
    ),
    "number disagrees with file name": (
        {f"{UPDATES}/05-x.yaml": GOOD_UPDATE},
        ["data/sessions/alpha-session/updates/05-x.yaml:1:9: error: number: 4 does not match "
         "the file name, which starts with 05; rename the file or change the number"],
    ),
    "update before the session": (
        {f"{UPDATES}/04-x.yaml": GOOD_UPDATE.replace("2023-08-23", "2023-08-20")},
        ["data/sessions/alpha-session/updates/04-x.yaml:3:7: error: date: 2023-08-20 is before "
         "the session starts (2023-08-21)"],
    ),
    "unknown draft": (
        {f"{UPDATES}/04-x.yaml": GOOD_UPDATE + "draft: second-txt\n"},
        ["data/sessions/alpha-session/updates/04-x.yaml:6:8: error: unknown draft 'second-txt'; "
         "did you mean 'second-text'?"],
    ),
    "update folder without session.yaml": (
        {"sessions/gamma-session/updates/01-x.yaml": GOOD_UPDATE.replace("number: 4",
                                                                          "number: 1")},
        ["data/sessions/gamma-session/updates/01-x.yaml:1:1: error: the session folder "
         "data/sessions/gamma-session/ has no session.yaml; add it, or move this update into "
         "an existing session"],
    ),
    "yml extension": (
        {f"{UPDATES}/04-x.yml": GOOD_UPDATE},
        ["data/sessions/alpha-session/updates/04-x.yml:1:1: error: '04-x.yml' ends in .yml; "
         "name it with .yaml so that it is read"],
    ),
    "stray file": (
        {"notes.txt": "to do"},
        ["data/notes.txt:1:1: error: this file is not part of the data; data/ holds "
         "sources.yaml, drafts.yaml, status.yaml, states.yaml, positions.yaml, votes.yaml, glossary.yaml, "
         "sessions/<session-id>/session.yaml with sessions/<session-id>/updates/NN-slug.yaml, "
         "tables/<table-id>.yaml, convention/chapters.yaml, convention/articles/NN.yaml and "
         "convention/provisions/<provision-id>.yaml"],
    ),
    "unknown source": (
        {f"{UPDATES}/04-x.yaml": GOOD_UPDATE + "sources:\n  - ref: brief-on\n"},
        ["data/sessions/alpha-session/updates/04-x.yaml:7:10: error: unknown source 'brief-on'; "
         "did you mean 'brief-one'?"],
    ),
    "unsafe link": (
        {f"{UPDATES}/04-x.yaml": GOOD_UPDATE.replace(
            "body: Text.", "body: |\n  Fine.\n\n  [Click](javascript:alert(1))\n")},
        ["data/sessions/alpha-session/updates/04-x.yaml:8:3: error: body: the link "
         "'javascript:alert(1)' is not allowed; use an http(s) or mailto address, or a path on "
         "this site starting with '/'"],
    ),
    "link to a missing page": (
        {f"{UPDATES}/04-x.yaml": GOOD_UPDATE.replace("body: Text.",
                                                     "body: See [it](/sessions/nowhere/).")},
        ["data/sessions/alpha-session/updates/04-x.yaml:5:7: error: body: the link "
         "'/sessions/nowhere/' points to no page of this site"],
    ),
}


@pytest.mark.parametrize("case", list(CASES))
def test_exact_message(case: str, data_tree: Callable[..., Path]) -> None:
    files, expected = CASES[case]
    lines = problems(data_tree(files))
    assert lines[:-1] == expected
    assert lines[-1].startswith("Build stopped: ")


def test_every_problem_in_every_file_is_reported(data_tree: Callable[..., Path]) -> None:
    data = data_tree({
        f"{UPDATES}/04-x.yaml": GOOD_UPDATE.replace("2023-08-23", "2024-02-30"),
        "sessions/beta-session/session.yaml": "title: Beta\nkind: plenary\n",
    })
    lines = problems(data)
    assert lines == [
        "data/sessions/alpha-session/updates/04-x.yaml:3:7: error: date: expected a date "
        "YYYY-MM-DD that exists in the calendar, received '2024-02-30'",
        "data/sessions/beta-session/session.yaml:1:1: error: missing required field 'city'",
        "data/sessions/beta-session/session.yaml:1:1: error: missing required field 'end'",
        "data/sessions/beta-session/session.yaml:1:1: error: missing required field 'start'",
        "data/sessions/beta-session/session.yaml:2:7: error: kind: expected one of "
        "organizational, negotiating, concluding or intersessional; received 'plenary'",
        "Build stopped: 5 errors and 0 warnings in 2 files.",
    ]


def test_update_after_the_session_is_a_warning(data_tree: Callable[..., Path]) -> None:
    data = data_tree({f"{UPDATES}/04-x.yaml": GOOD_UPDATE.replace("2023-08-23", "2023-09-02")})
    generated = build(data)
    assert [str(w) for w in generated.warnings] == [
        "data/sessions/alpha-session/updates/04-x.yaml:3:7: warning: date: 2023-09-02 is after "
        "the session ended (2023-09-01)"
    ]
