"""Fact labels, content-derived IDs and report order."""

from __future__ import annotations

import networkx as nx
from conftest import StatementFactory
from helpers import bare_statement

from factcheck.classify import classify, echoes, fact_id
from factcheck.extract import extract
from factcheck.types import Coverage, Fact, Label, Statement


def _graph(statements: list[Statement], edges: list[tuple[str, str, float]]) -> nx.Graph[str]:
    g: nx.Graph[str] = nx.Graph()
    for s in statements:
        g.add_node(s.id, source=s.source_id, index=s.index)
    for u, v, w in edges:
        g.add_edge(u, v, weight=w, rule="mutual-best")
    return g


def test_classify_labels_coverage_against_all_sources() -> None:
    sts = [bare_statement("a", 1), bare_statement("b", 1), bare_statement("c", 1)]
    sts += [bare_statement("a", 2), bare_statement("b", 2), bare_statement("c", 2)]
    g = _graph(sts, [("a:1", "b:1", 0.9), ("b:1", "c:1", 0.9), ("a:2", "b:2", 0.8)])
    facts = classify(sts, g, sources=["a", "b", "c"])
    by_first = {f.statement_ids[0]: f for f in facts}
    assert by_first["a:1"].coverage is Coverage.CONSENSUS
    assert by_first["a:2"].coverage is Coverage.PARTIAL
    assert by_first["c:2"].coverage is Coverage.UNIQUE
    assert by_first["c:2"].label is Label.UNIQUE


def test_classify_a_single_source_fact_is_never_consensus() -> None:
    sts = [bare_statement("a", 1)]
    (fact,) = classify(sts, _graph(sts, []), sources=["a"])
    assert fact.coverage is Coverage.UNIQUE


def test_classify_orders_facts_by_label_then_coverage() -> None:
    sts = [bare_statement(s, i) for s in "abc" for i in (1, 2)]
    g = _graph(sts, [("a:1", "b:1", 0.9), ("a:2", "b:2", 0.9), ("b:2", "c:2", 0.9)])
    labels = [(f.label, len(f.source_ids)) for f in classify(sts, g, sources=["a", "b", "c"])]
    assert labels == [
        (Label.CONSENSUS, 3),
        (Label.PARTIAL, 2),
        (Label.UNIQUE, 1),
    ]


def test_classify_fact_ids_come_from_content_not_position() -> None:
    one = [
        bare_statement("a", 1, "The bridge will close."),
        bare_statement("b", 7, "Bridge to close."),
    ]
    two = [
        bare_statement("x", 3, "The bridge will close."),
        bare_statement("y", 1, "Bridge to close."),
    ]
    f1 = classify(one, _graph(one, [("a:1", "b:7", 0.8)]), sources=["a", "b"])[0]
    f2 = classify(two, _graph(two, [("x:3", "y:1", 0.8)]), sources=["x", "y"])[0]
    assert f1.id == f2.id == fact_id(["The bridge will close.", "Bridge to close."])


def test_classify_fact_id_ignores_case_and_punctuation() -> None:
    assert fact_id(["The bridge will close."]) == fact_id(["the bridge  will close"])


def test_classify_gives_unique_ids_to_facts_with_the_same_text() -> None:
    sts = [bare_statement("a", 1, "Same words."), bare_statement("b", 1, "Same words.")]
    facts = classify(sts, _graph(sts, []), sources=["a", "b"])
    assert len({f.id for f in facts}) == 2


# echoes: a unique detail whose figures another source states inside a longer sentence


def _unique_story(
    statement_factory: StatementFactory, detail: str, others: list[str]
) -> tuple[list[Statement], tuple[Fact, ...]]:
    from datetime import date

    sts = [extract(statement_factory(detail, "a", 1), published=date(2025, 7, 30))]
    sts += [
        extract(statement_factory(text, "b", i), published=date(2025, 7, 30))
        for i, text in enumerate(others, 1)
    ]
    facts = classify(sts, _graph(sts, []), sources=["a", "b"])
    return sts, echoes(facts, sts)


def test_classify_echoes_a_detail_stated_inside_a_longer_sentence(
    statement_factory: StatementFactory,
) -> None:
    _, facts = _unique_story(
        statement_factory,
        "$14.3 billion investment in Scale AI",
        [
            "In June 2025, Meta began its AGI sprint by investing $14.3 billion in Scale AI, "
            "acquiring its founder and restructuring its AI efforts.",
            "Meta has spent billions of dollars to hire researchers.",
        ],
    )
    (detail,) = [f for f in facts if f.statement_ids == ("a:1",)]
    assert detail.coverage is Coverage.UNIQUE and detail.echoes == ("b:1",)
    (other,) = [f for f in facts if f.statement_ids == ("b:2",)]
    assert other.echoes == ()  # "billions of dollars" is no figure to match


def test_classify_does_not_echo_the_same_figure_about_something_else(
    statement_factory: StatementFactory,
) -> None:
    _, facts = _unique_story(
        statement_factory,
        "Jackson arranged to have $7,000 paid to a contractor for work on his home.",
        ["Additional records disclosed on Wednesday showed $7,000 in expenses on travel."],
    )
    assert all(f.echoes == () for f in facts)


def test_classify_does_not_echo_a_vague_figure(statement_factory: StatementFactory) -> None:
    _, facts = _unique_story(
        statement_factory,
        "Billions of dollars are at stake in the lawsuit.",
        ["The justices weighed whether billions of dollars in back pay were at stake."],
    )
    assert all(f.echoes == () for f in facts)


def test_classify_shared_id_suffixes_follow_content_not_positions() -> None:
    """Two facts holding one identical sentence share an ID prefix; which one gets "-2" is
    decided by the facts' texts, so moving paragraphs or renaming files swaps no IDs."""
    from factcheck.classify import _dedupe_ids
    from factcheck.types import Coverage, Fact

    mayor, council = "The mayor resigned on Monday.", "The council met on Tuesday."

    def ids(b: str, first: str, second: str) -> dict[str, str]:
        facts = [
            Fact("F-1", ("a:0", f"{b}:0"), ("a", b), Coverage.PARTIAL, 0.9),
            Fact("F-1", ("a:1", f"{b}:1"), ("a", b), Coverage.PARTIAL, 0.9),
        ]
        texts = {"a:0": "Subscribe.", "a:1": "Subscribe.", f"{b}:0": first, f"{b}:1": second}
        return {texts[f.statement_ids[1]]: f.id for f in _dedupe_ids(facts, texts)}

    assert ids("b", mayor, council) == ids("b", council, mayor) == ids("z", council, mayor)


def test_classify_a_toll_updated_between_reports_is_no_conflict(
    statement_factory: StatementFactory,
) -> None:
    sts = [
        extract(statement_factory("The flood killed 12 people.", "a"), published=None),
        extract(statement_factory("The flood killed 30 people.", "b"), published=None),
    ]
    g = _graph(sts, [(sts[0].id, sts[1].id, 0.95)])
    (same,) = classify(sts, g, sources=["a", "b"])
    assert same.label is Label.CONFLICT
    times = {"a": "2026-05-01T08:00:00Z", "b": "2026-05-01T20:00:00Z"}
    (later,) = classify(sts, g, sources=["a", "b"], published=times)
    assert later.conflicts == ()
