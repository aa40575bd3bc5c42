"""Framing divergence: one fact, told with different hedging or loaded wording.

First version, word-level and explainable: every note names the words that differ, and
which of the fact's statements use them.

- **Hedging**: some statements qualify the claim ("may", "reportedly", "suggests") while
  statements of other sources state it flatly.
- **Loaded wording**: some statements use evaluative or intensifying words (see
  :data:`LOADED`) that no statement of another source uses.
"""

from __future__ import annotations

from collections.abc import Sequence

from factcheck.types import FramingKind, FramingNote, Statement

__all__ = ["HEDGES", "LOADED", "framing_notes", "hedge_words", "loaded_words"]

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


def _quoted(words: Sequence[str]) -> str:
    return ", ".join(f"'{w}'" for w in words)


def framing_notes(statements: Sequence[Statement]) -> list[FramingNote]:
    """Framing differences among the statements of one fact (two or more sources)."""
    if len({s.source_id for s in statements}) < 2:
        return []
    notes: list[FramingNote] = []

    hedges = {s.id: hedge_words(s) for s in statements}
    hedged = [s for s in statements if hedges[s.id]]
    flat = [s for s in statements if not hedges[s.id]]
    if hedged and {s.source_id for s in flat} - {s.source_id for s in hedged}:
        words = sorted({w for s in hedged for w in hedges[s.id]})
        notes.append(
            FramingNote(
                kind=FramingKind.HEDGING,
                marked=tuple(s.id for s in hedged),
                words=tuple(hedges[s.id] for s in hedged),
                unmarked=tuple(s.id for s in flat),
                explanation=f"hedged with {_quoted(words)}; other sources state it flatly",
            )
        )

    loaded = {s.id: loaded_words(s) for s in statements}
    marked = []
    for s in statements:
        others = {w for o in statements if o.source_id != s.source_id for w in loaded[o.id]}
        own = tuple(w for w in loaded[s.id] if w not in others)
        if own:
            marked.append((s, own))
    if marked:
        words = sorted({w for _, ws in marked for w in ws})
        notes.append(
            FramingNote(
                kind=FramingKind.LOADED,
                marked=tuple(s.id for s, _ in marked),
                words=tuple(ws for _, ws in marked),
                unmarked=tuple(s.id for s in statements if s.id not in {m.id for m, _ in marked}),
                explanation=f"loaded or intensifying wording ({_quoted(words)}) "
                "that other sources do not use",
            )
        )
    return notes
