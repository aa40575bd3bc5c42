"""Label every fact: coverage, conflicts and framing.

A fact is a connected component of the alignment graph (see :mod:`factcheck.align`).

- **consensus**: every source of the story carries it (needs two or more sources);
- **partial**: two or more sources, not all;
- **unique**: one source only, a detail only that outlet adds;
- **conflict**: two of its statements, from different sources, disagree on a typed value
  (see :mod:`factcheck.conflicts`);
- **framing**: two of its statements tell it with different hedging or loaded wording (see
  :mod:`factcheck.framing`).

Fact IDs come from content, never from positions: ``F-`` and the first 8 hex digits of
the smallest SHA-1 among the member statements' normalised texts. Adding a source that
does not join a fact, or renaming a file, leaves the fact's ID unchanged; adding a
statement to a fact changes it only if the new statement's hash is smaller.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Sequence
from dataclasses import replace
from itertools import combinations, pairwise

import networkx as nx

from factcheck.align import facts_of
from factcheck.conflicts import find_conflicts
from factcheck.framing import framing_notes
from factcheck.types import Conflict, Coverage, Fact, Label, Statement

__all__ = ["LABEL_ORDER", "classify", "fact_id", "normalise_text"]

#: Report order: what needs attention first.
LABEL_ORDER = {label: i for i, label in enumerate(Label)}

_NON_WORD = re.compile(r"[^\w]+")


def normalise_text(text: str) -> str:
    """Case-, punctuation- and whitespace-insensitive form used for IDs."""
    return _NON_WORD.sub(" ", text.casefold()).strip()


def _digest(text: str) -> str:
    return hashlib.sha1(normalise_text(text).encode("utf-8")).hexdigest()


def fact_id(texts: Sequence[str]) -> str:
    """Content-derived ID of a fact from its statements' texts."""
    return "F-" + min(_digest(t) for t in texts)[:8]


def _coverage(n: int, total: int) -> Coverage:
    if n <= 1:
        return Coverage.UNIQUE
    return Coverage.CONSENSUS if n == total else Coverage.PARTIAL


def classify(
    statements: Sequence[Statement], graph: nx.Graph[str], *, sources: Sequence[str]
) -> tuple[Fact, ...]:
    """Facts of one story, labelled, in report order.

    Args:
        statements: every statement of the story (the graph's nodes).
        graph: the alignment graph.
        sources: the story's source IDs (coverage counts against all of them).
    """
    by_id = {s.id: s for s in statements}
    position = {s.id: (s.source_id, s.index) for s in statements}
    facts: list[Fact] = []
    for members in facts_of(graph):
        members.sort(key=position.__getitem__)
        srcs = sorted({by_id[m].source_id for m in members})
        conflicts: list[Conflict] = []
        weights: list[float] = []
        for u, v in combinations(members, 2):
            a, b = by_id[u], by_id[v]
            if a.source_id == b.source_id:
                continue
            sim = float(graph.edges[u, v]["weight"]) if graph.has_edge(u, v) else 0.0
            if graph.has_edge(u, v):
                weights.append(sim)
            conflicts += find_conflicts(a, b, similarity=sim or _path_similarity(graph, u, v))
        facts.append(
            Fact(
                id=fact_id([by_id[m].text for m in members]),
                statement_ids=tuple(members),
                source_ids=tuple(srcs),
                coverage=_coverage(len(srcs), len(sources)),
                similarity=round(sum(weights) / len(weights), 4) if weights else 1.0,
                conflicts=tuple(conflicts),
                framing=tuple(framing_notes([by_id[m] for m in members])),
            )
        )
    facts = _dedupe_ids(facts)
    facts.sort(
        key=lambda f: (LABEL_ORDER[f.label], -len(f.source_ids), position[f.statement_ids[0]])
    )
    return tuple(facts)


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
