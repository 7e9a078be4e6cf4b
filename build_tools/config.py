"""The build configuration: one frozen value, made once by the caller and passed explicitly.

The CLI and the MkDocs hook make it with `from_environment`, the only place
that reads the environment: `BRIEFING_DATA_DIR` points a build at another
data tree (tests, the benchmark), `BRIEFING_CACHE_DIR` moves the caches.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import os
from dataclasses import dataclass
from pathlib import Path

from build_tools import paths
from build_tools.site_info import SiteInfo, site_info


@dataclass(frozen=True)
class BuildConfig:
    data_dir: Path
    site: SiteInfo
    content_dir: Path = paths.CONTENT_DIR
    cache_dir: Path | None = None  # None: nothing is kept between builds
    # Pages dated by the last commit to the files they are made of (git); off for trees whose
    # commits are not theirs (the tests' fixtures).
    dated: bool = True
    # The date of the commit being built, which dates the treaty record's age on the pages:
    # read from git when the build is `dated`; given by tests of the wording.
    commit_date: dt.date | None = None

    @property
    def templates_cache(self) -> Path | None:
        return self.cache_dir / "templates" if self.cache_dir else None

    @property
    def staging_dir(self) -> Path | None:
        """Where the MkDocs hook keeps the generated files of this data directory."""
        folder = "generated" if self.site.directory_urls else "generated-offline"
        return self.cache_dir / folder if self.cache_dir else None

    @classmethod
    def from_environment(cls, data_dir: Path | None = None,
                         site: SiteInfo | None = None) -> BuildConfig:
        """The data in `data_dir` (else $BRIEFING_DATA_DIR, else data/), with caches kept in
        $BRIEFING_CACHE_DIR (else .cache/), in a folder of their own per data directory."""
        data = (data_dir or Path(os.environ.get("BRIEFING_DATA_DIR", paths.DATA_DIR))).resolve()
        root = Path(os.environ.get("BRIEFING_CACHE_DIR", paths.REPO_ROOT / ".cache"))
        key = hashlib.sha256(str(data).encode()).hexdigest()[:12]
        return cls(data_dir=data, site=site or site_info(), cache_dir=root / key)
