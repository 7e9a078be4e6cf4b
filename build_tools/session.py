"""The build session: the one owner of what outlives a build.

A build is one call of `pipeline.generate`. What it leaves for the next build of
the same process (the rebuilds of a server) lives here, and nowhere else:

- the entries of the cache files read or written (`cache.CacheFiles`), and whether
  a build may leave them in memory, to be written when the server stops;
- the page memo: pages and parts of pages kept by the frozen values they are made
  from, so that a rebuild renders again only what an edit changed;
- the template environment, whose compiled templates Jinja keeps until a template
  file changes;
- what the writer last left in each directory (`write.Written`);
- the chart worker a server keeps between builds (`charts.files.ChartWorkers`);
- the collector policy.

The command line makes one session per call; the engine adapter makes one for
the life of a server. The code version is the cache's (`cache.version`): the
modules as this process imported them, the templates as each build finds them.
"""

from __future__ import annotations

import contextlib
import gc
from collections.abc import Callable, Hashable, Iterator
from pathlib import Path
from typing import Any, TypeVar

import jinja2

from build_tools import cache
from build_tools.cache import CacheFiles
from build_tools.charts.files import ChartWorkers
from build_tools.render.context import make_environment
from build_tools.write import Written

T = TypeVar("T")
_MISSING: Any = object()


class PageMemo:
    """Values made by pure functions of frozen values, kept for the next build: each build
    keeps those it used, so that the memo holds one build's pages, whatever their number."""

    def __init__(self) -> None:
        self._kept: dict[tuple[Any, ...], Any] = {}
        self._used: dict[tuple[Any, ...], Any] = {}

    def __call__(self, make: Callable[..., T], *args: Hashable) -> T:
        """`make(*args)`, or what it gave for equal arguments in this build or the last."""
        key = (make, args)
        value = self._used.get(key, _MISSING)
        if value is _MISSING:
            value = self._kept.get(key, _MISSING)
            if value is _MISSING:
                value = make(*args)
            self._used[key] = value
        return value  # type: ignore[no-any-return]

    def end_build(self, succeeded: bool) -> None:
        """A build that failed half-way keeps what the last one made, too."""
        if succeeded:
            self._kept = self._used
        else:
            self._kept.update(self._used)
        self._used = {}

    def __len__(self) -> int:
        return len(self._kept)


class BuildSession:
    """What outlives one build. `serving`: the process builds again and again (`mkdocs serve`),
    so caches may wait in memory and the first build's objects are set apart from the cycle
    collector."""

    def __init__(self, serving: bool = False) -> None:
        self.serving = serving
        self.cache_files = CacheFiles()
        self.pages = PageMemo()
        self.written: dict[str, Written] = {}  # what the writer left, by purpose
        self.charts = ChartWorkers(keep=serving)
        self.builds = 0
        self._environments: dict[Path | None, jinja2.Environment] = {}
        self._frozen = False

    def version(self) -> str:
        """The code version for this build: the modules this process runs, the templates now."""
        return cache.version()

    @property
    def caches_wait(self) -> bool:
        """Whether this build may leave its caches in memory (`flush` writes them): a
        server's rebuild, which the editor is waiting for."""
        return self.serving and self.builds > 0

    def environment(self, bytecode_dir: Path | None) -> jinja2.Environment:
        """The template environment, made once per session: Jinja loads a template again
        when its file changes."""
        if bytecode_dir not in self._environments:
            self._environments[bytecode_dir] = make_environment(bytecode_dir)
        return self._environments[bytecode_dir]

    def writer(self, purpose: str) -> Written:
        return self.written.setdefault(purpose, Written())

    @contextlib.contextmanager
    def build(self) -> Iterator[None]:
        """One build. Python's cycle collector is off while it runs: the build makes almost
        no garbage in cycles, and the collector's passes over the many objects of a large
        data set cost a quarter of its time."""
        enabled = gc.isenabled()
        gc.disable()
        succeeded = False
        try:
            yield
            succeeded = True
        finally:
            self.pages.end_build(succeeded)
            self.builds += 1
            if not self.serving:
                # A single build's objects straight to the oldest generation: else the first
                # collection after it would look at every one of them, for nothing.
                gc.freeze()
                gc.unfreeze()
            if enabled:
                gc.enable()

    def build_served(self) -> None:
        """After each whole build of a server (its pages written too). The first build's objects
        live as long as the server, and are left out of the collector's passes from now on
        (half a second of the first rebuilds at 1,000 updates); later builds never undo it. A
        chart worker waits, matplotlib imported, for the next edit that changes a chart."""
        if self.serving and not self._frozen:
            gc.collect()
            gc.freeze()
            self._frozen = True
        self.charts.warm()

    def stop(self) -> None:
        """The server stops: the caches it kept in memory are written for the next process,
        and its chart worker ends."""
        self.cache_files.flush()
        self.charts.close()
