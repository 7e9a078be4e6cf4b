"""Build-performance benchmark: generation stage and MkDocs build, 10 to 5,000 updates.

    python -m benchmarks.bench [--sizes 10 100 500 1000 2000 5000] [--repeat 3]
                               [--json benchmarks/results.json]

For each size it builds a synthetic data set (benchmarks/synthetic.py) and
measures, each in a fresh process, cold (empty caches) and warm (the caches
a second build has): the generation stage (load, validate, prose, charts,
render, write) and the whole `mkdocs build --strict`; then a rebuild with no
change and a rebuild after adding one update (files rewritten, charts
drawn). Each stage is also timed as a whole process (Python's start and the
imports included, as editors and CI meet it). With the shipped data and at
1,000 updates it times `mkdocs serve` from an editor's save to serving the
page it changes, for three kinds of save (an update edited, the treaty record
edited, a new update file), three saves of each in one server. Each timed
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
    """One stage in a fresh process: its own figures (timed after the imports), and the whole
    process's wall time (`process_s`: Python's start and the imports included, as an editor's
    `python -m build_tools build` or CI's `mkdocs build` meets it)."""
    began = time.perf_counter()
    result = subprocess.run([sys.executable, "-m", "benchmarks.measure", *args], cwd=ROOT,
                            env=env, capture_output=True, text=True, check=False)
    process = round(time.perf_counter() - began, 3)
    if result.returncode != 0:
        raise SystemExit(f"stage {args[0]} failed:\n{result.stderr[-3000:]}")
    return {**json.loads(result.stdout.strip().splitlines()[-1]), "process_s": process}


def median_run(runs: list[dict[str, Any]]) -> tuple[dict[str, Any], list[float]]:
    """The run of median wall time, and every time measured."""
    ordered = sorted(runs, key=lambda r: r["seconds"])
    return ordered[len(ordered) // 2], [r["seconds"] for r in runs]


def median_process(runs: list[dict[str, Any]]) -> float:
    ordered = sorted(r["process_s"] for r in runs)
    return float(ordered[len(ordered) // 2])


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
    cold_all = [run_stage("generate", str(out / f"cold-{n}"), env=env()) for n in range(repeat)]
    cold, cold_runs = median_run(cold_all)
    cold_build_all = [run_stage("mkdocs", str(site), env=env()) for _ in range(repeat)]
    cold_build, cold_build_runs = median_run(cold_build_all)
    # Warm: the caches an editor's second build has (filled by the first run, not timed).
    run_stage("mkdocs", str(site), env=env(warm))
    warm_all = [run_stage("generate", str(out / f"warm-{n}"), env=env(warm))
                for n in range(repeat)]
    warm_gen, warm_runs = median_run(warm_all)
    warm_build_all = [run_stage("mkdocs", str(site), env=env(warm)) for _ in range(repeat)]
    warm_build, warm_build_runs = median_run(warm_build_all)
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
        "process_s": {"cold_generation": median_process(cold_all),
                      "cold_mkdocs_build": median_process(cold_build_all),
                      "warm_generation": median_process(warm_all),
                      "warm_mkdocs_build": median_process(warm_build_all)},
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


SERVE_PAGE = "sessions/reconvened-concluding-session/updates/03-the-most-difficult-articles-criminalization/"
SERVE_UPDATE = ("sessions/reconvened-concluding-session/updates/"
                "03-the-most-difficult-articles-criminalization.yaml")


def serve_saves(work: Path, size: int, repeat: int) -> dict[str, list[float]]:
    """Seconds from an editor's save to `mkdocs serve` serving the page it changes, in one
    server, for each kind of save (`repeat` times each, one after the other): an update edited,
    the treaty record edited, a new update file."""
    data = make_dataset(work, size)
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    env = dict(os.environ, BRIEFING_DATA_DIR=str(data), BRIEFING_CACHE_DIR=str(work / "cache"),
               NO_MKDOCS_2_WARNING="1")
    server = subprocess.Popen([sys.executable, "-m", "mkdocs", "serve", "--dirty", "--livereload",
                               "-a", f"127.0.0.1:{port}"], cwd=ROOT, env=env,
                              stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    base = f"http://127.0.0.1:{port}/un-cybercrime-briefing/"
    try:
        _wait(base + SERVE_PAGE, "criminalization", 900)
        return {"update": _saves(repeat, lambda n: _edit_update(data, base, n)),
                "treaty_record": _saves(repeat, lambda n: _edit_record(data, base, n)),
                "new_update": _saves(repeat, lambda n: _add_update(data, base, n))}
    finally:
        server.terminate()
        server.wait(timeout=60)


def _saves(repeat: int, save: Any) -> list[float]:
    seconds = []
    for n in range(1, repeat + 1):
        began = time.perf_counter()
        save(n)
        seconds.append(round(time.perf_counter() - began, 2))
        time.sleep(2)  # the editor reads the page before saving again
    return seconds


def _edit_update(data: Path, base: str, n: int) -> None:
    path = data / SERVE_UPDATE
    text = path.read_text(encoding="utf-8")
    before = "The most difficult articles" if n == 1 else f"Save {n - 1}: the most difficult"
    path.write_text(text.replace(before, f"Save {n}: the most difficult", 1), encoding="utf-8")
    _wait(base + SERVE_PAGE, f"Save {n}: the most difficult", 900)


def _edit_record(data: Path, base: str, n: int) -> None:
    path = data / "treaty-status.yaml"
    text = path.read_text(encoding="utf-8")
    marker = "\nnote: >-\n  "
    path.write_text(text.replace(marker, f"{marker}Save {n}. ", 1), encoding="utf-8")
    _wait(base + "treaty-status/", f"Save {n}. ", 900)


def _add_update(data: Path, base: str, n: int) -> None:
    folder = (data / SERVE_UPDATE).parent
    number = len(list(folder.glob("*.yaml"))) + 1
    (folder / f"{number:02d}-saved-{n}.yaml").write_text(
        f"number: {number}\ntitle: Saved {n}\ndate: 2024-08-09\nsummary: Added.\n"
        "body: Delegations returned to article 24.\n", encoding="utf-8")
    _wait(base + f"sessions/reconvened-concluding-session/updates/{number:02d}-saved-{n}/",
          f"Saved {n}", 900)


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


def process_table(rows: list[dict[str, Any]]) -> str:
    """The same stages as whole processes: Python's start and the imports included."""
    head = ("updates", "cold gen s", "cold mkdocs s", "cold gen/build", "warm gen s",
            "warm mkdocs s", "warm gen/build")
    lines = [" | ".join(head), " | ".join("---" for _ in head)]
    for r in rows:
        p = r["process_s"]
        lines.append(" | ".join(str(v) for v in (
            r["updates"], p["cold_generation"], p["cold_mkdocs_build"],
            round(p["cold_generation"] / p["cold_mkdocs_build"], 3), p["warm_generation"],
            p["warm_mkdocs_build"], round(p["warm_generation"] / p["warm_mkdocs_build"], 3))))
    return "Whole processes:\n" + "\n".join(f"| {line} |" for line in lines)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[10, 100, 500, 1000, 2000, 5000])
    parser.add_argument("--serve-sizes", type=int, nargs="*", default=[0, 1000],
                        help="synthetic updates for the serve figures (0: the shipped data)")
    parser.add_argument("--repeat", type=int, default=3,
                        help="runs of each timed stage; the table shows the median")
    parser.add_argument("--json", type=Path, default=ROOT / "benchmarks" / "results.json")
    args = parser.parse_args()
    rows = []
    with tempfile.TemporaryDirectory(prefix="bench-") as tmp:
        for size in args.sizes:
            print(f"measuring {size} updates...", file=sys.stderr, flush=True)
            rows.append(measure_size(size, Path(tmp) / str(size), args.repeat))
        serve = {size: serve_saves(Path(tmp) / f"serve-{size}", size, args.repeat)
                 for size in args.serve_sizes}
    result = {"machine": machine(), "repeat": args.repeat, "sizes": rows,
              "serve_saves": [{"updates": size, "runs_s": runs} for size, runs in serve.items()]}
    args.json.write_text(json.dumps(result, indent=2) + "\n", encoding="utf-8")
    print(f"Machine: {result['machine']}; median of {args.repeat} runs per timed stage")
    print(table(rows))
    print(process_table(rows))
    for size, runs in serve.items():
        print(f"mkdocs serve, {size or 'shipped data, no'} synthetic updates: page served after a "
              + "; ".join(f"{kind.replace('_', ' ')} save {sorted(s)[len(s) // 2]} s (runs {s})"
                          for kind, s in runs.items()))
    return 0


if __name__ == "__main__":
    sys.exit(main())
