"""Framing, first version: hedging and loaded words that only some sources use."""

from __future__ import annotations

from conftest import StatementFactory

from factcheck.framing import annotate, framing_notes, profiles
from factcheck.pipeline import article_from_paragraphs
from factcheck.types import Coverage, Fact, FramingKind, QuoteClass, QuoteFinding


def test_framing_flags_a_hedged_version_of_a_flat_claim(
    statement_factory: StatementFactory,
) -> None:
    a = statement_factory("Meta will keep its best models closed.", "a")
    b = statement_factory("Meta may reportedly keep its best models closed.", "b")
    (note,) = framing_notes([a, b])
    assert note.kind is FramingKind.HEDGING
    assert note.marked == ("b:1",)
    assert note.words == (("may", "reportedly"),)
    assert note.unmarked == ("a:1",)


def test_framing_is_silent_when_every_source_hedges(statement_factory: StatementFactory) -> None:
    a = statement_factory("Meta could keep its best models closed.", "a")
    b = statement_factory("Meta may keep its best models closed.", "b")
    assert framing_notes([a, b]) == []


def test_framing_flags_loaded_words_only_one_source_uses(
    statement_factory: StatementFactory,
) -> None:
    a = statement_factory("Executives focused on beating OpenAI.", "a")
    b = statement_factory("Executives became obsessed with beating OpenAI.", "b")
    (note,) = framing_notes([a, b])
    assert note.kind is FramingKind.LOADED
    assert note.marked == ("b:1",)
    assert note.words == (("obsessed",),)


def test_framing_needs_two_sources(statement_factory: StatementFactory) -> None:
    a = statement_factory("Meta may keep its models closed.", "a", 1)
    b = statement_factory("Meta keeps its models closed.", "a", 2)
    assert framing_notes([a, b]) == []


def test_framing_hedging_note_carries_a_word_diff(statement_factory: StatementFactory) -> None:
    a = statement_factory("Meta will keep its best models closed.", "a")
    b = statement_factory("Meta may keep its best models closed.", "b")
    (note,) = framing_notes([a, b])
    assert note.diff == "Meta [-may-] {+will+} keep its best …"


def test_framing_flags_opposite_tone(statement_factory: StatementFactory) -> None:
    a = statement_factory("The council praised the excellent new stadium plan.", "a")
    b = statement_factory("Critics slammed the terrible new stadium plan.", "b")
    notes = {n.kind: n for n in framing_notes([a, b])}
    tone = notes[FramingKind.TONE]
    assert set(tone.marked) == {"a:1", "b:1"}
    assert any("excellent" in w for w in tone.words[0])
    assert any("terrible" in w for w in tone.words[1])


def test_framing_is_silent_on_tone_when_both_sides_agree(
    statement_factory: StatementFactory,
) -> None:
    a = statement_factory("The council praised the excellent plan.", "a")
    b = statement_factory("The council welcomed the great plan.", "b")
    assert FramingKind.TONE not in {n.kind for n in framing_notes([a, b])}


def test_framing_flags_a_verb_that_casts_doubt(statement_factory: StatementFactory) -> None:
    a = statement_factory("The mayor said the bridge is safe.", "a")
    b = statement_factory("The mayor claimed the bridge is safe.", "b")
    notes = {n.kind: n for n in framing_notes([a, b])}
    note = notes[FramingKind.ATTRIBUTION]
    assert note.marked == ("b:1",) and note.words == (("claimed",),)
    assert "casts doubt" in note.explanation


def test_framing_flags_a_paraphrase_that_drops_the_quotes_hedge(
    statement_factory: StatementFactory,
) -> None:
    quote = statement_factory("“We may delay the launch,” the chief executive said.", "a")
    para = statement_factory("The chief executive said the company will delay the launch.", "b")
    finding = QuoteFinding(
        QuoteClass.PARAPHRASED,
        "a:1",
        "b:1",
        "the chief executive",
        None,
        "We may delay the launch,",
        None,
        None,
        "paraphrase",
    )
    fact = Fact("F-1", ("a:1", "b:1"), ("a", "b"), Coverage.CONSENSUS, 0.9)
    (annotated,) = annotate([fact], [quote, para], [finding])
    beyond = [n for n in annotated.framing if n.kind is FramingKind.BEYOND_SOURCE]
    assert len(beyond) == 1
    assert beyond[0].marked == ("b:1",)
    assert "drops 'may'" in beyond[0].words[0]


def test_framing_profiles_measure_hedging_and_lead(statement_factory: StatementFactory) -> None:
    a1 = statement_factory("The bridge may close next year.", "a", 1)
    a2 = statement_factory("The council met on Tuesday.", "a", 2)
    b1 = statement_factory("The council met on Tuesday.", "b", 1)
    facts = [
        Fact("F-1", ("a:2", "b:1"), ("a", "b"), Coverage.CONSENSUS, 0.9),
        Fact("F-2", ("a:1",), ("a",), Coverage.UNIQUE, 1.0),
    ]
    arts = [article_from_paragraphs("a", ["x"]), article_from_paragraphs("b", ["y"])]
    pa, pb = profiles(arts, [a1, a2, b1], facts)
    assert (pa.statements, pa.hedging, pb.hedging) == (2, 0.5, 0.0)
    assert pa.lead == ("F-2", "F-1")
    assert pa.lead_elsewhere == ("b omits it", "b #1")
