"""Conflicts come from typed values of aligned statements, never from missing values."""

from __future__ import annotations

from datetime import date

import pytest
from conftest import StatementFactory

from factcheck.conflicts import (
    ATTRIBUTED_FACTOR,
    DENIAL_FACTOR,
    REWORDED_FACTOR,
    SPEAKER_FACTOR,
    ConflictContext,
    _confidence,
    find_conflicts,
    published_span,
)
from factcheck.extract import extract
from factcheck.types import Conflict, ConflictKind, Statement

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
    assert c.confidence == 0.97  # differing tallies count as far apart (0.9 similarity)


def test_conflicts_accepts_a_tally_told_from_the_other_side(
    statement_factory: StatementFactory,
) -> None:
    a, b = _pair(
        statement_factory,
        "The council voted 5-2 to approve the budget.",
        "The budget passed on a 5-2 vote of the council.",
    )
    assert [c for c in find_conflicts(a, b, similarity=0.9) if c.kind is ConflictKind.VALUE] == []


# Round 2: an argument is its head and its modifiers


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("Dornell shares rose 4% on Monday.", "Vastro shares rose 9% on Monday."),
        ("Shares of Dornell rose 4%.", "Shares of Vastro rose 9%."),
        ("Sales at Acme fell 10% in May.", "Sales at Bolt fell 20% in May."),
        (
            "The mayor of Carver declared an emergency on Sunday.",
            "The mayor of Brill declared an emergency on Monday.",
        ),
        ("Net profit rose 5% to $140 million.", "Operating profit rose 11% to $210 million."),
        ("The Millbrook fire destroyed 12 homes.", "The Alder fire destroyed 3 homes."),
        (
            "The team has not lost a home game this season.",
            "The team lost two road games this season.",
        ),
    ],
)
def test_conflicts_different_names_or_classifiers_on_one_word_are_two_things(
    statement_factory: StatementFactory, a: str, b: str
) -> None:
    assert _kinds(statement_factory, a, b) == []


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("Revenue rose 8% last year.", "Profit rose 5% last year."),
        (
            "Revenue rose 8% last year, the company said.",
            "Profit rose 5% last year, the company said.",
        ),
        (
            "The city will spend $5 million on the park.",
            "The state will spend $9 million on the park.",
        ),
        (
            "The county will pay $2 million for the repairs.",
            "The federal government will pay $8 million for the repairs.",
        ),
        ("The fire destroyed 14 homes.", "The flood destroyed 41 homes."),
    ],
)
def test_conflicts_two_subject_nouns_that_are_not_synonyms_are_two_actors(
    statement_factory: StatementFactory, a: str, b: str
) -> None:
    assert _kinds(statement_factory, a, b) == []


@pytest.mark.parametrize(
    ("a", "b", "names"),
    [
        (
            "Police arrested 12 protesters on Monday.",
            "Officers arrested 21 protesters on Monday.",
            "'police' vs 'officers'",
        ),
        ("Twelve people died in the fire.", "Twenty people died in a blaze.", "'fire' vs 'blaze'"),
    ],
)
def test_conflicts_near_synonyms_are_a_reworded_argument(
    statement_factory: StatementFactory, a: str, b: str, names: str
) -> None:
    (c,) = find_conflicts(*_pair(statement_factory, a, b), similarity=0.9)
    assert c.kind is ConflictKind.VALUE
    assert names in c.reason


def test_conflicts_descriptive_adjectives_do_not_separate_events(
    statement_factory: StatementFactory,
) -> None:
    kinds = _kinds(
        statement_factory,
        "The massive fire destroyed 12 homes.",
        "The deadly fire destroyed 30 homes.",
    )
    assert kinds == [ConflictKind.VALUE]


def test_conflicts_a_classifier_the_other_sentence_uses_does_not_separate(
    statement_factory: StatementFactory,
) -> None:
    kinds = _kinds(
        statement_factory,
        "Net profit rose 5%, while operating profit rose 11%.",
        "Net profit rose 11%.",
    )
    assert kinds == [ConflictKind.VALUE]


# Round 2: names in prepositional phrases of arguments and values


@pytest.mark.parametrize(
    ("a", "b"),
    [
        (
            "The state has set aside $12 million for repairs in Marlow County.",
            "The state has set aside $5 million for repairs in Dunmore County.",
        ),
        (
            "The company will hire 300 workers at its plant in Dayton this year.",
            "The company will hire 120 workers at its plant in Toledo this year.",
        ),
        ("Northwind invested $14.3bn in Scale AI.", "Northwind invested $2bn in Acme."),
        ("The fire destroyed 12 homes in Marlow.", "The fire destroyed 30 homes, in Dunmore."),
    ],
)
def test_conflicts_names_on_an_argument_or_a_value_set_events_apart(
    statement_factory: StatementFactory, a: str, b: str
) -> None:
    assert _kinds(statement_factory, a, b) == []


def test_conflicts_a_name_on_a_value_is_the_event_s_argument(
    statement_factory: StatementFactory,
) -> None:
    (c,) = find_conflicts(
        *_pair(
            statement_factory,
            "Northwind invested $14.3bn in Scale AI.",
            "Northwind invested $14.3bn in Acme.",
        ),
        similarity=0.9,
    )
    assert c.kind is ConflictKind.ENTITY
    assert "'scale ai' against 'acme'" in c.reason


# Round 2: the date of a report is not the date of the event


@pytest.mark.parametrize(
    ("a", "b"),
    [
        (
            "The fire has burned 2,400 acres, officials said on Tuesday.",
            "The fire has burned 2,400 acres since it started on Sunday, officials said.",
        ),
        (
            "The council approved the Harbor Bridge rebuild on Tuesday.",
            "The Harbor Bridge will carry a new bike lane, the council said on Thursday.",
        ),
        (
            "The mayor said on Monday that the bridge would reopen in May.",
            "The bridge will reopen in May, the mayor said on Friday.",
        ),
        (
            "Earlier this year, the company announced the closure of the Ohio plant.",
            "Earlier this year, the company said it would close the Ohio plant in 2027.",
        ),
    ],
)
def test_conflicts_report_dates_are_never_compared(
    statement_factory: StatementFactory, a: str, b: str
) -> None:
    assert _kinds(statement_factory, a, b) == []


def test_conflicts_a_reporting_verb_with_a_noun_object_keeps_its_date(
    statement_factory: StatementFactory,
) -> None:
    kinds = _kinds(
        statement_factory,
        "The company announced the merger on Monday.",
        "The company announced the merger on Tuesday.",
    )
    assert kinds == [ConflictKind.DATE]


# Round 2: "not ... until", denials, instructions


@pytest.mark.parametrize(
    ("a", "b"),
    [
        (
            "The company won't release the new model until next year.",
            "The company will release the new model next year.",
        ),
        ("The Harbor Bridge will not reopen until May.", "The Harbor Bridge will reopen in May."),
        (
            "The union did not accept the offer until Friday.",
            "The union accepted the offer on Friday.",
        ),
    ],
)
def test_conflicts_not_until_is_no_denial(
    statement_factory: StatementFactory, a: str, b: str
) -> None:
    assert _kinds(statement_factory, a, b) == []


def test_conflicts_not_until_dates_the_event(statement_factory: StatementFactory) -> None:
    (c,) = find_conflicts(
        *_pair(
            statement_factory,
            "The Harbor Bridge will not reopen until May.",
            "The Harbor Bridge will reopen in June.",
        ),
        similarity=0.9,
    )
    assert (c.kind, c.value_a, c.value_b) == (ConflictKind.DATE, "until May", "June")


@pytest.mark.parametrize(
    ("a", "b"),
    [
        (
            "Police denied that officers used tear gas on protesters in Millbrook on Saturday.",
            "Officers did not use tear gas on protesters in Millbrook on Saturday, police said.",
        ),
        (
            '"We did not cut pensions," Whitfield said.',
            "Whitfield denied that Northwind had cut pensions.",
        ),
        ("The company denied that the pipeline leaked.", "The pipeline did not leak."),
        ("The company did not deny that the pipeline leaked.", "The pipeline did not leak."),
    ],
)
def test_conflicts_a_denial_agrees_with_a_negation(
    statement_factory: StatementFactory, a: str, b: str
) -> None:
    assert _kinds(statement_factory, a, b) == []


@pytest.mark.parametrize(
    ("a", "b", "denier"),
    [
        (
            "The company denied that the pipeline leaked.",
            "The pipeline leaked, inspectors said.",
            "the company",
        ),
        (
            "The company rejected claims that the pipeline leaked.",
            "The pipeline leaked.",
            "the company",
        ),
        ("Police denied using tear gas.", "Police used tear gas.", "police"),
    ],
)
def test_conflicts_a_denial_against_the_claim_is_a_weaker_polarity(
    statement_factory: StatementFactory, a: str, b: str, denier: str
) -> None:
    (c,) = find_conflicts(*_pair(statement_factory, a, b), similarity=0.9)
    assert c.kind is ConflictKind.POLARITY
    assert f"the other reports {denier} denying it" in c.reason
    clean = _confidence(ConflictKind.POLARITY, 0.9)
    assert c.confidence == pytest.approx(clean * DENIAL_FACTOR, abs=0.01)


def test_conflicts_a_denial_with_nobody_denying_it_is_not_a_conflict(
    statement_factory: StatementFactory,
) -> None:
    kinds = _kinds(
        statement_factory,
        "The company did not deny that the pipeline leaked.",
        "The pipeline leaked.",
    )
    assert kinds == []


@pytest.mark.parametrize(
    "told",
    [
        "Residents were told not to return to their homes in Millbrook.",
        "Officials urged residents not to return to their homes in Millbrook.",
        "Residents were asked not to return to their homes in Millbrook.",
    ],
)
def test_conflicts_an_instruction_denies_nothing(
    statement_factory: StatementFactory, told: str
) -> None:
    kinds = _kinds(statement_factory, told, "Residents returned to their homes in Millbrook.")
    assert kinds == []


# Round 2: places that may contain each other, acronyms


def test_conflicts_places_that_may_contain_each_other_are_not_an_entity_conflict(
    statement_factory: StatementFactory,
) -> None:
    assert (
        _kinds(
            statement_factory,
            "The fire broke out in Manhattan on Monday.",
            "The fire broke out in New York on Monday.",
        )
        == []
    )
    (c,) = find_conflicts(
        *_pair(
            statement_factory,
            "The fire destroyed 12 homes in Manhattan.",
            "The fire destroyed 30 homes in New York.",
        ),
        similarity=0.9,
    )
    assert c.kind is ConflictKind.VALUE and "'manhattan' vs 'new york'" in c.reason


def test_conflicts_an_acronym_is_the_same_actor(statement_factory: StatementFactory) -> None:
    kinds = _kinds(
        statement_factory,
        "The Federal Aviation Administration grounded the jets on Monday.",
        "The FAA grounded the jets on Monday.",
    )
    assert kinds == []


# Round 2: states, passives and negative subjects


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("The Kessler factory is closed.", "The Kessler factory is open."),
        ("The Halden airport reopened on Monday.", "The Halden airport remained closed on Monday."),
        (
            "Testing of the Vantor drones was paused on Monday.",
            "Testing of the Vantor drones resumed on Monday.",
        ),
    ],
)
def test_conflicts_a_passive_matches_a_state_or_an_intransitive(
    statement_factory: StatementFactory, a: str, b: str
) -> None:
    assert _kinds(statement_factory, a, b) == [ConflictKind.POLARITY]


def test_conflicts_a_passive_object_is_not_an_active_subject(
    statement_factory: StatementFactory,
) -> None:
    kinds = _kinds(
        statement_factory, "The plan was approved on Tuesday.", "The council approved on Tuesday."
    )
    assert kinds == []


@pytest.mark.parametrize(
    ("a", "b", "shown"),
    [
        (
            "Nobody was injured, police said.",
            "Two people were injured, police said.",
            "Nobody was injured",
        ),
        (
            "There were no injuries in the crash.",
            "Two people were injured in the crash.",
            "There were no injuries",
        ),
        ("No injuries were reported.", "Two people were injured.", "No injuries were reported"),
        (
            "No one was arrested after the protest.",
            "Two people were arrested after the protest.",
            "No one was arrested",
        ),
        (
            "None of the passengers were hurt in the crash.",
            "Three passengers were hurt in the crash.",
            "None of the passengers were hurt",
        ),
        ("The fire killed no one.", "The fire killed two people.", "The fire killed no one"),
    ],
)
def test_conflicts_nobody_contradicts_anyone(
    statement_factory: StatementFactory, a: str, b: str, shown: str
) -> None:
    (c,) = find_conflicts(*_pair(statement_factory, a, b), similarity=0.9)
    assert c.kind is ConflictKind.POLARITY
    assert c.value_a == shown


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("No firefighters were injured.", "Two residents were injured."),
        ("Nobody was injured in Tuesday's crash.", "Two people were injured in Monday's crash."),
        ("There were two deaths in the crash.", "Three people died in the crash."),
    ],
)
def test_conflicts_a_negative_subject_needs_the_same_thing(
    statement_factory: StatementFactory, a: str, b: str
) -> None:
    assert _kinds(statement_factory, a, b) == []


# Round 2: opposite claims


@pytest.mark.parametrize(
    ("a", "b"),
    [
        (
            "Meta may no longer release its most powerful models as open source.",
            "Meta will keep releasing open source models.",
        ),
        ("The plan was not a good deal.", "The plan was a good deal."),
    ],
)
def test_conflicts_flags_opposite_claims(
    statement_factory: StatementFactory, a: str, b: str
) -> None:
    assert _kinds(statement_factory, a, b) == [ConflictKind.POLARITY]


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("The plan was not a good deal.", "The plan was a bad deal."),
        ("Meta is a leader in AI.", "Google is a leader in AI."),
        (
            "Meta no longer releases its models as open source.",
            "Meta released its models as open source in 2024.",
        ),
    ],
)
def test_conflicts_claims_that_can_both_hold(
    statement_factory: StatementFactory, a: str, b: str
) -> None:
    assert _kinds(statement_factory, a, b) == []


# Round 2: current and earlier figures


@pytest.mark.parametrize(
    ("a", "b", "kinds"),
    [
        (
            "The death toll was revised up to 14 from 12 on Tuesday.",
            "The death toll stood at 12 on Tuesday.",
            [ConflictKind.VALUE],
        ),
        (
            "Officials initially reported 12 deaths but later revised the figure to 14.",
            "Officials reported 14 deaths.",
            [],
        ),
    ],
)
def test_conflicts_compares_current_figures_only(
    statement_factory: StatementFactory, a: str, b: str, kinds: list[ConflictKind]
) -> None:
    assert _kinds(statement_factory, a, b) == kinds


def test_conflicts_names_the_earlier_figure_the_other_source_gives(
    statement_factory: StatementFactory,
) -> None:
    a, b = _pair(
        statement_factory,
        "The toll rose to 14 deaths from 12 deaths.",
        "The toll stood at 12 deaths.",
    )
    (c,) = find_conflicts(a, b, similarity=0.9)
    assert (c.kind, c.value_a, c.value_b) == (ConflictKind.VALUE, "14 deaths", "12 deaths")
    assert "the second sentence gives the earlier figure (12 deaths in the first)" in c.reason


# Round 2: swapped roles, speakers


@pytest.mark.parametrize(
    ("a", "b"),
    [
        (
            "Mayor Ana Ruiz was replaced by Tom Baker as party leader.",
            "Tom Baker was replaced by Mayor Ana Ruiz as party leader.",
        ),
        (
            "Northwind moved its headquarters from Chicago to Dallas.",
            "Northwind moved its headquarters from Dallas to Chicago.",
        ),
        ("Smith beat Jones.", "Jones beat Smith."),
    ],
)
def test_conflicts_flags_swapped_roles(statement_factory: StatementFactory, a: str, b: str) -> None:
    (c,) = find_conflicts(*_pair(statement_factory, a, b), similarity=0.9)
    assert c.kind is ConflictKind.ENTITY
    assert "roles swapped" in c.reason
    assert (c.value_a, c.value_b) == (a.rstrip("."), b.rstrip("."))


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("Smith met Jones on Monday.", "Jones met Smith on Monday."),
        ("Acme merged with Bolt.", "Bolt merged with Acme."),
        (
            "The law helps millionaires like Smith and Jones.",
            "The law helps millionaires such as Smith and Jones.",
        ),
        ("Ortiz approved the plan, as did Baker.", "Baker approved the plan."),
    ],
)
def test_conflicts_symmetric_verbs_and_other_mentions_are_no_swap(
    statement_factory: StatementFactory, a: str, b: str
) -> None:
    assert _kinds(statement_factory, a, b) == []


def test_conflicts_flags_a_misnamed_speaker_at_a_lower_confidence(
    statement_factory: StatementFactory,
) -> None:
    a, b = _pair(
        statement_factory,
        "Mayor Ellen Voss said the work will begin in 2027.",
        "Mayor Ellen Ross said the work will begin in 2027.",
    )
    (c,) = find_conflicts(a, b, similarity=0.9)
    assert c.kind is ConflictKind.ENTITY
    assert "'ellen voss' against 'ellen ross'" in c.reason
    assert c.value_a == "Ellen Voss said the work will begin"
    clean = _confidence(ConflictKind.ENTITY, 0.9)
    assert c.confidence == pytest.approx(clean * SPEAKER_FACTOR, abs=0.01)
    also = extract(
        statement_factory("Mayor Ellen Ross said the council agreed.", "a", 2), published=PUBLISHED
    )
    assert find_conflicts(a, b, similarity=0.9, context=ConflictContext.of([a, also, b])) == []


@pytest.mark.parametrize(
    "other",
    [
        "Governor Tom Baker said the work will begin in 2027.",
        "Mayor Ellen Voss said the work will begin in 2028.",
    ],
)
def test_conflicts_two_speakers_may_both_say_it(
    statement_factory: StatementFactory, other: str
) -> None:
    kinds = _kinds(statement_factory, "Mayor Ellen Voss said the work will begin in 2027.", other)
    assert ConflictKind.ENTITY not in kinds


def test_conflicts_one_person_named_two_ways_is_one_speaker(
    statement_factory: StatementFactory,
) -> None:
    kinds = _kinds(
        statement_factory,
        "Ronald L. Kuby said the work will begin in 2027.",
        "Ron Kuby said the work will begin in 2027.",
    )
    assert kinds == []


def test_conflicts_flags_a_clock_time_mismatch(statement_factory: StatementFactory) -> None:
    a, b = _pair(
        statement_factory,
        "The council meeting started at 3 p.m. on Tuesday.",
        "The council meeting started at 5 p.m. on Tuesday.",
    )
    (c,) = [c for c in find_conflicts(a, b, similarity=0.9) if c.kind is ConflictKind.VALUE]
    assert (c.value_a, c.value_b) == ("3 p.m.", "5 p.m.")


# Round 3: the measured thing, parts and wholes, plans and deeds, rewordings


@pytest.mark.parametrize(
    ("a", "b"),
    [
        # a figure with no event of its own measures a thing; two things, no conflict
        ("Revenue of $4.82 billion was up 12%.", "Consumer revenue fell 8% to $1.05 billion."),
        (
            "Revenue of $4.82 billion was up 12%, and data-center sales jumped 31%.",
            "Data-center revenue climbed 31%, while the consumer segment fell 8% to $1.05 billion.",
        ),
        # a total and a segment: a part and the whole, no value or polarity conflict
        ("Revenue climbed 12% to $4.82 billion.", "Consumer revenue fell 8% to $1.05 billion."),
        ("Revenue grew roughly 12% in the quarter.", "Data-center revenue climbed 31%."),
        # a done deed and a plan are two events
        (
            "In 2025, Kestrel cut 250 jobs at its plant in San Jose.",
            "The company said it would cut about 400 jobs in its consumer unit by June.",
        ),
        ("The company will not cut jobs at the plant.", "The company cut jobs at the plant."),
        ("Acme plans to close 12 stores in Ohio.", "Acme closed 20 stores in Ohio."),
        # one side's request against the other side's
        (
            "Prosecutors had sought eight years; the defense asked for three.",
            "Prosecutors had asked for eight years, while his lawyers sought no more than three"
            " years.",
        ),
    ],
)
def test_conflicts_two_things_or_two_events_are_no_conflict(
    statement_factory: StatementFactory, a: str, b: str
) -> None:
    assert _kinds(statement_factory, a, b) == []


def test_conflicts_a_classified_thing_on_both_sides_is_still_compared(
    statement_factory: StatementFactory,
) -> None:
    assert _kinds(
        statement_factory,
        "The company will cut 300 jobs at its Ohio plant.",
        "The firm will cut 3,000 jobs at its Ohio plant.",
    ) == [ConflictKind.VALUE]


def test_conflicts_figures_of_one_measured_thing_conflict_at_a_lower_confidence(
    statement_factory: StatementFactory,
) -> None:
    (c,) = find_conflicts(
        *_pair(statement_factory, "Revenue of $4.82 billion was up 12%.", "Revenue was up 9%."),
        similarity=0.9,
    )
    assert (c.kind, c.value_a, c.value_b) == (ConflictKind.VALUE, "12%", "9%")
    assert "only what they are of ('revenue')" in c.reason
    (plain,) = find_conflicts(
        *_pair(statement_factory, "Revenue rose 12%.", "Revenue rose 9%."), similarity=0.9
    )
    assert c.confidence < plain.confidence


def test_conflicts_near_synonym_objects_are_no_claim_divergence(
    statement_factory: StatementFactory,
) -> None:
    assert (
        _kinds(
            statement_factory,
            "The airport revised the figure to 14 on Tuesday.",
            "The airport revised the number to 14 on Tuesday.",
        )
        == []
    )


@pytest.mark.parametrize(
    ("a", "b", "kind"),
    [
        # reworded subject and near-synonym object, opposite verbs
        (
            "Kestrel raised its full-year revenue outlook to $20.4 billion.",
            "The company cut its full-year forecast to $19.8 billion.",
            ConflictKind.POLARITY,
        ),
        # a flip anchored by the verb and a shared argument, the object reworded
        (
            "The NTSB said it was sending a team of four investigators to Boise.",
            "The NTSB said it would not send investigators to Boise.",
            ConflictKind.POLARITY,
        ),
        # one cost told with two verbs
        (
            "The county will repair the bridge at a cost of $48 million.",
            "The county plans to spend $52 million repairing the bridge.",
            ConflictKind.VALUE,
        ),
        # near-synonym subjects
        (
            "Construction on the dam will start in November 2026.",
            "Work on the dam will start in September 2026.",
            ConflictKind.DATE,
        ),
        # a phrasal verb is its canonical verb
        (
            "The plane touched down at 4:12 p.m. local time.",
            "The jet landed at 5:12 p.m.",
            ConflictKind.VALUE,
        ),
        # a partitive count, and a hospital against a named one
        (
            "Two of the injured were taken to a hospital.",
            "Three of the injured were taken to St. Luke's Boise Medical Center.",
            ConflictKind.VALUE,
        ),
        # a copular clause with a named subject
        (
            "Captain Laura Mendes, a 22-year veteran, was at the controls, the airline said.",
            "Captain Dana Whitfield, a 22-year veteran, was at the controls, the airline said.",
            ConflictKind.ENTITY,
        ),
    ],
)
def test_conflicts_flags_reworded_events_at_a_lower_confidence(
    statement_factory: StatementFactory, a: str, b: str, kind: ConflictKind
) -> None:
    found = find_conflicts(*_pair(statement_factory, a, b), similarity=0.9)
    assert [c.kind for c in found] == [kind]
    assert found[0].confidence < 0.9 * 0.9


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("The plane touched the runway at 4:12 p.m.", "The jet landed at 5:12 p.m."),
        ("Two of the injured were taken to a hospital.", "Three of the injured were taken to"
         " Boise Airport."),
        ("Captain Laura Mendes was at the controls.", "Captain Dana Whitfield was in the cabin."),
        ("Smith was at the meeting on Monday.", "Jones was at the meeting on Monday."),
        ("The council rejected the amendment.", "The council approved the plan."),
        ("Acme did not close its Ohio plant.", "The company closed a plant."),
        ("The county will repair the bridge at a cost of $48 million.", "The county will spend"
         " $5 million on a study of the bridge."),
    ],
)  # fmt: skip
def test_conflicts_reworded_event_rules_keep_their_limits(
    statement_factory: StatementFactory, a: str, b: str
) -> None:
    assert _kinds(statement_factory, a, b) == []


def test_conflicts_an_unknown_action_lowers_a_date_conflict_like_a_figure(
    statement_factory: StatementFactory,
) -> None:
    def one(a: str, b: str) -> float:
        (c,) = find_conflicts(*_pair(statement_factory, a, b), similarity=0.9)
        assert c.kind is ConflictKind.DATE
        return c.confidence

    plain = one(
        "The company completed the merger on Monday.",
        "The company completed the merger on Tuesday.",
    )
    light = one("The jet made a landing on Monday.", "The jet landed on Tuesday.")
    assert light < plain


@pytest.mark.parametrize(
    ("a", "b", "found"),
    [
        (
            "Judge Elena Marsh handed down the sentence Thursday in a packed courtroom in"
            " Springfield.",
            "Marsh handed down the sentence in a courtroom in Columbia.",
            [ConflictKind.ENTITY],
        ),
        (
            "Acme cut 300 jobs at its plant in Dayton.",
            "Acme cut 300 jobs at its plant in Toledo.",
            [ConflictKind.ENTITY],
        ),
        # a place that may hold the other, or the other statement names both
        ("Acme cut jobs at its plant in Dayton.", "Acme cut jobs at its plant in Ohio.", []),
        (
            "Acme cut 300 jobs at its plant in Dayton.",
            "Acme cut 300 jobs at its plant in Toledo and its plant in Dayton.",
            [],
        ),
    ],
)
def test_conflicts_a_different_name_attached_to_one_argument(
    statement_factory: StatementFactory, a: str, b: str, found: list[ConflictKind]
) -> None:
    assert _kinds(statement_factory, a, b) == found


def test_conflicts_figures_with_no_event_in_two_periods_are_no_conflict(
    statement_factory: StatementFactory,
) -> None:
    a = "Revenue of $4.82 billion in 2025, a record for the company."
    assert _kinds(statement_factory, a, "Revenue of $4.1 billion in 2024, a record.") == []
    assert _kinds(statement_factory, a, "Revenue of $4.1 billion in 2025, a record.") == [
        ConflictKind.VALUE
    ]
    assert _kinds(statement_factory, a, "Revenue of $4.82 billion in 2024, a record.") == [
        ConflictKind.DATE
    ]


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("The jury deliberated for four hours.", "The jurors deliberated for six hours."),
        ("The stock rose 3% on Monday.", "The shares rose 5% on Monday."),
    ],
)
def test_conflicts_near_synonym_subjects_are_one_actor(
    statement_factory: StatementFactory, a: str, b: str
) -> None:
    (c,) = find_conflicts(*_pair(statement_factory, a, b), similarity=0.9)
    assert c.kind is ConflictKind.VALUE
    assert "name the subject differently" in c.reason


def test_conflicts_order_of_kinds_names_every_compared_kind() -> None:
    from factcheck import conflicts
    from factcheck.types import AMOUNT_KINDS, FIGURE_KINDS, NUMERIC_KINDS

    assert frozenset(conflicts._NUMERIC_ORDER) == NUMERIC_KINDS
    assert len(conflicts._NUMERIC_ORDER) == len(NUMERIC_KINDS)
    assert AMOUNT_KINDS < FIGURE_KINDS < NUMERIC_KINDS


@pytest.mark.parametrize(
    "other",
    [
        "Brightfield shares have risen 31% this year.",
        "Brightfield shares have risen 31% so far in 2026.",
        "Brightfield shares have risen 31% since January.",
    ],
)
def test_conflicts_a_figure_of_a_day_and_one_of_a_span_holding_it_are_two_periods(
    statement_factory: StatementFactory, other: str
) -> None:
    a, b = _pair(statement_factory, "Brightfield shares rose 18% on Monday.", other)
    assert find_conflicts(a, b, similarity=0.9) == []


def test_conflicts_figures_of_one_period_written_two_ways_still_conflict(
    statement_factory: StatementFactory,
) -> None:
    a, b = _pair(
        statement_factory,
        "Brightfield shares rose 18% on Monday.",
        "Brightfield shares rose 13% on March 9.",
    )
    (c,) = find_conflicts(a, b, similarity=0.9)
    assert (c.value_a, c.value_b) == ("18%", "13%")


@pytest.mark.parametrize(
    ("first", "second"),
    [
        (
            "More than 1.2 million people voted early, a record.",
            "On election day, 340,000 people had voted by noon, the commission said.",
        ),
        ("More than 1.2 million people voted early.", "340,000 people voted on election day."),
        ("1.2 million people voted.", "340,000 people had voted by 10 a.m."),
        ("1.2 million people voted.", "340,000 people voted in the first hour."),
        ("1.2 million people have voted so far.", "1.4 million people voted."),
    ],
)
def test_conflicts_a_figure_of_part_of_an_event_is_not_the_whole_events(
    statement_factory: StatementFactory, first: str, second: str
) -> None:
    a, b = _pair(statement_factory, first, second)
    assert find_conflicts(a, b, similarity=0.9) == []


@pytest.mark.parametrize(
    ("first", "second"),
    [
        ("More than 1.2 million people voted early.", "About 900,000 people voted early."),
        ("The fire has burned 12,400 acres.", "The fire had burned 14,200 acres by Monday."),
    ],
)
def test_conflicts_figures_of_the_same_part_or_a_cutoff_date_still_conflict(
    statement_factory: StatementFactory, first: str, second: str
) -> None:
    a, b = _pair(statement_factory, first, second)
    (c,) = find_conflicts(a, b, similarity=0.9)
    assert c.kind is ConflictKind.VALUE


@pytest.mark.parametrize(
    ("first", "second", "kind"),
    [
        (
            "Brentmoor United have signed striker Kofi Mensah from Aldgate FC for £62 million.",
            "Brentmoor United have splashed a staggering £48 million on striker Kofi Mensah.",
            ConflictKind.VALUE,
        ),
        ("Brentmoor signed Mensah for £62 million.", "Brentmoor paid £48 million for Mensah.",
         ConflictKind.VALUE),
        ("The fire has burned 12,400 acres.", "The fire grew to 14,200 acres.", ConflictKind.VALUE),
        ("The Alliance won 41.2% of the vote.", "The party took 44.2% of the vote.",
         ConflictKind.VALUE),
        (
            "The study, published on February 9 in the journal, followed 12,400 adults.",
            "The study appeared on February 19 in the journal.",
            ConflictKind.DATE,
        ),
        ("The team followed nearly 12,500 adults.", "Scientists tracked 14,200 people.",
         ConflictKind.VALUE),
    ],
)  # fmt: skip
def test_conflicts_one_figure_told_with_verbs_of_one_class_conflicts_weaker(
    statement_factory: StatementFactory, first: str, second: str, kind: ConflictKind
) -> None:
    a, b = _pair(statement_factory, first, second)
    (c,) = [c for c in find_conflicts(a, b, similarity=0.9) if c.kind is kind]
    assert "different verbs" in c.reason
    assert c.confidence < 0.9


@pytest.mark.parametrize(
    ("first", "second"),
    [
        ("Brentmoor signed Mensah for £62 million.",
         "Brentmoor completed a deal worth £61.8 million for Mensah."),
        ("Brentmoor have spent £80 million this summer.",
         "Brentmoor signed Mensah for £62 million."),
        ("Brentmoor signed Mensah for £62 million.", "Brentmoor spent £48 million on a stadium."),
        ("Brentmoor signed Keller for £30 million.", "Brentmoor paid £18 million for Brandt."),
        ("Police arrested 12 people.", "Police charged 5 people."),
        ("The company raised $50 million.", "The company spent $30 million."),
        ("The fire burned through 4,000 acres overnight.", "The fire has grown to 12,400 acres."),
        ("The study followed 12,500 adults.", "The study included 4,200 children."),
        ("The study followed 12,400 adults.", "The study followed 14,200 children."),
    ],
)  # fmt: skip
def test_conflicts_verbs_of_one_class_need_the_same_thing_acted_on(
    statement_factory: StatementFactory, first: str, second: str
) -> None:
    a, b = _pair(statement_factory, first, second)
    assert [c for c in find_conflicts(a, b, similarity=0.9) if c.kind is ConflictKind.VALUE] == []


def test_conflicts_a_count_of_adults_is_compared_with_a_count_of_people(
    statement_factory: StatementFactory,
) -> None:
    a, b = _pair(
        statement_factory,
        "The study followed 12,400 adults.",
        "The study followed 14,200 people.",
    )
    (c,) = find_conflicts(a, b, similarity=0.9)
    assert (c.kind, c.value_a, c.value_b) == (ConflictKind.VALUE, "12,400 adults", "14,200 people")
    assert "differently" in c.reason


def test_conflicts_a_named_fire_and_a_fire_told_by_its_place_are_one_fire(
    statement_factory: StatementFactory,
) -> None:
    a, b = _pair(
        statement_factory,
        "The Cedar Ridge fire has burned 12,400 acres.",
        "A wind-driven wildfire in Alder County had burned 14,200 acres by Monday.",
    )
    (c,) = find_conflicts(a, b, similarity=0.9)
    assert (c.value_a, c.value_b) == ("12,400 acres", "14,200 acres")


def test_conflicts_a_named_plant_and_a_plant_in_another_town_stay_two(
    statement_factory: StatementFactory,
) -> None:
    a, b = _pair(
        statement_factory, "The Dayton plant cut 300 jobs.", "The plant in Toledo cut 200 jobs."
    )
    assert [c for c in find_conflicts(a, b, similarity=0.9) if c.kind is ConflictKind.VALUE] == []


def test_conflicts_would_not_back_flips_will_support(statement_factory: StatementFactory) -> None:
    a, b = _pair(
        statement_factory,
        "Greens leader Sofie Aalto said her party would not back a Lindqvist government.",
        "The Green Party will support Lindqvist's government.",
    )
    assert [c.kind for c in find_conflicts(a, b, similarity=0.9)] == [ConflictKind.POLARITY]


def test_conflicts_a_clean_name_swap_scores_high_whatever_the_similarity(
    statement_factory: StatementFactory,
) -> None:
    a, b = _pair(
        statement_factory,
        "Opposition leader Jonas Berg conceded defeat late Sunday in a speech in Tarnby.",
        "Opposition leader Erik Dahl conceded defeat late Sunday in a speech in Tarnby.",
    )
    (low,) = find_conflicts(a, b, similarity=0.5)
    (high,) = find_conflicts(a, b, similarity=0.95)
    assert low.kind is ConflictKind.ENTITY
    assert low.confidence >= 0.7
    assert high.confidence - low.confidence <= 0.15


def test_conflicts_a_clean_contradiction_outranks_one_with_caveats(
    statement_factory: StatementFactory,
) -> None:
    clean = find_conflicts(
        *_pair(statement_factory, "Ortiz approved the plan.", "Baker approved the plan."),
        similarity=0.6,
    )
    doubtful = find_conflicts(
        *_pair(
            statement_factory,
            "The Alliance won 41.2% of the vote.",
            "The party took 44.2% of the vote.",
        ),
        similarity=0.9,
    )
    assert min(c.confidence for c in clean) > max(c.confidence for c in doubtful)


def test_conflicts_clock_times_on_a_day_are_far_apart_by_hours(
    statement_factory: StatementFactory,
) -> None:
    def confidence(other: str) -> float:
        a, b = _pair(statement_factory, "The plane landed at 4:12 p.m. on Tuesday.", other)
        (c,) = find_conflicts(a, b, similarity=0.9)
        return c.confidence

    near = confidence("The plane landed at 4:40 p.m. on Tuesday.")
    far = confidence("The plane landed at 9:12 p.m. on Tuesday.")
    assert far > near + 0.2


def test_conflicts_a_contract_and_a_deal_are_one_object(
    statement_factory: StatementFactory,
) -> None:
    a, b = _pair(
        statement_factory,
        "Mensah signed a five-year contract with the club.",
        "Mensah signed a five-year deal with the club.",
    )
    assert find_conflicts(a, b, similarity=0.9) == []


@pytest.mark.parametrize(
    ("first", "second", "conflict"),
    [
        ("The electoral commission will certify the final results on March 10.",
         "Certification of the results is scheduled for March 12.", True),
        ("The council will approve the plan on May 3.", "Approval of the plan is set for May 10.",
         True),
        ("The electoral commission will certify the final results on March 10.",
         "Certification of the budget is scheduled for March 12.", False),
        ("The council will approve the plan on May 3.", "The vote is scheduled for May 10.", False),
    ],
)  # fmt: skip
def test_conflicts_an_event_told_as_a_scheduled_noun_is_dated_like_its_verb(
    statement_factory: StatementFactory, first: str, second: str, conflict: bool
) -> None:
    a, b = _pair(statement_factory, first, second)
    kinds = [c.kind for c in find_conflicts(a, b, similarity=0.9)]
    assert kinds == ([ConflictKind.DATE] if conflict else [])


@pytest.mark.parametrize(
    ("first", "second"),
    [
        ("The fire destroyed 46 homes early Tuesday.", "The fire destroyed 50 homes on Tuesday."),
        ("The fire destroyed 46 homes early on Tuesday.", "The fire destroyed 50 homes."),
    ],
)
def test_conflicts_early_on_a_day_is_when_not_a_part(
    statement_factory: StatementFactory, first: str, second: str
) -> None:
    a, b = _pair(statement_factory, first, second)
    assert [c.kind for c in find_conflicts(a, b, similarity=0.9)] == [ConflictKind.VALUE]


def test_conflicts_a_figure_of_a_week_and_one_of_a_day_in_it_are_two_periods(
    statement_factory: StatementFactory,
) -> None:
    a, b = _pair(
        statement_factory, "Shares rose 18% on Monday.", "Shares have risen 31% this week."
    )
    assert find_conflicts(a, b, similarity=0.9) == []


def test_conflicts_a_short_name_is_not_another_persons_initials(
    statement_factory: StatementFactory,
) -> None:
    kinds = _kinds(
        statement_factory,
        "Mayor Ng signed the order on Tuesday.",
        "Mayor Nancy Grant signed the order on Tuesday.",
    )
    assert ConflictKind.ENTITY in kinds


def test_conflicts_two_clock_time_spans_are_as_far_apart_as_their_ends(
    statement_factory: StatementFactory,
) -> None:
    """Overlapping spans whose closing times are two hours apart are a clear conflict, not
    a touching one."""
    a, b = _pair(
        statement_factory,
        "The library will be open from 9 a.m. to 6 p.m. on Sunday.",
        "The library will be open from 9 a.m. to 8 p.m. on Sunday.",
    )
    (found,) = find_conflicts(a, b, similarity=0.9)
    assert found.kind is ConflictKind.VALUE
    assert found.confidence >= 0.8


@pytest.mark.parametrize(
    ("a", "b", "flip"),
    [
        ("The party won 12 seats.", "The party lost 3 seats.", False),  # a total, a change
        (
            "The Green Alliance won 41% of the vote.",
            "The Green Alliance lost 5% of the vote.",
            False,
        ),
        ("The Green Alliance won the election.", "The Green Alliance lost the election.", True),
        ("The party won 12 seats.", "The party lost 12 seats.", True),
    ],
)
def test_conflicts_won_and_lost_with_different_figures_may_both_hold(
    statement_factory: StatementFactory, a: str, b: str, flip: bool
) -> None:
    assert (ConflictKind.POLARITY in _kinds(statement_factory, a, b)) is flip


# --------------------------------------------------------------------------------------
# Publication times: a running tally updated between two reports
# --------------------------------------------------------------------------------------


def _timed(
    make: StatementFactory, a: str, b: str, when_a: str | None, when_b: str | None
) -> list[Conflict]:
    x, y = _pair(make, a, b)
    ctx = ConflictContext.of([x, y], {"a": when_a, "b": when_b})
    return find_conflicts(x, y, similarity=0.9, context=ctx)


TOLL_A = "The earthquake killed 42 people, officials said."
TOLL_B = "The earthquake killed 87 people, officials said."


def test_conflicts_a_higher_toll_published_later_is_an_update(
    statement_factory: StatementFactory,
) -> None:
    late = _timed(statement_factory, TOLL_A, TOLL_B, "2026-11-30T06:00:00Z", "2026-11-30T18:00Z")
    assert late == []
    # either order of the pair: the later source is the one with the higher figure
    early = _timed(statement_factory, TOLL_B, TOLL_A, "2026-11-30T18:00:00Z", "2026-11-30T06:00Z")
    assert early == []


def test_conflicts_a_toll_at_one_hour_or_unknown_times_is_a_conflict(
    statement_factory: StatementFactory,
) -> None:
    same = _timed(statement_factory, TOLL_A, TOLL_B, "2026-11-30T06:00:00Z", "2026-11-30T07:00Z")
    unknown = _timed(statement_factory, TOLL_A, TOLL_B, None, "2026-11-30T18:00:00Z")
    for found in (same, unknown):
        (c,) = found
        assert (c.kind, c.value_a, c.value_b) == (ConflictKind.VALUE, "42 people", "87 people")
        assert "published" not in c.reason


def test_conflicts_a_toll_of_a_date_alone_and_a_time_that_day_is_caveated(
    statement_factory: StatementFactory,
) -> None:
    (plain,) = _timed(statement_factory, TOLL_A, TOLL_B, None, None)
    (c,) = _timed(statement_factory, TOLL_A, TOLL_B, "2026-11-30", "2026-11-30T18:00:00Z")
    assert "published the same day" in c.reason and c.confidence < plain.confidence


def test_conflicts_a_lower_toll_published_later_stays_a_conflict_with_a_caveat(
    statement_factory: StatementFactory,
) -> None:
    (plain,) = _timed(statement_factory, TOLL_B, TOLL_A, None, None)
    (c,) = _timed(statement_factory, TOLL_B, TOLL_A, "2026-11-30T06:00:00Z", "2026-11-30T18:00Z")
    assert "published 12 hours apart" in c.reason and "(42 people)" in c.reason
    assert c.confidence < plain.confidence


def test_conflicts_dates_days_apart_and_a_present_perfect_figure_are_updates(
    statement_factory: StatementFactory,
) -> None:
    found = _timed(
        statement_factory,
        "The company has laid off 300 workers.",
        "The company has laid off 450 workers.",
        "2026-11-28",
        "2026-11-30",
    )
    assert found == []


def test_conflicts_a_figure_that_is_no_tally_is_compared_whatever_the_times(
    statement_factory: StatementFactory,
) -> None:
    (c,) = _timed(
        statement_factory,
        "Meta invested $14.3 billion in Scale AI.",
        "Meta invested $2 billion in Scale AI.",
        "2026-11-28",
        "2026-11-30",
    )
    assert c.kind is ConflictKind.VALUE


def test_conflicts_a_bare_number_is_named_by_what_it_counts(
    statement_factory: StatementFactory,
) -> None:
    (c,) = _timed(
        statement_factory,
        "Officials said 312 people were injured.",
        "Officials said 87 people were killed and 410 were injured.",
        None,
        None,
    )
    assert (c.value_a, c.value_b) == ("312 people", "410")
    assert "'410'" not in c.reason and "differently" not in c.reason


def test_conflicts_published_span_reads_dates_and_times() -> None:
    day = published_span("2026-11-30")
    assert day is not None and (day[1] - day[0]).days == 1
    moment = published_span("2026-11-30T18:00:00+02:00")
    assert moment is not None and moment[0] == moment[1] and moment[0].hour == 16
    assert published_span("yesterday") is None and published_span(None) is None


# --------------------------------------------------------------------------------------
# One natural event told with two verbs; a figure that is a property of its noun
# --------------------------------------------------------------------------------------


def test_conflicts_hit_and_struck_tell_one_quake(statement_factory: StatementFactory) -> None:
    a, b = _pair(
        statement_factory,
        "A magnitude 6.8 earthquake hit southern Valdoria on Monday.",
        "A magnitude 7.1 earthquake struck southern Valdoria on Monday.",
    )
    (c,) = find_conflicts(a, b, similarity=0.9)
    assert (c.value_a, c.value_b) == ("magnitude 6.8", "magnitude 7.1")
    a, b = _pair(
        statement_factory,
        "The quake hit at 3:12 a.m. local time.",
        "The quake struck at 4:12 a.m. local time.",
    )
    (c,) = find_conflicts(a, b, similarity=0.9)
    assert c.kind is ConflictKind.VALUE and "'hit'" in c.reason


def test_conflicts_a_figure_on_one_noun_is_compared_whatever_the_verb(
    statement_factory: StatementFactory,
) -> None:
    a, b = _pair(
        statement_factory,
        "A 6.8-magnitude quake shook the coast on Monday.",
        "A catastrophic magnitude 7.1 earthquake flattened much of the coast on Monday.",
    )
    (c,) = find_conflicts(a, b, similarity=0.9)
    assert c.kind is ConflictKind.VALUE and "only what they are of" in c.reason


def test_conflicts_figures_on_one_noun_of_two_named_partners_are_two_things(
    statement_factory: StatementFactory,
) -> None:
    a, b = _pair(
        statement_factory,
        "Acme signed a $2 billion deal with Boeing.",
        "Acme finalised a $3 billion deal with Airbus.",
    )
    assert [c for c in find_conflicts(a, b, similarity=0.9) if c.kind is ConflictKind.VALUE] == []


def test_conflicts_no_on_a_compound_noun_is_a_polarity_flip(
    statement_factory: StatementFactory,
) -> None:
    a, b = _pair(
        statement_factory, "No tsunami warning was issued.", "A tsunami warning was issued."
    )
    (c,) = find_conflicts(a, b, similarity=0.9)
    assert c.kind is ConflictKind.POLARITY


def test_conflicts_figures_of_two_speakers_are_an_attributed_disagreement(
    statement_factory: StatementFactory,
) -> None:
    a, b = _pair(
        statement_factory,
        "Police said officers fired six shots.",
        "Witnesses said officers fired 12 shots.",
    )
    (c,) = find_conflicts(a, b, similarity=0.9)
    assert "an attributed disagreement: police say six shots, witnesses say 12 shots" in c.reason
    a, b = _pair(
        statement_factory,
        "Police said officers fired six shots.",
        "Police said officers fired 12 shots.",
    )
    (one,) = find_conflicts(a, b, similarity=0.9)
    assert "attributed" not in one.reason
    assert c.confidence == pytest.approx(one.confidence * ATTRIBUTED_FACTOR, abs=0.01)


def test_conflicts_a_definite_event_dated_by_a_copula_is_one_event(
    statement_factory: StatementFactory,
) -> None:
    a, b = _pair(
        statement_factory,
        "The next policy meeting is on January 20.",
        "The next policy meeting is on January 27.",
    )
    (c,) = find_conflicts(a, b, similarity=0.9)
    assert c.kind is ConflictKind.DATE and "light verb" not in c.reason
    a, b = _pair(statement_factory, "The hearing is on March 3.", "A vote is on March 9.")
    assert find_conflicts(a, b, similarity=0.9) == []


def test_conflicts_one_dated_noun_with_other_attached_names_is_still_compared(
    statement_factory: StatementFactory,
) -> None:
    a, b = _pair(
        statement_factory,
        "Passengers on a SkyBridge Airlines flight that made an emergency landing at Boise"
        " Airport on Tuesday afternoon described a sudden jolt.",
        "SkyBridge Airlines' emergency landing in Boise on Monday has put fresh attention on"
        " the engines.",
    )
    assert [c.kind for c in find_conflicts(a, b, similarity=0.8)] == [ConflictKind.DATE]


def test_conflicts_two_speakers_on_who_did_it_first_are_an_entity_conflict(
    statement_factory: StatementFactory,
) -> None:
    a, b = _pair(
        statement_factory,
        "The suspect fired first, police said.",
        "Witnesses said officers fired first.",
    )
    (c,) = find_conflicts(a, b, similarity=0.8)
    assert c.kind is ConflictKind.ENTITY
    assert "police say 'suspect', witnesses say 'officers'" in c.reason
    flat = _pair(statement_factory, "The suspect fired first.", "Officers fired first.")
    assert find_conflicts(*flat, similarity=0.8) == []


def test_conflicts_two_figures_of_one_kind_in_one_pair_are_two_conflicts(
    statement_factory: StatementFactory,
) -> None:
    a, b = _pair(
        statement_factory,
        "The blast killed three workers and injured 27 others, officials said.",
        "The blast killed four workers and injured 37 others, officials said.",
    )
    found = {(c.value_a, c.value_b) for c in find_conflicts(a, b, similarity=0.9)}
    assert found == {("three workers", "four workers"), ("27 others", "37 others")}


def test_conflicts_two_prices_in_two_currencies_are_two_markets_not_two_places(
    statement_factory: StatementFactory,
) -> None:
    assert (
        _kinds(
            statement_factory,
            "In Britain the Nova X will cost £799.",
            "The Nova X will cost $1,099 in the United States.",
        )
        == []
    )


def test_conflicts_a_device_and_a_phone_are_one_thing_told_two_ways(
    statement_factory: StatementFactory,
) -> None:
    assert ConflictKind.CLAIM not in _kinds(
        statement_factory,
        "Nova unveiled the device in Berlin on Tuesday.",
        "Nova unveiled the phone in Berlin on Tuesday.",
    )


def test_conflicts_two_deadlines_conflict_and_say_so(statement_factory: StatementFactory) -> None:
    a, b = _pair(
        statement_factory,
        "The regulator will publish its final report by March 15, 2027.",
        "The regulator will publish its final report by April 15, 2027.",
    )
    (found,) = find_conflicts(a, b, similarity=0.9)
    assert found.kind is ConflictKind.DATE and "two different deadlines" in found.reason
