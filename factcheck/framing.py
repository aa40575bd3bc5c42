"""Framing: how each source tells a fact, and a profile of each source.

Every note names the words behind it and carries a word diff against the closest statement
of another source, so a reader sees the difference instead of a score. Per fact (its
statements of two or more sources):

- **hedging**: some statements qualify the claim (:data:`HEDGES`: "may", "reportedly",
  "suggests") while other sources state it flatly;
- **loaded**: some statements use evaluative or intensifying words (:data:`LOADED`) that no
  statement of another source uses;
- **tone**: one source's wording is clearly positive and another's clearly negative, by the
  VADER sentiment lexicon (compound score at least :data:`TONE_POLE` on each side of zero);
  the note names the sentiment words and their lexicon valence;
- **attribution**: the sources report the same words with verbs of different stance
  ("said" against "claimed", which casts doubt, or "admitted", which concedes; see
  :data:`ATTRIBUTION`);
- **beyond source**: a source reports a speaker's words without quoting them and claims
  more than the quote another source gives: it drops the quote's hedge or adds loaded
  words or numbers the quote does not have.

Per source (:func:`profiles`): the share of hedged statements, the mean VADER tone, the
share of attributed statements, and what it leads with: the facts of its first
:data:`LEAD_STATEMENTS` statements and where the other sources place them.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import replace
from functools import cache, lru_cache
from statistics import mean

from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer

from factcheck.textdiff import word_diff
from factcheck.types import (
    CleanArticle,
    Fact,
    FramingKind,
    FramingNote,
    QuoteClass,
    QuoteFinding,
    SourceProfile,
    Statement,
)

__all__ = [
    "ATTRIBUTION",
    "HEDGES",
    "LEAD_STATEMENTS",
    "LOADED",
    "TONE_POLE",
    "annotate",
    "framing_notes",
    "hedge_words",
    "loaded_words",
    "profiles",
    "tone",
]

#: Words that lower the certainty of a claim (matched on lower-cased tokens and lemmas).
HEDGES = frozenset(
    {
        "may", "might", "could", "reportedly", "allegedly", "apparently", "seemingly",
        "possibly", "potentially", "perhaps", "likely", "unlikely", "probably", "suggest",
        "suggests", "suggested", "suggesting", "signal", "signals", "signaling", "signalling",
        "appear", "appears", "appeared", "seem", "seems", "speculate", "speculated", "hint",
        "hints", "hinting", "rumored", "rumoured", "purportedly", "supposedly", "unconfirmed",
    }
)  # fmt: skip

#: Evaluative verbs and adjectives that news style guides flag as editorialising, and
#: strong intensifiers.
LOADED = frozenset(
    {
        "massive", "massively", "huge", "dramatic", "dramatically", "stunning", "shocking",
        "surprising", "surprisingly", "aggressive", "aggressively", "obsessed", "slammed",
        "blasted", "smuggled", "buried", "scramble", "frenzy", "desperate", "radical",
        "controversial", "notorious", "so-called", "lavish", "soaring", "plunging",
        "skyrocketing", "crushing", "landmark", "historic", "unprecedented", "bombshell",
        "explosive", "brazen", "defiant", "embattled", "staggering", "whopping", "sweeping",
        "drastic", "alarming", "disastrous", "devastating", "fierce", "furious", "outrageous",
        "poached", "lament", "ambitious", "revelation", "extremely", "incredibly", "hugely",
        "enormous", "enormously", "wildly", "utterly", "blatant", "reckless", "stumbles",
        "flounders", "debacle", "fiasco", "chaos", "chaotic", "meltdown", "spectacular",
    }
)  # fmt: skip

#: Speech verbs by stance. "neutral" verbs report; the others colour what they report.
ATTRIBUTION = {
    **dict.fromkeys(
        ("say", "tell", "write", "state", "add", "note", "explain", "report", "announce",
         "comment", "describe", "respond", "reply"),
        "neutral",
    ),
    **dict.fromkeys(
        ("claim", "allege", "insist", "purport", "contend", "assert"), "casts doubt"
    ),
    **dict.fromkeys(("admit", "concede", "acknowledge", "confess"), "concedes"),
    **dict.fromkeys(("confirm", "reveal", "show", "demonstrate", "prove"), "vouches for it"),
    **dict.fromkeys(
        ("slam", "blast", "boast", "brag", "decry", "complain", "rail", "lash"), "emotive"
    ),
}  # fmt: skip

#: A statement's VADER compound score must reach this, positive or negative, to count as
#: clearly toned.
TONE_POLE = 0.3
#: The "lead" of an article: its first statements.
LEAD_STATEMENTS = 3

_WORD = re.compile(r"[$€£]?\w(?:[\w'’.,-]*\w)?%?")


@cache
def _vader() -> SentimentIntensityAnalyzer:
    return SentimentIntensityAnalyzer()


def tone(st: Statement) -> float:
    """VADER compound score of a statement, -1 (negative) .. +1 (positive)."""
    return _tone(st.text)


@lru_cache(maxsize=8192)
def _tone(text: str) -> float:
    return float(_vader().polarity_scores(text)["compound"])


def _sentiment_words(st: Statement) -> tuple[str, ...]:
    lexicon = _vader().lexicon
    out: list[str] = []
    for t in st.tokens:
        w = t.text.lower()
        if w in lexicon and abs(lexicon[w]) >= 1.0 and w not in {x.split(" ")[0] for x in out}:
            out.append(f"{w} ({lexicon[w]:+.1f})")
    return tuple(out)


def _found(st: Statement, lexicon: frozenset[str]) -> tuple[str, ...]:
    """Lexicon words present in ``st``, lower-cased, in reading order, once each."""
    seen: list[str] = []
    for t in st.tokens:
        word = t.text.lower()
        if (word in lexicon or t.lemma.lower() in lexicon) and word not in seen:
            seen.append(word)
    return tuple(seen)


def hedge_words(st: Statement) -> tuple[str, ...]:
    return _found(st, HEDGES)


def loaded_words(st: Statement) -> tuple[str, ...]:
    return _found(st, LOADED)


def _speech_verbs(st: Statement) -> tuple[str, ...]:
    return tuple(
        dict.fromkeys(
            t.text.lower() for t in st.tokens if t.pos == "VERB" and t.lemma.lower() in ATTRIBUTION
        )
    )


def _stance(st: Statement) -> str | None:
    verbs = [t.lemma.lower() for t in st.tokens if t.pos == "VERB"]
    stances = [ATTRIBUTION[v] for v in verbs if v in ATTRIBUTION]
    coloured = [s for s in stances if s != "neutral"]
    return coloured[0] if coloured else (stances[0] if stances else None)


def _words(text: str) -> list[str]:
    return _WORD.findall(text)


#: Below this word overlap (Jaccard) two statements share too little for a diff to help.
MIN_DIFF_OVERLAP = 0.25


def _diff(a: Statement, others: Sequence[Statement]) -> tuple[str | None, str | None]:
    """Word diff from ``a`` to the most similar statement in ``others`` (and that
    statement's ID), if they are close enough for a diff to show the wording rather than
    two different sentences."""
    if not others:
        return None, None
    wa = _words(a.text)
    keys_a = [w.lower() for w in wa]

    def overlap(o: Statement) -> float:
        wb = {w.lower() for w in _words(o.text)}
        return len(set(keys_a) & wb) / max(1, len(set(keys_a) | wb))

    b = max(others, key=lambda o: (overlap(o), o.id))
    if overlap(b) < MIN_DIFF_OVERLAP:
        return None, None
    wb = _words(b.text)
    return word_diff(keys_a, [w.lower() for w in wb], wa, wb), b.id


def _note(
    kind: FramingKind,
    marked: Sequence[tuple[Statement, tuple[str, ...]]],
    rest: Sequence[Statement],
    explanation: str,
    diff_against: Sequence[Statement] | None = None,
) -> FramingNote:
    diff, against = _diff(marked[0][0], rest if diff_against is None else diff_against)
    return FramingNote(
        kind=kind,
        marked=tuple(s.id for s, _ in marked),
        words=tuple(ws for _, ws in marked),
        unmarked=tuple(s.id for s in rest),
        explanation=explanation,
        diff=diff,
        diff_against=against,
    )


def _quoted(words: Iterable[str]) -> str:
    return ", ".join(f"'{w}'" for w in words)


def framing_notes(statements: Sequence[Statement]) -> list[FramingNote]:
    """Framing differences among the statements of one fact (two or more sources)."""
    if len({s.source_id for s in statements}) < 2:
        return []
    notes: list[FramingNote] = []

    def split(
        words: Mapping[str, tuple[str, ...]],
    ) -> tuple[list[tuple[Statement, tuple[str, ...]]], list[Statement]]:
        marked = [(s, words[s.id]) for s in statements if words[s.id]]
        rest = [s for s in statements if not words[s.id]]
        return marked, rest

    def apart(
        marked: Sequence[tuple[Statement, tuple[str, ...]]], rest: Sequence[Statement]
    ) -> bool:
        return bool(marked) and bool({s.source_id for s in rest} - {s.source_id for s, _ in marked})

    hedged, flat = split({s.id: hedge_words(s) for s in statements})
    if apart(hedged, flat):
        words = sorted({w for _, ws in hedged for w in ws})
        notes.append(
            _note(
                FramingKind.HEDGING,
                hedged,
                flat,
                f"hedged with {_quoted(words)}; other sources state it flatly",
            )
        )

    loaded = {s.id: loaded_words(s) for s in statements}
    own = {
        s.id: tuple(
            w
            for w in loaded[s.id]
            if not any(w in loaded[o.id] for o in statements if o.source_id != s.source_id)
        )
        for s in statements
    }
    marked, rest = split(own)
    if marked:
        words = sorted({w for _, ws in marked for w in ws})
        notes.append(
            _note(
                FramingKind.LOADED,
                marked,
                rest,
                f"loaded or intensifying wording ({_quoted(words)}) that other sources do not use",
            )
        )

    scores = {s.id: tone(s) for s in statements}
    positive = [s for s in statements if scores[s.id] >= TONE_POLE]
    negative = [s for s in statements if scores[s.id] <= -TONE_POLE]
    if positive and negative and {s.source_id for s in positive} != {s.source_id for s in negative}:
        toned = [(s, _sentiment_words(s)) for s in (*positive, *negative)]
        neutral = [s for s in statements if s not in positive and s not in negative]
        notes.append(
            _note(
                FramingKind.TONE,
                toned,
                neutral,
                "positive wording on one side ("
                + ", ".join(f"{s.source_id} {scores[s.id]:+.2f}" for s in positive)
                + "), negative on the other ("
                + ", ".join(f"{s.source_id} {scores[s.id]:+.2f}" for s in negative)
                + ")",
                diff_against=negative,
            )
        )

    stances = {s.id: _stance(s) for s in statements}
    reported = [s for s in statements if stances[s.id]]
    coloured = [(s, _speech_verbs(s)) for s in reported if stances[s.id] != "neutral"]
    neutral = [s for s in reported if stances[s.id] == "neutral"]
    if coloured and neutral and apart(coloured, neutral):
        notes.append(
            _note(
                FramingKind.ATTRIBUTION,
                coloured,
                neutral,
                "; ".join(
                    f"{s.source_id} reports it with {_quoted(vs)} ({stances[s.id]})"
                    for s, vs in coloured
                )
                + "; other sources use a neutral verb",
            )
        )
    return notes


def _beyond_source(finding: QuoteFinding, by_id: Mapping[str, Statement]) -> FramingNote | None:
    """A paraphrase that claims more than the quote it reports."""
    if finding.kind is not QuoteClass.PARAPHRASED or finding.b is None:
        return None
    quote_st, para = by_id[finding.a], by_id[finding.b]
    quote_words = {w.lower() for w in _words(finding.text_a)}
    dropped = [h for h in hedge_words(quote_st) if h in quote_words and h not in para.text.lower()]
    added = [w for w in loaded_words(para) if w not in quote_words]
    numbers = [
        v.text
        for v in para.values
        if v.kind.value in {"money", "percent", "quantity", "count"}
        and v.text.lower() not in finding.text_a.lower()
    ]
    extra = (*(f"drops '{h}'" for h in dropped), *added, *numbers)
    if not extra:
        return None
    qa, qb = _words(finding.text_a), _words(para.text)
    return FramingNote(
        kind=FramingKind.BEYOND_SOURCE,
        marked=(para.id,),
        words=(tuple(extra),),
        unmarked=(quote_st.id,),
        explanation=f"{para.source_id} reports {finding.speaker_a or 'the speaker'}'s words "
        f"without quoting them and goes beyond the quote in {quote_st.source_id}: "
        + ", ".join(extra),
        diff=word_diff([w.lower() for w in qb], [w.lower() for w in qa], qb, qa),
        diff_against=quote_st.id,
    )


def annotate(
    facts: Sequence[Fact], statements: Sequence[Statement], findings: Sequence[QuoteFinding]
) -> tuple[Fact, ...]:
    """Facts with their framing notes set (order unchanged)."""
    by_id = {s.id: s for s in statements}
    fact_of = {sid: f.id for f in facts for sid in f.statement_ids}
    # One note per paraphrase: against the fullest quote it reports.
    best: dict[str, tuple[int, FramingNote]] = {}
    for finding in findings:
        note = _beyond_source(finding, by_id)
        if note is not None and len(finding.text_a) > best.get(note.marked[0], (-1, note))[0]:
            best[note.marked[0]] = (len(finding.text_a), note)
    extra: dict[str, list[FramingNote]] = {}
    for para_id, (_, note) in sorted(best.items()):
        extra.setdefault(fact_of[para_id], []).append(note)
    return tuple(
        replace(
            f,
            framing=(
                *framing_notes([by_id[s] for s in f.statement_ids]),
                *extra.get(f.id, ()),
            ),
        )
        for f in facts
    )


def _attributed(st: Statement) -> bool:
    if st.quotes:
        return True
    lowered = st.text.lower()
    return "according to" in lowered or any(
        t.lemma.lower() in ATTRIBUTION and t.pos == "VERB" for t in st.tokens
    )


def profiles(
    articles: Sequence[CleanArticle], statements: Sequence[Statement], facts: Sequence[Fact]
) -> tuple[SourceProfile, ...]:
    """One profile per source, in source order."""
    fact_of = {sid: f for f in facts for sid in f.statement_ids}
    by_source: dict[str, list[Statement]] = {}
    for st in statements:
        by_source.setdefault(st.source_id, []).append(st)
    out = []
    for art in articles:
        sid = art.article.source_id
        mine = sorted(by_source.get(sid, []), key=lambda s: s.index)
        lead_facts = list(dict.fromkeys(fact_of[s.id].id for s in mine[:LEAD_STATEMENTS]))
        elsewhere = []
        for fid in lead_facts:
            fact = next(f for f in facts if f.id == fid)
            places = []
            for other in articles:
                oid = other.article.source_id
                if oid == sid:
                    continue
                idx = [_index(s) for s in fact.statement_ids if s.startswith(f"{oid}:")]
                places.append(f"{oid} #{min(idx)}" if idx else f"{oid} omits it")
            elsewhere.append(", ".join(places))
        out.append(
            SourceProfile(
                source_id=sid,
                statements=len(mine),
                hedging=round(mean(bool(hedge_words(s)) for s in mine), 2) if mine else 0.0,
                tone=round(mean(tone(s) for s in mine), 2) if mine else 0.0,
                attributed=round(mean(_attributed(s) for s in mine), 2) if mine else 0.0,
                lead=tuple(lead_facts),
                lead_elsewhere=tuple(elsewhere),
            )
        )
    return tuple(out)


def _index(statement_id: str) -> int:
    """The reading-order number of a statement ID ``"<source>:<n>"``."""
    return int(statement_id.rsplit(":", 1)[1])
