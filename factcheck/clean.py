"""Strip page chrome from an article and cut it into blocks (paragraphs and list items).

Scraped news text carries more than the story: menus, logos, share and comment widgets,
"related article" teasers, event promos, hashtags, a title and dateline printed again, and
sometimes the whole body twice. The cleaner removes these with *general* rules, written
from the shape of web chrome rather than from the strings of any one site, so that it does
as well on an outlet it has never seen. Every dropped line is reported as a
:class:`~factcheck.types.RemovedLine` with a :class:`~factcheck.types.RemovalReason` and a
one-line detail, so the cleaning can be audited in the JSON report.

Blocks
    A ``.txt`` (and the extracted text of an ``.html``) file has one block per line, except
    that a line ending without punctuation joins the next when the next begins in lower
    case (a wrapped line), and a hard-wrapped file (lines at most :data:`WRAP_WIDTH` wide
    that often break mid-sentence) is read as paragraphs separated by blank lines. A ``.md``
    file is read as Markdown: a paragraph's lines are joined; headings (``#`` and
    underlined), emphasis, links (``[t](u)`` becomes ``t``), images, inline HTML, code
    fences and ``>`` quote marks are stripped. A line starting with ``-``, ``*``, ``•`` or
    ``1.`` is a :attr:`~factcheck.types.BlockKind.LIST_ITEM` without its marker.
    ``Block.offsets`` maps each character back to :attr:`Article.text`; whitespace runs are
    squeezed to one space (mapped to the first whitespace character of the run).

Rules, in the order they apply (a line gets the first reason that fits, and only one;
``OFF_TOPIC`` alone re-labels the headings and fragments of the section it removes):

1. ``DUPLICATE``: a block whose normalised text (case-folded, punctuation and whitespace
   collapsed) appeared earlier; and a run of blocks whose sentences all appeared earlier,
   with at least :data:`MIN_REPEATED_RUN` sentences, however its paragraphs are cut (two
   sentences on one line in the first copy, on two lines in the second). A body printed
   twice becomes a run of these; one repeated sentence (a pull quote) stays.
2. Line rules, on any block: ``HASHTAGS`` (only ``#tags``); ``COUNTER`` ("Comments (0)",
   "0/500", "12 shares", "5 min read", a bare number); ``METADATA`` for an "updated" note
   ("This article has been updated ...", "Updated: ...", "Editor's note: ...", at most
   :data:`MAX_NOTE_WORDS` words; the date right after "updated", and only a date, goes to
   ``meta.updated``; the note's text stays in ``removed``), for a correction note
   ("Correction: ...", "An earlier version of this story misstated ...", any length;
   detail :data:`CORRECTION_DETAIL`, its whole text kept in ``removed``; a date after
   "corrected" goes to ``meta.updated``) and for a byline ("By Jane Doe"; one with a date
   is a dateline, rule 3, and a byline wherever else it stands); ``BOILERPLATE`` for
   web-chrome
   phrases (read more, subscribe, advertisement, share this, related articles, cookie
   settings, all rights reserved, ...) on lines of at most :data:`MAX_CHROME_WORDS` words
   (twice that for "Read more: <headline>"), and only when the line is no sentence of its
   own: a line ending like a sentence needs the phrase at its start and at most ten words,
   or at most four words ("Residents can subscribe to text alerts." stays), and is kept
   anyway when, without its chrome phrases, it has a finite verb and does not speak to the
   reader ("Advertisement revenue fell by half." stays, "Sign up for our newsletter." goes).
3. ``METADATA`` at the head (the blocks before the first sentence or list item): the first
   headline-like block (3 to :data:`MAX_HEADLINE_WORDS` words, no final punctuation) is the
   title when ``meta.title`` is empty, and a sentence-case line right under it is its
   standfirst; a line equal to the known title is removed anywhere. A dateline there fills
   ``meta.published`` when empty, except that a date after "updated" fills
   ``meta.updated`` ("Published March 4, 2026; updated March 5, 2026"). A dateline is a
   date-only line, or a line whose parts (split at "|", "·", "•", a spaced dash or a
   sentence end) are each a date, a byline, a name or a reading time, one of them a date:
   "Wednesday, March 4, 2026 · 4 min read", "Jane Doe | March 4, 2026", "By Jane Doe,
   Staff Writer. Updated March 5, 2026." Elsewhere a date-only line ("October 27-29,
   2025") is navigation. A numeric date that reads two ways ("04/03/2026") is not parsed.
4. ``TEASER`` / ``TRUNCATED``: after a "related"/"recommended"/"more from" heading, the
   headlines and blurbs that follow are teasers (until a removed block, a paragraph over
   :data:`MAX_BLURB_WORDS` words, or prose after no headline); a headline directly followed
   by a longer blurb without final punctuation is a teaser, and the blurb truncated.
   Elsewhere a prose block of at least :data:`MIN_TRUNCATED_WORDS` words without final
   punctuation is truncated only when it visibly breaks off: it ends on a word no sentence
   ends with ("the", "and", "of", "their", ...) or on a comma or a dash. One that reads as
   a sentence (a finite verb, not speaking to the reader: "The ferry will resume full
   service on Friday") is kept, unless it is a sentence-case heading (at most
   :data:`MAX_SENTENCE_HEADING_WORDS` words) before prose.
5. ``HEADING`` / ``NAVIGATION``: what is left without sentence structure (no final
   punctuation and title case or under :data:`MIN_TRUNCATED_WORDS` words, only symbols,
   only a date, a list item under :data:`MIN_LIST_WORDS` words, unless it is one of a list
   of such items right after a lead-in ending in a colon: that list is the lead-in's
   object, and lead-in and items are joined as one block, "The debate weighs: - Cost -
   Safety"). It is a heading when it
   has two words or more, does not end like a sentence, and prose, a list item or another
   heading follows it; otherwise navigation ("Home", "LOGO", "|", "San Francisco"). Two
   words ending like a sentence are one when the second is a finite verb ("Two died."),
   and a quoted sentence always is ('"No comment."').
6. ``OFF_TOPIC``: a section (a heading, or consecutive headings, and the blocks up to the
   next heading) is an ad or a promo when less than :data:`OFF_TOPIC_OVERLAP` of its
   content words (counted with repeats) have a stem that occurs anywhere else in the kept
   article or its title, and its score is also under :data:`OFF_TOPIC_RELATIVE` times the
   median score of the other sections; the whole section goes, heading included. A section
   is only judged with enough evidence: at least :data:`MIN_SECTION_WORDS` content words,
   no more than half of the article's (the main body cannot be off-topic against a smaller
   remainder), and :data:`MIN_REST_STEMS` distinct stems in the rest
   (:data:`MIN_PROMO_REST_STEMS` for a promotion, whose own wording is evidence). With
   fewer than two other sections of that size (a body and one section after it), the
   other sections are no yardstick, and a last section sharing little is common (a
   closing quote): the section is then judged only when it is a promotion, against the
   median score of the body's paragraphs (at least :data:`MIN_COHESION_BLOCKS`). A
   promotion without a heading (ad copy after an "Advertisement" label, a call to action
   between paragraphs) is judged the same way, as a run of consecutive promotion blocks,
   against the stricter :data:`OFF_TOPIC_BLOCK_OVERLAP`; low overlap alone never removes
   a paragraph, because real quotes and asides often share no word with the rest. The
   other way round, a block whose every clause is a promotion and which pitches a sale
   (a word of :data:`_PITCH_WORDS` such as "today", "free", "newsletter", "live", or words
   speaking to the reader: "your", "our") goes whatever its overlap, so one shared stem
   ("Sign up" in a signing story, "deal" in a merger) does not keep an ad; reported speech
   never is one (quoted, or with a verb of its own: "Sign up today, the club urged";
   "Netflix said subscribers can sign up from today"). Content
   words are runs of three letters or more, lower-cased, minus stopwords; a stem cuts one
   common English suffix and keeps six letters. Lexical and fast, no model. A promotion
   is a call to action, a clause that opens with a verb such as "join",
   "save", "book" or "order" and has no subject ("Join 300 founders on May 4", "... so
   book yours today"; not "Order was restored" or "Call volumes doubled", where a verb of
   the sentence follows), or verbless ad copy ("20% off", "Free delivery on every order";
   not "The store offered 20% off").
7. Wire dateline: a dateline that opens the first kept paragraph ("BOISE, Idaho (CP) —
   Continental flight 12 ...", "WASHINGTON (AP) - ...", "LONDON — ...") is cut from the
   block, which then starts at the sentence (:data:`WIRE_DATELINE`: a place in capitals of
   at most four words, an optional ", State" of capitalised words, an optional
   "(AGENCY)", then a dash). Otherwise the place reads as the sentence's subject. The cut
   prefix is listed in ``removed`` as ``METADATA`` with the detail "dateline prefix; the
   rest of the line is kept"; ``Block.offsets`` still map every kept character exactly.

Invariant: every non-blank line of the body is either part of a kept block or listed in
``removed`` exactly once; the one exception is a line whose wire dateline (rule 7) is cut,
which is in a kept block and also listed, for that prefix. Markup-only lines (a code
fence, ``---``, a link definition) count as ``NAVIGATION``. Cleaning is deterministic and
imports nothing heavy.
"""

from __future__ import annotations

import bisect
import functools
import itertools
import re
from collections import Counter
from collections.abc import Collection, Iterable, Sequence
from dataclasses import dataclass, field, replace
from enum import Enum, auto

from factcheck.ingest import iso_date
from factcheck.types import (
    Article,
    ArticleMeta,
    Block,
    BlockKind,
    CleanArticle,
    FileFailure,
    RemovalReason,
    RemovedLine,
    TextFormat,
)

__all__ = [
    "CORRECTION_DETAIL",
    "MAX_BLURB_WORDS",
    "MAX_CHROME_WORDS",
    "MAX_HEADLINE_WORDS",
    "MAX_NOTE_WORDS",
    "MAX_SENTENCE_HEADING_WORDS",
    "MIN_BLOCK_WORDS",
    "MIN_COHESION_BLOCKS",
    "MIN_LIST_WORDS",
    "MIN_PROMO_REST_STEMS",
    "MIN_REPEATED_RUN",
    "MIN_REST_STEMS",
    "MIN_SECTION_WORDS",
    "MIN_TRUNCATED_WORDS",
    "OFF_TOPIC_BLOCK_OVERLAP",
    "OFF_TOPIC_OVERLAP",
    "OFF_TOPIC_RELATIVE",
    "WIRE_DATELINE",
    "WRAP_WIDTH",
    "clean_article",
    "clean_story",
]

#: Web-chrome phrases are only matched on lines with at most this many words.
MAX_CHROME_WORDS = 12
#: A wire dateline opening the first paragraph (rule 7): a place in capitals (at most four
#: words: "BOISE", "ST. PAUL", "RIO DE JANEIRO", "WINSTON-SALEM"), an optional ", State" of
#: at most three capitalised words ("Idaho", "N.Y.", "New South Wales"), an optional
#: "(AGENCY)" ("AP", "CP", "Reuters"), then an em or en dash, or a spaced hyphen or "--";
#: the text after it must start a sentence (a capital, a digit or a quote mark).
WIRE_DATELINE = re.compile(
    r"(?P<dateline>[A-Z][A-Z'’.-]*[A-Z.](?:\s[A-Z][A-Z'’.-]*){0,3}"
    r"(?:,\s[A-Z][A-Za-z.'’-]*(?:\s[A-Z][A-Za-z.'’-]*){0,2})?"
    r"(?:\s\([A-Z][A-Za-z&.' -]{0,30}\))?)"
    r"\s?(?:[—–]|\s-{1,2})\s*(?=[A-Z0-9\"“‘'])"
)
#: An "updated"/"editor's note" line longer than this is kept: it is probably prose.
MAX_NOTE_WORDS = 60
#: A list item with fewer words is a menu entry or a label, not a statement.
MIN_LIST_WORDS = 3
#: A prose block this long (in words) with no final punctuation was cut off.
MIN_TRUNCATED_WORDS = 6
#: A sentence-case line without final punctuation, this short and followed by prose, is a
#: heading rather than a truncated blurb.
MAX_SENTENCE_HEADING_WORDS = 15
#: A headline-like line has at most this many words.
MAX_HEADLINE_WORDS = 20
#: A teaser blurb under a "related" heading has at most this many words; a longer paragraph
#: ends the related section.
MAX_BLURB_WORDS = 60
#: A section in which less than this share of the content words (counted with repeats) has a
#: stem that also occurs in the rest of the article is off-topic. On the seed corpus the real
#: sections score 0.31-0.68 and the event promo 0.11; 0.2 sits between with a margin on both
#: sides. Counting repeats weighs the words a section keeps coming back to ("Meta", "model").
OFF_TOPIC_OVERLAP = 0.2
#: ... and less than this fraction of the median score of the article's other sections, so
#: that an article whose sections all share little (a short piece, a listicle) loses none.
OFF_TOPIC_RELATIVE = 0.5
#: Sections with fewer content words are too small to judge, or to judge against.
MIN_SECTION_WORDS = 8
#: A promotion without a heading of its own (ad copy after an "Advertisement" label, a
#: call to action) is off-topic below this share. One paragraph is a small sample, so the
#: bar is stricter than a section's; the ad and promo samples score 0.00-0.09.
OFF_TOPIC_BLOCK_OVERLAP = 0.1
#: When an article has too few other sections to compare a section with, it is compared
#: with the article's paragraphs instead; that needs at least this many of them.
MIN_COHESION_BLOCKS = 3
#: A block needs this many content words to be scored on its own (in a promo run, or as a
#: typical paragraph); shorter ones score 0 or 1 by chance.
MIN_BLOCK_WORDS = 4
#: The rest of the article needs this many distinct stems to judge a section against it. A
#: news brief of five sentences has 30-35, and a promo appended to one must be judged too.
MIN_REST_STEMS = 30
#: ... or this many, for a promotion (a call to action or ad copy): its own wording is
#: evidence, so a short article of three or four sentences is enough to judge it against.
#: Real short articles stay intact because the promotion test, not the overlap, decides
#: which blocks are candidates (the overlap and cohesion bars are the same).
MIN_PROMO_REST_STEMS = 15
#: A run of blocks whose sentences all appeared earlier in the article, with at least this
#: many sentences, is a second copy of the body, however its paragraphs are cut.
MIN_REPEATED_RUN = 2
#: A .txt file whose lines are all at most this wide (95%) and often break mid-sentence is
#: hard-wrapped; its lines are joined into paragraphs.
WRAP_WIDTH = 100
_WRAPPED_HEADING = 40  # a line this short, unpunctuated, ends a wrapped paragraph


# --------------------------------------------------------------------------- text helpers

#: Text with a map back into Article.text: ``offs[i]`` is where ``text[i]`` came from.
_Chars = tuple[str, list[int]]

_CLOSERS = "\"'”’)]»›*_ "
_TERMINAL = ".!?…:;"
_WORD = re.compile(r"[^\W_](?:[\w'’.&-]*[^\W_])?")
_LETTERS = re.compile(r"[^\W\d_]+")
_PUNCT = re.compile(r"[\W_]+")
_SPACE_RUN = re.compile(r"\s{2,}|[^\S ]")
#: Where a sentence ends inside a block: final punctuation, closing quotes or brackets,
#: space, and no lower-case letter next ("U.S. officials" splits too).
_SENTENCE_BREAK = re.compile(r"(?<=[.!?…])[\"'”’)\]]*\s+(?=[^a-z\s])")
#: Finer cuts, to compare two copies of a text whose paragraphs were cut differently: any
#: final or inner punctuation before a space ("wrote: "...", "the U.S. attorney"). Every
#: copy is cut alike, so the pieces match whatever a copy's line breaks.
_PIECE_BREAK = re.compile(r"(?<=[.!?…:;])[\"'”’)\]]*\s+")

_STOPWORDS = frozenset(
    """
    a about above after again against all also am an and any are aren as at be because been
    before being below between both but by can cannot could couldn did didn do does doesn
    doing don down during each even ever few for from further had hadn has hasn have haven
    having he her here hers herself him himself his how however i if in into is isn it its
    itself just let ll may me might more most much must mustn my myself no nor not now of off
    on once only or other our ours ourselves out over own per re s same say said says shall
    shan she should shouldn so some still such than that the their theirs them themselves then
    there these they this those through thus to too under until up upon us very via was wasn
    we were weren what when where whether which while who whom whose why will with within
    without won would wouldn yet you your yours yourself yourselves ve t d m o y one two three
    new like get got make made many well back way another every according
    """.split()  # noqa: SIM905 - a word list reads better as one string
)
#: Suffixes cut by :func:`_stem`, longest first within each family.
_SUFFIXES: tuple[str, ...] = (
    *("ations", "ation", "ments", "ment", "ingly", "ings", "ing", "edly", "ed"),
    *("ies", "es", "s", "ly"),
)


#: Finite verbs a lexical rule can recognise without a tagger: auxiliaries and modals, and
#: irregular past tenses (a regular past tense is any other word ending in "-ed"). They tell
#: a sentence ("Advertisement revenue fell by half.") from a label or a call to action.
_FINITE_VERB_LIST = """
    is are was were am has have had will would shall should can could may might must does did
    isn't aren't wasn't weren't hasn't haven't hadn't won't wouldn't can't couldn't shouldn't
    mustn't doesn't didn't don't ate began bit blew broke brought bought built caught chose
    came dealt drew drank drove fell fed felt fought found flew forgot froze gave went grew
    hung heard held hid kept knew laid led left lent lost made meant met paid rang rose ran
    said sang sank sat saw sent shook shot slept slid sold spoke spent stood stole struck
    swore swam took taught tore told thought threw understood woke wore won wrote
""".split()  # noqa: SIM905 - a word list reads better as one string
_FINITE_VERBS = frozenset(_FINITE_VERB_LIST + [w.replace("'", "’") for w in _FINITE_VERB_LIST])
#: Words ending in "-ed" that are no past tense.
_NOT_PAST = frozenset("hundred kindred sacred naked wicked ragged rugged".split())  # noqa: SIM905
#: Words of the site's own voice, addressing the reader ("you", "our newsletter"): a chrome
#: line that uses them outside quotation marks is no statement. "us" counts in lower case
#: only ("US" is the country).
_READER_WORDS = frozenset("you your yours yourself yourselves our ours we".split())  # noqa: SIM905
#: Verbs that open a call to action in the imperative ("Join us", "Save 20%", "Register
#: today"): news prose does not start a sentence with them outside a quotation.
_CALL_TO_ACTION = frozenset(
    """
    apply book buy call claim discover donate download enjoy enter explore get grab join
    learn listen order register reserve save shop sign start subscribe try unlock upgrade
    visit watch
    """.split()  # noqa: SIM905 - a word list reads better as one string
)
#: Words of a sales pitch: urgency ("today", "now"), a price or a gift ("free", "20% off"),
#: what is sold ("newsletter", "subscription", "trial", "premium") and live coverage ("Watch
#: every goal live"). A block whose every sentence is a call to action and that uses one of
#: them, or speaks to the reader (:data:`_READER_WORDS`), is an ad whatever its overlap.
_PITCH_WORDS = frozenset(
    """
    today tonight now free off discount offer offers deal deals trial newsletter newsletters
    subscription subscriptions membership premium exclusive live
    """.split()  # noqa: SIM905 - a word list reads better as one string
)
#: Words no sentence ends with: a block without final punctuation that stops on one was cut
#: off mid-sentence ("... from across the state and beyond the"). Articles, conjunctions,
#: possessive determiners and the prepositions that always take an object after them.
_OPEN_ENDINGS = frozenset(
    "a an the and or but nor of to from with their its our your his her my whose than".split()  # noqa: SIM905
)
#: Words after which a word in "-ed" is an adjective of the noun that follows ("on selected
#: items", "for a limited time", "our guided tours"), not the verb of a sentence.
_PARTICIPLE_LEADS = frozenset(
    """
    a an the this that these those our your their its my his her every each all any some no
    on for of in at with to from by into over under newly specially fully
    """.split()  # noqa: SIM905 - a word list reads better as one string
)
#: Wording of ad copy, a free offer, a price per period, a promo code.
_AD_COPY = re.compile(
    r"\b\d+\s*%\s+off\b|\bfree\s+(?:delivery|shipping|returns|trial|gift)\b"
    r"|[$€£]\s?\d[\d.,]*\s*(?:/|a|per)\s*(?:month|mo|week|year)\b|\b(?:promo|coupon|discount)\s+code",
    re.I,
)
#: Where a clause that may be a call to action starts, inside a sentence.
_CLAUSE_BREAK = re.compile(r"(?<=[.!?…])[\"'”’)\]]*\s+|\s*[;:—–]\s*|,\s+(?:so|and|then)\s+")
#: A quotation: to its closing mark, or to the end of the block (a quote that runs on into
#: the next paragraph leaves its closing mark there).
_QUOTED = re.compile(r"[\"“][^\"”]*(?:[\"”]|$)")
#: A block that is one quoted sentence, closing mark after the final punctuation.
_WHOLE_QUOTE = re.compile(r"^[\"“][^\"“”]*[.!?…][\"”]$|^‘.*[.!?…]’$")


def _is_past_form(word: str) -> bool:
    """True for a lower-case word that reads as a regular past tense or participle."""
    return (
        len(word) >= 4
        and word.endswith("ed")
        and not word.endswith("eed")
        and word not in _NOT_PAST
    )


def _has_finite_verb(words: Sequence[str]) -> bool:
    """True when ``words`` hold a finite verb (see :data:`_FINITE_VERBS`).

    A word ending in "-ed" counts unless it is followed by "by" ("powered by"): without an
    auxiliary that is a participle, as in a credit line, not a verb of its own.
    """
    lowered = [w.lower() for w in words]
    for i, w in enumerate(lowered):
        if w in _FINITE_VERBS:
            return True
        if _is_past_form(w) and (i + 1 == len(lowered) or lowered[i + 1] != "by"):
            return True
    return False


def _has_predicate(words: Sequence[str]) -> bool:
    """True when ``words`` hold a verb that a subject before it governs.

    An auxiliary, a modal or an irregular past tense (:data:`_FINITE_VERBS`), or a word in
    "-ed" that is no adjective: one after a determiner or a preposition
    (:data:`_PARTICIPLE_LEADS`: "on selected items", "a limited time") describes the noun
    after it. "Call volumes doubled", "Order was restored" and "Start times for the concerts
    slipped by an hour" have one; "Save 20% on selected items" has none.
    """
    lowered = [w.lower() for w in words]
    for i, w in enumerate(lowered):
        if w in _FINITE_VERBS:
            return True
        if _is_past_form(w) and (i == 0 or lowered[i - 1] not in _PARTICIPLE_LEADS):
            return True
    return False


def _is_imperative(words: Sequence[str]) -> bool:
    """True when a clause's ``words`` read as a call to action addressed to the reader.

    The clause opens with a verb of :data:`_CALL_TO_ACTION` and has no subject: no verb of a
    sentence follows (:func:`_has_predicate`). "Join 300 founders on May 4", "Save 20% on
    mattresses" and "book yours today" are calls to action; "Order was restored", "Call
    volumes doubled", "Book sales reached 1,800" and "Save the Children ran a tent" open
    with a noun (the subject of the verb that follows) and are not.
    """
    return bool(words) and words[0].lower() in _CALL_TO_ACTION and not _has_predicate(words[1:])


def _addresses_reader(text: str) -> bool:
    """True when ``text``, outside quotation marks, speaks to the reader ("you", "our")."""
    words = _words(_QUOTED.sub(" ", text))
    return any(w.lower() in _READER_WORDS or w == "us" for w in words)


@functools.lru_cache(maxsize=65536)
def _stem(word: str) -> str:
    """A crude stem: enough to match "investments" with "investing", not a linguist's root."""
    for suffix in _SUFFIXES:
        if word.endswith(suffix) and len(word) - len(suffix) >= 3:
            word = word[: -len(suffix)]
            break
    return word[:6]


def _content_stems(text: str) -> list[str]:
    """Stems of the content words of ``text``, in order, repeats included."""
    return [
        _stem(w)
        for w in (m.lower() for m in _LETTERS.findall(text))
        if len(w) >= 3 and w not in _STOPWORDS
    ]


def _norm(text: str) -> str:
    """Comparison key: case-folded, punctuation and whitespace collapsed."""
    return " ".join(_PUNCT.sub(" ", text.casefold()).split())


def _words(text: str) -> list[str]:
    return _WORD.findall(text)


def _has_terminal(text: str) -> bool:
    stripped = text.rstrip(_CLOSERS)
    return bool(stripped) and stripped[-1] in _TERMINAL


def _is_title_case(words: Sequence[str]) -> bool:
    """Most content words capitalised, as in a headline or a menu ("Tech and VC Leaders")."""
    alpha = [w for w in words if w[0].isalpha()]
    content = [w for w in alpha if w.lower() not in _STOPWORDS] or alpha
    if not content:
        return False
    capitalised = sum(1 for w in content if any(c.isupper() for c in w))
    return capitalised / len(content) >= 0.7


def _squeeze(chars: _Chars) -> _Chars:
    """Collapse whitespace runs to one space and strip the ends, keeping the offset map.

    A run becomes one space mapped to the run's first character; single spaces, the common
    case, are left alone.
    """
    text, offs = chars
    start = len(text) - len(text.lstrip())
    end = len(text.rstrip())
    out: list[str] = []
    out_offs: list[int] = []
    last = start
    for m in _SPACE_RUN.finditer(text, start, end):
        out.append(text[last : m.start()])
        out_offs.extend(offs[last : m.start()])
        out.append(" ")
        out_offs.append(offs[m.start()])
        last = m.end()
    out.append(text[last:end])
    out_offs.extend(offs[last:end])
    return "".join(out), out_offs


def _sub(chars: _Chars, pattern: re.Pattern[str], keep: Sequence[int]) -> _Chars:
    """Replace each match of ``pattern`` by the concatenation of its groups ``keep``."""
    text, offs = chars
    out: list[str] = []
    out_offs: list[int] = []
    last = 0
    for m in pattern.finditer(text):
        out.append(text[last : m.start()])
        out_offs.extend(offs[last : m.start()])
        for g in keep:
            if m.start(g) >= 0:
                out.append(text[m.start(g) : m.end(g)])
                out_offs.extend(offs[m.start(g) : m.end(g)])
        last = m.end()
    if last == 0:
        return chars
    out.append(text[last:])
    out_offs.extend(offs[last:])
    return "".join(out), out_offs


# --------------------------------------------------------------------------- units


class _Shape(Enum):
    SYMBOLS = auto()  # no letter or digit: "|", "***"
    PROSE = auto()  # ends like a sentence and has three words or more
    TITLE = auto()  # no final punctuation, title case, 2..MAX_HEADLINE_WORDS words
    SHORT = auto()  # no sentence: one word, or a few words in lower case
    RUNON = auto()  # lower-case prose without final punctuation: cut off, or a heading
    LIST = auto()  # list item with MIN_LIST_WORDS words or more
    SHORT_LIST = auto()  # shorter list item


@dataclass(slots=True)
class _Unit:
    """A candidate block, before the rules decide whether it is kept."""

    text: str
    offsets: list[int]
    lines: list[int]  # 1-based line numbers it was built from
    kind: BlockKind = BlockKind.PARAGRAPH
    md_heading: bool = False
    reason: RemovalReason | None = None
    detail: str = ""
    related: bool = False  # a "related articles" heading: teasers follow
    words: list[str] = field(default_factory=list)
    shape: _Shape = _Shape.PROSE

    def remove(self, reason: RemovalReason, detail: str) -> None:
        if self.reason is None:
            self.reason = reason
            self.detail = detail

    @property
    def live(self) -> bool:
        return self.reason is None


def _shape(unit: _Unit) -> _Shape:
    words = unit.words
    if not words:
        return _Shape.SYMBOLS
    if unit.kind is BlockKind.LIST_ITEM:
        return _Shape.LIST if len(words) >= MIN_LIST_WORDS else _Shape.SHORT_LIST
    if _has_terminal(unit.text):
        # Two words make a sentence when the second is its verb ("Two died.", not "Read more.");
        # a quoted one is someone's words ('"No comment."'), never a menu entry.
        sentence = (
            len(words) >= 3
            or (len(words) == 2 and _has_finite_verb(words[1:]))
            or _WHOLE_QUOTE.match(unit.text) is not None
        )
        return _Shape.PROSE if sentence else _Shape.SHORT
    alpha = [w for w in words if w[0].isalpha()]
    if len(alpha) >= 2 and len(words) <= MAX_HEADLINE_WORDS and _is_title_case(words):
        return _Shape.TITLE
    if len(words) >= MIN_TRUNCATED_WORDS:
        return _Shape.RUNON
    return _Shape.SHORT


@dataclass(frozen=True, slots=True)
class _Line:
    number: int  # 1-based
    start: int
    end: int  # exclusive, before the newline

    def chars(self, text: str, start: int | None = None) -> _Chars:
        s = self.start if start is None else start
        return text[s : self.end], list(range(s, self.end))


def _body_lines(article: Article) -> list[_Line]:
    text = article.text
    lines: list[_Line] = []
    start = 0
    number = 1
    while start <= len(text):
        end = text.find("\n", start)
        end = len(text) if end == -1 else end
        if start >= article.body_start and text[start:end].strip():
            lines.append(_Line(number, start, end))
        start = end + 1
        number += 1
    return lines


_LIST_MARKER = re.compile(r"^[ \t]*(?:[-*•▪‣◦·]|\d{1,3}[.)])[ \t]+(?=\S)")
_MD_LIST_MARKER = re.compile(r"^[ \t]*(?:[-*+•]|\d{1,3}[.)])[ \t]+(?=\S)")


def _split_marker(line: _Line, text: str, marker: re.Pattern[str]) -> tuple[bool, _Chars]:
    raw = text[line.start : line.end]
    m = marker.match(raw)
    if m is None:
        return False, line.chars(text)
    return True, line.chars(text, line.start + m.end())


def _join(parts: Sequence[_Chars], gaps: Sequence[int]) -> _Chars:
    """Join line pieces with one space each, mapped to the newline between them."""
    text = parts[0][0]
    offs = list(parts[0][1])
    for (t, o), gap in zip(parts[1:], gaps, strict=True):
        text += " " + t
        offs += [gap, *o]
    return text, offs


def _is_wrapped(text: str, lines: Sequence[_Line]) -> bool:
    """True for a hard-wrapped plain-text file (lines break mid-sentence at a fixed width)."""
    if len(lines) < 4:
        return False
    widths = [ln.end - ln.start for ln in lines]
    if sum(1 for w in widths if w > WRAP_WIDTH) > 0.05 * len(lines):
        return False
    breaks = sum(
        1
        for a, b in itertools.pairwise(lines)
        if b.number == a.number + 1
        and a.end - a.start >= 40
        and not _has_terminal(text[a.start : a.end])
    )
    return breaks >= max(3, len(lines) // 4)


def _txt_units(text: str, lines: Sequence[_Line]) -> list[_Unit]:
    """Blocks of a plain-text (or extracted-HTML) body."""
    wrapped = _is_wrapped(text, lines)
    units: list[_Unit] = []
    pieces: list[_Chars] = []
    gaps: list[int] = []
    numbers: list[int] = []
    kind = BlockKind.PARAGRAPH

    def flush() -> None:
        nonlocal kind
        if pieces:
            units.append(_make_unit(_join(pieces, gaps), numbers, kind))
        pieces.clear()
        gaps.clear()
        numbers.clear()
        kind = BlockKind.PARAGRAPH

    prev: _Line | None = None
    for line in lines:
        is_item, chars = _split_marker(line, text, _LIST_MARKER)
        continues = False
        if prev is not None and pieces and not is_item and line.number == prev.number + 1:
            ended = _has_terminal(text[prev.start : prev.end])
            lower = chars[0].lstrip()[:1].islower()
            # In a wrapped file a short unpunctuated line before a capital is a heading.
            heading = not ended and not lower and prev.end - prev.start < _WRAPPED_HEADING
            continues = (wrapped and not heading) or (lower and not ended)
        if not continues:
            flush()
            kind = BlockKind.LIST_ITEM if is_item else BlockKind.PARAGRAPH
        else:
            gaps.append(line.start - 1)
        pieces.append(chars)
        numbers.append(line.number)
        prev = line
    flush()
    return units


# Markdown ------------------------------------------------------------------

_MD_FENCE = re.compile(r"^ {0,3}(`{3,}|~{3,})")
_MD_ATX = re.compile(r"^ {0,3}#{1,6}(?:[ \t]+|$)")
_MD_ATX_CLOSE = re.compile(r"[ \t]+#+[ \t]*$")
_MD_SETEXT = re.compile(r"^ {0,3}(?:=+|-+)[ \t]*$")
_MD_BREAK = re.compile(r"^ {0,3}([-*_])(?:[ \t]*\1){2,}[ \t]*$")
_MD_LINKDEF = re.compile(r"^ {0,3}\[[^\]]+\]:[ \t]*\S+")
_MD_COMMENT = re.compile(r"^[ \t]*<!--.*-->[ \t]*$")
_MD_QUOTE = re.compile(r"^[ \t]{0,3}(?:>[ \t]?)+")
_MD_INLINE: tuple[tuple[re.Pattern[str], tuple[int, ...]], ...] = (
    (re.compile(r"!\[[^\]]*\](?:\([^)]*\)|\[[^\]]*\])"), ()),  # images: dropped
    (re.compile(r"(?<!\\)\[([^\]]+)\]\((?:[^()\s]|\([^)]*\))*(?:\s+\"[^\"]*\")?\)"), (1,)),
    (re.compile(r"(?<!\\)\[([^\]]+)\]\[[^\]]*\]"), (1,)),
    (re.compile(r"<((?:https?|mailto):[^>\s]+)>"), (1,)),
    (re.compile(r"</?[A-Za-z][A-Za-z0-9-]*(?:\s[^<>]*)?/?>"), ()),  # inline HTML tags
    (re.compile(r"(?<!\\)(`+)(.+?)\1"), (2,)),
    (re.compile(r"(?<![\\\w])(\*\*|__)(?=\S)(.+?)(?<=\S)\1(?!\w)"), (2,)),
    (re.compile(r"(?<![\\\w*])\*(?=[^\s*])(.+?)(?<=[^\s*\\])\*(?![\w*])"), (1,)),
    (re.compile(r"(?<![\\\w])_(?=[^\s_])(.+?)(?<=[^\s_\\])_(?!\w)"), (1,)),
    (re.compile(r"~~(?=\S)(.+?)(?<=\S)~~"), (1,)),
    (re.compile(r"\\([\\`*_{}\[\]()#+\-.!>~|])"), (1,)),
)


def _strip_inline(chars: _Chars) -> _Chars:
    for pattern, keep in _MD_INLINE:
        chars = _sub(chars, pattern, keep)
    return chars


def _md_units(text: str, lines: Sequence[_Line]) -> list[_Unit]:
    """Blocks of a Markdown body, with markup stripped and offsets kept exact."""
    units: list[_Unit] = []
    pieces: list[_Chars] = []
    gaps: list[int] = []
    numbers: list[int] = []
    kind = BlockKind.PARAGRAPH
    fence: str | None = None

    def flush(heading: bool = False, extra: Iterable[int] = ()) -> None:
        nonlocal kind
        if pieces:
            unit = _make_unit(_strip_inline(_join(pieces, gaps)), numbers, kind)
            unit.md_heading = heading
            unit.lines.extend(extra)
            units.append(unit)
        pieces.clear()
        gaps.clear()
        numbers.clear()
        kind = BlockKind.PARAGRAPH

    def markup(line: _Line, what: str) -> None:
        unit = _make_unit(("", []), [line.number], BlockKind.PARAGRAPH)
        unit.remove(RemovalReason.NAVIGATION, f"markdown markup only ({what})")
        units.append(unit)

    prev: _Line | None = None
    for line in lines:
        raw = text[line.start : line.end]
        adjacent = prev is not None and line.number == prev.number + 1
        prev = line
        if fence is not None:
            if raw.strip().startswith(fence) and not raw.strip().strip(fence[0]):
                fence = None
                markup(line, "code fence")
            else:
                units.append(_make_unit(line.chars(text), [line.number], BlockKind.PARAGRAPH))
            continue
        if not adjacent:
            flush()
        if m := _MD_FENCE.match(raw):
            flush()
            fence = m.group(1)[0] * 3
            markup(line, "code fence")
            continue
        if pieces and kind is BlockKind.PARAGRAPH and _MD_SETEXT.match(raw):
            flush(heading=True, extra=[line.number])
            continue
        if _MD_BREAK.match(raw) or _MD_LINKDEF.match(raw) or _MD_COMMENT.match(raw):
            flush()
            markup(line, "rule, link definition or comment")
            continue
        start = line.start
        if q := _MD_QUOTE.match(raw):
            start += q.end()
        sub = _Line(line.number, start, line.end)
        if h := _MD_ATX.match(text[start : line.end]):
            flush()
            chars = sub.chars(text, start + h.end())
            if c := _MD_ATX_CLOSE.search(chars[0]):
                chars = chars[0][: c.start()], chars[1][: c.start()]
            pieces.append(chars)
            numbers.append(line.number)
            flush(heading=True)
            continue
        is_item, chars = _split_marker(sub, text, _MD_LIST_MARKER)
        if is_item or not pieces:
            flush()
            kind = BlockKind.LIST_ITEM if is_item else BlockKind.PARAGRAPH
        else:
            gaps.append(line.start - 1)
        pieces.append(chars)
        numbers.append(line.number)
    flush()
    return units


def _make_unit(chars: _Chars, numbers: Sequence[int], kind: BlockKind) -> _Unit:
    text, offs = _squeeze(chars)
    unit = _Unit(text=text, offsets=offs, lines=list(numbers), kind=kind)
    unit.words = _words(text)
    unit.shape = _shape(unit)
    return unit


# --------------------------------------------------------------------------- line rules

_HASHTAG_LINE = re.compile(r"^(?:(?:tags?|topics?)\s*:\s*)?(?:#[^\s#][^#]*)+$", re.I)
_COUNTER_WORDS = r"(?:comments?|replies|responses?|shares?|likes?|views?|reactions?|votes?|reads?)"
_COUNTERS = (
    re.compile(r"^\d[\d,.]*\s*/\s*\d[\d,.]*$"),
    re.compile(rf"^{_COUNTER_WORDS}\s*[:(\[]?\s*\d[\d,.]*\s*[km]?\s*[)\]]?$", re.I),
    re.compile(rf"^\d[\d,.]*\s*[km]?\s+{_COUNTER_WORDS}$", re.I),
    re.compile(r"^\d+\s*(?:min|minute)s?\s+(?:read|listen)$", re.I),
    re.compile(r"^\d[\d,.]*\s*[km]?$", re.I),
)
_UPDATE_NOTE = re.compile(
    r"^(?:(?:this|the)\s+(?:article|story|post|piece|report|headline)\s+(?:has\s+been|was|is)"
    r"\s+(?:updated|corrected|amended|revised)"
    r"|(?:last\s+)?updated\s*(?::|on\b|at\b|-|—|\d|\w{3,9}\.?,?\s+\d)"
    r"|update\s*[:(]|editor['’]?s\s+note\b)",
    re.I,
)
#: A correction note: "Correction: ...", "Clarification: ...", "Corrected March 5, 2026:
#: ...", "An earlier version of this story misstated ...". It is about the article, not
#: the story: listed in ``removed`` with the detail :data:`CORRECTION_DETAIL`, its text
#: kept there whole.
_CORRECTION_NOTE = re.compile(
    r"^(?:(?:correction|clarification)s?\b\s*(?:[:(]|[-—–]\s|\w{3,9}\.?\s+\d)"
    r"|(?:corrected|clarified)\s*(?::|on\b|\w{3,9}\.?,?\s+\d)"
    r"|an?\s+(?:earlier|previous|prior)\s+version\s+of\s+this\s+"
    r"(?:article|story|post|piece|report|headline)\b)",
    re.I,
)
#: The removal detail of a correction note (:data:`_CORRECTION_NOTE`).
CORRECTION_DETAIL = "correction note"
_BYLINE = re.compile(r"^(?:by|written\s+by|words\s+by|reporting\s+by)\s+\S", re.I)
_CHROME_START = re.compile(
    r"""^(?:
      related\b|recommended\b|sponsored\b|trending\b|more\s+(?:from|on|in|about)\s+\w
    | subscribe\b|sign\s+(?:up|in)\b|log\s*in$|register(?:\s+(?:now|here|today))?$
    | newsletters?$|cookies?$|share$
    | copyright\s+(?:©|\(c\)|\d{4})|skip\s+to\b|jump\s+to\b|back\s+to\s+top
    | read\s+(?:more|next|also)\b|also\s+read\b|see\s+also\b|further\s+reading
    | (?:photo|image|picture|illustration)s?\s*(?::|by\b|credit)
    )""",
    re.I | re.X,
)
_CHROME_ANY = re.compile(
    r"""\b(?:
      read\s+(?:the\s+)?(?:full|original)\s+(?:article|story|post|report|piece)\b
    | read\s+more\b|continue\s+reading|keep\s+reading
    | subscribe\s+(?:now|today|to|for)\b|sign\s+up\s+(?:for|to|now|here)\b
    | (?:our|the|free|daily|weekly)\s+newsletter|advertisement|paid\s+(?:content|partnership)
    | share\s+(?:this|on|via)\b|follow\s+us|like\s+us\s+on|click\s+here|tap\s+here
    | recommendations\b|you\s+(?:may|might)\s+(?:also\s+)?like|more\s+(?:stories|articles)\b
    | most\s+(?:popular|read|viewed|shared)\b|top\s+stories|editor['’]?s\s+picks
    | (?:we\s+use|accept(?:\s+all)?|manage|reject(?:\s+all)?|site\s+uses)\s+cookies
    | cookie\s+(?:policy|settings|preferences|consent)|privacy\s+(?:policy|notice|settings)
    | terms\s+(?:of|and)\s+(?:use|service|conditions)|all\s+rights\s+reserved
    | main\s+menu|toggle\s+navigation|download\s+(?:our|the)\s+app|get\s+the\s+app
    | enable\s+javascript|ad\s*blocker|leave\s+a\s+(?:comment|reply)|post\s+a\s+comment
    | join\s+the\s+(?:conversation|discussion)|view\s+(?:all\s+)?comments|show\s+comments
    | load\s+more|show\s+more|see\s+more|copy\s+link|email\s+(?:this|a\s+friend)
    | listen\s+to\s+(?:this\s+)?(?:article|story)|print\s+(?:this\s+)?(?:article|page|story)
    | (?:photo|image|video)\s+(?:credit|courtesy)\b|getty\s+images
    | (?:photograph|photo|image|picture|illustration)s?\s*:(?=\s*\S)
    )|©|\(c\)\s*\d{4}""",
    re.I | re.X,
)
_RELATED = re.compile(
    r"^(?:related|recommended|recommendations?|more\s+(?:from|on|in|about|stories|news)"
    r"|see\s+also|also\s+read|read\s+(?:also|more|next)|further\s+reading"
    r"|you\s+(?:may|might)\s+(?:also\s+)?like|most\s+(?:popular|read|viewed|shared)"
    r"|top\s+stories|editor['’]?s\s+picks|trending)\b",
    re.I,
)
#: A line that labels the ad after it ("Advertisement", "Sponsored content", "Story
#: continues below advertisement").
_AD_LABEL = re.compile(
    r"^(?:advertisements?|advertising|ad|sponsored(?:\s+(?:content|post|links?|stor(?:y|ies)))?"
    r"|paid\s+(?:content|post|partnership|promotion)|promoted(?:\s+content)?|partner\s+content"
    r"|(?:story|article)\s+continues\s+(?:below|after)(?:\s+(?:this|the))?\s+(?:advertisement|ad))"
    r"[\s:.\-–—]*$",
    re.I,
)
_HEAD_PREFIX = re.compile(r"^(?:published|posted|first\s+published)(?:\s+on)?\s*:?\s*", re.I)
_MONTH_NAMES = (  # noqa: SIM905 - word lists read better as one string
    "jan feb mar apr may jun jul aug sep sept oct nov dec january february march april june "
    "july august september october november december"
).split()
_DATEISH_WORDS = frozenset(
    [
        *_MONTH_NAMES,
        *"mon tue tues wed thu thur thurs fri sat sun monday tuesday wednesday".split(),  # noqa: SIM905
        *"thursday friday saturday sunday published posted updated modified last".split(),  # noqa: SIM905
        *"on at of am pm a.m p.m et est edt pt pst pdt ct cst cdt gmt utc bst".split(),  # noqa: SIM905
        *"cet cest ist jst aest first".split(),  # noqa: SIM905
    ]
)
_MONTH_RE = "(?:" + "|".join(sorted(_MONTH_NAMES, key=len, reverse=True)) + r")\.?"
_WEEKDAY_RE = r"(?:mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun)[a-z]*\.?"
_DATE_IN_TEXT = re.compile(
    rf"\b(?:\d{{4}}-\d\d-\d\d|{_MONTH_RE}\s+\d{{1,2}}(?:st|nd|rd|th)?,?\s+\d{{4}}"
    rf"|\d{{1,2}}(?:st|nd|rd|th)?\s+{_MONTH_RE},?\s+\d{{4}})\b",
    re.I,
)
_YEAR_OR_ISO = re.compile(r"\d{4}(?:-\d\d-\d\d)?")
_DATE_TOKEN = re.compile(r"^\d{1,4}(?:st|nd|rd|th)?$|^\d[\d:./-]*\d$")


def _is_dateish(unit: _Unit) -> bool:
    """Only a date (or a date range, time, weekday, "Published"): no words of its own."""
    return _is_dateish_words(unit.words)


def _is_dateish_words(words: Sequence[str]) -> bool:
    """:func:`_is_dateish` on words: "Published 10:15 a.m. ET Mar. 4, 2026 Updated ..."."""
    lowered = [w.lower().rstrip(".") for w in words]
    if not lowered or len(lowered) > 2 * MAX_CHROME_WORDS:
        return False
    has_date = any(w in _MONTH_NAMES or _YEAR_OR_ISO.fullmatch(w) for w in lowered)
    return has_date and all(w in _DATEISH_WORDS or _DATE_TOKEN.match(w) for w in lowered)


#: Where a dateline splits into parts: "|", "·", "•", a spaced dash, or a sentence end
#: before a capital ("By Jane Doe, Staff Writer. Updated March 5, 2026."; "Mar. 4" and
#: "a.m. ET" do not split).
_DATELINE_PARTS = re.compile(r"\s*[|·•]\s*|\s+[-–—]\s+|(?<=[a-z]{2}\.)\s+(?=[A-Z])")
_READING_TIME = re.compile(r"^\d+\s*(?:min|mins|minutes?)\.?\s+(?:read|listen)$", re.I)
#: A part of a dateline that names its author or outlet ("Jane Doe", "Staff Writer").
_MAX_NAME_WORDS = 5


def _dateline_part(part: str) -> str | None:
    """What a part of a dateline is: "date", "time", "byline" or "name"; None for prose."""
    words = _words(part)
    if _is_dateish_words(words):
        return "date"
    if _READING_TIME.match(part.strip(" .")):
        return "time"
    if _is_byline(part, words):
        return "byline"
    if (
        len(words) <= _MAX_NAME_WORDS
        and not part.rstrip(" .").endswith(tuple(_TERMINAL))
        and _is_title_case(words)
        and not _has_finite_verb(words)
    ):
        return "name"
    return None


def _dateline(unit: _Unit) -> dict[str, str] | None:
    """The dates of a dateline by the ``meta`` field they fill; None for any other block.

    A dateline is a date-only line (:func:`_is_dateish`), or a line whose parts (split at
    :data:`_DATELINE_PARTS`) are each a date-only part, a byline ("By Jane Doe, Staff
    Writer"), a name ("Jane Doe") or a reading time ("4 min read"), one of them a date:
    "Wednesday, March 4, 2026 · 4 min read", "Jane Doe | March 4, 2026". A date-only
    line whose date does not parse gives an empty mapping.
    """
    if _is_dateish(unit):
        return _labelled_dates(unit.text, unlabelled="published", dateish=True)
    if len(unit.words) > 2 * MAX_CHROME_WORDS:
        return None
    parts = [p for p in _DATELINE_PARTS.split(unit.text) if _words(p)]
    kinds = [_dateline_part(p) for p in parts]
    if len(parts) < 2 or None in kinds or "date" not in kinds:
        return None
    return _labelled_dates(unit.text, unlabelled="published", dateish=True) or None


def _find_date(text: str) -> str | None:
    """The ISO form of the date in a dateline: the whole line, else a date inside it."""
    iso = iso_date(_HEAD_PREFIX.sub("", text, count=1))
    if iso is None and (m := _DATE_IN_TEXT.search(text)):
        iso = iso_date(m.group(0))
    return iso


#: The labels of a dateline's dates, and the field each fills: "Published March 4, 2026;
#: updated March 5, 2026", "Posted: 2026-03-04 08:00 | Updated: 2026-03-05 09:30".
_DATE_LABEL = re.compile(
    r"\b(?:(?P<published>(?:first\s+)?published|posted)"
    r"|(?P<updated>(?:last\s+)?(?:updated|modified|corrected|amended|revised)|update))\b",
    re.I,
)
_LEADING_DATE = re.compile(
    rf"^(?:(?:on|at)\s+)?(?:{_WEEKDAY_RE},?\s+)?(?P<date>{_DATE_IN_TEXT.pattern})", re.I
)
_DATE_SEPARATORS = " \t:;,|·•–—-"


def _labelled_dates(text: str, *, unlabelled: str | None, dateish: bool) -> dict[str, str]:
    """The dates of a dateline or an update note, by the ``meta`` field they fill.

    A date belongs to the label before it: the date after "updated" is never the
    publication date. A date before any label fills ``unlabelled`` (``published`` on a
    dateline; nothing in an update note, whose other dates are content). In prose (not
    ``dateish``) a labelled date must come right after its label ("updated on May 13, 2026
    to correct ..."), so that a date the note talks about is not taken for its own.
    """
    labels = list(_DATE_LABEL.finditer(text))
    bounds = [m.start() for m in labels[1:]] + [len(text)] if labels else []
    segments = [(unlabelled, text[: labels[0].start() if labels else len(text)])]
    segments += [
        ("published" if m.group("published") else "updated", text[m.end() : end])
        for m, end in zip(labels, bounds, strict=True)
    ]
    out: dict[str, str] = {}
    for field_name, segment in segments:
        segment = segment.strip(_DATE_SEPARATORS)
        if field_name is None or field_name in out or not segment:
            continue
        if dateish:
            iso = _find_date(segment)
        else:
            m = _LEADING_DATE.match(segment)
            iso = iso_date(m.group("date")) if m else None
        if iso is not None:
            out[field_name] = iso
    return out


def _dates_detail(dates: dict[str, str]) -> str:
    """The dates of a dateline for the removal detail: ``2026-03-04; updated 2026-03-05``."""
    parts = [dates["published"]] if "published" in dates else []
    parts += [f"updated {dates['updated']}"] if "updated" in dates else []
    return "; ".join(parts)


def _is_hashtags(unit: _Unit) -> bool:
    if not _HASHTAG_LINE.match(unit.text):
        return False
    tags = unit.text.split("#")[1:]
    return all(0 < len(_words(t)) <= 4 and not _has_terminal(t.strip()) for t in tags)


def _chrome_phrase(unit: _Unit) -> str | None:
    """The web-chrome phrase on a short line that is no sentence of its own, if any."""
    n = len(unit.words)
    if n > MAX_CHROME_WORDS * 2:
        return None
    m = _CHROME_START.match(unit.text) or _CHROME_ANY.search(unit.text)
    if m is None:
        return None
    at_start = m.start() <= 2
    if n > MAX_CHROME_WORDS and not (at_start and ":" in unit.text[: m.end() + 3]):
        return None
    sentence = _has_terminal(unit.text) and not unit.text.rstrip(_CLOSERS).endswith(":")
    if sentence and ((n > 4 and not (at_start and n <= 10)) or _is_statement(unit.text)):
        return None
    return " ".join(m.group(0).split())


def _is_statement(text: str) -> bool:
    """A sentence of reporting that happens to hold a chrome phrase.

    What is left once every chrome phrase is cut out has a finite verb and does not address
    the reader: "Advertisement revenue fell by half." and "Related talks will start in
    June." are statements; "Sign up for our newsletter.", "We use cookies to improve your
    experience." and "© 2025 Harbor Daily. All rights reserved." are not. A phrase followed
    by a colon is a label ("Read more: Council approves the budget.").
    """
    matches = sorted(
        itertools.chain(_CHROME_START.finditer(text), _CHROME_ANY.finditer(text)),
        key=lambda m: m.start(),
    )
    rest: list[str] = []
    last = 0
    for m in matches:
        if m.group(0).rstrip().endswith(":") or text[m.end() :].lstrip().startswith(":"):
            return False
        rest.append(text[last : max(last, m.start())])
        last = max(last, m.end())
    rest.append(text[last:])
    remainder = " ".join(rest)
    return _has_finite_verb(_words(remainder)) and not _addresses_reader(remainder)


def _is_byline(text: str, words: Sequence[str]) -> bool:
    """ "By Jane Doe", "Written by Jane Doe and Tom Hale, Staff Writers"."""
    return (
        _BYLINE.match(text) is not None
        and len(words) <= MAX_CHROME_WORDS
        and not _has_terminal(text.rstrip("."))
        and _is_title_case(words[1:])
    )


def _line_rules(unit: _Unit, found: dict[str, str]) -> None:
    """Rules that look at one block alone (hashtags, counters, notes, bylines, chrome)."""
    text = unit.text
    n = len(unit.words)
    if text.startswith("#") and _is_hashtags(unit):
        unit.remove(RemovalReason.HASHTAGS, f"{text.count('#')} hashtags")
    elif any(p.match(text) for p in _COUNTERS):
        unit.remove(RemovalReason.COUNTER, "comment, share or character counter")
    elif (correction := _CORRECTION_NOTE.match(text)) or (
        _UPDATE_NOTE.match(text) and n <= MAX_NOTE_WORDS
    ):
        # Only a date goes to meta.updated; the note's text stays in the audit.
        dateish = _is_dateish(unit)
        dates = _labelled_dates(text, unlabelled=None, dateish=dateish)
        if "updated" in dates:
            found.setdefault("updated", dates["updated"])
        if dateish and "published" in dates:  # "Updated: <date> | Published: <date>"
            found.setdefault("published", dates["published"])
        moved = "; its date moved to meta.updated" if "updated" in dates else ""
        detail = CORRECTION_DETAIL if correction else "update note"
        unit.remove(RemovalReason.METADATA, detail + moved)
    elif _is_byline(text, unit.words) and not _DATE_IN_TEXT.search(text):
        # A byline with a date is a dateline: the head rule reads its dates.
        unit.remove(RemovalReason.METADATA, "byline")
    elif phrase := _chrome_phrase(unit):
        unit.related = bool(_RELATED.match(text)) and n <= 8 and unit.shape is not _Shape.PROSE
        unit.remove(RemovalReason.BOILERPLATE, f"web-chrome phrase '{phrase.lower()}'")


# --------------------------------------------------------------------------- passes


def _piece_keys(text: str) -> list[str]:
    """Comparison keys (:func:`_norm`) of the pieces of ``text`` (:data:`_PIECE_BREAK`)."""
    return [key for key in map(_norm, _PIECE_BREAK.split(text)) if key]


def _count_sentences(texts: Iterable[str]) -> int:
    return sum(1 for t in texts for s in _SENTENCE_BREAK.split(t) if _norm(s))


def _join_ints(values: Iterable[int]) -> str:
    return ", ".join(map(str, values))


def _mark_duplicates(units: Sequence[_Unit]) -> None:
    """Rule 1: blocks printed earlier, and runs of sentences printed earlier.

    A block whose whole text appeared before is a duplicate. So is a block whose sentences
    all appeared before (compared piece by piece, see :data:`_PIECE_BREAK`, so however the
    paragraphs were cut) when it stands in a run of such blocks with at least
    :data:`MIN_REPEATED_RUN` sentences: that is a second copy of the body, while one
    repeated sentence (a pull quote) is left alone. Blocks without text (markup) neither
    break nor extend a run.
    """
    seen_blocks: dict[str, int] = {}
    seen_pieces: dict[str, int] = {}
    run: list[tuple[_Unit, list[str]]] = []

    def close_run() -> None:
        count = _count_sentences(unit.text for unit, _ in run)
        for unit, keys in run:
            if count >= MIN_REPEATED_RUN and unit.live:
                lines = sorted({seen_pieces[k] for k in keys})
                where = f"line {lines[0]}" if len(lines) == 1 else f"lines {_join_ints(lines)}"
                unit.remove(RemovalReason.DUPLICATE, f"repeats {where}")
            if count >= 3 and unit.reason is RemovalReason.DUPLICATE:
                unit.detail += " (body printed twice)"
            if unit.live:
                seen_blocks.setdefault(_norm(unit.text), unit.lines[0])
        run.clear()

    for unit in units:
        key = _norm(unit.text)
        if not key:
            continue
        keys = _piece_keys(unit.text)
        if key in seen_blocks:
            unit.remove(RemovalReason.DUPLICATE, f"repeats line {seen_blocks[key]}")
        elif not all(k in seen_pieces for k in keys):
            close_run()
            seen_blocks[key] = unit.lines[0]
            for k in keys:
                seen_pieces.setdefault(k, unit.lines[0])
            continue
        run.append((unit, keys))
    close_run()


def _first_prose(units: Sequence[_Unit]) -> int:
    """The index of the first sentence or list item that is no dateline."""
    for i, unit in enumerate(units):
        if (
            unit.live
            and (unit.shape in (_Shape.PROSE, _Shape.LIST) or len(unit.words) > MAX_HEADLINE_WORDS)
            and _dateline(unit) is None
        ):
            return i
    return len(units)


def _mark_head(units: Sequence[_Unit], meta: ArticleMeta, found: dict[str, str]) -> None:
    """Title and dateline before the first sentence; title repeats and bylines anywhere."""
    known = _norm(meta.title) if meta.title else None
    after_title = False
    for unit in units[: _first_prose(units)]:
        if not unit.live:
            continue
        dates = _dateline(unit)
        if dates is not None:
            for field_name, iso in dates.items():
                found.setdefault(field_name, iso)
            if dates:
                unit.remove(RemovalReason.METADATA, f"dateline ({_dates_detail(dates)})")
            after_title = False
            continue
        if after_title and unit.shape is _Shape.RUNON:
            unit.remove(RemovalReason.METADATA, "standfirst: the summary under the title")
        after_title = False
        if known is None and (_is_headline(unit) or (unit.md_heading and unit.words)):
            found["title"] = unit.text
            known = _norm(unit.text)
            unit.remove(RemovalReason.METADATA, "title, moved to meta.title")
            after_title = True
    for unit in units:
        if unit.live and known and _norm(unit.text) == known:
            unit.remove(RemovalReason.METADATA, "title")
        elif unit.live and _is_byline(unit.text, unit.words):  # one with a date, not at the head
            unit.remove(RemovalReason.METADATA, "byline")


def _next_live(units: Sequence[_Unit], i: int) -> _Unit | None:
    for unit in units[i + 1 :]:
        if unit.live:
            return unit
    return None


def _is_headline(unit: _Unit) -> bool:
    """A headline-like block: no final punctuation, 3..MAX_HEADLINE_WORDS words."""
    return (
        unit.shape is not _Shape.SYMBOLS
        and not _has_terminal(unit.text)
        and 3 <= len(unit.words) <= MAX_HEADLINE_WORDS
    )


def _runs_on(units: Sequence[_Unit], i: int) -> bool:
    """Prose without final punctuation that is not a sentence-case heading before prose."""
    unit = units[i]
    if unit.shape is not _Shape.RUNON:
        return False
    nxt = _next_live(units, i)
    heading = (
        nxt is not None
        and nxt.shape in (_Shape.PROSE, _Shape.LIST)
        and len(unit.words) <= MAX_SENTENCE_HEADING_WORDS
    )
    return not heading


def _breaks_off(unit: _Unit) -> bool:
    """True when a block visibly stops mid-sentence.

    It ends on a word no sentence ends with (:data:`_OPEN_ENDINGS`: "... and beyond the"),
    or on a comma, a hyphen, a dash or an opening bracket.
    """
    text = unit.text.rstrip("\"'”’*_ ")
    if text.endswith((",", "-", "–", "—", "(", "[")):
        return True
    return bool(unit.words) and unit.words[-1].lower() in _OPEN_ENDINGS


def _is_unpunctuated_sentence(unit: _Unit) -> bool:
    """A sentence that lacks only its final punctuation ("The ferry will resume on Friday").

    Run-on prose that starts like a sentence (a capital, after any opening quote mark), has a
    finite verb (:func:`_has_finite_verb`), does not break off (:func:`_breaks_off`) and
    does not speak to the reader (a widget's "You have 3 free articles left").
    """
    first = unit.text.lstrip("\"'“‘(")[:1]
    return (
        unit.shape is _Shape.RUNON
        and first.isupper()
        and _has_finite_verb(unit.words)
        and not _breaks_off(unit)
        and not _addresses_reader(unit.text)
    )


def _mark_related(units: Sequence[_Unit], start: int) -> None:
    """Teasers after a "related articles" heading at ``units[start]``.

    The section runs over headlines and short blurbs and ends at the first removed block, a
    long paragraph, or prose that follows no headline.
    """
    head = units[start]
    where = f"under '{head.text}' (line {head.lines[0]})"
    after_headline = False
    for i in range(start + 1, len(units)):
        unit = units[i]
        if not unit.live:
            return
        nxt = units[i + 1] if i + 1 < len(units) and units[i + 1].live else None
        blurb_next = (
            nxt is not None
            and len(nxt.words) > len(unit.words)
            and (nxt.shape is _Shape.RUNON or _is_blurb(nxt))
        )
        if _is_headline(unit) and (blurb_next or nxt is None or not _is_long(nxt)):
            unit.remove(RemovalReason.TEASER, f"teaser headline {where}")
            after_headline = True
            continue
        if unit.shape is _Shape.RUNON:
            unit.remove(RemovalReason.TRUNCATED, f"teaser blurb cut off mid-sentence {where}")
        elif after_headline and _is_blurb(unit):
            unit.remove(RemovalReason.TEASER, f"teaser blurb {where}")
        else:
            return
        after_headline = False


def _is_blurb(unit: _Unit) -> bool:
    return unit.shape is _Shape.PROSE and len(unit.words) <= MAX_BLURB_WORDS


def _is_long(unit: _Unit) -> bool:
    return unit.shape is _Shape.PROSE and len(unit.words) > MAX_BLURB_WORDS


def _mark_teasers(units: Sequence[_Unit]) -> None:
    """Related-article sections, headline + cut-off blurb pairs, and other cut-off blocks.

    Outside a teaser context, a block without final punctuation is truncated only when it
    visibly breaks off (:func:`_breaks_off`); one that reads as a whole sentence is kept.
    """
    for i, unit in enumerate(units):
        if unit.related:
            _mark_related(units, i)
    for i, unit in enumerate(units):
        if not unit.live:
            continue
        j = next((k for k in range(i + 1, len(units)) if units[k].live), None)
        if (
            j is not None
            and _is_headline(unit)
            and len(units[j].words) > len(unit.words)
            and _runs_on(units, j)
        ):
            unit.remove(
                RemovalReason.TEASER,
                f"teaser headline of a cut-off blurb (line {units[j].lines[0]})",
            )
            units[j].remove(
                RemovalReason.TRUNCATED,
                f"teaser blurb cut off mid-sentence, after the headline on line {unit.lines[0]}",
            )
        elif _runs_on(units, i) and _breaks_off(unit):
            unit.remove(RemovalReason.TRUNCATED, "ends mid-sentence, without final punctuation")


def _is_list_lead_in(unit: _Unit) -> bool:
    """A live sentence of prose that ends in a colon, not a call to action: "The shift
    follows Meta's:", "Officials weighed three options:" (not "Share this article on:")."""
    return (
        unit.live
        and unit.kind is BlockKind.PARAGRAPH
        and unit.shape is _Shape.PROSE
        and unit.text.rstrip(_CLOSERS).endswith(":")
        and not _is_imperative(unit.words)
        and not _addresses_reader(unit.text)
    )


def _marker_before(source: str, start: int, after: int) -> _Chars:
    """The list marker before an item starting at ``start``, as it is joined to the text
    before it (which ends before ``after``): " - " (or " 1. ", " • "), each character
    mapped to itself, the first space to the line break that ends the text before."""
    k = start
    while k > 0 and source[k - 1] in " \t":
        k -= 1
    m = k
    while m > 0 and not source[m - 1].isspace():
        m -= 1
    first = after if after < m and source[after].isspace() else m - 1
    chars = [first, *range(m, k)] + ([k] if k < start else [])
    return "".join(" " if source[i].isspace() else source[i] for i in chars), chars


def _join_short_lists(units: Sequence[_Unit], source: str) -> list[_Unit]:
    """Join a list of short items to the lead-in that introduces it (one block).

    A list whose items are all too short to state anything on their own (under
    :data:`MIN_LIST_WORDS` words: "- Innovation acceleration", "- Safety considerations"),
    right after a lead-in ending in a colon (:func:`_is_list_lead_in`), is the lead-in's
    object: the lead-in and its items are one statement, "... balancing: - Innovation
    acceleration - Commercial viability - Safety considerations", each item after its own
    list marker, so every character still maps to itself in the file. A list of
    longer items stays one block per item (each a claim; segment drops a lead-in that
    states nothing without them, and lists it as removed), and so does a mixed one, whose
    short items are left to the navigation rule; a list with no lead-in (a menu: "- Home",
    "- World") is navigation too.
    """
    out: list[_Unit] = []
    i = 0
    while i < len(units):
        unit = units[i]
        j = i + 1
        while j < len(units) and units[j].live and units[j].kind is BlockKind.LIST_ITEM:
            j += 1
        items = units[i + 1 : j]
        if not (
            items and _is_list_lead_in(unit) and all(it.shape is _Shape.SHORT_LIST for it in items)
        ):
            out.append(unit)
            i += 1
            continue
        text, offsets, lines = unit.text, list(unit.offsets), list(unit.lines)
        for item in items:
            sep, sep_offsets = _marker_before(source, item.offsets[0], offsets[-1] + 1)
            text += sep + item.text
            offsets += [*sep_offsets, *item.offsets]
            lines += item.lines
        # A sentence ending in its list, without final punctuation: prose all the same.
        joined = replace(unit, text=text, offsets=offsets, lines=lines, words=_words(text))
        out.append(joined)
        i = j
    return out


def _mark_fragments(units: Sequence[_Unit]) -> None:
    """Headings and navigation: blocks with no sentence structure."""
    heading_next = False  # is the next live block a heading or content?
    content_next = False
    for unit in reversed(units):
        if not unit.live:
            continue
        shape = unit.shape
        heading_like = (content_next or heading_next) and (
            len(unit.words) <= MAX_SENTENCE_HEADING_WORDS
        )
        if shape in (_Shape.PROSE, _Shape.LIST) or (
            _is_unpunctuated_sentence(unit) and not heading_like
        ):
            heading_next, content_next = False, True
            continue
        if not unit.text:
            unit.remove(RemovalReason.NAVIGATION, "markup only (image or HTML tag)")
        elif shape is _Shape.SYMBOLS:
            unit.remove(RemovalReason.NAVIGATION, "only symbols")
        elif shape is _Shape.SHORT_LIST:
            unit.remove(RemovalReason.NAVIGATION, f"list item of fewer than {MIN_LIST_WORDS} words")
        elif _is_dateish(unit):
            unit.remove(RemovalReason.NAVIGATION, "only a date, not a dateline of this article")
        elif unit.md_heading or (
            len(unit.words) >= 2
            and (content_next or heading_next)
            and not unit.text.rstrip(_CLOSERS).endswith((".", "!", "?", "…"))
        ):
            unit.remove(RemovalReason.HEADING, "heading: no sentence of its own")
            heading_next, content_next = True, False
            continue
        else:
            unit.remove(RemovalReason.NAVIGATION, "short line without sentence structure")
        heading_next = content_next = False


@dataclass(slots=True)
class _Section:
    headings: list[_Unit] = field(default_factory=list)
    body: list[_Unit] = field(default_factory=list)

    @property
    def units(self) -> list[_Unit]:
        return self.headings + self.body


def _sections(units: Sequence[_Unit]) -> list[_Section]:
    sections = [_Section()]
    for unit in units:
        is_heading = unit.reason is RemovalReason.HEADING or unit.related
        if is_heading and sections[-1].body:
            sections.append(_Section())
        (sections[-1].headings if is_heading else sections[-1].body).append(unit)
    return sections


def _overlap(own: Sequence[str], rest: set[str]) -> float:
    return sum(1 for stem in own if stem in rest) / len(own) if own else 0.0


def _median(values: Iterable[float], *, low: bool = False) -> float:
    """The median; of an even count, the upper middle value, or the lower with ``low``."""
    ordered = sorted(values)
    return ordered[(len(ordered) - 1) // 2 if low else len(ordered) // 2]


class _Vocabulary:
    """The content stems of the kept article (blocks and headings) and of its title.

    Units are named by their index in the unit list; :meth:`rest` is the vocabulary of the
    article without some of them, which is what a part of the article is judged against.
    """

    def __init__(self, units: Sequence[_Unit], title: str | None) -> None:
        self.units = units
        self.title = set(_content_stems(title or ""))
        self.stems = {
            i: _content_stems(u.text)
            for i, u in enumerate(units)
            if (u.live and u.text) or u.reason is RemovalReason.HEADING
        }
        self.counts = Counter(stem for stems in self.stems.values() for stem in stems)

    def tokens(self, members: Iterable[int]) -> list[str]:
        return [stem for i in members for stem in self.stems.get(i, ())]

    def rest(self, excluded: Iterable[int]) -> set[str]:
        """Stems of the title and of every unit not in ``excluded``."""
        minus = Counter(self.tokens(excluded))
        return self.title | {stem for stem, n in self.counts.items() if n > minus[stem]}

    def score(self, members: Collection[int], also_excluded: Collection[int] = ()) -> float:
        """The share of the members' content words whose stem occurs in the rest."""
        return _overlap(self.tokens(members), self.rest({*members, *also_excluded}))

    def blocks(self) -> list[int]:
        """Kept blocks with enough content words to be scored on their own."""
        return [
            i
            for i, stems in self.stems.items()
            if self.units[i].live and len(stems) >= MIN_BLOCK_WORDS
        ]

    def cohesion(self, excluded: Collection[int]) -> float | None:
        """How much a typical paragraph outside ``excluded`` shares with the others.

        The (lower) median score of those blocks, each against the article without
        ``excluded``; None when fewer than :data:`MIN_COHESION_BLOCKS` are left to tell.
        """
        blocks = [b for b in self.blocks() if b not in excluded]
        if len(blocks) < MIN_COHESION_BLOCKS:
            return None
        return _median((self.score([b], excluded) for b in blocks), low=True)


def _mark_off_topic(units: Sequence[_Unit], title: str | None) -> None:
    """Rule 6: sections, then calls to action, then heading-less promo blocks that share
    too few words."""
    _mark_off_topic_sections(units, _Vocabulary(units, title))
    _mark_calls_to_action(units)
    _mark_promo_blocks(units, _Vocabulary(units, title))


def _pitch(text: str) -> str | None:
    """The first word of ``text``, outside quotation marks, that pitches a sale.

    A word of :data:`_PITCH_WORDS`, or one speaking to the reader (:data:`_READER_WORDS`,
    "us" in lower case); None when there is none.
    """
    for word in _words(_QUOTED.sub(" ", text)):
        lowered = word.lower()
        if lowered in _PITCH_WORDS or lowered in _READER_WORDS or word == "us":
            return word
    return None


def _is_call_to_action(text: str) -> bool:
    """True when every clause of ``text`` sells to the reader, and says so in a pitch.

    Each sentence and clause (as :func:`_is_promotion` cuts them) outside quotation marks
    is a promotion ("Watch every goal live.", "Sign up for FanZone Plus today ..."), at
    least one is left once the quotations are taken out, and a word pitches a sale
    (:func:`_pitch`: "today", "free", "your"). Reported speech is never one: a quoted pitch
    has no words left, and an attributed one has a verb of its own ("Sign up today, the
    company urged"; "Netflix said subscribers can sign up from today" opens with its
    subject). A paragraph that also tells news ("The county opened three shelters. Call 211
    for help today.", "Shop early: retailers say deals run out fast") is not one either.
    """
    clauses = [c for c in _CLAUSE_BREAK.split(_QUOTED.sub(" ", text)) if _words(c)]
    return bool(clauses) and all(_is_promotion(c) for c in clauses) and _pitch(text) is not None


def _mark_calls_to_action(units: Sequence[_Unit]) -> None:
    """Blocks that are calls to action (:func:`_is_call_to_action`), whatever their overlap.

    Their wording is the evidence: one shared stem ("Sign up" in a signing story, "deal" in
    a merger) must not keep an ad. Headings and list items are judged alike.
    """
    for i, unit in enumerate(units):
        if unit.live and _is_call_to_action(unit.text):
            label = _ad_label_before(units, i)
            what = f"ad copy after '{label.text}' (line {label.lines[0]})" if label else "promo"
            unit.remove(
                RemovalReason.OFF_TOPIC,
                f"{what}: a call to action in every sentence, with '{_pitch(unit.text)}'",
            )


def _mark_off_topic_sections(units: Sequence[_Unit], vocab: _Vocabulary) -> None:
    index = {id(u): i for i, u in enumerate(units)}
    sections = _sections(units)
    members = [[index[id(u)] for u in s.units] for s in sections]
    tokens = [vocab.tokens(m) for m in members]
    rests = [vocab.rest(m) for m in members]
    scores = [_overlap(t, r) for t, r in zip(tokens, rests, strict=True)]
    sized = [i for i, t in enumerate(tokens) if len(t) >= MIN_SECTION_WORDS]
    total = sum(len(t) for t in tokens)
    for i in sized:
        promotion = any(_is_promotion(u.text) for u in sections[i].body if u.live)
        needed = MIN_PROMO_REST_STEMS if promotion else MIN_REST_STEMS
        if len(tokens[i]) > total / 2 or len(rests[i]) < needed:
            continue
        others = [scores[j] for j in sized if j != i]
        if len(others) >= 2:
            typical, against = _median(others), "other sections"
        elif promotion:
            # One other section is no yardstick: the body's score against the section is
            # as low as the section's against the body. A last section that shares little
            # is common in real articles (a closing quote), so only a promotion is judged.
            cohesion = vocab.cohesion(members[i])
            if cohesion is None:
                continue
            typical, against = cohesion, "the body's paragraphs"
        else:
            continue
        if scores[i] >= OFF_TOPIC_OVERLAP or scores[i] >= typical * OFF_TOPIC_RELATIVE:
            continue
        section = sections[i]
        name = section.headings[0].text if section.headings else "opening"
        detail = (
            f"section '{name}': {scores[i]:.0%} of its content words occur in the rest "
            f"(threshold {OFF_TOPIC_OVERLAP:.0%}; {against} {typical:.0%})"
        )
        for unit in section.units:
            if unit.reason in (None, RemovalReason.HEADING, RemovalReason.NAVIGATION):
                unit.reason = None
                unit.remove(RemovalReason.OFF_TOPIC, detail)


def _heading_text(section: _Section) -> str:
    return " ".join(u.text for u in section.headings if u.reason is RemovalReason.HEADING)


def _mark_promo_blocks(units: Sequence[_Unit], vocab: _Vocabulary) -> None:
    """Ad copy and promos without a heading of their own.

    A candidate is a run of consecutive kept blocks, each a promotion
    (:func:`_is_promotion`) that shares less than :data:`OFF_TOPIC_BLOCK_OVERLAP` of its
    content words with the article outside the run. The run goes when, taken together, it
    passes the section test against that stricter share: at least :data:`MIN_BLOCK_WORDS`
    content words (the promotion is evidence of its own), no more than half of the article's,
    :data:`MIN_PROMO_REST_STEMS` stems in the rest, and a score under ``OFF_TOPIC_RELATIVE``
    times the typical paragraph's (:meth:`_Vocabulary.cohesion`). Low overlap alone is not
    enough, even after an "Advertisement" label: the ad itself is often an image, and the
    paragraph after the label a quote or an aside that shares no word with the rest.
    """
    runs: list[list[int]] = [[]]
    for i, unit in enumerate(units):
        if not unit.text and not unit.live:
            continue  # markup only: neither breaks nor extends a run
        if unit.live and _is_promotion(unit.text):
            runs[-1].append(i)
        elif runs[-1]:
            runs.append([])
    total = sum(len(stems) for stems in vocab.stems.values())
    for candidates in runs:
        run = [i for i in candidates if vocab.score([i], candidates) < OFF_TOPIC_BLOCK_OVERLAP]
        if not run:
            continue
        tokens = vocab.tokens(run)
        rest = vocab.rest(run)
        score = _overlap(tokens, rest)
        typical = vocab.cohesion(run)
        if (
            len(tokens) < MIN_BLOCK_WORDS
            or len(tokens) > total / 2
            or len(rest) < MIN_PROMO_REST_STEMS
            or typical is None
            or score >= OFF_TOPIC_BLOCK_OVERLAP
            or score >= typical * OFF_TOPIC_RELATIVE
        ):
            continue
        label = _ad_label_before(units, run[0])
        what = f"ad copy after '{label.text}' (line {label.lines[0]})" if label else "promo"
        detail = (
            f"{what}: {score:.0%} of its content words occur in the rest "
            f"(threshold {OFF_TOPIC_BLOCK_OVERLAP:.0%}; other paragraphs {typical:.0%})"
        )
        for i in run:
            units[i].remove(RemovalReason.OFF_TOPIC, detail)


def _ad_label_before(units: Sequence[_Unit], i: int) -> _Unit | None:
    """The ad label ("Advertisement") that directly precedes ``units[i]``, if any."""
    for unit in reversed(units[:i]):
        if unit.text:
            return unit if not unit.live and _AD_LABEL.match(unit.text) else None
    return None


def _is_promotion(text: str) -> bool:
    """True when ``text``, outside quotation marks, sells something to the reader.

    A sentence or a clause (after ";", ":", a dash, ", so" or ", and") is a call to action
    (:func:`_is_imperative`: "Join 300 founders ...", "... so book yours today"), or has the
    wording of ad copy (:data:`_AD_COPY`: "20% off", "free delivery", "promo code") and no
    verb of a sentence (:func:`_has_predicate`): "Free delivery on every order." is ad copy,
    "The store offered 20% off." and "Free shipping is offered by the organisers." report
    one. A "you" is no evidence on its own: columns and blogs speak to their readers too.
    """
    for clause in _CLAUSE_BREAK.split(_QUOTED.sub(" ", text)):
        words = _words(clause)
        if _is_imperative(words) or (_AD_COPY.search(clause) and not _has_predicate(words)):
            return True
    return False


# --------------------------------------------------------------------------- entry point


def clean_article(article: Article) -> CleanArticle:
    """Remove page chrome from ``article`` and cut the rest into blocks.

    The rules are general (see the module docstring); they never consult lists of a
    particular site's strings. Metadata found in the text (title, dateline, update note)
    fills fields of ``meta`` that ingest left empty; it never overrides front matter,
    story.toml or HTML metadata.

    Returns:
        The kept blocks, numbered from 0 in reading order, and one
        :class:`RemovedLine` per dropped line (sorted by line), so that every non-blank
        line of the body is accounted for exactly once.

    Example:
        >>> from pathlib import Path
        >>> text = "LOGO\\nMeta will keep some models closed, Zuckerberg said.\\n0/500\\n"
        >>> article = Article("s", Path("s.txt"), text, 0, TextFormat.TXT, "utf-8", ArticleMeta())
        >>> cleaned = clean_article(article)
        >>> [(b.text, b.offsets[0]) for b in cleaned.blocks]
        [('Meta will keep some models closed, Zuckerberg said.', 5)]
        >>> [(r.line, r.text, r.reason.value) for r in cleaned.removed]
        [(1, 'LOGO', 'navigation'), (3, '0/500', 'counter')]
    """
    text = article.text
    lines = _body_lines(article)
    units = _md_units(text, lines) if article.format is TextFormat.MD else _txt_units(text, lines)
    found: dict[str, str] = {}
    _mark_duplicates(units)
    for unit in units:
        if unit.live:
            _line_rules(unit, found)
    _mark_head(units, article.meta, found)
    _mark_teasers(units)
    units = _join_short_lists(units, text)
    _mark_fragments(units)
    meta = article.meta
    merged = replace(
        meta,
        title=meta.title or found.get("title"),
        published=meta.published or found.get("published"),
        updated=meta.updated or found.get("updated"),
    )
    _mark_off_topic(units, merged.title)

    by_number = {ln.number: ln for ln in lines}
    blocks: list[Block] = []
    removed: list[RemovedLine] = []
    first = next((u for u in units if u.live and u.text), None)
    if first is not None and first.kind is BlockKind.PARAGRAPH:
        removed.extend(_cut_wire_dateline(first, lines))
    for unit in units:
        if unit.live and unit.text:
            blocks.append(Block(len(blocks), unit.text, tuple(unit.offsets), unit.kind))
            # Lines the block was built from that lend it no character (a setext underline).
            dropped = [n for n in unit.lines if not _covered(unit.offsets, by_number[n])]
            reason, detail = RemovalReason.NAVIGATION, "markdown markup only"
        else:
            dropped = unit.lines
            reason = unit.reason or RemovalReason.NAVIGATION
            detail = unit.detail or "markup only"
        removed.extend(
            RemovedLine(n, text[by_number[n].start : by_number[n].end].strip(), reason, detail)
            for n in dropped
        )
    removed.sort(key=lambda r: r.line)
    return CleanArticle(article=article, blocks=tuple(blocks), removed=tuple(removed), meta=merged)


def _cut_wire_dateline(unit: _Unit, lines: Sequence[_Line]) -> list[RemovedLine]:
    """Cut a wire dateline (:data:`WIRE_DATELINE`) from the start of ``unit``; the removal
    entry for it, or nothing when the block does not open with one (rule 7)."""
    m = WIRE_DATELINE.match(unit.text)
    if m is None or not unit.text[m.end() :].strip():
        return []
    start = unit.offsets[0]
    line = next((ln for ln in lines if ln.start <= start <= ln.end), None)
    unit.text = unit.text[m.end() :]
    unit.offsets = unit.offsets[m.end() :]
    if line is None:
        return []
    detail = "dateline prefix; the rest of the line is kept"
    return [RemovedLine(line.number, m.group("dateline"), RemovalReason.METADATA, detail)]


def clean_story(
    articles: Iterable[Article],
) -> tuple[tuple[CleanArticle, ...], tuple[FileFailure, ...]]:
    """Clean every article of a story; one left with no text is a failure, not a source.

    A file whose every line is page chrome (a page that is only a nav bar, a menu of
    "Home / News / Share this article", one long line with no sentence end) has nothing to
    check: it becomes a :class:`FileFailure` "no article text after removing page chrome
    (N lines removed)", so the story's Problems list it and the run exits 1, rather than a
    source with no statements.

    Returns:
        The cleaned articles that kept text, in order, and the failures.
    """
    kept: list[CleanArticle] = []
    failures: list[FileFailure] = []
    for article in articles:
        cleaned = clean_article(article)
        if cleaned.blocks:
            kept.append(cleaned)
            continue
        n = len(cleaned.removed)
        failures.append(
            FileFailure(
                article.path,
                f"no article text after removing page chrome ({n} line"
                f"{'' if n == 1 else 's'} removed)",
            )
        )
    return tuple(kept), tuple(failures)


def _covered(offsets: Sequence[int], line: _Line) -> bool:
    """True when some offset falls on ``line`` (its newline included)."""
    i = bisect.bisect_left(offsets, line.start)
    return i < len(offsets) and offsets[i] <= line.end
