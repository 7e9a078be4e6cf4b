"""Hostile YAML: the time, peak memory and output of `validate` on each file of the test corpus.

`python -m benchmarks.hostile` adds each case of `tests/test_hostile_yaml.py` to a copy of the
minimal data in a temporary folder and runs `python -m build_tools validate` on it in a fresh
process, three times; it prints the median wall-clock and CPU time (user and system; the
CPU time varies less on a shared machine), the largest peak memory and the output size as a
Markdown table. The test asserts generous bounds; this records the real figures.
"""

from __future__ import annotations

import shutil
import statistics
import tempfile
from pathlib import Path

from tests.conftest import MINIMAL_DATA
from tests.test_hostile_yaml import CASES, Run, place, validate

REPEAT = 3


def measure(files: dict[str, str | bytes | object]) -> list[Run]:
    runs = []
    for _ in range(REPEAT):
        with tempfile.TemporaryDirectory() as folder:
            data = Path(folder) / "data"
            shutil.copytree(MINIMAL_DATA, data)
            place(data, files)
            runs.append(validate(data))
    return runs


def main() -> int:
    print("| case | exit | wall s | CPU s | peak MiB | output bytes |")
    print("| --- | --- | --- | --- | --- | --- |")
    for name, case in [("none (the minimal data, valid)", None), *sorted(CASES.items())]:
        runs = measure(case.files if case else {})
        print(f"| {name} | {runs[0].returncode} | {statistics.median(r.seconds for r in runs):.2f}"
              f" | {statistics.median(r.cpu_seconds for r in runs):.2f}"
              f" | {max(r.megabytes for r in runs):.0f} | {len(runs[0].output.encode()):,} |")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
