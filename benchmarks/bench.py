"""Build-performance benchmark: generation stage and MkDocs build, 10 to 5,000 updates.

    python -m benchmarks.bench [--sizes 10 100 500 1000 2000 5000] [--repeat 3]
                               [--json benchmarks/results.json]

For each size it builds a synthetic data set (benchmarks/synthetic.py) and
measures, each in a fresh process, cold (empty caches) and warm (the caches
a second build has): the generation stage (load, validate, prose, charts,
render, write) and the whole `mkdocs build --strict`; then a rebuild with no
change and a rebuild after adding one update (files rewritten, charts
drawn). At 1,000 updates it also times `mkdocs serve` from saving an update
to serving the changed page, for three saves one after the other. Each timed
stage runs three times (--repeat) and the table shows the median; the JSON
keeps every run. It prints a table and writes JSON. It asserts nothing: the
targets are read from the table (see benchmarks/README.md).
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path
from typing import Any

from benchmarks.synthetic import make_dataset
from build_tools import paths

ROOT = paths.REPO_ROOT


def run_stage(*args: str, env: dict[str, str]) -> dict[str, Any]:
    result = subprocess.run([sys.executable, "-m", "benchmarks.measure", *args], cwd=ROOT,
                            env=env, capture_output=True, text=True, check=False)
    if result.returncode != 0:
        raise SystemExit(f"stage {args[0]} failed:\n{result.stderr[-3000:]}")
    return dict(json.loads(result.stdout.strip().splitlines()[-1]))


def median_run(runs: list[dict[str, Any]]) -> tuple[dict[str, Any], list[float]]:
    """The run of median wall time, and every time measured."""
    ordered = sorted(runs, key=lambda r: r["seconds"])
    return ordered[len(ordered) // 2], [r["seconds"] for r in runs]


def measure_size(size: int, work: Path, repeat: int) -> dict[str, Any]:
    data = make_dataset(work, size)
    out, site = work / "generated", work / "site"
    caches = iter(range(1_000_000))

    def env(cache: Path | None = None) -> dict[str, str]:
        """A fresh, empty cache unless `cache` is given."""
        return dict(os.environ, BRIEFING_DATA_DIR=str(data),
                    BRIEFING_CACHE_DIR=str(cache or work / f"cold-{next(caches)}"),
                    NO_MKDOCS_2_WARNING="1")

    warm = work / "warm-cache"
    # Cold: empty caches and a fresh process; each run writes every file into a new directory.
    cold, cold_runs = median_run([run_stage("generate", str(out / f"cold-{n}"), env=env())
                                  for n in range(repeat)])
    cold_build, cold_build_runs = median_run([run_stage("mkdocs", str(site), env=env())
                                              for _ in range(repeat)])
    # Warm: the caches an editor's second build has (filled by the first run, not timed).
    run_stage("mkdocs", str(site), env=env(warm))
    warm_gen, warm_runs = median_run([run_stage("generate", str(out / f"warm-{n}"), env=env(warm))
                                      for n in range(repeat)])
    warm_build, warm_build_runs = median_run([run_stage("mkdocs", str(site), env=env(warm))
                                              for _ in range(repeat)])
    unchanged = run_stage("generate", str(out / "warm-0"), env=env(warm))
    session = sorted((data / "sessions").glob("synthetic-session-*"))[-1]
    number = len(list((session / "updates").glob("*.yaml"))) + 1
    session_yaml = session / "session.yaml"
    start = next(line for line in session_yaml.read_text().splitlines() if line.startswith("start"))
    (session / "updates" / f"{number:02d}-one-more.yaml").write_text(
        f"number: {number}\ntitle: One more\ndate: {start.split(': ')[1]}\nsummary: Added.\n"
        "body: Delegations returned to article 24.\n", encoding="utf-8")
    added = run_stage("generate", str(out / "warm-0"), env=env(warm))
    return {
        "updates": size,
        "cold_generation_s": cold["seconds"],
        "cold_generation_runs_s": cold_runs,
        "cold_mkdocs_build_s": cold_build["seconds"],
        "cold_mkdocs_build_runs_s": cold_build_runs,
        "cold_share": round(cold["seconds"] / cold_build["seconds"], 3),
        "warm_generation_s": warm_gen["seconds"],
        "warm_generation_runs_s": warm_runs,
        "warm_mkdocs_build_s": warm_build["seconds"],
        "warm_mkdocs_build_runs_s": warm_build_runs,
        "warm_share": round(warm_gen["seconds"] / warm_build["seconds"], 3),
        "generation_peak_mib": max(cold["peak_mib"], warm_gen["peak_mib"]),
        "build_peak_mib": max(cold_build["peak_mib"], warm_build["peak_mib"]),
        "ms_per_update": round(1000 * warm_build["seconds"] / size, 2),
        "charts_cold": cold["charts_drawn"],
        "unchanged_rebuild": {"written": unchanged["written"],
                              "charts_drawn": unchanged["charts_drawn"],
                              "seconds": unchanged["seconds"]},
        "one_update_added": {"written": added["written"], "charts_drawn": added["charts_drawn"]},
        "pages": warm_gen["files"],
    }


def serve_reload(work: Path, size: int, repeat: int) -> list[float]:
    """Seconds from saving an update to `mkdocs serve` serving the changed page, for each of
    `repeat` saves one after the other (an editor saving again), in one server."""
    data = make_dataset(work, size)
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    env = dict(os.environ, BRIEFING_DATA_DIR=str(data), BRIEFING_CACHE_DIR=str(work / "cache"),
               NO_MKDOCS_2_WARNING="1")
    server = subprocess.Popen([sys.executable, "-m", "mkdocs", "serve", "--dirty", "--livereload", "-a",
                               f"127.0.0.1:{port}"], cwd=ROOT, env=env,
                              stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    base = f"http://127.0.0.1:{port}/un-cybercrime-briefing/"
    page = base + "sessions/synthetic-session-001/updates/01-day-1/"
    seconds = []
    try:
        _wait(page, "Day 1", 900)
        update = data / "sessions/synthetic-session-001/updates/01-day-1.yaml"
        title = 'title: "Day 1:'
        for n in range(1, repeat + 1):
            text = update.read_text(encoding="utf-8")
            renamed = f'title: "Save {n} of day 1:'
            began = time.perf_counter()
            update.write_text(text.replace(title, renamed), encoding="utf-8")
            _wait(page, renamed.removeprefix('title: "'), 900)
            seconds.append(round(time.perf_counter() - began, 2))
            title = renamed
            time.sleep(2)  # the editor reads the page before saving again
        return seconds
    finally:
        server.terminate()
        server.wait(timeout=60)


def _wait(url: str, text: str, seconds: float) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        try:
            with urllib.request.urlopen(url, timeout=30) as response:
                if text in response.read().decode("utf-8"):
                    return
        except OSError:
            pass
        time.sleep(0.05)  # the resolution of the serve figure
    raise SystemExit(f"timed out waiting for {text!r} at {url}")


def machine() -> dict[str, Any]:
    memory = ""
    meminfo = Path("/proc/meminfo")
    if meminfo.exists():
        memory = meminfo.read_text().splitlines()[0].split(":")[1].strip()
    return {"date": time.strftime("%Y-%m-%d"), "platform": platform.platform(),
            "python": platform.python_version(), "cpus": os.cpu_count(), "memory": memory,
            "processor": platform.processor() or platform.machine()}


def table(rows: list[dict[str, Any]]) -> str:
    head = ("updates", "cold gen s", "cold mkdocs s", "cold gen/build", "warm gen s",
            "warm mkdocs s", "warm gen/build", "ms/update", "peak MiB", "charts cold",
            "unchanged: written/charts", "unchanged s", "+1 update: written/charts")
    lines = [" | ".join(head), " | ".join("---" for _ in head)]
    for r in rows:
        lines.append(" | ".join(str(v) for v in (
            r["updates"], r["cold_generation_s"], r["cold_mkdocs_build_s"], r["cold_share"],
            r["warm_generation_s"], r["warm_mkdocs_build_s"], r["warm_share"],
            r["ms_per_update"], max(r["generation_peak_mib"], r["build_peak_mib"]),
            r["charts_cold"],
            f"{r['unchanged_rebuild']['written']}/{r['unchanged_rebuild']['charts_drawn']}",
            r["unchanged_rebuild"]["seconds"],
            f"{r['one_update_added']['written']}/{r['one_update_added']['charts_drawn']}")))
    return "\n".join(f"| {line} |" for line in lines)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[10, 100, 500, 1000, 2000, 5000])
    parser.add_argument("--serve-size", type=int, default=1000)
    parser.add_argument("--repeat", type=int, default=3,
                        help="runs of each timed stage; the table shows the median")
    parser.add_argument("--json", type=Path, default=ROOT / "benchmarks" / "results.json")
    args = parser.parse_args()
    rows = []
    with tempfile.TemporaryDirectory(prefix="bench-") as tmp:
        for size in args.sizes:
            print(f"measuring {size} updates...", file=sys.stderr, flush=True)
            rows.append(measure_size(size, Path(tmp) / str(size), args.repeat))
        reloads = (serve_reload(Path(tmp) / "serve", args.serve_size, args.repeat)
                   if args.serve_size else [])
    reload_s = sorted(reloads)[len(reloads) // 2] if reloads else None
    result = {"machine": machine(), "repeat": args.repeat, "sizes": rows,
              "serve_reload": {"updates": args.serve_size, "seconds": reload_s, "runs_s": reloads}}
    args.json.write_text(json.dumps(result, indent=2) + "\n", encoding="utf-8")
    print(f"Machine: {result['machine']}; median of {args.repeat} runs per timed stage")
    print(table(rows))
    if reload_s is not None:
        print(f"mkdocs serve, {args.serve_size} updates: changed page served {reload_s} s after "
              f"save (median of {reloads})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
