"""Benchmarks of `factcheck check`: whole-process time and peak memory, cold and warm cache,
and the throughput of the embed stage. Prints a markdown table for docs/benchmarks.md.

    .venv/bin/python bench/run_bench.py [STORY_DIR] [--runs N]

Cold = an empty cache folder (every statement parsed and embedded); warm = the same folder
again (no model work). Each run is a fresh process, as a user would start it.

It also times a 48-source story made from the seed articles (:func:`_wire_story`): each
"outlet" runs one of the four articles with a fifth of its lines dropped and, for every
third one, its paragraphs moved, as papers do with a wire story. That exercises every stage
on real text at the scale the product promises (up to 50 sources).
"""

from __future__ import annotations

import argparse
import json
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
FACTCHECK = Path(sys.executable).with_name("factcheck")


def _measured(story: Path, cache: Path, out: Path) -> tuple[float, float]:
    """Wall seconds and peak RSS (MiB) of one `factcheck check` process, measured by a
    wrapper process so that the peak belongs to this run alone."""
    code = (
        "import resource,subprocess,sys,time;"
        "t=time.perf_counter();"
        "subprocess.run(sys.argv[1:],check=True);"
        "print(time.perf_counter()-t, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)"
    )
    cmd = [str(FACTCHECK), "check", str(story), "--out", str(out), "--cache-dir", str(cache), "-q"]
    res = subprocess.run(
        [sys.executable, "-c", code, *cmd], check=True, capture_output=True, text=True
    )
    wall, rss = res.stdout.split()
    return float(wall), int(rss) / 1024


def _embed_throughput(n: int) -> float:
    from factcheck.cache import Cache
    from factcheck.embed import SentenceTransformerEmbedder, embed_texts

    texts = [
        f"Statement number {i} says the company spent ${i}.5 billion on data centres."
        for i in range(n)
    ]
    embedder = SentenceTransformerEmbedder()
    embed_texts(["warm-up"], embedder=embedder, cache=Cache(None))  # load the model first
    start = time.perf_counter()
    embed_texts(texts, embedder=embedder, cache=Cache(None))
    return n / (time.perf_counter() - start)


def _wire_story(folder: Path, seed_story: Path, outlets: int = 48) -> Path:
    """A story of ``outlets`` edited copies of the seed articles (deterministic)."""
    import random

    rng = random.Random(3)
    originals = sorted(p for p in seed_story.iterdir() if p.suffix == ".txt")
    folder.mkdir(parents=True)
    for i in range(outlets):
        lines = originals[i % len(originals)].read_text(encoding="utf-8").splitlines()
        kept = [line for line in lines if rng.random() > 0.2]
        third = len(kept) // 3
        if i % 3 == 0:
            kept = kept[third : 2 * third] + kept[:third] + kept[2 * third :]
        (folder / f"outlet{i:02d}.txt").write_text("\n".join(kept) + "\n", encoding="utf-8")
    return folder


def _align_scaling(sources: int, per_source: int) -> float:
    """Seconds to align and classify a synthetic story (random unit vectors, 384 dims)."""
    import numpy as np

    from factcheck.align import align
    from factcheck.classify import classify
    from factcheck.types import Statement

    rng = np.random.default_rng(13)
    shared = rng.normal(size=(per_source, 384))
    statements, vectors = [], []
    for s in range(sources):
        for i in range(per_source):
            text = f"statement {i} of source {s}"
            statements.append(Statement(f"s{s:02d}:{i + 1}", f"s{s:02d}", i + 1, text, 0, 1, 1, 0))
            vectors.append(shared[i] + rng.normal(scale=0.6, size=384))
    matrix = np.asarray(vectors, dtype=np.float32)
    matrix /= np.linalg.norm(matrix, axis=1, keepdims=True)
    start = time.perf_counter()
    graph = align(statements, matrix, threshold=0.45, strong=0.8)
    classify(statements, graph, sources=sorted({st.source_id for st in statements}))
    return time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "story", nargs="?", type=Path, default=ROOT / "corpora/meta-superintelligence"
    )
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--embed-n", type=int, default=1000)
    args = parser.parse_args()

    cold, warm = [], []
    for _ in range(args.runs):
        with tempfile.TemporaryDirectory() as tmp:
            cache, out = Path(tmp) / "cache", Path(tmp) / "out"
            cold.append(_measured(args.story, cache, out))
            warm.append(_measured(args.story, cache, out))
            shutil.rmtree(cache)
    wire: list[tuple[float, float]] = []
    with tempfile.TemporaryDirectory() as tmp:
        story = _wire_story(Path(tmp) / "wire-48", args.story)
        cache, out = Path(tmp) / "cache", Path(tmp) / "out"
        wire.append(_measured(story, cache, out))
        wire.append(_measured(story, cache, out))
        summary = json.loads((out / "wire-48.json").read_text(encoding="utf-8"))["summary"]
    rate = _embed_throughput(args.embed_n)
    scaling = [(n, 60, _align_scaling(n, 60)) for n in (2, 10, 50)]

    def row(name: str, runs: list[tuple[float, float]]) -> str:
        walls = [w for w, _ in runs]
        rss = max(r for _, r in runs)
        return (
            f"| {name} | {statistics.median(walls):.2f} s | {min(walls):.2f}–{max(walls):.2f} s "
            f"| {rss:.0f} MiB |"
        )

    print(
        f"Date: {date.today()} · machine: {platform.machine()}, {platform.processor() or '?'}, "
        f"{_cpus()} CPUs · Python {platform.python_version()} · story: {args.story.name} · "
        f"runs: {args.runs}"
    )
    print()
    print("| run | median wall | range | peak RSS |")
    print("|---|---:|---:|---:|")
    print(row("cold cache", cold))
    print(row("warm cache", warm))
    print()
    print("| 48-source wire story from the seed (one run each) | wall | peak RSS |")
    print("|---|---:|---:|")
    print(f"| cold cache | {wire[0][0]:.2f} s | {wire[0][1]:.0f} MiB |")
    print(f"| warm cache | {wire[1][0]:.2f} s | {wire[1][1]:.0f} MiB |")
    print()
    cov = summary["coverage"]
    print(
        f"Wire story: {summary['statements']} statements in {summary['facts']} facts "
        f"({cov['consensus']} consensus, {cov['partial']} partial, {cov['unique']} unique)"
    )
    print()
    print(
        f"Embed stage: {rate:.0f} statements/s ({args.embed_n} statements, batch 32, model loaded)"
    )
    print()
    print("| align + classify (synthetic) | statements | seconds |")
    print("|---|---:|---:|")
    for n, per, secs in scaling:
        print(f"| {n} sources x {per} statements | {n * per} | {secs:.2f} |")


def _cpus() -> int:
    import os

    return len(os.sched_getaffinity(0))


if __name__ == "__main__":
    main()
