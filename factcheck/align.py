"""Align statements across sources into a networkx graph; its components are facts.

Graph schema::

    node  statement ID ("<source_id>:<n>")   attrs: source (str), index (int)
    edge  two statements of different sources that state the same fact
          attrs: weight (cosine similarity, float), rule ("mutual-best" | "strong")

The rule, order-free (only similarities matter, never positions):

1. **Mutual best match.** For every pair of sources A and B, statement a in A and b in B
   are linked when b is a's most similar statement in B, a is b's most similar statement
   in A, and cos(a, b) >= ``threshold``.
2. **Strong match.** Any two statements of different sources with cos >= ``strong`` are
   linked too, so a source that states one fact twice keeps both statements in it.
3. **No chaining.** Links are transitive through connected components, which can chain
   unrelated statements (a~b, b~c, but a and c differ). A group is *valid* when no two of
   its statements have cos < ``threshold - FLOOR_MARGIN`` and no two statements of one
   source have cos < ``strong``. While a component is not valid, it is split by the
   minimum cut (on similarity) that separates its least similar offending pair: the
   weakest links give way.
4. **Strong links mended.** A minimum cut can cut off one statement even through strong
   links: in a story of near-copies (a wire story run by many outlets) every copy of a
   sentence has strong links to the other copies, and isolating one copy is the cheapest
   cut. So the strong links the cuts removed are put back, strongest first, wherever the
   two groups they join make a valid group.

Cost is O(n^2) in statements for the similarities, but they are never held as one
statements x statements matrix: each pair of sources is compared in row chunks of at most
:data:`CHUNK` similarities (:class:`Similarity`), and splitting and mending read only the
blocks of the groups they look at. An article of 26,000 statements beside two short ones
aligns in about 1.5 s and 260 MB; the full matrix alone would take 2.7 GB.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from itertools import combinations
from typing import Protocol

import networkx as nx
import numpy as np
import numpy.typing as npt

from factcheck.types import Statement

__all__ = ["CHUNK", "FLOOR_MARGIN", "Similarity", "align", "facts_of"]

#: Statement indices into the story's statement list.
Indices = npt.NDArray[np.intp]

#: Members of one fact may be less similar to each other than linked pairs, but not by
#: more than this margin below the threshold.
FLOOR_MARGIN = 0.1


class Similarity(Protocol):
    """Cosine similarities of statements by index, read a block at a time, so that no
    statements × statements matrix is ever built (a story of tens of thousands of
    statements would need gigabytes for it)."""

    def block(self, rows: Indices, cols: Indices) -> npt.NDArray[np.float32]: ...


@dataclass(frozen=True, slots=True)
class _FromVectors:
    """Similarities computed from L2-normalised vectors when asked for."""

    vectors: npt.NDArray[np.float32]

    def block(self, rows: Indices, cols: Indices) -> npt.NDArray[np.float32]:
        return self.vectors[rows] @ self.vectors[cols].T


def align(
    statements: Sequence[Statement],
    vectors: npt.NDArray[np.float32],
    *,
    threshold: float,
    strong: float,
) -> nx.Graph[str]:
    """Build the alignment graph. ``vectors[i]`` is the L2-normalised vector of statements[i]."""
    return _align(statements, _FromVectors(vectors), threshold=threshold, strong=strong)


#: Pairs of sources with more statement pairs than this are compared in row chunks.
CHUNK = 1 << 22


def _links(
    sim: Similarity, ia: Indices, ib: Indices, threshold: float, strong: float
) -> dict[tuple[int, int], tuple[str, float]]:
    """Rules 1 and 2 for one pair of sources: mutual best matches at or above
    ``threshold``, and every pair at or above ``strong``, each with the rule and the
    similarity that made it; row chunks keep memory bounded."""
    step = max(1, CHUNK // max(1, len(ib)))
    best_b = np.empty(len(ia), dtype=np.intp)  # for each a, its best b
    row_best = np.empty(len(ia), dtype=np.float32)
    best_a = np.zeros(len(ib), dtype=np.intp)  # for each b, its best a
    best_val = np.full(len(ib), -np.inf, dtype=np.float32)
    strong_pairs: list[tuple[int, int, float]] = []
    for lo in range(0, len(ia), step):
        block = sim.block(ia[lo : lo + step], ib)
        best_b[lo : lo + len(block)] = block.argmax(axis=1)
        row_best[lo : lo + len(block)] = block.max(axis=1)
        col = block.argmax(axis=0)
        val = block[col, np.arange(len(ib))]
        better = val > best_val  # the first maximum wins ties, as argmax over all rows does
        best_a[better], best_val[better] = col[better] + lo, val[better]
        rows, cols = np.nonzero(block >= strong)
        strong_pairs += [
            (lo + int(a), int(b), float(block[a, b])) for a, b in zip(rows, cols, strict=True)
        ]
    links: dict[tuple[int, int], tuple[str, float]] = {}
    for ka, kb in enumerate(best_b):
        if best_a[kb] == ka and row_best[ka] >= threshold:
            links[(int(ia[ka]), int(ib[kb]))] = ("mutual-best", float(row_best[ka]))
    for sa, sb, value in strong_pairs:
        links.setdefault((int(ia[sa]), int(ib[sb])), ("strong", value))
    return links


def _align(
    statements: Sequence[Statement], sim: Similarity, *, threshold: float, strong: float
) -> nx.Graph[str]:
    graph: nx.Graph[str] = nx.Graph()
    for st in statements:
        graph.add_node(st.id, source=st.source_id, index=st.index)
    if len(statements) < 2:
        return graph
    by_source: dict[str, list[int]] = defaultdict(list)
    for i, st in enumerate(statements):
        by_source[st.source_id].append(i)
    sources = sorted(by_source)

    edges: dict[tuple[int, int], tuple[str, float]] = {}
    for sa, sb in combinations(sources, 2):
        ia, ib = np.array(by_source[sa]), np.array(by_source[sb])
        edges.update(_links(sim, ia, ib, threshold, strong))
    for (i, j), (rule, value) in sorted(edges.items()):
        graph.add_edge(statements[i].id, statements[j].id, weight=round(value, 4), rule=rule)

    index = {st.id: i for i, st in enumerate(statements)}
    source = np.array([st.source_id for st in statements])
    floor = threshold - FLOOR_MARGIN
    before = {(u, v): dict(data) for u, v, data in graph.edges(data=True)}
    for component in sorted(nx.connected_components(graph), key=min):
        if len(component) > 2:
            _split(graph, sorted(component), index, sim, source, floor, strong)
    cut = sorted((u, v) for u, v in before if not graph.has_edge(u, v))
    _mend(graph, [(u, v, before[(u, v)]) for u, v in cut], index, sim, statements, floor, strong)
    return graph


def _pair(sim: Similarity, i: int, j: int) -> float:
    return float(sim.block(np.array([i]), np.array([j]))[0, 0])


def _mend(
    graph: nx.Graph[str],
    cut: list[tuple[str, str, dict[str, object]]],
    index: dict[str, int],
    sim: Similarity,
    statements: Sequence[Statement],
    floor: float,
    strong: float,
) -> None:
    """Put back the strong links that the splits cut, strongest first (ties by statement
    ID), where the two groups they join make a valid group (rule 4)."""
    source = np.array([st.source_id for st in statements])
    group: dict[str, int] = {}
    members: dict[int, list[int]] = {}
    for k, component in enumerate(sorted(nx.connected_components(graph), key=min)):
        members[k] = sorted(index[n] for n in component)
        group.update(dict.fromkeys(component, k))
    cut_sim = {(u, v): _pair(sim, index[u], index[v]) for u, v, _ in cut}
    strong_cut = sorted(
        (-cut_sim[(u, v)], u, v, data) for u, v, data in cut if cut_sim[(u, v)] >= strong
    )
    for _, u, v, data in strong_cut:
        gu, gv = group[u], group[v]
        if gu == gv:
            continue
        a, b = members[gu], members[gv]
        block = sim.block(np.array(a), np.array(b))
        same_source = source[a][:, None] == source[b][None, :]
        if block.min() < floor or (block[same_source] < strong).any():
            continue
        graph.add_edge(u, v, **data)
        members[gu] = sorted(a + b)
        for i in b:
            group[statements[i].id] = gu
        del members[gv]


def _violation(
    members: list[str],
    index: dict[str, int],
    sim: Similarity,
    source: npt.NDArray[np.str_],
    floor: float,
    strong: float,
) -> tuple[str, str] | None:
    """The least similar pair of members that may not share a fact, or None (ties: the
    first pair in member order)."""
    idx = np.array([index[m] for m in members])
    block = sim.block(idx, idx)
    same = source[idx][:, None] == source[idx][None, :]
    bad = np.triu((block < floor) | (same & (block < strong)), k=1)
    if not bad.any():
        return None
    i, j = np.unravel_index(np.argmin(np.where(bad, block, np.inf)), block.shape)
    return members[int(i)], members[int(j)]


def _split(
    graph: nx.Graph[str],
    members: list[str],
    index: dict[str, int],
    sim: Similarity,
    source: npt.NDArray[np.str_],
    floor: float,
    strong: float,
) -> None:
    capacity = _capacity_graph(graph.subgraph(members))  # built once, cut as the graph is
    pending = [members]
    while pending:
        group = pending.pop()
        pair = _violation(group, index, sim, source, floor, strong)
        if pair is None:
            continue
        _, (side_a, _) = nx.minimum_cut(capacity.subgraph(group), *pair, capacity="capacity")
        sub = graph.subgraph(group)
        crossing = [(u, v) for u, v in sub.edges() if (u in side_a) != (v in side_a)]
        graph.remove_edges_from(crossing)
        capacity.remove_edges_from([*crossing, *((v, u) for u, v in crossing)])
        pending.extend(
            sorted(part) for part in nx.connected_components(graph.subgraph(group)) if len(part) > 2
        )


def _capacity_graph(sub: nx.Graph[str]) -> nx.DiGraph[str]:
    g: nx.DiGraph[str] = nx.DiGraph()
    g.add_nodes_from(sorted(sub.nodes))
    for u, v in sorted(sub.edges()):
        w = float(sub.edges[u, v]["weight"])
        g.add_edge(u, v, capacity=w)
        g.add_edge(v, u, capacity=w)
    return g


def facts_of(graph: nx.Graph[str]) -> list[list[str]]:
    """Connected components as sorted lists of statement IDs, singletons included."""
    return sorted((sorted(c) for c in nx.connected_components(graph)), key=lambda c: c[0])
