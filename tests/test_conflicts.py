"""Conflicts come from typed values of aligned statements, never from missing values."""

from __future__ import annotations

from datetime import date

from conftest import StatementFactory

from factcheck.conflicts import ConflictContext, find_conflicts
from factcheck.extract import extract
from factcheck.types import ConflictKind, Statement

PUBLISHED = date(2026, 3, 10)


def _pair(make: StatementFactory, a: str, b: str) -> tuple[Statement, Statement]:
    return (
        extract(make(a, "a"), published=PUBLISHED),
        extract(make(b, "b"), published=PUBLISHED),
    )


def test_conflicts_flags_a_money_mismatch(statement_factory: StatementFactory) -> None:
    a, b = _pair(
        statement_factory,
        "Meta invested $14.3 billion in Scale AI.",
        "Meta invested $2 billion in Scale AI.",
    )
    (c,) = find_conflicts(a, b, similarity=0.9)
    assert (c.kind, c.value_a, c.value_b) == (ConflictKind.VALUE, "$14.3 billion", "$2 billion")
    assert 0 < c.confidence <= 1


def test_conflicts_accepts_the_same_amount_written_two_ways(
    statement_factory: StatementFactory,
) -> None:
    a, b = _pair(
        statement_factory,
        "Meta invested $14.3 billion in Scale AI.",
        "Meta put $14.3bn into Scale AI.",
    )
    assert find_conflicts(a, b, similarity=0.9) == []


def test_conflicts_accepts_a_compatible_rounding(statement_factory: StatementFactory) -> None:
    a, b = _pair(
        statement_factory,
        "Meta invested $14.3 billion in Scale AI.",
        "Meta invested more than $14 billion in Scale AI.",
    )
    assert find_conflicts(a, b, similarity=0.9) == []


def test_conflicts_flags_a_month_mismatch(statement_factory: StatementFactory) -> None:
    a, b = _pair(
        statement_factory,
        "Construction will begin in March 2027.",
        "Construction will begin in June 2027.",
    )
    (c,) = find_conflicts(a, b, similarity=0.9)
    assert (c.kind, c.value_a, c.value_b) == (ConflictKind.DATE, "March 2027", "June 2027")


def test_conflicts_accepts_a_date_and_a_more_precise_date_inside_it(
    statement_factory: StatementFactory,
) -> None:
    a, b = _pair(
        statement_factory,
        "Construction will begin in March 2027.",
        "Construction will begin on March 15, 2027.",
    )
    assert find_conflicts(a, b, similarity=0.9) == []


def test_conflicts_ignores_a_value_only_one_side_gives(
    statement_factory: StatementFactory,
) -> None:
    a, b = _pair(
        statement_factory,
        "The council approved a $120 million plan on Tuesday.",
        "The council approved the plan on Tuesday.",
    )
    assert find_conflicts(a, b, similarity=0.9) == []


def test_conflicts_ignores_extra_detail_when_the_shared_value_agrees(
    statement_factory: StatementFactory,
) -> None:
    a, b = _pair(
        statement_factory,
        "Meta spent $14.3 billion on Scale AI and $2 billion on chips.",
        "Meta spent $14.3 billion on Scale AI.",
    )
    assert find_conflicts(a, b, similarity=0.9) == []


def test_conflicts_does_not_compare_counts_of_different_things(
    statement_factory: StatementFactory,
) -> None:
    a, b = _pair(
        statement_factory,
        "Acme will cut 1,200 jobs this year.",
        "Acme will close 40 stores this year.",
    )
    assert find_conflicts(a, b, similarity=0.9) == []


def test_conflicts_confidence_grows_with_the_gap(statement_factory: StatementFactory) -> None:
    base = "The bridge carries 40,000 vehicles a day."
    near = _pair(statement_factory, base, "The bridge carries 38,000 vehicles a day.")
    far = _pair(statement_factory, base, "The bridge carries 4,000 vehicles a day.")
    (c_near,) = find_conflicts(*near, similarity=0.9)
    (c_far,) = find_conflicts(*far, similarity=0.9)
    assert c_far.confidence > c_near.confidence


def test_conflicts_two_different_events_with_different_numbers_are_not_a_conflict(
    statement_factory: StatementFactory,
) -> None:
    a, b = _pair(
        statement_factory,
        "Meta invested $14.3 billion in Scale AI.",
        "Meta invested $2 billion in a new data center.",
    )
    assert find_conflicts(a, b, similarity=0.9) == []


def test_conflicts_one_date_written_two_ways_is_not_a_conflict(
    statement_factory: StatementFactory,
) -> None:
    a, b = _pair(
        statement_factory,
        "Zuckerberg published the letter on July 30, 2025.",
        "Zuckerberg published the letter on 30 July 2025.",
    )
    assert find_conflicts(a, b, similarity=0.9) == []


def test_conflicts_a_weekday_resolved_against_the_article_date_matches(
    statement_factory: StatementFactory,
) -> None:
    a = extract(statement_factory("The council voted on Tuesday.", "a"), published=PUBLISHED)
    b = extract(statement_factory("The council voted on March 10, 2026.", "b"), published=None)
    assert find_conflicts(a, b, similarity=0.9) == []


def test_conflicts_flags_a_negated_action(statement_factory: StatementFactory) -> None:
    a, b = _pair(
        statement_factory,
        "Meta will release the Behemoth model.",
        "Meta won't release the Behemoth model.",
    )
    (c,) = find_conflicts(a, b, similarity=0.9)
    assert c.kind is ConflictKind.POLARITY
    assert "not" in c.value_b


def test_conflicts_flags_opposite_actions(statement_factory: StatementFactory) -> None:
    a, b = _pair(
        statement_factory,
        "Meta has paused testing of the Behemoth model.",
        "Meta has resumed testing of the Behemoth model.",
    )
    (c,) = find_conflicts(a, b, similarity=0.9)
    assert c.kind is ConflictKind.POLARITY


def test_conflicts_flags_a_different_actor_for_the_same_action(
    statement_factory: StatementFactory,
) -> None:
    a, b = _pair(
        statement_factory,
        "Mayor Lena Ortiz approved the bridge plan.",
        "Governor Tom Baker approved the bridge plan.",
    )
    (c,) = find_conflicts(a, b, similarity=0.9)
    assert c.kind is ConflictKind.ENTITY
    assert "lena ortiz" in c.reason and "tom baker" in c.reason


def test_conflicts_two_people_who_each_did_it_are_not_a_conflict(
    statement_factory: StatementFactory,
) -> None:
    a, b = _pair(
        statement_factory,
        "Mayor Lena Ortiz approved the bridge plan.",
        "Governor Tom Baker approved the bridge plan.",
    )
    also = extract(
        statement_factory("Tom Baker approved the bridge plan too.", "a", 2), published=None
    )
    context = ConflictContext.of([a, also, b])
    assert find_conflicts(a, b, similarity=0.9, context=context) == []


def test_conflicts_flags_the_same_action_on_a_different_object_as_a_claim(
    statement_factory: StatementFactory,
) -> None:
    a, b = _pair(
        statement_factory,
        "Meta has paused testing of its Behemoth model.",
        "Meta has paused development of its Behemoth model.",
    )
    (c,) = find_conflicts(a, b, similarity=0.9)
    assert c.kind is ConflictKind.CLAIM
    assert (
        c.confidence
        < find_conflicts(
            *_pair(statement_factory, "Meta has paused testing.", "Meta has resumed testing."),
            similarity=0.9,
        )[0].confidence
    )


def test_conflicts_paraphrased_verbs_are_the_same_action(
    statement_factory: StatementFactory,
) -> None:
    a, b = _pair(
        statement_factory,
        "Meta has halted testing of the Behemoth model.",
        "Meta has paused testing of the Behemoth model.",
    )
    assert find_conflicts(a, b, similarity=0.9) == []
