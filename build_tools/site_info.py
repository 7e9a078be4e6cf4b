"""The site's name and public address, read from mkdocs.yml: the one place they are set."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from build_tools import paths


@dataclass(frozen=True)
class SiteInfo:
    url: str
    name: str
    # False in the offline copy, whose pages are files ("states/iran.html"), not folders.
    directory_urls: bool = True


def site_info(config_file: Path = paths.REPO_ROOT / "mkdocs.yml") -> SiteInfo:
    # MkDocs' own loader, so that `!ENV [SITE_URL, ...]` resolves exactly as in a build.
    from mkdocs.utils.yaml import yaml_load

    with config_file.open(encoding="utf-8") as handle:
        config = yaml_load(handle)
    return SiteInfo(url=str(config["site_url"]), name=str(config["site_name"]))
