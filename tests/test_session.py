"""The build session: what outlives a build, and only there."""

from __future__ import annotations

import gc
from collections.abc import Callable
from pathlib import Path

from build_tools.session import BuildSession, PageMemo
from tests.conftest import build


def test_a_servers_first_build_stays_frozen_across_its_rebuilds(
        data_tree: Callable[..., Path], tmp_path: Path) -> None:
    """The objects the first build of a server keeps are left out of the collector's passes
    for the life of the server: a rebuild does not hand them back."""
    data = data_tree()
    session = BuildSession(serving=True)
    try:
        build(data, tmp_path / "cache", session=session)
        session.first_build_served()
        frozen = gc.get_freeze_count()
        assert frozen > 10_000
        for _ in range(2):
            build(data, tmp_path / "cache", session=session)
            session.first_build_served()
            # A rebuild frees some of them (the pages an edit replaced); it never thaws the rest.
            assert gc.get_freeze_count() > frozen * 0.9
    finally:
        gc.unfreeze()


def test_a_single_build_leaves_nothing_frozen(data_tree: Callable[..., Path],
                                              tmp_path: Path) -> None:
    before = gc.get_freeze_count()
    build(data_tree(), tmp_path / "cache", session=BuildSession())
    assert gc.get_freeze_count() == before and gc.isenabled()


def test_the_page_memo_holds_the_last_builds_pages_only() -> None:
    memo, made = PageMemo(), []

    def page(name: str) -> str:
        made.append(name)
        return name.upper()

    assert memo(page, "a") == "A" and memo(page, "b") == "B"
    memo.end_build(succeeded=True)
    assert memo(page, "a") == "A" and made == ["a", "b"]  # kept from the last build
    memo.end_build(succeeded=True)
    assert len(memo) == 1  # "b" was not used by the build that just ended
    memo(page, "c")
    memo.end_build(succeeded=False)  # a failed build keeps what the last one made, too
    assert len(memo) == 2
