"""Build the whole site with MkDocs into a fresh directory, then swap it into place.

A failed build (bad data, a broken link under --strict, anything) leaves the
previous site directory exactly as it was: MkDocs writes into a temporary
directory beside it, and only a complete build replaces the old one.

The site carries its own offline copy: a second build with Material's offline
plugin (`mkdocs-offline.yml`), zipped into the site as `OFFLINE_ZIP` with
sorted entries and fixed times, so that one commit gives the same bytes.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

from build_tools import paths, report
from build_tools.urls import OFFLINE_FOLDER, OFFLINE_ZIP

# Files of a web server's, not of a copy read from disk: a missing page's stand-in (whose links
# start at the website's root) and the sitemaps for search engines.
SERVER_ONLY = frozenset({"404.html", "sitemap.xml", "sitemap.xml.gz"})


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


# The engines that build the site from mkdocs.yml, with the same hook, theme and plugins: MkDocs
# 1.x, and ProperDocs, which continues it (see the README's "Site engines").
ENGINES = ("mkdocs", "properdocs")


def build_site(site_dir: Path = paths.REPO_ROOT / "site",
               config_file: Path = paths.REPO_ROOT / "mkdocs.yml", engine: str = "mkdocs",
               offline: bool = True) -> int:
    """Run the engine's `build` into a temporary directory and replace `site_dir` only on
    success; the offline copy (from the config file's `-offline` sibling, when there is one
    and `offline` is true) is built and zipped into it first. The data's warnings are printed
    last, with their count."""
    staging = site_dir.with_name(f".site-build-{os.getpid()}")
    copy_dir = site_dir.with_name(f".site-offline-{os.getpid()}")
    offline_config = config_file.with_name(f"{config_file.stem}-offline{config_file.suffix}")
    with_copy = offline and offline_config.is_file()
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1")
    epoch = source_date_epoch(config_file.parent)
    if epoch:
        env["SOURCE_DATE_EPOCH"] = epoch
    handed_over = site_dir.with_name(f".site-warnings-{os.getpid()}.json")
    try:
        built = _build(engine, config_file, staging, env, handed_over) and (
            not with_copy
            or _build(engine, offline_config, copy_dir, env, copy_dir.with_suffix(".json")))
        if built and with_copy:
            for name in SERVER_ONLY:
                (copy_dir / name).unlink(missing_ok=True)
            zip_folder(copy_dir, staging / OFFLINE_ZIP, OFFLINE_FOLDER, int(epoch or 0))
        warnings = report.load(handed_over)
    finally:
        shutil.rmtree(copy_dir, ignore_errors=True)
        for kept in (handed_over, copy_dir.with_suffix(".json")):
            kept.unlink(missing_ok=True)
    if not built:
        shutil.rmtree(staging, ignore_errors=True)
        print(f"The site was not rebuilt; {site_dir.name}/ is unchanged.", file=sys.stderr)
        return 1
    previous = site_dir.with_name(f".site-old-{os.getpid()}")
    if site_dir.exists():
        site_dir.rename(previous)
    staging.rename(site_dir)
    shutil.rmtree(previous, ignore_errors=True)
    print(f"Site built in {site_dir.name}/: open {site_dir.name}/index.html, or run "
          "'make serve' for a live preview.")
    report.warnings(warnings, announced=False)  # `make validate` announces them in CI
    return 0


def _build(engine: str, config_file: Path, site_dir: Path, env: dict[str, str],
           warnings: Path) -> bool:
    """One build; the data's warnings handed over in `warnings`, not printed by the child."""
    shutil.rmtree(site_dir, ignore_errors=True)
    command = [sys.executable, "-m", engine, "build", "--strict", "--quiet",
               "--config-file", str(config_file), "--site-dir", str(site_dir)]
    env = dict(env, **{report.WARNINGS_FILE: str(warnings)})
    return subprocess.run(command, env=env, cwd=config_file.parent).returncode == 0


def zip_folder(folder: Path, target: Path, inside: str, epoch: int) -> None:
    """`folder` zipped as `inside/...`: entries sorted, every time set to `epoch` (at the
    earliest 1980, the first time a zip can hold), so that one commit gives the same bytes."""
    import datetime as dt

    when = max(dt.datetime.fromtimestamp(epoch, dt.UTC),
               dt.datetime(1980, 1, 1, tzinfo=dt.UTC)).timetuple()[:6]
    target.parent.mkdir(parents=True, exist_ok=True)
    with zipfile.ZipFile(target, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        for path in sorted(p for p in folder.rglob("*") if p.is_file()):
            entry = zipfile.ZipInfo(f"{inside}/{path.relative_to(folder).as_posix()}", when)
            entry.compress_type = zipfile.ZIP_DEFLATED
            entry.external_attr = 0o644 << 16
            archive.writestr(entry, path.read_bytes())
