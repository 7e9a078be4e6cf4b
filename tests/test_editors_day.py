"""An editor's day, end to end, with the commands of the README and the editing guide only.

On a copy of the shipped data, the editor adds a session and its first update with the
scaffolds, writes it (with a reference to an article that does not exist: a warning, seen at
the end of `make validate`), makes the mistakes of a busy day at once (a colon in a title, a
wrong date, a misspelt field, lines indented with tabs) and reads every one of them in one
run, in the preview's error page too, while the last site stays as it was; fixes them, records
a ratification with a declaration, and sees the pages, the feed and the counts follow.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

from build_tools import paths
from tests.test_cli import tree_digest
from tests.test_serve import fetch, serve, wait_for

SESSION = "intersessional-consultation-6"
UPDATE = f"data/sessions/{SESSION}/updates/01-opening-day.yaml"
PAGE = f"sessions/{SESSION}/updates/01-opening-day/"


class Editor:
    """The repository's commands, run on a copy of the data as the editor runs them."""

    def __init__(self, root: Path) -> None:
        self.root = root
        self.data = root / "data"
        shutil.copytree(paths.DATA_DIR, self.data)
        self.env = dict(os.environ, BRIEFING_DATA_DIR=str(self.data),
                        BRIEFING_CACHE_DIR=str(root / "cache"), NO_MKDOCS_2_WARNING="1")
        self.env.pop("GITHUB_ACTIONS", None)

    def make(self, target: str, **variables: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run(["make", "-s", target, *(f"{k}={v}" for k, v in variables.items())],
                              cwd=paths.REPO_ROOT, env=self.env, capture_output=True, text=True,
                              timeout=600)

    def site(self) -> subprocess.CompletedProcess[str]:
        """What `make site` runs, into the editor's own site/ folder."""
        return subprocess.run([sys.executable, "-m", "build_tools", "site", "--site-dir",
                               str(self.root / "site")], cwd=paths.REPO_ROOT, env=self.env,
                              capture_output=True, text=True, timeout=900)

    def edit(self, path: str, old: str, new: str) -> None:
        target = self.root / path
        text = target.read_text(encoding="utf-8")
        assert old in text, old
        target.write_text(text.replace(old, new, 1), encoding="utf-8")

    def read(self, path: str) -> str:
        return (self.root / path).read_text(encoding="utf-8")


WRITTEN = """\
draft: final-text
summary: States met to prepare the first Conference of the States Parties.
body: |
  The consultation opened with statements on article 99 and article 40.
"""
MISTAKES = {
    'title: "Opening day"': 'title: Opening day: statements',
    "date: 2026-03-02": "date: 2026-03-32",
    "summary: States": "sumary: States",
    "sources: []\n": "sources:\n\t- ref: untc-status\n\t  locator: the first day\n",
}
WARNING = (f"{UPDATE}:9:46: warning: body: 'article 99': no article of the convention is known "
           "to have been article 99 of the final text; check the number, or set 'draft' to the "
           "text it refers to")
RATIFICATION = """\
  - participant: ghana
    action: ratification
    date: 2026-03-02
    notification: C.N.123.2026.TREATIES-XVIII.16
    declarations: Ghana declared that it applies article 22 only to offences on its territory.
    sources:
      - ref: untc-status
"""


def test_an_editors_day(tmp_path: Path) -> None:
    editor = Editor(tmp_path)

    # Morning: the meeting opens. A session, then its first update, with the scaffolds.
    made = editor.make("new-session", SESSION=SESSION, KIND="intersessional",
                       START="2026-03-02", END="2026-03-03", CITY="Vienna")
    assert made.returncode == 0, made.stderr
    assert made.stdout.splitlines()[0] == f"data/sessions/{SESSION}/session.yaml"
    made = editor.make("new-update", SESSION=SESSION, TITLE="Opening day", DATE="2026-03-02")
    assert made.returncode == 0, made.stderr
    assert made.stdout.strip() == UPDATE
    # Written as the guide says: the summary and the body, the draft the body refers to, and
    # the line that kept it unpublished deleted.
    editor.edit(UPDATE, "unpublished: true\nsummary: \"\"\nbody: |\n\n", WRITTEN)
    checked = editor.make("validate")
    assert checked.returncode == 0, checked.stderr
    assert checked.stderr.splitlines() == [
        WARNING,
        "1 warning in 1 file (the site is built and published all the same; fix it when you "
        "can)"]
    built = editor.site()
    assert built.returncode == 0, built.stderr
    assert built.stderr.splitlines()[-2:] == checked.stderr.splitlines()
    published = tree_digest(tmp_path / "site")
    assert f"{PAGE}index.html" in published
    counted = json.loads(editor.read("site/data/treaty-status.json"))["instruments"]

    # Midday, in a hurry: four mistakes in one save, every one listed by one run.
    good = editor.read(UPDATE)
    broken = good
    for old, new in MISTAKES.items():
        broken = broken.replace(old, new)
    (tmp_path / UPDATE).write_text(broken, encoding="utf-8")
    checked = editor.make("validate")
    assert checked.returncode != 0
    problems = [
        f"{UPDATE}:3:19: error: YAML syntax error: mapping values are not allowed in this "
        "context (a value contains ': '; put the whole value in double quotes)",
        f"{UPDATE}:4:7: error: date: expected a date YYYY-MM-DD that exists in the calendar, "
        "received '2026-03-32'",
        f"{UPDATE}:7:1: error: unknown field 'sumary'; did you mean 'summary'?",
        f"{UPDATE}:11:1: error: a tab is used for indentation; indent with spaces",
        f"{UPDATE}:12:1: error: a tab is used for indentation; indent with spaces",
    ]
    # make's own line ("make: ***", or "make[1]: ***" when the tests run under `make test`).
    said = [line for line in checked.stderr.splitlines() if not re.match(r"make(\[\d+\])?: ", line)]
    assert said == [*problems, "Build stopped: 5 errors and 0 warnings in 1 file."]
    assert editor.site().returncode == 1
    assert tree_digest(tmp_path / "site") == published  # the last good site, as it was
    with serve(editor.data, ready="The data has errors", page=PAGE,
               BRIEFING_CACHE_DIR=str(tmp_path / "cache")) as base:
        page = fetch(base + PAGE)
        assert all(p in page for p in problems)
        # Afternoon: each mistake fixed as its message says; the warning too.
        (tmp_path / UPDATE).write_text(good.replace("article 99", "article 9"), encoding="utf-8")
        assert wait_for(base + PAGE, "#1: Opening day", seconds=120)
        assert 'id="data-warnings"' not in fetch(base + PAGE)

    # Evening: the depositary lists Ghana's ratification, with a declaration.
    editor.edit("data/treaty-status.yaml", "events:\n", "events:\n" + RATIFICATION)
    before = editor.read("data/treaty-status.yaml")
    as_of = next(line for line in before.splitlines() if line.startswith("as_of: "))
    editor.edit("data/treaty-status.yaml", as_of, "as_of: 2026-03-02")
    checked = editor.make("validate")
    assert checked.returncode == 0 and checked.stderr == "", checked.stderr
    built = editor.site()
    assert built.returncode == 0, built.stderr
    site = tmp_path / "site"
    status = (site / "treaty-status/index.html").read_text(encoding="utf-8")
    assert "applies article 22 only to offences on its territory" in status
    ghana = (site / "states/ghana/index.html").read_text(encoding="utf-8")
    assert "Ratification" in ghana and "2 March 2026" in ghana
    feed = (site / "treaty-status/feed.xml").read_text(encoding="utf-8")
    assert "Ghana: ratification" in feed
    assert json.loads(editor.read("site/data/treaty-status.json"))["instruments"] == counted + 1
    update = (site / PAGE / "index.html").read_text(encoding="utf-8")
    assert "States met to prepare" in update and "data-warnings" not in update
