"""Segmentation: sentences with exact offsets back into the article file."""

from __future__ import annotations

from pathlib import Path

import pytest

from factcheck import nlp
from factcheck.cache import Cache
from factcheck.clean import clean_article
from factcheck.pipeline import article_from_paragraphs
from factcheck.segment import segment
from factcheck.settings import DEFAULT_SPACY_MODEL
from factcheck.types import Article, ArticleMeta, TextFormat


def _segment(*paragraphs: str, cache: Cache | None = None) -> list[str]:
    art = article_from_paragraphs("src", list(paragraphs))
    statements = segment([art], spacy_model=DEFAULT_SPACY_MODEL, cache=cache or Cache(None))
    return [s.text for s in statements]


def test_segment_splits_a_paragraph_into_sentences() -> None:
    assert _segment("The council met on Tuesday. It approved the plan by seven votes.") == [
        "The council met on Tuesday.",
        "It approved the plan by seven votes.",
    ]


def test_segment_keeps_a_quote_and_its_attribution_together() -> None:
    texts = _segment("“We believe in open models,” wrote Zuckerberg. The letter went on.")
    assert texts[0] == "“We believe in open models,” wrote Zuckerberg."


def test_segment_drops_fragments_shorter_than_three_words() -> None:
    assert _segment("Still, yes.", "The bridge will close for two years.") == [
        "The bridge will close for two years."
    ]


def test_segment_numbers_statements_per_source_in_reading_order() -> None:
    art = article_from_paragraphs("bbc", ["First sentence is here.", "Second one is here too."])
    ids = [s.id for s in segment([art], spacy_model=DEFAULT_SPACY_MODEL, cache=Cache(None))]
    assert ids == ["bbc:1", "bbc:2"]


def test_segment_offsets_point_into_the_original_file_text() -> None:
    text = "Headline Of The Day\n\nThe mayor said the bridge carries 40,000 vehicles a day.\n"
    article = Article("a", Path("a.txt"), text, 0, TextFormat.TXT, "utf-8", ArticleMeta())
    (st,) = segment([clean_article(article)], spacy_model=DEFAULT_SPACY_MODEL, cache=Cache(None))
    assert text[st.start : st.end] == st.text
    assert st.line == 3


def test_segment_offsets_survive_markdown_markup() -> None:
    text = "Officials backed a **$120m** [plan](https://x.org) on Tuesday.\n"
    article = Article("m", Path("m.md"), text, 0, TextFormat.MD, "utf-8", ArticleMeta())
    (st,) = segment([clean_article(article)], spacy_model=DEFAULT_SPACY_MODEL, cache=Cache(None))
    assert st.text == "Officials backed a $120m plan on Tuesday."
    assert text[st.start : st.end].startswith("Officials backed a **$120m** [plan]")
    assert text[st.end - 1] == "."


def test_segment_token_offsets_are_relative_to_the_statement() -> None:
    art = article_from_paragraphs("s", ["Intro words here. Meta invested $14.3 billion in 2025."])
    st = segment([art], spacy_model=DEFAULT_SPACY_MODEL, cache=Cache(None))[1]
    assert all(st.text[t.start : t.end] == t.text for t in st.tokens)
    assert all(st.text[e.start : e.end] == e.text for e in st.entities)


def test_segment_warm_cache_does_not_run_spacy(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    paragraph = "A sentence that is cached. Another one follows it."
    cold = _segment(paragraph, cache=Cache(tmp_path))

    def refuse(name: str) -> None:
        raise AssertionError("spaCy was loaded on a warm cache")

    monkeypatch.setattr(nlp, "_load", refuse)
    assert _segment(paragraph, cache=Cache(tmp_path)) == cold


def test_segment_keeps_a_two_word_sentence_with_a_verb() -> None:
    assert _segment("Two died. Still, yes.") == ["Two died."]


def test_segment_does_not_split_a_company_name_after_an_abbreviation() -> None:
    texts = _segment("Work by Hallam Eng. Inc. begins in May. The council agreed.")
    assert texts == ["Work by Hallam Eng. Inc. begins in May.", "The council agreed."]
