"""Split cleaned articles into statements (sentences), keeping offsets into the file.

Sentence boundaries come from spaCy's dependency parser, run per block (a paragraph or a
list item), so a statement never crosses a paragraph. Two repairs are applied on top,
both common in news copy:

- a "sentence" that starts in lower case, or with a company suffix
  (:data:`COMPANY_SUFFIXES`), continues the previous one (spaCy splits
  ``“…as possible,” wrote Zuckerberg.`` after the closing quote, and ``Work by Hallam Eng.
  Inc. begins in May.`` after "Eng."), unless the two would exceed
  :data:`MAX_MERGED_CHARS` (an unpunctuated dump in lower case is not one sentence);
- fragments with fewer than :data:`MIN_WORDS` words are not statements (a stray "Still,"),
  unless they have a verb ("Two died.") or are a whole quotation ('"No comment."');
- a list lead-in that states nothing until its items, the last sentence of a block that
  ends in a colon right after a possessive, a preposition, a determiner, a conjunction or
  a verb with no object (:data:`OPEN_LEAD_IN_POS`), with list items after it ("The shift
  follows Meta's:", "The measures include:"), is not a statement; a lead-in that ends on
  a noun ("... as it pursues superintelligent systems:") is a claim of its own and stays.
  :func:`segment_audited` lists each lead-in it drops in its article's ``removed`` lines
  (reason ``heading``, detail :data:`LEAD_IN_DETAIL`), so that the cleaning audit
  accounts for every line; a list of short items never gets here, the cleaner joins it
  to its lead-in as one block.

Each statement maps back to :attr:`Article.text` through :attr:`Block.offsets`.
"""

from __future__ import annotations

import bisect
from collections.abc import Sequence
from dataclasses import replace

from factcheck.cache import Cache
from factcheck.nlp import ParsedSentence, parse_texts
from factcheck.types import (
    Block,
    BlockKind,
    CleanArticle,
    RemovalReason,
    RemovedLine,
    Statement,
    Token,
)

__all__ = [
    "COMPANY_SUFFIXES",
    "LEAD_IN_DETAIL",
    "MAX_MERGED_CHARS",
    "MIN_WORDS",
    "OPEN_LEAD_IN_POS",
    "segment",
    "segment_audited",
]

#: Fewer alphabetic words than this, and no verb, and a sentence is a fragment.
MIN_WORDS = 3

#: A continuation is joined to the sentence before it only while the two stay under this
#: many characters. A news sentence is rarely over 500; a transcript pasted without
#: punctuation or capitals would otherwise become one "sentence" of a million characters.
MAX_MERGED_CHARS = 1_000

#: Parts of speech (spaCy's universal tags) of a word that leaves a sentence open before a
#: colon: the possessive "'s" (PART), a preposition, a determiner, a conjunction, a verb or
#: an auxiliary whose object is still to come ("follows Meta's:", "include:", "are:").
OPEN_LEAD_IN_POS = frozenset({"PART", "ADP", "DET", "CCONJ", "SCONJ", "VERB", "AUX"})

#: The removal detail of a list lead-in that states nothing until its items.
LEAD_IN_DETAIL = "list lead-in: states nothing until its list items, which are kept"

#: Words that end a company's name: a "sentence" starting with one is the tail of the
#: previous one, cut after an abbreviation ("Hallam Eng. | Inc. begins in May").
COMPANY_SUFFIXES = frozenset(
    {"inc", "corp", "co", "ltd", "llc", "plc", "gmbh", "ag", "s.a", "n.v", "lp", "llp"}
)


def _merge(a: ParsedSentence, b: ParsedSentence) -> ParsedSentence:
    shift = b.start - a.start
    n = len(a.tokens)
    tokens = a.tokens + tuple(
        replace(t, start=t.start + shift, end=t.end + shift, head=t.head + n) for t in b.tokens
    )
    entities = a.entities + tuple(
        replace(e, start=e.start + shift, end=e.end + shift) for e in b.entities
    )
    return ParsedSentence(a.start, b.end, tokens, entities)


def _continues(text: str) -> bool:
    """True when a sentence reads as the tail of the previous one."""
    stripped = text.lstrip("”’\"')],;: ")
    if not stripped:
        return False
    first = stripped.split(maxsplit=1)[0].rstrip(".,").lower()
    return stripped[0].islower() or first in COMPANY_SUFFIXES


def _repair(sents: Sequence[ParsedSentence], text: str) -> list[ParsedSentence]:
    out: list[ParsedSentence] = []
    for s in sents:
        if out and s.end - out[-1].start <= MAX_MERGED_CHARS and _continues(text[s.start : s.end]):
            out[-1] = _merge(out[-1], s)
        else:
            out.append(s)
    return out


def _trim(s: ParsedSentence, text: str) -> ParsedSentence:
    """Drop leading/trailing whitespace from a sentence span, shifting its tokens."""
    raw = text[s.start : s.end]
    lead = len(raw) - len(raw.lstrip())
    end = s.start + len(raw.rstrip())
    if lead == 0 and end == s.end:
        return s
    tokens = tuple(
        replace(t, start=t.start - lead, end=t.end - lead) for t in s.tokens if t.text.strip()
    )
    # Whitespace tokens were dropped: re-index heads through a position map.
    keep = [i for i, t in enumerate(s.tokens) if t.text.strip()]
    index = {old: new for new, old in enumerate(keep)}
    tokens = tuple(replace(t, head=index.get(t.head, new)) for new, t in enumerate(tokens))
    entities = tuple(replace(e, start=e.start - lead, end=e.end - lead) for e in s.entities)
    return ParsedSentence(s.start + lead, end, tokens, entities)


def _word_count(tokens: Sequence[Token]) -> int:
    return sum(1 for t in tokens if any(c.isalpha() for c in t.text))


_OPENING_QUOTES = frozenset({'"', "“", "‘", "'"})
_CLOSING_QUOTES = frozenset({'"', "”", "’", "'"})


def _is_fragment(tokens: Sequence[Token]) -> bool:
    """Too short to state anything: under :data:`MIN_WORDS` words, or two with no verb.

    A whole quotation is someone's words however short ('"No comment."'), never a fragment.
    """
    words = _word_count(tokens)
    has_verb = any(t.pos in {"VERB", "AUX"} for t in tokens)
    quoted = (
        len(tokens) >= 3
        and tokens[0].text in _OPENING_QUOTES
        and tokens[-1].text in _CLOSING_QUOTES
        and words >= 1
    )
    return words < MIN_WORDS and not (words == 2 and has_verb) and not quoted


def _is_open_lead_in(tokens: Sequence[Token], is_last: bool, after: Block | None) -> bool:
    """True for the last sentence of a block that introduces the list items after it and
    ends before its object: a colon after a word of :data:`OPEN_LEAD_IN_POS`."""
    words = [t for t in tokens if t.text.strip()]
    return (
        is_last
        and after is not None
        and after.kind is BlockKind.LIST_ITEM
        and len(words) >= 2
        and words[-1].text == ":"
        and words[-2].pos in OPEN_LEAD_IN_POS
    )


def segment(
    articles: Sequence[CleanArticle], *, spacy_model: str, cache: Cache
) -> tuple[Statement, ...]:
    """Statements of all articles, in article order and reading order.

    Args:
        articles: cleaned articles of one story.
        spacy_model: the spaCy pipeline that finds sentence boundaries, tokens and entities.
        cache: parses are cached by model version and paragraph text.

    Returns:
        Statements with IDs ``"<source_id>:<n>"``, ``n`` counting from 1 per source.
    """
    return segment_audited(articles, spacy_model=spacy_model, cache=cache)[0]


def segment_audited(
    articles: Sequence[CleanArticle], *, spacy_model: str, cache: Cache
) -> tuple[tuple[Statement, ...], tuple[CleanArticle, ...]]:
    """:func:`segment`, and the articles with the list lead-ins it dropped in ``removed``.

    A dropped lead-in is listed as a :class:`RemovedLine` of reason ``heading`` on its
    line, with its own text (the whole line, or the part of it the lead-in is), so that
    every line of the body is either in a statement or in the audit.

    Returns:
        The statements, and the articles in the same order (unchanged when nothing was
        dropped; otherwise ``removed`` gains the lead-ins, sorted by line).
    """
    texts = [b.text for a in articles for b in a.blocks]
    parsed = iter(parse_texts(texts, model=spacy_model, cache=cache))
    out: list[Statement] = []
    audited: list[CleanArticle] = []
    for art in articles:
        text = art.article.text
        line_starts = [0] + [i + 1 for i, c in enumerate(text) if c == "\n"]
        n = 0
        lead_ins: list[RemovedLine] = []
        for k, block in enumerate(art.blocks):
            after = art.blocks[k + 1] if k + 1 < len(art.blocks) else None
            sents = _repair(next(parsed), block.text)
            for j, sent in enumerate(sents):
                sent = _trim(sent, block.text)
                if sent.end <= sent.start or _is_fragment(sent.tokens):
                    continue
                start = block.offsets[sent.start]
                line = bisect.bisect_right(line_starts, start)
                if _is_open_lead_in(sent.tokens, j == len(sents) - 1, after):
                    lead_in = block.text[sent.start : sent.end]
                    lead_ins.append(
                        RemovedLine(line, lead_in, RemovalReason.HEADING, LEAD_IN_DETAIL)
                    )
                    continue
                n += 1
                out.append(
                    Statement(
                        id=f"{art.article.source_id}:{n}",
                        source_id=art.article.source_id,
                        index=n,
                        text=block.text[sent.start : sent.end],
                        start=start,
                        end=block.offsets[sent.end - 1] + 1,
                        line=line,
                        block=block.index,
                        tokens=sent.tokens,
                        entities=sent.entities,
                    )
                )
        if lead_ins:
            removed = tuple(sorted((*art.removed, *lead_ins), key=lambda r: r.line))
            art = replace(art, removed=removed)
        audited.append(art)
    return tuple(out), tuple(audited)
