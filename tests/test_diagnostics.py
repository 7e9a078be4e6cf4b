"""Every way the issue lists for an editor's file to be wrong gets one exact, located sentence."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from build_tools.english import field_path
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
        {f"{UPDATES}/04-x.yaml": GOOD_UPDATE.replace("A fourth day", "Day: four")},
        ["data/sessions/alpha-session/updates/04-x.yaml:2:11: error: YAML syntax error: mapping "
         "values are not allowed in this context (a value contains ': '; put the whole value in "
         "double quotes)"],
    ),
    "yaml syntax error, and what else the file holds": (
        {f"{UPDATES}/04-x.yaml": "number: 4\ntitle: Day: four\ndate: 2023-08-32\n"
                                 "sumary: Short.\nbody: Text.\n"},
        ["data/sessions/alpha-session/updates/04-x.yaml:2:11: error: YAML syntax error: mapping "
         "values are not allowed in this context (a value contains ': '; put the whole value in "
         "double quotes)",
         "data/sessions/alpha-session/updates/04-x.yaml:3:7: error: date: expected a date "
         "YYYY-MM-DD that exists in the calendar, received '2023-08-32'",
         "data/sessions/alpha-session/updates/04-x.yaml:4:1: error: unknown field 'sumary'; did "
         "you mean 'summary'?"],
    ),
    "a missing colon, and what else the file holds": (
        {f"{UPDATES}/04-x.yaml": GOOD_UPDATE.replace("title:", "title").replace("Text.", "")},
        ["data/sessions/alpha-session/updates/04-x.yaml:2:1: error: YAML syntax error: could not "
         "find expected ':' (a line is missing the ':' after its field name)",
         "data/sessions/alpha-session/updates/04-x.yaml:5:6: error: body: nothing is written "
         "here; write the text of the update (Markdown)"],
    ),
    "an unclosed quote": (
        {f"{UPDATES}/04-x.yaml": GOOD_UPDATE.replace("A fourth day", '"A fourth day')},
        ["data/sessions/alpha-session/updates/04-x.yaml:2:8: error: YAML syntax error: found "
         "unexpected end of stream (a quoted value is not closed; add its closing quote)"],
    ),
    "tab in indentation": (
        {f"{UPDATES}/04-x.yaml": GOOD_UPDATE + "sources:\n\t- ref: brief-one\n"},
        ["data/sessions/alpha-session/updates/04-x.yaml:7:1: error: a tab is used for "
         "indentation; indent with spaces"],
    ),
    "every tab line at once, and what else the file holds": (
        {f"{UPDATES}/04-x.yaml": GOOD_UPDATE.replace("body: Text.", "body: |\n\tText,\n\tmore.")
         .replace("2023-08-23", "2023-08-32")
         + "sources:\n\t- ref: brief-one\n\t  locater: p. 2\n  - ref: brief-one\n"},
        ["data/sessions/alpha-session/updates/04-x.yaml:3:7: error: date: expected a date "
         "YYYY-MM-DD that exists in the calendar, received '2023-08-32'"]
        + [f"data/sessions/alpha-session/updates/04-x.yaml:{line}:1: error: a tab is used for "
           "indentation; indent with spaces" for line in (6, 7, 9, 10)],
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
    "utf-16 without a byte-order mark": (
        {f"{UPDATES}/04-x.yaml": GOOD_UPDATE.encode("utf-16-le")},
        ["data/sessions/alpha-session/updates/04-x.yaml:1:1: error: the file is UTF-16 text, not "
         "UTF-8; save it again with the UTF-8 encoding"],
    ),
    "duplicate key": (
        {f"{UPDATES}/04-x.yaml": GOOD_UPDATE + "title: Again\n"},
        ["data/sessions/alpha-session/updates/04-x.yaml:6:1: error: duplicate key 'title' "
         "(first given at line 2)"],
    ),
    "duplicate key, and what else the file holds": (
        {f"{UPDATES}/04-x.yaml": GOOD_UPDATE.replace("2023-08-23", "2023-08-32") + "title: Again\n"},
        ["data/sessions/alpha-session/updates/04-x.yaml:3:7: error: date: expected a date "
         "YYYY-MM-DD that exists in the calendar, received '2023-08-32'",
         "data/sessions/alpha-session/updates/04-x.yaml:6:1: error: duplicate key 'title' "
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
         "by 04-x.yaml in this session; the next free number is 5: write number: 5 and name the "
         "file 05-y.yaml"],
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
         "sources.yaml, drafts.yaml, status.yaml, sessions/<session-id>/session.yaml, "
         "sessions/<session-id>/updates/NN-slug.yaml, tables/<table-id>.yaml, "
         "convention/chapters.yaml, convention/articles/NN.yaml, "
         "convention/provisions/<provision-id>.yaml, glossary.yaml, states.yaml, positions.yaml, "
         "votes.yaml and treaty-status.yaml"],
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
    "empty summary": (
        {f"{UPDATES}/04-x.yaml": GOOD_UPDATE.replace("summary: Short.", 'summary: ""')},
        ["data/sessions/alpha-session/updates/04-x.yaml:4:10: error: summary: nothing is written "
         "here; write one or two plain sentences for the lists, the home page and the feed"],
    ),
    "summary with no value": (
        {f"{UPDATES}/04-x.yaml": GOOD_UPDATE.replace("summary: Short.", "summary:")},
        ["data/sessions/alpha-session/updates/04-x.yaml:4:9: error: summary: nothing is written "
         "here; write one or two plain sentences for the lists, the home page and the feed"],
    ),
    "blank body": (
        {f"{UPDATES}/04-x.yaml": GOOD_UPDATE.replace("body: Text.", "body: |\n\n  \n")},
        ["data/sessions/alpha-session/updates/04-x.yaml:5:7: error: body: nothing is written "
         "here; write the text of the update (Markdown)"],
    ),
    "unpublished is not true or false": (
        {f"{UPDATES}/04-x.yaml": GOOD_UPDATE + "unpublished: yes\n"},
        ["data/sessions/alpha-session/updates/04-x.yaml:6:14: error: unpublished: expected true "
         "or false, received 'yes'"],
    ),
    "unpublished update is checked like any other": (
        {f"{UPDATES}/04-x.yaml": GOOD_UPDATE.replace("date: 2023-08-23", "date: 2023-08-20")
         + "unpublished: true\n"},
        ["data/sessions/alpha-session/updates/04-x.yaml:3:7: error: date: 2023-08-20 is before "
         "the session starts (2023-08-21)"],
    ),
    "link in an unpublished update": (
        {f"{UPDATES}/04-x.yaml": GOOD_UPDATE.replace(
            "body: Text.", "unpublished: true\nbody: |\n  Fine.\n\n  [Click](javascript:x)\n")},
        ["data/sessions/alpha-session/updates/04-x.yaml:9:3: error: body: the link "
         "'javascript:x' is not allowed; use an http(s) or mailto address, or a path on this "
         "site starting with '/'"],
    ),
    "link to an unpublished update": (
        {f"{UPDATES}/04-x.yaml": GOOD_UPDATE + "unpublished: true\n",
         f"{UPDATES}/05-y.yaml": GOOD_UPDATE.replace("number: 4", "number: 5").replace(
             "body: Text.", "body: See [4](/sessions/alpha-session/updates/04-x/).")},
        ["data/sessions/alpha-session/updates/05-y.yaml:5:7: error: body: the link "
         "'/sessions/alpha-session/updates/04-x/' points to no page of this site"],
    ),
    "alias": (
        {f"{UPDATES}/04-x.yaml": GOOD_UPDATE + "sources: *notes\n"},
        ["data/sessions/alpha-session/updates/04-x.yaml:6:10: error: the alias '*notes' is not "
         "allowed in data files; write the value out in full instead of referring to another "
         "one"],
    ),
    "two documents": (
        {f"{UPDATES}/04-x.yaml": GOOD_UPDATE + "---\n" + GOOD_UPDATE},
        ["data/sessions/alpha-session/updates/04-x.yaml:6:1: error: a second document starts "
         "here, and a data file holds one; remove the line '---' and what follows, or split "
         "the file"],
    ),
    "field name that is not text": (
        {f"{UPDATES}/04-x.yaml": GOOD_UPDATE + "[a, b]: c\n"},
        ["data/sessions/alpha-session/updates/04-x.yaml:6:1: error: a field name must be plain "
         "text"],
    ),
    "long value quoted in part": (
        {f"{UPDATES}/04-x.yaml": GOOD_UPDATE.replace("number: 4", "number: " + "x" * 5_000)},
        ["data/sessions/alpha-session/updates/04-x.yaml:1:9: error: number: expected a whole "
         "number, received 'xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx…'"],
    ),
    "more problems than are shown": (
        {f"{UPDATES}/04-x.yaml": GOOD_UPDATE + "".join(f"k{i:02}: x\n" for i in range(22))},
        [f"data/sessions/alpha-session/updates/04-x.yaml:{6 + i}:1: error: unknown field "
         f"'k{i:02}'; the fields are: number, title, date, summary, body, draft, sources, "
         "unpublished" for i in range(20)]
        + ["data/sessions/alpha-session/updates/04-x.yaml:26:1: error: 2 more problems in this "
           "file not shown; fix the ones above first"],
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
        "organizational, negotiating, concluding, intersessional, rules-of-procedure, protocol "
        "or conference-of-states-parties; received 'plenary'",
        "Build stopped: 5 errors and 0 warnings in 2 files.",
    ]


def test_update_after_the_session_is_a_warning(data_tree: Callable[..., Path]) -> None:
    data = data_tree({f"{UPDATES}/04-x.yaml": GOOD_UPDATE.replace("2023-08-23", "2023-09-02")})
    generated = build(data)
    assert [str(w) for w in generated.warnings] == [
        "data/sessions/alpha-session/updates/04-x.yaml:3:7: warning: date: 2023-09-02 is after "
        "the session ended (2023-09-01)"
    ]


def test_an_item_is_named_by_its_place_counted_from_one_and_its_line(
        data_tree: Callable[..., Path]) -> None:
    """In a long list an editor counts from one and looks for a line, not for `milestones[115]`."""
    milestones = "".join(f"  - date: 2023-01-{1 + i % 28:02}\n    title: Step {i + 1}\n"
                         for i in range(115))
    status = ("summary: Where it stands.\nmilestones:\n" + milestones
              + "  - date: 2023-02-30\n    title: The last step\n    sumary: x\n")
    assert problems(data_tree({"status.yaml": status}))[:-1] == [
        "data/status.yaml:233:11: error: date of the 116th milestone, line 233: expected a date "
        "YYYY-MM-DD that exists in the calendar, received '2023-02-30'",
        "data/status.yaml:235:5: error: the 116th milestone, line 233: unknown field 'sumary'; "
        "the fields are: date, title, body, sources, timeline_label",
    ]


@pytest.mark.parametrize(("path", "named"), [
    (("date",), "date"),
    (("on", "article"), "on.article"),
    (("events", 115, "action"), "action of the 116th event, line 9"),
    (("terms", 1, "term"), "the 2nd term, line 9"),
    (("milestones", 2, "sources", 0, "ref"), "ref of the 1st source of the 3rd milestone, line 9"),
    (("aliases", 10), "the 11th alias, line 9"),
    (("requested_by", 21), "the 22nd entry of requested_by, line 9"),
])
def test_field_paths_in_words(path: tuple[str | int, ...], named: str) -> None:
    assert field_path(path, lambda _at: 9) == named


def test_past_a_broken_item_the_items_after_it_keep_their_count(
        data_tree: Callable[..., Path]) -> None:
    """A list item whose first line is broken is set aside whole, and counts still: the wrong
    date after it is in the 3rd milestone, as the editor counts, not the 2nd."""
    status = ("summary: s\nmilestones:\n  - date: 2023-01-01\n    title: Opening\n"
              "  - title: Day: two\n    date: 2023-01-02\n"
              "  - date: 2023-02-30\n    title: Closing\n")
    assert problems(data_tree({"status.yaml": status}))[:-1] == [
        "data/status.yaml:5:15: error: YAML syntax error: mapping values are not allowed in this "
        "context (a value contains ': '; put the whole value in double quotes)",
        "data/status.yaml:7:11: error: date of the 3rd milestone, line 7: expected a date "
        "YYYY-MM-DD that exists in the calendar, received '2023-02-30'",
    ]


def test_a_tab_inside_a_text_block_is_text_not_a_mistake(data_tree: Callable[..., Path]) -> None:
    """Past its indentation a block's line may hold a tab (a code sample): only the tab lines
    the reader refuses are reported, whatever else the file gets wrong."""
    update = GOOD_UPDATE.replace("body: Text.", "body: |\n  Code:\n  \tx = 1\n").replace(
        "A fourth day", "Day: four")
    assert problems(data_tree({f"{UPDATES}/04-x.yaml": update}))[:-1] == [
        "data/sessions/alpha-session/updates/04-x.yaml:2:11: error: YAML syntax error: mapping "
        "values are not allowed in this context (a value contains ': '; put the whole value in "
        "double quotes)"]
