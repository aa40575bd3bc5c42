"""Conflicts come from typed values of aligned statements, never from missing values."""

from __future__ import annotations

from datetime import date

from conftest import StatementFactory

from factcheck.conflicts import find_conflicts
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
