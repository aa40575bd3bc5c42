"""Alignment rule: mutual best match above a threshold, strong matches, no chaining."""

from __future__ import annotations

import numpy as np
import numpy.typing as npt
import pytest
from helpers import bare_statement

from factcheck import align as align_module
from factcheck.align import align, facts_of
from factcheck.types import Statement


def _unit(*xs: float) -> npt.NDArray[np.float32]:
    v = np.array(xs, dtype=np.float32)
    return v / np.linalg.norm(v)


def _story(spec: dict[str, list[list[float]]]) -> tuple[list[Statement], npt.NDArray[np.float32]]:
    statements, vectors = [], []
    for source, vecs in spec.items():
        for i, vec in enumerate(vecs, 1):
            statements.append(bare_statement(source, i))
            vectors.append(_unit(*vec))
    return statements, np.stack(vectors)


def test_align_links_mutual_best_matches_above_threshold() -> None:
    statements, vectors = _story({"a": [[1, 0, 0], [0, 1, 0]], "b": [[0, 1, 0.1], [1, 0.1, 0]]})
    graph = align(statements, vectors, threshold=0.6, strong=0.99)
    assert sorted(tuple(sorted(e)) for e in graph.edges) == [("a:1", "b:2"), ("a:2", "b:1")]
    assert graph.edges["a:1", "b:2"]["rule"] == "mutual-best"


def test_align_leaves_dissimilar_statements_unlinked() -> None:
    statements, vectors = _story({"a": [[1, 0]], "b": [[0, 1]]})
    graph = align(statements, vectors, threshold=0.6, strong=0.9)
    assert graph.number_of_edges() == 0
    assert facts_of(graph) == [["a:1"], ["b:1"]]


def test_align_skips_a_match_that_is_not_mutual() -> None:
    # b:1 is a:1's best match, but b:1's best in a is a:2 (cos 0.99 vs 0.8).
    statements, vectors = _story({"a": [[1, 0.75, 0], [1, 1.1, 0]], "b": [[1, 1, 0]]})
    graph = align(statements, vectors, threshold=0.6, strong=0.999)
    assert list(graph.edges) == [("a:2", "b:1")]


def test_align_is_independent_of_statement_order() -> None:
    statements, vectors = _story(
        {"a": [[1, 0, 0], [0, 1, 0], [0, 0, 1]], "b": [[0, 0, 1], [1, 0.1, 0], [0, 1, 0.2]]}
    )
    forward = align(statements, vectors, threshold=0.6, strong=0.99)
    order = [5, 3, 1, 4, 0, 2]
    backward = align([statements[i] for i in order], vectors[order], threshold=0.6, strong=0.99)
    assert {frozenset(e) for e in forward.edges} == {frozenset(e) for e in backward.edges}


def test_align_keeps_both_statements_when_one_source_repeats_a_fact() -> None:
    statements, vectors = _story({"a": [[1, 0], [1, 0.05]], "b": [[1, 0.02]]})
    graph = align(statements, vectors, threshold=0.6, strong=0.9)
    assert facts_of(graph) == [["a:1", "a:2", "b:1"]]


def test_align_never_links_two_statements_of_one_source() -> None:
    statements, vectors = _story({"a": [[1, 0], [1, 0]], "b": [[0, 1]]})
    graph = align(statements, vectors, threshold=0.5, strong=0.6)
    assert graph.number_of_edges() == 0


def test_align_splits_a_chain_of_dissimilar_statements() -> None:
    # a~b and b~c are close, but a and c are far apart: no single fact may hold a and c.
    statements, vectors = _story({"a": [[1, 0, 0]], "b": [[1, 1, 0]], "c": [[0, 1, 0]]})
    graph = align(statements, vectors, threshold=0.6, strong=0.99)
    groups = facts_of(graph)
    assert not any({"a:1", "c:1"} <= set(g) for g in groups)
    assert len(groups) == 2


def test_align_scales_to_fifty_sources() -> None:
    rng = np.random.default_rng(7)
    shared = rng.normal(size=(5, 64))
    statements, vectors = [], []
    for s in range(50):
        for i in range(5):
            statements.append(bare_statement(f"s{s:02d}", i + 1))
            vectors.append(shared[i] + rng.normal(scale=0.1, size=64))
    matrix = np.stack(vectors).astype(np.float32)
    matrix /= np.linalg.norm(matrix, axis=1, keepdims=True)
    groups = facts_of(align(statements, matrix, threshold=0.6, strong=0.95))
    assert len(groups) == 5
    assert all(len(g) == 50 for g in groups)


def test_align_keeps_every_copy_of_a_sentence_in_a_story_of_near_copies() -> None:
    # A wire story of 8 sentences on one topic, run by 12 outlets that each keep about 80%
    # of it, with tiny edits. A minimum cut isolated single copies here (seed 2: three
    # lone statements); mending the strong links it cut puts each copy back.
    rng = np.random.default_rng(2)
    originals = rng.normal(size=(1, 48)) + rng.normal(size=(8, 48)) * 0.9
    statements, vectors, copy_of = [], [], {}
    for s in range(12):
        kept = [i for i in range(8) if rng.random() < 0.8]
        for n, i in enumerate(kept, 1):
            statements.append(bare_statement(f"outlet{s:02d}", n))
            vectors.append(originals[i] + rng.normal(size=48) * 0.02)
            copy_of[f"outlet{s:02d}:{n}"] = i
    matrix = np.stack(vectors).astype(np.float32)
    matrix /= np.linalg.norm(matrix, axis=1, keepdims=True)
    groups = facts_of(align(statements, matrix, threshold=0.45, strong=0.8))
    assert len(groups) == 8  # one fact per sentence of the wire story
    assert min(len(g) for g in groups) > 1  # no copy left on its own
    # An outlet that dropped a sentence may link its nearest other sentence to the copies
    # of the one it dropped (a weak mutual best); that leaves one copy in the wrong fact.
    pure = [len({copy_of[m] for m in g}) == 1 for g in groups]
    assert pure.count(True) >= 7


def test_align_in_row_chunks_gives_the_same_graph(monkeypatch: pytest.MonkeyPatch) -> None:
    # Large pairs of sources are compared a few rows at a time (no statements x
    # statements matrix); the links, rules and weights must not depend on the chunk size.
    rng = np.random.default_rng(11)
    shared = rng.normal(size=(6, 32))
    statements, vectors = [], []
    for s in range(5):
        for i in range(9):
            statements.append(bare_statement(f"s{s}", i + 1))
            vectors.append(shared[i % 6] + rng.normal(scale=0.5, size=32))
    matrix = np.stack(vectors).astype(np.float32)
    matrix /= np.linalg.norm(matrix, axis=1, keepdims=True)
    whole = align(statements, matrix, threshold=0.45, strong=0.8)
    monkeypatch.setattr(align_module, "CHUNK", 7)  # one or two rows per block
    chunked = align(statements, matrix, threshold=0.45, strong=0.8)
    assert sorted(whole.edges(data=True)) == sorted(chunked.edges(data=True))
    assert whole.number_of_edges() > 20
