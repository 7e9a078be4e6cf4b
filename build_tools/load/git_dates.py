"""The date of each file's last commit, read from git in one pass over the history.

Dates come from commits, never from the clock or the files' modification
times, so two builds of one commit print the same dates. A file git does not
know (new, or a checkout without history) has no date. CI must fetch the
whole history for these dates to be right (`fetch-depth: 0`).
"""

from __future__ import annotations

import datetime as dt
import subprocess
from collections.abc import Iterable, Mapping
from pathlib import Path


def last_commit_dates(repo_root: Path, folders: Iterable[str]) -> dict[str, dt.date]:
    """Path from `repo_root` -> the committer date of the last commit that changed it."""
    command = ["git", "-C", str(repo_root), "log", "--relative", "--format=%x00%cs",
               "--name-only", "--no-renames", "--", *folders]
    try:
        result = subprocess.run(command, capture_output=True, text=True, check=True)
    except (OSError, subprocess.CalledProcessError):
        return {}
    dates: dict[str, dt.date] = {}
    current: dt.date | None = None
    for line in result.stdout.splitlines():
        if line.startswith("\0"):
            current = dt.date.fromisoformat(line[1:])
        elif line and current is not None:
            dates.setdefault(line, current)  # the log runs newest first
    return dates


def page_dates(sources: Mapping[str, Iterable[str]],
               dates: Mapping[str, dt.date]) -> dict[str, dt.date]:
    """Each page's date: the latest of its files' dates (no date when none of them has one)."""
    out: dict[str, dt.date] = {}
    for page, files in sources.items():
        known = [dates[f] for f in files if f in dates]
        if known:
            out[page] = max(known)
    return out


def head_commit_date(repo_root: Path) -> dt.date | None:
    """The committer date of the commit checked out: the day a build of it is of, whatever
    the clock says. None without git or history."""
    command = ["git", "-C", str(repo_root), "log", "-1", "--format=%cs"]
    try:
        result = subprocess.run(command, capture_output=True, text=True, check=True)
        return dt.date.fromisoformat(result.stdout.strip())
    except (OSError, subprocess.CalledProcessError, ValueError):
        return None


def commit_date(repo_root: Path, path: Path) -> dt.date | None:
    """The day of the commit the site is built from (HEAD), for a file as that commit holds it:
    None when git or the commit is missing, or when the file has changes not committed yet,
    whose commit will come later."""
    try:
        changed = subprocess.run(["git", "-C", str(repo_root), "status", "--porcelain", "--",
                                  str(path)], capture_output=True, text=True, check=True).stdout
    except (OSError, subprocess.CalledProcessError):
        return None
    return None if changed.strip() else head_commit_date(repo_root)
