"""The reference finder: every form the sources use, instruments it must leave alone, properties."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from build_tools.prose import references
from build_tools.prose.references import find_references


def items(text: str) -> list[tuple[int, tuple[int, ...], int | None, str]]:
    return [(i.article, i.paragraphs, i.last, text[i.start:i.end])
            for ref in find_references(text) for i in ref.items]


@pytest.mark.parametrize("text, expected", [
    ("article 24", [(24, (), None, "article 24")]),
    ("Article 4", [(4, (), None, "Article 4")]),
    ("articles 24, 35 and 40", [(24, (), None, "articles 24"), (35, (), None, "35"),
                                (40, (), None, "40")]),
    ("articles 29 and 30", [(29, (), None, "articles 29"), (30, (), None, "30")]),
    ("articles 14 and 16", [(14, (), None, "articles 14"), (16, (), None, "16")]),
    ("article 6,2", [(6, (2,), None, "article 6,2")]),
    ("articles 6,2 and 24", [(6, (2,), None, "articles 6,2"), (24, (), None, "24")]),
    ("Article 23(2)", [(23, (2,), None, "Article 23(2)")]),
    ("Article 40, paragraph 21", [(40, (21,), None, "Article 40, paragraph 21")]),
    ("Articles 6–16", [(6, (), 16, "Articles 6–16")]),
    ("Articles 1 to 16", [(1, (), 16, "Articles 1 to 16")]),
    ("article14", [(14, (), None, "article14")]),
    ("Art. 24", [(24, (), None, "Art. 24")]),
    ("Iran asked for votes on articles 6,2 (on human rights); 14, paragraphs 1 and 3; 16, "
     "paragraph 1 (offences related to child sexual abuse material); 24 (conditions and "
     "safeguards) and 40,22 (grounds for refusal).",
     [(6, (2,), None, "articles 6,2"), (14, (1, 3), None, "14, paragraphs 1 and 3"),
      (16, (1,), None, "16, paragraph 1"), (24, (), None, "24"), (40, (22,), None, "40,22")]),
])
def test_every_form_of_the_sources(text: str, expected: list[object]) -> None:
    assert items(text) == expected


@pytest.mark.parametrize("text", [
    "Article 2 of the UNTOC",
    "article 17 of the Budapest Convention",
    "Article 57.4 of UNCAC",
    "the 2024 session", "42 states including the EU", "paragraph 10 of the preamble",
])
def test_other_instruments_and_plain_numbers_are_not_references(text: str) -> None:
    assert find_references(text) == []


def test_own_convention_is_still_linked() -> None:
    assert items("article 5 of the convention")[0][0] == 5
    assert items("Article 3 of this Convention")[0][0] == 3


def test_counted_things_after_a_reference_are_not_articles() -> None:
    assert items("article 24 and 35 states agreed") == [(24, (), None, "article 24")]


ARTICLE = st.integers(min_value=1, max_value=999)
FORMS = st.sampled_from(["article {n}", "Article {n}", "Art. {n}", "article{n}", "ARTICLE {n}",
                         "articles {n}"])
FILLER = st.text(alphabet=st.sampled_from(list("abcdefghij klmnop,;.()\n")), max_size=40)


@given(FILLER, FORMS, ARTICLE, FILLER)
def test_any_article_in_any_form_amid_any_text(before: str, form: str, n: int, after: str) -> None:
    text = f"{before} {form.format(n=n)} {after}"
    found = [i for ref in find_references(text) for i in ref.items]
    assert [i.article for i in found][:1] == [n]
    assert str(n) in text[found[0].start:found[0].end]


@given(st.lists(ARTICLE, min_size=1, max_size=6))
def test_lists_give_every_item_in_order(numbers: list[int]) -> None:
    words = [str(n) for n in numbers]
    joined = words[0] if len(words) == 1 else ", ".join(words[:-1]) + " and " + words[-1]
    text = f"They discussed articles {joined}."
    assert [i.article for ref in find_references(text) for i in ref.items] == numbers


@given(st.text(alphabet=st.characters(blacklist_characters="aA"), max_size=200))
def test_no_reference_without_the_word(text: str) -> None:
    assert find_references(text) == []


@given(ARTICLE, st.integers(min_value=1, max_value=99))
def test_paragraph_forms_agree(n: int, p: int) -> None:
    forms = [f"article {n},{p}", f"article {n}({p})", f"article {n}, paragraph {p}"]
    assert {(i.article, i.paragraphs) for f in forms for ref in find_references(f)
            for i in ref.items} == {(n, (p,))}


TRIGGER_TEXT = st.text(alphabet="aArRtTiIcClLeEsS .,_é9(\n", max_size=40)


@given(st.lists(st.one_of(TRIGGER_TEXT, st.sampled_from(
    ["Article 5", "ARTICLES 6", "Arts. 2", "Arts 7", "art.3", "particle 4", "Art 5", "xArticle 9"])),
    max_size=6))
def test_the_fast_trigger_search_finds_what_the_pattern_finds(parts: list[str]) -> None:
    text = "".join(parts)
    for position in range(len(text) + 1):
        expected = references._TRIGGER.search(text, position)
        found = references._next_trigger(text, position)
        assert (found and found.span()) == (expected and expected.span())
