"""Provenance: which articles of a story are rewrites or copies of another.

An outlet that rewrites another outlet's article does not confirm it: a fact told by an
original and its rewrite has one independent source, not two. :func:`find_derivations`
finds such pairs once facts and quote findings exist, and :func:`independent_counts`
recounts each fact's sources with every rewrite merged into its original.

What is measured, for each pair of sources
------------------------------------------
Independent reporters covering one event tell the same facts, often in the same natural
(chronological or inverted-pyramid) order, and quote the same speakers word for word. None
of that is evidence of copying. What a rewrite has and independent reporting does not is
the other article's *prose*: its wording outside quotations. So quotations are set aside
first, and shared prose is a gate.

*Quotations* are the spans :func:`factcheck.quotes.attach_quotes` put on each statement
(:attr:`Statement.quotes`), so the quote comparison and this stage read the same
quotations. A statement without spans (one that did not go through ``attach_quotes``, or
whose marks it does not read) falls back on a scan of its quote marks, double (“…”,
"…") and single (‘…’, '…'), paired within its paragraph; an apostrophe (``don’t``,
``’90s``, ``the engineers’ report``) is not a quote mark. A statement with at least
:data:`QUOTED_SHARE` of its words quoted is a *quoted statement*; the others are *prose
statements*.

Let *S* be the source with fewer prose statements (ties: the smaller source ID) and *L*
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
    Rare word 4-grams (:data:`NGRAM`) both sources use outside quotations. An n-gram is
    rare when it holds at least :data:`MIN_CONTENT_WORDS` ordinary words (not stopwords,
    numbers or names: proper nouns, or without a parse capitalised words after the first;
    "the end of the" and "Mayor Lena Ortiz said" do not count) and, in a story of three or
    more sources, not every source uses it (a phrase all outlets share tells nothing about
    who copied whom). ``ngram_share`` is the count over the rare n-grams of whichever
    source has fewer. :func:`shared_phrases` turns them back into the passages they come
    from, the evidence a report shows.
``verbatim``
    The share of S's prose statements whose match in L has the same words, or nearly
    (difflib ratio of the word lists at least :data:`VERBATIM_RATIO`).

Score and gates
---------------
::

    order_signal = clamp(2 * order - 1, 0, 1) * min(1, aligned / ORDER_FULL_PAIRS)
    ngram_signal = min(1, ngram_share / NGRAM_SATURATION)
    score        = 0.45 * coverage + 0.30 * order_signal + 0.25 * ngram_signal

(:data:`W_COVERAGE`, :data:`W_ORDER`, :data:`W_NGRAMS`). Random order adds nothing, and
order read from a handful of pairs adds less than order read from many. A pair is a
derivation when ``score >= SCORE_THRESHOLD`` (0.6) and it passes every gate:

1. **shared prose** (:attr:`PairMetrics.shares_prose`): at least
   :data:`MIN_SHARED_NGRAMS` (5) shared rare n-grams and ``ngram_share >=
   MIN_NGRAM_SHARE`` (0.05). Coverage and order alone reach the score threshold for two
   independent reports of one event; they say whether shared prose spans the whole
   article, not whether there is any;
2. ``coverage >= MIN_COVERAGE`` (0.5) and at least :data:`MIN_ALIGNED` (4) aligned prose
   statements;
3. ``order >= MIN_ORDER`` (0.75), unless the wording alone shows the rewrite: a copy
   (``verbatim >= COPY_SHARE``) or ``ngram_share >= STRONG_NGRAM_SHARE`` (0.25). Moving
   paragraphs of a rewrite around does not make it independent; with little shared
   wording, a different order is what keeps a pair apart.

Tuned with the default MiniLM embedder and alignment threshold (0.45) on the hand-written
stories in ``tests/data/provenance``: their rewrites share 17 to 78 rare n-grams outside
quotations (``ngram_share`` 0.17 to 0.69) and score 0.83 to 1.0, a close paraphrase with
five paragraphs moved included (order 0.71, share 0.32). The independent pairs share at
most 2 (share 0.03 at most, "the county fire department", "four air tankers and"), though
their coverage and order score up to 0.71 (the same facts in the natural order, with the
same quotes). Two sibling rewrites of one original share 3 and are not reported; they
count as one source anyway, through the original. On 50 BASIL triplets (Fox, NYT and
HuffPost reporting one event, 150 pairs) the rules before the prose gate (quotations in
coverage and order, no gate) reported one pair, at 0.65: a Fox piece that says "The
Times reports" and follows the NYT story; ``factcheck eval`` measures the current rules.

The kind, from the pair's shape:

- **copy**: at least :data:`COPY_SHARE` of S's statements are verbatim or nearly;
- **condensed rewrite**: the derived source is S and has at most :data:`CONDENSED_RATIO`
  of L's words;
- **close paraphrase**: otherwise, when L is covered too (``coverage_other >=
  MIN_COVERAGE``) or the derived source is the longer one. A longer article that rewrites
  a shorter, earlier one is reported as a close paraphrase: there is no kind for an
  expansion. Two articles of similar length that share about half of each other are not
  reported at all: they share a part, not the article.

Two rewrites of one original resemble each other about as much as each resembles it.
Pairs above the threshold are therefore kept as a maximum spanning forest (strongest score
first, Kruskal): a pair is dropped when stronger pairs already connect its two sources,
so "B and C both rewrite A" is reported as B -> A and C -> A, without C -> B. The
independent counts are the same either way; the report is shorter and says less that is
doubtful.

Which side is the original
--------------------------
1. **Publication time.** When both ``meta.published`` values are known and differ, the
   earlier article is the original.
2. **Fuller quotes.** Otherwise every :class:`~factcheck.types.QuoteFinding` between the
   two sources is a vote: an *elided* quote votes for the side that does not elide it (no
   "…", more words), a *paraphrased* one for the side that quotes the words. A rewrite
   cannot restore words its original left out.
3. **More detail.** With the votes tied, the side with more statements plus typed values
   (:attr:`Statement.values`): rewrites drop detail more often than they add it.
4. With nothing to tell them apart, the smaller source ID, and ``why_original`` says so.

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

from factcheck.types import (
    ArticleMeta,
    CleanArticle,
    Derivation,
    DerivationKind,
    Fact,
    QuoteClass,
    QuoteFinding,
    Statement,
)

__all__ = [
    "CONDENSED_RATIO",
    "COPY_SHARE",
    "EVIDENCE_PHRASES",
    "MIN_ALIGNED",
    "MIN_CONTENT_WORDS",
    "MIN_COVERAGE",
    "MIN_NGRAM_SHARE",
    "MIN_ORDER",
    "MIN_SHARED_NGRAMS",
    "NGRAM",
    "NGRAM_SATURATION",
    "ORDER_FULL_PAIRS",
    "QUOTED_SHARE",
    "SCORE_THRESHOLD",
    "STRONG_NGRAM_SHARE",
    "VERBATIM_RATIO",
    "W_COVERAGE",
    "W_NGRAMS",
    "W_ORDER",
    "PairMetrics",
    "choose_original",
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
#: ``ngram_share`` at which the n-gram signal is full.
NGRAM_SATURATION = 0.15
#: Weights of the score; they sum to 1.
W_COVERAGE = 0.45
W_ORDER = 0.30
W_NGRAMS = 0.25
#: Aligned pairs from which the order signal counts in full.
ORDER_FULL_PAIRS = 10
#: Score from which a pair that passes the gates is a derivation.
SCORE_THRESHOLD = 0.6
#: Gate: the fewest rare n-grams both sources use outside quotations. Independent reports
#: of one event share a stock phrase or two ("the county fire department"); rewrites share
#: tens.
MIN_SHARED_NGRAMS = 5
#: Gate: the smallest ``ngram_share``, so that a few stock phrases in two long articles
#: are not read as shared prose either.
MIN_NGRAM_SHARE = 0.05
#: ``ngram_share`` from which the wording alone shows a rewrite, so the order gate is
#: waived: moving paragraphs of a rewrite around does not make it independent.
STRONG_NGRAM_SHARE = 0.25
#: Gate: the smallest share of the smaller source's statements aligned to the other.
MIN_COVERAGE = 0.5
#: Gate: the smallest order concordance.
MIN_ORDER = 0.75
#: Gate: the fewest aligned statements; fewer say nothing reliable about order.
MIN_ALIGNED = 4
#: A derived source with at most this share of its original's words is a condensed rewrite.
CONDENSED_RATIO = 0.7
#: difflib ratio of two statements' word lists from which they count as verbatim.
VERBATIM_RATIO = 0.9
#: Share of verbatim statements from which a derivation is a copy.
COPY_SHARE = 0.6


_WORD = re.compile(r"[^\W_]+(?:['’.][^\W_]+)*")
_ELLIPSIS = re.compile(r"…|\.\s?\.\s?\.")
_DOUBLE_MARKS = '“”"'
_SINGLE_MARKS = "‘’'"
#: Characters after which a straight quote mark opens a quotation (besides whitespace).
_OPENING_CONTEXT = "([{—–-/"
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

NGramKey = tuple[str, ...]
Mask = list[tuple[int, int]]


@dataclass(frozen=True, slots=True)
class PairMetrics:
    """What was measured for one unordered pair of sources (see the module docstring).

    ``first`` is the source with fewer prose statements; ``aligned`` holds its ``(index
    in first, index in second)`` pairs of prose statements; ``length_ratio`` is first's
    words over second's (quotations included); ``shared`` holds the shared rare n-grams,
    sorted.
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

    @property
    def shares_prose(self) -> bool:
        """The prose gate: enough rare n-grams outside quotations, by count and share."""
        return self.shared_ngrams >= MIN_SHARED_NGRAMS and self.ngram_share >= MIN_NGRAM_SHARE

    @property
    def passes(self) -> bool:
        """At or above the score threshold and through every gate."""
        keeps_order = (
            self.order >= MIN_ORDER
            or self.verbatim >= COPY_SHARE
            or self.ngram_share >= STRONG_NGRAM_SHARE
        )
        return (
            self.score >= SCORE_THRESHOLD
            and self.shares_prose
            and self.coverage >= MIN_COVERAGE
            and len(self.aligned) >= MIN_ALIGNED
            and keeps_order
        )


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


def _mark_role(text: str, i: int) -> str | None:
    """What the quote mark at ``text[i]`` does: ``"open"``, ``"close"``, ``"may close"``
    or None (an apostrophe).

    Curly double marks say what they are; a straight ``"`` opens at the start of a word
    (after a space, a bracket or a dash) and closes otherwise. A single mark opens when it
    is ``‘``, or ``'`` at the start of a word, and a letter follows. ``’`` or ``'`` at the
    end of a word (no letter or digit follows) closes after punctuation (``wait,’``) and
    may close after a letter, where it can be a possessive (``the engineers’ report``).
    Anything else, ``don’t`` and ``’90s`` included, is an apostrophe.
    """
    ch = text[i]
    before = text[i - 1] if i else " "
    after = text[i + 1] if i + 1 < len(text) else " "
    starts_word = before.isspace() or before in _OPENING_CONTEXT
    if ch in "“”":
        return "open" if ch == "“" else "close"
    if ch == '"':
        return "open" if starts_word and not after.isspace() else "close"
    if after.isalpha() and (ch == "‘" or (ch == "'" and starts_word)):
        return "open"
    if ch != "‘" and not starts_word and not after.isalnum():
        return "may close" if before.isalnum() else "close"
    return None


def _inside(ranges: Iterable[tuple[int, int]], at: int) -> bool:
    return any(lo <= at < hi for lo, hi in ranges)


def _mask_between(
    sts: Sequence[Statement],
    masks: dict[str, list[tuple[int, int]]],
    start: tuple[int, int],
    end: tuple[int, int],
) -> None:
    """Mask from ``start`` to ``end``, each ``(statement position, offset)``."""
    (k0, lo), (k1, hi) = start, end
    for k in range(k0, k1 + 1):
        masks[sts[k].id].append((lo if k == k0 else 0, hi if k == k1 else len(sts[k].text)))


def _scan_marks(
    sts: Sequence[Statement], masks: dict[str, list[tuple[int, int]]], marks: str
) -> None:
    """Pair one style of quote marks over consecutive statements of one paragraph.

    A closing mark ends the open quotation; with none open, a double one masks its
    statement up to the mark (the quotation began earlier) and a single one is an
    apostrophe. A mark that only may close ends the quotation at the last such mark of
    the first statement that has one, unless a closing mark comes first. A quotation
    left open runs to the end of the paragraph.
    """
    opened: tuple[int, int] | None = None  # (statement position, offset after the mark)
    maybe: tuple[int, int] | None = None  # the last mark that may close it
    for k, st in enumerate(sts):
        for m in re.finditer(f"[{marks}]", st.text):
            i = m.start()
            role = None if _inside(masks[st.id], i) else _mark_role(st.text, i)
            if role is None:
                continue
            if opened is not None and maybe is not None and (role == "open" or k > maybe[0]):
                _mask_between(sts, masks, opened, maybe)
                opened = maybe = None
            if role == "open":
                opened = opened or (k, i + 1)
            elif opened is None:
                if marks == _DOUBLE_MARKS:
                    masks[st.id].append((0, i))
            elif role == "may close":
                maybe = (k, i)
            else:
                _mask_between(sts, masks, opened, (k, i))
                opened = maybe = None
    if opened is not None:
        _mask_between(sts, masks, opened, maybe or (len(sts) - 1, len(sts[-1].text)))


def _quote_masks(statements: Sequence[Statement]) -> dict[str, list[tuple[int, int]]]:
    """Character ranges inside quotations, per statement of one source in reading order.

    A quotation is what :func:`factcheck.quotes.attach_quotes` put on the statement
    (:attr:`Statement.quotes`), so provenance and the quote comparison agree on what is
    quoted. Statements that carry no quote spans (not run through ``attach_quotes``, or
    with marks it does not read) fall back on a scan of their quote marks, double and
    single, paired within runs of consecutive such statements of one paragraph (see
    :func:`_scan_marks`).
    """
    masks = {st.id: [(q.start, q.end) for q in st.quotes] for st in statements}
    run: list[Statement] = []
    for st in [*statements, None]:
        if st is not None and not st.quotes and (not run or run[-1].block == st.block):
            run.append(st)
            continue
        for marks in (_DOUBLE_MARKS, _SINGLE_MARKS):
            if run:
                _scan_marks(run, masks, marks)
        run = [st] if st is not None and not st.quotes else []
    return masks


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
    """The statement's candidate rare n-grams outside ``mask``, with their character span."""
    is_name = _names(st)
    out = []
    for lo, hi in _unmasked(len(st.text), mask):
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


def _rare(
    grouped: Mapping[str, Sequence[Statement]], masks: Mapping[str, Mask], n: int
) -> dict[str, frozenset[NGramKey]]:
    by_source = {
        src: {g for st in sts for g, _, _ in _windows(st, masks[st.id], n)}
        for src, sts in grouped.items()
    }
    everywhere: set[NGramKey] = set()
    if len(by_source) >= 3:
        counts = Counter(g for grams in by_source.values() for g in grams)
        everywhere = {g for g, c in counts.items() if c == len(by_source)}
    return {src: frozenset(grams - everywhere) for src, grams in by_source.items()}


def rare_ngrams(
    statements: Sequence[Statement], *, n: int = NGRAM
) -> dict[str, frozenset[NGramKey]]:
    """Each source's rare word n-grams outside quotations (see the module docstring).

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
    return _rare(grouped, _masks(grouped), n)


def _quoted(st: Statement, mask: Sequence[tuple[int, int]]) -> bool:
    """Whether at least :data:`QUOTED_SHARE` of the statement's words are quoted."""
    words = [m.start() for m in _WORD.finditer(st.text)]
    inside = sum(_inside(mask, at) for at in words)
    return bool(words) and inside >= QUOTED_SHARE * len(words)


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
    passage whose words are part of one already listed is left out.

        >>> def st(i: int, text: str) -> Statement:
        ...     return Statement(f"a:{i}", "a", i, text, 0, len(text), i, i)
        >>> shared = {("crews", "will", "clear", "the"), ("will", "clear", "the", "old"),
        ...           ("the", "old", "depot", "site")}
        >>> shared_phrases([st(1, "In May crews will clear the old depot site."),
        ...                 st(2, "Crews will clear the old yard.")], shared)
        ('crews will clear the old depot site',)
    """
    wanted = set(shared)
    found: dict[tuple[str, ...], str] = {}
    for sts in _by_source(statements).values():
        masks = _quote_masks(sts)
        for st in sts:
            spans = [(lo, hi) for g, lo, hi in _windows(st, masks[st.id], n) if g in wanted]
            for lo, hi in _merged(spans):
                text = " ".join(st.text[lo:hi].split())
                found.setdefault(tuple(_norm(w) for w in _WORD.findall(text)), text)
    kept: list[tuple[str, str]] = []  # (" words ", text)
    for words, text in sorted(found.items(), key=lambda kv: (-len(kv[0]), kv[0])):
        key = f" {' '.join(words)} "
        if not any(key in longer for longer, _ in kept):
            kept.append((key, text))
    return tuple(text for _, text in kept[:limit])


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
        )
    return out


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


def _score(coverage: float, order: float, aligned: int, ngram_share: float) -> float:
    order_signal = min(1.0, max(0.0, 2 * order - 1)) * min(1.0, aligned / ORDER_FULL_PAIRS)
    ngram_signal = min(1.0, ngram_share / NGRAM_SATURATION)
    return round(W_COVERAGE * coverage + W_ORDER * order_signal + W_NGRAMS * ngram_signal, 4)


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
    grams = _rare(grouped, masks, NGRAM)
    out = []
    for a, b in combinations(sorted(sources), 2):
        sa, sb = sources[a], sources[b]
        small, large = (sb, sa) if len(sb.prose) < len(sa.prose) else (sa, sb)
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
        verbatim = sum(_near_verbatim(st.text, match.text) for st, match in matches)
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
                score=_score(coverage, order, len(aligned), share),
                shared=tuple(sorted(shared)),
            )
        )
    return tuple(sorted(out, key=lambda p: (p.first, p.second)))


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
) -> tuple[str, str]:
    """Which of two sources is the original, and why, in one sentence.

    Args:
        a: a source ID.
        b: the other source ID.
        published: each source's ``meta.published`` (ISO date or date-time) or None.
        detail: each source's ``(statements, typed values)``.
        quotes: the story's quote findings; those between ``a`` and ``b`` are read.
        source_of: statement ID -> source ID; by default read off ``"<source>:<n>"`` IDs.

    Returns:
        ``(original, why_original)``.

        >>> choose_original("x", "y", published={"x": "2025-07-31", "y": "2025-07-30"},
        ...                 detail={"x": (9, 9), "y": (3, 0)})
        ('y', 'y was published 2025-07-30, before 2025-07-31.')
        >>> choose_original("x", "y", published={}, detail={"x": (9, 9), "y": (3, 0)})[1]
        'x has more detail: 9 statements and 9 typed values, against 3 and 0 in y.'
    """
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


def find_derivations(
    articles: Sequence[CleanArticle],
    statements: Sequence[Statement],
    facts: Sequence[Fact],
    quotes: Sequence[QuoteFinding] = (),
) -> tuple[Derivation, ...]:
    """Sources of the story that are likely rewrites or copies of another of its sources.

    Args:
        articles: the story's articles; their ``meta.published`` dates are read.
        statements: every statement of the story, with :attr:`Statement.quotes` filled
            by :func:`factcheck.quotes.attach_quotes` (statements without spans are
            scanned for quote marks instead).
        facts: the classified facts; only ``statement_ids`` and ``source_ids`` are read.
        quotes: the quote findings, evidence for which side quotes more fully.

    Returns:
        At most one derivation per unordered pair of sources, sorted by (derived,
        original); ``coverage`` is the smaller source's. For a story where ``digest``
        condenses ``courier``, something like::

            (Derivation(derived='digest', original='courier',
                        kind=DerivationKind.CONDENSED, score=0.85, order=1.0,
                        coverage=1.0, shared_ngrams=34,
                        why_original='courier quotes in full what digest elides or
                                      paraphrases (1 quote against 0).',
                        shared_phrases=('voted against the plan, arguing that the
                                         district should first study removing the dam',
                                        ...)),)
    """
    grouped = _by_source(statements)
    sources = _sources(articles, grouped, _masks(grouped))
    source_of = {st.id: st.source_id for st in statements}
    published = {src: s.meta.published for src, s in sources.items()}
    detail = {src: (len(s.statements), s.values) for src, s in sources.items()}
    passing = [m for m in measure_pairs(articles, statements, facts) if m.passes]
    groups = _Groups()
    out = []
    for m in sorted(passing, key=lambda m: (-m.score, m.first, m.second)):
        original, why = choose_original(
            m.first,
            m.second,
            published=published,
            detail=detail,
            quotes=quotes,
            source_of=source_of,
        )
        derived = m.second if original == m.first else m.first
        kind = _kind(m, derived)
        if kind is None or not groups.union(m.first, m.second):
            continue
        out.append(
            Derivation(
                derived=derived,
                original=original,
                kind=kind,
                score=m.score,
                order=m.order,
                coverage=m.coverage,
                shared_ngrams=m.shared_ngrams,
                why_original=why,
                shared_phrases=shared_phrases(sources[derived].statements, m.shared),
            )
        )
    return tuple(sorted(out, key=lambda d: (d.derived, d.original)))


def independent_counts(
    facts: Sequence[Fact], derivations: Sequence[Derivation]
) -> tuple[Fact, ...]:
    """The facts, in the order given, with :attr:`Fact.independent` set.

    Every derived source is merged into its original, transitively: a rewrite of a rewrite
    still counts once, and so do two rewrites of one original. ``independent`` is the
    number of merged groups among the fact's sources, so a fact told by an original and
    its rewrite has 1.
    """
    groups = _Groups()
    for d in derivations:
        groups.union(d.derived, d.original)
    return tuple(replace(f, independent=len({groups.root(s) for s in f.source_ids})) for f in facts)
