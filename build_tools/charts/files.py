"""Charts as files: each chart's SVG in both themes, a PNG of the light one, and its data as CSV.

Drawing is the slow part (matplotlib: more than a second to import, a few
tenths of a second a drawing). A drawing is made only when the cache has none
for the chart's data and the current code, and then in a worker process, so
that on a machine with a second core the drawing costs little time while the
prose and the pages are made:

- `start_drawing` starts the worker at once when the cache holds nothing of
  this code (a first build, or new code), so that it imports matplotlib while
  the data is read; otherwise a worker is started only if a drawing is missing;
- `ChartJob.draw` hands the worker the charts known so far: those of the data
  alone as soon as the data is valid (drawn while the prose is rendered), the
  rest once the prose is (drawn while the pages are rendered);
- `ChartJob.files` hands over any left, waits, and keeps what was drawn in the
  cache. `ChartJob.close` gives the worker back: a server's build session keeps
  it for the next build (`ChartWorkers`), a single build's ends with it, and a
  worker whose drawings were not asked for (a build stopped by a data error) is
  stopped.

The worker gets each chart's drawings together, so that one figure serves the
light SVG and the PNG. The parent process never imports matplotlib, and the
worker imports no model: a `Chart` comes from `chart_spec.py`.
"""

from __future__ import annotations

import pickle
import queue
import subprocess
import sys
import tempfile
import threading
from dataclasses import dataclass, field
from types import TracebackType

from build_tools.cache import Store
from build_tools.charts.catalog import chart_csv
from build_tools.charts.spec import Chart

# Each drawing of a chart: the light and dark SVGs, and the light one as a PNG.
DRAWINGS = ("light", "dark", "png")


class _Worker:
    """A child interpreter running `charts/draw.py`: pickled lists of (chart, its drawings) in,
    and after a build's last list (a pickled None), that build's images out, as one pickled
    list. Input is fed by a thread, so that the build never waits while the worker is still
    importing. A worker serves one build after another until it is closed."""

    def __init__(self) -> None:
        self.errors = tempfile.TemporaryFile()  # noqa: SIM115 - closed when the worker ends
        # A plain child interpreter, whatever the caller's main module and threads are.
        self.process = subprocess.Popen(
            [sys.executable, "-m", "build_tools.charts.draw"],
            stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=self.errors)
        self.inbox: queue.SimpleQueue[bytes | None] = queue.SimpleQueue()
        self.pending = False  # lists sent whose images were not asked for
        self.feeder = threading.Thread(target=self._feed, daemon=True)
        self.feeder.start()

    def _feed(self) -> None:
        stdin = self.process.stdin
        assert stdin is not None
        try:
            while (message := self.inbox.get()) is not None:
                stdin.write(message)
                stdin.flush()
            stdin.close()
        except OSError:  # the worker has ended early; `images` reports why
            pass

    def send(self, drawings: list[tuple[Chart, tuple[str, ...]]]) -> None:
        self.pending = True
        self.inbox.put(pickle.dumps(drawings, protocol=5))

    def images(self) -> list[bytes]:
        """Every image drawn since the last call, in the order sent; raises if the worker
        failed."""
        self.inbox.put(pickle.dumps(None))
        assert self.process.stdout is not None
        try:
            images = pickle.load(self.process.stdout)
        except (EOFError, pickle.UnpicklingError):
            self.stop()
            raise RuntimeError(f"drawing the charts failed:\n{self._error_text()}") from None
        self.pending = False
        return list(images)

    def _error_text(self) -> str:
        self.errors.seek(0)
        return self.errors.read().decode(errors="replace")

    def close(self) -> None:
        """No more builds: the worker's input ends and it exits."""
        self.inbox.put(None)
        self.feeder.join()
        self.process.wait()
        self._close_streams()

    def stop(self) -> None:
        self.process.kill()
        self.inbox.put(None)
        self.feeder.join()
        self.process.wait()
        self._close_streams()

    def _close_streams(self) -> None:
        for stream in (self.process.stdout, self.errors):
            if stream is not None and not stream.closed:
                stream.close()


class ChartWorkers:
    """Where a build gets its drawing worker. A single build's worker ends with the build; a
    server keeps one for its life (`keep`), so that a rebuild that draws a chart (a new update
    changes the counts) does not wait a second and more for matplotlib to be imported again.
    Owned by the build session."""

    def __init__(self, keep: bool = False) -> None:
        self.keep = keep
        self._idle: _Worker | None = None

    def take(self) -> _Worker:
        worker, self._idle = self._idle, None
        if worker is not None and worker.process.poll() is None:
            return worker
        if worker is not None:  # it ended while idle: its streams are closed, a new one starts
            worker.stop()
        return _Worker()

    def give_back(self, worker: _Worker) -> None:
        """A worker whose build is over: kept for the next build when it owes nothing."""
        if self.keep and not worker.pending and worker.process.poll() is None:
            self.close()
            self._idle = worker
        elif worker.pending:
            worker.stop()
        else:
            worker.close()

    def warm(self) -> None:
        """A worker started ahead of need: it imports matplotlib while the editor reads."""
        if self.keep and self._idle is None:
            self._idle = _Worker()

    def close(self) -> None:
        if self._idle is not None:
            self._idle.close()
            self._idle = None


@dataclass
class ChartJob:
    """The drawings of one build: those from the cache, and those sent to the worker."""

    store: Store
    workers: ChartWorkers = field(default_factory=ChartWorkers)
    sent: list[tuple[str, Chart, str]] = field(default_factory=list)  # cache key, chart, drawing
    worker: _Worker | None = None
    drawn: int = 0  # drawings made by matplotlib in this build (the others came from the cache)

    def __enter__(self) -> ChartJob:
        return self

    def __exit__(self, kind: type[BaseException] | None, error: BaseException | None,
                 trace: TracebackType | None) -> None:
        self.close()

    def draw(self, charts: tuple[Chart, ...]) -> None:
        """Send the worker every drawing of `charts` that neither the cache nor an earlier
        call has."""
        known = {key for key, _, _ in self.sent}
        batch: list[tuple[Chart, tuple[str, ...]]] = []
        for chart in charts:
            missing = [(key, chart, drawing) for drawing in DRAWINGS
                       if (key := self._key(chart, drawing)) not in known
                       and self.store.get(key) is None]
            if missing:
                batch.append((chart, tuple(drawing for _, _, drawing in missing)))
                known.update(key for key, _, _ in missing)
                self.sent.extend(missing)
        if not batch:
            return
        if self.worker is None:
            self.worker = self.workers.take()
        self.worker.send(batch)

    def files(self, charts: tuple[Chart, ...]) -> dict[str, str | bytes]:
        """Every file of `charts`; waits for the drawing, and keeps what was drawn in the
        cache."""
        self.draw(charts)
        if self.worker is not None:
            worker, self.worker = self.worker, None
            images = worker.images()
            self.workers.give_back(worker)
            for (key, _, _), image in zip(self.sent, images, strict=True):
                self.store.put(key, image)
            self.drawn = len(self.sent)
        files: dict[str, str | bytes] = {}
        for chart in charts:
            for drawing, path in zip(DRAWINGS, (chart.svg, chart.svg_dark, chart.png),
                                     strict=True):
                files[path] = self.store.get(self._key(chart, drawing))
            files[chart.csv] = chart_csv(chart)
        return files

    def close(self) -> None:
        """The build is over: its worker goes back (stopped if its drawings were not asked
        for, after a data error)."""
        if self.worker is not None:
            self.workers.give_back(self.worker)
            self.worker = None

    def _key(self, chart: Chart, drawing: str) -> str:
        return self.store.key(drawing, chart.fingerprint())


def start_drawing(store: Store, workers: ChartWorkers | None = None) -> ChartJob:
    """A job for this build's drawings; its worker starts now if the cache is empty."""
    job = ChartJob(store, workers or ChartWorkers())
    if store.empty:
        job.worker = job.workers.take()
    return job
