"""Segmentation: sentences with exact offsets back into the article file."""

from __future__ import annotations

import itertools
from pathlib import Path

import pytest

from factcheck import nlp
from factcheck.cache import Cache
from factcheck.clean import clean_article
from factcheck.pipeline import article_from_paragraphs
from factcheck.segment import LEAD_IN_DETAIL, segment, segment_audited
from factcheck.settings import DEFAULT_SPACY_MODEL
from factcheck.types import Article, ArticleMeta, RemovalReason, TextFormat


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


def test_segment_nlp_pieces_cover_the_text_and_end_at_sentence_ends() -> None:
    text = "The council met on Tuesday. " * 40
    spans = nlp._pieces(text, limit=100)
    assert spans[0][0] == 0 and spans[-1][1] == len(text)
    assert all(a[1] == b[0] for a, b in itertools.pairwise(spans))
    assert all(end - start <= 100 for start, end in spans)
    assert all(text[start:end].endswith("Tuesday. ") for start, end in spans[:-1])


def test_segment_nlp_piece_of_text_without_sentence_ends_is_cut_at_a_space() -> None:
    spans = nlp._pieces("word " * 50, limit=60)
    assert all(end == len("word " * 50) or end % 5 == 0 for _, end in spans)


def test_segment_paragraph_longer_than_the_parse_limit_is_parsed_in_pieces(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(nlp, "MAX_PARSE_CHARS", 120)
    sentences = [
        f"Speaker {i} said the bus fare would rise by {i} cents in July." for i in range(30)
    ]
    paragraph = " ".join(sentences)  # one long line, as a transcript often is
    text = "Council transcript\n" + paragraph + "\n"
    article = Article("t", Path("t.txt"), text, 0, TextFormat.TXT, "utf-8", ArticleMeta())
    statements = segment(
        [clean_article(article)], spacy_model=DEFAULT_SPACY_MODEL, cache=Cache(None)
    )
    assert [s.text for s in statements] == sentences
    assert all(text[s.start : s.end] == s.text for s in statements)


def test_segment_lower_case_continuation_is_not_merged_past_the_limit(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from factcheck import segment as segment_module
    from factcheck.nlp import ParsedSentence

    text = "“We will build it fast,” wrote Zuckerberg. and so on"
    cut = text.index(" wrote") + 1
    sents = [ParsedSentence(0, cut, (), ()), ParsedSentence(cut, len(text), (), ())]
    (merged,) = segment_module._repair(sents, text)
    assert (merged.start, merged.end) == (0, len(text))
    monkeypatch.setattr(segment_module, "MAX_MERGED_CHARS", cut + 5)
    assert len(segment_module._repair(sents, text)) == 2


def _segment_txt(text: str) -> list[str]:
    article = Article("a", Path("a.txt"), text, 0, TextFormat.TXT, "utf-8", ArticleMeta())
    statements = segment(
        [clean_article(article)], spacy_model=DEFAULT_SPACY_MODEL, cache=Cache(None)
    )
    return [s.text for s in statements]


ITEMS = (
    "- $14.3 billion investment in Scale AI\n"
    "- Creation of Meta Superintelligence Labs\n"
    "- Aggressive hiring of top AI researchers\n"
)


@pytest.mark.parametrize(
    "lead_in",
    ["The shift follows Meta's:", "The measures announced on Tuesday include:", "Among them are:"],
)
def test_segment_open_list_lead_in_is_not_a_statement(lead_in: str) -> None:
    texts = _segment_txt("Meta changed course on open models this week.\n" + lead_in + "\n" + ITEMS)
    assert lead_in not in texts
    assert "Creation of Meta Superintelligence Labs" in texts


def test_segment_lead_in_that_ends_on_a_noun_is_a_statement() -> None:
    lead_in = (
        "Zuckerberg's statement suggests Meta may reconsider its commitment to open-sourcing "
        "advanced AI models as it pursues superintelligent systems:"
    )
    assert lead_in in _segment_txt(lead_in + "\n" + ITEMS)


def test_segment_colon_sentence_without_list_items_after_it_is_a_statement() -> None:
    text = "The shift follows Meta's:\nMeta changed course on open models this week.\n"
    assert "The shift follows Meta's:" in _segment_txt(text)


@pytest.mark.parametrize("quote", ['"No comment."', "“Not yet.”"])
def test_segment_short_whole_quotation_is_a_statement(quote: str) -> None:
    assert _segment("The mayor was asked about the bridge on Tuesday.", quote)[-1] == quote


def test_segment_audited_lists_a_dropped_lead_in_in_removed() -> None:
    text = "Meta changed course on open models this week.\nThe shift follows Meta's:\n" + ITEMS
    article = Article("a", Path("a.txt"), text, 0, TextFormat.TXT, "utf-8", ArticleMeta())
    statements, (audited,) = segment_audited(
        [clean_article(article)], spacy_model=DEFAULT_SPACY_MODEL, cache=Cache(None)
    )
    assert "The shift follows Meta's:" not in [s.text for s in statements]
    assert [(r.line, r.text, r.reason, r.detail) for r in audited.removed] == [
        (2, "The shift follows Meta's:", RemovalReason.HEADING, LEAD_IN_DETAIL)
    ]


def test_segment_short_list_items_after_a_lead_in_are_one_statement() -> None:
    text = (
        "Meta changed course on open models this week.\n"
        "The tech community continues debating open AI models, balancing:\n"
        "- Innovation acceleration\n- Commercial viability\n- Safety considerations\n"
    )
    texts = _segment_txt(text)
    assert texts[-1] == (
        "The tech community continues debating open AI models, balancing: - "
        "Innovation acceleration - Commercial viability - Safety considerations"
    )
