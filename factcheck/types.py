"""Typed records passed between the pipeline stages.

Every record is a frozen dataclass; stages return new records instead of mutating old
ones. Records join on stable string IDs:

- a *source* is one article file, ``source_id`` is its file stem (``"002_f398cda15d4a89f6"``);
- a *statement* is one sentence of a source, ``"<source_id>:<n>"`` with ``n`` counting from 1
  in reading order;
- a *fact* is a group of aligned statements, ``"F-<8 hex>"`` derived from the content of its
  statements (see :func:`factcheck.ids.fact_id`), never from positions.

Offsets (``start``/``end``) are Python string indices, end-exclusive. Statement offsets point
into :attr:`Article.text`, which for ``.txt``/``.md`` is the whole decoded file; for ``.html``
it is the main text extracted by trafilatura.

The stage order is ``ingest -> clean -> segment -> extract (values, quotes) -> embed ->
align -> classify -> quotes (compared across sources) -> framing -> provenance``, then the
report (:mod:`factcheck.report`, :mod:`factcheck.report_json`), which callers run apart;
:mod:`factcheck.pipeline` is the one module that knows it.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import networkx as nx

__all__ = [
    "Article",
    "ArticleMeta",
    "Block",
    "BlockKind",
    "CleanArticle",
    "Conflict",
    "ConflictKind",
    "Coverage",
    "Derivation",
    "DerivationKind",
    "Entity",
    "Fact",
    "FileFailure",
    "FramingKind",
    "FramingNote",
    "Label",
    "Quote",
    "QuoteClass",
    "QuoteFinding",
    "RemovalReason",
    "RemovedLine",
    "SourceProfile",
    "Statement",
    "StoryResult",
    "TextFormat",
    "Token",
    "Value",
    "ValueKind",
    "ValueRole",
]


class TextFormat(StrEnum):
    TXT = "txt"
    MD = "md"
    HTML = "html"


@dataclass(frozen=True, slots=True)
class ArticleMeta:
    """What is known about an article besides its text. Every field is optional.

    ``published`` is an ISO date (``"2025-07-30"``) or date-time string, as given by front
    matter, story.toml or a dateline the cleaner found; it anchors relative dates.
    """

    outlet: str | None = None
    title: str | None = None
    url: str | None = None
    published: str | None = None
    updated: str | None = None


@dataclass(frozen=True, slots=True)
class Article:
    """One decoded article file, before any cleaning.

    ``body_start`` is where the text after any front matter begins.
    """

    source_id: str
    path: Path
    text: str
    body_start: int
    format: TextFormat
    encoding: str
    meta: ArticleMeta


class RemovalReason(StrEnum):
    """Why the cleaner dropped a line. Shown in the JSON report so cleaning can be audited."""

    DUPLICATE = "duplicate"  # the line already appeared earlier (a body printed twice)
    BOILERPLATE = "boilerplate"  # web-chrome phrases: "Read the full article here", "Advertisement"
    NAVIGATION = "navigation"  # a short line with no sentence structure: "Home", "LOGO", "|"
    HEADING = "heading"  # a section heading: no sentence of its own
    COUNTER = "counter"  # comment counters and widgets: "Comments (0)", "0/500"
    HASHTAGS = "hashtags"  # a line of #tags
    TEASER = "teaser"  # a "related article" teaser: its title and truncated blurb
    OFF_TOPIC = "off-topic"  # an ad or event-promo block unrelated to the rest of the article
    TRUNCATED = "truncated"  # a blurb cut off mid-word
    METADATA = "metadata"  # title, dateline or "updated" note, moved into ArticleMeta


@dataclass(frozen=True, slots=True)
class RemovedLine:
    """A line of :attr:`Article.text` the cleaner dropped, and why (``detail`` is one line)."""

    line: int  # 1-based line number in Article.text
    text: str
    reason: RemovalReason
    detail: str = ""


class BlockKind(StrEnum):
    PARAGRAPH = "paragraph"
    LIST_ITEM = "list-item"


@dataclass(frozen=True, slots=True)
class Block:
    """A kept paragraph or list item, with a map back to the original text.

    ``offsets[i]`` is the index in :attr:`Article.text` of ``text[i]``; the cleaner may drop
    markup or squeeze whitespace, so the map is explicit rather than a single start offset.
    """

    index: int
    text: str
    offsets: tuple[int, ...]
    kind: BlockKind = BlockKind.PARAGRAPH

    def __post_init__(self) -> None:
        if len(self.offsets) != len(self.text):
            raise ValueError("Block.offsets must have one entry per character of Block.text")


@dataclass(frozen=True, slots=True)
class CleanArticle:
    """An article with its page chrome removed. ``meta`` merges what cleaning found."""

    article: Article
    blocks: tuple[Block, ...]
    removed: tuple[RemovedLine, ...]
    meta: ArticleMeta


@dataclass(frozen=True, slots=True)
class Token:
    """A spaCy token, flattened. Offsets are relative to :attr:`Statement.text`;
    ``head`` is the index of the syntactic head within the statement's tokens."""

    text: str
    start: int
    end: int
    lemma: str
    pos: str
    tag: str
    dep: str
    head: int


@dataclass(frozen=True, slots=True)
class Entity:
    """A spaCy named-entity span, relative to :attr:`Statement.text`."""

    text: str
    start: int
    end: int
    label: str


class ValueKind(StrEnum):
    MONEY = "money"
    PERCENT = "percent"
    QUANTITY = "quantity"
    COUNT = "count"
    DATE = "date"
    PERSON = "person"
    ORG = "org"
    PLACE = "place"
    PRODUCT = "product"
    TALLY = "tally"  # a vote or a score, "5-2", "52 to 48": compared as a pair, not an interval
    TIME = "time"  # a clock time, "3 p.m.": minutes of the day, or of a stated day


class ValueRole(StrEnum):
    """What a value is in its sentence, so that only like is compared with like.

    A sentence that tells a change or a correction holds figures that are not the claim:
    "fell to 4.2% *from 4.5%*", "initially reported *12 deaths* but later revised the
    figure to 14", "*the 2019* agreement expired last year". Only ``CURRENT`` values
    state what the sentence claims now; comparing a ``PREVIOUS`` figure with another
    source's current one is comparing two moments, not a conflict.
    """

    CURRENT = "current"  # the claim: "fell *to 4.2%*", "revised the figure *to 14*"
    PREVIOUS = "previous"  # a change's starting figure ("from 4.5%", "up from 9% in 2024")
    SUPERSEDED = "superseded"  # a figure corrected since ("initially reported 12 ...")
    ATTRIBUTE = "attribute"  # a year naming its noun ("the 2019 agreement"): not the event's


#: Amounts: the kinds whose values carry a numeric interval ``[low, high]``.
AMOUNT_KINDS = frozenset({ValueKind.MONEY, ValueKind.PERCENT, ValueKind.QUANTITY, ValueKind.COUNT})
#: Figures: amounts and tallies ("5-2"), the numbers a sentence states (not its dates).
FIGURE_KINDS = AMOUNT_KINDS | {ValueKind.TALLY}
#: Every kind compared by its normalised value: figures, dates and times of day.
NUMERIC_KINDS = FIGURE_KINDS | {ValueKind.DATE, ValueKind.TIME}


@dataclass(frozen=True, slots=True)
class Value:
    """A typed, normalised value found in a statement.

    Amounts (:data:`AMOUNT_KINDS`: money, percent, quantity, count) carry the interval
    ``[low, high]`` that the wording allows: "$14.3 billion" is [14.25e9, 14.35e9] USD,
    "more than $14 billion" is [14e9, inf). Dates carry proleptic Gregorian ordinals of
    their first and last day: "June 2025" covers the whole month. Two values are compatible
    when their intervals overlap, so "$14.3 billion" and "$14.3bn" agree and "$2 billion"
    does not.

    ``norm`` is a canonical string for comparing and for entities ("meta", "USD 1.43e+10",
    "2025-06"); :func:`factcheck.extract.display` shows it as a reader writes it ("USD 14.3
    billion", "8 years"). A relative date that has no anchor has ``resolved=False`` and no interval.
    ``role`` says whether the value is the sentence's claim or a figure it is compared with
    (see :class:`ValueRole`).
    """

    kind: ValueKind
    text: str
    start: int
    end: int
    norm: str
    low: float | None = None
    high: float | None = None
    unit: str | None = None
    qualifier: str | None = None
    resolved: bool = True
    note: str | None = None
    role: ValueRole = ValueRole.CURRENT


@dataclass(frozen=True, slots=True)
class Quote:
    """A quotation inside a statement (offsets relative to :attr:`Statement.text`, inside the
    quote marks) and, when the sentence says so, who said it."""

    text: str
    start: int
    end: int
    speaker: str | None = None
    verb: str | None = None


@dataclass(frozen=True, slots=True)
class Statement:
    """One sentence of one source: the unit that gets embedded and aligned."""

    id: str
    source_id: str
    index: int
    text: str
    start: int
    end: int
    line: int
    block: int
    tokens: tuple[Token, ...] = ()
    entities: tuple[Entity, ...] = ()
    values: tuple[Value, ...] = ()
    quotes: tuple[Quote, ...] = ()


class Coverage(StrEnum):
    CONSENSUS = "consensus"  # every source carries the fact
    PARTIAL = "partial"  # two or more sources, not all
    UNIQUE = "unique"  # a single source: a unique detail


class Label(StrEnum):
    """The headline label of a fact: a conflict outranks framing, which outranks coverage."""

    CONFLICT = "conflict"
    FRAMING = "framing"
    CONSENSUS = "consensus"
    PARTIAL = "partial"
    UNIQUE = "unique"


class ConflictKind(StrEnum):
    VALUE = "value"  # a figure (amount or tally) or a time of day beyond rounding
    DATE = "date"
    ENTITY = "entity"  # a different actor / organisation / place for the same event
    POLARITY = "polarity"  # negation or opposite action
    CLAIM = "claim"  # the same event told with a different action (weaker)
    CONTRADICTION = "contradiction"  # an NLI model (--nli) judges the statements contradictory


@dataclass(frozen=True, slots=True)
class Conflict:
    """A disagreement between two aligned statements ``a`` and ``b`` (statement IDs)."""

    kind: ConflictKind
    a: str
    b: str
    value_a: str
    value_b: str
    confidence: float
    reason: str


class FramingKind(StrEnum):
    HEDGING = "hedging"  # "may", "reportedly", "suggests" on one side only
    LOADED = "loaded"  # evaluative or intensifying words on one side only
    TONE = "tone"  # clearly positive wording on one side, negative on the other
    ATTRIBUTION = "attribution"  # "said" against "claimed" or "admitted"
    BEYOND_SOURCE = "beyond source"  # a paraphrase claims more than the quote it reports


@dataclass(frozen=True, slots=True)
class FramingNote:
    """Statements of one fact that use wording the fact's other statements do not.

    ``marked[i]`` is a statement ID and ``words[i]`` the words it uses; ``unmarked`` are the
    fact's statements (of other sources) without such words.
    """

    kind: FramingKind
    marked: tuple[str, ...]
    words: tuple[tuple[str, ...], ...]
    unmarked: tuple[str, ...]
    explanation: str
    diff: str | None = None  # word diff from marked[0] to statement ``diff_against``
    diff_against: str | None = None


@dataclass(frozen=True, slots=True)
class Fact:
    """A group of statements that state the same fact, from one or more sources."""

    id: str
    statement_ids: tuple[str, ...]
    source_ids: tuple[str, ...]
    coverage: Coverage
    similarity: float
    conflicts: tuple[Conflict, ...] = ()
    framing: tuple[FramingNote, ...] = ()
    #: Sources of this fact left when every rewrite, copy or secondary report is merged into
    #: its original: set for every fact by :func:`factcheck.provenance.independent_counts`
    #: (the pipeline's last stage); 0 only in a fact built before that stage.
    independent: int = 0
    #: For a unique fact: statements of other sources that state its figures inside a
    #: statement of another fact ("$14.3 billion investment in Scale AI" as one clause of
    #: a longer sentence). See :func:`factcheck.classify.echoes`.
    echoes: tuple[str, ...] = ()

    @property
    def label(self) -> Label:
        # A claim divergence alone is too weak a signal to label the fact a conflict (on
        # SICK few are real contradictions: see docs/evaluation.md); it is still reported.
        if any(c.kind is not ConflictKind.CLAIM for c in self.conflicts):
            return Label.CONFLICT
        if self.framing:
            return Label.FRAMING
        return Label(self.coverage.value)


class QuoteClass(StrEnum):
    """How a quotation in one source compares with the other sources."""

    VERBATIM = "verbatim"  # the same words inside quotation marks
    ELIDED = "elided"  # a gap marked with … / ..., or a shortened quote
    ALTERED = "altered"  # words changed inside the quotation marks
    PARAPHRASED = "paraphrased"  # the same content without quotation marks
    MISATTRIBUTED = "misattributed"  # the same words, a different speaker
    UNSUPPORTED = "unsupported"  # no other source quotes or supports it


@dataclass(frozen=True, slots=True)
class QuoteFinding:
    """A quotation of statement ``a`` compared with statement ``b`` of another source.

    ``b`` is None for an unsupported quote. ``text_b`` is None when b tells the words
    without quotation marks: a paraphrase, (kind ``ALTERED``) a paraphrase that negates
    the quote, or (kind ``MISATTRIBUTED``) a sentence that reports the quote's words, nearly
    word for word and without quotation marks, as another person's. ``diff`` is a word
    diff ``[-removed-] {+added+}`` from a's words to b's, set whenever the words differ
    (for a paraphrase, to b's sentence).
    """

    kind: QuoteClass
    a: str
    b: str | None
    speaker_a: str | None
    speaker_b: str | None
    text_a: str
    text_b: str | None
    diff: str | None
    explanation: str


class DerivationKind(StrEnum):
    COPY = "copy"  # near-identical text
    PARAPHRASE = "close paraphrase"  # the same statements in the same order, reworded
    CONDENSED = "condensed rewrite"  # a shorter version following the original's order
    CITES = "secondary report"  # names the original's outlet as where it has the facts from


@dataclass(frozen=True, slots=True)
class Derivation:
    """Source ``derived`` is likely a rewrite or copy of source ``original``, or (kind
    ``CITES``) names ``original``'s outlet as the source of what it reports.

    ``order`` is the share of aligned statement pairs that keep the same order in both,
    ``coverage`` the share of the shorter source's statements aligned with the other,
    ``shared_ngrams`` the number of rare word n-grams both use (overlapping ones counted
    one by one); ``why_original`` says why that side is taken as the original (the derived
    page's own evidence, publication time, or more detail and verbatim quotes), in one
    sentence that names sources by ID. ``shared_passages`` is the number of distinct
    passages those n-grams make (a run of overlapping shared n-grams is one passage; stock
    phrases such as "declined to comment" count for nothing): the count to show beside
    ``shared_phrases``, the evidence itself, up to five of those passages of the derived
    source, as written, longest first (see :func:`factcheck.provenance.shared_phrases`).
    ``mentions`` holds the derived source's attributions to the original's outlet, as
    written ("detailed in a TechCrunch report"); ``promo`` a line of the original outlet's
    own promo or house ad that the derived page carried and the cleaner removed.
    """

    derived: str
    original: str
    kind: DerivationKind
    score: float
    order: float
    coverage: float
    shared_ngrams: int
    why_original: str
    shared_phrases: tuple[str, ...] = ()
    shared_passages: int = 0
    mentions: tuple[str, ...] = ()
    promo: str = ""


@dataclass(frozen=True, slots=True)
class SourceProfile:
    """How one source tells the story, in numbers a reader can check.

    ``hedging`` is the share of its statements with a hedge word, ``tone`` the mean VADER
    compound score (-1 negative .. +1 positive), ``attributed`` the share of its statements
    that attribute the claim (a quote, a speech verb, "according to"). ``lead`` holds the
    facts of its first :data:`factcheck.framing.LEAD_STATEMENTS` statements and
    ``lead_elsewhere``, for each of them, a line of text saying where the other sources
    place it ("b #2, c omits it": the number of that source's first statement of the fact).
    The reports do not print that text: they compute the same places as data from the facts
    (:func:`factcheck.report.lead_places`), which the JSON writes as ``{source, index}``
    (``index`` null: the source omits the fact).
    """

    source_id: str
    statements: int
    hedging: float
    tone: float
    attributed: float
    lead: tuple[str, ...]
    lead_elsewhere: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class FileFailure:
    """An article that could not be used; the rest of the story is still processed."""

    path: Path
    problem: str

    def __str__(self) -> str:
        return f"{self.path}: {self.problem}"


@dataclass(frozen=True, slots=True)
class StoryResult:
    """Everything the pipeline learned about one story; input of the report stage."""

    name: str
    path: Path
    articles: tuple[CleanArticle, ...]
    statements: tuple[Statement, ...]
    facts: tuple[Fact, ...]
    failures: tuple[FileFailure, ...]
    model: str
    threshold: float
    quotes: tuple[QuoteFinding, ...] = ()
    derivations: tuple[Derivation, ...] = ()
    profiles: tuple[SourceProfile, ...] = ()
    graph: nx.Graph[str] | None = field(default=None, compare=False, repr=False)
