"""`unpublished: true`: the update is checked like any other and is nowhere in the site."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from build_tools.errors import DataError
from tests.conftest import MINIMAL_DATA, build

NOT_YET = "sessions/alpha-session/updates/04-not-yet.yaml"
UPDATE = """\
number: 4
title: Zanzibar negotiations
date: 2023-08-23
unpublished: true
summary: A summary nobody may read yet.
body: |
  Delegates argued over article 1 and [the first day](/sessions/alpha-session/updates/01-opening-day/).
"""


def test_the_site_is_byte_for_byte_the_site_without_it(data_tree: Callable[..., Path]) -> None:
    with_it = build(data_tree({NOT_YET: UPDATE})).files
    without = build(MINIMAL_DATA).files
    assert with_it == without
    everything = b"".join(with_it.values())
    assert b"Zanzibar" not in everything and b"04-not-yet" not in everything
    assert {"index.md", "updates/index.md", "sessions/alpha-session/index.md",
            "feed.xml"} <= {p for p in with_it if not p.startswith("sessions/alpha-session/u")}


def test_deleting_the_line_publishes_it(data_tree: Callable[..., Path]) -> None:
    files = build(data_tree({NOT_YET: UPDATE.replace("unpublished: true\n", "")})).files
    assert "sessions/alpha-session/updates/04-not-yet.md" in files
    for page in ("index.md", "updates/index.md", "sessions/alpha-session/index.md", "feed.xml",
                 "sessions/alpha-session/feed.xml", "convention/article-1.md"):
        assert b"Zanzibar" in files[page], page


def test_it_is_still_checked(data_tree: Callable[..., Path]) -> None:
    broken = UPDATE.replace("date: 2023-08-23", "date: 2023-08-32").replace(
        "/01-opening-day/", "/01-no-such-day/")
    with pytest.raises(DataError) as caught:
        build(data_tree({NOT_YET: broken}))
    assert caught.value.report().splitlines()[0] == (
        f"data/{NOT_YET}:3:7: error: date: expected a date YYYY-MM-DD that exists in the "
        "calendar, received '2023-08-32'")
    with pytest.raises(DataError) as caught:
        build(data_tree({NOT_YET: UPDATE.replace("/01-opening-day/", "/01-no-such-day/")}))
    assert caught.value.report().splitlines()[0] == (
        f"data/{NOT_YET}:7:3: error: body: the link '/sessions/alpha-session/updates/"
        "01-no-such-day/' points to no page of this site")
