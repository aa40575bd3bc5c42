"""Quotations: who said what, and how faithfully each source quotes it.

Two steps, both pure and rule-based (difflib and sets, no model):

``attach_quotes(articles, statements)``
    Fills :attr:`Statement.quotes`. Quote marks are paired per *block* (paragraph), so a
    quotation that the sentence splitter cut in pieces gives every piece a
    :class:`~factcheck.types.Quote` (offsets inside the marks, relative to its statement)
    with one speaker.
``compare_quotes(statements, facts)``
    Compares the quotes of different sources and returns
    :class:`~factcheck.types.QuoteFinding` records, one per pair of statements.

Finding quotations
------------------
Curly (“…”) and straight ("…") double quotes are paired left to right; a quote left open
runs to the end of its paragraph (the news convention for a quotation that goes on in the
next one). Single quotes (‘…’ and '…', British style) are quotation marks only where they
clearly delimit one, since the same characters are apostrophes: an opening mark at the
start or after a space or opening punctuation, before a word, and not an elision ('90s,
'em, rock 'n' roll); a closing mark after a non-space and before a space, punctuation or
the end, and not a plural possessive (the students' union: "s" or a digit, then a
lower-case word). Marks inside a double-quoted span are ignored; a single-quoted span
around double-quoted ones is the outer quotation. An unclosed ‘ runs to the end only when
it opens the paragraph; otherwise it closes at the last plural possessive after it, if any
("called it ‘a gift to the developers’ and the council agreed"). The speaker of a quoted
span is, in this order:

1. **Attribution.** A speech verb (say, write, tell, explain, add, affirm, note, argue,
   ... see :data:`SPEECH_VERBS`; "point out") outside every quote of the paragraph, in a
   sentence the span overlaps, with a subject: ``“…,” wrote Zuckerberg``, ``Zuckerberg
   wrote, “…”``, ``the rivals he says are working on “…”``; or ``according to X``. The
   attribution nearest to the span wins. The subject is read as written, a leading
   article lower-cased ("a company spokesperson"), without its post-modifiers ("said X of
   Y", "said X, the Y of Z", "X, a spokesman for Y, said" give X). When the parse gives
   an inverted attribution right after a quote no subject (``“…,” said engineer Paul
   Weiss of the county roads office``), the noun phrase after the verb is the speaker. A
   speech verb whose subject cannot be read at all gives no speaker, and stops the quote
   from inheriting one (3.). A speech verb with no subject of its own takes the one it
   shares: ``Vail stood and said``, ``Vail apologized, saying he was “…”`` give Vail.
   ``he``/``she`` (and "his letter") is the person named nearest before it in the
   article whom the pronoun fits: the closest sentence that names anyone (PERSON
   entities; proper nouns in a subject or object role that no other entity label claims,
   or that are people all the same: the subject of an act only people do, ``Vail,
   wearing a gray suit, stood``, see :data:`_PERSON_VERBS`; a name set off by an age or
   a person noun, ``Vail, 58, a former treasurer``, see :data:`_PERSON_NOUNS`; a name the
   text calls "he" or "she" in a clause it reports, ``Vail said he would appeal``; named
   speakers of its quotes) must name one fitting person only (the alias rule of
   :func:`same_speaker`), else None. A person does not fit a pronoun of the other gender
   than the text gives them: by an honorific ("Mrs."), by a "he"/"she" in a clause they
   report ("Marsh said she had ..."), or, more weakly, by the pronoun subject of the
   sentence right after one whose subject they are. When the nearest people named all
   misfit, the search goes back only to the paragraph before the pronoun's, and stops
   with None there: a pronoun is left unresolved rather than given to the wrong person.
   ``who`` is the noun it refers to; I/we/they/it give None. An utterance noun with a
   possessor names the possessor ("Zuckerberg's letter said" -> "Zuckerberg"); without
   one, no one.
2. **Colon lead-in.** A span right after a colon takes the subject of the clause before
   the colon, in the same paragraph or as the last sentence of the previous one: "A
   company spokesperson maintains Meta hasn't abandoned open-source AI:" then a quoted
   paragraph -> "a company spokesperson".
3. **Continuation.** A span that opens its sentence and names nobody inherits the
   speaker of the previous quote of the same paragraph, or of a quote in the last
   sentence of the previous paragraph: ``“A,” wrote Zuckerberg. “B.”`` gives B to
   Zuckerberg.

A span of at most :data:`SCARE_QUOTE_MAX_WORDS` words is a scare quote ("personal
superintelligence", "all-in") and is dropped, unless its attribution touches it (only
punctuation between: ``“No,” he said``) or it inherits a speaker. Longer spans are kept
even without a speaker (``speaker=None``).

Comparing quotations
--------------------
Quotes are compared as normalised word lists: case-folded, punctuation, quote styles,
apostrophe styles and whitespace ignored, hyphenated words split. Quotes of one named
speaker in one sentence that only an attribution breaks (``“…,” she said, “…”``: at most
:data:`BROKEN_QUOTE_MAX_WORDS` words between, ending with a comma) are one quotation in
pieces, compared whole like one with an ellipsis; when the whole gives no close match, its
quotes are compared one by one (the other source may quote one of them only); a finding
then gives its text from the first quote to the last, narration included. A pair
needs at least :data:`MIN_MATCH_WORDS` words on each side. Speakers
(:func:`same_speaker`) match when one is unknown; when
:func:`~factcheck.extract.same_name` accepts them after dropping articles and
possessives ("Mark Zuckerberg" and "Zuckerberg"), or after dropping titles and honorifics
too ("Mayor Ruiz" and "Ana Ruiz", "Dr. Chen" and "Lisa Chen"); when one is the
acronym of the other ("the FAA"); or when both are a role noun of one family ("a Meta
spokesperson", "the spokesperson", "a company spokesperson") whose qualifiers do not
differ: capitalised ones must name one organisation, and lower-case ones that name the
office (all but rank, standing and place words, :data:`_ROLE_DESCRIPTORS`) must agree or
one add to the other ("the fire chief" and "the police chief" are two people, "a senior
official" and "a top official" may be one). Roles of different families ("the mayor", "a
spokesperson") differ. A role
and a named person ("the spokesperson" and "Jane Doe"), or a generic organisation noun and
a name ("the company" and "Northwind", "police" and "Officer Tom Hale"), may be one, so
they are never called a misattribution (the explanation notes the two names); a role the
name carries as a title ("the city's mayor", "Mayor Ruiz") is the same person. Two names
of one surname with disagreeing titles ("Mr."/"Mrs.", "Judge"/"Mayor") cannot be told
apart. For each pair of quotes of different sources:

- **verbatim**: the same words;
- **elided**: one side marks a gap with "…" or "..." (or is broken by narration) and its
  pieces occur, in order and contiguous each, in the other (an ellipsis whose neighbouring
  words stand side by side among the other source's quoted words of the paragraph leaves
  nothing out, :func:`_omits`: "... as broadly as possible... That said" against a quote
  the other source breaks with "wrote Zuckerberg" is verbatim); or one side (at least
  :data:`MIN_SHORTENED_WORDS` words) is a contiguous part of the other, unless the longer
  one is contiguous in the shorter side's whole quotation (the two sources only split
  their sentences differently, or the words it lacks lie at an ellipsis of its own
  paragraph, which reports that cut once: :func:`_after_own_ellipsis`). Contiguous means
  word for word: one changed word makes
  a shortened quote altered, not elided. A trim of two longer versions that are altered
  against each other is not an elision of the one fewer statements quote faithfully
  (:func:`_drop_outvoted`); on a tie its explanations say either may be the original;
- **altered**: an elision whose left-out words include a negator, hedge or conditional
  (:data:`NEGATORS`, :data:`HEDGES`, :data:`CONDITIONALS`) that governs the words kept, by
  the parse, since the meaning changes: the kept words hold the predicate it attaches to,
  or a word on that predicate's side (a complement or clausal complement: "It is not true
  that we will cut pensions" -> "we will cut pensions"). Keeping only its subject or an
  object ("Raising taxes on families is not the answer" -> "raising taxes on families"),
  or a clause coordinated with it, is an elision; otherwise, when the
  content words (stopwords dropped) have a Jaccard index of at least
  :data:`ALTERED_JACCARD`, or the shorter quote is mostly inside the longer one (at least
  :data:`ALTERED_COVERAGE` of its words aligned by difflib and of its content words
  shared); and, for one named speaker in two statements the aligner put in one fact,
  whenever the words differ but share two content words and at least
  :data:`ONE_FACT_MIN_SHARED` of the shorter quote's, as written or as lemmas ("dreamed of
  playing for as a boy" / "always wanted to play for as a kid": club, play) (the
  explanation says so: the two are taken for one utterance because of the alignment);
- **misattributed**: any of the above with two known, incompatible speakers, if the
  words are verbatim or elided (at least :data:`MIN_MISATTRIBUTED_WORDS` words) or
  near-verbatim (difflib ratio at least :data:`NEAR_VERBATIM`); two different people
  saying merely similar things are not compared at all. An unquoted statement that gives
  the words to someone else (a name as the subject of a speech verb, :func:`_reporters`,
  that :func:`same_speaker` tells apart from the quote's speaker: "Commissioner Daniel Okonkwo
  warned that ..." against a quote of Colin Marsh) is misattributed only when that name is
  a person's (a PERSON entity) and the clauses it reports tell the quote near verbatim
  (the same ratio, the diff against those clauses); otherwise it is nothing to that
  quote, not even a paraphrase;
- **paraphrased**: a quote and a statement of another source without quotes that names
  no other speaker for them (see above), when the two share a fact and at least
  :data:`PARAPHRASE_FACT_MIN_SHARED` content lemmas; or, as a lexical fallback that works
  without the aligner, when that statement is the other source's best match and holds at
  least :data:`PARAPHRASE_OVERLAP` of the quote's content lemmas,
  :data:`PARAPHRASE_MIN_SHARED` at least. Not reported for a source that also
  quotes the words, unless it quotes only part of them: the lexical rule is then tried
  with the content lemmas of the words its quotes leave out ("“…,” Ortiz said." then
  "The judge said the thefts had forced Dunmore to shutter libraries ..."). A paraphrase
  that negates a main predicate the quote states (or the reverse: "“Our grid is ready …”"
  and "Hale said the grid was not ready …") is
  **altered** instead, with the predicate named; so is one that gives a typed value
  (money, percent, quantity, count, tally, resolved date) that conflicts with the quote's
  value of the same kind ("“We will hire 50 new officers”" and "Ruiz said the city would
  hire 500 new officers"; a relative date counts as resolved: "“Starting next year …”" in
  a 2024 letter against "starting in 2024"), with the two values named. Only the values
  inside the quotation marks and in the clauses the paraphrase reports are compared, so
  "said on Monday" is not one;
- **unsupported**: every other quote with a known speaker (stories of two or more
  sources only), so that none is dropped silently: no other source quotes these words or
  paraphrases them, though the other sources may tell the same fact. When another source
  quotes the same speaker in the same fact with words too unlike to be one quotation
  (below :data:`ONE_FACT_MIN_SHARED`), the explanation gives them as another remark ("In
  the same fact, beta:1 quotes Ruiz saying something else: “…”"), never as a version of
  this quote. Each quote of a statement is accounted for on its own.

``diff`` is the word diff ``[-old-] {+new+}`` from a's words to b's (long unchanged runs
shortened to "…") whenever the words differ, whatever the class: an elision shows what it
leaves out, a misattribution whether the words changed too, an altered paraphrase the
quote against the paraphrasing sentence. Verbatim quotes split into sentences differently
have none. Explanations name negators, hedges and conditionals that only one side has,
among the words both quote: a word in what the other side openly cuts (at its ellipsis, or
between the quotes of a quotation broken by narration) is not one it lacks.

One finding per pair of statements (the closest pair of their quotes), and one per
unsupported quote, never within one source; ``a`` is the statement that comes first by
(source, index), except for paraphrases (and altered paraphrases), where ``a`` holds the
quote. Findings are sorted by ``a``, then ``b``.

Known gaps: guillemets are not read; a single-quoted quotation closed by a plural
possessive before a lower-case word ("… the workers' he said") ends at the last such mark
of its paragraph, so a possessive after the real close ("the bosses' group") overruns it;
nested quotes
are flattened; a pronoun whose antecedent the text never gives a gender fits anyone;
"it said" for a company is not resolved.
"""

from __future__ import annotations

import difflib
import re
from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field, replace

from factcheck.extract import comparable, compatible, same_name
from factcheck.textdiff import word_diff
from factcheck.types import (
    NUMERIC_KINDS,
    Block,
    CleanArticle,
    Fact,
    Quote,
    QuoteClass,
    QuoteFinding,
    Statement,
    Token,
    Value,
    ValueKind,
)

__all__ = [
    "ALTERED_COVERAGE",
    "ALTERED_JACCARD",
    "CONDITIONALS",
    "ELLIPSIS_CONTEXT_WORDS",
    "HEDGES",
    "MIN_MATCH_WORDS",
    "MIN_MISATTRIBUTED_WORDS",
    "MIN_SHORTENED_WORDS",
    "NEAR_VERBATIM",
    "NEGATORS",
    "ONE_FACT_MIN_SHARED",
    "PARAPHRASE_FACT_MIN_SHARED",
    "PARAPHRASE_MIN_SHARED",
    "PARAPHRASE_OVERLAP",
    "SCARE_QUOTE_MAX_WORDS",
    "SPEECH_VERBS",
    "attach_quotes",
    "compare_quotes",
    "find_spans",
    "same_speaker",
]

#: A quoted span of at most this many words, with no attribution touching it, is a scare
#: quote ("personal superintelligence"), not a quotation.
SCARE_QUOTE_MAX_WORDS = 3
#: Quotes shorter than this (in words) are never compared.
MIN_MATCH_WORDS = 3
#: A quote that is a contiguous part of another needs this many words to count as elided.
MIN_SHORTENED_WORDS = 4
#: Words on each side of an ellipsis that, found side by side in the other source's
#: quoted words, show the ellipsis leaves nothing out (:func:`_omits`).
ELLIPSIS_CONTEXT_WORDS = 3
#: The same words from two different speakers need this many words to be a misattribution
#: (short phrases are said by many people).
MIN_MISATTRIBUTED_WORDS = 5
#: Jaccard index of two quotes' content words from which they are one quote, altered.
ALTERED_JACCARD = 0.5
#: Share of the shorter quote's words (aligned by difflib) and of its content words found
#: in the longer one from which a shortened quote with changed words is altered.
ALTERED_COVERAGE = 0.7
#: Share of the shorter quote's content words (as written, or as lemmas) the other must
#: hold for two quotes of one speaker, in statements aligned as one fact, to be one
#: quotation altered even below the thresholds above: a reworded quote keeps what it is
#: about ("The decision was rushed and it ignored the workers" / "... hasty and it betrayed
#: the workers"; "the club I dreamed of playing for" / "the club I always wanted to play
#: for": club, play); two remarks on one
#: topic share only their frame ("We expect to close two branch offices this year" / "We
#: expect to hire twelve new librarians this year").
ONE_FACT_MIN_SHARED = 0.5
#: difflib ratio of two word lists from which an altered quote is near-verbatim (enough to
#: call a different speaker a misattribution).
NEAR_VERBATIM = 0.8
#: Share of a quote's content lemmas that an unquoted statement must hold to paraphrase it
#: when the aligner did not put the two in one fact.
PARAPHRASE_OVERLAP = 0.5
#: ... and the fewest shared content lemmas for that.
PARAPHRASE_MIN_SHARED = 4
#: Content lemmas a quote must share with an unquoted statement of its fact to be
#: paraphrased by it: facts are aligned on whole sentences, so this keeps a loosely aligned
#: sentence that shares nothing of the quoted words from counting.
PARAPHRASE_FACT_MIN_SHARED = 2

#: Lemmas of verbs that attribute a quotation to their subject.
SPEECH_VERBS = frozenset(
    {
        "say",
        "write",
        "tell",
        "explain",
        "add",
        "state",
        "note",
        "argue",
        "claim",
        "insist",
        "affirm",
        "reiterate",
        "remark",
        "declare",
        "acknowledge",
        "admit",
        "warn",
        "predict",
        "comment",
        "reply",
        "respond",
        "conclude",
        "recall",
        "maintain",
        "emphasize",
        "emphasise",
        "stress",
        "observe",
        "ask",
        "tweet",
        "post",
        "counter",
        "concede",
        "confirm",
        "call",
        "describe",
        "quip",
        "joke",
        "answer",
        "contend",
        "assert",
        "vow",
        "promise",
        "boast",
    }
)

_OPEN_CURLY, _CLOSE_CURLY, _STRAIGHT = "“", "”", '"'
_SINGLE_OPEN = "‘"
#: Marks that may open a single-quoted quotation (’ is an apostrophe when it opens a word).
_SINGLE_OPENERS = "'‘"
#: Marks that may close one (‘ never does).
_SINGLE_CLOSERS = "'’"
#: Characters after which a single quotation may open, besides a space.
_BEFORE_OPENING = '([{“"—–/'
#: Characters right after a closing single mark.
_AFTER_CLOSING = ',.;:!?)]}—–…"”'
#: Words that begin with an apostrophe and are not quotations: decades and years ('90s,
#: '08), and elisions written in lower case ('em, 'n', 'tis, 'twas, 'cause, 'til, 'bout).
_ELISION = re.compile(r"\d\d(?:s|\b)|(?:em|n|tis|twas|cause|cos|til|till|bout|round)\b")
_WORD = re.compile(r"[^\W_]+(?:['’][^\W_]+)*")
_ELLIPSIS = re.compile(r"…|\.\s?\.\s?\.")
_POSSESSIVE = re.compile(r"(?:'s|(?<=s)')$")
_DETERMINERS = frozenset({"a", "an", "the"})
_SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass"})
#: Dependents kept when a subject is read as a noun phrase ("a Meta spokesperson").
_NP_DEPS = frozenset({"det", "compound", "amod", "poss", "case", "nmod", "nummod", "flat"})
_RESOLVED_PRONOUNS = frozenset({"he", "she", "him", "her", "his"})
#: The gender each resolved pronoun marks: a person the text calls "she" is not the
#: antecedent of "he", and the reverse.
_PRONOUN_GENDERS: dict[str, str] = {"he": "m", "him": "m", "his": "m", "she": "f", "her": "f"}
#: Lemmas of verbs only a person does (bodily and courtroom acts, not speech: companies and
#: governments "say", "write" and "apologize" too). A proper noun that is the subject of
#: one is a person even when spaCy labels it a place or an organisation ("Vail, wearing a
#: gray suit, stood and addressed the court": the small model tags "Vail" a GPE).
_PERSON_VERBS = frozenset(
    {
        "stand", "sit", "rise", "kneel", "walk", "wear", "smile", "grin", "laugh", "weep",
        "cry", "sob", "nod", "shrug", "frown", "sigh", "gasp", "hug", "wave", "blink",
        "wipe", "testify",
    }
)  # fmt: skip
#: Nouns for a person's role or standing: a proper noun with one as its appositive
#: ("Vail, 58, a former treasurer") is a person, whatever spaCy's label.
_PERSON_NOUNS = frozenset(
    {
        "treasurer", "clerk", "prosecutor", "defendant", "lawyer", "attorney", "judge",
        "juror", "witness", "victim", "resident", "student", "teacher", "professor",
        "engineer", "doctor", "nurse", "officer", "detective", "pilot", "captain",
        "passenger", "driver", "worker", "employee", "investigator", "scientist",
        "researcher", "economist", "analyst", "spokesperson", "spokesman", "spokeswoman",
        "official", "executive", "aide", "adviser", "advisor", "mayor", "governor",
        "senator", "minister", "president", "commissioner", "councillor", "councilor",
        "councilman", "councilwoman", "director", "manager", "founder", "owner", "chairman",
        "chairwoman", "father", "mother", "son", "daughter", "husband", "wife", "widow",
        "man", "woman", "veteran", "candidate", "coach", "player",
    }
)  # fmt: skip
#: Oldest age an appositive number may give ("Vail, 58, ...").
_MAX_AGE = 120
_RELATIVE_PRONOUNS = frozenset({"who", "that", "which"})
#: Nouns naming what someone said or wrote: their possessor is the speaker.
_UTTERANCE_NOUNS = frozenset(
    {
        "statement",
        "letter",
        "comment",
        "remark",
        "word",
        "post",
        "memo",
        "note",
        "email",
        "message",
        "blog",
        "tweet",
        "essay",
        "speech",
        "announcement",
        "interview",
        "testimony",
        "response",
        "reply",
    }
)
#: Role nouns that stand in for a person; keys of one family name one role.
_ROLE_FAMILIES: dict[str, str] = {
    "spokesperson": "spokesperson",
    "spokesman": "spokesperson",
    "spokeswoman": "spokesperson",
    "representative": "spokesperson",
    "rep": "spokesperson",
    "official": "official",
    "officials": "official",
    "executive": "executive",
    "source": "source",
    "sources": "source",
    "aide": "aide",
    "adviser": "adviser",
    "advisor": "adviser",
    "analyst": "analyst",
    "mayor": "mayor",
    "minister": "minister",
    "president": "president",
    "ceo": "ceo",
    "chief": "chief",
    "director": "director",
    "manager": "manager",
    "chair": "chair",
    "chairman": "chair",
    "chairwoman": "chair",
    "governor": "governor",
    "senator": "senator",
    "secretary": "secretary",
    "lawyer": "lawyer",
    "attorney": "lawyer",
}
#: Lower-case words before a role noun that do not say which office it is, so two roles
#: that differ only in them may be one person: rank and standing ("a senior official", "a
#: top aide", "the former mayor", "an unnamed source"), and the place or body an office
#: sits in, which outlets name loosely ("the city's mayor", "the town mayor", "a company
#: spokesperson", "a department official"). Every other lower-case qualifier names the
#: office ("the fire chief", "the police chief", "the school superintendent", "the foreign
#: minister"), and two roles whose such qualifiers differ are two people. Possessive
#: pronouns and hyphenated words ("high-ranking", "then-mayor") count as descriptors too.
_ROLE_DESCRIPTORS = frozenset(
    {
        # rank and standing
        "senior", "top", "junior", "chief", "head", "lead", "deputy", "assistant",
        "associate", "acting", "interim", "former", "ex", "outgoing", "incoming", "retired",
        "longtime", "veteran", "new", "then", "current", "sitting", "elected", "appointed",
        "unnamed", "anonymous", "other", "another", "one", "two", "three", "several",
        "some", "many", "key", "close", "high", "ranking", "trusted", "knowledgeable",
        "informed", "reliable", "official",
        # where the office sits
        "local", "regional", "national", "federal", "municipal", "provincial", "city",
        "town", "village", "county", "state", "district", "borough", "parish", "province",
        "country", "government", "administration", "department", "office", "agency",
        "company", "firm", "corporation", "business", "organisation", "organization",
        "group",
    }
)  # fmt: skip
#: Possessive pronouns before a role noun ("his spokesman").
_POSSESSIVE_PRONOUNS = frozenset({"his", "her", "their", "its", "our", "my", "your"})
#: Honorifics written before a name ("Dr. Chen", "Ms. Whitfield"), by the gender they mark
#: ("" for none). Dropped from a name before the alias rule; two different genders
#: ("Mr. Whitfield", "Mrs. Whitfield") may be two people of one surname.
_HONORIFICS: dict[str, str] = {
    "mr": "m",
    "sir": "m",
    "lord": "m",
    "mrs": "f",
    "ms": "f",
    "miss": "f",
    "dame": "f",
    "lady": "f",
    "mx": "",
    "dr": "",
    "doctor": "",
    "prof": "",
    "professor": "",
    "rev": "",
    "reverend": "",
    "fr": "",
    "father": "",
    "rabbi": "",
    "imam": "",
    "hon": "",
}
#: Office titles written before a name ("Mayor Ruiz", "Sen. Vega", "Officer Tom Hale"), by
#: office (the :data:`_ROLE_FAMILIES` family where there is one). Dropped from a name before
#: the alias rule and kept as its role: "the city's mayor" is "Mayor Ruiz"; two names of
#: one surname with different offices ("Judge Ruiz", "Mayor Ruiz") may be two people.
_OFFICE_TITLES: dict[str, str] = {
    "mayor": "mayor",
    "president": "president",
    "premier": "premier",
    "chancellor": "chancellor",
    "minister": "minister",
    "secretary": "secretary",
    "sen": "senator",
    "senator": "senator",
    "rep": "representative",
    "representative": "representative",
    "congressman": "representative",
    "congresswoman": "representative",
    "gov": "governor",
    "governor": "governor",
    "councillor": "councillor",
    "councilor": "councillor",
    "councilman": "councillor",
    "councilwoman": "councillor",
    "alderman": "councillor",
    "commissioner": "commissioner",
    "ambassador": "ambassador",
    "judge": "judge",
    "justice": "judge",
    "sheriff": "sheriff",
    "officer": "officer",
    "constable": "officer",
    "detective": "detective",
    "det": "detective",
    "sergeant": "sergeant",
    "sgt": "sergeant",
    "inspector": "inspector",
    "superintendent": "superintendent",
    "supt": "superintendent",
    "chief": "chief",
    "gen": "general",
    "general": "general",
    "col": "colonel",
    "colonel": "colonel",
    "maj": "major",
    "capt": "captain",
    "captain": "captain",
    "lt": "lieutenant",
    "lieutenant": "lieutenant",
    "cmdr": "commander",
    "commander": "commander",
    "adm": "admiral",
    "admiral": "admiral",
    "bishop": "bishop",
    "archbishop": "archbishop",
    "cardinal": "cardinal",
    "pope": "pope",
    "king": "king",
    "queen": "queen",
    "prince": "prince",
    "princess": "princess",
    "coach": "coach",
}
#: Lower-case words inside a name proper ("Ursula von der Leyen").
_NAME_PARTICLES = frozenset(
    {"de", "da", "del", "della", "di", "du", "van", "von", "der", "den", "la", "le", "bin", "ibn"}
)
#: Generic nouns for an organisation, by family ("the company", "the agency", "police").
#: Like a person's role noun, such a speaker against a name ("Northwind", "the Federal
#: Aviation Administration", "Officer Tom Hale") may be the same, so it is never a
#: misattribution.
_ORGANISATION_NOUNS: dict[str, str] = {
    "company": "company",
    "firm": "company",
    "corporation": "company",
    "business": "company",
    "startup": "company",
    "carrier": "company",
    "airline": "company",
    "bank": "company",
    "utility": "company",
    "operator": "company",
    "manufacturer": "company",
    "retailer": "company",
    "agency": "agency",
    "regulator": "agency",
    "authority": "authority",
    "department": "department",
    "ministry": "department",
    "office": "office",
    "government": "government",
    "administration": "administration",
    "council": "council",
    "city": "city",
    "county": "county",
    "state": "state",
    "police": "police",
    "union": "union",
    "board": "board",
    "committee": "committee",
    "commission": "commission",
    "court": "court",
    "prosecutors": "prosecutors",
    "campaign": "campaign",
    "party": "party",
    "school": "school",
    "district": "district",
    "university": "university",
    "college": "college",
    "hospital": "hospital",
    "club": "club",
    "team": "team",
    "league": "league",
    "group": "group",
    "organisation": "organisation",
    "organization": "organisation",
    "charity": "organisation",
    "army": "military",
    "military": "military",
}
#: Function words an acronym skips ("Department of Transportation" -> "DOT").
_ACRONYM_SKIPPED = frozenset({"of", "and", "for", "the", "on", "in", "&"})
#: Words that negate what they govern. A shortened quote that leaves one out where it
#: governs the words kept reverses them ("It is not true that we will cut pensions" ->
#: "we will cut pensions"): altered, not elided. Written forms ending in "n't" count too.
NEGATORS = frozenset(
    {"not", "n't", "never", "no", "neither", "nor", "nobody", "nothing", "none", "cannot"}
)
#: Words that hedge what they govern; leaving one out makes a possibility a certainty.
HEDGES = frozenset({"may", "might", "could", "perhaps", "possibly", "maybe", "probably"})
#: Words that make what they govern a condition; leaving one out drops the condition.
CONDITIONALS = frozenset({"if", "unless"})
_MEANING_WORDS = NEGATORS | HEDGES | CONDITIONALS
#: Words that open a new clause: without a parse, a negator or hedge beyond one does not
#: govern the words on the other side.
_CLAUSE_BREAKS = frozenset(
    {"and", "but", "or", "so", "yet", "while", "whereas", "although", "though", "because"}
)
#: Dependency relations a governing word does not reach across (coordination).
_SCOPE_BREAK_DEPS = frozenset({"conj", "parataxis", "appos"})
#: Relations by which a word hangs on the predicate side of its head: the complement of a
#: copula ("is not [the answer]", "is not [ready]"), a clausal complement ("It is not true
#: [that we will cut]", "we do not plan [to raise taxes]") or a particle. A dropped negator
#: or hedge changes the kept words only when they reach its head this way (or hold the
#: head itself); a subject or an object kept alone ("[Raising taxes] is not the answer")
#: says nothing the negator denied.
_PREDICATE_DEPS = frozenset({"acomp", "attr", "oprd", "xcomp", "ccomp", "prt"})
#: Verbs that stand for their complement as a predicate ("is ready" -> "ready").
_COPULAS = frozenset({"be", "become", "remain", "seem", "stay", "appear"})
#: The complements they take.
_COMPLEMENT_DEPS = frozenset({"acomp", "attr", "oprd", "xcomp"})
#: Arguments whose negative form negates their clause ("nobody", "no delays").
_ARGUMENT_DEPS = frozenset({"nsubj", "nsubjpass", "dobj"})
_CONTENT_POS = frozenset({"NOUN", "PROPN", "VERB", "ADJ", "ADV", "NUM"})
_STOPWORD_TEXT = """
    a about above after again against all also am an and any are as at be been before
    being below between both but by can could did do does doing down during each few for
    from further had has have having he her here hers herself him himself his how i if in
    into is it its itself just me more most my myself no nor not now of off on once only or
    other our ours ourselves out over own same she should so some such than that the their
    theirs them themselves then there these they this those through to too under until up
    very was we were what when where which while who whom why will with would you your
    yours yourself yourselves 's n't not say said says will 'll 're 've 'd don't doesn't
    isn't aren't wasn't weren't hasn't haven't hadn't won't wouldn't can't cannot couldn't
    shouldn't we'll we're we've i'm it's that's there's let's may might must shall"""
_STOPWORDS = frozenset(_STOPWORD_TEXT.split())

# --------------------------------------------------------------------------------------
# Finding quotations
# --------------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class _Sent:
    """A statement placed in its paragraph: ``offset`` is where its text starts in it."""

    st: Statement
    offset: int

    @property
    def end(self) -> int:
        return self.offset + len(self.st.text)


@dataclass(frozen=True, slots=True)
class _Attribution:
    speaker: str | None
    verb: str | None
    adjacent: bool = False  # only punctuation between the attribution and the quote
    bare: bool = False  # a speech verb without a readable subject


@dataclass(frozen=True, slots=True)
class _Source:
    """One source's statements in reading order, placed in their paragraphs, and what
    "he"/"she" may refer to: the named speakers found so far per statement ID, the PERSON
    entities of the whole source, and the genders its pronouns give named people
    (:func:`_learn_genders`)."""

    sents: Sequence[_Sent]
    position: dict[str, int]
    named: dict[str, list[str]]
    paragraph: dict[str, int] = field(default_factory=dict)  # statement ID -> paragraph
    #: The words of each PERSON entity's name (:func:`_speaker_key`), by each of its words.
    persons: dict[str, list[frozenset[str]]] = field(default_factory=dict)
    quoted: dict[str, list[tuple[int, int]]] = field(default_factory=dict)  # per statement
    #: (name, gender, weight) of :func:`_learn_genders`, by surname (:func:`_surnames`).
    genders: dict[str, list[tuple[str, str, int]]] = field(default_factory=dict)


def _surnames(name: str) -> set[str]:
    """The last words of a name's keys (:func:`_speaker_key`, the name proper's), under
    which its gender evidence is filed: two names :func:`_alias` calls one person share
    one, unless one is a first name alone ("Ana" and "Ana Ruiz"), whose evidence is then
    not found (a pronoun fits more people, never fewer)."""
    keys = (_speaker_key(name), _name(name).key)
    return {words[-1] for k in keys if (words := [w for w in re.split(r"[\s\-]+", k) if w])}


def _double_spans(text: str) -> list[tuple[int, int]]:
    """Double-quoted spans, between the marks (a quote left open runs to the end)."""
    spans: list[tuple[int, int]] = []
    start: int | None = None
    for i, ch in enumerate(text):
        if ch == _OPEN_CURLY:
            start = i + 1  # a second opening mark restarts an unclosed quote
        elif ch == _CLOSE_CURLY:
            if start is not None:
                spans.append((start, i))
                start = None
        elif ch == _STRAIGHT:
            if start is None:
                start = i + 1
            else:
                spans.append((start, i))
                start = None
    if start is not None:
        spans.append((start, len(text)))
    return spans


def _single_opens(text: str, i: int) -> bool:
    """``text[i]`` opens a single-quoted quotation: ' or ‘ at the start or after a space or
    opening punctuation, before a word, and not an elision ('90s, 'em, rock 'n' roll)."""
    if text[i] not in _SINGLE_OPENERS:
        return False
    if i > 0 and not text[i - 1].isspace() and text[i - 1] not in _BEFORE_OPENING:
        return False
    if i + 1 >= len(text) or not (text[i + 1].isalnum() or text[i + 1] in _OPEN_CURLY + "…"):
        return False
    return not _ELISION.match(text, i + 1)


def _single_closes(text: str, i: int) -> bool:
    """``text[i]`` closes a single-quoted quotation: ' or ’ after a non-space, before the
    end, a space or punctuation; not a plural possessive (the students' union: after "s",
    or a digit, and before a lower-case word, :func:`_may_close`)."""
    if text[i] not in _SINGLE_CLOSERS or i == 0 or text[i - 1].isspace():
        return False
    if i + 1 == len(text):
        return True
    after = text[i + 1]
    if after in _AFTER_CLOSING:
        return True
    if not after.isspace():
        return False
    return not _may_close(text, i)


def _may_close(text: str, i: int) -> bool:
    """``text[i]`` is a mark that reads as a plural possessive but may close a quotation:
    ' or ’ after "s" or a digit, then a space and a lower-case word ("the workers' union",
    or "‘… to the workers’ he said")."""
    return (
        text[i] in _SINGLE_CLOSERS
        and i > 0
        and (text[i - 1] in "sS" or text[i - 1].isdigit())
        and text[i + 1 : i + 2].isspace()
        and text[i + 1 :].lstrip()[:1].islower()
    )


def _single_spans(text: str, doubles: Sequence[tuple[int, int]]) -> list[tuple[int, int]]:
    """Single-quoted spans (British style), between the marks. Marks inside a double-quoted
    span are nested quotes or apostrophes and are skipped; a mark that neither opens nor
    closes by :func:`_single_opens` / :func:`_single_closes` is an apostrophe. An opening
    ‘ left open runs to the end only when it opens the paragraph (a quotation going on in
    the next one); otherwise it closes at the last possessive-looking mark after it
    (:func:`_may_close`: "called it ‘a gift to the developers’ and the council agreed"),
    if any, and is no quotation if none. A new opening mark closes an open quotation at
    such a mark first."""
    spans: list[tuple[int, int]] = []
    start: int | None = None
    maybe: int | None = None  # the last mark that may close the open quotation
    for i in range(len(text)):
        if any(s - 1 <= i < e + 1 for s, e in doubles):
            continue
        if _single_opens(text, i):
            if start is not None and maybe is not None:
                spans.append((start, maybe))
            start, maybe = i + 1, None
        elif start is not None and _single_closes(text, i):
            spans.append((start, i))
            start = maybe = None
        elif start is not None and _may_close(text, i):
            maybe = i
    if start is not None:
        if text[start - 1] == _SINGLE_OPEN and not text[: start - 1].strip():
            spans.append((start, len(text)))
        elif maybe is not None:
            spans.append((start, maybe))
    return spans


def find_spans(text: str) -> list[tuple[int, int]]:
    """Quoted spans of a paragraph, inside the marks and without edge whitespace, double-
    and single-quoted. A single-quoted span that holds double-quoted ones is the outer
    quotation (British nesting, ‘… “…” …’) and replaces them; one that crosses a
    double-quoted span is dropped."""
    doubles = _double_spans(text)
    singles = []
    for s, e in _single_spans(text, doubles):
        inner = [(ds, de) for ds, de in doubles if s < ds and de < e]
        crossing = [(ds, de) for ds, de in doubles if ds < e and s < de and (ds, de) not in inner]
        if not crossing:
            singles.append((s, e))
            doubles = [d for d in doubles if d not in inner]
    out = []
    for s, e in sorted([*doubles, *singles]):
        while s < e and text[s].isspace():
            s += 1
        while e > s and text[e - 1].isspace():
            e -= 1
        if _WORD.search(text, s, e):
            out.append((s, e))
    return out


def _words(text: str) -> list[str]:
    """Normalised words: case-folded, one apostrophe style, hyphenated words split."""
    return _WORD.findall(text.replace("’", "'").replace("‘", "'").casefold())


def _children(tokens: Sequence[Token], i: int) -> list[int]:
    return [j for j, t in enumerate(tokens) if t.head == i and j != i]


def _np_start(tokens: Sequence[Token], head: int) -> int:
    """Index of the first token of the noun phrase headed by ``head`` (its left modifiers)."""
    first = head
    stack = [head]
    while stack:
        i = stack.pop()
        for j in _children(tokens, i):
            if j < head and tokens[j].dep in _NP_DEPS:
                first = min(first, j)
                stack.append(j)
    return first


def _clean_name(text: str) -> str:
    """A speaker as written, minus a possessive; a sentence-initial article lower-cased."""
    text = _POSSESSIVE.sub("", text.replace("’", "'").strip(" ,;:")).strip()
    first, _, rest = text.partition(" ")
    if rest and first in ("A", "An", "The"):
        text = f"{first.lower()} {rest}"
    return text


def _noun_phrase(st: Statement, head: int) -> str | None:
    """The subject at ``head`` as written; for an utterance noun, its possessor
    ("Zuckerberg's letter" speaks for Zuckerberg; "the letter" names no one). A name the
    parse hangs on a role noun as an appositive with no comma between is part of the
    phrase ("hospital chief executive Dr. Lisa Chen"); one set off by a comma is not
    ("Paul Weiss, the director of ...")."""
    tokens = st.tokens
    if tokens[head].lemma.lower() in _UTTERANCE_NOUNS:
        owners = [j for j in _children(tokens, head) if tokens[j].dep == "poss"]
        if not owners or tokens[owners[0]].pos == "PRON":
            return None
        head = owners[0]
    start = tokens[_np_start(tokens, head)].start
    last = head
    if tokens[head].pos == "NOUN":
        for j in _children(tokens, head):
            first = tokens[_np_start(tokens, j)]
            gap = st.text[tokens[head].end : first.start]
            if (
                j > head
                and tokens[j].dep == "appos"
                and tokens[j].pos == "PROPN"
                and not gap.strip()
            ):
                last = j
    return _clean_name(st.text[start : tokens[last].end])


#: Parts of speech of the noun phrase after the verb of an inverted attribution read without
#: a parse subject ("said engineer Paul Weiss"; the small model may tag "engineer" a verb).
_INVERTED_SUBJECT_POS = frozenset({"DET", "ADJ", "NOUN", "PROPN", "VERB", "NUM"})
#: ... and its most tokens: a longer run is not a speaker phrase.
_INVERTED_SUBJECT_MAX_TOKENS = 6

#: Roles of a proper noun that may name a person another sentence calls "he" or "she".
_MENTION_DEPS = frozenset({"nsubj", "nsubjpass", "dobj", "pobj", "appos", "conj", "attr"})


def _is_person(src: _Source, st: Statement, i: int, name: str) -> bool:
    """Whether a proper noun spaCy labels a place or organisation is a person all the same:
    a subject that is part of the name of a PERSON entity of the source ("Vail" after
    "Dennis Vail"; not "Trump Tower" after "Trump") or that does what only people do
    (:data:`_PERSON_VERBS`: "Vail ... stood"); a noun set off by an age or a person noun
    (:data:`_PERSON_NOUNS`: "Vail, 58, a former treasurer"); or one the text calls "he"
    or "she" in a clause it reports ("Marsh said she ...", see :func:`_gender`). A plural
    ("Democrats") never is."""
    tokens = st.tokens
    tok = tokens[i]
    if tok.tag == "NNPS":
        return False
    if tok.dep in _SUBJECT_DEPS:
        words = set(_speaker_key(name).split())
        some = next(iter(words), "")
        if any(words <= person for person in src.persons.get(some, ())):
            return True
        if tokens[tok.head].lemma.lower() in _PERSON_VERBS:
            return True
    if _person_appositive(tokens, i):
        return True
    return _gender(src, name, least=_REPORTED_EVIDENCE) is not None


def _person_appositive(tokens: Sequence[Token], i: int) -> bool:
    """Whether token ``i`` is set off by an age or a person noun (:data:`_PERSON_NOUNS`):
    "Vail, 58, a former treasurer"."""
    for j in _children(tokens, i):
        kid = tokens[j]
        if kid.dep != "appos":
            continue
        if kid.text.isdigit() and 0 < int(kid.text) <= _MAX_AGE:
            return True
        if kid.pos == "NOUN" and kid.lemma.lower() in _PERSON_NOUNS:
            return True
    return False


def _people(src: _Source, st: Statement, before: int) -> list[str]:
    """People named in a statement before offset ``before``: PERSON entities, and proper
    nouns in a subject or object role that no other entity label claims, or that are
    people all the same (:func:`_is_person`; the small spaCy model misses many names:
    "Mayor Ana Ruiz opened ...", "Vail, wearing a gray suit, stood ...")."""
    names = [_clean_name(e.text) for e in st.entities if e.label == "PERSON" and e.end <= before]
    others = [(e.start, e.end) for e in st.entities if e.label != "PERSON"]
    for i, tok in enumerate(st.tokens):
        if tok.end > before or tok.pos != "PROPN":
            continue
        if tok.dep not in _MENTION_DEPS and not _person_appositive(st.tokens, i):
            continue  # a misparse may make the person the root: "Brill, 61, ..., asked"
        name = _noun_phrase(st, i)
        if not name or any(_alias(name, n) for n in names):
            continue
        claimed = any(s <= tok.start and tok.end <= e for s, e in others)
        if not claimed or _is_person(src, st, i, name):
            names.append(name)
    return names


def _looks_named(speaker: str) -> bool:
    """A speaker that is a name ("Mayor Ana Ruiz"), not a role ("a city spokesperson")."""
    words = speaker.split()
    return words[-1][:1].isupper() and words[-1].casefold() not in _ROLE_FAMILIES


#: Weight of the evidence for a person's gender, strongest first: an honorific of the name
#: ("Mrs. Whitfield"), a pronoun in a clause the person reports ("Marsh said she ..."), a
#: pronoun subject right after a sentence about the person (it may mean someone else:
#: "Marsh said she had read the letters." then "“…,” he said").
_HONORIFIC_EVIDENCE, _REPORTED_EVIDENCE, _NEXT_SENTENCE_EVIDENCE = 3, 2, 1


def _gender(src: _Source, name: str, *, least: int = 0) -> str | None:
    """The gender the source gives a named person (``"m"`` or ``"f"``): what most of its
    strongest kind of evidence says (the honorifics of the name, else the pronouns of
    :func:`_learn_genders`), None when there is none (of weight ``least`` at least) or it
    is split evenly."""
    # Each piece of evidence once (it is filed under each word of its name), and every one.
    learned = {id(e): e for word in _surnames(name) for e in src.genders.get(word, ())}
    evidence = [(g, w) for n, g, w in learned.values() if w >= least and _alias(n, name)]
    evidence += [(g, _HONORIFIC_EVIDENCE) for g in _name(name).genders]
    if not evidence:
        return None
    strongest = max(w for _, w in evidence)
    ranked = Counter(g for g, w in evidence if w == strongest).most_common(2)
    if len(ranked) == 2 and ranked[0][1] == ranked[1][1]:
        return None
    return ranked[0][0]


def _person_before(src: _Source, current: int, pos: int, pronoun: str) -> str | None:
    """The person named nearest before ``pos`` of statement ``current`` that ``pronoun``
    may refer to, if unambiguous: the people named in the nearest statement that names
    any (see :func:`_people`; named speakers of its quotes count too), less those whose
    gender (:func:`_gender`) the pronoun contradicts, must all be one name. When that
    leaves no one, the search goes on, but only back to the paragraph before the
    pronoun's: a pronoun no fitting person is near is left unresolved rather than given
    to the wrong one."""
    want = _PRONOUN_GENDERS.get(pronoun)
    floor: int | None = None  # the earliest paragraph left to search, once a name misfit
    for k in range(current, -1, -1):
        st = src.sents[k].st
        if floor is not None and src.paragraph.get(st.id, floor) < floor:
            return None
        names = _people(src, st, pos if k == current else len(st.text))
        if k < current:
            names += [n for n in src.named.get(st.id, []) if _looks_named(n)]
        if not names:
            continue
        fitting = [n for n in names if want is None or _gender(src, n) in (None, want)]
        if not fitting:
            if floor is None:
                here = src.paragraph.get(src.sents[current].st.id, 0)
                floor = here - 1
            continue
        if all(_alias(fitting[0], n) for n in fitting[1:]):
            return fitting[-1]
        return None
    return None


def _shared_subject(tokens: Sequence[Token], verb: int) -> int | None:
    """The subject of a verb that has none of its own but shares one: a conjunct's ("Vail
    stood and said") or, for a participle clause, the subject of the verb it hangs on
    ("Vail apologized, saying ..."): the chain of such heads is followed up."""
    i = verb
    while tokens[i].dep == "conj" or (tokens[i].dep == "advcl" and tokens[i].tag == "VBG"):
        i = tokens[i].head
        subjects = [j for j in _children(tokens, i) if tokens[j].dep in _SUBJECT_DEPS]
        if subjects:
            return subjects[0]
        if tokens[i].head == i:
            break
    return None


def _quoted_token(src: _Source, st: Statement, i: int) -> bool:
    tok = st.tokens[i]
    return any(s <= tok.start and tok.end <= e for s, e in src.quoted.get(st.id, ()))


def _root_subject(tokens: Sequence[Token]) -> int | None:
    root = next((i for i, t in enumerate(tokens) if t.head == i), None)
    if root is None:
        return None
    return next((j for j in _children(tokens, root) if tokens[j].dep in _SUBJECT_DEPS), None)


def _named_subject(src: _Source, k: int, subject: int | None, before: int) -> str | None:
    """The name of a proper-noun subject of statement ``k`` (outside quotation marks), if it
    is the only person the statement names before offset ``before``."""
    st = src.sents[k].st
    if subject is None or st.tokens[subject].pos != "PROPN" or _quoted_token(src, st, subject):
        return None
    name = _noun_phrase(st, subject)
    if not name or not all(_alias(name, n) for n in _people(src, st, before)):
        return None
    return name


def _learn_genders(src: _Source) -> list[tuple[str, str, int]]:
    """(name, gender, weight) for each "he" or "she" outside quotation marks that refers
    to a named person, in two places (the second is weaker evidence, see
    :data:`_NEXT_SENTENCE_EVIDENCE`):

    - the subject of a clause that person reports: "Marsh said [she had received ...]"
      (the verb's own subject, or the one it shares: "Vail apologized, saying [he was
      ...]");
    - the subject of a sentence that names no one before it, right after a sentence whose
      subject is that person: "Vail, wearing a gray suit, stood ..." then "“…,” he said".

    The person must be the only one named in that sentence before the pronoun (in the
    second case, in the sentence before). A possessive ("his lawyers") is no evidence: it
    often means the other person of the story.
    """
    out: list[tuple[str, str, int]] = []
    for k, sent in enumerate(src.sents):
        tokens = sent.st.tokens
        for i, tok in enumerate(tokens):
            gender = _PRONOUN_GENDERS.get(tok.text.lower())
            if gender is None or tok.dep not in _SUBJECT_DEPS or _quoted_token(src, sent.st, i):
                continue
            clause = tok.head
            name, weight = None, _REPORTED_EVIDENCE
            if tokens[clause].dep == "ccomp":
                matrix = tokens[clause].head
                own = [j for j in _children(tokens, matrix) if tokens[j].dep in _SUBJECT_DEPS]
                subject = own[0] if own else _shared_subject(tokens, matrix)
                if subject is not None and subject < i:
                    name = _named_subject(src, k, subject, tok.start)
            elif tokens[clause].head == clause and k > 0 and not _people(src, sent.st, tok.start):
                before = src.sents[k - 1].st
                name = _named_subject(src, k - 1, _root_subject(before.tokens), len(before.text))
                weight = _NEXT_SENTENCE_EVIDENCE
            if name:
                out.append((name, gender, weight))
    return out


def _speaker_of(src: _Source, current: int, subject: int, verb: int | None) -> str | None:
    """The speaker a subject names: a noun phrase as written, a resolved pronoun, the
    antecedent of "who", or None."""
    st = src.sents[current].st
    tok = st.tokens[subject]
    low = tok.text.lower()
    if tok.pos == "PRON" or low in _RELATIVE_PRONOUNS:
        if low in _RESOLVED_PRONOUNS:
            return _person_before(src, current, tok.start, low)
        if low in _RELATIVE_PRONOUNS and verb is not None and st.tokens[verb].dep == "relcl":
            return _noun_phrase(st, st.tokens[verb].head)  # "Ruiz, who said “…”"
        return None
    if tok.lemma.lower() in _UTTERANCE_NOUNS:
        owners = [j for j in _children(st.tokens, subject) if st.tokens[j].dep == "poss"]
        owner = st.tokens[owners[0]] if owners else None
        if owner is not None and owner.text.lower() in _RESOLVED_PRONOUNS:
            return _person_before(src, current, owner.start, owner.text.lower())  # "his letter"
    return _noun_phrase(st, subject)


def _inside(pos: int, end: int, spans: Sequence[tuple[int, int]]) -> bool:
    return any(s <= pos and end <= e for s, e in spans)


@dataclass(frozen=True, slots=True)
class _Candidate:
    """An attribution phrase in one statement, in paragraph coordinates. ``subject`` is the
    token index of its subject; ``phrase`` a speaker read without one; neither for a speech
    verb whose subject could not be read."""

    start: int
    end: int
    verb: str
    verb_index: int | None
    subject: int | None = None
    phrase: str | None = None


def _after_quote(text: str, pos: int, spans: Sequence[tuple[int, int]]) -> bool:
    """Only punctuation and spaces between the end of a quote (its mark) and ``pos``."""
    return any(e <= pos and not _WORD.search(text, e, pos) for _, e in spans)


def _inverted_subject(
    src: _Source, current: int, verb: int, spans: Sequence[tuple[int, int]]
) -> tuple[int, str] | None:
    """The speaker of an inverted attribution right after a quote, read from the words
    rather than the parse (which may miss the subject: "“…,” said engineer Paul Weiss of the
    county roads office" parses "engineer" as a verb): the noun phrase that follows the
    verb, up to a preposition, punctuation or clause word. Returns (end offset in the
    statement, phrase)."""
    sent = src.sents[current]
    tokens = sent.st.tokens
    run: list[int] = []
    for j in range(verb + 1, len(tokens)):
        tok = tokens[j]
        inside = _inside(sent.offset + tok.start, sent.offset + tok.end, spans)
        if inside or tok.pos not in _INVERTED_SUBJECT_POS or not tok.text[:1].isalnum():
            break
        run.append(j)
    while run and tokens[run[-1]].pos not in ("NOUN", "PROPN"):
        run.pop()
    if not run or len(run) > _INVERTED_SUBJECT_MAX_TOKENS:
        return None
    start, end = tokens[run[0]].start, tokens[run[-1]].end
    return end, _clean_name(sent.st.text[start:end])


def _candidates(
    text: str, src: _Source, current: int, spans: Sequence[tuple[int, int]]
) -> Iterable[_Candidate]:
    """Attributions in one statement, in paragraph coordinates; tokens inside quotes are
    quoted words, never one."""
    sent = src.sents[current]
    tokens = sent.st.tokens
    for i, tok in enumerate(tokens):
        if _inside(sent.offset + tok.start, sent.offset + tok.end, spans):
            continue
        lemma = tok.lemma.lower()
        if lemma in SPEECH_VERBS and tok.pos in ("VERB", "AUX"):
            verb = lemma
            kids = _children(tokens, i)
            subjects = [j for j in kids if tokens[j].dep in _SUBJECT_DEPS]
        elif lemma == "point" and tok.pos == "VERB":
            kids = _children(tokens, i)
            if not any(tokens[j].dep == "prt" and tokens[j].text.lower() == "out" for j in kids):
                continue
            verb = "point out"
            subjects = [j for j in kids if tokens[j].dep in _SUBJECT_DEPS]
        elif tok.text.lower() == "according" and i + 1 < len(tokens):
            to = i + 1
            if tokens[to].text.lower() != "to":
                continue
            objects = [j for j in _children(tokens, to) if tokens[j].dep == "pobj"]
            if not objects:
                continue
            obj = objects[0]
            yield _Candidate(
                sent.offset + tok.start, sent.offset + tokens[obj].end, "according to", None, obj
            )
            continue
        else:
            continue
        subjects = [
            j
            for j in subjects
            if not _inside(sent.offset + tokens[j].start, sent.offset + tokens[j].end, spans)
        ]
        if subjects:
            subject = subjects[0]
            first = tokens[_np_start(tokens, subject)]
            start = min(first.start, tok.start)
            end = max(tokens[subject].end, tok.end)
            yield _Candidate(sent.offset + start, sent.offset + end, verb, i, subject)
            continue
        shared = _shared_subject(tokens, i)  # "Vail apologized, saying ..."
        if shared is not None and not _inside(
            sent.offset + tokens[shared].start, sent.offset + tokens[shared].end, spans
        ):
            # The attribution is the verb: the subject belongs to another clause.
            start, end = sent.offset + tok.start, sent.offset + tok.end
            yield _Candidate(start, end, verb, i, shared)
            continue
        inverted = None
        if tok.tag != "VBG" and _after_quote(text, sent.offset + tok.start, spans):
            inverted = _inverted_subject(src, current, i, spans)
        if inverted is not None:
            end, phrase = inverted
            yield _Candidate(sent.offset + tok.start, sent.offset + end, verb, i, phrase=phrase)
        else:
            start, end = sent.offset + tok.start, sent.offset + tok.end
            yield _Candidate(start, end, verb, i)


def _attribute(
    text: str,
    src: _Source,
    overlapping: Sequence[int],
    span: tuple[int, int],
    spans: Sequence[tuple[int, int]],
) -> _Attribution | None:
    """The attribution nearest to ``span`` in the statements it overlaps. A speech verb
    whose subject could not be read counts only when there is no other: it gives no
    speaker, but keeps the quote from inheriting the previous one's (``bare``)."""
    best: tuple[bool, int, _Attribution] | None = None
    # Quote marks sit just outside a span; count them as part of it for adjacency.
    marks = [(max(0, s - 1), min(len(text), e + 1)) for s, e in spans]
    for k in overlapping:
        for c in _candidates(text, src, k, marks):
            if c.end <= span[0]:
                gap, between = span[0] - c.end, text[c.end : span[0]]
            elif c.start >= span[1]:
                gap, between = c.start - span[1], text[span[1] : c.start]
            else:
                gap, between = 0, ""
            bare = c.subject is None and c.phrase is None
            if c.subject is not None:
                speaker = _speaker_of(src, k, c.subject, c.verb_index)
            else:
                speaker = c.phrase
            adjacent = not _WORD.search(between)
            attribution = _Attribution(speaker, c.verb, adjacent=adjacent, bare=bare)
            if best is None or (bare, gap) < (best[0], best[1]):
                best = (bare, gap, attribution)
    return best[2] if best else None


def _lead_in(src: _Source, k: int, colon: int) -> _Attribution:
    """The attribution of a lead-in clause ending with the colon at ``colon`` (an offset in
    statement ``k``): its first subject whose verb is also before the colon ("A company
    spokesperson maintains ...:"), and that verb if it is a speech verb."""
    tokens = src.sents[k].st.tokens
    for j, tok in enumerate(tokens):
        head = tokens[tok.head]
        if tok.dep in _SUBJECT_DEPS and tok.end <= colon and head.end <= colon:
            lemma = head.lemma.lower()
            verb = lemma if lemma in SPEECH_VERBS else None
            return _Attribution(_speaker_of(src, k, j, tok.head), verb, adjacent=True)
    return _Attribution(None, None, adjacent=True)


def _place(block: Block, statements: Sequence[Statement]) -> list[_Sent]:
    """Where each statement of a block starts in the block's text."""
    index = {off: i for i, off in enumerate(block.offsets)}
    out = []
    for st in statements:
        pos = index.get(st.start)
        if pos is None or block.text[pos : pos + len(st.text)] != st.text:
            pos = block.text.find(st.text)
        if pos >= 0:
            out.append(_Sent(st, pos))
    return out


@dataclass(frozen=True, slots=True)
class _Paragraph:
    text: str
    sents: list[_Sent]


def _paragraphs(
    articles: Sequence[CleanArticle], statements: Sequence[Statement]
) -> Iterable[list[_Paragraph]]:
    """Per source, its paragraphs in reading order with their statements placed in them.

    Statements whose article or block is unknown become paragraphs of their own.
    """
    by_source: dict[str, dict[int, list[Statement]]] = defaultdict(lambda: defaultdict(list))
    for st in statements:
        by_source[st.source_id][st.block].append(st)
    seen: set[str] = set()
    for art in articles:
        source = art.article.source_id
        if source in seen or source not in by_source:
            continue
        seen.add(source)
        blocks = by_source[source]
        paras = []
        placed: set[str] = set()
        for block in art.blocks:
            sts = sorted(blocks.get(block.index, []), key=lambda s: s.index)
            sents = _place(block, sts)
            placed.update(s.st.id for s in sents)
            if sents:
                paras.append(_Paragraph(block.text, sents))
        rest = [st for sts in blocks.values() for st in sts if st.id not in placed]
        paras += [_Paragraph(st.text, [_Sent(st, 0)]) for st in rest]
        yield paras
    for source, blocks in by_source.items():
        if source not in seen:
            sts = sorted((st for b in blocks.values() for st in b), key=lambda s: s.index)
            yield [_Paragraph(st.text, [_Sent(st, 0)]) for st in sts]


def _lead_in_for(
    text: str,
    span: tuple[int, int],
    para: _Paragraph,
    src: _Source,
    previous_last: _Sent | None,
) -> _Attribution | None:
    """The colon lead-in of a span: a clause ending with ':' right before its opening mark,
    in the same paragraph or as the last statement of the previous one."""
    before = text[: span[0]].rstrip().rstrip(_OPEN_CURLY + _STRAIGHT + _SINGLE_OPENERS).rstrip()
    if before.endswith(":"):
        colon = len(before) - 1
        lead = next((s for s in para.sents if s.offset <= colon < s.end), None)
        if lead is not None:
            return _lead_in(src, src.position[lead.st.id], colon - lead.offset)
    elif not before and previous_last is not None:
        text = previous_last.st.text.rstrip()
        if text.endswith(":"):
            return _lead_in(src, src.position[previous_last.st.id], len(text) - 1)
    return None


def _pieces(
    text: str, span: tuple[int, int], para: _Paragraph, overlapping: Sequence[int]
) -> Iterable[tuple[_Sent, int, int]]:
    """The parts of a span inside each statement it overlaps, in paragraph coordinates."""
    for i in overlapping:
        sent = para.sents[i]
        s, e = max(span[0], sent.offset), min(span[1], sent.end)
        while s < e and text[s].isspace():
            s += 1
        while e > s and text[e - 1].isspace():
            e -= 1
        if _WORD.search(text, s, e):
            yield sent, s, e


def _quote_paragraphs(paras: Sequence[_Paragraph]) -> dict[str, list[Quote]]:
    """Quotes of one source's statements, by statement ID."""
    found: dict[str, list[Quote]] = defaultdict(list)
    all_sents = [s for p in paras for s in p.sents]
    quoted: dict[str, list[tuple[int, int]]] = defaultdict(list)
    for para in paras:
        for qs, qe in find_spans(para.text):
            for sent in para.sents:
                if sent.offset < qe and qs < sent.end:
                    quoted[sent.st.id].append(
                        (max(qs, sent.offset) - sent.offset, min(qe, sent.end) - sent.offset)
                    )
    src = _Source(
        all_sents,
        {s.st.id: i for i, s in enumerate(all_sents)},
        defaultdict(list),
        paragraph={s.st.id: n for n, p in enumerate(paras) for s in p.sents},
        quoted=quoted,
    )
    for placed in all_sents:
        for entity in placed.st.entities:
            if entity.label == "PERSON":
                words = frozenset(_speaker_key(_clean_name(entity.text)).split())
                for word in words:
                    src.persons.setdefault(word, []).append(words)
    for evidence in _learn_genders(src):  # learned with no genders known yet
        for word in _surnames(evidence[0]):
            src.genders.setdefault(word, []).append(evidence)
    previous_tail: _Attribution | None = None  # a quote in the last sentence of the last para
    previous_last: _Sent | None = None
    for para in paras:
        text = para.text
        spans = find_spans(text)
        last: _Attribution | None = None  # the last quote of this paragraph with a speaker
        tail: _Attribution | None = None
        for span in spans:
            overlapping = [
                i for i, s in enumerate(para.sents) if s.offset < span[1] and span[0] < s.end
            ]
            if not overlapping:
                continue
            first = para.sents[overlapping[0]]
            indices = [src.position[para.sents[i].st.id] for i in overlapping]
            attribution = _attribute(text, src, indices, span, spans)
            if attribution is None or attribution.bare:
                attribution = _lead_in_for(text, span, para, src, previous_last) or attribution
            inherited = False
            if attribution is None and not _WORD.search(text, first.offset, span[0]):
                attribution = last or previous_tail  # a continuation names no one
                inherited = attribution is not None
            speaker = attribution.speaker if attribution else None
            short = len(_words(text[span[0] : span[1]])) <= SCARE_QUOTE_MAX_WORDS
            touching = attribution is not None and (inherited or attribution.adjacent)
            if short and (speaker is None or not touching):
                continue  # a scare quote
            verb = attribution.verb if attribution else None
            for sent, s, e in _pieces(text, span, para, overlapping):
                found[sent.st.id].append(
                    Quote(text[s:e], s - sent.offset, e - sent.offset, speaker, verb)
                )
                if speaker is not None:
                    src.named[sent.st.id].append(speaker)
            if attribution is not None and speaker is not None:
                last = attribution
                if overlapping[-1] == len(para.sents) - 1:
                    tail = attribution
        previous_tail = tail
        previous_last = para.sents[-1]
    return found


def attach_quotes(
    articles: Sequence[CleanArticle], statements: Sequence[Statement]
) -> tuple[Statement, ...]:
    """Fill every statement's ``quotes`` (replacing any it had).

    Args:
        articles: the story's cleaned articles; their blocks give the paragraphs, so a
            quotation over several sentences is read whole. A statement whose article is
            missing is read alone.
        statements: parsed statements (tokens and entities are needed for speakers).

    Returns:
        The statements in the given order, each with its quotes sorted by offset::

            “We believe …,” wrote Zuckerberg. “That said, … open source.”
            -> (Quote("We believe …,", 1, 14, "Zuckerberg", "write"),)
               (Quote("That said, … open source.", 1, 26, "Zuckerberg", "write"),)
    """
    found: dict[str, list[Quote]] = {}
    for paras in _paragraphs(articles, statements):
        found.update(_quote_paragraphs(paras))
    return tuple(
        replace(st, quotes=tuple(sorted(found.get(st.id, []), key=lambda q: q.start)))
        for st in statements
    )


# --------------------------------------------------------------------------------------
# Speakers
# --------------------------------------------------------------------------------------


def _speaker_key(name: str) -> str:
    """Normalised speaker: case-folded, no possessives, no articles ("a Meta spokesperson"
    -> "meta spokesperson")."""
    words = [_POSSESSIVE.sub("", w) for w in name.replace("’", "'").casefold().split()]
    return " ".join(w for w in words if w and w not in _DETERMINERS)


def _title_key(word: str) -> str:
    """A word as looked up in the title lists: case-folded, no possessive, no dots."""
    return _POSSESSIVE.sub("", word.replace("’", "'").casefold()).strip(".,")


@dataclass(frozen=True, slots=True)
class _Name:
    """A named speaker split into its name proper and its titles ("Mayor Ana Ruiz" ->
    key "ana ruiz", offices {"mayor"}; "Meta CEO Mark Zuckerberg" -> "mark zuckerberg")."""

    words: tuple[str, ...]  # the name proper, as written
    offices: frozenset[str]  # role families of the office titles
    genders: frozenset[str]  # genders the honorifics mark

    @property
    def key(self) -> str:
        return " ".join(_title_key(w) for w in self.words)


def _name(speaker: str) -> _Name:
    """Split a named speaker. The name proper is the last run of capitalised words (name
    particles such as "van" allowed inside) that are neither titles nor role nouns, after
    any possessive; titles anywhere before it are kept as role information."""
    words = speaker.replace("’", "'").split()
    start = len(words)
    while start > 0:
        word = words[start - 1]
        key = _title_key(word)
        titled = key in _HONORIFICS or key in _OFFICE_TITLES or key in _ROLE_FAMILIES
        particle = key in _NAME_PARTICLES and start < len(words)
        if titled or _POSSESSIVE.search(word) or not (word[:1].isupper() or particle):
            break
        start -= 1
    while start < len(words) and _title_key(words[start]) in _NAME_PARTICLES:
        start += 1
    titles = [_title_key(w) for w in words[:start]]
    return _Name(
        words=tuple(w.strip(",") for w in words[start:]) or tuple(words),
        offices=frozenset(_OFFICE_TITLES[t] for t in titles if t in _OFFICE_TITLES),
        genders=frozenset(_HONORIFICS[t] for t in titles if _HONORIFICS.get(t)),
    )


def _is_acronym(short: Sequence[str], long: Sequence[str], *, caps: bool) -> bool:
    """``short`` is one word spelling the initials of ``long``'s words (function words
    such as "of" skipped): "FAA" and "Federal Aviation Administration". With ``caps`` the
    acronym must be written in capitals."""
    if len(short) != 1 or len(long) < 2:
        return False
    letters = short[0].replace(".", "")
    if len(letters) < 2 or not letters.isalpha() or (caps and not letters.isupper()):
        return False
    initials = "".join(w[0] for w in long if w.casefold() not in _ACRONYM_SKIPPED)
    return initials.casefold() == letters.casefold()


def _same_org(a: str, b: str) -> bool:
    """Two qualifiers ("meta", "faa") or names naming one organisation: the alias rule, or
    one is the acronym of the other."""
    wa, wb = a.split(), b.split()
    return same_name(a, b) or _is_acronym(wa, wb, caps=False) or _is_acronym(wb, wa, caps=False)


def _alias(a: str, b: str) -> bool:
    """Two named speakers one person by the alias rule, on the whole phrase or on the names
    proper ("Mayor Ruiz" and "Ana Ruiz", "Dr. Chen" and "Lisa Chen")."""
    return same_name(_speaker_key(a), _speaker_key(b), acronyms=False) or same_name(
        _name(a).key, _name(b).key, acronyms=False
    )


@dataclass(frozen=True, slots=True)
class _Role:
    """A speaker named by a role noun: a person's ("a Meta spokesperson") or an
    organisation's ("the company", "police")."""

    organisation: bool
    family: str
    qualifiers: str  # capitalised qualifiers, case-folded ("meta")
    kinds: frozenset[str] = frozenset()  # lower-case qualifiers naming the office ("fire")


def _role(name: str) -> _Role | None:
    """The role of a role speaker ("a Meta spokesperson" -> spokesperson, "meta"; "the
    fire chief" -> chief, kind "fire"), None for a named person or organisation. A role
    noun is one of :data:`_ROLE_FAMILIES`, or an office title ending the phrase in lower
    case or after an article ("the school superintendent", "the Sheriff"; not "Stephen
    King"). An organisation noun is generic only in lower case or alone
    ("the company", "The Agency"; not "Federal Aviation Administration"). Lower-case
    qualifiers are kept as kinds unless they are descriptors (:data:`_ROLE_DESCRIPTORS`)."""
    words = name.replace("’", "'").split()
    if not words:
        return None
    head = _title_key(words[-1])
    rest = [w for w in words[:-1] if w.casefold() not in _DETERMINERS]
    if head in _ROLE_FAMILIES:
        organisation, family = False, _ROLE_FAMILIES[head]
    elif head in _OFFICE_TITLES and (words[-1].islower() or words[0].casefold() in _DETERMINERS):
        organisation, family = False, _OFFICE_TITLES[head]
    elif head in _ORGANISATION_NOUNS and (words[-1].islower() or not rest):
        organisation, family = True, _ORGANISATION_NOUNS[head]
    else:
        return None
    qualifiers = [_POSSESSIVE.sub("", w).casefold() for w in rest if w[:1].isupper()]
    kinds = {
        _title_key(w) for w in rest if w[:1].islower() and "-" not in w and _title_key(w).isalpha()
    }
    kinds -= _ROLE_DESCRIPTORS | _POSSESSIVE_PRONOUNS
    return _Role(organisation, family, " ".join(qualifiers), frozenset(kinds))


def _same_role(a: _Role, b: _Role) -> bool | None:
    """Two roles of one family: their capitalised qualifiers must name one organisation
    ("Meta", "the FAA") and their kinds must not differ (one may add to the other: "the
    fire chief", "the city fire chief"). A name on one side against only a kind on the
    other ("an NYPD spokesperson", "a police spokesperson") cannot be told."""
    if a.qualifiers and b.qualifiers and not _same_org(a.qualifiers, b.qualifiers):
        return False
    if a.kinds and b.kinds and not (a.kinds <= b.kinds or b.kinds <= a.kinds):
        return False
    if any(
        x.qualifiers and not x.kinds and y.kinds and not y.qualifiers for x, y in ((a, b), (b, a))
    ):
        return None
    return True


def same_speaker(a: str | None, b: str | None) -> bool | None:
    """Whether two speakers, as written, are one: True, False, or None when it cannot be
    told.

    - Two names: the alias rule (:func:`~factcheck.extract.same_name`) on the whole
      phrases or on the names proper, titles and honorifics dropped (:data:`_HONORIFICS`,
      :data:`_OFFICE_TITLES`), or one an acronym of the other written in capitals ("FAA";
      "Ng" is no acronym of "Nancy Grant"). Titles that disagree ("Mr."
      and "Mrs.", "Judge" and "Mayor") leave a matching surname uncertain (None).
    - Two role nouns: one family with qualifiers that do not differ (:func:`_same_role`:
      "a Meta spokesperson" and "the spokesperson"; "the fire chief" and "the police
      chief" differ, "a senior official" and "a top official" do not, see
      :data:`_ROLE_DESCRIPTORS`); different person roles differ ("the mayor", "a
      spokesperson"); different organisation nouns, or a person's role and an
      organisation, cannot be told (organisations nest and speak through people).
    - A role noun and a name: one person when the name carries the role as a title ("the
      city's mayor", "Mayor Ruiz"), else None: "the company" may be Northwind, "police"
      may be Officer Tom Hale.

    Examples::

        same_speaker("Mark Zuckerberg", "Zuckerberg")              # True  (alias rule)
        same_speaker("Mayor Ruiz", "Ana Ruiz")                     # True  (title dropped)
        same_speaker("the FAA", "the Federal Aviation Administration")  # True (acronym)
        same_speaker("a Meta spokesperson", "A company spokesperson")  # True (one role)
        same_speaker("a Meta spokesperson", "a Google spokesperson")   # False
        same_speaker("the fire chief", "the police chief")         # False (two offices)
        same_speaker("the spokesperson", "Jane Doe")                # None  (may be one)
        same_speaker("the company", "Northwind")                    # None  (may be one)
        same_speaker("Mr. Whitfield", "Mrs. Whitfield")             # None  (two people?)
        same_speaker("Ana Ruiz", "Tom Hale")                        # False
    """
    if not a or not b:
        return None
    ka, kb = _speaker_key(a), _speaker_key(b)
    if not ka or not kb:
        return None
    ra, rb = _role(a), _role(b)
    if ra is not None and rb is not None:
        if ra.organisation != rb.organisation or ra.family != rb.family:
            return None if ra.organisation or rb.organisation else False
        return _same_role(ra, rb)
    if same_name(ka, kb, acronyms=False):  # case-folded keys: acronyms only in capitals, below
        return True
    if ra is not None or rb is not None:
        role, other = (ra, b) if ra is not None else (rb, a)
        assert role is not None
        return True if not role.organisation and role.family in _name(other).offices else None
    na, nb = _name(a), _name(b)
    acronym = _is_acronym(na.words, nb.words, caps=True) or _is_acronym(
        nb.words, na.words, caps=True
    )
    if not (same_name(na.key, nb.key, acronyms=False) or acronym):
        return False
    genders_differ = na.genders and nb.genders and not na.genders & nb.genders
    offices_differ = na.offices and nb.offices and not na.offices & nb.offices
    return None if genders_differ or offices_differ else True


# --------------------------------------------------------------------------------------
# Comparing quotations
# --------------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class _Q:
    """One quotation of one statement, with the forms the comparison needs: one quote, or
    several of one speaker joined (:func:`_joined`), whose ``quote`` then runs from the
    first to the last with the narration between them."""

    st: Statement
    quote: Quote
    raw: tuple[str, ...]  # words as written
    words: tuple[str, ...]  # normalised words, one per raw word
    spans: tuple[tuple[int, int], ...]  # each word's offsets in the statement
    pieces: tuple[tuple[str, ...], ...]  # normalised words between ellipses
    whole: tuple[str, ...]  # normalised words of the whole quotation (all its statements)
    content: frozenset[str]  # normalised words minus stopwords
    lemmas: frozenset[str]  # content lemmas, for paraphrase overlap
    parts: tuple[_Q, ...] = ()  # the quotes joined, when narration breaks the quotation
    stream: tuple[str, ...] = ()  # normalised words of every quote of its paragraph
    at: int = 0  # where its words start in ``stream``
    stream_gaps: frozenset[int] = frozenset()  # the ellipses of ``stream`` (word boundaries)

    @property
    def ellipsis(self) -> bool:
        return any(_ELLIPSIS.search(p.quote.text) for p in self.parts or (self,))

    @property
    def gapped(self) -> bool:
        """Whether the words come in pieces: an ellipsis, or narration between quotes."""
        return len(self.pieces) > 1 and (self.ellipsis or bool(self.parts))

    def covers(self, start: int, end: int) -> bool:
        """Whether statement offsets ``start``-``end`` are inside the quotation marks."""
        return any(p.quote.start <= start and end <= p.quote.end for p in self.parts or (self,))


@dataclass(frozen=True, slots=True)
class _Match:
    kind: QuoteClass
    ratio: float
    diff: str | None = None
    shorter: str | None = None  # statement ID of the shorter / elided side
    dropped: tuple[str, ...] = ()  # meaning words the shorter side leaves out
    loose: bool = False  # only one quotation if the two are known to be one utterance
    kept: frozenset[int] = frozenset()  # word indices of the longer side the shorter keeps


def _norm(word: str) -> str:
    return word.replace("’", "'").casefold()


def _meaning_word(word: str) -> bool:
    """A negator, hedge or conditional (:data:`NEGATORS`, :data:`HEDGES`,
    :data:`CONDITIONALS`; "haven't" and the like are negators)."""
    w = _norm(word)
    return w in _MEANING_WORDS or w.endswith("n't")


def _content_lemmas(st: Statement, start: int, end: int) -> frozenset[str]:
    if not st.tokens:
        return frozenset(w for w in _words(st.text[start:end]) if w not in _STOPWORDS)
    return frozenset(
        t.lemma.casefold()
        for t in st.tokens
        if start <= t.start
        and t.end <= end
        and t.pos in _CONTENT_POS
        and t.lemma.casefold() not in _STOPWORDS
        and any(c.isalnum() for c in t.text)
    )


def _quote_record(st: Statement, quote: Quote, whole: tuple[str, ...]) -> _Q:
    found = list(_WORD.finditer(quote.text))
    raw = tuple(m.group() for m in found)
    words = tuple(_norm(w) for w in raw)
    pieces = tuple(p for p in (tuple(_words(x)) for x in _ELLIPSIS.split(quote.text)) if p)
    return _Q(
        st=st,
        quote=quote,
        raw=raw,
        words=words,
        spans=tuple((quote.start + m.start(), quote.start + m.end()) for m in found),
        pieces=pieces,
        whole=whole,
        content=frozenset(w for w in words if w not in _STOPWORDS),
        lemmas=_content_lemmas(st, quote.start, quote.end),
    )


def _quote_records(statements: Sequence[Statement]) -> list[_Q]:
    """Every quote, with the words of its whole quotation: a quote running to the end of
    its statement continues in the next statement of the paragraph when that one opens
    inside the same quotation."""
    ordered = sorted(statements, key=lambda s: (s.source_id, s.index))
    groups: list[list[tuple[Statement, Quote]]] = []
    prev: Statement | None = None
    for st in ordered:
        for n, q in enumerate(st.quotes):
            continues = (
                n == 0
                and prev is not None
                and groups
                and prev.source_id == st.source_id
                and prev.block == st.block
                and prev.index + 1 == st.index
                and not st.text[: q.start].strip()
                and groups[-1][-1][0] is prev
                and not prev.text[groups[-1][-1][1].end :].strip()
            )
            if continues:
                groups[-1].append((st, q))
            else:
                groups.append([(st, q)])
        prev = st
    out = []
    for group in groups:
        whole = tuple(w for _, q in group for w in _words(q.text))
        out += [_quote_record(st, q, whole) for st, q in group]
    return _joined(_with_streams(out))


def _with_streams(records: Sequence[_Q]) -> list[_Q]:
    """Records with the quoted words of their paragraph (``stream``, every quote of the
    source's block in reading order, narration left out) and their place in it."""
    streams: dict[tuple[str, int], list[str]] = {}
    gaps: dict[tuple[str, int], set[int]] = {}
    at: list[int] = []
    for r in records:
        key = (r.st.source_id, r.st.block)
        words = streams.setdefault(key, [])
        at.append(len(words))
        gaps.setdefault(key, set()).update(_ellipses(replace(r, at=len(words))))
        words.extend(r.words)
    out = []
    for r, i in zip(records, at, strict=True):
        key = (r.st.source_id, r.st.block)
        out.append(replace(r, stream=tuple(streams[key]), at=i, stream_gaps=frozenset(gaps[key])))
    return out


#: Most words of narration that break one quotation in two ("“…,” she said from the
#: bench, “…”"); see :func:`_joined`.
BROKEN_QUOTE_MAX_WORDS = 5


def _breaks_one_quotation(narration: str) -> bool:
    """Whether the text between two quotes of a sentence is only an attribution that
    breaks one quotation: at most :data:`BROKEN_QUOTE_MAX_WORDS` words, ending with a
    comma, no sentence punctuation ("” she said, “"; not "” Ruiz said, adding that “",
    which opens a second quotation)."""
    text = narration.strip().strip("“”\"‘’'").strip()
    return (
        text.endswith(",")
        and not any(c in text for c in ".;:!?")
        and len(_WORD.findall(text)) <= BROKEN_QUOTE_MAX_WORDS
    )


def _joined(records: Sequence[_Q]) -> list[_Q]:
    """Records with each run of quotes of one named speaker in one statement that only an
    attribution breaks (:func:`_breaks_one_quotation`) joined into one quotation ("“You
    treated the county's funds as your private piggy bank,” she said, “and the people paid
    for it.”"): its quotes are its pieces, and it is compared whole, so one intact piece
    does not pass for a faithful trim of the other source's quotation while the other
    piece changes its words."""
    runs: list[list[_Q]] = []
    for r in records:
        last = runs[-1][-1] if runs else None
        if (
            last is not None
            and last.st is r.st
            and r.quote.speaker is not None
            and r.quote.speaker == last.quote.speaker
            and _breaks_one_quotation(r.st.text[last.quote.end : r.quote.start])
        ):
            runs[-1].append(r)
        else:
            runs.append([r])
    out = []
    for run in runs:
        if len(run) == 1:
            out.append(run[0])
            continue
        opening, closing = run[0].quote, run[-1].quote
        st = run[0].st
        wholes = list(dict.fromkeys(r.whole for r in run))
        out.append(
            _Q(
                st=st,
                quote=replace(opening, text=st.text[opening.start : closing.end], end=closing.end),
                raw=tuple(w for r in run for w in r.raw),
                words=tuple(w for r in run for w in r.words),
                spans=tuple(sp for r in run for sp in r.spans),
                pieces=tuple(p for r in run for p in r.pieces),
                whole=tuple(w for whole in wholes for w in whole),
                content=frozenset[str]().union(*(r.content for r in run)),
                lemmas=frozenset[str]().union(*(r.lemmas for r in run)),
                parts=tuple(run),
                stream=run[0].stream,
                at=run[0].at,
                stream_gaps=run[0].stream_gaps,
            )
        )
    return out


def _ellipses(q: _Q) -> list[int]:
    """Where ``q``'s ellipses stand in its ``stream``, as word boundaries (boundary ``k``
    lies before word ``k``)."""
    out, offset = [], q.at
    for part in q.parts or (q,):
        text = part.quote.text
        out += [offset + len(_WORD.findall(text[: m.start()])) for m in _ELLIPSIS.finditer(text)]
        offset += len(part.words)
    return out


def _omits(x: _Q, y: _Q) -> bool:
    """Whether an ellipsis of ``x`` leaves out words ``y``'s source quotes there.

    An ellipsis leaves nothing out when the words on both sides of it (up to
    :data:`ELLIPSIS_CONTEXT_WORDS` each, across the quotes of x's paragraph) stand side
    by side in the quoted words of y's paragraph: "… as broadly as possible... That said,
    …" against “… as broadly as possible,” wrote Zuckerberg. “That said, …” only marks a
    sentence break. At the end (or the start) of its paragraph's quotes, an ellipsis
    leaves nothing out when y's quoted words end (or start) there too. An ellipsis with no
    words on either side, or a y without a paragraph, counts as an omission.
    """
    n = ELLIPSIS_CONTEXT_WORDS
    stream, other = x.stream, y.stream
    for k in _ellipses(x):
        left, right = stream[max(0, k - n) : k], stream[k : k + n]
        if not other or not (left or right):
            return True
        if left and right:
            joined = _contiguous(left + right, other) >= 0
        elif left:
            joined = other[-len(left) :] == left
        else:
            joined = other[: len(right)] == right
        if not joined:
            return True
    return False


def _after_own_ellipsis(x: _Q, i: int, y: _Q) -> bool:
    """Whether the words of ``y`` that contiguous ``x`` (found at ``y.words[i]``) lacks lie
    only where x's paragraph already marks a gap with an ellipsis: before x, right after
    an ellipsis that ends the quote before it ("…leading open source models... | We
    expect …" against "… models. We haven't released … and we expect …"), and after x,
    only if an ellipsis follows it, in the quote after x. That omission is reported once,
    on the quote with the ellipsis, not again as a shortened quote; an ellipsis of x's own
    makes x that quote."""
    before, after = i > 0, i + len(x.words) < len(y.words)
    end = x.at + len(x.words)
    gaps = x.stream_gaps - set(_ellipses(x))  # x's own ellipsis makes x the elided one
    return (before or after) and (not before or x.at in gaps) and (not after or end in gaps)


def _contiguous(short: Sequence[str], long: Sequence[str], start: int = 0) -> int:
    """Index in ``long`` (from ``start``) where ``short`` occurs contiguously, or -1."""
    n = len(short)
    for i in range(start, len(long) - n + 1):
        if tuple(long[i : i + n]) == tuple(short):
            return i
    return -1


def _in_order(pieces: Sequence[Sequence[str]], long: Sequence[str]) -> set[int] | None:
    """The indices in ``long`` of the pieces, each found contiguously after the previous
    one; None if one is missing."""
    at, kept = 0, set[int]()
    for piece in pieces:
        i = _contiguous(piece, long, at)
        if i < 0:
            return None
        kept.update(range(i, i + len(piece)))
        at = i + len(piece)
    return kept


def _word_diff(a: _Q, b: _Q) -> str:
    """``[-old-] {+new+}`` word diff from a's words to b's; long unchanged runs shortened."""
    return word_diff(a.words, b.words, a.raw, b.raw)


def _predicate_kept(tokens: Sequence[Token], kept: set[int], head: int) -> bool:
    """The kept tokens hold ``head``, or a token below it whose path up to ``head`` enters
    it by a predicate relation (:data:`_PREDICATE_DEPS`) and crosses no coordination (in
    "we haven't released it and we expect ...", "expect" hangs on "released" as a
    conjunct, and the "n't" of one does not govern the other). A kept subject or object
    of ``head`` does not count: "raising taxes" is kept from "Raising taxes is not the
    answer" without the claim that "not" denies."""
    if head in kept:
        return True
    for i in kept:
        while tokens[i].head != i and tokens[i].dep not in _SCOPE_BREAK_DEPS:
            if tokens[i].head == head:
                if tokens[i].dep in _PREDICATE_DEPS:
                    return True
                break
            i = tokens[i].head
    return False


def _dropped_meaning_words(long: _Q, kept: set[int]) -> tuple[str, ...]:
    """Words of ``long`` that a shortened quote leaves out (word indices not in ``kept``)
    and that negate, hedge or condition the words it keeps.

    With a parse: a left-out negator or hedge whose head the kept words hold or reach on
    its predicate side (:func:`_predicate_kept`: "It is not true that [we will cut
    pensions]", "is not [the answer]"; not "[Raising taxes] is not the answer", whose kept
    words are only the subject), or a left-out "if"/"unless" whose clause is kept or
    whose conditioned verb is so kept ("[we will cut pensions] unless the fund recovers").
    Without one: such a word not cut off from the kept words by a clause break ("and",
    "but", ...).
    """
    dropped = [i for i, w in enumerate(long.words) if i not in kept and _meaning_word(w)]
    if not dropped:
        return ()
    tokens = long.st.tokens
    hits: list[str] = []
    if not tokens:
        for i in dropped:
            left = [k for k in kept if k < i]
            right = [k for k in kept if k > i]
            sides = [long.words[max(left) + 1 : i]] if left else []
            sides += [long.words[i + 1 : min(right)]] if right else []
            if any(not set(side) & _CLAUSE_BREAKS for side in sides):
                hits.append(long.raw[i])
        return tuple(dict.fromkeys(hits))
    word_of: dict[int, int] = {}
    for t, tok in enumerate(tokens):
        for w, (start, end) in enumerate(long.spans):
            if start < tok.end and tok.start < end:
                word_of[t] = w
                break
    kept_tokens = {t for t, w in word_of.items() if w in kept}
    for t, w in word_of.items():
        if w in kept:
            continue
        tok = tokens[t]
        low = _norm(tok.text)
        if low in CONDITIONALS:
            clause = tok.head  # the verb of the condition; its head is what it conditions
            hit = clause in kept_tokens or _predicate_kept(tokens, kept_tokens, tokens[clause].head)
        elif low in NEGATORS or low in HEDGES:
            hit = _predicate_kept(tokens, kept_tokens, tok.head)
        else:
            continue
        if hit:
            hits.append(long.raw[w])
    return tuple(dict.fromkeys(hits))


def _shortened(x: _Q, y: _Q, kept: set[int], a: _Q, b: _Q, ratio: float) -> _Match:
    """``x`` keeps the words ``kept`` of ``y``: elided, or altered when the words it leaves
    out change what the kept ones say."""
    dropped = _dropped_meaning_words(y, kept)
    kind = QuoteClass.ALTERED if dropped else QuoteClass.ELIDED
    return _Match(
        kind, ratio, diff=_word_diff(a, b), shorter=x.st.id, dropped=dropped, kept=frozenset(kept)
    )


def _relate(a: _Q, b: _Q) -> _Match | None:
    """How the words of two quotations relate, speakers aside (rules in the module
    docstring). A ``loose`` match is one quotation only if the two are known to be one
    utterance. A quotation broken by narration (:func:`_joined`) is compared whole; when
    that gives no match or a loose one, its quotes are compared one by one, and the
    closest close match among them counts (the other source quotes one of them only)."""
    match = _relate_words(a, b)
    if (match is not None and not match.loose) or not (a.parts or b.parts):
        return match
    found = [
        m
        for x in a.parts or (a,)
        for y in b.parts or (b,)
        if (m := _relate_words(x, y)) is not None and not m.loose
    ]
    # A part's word indices are not the whole quotation's.
    return max((replace(m, kept=frozenset()) for m in found), key=lambda m: m.ratio, default=match)


def _relate_words(a: _Q, b: _Q) -> _Match | None:
    """:func:`_relate` for the words as they stand."""
    wa, wb = a.words, b.words
    if min(len(wa), len(wb)) < MIN_MATCH_WORDS:
        return None
    if wa == wb:
        for x, y in ((a, b), (b, a)):
            if x.ellipsis and _omits(x, y):
                return _Match(QuoteClass.ELIDED, 1.0, shorter=x.st.id)
        return _Match(QuoteClass.VERBATIM, 1.0)  # an ellipsis that leaves nothing out
    ratio = difflib.SequenceMatcher(None, wa, wb, autojunk=False).ratio()
    for x, y in ((a, b), (b, a)):
        if x.gapped:
            kept = _in_order(x.pieces, y.words)
            if kept is not None:
                return _shortened(x, y, kept, a, b, ratio)
    for x, y in ((a, b), (b, a)):
        i = _contiguous(x.words, y.words) if len(x.words) < len(y.words) else -1
        if i >= 0:
            if _contiguous(y.words, x.whole) >= 0:
                return _Match(QuoteClass.VERBATIM, ratio)  # split into sentences differently
            if _after_own_ellipsis(x, i, y):  # its ellipsis reports the cut
                return _Match(QuoteClass.VERBATIM, ratio, shorter=x.st.id)
            match = _shortened(x, y, set(range(i, i + len(x.words))), a, b, ratio)
            return replace(match, loose=len(x.words) < MIN_SHORTENED_WORDS)
    shared = a.content & b.content
    close = False
    if len(shared) >= 2:
        jaccard = len(shared) / len(a.content | b.content)
        matched = sum(
            m.size
            for m in difflib.SequenceMatcher(None, wa, wb, autojunk=False).get_matching_blocks()
        )
        coverage = matched / min(len(wa), len(wb))
        contained = len(shared) / min(len(a.content), len(b.content))
        close = jaccard >= ALTERED_JACCARD or (
            coverage >= ALTERED_COVERAGE and contained >= ALTERED_COVERAGE
        )
    if not close and not _one_utterance(a, b):
        return None
    return _Match(QuoteClass.ALTERED, ratio, diff=_word_diff(a, b), loose=not close)


def _one_utterance(a: _Q, b: _Q) -> bool:
    """Whether two reworded quotes keep enough of what they are about to be one utterance
    when they are known to tell one fact: at least two content words, and at least
    :data:`ONE_FACT_MIN_SHARED` of the shorter side's, shared as written or as lemmas
    (a rewording changes the forms: "dreamed of playing" / "wanted to play")."""
    for x, y in ((a.content, b.content), (a.lemmas, b.lemmas)):
        shared = len(x & y)
        if shared >= 2 and shared / min(len(x), len(y)) >= ONE_FACT_MIN_SHARED:
            return True
    return False


def _who(*speakers: str | None) -> str:
    return next((s for s in speakers if s), "an unnamed speaker")


def _listed(words: Iterable[str]) -> str:
    return ", ".join(f"'{w}'" for w in words)


def _gaps(q: _Q) -> set[int]:
    """Where ``q`` marks words left out, as word boundaries (boundary ``k`` lies before
    its word ``k``): each ellipsis, and each break between the quotes of a quotation
    broken by narration."""
    out, offset = set(), 0
    for part in q.parts or (q,):
        if offset:
            out.add(offset)
        text = part.quote.text
        out.update(offset + len(_WORD.findall(text[: m.start()])) for m in _ELLIPSIS.finditer(text))
        offset += len(part.words)
    return out


def _left_out(x: _Q, y: _Q) -> set[int]:
    """Indices of x's words that y openly leaves out: the words x has where y marks a gap
    (:func:`_gaps`), by a difflib alignment of the two; a changed run that touches a gap
    counts too, since there is no telling the changed words from the cut ones."""
    gaps = _gaps(y)
    if not gaps:
        return set()
    out: set[int] = set()
    matcher = difflib.SequenceMatcher(None, y.words, x.words, autojunk=False)
    for op, i1, i2, j1, j2 in matcher.get_opcodes():
        if op != "equal" and any(i1 <= k <= i2 for k in gaps):
            out.update(range(j1, j2))
    return out


def _polarity(a: _Q, b: _Q) -> str:
    """Negators, hedges and conditionals on one side only: "; only a:1 has 'not'". Only
    the words both sides quote count: a word the other side cuts with an ellipsis (or
    narration) is not one it lacks (:func:`_left_out`)."""
    parts = []
    for x, y in ((a, b), (b, a)):
        cut = _left_out(x, y)
        only = [
            w
            for k, (w, n) in enumerate(zip(x.raw, x.words, strict=True))
            if _meaning_word(n) and k not in cut
        ]
        only = [w for w in dict.fromkeys(only) if _norm(w) not in y.words]
        if only:
            parts.append(f"only {x.st.id} has {_listed(only)}")
    return "".join(f"; {p}" for p in parts)


def _explain(kind: QuoteClass, a: _Q, b: _Q, match: _Match) -> str:
    """One sentence; when the two name the speaker differently but possibly the same
    person ("the spokesperson", "Jane Doe"), it says so."""
    sa, sb = a.quote.speaker, b.quote.speaker
    if kind is QuoteClass.MISATTRIBUTED:
        text = f"{a.st.id} attributes these words to {sa}, {b.st.id} to {sb}."
        short = a if match.shorter == a.st.id else b
        if match.dropped:
            text += f" {short.st.id} also leaves out {_listed(match.dropped)}."
        elif match.shorter is not None and match.diff:
            text += f" {short.st.id} quotes only part of them."
        elif match.diff:
            text += f" The words differ as well{_polarity(a, b)}."
        return text
    who = _who(sa, sb)
    note = ""
    if sa and sb and same_speaker(sa, sb) is None:
        note = f" ({a.st.id} names {sa}, {b.st.id} {sb})"
    short, long = (a, b) if match.shorter == a.st.id else (b, a)
    if kind is QuoteClass.VERBATIM and match.shorter is not None:
        return (
            f"{short.st.id} quotes these words of {who} word for word; the words "
            f"{long.st.id} has besides fall in the gap an ellipsis marks in "
            f"{short.st.id}'s paragraph, reported with the quote that holds it{note}."
        )
    if kind is QuoteClass.VERBATIM:
        return f"{a.st.id} and {b.st.id} quote {who} word for word{note}."
    if match.dropped:
        left_out = _listed(match.dropped)
        if short.ellipsis:
            return (
                f"{short.st.id} marks a gap in {who}'s words with an ellipsis, and the gap "
                f"leaves out {left_out}, which changes what the words kept say{note}."
            )
        return (
            f"{short.st.id} quotes only part of the words {long.st.id} quotes from {who} and "
            f"leaves out {left_out}, which changes what the words kept say{note}."
        )
    if kind is QuoteClass.ALTERED:
        text = f"{a.st.id} and {b.st.id} quote {who} with different words{note}{_polarity(a, b)}"
        if match.loose:
            text += (
                "; the words differ widely, but both statements are aligned as one fact, so "
                "they are taken for one quotation"
            )
        return text + "."
    if short.ellipsis:
        return (
            f"{short.st.id} marks a gap in {who}'s words with an ellipsis; the words it "
            f"keeps appear in order in {long.st.id}{note}."
        )
    return f"{short.st.id} quotes only part of the words {long.st.id} quotes from {who}{note}."


def _finding(kind: QuoteClass, a: _Q, b: _Q, match: _Match) -> QuoteFinding:
    return QuoteFinding(
        kind=kind,
        a=a.st.id,
        b=b.st.id,
        speaker_a=a.quote.speaker,
        speaker_b=b.quote.speaker,
        text_a=a.quote.text,
        text_b=b.quote.text,
        diff=match.diff,
        explanation=_explain(kind, a, b, match),
    )


def _classify_pair(a: _Q, b: _Q, *, one_fact: bool) -> tuple[float, QuoteFinding, _Match] | None:
    """The finding for two quotes of different sources, with its closeness and the match
    it rests on; ``one_fact``: the aligner put their statements in one fact (a loose match
    then counts, for one named speaker)."""
    match = _relate(a, b)
    if match is None:
        return None
    same = same_speaker(a.quote.speaker, b.quote.speaker)
    if match.loose and not (one_fact and same is True):
        return None
    kind = match.kind
    if same is False:
        exact = kind is QuoteClass.VERBATIM or match.shorter is not None
        long_enough = min(len(a.words), len(b.words)) >= MIN_MISATTRIBUTED_WORDS
        if not long_enough or not (exact or match.ratio >= NEAR_VERBATIM):
            return None  # two people saying similar things
        kind = QuoteClass.MISATTRIBUTED
    return match.ratio, _finding(kind, a, b, match), match


def _position(st: Statement) -> tuple[str, int]:
    return st.source_id, st.index


def _key(q: _Q) -> tuple[str, int]:
    """Identifies one quote: its statement and where it starts in it."""
    return q.st.id, q.quote.start


#: For one quote (:func:`_key`), the other sources that quote only part of it: source ID ->
#: the indices of its words they keep.
_Trims = dict[tuple[str, int], dict[str, frozenset[int]]]


def _textual_findings(
    records: Sequence[_Q], fact_of: Mapping[str, Fact]
) -> tuple[dict[tuple[str, str], QuoteFinding], dict[tuple[str, int], set[str]], _Trims]:
    """The best textual finding for each pair of statements of different sources; for
    each quote (:func:`_key`) the other sources it matched in any pair (a statement pair
    keeps one finding, but each of its quotes that matched is accounted for); and the
    faithful trims of each quote (:data:`_Trims`)."""
    best: dict[tuple[str, str], tuple[float, QuoteFinding, _Match]] = {}
    matched: dict[tuple[str, int], set[str]] = defaultdict(set)
    trims: _Trims = defaultdict(dict)
    ordered = sorted(records, key=lambda q: (_position(q.st), q.quote.start))
    for i, a in enumerate(ordered):
        for b in ordered[i + 1 :]:
            if a.st.source_id == b.st.source_id:
                continue
            if not (set(a.words) & set(b.words) or a.lemmas & b.lemmas):
                continue  # nothing in common: no match (a shortcut)
            fact = fact_of.get(a.st.id)
            one_fact = fact is not None and fact is fact_of.get(b.st.id)
            found = _classify_pair(a, b, one_fact=one_fact)
            if found is None:
                continue
            matched[_key(a)].add(b.st.source_id)
            matched[_key(b)].add(a.st.source_id)
            match = found[2]
            if match.kind is QuoteClass.ELIDED and match.kept and found[1].b is not None:
                short, long = (a, b) if match.shorter == a.st.id else (b, a)
                kept = trims[_key(long)].get(short.st.source_id, frozenset())
                trims[_key(long)][short.st.source_id] = kept | match.kept
            key = (a.st.id, b.st.id)
            if key not in best or found[0] > best[key][0]:
                best[key] = found
    chosen = {k: (f, m.shorter) for k, (_, f, m) in best.items()}
    return _drop_outvoted(chosen), matched, trims


#: Added to an elision's explanation when another source's version of the longer quote
#: keeps the same words but words the rest differently, as often (see :func:`_drop_outvoted`).
_RIVAL_NOTE = (
    "; another source's version keeps these words too but words the rest differently,"
    " so either may be the original."
)


def _drop_outvoted(
    found: Mapping[tuple[str, str], tuple[QuoteFinding, str | None]],
) -> dict[tuple[str, str], QuoteFinding]:
    """The findings less each elision measured against an outvoted version: when a short
    quote S is a faithful trim (elided or verbatim) of two longer versions V and W of one
    speaker that are altered against each other, and more statements quote W's words
    faithfully (verbatim or elided, either way) than V's, S is not said to quote "only
    part of" V: its words are W's, and V's alteration is reported against W. On a tie
    (two versions, one source each) there is no telling which is the original: both
    elisions stay, and each explanation says so (:data:`_RIVAL_NOTE`)."""
    faithful: dict[str, set[str]] = defaultdict(set)
    trims: dict[str, set[str]] = defaultdict(set)  # longer statement -> its faithful trims
    altered: dict[str, set[str]] = defaultdict(set)
    for (a, b), (f, shorter) in found.items():
        if f.b is None:
            continue
        if f.kind in (QuoteClass.VERBATIM, QuoteClass.ELIDED):
            faithful[a].add(b)
            faithful[b].add(a)
            if f.kind is QuoteClass.VERBATIM or shorter == a:
                trims[b].add(a)
            if f.kind is QuoteClass.VERBATIM or shorter == b:
                trims[a].add(b)
        elif f.kind is QuoteClass.ALTERED:
            altered[a].add(b)
            altered[b].add(a)
    out = {}
    for (a, b), (f, shorter) in found.items():
        if f.kind is QuoteClass.ELIDED and shorter in (a, b):
            short, long = (a, b) if shorter == a else (b, a)
            rivals = [w for w in sorted(altered[long]) if short in trims[w]]
            if any(len(faithful[w]) > len(faithful[long]) for w in rivals):
                continue
            if any(len(faithful[w]) == len(faithful[long]) for w in rivals):
                f = replace(f, explanation=f.explanation.rstrip(".") + _RIVAL_NOTE)
        out[(a, b)] = f
    return out


def _predicates(tokens: Sequence[Token], roots: Iterable[int]) -> dict[str, bool | None]:
    """The main predicates under ``roots`` and their conjuncts, by lemma: True when
    negated ("was not ready" -> {"ready": True}; "nobody will lose" -> {"lose": True}),
    None when said both ways. A copula or auxiliary stands for its complement; speech
    verbs and stopwords are skipped."""
    out: dict[str, bool | None] = {}

    def negator(j: int) -> bool:
        word = _norm(tokens[j].text)
        return word in NEGATORS or word.endswith("n't")

    def negated(i: int) -> bool:
        """A negator on the predicate ("not ready"), or a negative subject or object
        ("nobody will lose", "no delays were expected")."""
        for j in _children(tokens, i):
            if tokens[j].dep in ("neg", "advmod", "det") and negator(j):
                return True
            if tokens[j].dep in _ARGUMENT_DEPS and (
                negator(j)
                or any(tokens[k].dep == "det" and negator(k) for k in _children(tokens, j))
            ):
                return True
        return False

    def add(lemma: str, neg: bool) -> None:
        lemma = lemma.casefold()
        if lemma in _STOPWORDS or lemma in SPEECH_VERBS:
            return
        out[lemma] = neg if out.get(lemma, neg) == neg else None

    stack, seen = list(roots), set()
    while stack:
        i = stack.pop()
        if i in seen:
            continue
        seen.add(i)
        tok = tokens[i]
        kids = _children(tokens, i)
        stack += [j for j in kids if tokens[j].dep == "conj"]
        if tok.lemma.casefold() in _COPULAS or tok.pos == "AUX":
            for j in kids:
                if tokens[j].dep in _COMPLEMENT_DEPS:
                    add(tokens[j].lemma, negated(i) or negated(j))
        elif tok.pos in ("VERB", "ADJ"):
            add(tok.lemma, negated(i))
    return out


def _reported_roots(tokens: Sequence[Token]) -> list[int]:
    """The clauses a paraphrase reports: the clausal complements of its speech verbs
    ("Ruiz said [the city would hire ...]"), else its root."""
    speech = [i for i, t in enumerate(tokens) if t.lemma.casefold() in SPEECH_VERBS]
    reported = [j for i in speech for j in _children(tokens, i) if tokens[j].dep == "ccomp"]
    return reported or [i for i, t in enumerate(tokens) if t.head == i]


def _subtree(tokens: Sequence[Token], roots: Iterable[int]) -> set[int]:
    """The tokens under ``roots`` (the roots included)."""
    out, stack = set(), list(roots)
    while stack:
        i = stack.pop()
        if i not in out:
            out.add(i)
            stack += _children(tokens, i)
    return out


def _value_clash(q: _Q, st: Statement) -> tuple[Value, Value] | None:
    """(the quote's value, the paraphrase's) when a paraphrase gives a typed value
    (:data:`~factcheck.types.NUMERIC_KINDS`: money, percent, quantity, count, tally,
    resolved date) that cannot hold with the quote's value of the same kind and unit
    (:func:`~factcheck.extract.comparable` but not :func:`~factcheck.extract.compatible`),
    and neither has a compatible counterpart on the other side: "“We will hire 50 new
    officers”" reported as "the city would hire 500 new officers". The quote's values are
    those inside its marks; the paraphrase's those of the clauses it reports
    (:func:`_reported_roots`), so the day it was said ("said on Monday") is not one."""
    quoted = [v for v in q.st.values if v.kind in NUMERIC_KINDS and q.covers(v.start, v.end)]
    if not quoted:
        return None
    told = [v for v in st.values if v.kind in NUMERIC_KINDS]
    if st.tokens:
        inside = _subtree(st.tokens, _reported_roots(st.tokens))
        spans = [(st.tokens[i].start, st.tokens[i].end) for i in inside]
        told = [v for v in told if any(s < v.end and v.start < e for s, e in spans)]
    for v in quoted:
        partners = [w for w in told if comparable(v, w)]
        if not partners or any(compatible(v, w) for w in partners):
            continue
        for w in partners:
            if not any(compatible(w, u) for u in quoted if comparable(w, u)):
                return v, w
    return None


def _shown(v: Value) -> str:
    """A value as the explanation names it: its words, and a date's resolved form when
    the words are relative ("'next year' (2025)")."""
    if v.kind is ValueKind.DATE and v.norm.casefold() != v.text.casefold():
        return f"'{v.text}' ({v.norm})"
    return f"'{v.text}'"


def _negation_clash(q: _Q, st: Statement) -> tuple[str, str] | None:
    """(predicate, ID of the statement that negates it) when a paraphrase and the quote it
    reports share a main predicate that one of them negates ("“Our grid is ready …”" and
    "Hale said the grid was not ready ..."). The quote's main predicates hang on words
    outside it; the paraphrase's are the clauses its speech verbs report, else its root."""
    if not q.st.tokens or not st.tokens:
        return None
    qt = q.st.tokens
    inside = [i for i, t in enumerate(qt) if q.covers(t.start, t.end)]
    members = set(inside)
    quoted = _predicates(qt, (i for i in inside if qt[i].head not in members or qt[i].head == i))
    pt = st.tokens
    told = _predicates(pt, _reported_roots(pt))
    for lemma in sorted(quoted.keys() & told.keys()):
        qn, pn = quoted[lemma], told[lemma]
        if qn is not None and pn is not None and qn != pn:
            return lemma, (q.st.id if qn else st.id)
    return None


def _reporters(st: Statement) -> list[str]:
    """Whom an unquoted statement gives what it tells, by name: the subjects of its speech
    verbs (:data:`SPEECH_VERBS`) that are names (:func:`_looks_named`), as written
    ("Bureau commissioner Daniel Okonkwo warned that ..." -> "Bureau commissioner Daniel
    Okonkwo"). A pronoun, a role or a group ("city officials said"), or no subject names
    no one: the statement may be the speaker's."""
    tokens = st.tokens
    out = []
    for i, tok in enumerate(tokens):
        if tok.lemma.casefold() not in SPEECH_VERBS:
            continue
        for j in _children(tokens, i):
            if tokens[j].dep == "nsubj" and tokens[j].pos != "PRON":
                name = _noun_phrase(st, j)
                if name and _looks_named(name):
                    out.append(name)
    return out


def _other_speaker(q: _Q, reporters: Sequence[str]) -> str | None:
    """The person an unquoted statement names as the one saying it when that person is
    not the quote's speaker (:func:`same_speaker` is False for every speaker it names),
    else None: such a statement is not a paraphrase of the quote."""
    if not reporters or any(same_speaker(q.quote.speaker, r) is not False for r in reporters):
        return None
    return reporters[0]


def _misattributed_paraphrase(q: _Q, st: Statement, other: str) -> QuoteFinding | None:
    """A misattribution when an unquoted statement that gives its words to ``other`` (not
    the quote's speaker), a person by the parse (a PERSON entity in the name), tells the
    quote's words near verbatim: the clauses it reports (:func:`_reported_roots`) and the
    quote have a difflib ratio of at least :data:`NEAR_VERBATIM`,
    :data:`MIN_MISATTRIBUTED_WORDS` words each. None otherwise: two people saying similar
    things are not compared, and an organisation may speak through the quoted person
    ("Brightfield said ..." against its chief executive's words)."""
    if not any(e.label == "PERSON" and e.text in other for e in st.entities):
        return None
    tokens = st.tokens
    if tokens:
        told = sorted(_subtree(tokens, _reported_roots(tokens)))
        clause = st.text[tokens[told[0]].start : tokens[told[-1]].end] if told else st.text
    else:
        clause = st.text
    raw = _WORD.findall(clause)
    words = [_norm(w) for w in raw]
    if min(len(words), len(q.words)) < MIN_MISATTRIBUTED_WORDS:
        return None
    if difflib.SequenceMatcher(None, q.words, words, autojunk=False).ratio() < NEAR_VERBATIM:
        return None
    return QuoteFinding(
        kind=QuoteClass.MISATTRIBUTED,
        a=q.st.id,
        b=st.id,
        speaker_a=q.quote.speaker,
        speaker_b=other,
        text_a=q.quote.text,
        text_b=None,
        diff=word_diff(q.words, words, q.raw, raw) if list(q.words) != words else None,
        explanation=(
            f"{q.st.id} attributes these words to {q.quote.speaker}; {st.id} reports them "
            f"without quotation marks as {other}'s."
        ),
    )


def _paraphrase(q: _Q, st: Statement, why: str) -> QuoteFinding:
    """A paraphrase finding; altered when the paraphrase negates what the quote says (or
    the reverse), since it then reports the opposite, or when it changes one of the
    quote's values (:func:`_value_clash`)."""
    who = q.quote.speaker
    words = f"{who}'s words" if who else "the quoted words"
    explanation = f"{st.id} reports {words} quoted in {q.st.id} without quotation marks ({why})"
    changes = []
    clash = _negation_clash(q, st)
    if clash is not None:
        lemma, negating = clash
        changes.append(f"reverses them: only {negating} negates '{lemma}'")
    values = _value_clash(q, st)
    if values is not None:
        quoted, told = values
        changes.append(
            f"changes a value: {q.st.id} quotes {_shown(quoted)}, {st.id} reports {_shown(told)}"
        )
    if not changes:
        return QuoteFinding(
            kind=QuoteClass.PARAPHRASED,
            a=q.st.id,
            b=st.id,
            speaker_a=who,
            speaker_b=None,
            text_a=q.quote.text,
            text_b=None,
            diff=None,
            explanation=explanation + ".",
        )
    raw = _WORD.findall(st.text)
    return QuoteFinding(
        kind=QuoteClass.ALTERED,
        a=q.st.id,
        b=st.id,
        speaker_a=who,
        speaker_b=None,
        text_a=q.quote.text,
        text_b=None,
        diff=word_diff(q.words, [_norm(w) for w in raw], q.raw, raw),
        explanation=f"{explanation}, but {', and '.join(changes)}.",
    )


#: Characters of another quote an unsupported finding's explanation shows.
_OTHER_QUOTE_CHARS = 100


def _unsupported(q: _Q, records: Sequence[_Q], fact_of: Mapping[str, Fact]) -> QuoteFinding:
    """An unsupported finding for a quote no other source quotes or paraphrases. When
    another source quotes the same speaker in the same fact with other words, the
    explanation gives them as another remark: they are too unlike to be one quotation
    (:func:`_relate` found no match, not even a loose one, or the pair would be altered),
    so the finding never cites another source's version of the same quote."""
    speaker = q.quote.speaker
    fact = fact_of.get(q.st.id)
    others: dict[str, _Q] = {}
    for r in records:
        if (
            fact is not None
            and r.st.source_id != q.st.source_id
            and fact_of.get(r.st.id) is fact
            and same_speaker(speaker, r.quote.speaker) is True
        ):
            others.setdefault(r.st.source_id, r)
    explanation = f"No source but {q.st.id} has {speaker} say this"
    told = []
    for r in sorted(others.values(), key=lambda r: (_position(r.st), r.quote.start)):
        text = r.quote.text.strip().rstrip(",;:.").rstrip()
        if len(text) > _OTHER_QUOTE_CHARS:
            text = text[: _OTHER_QUOTE_CHARS - 1].rstrip() + "…"
        told.append(f"{r.st.id} quotes {r.quote.speaker} saying something else: “{text}”")
    if told:
        explanation += f". In the same fact, {'; '.join(told)}."
    else:
        explanation += "; no other source quotes or reports it."
    return QuoteFinding(
        kind=QuoteClass.UNSUPPORTED,
        a=q.st.id,
        b=None,
        speaker_a=speaker,
        speaker_b=None,
        text_a=q.quote.text,
        text_b=None,
        diff=None,
        explanation=explanation,
    )


def compare_quotes(
    statements: Sequence[Statement], facts: Sequence[Fact]
) -> tuple[QuoteFinding, ...]:
    """Compare the quotes of different sources (rules in the module docstring).

    Args:
        statements: every statement of the story, with ``quotes`` filled by
            :func:`attach_quotes`.
        facts: the story's facts; a quote and an unquoted statement of one fact are a
            paraphrase, and an unsupported quote names the other sources' quotes of its
            speaker in its fact.
            Pass ``()`` to rely on word overlap alone.

    Returns:
        Findings sorted by ``a`` then ``b`` (by source and statement index), e.g.::

            QuoteFinding(kind=ALTERED, a="herald:3", b="post:3", speaker_a="Ruiz",
                         speaker_b="Mayor Ana Ruiz", diff="… was worth every {+single+} delay",
                         explanation="herald:3 and post:3 quote Ruiz with different words.")
    """
    records = _quote_records(statements)
    sources = {st.source_id for st in statements}
    fact_of = {sid: fact for fact in facts for sid in fact.statement_ids}
    found, matched, trims = _textual_findings(records, fact_of)

    unquoted: dict[str, list[Statement]] = defaultdict(list)
    for st in sorted(statements, key=_position):
        if not st.quotes:
            unquoted[st.source_id].append(st)
    lemmas = {
        st.id: _content_lemmas(st, 0, len(st.text)) for sts in unquoted.values() for st in sts
    }

    reporters = {st.id: _reporters(st) for sts in unquoted.values() for st in sts}
    paraphrases: dict[tuple[str, str], QuoteFinding] = {}
    for q in records:
        if len(q.words) < MIN_MATCH_WORDS:
            continue
        fact = fact_of.get(q.st.id)
        for source in sorted(sources - {q.st.source_id} - matched[_key(q)]):
            own: list[Statement] = []  # statements that may give the words to the speaker
            for st in unquoted[source]:
                other = _other_speaker(q, reporters[st.id])
                if other is None:
                    own.append(st)
                elif (wrong := _misattributed_paraphrase(q, st, other)) is not None:
                    paraphrases.setdefault((q.st.id, st.id), wrong)
                    matched[_key(q)].add(source)
            in_fact = [
                st
                for st in own
                if fact is not None
                and st.id in fact.statement_ids
                and len(q.lemmas & lemmas[st.id]) >= PARAPHRASE_FACT_MIN_SHARED
            ]
            for st in in_fact:
                paraphrases.setdefault((q.st.id, st.id), _paraphrase(q, st, "same fact"))
                matched[_key(q)].add(source)
            if in_fact or not q.lemmas or source in matched[_key(q)]:
                continue
            scored = [(len(q.lemmas & lemmas[st.id]), -st.index, st) for st in own]
            if not scored:
                continue
            shared, _, st = max(scored, key=lambda x: (x[0], x[1]))
            if shared >= PARAPHRASE_MIN_SHARED and shared / len(q.lemmas) >= PARAPHRASE_OVERLAP:
                paraphrases.setdefault(
                    (q.st.id, st.id), _paraphrase(q, st, f"{shared} shared words")
                )
                matched[_key(q)].add(source)

    for q in records:  # the rest of a quotation a source quotes only part of
        for source, kept in sorted(trims[_key(q)].items()):
            rest = [q.spans[i] for i in range(len(q.words)) if i not in kept]
            rest_lemmas = frozenset[str]().union(*(_content_lemmas(q.st, s, e) for s, e in rest))
            if not rest_lemmas:
                continue
            scored = [
                (len(rest_lemmas & lemmas[st.id]), -st.index, st)
                for st in unquoted[source]
                if _other_speaker(q, reporters[st.id]) is None
            ]
            if not scored:
                continue
            shared, _, st = max(scored, key=lambda x: (x[0], x[1]))
            if shared >= PARAPHRASE_MIN_SHARED and shared / len(rest_lemmas) >= PARAPHRASE_OVERLAP:
                why = f"{shared} shared words with the part {source}'s own quote leaves out"
                paraphrases.setdefault((q.st.id, st.id), _paraphrase(q, st, why))

    unsupported = []
    if len(sources) >= 2:
        unsupported = [
            _unsupported(q, records, fact_of)
            for q in records
            if q.quote.speaker and len(q.words) >= MIN_MATCH_WORDS and not matched[_key(q)]
        ]

    pos = {st.id: _position(st) for st in statements}
    findings = [*found.values(), *paraphrases.values(), *unsupported]
    return tuple(
        sorted(
            findings,
            key=lambda f: (
                pos[f.a],
                f.b is None,
                pos[f.b] if f.b else ("", 0),
                f.kind.value,
                f.text_a or "",
            ),
        )
    )
