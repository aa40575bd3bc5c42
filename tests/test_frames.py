"""Events read off the dependency parse: actions, arguments, dates and negation."""

from __future__ import annotations

from datetime import date

import pytest
from conftest import StatementFactory

from factcheck.extract import extract
from factcheck.frames import (
    Frame,
    canonical_verb,
    frame_of,
    frames,
    measured,
    opposite,
    phrase,
    report_dates,
)
from factcheck.types import Statement

PUBLISHED = date(2026, 3, 10)


def _frames(make: StatementFactory, text: str) -> tuple[Statement, list[Frame]]:
    st = extract(make(text), published=PUBLISHED)
    return st, frames(st)


def _event(make: StatementFactory, text: str, verb: str) -> tuple[Statement, Frame]:
    st, fs = _frames(make, text)
    (f,) = [f for f in fs if f.verb == verb]
    return st, f


@pytest.mark.parametrize(
    "text",
    [
        "The utility has no plans to raise water rates in April.",
        "The utility ruled out raising water rates in April.",
        "The utility decided against raising water rates in April.",
        "The utility declined to raise water rates in April.",
        "The utility never intended to raise water rates in April.",
        "The utility will not raise water rates in April.",
    ],
)
def test_frames_reads_ways_of_negating_an_action(
    statement_factory: StatementFactory, text: str
) -> None:
    _, f = _event(statement_factory, text, "rise")
    assert f.negated
    assert f.obj is not None and f.obj.name == "rate"


@pytest.mark.parametrize(
    ("text", "verb"),
    [
        ("No charges were filed against the driver.", "file"),
        ("Prosecutors filed no charges against the driver.", "file"),
        ("Nobody was injured in the blast.", "injure"),
        ("It is not true that we will cut pensions.", "cut"),
        ("The governor refused to sign the bill.", "sign"),
        ("We are not going to abandon the workers.", "abandon"),
        ("The company has no intention of selling the unit.", "sell"),
    ],
)
def test_frames_reads_negative_arguments_and_frames(
    statement_factory: StatementFactory, text: str, verb: str
) -> None:
    _, f = _event(statement_factory, text, verb)
    assert f.negated


@pytest.mark.parametrize(
    "text",
    [
        "The utility will raise water rates in April.",
        "The utility plans to raise water rates in April.",
        "It is true that the utility will raise water rates.",
        "The utility did not stop raising water rates.",
    ],
)
def test_frames_affirmed_actions_are_not_negated(
    statement_factory: StatementFactory, text: str
) -> None:
    _, f = _event(statement_factory, text, "rise")
    assert not f.negated


def test_frames_a_negative_control_verb_is_not_an_event_of_its_own(
    statement_factory: StatementFactory,
) -> None:
    _, fs = _frames(statement_factory, "The governor refused to sign the bill.")
    assert [f.verb for f in fs] == ["sign"]
    assert fs[0].subject is not None and fs[0].subject.name == "governor"


def test_frames_a_predicate_adjective_is_a_state(statement_factory: StatementFactory) -> None:
    _, f = _event(statement_factory, "The bridge is not closed.", "close")
    assert f.state and f.negated
    assert f.subject is not None and f.subject.name == "bridge"


def test_frames_a_state_opposite_by_un(statement_factory: StatementFactory) -> None:
    assert opposite("profitable", "unprofitable", states=True)
    assert not opposite("take", "undertake")


def test_frames_records_every_coordinated_subject(statement_factory: StatementFactory) -> None:
    _, f = _event(
        statement_factory,
        "Judge Maria Ortiz and Judge Thomas Baker approved the merger.",
        "approve",
    )
    assert [s.name for s in f.subjects] == ["maria ortiz", "thomas baker"]


def test_frames_keeps_the_dates_of_an_event(statement_factory: StatementFactory) -> None:
    _, fs = _frames(
        statement_factory, "Ridership rose 4% in January before falling 6% in February."
    )
    by_verb = {f.verb: f for f in fs}
    assert [d.text for d in by_verb["rise"].dates] == ["January"]
    assert [d.text for d in by_verb["fall"].dates] == ["February"]
    subject = by_verb["fall"].subject
    assert subject is not None and subject.name == "ridership"


def test_frames_a_reporting_participle_is_its_own_event(
    statement_factory: StatementFactory,
) -> None:
    _, fs = _frames(statement_factory, "The plant, announced in 2024, will open in 2027.")
    by_verb = {f.verb: f for f in fs}
    assert by_verb["announce"].reporting
    assert [d.text for d in by_verb["open"].dates] == ["2027"]


def test_frames_an_untagged_proper_noun_is_named(statement_factory: StatementFactory) -> None:
    _, f = _event(
        statement_factory, "Globex Care bought the Riverside clinic for $40 million.", "buy"
    )
    assert f.subject is not None and f.subject.named and f.subject.name == "globex care"


def test_frames_the_passive_subject_is_the_object(statement_factory: StatementFactory) -> None:
    _, f = _event(statement_factory, "The plan was approved by Mayor Lena Ortiz.", "approve")
    assert f.subject is not None and f.subject.name == "lena ortiz"
    assert f.obj is not None and f.obj.name == "plan"


def test_frames_reads_a_participle_misparsed_as_an_adjective(
    statement_factory: StatementFactory,
) -> None:
    _, f = _event(statement_factory, "Vantor paused testing of its delivery drones.", "pause")
    assert f.subject is not None and f.subject.name == "vantor"
    assert f.obj is not None and f.obj.text == "testing"


def test_frames_phrase_uses_the_source_words_in_order(
    statement_factory: StatementFactory,
) -> None:
    st, f = _event(statement_factory, "We will not raise property taxes to pay for it.", "rise")
    assert phrase(f, st) == "We will not raise property taxes"


def test_frames_canonical_verbs_join_synonyms_and_phrasal_verbs() -> None:
    assert canonical_verb("die") == canonical_verb("dead") == "kill"
    assert canonical_verb("lay", "off") == canonical_verb("eliminate") == "cut"
    assert canonical_verb("lay") == "lay"


def test_frames_light_verbs_are_marked(statement_factory: StatementFactory) -> None:
    _, f = _event(statement_factory, "The company made a $5 million profit.", "make")
    assert f.light


# Round 2


def test_frames_arguments_carry_their_attached_names_and_classifiers(
    statement_factory: StatementFactory,
) -> None:
    _, f = _event(statement_factory, "Shares of Dornell rose 4%.", "rise")
    assert f.subject is not None and f.subject.attached_names == {"dornell"}
    _, f = _event(statement_factory, "The team lost two road games.", "lose")
    assert f.obj is not None and f.obj.classifiers == {"road"}
    _, f = _event(statement_factory, "Net profit rose 5%.", "rise")
    assert f.subject is not None and f.subject.classifiers == {"net"}
    _, f = _event(statement_factory, "The massive fire destroyed 12 homes.", "destroy")
    assert f.subject is not None and f.subject.classifiers == frozenset()


def test_frames_reads_attached_names_two_deep(statement_factory: StatementFactory) -> None:
    _, f = _event(
        statement_factory, "The company will hire 300 workers at its plant in Dayton.", "hire"
    )
    (at,) = [a for p, a in f.preps if p == "at"]
    assert at.attached == (("in", "dayton"),)


def test_frames_a_phrase_on_a_value_is_the_event_s(statement_factory: StatementFactory) -> None:
    _, f = _event(statement_factory, "Northwind invested $14.3bn in Scale AI.", "invest")
    assert [(p, a.name) for p, a in f.preps] == [("in", "scale ai")]


def test_frames_report_dates_hang_on_a_reporting_verb_that_tells_a_clause(
    statement_factory: StatementFactory,
) -> None:
    st, fs = _frames(
        statement_factory, "The fire has burned 2,400 acres, officials said on Tuesday."
    )
    assert [v.text for v in report_dates(st)] == ["Tuesday"]
    assert all(f.dates == () for f in fs)
    st, _ = _frames(statement_factory, "The company announced the merger on Monday.")
    assert report_dates(st) == ()


def test_frames_not_until_is_affirmed_and_dated_then(statement_factory: StatementFactory) -> None:
    _, f = _event(statement_factory, "The Harbor Bridge will not reopen until May.", "open")
    assert not f.negated and f.until
    (d,) = f.dates
    assert d.norm == "2026-05" and d.low == date(2026, 5, 1).toordinal()


def test_frames_a_denied_clause_is_negated_as_the_denier_s_claim(
    statement_factory: StatementFactory,
) -> None:
    st, fs = _frames(statement_factory, "The company denied that the pipeline leaked.")
    (f,) = fs
    assert (f.verb, f.negated, f.denier) == ("leak", True, "the company")
    assert phrase(f, st) == "The company denied that the pipeline leaked"
    _, f = _event(statement_factory, "The company did not deny that the pipeline leaked.", "leak")
    assert not f.negated and not f.asserted


def test_frames_an_instruction_is_not_asserted(statement_factory: StatementFactory) -> None:
    st, f = _event(statement_factory, "Residents were told not to return to their homes.", "return")
    assert not f.asserted
    assert f.subject is not None and f.subject.name == "resident"
    assert phrase(f, st) == "Residents were told not to return"


@pytest.mark.parametrize(
    ("text", "verb", "shown"),
    [
        ("Nobody was injured.", "injure", "Nobody was injured"),
        ("There were no injuries in the crash.", "injure", "There were no injuries"),
        ("No deaths were reported.", "kill", "No deaths were reported"),
        ("No one was arrested after the protest.", "arrest", "No one was arrested"),
    ],
)
def test_frames_a_negative_pronoun_or_event_noun_stands_for_anyone(
    statement_factory: StatementFactory, text: str, verb: str, shown: str
) -> None:
    st, f = _event(statement_factory, text, verb)
    assert f.negated and f.passive and f.negative_roles == {"object"}
    assert phrase(f, st) == shown


def test_frames_none_of_names_what_it_negates(statement_factory: StatementFactory) -> None:
    st, f = _event(statement_factory, "None of the passengers were hurt.", "hurt")
    assert f.negated and f.obj is not None and f.obj.name == "passenger"
    assert phrase(f, st) == "None of the passengers were hurt"


@pytest.mark.parametrize(
    ("text", "verb", "negated"),
    [
        ("The airport remained closed.", "close", False),
        ("The plan was not a good deal.", "good deal", True),
    ],
)
def test_frames_participles_and_predicate_nouns_are_states(
    statement_factory: StatementFactory, text: str, verb: str, negated: bool
) -> None:
    _, f = _event(statement_factory, text, verb)
    assert f.state and f.negated is negated
    assert f.subject is not None


def test_frames_no_longer_negates_and_marks_a_change(statement_factory: StatementFactory) -> None:
    _, f = _event(statement_factory, "Meta may no longer release its models.", "release")
    assert f.negated and f.ceased


def test_frames_neither_nor_negates(statement_factory: StatementFactory) -> None:
    _, fs = _frames(statement_factory, "Neither the mayor nor the council approved the plan.")
    (f,) = [f for f in fs if f.verb == "approve"]
    assert f.negated


def test_frames_the_named_speaker_of_a_reported_event(
    statement_factory: StatementFactory,
) -> None:
    _, f = _event(statement_factory, "Mayor Ellen Voss said the work will begin in 2027.", "start")
    assert f.speaker is not None and f.speaker.name == "ellen voss"


@pytest.mark.parametrize(
    ("lemma", "particle", "verb"),
    [("touch", "down", "land"), ("take", "off", "depart"), ("step", "down", "resign"),
     ("lay", "off", "cut"), ("hand", "down", "hand down"), ("touch", None, "touch")],
)  # fmt: skip
def test_frames_canonicalises_particle_verbs(lemma: str, particle: str | None, verb: str) -> None:
    assert canonical_verb(lemma, particle) == verb


@pytest.mark.parametrize(
    ("text", "figure", "thing", "classifiers"),
    [
        ("Revenue of $4.82 billion was up 12%.", "$4.82 billion", "revenue", set()),
        ("Revenue of $4.82 billion was up 12%.", "12%", "revenue", set()),
        ("The consumer segment fell 8% to $1.05 billion.", "8%", "segment", {"consumer"}),
        ("The company will cut 300 jobs.", "300 jobs", "job", set()),
        ("The county will repair it at a cost of $48 million.", "$48 million", "cost", set()),
    ],
)
def test_frames_reads_the_thing_a_figure_measures(
    statement_factory: StatementFactory, text: str, figure: str, thing: str, classifiers: set[str]
) -> None:
    st = extract(statement_factory(text), published=PUBLISHED)
    (v,) = [v for v in st.values if v.text == figure]
    m = measured(v, st)
    assert m is not None
    assert (m.name, set(m.classifiers)) == (thing, classifiers)


def test_frames_a_figure_an_action_spends_measures_no_thing(
    statement_factory: StatementFactory,
) -> None:
    st = extract(statement_factory("Meta invested $14.3 billion in Scale AI."), published=PUBLISHED)
    (v,) = [v for v in st.values if v.text == "$14.3 billion"]
    assert measured(v, st) is None


@pytest.mark.parametrize(
    ("text", "verb", "past", "planned"),
    [
        ("Kestrel cut 250 jobs in 2025.", "cut", True, False),
        ("Kestrel would cut about 400 jobs.", "cut", False, True),
        ("Kestrel plans to cut 400 jobs.", "cut", False, True),
        ("Kestrel will cut 400 jobs.", "cut", False, True),
        ("The NTSB was sending a team to Boise.", "send", False, False),
    ],
)
def test_frames_tells_a_plan_from_a_done_deed(
    statement_factory: StatementFactory, text: str, verb: str, past: bool, planned: bool
) -> None:
    _, f = _event(statement_factory, text, verb)
    assert (f.past, f.planned) == (past, planned)


def test_frames_a_copular_clause_with_a_place_is_an_event(
    statement_factory: StatementFactory,
) -> None:
    _, fs = _frames(statement_factory, "Captain Laura Mendes was at the controls.")
    (f,) = fs
    assert f.copular and f.verb == "be"
    assert f.subject is not None and f.subject.name == "laura mendes"
    assert [p for p, _ in f.preps] == ["at"]


def test_frames_a_partitive_count_is_its_group(statement_factory: StatementFactory) -> None:
    st, fs = _frames(statement_factory, "Two of the injured were taken to a hospital.")
    (f,) = [f for f in fs if f.verb == "take"]
    (v,) = [v for v in st.values if v.text == "Two of the injured"]
    assert frame_of(v, st, fs) == f
    assert f.obj is not None and f.obj.counted


def test_frames_a_participle_on_a_noun_has_the_noun_for_its_object(
    statement_factory: StatementFactory,
) -> None:
    _, fs = _frames(
        statement_factory, "The study, published on February 9, followed 12,400 adults."
    )
    (published,) = [f for f in fs if f.verb == "release"]
    assert published.obj is not None and published.obj.name == "study" and published.passive


def test_frames_support_and_back_are_one_action(statement_factory: StatementFactory) -> None:
    _, fs = _frames(statement_factory, "The party will support the government.")
    _, gs = _frames(statement_factory, "The party will back the government.")
    assert [f.verb for f in fs] == [g.verb for g in gs]


def test_frames_phrase_shows_a_hyphenated_modifier_whole(
    statement_factory: StatementFactory,
) -> None:
    st, fs = _frames(statement_factory, "Mensah signed a five-year contract with the club.")
    assert [phrase(f, st) for f in fs] == ["Mensah signed a five-year contract"]


def test_frames_a_person_is_never_another_persons_initials() -> None:
    from factcheck.frames import Arg
    from factcheck.types import ValueKind

    def arg(name: str, kind: ValueKind) -> Arg:
        return Arg(name, name.split()[-1], True, True, kind, (0,))

    assert not arg("ng", ValueKind.PERSON).same(arg("nancy grant", ValueKind.PERSON))
    assert arg("faa", ValueKind.ORG).same(arg("federal aviation administration", ValueKind.ORG))


def test_frames_no_on_a_compound_modifier_negates_the_noun_phrase(
    statement_factory: StatementFactory,
) -> None:
    _, (f,) = _frames(statement_factory, "No tsunami warning was issued.")
    assert f.verb == "issue" and f.negated
    _, (g,) = _frames(statement_factory, "No charges were filed against the driver.")
    assert g.negated
    _, (h,) = _frames(statement_factory, "A tsunami warning was issued for the coast.")
    assert not h.negated
