"""Provenance: rewrites and copies, the original of each, and independent source counts.

Unit tests build statements and facts by hand; the tests marked ``model`` run the
hand-written stories in ``tests/data/provenance`` through the whole pipeline:

- ``granite-falls-dam``: valley-courier (the original, 2026-03-10), daily-sentinel (a close
  paraphrase, 2026-03-11), newsline-digest (a condensed rewrite with an elided quote, no
  date) and mountain-record (independent reporting of the same vote, 2026-03-10);
- ``ashford-clinic``: no dates at all; regional-wire rewords ashford-gazette, turning two
  of its quotes into indirect speech and eliding a third; ashford-public-radio is
  independent;
- ``ridge-fire``: harlow-ledger and brookfield-tribune report one wildfire independently,
  the same facts in the natural order in their own words, with the fire chief's two
  quotes word for word and one stock phrase ("the county fire department") in common;
  ``ridge-fire-reordered`` is the same pair with brookfield-tribune's paragraphs
  reordered and two facts of its own added;
- ``weir-repairs``: calder-herald and pennine-post report one council vote
  independently and quote the engineer at length in single quotes (curly in one,
  straight in the other);
- ``halbeck-port-strike``: freight-digest closely rewrites seaboard-wire and moves five
  paragraphs ahead of the explanation block;
- ``orchard-school-merger``: metro-briefs condenses county-observer, eliding its quote;
  valley-radio is independent.
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
    EVIDENCE_PHRASES,
    MIN_ORDER,
    MIN_SHARED_NGRAMS,
    NGRAM,
    SCORE_THRESHOLD,
    STRONG_NGRAM_SHARE,
    choose_original,
    find_derivations,
    independent_counts,
    measure_pairs,
    order_concordance,
    rare_ngrams,
    shared_phrases,
)
from factcheck.settings import Settings
from factcheck.types import (
    ArticleMeta,
    CleanArticle,
    Coverage,
    Derivation,
    DerivationKind,
    Fact,
    Quote,
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
# The same facts in the same order, in the reporter's own words: independent reporting.
OWN_WORDS = [
    "On Monday councillors gave the green light to a harbour district library.",
    "It is budgeted at $12 million, with doors opening in spring 2028.",
    "The design includes a garden for readers on the roof, facing the fish market.",
    "Ruth Adeyemi, a council member, described the decision as an overdue investment for kids.",
    "A pair of members voted no, pointing out that a mobile library van already serves the area.",
    "Work to clear the old bus depot site begins in October.",
    "Once the library is finished, the Quay Street branch is going to shut.",
    "People may give feedback on the design during public sessions this summer.",
]
# A close paraphrase: ORIGINAL lightly reworded, much of its prose kept.
CLOSE = [
    "On Monday the county council approved a new library for the harbour district.",
    "The building is expected to cost $12 million and to open in the spring of 2028.",
    "Its architects plan a rooftop reading garden overlooking the old fish market.",
    "Ruth Adeyemi, a council member, called the vote a long overdue investment in children.",
    "Two members opposed the plan, saying the district already has a mobile library van.",
    "Construction crews are to start clearing the former bus depot site in October.",
    "The old branch on Quay Street will close when the new building opens.",
    "Residents may comment on the final design at public sessions over the summer.",
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
        {"orig": _statements("orig", ORIGINAL[:4]), "other": _statements("other", OWN_WORDS)},
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


def _paragraph(source_id: str, texts: Sequence[str], block: int = 1) -> list[Statement]:
    """Statements of one paragraph, without quote spans (the fallback scan reads them)."""
    return [replace(st, block=block) for st in _statements(source_id, texts)]


def _words(grams: frozenset[tuple[str, ...]]) -> set[str]:
    return {w for g in grams for w in g}


def test_provenance_ngrams_leave_out_quotations_even_across_sentences() -> None:
    statements = _paragraph(
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
    assert not _words(grams) & {"crews", "collapse", "block", "lucky"}
    assert ("investigators", "will", "examine", "the") in grams


def test_provenance_ngrams_an_open_quotation_ends_with_its_paragraph() -> None:
    statements = [
        *_paragraph("a", ["He added: “Nobody expected the warehouse roof to collapse."], 1),
        *_paragraph("a", ["Investigators will examine the wiring tomorrow morning."], 2),
    ]
    statements = [replace(st, index=i, id=f"a:{i}") for i, st in enumerate(statements, 1)]
    grams = rare_ngrams(statements)["a"]
    assert "collapse" not in _words(grams)
    assert ("investigators", "will", "examine", "the") in grams


def test_provenance_ngrams_leave_out_single_quoted_quotations() -> None:
    statements = _paragraph(
        "a",
        [
            "‘If the weir goes, the river will cut back into the bank,’ the county engineer said.",
            "'We have been watching the stone crest move every week,' she added.",
            "‘The work has to be done in winter.",
            "There is no good time to do it,’ she told the cabinet members.",
        ],
    )
    words = _words(rare_ngrams(statements)["a"])
    assert not words & {"weir", "river", "watching", "crest", "winter", "good"}
    assert {"engineer", "cabinet"} <= words


def test_provenance_ngrams_keep_apostrophes_out_of_quotation_marks() -> None:
    statements = _paragraph(
        "a",
        [
            "The council’s engineers’ report found that the weir’s crest had moved.",
            "Anglers' clubs don't expect the ’90s fish pass to survive the winter floods.",
            "She called it ‘a disgrace’, and the residents' group said the repairs were overdue.",
        ],
    )
    grams = rare_ngrams(statements)["a"]
    assert ("council's", "engineers", "report", "found") in grams
    assert ("clubs", "don't", "expect", "the") in grams
    assert ("group", "said", "the", "repairs") in grams
    assert "disgrace" not in _words(grams)


def test_provenance_ngrams_use_the_quote_spans_on_the_statement() -> None:
    # attach_quotes decides what is quoted; its spans are masked whatever the marks
    text = "The mayor said «the harbour library will open its doors» before the council meeting."
    start, end = text.index("«") + 1, text.index("»")
    st = replace(
        bare_statement("a", 1, text),
        quotes=(Quote(text[start:end], start, end, "the mayor", "say"),),
    )
    grams = rare_ngrams([st])["a"]
    assert not _words(grams) & {"harbour", "library", "doors"}
    assert ("before", "the", "council", "meeting") in grams


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


def test_provenance_finds_a_close_paraphrase_in_the_same_order() -> None:
    statements, facts = _story(
        {"orig": _statements("orig", ORIGINAL), "para": _statements("para", CLOSE[:-1])},
        _same_position("orig", "para", n=7),
    )
    (d,) = find_derivations([_article("orig"), _article("para")], statements, facts)
    assert (d.derived, d.original, d.kind) == ("para", "orig", DerivationKind.PARAPHRASE)
    assert d.order == 1.0 and d.coverage == 1.0
    assert d.why_original.startswith("orig has more detail: 8 statements")


def test_provenance_derivation_lists_the_longest_shared_phrases_first() -> None:
    statements, facts = _story(
        {"orig": _statements("orig", ORIGINAL), "para": _statements("para", CLOSE[:-1])},
        _same_position("orig", "para", n=7),
    )
    (d,) = find_derivations([_article("orig"), _article("para")], statements, facts)
    assert d.shared_phrases == (
        "architects plan a rooftop reading garden overlooking the old fish market",
        "the county council approved a new library for the harbour district",
        "called the vote a long overdue investment in children",
        "start clearing the former bus depot site in October",
        "the district already has a mobile library van",
    )
    assert len(d.shared_phrases) == EVIDENCE_PHRASES < d.shared_ngrams


def test_provenance_shared_phrases_merge_overlaps_and_skip_repeats() -> None:
    statements = _statements(
        "a",
        [
            "In May crews will clear the old depot site.",
            "Crews will clear the old yard.",
            "A rooftop garden is planned.",
        ],
    )
    shared = {
        ("crews", "will", "clear", "the"),
        ("will", "clear", "the", "old"),
        ("the", "old", "depot", "site"),
        ("a", "rooftop", "garden", "is"),
    }
    assert shared_phrases(statements, shared) == (
        "crews will clear the old depot site",
        "A rooftop garden is",
    )


def test_provenance_ignores_the_same_facts_in_the_same_order_in_other_words() -> None:
    # independent reporters tell one event's facts in its natural order: coverage and
    # order alone score above the threshold, but the two share no prose
    statements, facts = _story(
        {"orig": _statements("orig", ORIGINAL), "own": _statements("own", OWN_WORDS)},
        _same_position("orig", "own", n=8),
    )
    (m,) = measure_pairs([_article("orig"), _article("own")], statements, facts)
    assert m.coverage == 1.0 and m.order == 1.0 and m.score >= SCORE_THRESHOLD
    assert m.shared_ngrams < MIN_SHARED_NGRAMS and not m.shares_prose and not m.passes
    assert find_derivations([_article("orig"), _article("own")], statements, facts) == ()


def test_provenance_ignores_a_stock_phrase_shared_by_independent_articles() -> None:
    # one shared stock phrase is the only overlap: 1 or 2 rare n-grams are not prose
    stock = [t[:-1] + ", the county fire department said." for t in OWN_WORDS]
    other = [*ORIGINAL[:-1], ORIGINAL[-1][:-1] + ", according to the county fire department."]
    statements, facts = _story(
        {"orig": _statements("orig", other), "own": _statements("own", stock)},
        _same_position("orig", "own", n=8),
    )
    (m,) = measure_pairs([_article("orig"), _article("own")], statements, facts)
    assert 1 <= m.shared_ngrams < MIN_SHARED_NGRAMS and m.score >= SCORE_THRESHOLD
    assert find_derivations([_article("orig"), _article("own")], statements, facts) == ()


def _quoted(source_id: str, index: int, text: str) -> Statement:
    """A statement whose quotation is on :attr:`Statement.quotes`, as attach_quotes puts it."""
    st = bare_statement(source_id, index, text)
    start = text.index("“") + 1
    end = text.index("”")
    return replace(st, quotes=(Quote(text[start:end], start, end, "Whitlock", "say"),))


CHIEF = [
    "“We had embers landing half a mile ahead of the fire line,” the chief said.",
    "“Please stay away until we give the all-clear for the valley roads,” the chief said.",
    "“The roads up there need to stay open for our engines tonight,” the chief said.",
    "“Every crew we have is on the ridge and more are coming,” the chief said.",
]


def test_provenance_leaves_shared_quotations_out_of_coverage_and_order() -> None:
    # two reporters quote the same briefing between their own sentences
    texts_a = [ORIGINAL[0], CHIEF[0], ORIGINAL[1], CHIEF[1], CHIEF[2], ORIGINAL[2], CHIEF[3]]
    texts_b = [OWN_WORDS[0], CHIEF[0], CHIEF[1], OWN_WORDS[1], CHIEF[2], CHIEF[3], EXTRA[0]]
    a = [
        _quoted("a", i, t) if "“" in t else bare_statement("a", i, t)
        for i, t in enumerate(texts_a, 1)
    ]
    b = [
        _quoted("b", i, t) if "“" in t else bare_statement("b", i, t)
        for i, t in enumerate(texts_b, 1)
    ]
    links = [["a:1", "b:1"], ["a:2", "b:2"], ["a:3", "b:4"], ["a:4", "b:3"], ["a:5", "b:5"]]
    statements, facts = _story({"a": a, "b": b}, [*links, ["a:7", "b:6"]])
    (m,) = measure_pairs([_article("a"), _article("b")], statements, facts)
    assert m.aligned == ((1, 1), (3, 4))  # the four quoted pairs do not count
    assert m.coverage == round(2 / 3, 4) and m.verbatim == 0.0 and m.shared_ngrams == 0
    assert find_derivations([_article("a"), _article("b")], statements, facts) == ()


def test_provenance_ignores_the_same_facts_in_another_order() -> None:
    shuffled = [3, 7, 1, 5, 8, 2, 6, 4]  # own:k tells the fact of orig:shuffled[k-1]
    statements, facts = _story(
        {"orig": _statements("orig", ORIGINAL), "own": _statements("own", OWN_WORDS)},
        [[f"orig:{o}", f"own:{k}"] for k, o in enumerate(shuffled, 1)],
    )
    (m,) = measure_pairs([_article("orig"), _article("own")], statements, facts)
    assert m.coverage == 1.0 and m.order < 0.75
    assert find_derivations([_article("orig"), _article("own")], statements, facts) == ()


def test_provenance_finds_a_close_paraphrase_with_moved_paragraphs() -> None:
    moved = [1, 2, 6, 7, 8, 3, 4, 5]  # the last three statements moved up
    statements, facts = _story(
        {
            "orig": _statements("orig", ORIGINAL),
            "para": _statements("para", [CLOSE[o - 1] for o in moved]),
        },
        [[f"orig:{o}", f"para:{k}"] for k, o in enumerate(moved, 1)],
    )
    articles = [_article("orig", "2026-01-01"), _article("para", "2026-01-02")]
    (m,) = measure_pairs(articles, statements, facts)
    assert m.order < MIN_ORDER and m.verbatim < 0.6 and m.ngram_share >= STRONG_NGRAM_SHARE
    (d,) = find_derivations(articles, statements, facts)
    assert (d.derived, d.original, d.kind) == ("para", "orig", DerivationKind.PARAPHRASE)


def test_provenance_needs_the_same_order_when_little_wording_is_shared() -> None:
    # two sentences reworded closely, the others in other words: shared prose, but not
    # enough to stand without the order
    mixed = [c if k in (1, 5) else o for k, (c, o) in enumerate(zip(CLOSE, OWN_WORDS, strict=True))]
    shuffled = [3, 7, 1, 5, 8, 2, 6, 4]
    statements, facts = _story(
        {
            "orig": _statements("orig", ORIGINAL),
            "other": _statements("other", [mixed[o - 1] for o in shuffled]),
        },
        [[f"orig:{o}", f"other:{k}"] for k, o in enumerate(shuffled, 1)],
    )
    (m,) = measure_pairs([_article("orig"), _article("other")], statements, facts)
    assert m.shares_prose and m.ngram_share < STRONG_NGRAM_SHARE and m.order < MIN_ORDER
    assert m.score >= SCORE_THRESHOLD
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
        {"orig": _statements("orig", ORIGINAL), "other": _statements("other", OWN_WORDS)},
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
        {"orig": _statements("orig", ORIGINAL), "other": _statements("other", CLOSE)},
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
    # para and twin both rewrite orig, each keeping different parts of its wording (the
    # phrases all three share are not rare), and resemble each other a little less
    para = [*CLOSE[0:3], *OWN_WORDS[3:5], *CLOSE[5:8]]
    twin = [
        *OWN_WORDS[0:3],
        *(t.replace("The ", "A ", 1).replace(" in ", " during ", 1) for t in ORIGINAL[3:5]),
        *(t.replace(" the ", " a ", 1) for t in CLOSE[5:8]),
    ]
    sources = {
        "orig": _statements("orig", ORIGINAL),
        "para": _statements("para", para),
        "twin": _statements("twin", twin),
    }
    statements, facts = _story(sources, _same_position("orig", "para", "twin", n=8))
    articles = [
        _article("orig", "2026-01-01"),
        _article("para", "2026-01-02"),
        _article("twin", "2026-01-03"),
    ]
    pairs = {(m.first, m.second): m for m in measure_pairs(articles, statements, facts)}
    assert all(m.passes for m in pairs.values())
    assert pairs["para", "twin"].score < min(
        pairs["orig", "para"].score, pairs["orig", "twin"].score
    )
    derivations = find_derivations(articles, statements, facts)
    # twin -> para is explained by the stronger para -> orig and twin -> orig
    assert [(d.derived, d.original) for d in derivations] == [("para", "orig"), ("twin", "orig")]


def test_provenance_output_does_not_depend_on_input_order() -> None:
    statements, facts = _story(
        {"orig": _statements("orig", ORIGINAL), "para": _statements("para", CLOSE)},
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
        ("orchard-school-merger", "valley-radio"),
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


@pytest.mark.model
@pytest.mark.parametrize("story", ["ridge-fire", "ridge-fire-reordered", "weir-repairs"])
def test_provenance_story_independent_reports_sharing_quotes_are_not_rewrites(
    stories: dict[str, StoryResult], story: str
) -> None:
    result = stories[story]
    (m,) = measure_pairs(result.articles, result.statements, result.facts)
    assert m.coverage >= 0.8  # the same facts, mostly in the same order ...
    assert not m.shares_prose  # ... but not the same prose
    assert _derivations(result) == {}
    assert {f.independent for f in result.facts} <= {1, 2}
    assert any(f.independent == 2 for f in result.facts)


@pytest.mark.model
def test_provenance_story_single_quoted_quotations_are_not_shared_prose(
    stories: dict[str, StoryResult],
) -> None:
    result = stories["weir-repairs"]
    grams = rare_ngrams(result.statements)
    shared = grams["calder-herald"] & grams["pennine-post"]
    assert not {w for g in shared for w in g} & {"weir", "river", "millimetres", "salmon"}
    (m,) = measure_pairs(result.articles, result.statements, result.facts)
    texts = {s.id: s.text for s in result.statements}
    aligned = [texts[f"{m.first}:{i}"] for i, _ in m.aligned]
    assert not any("‘" in t or "'If" in t for t in aligned)  # quoted statements left out


@pytest.mark.model
def test_provenance_story_close_paraphrase_with_moved_paragraphs(
    stories: dict[str, StoryResult],
) -> None:
    result = stories["halbeck-port-strike"]
    (m,) = measure_pairs(result.articles, result.statements, result.facts)
    assert m.order < MIN_ORDER and m.ngram_share >= STRONG_NGRAM_SHARE
    d = _derivations(result)["freight-digest"]
    assert (d.original, d.kind) == ("seaboard-wire", DerivationKind.PARAPHRASE)


@pytest.mark.model
def test_provenance_story_condensed_rewrite_beside_an_independent_article(
    stories: dict[str, StoryResult],
) -> None:
    derivations = _derivations(stories["orchard-school-merger"])
    assert list(derivations) == ["metro-briefs"]
    d = derivations["metro-briefs"]
    assert (d.original, d.kind) == ("county-observer", DerivationKind.CONDENSED)


@pytest.mark.model
def test_provenance_story_derivation_names_the_shared_phrases(
    stories: dict[str, StoryResult],
) -> None:
    result = stories["halbeck-port-strike"]
    d = _derivations(result)["freight-digest"]
    assert 1 <= len(d.shared_phrases) <= EVIDENCE_PHRASES
    lengths = [len(p.split()) for p in d.shared_phrases]
    assert lengths == sorted(lengths, reverse=True) and lengths[0] > NGRAM
    text = {
        src: " ".join(st.text for st in result.statements if st.source_id == src)
        for src in ("freight-digest", "seaboard-wire")
    }
    for phrase in d.shared_phrases:
        assert phrase in text["freight-digest"]
        assert phrase.casefold() in text["seaboard-wire"].casefold()
