"""Charts as files: each chart's SVG in both themes and its data as CSV.

Drawing is the slow part (matplotlib: about a second to import, a few tenths
of a second a chart). An SVG is drawn only when the cache has none for the
chart's data and the current code, and then in a worker process, started by
`start_drawing` and joined by `ChartJob.files`, so that on a machine with a
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

THEMES = ("light", "dark")


@dataclass
class ChartJob:
    """The charts of one build: those from the cache, and those being drawn."""

    charts: tuple[Chart, ...]
    store: Store
    keys: dict[tuple[str, str], str]  # (chart id, theme) -> cache key
    pending: list[tuple[Chart, str]] = field(default_factory=list)
    worker: subprocess.Popen[bytes] | None = None

    @property
    def drawn(self) -> int:
        """SVGs drawn by matplotlib in this build (the others came from the cache)."""
        return len(self.pending)

    def files(self) -> dict[str, str | bytes]:
        """Every chart file; waits for the drawing, and keeps what was drawn in the cache."""
        if self.worker is not None:
            out, err = self.worker.communicate()
            if self.worker.returncode != 0:
                raise RuntimeError(f"drawing the charts failed:\n{err.decode(errors='replace')}")
            for (chart, theme), svg in zip(self.pending, pickle.loads(out), strict=True):
                self.store.put(self.keys[chart.id, theme], svg)
            self.worker = None
        files: dict[str, str | bytes] = {}
        for chart in self.charts:
            files[chart.svg] = self.store.get(self.keys[chart.id, "light"])
            files[chart.svg_dark] = self.store.get(self.keys[chart.id, "dark"])
            files[chart.csv] = chart_csv(chart)
        return files


def start_drawing(charts: tuple[Chart, ...], store: Store) -> ChartJob:
    """Start drawing, in a worker process, every chart the cache does not have."""
    keys = {(c.id, theme): store.key(theme, c.fingerprint()) for c in charts for theme in THEMES}
    job = ChartJob(charts, store, keys)
    job.pending = [(c, theme) for c in charts for theme in THEMES
                   if store.get(keys[c.id, theme]) is None]
    if job.pending:
        # A plain child interpreter, whatever the caller's main module and threads are.
        with tempfile.TemporaryFile() as request:
            request.write(pickle.dumps(job.pending, protocol=5))
            request.seek(0)
            job.worker = subprocess.Popen(
                [sys.executable, "-m", "build_tools.render.chart_draw"],
                stdin=request, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    return job
