"""Framing: hedging, loaded words, tone, attribution and beyond-source notes, and the
per-source profiles."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from conftest import StatementFactory

from factcheck.extract import extract
from factcheck.framing import (
    _attributed,
    annotate,
    framing_notes,
    hedge_words,
    loaded_words,
    profiles,
    tone,
)
from factcheck.pipeline import article_from_paragraphs
from factcheck.quotes import attach_quotes
from factcheck.types import (
    Coverage,
    Fact,
    FramingKind,
    FramingNote,
    QuoteClass,
    QuoteFinding,
    Statement,
)


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


# --------------------------------------------------------------------------------------
# Statements as the pipeline builds them: parsed, typed values, quotes attached.
# --------------------------------------------------------------------------------------


@pytest.fixture
def told(statement_factory: StatementFactory) -> Callable[..., Statement]:
    """``told(text, source)`` -> a statement with its values and quotes, as in the pipeline."""

    def make(text: str, source_id: str = "s", index: int = 1) -> Statement:
        st = extract(statement_factory(text, source_id, index), published=None)
        (st,) = attach_quotes([], [st])
        return st

    return make


def _notes(told: Callable[..., Statement], *texts: str) -> dict[FramingKind, FramingNote]:
    notes = framing_notes([told(t, chr(ord("a") + i)) for i, t in enumerate(texts)])
    assert all(n.diff and n.diff_against for n in notes), "every note carries a word diff"
    assert all(n.explanation.endswith(".") for n in notes)
    return {n.kind: n for n in notes}


# Defect 4: loaded verbs in every tense.


@pytest.mark.parametrize(
    ("loaded", "plain", "word"),
    [
        (
            "The chief executive slams regulators over the delay.",
            "The chief executive criticizes regulators over the delay.",
            "slams",
        ),
        (
            "Shares of the company plunged 20 percent on Monday.",
            "Shares of the company fell 20 percent on Monday.",
            "plunged",
        ),
        ("Prices skyrocketed after the storm.", "Prices rose after the storm.", "skyrocketed"),
        ("Rents soar across the city.", "Rents rise across the city.", "soar"),
    ],
)
def test_framing_loaded_verbs_match_in_any_tense(
    told: Callable[..., Statement], loaded: str, plain: str, word: str
) -> None:
    note = _notes(told, loaded, plain)[FramingKind.LOADED]
    assert note.marked == ("a:1",) and note.words == ((word,),)
    assert note.unmarked == ("b:1",)


# Defect 5: a loaded word two of three sources use.


def test_framing_loaded_word_of_two_sources_is_flagged_against_the_third(
    told: Callable[..., Statement],
) -> None:
    massive = "The city announced a massive expansion of the bus network."
    note = _notes(told, massive, massive, "The city announced an expansion of the bus network.")[
        FramingKind.LOADED
    ]
    assert note.marked == ("a:1", "b:1") and note.unmarked == ("c:1",)
    assert note.explanation == (
        "a and b use the loaded or intensifying word 'massive'. c tells the claim without it."
    )


def test_framing_two_loaded_synonyms_are_no_difference(told: Callable[..., Statement]) -> None:
    assert FramingKind.LOADED not in _notes(
        told, "Critics slammed the plan.", "Critics blasted the plan."
    )


# Defects 6 and 7: a hedge is one by its use.


@pytest.mark.parametrize(
    "text",
    [
        "The depot will reopen in May, according to the transit agency.",
        "Hale appeared in court on Monday.",
        "Flames first appeared on Friday near the ridge.",
        "Traffic signals on Elm Street failed during the outage.",
        "The harbor master signaled the tanker to stop.",
        "The bridge could not be reopened after the flood.",
        "Yet, buried within is a clear signal: Meta intends to retain control.",
        "The benefits should be shared with the world as broadly as possible.",
    ],
)
def test_framing_words_that_look_like_hedges_are_not(
    told: Callable[..., Statement], text: str
) -> None:
    assert hedge_words(told(text)) == ()


@pytest.mark.parametrize(
    ("text", "hedge"),
    [
        ("The suspect appears to be armed.", "appears"),
        ("Reports suggest that the plant will close.", "suggest"),
        ("Recent reports indicate that Meta halted testing of the model.", "indicate"),
        ("The alleged gunman was arrested on Friday.", "alleged"),
        ("The suspect is believed to be armed.", "believed"),
        ("The depot is expected to reopen next week.", "expected"),
        ("Residents must prepare for a possible evacuation.", "possible"),
        ("The plant may close by June.", "may"),
    ],
)
def test_framing_hedges_count_by_their_use(
    told: Callable[..., Statement], text: str, hedge: str
) -> None:
    assert hedge_words(told(text)) == (hedge,)


# Defect 8: both sources hedge, and the lexicon gaps.


@pytest.mark.parametrize(
    ("a", "b"),
    [
        (
            "Residents were told to prepare for a possible evacuation of the valley.",
            "Residents may have to leave the valley.",
        ),
        (
            "Recent reports indicate that Meta halted testing of the model.",
            "Analysts speculate that Meta halted testing of the model.",
        ),
    ],
)
def test_framing_two_hedged_statements_are_not_told_flat(
    told: Callable[..., Statement], a: str, b: str
) -> None:
    assert FramingKind.HEDGING not in _notes(told, a, b)


def test_framing_alleged_is_a_hedge_against_the_bare_claim(
    told: Callable[..., Statement],
) -> None:
    note = _notes(told, "The alleged gunman was arrested on Friday.", "The gunman was arrested.")[
        FramingKind.HEDGING
    ]
    assert note.words == (("alleged",),)
    assert note.explanation == "a hedges the claim with 'alleged'. b states it without a hedge."


def test_framing_a_should_prediction_is_not_called_flat(told: Callable[..., Statement]) -> None:
    assert FramingKind.HEDGING not in _notes(
        told, "The storm will probably weaken by evening.", "The storm should weaken by evening."
    )


# Defect 9: neutral senses, quoted words and reported feelings.


@pytest.mark.parametrize(
    "text",
    [
        "The victims were buried on Friday.",
        "Fire crews saved the historic district.",
        "The city put up a new landmark sign.",
        "Crews poached salmon in the river.",
    ],
)
def test_framing_plain_senses_of_loaded_words_are_not_loaded(
    told: Callable[..., Statement], text: str
) -> None:
    assert loaded_words(told(text)) == ()


@pytest.mark.parametrize(
    ("text", "word"),
    [
        ("The court issued a landmark ruling on Monday.", "landmark"),
        ("Meta poached researchers from OpenAI.", "poached"),
        ("Buried within the letter is a clear signal that Meta is shifting.", "buried"),
        ("It was a historic vote.", "historic"),
    ],
)
def test_framing_figurative_senses_are_loaded(
    told: Callable[..., Statement], text: str, word: str
) -> None:
    assert loaded_words(told(text)) == (word,)


def test_framing_quoted_words_belong_to_the_speaker(told: Callable[..., Statement]) -> None:
    quoted = told("“This is a massive failure of planning,” said council member Rita Osei.")
    assert loaded_words(quoted) == ()
    assert FramingKind.LOADED not in _notes(
        told,
        "“This is a massive failure of planning,” said council member Rita Osei.",
        "“This is a failure of planning,” said council member Rita Osei.",
    )


def test_framing_scare_quotes_are_not_the_outlets_words(told: Callable[..., Statement]) -> None:
    assert loaded_words(told("Meta avoided the “soul-crushing” tactics of its rivals.")) == ()


def test_framing_reported_feelings_are_the_speakers(told: Callable[..., Statement]) -> None:
    assert loaded_words(told("Union representatives said they were furious about it.")) == ()
    assert loaded_words(told("The representatives were furious about it.")) == ("furious",)


# Defect 10: the speech verb that governs the claim.


@pytest.mark.parametrize(
    ("a", "b"),
    [
        (
            "A fire claimed three lives on Sunday, officials said.",
            "A fire killed three people on Sunday, officials said.",
        ),
        (
            "Police said the driver confessed to the crash on Main Street.",
            "Police said the driver ran from the crash on Main Street.",
        ),
        ("The mayor claimed the bridge is safe.", "The mayor said the bridge is closed."),
    ],
)
def test_framing_no_attribution_note_without_a_difference_in_stance(
    told: Callable[..., Statement], a: str, b: str
) -> None:
    assert FramingKind.ATTRIBUTION not in _notes(told, a, b)


@pytest.mark.parametrize(
    ("a", "b", "marked", "words"),
    [
        (
            "The stadium will cost $410 million, according to the mayor's office.",
            "The mayor's office claimed the stadium will cost $410 million.",
            ("b:1",),
            (("claimed",),),
        ),
        (
            "The utility admitted the pipe had leaked for weeks.",
            "The utility claimed the pipe had leaked for weeks.",
            ("a:1", "b:1"),
            (("admitted",), ("claimed",)),
        ),
        (
            "Police claimed the protesters threw bottles at officers.",
            "The protesters threw bottles at officers.",
            ("a:1",),
            (("claimed",),),
        ),
        (
            "The agency warned that the dam could fail.",
            "The agency said that the dam could fail.",
            ("a:1",),
            (("warned",),),
        ),
    ],
)
def test_framing_attribution_stances_that_differ(
    told: Callable[..., Statement],
    a: str,
    b: str,
    marked: tuple[str, ...],
    words: tuple[tuple[str, ...], ...],
) -> None:
    note = _notes(told, a, b)[FramingKind.ATTRIBUTION]
    assert (note.marked, note.words) == (marked, words)


def test_framing_attribution_explains_both_sides(told: Callable[..., Statement]) -> None:
    note = _notes(
        told,
        "The stadium will cost $410 million, according to the mayor's office.",
        "The mayor's office claimed the stadium will cost $410 million.",
    )[FramingKind.ATTRIBUTION]
    assert note.explanation == (
        "b reports it with 'claimed', which casts doubt; a uses 'according to', which is neutral."
    )


# Defect 11: beyond source.


def _beyond(told: Callable[..., Statement], quote: str, para: str) -> FramingNote | None:
    q, p = told(quote, "a"), told(para, "b")
    finding = QuoteFinding(
        QuoteClass.PARAPHRASED, "a:1", "b:1", q.quotes[0].speaker, None, q.quotes[0].text,
        None, None, "paraphrase",
    )  # fmt: skip
    fact = Fact("F-1", ("a:1", "b:1"), ("a", "b"), Coverage.CONSENSUS, 0.9)
    (annotated,) = annotate([fact], [q, p], [finding])
    beyond = [n for n in annotated.framing if n.kind is FramingKind.BEYOND_SOURCE]
    return beyond[0] if beyond else None


def test_framing_beyond_source_sees_a_dropped_may_next_to_mayor(
    told: Callable[..., Statement],
) -> None:
    note = _beyond(
        told,
        "“The chemical plant may close by June,” Mayor Ana Lin said.",
        "Mayor Ana Lin said the chemical plant will close by June.",
    )
    assert note is not None and note.words == (("drops 'may'",),)
    assert note.explanation.endswith("it drops the quote's hedge ('may').")


@pytest.mark.parametrize(
    ("quote", "para"),
    [
        (
            "“The chemical plant may close by June,” Mayor Ana Lin said.",
            "Mayor Ana Lin said the chemical plant could close by June.",
        ),
        (
            "“The plant might reopen,” Mayor Ana Lin said.",
            "Mayor Ana Lin said the plant would possibly reopen.",
        ),
        (
            "“Repairs will take six weeks,” the engineer said.",
            "The engineer said repairs will take 6 weeks.",
        ),
        (
            "“The repairs cost $2 million,” the engineer said.",
            "The engineer said the repairs cost 2 million dollars.",
        ),
    ],
)
def test_framing_beyond_source_accepts_a_swapped_hedge_or_the_same_number(
    told: Callable[..., Statement], quote: str, para: str
) -> None:
    assert _beyond(told, quote, para) is None


def test_framing_beyond_source_names_added_loaded_words_and_numbers(
    told: Callable[..., Statement],
) -> None:
    note = _beyond(
        told,
        "“The repairs cost $2 million,” the engineer said.",
        "The engineer said the repairs cost a staggering $5 million.",
    )
    assert note is not None and note.words == (("staggering", "$5 million"),)


# Defect 13: notes compare statements that tell one claim.


def test_framing_is_silent_on_statements_that_tell_different_claims(
    told: Callable[..., Statement],
) -> None:
    assert (
        _notes(
            told,
            "He stated that if a shift in a model’s capabilities raises concerns about "
            "responsible open-sourcing, Meta would refrain from doing so.",
            "Critics, however, worry it undermines Meta’s open-source ethos.",
        )
        == {}
    )


def test_framing_hedge_must_qualify_what_the_other_source_tells(
    told: Callable[..., Statement],
) -> None:
    """The hedge is on the lasting, which the other source does not tell."""
    assert FramingKind.HEDGING not in _notes(
        told,
        "Construction on the bridge will begin in March 2027 and may last three years.",
        "Construction on the bridge will begin in March 2027, officials said.",
    )


# Defect 14: tone.


def test_framing_tone_needs_vader_to_be_confident(told: Callable[..., Statement]) -> None:
    assert FramingKind.TONE not in _notes(
        told,
        "Winds are expected to ease by evening, forecasters said.",
        "Gusts should weaken by evening, forecasters said.",
    )


def test_framing_tone_ignores_quoted_words(told: Callable[..., Statement]) -> None:
    assert tone(told("“This is a terrible, awful disaster,” the mayor said.")) == 0.0


def test_framing_tone_shows_vaders_negation(told: Callable[..., Statement]) -> None:
    """("isn't good" against "is good" would be opposite claims, which get no tone note.)"""
    note = _notes(
        told,
        "The plan isn't good and it will hurt families.",
        "The plan is great and it will help families.",
    )[FramingKind.TONE]
    assert note.words[0] == ("not … good (+1.9, negated)", "hurt (-2.4)")
    assert "negative (VADER -0.70" in note.explanation


# Defect 19: the attributed share.


def test_framing_profile_counts_only_real_attribution(told: Callable[..., Statement]) -> None:
    texts = {
        "a": [
            "The chief executive slams regulators over the delay.",
            "Residents were told to prepare for an evacuation.",
            "The plan adds a protected bike lane.",
            "The mayor said the bridge is safe.",
        ],
        "b": [
            "The chief executive criticizes regulators over the delay.",
            "Residents must prepare for an evacuation.",
            "The bridge carries 40,000 vehicles a day, according to the city.",
            "“The bridge is safe,” the mayor said.",
        ],
    }
    statements = [told(t, src, i + 1) for src, ts in texts.items() for i, t in enumerate(ts)]
    facts = [Fact(f"F-{s.id}", (s.id,), (s.source_id,), Coverage.UNIQUE, 1.0) for s in statements]
    arts = [article_from_paragraphs(src, ["x"]) for src in texts]
    pa, pb = profiles(arts, statements, facts)
    assert (pa.attributed, pb.attributed) == (0.25, 0.5)


@pytest.mark.parametrize(
    "text",
    [
        "Meta announced a data center, as reported in another TechCrunch piece from July 14.",
        "As detailed in a PCMag report hours ago, the plan walks back prior pledges.",
        "The buildup follows past stumbles, as chronicled in a story from The Atlantic.",
        "The closure was reported by Reuters on Monday.",
        "A July 14 article in TechCrunch highlighted discussions about the model.",
        "A WebProNews article elaborates on how the plan balances innovation with safety.",
        "Meta avoided the tactics its chief has criticized, per older X posts.",
        "A company spokesperson told TechCrunch in a statement on Tuesday.",
        "CNN reported on Tuesday.",
    ],
)
def test_framing_a_credit_to_a_named_source_is_attributed(
    told: Callable[..., Statement], text: str
) -> None:
    assert _attributed(told(text))


@pytest.mark.parametrize(
    "text",
    [
        "The company paid $5 per share for the stake.",
        "Residents were told to prepare for an evacuation.",
        "The mayor told Smith to leave the meeting.",
        "Meta reported revenue of $40 billion for the quarter.",
        "The changes were described in detail at the meeting.",
        "Zuckerberg's letter contrasts Meta's vision with its rivals' automation.",
        "The bridge carries 40,000 vehicles per day.",
    ],
)
def test_framing_a_claim_without_a_credited_source_is_not_attributed(
    told: Callable[..., Statement], text: str
) -> None:
    assert not _attributed(told(text))


def test_framing_a_claim_under_another_verb_is_not_bare(told: Callable[..., Statement]) -> None:
    """A claim under "denied that" is not asserted flatly, so "admitted" is no colour."""
    assert FramingKind.ATTRIBUTION not in _notes(
        told,
        "The company denied that it had misled investors.",
        "The company admitted that it had misled investors.",
    )


# Round 2, defect 2: a hedge in the quoted words still qualifies the claim.


@pytest.mark.parametrize(
    ("quoted", "paraphrased"),
    [
        (
            '"The ferry service may be suspended for the winter season," said harbor director '
            "Tom Okafor.",
            "Harbor director Tom Okafor said the ferry service could be suspended for the "
            "winter season.",
        ),
        (
            '"The refinery might shut down before the end of the year," said plant manager '
            "Olga Berg.",
            "Plant manager Olga Berg said the refinery would possibly shut down before the end "
            "of the year.",
        ),
    ],
)
def test_framing_a_quote_that_hedges_is_not_flat(
    told: Callable[..., Statement], quoted: str, paraphrased: str
) -> None:
    assert FramingKind.HEDGING not in _notes(told, quoted, paraphrased)


def test_framing_a_quoted_hedge_is_still_not_the_outlets_own(
    told: Callable[..., Statement],
) -> None:
    """The quote's "may" keeps its statement from being flat, but does not mark it."""
    st = told('"The ferry may be suspended for the winter," said director Tom Okafor.')
    assert hedge_words(st) == ()
    assert FramingKind.HEDGING not in _notes(
        told,
        '"The ferry may be suspended for the winter," said director Tom Okafor.',
        "The ferry will be suspended for the winter, director Tom Okafor said.",
    )


# Round 2, defect 3: ability, "made possible" and prohibitions are no hedges.


@pytest.mark.parametrize(
    "text",
    [
        "Residents could see the smoke from the refinery fire across the bay.",
        "Few families could afford the new fares.",
        "The bridge rebuild was made possible by a federal grant of $20 million.",
        "Visitors may not enter the national park until the bridge is repaired.",
    ],
)
def test_framing_ability_enabling_and_prohibition_are_not_hedges(
    told: Callable[..., Statement], text: str
) -> None:
    assert hedge_words(told(text)) == ()


@pytest.mark.parametrize(
    ("a", "b"),
    [
        (
            "Residents could see the smoke from the refinery fire across the bay.",
            "Residents saw the smoke from the refinery fire across the bay.",
        ),
        (
            "The bridge rebuild was made possible by a federal grant of $20 million.",
            "The bridge rebuild was paid for by a federal grant of $20 million.",
        ),
        (
            "Visitors may not enter the national park until the bridge is repaired.",
            "Visitors cannot enter the national park until the bridge is repaired.",
        ),
        ("The airline may not survive the winter.", "The airline cannot survive the winter."),
    ],
)
def test_framing_no_hedging_note_on_ability_enabling_or_prohibition(
    told: Callable[..., Statement], a: str, b: str
) -> None:
    assert FramingKind.HEDGING not in _notes(told, a, b)


@pytest.mark.parametrize(
    ("a", "b", "hedge"),
    [
        (
            "The coast could see 20 inches of rain this weekend.",
            "The coast will see 20 inches of rain this weekend.",
            "could",
        ),
        (
            "The airline may not survive the winter.",
            "The airline will not survive the winter.",
            "may",
        ),
    ],
)
def test_framing_estimates_and_doubtful_denials_still_hedge(
    told: Callable[..., Statement], a: str, b: str, hedge: str
) -> None:
    note = _notes(told, a, b)[FramingKind.HEDGING]
    assert note.marked == ("a:1",) and note.words == ((hedge,),)


# Round 2, defect 4: loaded words in their literal sense.


@pytest.mark.parametrize(
    "text",
    [
        "Two workers died in a blast at the Hanover chemical plant on Monday.",
        "Police found an explosive device in a parked van near the Arden stadium.",
        "Police found explosives in the van.",
        "The car plunged into the Severn River after the driver lost control on the bridge.",
        "The bus plunged off a cliff.",
        "The jet plunged into Lake Michigan.",
        "The runner stumbled.",
        "The hiker stumbled over a root and fell.",
        "Researchers stumbled upon a flaw in the software.",
    ],
)
def test_framing_literal_senses_of_loaded_words_are_plain(
    told: Callable[..., Statement], text: str
) -> None:
    assert loaded_words(told(text)) == ()


@pytest.mark.parametrize(
    ("text", "word"),
    [
        ("Critics blasted the plan.", "blasted"),
        ("Explosive growth in rents hit the city.", "explosive"),
        ("The report was explosive.", "explosive"),
        ("The country plunged into chaos.", "plunged"),
        ("The company stumbled in its third quarter.", "stumbled"),
    ],
)
def test_framing_figurative_senses_of_literal_words_stay_loaded(
    told: Callable[..., Statement], text: str, word: str
) -> None:
    assert word in loaded_words(told(text))


def test_framing_no_loaded_note_on_a_literal_blast(told: Callable[..., Statement]) -> None:
    assert FramingKind.LOADED not in _notes(
        told,
        "Two workers died in a blast at the Hanover chemical plant on Monday.",
        "Two workers died in an explosion at the Hanover chemical plant on Monday.",
    )


# Round 2, defect 5: single scare quotes are the speaker's too; apostrophes are not quotes.


@pytest.mark.parametrize(
    "text",
    [
        "The council's 'historic' housing deal was signed on Friday in Leeds.",
        "The council’s ‘historic’ housing deal was signed on Friday in Leeds.",
    ],
)
def test_framing_single_scare_quotes_are_not_the_outlets_words(
    told: Callable[..., Statement], text: str
) -> None:
    assert loaded_words(told(text)) == ()
    assert FramingKind.LOADED not in _notes(
        told, text, "The council's housing deal was signed on Friday in Leeds."
    )


def test_framing_apostrophes_do_not_quote_words(told: Callable[..., Statement]) -> None:
    assert loaded_words(told("The workers' massive strike shut the council's depots.")) == (
        "massive",
    )


# Round 2, defect 1: the paraphrase is read on its reported clause, not on its speaker.


@pytest.mark.parametrize(
    "para",
    [
        "Weiss said the repairs will take a staggering eight months.",
        "Engineer Paul Weiss of the county roads office said the repairs will take a "
        "staggering eight months.",
    ],
)
def test_framing_beyond_source_reads_the_reported_clause_whatever_the_speakers_title(
    told: Callable[..., Statement], para: str
) -> None:
    note = _beyond(
        told,
        '"The repairs will take a while," said engineer Paul Weiss of the county roads office.',
        para,
    )
    assert note is not None and note.words == (("staggering", "eight months"),)


def test_framing_beyond_source_ignores_numbers_of_the_speaker_phrase(
    told: Callable[..., Statement],
) -> None:
    """The 20 years describe the speaker; the claim adds nothing to the quote."""
    assert (
        _beyond(
            told,
            '"The repairs will take six weeks," said engineer Paul Weiss.',
            "Paul Weiss, an engineer for 20 years, said the repairs will take six weeks.",
        )
        is None
    )


# Round 2, defect 6: opposite claims are no framing of one claim.


@pytest.mark.parametrize(
    ("a", "b"),
    [
        (
            "Meta may no longer release its most powerful models as open source, Zuckerberg wrote.",
            "Zuckerberg wrote that Meta will keep releasing open source models.",
        ),
        ("The bridge may not be safe for trucks.", "The bridge is safe for trucks."),
        ("Meta may have stopped releasing its models.", "Meta kept releasing its models."),
        (
            "The airline may no longer serve Lisbon.",
            "The airline will continue flying to Lisbon.",
        ),
        ("The city may have paused the tram works.", "The city resumed the tram works."),
    ],
)
def test_framing_no_hedging_note_on_opposite_claims(
    told: Callable[..., Statement], a: str, b: str
) -> None:
    assert FramingKind.HEDGING not in _notes(told, a, b)


def test_framing_no_tone_note_on_opposite_claims(told: Callable[..., Statement]) -> None:
    assert FramingKind.TONE not in _notes(
        told,
        "The plan isn't good and it will hurt families.",
        "The plan is good and it will help families.",
    )


def test_framing_a_denial_hedged_on_one_side_only_still_hedges(
    told: Callable[..., Statement],
) -> None:
    """Both deny the release: the polarity agrees, so the hedge is a difference."""
    note = _notes(
        told,
        "Meta may no longer release its models as open source.",
        "Meta will no longer release its models as open source.",
    )[FramingKind.HEDGING]
    assert note.words == (("may",),)


# Round 2, defects 7 and 8: the subject worded differently; every hedge of the claim named.


def test_framing_hedging_with_the_subject_worded_differently(
    told: Callable[..., Statement],
) -> None:
    note = _notes(
        told, "The project will cost $450 million.", "The rebuild is expected to cost $450 million."
    )[FramingKind.HEDGING]
    assert note.marked == ("b:1",) and note.words == (("expected",),)
    assert note.explanation == (
        "b hedges the claim with 'expected'. a states it without a hedge. The subjects differ. "
        "b names it 'rebuild'; a names it 'project'. The two are compared on the same verb and "
        "what it acts on."
    )
    from factcheck.report import _prose

    shown = _prose(note.explanation, {"a": "Bay Post", "b": "City Wire"})
    assert "a names" not in shown and "Bay Post names it 'project'" in shown
    assert "City Wire names it 'rebuild'" in shown


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("The project will cost $90 million.", "The rebuild is expected to cost $450 million."),
        ("The council will approve the budget.", "The mayor is expected to veto the budget."),
    ],
)
def test_framing_a_different_subject_needs_the_same_verb_and_object(
    told: Callable[..., Statement], a: str, b: str
) -> None:
    assert FramingKind.HEDGING not in _notes(told, a, b)


def test_framing_hedging_names_every_hedge_of_the_claim(told: Callable[..., Statement]) -> None:
    note = _notes(
        told,
        "The fare rise could reportedly bring in $1.2bn over ten years, according to the "
        "transit agency.",
        "The increase will bring in $1.2 billion over ten years, the transit agency said.",
    )[FramingKind.HEDGING]
    assert note.words == (("could", "reportedly"),)


def test_framing_beyond_source_needs_the_quotes_speaker(told: Callable[..., Statement]) -> None:
    """Governor Dunn's statement is not a paraphrase of what Mayor Lin said."""
    assert (
        _beyond(
            told,
            "“The chemical plant may close by June,” Mayor Ana Lin said.",
            "Governor Ray Dunn said the chemical plant will close by June.",
        )
        is None
    )


def test_framing_attribution_names_each_source_once(told: Callable[..., Statement]) -> None:
    a = told("Officials confirmed that two workers died in the blast at the Hanover plant.", "a")
    b1 = told("Two workers died in a blast at the Hanover chemical plant.", "b", 1)
    b2 = told("Two workers died in the blast at the Hanover plant on Monday.", "b", 2)
    (note,) = [n for n in framing_notes([a, b1, b2]) if n.kind is FramingKind.ATTRIBUTION]
    assert note.explanation == (
        "a reports it with 'confirmed', which vouches for it; b states it without attribution."
    )


# Round 4, defect 2: intensifying verbs of growth, spending, cuts and stoking; a loaded
# word next to a different figure is still compared.


@pytest.mark.parametrize(
    ("loaded", "plain", "word"),
    [
        (
            "The outbreak exploded across the county within three weeks.",
            "The outbreak spread across the county within three weeks.",
            "exploded",
        ),
        ("Prices surged after the storm.", "Prices rose after the storm.", "surged"),
        (
            "Brentmoor have splashed £62 million on the striker.",
            "Brentmoor have spent £62 million on the striker.",
            "splashed",
        ),
        (
            "The drug slashes the risk of a second stroke by a third.",
            "The drug lowers the risk of a second stroke by a third.",
            "slashes",
        ),
        ("The new rules fueled the crisis.", "The new rules worsened the crisis.", "fueled"),
        (
            "The miracle study was published on Monday.",
            "The study was published on Monday.",
            "miracle",
        ),
    ],
)
def test_framing_intensifying_verbs_are_loaded(
    told: Callable[..., Statement], loaded: str, plain: str, word: str
) -> None:
    note = _notes(told, loaded, plain)[FramingKind.LOADED]
    assert note.marked == ("a:1",) and note.words == ((word,),)


@pytest.mark.parametrize(
    "text",
    [
        "A bomb exploded near the market.",
        "A gas tank exploded in the industrial park.",
        "The crowd surged toward the stage.",
        "A surge in cases was reported on Monday.",
        "Children splashed in the fountain.",
        "The vandals slashed the tyres of the bus.",
        "Fuel prices rose by a tenth.",
        "Ground crews fueled the plane before dawn.",
        "Low interest rates fueled growth in the housing market.",
        "Cases rose and fell with the seasons.",
        "The council cut the budget by a third.",
    ],
)
def test_framing_plain_senses_of_intensifying_verbs_are_not_loaded(
    told: Callable[..., Statement], text: str
) -> None:
    assert loaded_words(told(text)) == ()


def test_framing_loaded_word_beside_a_different_figure_is_still_flagged(
    told: Callable[..., Statement],
) -> None:
    note = _notes(
        told,
        "Brentmoor United have paid a staggering £48 million for striker Kofi Mensah.",
        "Brentmoor United have signed striker Kofi Mensah for £62 million.",
    )[FramingKind.LOADED]
    assert note.words == (("staggering",),)
    assert note.explanation.endswith(
        "a gives '£48 million'; b gives '£62 million': the figures differ, which is a conflict"
        " of its own."
    )


def test_framing_a_figure_of_another_thing_does_not_tell_the_claim(
    told: Callable[..., Statement],
) -> None:
    assert FramingKind.LOADED not in _notes(
        told, "The city hired a staggering 40 teachers.", "The city hired 12 nurses."
    )


# Round 4, defect 3: a certain, complete effect against a hedged, partial one.


@pytest.mark.parametrize(
    ("certain", "hedged", "verb"),
    [
        (
            "Walnuts cure type 2 diabetes.",
            "Walnuts may reduce the risk of type 2 diabetes.",
            "cure",
        ),
        (
            "Walnuts cure type 2 diabetes, a new study has found.",
            "Eating a handful of walnuts every day may reduce the risk of type 2 diabetes.",
            "cure",
        ),
        (
            "Okafor said walnuts prevent diabetes.",
            "Walnuts may help lower the risk of diabetes, Okafor said.",
            "prevent",
        ),
    ],
)
def test_framing_a_certain_cure_of_a_hedged_effect_is_hedging(
    told: Callable[..., Statement], certain: str, hedged: str, verb: str
) -> None:
    note = _notes(told, certain, hedged)[FramingKind.HEDGING]
    assert note.marked == ("b:1",) and note.unmarked == ("a:1",)
    assert note.explanation.endswith(f"a states it as certain with the stronger verb '{verb}'.")


@pytest.mark.parametrize(
    "other",
    [
        "Walnuts cause type 2 diabetes.",  # the other way: a conflict, not a framing
        "Walnuts do not cure type 2 diabetes.",
        "There is no cure for type 2 diabetes.",
        "Walnuts stopped the spread of type 2 diabetes in Ohio clinics.",
    ],
)
def test_framing_no_overstatement_without_the_same_effect_on_the_same_things(
    told: Callable[..., Statement], other: str
) -> None:
    assert FramingKind.HEDGING not in _notes(
        told, "Walnuts may reduce the risk of type 2 diabetes.", other
    )


# Round 4, defect 4: "expect" hedges in the active voice as in the passive.


@pytest.mark.parametrize(
    "text",
    [
        "The companies expect the deal to close in the first quarter of 2027.",
        "Halvorsen expects to complete the purchase by March.",
        "The deal is anticipated to close in March.",
    ],
)
def test_framing_active_expect_with_an_infinitive_hedges(
    told: Callable[..., Statement], text: str
) -> None:
    assert hedge_words(told(text)) != ()


def test_framing_no_hedging_note_between_active_and_passive_expect(
    told: Callable[..., Statement],
) -> None:
    assert FramingKind.HEDGING not in _notes(
        told,
        "The companies expect the deal to close in the first quarter of 2027.",
        "The deal is expected to close in the first quarter of 2027.",
    )


def test_framing_expecting_a_thing_is_no_hedge(told: Callable[..., Statement]) -> None:
    assert hedge_words(told("Fans expected a win on Saturday.")) == ()


@pytest.mark.parametrize(
    ("text", "hedged"),
    [
        ('Santorum appeared on CBS\' "Face the Nation" on Sunday.', False),
        ("He appeared in court on Monday.", False),
        ("The plan appears to have stalled.", True),
        ("It seems that the deal stalled.", True),
    ],
)
def test_framing_appear_hedges_only_as_a_judgment(
    statement_factory: StatementFactory, text: str, hedged: bool
) -> None:
    assert bool(hedge_words(statement_factory(text))) is hedged
