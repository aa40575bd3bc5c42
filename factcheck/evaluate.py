"""Accuracy evaluation on public labelled data: loaders, metrics, one evaluation per measure.

The harness scores the product's own stages (segmentation, alignment, conflicts, framing)
on a folder with the layout of the project's ``eval-data`` folder and renders
``docs/evaluation.md``. It reads only the folder it is given; the product and its tests
never need the data. Layout (a missing set is skipped, a missing folder is an error)::

    DATA_DIR/mrpc/msr_paraphrase_train.txt       MRPC: quality id1 id2 s1 s2 (TSV, BOM, no header)
    DATA_DIR/stsb/sts-dev.csv                    STS-B: genre file year id score s1 s2 [extra...]
    DATA_DIR/sick/SICK_train_trial.txt           SICK: header row, CRLF, entailment_label column
    DATA_DIR/ecbplus/ecbplus_sentence_pairs.jsonl  {label, topic, text_a, text_b, ...}
    DATA_DIR/ecbplus/ecbplus_docs.jsonl          {subtopic, doc, sentences, mentions}
    DATA_DIR/basil/basil_triplets.jsonl          {triplet_uuid, articles: {fox|nyt|hpo: ...}}

TSV files are read with ``encoding="utf-8-sig"`` and ``csv.QUOTE_NONE``: their sentences
contain bare ``"``, which the default dialect would take as field quotes and so swallow
tabs and rows.

Measures and how each uses the product:

- **Pairs as "same fact or not"** (MRPC, ECB+ sentence pairs): two single-statement sources
  are linked by the aligner iff their cosine reaches ``settings.threshold``
  (:func:`product_links` runs :func:`factcheck.align.align` itself). The naive baseline is
  MiniLM cosine with one threshold tuned by k-fold cross-validation on balanced accuracy;
  for pairs the product rule *is* that rule, so the two differ only by the threshold.
- **Graded similarity** (STS-B news rows): Spearman of cosine against the gold score.
- **Fact groups** (ECB+ documents): each subtopic runs through :func:`factcheck.pipeline.
  analyse` as one story; purity / inverse purity of the facts against the gold
  cross-document event chains, on the coreference-annotated sentences.
- **Contradiction** (SICK; MRPC pairs that differ in a number): each pair is a two-source
  story through ``analyse``; a pair is flagged when a fact holds a conflict.
- **Framing** (BASIL): each triplet is a three-source story; bias spans are matched to the
  statements flagged as framing divergence or unique detail.

Everything is deterministic for a given ``seed`` except the runtimes; samples are drawn with
:class:`random.Random` seeded per set, so adding a set does not change another's sample.
"""

from __future__ import annotations

import csv
import json
import logging
import math
import os
import platform
import random
import re
import time
from collections import Counter, defaultdict
from collections.abc import Callable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field, replace
from datetime import date
from itertools import combinations
from pathlib import Path
from typing import Any, TypeVar

import numpy as np
import numpy.typing as npt

from factcheck import align as align_stage
from factcheck import framing as framing_stage
from factcheck import segment as segment_stage
from factcheck.atomic import write_atomic
from factcheck.cache import Cache
from factcheck.conflicts import ConflictContext, find_conflicts
from factcheck.embed import Embedder, SentenceTransformerEmbedder, embed_texts
from factcheck.errors import CorpusError, FactcheckError, StageError
from factcheck.pipeline import analyse, article_from_paragraphs
from factcheck.settings import Settings, default_cache_dir
from factcheck.types import (
    ArticleMeta,
    CleanArticle,
    ConflictKind,
    Coverage,
    DerivationKind,
    Label,
    Statement,
    StoryResult,
)

__all__ = [
    "DATA_HELP",
    "FULL",
    "QUICK",
    "BasilRow",
    "ClusterEval",
    "ClusterMethod",
    "ConflictEval",
    "Confusion",
    "CorrelationEval",
    "CorrelationMethod",
    "EcbDoc",
    "EvalReport",
    "FramingEval",
    "NumericEval",
    "NumericExample",
    "PairEval",
    "PairMethod",
    "PairRow",
    "RunInfo",
    "SampleSizes",
    "TunedValue",
    "cv_threshold",
    "eval_main",
    "evaluate_basil",
    "evaluate_ecb_docs",
    "evaluate_ecb_pairs",
    "evaluate_mrpc",
    "evaluate_mrpc_numeric",
    "evaluate_sick",
    "evaluate_stsb",
    "load_basil",
    "load_ecb_docs",
    "load_ecb_pairs",
    "load_mrpc",
    "load_sick",
    "load_stsb",
    "pearson",
    "product_links",
    "purity",
    "read_tsv",
    "render_evaluation_md",
    "run_all",
    "spearman",
    "tune_threshold",
]

log = logging.getLogger(__name__)

T = TypeVar("T")
Vectors = npt.NDArray[np.float32]
Floats = npt.NDArray[np.float64]
Bools = npt.NDArray[np.bool_]

MRPC_FILE = "mrpc/msr_paraphrase_train.txt"
STSB_FILE = "stsb/sts-dev.csv"
SICK_FILE = "sick/SICK_train_trial.txt"
ECB_PAIRS_FILE = "ecbplus/ecbplus_sentence_pairs.jsonl"
ECB_DOCS_FILE = "ecbplus/ecbplus_docs.jsonl"
BASIL_FILE = "basil/basil_triplets.jsonl"
SET_FILES = {
    "mrpc": MRPC_FILE,
    "mrpc-numeric": MRPC_FILE,
    "stsb": STSB_FILE,
    "ecb-pairs": ECB_PAIRS_FILE,
    "ecb-docs": ECB_DOCS_FILE,
    "sick": SICK_FILE,
    "basil": BASIL_FILE,
}

#: Where the data comes from; part of every "no data" message.
DATA_HELP = (
    "expected a folder with the layout of the project's eval-data folder ("
    + ", ".join(sorted(set(SET_FILES.values())))
    + "); the originals are public on GitHub: MRPC a389965626/Sick- @1c9d228, "
    "STS-B zhangzhenhu/Semantic-Texual-Similarity-Toolkits @c55a72f "
    "(data/stsbenchmark), SICK kkalouli/SICK-processing @0848f4a, "
    "ECB+ cltl/ECB-parser @eba7c4d and cltl/ecbPlus @3aa071e, BASIL launchnlp/BASIL @4fdbc4f; "
    "the JSONL files regroup them as described in docs/evaluation.md"
)

#: Cosine thresholds tried when tuning (0.05 to 0.95 in steps of 0.01).
THRESHOLDS: tuple[float, ...] = tuple(round(0.05 + 0.01 * i, 2) for i in range(91))
#: Coarser grid for the fact-group evaluation, where each point reruns the aligner.
GROUP_THRESHOLDS: tuple[float, ...] = tuple(round(0.20 + 0.05 * i, 2) for i in range(15))
#: Thresholds at which the product rule is shown in full, to help choose a default.
CURVE_THRESHOLDS: tuple[float, ...] = (0.3, 0.4, 0.45, 0.5, 0.55, 0.6, 0.65, 0.7, 0.8)
#: Weights of word overlap tried in the hybrid experiment.
HYBRID_ALPHAS: tuple[float, ...] = (0.0, 0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7)

#: Cross-document event mentions: ACTION_* and NEG_ACTION_* tags.
_EVENT_TAG = re.compile(r"^(NEG_)?ACTION_")
_NUMBER = re.compile(r"\d+(?:[.,]\d+)*")
_WORD = re.compile(r"[a-z0-9]+")
#: Function words left out of the word-overlap experiment.
_STOP = frozenset(
    {
        "a", "an", "the", "of", "to", "in", "on", "at", "for", "by", "with", "from", "and",
        "or", "but", "is", "are", "was", "were", "be", "been", "being", "has", "have", "had",
        "do", "does", "did", "it", "its", "this", "that", "these", "those", "as", "he", "she",
        "they", "we", "you", "i", "his", "her", "their", "our", "your", "not", "no", "will",
        "would", "can", "could", "should", "may", "might", "said", "says", "say", "about",
        "after", "before", "over", "into", "than", "then", "there", "here", "who", "whom",
        "which", "what", "when", "where", "while", "also",
    }
)  # fmt: skip


# ---------------------------------------------------------------------------------------
# Metrics


@dataclass(frozen=True, slots=True)
class Confusion:
    """Counts of a binary decision against gold labels.

    Ratios with an empty denominator are 0.0 (the scikit-learn ``zero_division=0``
    convention), so a detector that never fires has precision 0, not NaN.
    """

    tp: int
    fp: int
    fn: int
    tn: int

    @classmethod
    def of(cls, predicted: Sequence[bool] | Bools, gold: Sequence[bool] | Bools) -> Confusion:
        p = np.asarray(predicted, dtype=bool)
        g = np.asarray(gold, dtype=bool)
        if p.shape != g.shape:
            raise ValueError(f"{p.shape[0]} predictions for {g.shape[0]} gold labels")
        return cls(
            tp=int(np.sum(p & g)),
            fp=int(np.sum(p & ~g)),
            fn=int(np.sum(~p & g)),
            tn=int(np.sum(~p & ~g)),
        )

    def __add__(self, other: Confusion) -> Confusion:
        return Confusion(
            self.tp + other.tp, self.fp + other.fp, self.fn + other.fn, self.tn + other.tn
        )

    @property
    def n(self) -> int:
        return self.tp + self.fp + self.fn + self.tn

    @property
    def accuracy(self) -> float:
        return _ratio(self.tp + self.tn, self.n)

    @property
    def precision(self) -> float:
        return _ratio(self.tp, self.tp + self.fp)

    @property
    def recall(self) -> float:
        return _ratio(self.tp, self.tp + self.fn)

    @property
    def f1(self) -> float:
        return _ratio(2 * self.tp, 2 * self.tp + self.fp + self.fn)

    @property
    def balanced_accuracy(self) -> float:
        """Mean of the recalls of both classes (a class absent from gold is left out)."""
        rates = [
            _ratio(hit, hit + miss)
            for hit, miss in ((self.tp, self.fn), (self.tn, self.fp))
            if hit + miss
        ]
        return sum(rates) / len(rates) if rates else 0.0


def _ratio(num: float, den: float) -> float:
    return num / den if den else 0.0


def _ranks(x: Floats) -> Floats:
    """1-based ranks, ties sharing their average rank (as Spearman's rho requires)."""
    order = np.argsort(x, kind="mergesort")
    ranks = np.empty(len(x), dtype=np.float64)
    sorted_x = x[order]
    i = 0
    while i < len(x):
        j = i
        while j + 1 < len(x) and sorted_x[j + 1] == sorted_x[i]:
            j += 1
        ranks[order[i : j + 1]] = (i + j) / 2.0 + 1.0
        i = j + 1
    return ranks


def pearson(x: Sequence[float] | Floats, y: Sequence[float] | Floats) -> float:
    """Pearson correlation; NaN when either side is constant or there are < 2 points."""
    a, b = np.asarray(x, dtype=np.float64), np.asarray(y, dtype=np.float64)
    if a.shape != b.shape:
        raise ValueError("pearson needs two sequences of the same length")
    if len(a) < 2:
        return math.nan
    da, db = a - a.mean(), b - b.mean()
    den = math.sqrt(float(np.sum(da * da)) * float(np.sum(db * db)))
    return float(np.sum(da * db)) / den if den else math.nan


def spearman(x: Sequence[float] | Floats, y: Sequence[float] | Floats) -> float:
    """Spearman's rho: Pearson correlation of average ranks (ties handled like scipy)."""
    a, b = np.asarray(x, dtype=np.float64), np.asarray(y, dtype=np.float64)
    if a.shape != b.shape:
        raise ValueError("spearman needs two sequences of the same length")
    return pearson(_ranks(a), _ranks(b))


def purity(groups: Sequence[Sequence[str]], gold: Mapping[str, str]) -> tuple[float, float, int]:
    """Purity and inverse purity of predicted ``groups`` against gold classes.

    Only items with a gold class count; every such item must be in exactly one group.
    Purity is the share of items that sit with the majority class of their group (1.0
    for all singletons); inverse purity the share of items whose class's largest share
    lies in one group (1.0 for one big group). Returns ``(purity, inverse, n_items)``.

    Example::

        purity([["a", "b"], ["c"]], {"a": "x", "b": "y", "c": "y"})  # (2/3, 2/3, 3)
    """
    counts: dict[tuple[int, str], int] = Counter()
    for i, members in enumerate(groups):
        for m in members:
            if m in gold:
                counts[(i, gold[m])] += 1
    n = sum(counts.values())
    if not n:
        return 0.0, 0.0, 0
    best_class: dict[int, int] = defaultdict(int)
    best_group: dict[str, int] = defaultdict(int)
    for (g, c), k in counts.items():
        best_class[g] = max(best_class[g], k)
        best_group[c] = max(best_group[c], k)
    return sum(best_class.values()) / n, sum(best_group.values()) / n, n


def _f(p: float, q: float) -> float:
    return 2 * p * q / (p + q) if p + q else 0.0


# ---------------------------------------------------------------------------------------
# Threshold tuning


def _grid_predictions(scores: Floats, grid: Sequence[float]) -> Bools:
    return scores[None, :] >= np.asarray(grid, dtype=np.float64)[:, None]


def _balanced(pred: Bools, gold: Bools) -> Floats:
    """Balanced accuracy of each row of ``pred`` (thresholds) against ``gold``."""
    pos, neg = max(int(gold.sum()), 1), max(int((~gold).sum()), 1)
    tpr = (pred & gold).sum(axis=1) / pos
    tnr = (~pred & ~gold).sum(axis=1) / neg
    out: Floats = (tpr + tnr) / 2.0
    return out


def tune_threshold(
    scores: Sequence[float] | Floats,
    gold: Sequence[bool] | Bools,
    grid: Sequence[float] = THRESHOLDS,
) -> float:
    """The grid threshold with the best balanced accuracy (the lowest one on ties).

    Balanced accuracy, not accuracy or F1: the sets differ in their share of positives
    (MRPC 68 %, ECB+ pairs 51 %) and a story's share of same-fact pairs is unknown, so the
    threshold should not learn a prior.
    """
    s = np.asarray(scores, dtype=np.float64)
    g = np.asarray(gold, dtype=bool)
    return float(grid[int(np.argmax(_balanced(_grid_predictions(s, grid), g)))])


def _folds(n: int, k: int, seed: int, groups: Sequence[str] | None = None) -> list[list[int]]:
    """Test indices of ``k`` folds; with ``groups``, a group never spans two folds."""
    rng = random.Random(seed)
    if groups is None:
        order = list(range(n))
        rng.shuffle(order)
        return [sorted(order[i::k]) for i in range(k)]
    keys = sorted(set(groups))
    rng.shuffle(keys)
    fold_of = {key: i % k for i, key in enumerate(keys)}
    out: list[list[int]] = [[] for _ in range(min(k, len(keys)))]
    for i, key in enumerate(groups):
        out[fold_of[key]].append(i)
    return out


def cv_threshold(
    scores: Sequence[float] | Floats,
    gold: Sequence[bool] | Bools,
    *,
    k: int,
    seed: int,
    groups: Sequence[str] | None = None,
    grid: Sequence[float] = THRESHOLDS,
) -> tuple[Confusion, tuple[float, ...]]:
    """k-fold cross-validated scores of "cosine >= a tuned threshold".

    Each fold is scored with the threshold tuned on the other folds; the confusions are
    pooled. Returns the pooled confusion and the per-fold thresholds.
    """
    s = np.asarray(scores, dtype=np.float64)
    g = np.asarray(gold, dtype=bool)
    total = Confusion(0, 0, 0, 0)
    chosen: list[float] = []
    for test in _folds(len(s), k, seed, groups):
        train = np.setdiff1d(np.arange(len(s)), test)
        t = tune_threshold(s[train], g[train], grid)
        chosen.append(t)
        total += Confusion.of(s[test] >= t, g[test])
    return total, tuple(chosen)


def _cv_hybrid(
    cos: Floats,
    overlap: Floats,
    gold: Bools,
    *,
    k: int,
    seed: int,
    groups: Sequence[str] | None = None,
) -> tuple[Confusion, tuple[tuple[float, float], ...]]:
    """Cross-validated ``(1 - alpha) * cos + alpha * overlap >= t``, alpha and t tuned jointly."""
    total = Confusion(0, 0, 0, 0)
    chosen: list[tuple[float, float]] = []
    for test in _folds(len(cos), k, seed, groups):
        train = np.setdiff1d(np.arange(len(cos)), test)
        alpha, t = _tune_hybrid(cos[train], overlap[train], gold[train])
        chosen.append((alpha, t))
        mixed = (1 - alpha) * cos[test] + alpha * overlap[test]
        total += Confusion.of(mixed >= t, gold[test])
    return total, tuple(chosen)


def _tune_hybrid(cos: Floats, overlap: Floats, gold: Bools) -> tuple[float, float]:
    best: tuple[float, float, float] | None = None
    for alpha in HYBRID_ALPHAS:
        ba = _balanced(_grid_predictions((1 - alpha) * cos + alpha * overlap, THRESHOLDS), gold)
        i = int(np.argmax(ba))
        if best is None or ba[i] > best[0] + 1e-12:
            best = (float(ba[i]), alpha, THRESHOLDS[i])
    assert best is not None
    return best[1], best[2]


# ---------------------------------------------------------------------------------------
# Loaders


@dataclass(frozen=True, slots=True)
class PairRow:
    """One labelled sentence pair; ``label`` is 0/1 or a graded score; ``group`` is the
    unit cross-validation keeps together (ECB+ topic), or ``""``."""

    id: str
    a: str
    b: str
    label: float
    group: str = ""
    kind: str = ""


@dataclass(frozen=True, slots=True)
class EcbDoc:
    """An ECB+ document reduced to its coreference-annotated sentences.

    ``sentences`` are ``(sent number, detokenised text)``; ``chains[sent]`` the
    cross-document event chains the sentence mentions, in mention order.
    """

    topic: str
    subtopic: str
    doc: str
    sentences: tuple[tuple[int, str], ...]
    chains: Mapping[int, tuple[str, ...]]


@dataclass(frozen=True, slots=True)
class BasilRow:
    """One BASIL article: flattened sentences and its bias spans as ``(kind, sentence)``."""

    triplet: str
    source: str
    published: str | None
    sentences: tuple[str, ...]
    spans: tuple[tuple[str, int], ...]
    unplaced: int


def read_tsv(path: Path) -> list[list[str]]:
    """Rows of a tab-separated file: BOM dropped, bare quotes kept, CR/LF endings alike,
    blank lines skipped."""
    try:
        with path.open(encoding="utf-8-sig", newline="") as f:
            return [row for row in csv.reader(f, delimiter="\t", quoting=csv.QUOTE_NONE) if row]
    except (OSError, UnicodeDecodeError) as err:
        raise CorpusError(path, f"cannot read: {err}") from err


def _jsonl(path: Path) -> Iterator[dict[str, Any]]:
    try:
        with path.open(encoding="utf-8-sig") as f:
            for n, line in enumerate(f, 1):
                if not line.strip():
                    continue
                try:
                    row = json.loads(line)
                except json.JSONDecodeError as err:
                    raise CorpusError(path, f"line {n}: invalid JSON ({err.msg})") from err
                if not isinstance(row, dict):
                    raise CorpusError(path, f"line {n}: expected a JSON object")
                yield row
    except (OSError, UnicodeDecodeError) as err:
        raise CorpusError(path, f"cannot read: {err}") from err


def load_mrpc(path: Path) -> list[PairRow]:
    """MRPC rows ``quality id1 id2 s1 s2``. A header row (the original release has one;
    this layout does not) is skipped: its first field is not 0 or 1."""
    out = []
    for n, row in enumerate(read_tsv(path), 1):
        if row[0].strip() not in {"0", "1"}:
            if n == 1:
                continue
            raise CorpusError(path, f"line {n}: quality must be 0 or 1, got {row[0]!r}")
        if len(row) < 5:
            raise CorpusError(path, f"line {n}: expected 5 tab-separated fields, got {len(row)}")
        out.append(PairRow(f"{row[1]}-{row[2]}", row[3].strip(), row[4].strip(), int(row[0])))
    return out


def load_stsb(path: Path, genre: str | None = "main-news") -> list[PairRow]:
    """STS-B rows ``genre file year id score s1 s2``, of one genre (None: all). Columns
    after the seventh (licence notes on some rows) are ignored."""
    out = []
    for n, row in enumerate(read_tsv(path), 1):
        if len(row) < 7:
            raise CorpusError(path, f"line {n}: expected 7 tab-separated fields, got {len(row)}")
        if genre is not None and row[0] != genre:
            continue
        try:
            score = float(row[4])
        except ValueError as err:
            raise CorpusError(path, f"line {n}: score {row[4]!r} is not a number") from err
        out.append(PairRow(f"{row[1]}-{row[2]}-{row[3]}", row[5].strip(), row[6].strip(), score))
    return out


def load_sick(path: Path) -> list[PairRow]:
    """SICK rows by header name; ``label`` is 1.0 for CONTRADICTION, ``kind`` the raw label."""
    rows = read_tsv(path)
    if not rows:
        raise CorpusError(path, "empty file")
    header = [h.strip() for h in rows[0]]
    try:
        cols = [header.index(c) for c in ("pair_ID", "sentence_A", "sentence_B")]
        lab = header.index("entailment_label")
    except ValueError as err:
        raise CorpusError(
            path, "header must name pair_ID, sentence_A, sentence_B, entailment_label"
        ) from err
    out = []
    for n, row in enumerate(rows[1:], 2):
        if len(row) <= max(*cols, lab):
            raise CorpusError(path, f"line {n}: too few tab-separated fields ({len(row)})")
        label = row[lab].strip().upper()
        out.append(
            PairRow(
                row[cols[0]].strip(),
                row[cols[1]].strip(),
                row[cols[2]].strip(),
                float(label == "CONTRADICTION"),
                kind=label,
            )
        )
    return out


_DETOK = (
    (re.compile(r"``\s*"), '"'),
    (re.compile(r"\s*''"), '"'),
    (re.compile(r" (n't|'s|'re|'ve|'ll|'d|'m)\b", re.IGNORECASE), r"\1"),
    (re.compile(r" ([,.;:!?%)\]}])"), r"\1"),
    (re.compile(r"([(\[{$]) "), r"\1"),
)


def detokenise(text: str) -> str:
    """Undo the ECB+ tokenisation (tokens joined by spaces), so text looks like news copy.

    Example: ``"Reid , 33 , did n't go ."`` -> ``"Reid, 33, didn't go."``
    """
    text = text.replace(" n't", "n't")
    for pattern, repl in _DETOK:
        text = pattern.sub(repl, text)
    return text.strip()


def load_ecb_pairs(path: Path) -> list[PairRow]:
    """ECB+ sentence pairs; ``label`` 1.0 for ``same_event``, 0.0 for a different event of
    the same topic; ``group`` is the topic (cross-validation keeps topics together)."""
    out = []
    for n, row in enumerate(_jsonl(path), 1):
        try:
            label = row["label"]
            out.append(
                PairRow(
                    f"{row['doc_a']}:{row['sent_a']}~{row['doc_b']}:{row['sent_b']}",
                    detokenise(str(row["text_a"])),
                    detokenise(str(row["text_b"])),
                    float(label == "same_event"),
                    group=str(row["topic"]),
                    kind=str(label),
                )
            )
        except KeyError as err:
            raise CorpusError(path, f"row {n}: missing field {err}") from err
    return out


def load_ecb_docs(path: Path) -> list[EcbDoc]:
    """ECB+ documents with their annotated sentences and cross-document event chains."""
    out = []
    for n, row in enumerate(_jsonl(path), 1):
        try:
            sentences = tuple(
                (int(s["sent"]), detokenise(str(s["text"])))
                for s in row["sentences"]
                if s.get("coref_annotated")
            )
            chains: dict[int, list[str]] = defaultdict(list)
            for m in row["mentions"]:
                sent_chains = chains[int(m["sent"])]
                if (
                    m.get("chain_kind") == "cross"
                    and _EVENT_TAG.match(str(m.get("tag", "")))
                    and m["chain"] not in sent_chains
                ):
                    sent_chains.append(str(m["chain"]))
            out.append(
                EcbDoc(
                    topic=str(row["topic"]),
                    subtopic=str(row["subtopic"]),
                    doc=str(row["doc"]),
                    sentences=sentences,
                    chains={k: tuple(v) for k, v in chains.items() if v},
                )
            )
        except (KeyError, TypeError, ValueError) as err:
            raise CorpusError(path, f"row {n}: malformed document ({err!r})") from err
    return out


def load_basil(path: Path) -> list[list[BasilRow]]:
    """BASIL triplets, each a list of articles in source order (fox, nyt, hpo, others).

    A span id ``p<k>`` names the k-th (0-based) sentence of the flattened paragraphs. The few
    spans with id ``title`` are placed on sentence 0 when their text is there, else counted
    in ``unplaced``; so are spans whose sentence does not exist.
    """
    order = {"fox": 0, "nyt": 1, "hpo": 2}
    out = []
    for n, row in enumerate(_jsonl(path), 1):
        try:
            triplet = []
            for key, art in sorted(
                row["articles"].items(), key=lambda kv: (order.get(kv[0].lower(), 9), kv[0])
            ):
                sentences = tuple(str(s) for p in art["paragraphs"] for s in p)
                spans, unplaced = [], 0
                for sp in art.get("phrase_annotations", []):
                    k = _span_sentence(str(sp.get("id", "")), str(sp.get("txt", "")), sentences)
                    if k is None:
                        unplaced += 1
                    else:
                        spans.append((str(sp["bias"]), k))
                triplet.append(
                    BasilRow(
                        triplet=str(row["triplet_uuid"]),
                        source=key.lower(),
                        published=str(art["date"])[:10] if art.get("date") else None,
                        sentences=sentences,
                        spans=tuple(spans),
                        unplaced=unplaced,
                    )
                )
            out.append(triplet)
        except (KeyError, TypeError, AttributeError) as err:
            raise CorpusError(path, f"row {n}: malformed triplet ({err!r})") from err
    return out


def _span_sentence(sid: str, text: str, sentences: Sequence[str]) -> int | None:
    if sid == "title":
        return 0 if sentences and text and text in sentences[0] else None
    if sid.startswith("p") and sid[1:].isdigit():
        k = int(sid[1:])
        return k if k < len(sentences) else None
    return None


# ---------------------------------------------------------------------------------------
# Result records


@dataclass(frozen=True, slots=True)
class SampleSizes:
    """How much of each set to use; None is everything. Samples use a fixed seed."""

    mrpc: int | None = 2000
    stsb: int | None = None
    ecb_pairs: int | None = None
    ecb_subtopics: int | None = None
    sick: int | None = 2000
    mrpc_numeric: int | None = None
    basil: int | None = None


#: The default run (a few minutes cold on 2 cores, seconds with a warm cache).
FULL = SampleSizes()
#: A smoke run for development.
QUICK = SampleSizes(
    mrpc=400, stsb=200, ecb_pairs=1000, ecb_subtopics=8, sick=200, mrpc_numeric=80, basil=6
)


@dataclass(frozen=True, slots=True)
class PairMethod:
    """One way of deciding "same fact", scored on a pair set."""

    method: str
    threshold: str
    scores: Confusion


@dataclass(frozen=True, slots=True)
class PairEval:
    """Alignment as a pair decision (MRPC, ECB+ pairs)."""

    name: str
    file: str
    population: int
    n: int
    positives: int
    methods: tuple[PairMethod, ...]
    tuned_threshold: float
    tuned_alpha: float
    folds: str
    runtime_s: float
    curve: tuple[tuple[float, Confusion], ...] = ()


@dataclass(frozen=True, slots=True)
class CorrelationMethod:
    method: str
    spearman: float
    pearson: float


@dataclass(frozen=True, slots=True)
class CorrelationEval:
    """Graded similarity against gold scores (STS-B)."""

    name: str
    file: str
    population: int
    n: int
    methods: tuple[CorrelationMethod, ...]
    runtime_s: float


@dataclass(frozen=True, slots=True)
class ClusterMethod:
    method: str
    threshold: str
    purity: float
    inverse_purity: float
    groups: int

    @property
    def f(self) -> float:
        return _f(self.purity, self.inverse_purity)


@dataclass(frozen=True, slots=True)
class ClusterEval:
    """Fact groups against gold event chains (ECB+ documents)."""

    file: str
    population: int
    subtopics: int
    documents: int
    sentences: int
    scored: int
    multi_chain: int
    methods: tuple[ClusterMethod, ...]
    tuned_threshold: float
    failures: tuple[str, ...]
    runtime_s: float
    curve: tuple[ClusterMethod, ...] = ()


@dataclass(frozen=True, slots=True)
class ConflictEval:
    """The conflict label against SICK's CONTRADICTION."""

    file: str
    population: int
    n: int
    contradictions: int
    end_to_end: Confusion
    with_claim: Confusion
    rules_only: Confusion
    aligned: Confusion
    kinds: tuple[tuple[str, int, int], ...]
    failures: tuple[str, ...]
    runtime_s: float


@dataclass(frozen=True, slots=True)
class NumericExample:
    a: str
    b: str
    value_a: str
    value_b: str
    kind: str


@dataclass(frozen=True, slots=True)
class NumericEval:
    """Numeric conflicts on MRPC non-paraphrase pairs that differ in a number."""

    file: str
    pool: int
    n: int
    aligned: int
    flagged: int
    verified: int
    control_pool: int
    control_n: int
    control_flagged: int
    examples: tuple[NumericExample, ...]
    failures: tuple[str, ...]
    runtime_s: float


#: Values of :data:`factcheck.framing.MIN_SHARED_CONTENT` (how much two statements must
#: share to be compared as one claim) that the BASIL run tries besides the default.
FRAMING_SWEEP = (0.0, 0.10, 0.15, 0.20, 0.25, 0.35)

#: How many framing notes of the BASIL run are shown for a reader to judge.
FRAMING_EXAMPLES = 10


@dataclass(frozen=True, slots=True)
class FramingSweepRow:
    """BASIL framing counts at one value of the same-claim overlap."""

    min_shared: float
    notes: int
    marked_statements: int
    marked_with_lex: int
    lex_in_marked: int


@dataclass(frozen=True, slots=True)
class FramingExample:
    """One framing note of the BASIL run: the marked sentence and the one it is set against."""

    kind: str
    explanation: str
    marked: str
    against: str


@dataclass(frozen=True, slots=True)
class FramingEval:
    """BASIL bias spans against framing and unique-detail flags."""

    file: str
    population: int
    triplets: int
    sentences: int
    statements: int
    lex_spans: int
    inf_spans: int
    unplaced: int
    lex_in_framing: int
    lex_in_marked: int
    inf_in_unique: int
    framing_statements: int
    framing_with_lex: int
    marked_statements: int
    marked_with_lex: int
    unique_statements: int
    unique_with_inf: int
    statements_with_lex: int
    statements_with_inf: int
    source_pairs: int
    derived_pairs: int
    cited_pairs: int
    echoed_unique: int
    unique_facts: int
    failures: tuple[str, ...]
    runtime_s: float
    sweep: tuple[FramingSweepRow, ...] = ()
    examples: tuple[FramingExample, ...] = ()


@dataclass(frozen=True, slots=True)
class TunedValue:
    """A value the data chose: what, on which set, by which objective, and the result."""

    name: str
    tuned_on: str
    objective: str
    value: str
    default: str


@dataclass(frozen=True, slots=True)
class EvalReport:
    """Everything one run measured. ``skipped`` lists ``(set, reason)``."""

    data_dir: str
    seed: int
    folds: int
    threshold: float
    strong_threshold: float
    model: str
    spacy_model: str
    samples: SampleSizes
    cache: str
    mrpc: PairEval | None = None
    stsb: CorrelationEval | None = None
    ecb_pairs: PairEval | None = None
    ecb_docs: ClusterEval | None = None
    sick: ConflictEval | None = None
    mrpc_numeric: NumericEval | None = None
    basil: FramingEval | None = None
    skipped: tuple[tuple[str, str], ...] = ()
    runtime_s: float = 0.0
    tuned: tuple[TunedValue, ...] = field(default=())


@dataclass(frozen=True, slots=True)
class RunInfo:
    """How a run was started, for the header of docs/evaluation.md (kept out of the
    report so that rendering stays a pure function of its inputs)."""

    command: str
    date: str
    machine: str

    @classmethod
    def here(cls, command: str) -> RunInfo:
        cpus = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count()
        machine = (
            f"{platform.system()} {platform.machine()}, {cpus} CPUs, "
            f"Python {platform.python_version()}"
        )
        return cls(command=command, date=date.today().isoformat(), machine=machine)


# ---------------------------------------------------------------------------------------
# Shared helpers


def _sample(rows: Sequence[T], n: int | None, seed: int, salt: str) -> list[T]:
    """At most ``n`` rows, drawn with a seed of their own, kept in file order."""
    if n is None or n >= len(rows):
        return list(rows)
    keep = sorted(random.Random(f"{seed}:{salt}").sample(range(len(rows)), n))
    return [rows[i] for i in keep]


@contextmanager
def _timer() -> Iterator[list[float]]:
    box = [0.0]
    start = time.perf_counter()
    try:
        yield box
    finally:
        box[0] = round(time.perf_counter() - start, 1)


def _vectors(texts: Sequence[str], embedder: Embedder, cache: Cache) -> dict[str, Vectors]:
    unique = sorted(set(texts))
    if not unique:
        return {}
    vecs = embed_texts(unique, embedder=embedder, cache=cache)
    return {t: vecs[i] for i, t in enumerate(unique)}


def _statement(source: str, text: str) -> Statement:
    return Statement(
        id=f"{source}:1",
        source_id=source,
        index=1,
        text=text,
        start=0,
        end=len(text),
        line=1,
        block=0,
    )


def product_links(a: Vectors, b: Vectors, *, settings: Settings, texts: tuple[str, str]) -> bool:
    """Whether the product's aligner links two single-statement sources.

    This runs :func:`factcheck.align.align` on a two-source story, so it tracks the product
    rule. Today that rule is ``cos(a, b) >= settings.threshold``; the pair evaluations use
    the cosine directly for threshold sweeps and a test checks that the two agree.
    """
    statements = (_statement("a", texts[0]), _statement("b", texts[1]))
    graph = align_stage.align(
        statements,
        np.stack([a, b]).astype(np.float32),
        threshold=settings.threshold,
        strong=settings.strong_threshold,
    )
    return graph.has_edge("a:1", "b:1")


def _rowdot(a: Vectors, b: Vectors) -> Floats:
    """Row-wise dot products: cosines of L2-normalised rows."""
    return np.asarray((a.astype(np.float64) * b.astype(np.float64)).sum(axis=1), dtype=np.float64)


def _content_words(text: str) -> set[str]:
    return {w for w in _WORD.findall(text.lower()) if w not in _STOP}


def _overlap(a: str, b: str) -> float:
    """Word overlap: the cosine of binary content-word vectors, |A & B| / sqrt(|A| |B|).

    The cosine form (not Jaccard) is what :func:`_hybrid_vectors` reproduces, so the pair
    experiment and the story experiment measure the same hybrid score.
    """
    wa, wb = _content_words(a), _content_words(b)
    return len(wa & wb) / math.sqrt(len(wa) * len(wb)) if wa and wb else 0.0


def _hybrid_vectors(vectors: Vectors, texts: Sequence[str], alpha: float) -> Vectors:
    """Vectors whose dot product is ``(1 - alpha) * cosine + alpha * word overlap``.

    Each row is ``[sqrt(1 - alpha) * v, sqrt(alpha) * w]`` with ``w`` the L2-normalised
    binary content-word vector of the text, so the rows stay unit length and the product's
    aligner can use them unchanged: a way to try the hybrid rule without a new knob.
    """
    words = [_content_words(t) for t in texts]
    vocab = {w: i for i, w in enumerate(sorted(set().union(*words)))} if words else {}
    bow = np.zeros((len(texts), max(len(vocab), 1)), dtype=np.float32)
    for i, ws in enumerate(words):
        for w in ws:
            bow[i, vocab[w]] = 1.0 / math.sqrt(len(ws))
    out: Vectors = np.concatenate(
        [math.sqrt(1.0 - alpha) * vectors, math.sqrt(alpha) * bow], axis=1
    ).astype(np.float32)
    return out


def _centred(vectors: Vectors) -> Vectors:
    """Vectors minus their mean, L2-normalised again: removes the direction every sentence
    of the set shares (MiniLM cosines of unrelated news sentences sit well above 0)."""
    if len(vectors) == 0:
        return vectors
    c = vectors - vectors.mean(axis=0, keepdims=True)
    norms = np.linalg.norm(c, axis=1, keepdims=True)
    out: Vectors = (c / np.where(norms == 0, 1.0, norms)).astype(np.float32)
    return out


def _warm(
    articles: Sequence[CleanArticle], settings: Settings, embedder: Embedder, cache: Cache
) -> None:
    """Parse and embed many small stories in one batch, so that the per-story
    :func:`analyse` calls that follow find everything in the cache (spaCy and the
    embedder are several times faster on batches)."""
    statements = segment_stage.segment(articles, spacy_model=settings.spacy_model, cache=cache)
    texts = sorted({s.text for s in statements})
    if texts:
        embed_texts(texts, embedder=embedder, cache=cache)


def _run_stories(
    stories: Sequence[tuple[str, Sequence[CleanArticle]]],
    settings: Settings,
    embedder: Embedder,
    cache: Cache,
) -> tuple[list[StoryResult | None], tuple[str, ...]]:
    """Each story through :func:`analyse`; a story whose stage fails is None in the
    results and its error message is in the second item (the evaluations exclude it and
    the report counts it), so one bad sentence does not stop a run of thousands."""
    try:
        _warm([a for _, arts in stories for a in arts], settings, embedder, cache)
    except FactcheckError as err:  # warming is an optimisation; analyse() reports the error
        log.warning("batch warm-up failed, analysing story by story: %s", err)
    results: list[StoryResult | None] = []
    failures: list[str] = []
    for name, arts in stories:
        try:
            results.append(
                analyse(arts, name=name, settings=settings, embedder=embedder, cache=cache)
            )
        except StageError as err:
            log.warning("%s", err)
            failures.append(str(err))
            results.append(None)
    return results, tuple(failures)


def _fmt_thresholds(values: Sequence[float]) -> str:
    lo, hi = min(values), max(values)
    return f"{lo:.2f}" if lo == hi else f"{lo:.2f}–{hi:.2f}"


# ---------------------------------------------------------------------------------------
# Evaluations


def _pair_eval(
    name: str,
    file: str,
    population: int,
    rows: Sequence[PairRow],
    *,
    settings: Settings,
    embedder: Embedder,
    cache: Cache,
    folds: int,
    seed: int,
    grouped: bool,
) -> PairEval:
    vec = _vectors([t for r in rows for t in (r.a, r.b)], embedder, cache)
    a = np.stack([vec[r.a] for r in rows])
    b = np.stack([vec[r.b] for r in rows])
    cos = _rowdot(a, b)
    gold = np.array([r.label >= 0.5 for r in rows], dtype=bool)
    groups = [r.group for r in rows] if grouped else None
    product = [
        product_links(a[i], b[i], settings=settings, texts=(r.a, r.b)) for i, r in enumerate(rows)
    ]
    base, base_t = cv_threshold(cos, gold, k=folds, seed=seed, groups=groups)
    ca, cb = (
        _centred(np.concatenate([a, b]))[: len(rows)],
        _centred(np.concatenate([a, b]))[len(rows) :],
    )
    centred_cos = _rowdot(ca, cb)
    centred, centred_t = cv_threshold(centred_cos, gold, k=folds, seed=seed, groups=groups)
    overlap = np.array([_overlap(r.a, r.b) for r in rows], dtype=np.float64)
    hybrid, hybrid_at = _cv_hybrid(cos, overlap, gold, k=folds, seed=seed, groups=groups)
    words, words_t = cv_threshold(overlap, gold, k=folds, seed=seed, groups=groups)
    alpha, _ = _tune_hybrid(cos, overlap, gold)
    methods = (
        PairMethod(
            "product rule (align) at the default threshold",
            f"{settings.threshold:.2f}",
            Confusion.of(product, gold),
        ),
        PairMethod("baseline: MiniLM cosine, one tuned threshold", _fmt_thresholds(base_t), base),
        PairMethod(
            "experiment: cosine of set-centred vectors", _fmt_thresholds(centred_t), centred
        ),
        PairMethod(
            "experiment: (1-α)·cosine + α·word overlap",
            "α "
            + _fmt_thresholds([x for x, _ in hybrid_at])
            + ", t "
            + _fmt_thresholds([t for _, t in hybrid_at]),
            hybrid,
        ),
        PairMethod("reference: word overlap alone", _fmt_thresholds(words_t), words),
    )
    return PairEval(
        name=name,
        file=file,
        population=population,
        n=len(rows),
        positives=int(gold.sum()),
        methods=methods,
        tuned_threshold=tune_threshold(cos, gold),
        tuned_alpha=alpha,
        folds=f"{folds}-fold" + (" by topic" if grouped else ""),
        runtime_s=0.0,
        curve=tuple((t, Confusion.of(cos >= t, gold)) for t in CURVE_THRESHOLDS),
    )


def evaluate_mrpc(
    data_dir: Path,
    *,
    settings: Settings,
    embedder: Embedder,
    cache: Cache,
    sample: int | None = None,
    folds: int = 5,
    seed: int = 13,
) -> PairEval:
    """MRPC train pairs as "same fact or not": label 1 (paraphrase) should align.

    MRPC has no dev split here, so the tuned threshold is scored by k-fold
    cross-validation; ``tuned_threshold`` is the value the whole sample picks.
    """
    with _timer() as clock:
        rows = load_mrpc(data_dir / MRPC_FILE)
        result = _pair_eval(
            "MRPC",
            MRPC_FILE,
            len(rows),
            _sample(rows, sample, seed, "mrpc"),
            settings=settings,
            embedder=embedder,
            cache=cache,
            folds=folds,
            seed=seed,
            grouped=False,
        )
    return replace(result, runtime_s=clock[0])


def evaluate_ecb_pairs(
    data_dir: Path,
    *,
    settings: Settings,
    embedder: Embedder,
    cache: Cache,
    sample: int | None = None,
    folds: int = 5,
    seed: int = 13,
) -> PairEval:
    """ECB+ sentence pairs: the same event (should align) against another event of the same
    topic (should not). Folds keep a topic together: the sentences of a topic recur in
    many pairs, so random folds would leak them between tuning and scoring."""
    with _timer() as clock:
        rows = load_ecb_pairs(data_dir / ECB_PAIRS_FILE)
        result = _pair_eval(
            "ECB+ pairs",
            ECB_PAIRS_FILE,
            len(rows),
            _sample(rows, sample, seed, "ecb-pairs"),
            settings=settings,
            embedder=embedder,
            cache=cache,
            folds=folds,
            seed=seed,
            grouped=True,
        )
    return replace(result, runtime_s=clock[0])


def evaluate_stsb(
    data_dir: Path,
    *,
    embedder: Embedder,
    cache: Cache,
    sample: int | None = None,
    seed: int = 13,
    alpha: float | None = None,
) -> CorrelationEval:
    """Spearman and Pearson of our similarity against the STS-B gold score (news rows).

    The product's similarity is the cosine, so product and baseline are one row. ``alpha``
    adds the hybrid experiment with the word-overlap weight another set chose.
    """
    with _timer() as clock:
        rows = load_stsb(data_dir / STSB_FILE)
        chosen = _sample(rows, sample, seed, "stsb")
        vec = _vectors([t for r in chosen for t in (r.a, r.b)], embedder, cache)
        a = np.stack([vec[r.a] for r in chosen]) if chosen else np.zeros((0, 1), np.float32)
        b = np.stack([vec[r.b] for r in chosen]) if chosen else np.zeros((0, 1), np.float32)
        gold = np.array([r.label for r in chosen], dtype=np.float64)
        cos = _rowdot(a, b)
        both = _centred(np.concatenate([a, b]))
        centred = _rowdot(both[: len(chosen)], both[len(chosen) :])
        overlap = np.array([_overlap(r.a, r.b) for r in chosen], dtype=np.float64)
        methods = [
            CorrelationMethod(
                "product similarity = baseline: MiniLM cosine",
                spearman(cos, gold),
                pearson(cos, gold),
            ),
            CorrelationMethod(
                "experiment: cosine of set-centred vectors",
                spearman(centred, gold),
                pearson(centred, gold),
            ),
        ]
        if alpha is not None:
            mixed = (1 - alpha) * cos + alpha * overlap
            methods.append(
                CorrelationMethod(
                    f"experiment: (1-α)·cosine + α·word overlap, α = {alpha:.1f} from MRPC",
                    spearman(mixed, gold),
                    pearson(mixed, gold),
                )
            )
        methods.append(
            CorrelationMethod(
                "reference: word overlap alone", spearman(overlap, gold), pearson(overlap, gold)
            )
        )
    return CorrelationEval(
        name="STS-B news",
        file=STSB_FILE,
        population=len(rows),
        n=len(chosen),
        methods=tuple(methods),
        runtime_s=clock[0],
    )


SentKey = tuple[str, int]


def _gold_chains(docs: Sequence[EcbDoc]) -> tuple[dict[SentKey, str], int]:
    """One gold chain per annotated sentence of a subtopic, and how many had to choose.

    A sentence often mentions several events ("police *said* the man *was arrested*"). It
    gets the chain mentioned by the most documents of the subtopic, the story's main event;
    ties go to the chain mentioned first.
    """
    spread: Counter[str] = Counter()
    for d in docs:
        annotated = {s for s, _ in d.sentences}
        spread.update({c for s, cs in d.chains.items() if s in annotated for c in cs})
    gold: dict[SentKey, str] = {}
    multi = 0
    for d in docs:
        for s, _ in d.sentences:
            chains = d.chains.get(s, ())
            if not chains:
                continue
            multi += len(chains) > 1
            gold[(d.doc, s)] = max(chains, key=lambda c: (spread[c], -chains.index(c)))
    return gold, multi


def _sentence_groups(
    facts: Sequence[Sequence[str]],
    statements: Sequence[Statement],
    docs: Mapping[str, EcbDoc],
) -> list[list[SentKey]]:
    """Facts (statement IDs) as groups of sentences; a sentence goes with its first
    statement, and a sentence without statements (a fragment) is a group of its own."""
    first: dict[str, SentKey] = {}
    seen: set[SentKey] = set()
    for st in statements:
        key = (st.source_id, docs[st.source_id].sentences[st.block][0])
        if key not in seen:
            seen.add(key)
            first[st.id] = key
    groups = [[first[m] for m in fact if m in first] for fact in facts]
    groups = [g for g in groups if g]
    groups += [
        [(d.doc, s)] for d in docs.values() for s, _ in d.sentences if (d.doc, s) not in seen
    ]
    return groups


def _one_per_document(keys: Sequence[SentKey], gold: Mapping[SentKey, str]) -> list[list[SentKey]]:
    """The gold events, keeping only the first sentence of each document in each group.

    A fact holds one statement per source (two only through a strong match), so this is
    about the best inverse purity that facts can reach; its purity is 1.
    """
    groups: dict[str, list[SentKey]] = defaultdict(list)
    rest: list[list[SentKey]] = []
    seen: set[tuple[str, str]] = set()
    for key in keys:
        chain = gold.get(key)
        if chain is None or (key[0], chain) in seen:
            rest.append([key])
        else:
            seen.add((key[0], chain))
            groups[chain].append(key)
    return list(groups.values()) + rest


def _components(vectors: Vectors, threshold: float) -> list[list[int]]:
    """Connected components of "cosine >= threshold" (the naive clustering)."""
    parent = list(range(len(vectors)))

    def root(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    sim = vectors @ vectors.T
    for i, j in zip(*np.nonzero(np.triu(sim >= threshold, k=1)), strict=True):
        parent[root(int(i))] = root(int(j))
    out: dict[int, list[int]] = defaultdict(list)
    for i in range(len(vectors)):
        out[root(i)].append(i)
    return list(out.values())


@dataclass(frozen=True, slots=True)
class _Story:
    """One ECB+ subtopic, ready for the threshold sweeps."""

    topic: str
    gold: dict[SentKey, str]
    counts: dict[tuple[str, float], tuple[int, int, int]]


def _counts(
    groups: Sequence[Sequence[SentKey]], gold: Mapping[SentKey, str]
) -> tuple[int, int, int]:
    """Purity numerator, inverse-purity numerator and item count (additive over stories)."""
    keyed = [[f"{d}\0{s}" for d, s in g] for g in groups]
    p, q, n = purity(keyed, {f"{d}\0{s}": c for (d, s), c in gold.items()})
    return round(p * n), round(q * n), n


def evaluate_ecb_docs(
    data_dir: Path,
    *,
    settings: Settings,
    embedder: Embedder,
    cache: Cache,
    sample: int | None = None,
    folds: int = 5,
    seed: int = 13,
    alpha: float = 0.3,
) -> ClusterEval:
    """ECB+ subtopics as stories: do our facts group the sentences of one event?

    Each document of a subtopic is a source with one paragraph per coreference-annotated
    sentence. Purity and inverse purity are pooled over subtopics, on the sentences that
    mention a cross-document event chain. The product runs through :func:`analyse`; the
    threshold sweeps rerun :func:`factcheck.align.align` on the same statements, and the
    hybrid experiment feeds it :func:`_hybrid_vectors` with word-overlap weight ``alpha``.
    """
    with _timer() as clock:
        all_docs = [d for d in load_ecb_docs(data_dir / ECB_DOCS_FILE) if d.sentences]
        by_sub: dict[str, list[EcbDoc]] = defaultdict(list)
        for d in all_docs:
            by_sub[d.subtopic].append(d)
        names = _sample(sorted(by_sub), sample, seed, "ecb-docs")
        stories = [
            (
                sub,
                [article_from_paragraphs(d.doc, [t for _, t in d.sentences]) for d in by_sub[sub]],
            )
            for sub in names
        ]
        results, failures = _run_stories(stories, settings, embedder, cache)
        attempted = len(names)
        names = [n for n, res in zip(names, results, strict=True) if res is not None]
        done = [res for res in results if res is not None]
        prepared: list[_Story] = []
        default_counts = [0, 0, 0]
        default_groups = 0
        multi_total = 0
        for sub, result in zip(names, done, strict=True):
            docs = {d.doc: d for d in by_sub[sub]}
            gold, multi = _gold_chains(by_sub[sub])
            multi_total += multi
            statements = result.statements
            facts = align_stage.facts_of(result.graph) if result.graph is not None else []
            groups = _sentence_groups(facts, statements, docs)
            for i, v in enumerate(_counts(groups, gold)):
                default_counts[i] += v
            default_groups += len(groups)
            counts: dict[tuple[str, float], tuple[int, int, int]] = {}
            vectors = embed_texts([s.text for s in statements], embedder=embedder, cache=cache)
            keys = [(d.doc, s) for d in by_sub[sub] for s, _ in d.sentences]
            sent_vec = embed_texts(
                [t for d in by_sub[sub] for _, t in d.sentences], embedder=embedder, cache=cache
            )
            hybrid = _hybrid_vectors(vectors, [s.text for s in statements], alpha)
            for t in GROUP_THRESHOLDS:
                strong = max(settings.strong_threshold, t)
                for method, vecs in (
                    ("product", vectors),
                    ("centred", _centred(vectors)),
                    ("hybrid", hybrid),
                ):
                    graph = align_stage.align(statements, vecs, threshold=t, strong=strong)
                    counts[(method, t)] = _counts(
                        _sentence_groups(align_stage.facts_of(graph), statements, docs), gold
                    )
                comps = [[keys[i] for i in c] for c in _components(sent_vec, t)]
                counts[("baseline", t)] = _counts(comps, gold)
            counts[("singletons", 0.0)] = _counts([[k] for k in keys], gold)
            counts[("one group", 0.0)] = _counts([keys], gold)
            counts[("one per document", 0.0)] = _counts(_one_per_document(keys, gold), gold)
            prepared.append(_Story(by_sub[sub][0].topic, gold, counts))

        def pooled(method: str, t: float, idx: Sequence[int]) -> tuple[float, float]:
            p = sum(prepared[i].counts[(method, t)][0] for i in idx)
            q = sum(prepared[i].counts[(method, t)][1] for i in idx)
            n = sum(prepared[i].counts[(method, t)][2] for i in idx)
            return _ratio(p, n), _ratio(q, n)

        def best(method: str, idx: Sequence[int]) -> float:
            return max(GROUP_THRESHOLDS, key=lambda t: (_f(*pooled(method, t, idx)), -t))

        def cv(method: str) -> tuple[ClusterMethod, float]:
            p = q = n = 0
            chosen = []
            for test in _folds(len(prepared), folds, seed, [s.topic for s in prepared]):
                train = [i for i in range(len(prepared)) if i not in set(test)]
                t = best(method, train)
                chosen.append(t)
                for i in test:
                    a, b, c = prepared[i].counts[(method, t)]
                    p, q, n = p + a, q + b, n + c
            everything = list(range(len(prepared)))
            return (
                ClusterMethod("", _fmt_thresholds(chosen), _ratio(p, n), _ratio(q, n), 0),
                best(method, everything),
            )

        everything = list(range(len(prepared)))
        n_scored = default_counts[2]
        product_cv, tuned = cv("product")
        centred_cv, _ = cv("centred")
        base_cv, _ = cv("baseline")
        hybrid_cv, _ = cv("hybrid")
        methods = (
            ClusterMethod(
                "product (analyse) at the default threshold",
                f"{settings.threshold:.2f}",
                _ratio(default_counts[0], n_scored),
                _ratio(default_counts[1], n_scored),
                default_groups,
            ),
            replace(product_cv, method="product rule, threshold tuned (CV)"),
            replace(centred_cv, method="experiment: product rule on story-centred vectors (CV)"),
            replace(
                hybrid_cv,
                method=f"experiment: product rule on (1-α)·cosine + α·word overlap, α = {alpha:.1f}"
                " (CV)",
            ),
            replace(base_cv, method="baseline: connected components of cosine >= t (CV)"),
            ClusterMethod(
                "reference: every sentence alone", "–", *pooled("singletons", 0.0, everything), 0
            ),
            ClusterMethod(
                "reference: gold events, at most one sentence per document in a group",
                "–",
                *pooled("one per document", 0.0, everything),
                0,
            ),
            ClusterMethod(
                "reference: one group per subtopic", "–", *pooled("one group", 0.0, everything), 0
            ),
        )
    return ClusterEval(
        file=ECB_DOCS_FILE,
        population=len(by_sub),
        subtopics=attempted,
        failures=failures,
        documents=sum(len(by_sub[s]) for s in names),
        sentences=sum(len(d.sentences) for s in names for d in by_sub[s]),
        scored=n_scored,
        multi_chain=multi_total,
        methods=methods,
        tuned_threshold=tuned,
        runtime_s=clock[0],
        curve=tuple(
            ClusterMethod("product rule", f"{t:.2f}", *pooled("product", t, everything), 0)
            for t in GROUP_THRESHOLDS
        ),
    )


def _two_source(
    name: str, a: str, b: str, meta: ArticleMeta | None = None
) -> tuple[str, list[CleanArticle]]:
    return name, [
        article_from_paragraphs("a", [a], meta=meta),
        article_from_paragraphs("b", [b], meta=meta),
    ]


def _aligned(result: StoryResult) -> bool:
    return any(len(f.source_ids) > 1 for f in result.facts)


def evaluate_sick(
    data_dir: Path,
    *,
    settings: Settings,
    embedder: Embedder,
    cache: Cache,
    sample: int | None = 2000,
    seed: int = 13,
) -> ConflictEval:
    """Our conflict label against SICK's CONTRADICTION, each pair a two-source story.

    ``end_to_end`` is the product: a pair is flagged when a fact holds a conflict (pairs
    that do not align cannot be). ``rules_only`` runs the conflict rules on every pair of
    statements whether or not they aligned, to separate the two stages' misses.
    """
    with _timer() as clock:
        rows = load_sick(data_dir / SICK_FILE)
        chosen = _sample(rows, sample, seed, "sick")
        ran, failures = _run_stories(
            [_two_source(f"sick-{r.id}", r.a, r.b) for r in chosen], settings, embedder, cache
        )
        results = [res for res in ran if res is not None]
        gold = [r.label >= 0.5 for r, res in zip(chosen, ran, strict=True) if res is not None]
        flagged, rules, aligned, any_kind = [], [], [], []
        kinds: dict[str, list[int]] = defaultdict(lambda: [0, 0])
        for res, g in zip(results, gold, strict=True):
            conflicts = [c for f in res.facts for c in f.conflicts]
            flagged.append(any(f.label is Label.CONFLICT for f in res.facts))
            any_kind.append(bool(conflicts))
            aligned.append(_aligned(res))
            for kind in sorted({str(c.kind) for c in conflicts}):
                kinds[kind][0 if g else 1] += 1
            rules.append(_rules_flag(res, embedder, cache))
    return ConflictEval(
        file=SICK_FILE,
        population=len(rows),
        n=len(results),
        contradictions=sum(gold),
        failures=failures,
        end_to_end=Confusion.of(flagged, gold),
        with_claim=Confusion.of(any_kind, gold),
        rules_only=Confusion.of(rules, gold),
        aligned=Confusion.of(aligned, gold),
        kinds=tuple((k, v[0], v[1]) for k, v in sorted(kinds.items())),
        runtime_s=clock[0],
    )


def _rules_flag(result: StoryResult, embedder: Embedder, cache: Cache) -> bool:
    """Whether the conflict rules fire on any cross-source pair, aligned or not."""
    statements = result.statements
    if len(statements) < 2:
        return False
    vectors = embed_texts([s.text for s in statements], embedder=embedder, cache=cache)
    context = ConflictContext.of(statements)
    for i, j in combinations(range(len(statements)), 2):
        a, b = statements[i], statements[j]
        if a.source_id == b.source_id:
            continue
        sim = float(vectors[i] @ vectors[j])
        if find_conflicts(a, b, similarity=sim, context=context):
            return True
    return False


def _numbers(text: str) -> Counter[str]:
    """Numbers written in digits, normalised ("1,000" and "1000" agree)."""
    out: Counter[str] = Counter()
    for m in _NUMBER.findall(text):
        try:
            out[repr(float(m.replace(",", "")))] += 1
        except ValueError:
            continue
    return out


def evaluate_mrpc_numeric(
    data_dir: Path,
    *,
    settings: Settings,
    embedder: Embedder,
    cache: Cache,
    sample: int | None = None,
    seed: int = 13,
    examples: int = 10,
) -> NumericEval:
    """Value/date conflicts on MRPC non-paraphrase pairs whose numbers differ.

    The pool is every label-0 pair where both sentences hold numbers in digits and the
    multisets differ. Whether two numbers "refer to the same thing" cannot be checked
    automatically, so ``verified`` counts the flagged pairs whose conflicting values both
    contain digits and differ as numbers; a seeded sample of flagged pairs goes into the
    report for a reader to judge. The control is label-1 pairs (paraphrases) with the same
    numbers on both sides, where a value conflict is almost surely a false alarm.
    """
    with _timer() as clock:
        rows = load_mrpc(data_dir / MRPC_FILE)
        nums = {r.id: (_numbers(r.a), _numbers(r.b)) for r in rows}
        pool = [
            r for r in rows if r.label < 0.5 and all(nums[r.id]) and nums[r.id][0] != nums[r.id][1]
        ]
        control_pool = [
            r for r in rows if r.label >= 0.5 and nums[r.id][0] and nums[r.id][0] == nums[r.id][1]
        ]
        chosen = _sample(pool, sample, seed, "mrpc-numeric")
        control = _sample(control_pool, len(chosen), seed, "mrpc-numeric-control")
        ran, failures = _run_stories(
            [_two_source(f"mrpc-{r.id}", r.a, r.b) for r in chosen + control],
            settings,
            embedder,
            cache,
        )
        done = [(r, res) for r, res in zip(chosen, ran[: len(chosen)], strict=True) if res]
        control_done = [res for res in ran[len(chosen) :] if res is not None]
        numeric = {ConflictKind.VALUE, ConflictKind.DATE}
        flagged_rows = []
        verified = aligned = 0
        for r, res in done:
            aligned += _aligned(res)
            found = [c for f in res.facts for c in f.conflicts if c.kind in numeric]
            if not found:
                continue
            c = found[0]
            flagged_rows.append(NumericExample(r.a, r.b, c.value_a, c.value_b, str(c.kind)))
            va, vb = _numbers(c.value_a), _numbers(c.value_b)
            verified += bool(va and vb and va != vb)
        control_flagged = sum(
            any(c.kind in numeric for f in res.facts for c in f.conflicts) for res in control_done
        )
    return NumericEval(
        file=MRPC_FILE,
        pool=len(pool),
        n=len(done),
        aligned=aligned,
        flagged=len(flagged_rows),
        verified=verified,
        control_pool=len(control_pool),
        control_n=len(control_done),
        failures=failures,
        control_flagged=control_flagged,
        examples=tuple(_sample(flagged_rows, examples, seed, "mrpc-numeric-examples")),
        runtime_s=clock[0],
    )


def evaluate_basil(
    data_dir: Path,
    *,
    settings: Settings,
    embedder: Embedder,
    cache: Cache,
    sample: int | None = None,
    seed: int = 13,
) -> FramingEval:
    """BASIL triplets as three-source stories: do bias spans fall where we flag?

    Every sentence is a paragraph of its own, so a statement's ``block`` is its sentence.
    A lexical span counts as found when its sentence has a statement in a fact with a
    framing note (``marked``: the statement is one the note names); an informational span
    when its sentence has a statement in a unique fact. Precision is estimated per flagged
    statement: does its sentence carry a span of the matching kind?
    """
    with _timer() as clock:
        triplets = load_basil(data_dir / BASIL_FILE)
        chosen = _sample(triplets, sample, seed, "basil")
        stories = [
            (
                t[0].triplet,
                [
                    article_from_paragraphs(
                        a.source,
                        a.sentences,
                        meta=ArticleMeta(outlet=a.source, published=a.published),
                    )
                    for a in t
                ],
            )
            for t in chosen
        ]
        results, failures = _run_stories(stories, settings, embedder, cache)
        done = [(t, res) for t, res in zip(chosen, results, strict=True) if res is not None]
        c: Counter[str] = Counter()
        for t, res in done:
            _count_basil(t, res, c)
        sweep = tuple(_framing_sweep_row(done, v) for v in FRAMING_SWEEP)
        examples = _framing_examples([res for _, res in done], seed)
    return FramingEval(
        file=BASIL_FILE,
        population=len(triplets),
        triplets=len(chosen),
        failures=failures,
        runtime_s=clock[0],
        sweep=sweep,
        examples=examples,
        **{name: c[name] for name in _BASIL_COUNTS},
    )


@contextmanager
def _min_shared(value: float) -> Iterator[None]:
    """:data:`factcheck.framing.MIN_SHARED_CONTENT` set to ``value`` for a sweep."""
    old = framing_stage.MIN_SHARED_CONTENT
    framing_stage.MIN_SHARED_CONTENT = value
    try:
        yield
    finally:
        framing_stage.MIN_SHARED_CONTENT = old


def _framing_sweep_row(
    done: Sequence[tuple[Sequence[BasilRow], StoryResult]], value: float
) -> FramingSweepRow:
    """The framing notes of finished stories redone at another same-claim overlap (the
    other stages do not read it, so only :func:`factcheck.framing.annotate` reruns)."""
    c: Counter[str] = Counter()
    notes = 0
    with _min_shared(value):
        for t, res in done:
            bare = [replace(f, framing=()) for f in res.facts]
            facts = framing_stage.annotate(bare, res.statements, res.quotes)
            notes += sum(len(f.framing) for f in facts)
            _count_basil(t, replace(res, facts=facts), c)
    return FramingSweepRow(
        value, notes, c["marked_statements"], c["marked_with_lex"], c["lex_in_marked"]
    )


def _framing_examples(results: Sequence[StoryResult], seed: int) -> tuple[FramingExample, ...]:
    """A seeded sample of the product's framing notes, for a reader to judge whether the
    two sentences tell one claim (what the span counts cannot say)."""
    found = []
    for res in results:
        text = {s.id: s.text for s in res.statements}
        for f in res.facts:
            for n in f.framing:
                against = text.get(n.diff_against or "", "")
                found.append(FramingExample(str(n.kind), n.explanation, text[n.marked[0]], against))
    rng = random.Random(f"{seed}:basil-notes")
    picked = sorted(rng.sample(range(len(found)), min(FRAMING_EXAMPLES, len(found))))
    return tuple(found[i] for i in picked)


_BASIL_COUNTS = (
    "sentences",
    "statements",
    "lex_spans",
    "inf_spans",
    "unplaced",
    "lex_in_framing",
    "lex_in_marked",
    "inf_in_unique",
    "framing_statements",
    "framing_with_lex",
    "marked_statements",
    "marked_with_lex",
    "unique_statements",
    "unique_with_inf",
    "statements_with_lex",
    "statements_with_inf",
    "source_pairs",
    "derived_pairs",
    "cited_pairs",
    "echoed_unique",
    "unique_facts",
)


def _count_basil(triplet: Sequence[BasilRow], result: StoryResult, c: Counter[str]) -> None:
    # Three outlets covering one event on their own: every rewrite found is a false alarm
    # (or, rarely, a real one; the report names them).
    n = len(result.articles)
    c["source_pairs"] += n * (n - 1) // 2
    cites = sum(d.kind is DerivationKind.CITES for d in result.derivations)
    c["derived_pairs"] += len(result.derivations) - cites
    c["cited_pairs"] += cites
    spans: dict[tuple[str, int], set[str]] = defaultdict(set)
    for art in triplet:
        c["sentences"] += len(art.sentences)
        c["unplaced"] += art.unplaced
        for kind, k in art.spans:
            spans[(art.source, k)].add(kind)
            c["lex_spans" if kind == "lex" else "inf_spans"] += kind in {"lex", "inf"}
    framing: set[str] = set()
    marked: set[str] = set()
    unique: set[str] = set()
    for f in result.facts:
        if f.framing:
            framing.update(f.statement_ids)
            marked.update(m for note in f.framing for m in note.marked)
        if f.coverage is Coverage.UNIQUE:
            unique.update(f.statement_ids)
            c["echoed_unique"] += bool(f.echoes)
            c["unique_facts"] += 1
    flagged: dict[str, set[tuple[str, int]]] = defaultdict(set)
    for st in result.statements:
        key = (st.source_id, st.block)
        has = spans.get(key, set())
        c["statements"] += 1
        c["statements_with_lex"] += "lex" in has
        c["statements_with_inf"] += "inf" in has
        for name, members, kind in (
            ("framing", framing, "lex"),
            ("marked", marked, "lex"),
            ("unique", unique, "inf"),
        ):
            if st.id in members:
                flagged[name].add(key)
                c[f"{name}_statements"] += 1
                c[f"{name}_with_{kind}"] += kind in has
    for art in triplet:
        for kind, k in art.spans:
            key = (art.source, k)
            if kind == "lex":
                c["lex_in_framing"] += key in flagged["framing"]
                c["lex_in_marked"] += key in flagged["marked"]
            elif kind == "inf":
                c["inf_in_unique"] += key in flagged["unique"]


# ---------------------------------------------------------------------------------------
# The whole run


def _framing_sweep_lines(b: FramingEval) -> list[str]:
    if not b.sweep:
        return []
    default = framing_stage.MIN_SHARED_CONTENT
    out = [
        "**Same-claim overlap.** A framing note sets two statements against each other only "
        "when their content words overlap (Jaccard) at least `MIN_SHARED_CONTENT`; otherwise "
        "the aligner's loosest groupings would get notes on sentences that tell different "
        "claims. The same stories at other values (only the framing stage reruns):",
        "",
        "| overlap | notes | marked statements | precision: marked with a lexical span "
        "| lexical spans in marked |",
        "|---:|---:|---:|---:|---:|",
        *(
            f"| {row.min_shared:.2f}{' (default)' if row.min_shared == default else ''} "
            f"| {row.notes} | {row.marked_statements} "
            f"| {_share(row.marked_with_lex, row.marked_statements)} "
            f"| {_share(row.lex_in_marked, b.lex_spans)} |"
            for row in b.sweep
        ),
        "",
        "The span precision barely moves with the overlap, because BASIL's spans mark bias "
        "within one article, not whether two sentences tell one claim. A seeded sample of the "
        "default's notes, for a reader to judge that:",
        "",
        "| kind | note | marked sentence | set against |",
        "|---|---|---|---|",
        *(
            f"| {e.kind} | {_cell(e.explanation, 160)} | {_cell(e.marked, 160)} "
            f"| {_cell(e.against, 160)} |"
            for e in b.examples
        ),
        "",
    ]
    return out


def _tuned(report: EvalReport) -> tuple[TunedValue, ...]:
    out = []
    default = f"{report.threshold:.2f}"
    if report.mrpc:
        out.append(
            TunedValue(
                "alignment threshold (pairs)",
                f"MRPC train, {report.mrpc.n} pairs",
                f"balanced accuracy, {report.folds}-fold CV",
                f"{report.mrpc.tuned_threshold:.2f}",
                default,
            )
        )
        out.append(
            TunedValue(
                "experiment: word-overlap weight α",
                f"MRPC train, {report.mrpc.n} pairs",
                "balanced accuracy, jointly with t",
                f"{report.mrpc.tuned_alpha:.1f}",
                "– (not in the product)",
            )
        )
    if report.ecb_pairs:
        out.append(
            TunedValue(
                "alignment threshold (pairs)",
                f"ECB+ pairs, {report.ecb_pairs.n} pairs",
                "balanced accuracy, CV by topic",
                f"{report.ecb_pairs.tuned_threshold:.2f}",
                default,
            )
        )
    if report.basil and report.basil.sweep:
        out.append(
            TunedValue(
                "framing same-claim overlap (`MIN_SHARED_CONTENT`)",
                f"BASIL, {report.basil.triplets} triplets",
                "validity of the notes, read by hand on samples (span precision is flat "
                "across the sweep above)",
                f"{framing_stage.MIN_SHARED_CONTENT:.2f}",
                f"{framing_stage.MIN_SHARED_CONTENT:.2f}",
            )
        )
    if report.ecb_docs:
        out.append(
            TunedValue(
                "alignment threshold (stories)",
                f"ECB+ docs, {report.ecb_docs.subtopics} subtopics",
                "F of purity and inverse purity, CV by topic (rewards lumping: see above)",
                f"{report.ecb_docs.tuned_threshold:.2f}",
                default,
            )
        )
    return tuple(out)


def run_all(
    data_dir: Path,
    *,
    settings: Settings,
    embedder: Embedder | None = None,
    cache: Cache | None = None,
    samples: SampleSizes = FULL,
    seed: int = 13,
    folds: int = 5,
    on_set: Callable[[str], None] | None = None,
) -> EvalReport:
    """Run every evaluation whose file is present under ``data_dir``.

    Args:
        data_dir: a folder with the eval-data layout (see the module docstring).
        settings: the thresholds under test; ``settings.cache_dir`` keeps parses and
            vectors between runs (a warm re-run does no model work).
        embedder: overrides the sentence-transformers model (tests pass a fake one).
        cache: overrides the cache built from ``settings.cache_dir``.
        samples: how much of each set to use.
        seed: seeds every sample and every fold split.
        folds: k of the k-fold cross-validation.
        on_set: called with a set's name when its evaluation starts (progress display).

    Raises:
        CorpusError: ``data_dir`` is missing or holds none of the sets, or a file is
            malformed. A single missing set is only listed in ``report.skipped``.
    """
    if not data_dir.is_dir():
        raise CorpusError(data_dir, f"no evaluation data folder here; {DATA_HELP}")
    present = {name: (data_dir / f).is_file() for name, f in SET_FILES.items()}
    if not any(present.values()):
        raise CorpusError(data_dir, f"none of the evaluation sets found; {DATA_HELP}")
    own_cache = cache is None
    if cache is None:
        existed = (
            settings.cache_dir is not None and (settings.cache_dir / "cache-v1.sqlite").exists()
        )
        state = "off" if settings.cache_dir is None else ("warm" if existed else "cold")
        cache = Cache(settings.cache_dir)
    else:
        state = "supplied by the caller"
    model = embedder or SentenceTransformerEmbedder(settings.model)
    common: dict[str, Any] = {"settings": settings, "embedder": model, "cache": cache, "seed": seed}
    report = EvalReport(
        data_dir=str(data_dir),
        seed=seed,
        folds=folds,
        threshold=settings.threshold,
        strong_threshold=settings.strong_threshold,
        model=model.model_id,
        spacy_model=settings.spacy_model,
        samples=samples,
        cache=state,
    )
    skipped = [(name, f"{SET_FILES[name]} not found") for name, ok in present.items() if not ok]
    start = time.perf_counter()

    def step(name: str) -> bool:
        if present[name] and on_set is not None:
            on_set(name)
        return present[name]

    try:
        if step("mrpc"):
            report = replace(
                report, mrpc=evaluate_mrpc(data_dir, sample=samples.mrpc, folds=folds, **common)
            )
        if step("stsb"):
            alpha = report.mrpc.tuned_alpha if report.mrpc else None
            report = replace(
                report,
                stsb=evaluate_stsb(
                    data_dir,
                    embedder=model,
                    cache=cache,
                    sample=samples.stsb,
                    seed=seed,
                    alpha=alpha,
                ),
            )
        if step("ecb-pairs"):
            report = replace(
                report,
                ecb_pairs=evaluate_ecb_pairs(
                    data_dir, sample=samples.ecb_pairs, folds=folds, **common
                ),
            )
        if step("ecb-docs"):
            report = replace(
                report,
                ecb_docs=evaluate_ecb_docs(
                    data_dir,
                    sample=samples.ecb_subtopics,
                    folds=folds,
                    alpha=report.mrpc.tuned_alpha if report.mrpc else 0.3,
                    **common,
                ),
            )
        if step("sick"):
            report = replace(report, sick=evaluate_sick(data_dir, sample=samples.sick, **common))
        if step("mrpc-numeric"):
            report = replace(
                report,
                mrpc_numeric=evaluate_mrpc_numeric(data_dir, sample=samples.mrpc_numeric, **common),
            )
        if step("basil"):
            report = replace(report, basil=evaluate_basil(data_dir, sample=samples.basil, **common))
    finally:
        if own_cache:
            cache.close()
    report = replace(
        report, skipped=tuple(skipped), runtime_s=round(time.perf_counter() - start, 1)
    )
    return replace(report, tuned=_tuned(report))


def eval_main(
    data_dir: Path,
    *,
    out: Path | None = None,
    quick: bool = False,
    settings: Settings | None = None,
    embedder: Embedder | None = None,
    command: str | None = None,
    on_set: Callable[[str], None] | None = None,
) -> tuple[EvalReport, str]:
    """Run the evaluation and render it; what ``factcheck eval`` calls.

    Args:
        data_dir: the data folder (see the module docstring for the layout).
        out: where to write the markdown (atomically); None writes nothing.
        quick: small samples (:data:`QUICK`) for a smoke run; the default is :data:`FULL`.
        settings: thresholds under test; by default the product defaults with the
            persistent cache (:func:`factcheck.settings.default_cache_dir`).
        embedder: overrides the model (tests).
        command: the command line shown in the document as the way to reproduce it.
        on_set: progress callback, called with each set's name.

    Returns:
        The report and its markdown.

    Raises:
        CorpusError: no data folder or no set in it (the message says where to get one).
    """
    settings = settings or Settings(cache_dir=default_cache_dir())
    report = run_all(
        data_dir,
        settings=settings,
        embedder=embedder,
        samples=QUICK if quick else FULL,
        on_set=on_set,
    )
    cmd = command or f"factcheck eval {data_dir}" + (" --quick" if quick else "")
    text = render_evaluation_md(report, RunInfo.here(cmd))
    if out is not None:
        write_atomic(out, text)
    return report, text


# ---------------------------------------------------------------------------------------
# Rendering


def _x(v: float) -> str:
    return "n/a" if math.isnan(v) else f"{v:.3f}"


def _share(num: int, den: int) -> str:
    return f"{_x(_ratio(num, den))} ({num}/{den})"


def _of(n: int, population: int, unit: str) -> str:
    return f"{n} {unit}" if n == population else f"{n} of {population} {unit} (sample)"


def _pair_table(ev: PairEval) -> list[str]:
    lines = [
        f"### {ev.name} (`{ev.file}`)",
        "",
        f"{_of(ev.n, ev.population, 'pairs')}, {ev.positives} positive; thresholds tuned by "
        f"{ev.folds} cross-validation (each fold scored with the value tuned on the others); "
        f"runtime {ev.runtime_s:.1f} s.",
        "",
        "| method | threshold | accuracy | F1 | balanced accuracy | precision | recall |",
        "|---|---|---:|---:|---:|---:|---:|",
    ]
    for m in ev.methods:
        s = m.scores
        lines.append(
            f"| {m.method} | {m.threshold} | {_x(s.accuracy)} | {_x(s.f1)} | "
            f"{_x(s.balanced_accuracy)} | {_x(s.precision)} | {_x(s.recall)} |"
        )
    lines += [
        "",
        f"Threshold the whole {ev.name} sample picks (balanced accuracy): "
        f"**{ev.tuned_threshold:.2f}**. The product rule at other thresholds (in-sample, "
        "for choosing a default):",
        "",
        "| threshold | accuracy | F1 | balanced accuracy | precision | recall |",
        "|---:|---:|---:|---:|---:|---:|",
        *(
            f"| {t:.2f} | {_x(c.accuracy)} | {_x(c.f1)} | {_x(c.balanced_accuracy)} | "
            f"{_x(c.precision)} | {_x(c.recall)} |"
            for t, c in ev.curve
        ),
        "",
    ]
    return lines


def _summary(r: EvalReport) -> list[str]:
    lines = [
        "| set | measure | product (defaults) | naive baseline | n | runtime |",
        "|---|---|---|---|---|---:|",
    ]

    def pair_row(ev: PairEval, measure: str, pick: Callable[[Confusion], str]) -> str:
        product, base = ev.methods[0].scores, ev.methods[1].scores
        return (
            f"| {ev.name} | {measure} | {pick(product)} | "
            f"{pick(base)} (t {ev.methods[1].threshold}) "
            f"| {_of(ev.n, ev.population, 'pairs')} | {ev.runtime_s:.1f} s |"
        )

    if r.mrpc:
        lines.append(
            pair_row(
                r.mrpc,
                "accuracy / F1 / balanced accuracy",
                lambda s: f"{_x(s.accuracy)} / {_x(s.f1)} / {_x(s.balanced_accuracy)}",
            )
        )
    if r.stsb:
        rho = r.stsb.methods[0].spearman
        lines.append(
            f"| STS-B news | Spearman ρ of similarity vs gold | {_x(rho)} | "
            f"{_x(rho)} (same cosine) "
            f"| {_of(r.stsb.n, r.stsb.population, 'pairs')} | {r.stsb.runtime_s:.1f} s |"
        )
    if r.ecb_pairs:
        lines.append(
            pair_row(
                r.ecb_pairs,
                "balanced accuracy (same event vs same topic)",
                lambda s: _x(s.balanced_accuracy),
            )
        )
    if r.ecb_docs:
        d = r.ecb_docs
        p, b = d.methods[0], next(m for m in d.methods if m.method.startswith("baseline"))
        lines.append(
            f"| ECB+ docs | purity / inverse purity of fact groups | {_x(p.purity)} / "
            f"{_x(p.inverse_purity)} | {_x(b.purity)} / {_x(b.inverse_purity)} (t {b.threshold}) "
            f"| {_of(d.subtopics, d.population, 'subtopics')}, {d.scored} sentences "
            f"| {d.runtime_s:.1f} s |"
        )
    if r.sick:
        s = r.sick.end_to_end
        lines.append(
            f"| SICK | conflict vs CONTRADICTION: precision / recall / F1 | {_x(s.precision)} / "
            f"{_x(s.recall)} / {_x(s.f1)} | – | {_of(r.sick.n, r.sick.population, 'pairs')} "
            f"| {r.sick.runtime_s:.1f} s |"
        )
    if r.mrpc_numeric:
        m = r.mrpc_numeric
        lines.append(
            f"| MRPC numbers | numeric conflicts: precision proxy (flagged values differ) / "
            f"flag rate | {_x(_ratio(m.verified, m.flagged))} / {_x(_ratio(m.flagged, m.n))} | – "
            f"| {_of(m.n, m.pool, 'pairs')} | {m.runtime_s:.1f} s |"
        )
    if r.basil:
        b2 = r.basil
        lines.append(
            f"| BASIL | lexical spans in framing / informational spans in unique facts | "
            f"{_x(_ratio(b2.lex_in_framing, b2.lex_spans))} / "
            f"{_x(_ratio(b2.inf_in_unique, b2.inf_spans))} | – "
            f"| {_of(b2.triplets, b2.population, 'triplets')} | {b2.runtime_s:.1f} s |"
        )
    return lines


def render_evaluation_md(report: EvalReport, run: RunInfo | None = None) -> str:
    """``docs/evaluation.md`` for a report: a pure function of its inputs.

    ``run`` adds the command, date and machine to the header; without it the document
    depends only on the report (the runtimes are in the report).
    """
    r = report
    out = [
        "# Evaluation",
        "",
        "How well factcheck's own stages (segmentation, alignment, conflicts, framing) do on "
        "public labelled data, next to a naive baseline (MiniLM cosine with one tuned "
        "threshold). Generated by `factcheck/evaluate.py`; do not edit by hand.",
        "",
    ]
    if run is not None:
        out += [
            f"- Reproduce: `{run.command}` (or `make eval`)",
            f"- Date: {run.date}; machine: {run.machine}",
        ]
    out += [
        f"- Data: `{Path(r.data_dir).name}/` (layout below); seed {r.seed}; "
        f"{r.folds}-fold cross-validation where a value is tuned",
        f"- Model: `{r.model}`; spaCy `{r.spacy_model}`; settings under test: threshold "
        f"{r.threshold:.2f}, strong threshold {r.strong_threshold:.2f}",
        f"- Cache at start: {r.cache}; total runtime {r.runtime_s:.1f} s",
        "",
    ]
    if r.skipped:
        out += ["Skipped: " + "; ".join(f"{name} ({why})" for name, why in r.skipped), ""]
    out += ["## Summary", "", *_summary(r), ""]

    out += ["## Alignment: same fact or not", ""]
    if r.mrpc or r.ecb_pairs:
        out += [
            "A pair is two single-statement sources. The product's aligner links them iff "
            "their cosine reaches the threshold (mutual best match is automatic with one "
            "statement each; the anti-chaining split needs three), so for pairs **the product "
            "rule is the baseline's rule** and the two differ only in the threshold. The "
            "experiments try other scores with their own cross-validated thresholds.",
            "",
        ]
    for ev in (r.mrpc, r.ecb_pairs):
        if ev:
            out += _pair_table(ev)
    if r.stsb:
        s = r.stsb
        out += [
            f"### STS-B news (`{s.file}`)",
            "",
            f"{_of(s.n, s.population, 'main-news pairs')}; runtime {s.runtime_s:.1f} s.",
            "",
            "| similarity | Spearman ρ | Pearson r |",
            "|---|---:|---:|",
            *(f"| {m.method} | {_x(m.spearman)} | {_x(m.pearson)} |" for m in s.methods),
            "",
        ]
    if r.ecb_docs:
        d = r.ecb_docs
        out += [
            f"### ECB+ documents (`{d.file}`)",
            "",
            f"{_of(d.subtopics, d.population, 'subtopics')} run as stories ({d.documents} "
            f"documents, {d.sentences} coreference-annotated sentences, one paragraph each). "
            f"Scored on the {d.scored} sentences that mention a cross-document event chain; "
            f"{d.multi_chain} of them mention several, and count for the chain that most "
            "documents of the subtopic mention (ties: the first mentioned). Thresholds tried: "
            f"{GROUP_THRESHOLDS[0]:.2f} to {GROUP_THRESHOLDS[-1]:.2f} in steps of 0.05, tuned "
            "by cross-validation over subtopics (folds by topic) on F, the harmonic mean of "
            f"purity and inverse purity. Runtime {d.runtime_s:.1f} s.",
            "",
            "| grouping | threshold | purity | inverse purity | F | groups |",
            "|---|---|---:|---:|---:|---:|",
            *(
                f"| {m.method} | {m.threshold} | {_x(m.purity)} | {_x(m.inverse_purity)} | "
                f"{_x(m.f)} | {m.groups or '–'} |"
                for m in d.methods
            ),
            "",
            "The product rule at each threshold tried (all subtopics, in-sample):",
            "",
            "| threshold | " + " | ".join(m.threshold for m in d.curve) + " |",
            "|---|" + "---:|" * len(d.curve),
            "| purity | " + " | ".join(_x(m.purity) for m in d.curve) + " |",
            "| inverse purity | " + " | ".join(_x(m.inverse_purity) for m in d.curve) + " |",
            "| F | " + " | ".join(_x(m.f) for m in d.curve) + " |",
            "",
            f"Threshold all subtopics pick: **{d.tuned_threshold:.2f}**. The product never "
            "links two statements of one source directly, so sentences of one document about "
            "one event meet only through other documents; that caps inverse purity.",
            "",
            *_failed(d.failures, "subtopics"),
        ]

    out += ["## Contradiction", ""]
    if r.sick:
        s2 = r.sick
        e, ro, al, wc = s2.end_to_end, s2.rules_only, s2.aligned, s2.with_claim
        out += [
            f"### SICK (`{s2.file}`)",
            "",
            f"{_of(s2.n, s2.population, 'pairs')}, {s2.contradictions} labelled CONTRADICTION; "
            f"each pair a two-source story through `analyse()`. Runtime {s2.runtime_s:.1f} s.",
            "",
            "| flagged when | precision | recall | F1 | flagged |",
            "|---|---:|---:|---:|---:|",
            f"| product: a fact labelled conflict | {_x(e.precision)} | {_x(e.recall)} | "
            f"{_x(e.f1)} | {e.tp + e.fp} |",
            f"| counting claim divergences too (the weaker kind, not a conflict label) | "
            f"{_x(wc.precision)} | {_x(wc.recall)} | {_x(wc.f1)} | {wc.tp + wc.fp} |",
            f"| conflict rules on every cross-source pair, aligned or not | {_x(ro.precision)} "
            f"| {_x(ro.recall)} | {_x(ro.f1)} | {ro.tp + ro.fp} |",
            "",
            f"The pair aligned for {_share(al.tp, al.tp + al.fn)} of the contradictions and "
            f"{_share(al.tp + al.fp, al.n)} of all pairs. Conflict kinds among flagged pairs "
            "(true / false positives): "
            + (", ".join(f"{k} {tp}/{fp}" for k, tp, fp in s2.kinds) or "none")
            + ". SICK contradictions are mostly negation and antonyms in image captions; "
            "our conflicts are typed values and events, so low recall is expected.",
            "",
            *_failed(s2.failures, "pairs"),
        ]
    if r.mrpc_numeric:
        m = r.mrpc_numeric
        out += [
            f"### MRPC pairs that differ in a number (`{m.file}`)",
            "",
            f"Pool: the {m.pool} non-paraphrase pairs whose sentences both hold numbers in "
            f"digits that differ; {_of(m.n, m.pool, 'pairs')} used. Runtime {m.runtime_s:.1f} s.",
            "",
            "| measure | value |",
            "|---|---:|",
            f"| aligned as one fact | {_share(m.aligned, m.n)} |",
            f"| flagged with a value or date conflict | {_share(m.flagged, m.n)} |",
            f"| precision proxy: flagged pairs whose two conflicting values hold different "
            f"numbers | {_share(m.verified, m.flagged)} |",
            f"| false alarms: paraphrase pairs with the same numbers on both sides that get "
            f"a value/date conflict | {_share(m.control_flagged, m.control_n)} |",
            "",
            "The proxy checks that a conflict points at numbers that really differ, not that "
            "they measure the same thing. A seeded sample of flagged pairs, for a reader to "
            "judge:",
            "",
            "| sentence A | sentence B | conflict |",
            "|---|---|---|",
            *(
                f"| {_cell(x.a)} | {_cell(x.b)} | {x.kind}: {_cell(x.value_a)} ≠ "
                f"{_cell(x.value_b)} |"
                for x in m.examples
            ),
            "",
            *_failed(m.failures, "pairs"),
        ]

    if r.basil:
        b = r.basil
        out += [
            "## Framing",
            "",
            f"### BASIL (`{b.file}`)",
            "",
            f"{_of(b.triplets, b.population, 'triplets')} (Fox, NYT, HuffPost), each a "
            f"three-source story with one paragraph per sentence: {b.sentences} sentences, "
            f"{b.statements} statements, {b.lex_spans} lexical and {b.inf_spans} informational "
            f"bias spans ({b.unplaced} spans could not be placed on a sentence). Runtime "
            f"{b.runtime_s:.1f} s.",
            "",
            "| measure | value | base rate (all statements) |",
            "|---|---:|---:|",
            f"| lexical spans in a statement of a framing fact | "
            f"{_share(b.lex_in_framing, b.lex_spans)} | "
            f"{_share(b.framing_statements, b.statements)} flagged |",
            f"| lexical spans in a statement a framing note marks | "
            f"{_share(b.lex_in_marked, b.lex_spans)} | "
            f"{_share(b.marked_statements, b.statements)} flagged |",
            f"| informational spans in a statement of a unique fact | "
            f"{_share(b.inf_in_unique, b.inf_spans)} | "
            f"{_share(b.unique_statements, b.statements)} flagged |",
            f"| precision estimate: framing-fact statements carrying a lexical span | "
            f"{_share(b.framing_with_lex, b.framing_statements)} | "
            f"{_share(b.statements_with_lex, b.statements)} carry one |",
            f"| precision estimate: marked statements carrying a lexical span | "
            f"{_share(b.marked_with_lex, b.marked_statements)} | "
            f"{_share(b.statements_with_lex, b.statements)} carry one |",
            f"| precision estimate: unique-fact statements carrying an informational span | "
            f"{_share(b.unique_with_inf, b.unique_statements)} | "
            f"{_share(b.statements_with_inf, b.statements)} carry one |",
            "",
            "A flag is useful when its precision beats the base rate of the last column; "
            "a recall near the share of statements flagged means the flag is no better "
            "than chance at finding spans.",
            "",
            "Provenance: the three outlets of a triplet report the event on their own, so a "
            "pair read as a rewrite or copy is a false alarm unless one really follows the "
            f"other: {_share(b.derived_pairs, b.source_pairs)} pairs flagged. A pair where "
            "one names the other's outlet as where it has its facts from is a citation, "
            f"counted apart: {_share(b.cited_pairs, b.source_pairs)} pairs.",
            "",
            "Unique facts whose figures another source states inside a longer sentence "
            f"(`echoes`): {_share(b.echoed_unique, b.unique_facts)} of the unique facts.",
            "",
            *_framing_sweep_lines(b),
            *_failed(b.failures, "triplets"),
        ]

    findings = _findings(r)
    if findings:
        out += ["## Reading the numbers", "", *findings, ""]
    if r.tuned:
        out += [
            "## Tuning: which set tuned what",
            "",
            "| value | tuned on | objective | tuned value | product default now |",
            "|---|---|---|---:|---:|",
            *(
                f"| {t.name} | {t.tuned_on} | {t.objective} | {t.value} | {t.default} |"
                for t in r.tuned
            ),
            "",
            "None of these sets has a separate dev split in this layout, so every score next "
            "to a tuned value is cross-validated, except the framing overlap, which was chosen "
            "by reading notes. The conflict rules have no numeric knobs; SICK and MRPC numbers "
            "measure them at the defaults.",
            "",
        ]
    out += [
        "## Samples",
        "",
        "| set | sample size (None = all) |",
        "|---|---|",
        *(f"| {k} | {v if v is not None else 'all'} |" for k, v in _sample_rows(r.samples)),
        "",
        'Samples are drawn with `random.Random(f"{seed}:{set}")`, kept in file order.',
        "",
        "## Caveats",
        "",
        "- MRPC label 1 means *paraphrase*, which is stricter than *same fact*: many label-0 "
        "pairs state the same fact with extra detail or a different number, which the product "
        "should align (and flag). Read MRPC precision as a lower bound.",
        "- ECB+ pair texts and documents are tokenised; they are detokenised with simple "
        "rules (`` `` `` and `''` to `\"`, no space before punctuation or clitics).",
        "- BASIL spans mark bias, not divergence between outlets; a lexical span in a "
        "statement no other outlet shares cannot be a framing divergence.",
        "- The model's training data (all-MiniLM-L6-v2) is not known to include these sets, "
        "but overlap with its web and news training text cannot be ruled out.",
        "",
        "## Data layout (to score your own split)",
        "",
        "Any folder with these files works; a missing file skips its set.",
        "",
        "| file | format |",
        "|---|---|",
        f"| `{MRPC_FILE}` | TSV, UTF-8 (BOM allowed), no header: quality(0/1), id1, id2, "
        "sentence1, sentence2 |",
        f"| `{STSB_FILE}` | TSV, no header: genre, file, year, id, score 0–5, sentence1, "
        "sentence2, extra columns ignored; rows of genre `main-news` are used |",
        f"| `{SICK_FILE}` | TSV with header naming pair_ID, sentence_A, sentence_B, "
        "entailment_label (CRLF allowed) |",
        f"| `{ECB_PAIRS_FILE}` | JSONL: label (`same_event` or other), topic, doc_a, sent_a, "
        "text_a, doc_b, sent_b, text_b |",
        f"| `{ECB_DOCS_FILE}` | JSONL: topic, subtopic, doc, sentences [{{sent, text, "
        "coref_annotated}}], mentions [{sent, tag, chain, chain_kind}] |",
        f"| `{BASIL_FILE}` | JSONL: triplet_uuid, articles {{source: {{date, paragraphs "
        "[[sentence]], phrase_annotations [{id: p<k>, bias: lex/inf}]}}}} |",
        "",
        "TSV files are read with `csv.QUOTE_NONE` (sentences hold bare quotes). The originals "
        "are public on GitHub: MRPC `a389965626/Sick-`, STS-B "
        "`zhangzhenhu/Semantic-Texual-Similarity-Toolkits`, SICK `kkalouli/SICK-processing`, "
        "ECB+ `cltl/ECB-parser` and `cltl/ecbPlus`, BASIL `launchnlp/BASIL`. Their licences "
        "differ and some are non-commercial: use them to evaluate only.",
        "",
    ]
    return "\n".join(out)


def _findings(r: EvalReport) -> list[str]:
    """Sentences computed from the numbers (never hand-written claims about them)."""
    out = []
    for ev in (r.mrpc, r.ecb_pairs):
        if ev is None:
            continue
        product, base, *rest = ev.methods
        best = max(rest, key=lambda m: m.scores.balanced_accuracy)
        out.append(
            f"- {ev.name}: the product rule at {product.threshold} has balanced accuracy "
            f"{_x(product.scores.balanced_accuracy)}; the same rule with a cross-validated "
            f"threshold ({base.threshold}) {_x(base.scores.balanced_accuracy)}; the best other "
            f"score, {best.method.split(': ', 1)[-1]}, "
            f"{_x(best.scores.balanced_accuracy)}."
        )
    if r.stsb:
        top = max(r.stsb.methods, key=lambda m: m.spearman)
        out.append(
            f"- STS-B news: Spearman {_x(r.stsb.methods[0].spearman)} for the cosine; best is "
            f"{top.method.split(': ', 1)[-1]} at {_x(top.spearman)}."
        )
    if r.ecb_docs:
        ms = r.ecb_docs.methods
        one = next(m for m in ms if m.method == "reference: one group per subtopic")
        scored = [m for m in ms if not m.method.startswith("reference")]
        best_m = max(scored, key=lambda m: m.f)
        line = (
            f"- ECB+ documents: the best F is {_x(best_m.f)} ({best_m.method}), against "
            f"{_x(ms[0].f)} for the product at its default."
        )
        if one.f >= best_m.f:
            line += (
                f" Putting each subtopic in one group scores {_x(one.f)}, as well or better: "
                f"most annotated sentences belong to the subtopic's main event (purity of one "
                f"group {_x(one.purity)}), so F rewards lumping. Read purity (facts that mix "
                "events) and inverse purity (an event spread over facts) separately, and do "
                "not take this set's tuned threshold as a default."
            )
        out.append(line)
    if r.sick:
        kinds = ", ".join(
            f"{k} {tp} of {tp + fp} ({_x(_ratio(tp, tp + fp))})" for k, tp, fp in r.sick.kinds
        )
        if kinds:
            out.append(
                f"- SICK: share of flagged pairs that are contradictions, by conflict kind: "
                f"{kinds}."
            )
    if r.basil:
        b = r.basil
        base_lex = _ratio(b.statements_with_lex, b.statements)
        base_inf = _ratio(b.statements_with_inf, b.statements)
        lifts = [
            ("framing-fact statements", _ratio(b.framing_with_lex, b.framing_statements), base_lex),
            ("marked statements", _ratio(b.marked_with_lex, b.marked_statements), base_lex),
            ("unique-fact statements", _ratio(b.unique_with_inf, b.unique_statements), base_inf),
        ]
        out.append(
            "- BASIL: precision over base rate (1.0 = no better than chance): "
            + ", ".join(f"{name} {_ratio(p, q):.2f}x" for name, p, q in lifts)
            + "."
        )
    return out


def _failed(failures: Sequence[str], unit: str) -> list[str]:
    """A note on stories the product failed on (left out of the scores above)."""
    if not failures:
        return []
    return [
        f"**{len(failures)} {unit} failed in the product** and are left out of the scores "
        f"above; first error: `{_cell(failures[0])}`",
        "",
    ]


def _cell(text: str, limit: int | None = None) -> str:
    """Text for one table cell: pipes escaped, on one line, cut at ``limit`` characters."""
    if limit is not None and len(text) > limit:
        text = text[: limit - 1] + "…"
    return text.replace("|", "\\|").replace("\n", " ")


def _sample_rows(s: SampleSizes) -> list[tuple[str, int | None]]:
    return [(name, getattr(s, name)) for name in SampleSizes.__dataclass_fields__]
