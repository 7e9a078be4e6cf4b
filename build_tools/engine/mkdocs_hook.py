"""The MkDocs hook named in mkdocs.yml (`hooks:`): the events of one `Adapter` (`adapter.py`).

MkDocs loads this file by its path, once per process; the adapter it makes lives as long
as the process, a server's included.
"""

from __future__ import annotations

import sys
from pathlib import Path

# MkDocs loads a hook by file path, not as part of its package; make the
# package importable even when it is not installed in the environment.
sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from build_tools.engine.adapter import Adapter  # noqa: E402

_adapter = Adapter()
on_startup = _adapter.on_startup
on_shutdown = _adapter.on_shutdown
on_serve = _adapter.on_serve
on_config = _adapter.on_config
on_env = _adapter.on_env
on_files = _adapter.on_files
on_page_markdown = _adapter.on_page_markdown
on_page_content = _adapter.on_page_content
on_post_page = _adapter.on_post_page
on_post_template = _adapter.on_post_template
on_post_build = _adapter.on_post_build
