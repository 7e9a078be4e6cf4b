"""Charts as files: each chart's SVG in both themes, a PNG of the light one, and its data as CSV.

Drawing is the slow part (matplotlib: about a second to import, a few tenths
of a second a drawing). A drawing is made only when the cache has none for
the chart's data and the current code, and then in a worker process, started
by `start_drawing` and joined by `ChartJob.files`, so that on a machine with a
second core the drawing costs no time while the pages are rendered. The
parent process never imports matplotlib.
"""

from __future__ import annotations

import pickle
import subprocess
import sys
import tempfile
from dataclasses import dataclass, field

from build_tools.cache import Store
from build_tools.render.charts import Chart, chart_csv

# Each drawing of a chart: the light and dark SVGs, and the light one as a PNG.
DRAWINGS = ("light", "dark", "png")


@dataclass
class ChartJob:
    """The charts of one build: those from the cache, and those being drawn."""

    charts: tuple[Chart, ...]
    store: Store
    keys: dict[tuple[str, str], str]  # (chart id, drawing) -> cache key
    pending: list[tuple[Chart, str]] = field(default_factory=list)
    worker: subprocess.Popen[bytes] | None = None

    @property
    def drawn(self) -> int:
        """Drawings made by matplotlib in this build (the others came from the cache)."""
        return len(self.pending)

    def files(self) -> dict[str, str | bytes]:
        """Every chart file; waits for the drawing, and keeps what was drawn in the cache."""
        if self.worker is not None:
            out, err = self.worker.communicate()
            if self.worker.returncode != 0:
                raise RuntimeError(f"drawing the charts failed:\n{err.decode(errors='replace')}")
            for (chart, drawing), image in zip(self.pending, pickle.loads(out), strict=True):
                self.store.put(self.keys[chart.id, drawing], image)
            self.worker = None
        files: dict[str, str | bytes] = {}
        for chart in self.charts:
            for drawing, path in zip(DRAWINGS, (chart.svg, chart.svg_dark, chart.png),
                                     strict=True):
                files[path] = self.store.get(self.keys[chart.id, drawing])
            files[chart.csv] = chart_csv(chart)
        return files


def start_drawing(charts: tuple[Chart, ...], store: Store) -> ChartJob:
    """Start drawing, in a worker process, every drawing the cache does not have."""
    keys = {(c.id, d): store.key(d, c.fingerprint()) for c in charts for d in DRAWINGS}
    job = ChartJob(charts, store, keys)
    job.pending = [(c, d) for c in charts for d in DRAWINGS if store.get(keys[c.id, d]) is None]
    if job.pending:
        # A plain child interpreter, whatever the caller's main module and threads are.
        with tempfile.TemporaryFile() as request:
            request.write(pickle.dumps(job.pending, protocol=5))
            request.seek(0)
            job.worker = subprocess.Popen(
                [sys.executable, "-m", "build_tools.render.chart_draw"],
                stdin=request, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    return job
