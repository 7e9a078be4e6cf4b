"""No running prose of the source documents copied into the site (issue 27).

The site uses its sources' facts, figures, dates, names and short quotations with their
attribution, and writes every sentence in its own words. `tests/fixtures/seed-shingles.txt` holds a
hash of every run of twelve words of the source documents (written by
`build_tools/tools/seed_fingerprints.py`); a run of twelve words or more of the prose of `data/` or
`content/` whose hash is there, outside quotation marks, is a copy. A table's cells may reproduce a
table of the sources cell for cell, so they are checked against the documents' running prose only.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import yaml

from build_tools import paths
from build_tools.tools.seed_fingerprints import (
    RUN,
    Fingerprints,
    fingerprint,
    main,
    read_fixture,
    stretches,
    words,
)

FIXTURE = Path(__file__).resolve().parent / "fixtures" / "seed-shingles.txt"
# Names, not sentences: a document's or a page's title, and what only a machine reads.
NOT_PROSE = frozenset({"title", "url", "ref", "id", "symbol", "locator", "date"})


def yaml_texts(node: Any, *, in_table: bool = False, key: str = "",
               in_quotes: bool = False) -> Iterator[tuple[str, bool]]:
    """Every string of a data file that is prose, with whether it is a table's cell. The draft
    text a source quotes (`quotes[].text`) is a quotation and is left out."""
    if isinstance(node, str):
        if key not in NOT_PROSE and not (in_quotes and key == "text"):
            yield node, in_table
    elif isinstance(node, dict):
        for k, value in node.items():
            cell = in_table and k != "note"  # a cell's note is the site's own words
            yield from yaml_texts(value, in_table=cell, key=str(k),
                                  in_quotes=in_quotes or k == "quotes")
    elif isinstance(node, list):
        for item in node:
            yield from yaml_texts(item, in_table=in_table, key=key, in_quotes=in_quotes)


def table_texts(data: dict[str, Any]) -> Iterator[tuple[str, bool]]:
    """A table file: its rows' cells are cells, everything else is prose."""
    yield from yaml_texts({k: v for k, v in data.items() if k != "rows"})
    yield from yaml_texts(data.get("rows", []), in_table=True)


def prose_of(root: Path) -> Iterator[tuple[str, str, bool]]:
    """(file, text, in a table) for every piece of prose under `root`'s data/ and content/."""
    for path in sorted((root / "data").rglob("*.yaml")):
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        texts = table_texts(data) if path.parent.name == "tables" else yaml_texts(data)
        for text, in_table in texts:
            yield path.relative_to(root).as_posix(), text, in_table
    for path in sorted((root / "content").rglob("*.md")):
        yield path.relative_to(root).as_posix(), path.read_text(encoding="utf-8"), False


def copies(prints: Fingerprints, root: Path) -> list[str]:
    """One line per copied run: the file and the words."""
    found = []
    for where, text, in_table in prose_of(root):
        for stretch in stretches(text):
            found += [f"{where}: {run}" for run in prints.copied_runs(stretch, in_table=in_table)]
    return found


@pytest.fixture(scope="module")
def prints() -> Fingerprints:
    return read_fixture(FIXTURE)


def test_the_fixture_holds_the_documents_prose_and_tables(prints: Fingerprints) -> None:
    assert len(prints.prose) > 10_000 and prints.table


def test_no_run_of_twelve_words_is_copied_from_a_source(prints: Fingerprints) -> None:
    found = copies(prints, paths.REPO_ROOT)
    assert not found, ("prose copied from a source document; write it in the site's own words, "
                       "or quote it with its attribution:\n" + "\n".join(found))


# -- the check can fail ----------------------------------------------------------------------

SOURCE = ("The committee met for two weeks in New York and the delegations argued at length "
          "about the scope of the treaty and its safeguards.\n"
          "CRIME TIER\tWHERE IT IS DEFINED IN THE DRAFT\n"
          "Offences relating to other international treaties\tArticle 17, Chapter II: "
          "Criminalization; not defined in further detail\n")
COPIED = "argued at length about the scope of the treaty and its safeguards"


@pytest.fixture
def planted(tmp_path: Path) -> tuple[Fingerprints, Path]:
    for folder in ("data/tables", "content"):
        (tmp_path / folder).mkdir(parents=True)
    return fingerprint([SOURCE]), tmp_path


def plant(root: Path, name: str, text: str) -> None:
    (root / name).write_text(text, encoding="utf-8")


def test_a_copied_run_of_twelve_words_is_caught(planted: tuple[Fingerprints, Path]) -> None:
    prints, root = planted
    assert len(COPIED.split()) == RUN
    plant(root, "data/update.yaml", yaml.safe_dump({"body": f"In short, the {COPIED}, again."}))
    plant(root, "content/about.md", "# About\n\nThey *Argued* at length about the scope of "
                                    "the treaty and its [safeguards](/safeguards/).\n")
    assert copies(prints, root) == [f"data/update.yaml: {COPIED}",
                                    f"content/about.md: {COPIED}"]


def test_eleven_words_quotations_and_reproduced_tables_pass(
        planted: tuple[Fingerprints, Path]) -> None:
    prints, root = planted
    eleven = " ".join(COPIED.split()[1:])
    body = (f"They said that {eleven}. GI-TOC wrote that the “{COPIED}”.\n\n"
            f'It also wrote: "the {COPIED}".\n\n> The {COPIED}.\n')
    plant(root, "data/update.yaml", yaml.safe_dump({"body": body, "quotes": [{"text": COPIED}]}))
    cell = "Article 17, Chapter II: Criminalization; not defined in further detail"
    plant(root, "data/tables/tiers.yaml", yaml.safe_dump({"rows": [{"where": cell}]}))
    assert copies(prints, root) == []


def test_a_tables_row_copied_into_running_prose_is_caught(
        planted: tuple[Fingerprints, Path]) -> None:
    prints, root = planted
    text = "Offences relating to other international treaties: Article 17, Chapter II: " \
           "Criminalization; not defined in further detail."
    plant(root, "data/update.yaml", yaml.safe_dump({"body": text}))
    assert len(copies(prints, root)) == 1


def test_a_tables_cell_copying_running_prose_is_caught(planted: tuple[Fingerprints, Path]) -> None:
    prints, root = planted
    plant(root, "data/tables/tiers.yaml", yaml.safe_dump({"rows": [{"where": COPIED}]}))
    assert copies(prints, root) == [f"data/tables/tiers.yaml: {COPIED}"]


def test_the_tool_writes_hashes_not_words(tmp_path: Path) -> None:
    folder = tmp_path / "documents"
    folder.mkdir()
    (folder / "brief.txt").write_text(SOURCE, encoding="utf-8")
    (folder / "README.md").write_text(f"About these documents: {COPIED}.\n", encoding="utf-8")
    fixture = tmp_path / "shingles.txt"
    assert main([str(folder), "--out", str(fixture)]) == 0
    text = fixture.read_text(encoding="utf-8")
    assert "treaty" not in text.split("\n", 3)[-1]
    assert read_fixture(fixture) == fingerprint([SOURCE])


def test_words_set_typography_aside() -> None:
    assert words("The Chair’s <sup>12</sup> [draft](https://example.org/x), 6–16 ¹ “it”") == [
        "the", "chairs", "draft", "6", "16", "it"]
