"""Provenance: rewrites and copies, the original of each, and independent source counts.

Unit tests build statements and facts by hand; the tests marked ``model`` run the
hand-written stories in ``tests/data/provenance`` through the whole pipeline:

- ``granite-falls-dam``: valley-courier (the original, 2026-03-10), daily-sentinel (a close
  paraphrase, 2026-03-11), newsline-digest (a condensed rewrite with an elided quote, no
  date) and mountain-record (independent reporting of the same vote, 2026-03-10);
- ``ashford-clinic``: no dates at all; regional-wire rewords ashford-gazette, turning two
  of its quotes into indirect speech and eliding a third; ashford-public-radio is
  independent.
"""

from __future__ import annotations

import random
from collections.abc import Sequence
from dataclasses import replace
from pathlib import Path

import pytest
from helpers import bare_statement

from factcheck.embed import SentenceTransformerEmbedder
from factcheck.pipeline import article_from_paragraphs, check_story
from factcheck.provenance import (
    SCORE_THRESHOLD,
    choose_original,
    find_derivations,
    independent_counts,
    measure_pairs,
    order_concordance,
    rare_ngrams,
)
from factcheck.settings import Settings
from factcheck.types import (
    ArticleMeta,
    CleanArticle,
    Coverage,
    Derivation,
    DerivationKind,
    Fact,
    QuoteClass,
    QuoteFinding,
    Statement,
    StoryResult,
)

STORIES = Path(__file__).parent / "data" / "provenance"

# --------------------------------------------------------------------------------------
# Hand-built stories
# --------------------------------------------------------------------------------------

ORIGINAL = [
    "The county council approved a new library for the harbour district on Monday.",
    "The building will cost $12 million and open in the spring of 2028.",
    "Architects plan a rooftop reading garden overlooking the old fish market.",
    "Council member Ruth Adeyemi called the vote a long overdue investment in children.",
    "Two members opposed the plan because the district already has a mobile library van.",
    "Construction crews will start clearing the former bus depot site in October.",
    "The old branch on Quay Street will close once the new building opens its doors.",
    "Residents can comment on the final design at public sessions throughout the summer.",
]
PARAPHRASE = [
    "On Monday councillors gave the green light to a harbour district library.",
    "It is budgeted at $12 million, with doors opening in spring 2028.",
    "The design includes a garden for readers on the roof, facing the fish market.",
    "Ruth Adeyemi, a council member, described the decision as an overdue investment for kids.",
    "A pair of members voted no, pointing out that a mobile library van already serves the area.",
    "Work to clear the old bus depot site begins in October.",
    "Once the library is finished, the Quay Street branch is going to shut.",
    "People may give feedback on the design during public sessions this summer.",
]


def _article(source_id: str, published: str | None = None) -> CleanArticle:
    return article_from_paragraphs(
        source_id, ["(text not read)"], meta=ArticleMeta(published=published)
    )


def _statements(source_id: str, texts: Sequence[str]) -> list[Statement]:
    return [bare_statement(source_id, i, t) for i, t in enumerate(texts, 1)]


def _facts(groups: Sequence[Sequence[str]], all_sources: int) -> list[Fact]:
    """One fact per group of statement IDs."""
    facts = []
    for n, members in enumerate(groups):
        sources = sorted({m.rsplit(":", 1)[0] for m in members})
        coverage = (
            Coverage.UNIQUE
            if len(sources) == 1
            else Coverage.CONSENSUS
            if len(sources) == all_sources
            else Coverage.PARTIAL
        )
        facts.append(
            Fact(
                id=f"F-{n:08x}",
                statement_ids=tuple(members),
                source_ids=tuple(sources),
                coverage=coverage,
                similarity=0.8,
            )
        )
    return facts


def _story(
    sources: dict[str, list[Statement]], links: Sequence[Sequence[str]]
) -> tuple[list[Statement], list[Fact]]:
    """Statements of the given sources and their facts: ``links`` groups statement IDs
    into facts, every statement left out is a fact of its own."""
    statements = [st for sts in sources.values() for st in sts]
    linked = {m for group in links for m in group}
    groups = [*links, *([st.id] for st in statements if st.id not in linked)]
    return statements, _facts(groups, len(sources))


def _same_position(*sources: str, n: int) -> list[list[str]]:
    return [[f"{src}:{i}" for src in sources] for i in range(1, n + 1)]


# --------------------------------------------------------------------------------------
# Order, n-grams
# --------------------------------------------------------------------------------------


def test_provenance_order_is_one_for_the_same_order_and_zero_for_the_reverse() -> None:
    assert order_concordance([(1, 2), (2, 5), (3, 9)]) == 1.0
    assert order_concordance([(1, 9), (2, 5), (3, 2)]) == 0.0


def test_provenance_order_counts_one_moved_statement_as_a_few_discordant_pairs() -> None:
    # the fifth statement of one source is the first of the other: 4 of 10 pairs disagree
    assert order_concordance([(1, 2), (2, 3), (3, 4), (4, 5), (5, 1)]) == 0.6


def test_provenance_order_leaves_out_ties_and_is_neutral_without_evidence() -> None:
    assert order_concordance([(1, 4), (2, 4), (3, 7)]) == 1.0  # (1,4)-(2,4) is a tie
    assert order_concordance([(1, 4), (2, 4)]) == 0.5
    assert order_concordance([]) == 0.5


def test_provenance_order_of_shuffled_statements_is_near_one_half() -> None:
    rng = random.Random(7)
    positions = list(range(60))
    rng.shuffle(positions)
    assert 0.4 < order_concordance(list(enumerate(positions))) < 0.6


def test_provenance_pairs_each_statement_with_its_first_match() -> None:
    statements, facts = _story(
        {"orig": _statements("orig", ORIGINAL[:4]), "other": _statements("other", PARAPHRASE)},
        [["orig:1", "other:1"], ["orig:2", "other:2", "other:8"], ["orig:3", "other:7"]],
    )
    (m,) = measure_pairs([_article("orig"), _article("other")], statements, facts)
    assert m.aligned == ((1, 1), (2, 2), (3, 7))
    assert m.coverage == 0.75 and m.coverage_other == 0.5


def test_provenance_ngrams_skip_stopword_name_and_number_ngrams() -> None:
    grams = rare_ngrams(
        [bare_statement("a", 1, "It was one of the best for Mayor Lena Ortiz in 2024 and 2025.")]
    )
    assert grams["a"] == frozenset()


def test_provenance_ngrams_are_case_folded_and_shared_across_sources() -> None:
    grams = rare_ngrams(
        [
            bare_statement("a", 1, "Crews will clear the old depot site in October."),
            bare_statement("b", 1, "In October, crews will clear the old depot site."),
        ]
    )
    assert ("crews", "will", "clear", "the") in grams["a"] & grams["b"]


def test_provenance_ngrams_used_by_every_source_are_not_rare() -> None:
    texts = {
        "a": "Officials said the water treatment plant will reopen next week.",
        "b": "The water treatment plant will reopen, officials confirmed quietly.",
        "c": "Residents hope the water treatment plant will reopen soon.",
    }
    grams = rare_ngrams([bare_statement(src, 1, t) for src, t in texts.items()])
    assert not any(("water", "treatment", "plant", "will") in g for g in grams.values())
    two = rare_ngrams([bare_statement(src, 1, texts[src]) for src in ("a", "b")])
    assert ("water", "treatment", "plant", "will") in two["a"] & two["b"]


def test_provenance_ngrams_leave_out_quotations_even_across_sentences() -> None:
    statements = _statements(
        "a",
        [
            "“Our crews worked through the night,” the fire chief said.",
            "He added: “Nobody expected the warehouse roof to collapse.",
            "The whole block lost power for hours.",
            "We were lucky,” he said of the rescue.",
            "Investigators will examine the wiring tomorrow morning.",
        ],
    )
    grams = rare_ngrams(statements)["a"]
    words = {w for g in grams for w in g}
    assert not words & {"crews", "collapse", "block", "lucky"}
    assert ("investigators", "will", "examine", "the") in grams


# --------------------------------------------------------------------------------------
# The original
# --------------------------------------------------------------------------------------


def test_provenance_original_is_the_earlier_publication_whatever_the_detail() -> None:
    original, why = choose_original(
        "long",
        "short",
        published={"long": "2025-07-31", "short": "2025-07-30"},
        detail={"long": (30, 40), "short": (5, 2)},
    )
    assert original == "short"
    assert why == "short was published 2025-07-30, before 2025-07-31."


def test_provenance_original_compares_times_on_the_same_day() -> None:
    original, _ = choose_original(
        "a",
        "b",
        published={"a": "2025-07-30T15:00:00", "b": "2025-07-30T09:30:00"},
        detail={},
    )
    assert original == "b"


def test_provenance_original_by_fuller_quotes_when_a_date_is_missing() -> None:
    quotes = [
        QuoteFinding(
            kind=QuoteClass.ELIDED,
            a="digest:2",
            b="courier:4",
            speaker_a="Okafor",
            speaker_b="Okafor",
            text_a="We cannot gamble with their safety ...",
            text_b="We cannot gamble with their safety, and every year it costs more",
            diff=None,
            explanation="",
        ),
        QuoteFinding(
            kind=QuoteClass.PARAPHRASED,
            a="courier:6",
            b="digest:3",
            speaker_a="Pruitt",
            speaker_b=None,
            text_a="We are about to spend $48 million on a 1950s structure",
            text_b=None,
            diff=None,
            explanation="",
        ),
    ]
    original, why = choose_original(
        "courier",
        "digest",
        published={"courier": "2026-03-10", "digest": None},
        detail={"courier": (10, 12), "digest": (30, 40)},  # more detail does not outvote
        quotes=quotes,
    )
    assert original == "courier"
    assert why == ("courier quotes in full what digest elides or paraphrases (2 quotes against 0).")


def test_provenance_original_by_detail_when_quotes_tell_nothing() -> None:
    original, why = choose_original(
        "a",
        "b",
        published={"a": "2025-07-30", "b": "2025-07-30"},
        detail={"a": (8, 3), "b": (12, 9)},
    )
    assert original == "b"
    assert why == "b has more detail: 12 statements and 9 typed values, against 8 and 3 in a."


def test_provenance_original_by_file_order_says_nothing_told_them_apart() -> None:
    original, why = choose_original("b", "a", published={}, detail={"a": (5, 5), "b": (5, 5)})
    assert original == "a"
    assert "Neither dates, quotes nor detail" in why


# --------------------------------------------------------------------------------------
# Derivations on hand-built stories
# --------------------------------------------------------------------------------------


def test_provenance_finds_a_reworded_article_in_the_same_order() -> None:
    statements, facts = _story(
        {"orig": _statements("orig", ORIGINAL), "para": _statements("para", PARAPHRASE[:-1])},
        _same_position("orig", "para", n=7),
    )
    (d,) = find_derivations([_article("orig"), _article("para")], statements, facts)
    assert (d.derived, d.original, d.kind) == ("para", "orig", DerivationKind.PARAPHRASE)
    assert d.order == 1.0 and d.coverage == 1.0
    assert d.why_original.startswith("orig has more detail: 8 statements")


def test_provenance_ignores_the_same_facts_in_another_order() -> None:
    shuffled = [3, 7, 1, 5, 8, 2, 6, 4]  # para:k tells the fact of orig:shuffled[k-1]
    statements, facts = _story(
        {"orig": _statements("orig", ORIGINAL), "para": _statements("para", PARAPHRASE)},
        [[f"orig:{o}", f"para:{k}"] for k, o in enumerate(shuffled, 1)],
    )
    (m,) = measure_pairs([_article("orig"), _article("para")], statements, facts)
    assert m.coverage == 1.0 and m.order < 0.75
    assert find_derivations([_article("orig"), _article("para")], statements, facts) == ()


def test_provenance_needs_the_same_order_even_with_shared_wording() -> None:
    shuffled = [3, 7, 1, 5, 8, 2, 6, 4]
    padded = [ORIGINAL[o - 1][:-1] + ", the council said in a written statement." for o in shuffled]
    statements, facts = _story(
        {"orig": _statements("orig", ORIGINAL), "other": _statements("other", padded)},
        [[f"orig:{o}", f"other:{k}"] for k, o in enumerate(shuffled, 1)],
    )
    (m,) = measure_pairs([_article("orig"), _article("other")], statements, facts)
    assert m.score >= SCORE_THRESHOLD and m.verbatim == 0.0 and m.order < 0.75
    assert find_derivations([_article("orig"), _article("other")], statements, facts) == ()


def test_provenance_calls_verbatim_sentences_in_another_order_a_copy() -> None:
    shuffled = [3, 7, 1, 5, 8, 2, 6, 4]
    statements, facts = _story(
        {
            "orig": _statements("orig", ORIGINAL),
            "copy": _statements("copy", [ORIGINAL[o - 1] for o in shuffled]),
        },
        [[f"orig:{o}", f"copy:{k}"] for k, o in enumerate(shuffled, 1)],
    )
    (d,) = find_derivations([_article("orig", "2026-01-02"), _article("copy")], statements, facts)
    assert d.kind is DerivationKind.COPY and d.order < 0.75


EXTRA = [
    "The harbour festival returns in August with a new lantern parade.",
    "Ferry timetables change next week because of dredging work.",
    "A bakery on Mill Lane won a regional prize for its rye bread.",
    "School crossing patrols are looking for volunteers this autumn.",
    "The museum will lend its whaling logbooks to a touring exhibition.",
    "Anglers reported a record mackerel catch off the northern pier.",
]


def test_provenance_needs_most_of_the_shorter_source_aligned() -> None:
    part = [*ORIGINAL[:5], *EXTRA]  # 5 of 11 statements copied, in order
    statements, facts = _story(
        {"orig": _statements("orig", ORIGINAL + EXTRA[:4]), "part": _statements("part", part)},
        _same_position("orig", "part", n=5),
    )
    (m,) = measure_pairs([_article("orig"), _article("part")], statements, facts)
    assert m.first == "part" and m.coverage < 0.5
    assert m.score >= SCORE_THRESHOLD and m.order == 1.0 and not m.passes
    assert find_derivations([_article("orig"), _article("part")], statements, facts) == ()


def test_provenance_needs_four_aligned_statements() -> None:
    brief = [t[:-1] + ", the council said in a written statement." for t in ORIGINAL[:3]]
    statements, facts = _story(
        {"orig": _statements("orig", ORIGINAL), "brief": _statements("brief", brief)},
        _same_position("orig", "brief", n=3),
    )
    (m,) = measure_pairs([_article("orig"), _article("brief")], statements, facts)
    assert m.coverage == 1.0 and m.order == 1.0 and m.score >= SCORE_THRESHOLD
    assert find_derivations([_article("orig"), _article("brief")], statements, facts) == ()


def test_provenance_needs_shared_wording_when_order_rests_on_few_statements() -> None:
    positions = [1, 2, 4, 6, 8]  # 5 of 8 facts, in order, in other words
    statements, facts = _story(
        {"orig": _statements("orig", ORIGINAL), "other": _statements("other", PARAPHRASE)},
        [[f"orig:{k}", f"other:{k}"] for k in positions],
    )
    (m,) = measure_pairs([_article("orig"), _article("other")], statements, facts)
    assert m.coverage == 0.625 and m.order == 1.0 and m.shared_ngrams <= 1
    assert m.score < SCORE_THRESHOLD
    assert find_derivations([_article("orig"), _article("other")], statements, facts) == ()


def test_provenance_ignores_an_article_that_shares_half_of_each_side() -> None:
    part = [*ORIGINAL[:6], *EXTRA[:5]]  # 6 of its 11 statements copied, in order
    notes = ["Parking is free on Sundays.", "Rain is expected.", "Tickets sold out."] * 2
    statements, facts = _story(
        {"orig": _statements("orig", ORIGINAL + notes), "part": _statements("part", part)},
        _same_position("orig", "part", n=6),
    )
    (m,) = measure_pairs([_article("orig"), _article("part")], statements, facts)
    assert m.first == "part" and m.passes and m.length_ratio > 0.7
    assert m.coverage_other < 0.5
    assert find_derivations([_article("orig"), _article("part")], statements, facts) == ()


def test_provenance_ignores_a_few_shared_facts_in_the_same_order() -> None:
    statements, facts = _story(
        {"orig": _statements("orig", ORIGINAL), "other": _statements("other", PARAPHRASE)},
        _same_position("orig", "other", n=3),
    )
    assert find_derivations([_article("orig"), _article("other")], statements, facts) == ()


def test_provenance_calls_near_identical_text_a_copy() -> None:
    copied = [*ORIGINAL[:6], ORIGINAL[6].replace("doors", "gates")]
    statements, facts = _story(
        {"orig": _statements("orig", ORIGINAL), "copy": _statements("copy", copied)},
        _same_position("orig", "copy", n=7),
    )
    (d,) = find_derivations([_article("orig"), _article("copy")], statements, facts)
    assert (d.derived, d.original, d.kind) == ("copy", "orig", DerivationKind.COPY)
    assert d.shared_ngrams > 20


def test_provenance_calls_a_much_shorter_version_a_condensed_rewrite() -> None:
    short = [
        "The county council approved a new library for the harbour district.",
        "It will cost $12 million.",
        "Two members opposed the plan.",
        "Crews will start clearing the former bus depot site in October.",
        "Residents can comment on the final design.",
    ]
    statements, facts = _story(
        {"orig": _statements("orig", ORIGINAL), "brief": _statements("brief", short)},
        [[f"orig:{o}", f"brief:{k}"] for k, o in enumerate([1, 2, 5, 6, 8], 1)],
    )
    (d,) = find_derivations([_article("orig"), _article("brief")], statements, facts)
    assert (d.derived, d.original, d.kind) == ("brief", "orig", DerivationKind.CONDENSED)


def test_provenance_drops_the_weakest_pair_of_three_related_sources() -> None:
    second = [t.replace("The ", "A ", 1) for t in PARAPHRASE]  # a rewrite of the rewrite
    sources = {
        "orig": _statements("orig", ORIGINAL),
        "para": _statements("para", PARAPHRASE),
        "twin": _statements("twin", second),
    }
    statements, facts = _story(sources, _same_position("orig", "para", "twin", n=8))
    articles = [
        _article("orig", "2026-01-01"),
        _article("para", "2026-01-02"),
        _article("twin", "2026-01-03"),
    ]
    assert all(m.passes for m in measure_pairs(articles, statements, facts))
    derivations = find_derivations(articles, statements, facts)
    # twin -> orig is explained by the stronger twin -> para and para -> orig
    assert [(d.derived, d.original) for d in derivations] == [("para", "orig"), ("twin", "para")]


def test_provenance_output_does_not_depend_on_input_order() -> None:
    statements, facts = _story(
        {"orig": _statements("orig", ORIGINAL), "para": _statements("para", PARAPHRASE)},
        _same_position("orig", "para", n=8),
    )
    articles = [_article("orig"), _article("para")]
    first = find_derivations(articles, statements, facts)
    again = find_derivations(articles[::-1], statements[::-1], facts[::-1])
    assert first == again and len(first) == 1


# --------------------------------------------------------------------------------------
# Independent counts
# --------------------------------------------------------------------------------------


def _derivation(derived: str, original: str) -> Derivation:
    return Derivation(
        derived=derived,
        original=original,
        kind=DerivationKind.PARAPHRASE,
        score=0.9,
        order=1.0,
        coverage=1.0,
        shared_ngrams=10,
        why_original="",
    )


def _fact(*sources: str) -> Fact:
    return Fact(
        id="F-" + "".join(sources),
        statement_ids=tuple(f"{s}:1" for s in sources),
        source_ids=tuple(sources),
        coverage=Coverage.PARTIAL,
        similarity=0.8,
    )


def test_provenance_independent_counts_a_rewrite_of_a_rewrite_once() -> None:
    facts = [_fact("a", "b", "c", "d"), _fact("b", "c"), _fact("c", "d"), _fact("d")]
    derivations = [_derivation("b", "a"), _derivation("c", "b")]  # c rewrites b rewrites a
    counted = independent_counts(facts, derivations)
    assert [f.independent for f in counted] == [2, 1, 2, 1]
    assert [replace(f, independent=0) for f in counted] == facts


def test_provenance_independent_counts_every_source_without_derivations() -> None:
    facts = [_fact("a", "b", "c"), _fact("a")]
    assert [f.independent for f in independent_counts(facts, ())] == [3, 1]


# --------------------------------------------------------------------------------------
# The hand-written stories, through the whole pipeline
# --------------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def stories(tmp_path_factory: pytest.TempPathFactory) -> dict[str, StoryResult]:
    settings = Settings(cache_dir=tmp_path_factory.mktemp("cache"))
    embedder = SentenceTransformerEmbedder()
    return {
        d.name: check_story(d, settings=settings, embedder=embedder)
        for d in sorted(STORIES.iterdir())
    }


def _derivations(result: StoryResult) -> dict[str, Derivation]:
    found = find_derivations(result.articles, result.statements, result.facts, result.quotes)
    return {d.derived: d for d in found}


@pytest.mark.model
def test_provenance_story_close_paraphrase_of_the_earlier_original(
    stories: dict[str, StoryResult],
) -> None:
    d = _derivations(stories["granite-falls-dam"])["daily-sentinel"]
    assert (d.original, d.kind) == ("valley-courier", DerivationKind.PARAPHRASE)
    assert d.why_original == "valley-courier was published 2026-03-10, before 2026-03-11."


@pytest.mark.model
def test_provenance_story_condensed_rewrite_without_a_date(
    stories: dict[str, StoryResult],
) -> None:
    d = _derivations(stories["granite-falls-dam"])["newsline-digest"]
    assert (d.original, d.kind) == ("valley-courier", DerivationKind.CONDENSED)
    assert d.why_original.startswith("valley-courier quotes in full what newsline-digest")


@pytest.mark.model
def test_provenance_story_independent_articles_derive_from_nothing(
    stories: dict[str, StoryResult],
) -> None:
    for story, independent in [
        ("granite-falls-dam", "mountain-record"),
        ("ashford-clinic", "ashford-public-radio"),
    ]:
        found = _derivations(stories[story]).values()
        assert all(independent not in (d.derived, d.original) for d in found)


@pytest.mark.model
def test_provenance_story_original_by_quotes_when_no_article_has_a_date(
    stories: dict[str, StoryResult],
) -> None:
    derivations = _derivations(stories["ashford-clinic"])
    assert list(derivations) == ["regional-wire"]
    d = derivations["regional-wire"]
    assert (d.original, d.kind) == ("ashford-gazette", DerivationKind.PARAPHRASE)
    assert d.why_original.startswith("ashford-gazette quotes in full what regional-wire")


@pytest.mark.model
def test_provenance_story_fact_of_all_four_sources_has_two_independent_sources(
    stories: dict[str, StoryResult],
) -> None:
    result = stories["granite-falls-dam"]
    derivations = find_derivations(result.articles, result.statements, result.facts, result.quotes)
    facts = independent_counts(result.facts, derivations)
    texts = {s.id: s.text for s in result.statements}
    (vote,) = [f for f in facts if "valley-courier:1" in f.statement_ids]
    assert len(vote.source_ids) == 4
    assert all("$48 million" in texts[s] for s in vote.statement_ids)
    assert vote.independent == 2
    assert {f.independent for f in facts if len(f.source_ids) == 4} == {2}
