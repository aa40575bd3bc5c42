"""Quotations: extraction of quotes and speakers, and cross-source quote fidelity."""

from __future__ import annotations

import random
from collections.abc import Callable, Sequence
from dataclasses import replace
from datetime import date
from pathlib import Path

import pytest
from helpers import FakeEmbedder, bare_statement

from factcheck import clean, extract, ingest
from factcheck.cache import Cache
from factcheck.pipeline import analyse, article_from_paragraphs
from factcheck.quotes import attach_quotes, compare_quotes, same_speaker
from factcheck.segment import segment
from factcheck.settings import DEFAULT_SPACY_MODEL, Settings
from factcheck.types import Coverage, Fact, Quote, QuoteClass, QuoteFinding, Statement

DATA = Path(__file__).parent / "data" / "quotes"
SEED = Path(__file__).parent.parent / "corpora" / "meta-superintelligence"

StatementFactory = Callable[..., Statement]


def _quoted(*paragraphs: str, source: str = "src") -> list[Statement]:
    """Statements of one article, with quotes attached (paragraph-level reading)."""
    art = article_from_paragraphs(source, list(paragraphs))
    statements = segment([art], spacy_model=DEFAULT_SPACY_MODEL, cache=Cache(None))
    return list(attach_quotes([art], statements))


def _sources(**articles: Sequence[str]) -> list[Statement]:
    """Statements of several articles (source ID -> paragraphs), with quotes attached."""
    arts = [article_from_paragraphs(src, list(paras)) for src, paras in articles.items()]
    statements = segment(arts, spacy_model=DEFAULT_SPACY_MODEL, cache=Cache(None))
    return list(attach_quotes(arts, statements))


def _valued(published: date, **articles: Sequence[str]) -> list[Statement]:
    """As :func:`_sources`, with typed values extracted (dates anchored at ``published``)."""
    return [extract.extract(st, published=published) for st in _sources(**articles)]


def _quotes(statements: Sequence[Statement]) -> list[tuple[str, str | None]]:
    return [(q.text, q.speaker) for st in statements for q in st.quotes]


def _kinds(findings: Sequence[QuoteFinding]) -> set[tuple[QuoteClass, str, str | None]]:
    return {(f.kind, f.a, f.b) for f in findings}


def _story(path: Path) -> tuple[tuple[Statement, ...], tuple[Fact, ...]]:
    articles, _ = ingest.read_story(path, max_file_bytes=10**7)
    cleaned = [clean.clean_article(a) for a in articles]
    result = analyse(
        cleaned, name=path.name, settings=Settings(), embedder=FakeEmbedder(), cache=Cache(None)
    )
    return attach_quotes(result.articles, result.statements), result.facts


# --------------------------------------------------------------------------------------
# Finding quotes and speakers
# --------------------------------------------------------------------------------------


def test_quotes_attribution_after_the_quote() -> None:
    (st,) = _quoted("“We believe in open models,” wrote Zuckerberg.")
    (q,) = st.quotes
    assert q == Quote("We believe in open models,", 1, 27, "Zuckerberg", "write")
    assert st.text[q.start : q.end] == q.text


def test_quotes_attribution_before_the_quote() -> None:
    (st,) = _quoted(
        "In a 2024 letter, Zuckerberg wrote, “Starting next year, we expect future Llama "
        "models to become the most advanced in the industry.”"
    )
    (q,) = st.quotes
    assert (q.speaker, q.verb) == ("Zuckerberg", "write")
    assert q.text.startswith("Starting next year") and q.text.endswith("industry.")


def test_quotes_continuation_inherits_the_speaker_in_the_paragraph() -> None:
    statements = _quoted(
        "“We believe the benefits should be shared as broadly as possible,” wrote Zuckerberg. "
        "“That said, superintelligence will raise novel safety concerns. We’ll need to be "
        "careful about what we choose to open source.”"
    )
    assert [q.speaker for st in statements for q in st.quotes] == ["Zuckerberg"] * 3
    assert statements[1].quotes[0].text == (
        "That said, superintelligence will raise novel safety concerns."
    )


def test_quotes_continuation_inherits_the_speaker_of_the_previous_paragraph() -> None:
    statements = _quoted(
        "“The tunnel opened on time,” Mayor Ana Ruiz said.",
        "“It will carry forty thousand cars a day.”",
    )
    assert _quotes(statements)[1] == ("It will carry forty thousand cars a day.", "Mayor Ana Ruiz")


def test_quotes_colon_lead_in_gives_the_speaker() -> None:
    statements = _quoted(
        "A company spokesperson maintains Meta hasn't abandoned open-source AI:",
        "“Our position on open source AI is unchanged. We plan to continue releasing "
        "leading open source models.”",
    )
    assert _quotes(statements) == [
        ("Our position on open source AI is unchanged.", "a company spokesperson"),
        ("We plan to continue releasing leading open source models.", "a company spokesperson"),
    ]


def test_quotes_colon_lead_in_with_an_utterance_noun_names_its_owner() -> None:
    statements = _quoted(
        "Zuckerberg's statement suggests Meta may reconsider its commitment to open models:",
        "“We'll need to be careful about what we choose to open source.”",
    )
    assert _quotes(statements)[0][1] == "Zuckerberg"


def test_quotes_pronoun_resolves_to_the_previous_person() -> None:
    statements = _quoted(
        "Mayor Ana Ruiz opened the tunnel on Monday.", "“It was worth every delay,” she said."
    )
    assert _quotes(statements) == [("It was worth every delay,", "Mayor Ana Ruiz")]


def test_quotes_ambiguous_pronoun_gives_no_speaker() -> None:
    statements = _quoted(
        "Mayor Ana Ruiz met transport chief Tom Hale at the site on Monday.",
        "“We will finish the access road by June,” he said.",
    )
    (quote,) = [q for st in statements for q in st.quotes]
    assert (quote.speaker, quote.verb) == (None, "say")


def test_quotes_pronoun_skips_a_person_the_text_calls_by_the_other_gender() -> None:
    statements = _quoted(
        "Tom Hale, the county engineer, inspected the dam on Monday. "
        "Mayor Ana Ruiz said she was satisfied with the repairs.",
        "“The spillway will hold through the spring floods,” he said.",
    )
    assert _quotes(statements) == [
        ("The spillway will hold through the spring floods,", "Tom Hale")
    ]


def test_quotes_pronoun_with_only_a_misfit_nearby_gives_no_speaker() -> None:
    statements = _quoted(
        "Tom Hale, the county engineer, inspected the dam on Monday.",
        "Mayor Ana Ruiz said she was satisfied with the repairs.",
        "“The spillway will hold through the spring floods,” he said.",
    )
    assert _quotes(statements) == [("The spillway will hold through the spring floods,", None)]


@pytest.mark.parametrize(
    "intro",
    [
        "Brill, wearing a blue shirt, stood and faced the court.",  # an act only people do
        "Brill, 61, a former clerk, asked for mercy.",  # an age and a person appositive
    ],
)
def test_quotes_a_proper_noun_spacy_does_not_call_a_person_is_one(intro: str) -> None:
    statements = _quoted(
        "Judge Lena Ortiz sentenced Carl Brill to four years on Friday.",
        "Ortiz said she had read every letter.",
        intro,
        "“I regret every dollar I took from this town,” he said.",
    )
    assert _quotes(statements)[-1] == ("I regret every dollar I took from this town,", "Brill")


def test_quotes_a_name_the_text_calls_he_is_a_person_for_later_pronouns() -> None:
    statements = _quoted(
        "Judge Lena Ortiz sentenced Carl Brill to four years on Friday.",
        "“You betrayed every resident of this town,” she said.",
        "Brill said he would appeal.",
        "“I will fight this in every court in the land,” he said.",
    )
    assert [speaker for _, speaker in _quotes(statements)] == ["Lena Ortiz", "Brill"]


@pytest.mark.parametrize(
    "sentence",
    [
        "Brill apologized, saying he was “ashamed of every dollar I took from this town.”",
        "Brill stood and said he was “ashamed of every dollar I took from this town.”",
    ],
)
def test_quotes_a_speech_verb_sharing_a_subject_gives_the_speaker(sentence: str) -> None:
    statements = _quoted("Judge Lena Ortiz sentenced Carl Brill to four years on Friday.", sentence)
    assert _quotes(statements) == [("ashamed of every dollar I took from this town.", "Brill")]


def test_quotes_relative_who_names_its_antecedent() -> None:
    (st,) = _quoted(
        "The tunnel was opened by Ana Ruiz, who said “this is the proudest day of my career.”"
    )
    assert (st.quotes[0].speaker, st.quotes[0].verb) == ("Ana Ruiz", "say")


def test_quotes_possessive_pronoun_of_an_utterance_noun_resolves() -> None:
    statements = _quoted(
        "Mark Zuckerberg published a letter on Wednesday.",
        "His letter was blunt: “We will not open source everything we build.”",
    )
    assert _quotes(statements)[0][1] == "Mark Zuckerberg"


def test_quotes_according_to_names_the_speaker() -> None:
    (st,) = _quoted("“The bridge is safe for heavy traffic,” according to the city engineer.")
    (q,) = st.quotes
    assert (q.speaker, q.verb) == ("the city engineer", "according to")


def test_quotes_point_out_is_an_attribution() -> None:
    (st,) = _quoted(
        "Zuckerberg pointed out last year that the business isn’t reliant on selling access, "
        "so “releasing Llama doesn’t undercut our revenue.”"
    )
    assert (st.quotes[0].speaker, st.quotes[0].verb) == ("Zuckerberg", "point out")


def test_quotes_scare_quotes_are_ignored() -> None:
    statements = _quoted(
        "Meta outlined its vision for “personal superintelligence” and an “all-in” bet on AI.",
        "The letter, detailed in a report, emphasizes “personal superintelligence” as a tool.",
    )
    assert _quotes(statements) == []


def test_quotes_short_quote_touching_its_attribution_is_kept() -> None:
    (st,) = _quoted("“Absolutely not,” Ruiz said when asked about new tolls.")
    assert _quotes([st]) == [("Absolutely not,", "Ruiz")]


def test_quotes_straight_quotes_are_read_like_curly_ones() -> None:
    (curly,) = _quoted("“The tunnel will carry forty thousand cars a day,” Ruiz said.")
    (straight,) = _quoted('"The tunnel will carry forty thousand cars a day," Ruiz said.')
    assert curly.quotes == straight.quotes


def test_quotes_a_quote_cut_by_the_sentence_splitter_keeps_one_speaker() -> None:
    statements = _quoted(
        "“Our position on open source AI is unchanged,” a spokesperson said. “We plan to "
        "continue releasing leading open source models. We expect to continue training a mix "
        "of open and closed models going forward.”"
    )
    assert len(statements) == 3
    assert [q.speaker for st in statements for q in st.quotes] == ["a spokesperson"] * 3
    for st in statements:
        assert all(st.text[q.start : q.end] == q.text for q in st.quotes)


def test_quotes_a_speech_verb_inside_the_quote_is_not_an_attribution() -> None:
    statements = _quoted(
        "The mayor spoke first.", "“That said, the tunnel opened late and well over budget.”"
    )
    (quote,) = [q for st in statements for q in st.quotes]
    assert (quote.speaker, quote.verb) == (None, None)


def test_quotes_statement_without_its_article_is_read_alone(
    statement_factory: StatementFactory,
) -> None:
    st = statement_factory("“We will reopen the library in June,” Maria Brandt said.")
    (out,) = attach_quotes([], [st])
    assert _quotes([out]) == [("We will reopen the library in June,", "Maria Brandt")]


@pytest.mark.parametrize(
    "attribution",
    [
        "said engineer Paul Weiss of the county roads office.",
        "said Paul Weiss, the director of the county roads office.",
        "Paul Weiss, a spokesman for the county roads office, said.",
    ],
)
def test_quotes_speaker_with_a_post_modifier_is_the_person(attribution: str) -> None:
    statements = _quoted(f"“The repairs will take a while,” {attribution}")
    assert _quotes(statements)[0][1] in ("Paul Weiss", "engineer Paul Weiss")


def test_quotes_a_name_after_a_role_noun_is_part_of_the_speaker() -> None:
    (st,) = _quoted(
        "“It will take years,” said hospital chief executive Dr. Lisa Chen of St Mary's."
    )
    assert _quotes([st])[0][1] == "hospital chief executive Dr. Lisa Chen"


def test_quotes_post_modified_speaker_is_not_the_previous_paragraphs() -> None:
    statements = _quoted(
        "“We will strike on Monday,” said union leader Rosa Diaz.",
        "“The repairs will take a while,” said engineer Paul Weiss of the county roads office.",
    )
    assert [s for _, s in _quotes(statements)] == ["union leader Rosa Diaz", "engineer Paul Weiss"]


def test_quotes_an_unreadable_attribution_does_not_inherit_a_speaker() -> None:
    # A speech verb with no subject the rules can read: no speaker, rather than the last one.
    statements = _quoted(
        "“We will strike on Monday,” said union leader Rosa Diaz.",
        "“The repairs on the bridge will take a while,” said in a statement on Friday.",
    )
    assert [s for _, s in _quotes(statements)] == ["union leader Rosa Diaz", None]


@pytest.mark.parametrize(
    "paragraph",
    [
        "‘The dam will be repaired before the autumn rains,’ said the county engineer.",
        "'The dam will be repaired before the autumn rains,' said the county engineer.",
        "The county engineer said: ‘The dam will be repaired before the autumn rains.’",
    ],
)
def test_quotes_single_quotation_marks_are_read(paragraph: str) -> None:
    ((text, speaker),) = _quotes(_quoted(paragraph))
    assert text.rstrip(",.") == "The dam will be repaired before the autumn rains"
    assert speaker == "the county engineer"


def test_quotes_single_quotes_keep_their_apostrophes() -> None:
    (st,) = _quoted("‘The workers’ union backs the plan and we won’t stop now,’ she said.")
    assert _quotes([st]) == [("The workers’ union backs the plan and we won’t stop now,", None)]


def test_quotes_single_quotes_around_double_ones_are_the_quotation() -> None:
    (st,) = _quoted("‘He told me “no” twice before the vote,’ said Ana Ruiz.")
    assert _quotes([st]) == [("He told me “no” twice before the vote,", "Ana Ruiz")]


@pytest.mark.parametrize(
    "paragraph",
    [
        "Workers don't think Meta's plan will survive a '90s-style downturn, Ana Ruiz said.",
        "The students' union said the rock 'n' roll night would go ahead, Ruiz said on Friday.",
        "The students’ union, which rents the hall since the ’90s, said it would not move.",
        "O'Brien said the workers' pay and James' contract were settled, and 'em too, he said.",
        "Fans of rock ’n’ roll said the Joneses’ farm hosted concerts in the ’80s and ’90s.",
    ],
)
def test_quotes_apostrophes_are_not_quotation_marks(paragraph: str) -> None:
    assert _quotes(_quoted(paragraph)) == []


@pytest.mark.parametrize(
    ("paragraph", "quoted"),
    [
        (
            "Residents called the scheme ‘a gift to the developers’ and the council agreed.",
            "a gift to the developers",
        ),
        (
            "Ana Ruiz said ‘we will not walk away from the farmers’ and left the stage.",
            "we will not walk away from the farmers",
        ),
        (
            "She called it ‘a gift to the developers’ and ‘a slap in the face’ on Friday.",
            "a gift to the developers",
        ),
    ],
)
def test_quotes_a_single_quote_nothing_else_closes_ends_at_a_possessive(
    paragraph: str, quoted: str
) -> None:
    # Round 4, defect 4: provenance reads quotation marks through find_spans now, and kept
    # this reading from its own parser: a ‘ left open closes at a possessive-looking mark.
    assert quoted in [text for text, _ in _quotes(_quoted(paragraph))]


def test_quotes_single_quotes_among_apostrophes_give_only_the_quotation() -> None:
    (st,) = _quoted(
        "The students' union, formed in the '90s, said 'we won't accept the new fees at all' "
        "on Friday."
    )
    assert _quotes([st]) == [("we won't accept the new fees at all", "the students' union")]


@pytest.mark.parametrize(
    ("a", "b", "expected"),
    [
        ("Mark Zuckerberg", "Zuckerberg", True),
        ("Meta CEO Mark Zuckerberg", "zuckerberg’s", True),
        ("a Meta spokesperson", "the spokesperson", True),
        ("a Meta spokesperson", "a company spokesperson", True),
        ("a Meta spokesperson", "a Google spokesperson", False),
        ("Ana Ruiz", "Tom Hale", False),
        ("the spokesperson", "Jane Doe", None),
        (None, "Zuckerberg", None),
        # titles and honorifics are dropped before the alias rule (defect: "Mayor Ruiz")
        ("Mayor Ruiz", "Ana Ruiz", True),
        ("Dr. Chen", "Lisa Chen", True),
        ("Ms. Whitfield", "Dana Whitfield", True),
        ("Sen. Vega", "Luis Vega", True),
        ("union president Carl Mendes", "Carl Mendes", True),
        ("Paul Weiss", "Anna Weiss", False),
        # ... and kept as role information
        ("the city's mayor", "Mayor Ruiz", True),
        ("Mr. Whitfield", "Mrs. Whitfield", None),
        ("Judge Ruiz", "Mayor Ruiz", None),
        # a generic organisation noun may be the organisation a name gives
        ("the company", "Northwind", None),
        ("the agency", "the Federal Aviation Administration", None),
        ("police", "Officer Tom Hale", None),
        ("the company", "the agency", None),
        ("Northwind", "Acme", False),
        # acronyms
        ("the FAA", "the Federal Aviation Administration", True),
        ("an FAA spokesperson", "a Federal Aviation Administration spokesperson", True),
        ("the FAA", "the Federal Reserve", False),
        # lower-case qualifiers that name the office tell two roles apart
        ("the fire chief", "the police chief", False),
        ("the foreign minister", "the finance minister", False),
        ("the city fire chief", "the fire chief", True),
        ("the police chief", "the chief", True),
        # ... rank, standing and place words do not
        ("a senior official", "a top official", True),
        ("a high-ranking official", "an unnamed official", True),
        ("the city's mayor", "the town mayor", True),
        # ... and a name against a kind cannot be told
        ("an NYPD spokesperson", "a police spokesperson", None),
        # an office title ending the phrase is a role, not a name
        ("the school superintendent", "superintendent Ana Ruiz", True),
        ("the school superintendent", "Ana Ruiz", None),
        ("Stephen King", "King", True),
    ],
)
def test_quotes_same_speaker_normalises_names_and_roles(
    a: str | None, b: str | None, expected: bool | None
) -> None:
    assert same_speaker(a, b) is expected


# --------------------------------------------------------------------------------------
# Comparing quotes across sources
# --------------------------------------------------------------------------------------


def test_quotes_straight_and_curly_quotes_are_verbatim() -> None:
    statements = _sources(
        a=["“This tunnel will cut the morning commute in half,” said Ruiz."],
        b=['"This tunnel will cut the morning commute in half," Mayor Ana Ruiz said.'],
    )
    (f,) = compare_quotes(statements, ())
    assert (f.kind, f.a, f.b) == (QuoteClass.VERBATIM, "a:1", "b:1")
    assert (f.speaker_a, f.speaker_b) == ("Ruiz", "Mayor Ana Ruiz")


def test_quotes_an_ellipsis_is_elided() -> None:
    statements = _sources(
        a=[
            "“This tunnel will carry forty thousand cars a day and cut the commute in half,” "
            "Ruiz said."
        ],
        b=["“This tunnel will carry forty thousand cars a day … in half,” Ruiz said."],
    )
    (f,) = compare_quotes(statements, ())
    assert (f.kind, f.a, f.b) == (QuoteClass.ELIDED, "a:1", "b:1")
    assert f.diff == "… cars a day [-and cut the commute-] in half"
    assert "b:1 marks a gap" in f.explanation


def test_quotes_a_shortened_quote_is_elided_not_altered() -> None:
    statements = _sources(
        a=[
            "“We expect tolls to fall next spring once the loans are repaid,” a city "
            "spokesperson said."
        ],
        b=["“We expect tolls to fall next spring,” a spokesperson for the city said."],
    )
    (f,) = compare_quotes(statements, ())
    assert f.kind is QuoteClass.ELIDED
    assert "b:1 quotes only part" in f.explanation


def test_quotes_changed_words_are_altered_with_a_word_diff() -> None:
    statements = _sources(
        a=["“We will reopen the library before the end of the school year,” Maria Brandt said."],
        b=["“We will reopen the library before the end of the summer,” Brandt said."],
    )
    (f,) = compare_quotes(statements, ())
    assert f.kind is QuoteClass.ALTERED
    assert f.diff == "… end of the [-school year-] {+summer+}"


def test_quotes_same_words_from_another_speaker_are_misattributed() -> None:
    statements = _sources(
        a=["“The roof has been leaking since the storm in March,” said inspector Omar Pike."],
        b=["“The roof has been leaking since the storm in March,” said councillor Lena Fox."],
    )
    (f,) = compare_quotes(statements, ())
    assert f.kind is QuoteClass.MISATTRIBUTED
    assert (f.speaker_a, f.speaker_b) == ("inspector Omar Pike", "councillor Lena Fox")


def test_quotes_a_surname_spelling_another_speakers_initials_is_misattributed() -> None:
    # "Ng" spells the initials of "Nancy Grant", but a surname is no acronym of a person.
    statements = _sources(
        a=["“We cannot keep every branch open with this budget,” said council member Ng."],
        b=["“We cannot keep every branch open with this budget,” said council member Nancy Grant."],
    )
    (f,) = compare_quotes(statements, ())
    assert f.kind is QuoteClass.MISATTRIBUTED
    assert (f.speaker_a, f.speaker_b) == ("council member Ng", "council member Nancy Grant")


@pytest.mark.parametrize(
    ("a", "b", "expected"),
    [
        ("Ng", "Nancy Grant", False),
        ("Dr. Ng", "Nancy Grant", False),
        ("Ed", "Emily Davis", False),
        ("the NTSB", "the National Transportation Safety Board", True),
        ("IBM", "International Business Machines", True),
    ],
)
def test_quotes_same_speaker_acronym_only_in_capitals(a: str, b: str, expected: bool) -> None:
    assert same_speaker(a, b) is expected
    assert same_speaker(b, a) is expected


def test_quotes_a_role_and_a_name_are_not_a_misattribution() -> None:
    statements = _sources(
        a=["“Our position on open source AI is unchanged,” the spokesperson said."],
        b=["“Our position on open source AI is unchanged,” Jane Doe said."],
    )
    (f,) = compare_quotes(statements, ())
    assert f.kind is QuoteClass.VERBATIM
    assert "(a:1 names the spokesperson, b:1 Jane Doe)" in f.explanation


def test_quotes_same_words_from_roles_of_two_offices_are_misattributed() -> None:
    statements = _sources(
        a=["“The blaze started in the kitchen and spread through the roof,” said the fire chief."],
        b=[
            "“The blaze started in the kitchen and spread through the roof,” said the police chief."
        ],
    )
    (f,) = compare_quotes(statements, ())
    assert f.kind is QuoteClass.MISATTRIBUTED
    assert (f.speaker_a, f.speaker_b) == ("the fire chief", "the police chief")


def test_quotes_different_speakers_saying_different_things_are_not_misattributed() -> None:
    # Similar enough to be one altered quote from one speaker, but not near-verbatim.
    statements = _sources(
        a=["“The library needs a new roof before the winter storms arrive,” said Lena Fox."],
        b=["“The library needs new wiring before the winter,” said Omar Pike."],
    )
    kinds = {f.kind for f in compare_quotes(statements, ())}
    assert kinds <= {QuoteClass.UNSUPPORTED}


def test_quotes_same_speaker_saying_two_different_things_is_not_altered() -> None:
    statements = _sources(
        a=["“We expect to hire twelve new librarians this year,” Maria Brandt said."],
        b=["“We expect to close two branch offices this year,” Maria Brandt said."],
    )
    kinds = {f.kind for f in compare_quotes(statements, ())}
    assert kinds <= {QuoteClass.UNSUPPORTED}


def test_quotes_a_different_sentence_split_is_still_verbatim(
    statement_factory: StatementFactory,
) -> None:
    whole = statement_factory(
        "“The tunnel opened today. It will carry forty thousand cars a day,” Ruiz said.",
        source_id="a",
    )
    split = _sources(
        b=["“The tunnel opened today. It will carry forty thousand cars a day,” Ruiz said."]
    )
    assert len(split) == 2  # the splitter cut source b's quote in two
    findings = compare_quotes([*attach_quotes([], [whole]), *split], ())
    assert {f.kind for f in findings} == {QuoteClass.VERBATIM}


def test_quotes_an_unquoted_statement_of_the_same_fact_is_a_paraphrase() -> None:
    statements = _sources(
        a=["“The tunnel came in under its revised budget,” a city spokesperson said."],
        b=["City officials said the tunnel cost less than its revised budget."],
    )
    fact = Fact("F-00000001", ("a:1", "b:1"), ("a", "b"), Coverage.CONSENSUS, 0.8)
    (f,) = compare_quotes(statements, [fact])
    assert (f.kind, f.a, f.b, f.speaker_a, f.text_b) == (
        QuoteClass.PARAPHRASED,
        "a:1",
        "b:1",
        "a city spokesperson",
        None,
    )
    assert "same fact" in f.explanation


_MILK = "“We will look closely at what this deal means for milk prices in rural regions,”"


def test_quotes_a_paraphrase_naming_another_speaker_is_not_one() -> None:
    # Round 4, defect 2: c names Okonkwo, so it paraphrases b's Okonkwo quote, not a's
    # Marsh quote, though all three are in one fact.
    statements = _sources(
        a=[f"{_MILK} said Brightfield chief executive Colin Marsh."],
        b=[f"{_MILK} bureau commissioner Daniel Okonkwo said."],
        c=[
            "Bureau commissioner Daniel Okonkwo warned that the bureau would look closely "
            "at milk prices in rural regions."
        ],
    )
    findings = compare_quotes(statements, _one_fact(statements))
    assert _kinds(findings) == {
        (QuoteClass.MISATTRIBUTED, "a:1", "b:1"),
        (QuoteClass.PARAPHRASED, "b:1", "c:1"),
    }
    # Without the fact, the lexical fallback follows the same rule.
    assert (QuoteClass.PARAPHRASED, "a:1", "c:1") not in _kinds(compare_quotes(statements, ()))


def test_quotes_a_paraphrase_naming_the_speaker_or_no_one_is_one() -> None:
    # Round 4, defect 2: "Marsh" is the quote's speaker; "he" and a bare clause name no
    # one else.
    for told in (
        "Marsh warned that the company would look closely at milk prices in rural regions.",
        "The company would look closely at milk prices in rural regions, he warned.",
        "The company will look closely at milk prices in rural regions.",
    ):
        statements = _sources(
            a=[f"{_MILK} said Brightfield chief executive Colin Marsh."], c=[told]
        )
        (f,) = compare_quotes(statements, _one_fact(statements))
        assert (f.kind, f.a, f.b) == (QuoteClass.PARAPHRASED, "a:1", "c:1"), told


def test_quotes_the_words_near_verbatim_as_another_persons_are_misattributed() -> None:
    # Round 4, defect 2: an unquoted sentence that tells the words almost as quoted, but
    # gives them to someone else, is a misattribution, with the diff against its clause.
    statements = _sources(
        a=[f"{_MILK} said Brightfield chief executive Colin Marsh."],
        c=[
            "Bureau commissioner Daniel Okonkwo said they will look closely at what this "
            "deal means for milk prices in rural regions."
        ],
    )
    (f,) = compare_quotes(statements, _one_fact(statements))
    assert (f.kind, f.a, f.b) == (QuoteClass.MISATTRIBUTED, "a:1", "c:1")
    assert f.speaker_b == "Bureau commissioner Daniel Okonkwo"
    assert f.text_b is None
    assert f.diff == "[-We-] {+they+} will look closely …"
    assert "as Bureau commissioner Daniel Okonkwo's" in f.explanation


def test_quotes_the_words_near_verbatim_as_a_companys_are_no_misattribution() -> None:
    # Round 4, defect 2: a company may speak through the person quoted; giving it the
    # words is no paraphrase of that person (another speaker is named) and no flag either.
    statements = _sources(
        a=[f"{_MILK} said Colin Marsh."],
        c=[
            "Brightfield said it will look closely at what this deal means for milk prices "
            "in rural regions."
        ],
    )
    findings = compare_quotes(statements, _one_fact(statements))
    assert {f.kind for f in findings} == {QuoteClass.UNSUPPORTED}


def test_quotes_paraphrase_falls_back_to_word_overlap_without_facts() -> None:
    statements = _sources(
        a=[
            "“We believe the benefits of superintelligence should be shared with the world as "
            "broadly as possible,” wrote Zuckerberg."
        ],
        b=[
            "Meta reported strong earnings on Tuesday.",
            "Zuckerberg emphasized the importance of broadly sharing the benefits of "
            "superintelligence.",
        ],
    )
    (f,) = compare_quotes(statements, ())
    assert (f.kind, f.a, f.b) == (QuoteClass.PARAPHRASED, "a:1", "b:2")


def test_quotes_a_quote_no_other_source_has_is_unsupported() -> None:
    statements = _sources(
        a=["“Cyclists will get their own lane by the autumn,” Tom Hale said."],
        b=["The harbour tunnel opened to traffic on Monday morning."],
    )
    (f,) = compare_quotes(statements, ())
    assert (f.kind, f.a, f.b, f.speaker_a) == (QuoteClass.UNSUPPORTED, "a:1", None, "Tom Hale")


def test_quotes_a_single_source_has_no_findings() -> None:
    statements = _sources(a=["“Cyclists will get their own lane by the autumn,” Tom Hale said."])
    assert compare_quotes(statements, ()) == ()


def test_quotes_never_compares_two_statements_of_one_source() -> None:
    statements = _sources(
        a=["“The tunnel opened on time,” Ruiz said.", "“The tunnel opened on time,” Hale said."],
        b=["The harbour tunnel opened to traffic on Monday morning."],
    )
    assert all(f.b is None for f in compare_quotes(statements, ()))


def test_quotes_findings_are_deterministic_and_each_pair_once() -> None:
    statements, facts = _story(DATA / "tunnel")
    shuffled = list(statements)
    random.Random(4).shuffle(shuffled)
    findings = compare_quotes(statements, facts)
    assert compare_quotes(shuffled, facts) == findings
    pairs = [frozenset((f.a, f.b)) for f in findings]
    assert len(pairs) == len(set(pairs))


def _one_fact(statements: Sequence[Statement]) -> list[Fact]:
    sources = tuple(sorted({st.source_id for st in statements}))
    ids = tuple(st.id for st in statements)
    return [Fact("F-00000001", ids, sources, Coverage.CONSENSUS, 0.8)]


def test_quotes_a_title_does_not_make_a_second_speaker() -> None:
    statements = _sources(
        a=["“Every worker at the plant will be offered a new job,” said Mayor Ruiz."],
        b=["“Every worker at the plant will be offered a new job,” said Ana Ruiz, the mayor."],
    )
    (f,) = compare_quotes(statements, ())
    assert f.kind is QuoteClass.VERBATIM


def test_quotes_an_organisation_noun_and_its_name_are_not_a_misattribution() -> None:
    statements = _sources(
        a=["“We expect the cleanup to take at least four years,” the company said."],
        b=["“We expect the cleanup to take at least four years,” Northwind said."],
    )
    (f,) = compare_quotes(statements, ())
    assert f.kind is QuoteClass.VERBATIM
    assert "(a:1 names the company, b:1 Northwind)" in f.explanation


def test_quotes_a_shortened_quote_that_drops_a_negation_is_altered() -> None:
    statements = _sources(
        a=["“It is not true that we will cut pensions for retired staff,” Dana Whitfield said."],
        b=["“We will cut pensions for retired staff,” Whitfield said."],
    )
    (f,) = compare_quotes(statements, ())
    assert f.kind is QuoteClass.ALTERED
    assert f.diff == "[-It is not true that-] we will cut …"
    assert "leaves out 'not', which changes what the words kept say" in f.explanation


@pytest.mark.parametrize(
    ("full", "short"),
    [
        ("We may close the east wing of the hospital next year", "close the east wing of the"),
        (
            "We will close the east wing of the hospital unless the state pays for repairs",
            "We will close the east wing of the hospital",
        ),
        (
            "We will never close the east wing of the hospital",
            "close the east wing of the hospital",
        ),
    ],
)
def test_quotes_a_shortened_quote_that_drops_a_hedge_or_condition_is_altered(
    full: str, short: str
) -> None:
    statements = _sources(
        a=[f"“{full},” said hospital director Omar Pike."], b=[f"“{short},” Pike said."]
    )
    (f,) = compare_quotes(statements, ())
    assert f.kind is QuoteClass.ALTERED
    assert f.diff is not None and "[-" in f.diff


@pytest.mark.parametrize(
    ("full", "short"),
    [
        # the kept words are the subject of the negated "is" (regression: "not" was counted)
        ("Raising taxes on families is not the answer", "raising taxes on families"),
        ("Borrowing from the future to pay for today is not a plan", "borrowing from the future"),
        # ... or its object
        ("We will not cut pensions for retired staff", "pensions for retired staff"),
    ],
)
def test_quotes_a_shortened_quote_keeping_only_the_subject_of_a_negation_is_elided(
    full: str, short: str
) -> None:
    statements = _sources(
        a=[f"“{full},” said council member Rita Gomez."],
        b=[f"Council member Rita Gomez said she opposed “{short}” to pay for the new school."],
    )
    (f,) = compare_quotes(statements, ())
    assert f.kind is QuoteClass.ELIDED
    assert "changes what the words kept say" not in f.explanation


@pytest.mark.parametrize(
    ("full", "short"),
    [
        # the kept words are the negated predicate's clausal complement or its complement
        ("We do not plan to raise taxes on families", "to raise taxes on families"),
        ("The new bridge is not safe for heavy trucks", "safe for heavy trucks"),
    ],
)
def test_quotes_a_shortened_quote_keeping_the_negated_predicate_is_altered(
    full: str, short: str
) -> None:
    statements = _sources(
        a=[f"“{full},” said council member Rita Gomez."],
        b=[f"Council member Rita Gomez said the plan was “{short}” this year."],
    )
    (f,) = compare_quotes(statements, ())
    assert f.kind is QuoteClass.ALTERED
    assert "leaves out 'not', which changes what the words kept say" in f.explanation


def test_quotes_a_negation_in_another_clause_does_not_stop_an_elision() -> None:
    statements = _sources(
        a=[
            "“We haven’t released everything we’ve developed and we expect to keep training "
            "open models,” a spokesperson said."
        ],
        b=["“We expect to keep training open models,” a spokesperson said."],
    )
    (f,) = compare_quotes(statements, ())
    assert f.kind is QuoteClass.ELIDED


def test_quotes_an_ellipsis_over_a_negation_is_altered() -> None:
    statements = _sources(
        a=["“We will not cut pensions for retired staff this year,” Whitfield said."],
        b=["“We will … cut pensions for retired staff this year,” Whitfield said."],
    )
    (f,) = compare_quotes(statements, ())
    assert f.kind is QuoteClass.ALTERED
    assert "the gap leaves out 'not'" in f.explanation


_HOPE = "“Tonight the people of Kestria chose hope over anger, and we will not let them down,”"


@pytest.mark.parametrize(
    "elided",
    [
        "“Tonight the people of Kestria chose hope over fear ...,” Lindqvist said.",
        "“Tonight the people of Kestria chose hope over fear,” Lindqvist said, “... them down.”",
    ],
)
def test_quotes_polarity_skips_the_words_the_other_side_cuts(elided: str) -> None:
    # Round 4, defect 3: the "not" lies in the part a:1 openly cuts (an ellipsis, or the
    # narration of a broken quotation); the one real change is fear -> anger.
    statements = _sources(a=[elided], b=[f"{_HOPE} Lindqvist said."])
    (f,) = compare_quotes(statements, _one_fact(statements))
    assert f.kind is QuoteClass.ALTERED
    assert "[-fear-] {+anger" in (f.diff or "")
    assert "'not'" not in f.explanation


def test_quotes_polarity_names_a_negation_in_the_words_both_quote() -> None:
    # Round 4, defect 3: an ellipsis elsewhere does not hide a "not" both sides quote.
    statements = _sources(
        a=[
            "“... the people of Kestria chose hope over fear, and we will let them down,” "
            "Lindqvist said."
        ],
        b=[f"{_HOPE} Lindqvist said."],
    )
    (f,) = compare_quotes(statements, _one_fact(statements))
    assert f.kind is QuoteClass.ALTERED
    assert f.explanation.endswith("only b:1 has 'not'.")


def test_quotes_a_dropped_negation_is_found_without_a_parse() -> None:
    def bare(source: str, text: str) -> Statement:
        st = bare_statement(source, 1, f"“{text},” Whitfield said.")
        return replace(st, quotes=(Quote(text + ",", 1, len(text) + 2, "Whitfield", "say"),))

    cut = bare("b", "We will cut pensions for retired staff")
    kept = bare("a", "It is not true that we will cut pensions for retired staff")
    other_clause = bare("a", "We did not say so and we will cut pensions for retired staff")
    (f,) = compare_quotes([kept, cut], ())
    assert f.kind is QuoteClass.ALTERED
    (g,) = compare_quotes([other_clause, cut], ())
    assert g.kind is QuoteClass.ELIDED


def test_quotes_every_finding_with_changed_words_has_a_diff() -> None:
    statements = _sources(
        a=["“The roof has not been leaking since the storm in March,” said inspector Omar Pike."],
        b=["“The roof has been leaking since the storm in March,” said councillor Lena Fox."],
    )
    (f,) = compare_quotes(statements, ())
    assert f.kind is QuoteClass.MISATTRIBUTED
    assert f.diff == "The roof has [-not-] been leaking since …"
    assert "only a:1 has 'not'" in f.explanation


def test_quotes_a_changed_quote_behind_a_title_is_altered_with_its_diff() -> None:
    statements = _sources(
        a=["“We are not going to abandon the workers at the plant,” said Mayor Ruiz."],
        b=["“We are going to abandon the workers at the plant,” said Ana Ruiz, the mayor."],
    )
    (f,) = compare_quotes(statements, ())
    assert f.kind is QuoteClass.ALTERED
    assert f.diff == "We are [-not-] going to abandon …"


def test_quotes_a_reworded_quote_of_one_speaker_in_one_fact_is_altered() -> None:
    said = "said union president Carl Mendes."
    statements = _sources(
        a=[f"“The decision was rushed and it ignored the workers,” {said}"],
        b=[f"“The decision was hasty and it betrayed the workers,” {said}"],
    )
    # Not similar enough on words alone: without the fact, only two unsupported quotes.
    assert {f.kind for f in compare_quotes(statements, ())} == {QuoteClass.UNSUPPORTED}
    (f,) = compare_quotes(statements, _one_fact(statements))
    assert f.kind is QuoteClass.ALTERED
    assert (
        f.diff
        == "The decision was [-rushed-] {+hasty+} and it [-ignored-] {+betrayed+} the workers"
    )
    assert "aligned as one fact" in f.explanation


def test_quotes_two_remarks_of_one_speaker_in_one_fact_are_not_altered() -> None:
    statements = _sources(
        a=["“We expect to hire twelve new librarians this year,” Maria Brandt said."],
        b=["“We expect to close two branch offices this year,” Maria Brandt said."],
    )
    # Each is unsupported, and says how the other source quotes the speaker.
    a, b = compare_quotes(statements, _one_fact(statements))
    assert _kinds([a, b]) == {
        (QuoteClass.UNSUPPORTED, "a:1", None),
        (QuoteClass.UNSUPPORTED, "b:1", None),
    }
    assert a.explanation == (
        "No source but a:1 has Maria Brandt say this. In the same fact, b:1 quotes Maria Brandt "
        "saying something else: “We expect to close two branch offices this year”."
    )


def test_quotes_a_quote_reworded_in_other_word_forms_in_one_fact_is_altered() -> None:
    # Round 4, defect 1: the shared words are "club" and "play"/"playing": half of the
    # shorter quote's content lemmas, though only one content word as written.
    statements = _sources(
        a=["“This is the club I dreamed of playing for as a boy,” Mensah said."],
        b=["“This is the club I always wanted to play for as a kid,” Mensah said."],
    )
    assert {f.kind for f in compare_quotes(statements, ())} == {QuoteClass.UNSUPPORTED}
    (f,) = compare_quotes(statements, _one_fact(statements))
    assert f.kind is QuoteClass.ALTERED
    assert f.diff is not None and "[-dreamed of playing-] {+always wanted to play+}" in f.diff
    assert "aligned as one fact" in f.explanation


def test_quotes_two_remarks_sharing_a_word_form_in_one_fact_stay_apart() -> None:
    # Round 4, defect 1: one shared lemma ("club") is not one utterance.
    statements = _sources(
        a=["“This is the club I dreamed of playing for as a boy,” Mensah said."],
        b=["“The club has promised me a starting place next season,” Mensah said."],
    )
    findings = compare_quotes(statements, _one_fact(statements))
    assert {f.kind for f in findings} == {QuoteClass.UNSUPPORTED}


def test_quotes_an_unsupported_quote_never_cites_a_version_of_itself() -> None:
    # Round 4, defect 1: an unsupported finding that names another source's quote of its
    # speaker in its fact names another remark, which no pair finding links to it.
    statements = _sources(
        a=[
            "“This is the club I dreamed of playing for as a boy,” Mensah said.",
            "“We expect to hire twelve new librarians this year,” Maria Brandt said.",
        ],
        b=[
            "“This is the club I always wanted to play for as a kid,” Mensah said.",
            "“We expect to close two branch offices this year,” Maria Brandt said.",
        ],
    )
    findings = compare_quotes(statements, _one_fact(statements))
    paired = {(f.a, f.text_a) for f in findings if f.b} | {(f.b, f.text_b) for f in findings if f.b}
    for f in findings:
        if f.kind is QuoteClass.UNSUPPORTED:
            assert (f.a, f.text_a) not in paired
            assert "differently" not in f.explanation
    assert _kinds(findings) == {
        (QuoteClass.ALTERED, "a:1", "b:1"),
        (QuoteClass.UNSUPPORTED, "a:2", None),
        (QuoteClass.UNSUPPORTED, "b:2", None),
    }


def test_quotes_one_fact_does_not_make_two_speakers_one_quotation() -> None:
    statements = _sources(
        a=["“The decision was rushed and it ignored the workers,” said Carl Mendes."],
        b=["“The decision was hasty and it betrayed the workers,” said Rosa Diaz."],
    )
    findings = compare_quotes(statements, _one_fact(statements))
    assert {f.kind for f in findings} == {QuoteClass.UNSUPPORTED}
    assert all("no other source quotes or reports it" in f.explanation for f in findings)


def test_quotes_a_quote_in_a_fact_with_other_sources_is_still_unsupported() -> None:
    # Another source's statement in the fact neither quotes nor paraphrases these words.
    statements = _sources(
        a=["“Nobody asked us what we wanted,” said parent Jenna Hill."],
        b=["“Our kids deserve better than this,” said Hill."],
    )
    findings = compare_quotes(statements, _one_fact(statements))
    assert _kinds(findings) == {
        (QuoteClass.UNSUPPORTED, "a:1", None),
        (QuoteClass.UNSUPPORTED, "b:1", None),
    }
    b = next(f for f in findings if f.a == "b:1")
    assert "a:1 quotes parent Jenna Hill saying something else: “Nobody asked us what" in (
        b.explanation
    )


def test_quotes_a_broken_quotation_with_a_reworded_piece_is_altered_not_elided() -> None:
    # The second piece is an intact trim of the wire's words; the first is reworded.
    statements = _sources(
        wire=[
            "“You treated the town's money as your own wallet, and the people of Dunmore paid "
            "for it with shut libraries and broken bridges,” Judge Ortiz said."
        ],
        review=[
            "“You treated the town's funds as your private wallet,” Judge Ortiz said, “and the "
            "people of Dunmore paid for it.”"
        ],
    )
    (f,) = compare_quotes(statements, ())
    assert (f.kind, f.a, f.b) == (QuoteClass.ALTERED, "review:1", "wire:1")
    assert f.diff is not None and "[-funds-] {+money+}" in f.diff


def test_quotes_a_piece_of_a_broken_quotation_is_compared_on_its_own() -> None:
    statements = _sources(
        courier=["“You treated the town's money as your own wallet,” Ortiz told him."],
        review=[
            "“You treated the town's funds as your private wallet,” Ortiz said, “and the "
            "people of Dunmore paid for it.”"
        ],
    )
    (f,) = compare_quotes(statements, ())
    assert (f.kind, f.a, f.b) == (QuoteClass.ALTERED, "courier:1", "review:1")
    assert "differ widely" not in f.explanation


def test_quotes_a_quotation_broken_by_its_attribution_is_verbatim_when_whole() -> None:
    statements = _sources(
        a=["“The dam will hold,” Hale said, “even if the river rises another metre.”"],
        b=["“The dam will hold even if the river rises another metre,” Hale said."],
    )
    (f,) = compare_quotes(statements, ())
    assert (f.kind, f.a, f.b) == (QuoteClass.VERBATIM, "a:1", "b:1")


_FULL = (
    "“Our crew did exactly what they were trained to do, and every passenger walked off "
    "that aircraft,” said Renee Caldwell."
)
_REWORDED = (
    "“Our crew did exactly what they were trained to do, and every passenger got off that "
    "plane safely,” said Renee Caldwell."
)
_TRIM = "“Our crew did exactly what they were trained to do,” said Renee Caldwell."


def test_quotes_a_trim_is_not_an_elision_of_the_version_the_others_outvote() -> None:
    statements = _sources(a=[_FULL], b=[_FULL], c=[_REWORDED], d=[_TRIM])
    kinds = _kinds(compare_quotes(statements, ()))
    assert kinds == {
        (QuoteClass.VERBATIM, "a:1", "b:1"),
        (QuoteClass.ALTERED, "a:1", "c:1"),
        (QuoteClass.ELIDED, "a:1", "d:1"),
        (QuoteClass.ALTERED, "b:1", "c:1"),
        (QuoteClass.ELIDED, "b:1", "d:1"),
    }  # no (ELIDED, "c:1", "d:1"): d keeps a's and b's words, c rewords them
    assert not any("either may" in f.explanation for f in compare_quotes(statements, ()))


def test_quotes_a_trim_of_two_versions_one_each_is_an_elision_of_both() -> None:
    # One source each: no telling which version is the original, and the explanations say so.
    statements = _sources(a=[_FULL], c=[_REWORDED], d=[_TRIM])
    findings = compare_quotes(statements, ())
    assert _kinds(findings) == {
        (QuoteClass.ALTERED, "a:1", "c:1"),
        (QuoteClass.ELIDED, "a:1", "d:1"),
        (QuoteClass.ELIDED, "c:1", "d:1"),
    }
    elided = [f for f in findings if f.kind is QuoteClass.ELIDED]
    assert all("either may be the original" in f.explanation for f in elided)


def test_quotes_a_source_that_quotes_part_may_paraphrase_the_rest() -> None:
    statements = _sources(
        wire=[
            "“You treated the town's money as your own wallet, and the people of Dunmore paid "
            "for it with shuttered libraries and crumbling bridges,” Judge Ortiz said."
        ],
        courier=[
            "“You treated the town's money as your own wallet,” Judge Ortiz said.",
            "The judge said the thefts had forced Dunmore to shutter libraries and let bridges "
            "crumble.",
        ],
    )
    findings = compare_quotes(statements, ())
    assert _kinds(findings) == {
        (QuoteClass.ELIDED, "courier:1", "wire:1"),
        (QuoteClass.PARAPHRASED, "wire:1", "courier:2"),
    }
    (f,) = [f for f in findings if f.kind is QuoteClass.PARAPHRASED]
    assert "the part courier's own quote leaves out" in f.explanation


def test_quotes_the_rest_of_a_trimmed_quote_needs_enough_shared_words() -> None:
    statements = _sources(
        wire=[
            "“You treated the town's money as your own wallet, and the people of Dunmore paid "
            "for it with shuttered libraries and crumbling bridges,” Judge Ortiz said."
        ],
        courier=[
            "“You treated the town's money as your own wallet,” Judge Ortiz said.",
            "The judge said the people of Dunmore deserved better.",
        ],
    )
    assert _kinds(compare_quotes(statements, ())) == {(QuoteClass.ELIDED, "courier:1", "wire:1")}


def test_quotes_each_quote_of_a_statement_gets_a_finding() -> None:
    # One statement, two quotations: one is verbatim elsewhere, the other nowhere.
    statements = _sources(
        a=[
            "“The tunnel opened on time,” Ruiz said, adding that “cyclists will get their own "
            "lane by the autumn.”"
        ],
        b=["“The tunnel opened on time,” said Mayor Ana Ruiz."],
    )
    findings = compare_quotes(statements, ())
    assert {(f.kind, f.text_a) for f in findings} == {
        (QuoteClass.VERBATIM, "The tunnel opened on time,"),
        (QuoteClass.UNSUPPORTED, "cyclists will get their own lane by the autumn."),
    }


def test_quotes_a_paraphrase_that_negates_the_quote_is_altered() -> None:
    statements = _sources(
        a=[
            "“Our grid is ready to replace every megawatt the plant produces today,” said Tom Hale."
        ],
        b=["Hale said the state grid was not ready to replace the power the plant produces."],
    )
    (f,) = compare_quotes(statements, _one_fact(statements))
    assert (f.kind, f.a, f.b, f.text_b) == (QuoteClass.ALTERED, "a:1", "b:1", None)
    assert "reverses them: only b:1 negates 'ready'" in f.explanation
    assert f.diff is not None and "{+was not+}" in f.diff


@pytest.mark.parametrize(
    ("quote", "paraphrase", "kind"),
    [
        (
            "Nobody at the plant will lose their job",
            "Hale said workers at the plant would lose their jobs.",
            QuoteClass.ALTERED,
        ),
        (
            "We do not expect any delays to the opening",
            "Hale said no delays to the opening were expected.",
            QuoteClass.PARAPHRASED,
        ),
        (
            "The grid is not ready yet, but it will be ready by June",
            "Hale said the grid would be ready by June.",
            QuoteClass.PARAPHRASED,
        ),
    ],
)
def test_quotes_a_negative_subject_or_object_negates_its_clause(
    quote: str, paraphrase: str, kind: QuoteClass
) -> None:
    statements = _sources(a=[f"“{quote},” said Tom Hale."], b=[paraphrase])
    (f,) = compare_quotes(statements, _one_fact(statements))
    assert f.kind is kind


def test_quotes_a_paraphrase_negating_a_side_clause_is_still_a_paraphrase() -> None:
    statements = _sources(
        a=["“Our grid is ready to replace the power the plant produces,” said Tom Hale."],
        b=["Hale said the grid was ready to replace the power, though the plant does not close."],
    )
    (f,) = compare_quotes(statements, _one_fact(statements))
    assert f.kind is QuoteClass.PARAPHRASED


@pytest.mark.parametrize(
    ("quote", "paraphrase", "shown"),
    [
        (
            "“We will hire 50 new officers this year,” Mayor Ana Ruiz said on Monday.",
            "Mayor Ana Ruiz said the city would hire 500 new officers this year.",
            "a:1 quotes '50 new officers', b:1 reports '500 new officers'",
        ),
        (
            "“The repairs will cost about $2 million,” said city engineer Paul Weiss.",
            "City engineer Paul Weiss said the repairs would cost $5 million.",
            "a:1 quotes 'about $2 million', b:1 reports '$5 million'",
        ),
        (
            "In a 2024 letter, Ruiz wrote, “Starting next year, we expect the new tunnel to "
            "carry most of the city's traffic.”",
            "Ruiz predicted that the new tunnel would carry most of the city's traffic starting "
            "in 2024.",
            "a:1 quotes 'next year' (2025), b:1 reports '2024'",
        ),
    ],
)
def test_quotes_a_paraphrase_that_changes_a_value_is_altered(
    quote: str, paraphrase: str, shown: str
) -> None:
    statements = _valued(date(2026, 3, 10), a=[quote], b=[paraphrase])
    (f,) = compare_quotes(statements, _one_fact(statements))
    assert (f.kind, f.a, f.b, f.text_b) == (QuoteClass.ALTERED, "a:1", "b:1", None)
    assert f"but changes a value: {shown}." in f.explanation
    assert f.diff is not None


@pytest.mark.parametrize(
    ("quote", "paraphrase"),
    [
        # the same values in other words
        (
            "“The repairs will take about six weeks and cost roughly $2 million,” said Paul Weiss.",
            "Paul Weiss said the repairs would take 6 weeks and cost $2 million.",
        ),
        # the day it was said is not a value of the quote
        (
            "“We will open the tunnel in April,” Mayor Ana Ruiz said.",
            "Mayor Ana Ruiz said on Monday that the city would open the tunnel soon.",
        ),
        # a count of another thing
        (
            "“We will hire 50 new officers this year,” Mayor Ana Ruiz said.",
            "Mayor Ana Ruiz said the city would hire new officers for its 12 stations this year.",
        ),
    ],
)
def test_quotes_a_paraphrase_with_the_quotes_values_is_still_a_paraphrase(
    quote: str, paraphrase: str
) -> None:
    statements = _valued(date(2026, 3, 10), a=[quote], b=[paraphrase])
    (f,) = compare_quotes(statements, _one_fact(statements))
    assert f.kind is QuoteClass.PARAPHRASED


# --------------------------------------------------------------------------------------
# Hand-written stories and the seed story
# --------------------------------------------------------------------------------------


def test_quotes_tunnel_story_has_every_expected_finding() -> None:
    statements, facts = _story(DATA / "tunnel")
    assert _kinds(compare_quotes(statements, facts)) == {
        (QuoteClass.VERBATIM, "herald:2", "post:2"),  # curly vs straight quotes
        (QuoteClass.ELIDED, "herald:2", "wire:2"),  # "…"
        (QuoteClass.ELIDED, "post:2", "wire:2"),
        (QuoteClass.ALTERED, "herald:3", "post:3"),  # continuation vs "she said"
        (QuoteClass.PARAPHRASED, "herald:6", "wire:3"),  # colon lead-in, unquoted in wire
        (QuoteClass.ELIDED, "herald:7", "post:4"),  # shortened
        (QuoteClass.UNSUPPORTED, "post:5", None),
    }


def test_quotes_library_story_has_every_expected_finding() -> None:
    statements, facts = _story(DATA / "library")
    findings = compare_quotes(statements, facts)
    assert {k for k in _kinds(findings) if k[0] is not QuoteClass.UNSUPPORTED} == {
        (QuoteClass.ALTERED, "courier:2", "gazette:2"),
        (QuoteClass.MISATTRIBUTED, "courier:4", "gazette:4"),
    }
    altered = next(f for f in findings if f.kind is QuoteClass.ALTERED)
    assert altered.diff == "… end of the [-summer-] {+school year+}"


def test_quotes_plant_story_has_every_expected_finding() -> None:
    statements, facts = _story(DATA / "plant")
    assert _kinds(compare_quotes(statements, facts)) == {
        (QuoteClass.VERBATIM, "courier:2", "ledger:2"),  # "Mayor Ruiz" / "Ana Ruiz"
        (QuoteClass.VERBATIM, "courier:3", "ledger:3"),  # "the company" / "Northwind"
        (QuoteClass.ALTERED, "courier:4", "ledger:4"),  # shortened past a "not"
        (QuoteClass.ALTERED, "courier:5", "ledger:5"),  # reworded, one fact
        (QuoteClass.ALTERED, "courier:6", "ledger:6"),  # paraphrase negates the quote
    }


def test_quotes_dam_story_reads_british_quotation_marks() -> None:
    statements, facts = _story(DATA / "dam")
    marsh, rebuilt = "chief engineer Helen Marsh", "We will have the spillway rebuilt"
    assert _quotes(statements) == [
        (f"{rebuilt} before the autumn rains,", marsh),  # echo: '…' and an apostrophe in '90s
        ("It's the biggest job we've done on the river since the '90s,", marsh),
        (f"{rebuilt} before the autumn rains,", marsh),  # gazette: ‘…’
    ]
    assert (QuoteClass.VERBATIM, "echo:2", "gazette:2") in _kinds(compare_quotes(statements, facts))


def test_quotes_seed_story_reads_sensibly() -> None:
    statements, facts = _story(SEED)
    speakers = {st.id: q.speaker for st in statements for q in st.quotes}
    assert speakers["000_2831aa864af746ce:3"] == "Zuckerberg"  # lead-in "Zuckerberg's statement"
    assert speakers["000_2831aa864af746ce:16"] == "a company spokesperson"
    assert speakers["002_f398cda15d4a89f6:4"] == "Zuckerberg"  # continuation
    assert not any(st.quotes for st in statements if st.source_id.startswith("003"))
    kinds = _kinds(compare_quotes(statements, facts))
    assert {
        # "... as broadly as possible... That said": a sentence break, nothing left out
        (QuoteClass.VERBATIM, "000_2831aa864af746ce:3", "002_f398cda15d4a89f6:3"),
        (QuoteClass.VERBATIM, "000_2831aa864af746ce:16", "001_5a76a52844fc09c6:25"),
        # one cut ("We haven't released ... and"), reported once: on the ellipsis of :17
        (QuoteClass.ELIDED, "000_2831aa864af746ce:17", "002_f398cda15d4a89f6:24"),
        (QuoteClass.VERBATIM, "000_2831aa864af746ce:18", "002_f398cda15d4a89f6:25"),
        (QuoteClass.VERBATIM, "001_5a76a52844fc09c6:22", "002_f398cda15d4a89f6:21"),
        (QuoteClass.ALTERED, "001_5a76a52844fc09c6:20", "002_f398cda15d4a89f6:19"),
        (QuoteClass.PARAPHRASED, "002_f398cda15d4a89f6:3", "001_5a76a52844fc09c6:3"),
    } <= kinds
    assert not any(k[0] is QuoteClass.MISATTRIBUTED for k in kinds)


def _paragraph_findings(text_a: str, text_b: str) -> set[tuple[QuoteClass, str, str]]:
    a = article_from_paragraphs("a", [text_a])
    b = article_from_paragraphs("b", [text_b])
    statements = segment([a, b], spacy_model=DEFAULT_SPACY_MODEL, cache=Cache(None))
    statements = attach_quotes([a, b], statements)
    return {(f.kind, f.a, f.b) for f in compare_quotes(statements, []) if f.b is not None}


def test_quotes_an_ellipsis_that_only_joins_two_sentences_is_verbatim() -> None:
    kinds = _paragraph_findings(
        "The mayor wrote: “We will rebuild the bridge as soon as we can... That said, "
        "the money is not there yet.”",
        "“We will rebuild the bridge as soon as we can,” the mayor wrote. “That said, "
        "the money is not there yet.”",
    )
    assert {k[0] for k in kinds} == {QuoteClass.VERBATIM}


def test_quotes_an_ellipsis_that_cuts_words_is_reported_once() -> None:
    kinds = _paragraph_findings(
        "The mayor wrote: “We will rebuild the bridge as soon as we can... We expect "
        "the work to take two years.”",
        "“We will rebuild the bridge as soon as we can. We have no contractor yet, and we "
        "expect the work to take two years,” the mayor wrote.",
    )
    assert [k[0] for k in kinds if k[0] is not QuoteClass.VERBATIM] == [QuoteClass.ELIDED]
    assert (QuoteClass.VERBATIM, "a:2", "b:2") in kinds  # the cut is a:1's ellipsis


def test_quotes_alias_never_reads_a_short_name_as_another_persons_initials() -> None:
    from factcheck.quotes import _alias

    assert _alias("Mayor Ruiz", "Ana Ruiz") and _alias("Dr. Chen", "Lisa Chen")
    assert not _alias("Ng", "Nancy Grant")
    assert not _alias("council member Ed", "Emily Davis")


def test_quotes_a_quote_that_ends_on_its_own_ellipsis_is_elided() -> None:
    kinds = _paragraph_findings(
        "“We cannot gamble with the safety of the families who live below this dam ...,” "
        "board chair Maria Okafor said.",
        "“We cannot gamble with the safety of the families who live below this dam, and every "
        "year we wait, the repair gets more expensive,” board chair Maria Okafor said.",
    )
    assert kinds == {(QuoteClass.ELIDED, "a:1", "b:1")}
