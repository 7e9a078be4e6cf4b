"""Shared fixtures: data trees to break, golden-file comparison, a built and served site."""

from __future__ import annotations

import datetime as dt
import fcntl
import functools
import http.server
import os
import shutil
import subprocess
import threading
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from build_tools import paths
from build_tools.config import BuildConfig
from build_tools.engine.publish import build_site
from build_tools.pipeline import Generated, generate
from build_tools.session import BuildSession
from build_tools.site_info import SiteInfo, site_info

TESTS = Path(__file__).resolve().parent
MINIMAL_DATA = TESTS / "fixtures" / "minimal" / "data"


@functools.cache
def default_site() -> SiteInfo:
    return site_info()


_SHARED_CACHE: list[Path] = []  # set once per run by `hermetic_caches`


def build(data: Path = paths.DATA_DIR, cache_dir: Path | None = None,
          site: SiteInfo | None = None, dated: bool = False,
          session: BuildSession | None = None, commit_date: dt.date | None = None) -> Generated:
    """The pipeline on `data`, with caches in `cache_dir`, else in the run's shared temporary
    cache (safe to share: every entry is keyed by its inputs and the code). Pages are dated
    by git only when asked: a fixture's dates are those of the repository's commits."""
    cache = cache_dir or (_SHARED_CACHE[0] if _SHARED_CACHE else None)
    return generate(BuildConfig(data_dir=data, site=site or default_site(), cache_dir=cache,
                                dated=dated, commit_date=commit_date), session)


@pytest.fixture(scope="session", autouse=True)
def hermetic_caches(tmp_path_factory: pytest.TempPathFactory) -> Iterator[None]:
    """Every cache of the run in a temporary folder, never in the repository; MkDocs builds
    started by the tests (which read the environment) included."""
    shared = tmp_path_factory.mktemp("cache")
    _SHARED_CACHE.append(shared)
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("BRIEFING_CACHE_DIR", str(shared))
        yield
    _SHARED_CACHE.clear()


@pytest.fixture(scope="session")
def shipped() -> Generated:
    """The shipped data, generated once per run."""
    return build()


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption("--update-golden", action="store_true",
                     help="rewrite the golden files under tests/golden/ from the current output")


@pytest.fixture
def update_golden(request: pytest.FixtureRequest) -> bool:
    return bool(request.config.getoption("--update-golden"))


@pytest.fixture
def data_tree(tmp_path: Path) -> Callable[..., Path]:
    """A copy of the minimal fixture data in tmp_path, with files replaced or removed.

    data_tree({"sessions/x/session.yaml": "..."}, remove=["status.yaml"]) -> data dir
    """

    calls = iter(range(1000))

    def make(files: dict[str, str | bytes] | None = None, remove: tuple[str, ...] = ()) -> Path:
        root = tmp_path / f"repo{next(calls)}"
        data = root / "data"
        shutil.copytree(MINIMAL_DATA, data)
        for name in remove:
            (data / name).unlink()
        for name, content in (files or {}).items():
            target = data / name
            target.parent.mkdir(parents=True, exist_ok=True)
            if isinstance(content, bytes):
                target.write_bytes(content)
            else:
                target.write_text(content, encoding="utf-8")
        return data

    return make


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:
        pass


def serve_directory(directory: Path) -> Iterator[str]:
    handler = functools.partial(_QuietHandler, directory=str(directory))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        server.shutdown()
        server.server_close()


def once_per_run(tmp_path_factory: pytest.TempPathFactory, name: str,
                 make: Callable[[Path], None]) -> Path:
    """The folder `name`, filled by `make` once per run: with pytest-xdist, the first worker
    to ask makes it (the others wait on a lock) and every worker reads it."""
    root = tmp_path_factory.getbasetemp()
    if os.environ.get("PYTEST_XDIST_WORKER"):
        root = root.parent  # the run's folder, above each worker's own
    folder, done = root / name, root / f"{name}.done"
    with (root / f"{name}.lock").open("w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        if not done.exists():
            shutil.rmtree(folder, ignore_errors=True)
            folder.mkdir()
            make(folder)
            done.touch()
    return folder


@pytest.fixture(scope="session")
def shipped_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The site built from the shipped data with `mkdocs build --strict`, once per run."""
    def make(folder: Path) -> None:
        assert build_site(folder / "site", paths.REPO_ROOT / "mkdocs.yml") == 0

    return once_per_run(tmp_path_factory, "shipped", make) / "site"


@pytest.fixture(scope="session")
def site_url(shipped_site: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """The shipped site served under its sub-path, as GitHub Pages serves a project site."""
    from urllib.parse import urlsplit

    from build_tools.site_info import site_info

    sub_path = urlsplit(site_info().url).path.strip("/")
    root = tmp_path_factory.mktemp("served")
    (root / sub_path).symlink_to(shipped_site, target_is_directory=True)
    for base in serve_directory(root):
        yield f"{base}{sub_path}/"


@pytest.fixture
def chart_workers(monkeypatch: pytest.MonkeyPatch) -> list[subprocess.Popen[bytes]]:
    """The process of every chart worker started while the test runs, in order."""
    from build_tools.charts import files as chart_files

    started: list[subprocess.Popen[bytes]] = []
    real = chart_files._Worker.__init__

    def recording(worker: chart_files._Worker) -> None:
        real(worker)
        started.append(worker.process)

    monkeypatch.setattr(chart_files._Worker, "__init__", recording)
    return started
