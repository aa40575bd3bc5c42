"""Provenance: which articles of a story are rewrites or copies of another, or say
they follow another's reporting.

An outlet that rewrites another outlet's article does not confirm it: a fact told by an
original and its rewrite has one independent source, not two. Neither does an article that
says where it has its facts from ("according to TechCrunch"). :func:`find_derivations`
finds such pairs once facts and quote findings exist, and :func:`independent_counts`
recounts each fact's sources with every derived source merged into its original.

What is measured, for each pair of sources
------------------------------------------
Independent reporters covering one event tell the same facts, often in the same natural
(chronological or inverted-pyramid) order, quote the same speakers word for word and use
the same formulas ("did not immediately respond to a request for comment"). None of that
is evidence of copying. What a rewrite has and independent reporting does not is the
other article's *prose*: its own wording outside quotations and formulas. So quotations
and stock phrases are set aside first, and shared prose is a gate.

*Quotations* are the spans :func:`factcheck.quotes.attach_quotes` put on each statement
(:attr:`Statement.quotes`), so the quote comparison and this stage read the same
quotations. A statement without spans (one that did not go through ``attach_quotes``, or
whose quoted words it drops as scare quotes) takes the spans
:func:`factcheck.quotes.find_spans` reads in its paragraph, by the same rules as the quote
stage: double (“…”, "…") and single (‘…’, '…') marks, an apostrophe (``don’t``, ``’90s``,
``the engineers’ report``) being none. A statement with at least
:data:`QUOTED_SHARE` of its words quoted is a *quoted statement*; the others are *prose
statements*. *Stock phrases* (:data:`STOCK_PHRASES`: "declined to comment", "told
reporters", "in a statement", ...) are masked like quotations when n-grams are read.

Let *S* be the source with fewer prose statements (ties: content order, the digest of its
text, never the file name) and *L*
the other.

``coverage``
    The share of S's prose statements that share a fact (:attr:`Fact.statement_ids`) with
    a prose statement of L. The same share of L's prose statements is ``coverage_other``.
    Quoted statements count on neither side: two reporters quoting one press conference
    align their quotes.
``order``
    Each aligned prose statement of S is paired with its first prose match in L (the
    lowest index). ``order`` is the share of pairs of such pairs that keep their relative
    order in both sources, a Kendall-tau-style concordance: 1 is the same order, 0.5 what
    shuffled paragraphs give, 0 the reverse. Pairs tied on one side (two statements of S
    matched to one of L) are not compared; with nothing to compare ``order`` is 0.5.
``shared_ngrams``
    Rare word 4-grams (:data:`NGRAM`) both sources use outside quotations and stock
    phrases. An n-gram is rare when it holds at least :data:`MIN_CONTENT_WORDS` ordinary
    words (not stopwords, numbers or names: proper nouns, or without a parse capitalised
    words after the first; "the end of the" and "Mayor Lena Ortiz said" do not count) and,
    in a story of three or more sources, not every source uses it (a phrase all outlets
    share tells nothing about who copied whom). ``ngram_share`` is the count over the rare
    n-grams of whichever source has fewer. Both are kept for reading; the gates count
    passages.
``shared_passages``
    The shared n-grams of a statement that overlap make one *passage* (one copied clause
    of ten words is one passage, not seven n-grams). A passage whose ordinary words are
    all :data:`COMMON_WORDS` ("did not immediately respond to a request for comment",
    "for the first time in years") counts for nothing, and a passage repeated, or part of
    a longer one, counts once. Counted in each source, the smaller count.
    :func:`shared_phrases` lists them, the evidence a report shows.
``passage_share``
    The share of S's prose statements that hold a shared passage.
``verbatim``
    The share of S's prose statements whose match in L has the same words, or nearly
    (difflib ratio of the word lists at least :data:`VERBATIM_RATIO`), and holds a shared
    passage.

Score and gates
---------------
::

    order_signal   = clamp(2 * order - 1, 0, 1) * min(1, aligned / ORDER_FULL_PAIRS)
    passage_signal = min(1, passage_share / PASSAGE_SATURATION)
    score          = 0.45 * coverage + 0.30 * order_signal + 0.25 * passage_signal

(:data:`W_COVERAGE`, :data:`W_ORDER`, :data:`W_PASSAGES`). Random order adds nothing, and
order read from a handful of pairs adds less than order read from many. A pair is a
derivation by its wording (:attr:`PairMetrics.by_prose`) when ``score >= SCORE_THRESHOLD``
(0.6) and it passes every gate:

1. **shared prose** (:attr:`PairMetrics.shares_prose`): at least
   :data:`MIN_SHARED_PASSAGES` (5) passages and ``passage_share >= MIN_PASSAGE_SHARE``
   (0.25). Coverage and order alone reach the score threshold for two independent
   reports of one event; they say whether shared prose spans the whole article, not
   whether there is any;
2. ``coverage >= MIN_COVERAGE`` (0.5) and at least :data:`MIN_ALIGNED` (4) aligned prose
   statements;
3. ``order >= MIN_ORDER`` (0.75), unless the wording alone shows the rewrite: a copy
   (``verbatim >= COPY_SHARE``) or ``passage_share >= STRONG_PASSAGE_SHARE`` (0.75).
   Moving paragraphs of a rewrite around does not make it independent; with little
   shared wording, a different order is what keeps a pair apart.

A **short copy** (:attr:`PairMetrics.short_copy`) needs neither the passage count of 1
nor the aligned statements of 2: a brief of three prose paragraphs copied word for word
has too few of both. It has at least :data:`MIN_VERBATIM_STATEMENTS` (2) prose statements
of :data:`MIN_VERBATIM_WORDS` (10) words or more verbatim, and the wording shows a copy
(``verbatim >= COPY_SHARE`` or ``passage_share >= STRONG_PASSAGE_SHARE``); two briefs
that both end "No injuries were reported." copy nothing.

Tuned with the default MiniLM embedder and alignment threshold (0.45) on the hand-written
stories in ``tests/data/provenance``: their rewrites share 8 to 25 passages outside
quotations (``passage_share`` 0.7 to 1.0) and score 0.83 to 0.98, a close paraphrase with
five paragraphs moved included (order 0.71, share 0.93). The independent pairs share at
most 2 ("the county fire department", "two coast guard boats and a"; share 0.22 at most),
though their coverage and order score up to 0.74 (the same facts in the natural order,
with the same quotes and formulas). Counted as overlapping n-grams, as before, one shared
formula ("did not immediately respond to a request for comment") was five of the six
"phrases" that took two independent reports through a gate of five. On 50 BASIL
triplets (Fox, NYT and HuffPost reporting one event, 150 pairs) the rules before the
prose gate (quotations in coverage and order, no gate) reported one pair, at 0.65: a Fox
piece that says "The Times reports" and follows the NYT story; ``factcheck eval``
measures the current rules.

The kind, from the pair's shape:

- **copy**: at least :data:`COPY_SHARE` of S's statements are verbatim or nearly;
- **condensed rewrite**: the derived source is S and has at most :data:`CONDENSED_RATIO`
  of L's words;
- **close paraphrase**: otherwise, when L is covered too (``coverage_other >=
  MIN_COVERAGE``) or the derived source is the longer one. A longer article that rewrites
  a shorter, earlier one is reported as a close paraphrase: there is no kind for an
  expansion. Two articles of similar length that share about half of each other are not
  reported at all: they share a part, not the article.

Two rewrites of one original resemble each other about as much as each resembles it, and
word-for-word copies all score alike. So the pairs that pass are not reported one by one:
the sources they link form a *cluster*, the cluster gets one original (below), and every
other member derives from it, so "B and C both rewrite A" is reported as B -> A and C ->
A, without C -> B. A member derives from another member instead only when its own page
names that member (a citation, promo or credit) and that member is no farther from the
original, or when its pair with the original does not pass (then from its strongest pair
with a member nearer the original). A source derives from at most one original.

What a page says about its source
---------------------------------
Outlets are the ``meta.outlet`` names (front matter or ``story.toml``), never file stems;
a leading "The" is optional, matching is case-insensitive and on word boundaries, but a
match written all in lower case is the common word ("the hill", "time"), and a name that
runs into a longer one ("TechCrunch Disrupt", "Sunday Times") is another name.

*Citations* (kind ``CITES``, "secondary report"). B names A's outlet in an attribution
context (:func:`attributions`: "according to X", "X reported", "reported by X", "as first
reported by X", "told X", "per X", "citing X", "in an interview with X", "detailed in X",
"an article in X", "in a X report", "X's report"), outside quotations, and at least one
such statement shares a fact with A: B says it follows A's reporting for what they share.
A passing mention ("TechCrunch Disrupt", "a TechCrunch event", "the TechCrunch founder")
is none. B merges into A for the independent counts as a rewrite does. A pair that is a
rewrite as well keeps its rewrite kind, with the mentions on it.

*Page furniture.* A page whose removed chrome (:data:`PROMO_REASONS`: an ad or
event-promo section, never article text and never a "related article" teaser, which is
another article's headline) names another source's outlet carries that outlet's own
promo: it was copied from that outlet's page. That waives the prose gate and the score
(:attr:`PairMetrics.by_page`) for a pair that already aligns well: coverage, order and
aligned statements through gates 2 and 3 with no waiver. A page's own outlet, and an
outlet two sources share, say nothing.

*Credits.* A line the cleaner removed as metadata or chrome (:data:`CREDIT_REASONS`) that
credits the article to another source's outlet (:data:`CREDIT_LINES`: a wire dateline's
agency, "MILLBROOK, Ohio (AP)"; a byline "By The Associated Press"; a sign-off "—
Reuters"), by its exact name or its initials in capitals (AP, AFP, UPI), is the page's own
word like a citation, when the two share a fact: a secondary report (``CITES``) when no
rewrite explains the pair, the line in ``mentions``.

Which side is the original
--------------------------
One original per cluster, chosen for the whole cluster (:func:`_cluster_root`), rule by
rule until one candidate is left:

0. **The pages' own word.** A member whose page cites another member's outlet, carries
   its promo or credits it is derived, whatever the dates (a scraped copy's date is often
   when it was copied). Of the others, the one most often named so wins, unless it is
   dated after another member (then it is an intermediate copy, not the original).
1. **Publication time.** Of the dated candidates, the earliest: a copy is never older
   than its original.
2. **Fuller quotes.** Every :class:`~factcheck.types.QuoteFinding` between two members is
   a vote: an *elided* quote votes for the side that does not elide it (no "…", more
   words), a *paraphrased* one for the side that quotes the words. A rewrite cannot
   restore words its original left out.
3. **More detail.** The most statements plus typed values (:attr:`Statement.values`):
   rewrites drop detail more often than they add it.
4. With nothing to tell them apart, content order (the digest of the text), and
   ``why_original`` says so. Never the file name: renaming files changes no derivation.

Each derivation's ``why_original`` is the derived page's own word, else the pair's dates,
quotes or detail when they point to its original, else the cluster's rule.
:func:`choose_original` applies the same rules to one pair.

Everything here is pure, deterministic and rule-based; a story of four sources takes a few
tens of milliseconds.

    >>> order_concordance([(1, 1), (2, 3), (3, 2), (4, 4)])
    0.8333
"""

from __future__ import annotations

import difflib
import re
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, replace
from datetime import date, datetime
from itertools import combinations

from factcheck.ids import statement_digest
from factcheck.quotes import find_spans
from factcheck.types import (
    ArticleMeta,
    CleanArticle,
    Conflict,
    ConflictKind,
    Derivation,
    DerivationKind,
    Fact,
    QuoteClass,
    QuoteFinding,
    RemovalReason,
    Statement,
)

__all__ = [
    "COMMON_WORDS",
    "CONDENSED_RATIO",
    "COPY_SHARE",
    "CREDIT_LINES",
    "CREDIT_REASONS",
    "DEPARTURE_KINDS",
    "EVIDENCE_PHRASES",
    "MIN_ALIGNED",
    "MIN_CONTENT_WORDS",
    "MIN_COVERAGE",
    "MIN_ORDER",
    "MIN_PASSAGE_SHARE",
    "MIN_SHARED_PASSAGES",
    "MIN_VERBATIM_STATEMENTS",
    "MIN_VERBATIM_WORDS",
    "NGRAM",
    "ORDER_FULL_PAIRS",
    "PASSAGE_SATURATION",
    "PROMO_REASONS",
    "QUOTED_SHARE",
    "REPORT_NOUNS",
    "REPORT_VERBS",
    "SCORE_THRESHOLD",
    "STOCK_PHRASES",
    "STRONG_PASSAGE_SHARE",
    "VERBATIM_RATIO",
    "W_COVERAGE",
    "W_ORDER",
    "W_PASSAGES",
    "Departure",
    "PairMetrics",
    "attributions",
    "choose_original",
    "departures",
    "families",
    "find_derivations",
    "independent_counts",
    "measure_pairs",
    "order_concordance",
    "rare_ngrams",
    "shared_phrases",
]

#: A statement with at least this share of its words inside quotation marks is a
#: quotation: it is left out of coverage, order and verbatim, since independent reporters
#: quote the same speaker too.
QUOTED_SHARE = 0.5
#: Shared phrases kept on a :class:`~factcheck.types.Derivation` as evidence.
EVIDENCE_PHRASES = 5
#: Words per n-gram.
NGRAM = 4
#: An n-gram needs this many words that are not stopwords, numbers or names to count.
MIN_CONTENT_WORDS = 2
#: The formulas of news writing. They are set aside like quotations before n-grams are
#: read: two reporters who both write that someone "did not immediately respond to a
#: request for comment" share a convention, not prose. Matched as whole words, case
#: folded. :data:`COMMON_WORDS` is the general rule behind this list.
STOCK_PHRASES = (
    "did not immediately respond",
    "did not immediately reply",
    "did not immediately return",
    "did not respond to",
    "did not return",
    "request for comment",
    "requests for comment",
    "declined to comment",
    "declined to say",
    "could not be reached",
    "could not immediately be reached",
    "for comment",
    "told reporters",
    "in a statement",
    "in a news release",
    "in a press release",
    "at a news conference",
    "at a press conference",
    "at a news briefing",
    "at a press briefing",
    "on condition of anonymity",
    "not authorized to speak publicly",
    "no injuries were reported",
    "no one was injured",
    "no one was hurt",
    "under investigation",
    "contributed to this report",
    "this is a developing story",
)
#: Content words too common to tell one outlet's prose from another's: the vocabulary of
#: reporting ("comment", "statement", "spokesperson", "immediately") and the most frequent
#: content words of English news ("time", "year", "people", "first"). A shared passage
#: whose ordinary words (not stopwords, numbers or names) are all in this list counts for
#: nothing: "did not immediately respond to a request for comment", "for the first time
#: in years", "a spokesperson for the company".
COMMON_WORDS = frozenset(
    """
    added announced asked called comment comments confirmed declined expected immediately
    including reached reply request requests respond responded response spokesperson
    spokesman spokeswoman spokespeople statement statements official officials reporter
    reporters report reports reported reporting interview news press conference briefing
    release people person man men woman women year years time times day days week weeks
    month months today yesterday tomorrow tonight morning afternoon evening night ago
    recent recently early earlier late later last next first second third former current
    many several number part place way end home world country state states city area
    government company group family case point back well make makes made take takes took
    taken get gets got go goes going went gone come comes came know knew known think
    thought see saw seen want wanted use used work worked like good great high long little
    old big small large able need needs needed help helped keep kept give gave given find
    found show showed put set look looked left right around away another every really
    already never always often almost nearly likely least less lot
    """.split()  # noqa: SIM905 - a word list reads better as one string
)
#: Weights of the score; they sum to 1.
W_COVERAGE = 0.45
W_ORDER = 0.30
W_PASSAGES = 0.25
#: ``passage_share`` at which the passage signal is full.
PASSAGE_SATURATION = 0.75
#: Aligned pairs from which the order signal counts in full.
ORDER_FULL_PAIRS = 10
#: Score from which a pair that passes the gates is a derivation.
SCORE_THRESHOLD = 0.6
#: Gate: the fewest distinct passages both sources write outside quotations. Independent
#: reports of one event share a stock phrase or two ("the county fire department");
#: rewrites share a passage in most sentences.
MIN_SHARED_PASSAGES = 5
#: Gate: the smallest ``passage_share``, so that a few stock phrases in two long articles
#: are not read as shared prose either.
MIN_PASSAGE_SHARE = 0.25
#: ``passage_share`` from which the wording alone shows a rewrite, so the order gate is
#: waived: moving paragraphs of a rewrite around does not make it independent.
STRONG_PASSAGE_SHARE = 0.75
#: Gate: the smallest share of the smaller source's statements aligned to the other.
MIN_COVERAGE = 0.5
#: Gate: the smallest order concordance.
MIN_ORDER = 0.75
#: Gate: the fewest aligned statements; fewer say nothing reliable about order. Waived
#: for a short copy (see :data:`MIN_VERBATIM_STATEMENTS`).
MIN_ALIGNED = 4
#: A short copy needs this many prose statements of :data:`MIN_VERBATIM_WORDS` words or
#: more verbatim, each with a passage that is not stock wording; with that many it needs
#: neither :data:`MIN_ALIGNED` aligned statements nor :data:`MIN_SHARED_PASSAGES`
#: passages. Two short briefs that both say "No injuries were reported." copy nothing.
MIN_VERBATIM_STATEMENTS = 2
#: Words from which a verbatim statement counts toward :data:`MIN_VERBATIM_STATEMENTS`.
MIN_VERBATIM_WORDS = 10
#: A derived source with at most this share of its original's words is a condensed rewrite.
CONDENSED_RATIO = 0.7
#: difflib ratio of two statements' word lists from which they count as verbatim.
VERBATIM_RATIO = 0.9
#: Share of verbatim statements from which a derivation is a copy.
COPY_SHARE = 0.6
#: Nouns for a piece of reporting: "in a TechCrunch report", "a July 14 article in
#: TechCrunch", "TechCrunch's reporting".
REPORT_NOUNS = (
    "report",
    "reports",
    "reporting",
    "article",
    "articles",
    "story",
    "stories",
    "piece",
    "pieces",
    "interview",
    "interviews",
    "investigation",
    "analysis",
    "column",
    "op-ed",
    "editorial",
    "exclusive",
    "scoop",
    "feature",
    "podcast",
    "broadcast",
    "newsletter",
    "coverage",
    "poll",
    "survey",
)
#: Verbs with which an outlet tells what it found: "TechCrunch reported", "Reuters wrote".
REPORT_VERBS = (
    "reported",
    "reports",
    "said",
    "says",
    "wrote",
    "writes",
    "noted",
    "notes",
    "revealed",
    "reveals",
    "learned",
    "detailed",
    "details",
    "disclosed",
    "found",
    "confirmed",
    "obtained",
)
#: Why a removed line can be page furniture of another outlet: an ad or event-promo
#: section. A "related article" teaser is not: it is another article's headline, which may
#: name any outlet.
PROMO_REASONS = frozenset({RemovalReason.OFF_TOPIC})
#: Removed lines that may credit the article to an outlet (see :func:`_credits`): the
#: cleaner files a dateline and a byline as metadata, a bare sign-off as navigation.
CREDIT_REASONS = frozenset({RemovalReason.METADATA, RemovalReason.NAVIGATION})
#: Where a removed line credits an outlet, the credit in group 1: a wire dateline's
#: agency in parentheses at its end ("MILLBROOK, Ohio (AP)", "LONDON (Reuters)"), a
#: byline of the whole line ("By The Associated Press"), a sign-off of the whole line
#: ("— The Associated Press"). The credit must then be an outlet's exact name or initials.
CREDIT_LINES = (
    re.compile(r"^[A-Z][A-Z'’. -]*[A-Z.](?:,[^()]*)?\s\(([^()]{1,40})\)$"),
    re.compile(r"^\s*[Bb][Yy]\s+(.{1,60}?)\s*$"),
    re.compile(r"^\s*[—–-]{1,2}\s*(.{1,60}?)\s*$"),
)


_WORD = re.compile(r"[^\W_]+(?:['’.][^\W_]+)*")
_ELLIPSIS = re.compile(r"…|\.\s?\.\s?\.")
_STOPWORDS = frozenset(
    """
    a about above after again against all also am an and any are as at be because been
    before being below between both but by can cannot could did do does doing down during
    each even ever few for from further had has have having he her here hers herself him
    himself his how however i if in into is it its itself just let may me might more most
    much must my myself no nor not now of off on once only or other our ours ourselves out
    over own per same say said says shall she should so some still such than that the
    their theirs them themselves then there these they this those through thus to too
    under until up upon us very via was we were what when where whether which while who
    whom whose why will with within without would yet you your yours yourself yourselves
    one two three new told tell tells according
    """.split()  # noqa: SIM905 - a word list reads better as one string
)


def _phrase_pattern(phrase: str) -> str:
    """A phrase as a regex of whole words, any spacing, either apostrophe."""
    words = [re.escape(w).replace("'", "['’]").replace("’", "['’]") for w in phrase.split()]
    return r"\s+".join(words)


_STOCK = re.compile(
    r"(?<![^\W_])(?:"
    + "|".join(_phrase_pattern(p) for p in sorted(STOCK_PHRASES, key=len, reverse=True))
    + r")(?![^\W_])",
    re.IGNORECASE,
)

NGramKey = tuple[str, ...]
Mask = list[tuple[int, int]]


@dataclass(frozen=True, slots=True)
class PairMetrics:
    """What was measured for one unordered pair of sources (see the module docstring).

    ``first`` is the source with fewer prose statements; ``aligned`` holds its ``(index
    in first, index in second)`` pairs of prose statements; ``length_ratio`` is first's
    words over second's (quotations included); ``shared`` holds the shared rare n-grams,
    sorted. ``verbatim_statements`` counts first's verbatim prose statements of
    :data:`MIN_VERBATIM_WORDS` words or more. ``promo`` is a line of one source's outlet
    promo found in the other's removed chrome, and ``promo_carrier`` the source whose page
    carried it ("" for none).
    """

    first: str
    second: str
    aligned: tuple[tuple[int, int], ...]
    coverage: float
    coverage_other: float
    order: float
    shared_ngrams: int
    ngram_share: float
    verbatim: float
    length_ratio: float
    score: float
    shared: tuple[NGramKey, ...] = ()
    shared_passages: int = 0
    passage_share: float = 0.0
    verbatim_statements: int = 0
    promo: str = ""
    promo_carrier: str = ""

    @property
    def shares_prose(self) -> bool:
        """The prose gate: enough passages outside quotations, by count and share."""
        return (
            self.shared_passages >= MIN_SHARED_PASSAGES and self.passage_share >= MIN_PASSAGE_SHARE
        )

    @property
    def short_copy(self) -> bool:
        """A copy too short for the prose and alignment minimums: at least
        :data:`MIN_VERBATIM_STATEMENTS` prose statements of :data:`MIN_VERBATIM_WORDS`
        words or more verbatim (``verbatim_statements``), and the wording shows a copy
        (``verbatim >= COPY_SHARE`` or ``passage_share >= STRONG_PASSAGE_SHARE``)."""
        return self.verbatim_statements >= MIN_VERBATIM_STATEMENTS and (
            self.verbatim >= COPY_SHARE or self.passage_share >= STRONG_PASSAGE_SHARE
        )

    @property
    def by_prose(self) -> bool:
        """At or above the score threshold and through every gate of the shared wording."""
        keeps_order = (
            self.order >= MIN_ORDER
            or self.verbatim >= COPY_SHARE
            or self.passage_share >= STRONG_PASSAGE_SHARE
        )
        return (
            self.score >= SCORE_THRESHOLD
            and (self.shares_prose or self.short_copy)
            and self.coverage >= MIN_COVERAGE
            and (len(self.aligned) >= MIN_ALIGNED or self.short_copy)
            and keeps_order
        )

    @property
    def by_page(self) -> bool:
        """One page carries the other outlet's own promo, and the two align well: the
        coverage, order and aligned-statement gates, without the prose gate or the score."""
        return (
            bool(self.promo_carrier)
            and self.coverage >= MIN_COVERAGE
            and self.order >= MIN_ORDER
            and len(self.aligned) >= MIN_ALIGNED
        )

    @property
    def passes(self) -> bool:
        """A derivation by its shared wording, or by the promo its page carries."""
        return self.by_prose or self.by_page


def order_concordance(pairs: Sequence[tuple[int, int]]) -> float:
    """Share of pairs of aligned pairs that keep their relative order, rounded to 4 places.

    Args:
        pairs: ``(position in one source, position in the other)``. Two pairs tied on
            either side are not compared.

    Returns:
        1.0 for the same order, 0.0 for the reverse, 0.5 when nothing can be compared.

        >>> order_concordance([(1, 1), (2, 2), (3, 3)])
        1.0
        >>> order_concordance([(1, 3), (2, 2), (3, 1)])
        0.0
        >>> order_concordance([(1, 5)])
        0.5
    """
    concordant = discordant = 0
    for (a1, b1), (a2, b2) in combinations(pairs, 2):
        product = (a2 - a1) * (b2 - b1)
        if product > 0:
            concordant += 1
        elif product < 0:
            discordant += 1
    if concordant + discordant == 0:
        return 0.5
    return round(concordant / (concordant + discordant), 4)


# --------------------------------------------------------------------------------------
# Rare n-grams outside quotations
# --------------------------------------------------------------------------------------


def _inside(ranges: Iterable[tuple[int, int]], at: int) -> bool:
    return any(lo <= at < hi for lo, hi in ranges)


def _quote_masks(statements: Sequence[Statement]) -> dict[str, list[tuple[int, int]]]:
    """Character ranges inside quotations, per statement of one source in reading order.

    A quotation is what :func:`factcheck.quotes.attach_quotes` put on the statement
    (:attr:`Statement.quotes`), so provenance and the quote comparison agree on what is
    quoted. A statement that carries no quote spans (not run through ``attach_quotes``, or
    whose only quoted words it drops as scare quotes) gets the spans
    :func:`factcheck.quotes.find_spans` reads in its paragraph: the consecutive statements
    of one block, joined by a space, so a quotation the sentence splitter cut keeps its
    marks paired and one left open runs to the end of the paragraph. One rule set
    decides what is quoted, for both stages.
    """
    masks = {st.id: [(q.start, q.end) for q in st.quotes] for st in statements}
    paragraph: list[Statement] = []
    for st in [*statements, None]:
        if st is not None and (not paragraph or paragraph[-1].block == st.block):
            paragraph.append(st)
            continue
        if any(not member.quotes for member in paragraph):
            _mask_paragraph(paragraph, masks)
        paragraph = [st] if st is not None else []
    return masks


def _mask_paragraph(
    paragraph: Sequence[Statement], masks: dict[str, list[tuple[int, int]]]
) -> None:
    """Add the spans :func:`factcheck.quotes.find_spans` reads in the text of ``paragraph``
    to the masks of its statements without quote spans."""
    offsets, at = [], 0
    for st in paragraph:
        offsets.append(at)
        at += len(st.text) + 1
    spans = find_spans(" ".join(st.text for st in paragraph))
    for st, lo in zip(paragraph, offsets, strict=True):
        if st.quotes:
            continue
        hi = lo + len(st.text)
        masks[st.id] += [(max(s, lo) - lo, min(e, hi) - lo) for s, e in spans if s < hi and lo < e]


def _unmasked(length: int, mask: Sequence[tuple[int, int]]) -> list[tuple[int, int]]:
    """The ranges of ``[0, length)`` outside the masked ones."""
    out, at = [], 0
    for lo, hi in sorted(mask):
        if lo > at:
            out.append((at, lo))
        at = max(at, hi)
    if at < length:
        out.append((at, length))
    return out


def _norm(word: str) -> str:
    return word.replace("’", "'").casefold()


def _names(st: Statement) -> Callable[[int, str], bool]:
    """Whether the word starting at an offset of ``st.text`` is a name.

    With a parse, a name is a proper noun; without one, a capitalised word that does not
    open the statement.
    """
    if st.tokens:
        starts = {i for t in st.tokens if t.pos == "PROPN" for i in range(t.start, t.end)}
        return lambda at, word: at in starts
    first = _WORD.search(st.text)
    opening = first.start() if first else -1
    return lambda at, word: word[:1].isupper() and at != opening


def _windows(
    st: Statement, mask: Sequence[tuple[int, int]], n: int
) -> list[tuple[NGramKey, int, int]]:
    """The statement's candidate rare n-grams outside ``mask`` and its stock phrases
    (:data:`STOCK_PHRASES`), with their character span."""
    is_name = _names(st)
    out = []
    stock = [m.span() for m in _STOCK.finditer(st.text)]
    for lo, hi in _unmasked(len(st.text), [*mask, *stock]):
        found = list(_WORD.finditer(st.text, lo, hi))
        words = [_norm(m.group()) for m in found]
        ordinary = [
            not is_name(m.start(), m.group())
            and w not in _STOPWORDS
            and not any(c.isdigit() for c in w)
            for m, w in zip(found, words, strict=True)
        ]
        for i in range(len(words) - n + 1):
            if sum(ordinary[i : i + n]) >= MIN_CONTENT_WORDS:
                out.append((tuple(words[i : i + n]), found[i].start(), found[i + n - 1].end()))
    return out


def _by_source(statements: Iterable[Statement]) -> dict[str, list[Statement]]:
    """Statements grouped by source, each group in reading order."""
    grouped: dict[str, list[Statement]] = defaultdict(list)
    for st in sorted(statements, key=lambda s: (s.source_id, s.index)):
        grouped[st.source_id].append(st)
    return grouped


def _masks(grouped: Mapping[str, Sequence[Statement]]) -> dict[str, Mask]:
    """:func:`_quote_masks` of every source, by statement ID."""
    return {sid: m for sts in grouped.values() for sid, m in _quote_masks(sts).items()}


#: Each statement's candidate n-grams with their spans (:func:`_windows`), by statement ID.
Windows = Mapping[str, list[tuple[NGramKey, int, int]]]


def _all_windows(statements: Iterable[Statement], masks: Mapping[str, Mask], n: int) -> Windows:
    """:func:`_windows` of every statement, computed once: every pair of sources reads
    them (1,128 pairs in a story of 48 sources)."""
    return {st.id: _windows(st, masks[st.id], n) for st in statements}


def _rare(
    grouped: Mapping[str, Sequence[Statement]], windows: Windows
) -> dict[str, frozenset[NGramKey]]:
    by_source = {
        src: {g for st in sts for g, _, _ in windows[st.id]} for src, sts in grouped.items()
    }
    everywhere: set[NGramKey] = set()
    if len(by_source) >= 3:
        counts = Counter(g for grams in by_source.values() for g in grams)
        everywhere = {g for g, c in counts.items() if c == len(by_source)}
    return {src: frozenset(grams - everywhere) for src, grams in by_source.items()}


def rare_ngrams(
    statements: Sequence[Statement], *, n: int = NGRAM
) -> dict[str, frozenset[NGramKey]]:
    """Each source's rare word n-grams outside quotations and stock phrases (see the module
    docstring).

    N-grams used by every source are dropped when the story has three sources or more.

    Returns:
        ``{source_id: n-grams}``, each n-gram a tuple of case-folded words.

        >>> def st(src: str, text: str) -> Statement:
        ...     return Statement(f"{src}:1", src, 1, text, 0, len(text), 1, 0)
        >>> grams = rare_ngrams([
        ...     st("a", "The board quietly approved the costly plan, ‘a very good plan’."),
        ...     st("b", 'Critics said the board quietly approved it: "a very good plan."'),
        ... ])
        >>> sorted(grams["a"] & grams["b"])
        [('the', 'board', 'quietly', 'approved')]
    """
    grouped = _by_source(statements)
    return _rare(grouped, _all_windows(statements, _masks(grouped), n))


def _quoted(st: Statement, mask: Sequence[tuple[int, int]]) -> bool:
    """Whether at least :data:`QUOTED_SHARE` of the statement's words are quoted."""
    words = [m.start() for m in _WORD.finditer(st.text)]
    inside = sum(_inside(mask, at) for at in words)
    return bool(words) and inside >= QUOTED_SHARE * len(words)


@dataclass(frozen=True, slots=True)
class _Passage:
    statement: str  # the statement's ID
    words: NGramKey  # case-folded
    text: str  # as written, spacing squeezed


def _telling(st: Statement, lo: int, hi: int) -> bool:
    """Whether ``st.text[lo:hi]`` has an ordinary word outside :data:`COMMON_WORDS`."""
    is_name = _names(st)
    return any(
        not is_name(m.start(), m.group())
        and (w := _norm(m.group())) not in _STOPWORDS
        and w not in COMMON_WORDS
        and not any(c.isdigit() for c in w)
        for m in _WORD.finditer(st.text, lo, hi)
    )


def _passages(
    statements: Iterable[Statement], windows: Windows, shared: Iterable[NGramKey]
) -> list[_Passage]:
    """The passages the ``shared`` n-grams make in the statements: overlapping n-grams
    of a statement merge into one; a passage of common words only is left out."""
    wanted = set(shared)
    if not wanted:
        return []
    out = []
    for st in statements:
        spans = [(lo, hi) for g, lo, hi in windows[st.id] if g in wanted]
        for lo, hi in _merged(spans):
            if _telling(st, lo, hi):
                text = " ".join(st.text[lo:hi].split())
                out.append(_Passage(st.id, tuple(_norm(w) for w in _WORD.findall(text)), text))
    return out


def _distinct(passages: Iterable[_Passage]) -> list[_Passage]:
    """Longest first (in words), then in alphabetical order of their case-folded words; a
    passage whose words are part of one already listed (a repeat) is left out."""
    kept: list[tuple[str, _Passage]] = []  # (" words ", passage)
    for p in sorted(passages, key=lambda p: (-len(p.words), p.words)):
        key = f" {' '.join(p.words)} "
        if not any(key in longer for longer, _ in kept):
            kept.append((key, p))
    return [p for _, p in kept]


def shared_phrases(
    statements: Sequence[Statement],
    shared: Iterable[NGramKey],
    *,
    n: int = NGRAM,
    limit: int = EVIDENCE_PHRASES,
) -> tuple[str, ...]:
    """The passages of the statements made of ``shared`` n-grams, as written: evidence.

    Overlapping shared n-grams of a statement merge into one passage. Passages come
    longest first (in words), then in alphabetical order of their case-folded words; a
    passage whose words are part of one already listed is left out, and so is one whose
    ordinary words are all :data:`COMMON_WORDS` (stock wording).

        >>> def st(i: int, text: str) -> Statement:
        ...     return Statement(f"a:{i}", "a", i, text, 0, len(text), i, i)
        >>> shared = {("crews", "will", "clear", "the"), ("will", "clear", "the", "old"),
        ...           ("the", "old", "depot", "site")}
        >>> shared_phrases([st(1, "In May crews will clear the old depot site."),
        ...                 st(2, "Crews will clear the old yard.")], shared)
        ('crews will clear the old depot site',)
    """
    found = [
        p
        for sts in _by_source(statements).values()
        for p in _passages(sts, _all_windows(sts, _quote_masks(sts), n), shared)
    ]
    return tuple(p.text for p in _distinct(found)[:limit])


def _merged(spans: Iterable[tuple[int, int]]) -> list[tuple[int, int]]:
    out: list[tuple[int, int]] = []
    for lo, hi in sorted(spans):
        if out and lo < out[-1][1]:
            out[-1] = (out[-1][0], max(out[-1][1], hi))
        else:
            out.append((lo, hi))
    return out


# --------------------------------------------------------------------------------------
# Measuring pairs
# --------------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class _Source:
    id: str
    statements: tuple[Statement, ...]  # reading order
    prose: tuple[Statement, ...]  # the statements that are not mostly quoted
    words: int
    values: int
    meta: ArticleMeta
    key: str  # content order: ties between sources are broken by this, never by file name


def _sources(
    articles: Sequence[CleanArticle],
    grouped: Mapping[str, Sequence[Statement]],
    masks: Mapping[str, Mask],
) -> dict[str, _Source]:
    metas = {a.article.source_id: a.meta for a in articles}
    out = {}
    for src in sorted(set(metas) | set(grouped)):
        sts = tuple(grouped.get(src, ()))
        out[src] = _Source(
            id=src,
            statements=sts,
            prose=tuple(st for st in sts if not _quoted(st, masks[st.id])),
            words=sum(len(_WORD.findall(s.text)) for s in sts),
            values=sum(len(s.values) for s in sts),
            meta=metas.get(src, ArticleMeta()),
            key=_content_key(sts, metas.get(src, ArticleMeta())),
        )
    return out


def _content_key(statements: Sequence[Statement], meta: ArticleMeta) -> str:
    """A source's place in content order: the digest of its statements' text (then its
    outlet), so that a tie between two sources never falls to their file names."""
    text = " ".join(st.text for st in statements)
    return f"{statement_digest(text)} {_outlet_key(meta.outlet or '').casefold()}"


def _first_matches(
    small: _Source, large: _Source, fact_of: Mapping[str, Fact], prose: Mapping[str, Statement]
) -> list[tuple[Statement, Statement]]:
    """Each prose statement of ``small`` sharing a fact with a prose statement of
    ``large``, with its first such match there."""
    out = []
    for st in small.prose:
        fact = fact_of.get(st.id)
        if fact is None:
            continue
        matches = [
            prose[m] for m in fact.statement_ids if m in prose and prose[m].source_id == large.id
        ]
        if matches:
            out.append((st, min(matches, key=lambda s: s.index)))
    return out


def _near_verbatim(a: str, b: str) -> bool:
    wa, wb = [_norm(w) for w in _WORD.findall(a)], [_norm(w) for w in _WORD.findall(b)]
    return difflib.SequenceMatcher(None, wa, wb, autojunk=False).ratio() >= VERBATIM_RATIO


def _score(coverage: float, order: float, aligned: int, passage_share: float) -> float:
    order_signal = min(1.0, max(0.0, 2 * order - 1)) * min(1.0, aligned / ORDER_FULL_PAIRS)
    passage_signal = min(1.0, passage_share / PASSAGE_SATURATION)
    return round(W_COVERAGE * coverage + W_ORDER * order_signal + W_PASSAGES * passage_signal, 4)


def measure_pairs(
    articles: Sequence[CleanArticle],
    statements: Sequence[Statement],
    facts: Sequence[Fact],
) -> tuple[PairMetrics, ...]:
    """The measurements of every unordered pair of sources, sorted by (first, second).

    :func:`find_derivations` keeps the pairs that pass; this is the place to look at near
    misses. Sources come from ``articles`` and ``statements`` both.
    """
    grouped = _by_source(statements)
    masks = _masks(grouped)
    sources = _sources(articles, grouped, masks)
    fact_of = {sid: f for f in facts for sid in f.statement_ids}
    prose = {st.id: st for s in sources.values() for st in s.prose}
    windows = _all_windows(statements, masks, NGRAM)
    grams = _rare(grouped, windows)
    promos = _promos(articles)
    out = []
    for a, b in combinations(sorted(sources), 2):
        sa, sb = sources[a], sources[b]
        small, large = sorted((sa, sb), key=lambda s: (len(s.prose), s.key))
        if not small.prose:
            continue
        matches = _first_matches(small, large, fact_of, prose)
        back = _first_matches(large, small, fact_of, prose)
        aligned = tuple((st.index, match.index) for st, match in matches)
        coverage = round(len(matches) / len(small.prose), 4)
        order = order_concordance(aligned)
        ga, gb = grams.get(small.id, frozenset()), grams.get(large.id, frozenset())
        shared = ga & gb
        share = round(len(shared) / min(len(ga), len(gb)), 4) if ga and gb else 0.0
        in_small = _passages(small.statements, windows, shared)
        in_large = _passages(large.statements, windows, shared)
        holding = {p.statement for p in in_small}
        passage_share = round(sum(st.id in holding for st in small.prose) / len(small.prose), 4)
        copied = [
            st for st, match in matches if st.id in holding and _near_verbatim(st.text, match.text)
        ]
        verbatim = len(copied)
        long_copied = sum(len(_WORD.findall(st.text)) >= MIN_VERBATIM_WORDS for st in copied)
        carrier, promo = next(
            ((c, line) for c, o in ((a, b), (b, a)) if (line := promos.get((c, o)))), ("", "")
        )
        out.append(
            PairMetrics(
                first=small.id,
                second=large.id,
                aligned=aligned,
                coverage=coverage,
                coverage_other=round(len(back) / len(large.prose), 4) if large.prose else 0.0,
                order=order,
                shared_ngrams=len(shared),
                ngram_share=share,
                verbatim=round(verbatim / len(small.prose), 4),
                length_ratio=round(small.words / large.words, 4) if large.words else 1.0,
                score=_score(coverage, order, len(aligned), passage_share),
                shared=tuple(sorted(shared)),
                shared_passages=min(len(_distinct(in_small)), len(_distinct(in_large))),
                passage_share=passage_share,
                verbatim_statements=long_copied,
                promo=promo,
                promo_carrier=carrier,
            )
        )
    return tuple(sorted(out, key=lambda p: (p.first, p.second)))


# --------------------------------------------------------------------------------------
# Outlets named in another source: attributions and page furniture
# --------------------------------------------------------------------------------------

_REPORT_NOUN = "|".join(re.escape(w) for w in REPORT_NOUNS)
_REPORT_VERB = "|".join(REPORT_VERBS)
#: Attribution words that come before the outlet's name: "according to X", "told X".
_BEFORE_OUTLET = re.compile(
    r"\b(?:as\s+)?(?:(?:first|originally|previously|earlier|exclusively)\s+)?"
    r"(?:according\s+to|reported\s+by|told|per|via|citing|cited\s+by|quoted\s+by"
    r"|interview\s+with|(?:spoke|speaking|talked|talking)\s+(?:to|with)"
    r"|(?:detailed|published|reported|described|revealed|outlined|disclosed)\s+in"
    rf"|(?:{_REPORT_NOUN})\s+(?:in|by|from|on))\s+$",
    re.IGNORECASE,
)
#: Attribution words after the name: "X reported", "X has reported", "X's report".
_AFTER_OUTLET = re.compile(
    r"^(?:['’]s)?\s+(?:(?:own|latest|recent|new|exclusive)\s+)?"
    rf"(?:{_REPORT_NOUN})\b"
    r"|^\s+(?:(?:has|had|have|was|first|previously|earlier|also|recently|originally"
    rf"|later|exclusively)\s+){{0,2}}(?:{_REPORT_VERB})\b",
    re.IGNORECASE,
)
#: Up to three words before the name, within its clause, to show a mention as written.
_LEAD_IN = re.compile(r"(?:[^\W_][\w’'-]*\s+){0,3}$")
#: Capitalised words that may follow an outlet's name without making a longer name.
_DATE_WORDS = frozenset(
    """
    monday tuesday wednesday thursday friday saturday sunday january february march april
    may june july august september october november december
    """.split()  # noqa: SIM905 - a word list reads better as one string
)


def _outlet_key(outlet: str) -> str:
    """An outlet's name to match: spacing squeezed, a leading "The" dropped."""
    words = outlet.split()
    if len(words) > 1 and words[0].casefold() == "the":
        words = words[1:]
    return " ".join(words)


def _outlet_regex(key: str) -> re.Pattern[str]:
    return re.compile(rf"(?<![^\W_])(?:the\s+)?{_phrase_pattern(key)}(?![^\W_])", re.IGNORECASE)


def _outlet_matches(
    text: str, outlets: Mapping[str, re.Pattern[str]]
) -> list[tuple[int, int, str]]:
    """``(start, end, outlet key)`` of each outlet named in ``text``, longest first where
    two overlap ("The New York Times" over "Times"). A match written all in lower case
    is the common word ("the hill", "time"), not the name of an outlet written with
    capitals."""
    found = []
    for key, regex in outlets.items():
        for m in regex.finditer(text):
            if m.group().islower() and not key.islower():
                continue
            found.append((m.start(), m.end(), key))
    out: list[tuple[int, int, str]] = []
    for start, end, key in sorted(found, key=lambda f: (f[0], f[0] - f[1], f[2])):
        if not out or start >= out[-1][1]:
            out.append((start, end, key))
    return out


def _in_longer_name(text: str, start: int, end: int) -> bool:
    """Whether the name at ``text[start:end]`` is part of a longer one: a capitalised word
    follows ("TechCrunch Disrupt") or precedes it ("Sunday Times"). A date after it ("told
    Reuters Monday"), a stopword or the first word of a sentence before it ("Citing
    Reuters") is not part of the name."""
    after = re.match(r"\s+([^\W_][\w’'-]*)", text[end:])
    if after and after.group(1)[0].isupper() and after.group(1).casefold() not in _DATE_WORDS:
        return True
    before = re.search(r"(^|[.!?:;“\"(]\s*|[^\W_]\s+)([^\W_][\w’'-]*)\s+$", text[:start])
    return bool(
        before
        and before.group(2)[0].isupper()
        and before.group(2).casefold() not in _STOPWORDS
        and before.group(1)[:1].isalnum()  # a word before it: not the sentence's first
    )


def _attribution(text: str, start: int, end: int) -> str | None:
    """The attribution naming the outlet at ``text[start:end]``, as written, or None for
    a passing mention ("TechCrunch Disrupt", "a TechCrunch event", "the TechCrunch
    founder")."""
    if _in_longer_name(text, start, end):
        return None
    before = _BEFORE_OUTLET.search(text[:start])
    if before:
        lo, hi = before.start(), end
        if re.match(_REPORT_NOUN, before.group(), re.IGNORECASE):  # "A July 14 article in"
            lead = _LEAD_IN.search(text[:lo])
            lo = lead.start() if lead else lo
    elif after := _AFTER_OUTLET.match(text[end:]):
        lead = _LEAD_IN.search(text[:start])
        lo, hi = (lead.start() if lead else start), end + after.end()
    else:
        return None
    return " ".join(text[lo:hi].split())


def attributions(text: str, outlet: str) -> tuple[str, ...]:
    """The places where ``text`` names ``outlet`` as the source of what it reports.

    Matching is case-insensitive, on word boundaries, with a leading "The" optional; a
    match written all in lower case is the common word, and a name that runs into a longer
    one ("TechCrunch Disrupt") is another name. A mention counts in an attribution
    context: "according to X", "reported by X", "as first reported by X", "told X",
    "per X", "citing X", "in an interview with X", "detailed in X", "a report in X", a
    :data:`REPORT_NOUNS` noun after the name ("in a X report", "X's reporting") or a
    :data:`REPORT_VERBS` verb ("X reported", "X has said").

        >>> attributions("The letter, detailed in a TechCrunch report, sets out goals.",
        ...              "TechCrunch")
        ('detailed in a TechCrunch report',)
        >>> attributions("She spoke at TechCrunch Disrupt, a TechCrunch event.", "TechCrunch")
        ()
    """
    key = _outlet_key(outlet)
    if not key:
        return ()
    matches = _outlet_matches(text, {key: _outlet_regex(key)})
    return tuple(m for lo, hi, _ in matches if (m := _attribution(text, lo, hi)))


def _outlets(articles: Sequence[CleanArticle]) -> dict[str, tuple[str, ...]]:
    """Outlet name -> the sources with that outlet (``meta.outlet``, from front matter or
    ``story.toml``, never a file stem). Names that differ only in case are one outlet,
    written as its first source writes it."""
    by_fold: dict[str, list[tuple[str, str]]] = defaultdict(list)
    for a in sorted(articles, key=lambda a: a.article.source_id):
        if name := _outlet_key(a.meta.outlet or ""):
            by_fold[name.casefold()].append((a.article.source_id, name))
    return {group[0][1]: tuple(src for src, _ in group) for group in by_fold.values()}


def _initials(key: str) -> frozenset[str]:
    """An outlet's usual abbreviations, in capitals: the initials of its words ("AP" for
    Associated Press, "UPI" for United Press International), and of its capitalised words
    alone ("AFP" for Agence France-Presse); none for a one-word name."""
    words = [w for w in re.split(r"[\s-]+", key) if w[:1].isalpha()]
    if len(words) < 2:
        return frozenset()
    capital = [w for w in words if w[0].isupper()]
    return frozenset("".join(w[0] for w in ws).upper() for ws in (words, capital) if len(ws) >= 2)


def _credited(credit: str, key: str) -> bool:
    """A credit's words are exactly the outlet's name (a leading "The" optional, any case)
    or, written in capitals, one of its :func:`_initials`."""
    credit = " ".join(credit.strip(" .").split())
    return _outlet_key(credit).casefold() == key.casefold() or credit in _initials(key)


def _credits(articles: Sequence[CleanArticle], facts: Sequence[Fact]) -> dict[tuple[str, str], str]:
    """``(carrier, owner) -> line``: a line the cleaner removed from ``carrier``'s page
    that credits ``owner``'s outlet with the article (:data:`CREDIT_LINES`: a dateline's
    agency, "MILLBROOK, Ohio (AP)"; a byline "By The Associated Press"; a sign-off "—
    Reuters"). The page says the article is the owner's: evidence like a citation, when
    the two share a fact. A page's own outlet, and an outlet two sources share, say
    nothing."""
    outlets = _outlets(articles)
    sources_of = [set(f.source_ids) for f in facts]
    out: dict[tuple[str, str], str] = {}
    for a in articles:
        carrier = a.article.source_id
        for line in a.removed:
            if line.reason not in CREDIT_REASONS:
                continue
            credits = [m.group(1) for rx in CREDIT_LINES if (m := rx.search(line.text))]
            for credit in credits:
                for key, owners in outlets.items():
                    if (
                        len(owners) == 1
                        and owners[0] != carrier
                        and key.casefold() != _own_outlet(a)
                        and _credited(credit, key)
                        and any({carrier, owners[0]} <= s for s in sources_of)
                    ):
                        out.setdefault((carrier, owners[0]), " ".join(line.text.split()))
    return out


def _own_outlet(article: CleanArticle) -> str:
    return _outlet_key(article.meta.outlet or "").casefold()


def _promos(articles: Sequence[CleanArticle]) -> dict[tuple[str, str], str]:
    """``(carrier, owner) -> line``: a removed ad or promo line (:data:`PROMO_REASONS`)
    of ``carrier``'s page that names ``owner``'s outlet, the first one of each pair. A
    page's own outlet, and an outlet two sources share, say nothing."""
    outlets = _outlets(articles)
    patterns = {name: _outlet_regex(name) for name in outlets}
    out: dict[tuple[str, str], str] = {}
    for a in articles:
        carrier = a.article.source_id
        for line in a.removed:
            if line.reason not in PROMO_REASONS:
                continue
            for _, _, key in _outlet_matches(line.text, patterns):
                if key.casefold() == _own_outlet(a) or len(outlets[key]) != 1:
                    continue
                out.setdefault((carrier, outlets[key][0]), " ".join(line.text.split()))
    return out


def _citations(
    articles: Sequence[CleanArticle],
    grouped: Mapping[str, Sequence[Statement]],
    masks: Mapping[str, Mask],
    facts: Sequence[Fact],
    keys: Mapping[str, str],
) -> dict[tuple[str, str], tuple[str, ...]]:
    """``(citing, cited) -> mentions``: each source's attributions to another source's
    outlet, outside quotations, in reading order.

    A citation needs one of its mentions in a statement that shares a fact with the cited
    source: what it attributes to the outlet is what that source reports, not some other
    story of the same outlet. When several sources have the outlet, the one sharing the
    most facts with the citing source is cited (ties: content order, ``keys``).
    """
    outlets = _outlets(articles)
    patterns = {name: _outlet_regex(name) for name in outlets}
    own = {a.article.source_id: _own_outlet(a) for a in articles}
    sources_of = {f.id: set(f.source_ids) for f in facts}
    fact_of = {sid: f.id for f in facts for sid in f.statement_ids}
    out: dict[tuple[str, str], tuple[str, ...]] = {}
    for citing, sts in grouped.items():
        mentions: dict[str, list[tuple[str, str]]] = defaultdict(list)  # key -> (st, text)
        for st in sts:
            for lo, hi, key in _outlet_matches(st.text, patterns):
                if key.casefold() == own.get(citing) or _inside(masks[st.id], lo):
                    continue
                if text := _attribution(st.text, lo, hi):
                    mentions[key].append((st.id, text))
        shared = Counter(
            other for st in sts for other in sources_of.get(fact_of.get(st.id, ""), ())
        )
        for key, found in mentions.items():
            backed = {
                cited
                for sid, _ in found
                for cited in sources_of.get(fact_of.get(sid, ""), ())
                if cited in outlets[key] and cited != citing
            }
            if backed:
                cited = min(backed, key=lambda c: (-shared[c], keys.get(c, c)))
                out[(citing, cited)] = tuple(text for _, text in found)
    return out


# --------------------------------------------------------------------------------------
# Which side is the original
# --------------------------------------------------------------------------------------


def _when(published: str | None) -> date | None:
    """The date or date-time of an ISO string (a datetime is a date too), or None."""
    if not published:
        return None
    try:
        return (
            datetime.fromisoformat(published)
            if len(published) > 10
            else date.fromisoformat(published)
        )
    except ValueError:
        try:
            return date.fromisoformat(published[:10])
        except ValueError:
            return None


def _earlier(a: str | None, b: str | None) -> int:
    """-1 when ``a`` was published first, 1 when ``b`` was, 0 when unknown or the same."""
    wa, wb = _when(a), _when(b)
    if wa is None or wb is None:
        return 0
    if isinstance(wa, datetime) and isinstance(wb, datetime):
        try:
            return (wa > wb) - (wa < wb)
        except TypeError:  # one aware, one naive: compare the days
            pass
    day_a = wa.date() if isinstance(wa, datetime) else wa
    day_b = wb.date() if isinstance(wb, datetime) else wb
    return (day_a > day_b) - (day_a < day_b)


def _fuller(text_a: str, text_b: str) -> str | None:
    """ "a" or "b": the side of an elided quote pair that does not elide, if either."""
    elided_a, elided_b = bool(_ELLIPSIS.search(text_a)), bool(_ELLIPSIS.search(text_b))
    if elided_a != elided_b:
        return "b" if elided_a else "a"
    na, nb = len(_WORD.findall(text_a)), len(_WORD.findall(text_b))
    if na == nb:
        return None
    return "a" if na > nb else "b"


def _quote_votes(
    a: str, b: str, quotes: Iterable[QuoteFinding], source_of: Mapping[str, str]
) -> Counter[str]:
    """Votes for the source that quotes more fully, from the findings between a and b."""
    votes: Counter[str] = Counter()
    for q in quotes:
        if q.b is None:
            continue
        sa, sb = source_of.get(q.a), source_of.get(q.b)
        if sa is None or sb is None or {sa, sb} != {a, b}:
            continue
        if q.kind is QuoteClass.PARAPHRASED or (
            q.kind is QuoteClass.ALTERED and q.text_b is None  # a paraphrase that negates it
        ):
            votes[sa] += 1  # a holds the quotation, b says it without quote marks
        elif q.kind is QuoteClass.ELIDED and q.text_b is not None:
            side = _fuller(q.text_a, q.text_b)
            if side is not None:
                votes[sa if side == "a" else sb] += 1
    return votes


def _plural(n: int, word: str) -> str:
    return f"{n} {word}" if n == 1 else f"{n} {word}s"


def choose_original(
    a: str,
    b: str,
    *,
    published: Mapping[str, str | None],
    detail: Mapping[str, tuple[int, int]],
    quotes: Sequence[QuoteFinding] = (),
    source_of: Mapping[str, str] | None = None,
    hints: Sequence[tuple[str, str]] = (),
    keys: Mapping[str, str] | None = None,
) -> tuple[str, str]:
    """Which of two sources is the original, and why, in one sentence: the rules of
    :func:`_cluster_root` for a pair (:func:`find_derivations` applies them to a whole
    cluster of related sources at once), except that a date counts only when both have
    one.

    Args:
        a: a source ID.
        b: the other source ID.
        published: each source's ``meta.published`` (ISO date or date-time) or None.
        detail: each source's ``(statements, typed values)``.
        quotes: the story's quote findings; those between ``a`` and ``b`` are read.
        source_of: statement ID -> source ID; by default read off ``"<source>:<n>"`` IDs.
        hints: ``(original, why)`` from a page's own text: it cites the other's outlet,
            or carries the other outlet's promo. Hints that all name one of ``a`` and
            ``b`` decide before anything else, since a page that names its source says
            more than dates (a scraped copy's date is often when it was copied).
        keys: each source's content key (:func:`_content_key`), the last tie-break;
            without it, the source IDs (file order), and ``why_original`` says so.

    Returns:
        ``(original, why_original)``.

        >>> choose_original("x", "y", published={"x": "2025-07-31", "y": "2025-07-30"},
        ...                 detail={"x": (9, 9), "y": (3, 0)})
        ('y', 'y was published 2025-07-30, before 2025-07-31.')
        >>> choose_original("x", "y", published={}, detail={"x": (9, 9), "y": (3, 0)})[1]
        'x has more detail: 9 statements and 9 typed values, against 3 and 0 in y.'
    """
    named = {orig for orig, _ in hints if orig in (a, b)}
    if len(named) == 1:
        return next((orig, why) for orig, why in hints if orig in named)
    first = _earlier(published.get(a), published.get(b))
    if first:
        orig, other = (a, b) if first < 0 else (b, a)
        return orig, f"{orig} was published {published[orig]}, before {published[other]}."
    if source_of is None:
        source_of = {
            sid: sid.rsplit(":", 1)[0] for q in quotes for sid in (q.a, q.b) if sid is not None
        }
    votes = _quote_votes(a, b, quotes, source_of)
    if votes[a] != votes[b]:
        orig, other = (a, b) if votes[a] > votes[b] else (b, a)
        return orig, (
            f"{orig} quotes in full what {other} elides or paraphrases "
            f"({_plural(votes[orig], 'quote')} against {votes[other]})."
        )
    (sa, va), (sb, vb) = detail.get(a, (0, 0)), detail.get(b, (0, 0))
    if sa + va != sb + vb:
        orig, other = (a, b) if sa + va > sb + vb else (b, a)
        (so, vo), (st, vt) = detail.get(orig, (0, 0)), detail.get(other, (0, 0))
        return orig, (
            f"{orig} has more detail: {_plural(so, 'statement')} and "
            f"{_plural(vo, 'typed value')}, against {st} and {vt} in {other}."
        )
    if keys is not None:
        orig, other = sorted((a, b), key=lambda s: (keys.get(s, ""), s))
        return orig, (
            f"Neither dates, quotes nor detail tell {orig} and {other} apart; "
            f"{orig} is taken as the original by content order (the digest of its text)."
        )
    orig, other = sorted((a, b))
    return orig, (
        f"Neither dates, quotes nor detail tell {orig} and {other} apart; "
        f"{orig} is taken as the original by file order."
    )


# --------------------------------------------------------------------------------------
# Derivations and independent counts
# --------------------------------------------------------------------------------------


def _kind(m: PairMetrics, derived: str) -> DerivationKind | None:
    if m.verbatim >= COPY_SHARE:
        return DerivationKind.COPY
    if derived == m.first and m.length_ratio <= CONDENSED_RATIO:
        return DerivationKind.CONDENSED
    if m.coverage_other >= MIN_COVERAGE or derived != m.first:
        return DerivationKind.PARAPHRASE
    return None


class _Groups:
    """Union-find over source IDs; the smallest ID is a group's root, so it is deterministic."""

    def __init__(self) -> None:
        self._parent: dict[str, str] = {}

    def root(self, x: str) -> str:
        self._parent.setdefault(x, x)
        while self._parent[x] != x:
            self._parent[x] = self._parent[self._parent[x]]
            x = self._parent[x]
        return x

    def union(self, a: str, b: str) -> bool:
        """Merge the groups of a and b; False when they were one group already."""
        ra, rb = self.root(a), self.root(b)
        if ra == rb:
            return False
        low, high = sorted((ra, rb))
        self._parent[high] = low
        return True


def _quoted_list(items: Sequence[str], limit: int = 3) -> str:
    shown = ", ".join(f"“{t}”" for t in items[:limit])
    return shown + (", …" if len(items) > limit else "")


def _cites_why(citing: str, cited: str, mentions: Sequence[str]) -> str:
    return (
        f"{citing} cites {cited}'s reporting "
        f"({_plural(len(mentions), 'mention')}: {_quoted_list(mentions)})."
    )


def _credit_why(carrier: str, owner: str, line: str) -> str:
    return (
        f"{carrier}'s page credits {owner} (“{line}”), removed with the page's metadata and chrome."
    )


def _promo_why(carrier: str, owner: str, line: str) -> str:
    return f"{carrier}'s page carries {owner}'s own promo (“{line}”), removed as chrome."


def find_derivations(
    articles: Sequence[CleanArticle],
    statements: Sequence[Statement],
    facts: Sequence[Fact],
    quotes: Sequence[QuoteFinding] = (),
) -> tuple[Derivation, ...]:
    """Sources of the story that are likely rewrites or copies of another of its sources,
    or that name another's outlet as where they have their facts from.

    Args:
        articles: the story's articles; their ``meta.published`` dates, ``meta.outlet``
            names and removed lines are read.
        statements: every statement of the story, with :attr:`Statement.quotes` filled
            by :func:`factcheck.quotes.attach_quotes` (statements without spans are
            scanned for quote marks instead).
        facts: the classified facts; only ``statement_ids`` and ``source_ids`` are read.
        quotes: the quote findings, evidence for which side quotes more fully.

    Returns:
        At most one derivation per source (a source derives from one original), sorted
        by (derived, original); ``coverage`` is the smaller source's. The sources linked
        by passing pairs form a cluster with one original (see "Which side is the
        original" in the module docstring), and every other member derives from it. A
        rewrite that also cites its original keeps its kind, with the citation in
        ``mentions``. For a story where ``digest`` condenses ``courier``, something
        like::

            (Derivation(derived='digest', original='courier',
                        kind=DerivationKind.CONDENSED, score=0.85, order=1.0,
                        coverage=1.0, shared_ngrams=34,
                        why_original='courier quotes in full what digest elides or
                                      paraphrases (1 quote against 0).',
                        shared_phrases=('voted against the plan, arguing that the
                                         district should first study removing the dam',
                                        ...),
                        shared_passages=9),)
    """
    grouped = _by_source(statements)
    masks = _masks(grouped)
    sources = _sources(articles, grouped, masks)
    source_of = {st.id: st.source_id for st in statements}
    ev = _Evidence(
        published={src: s.meta.published for src, s in sources.items()},
        detail={src: (len(s.statements), s.values) for src, s in sources.items()},
        votes=_all_quote_votes(quotes, source_of),
        named={},
        key={src: s.key for src, s in sources.items()},
    )
    metrics = {
        frozenset((m.first, m.second)): m for m in measure_pairs(articles, statements, facts)
    }
    cites = _citations(articles, grouped, masks, facts, ev.key)
    credits = _credits(articles, facts)
    for (carrier, owner), line in _promos(articles).items():
        ev.named.setdefault((carrier, owner), _promo_why(carrier, owner, line))
    for (citing, cited), mentions in cites.items():
        ev.named[citing, cited] = _cites_why(citing, cited, mentions)
    for (carrier, owner), line in credits.items():
        ev.named.setdefault((carrier, owner), _credit_why(carrier, owner, line))

    passing = {pair: m for pair, m in metrics.items() if m.passes}
    out: dict[str, Derivation] = {}  # derived -> its one derivation
    for members in _clusters(passing):
        root, clause = _cluster_root(members, ev)
        for derived, original in _attach(members, root, passing, ev):
            m = passing[frozenset((derived, original))]
            out[derived] = Derivation(
                derived=derived,
                original=original,
                kind=_kind(m, derived) or DerivationKind.PARAPHRASE,
                score=m.score,
                order=m.order,
                coverage=m.coverage,
                shared_ngrams=m.shared_ngrams,
                why_original=_edge_why(derived, original, root, clause, len(members), ev),
                shared_phrases=shared_phrases(sources[derived].statements, m.shared),
                shared_passages=m.shared_passages,
                mentions=_mentions(cites, credits, derived, original),
                promo=m.promo if m.promo_carrier == derived else "",
            )
    # the citations and credits no rewrite explains, one per citing source: the cited
    # source with the most mentions (ties: content order); of two sources citing each
    # other, the one with more mentions
    said = {pair: _mentions(cites, credits, *pair) for pair in (*cites, *credits)}
    for (citing, cited), mentions in sorted(
        said.items(), key=lambda c: (-len(c[1]), ev.key[c[0][0]], ev.key[c[0][1]])
    ):
        if citing in out or (cited in out and out[cited].original == citing):
            continue
        pm = metrics.get(frozenset((citing, cited)))
        out[citing] = Derivation(
            derived=citing,
            original=cited,
            kind=DerivationKind.CITES,
            score=pm.score if pm else 0.0,
            order=pm.order if pm else 0.5,
            coverage=pm.coverage if pm else 0.0,
            shared_ngrams=pm.shared_ngrams if pm else 0,
            why_original=ev.named[citing, cited],
            shared_passages=pm.shared_passages if pm else 0,
            mentions=mentions,
        )
    return tuple(sorted(out.values(), key=lambda d: (d.derived, d.original)))


def _mentions(
    cites: Mapping[tuple[str, str], tuple[str, ...]],
    credits: Mapping[tuple[str, str], str],
    derived: str,
    original: str,
) -> tuple[str, ...]:
    """The derived page's words naming the original: its credit line, then its citations."""
    credit = credits.get((derived, original))
    return ((credit,) if credit else ()) + cites.get((derived, original), ())


@dataclass(frozen=True, slots=True)
class _Evidence:
    """What tells an original from its copies: dates, ``(statements, typed values)``,
    quote votes ``(fuller, other) -> n``, the pages' own word ``(derived, original) ->
    why`` (citation, promo or credit) and each source's content key (the last tie-break)."""

    published: Mapping[str, str | None]
    detail: Mapping[str, tuple[int, int]]
    votes: Mapping[tuple[str, str], int]
    named: dict[tuple[str, str], str]
    key: Mapping[str, str]


def _all_quote_votes(
    quotes: Iterable[QuoteFinding], source_of: Mapping[str, str]
) -> Counter[tuple[str, str]]:
    """``(fuller, other) -> votes``: :func:`_quote_votes` for every pair of sources at once."""
    votes: Counter[tuple[str, str]] = Counter()
    pairs = {
        frozenset((sa, sb))
        for q in quotes
        if q.b is not None
        and (sa := source_of.get(q.a)) is not None
        and (sb := source_of.get(q.b)) is not None
        and sa != sb
    }
    for pair in pairs:
        a, b = sorted(pair)
        found = _quote_votes(a, b, quotes, source_of)
        votes[a, b], votes[b, a] = found[a], found[b]
    return votes


def _clusters(passing: Iterable[frozenset[str]]) -> list[frozenset[str]]:
    """The connected groups of sources linked by passing pairs."""
    groups = _Groups()
    for pair in passing:
        groups.union(*sorted(pair))
    members: dict[str, set[str]] = defaultdict(set)
    for pair in passing:
        for src in pair:
            members[groups.root(src)].add(src)
    return [frozenset(m) for _, m in sorted(members.items())]


def _cluster_root(members: frozenset[str], ev: _Evidence) -> tuple[str, str]:
    """The one original of a cluster of related sources, and the clause that says why.

    The candidates narrow, rule by rule, until one is left:

    0. a member whose page names another member as its source (citation, promo, credit)
       is derived by its own word, and no candidate (unless every member names one);
    1. the candidates most often named as their source by other members' pages, among
       those not dated after another member (a named copy of an older article is an
       intermediate, not the original);
    2. of the dated candidates, the earliest (a copy is never older than its original);
    3. the most quote votes won against the other members (it quotes in full what they
       elide or paraphrase);
    4. the most statements plus typed values;
    5. content order (:func:`_content_key`), never the file name.
    """
    pub = ev.published
    named = Counter(o for d, o in ev.named if d in members and o in members and d != o)
    namers = {d for d, o in ev.named if d in members and o in members and d != o}
    cands = sorted(members - namers or members, key=lambda s: ev.key[s])
    if len(cands) == 1:
        return cands[0], "it is the one related page that names no other as its source"
    eligible = [
        c
        for c in cands
        if named[c] and not any(_earlier(pub.get(o), pub.get(c)) < 0 for o in members)
    ]
    if eligible:
        top = max(named[c] for c in eligible)
        cands = [c for c in eligible if named[c] == top]
        if len(cands) == 1:
            return cands[0], f"{_plural(top, 'related page')} name it as their source"
    dated = [c for c in cands if _when(pub.get(c)) is not None]
    if dated:
        first = [c for c in dated if all(_earlier(pub[c], pub[o]) <= 0 for o in dated)]
        cands = first or dated
        if len(cands) == 1:
            return cands[0], f"it was published first of the dated ones ({pub[cands[0]]})"
    won = {
        c: sum(ev.votes.get((c, o), 0) - ev.votes.get((o, c), 0) for o in members) for c in cands
    }
    if (best := max(won.values())) != min(won.values()):
        cands = [c for c in cands if won[c] == best]
        if len(cands) == 1:
            return cands[0], "it quotes in full what the others elide or paraphrase"
    size = {c: sum(ev.detail.get(c, (0, 0))) for c in cands}
    if (most := max(size.values())) != min(size.values()):
        cands = [c for c in cands if size[c] == most]
        if len(cands) == 1:
            s, v = ev.detail.get(cands[0], (0, 0))
            return cands[0], (
                f"it has the most detail ({_plural(s, 'statement')} and "
                f"{_plural(v, 'typed value')})"
            )
    return cands[0], (
        "neither pages, dates, quotes nor detail tell the versions apart, so it is "
        "taken by content order (the digest of its text), not by file name"
    )


def _attach(
    members: frozenset[str],
    root: str,
    passing: Mapping[frozenset[str], PairMetrics],
    ev: _Evidence,
) -> list[tuple[str, str]]:
    """``(derived, original)`` for each member of a cluster but its root.

    A member derives from the root when the two pass as a pair (a star around the root).
    It derives from another member only when its own page names that member (citation,
    promo, credit) and the member is no farther from the root, or when the pair with the
    root does not pass: then from its strongest pairing with a member nearer the root
    (ties: content order). A member that no pairing explains in that direction (no kind)
    is left out. No member has two originals and no chain loops.
    """
    near: dict[str, set[str]] = defaultdict(set)
    for pair in passing:
        if pair <= members:
            a, b = sorted(pair)
            near[a].add(b)
            near[b].add(a)
    dist = {root: 0}
    todo = [root]
    while todo:
        nxt = []
        for src in sorted(todo, key=lambda s: ev.key[s]):
            for other in sorted(near[src] - dist.keys(), key=lambda s: ev.key[s]):
                dist[other] = dist[src] + 1
                nxt.append(other)
        todo = nxt
    parent: dict[str, str] = {}

    def loops(x: str, p: str) -> bool:
        while p in parent:
            p = parent[p]
            if p == x:
                return True
        return p == x

    for x in sorted(members - {root}, key=lambda s: (dist[s], ev.key[s])):
        options = [
            p
            for p in near[x]
            if dist[p] <= dist[x]
            and _kind(passing[frozenset((x, p))], x) is not None
            and not loops(x, p)
        ]
        named = [p for p in options if (x, p) in ev.named]
        closer = [p for p in options if dist[p] < dist[x]]
        if root in named or (root in options and not named):
            parent[x] = root
        elif pool := named or closer:
            parent[x] = min(pool, key=lambda p: (-passing[frozenset((x, p))].score, ev.key[p]))
    return sorted(parent.items())


def _edge_why(derived: str, original: str, root: str, clause: str, size: int, ev: _Evidence) -> str:
    """Why ``original`` is taken as ``derived``'s original, in one sentence: the derived
    page's own word; else the pair's dates, quotes or detail when they point that way;
    else the cluster's reason (:func:`_cluster_root`)."""
    if why := ev.named.get((derived, original)):
        return why
    pub = ev.published
    first = _earlier(pub.get(original), pub.get(derived))
    if first < 0:
        return f"{original} was published {pub[original]}, before {pub[derived]}."
    won, lost = ev.votes.get((original, derived), 0), ev.votes.get((derived, original), 0)
    if first == 0 and won > lost:
        return (
            f"{original} quotes in full what {derived} elides or paraphrases "
            f"({_plural(won, 'quote')} against {lost})."
        )
    (so, vo), (sd, vd) = ev.detail.get(original, (0, 0)), ev.detail.get(derived, (0, 0))
    if first == 0 and won == lost and so + vo > sd + vd:
        return (
            f"{original} has more detail: {_plural(so, 'statement')} and "
            f"{_plural(vo, 'typed value')}, against {sd} and {vd} in {derived}."
        )
    if original != root:
        return (
            f"{derived} derives from {root} through {original}, which it matches more "
            f"closely; {root} is the original of the {size} related sources: {clause}."
        )
    others = f"{derived} and the other {size - 2} related sources" if size > 2 else derived
    return f"{root} is taken as the original of {others}: {clause}."


def independent_counts(
    facts: Sequence[Fact], derivations: Sequence[Derivation]
) -> tuple[Fact, ...]:
    """The facts, in the order given, with :attr:`Fact.independent` set.

    Every derived source is merged into its original, transitively: a rewrite of a rewrite
    still counts once, and so do two rewrites of one original. ``independent`` is the
    number of merged groups among the fact's sources, so a fact told by an original and
    its rewrite has 1.
    """
    family = families(derivations)
    return tuple(
        replace(f, independent=len({family.get(s, s) for s in f.source_ids})) for f in facts
    )


def families(derivations: Iterable[Derivation]) -> dict[str, str]:
    """Each source named in a derivation, mapped to its family's root (the smallest ID):
    the sources that copy, rewrite or cite one another, merged transitively. A source in
    no derivation is its own family and is not listed."""
    groups = _Groups()
    for d in derivations:
        groups.union(d.derived, d.original)
    named = {x for d in derivations for x in (d.derived, d.original)}
    return {x: groups.root(x) for x in sorted(named)}


# --------------------------------------------------------------------------------------
# Who introduced a disagreement
# --------------------------------------------------------------------------------------

#: The conflicts a copy can be said to introduce: what a rewriter changes in its
#: original's sentence (a figure, a date, a name). A claim, polarity or model-judged
#: contradiction is too weak an inference to pin on one side.
DEPARTURE_KINDS = frozenset({ConflictKind.VALUE, ConflictKind.DATE, ConflictKind.ENTITY})


@dataclass(frozen=True, slots=True)
class Departure:
    """Source ``derived``, which derives from ``original`` (directly or through other
    copies), gives ``value_derived`` where ``original`` gives ``value_original``: the
    copy changed its original's figure, date or name (``conflict`` is the finding, in
    fact ``fact``). For a report to say "Valley News, a copy of Associated Press,
    changed 27 others to 37 others"."""

    fact: str
    derived: str
    original: str
    value_derived: str
    value_original: str
    conflict: Conflict


def departures(derivations: Sequence[Derivation], facts: Sequence[Fact]) -> tuple[Departure, ...]:
    """The conflicts of ``facts`` (:data:`DEPARTURE_KINDS`) between a source and one it
    derives from, with the derived side named as the one that departs.

    Only a source and its own original (or the original's original, and so on) are read:
    two copies of one original that disagree say nothing about which one changed it, and
    their original's own conflict with the one that did is its departure. Sorted by
    (fact, derived, original, the derived value).

        >>> from factcheck.types import Coverage
        >>> d = Derivation("copy", "wire", DerivationKind.COPY, 1.0, 1.0, 1.0, 9, "")
        >>> c = Conflict(ConflictKind.VALUE, "wire:2", "copy:2", "27 others", "37 others",
        ...              0.8, "")
        >>> f = Fact("F-1", ("wire:2", "copy:2"), ("copy", "wire"), Coverage.CONSENSUS,
        ...          0.9, conflicts=(c,))
        >>> [(x.derived, x.value_original, x.value_derived) for x in departures([d], [f])]
        [('copy', '27 others', '37 others')]
    """
    parent = {d.derived: d.original for d in derivations}

    def descends(src: str, ancestor: str) -> bool:
        seen = {src}
        while (src := parent.get(src, "")) and src not in seen:
            if src == ancestor:
                return True
            seen.add(src)
        return False

    out = []
    for f in facts:
        for c in f.conflicts:
            if c.kind not in DEPARTURE_KINDS:
                continue
            sa, sb = c.a.rsplit(":", 1)[0], c.b.rsplit(":", 1)[0]
            for derived, original, vd, vo in ((sa, sb, c.value_a, c.value_b),
                                              (sb, sa, c.value_b, c.value_a)):  # fmt: skip
                if descends(derived, original):
                    out.append(Departure(f.id, derived, original, vd, vo, c))
    return tuple(sorted(out, key=lambda x: (x.fact, x.derived, x.original, x.value_derived)))
