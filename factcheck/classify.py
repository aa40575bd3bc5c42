"""Group statements into facts and label them: coverage and conflicts.

Framing notes are added later by :func:`factcheck.framing.annotate` (they need the quote
comparison), after which :func:`ordered` puts the facts back in report order.

A fact is a connected component of the alignment graph (see :mod:`factcheck.align`).

- **consensus**: every source of the story carries it (needs two or more sources);
- **partial**: two or more sources, not all;
- **unique**: one source only, a detail only that outlet adds;
- **conflict**: two of its statements, from different sources, disagree on a typed value
  (see :mod:`factcheck.conflicts`);

Fact IDs come from content, never from positions: ``F-`` and the first 8 hex digits of
the smallest SHA-1 among the member statements' normalised texts. Adding a source that
does not join a fact, or renaming a file, leaves the fact's ID unchanged; adding a
statement to a fact changes it only if the new statement's hash is smaller.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Callable, Sequence
from dataclasses import replace
from itertools import combinations, pairwise

import networkx as nx

from factcheck.align import facts_of
from factcheck.conflicts import ConflictContext, find_conflicts
from factcheck.nli import NLI_THRESHOLD
from factcheck.types import Conflict, ConflictKind, Coverage, Fact, Label, Statement

__all__ = [
    "LABEL_ORDER",
    "ContradictionFn",
    "classify",
    "fact_id",
    "normalise_text",
    "ordered",
    "statement_digest",
]

#: Report order: what needs attention first.
LABEL_ORDER = {label: i for i, label in enumerate(Label)}

_NON_WORD = re.compile(r"[^\w]+")


def normalise_text(text: str) -> str:
    """Case-, punctuation- and whitespace-insensitive form used for IDs."""
    return _NON_WORD.sub(" ", text.casefold()).strip()


def statement_digest(text: str) -> str:
    """The SHA-1 (hex) of a statement's normalised text: what fact IDs are made of, and the
    key that orders a fact's statements by content alone (never by file or position)."""
    return hashlib.sha1(normalise_text(text).encode("utf-8"), usedforsecurity=False).hexdigest()


def fact_id(texts: Sequence[str]) -> str:
    """Content-derived ID of a fact from its statements' texts."""
    return "F-" + min(statement_digest(t) for t in texts)[:8]


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
) -> tuple[Fact, ...]:
    """Facts of one story, labelled, in report order.

    Args:
        statements: every statement of the story (the graph's nodes).
        graph: the alignment graph.
        sources: the story's source IDs (coverage counts against all of them).
        contradiction: optional NLI scorer, a second signal for conflicts.
        nli_threshold: NLI probability from which a pair counts as contradictory.
    """
    by_id = {s.id: s for s in statements}
    position = {s.id: (s.source_id, s.index) for s in statements}
    context = ConflictContext.of(statements)
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
    return ordered(_dedupe_ids(facts))


def ordered(facts: Sequence[Fact]) -> tuple[Fact, ...]:
    """Report order: by label (conflicts first), then by how many sources carry the fact,
    then by where its first statement stands. Call again after later stages add framing."""

    def key(f: Fact) -> tuple[int, int, str, int]:
        source, index = f.statement_ids[0].rsplit(":", 1)
        return (LABEL_ORDER[f.label], -len(f.source_ids), source, int(index))

    return tuple(sorted(facts, key=key))


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


def _dedupe_ids(facts: list[Fact]) -> list[Fact]:
    """Make IDs unique when two facts share a hash prefix (suffix -2, -3 ... by position)."""
    seen: dict[str, int] = {}
    out = []
    for f in sorted(facts, key=lambda f: (f.id, f.statement_ids)):
        n = seen.get(f.id, 0) + 1
        seen[f.id] = n
        out.append(f if n == 1 else replace(f, id=f"{f.id}-{n}"))
    return out
