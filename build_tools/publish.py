"""Build the whole site with MkDocs into a fresh directory, then swap it into place.

A failed build (bad data, a broken link under --strict, anything) leaves the
previous site directory exactly as it was: MkDocs writes into a temporary
directory beside it, and only a complete build replaces the old one.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

from build_tools import paths


def source_date_epoch(repo_root: Path) -> str | None:
    """The last commit's time, so that the sitemap's dates are the same on every build."""
    if os.environ.get("SOURCE_DATE_EPOCH"):
        return os.environ["SOURCE_DATE_EPOCH"]
    try:
        result = subprocess.run(["git", "log", "-1", "--format=%ct"], cwd=repo_root,
                                capture_output=True, text=True, check=True)
    except (OSError, subprocess.CalledProcessError):
        return None
    return result.stdout.strip() or None


def build_site(site_dir: Path = paths.REPO_ROOT / "site",
               config_file: Path = paths.REPO_ROOT / "mkdocs.yml") -> int:
    """Run `mkdocs build` into a temporary directory and replace `site_dir` only on success."""
    staging = site_dir.with_name(f".site-build-{os.getpid()}")
    shutil.rmtree(staging, ignore_errors=True)
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1")
    epoch = source_date_epoch(config_file.parent)
    if epoch:
        env["SOURCE_DATE_EPOCH"] = epoch
    command = [sys.executable, "-m", "mkdocs", "build", "--strict", "--quiet",
               "--config-file", str(config_file), "--site-dir", str(staging)]
    if subprocess.run(command, env=env, cwd=config_file.parent).returncode != 0:
        shutil.rmtree(staging, ignore_errors=True)
        print(f"The site was not rebuilt; {site_dir.name}/ is unchanged.", file=sys.stderr)
        return 1
    previous = site_dir.with_name(f".site-old-{os.getpid()}")
    if site_dir.exists():
        site_dir.rename(previous)
    staging.rename(site_dir)
    shutil.rmtree(previous, ignore_errors=True)
    return 0
