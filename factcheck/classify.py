"""Group statements into facts and label them: coverage and conflicts.

Framing notes are added later by :func:`factcheck.framing.annotate` (they need the quote
comparison), after which :func:`factcheck.ids.report_order` puts the facts back in report
order (a framing note can change a fact's label).

A fact is a connected component of the alignment graph (see :mod:`factcheck.align`).

- **consensus**: every source of the story carries it (needs two or more sources);
- **partial**: two or more sources, not all;
- **unique**: one source only, a detail only that outlet adds;
- **conflict**: two of its statements, from different sources, disagree on a typed value
  (see :mod:`factcheck.conflicts`);

Fact IDs come from content, never from positions (:func:`factcheck.ids.fact_id`): ``F-``
and the first 8 hex digits of the smallest SHA-1 among the member statements' normalised
texts. Adding a source that does not join a fact, or renaming a file, leaves the fact's ID
unchanged; adding a statement to a fact changes it only if the new statement's hash is
smaller. :mod:`factcheck.ids` holds the ID functions and the report order; the names are
re-exported here for callers that import them from this module.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Mapping, Sequence
from dataclasses import replace
from itertools import combinations, pairwise

import networkx as nx

from factcheck.align import facts_of
from factcheck.conflicts import ConflictContext, find_conflicts
from factcheck.extract import comparable, compatible
from factcheck.ids import LABEL_ORDER, fact_id, normalise_text, report_order, statement_digest
from factcheck.nli import NLI_THRESHOLD
from factcheck.types import (
    FIGURE_KINDS,
    Conflict,
    ConflictKind,
    Coverage,
    Fact,
    Statement,
    Value,
    ValueKind,
)

__all__ = [
    "LABEL_ORDER",
    "ContradictionFn",
    "classify",
    "echoes",
    "fact_id",
    "normalise_text",
    "report_order",
    "statement_digest",
]


def _coverage(n: int, total: int) -> Coverage:
    if n <= 1:
        return Coverage.UNIQUE
    return Coverage.CONSENSUS if n == total else Coverage.PARTIAL


#: Scores contradiction for pairs of statement texts (see :mod:`factcheck.nli`).
ContradictionFn = Callable[[Sequence[tuple[str, str]]], list[float]]


def classify(
    statements: Sequence[Statement],
    graph: nx.Graph[str],
    *,
    sources: Sequence[str],
    contradiction: ContradictionFn | None = None,
    nli_threshold: float = NLI_THRESHOLD,
    published: Mapping[str, str | None] | None = None,
) -> tuple[Fact, ...]:
    """Facts of one story, labelled, in report order.

    Args:
        statements: every statement of the story (the graph's nodes).
        graph: the alignment graph.
        sources: the story's source IDs (coverage counts against all of them).
        contradiction: optional NLI scorer, a second signal for conflicts.
        nli_threshold: NLI probability from which a pair counts as contradictory.
        published: each source's ISO publication date or date-time, by source ID, so a
            running tally updated between two reports is not a conflict (see
            :func:`factcheck.conflicts.find_conflicts`).
    """
    by_id = {s.id: s for s in statements}
    position = {s.id: (s.source_id, s.index) for s in statements}
    context = ConflictContext.of(statements, published)
    groups = [sorted(m, key=position.__getitem__) for m in facts_of(graph)]
    content = {s.id: (statement_digest(s.text), s.text, s.id) for s in statements}
    pairs = {  # each pair in content order, so a conflict's sides do not follow file names
        g[0]: [
            (u, v) if content[u] <= content[v] else (v, u)
            for u, v in combinations(g, 2)
            if position[u][0] != position[v][0]
        ]
        for g in groups
    }
    nli: dict[tuple[str, str], float] = {}
    if contradiction is not None:
        flat = [p for ps in pairs.values() for p in ps]
        probs = contradiction([(by_id[u].text, by_id[v].text) for u, v in flat])
        nli = dict(zip(flat, probs, strict=True))
    facts: list[Fact] = []
    for members in groups:
        srcs = sorted({by_id[m].source_id for m in members})
        conflicts: list[Conflict] = []
        weights: list[float] = []
        for u, v in pairs[members[0]]:
            direct = graph.has_edge(u, v)
            sim = float(graph.edges[u, v]["weight"]) if direct else _path_similarity(graph, u, v)
            if direct:
                weights.append(sim)
            found = find_conflicts(by_id[u], by_id[v], similarity=sim, context=context)
            if (u, v) in nli:
                found = _with_nli(found, by_id[u], by_id[v], nli[(u, v)], sim, nli_threshold)
            conflicts += found
        facts.append(
            Fact(
                id=fact_id([by_id[m].text for m in members]),
                statement_ids=tuple(members),
                source_ids=tuple(srcs),
                coverage=_coverage(len(srcs), len(sources)),
                similarity=round(sum(weights) / len(weights), 4) if weights else 1.0,
                conflicts=tuple(conflicts),
            )
        )
    return report_order(_dedupe_ids(facts, {s.id: s.text for s in statements}))


def _with_nli(
    found: list[Conflict], a: Statement, b: Statement, p: float, sim: float, threshold: float
) -> list[Conflict]:
    """Fold the NLI verdict into a pair's conflicts: it confirms typed conflicts (raising
    their confidence) and, alone, adds a contradiction."""
    if p < threshold:
        return found
    if found:
        return [
            replace(
                c,
                confidence=max(c.confidence, round(p * sim, 2)),
                reason=f"{c.reason}; the NLI model agrees (p={p:.2f})",
            )
            for c in found
        ]
    return [
        Conflict(
            kind=ConflictKind.CONTRADICTION,
            a=a.id,
            b=b.id,
            value_a="(whole statement)",
            value_b="(whole statement)",
            confidence=round(p * sim, 2),
            reason=f"the NLI model judges the two statements contradictory (p={p:.2f})",
        )
    ]


def _path_similarity(graph: nx.Graph[str], u: str, v: str) -> float:
    """Similarity of two members that are not directly linked: the weakest link on a
    shortest path between them."""
    path = nx.shortest_path(graph, u, v)
    return min(float(graph.edges[x, y]["weight"]) for x, y in pairwise(path))


def _dedupe_ids(facts: list[Fact], texts: dict[str, str]) -> list[Fact]:
    """Make IDs unique when two facts share a hash prefix (two facts holding one identical
    sentence, or a collision): suffixes -2, -3 ... in the order of the facts' sorted
    statement digests, so content alone decides, never file names or positions."""

    def content(f: Fact) -> tuple[str, ...]:
        return tuple(sorted(statement_digest(texts[m]) for m in f.statement_ids))

    seen: dict[str, int] = {}
    out = []
    for f in sorted(facts, key=lambda f: (f.id, content(f), f.statement_ids)):
        n = seen.get(f.id, 0) + 1
        seen[f.id] = n
        out.append(f if n == 1 else replace(f, id=f"{f.id}-{n}"))
    return out


#: A statement's content words must appear in the other statement at least this much
#: (the share of the shorter one's lemmas) for its figures to count as stated there.
ECHO_MIN_OVERLAP = 0.5
#: A figure counts only when it is precise: its interval is at most this share of its
#: size wide ("$14.3 billion" is, "billions of dollars" and "$1 million" are not).
ECHO_MAX_SPREAD = 0.25
_CONTENT_POS = frozenset({"NOUN", "PROPN", "VERB", "ADJ", "NUM"})


def _precise(v: Value) -> bool:
    if v.kind is ValueKind.TALLY:
        return True
    if v.low is None or v.high is None or not (math.isfinite(v.low) and math.isfinite(v.high)):
        return False
    return v.high - v.low <= ECHO_MAX_SPREAD * max(abs(v.low), abs(v.high))


def _figures(st: Statement) -> list[Value]:
    return [v for v in st.values if v.kind in FIGURE_KINDS and v.resolved and _precise(v)]


def _content_lemmas(st: Statement) -> set[str]:
    return {t.lemma.lower() for t in st.tokens if t.pos in _CONTENT_POS and len(t.lemma) > 2}


def echoes(facts: Sequence[Fact], statements: Sequence[Statement]) -> tuple[Fact, ...]:
    """Unique facts with the statements of other sources that state their figures.

    The aligner gives each statement one counterpart per source, so a detail one source
    lists on its own line ("$14.3 billion investment in Scale AI") and another packs into
    a longer sentence about something else ("…by investing $14.3 billion in Scale AI,
    acquiring its founder…") comes out as unique. A statement of another source *echoes*
    a unique fact's statement when it holds a compatible value of every precise figure
    (money, percent, quantity, count, tally; see :data:`ECHO_MAX_SPREAD`) the fact's
    statement gives, and holds at least :data:`ECHO_MIN_OVERLAP` of the content words of
    the shorter of the two. Dates and names alone are never enough: a story's main actor
    and date are in every sentence. The fact stays unique (its statement has no
    counterpart of its own); the report says where else its figures stand.
    """
    words = {st.id: _content_lemmas(st) for st in statements}
    figures = {st.id: _figures(st) for st in statements}
    by_id = {st.id: st for st in statements}
    out = []
    for f in facts:
        if f.coverage is not Coverage.UNIQUE:
            out.append(f)
            continue
        found: list[str] = []
        for sid in f.statement_ids:
            mine, own = figures[sid], words[sid]
            if not mine:
                continue
            for other in statements:
                if other.source_id == by_id[sid].source_id or other.id in found:
                    continue
                theirs = figures[other.id]
                if not all(
                    any(comparable(v, w) and compatible(v, w) for w in theirs) for v in mine
                ):
                    continue
                shared = len(own & words[other.id])
                if shared >= ECHO_MIN_OVERLAP * max(1, min(len(own), len(words[other.id]))):
                    found.append(other.id)
        out.append(replace(f, echoes=tuple(sorted(found))) if found else f)
    return tuple(out)
