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
  cache. `ChartJob.close` stops a worker that is no longer needed (a build
  stopped by a data error).

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
    """A child interpreter running `chart_draw`: pickled lists of (chart, its drawings) in,
    one pickled list of images out when its input ends. Input is fed by a thread, so that the
    build never waits while the worker is still importing."""

    def __init__(self) -> None:
        self.errors = tempfile.TemporaryFile()  # noqa: SIM115 - closed when the worker ends
        # A plain child interpreter, whatever the caller's main module and threads are.
        self.process = subprocess.Popen(
            [sys.executable, "-m", "build_tools.charts.draw"],
            stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=self.errors)
        self.inbox: queue.SimpleQueue[bytes | None] = queue.SimpleQueue()
        self.feeder = threading.Thread(target=self._feed, daemon=True)
        self.feeder.start()

    def _feed(self) -> None:
        stdin = self.process.stdin
        assert stdin is not None
        try:
            while (batch := self.inbox.get()) is not None:
                stdin.write(batch)
                stdin.flush()
            stdin.close()
        except OSError:  # the worker has ended early; `images` reports why
            pass

    def send(self, drawings: list[tuple[Chart, tuple[str, ...]]]) -> None:
        self.inbox.put(pickle.dumps(drawings, protocol=5))

    def images(self) -> list[bytes]:
        """Every image drawn, in the order sent; raises if the worker failed."""
        self.inbox.put(None)
        self.feeder.join()
        assert self.process.stdout is not None
        out = self.process.stdout.read()
        self.process.stdout.close()
        self.process.wait()
        self.errors.seek(0)
        err = self.errors.read().decode(errors="replace")
        self.errors.close()
        if self.process.returncode != 0:
            raise RuntimeError(f"drawing the charts failed:\n{err}")
        return list(pickle.loads(out))

    def stop(self) -> None:
        self.process.kill()
        self.inbox.put(None)
        self.feeder.join()
        self.process.wait()
        for stream in (self.process.stdout, self.errors):
            if stream is not None:
                stream.close()


@dataclass
class ChartJob:
    """The drawings of one build: those from the cache, and those sent to the worker."""

    store: Store
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
            self.worker = _Worker()
        self.worker.send(batch)

    def files(self, charts: tuple[Chart, ...]) -> dict[str, str | bytes]:
        """Every file of `charts`; waits for the drawing, and keeps what was drawn in the
        cache."""
        self.draw(charts)
        if self.worker is not None:
            images = self.worker.images()
            self.worker = None
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
        """Stop a worker whose drawings will not be asked for."""
        if self.worker is not None:
            self.worker.stop()
            self.worker = None

    def _key(self, chart: Chart, drawing: str) -> str:
        return self.store.key(drawing, chart.fingerprint())


def start_drawing(store: Store) -> ChartJob:
    """A job for this build's drawings; its worker starts now if the cache is empty."""
    job = ChartJob(store)
    if store.empty:
        job.worker = _Worker()
    return job
