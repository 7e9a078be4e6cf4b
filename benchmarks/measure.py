"""Run one stage in this process and print its wall time and peak memory as JSON.

    python -m benchmarks.measure generate OUT      (data from BRIEFING_DATA_DIR, caches in
    python -m benchmarks.measure mkdocs SITE_DIR    BRIEFING_CACHE_DIR, as `make serve` has)
"""

from __future__ import annotations

import json
import resource
import sys
import time
from pathlib import Path


def main() -> int:
    stage, *args = sys.argv[1:]
    began = time.perf_counter()
    result: dict[str, object] = {}
    if stage == "generate":
        from build_tools.config import BuildConfig
        from build_tools.pipeline import generate
        from build_tools.write import write_files

        config = BuildConfig.from_environment()
        result["import_s"] = round(time.perf_counter() - began, 3)
        began = time.perf_counter()
        generated = generate(config)
        report = write_files(generated.files, Path(args[0]))
        result.update(charts_drawn=generated.charts_drawn, files=len(generated.files),
                      written=len(report.written))
    elif stage == "mkdocs":
        from mkdocs.commands.build import build
        from mkdocs.config import load_config

        result["import_s"] = round(time.perf_counter() - began, 3)
        began = time.perf_counter()
        build(load_config(site_dir=args[0], strict=True))
    # Time after imports: what the stage itself costs once Python and its libraries are loaded.
    result["seconds"] = round(time.perf_counter() - began, 3)
    result["peak_mib"] = round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1)
    print(json.dumps(result))
    return 0


if __name__ == "__main__":
    sys.exit(main())
