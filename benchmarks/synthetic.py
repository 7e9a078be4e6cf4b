"""Synthetic data sets of realistic shape for the benchmark: the shipped data plus N updates.

Updates go into synthetic sessions of 50 updates each (a long session, or a
year of intersessional work), each about 600 words with article references in
the forms editors use. Deterministic: the same size gives the same files.
"""

from __future__ import annotations

import datetime as dt
import random
import shutil
from pathlib import Path

from build_tools import paths

UPDATES_PER_SESSION = 50
REFERENCES = ("article 24", "articles 29 and 30", "article 6,2", "Article 40, paragraph 21",
              "articles 14 and 16", "Articles 6–16", "article 4", "Art. 35")
WORDS = ("delegations", "the Chair", "proposal", "safeguards", "scope", "cooperation", "text",
         "consensus", "informal", "plenary", "states", "rights", "evidence", "protocol",
         "threshold", "criminalization", "paragraph", "draft", "support", "objection")


def make_dataset(target: Path, updates: int, seed: int = 7) -> Path:
    """Write a data directory with the shipped data and `updates` synthetic updates."""
    data = target / "data"
    if data.exists():
        shutil.rmtree(data)
    shutil.copytree(paths.DATA_DIR, data)
    rng = random.Random(seed)
    sessions = (updates + UPDATES_PER_SESSION - 1) // UPDATES_PER_SESSION
    start = dt.date(2030, 1, 1)
    for s in range(sessions):
        first = start + dt.timedelta(days=60 * s)
        count = min(UPDATES_PER_SESSION, updates - s * UPDATES_PER_SESSION)
        folder = data / "sessions" / f"synthetic-session-{s + 1:03d}"
        (folder / "updates").mkdir(parents=True)
        (folder / "session.yaml").write_text(
            f"title: Synthetic session {s + 1}\nkind: negotiating\nstart: {first}\n"
            f"end: {first + dt.timedelta(days=count)}\ncity: {('New York', 'Vienna')[s % 2]}\n"
            "draft: updated-draft\nsummary: |\n  A session made for measuring build time.\n",
            encoding="utf-8")
        for n in range(1, count + 1):
            (folder / "updates" / f"{n:02d}-day-{n}.yaml").write_text(
                _update(n, first + dt.timedelta(days=n - 1), rng), encoding="utf-8")
    return data


def _update(number: int, day: dt.date, rng: random.Random) -> str:
    paragraphs = []
    for _ in range(6):
        words = [rng.choice(WORDS) for _ in range(95)]
        words.insert(rng.randrange(len(words)), rng.choice(REFERENCES))
        paragraphs.append("  " + " ".join(words).capitalize() + ".")
    body = "\n\n".join(paragraphs)
    return (f"number: {number}\ntitle: \"Day {number}: {rng.choice(WORDS)}\"\ndate: {day}\n"
            f"summary: Delegations discussed {rng.choice(REFERENCES)}.\nbody: |\n{body}\n"
            "sources:\n  - ref: gitoc-daily-updates-reconvened\n")
