"""Fingerprints of the source documents, so that a test can tell copied prose from our own.

The site uses its sources' facts and short attributed quotations, and writes every sentence in
its own words. To check that without keeping the documents themselves in the repository, this
tool reads a folder of source documents (plain text or Markdown) and writes one line per run of
twelve words found in them: a short hash of the run, never its words. The test then hashes every
run of twelve words of the site's prose the same way and reports those the documents contain.

    python -m build_tools.tools.seed_fingerprints SOURCES_DIR [--out FILE]

A line holding a tab is a row of a table in the source documents; the site reproduces such tables
cell for cell, so their runs are written apart ("table") from the running prose ("prose").
"""

from __future__ import annotations

import argparse
import hashlib
import re
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

from build_tools import paths

RUN = 12  # words: a shorter run is a phrase any two writers may share
HASH_CHARS = 12  # hex characters of blake2b kept per run
DEFAULT_FIXTURE = paths.REPO_ROOT / "tests" / "fixtures" / "seed-shingles.txt"
KINDS = ("txt", "md")  # plain text and Markdown, by the end of the file's name

_FOOTNOTE = re.compile(r"<sup>.*?</sup>", re.S | re.I)
_TAG = re.compile(r"<[^>]+>")
_LINK = re.compile(r"!?\[([^\]]*)\]\([^)]*\)")
_URL = re.compile(r"(?:https?://|www\.)\S+")
_PARAGRAPH_BREAK = r"\n(?![ \t]*\n)"  # a quotation may run over lines, not over paragraphs
_DOUBLE_QUOTED = re.compile(rf'"(?:[^"\n]|{_PARAGRAPH_BREAK})*"|“(?:[^”\n]|{_PARAGRAPH_BREAK})*”')
_BLOCKQUOTE = re.compile(r"^[ \t]*>.*$", re.M)


def words(text: str) -> list[str]:
    """The words of `text` as both sides are compared: no markup, links, footnote marks or
    punctuation, lower case; so that a copy is found whatever its typography."""
    text = _FOOTNOTE.sub(" ", text)
    text = _LINK.sub(r"\1", text)
    text = _URL.sub(" ", text)
    text = _TAG.sub(" ", text)
    text = "".join(" " if unicodedata.category(c) == "No" else c for c in text)  # ¹ ² ³
    kept = []
    for char in unicodedata.normalize("NFKC", text.lower()):
        category = unicodedata.category(char)
        if category.startswith(("L", "Nd")) or char.isspace():
            kept.append(char)
        elif category.startswith(("P", "S")) and category not in ("Pd", "Ps", "Pe"):
            continue  # apostrophes and marks: "chair's" and "chair’s" are one word
        else:
            kept.append(" ")  # dashes and brackets: a word break
    return "".join(kept).split()


def run_hash(run: Sequence[str]) -> str:
    return hashlib.blake2b(" ".join(run).encode("utf-8")).hexdigest()[:HASH_CHARS]


def run_hashes(text_words: Sequence[str]) -> list[str]:
    """The hash of every run of RUN consecutive words, in order."""
    return [run_hash(text_words[i:i + RUN]) for i in range(len(text_words) - RUN + 1)]


def without_quotations(text: str) -> str:
    """The text with what it quotes taken out: passages in double quotation marks, straight or
    curly, and Markdown blockquotes. A quotation with its attribution is allowed; the check is
    for the site's own sentences. Each side of a taken-out passage stays a separate stretch."""
    text = _BLOCKQUOTE.sub(" \u2029 ", text)
    return _DOUBLE_QUOTED.sub(" \u2029 ", text)


def stretches(text: str) -> list[list[str]]:
    """The words of each stretch of unquoted prose: a run never joins the words before a
    quotation to those after it."""
    return [w for part in without_quotations(text).split("\u2029") if (w := words(part))]


@dataclass(frozen=True)
class Fingerprints:
    prose: frozenset[str]
    table: frozenset[str]

    def copied_runs(self, text_words: Sequence[str], *, in_table: bool = False) -> list[str]:
        """Each stretch of `text_words` of RUN words or more found in the sources, as words.

        A table's cell may reproduce a table of the sources, so only their running prose
        counts against it."""
        known = self.prose if in_table else self.prose | self.table
        found = [i for i, h in enumerate(run_hashes(text_words)) if h in known]
        runs: list[tuple[int, int]] = []
        for i in found:
            if runs and i <= runs[-1][1]:
                runs[-1] = (runs[-1][0], i + RUN)
            else:
                runs.append((i, i + RUN))
        return [" ".join(text_words[start:end]) for start, end in runs]


def split_document(text: str) -> tuple[str, str]:
    """(running prose, table rows) of one source document: a line with a tab is a table row."""
    lines = text.splitlines()
    return ("\n".join(line for line in lines if "\t" not in line),
            "\n".join(line for line in lines if "\t" in line))


def fingerprint(documents: Iterable[str]) -> Fingerprints:
    prose: set[str] = set()
    table: set[str] = set()
    for text in documents:
        running, rows = split_document(text)
        prose.update(run_hashes(words(running)))
        for row in rows.splitlines():
            table.update(run_hashes(words(row)))
    return Fingerprints(frozenset(prose), frozenset(table))


def fixture_text(prints: Fingerprints) -> str:
    header = ("# Hashes of every run of 12 words of the source documents (blake2b, first 12 hex\n"
              "# characters), written by build_tools/tools/seed_fingerprints.py; not their text.\n"
              "# 'prose': running prose; 'table': rows of the documents' tables.\n")
    lines = [f"prose {h}" for h in sorted(prints.prose)]
    lines += [f"table {h}" for h in sorted(prints.table)]
    return header + "\n".join(lines) + "\n"


def read_fixture(path: Path) -> Fingerprints:
    prose: set[str] = set()
    table: set[str] = set()
    for line in path.read_text(encoding="utf-8").splitlines():
        if line and not line.startswith("#"):
            kind, value = line.split()
            (table if kind == "table" else prose).add(value)
    return Fingerprints(frozenset(prose), frozenset(table))


def read_documents(folder: Path) -> list[str]:
    """Every source document in `folder`; a README describing the folder is not one of them."""
    return [p.read_text(encoding="utf-8") for p in sorted(folder.iterdir())
            if p.suffix.lstrip(".") in KINDS and p.stem.upper() != "README"]


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("sources", type=Path, help="folder of the source documents")
    parser.add_argument("--out", type=Path, default=DEFAULT_FIXTURE, help="fixture to write")
    args = parser.parse_args(argv)
    documents = read_documents(args.sources)
    if not documents:
        parser.error(f"no {' or '.join(sorted(KINDS))} document in {args.sources}")
    prints = fingerprint(documents)
    args.out.write_text(fixture_text(prints), encoding="utf-8")
    print(f"{len(documents)} documents: {len(prints.prose)} runs of prose and "
          f"{len(prints.table)} of tables written to {args.out.name}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
