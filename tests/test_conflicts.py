"""Conflicts come from typed values of aligned statements, never from missing values."""

from __future__ import annotations

from datetime import date

import pytest
from conftest import StatementFactory

from factcheck.conflicts import REWORDED_FACTOR, ConflictContext, find_conflicts
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
    assert c.value_b == "Meta won't release the Behemoth model"


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


def _kinds(make: StatementFactory, a: str, b: str) -> list[ConflictKind]:
    return [c.kind for c in find_conflicts(*_pair(make, a, b), similarity=0.9)]


# Event identity: reworded arguments are compared, at a lower confidence


@pytest.mark.parametrize(
    ("a", "b", "names"),
    [
        (
            "The company will cut 300 jobs at its Ohio plant.",
            "The firm will cut 3,000 jobs at its Ohio plant.",
            "'company' vs 'firm'",
        ),
        ("Acme cut 300 jobs.", "The company cut 3,000 jobs.", "'acme' vs 'company'"),
        (
            "The council approved $42 million for road repairs.",
            "Councillors approved $24 million for road repairs.",
            "'council' vs 'councillors'",
        ),
        (
            "Twelve people died in the fire.",
            "Twenty people died in the blaze.",
            "'fire' vs 'blaze'",
        ),
        (
            "The deal raises wages by 6%.",
            "The agreement raises wages by 8%.",
            "'deal' vs 'agreement'",
        ),
    ],
)
def test_conflicts_a_reworded_argument_still_compares_values(
    statement_factory: StatementFactory, a: str, b: str, names: str
) -> None:
    (c,) = find_conflicts(*_pair(statement_factory, a, b), similarity=0.9)
    assert c.kind is ConflictKind.VALUE
    assert names in c.reason and "differently" in c.reason


def test_conflicts_a_reworded_argument_lowers_the_confidence(
    statement_factory: StatementFactory,
) -> None:
    base = "The company will cut 300 jobs."
    (same,) = find_conflicts(
        *_pair(statement_factory, base, "The company will cut 3,000 jobs."), similarity=0.9
    )
    (reworded,) = find_conflicts(
        *_pair(statement_factory, base, "The firm will cut 3,000 jobs."), similarity=0.9
    )
    assert reworded.confidence == pytest.approx(same.confidence * REWORDED_FACTOR, abs=0.01)


def test_conflicts_a_reworded_subject_still_compares_dates(
    statement_factory: StatementFactory,
) -> None:
    (c,) = find_conflicts(
        *_pair(statement_factory, "The strike began on May 2.", "The walkout began on May 4."),
        similarity=0.9,
    )
    assert (c.kind, c.value_a, c.value_b) == (ConflictKind.DATE, "May 2", "May 4")
    assert "'strike' vs 'walkout'" in c.reason


def test_conflicts_new_things_each_side_never_names_are_two_events(
    statement_factory: StatementFactory,
) -> None:
    assert (
        _kinds(
            statement_factory,
            "The city will spend $14.3 billion on roads.",
            "The city will spend $2 billion on a new stadium.",
        )
        == []
    )


# Event identity: different actions, periods


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("Three people were killed in the fire.", "Twelve people were injured in the fire."),
        (
            "Revenue from the county's timber sales rose 8% last year.",
            "Profit from the county's timber sales fell 5% last year.",
        ),
    ],
)
def test_conflicts_different_actions_are_different_events(
    statement_factory: StatementFactory, a: str, b: str
) -> None:
    assert _kinds(statement_factory, a, b) == []


def test_conflicts_synonymous_actions_are_one_event(statement_factory: StatementFactory) -> None:
    kinds = _kinds(
        statement_factory,
        "Three people died in the crash.",
        "Five people were killed in the crash.",
    )
    assert kinds == [ConflictKind.VALUE]


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("Ticket sales rose 8% in 2025.", "Ticket sales rose 3% in 2024."),
        ("The museum hired 40 new staff last year.", "The museum hired 60 new staff this year."),
    ],
)
def test_conflicts_figures_for_different_periods_are_not_a_conflict(
    statement_factory: StatementFactory, a: str, b: str
) -> None:
    assert _kinds(statement_factory, a, b) == []


def test_conflicts_a_reporting_participle_keeps_its_own_date(
    statement_factory: StatementFactory,
) -> None:
    (c,) = find_conflicts(
        *_pair(
            statement_factory,
            "The plant, announced in 2024, will open in 2027.",
            "The plant will open in 2024.",
        ),
        similarity=0.9,
    )
    assert (c.kind, c.value_a, c.value_b) == (ConflictKind.DATE, "2027", "2024")


# Polarity


@pytest.mark.parametrize(
    "negated",
    [
        "The utility has no plans to raise water rates in April.",
        "The utility ruled out raising water rates in April.",
        "The utility decided against raising water rates in April.",
        "The utility declined to raise water rates in April.",
        "The utility never intended to raise water rates in April.",
    ],
)
def test_conflicts_flags_other_ways_of_negating(
    statement_factory: StatementFactory, negated: str
) -> None:
    (c,) = find_conflicts(
        *_pair(statement_factory, "The utility will raise water rates in April.", negated),
        similarity=0.9,
    )
    assert c.kind is ConflictKind.POLARITY
    assert c.value_a == "The utility will raise water rates"


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("The governor refused to sign the bill.", "The governor signed the bill."),
        ("No charges were filed against the driver.", "Charges were filed against the driver."),
        (
            "Prosecutors filed no charges against the driver.",
            "Prosecutors filed charges against the driver.",
        ),
        ("Nobody was injured in the blast.", "Two workers were injured in the blast."),
        ("It is not true that we will cut pensions.", "We will cut pensions."),
        ("We are not going to abandon the workers.", "We are going to abandon the workers."),
        ("The bridge is closed.", "The bridge is open."),
        ("The company is profitable.", "The company is not profitable."),
        (
            "Officials said the state grid was not ready to replace the power.",
            "Our grid is ready to replace every megawatt.",
        ),
    ],
)
def test_conflicts_flags_negated_arguments_states_and_frames(
    statement_factory: StatementFactory, a: str, b: str
) -> None:
    assert ConflictKind.POLARITY in _kinds(statement_factory, a, b)


def test_conflicts_another_instance_of_a_thing_is_not_the_same_argument(
    statement_factory: StatementFactory,
) -> None:
    kinds = _kinds(
        statement_factory, "The union rejected the offer.", "The union accepted a revised offer."
    )
    assert kinds == []


def test_conflicts_a_negated_event_asserts_none_of_its_values(
    statement_factory: StatementFactory,
) -> None:
    kinds = _kinds(
        statement_factory,
        "Meta did not release the model in 2024 but released it in 2025.",
        "Meta released the model in 2025.",
    )
    assert kinds == []


def test_conflicts_a_negated_intention_does_not_deny_a_done_action(
    statement_factory: StatementFactory,
) -> None:
    assert _kinds(statement_factory, "Acme did not plan to cut jobs.", "Acme cut 300 jobs.") == []


@pytest.mark.parametrize(
    ("a", "b"),
    [
        (
            "Drone maker Vantor paused testing in Ohio.",
            "Drone maker Vantor resumed testing in Ohio.",
        ),
        (
            "Vantor paused testing of its delivery drones in Ohio on Monday.",
            "Vantor resumed testing of its delivery drones in Ohio on Monday.",
        ),
    ],
)
def test_conflicts_opposite_actions_whatever_the_tagging(
    statement_factory: StatementFactory, a: str, b: str
) -> None:
    (c,) = find_conflicts(*_pair(statement_factory, a, b), similarity=0.9)
    assert c.kind is ConflictKind.POLARITY
    assert (c.value_a, c.value_b) == ("Vantor paused testing", "Vantor resumed testing")


def test_conflicts_claim_divergence_with_a_named_subject(
    statement_factory: StatementFactory,
) -> None:
    kinds = _kinds(
        statement_factory,
        "Vantor paused testing of its delivery drones.",
        "Vantor paused development of its delivery drones.",
    )
    assert kinds == [ConflictKind.CLAIM]


@pytest.mark.parametrize(
    ("a", "b"),
    [
        (
            "The Lakeshore Transit Authority paused light-rail service in February and "
            "resumed it on March 2, 2026.",
            "The Lakeshore Transit Authority resumed light-rail service on March 2, 2026.",
        ),
        (
            "Ridership rose 4% in January before falling 6% in February.",
            "Ridership fell 6% in February.",
        ),
    ],
)
def test_conflicts_a_sequence_of_opposite_actions_is_not_a_flip(
    statement_factory: StatementFactory, a: str, b: str
) -> None:
    assert _kinds(statement_factory, a, b) == []


def test_conflicts_polarity_values_are_the_source_words(
    statement_factory: StatementFactory,
) -> None:
    (c,) = find_conflicts(
        *_pair(
            statement_factory,
            "We will not raise property taxes to pay for it.",
            "We will raise property taxes to pay for it.",
        ),
        similarity=0.9,
    )
    assert (c.value_a, c.value_b) == (
        "We will not raise property taxes",
        "We will raise property taxes",
    )


# Entities


@pytest.mark.parametrize(
    ("a", "b", "names"),
    [
        (
            "Acme Health bought the Riverside clinic for $40 million.",
            "Globex Care bought the Riverside clinic for $40 million.",
            "'acme health' against 'globex care'",
        ),
        (
            "The summit will be held in Paris in June.",
            "The summit will be held in Berlin in June.",
            "'paris' against 'berlin'",
        ),
        (
            "The contract was awarded to Hallam Engineering.",
            "The contract was awarded to Brix Construction.",
            "'hallam engineering' against 'brix construction'",
        ),
        (
            "The company named Maria Ortiz as chief executive.",
            "The company named Thomas Baker as chief executive.",
            "'maria ortiz' against 'thomas baker'",
        ),
    ],
)
def test_conflicts_flags_a_different_name_in_any_role(
    statement_factory: StatementFactory, a: str, b: str, names: str
) -> None:
    (c,) = find_conflicts(*_pair(statement_factory, a, b), similarity=0.9)
    assert c.kind is ConflictKind.ENTITY
    assert names in c.reason


def test_conflicts_entity_values_show_the_differing_name(
    statement_factory: StatementFactory,
) -> None:
    (c,) = find_conflicts(
        *_pair(
            statement_factory,
            "The summit will be held in Paris in June.",
            "The summit will be held in Berlin in June.",
        ),
        similarity=0.9,
    )
    assert (c.value_a, c.value_b) == (
        "The summit will be held in Paris",
        "The summit will be held in Berlin",
    )


def test_conflicts_a_different_place_with_a_different_figure_is_two_events(
    statement_factory: StatementFactory,
) -> None:
    kinds = _kinds(
        statement_factory,
        "The company hired 200 engineers in Berlin.",
        "The company hired 50 engineers in Paris.",
    )
    assert kinds == []


def test_conflicts_one_of_two_coordinated_actors_is_not_a_conflict(
    statement_factory: StatementFactory,
) -> None:
    kinds = _kinds(
        statement_factory,
        "Judge Maria Ortiz and Judge Thomas Baker approved the merger on Tuesday.",
        "Judge Thomas Baker approved the merger on Tuesday.",
    )
    assert kinds == []


def test_conflicts_context_records_every_coordinated_actor(
    statement_factory: StatementFactory,
) -> None:
    st = extract(
        statement_factory("Judge Maria Ortiz and Judge Thomas Baker approved the merger.", "a"),
        published=PUBLISHED,
    )
    actions = ConflictContext.of([st]).actions["a"]
    assert {
        ("approve", "subject", "maria ortiz"),
        ("approve", "subject", "thomas baker"),
    } <= actions


# Reasons


def test_conflicts_a_date_reason_is_worded_for_dates_with_both_notes(
    statement_factory: StatementFactory,
) -> None:
    (c,) = find_conflicts(
        *_pair(
            statement_factory,
            "The museum hired new staff last year.",
            "The museum hired new staff this year.",
        ),
        similarity=0.9,
    )
    assert c.kind is ConflictKind.DATE
    assert "rounding" not in c.reason
    assert "last year: relative to the article date" in c.reason
    assert "this year: relative to the article date" in c.reason


def test_conflicts_flags_a_vote_tally_mismatch(statement_factory: StatementFactory) -> None:
    a, b = _pair(
        statement_factory,
        "The council voted 5-2 to approve the budget.",
        "The council voted 6-1 to approve the budget.",
    )
    (c,) = [c for c in find_conflicts(a, b, similarity=0.9) if c.kind is ConflictKind.VALUE]
    assert (c.value_a, c.value_b) == ("5-2", "6-1")
    assert c.confidence == 0.9  # differing tallies count as far apart


def test_conflicts_accepts_a_tally_told_from_the_other_side(
    statement_factory: StatementFactory,
) -> None:
    a, b = _pair(
        statement_factory,
        "The council voted 5-2 to approve the budget.",
        "The budget passed on a 5-2 vote of the council.",
    )
    assert [c for c in find_conflicts(a, b, similarity=0.9) if c.kind is ConflictKind.VALUE] == []
