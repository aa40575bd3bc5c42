"""The machine-readable report: same content as the markdown, plus offsets and values.

Schema ``factcheck.report/1``. Deterministic: keys in a fixed order, floats rounded to 4
places (large ones to 6 significant digits), infinities as ``"inf"``, no timestamps.
"""

from __future__ import annotations

import json
from typing import Any

from factcheck import __version__
from factcheck.report import (
    REPORT_SCHEMA,
    independent_sources,
    source_labels,
    statement_counts,
)
from factcheck.types import CleanArticle, Label, StoryResult, Value

__all__ = ["render_json", "to_json"]


def _num(x: float | None) -> float | str | None:
    if x is None:
        return None
    if x in (float("inf"), float("-inf")):
        return "inf" if x > 0 else "-inf"
    return round(x, 4) if abs(x) < 1e6 else float(f"{x:.6g}")


def _value_json(v: Value) -> dict[str, Any]:
    return {
        "kind": str(v.kind),
        "text": v.text,
        "start": v.start,
        "end": v.end,
        "norm": v.norm,
        "low": _num(v.low),
        "high": _num(v.high),
        "unit": v.unit,
        "qualifier": v.qualifier,
        "resolved": v.resolved,
        "note": v.note,
    }


def _source_json(a: CleanArticle, label: str, n_statements: int) -> dict[str, Any]:
    m = a.meta
    return {
        "id": a.article.source_id,
        "label": label,
        "file": a.article.path.name,
        "format": str(a.article.format),
        "encoding": a.article.encoding,
        "outlet": m.outlet,
        "title": m.title,
        "url": m.url,
        "published": m.published,
        "updated": m.updated,
        "statements": n_statements,
        "removed": [
            {"line": r.line, "text": r.text, "reason": str(r.reason), "detail": r.detail}
            for r in a.removed
        ],
    }


def to_json(result: StoryResult) -> dict[str, Any]:
    """The machine-readable report: same content as the markdown, plus offsets and values."""
    labels = source_labels(result)
    counts = statement_counts(result)
    by_label = {str(label): 0 for label in Label}
    for f in result.facts:
        by_label[str(f.label)] += 1
    return {
        "schema": REPORT_SCHEMA,
        "story": result.name,
        "generator": {
            "factcheck": __version__,
            "model": result.model,
            "threshold": result.threshold,
        },
        "summary": {
            "sources": len(result.articles),
            "statements": len(result.statements),
            "facts": len(result.facts),
            "labels": by_label,
            "comparable": len(result.articles) >= 2,
            "independent_sources": independent_sources(result),
        },
        "sources": [
            _source_json(a, labels[a.article.source_id], counts[a.article.source_id])
            for a in result.articles
        ],
        "statements": [
            {
                "id": s.id,
                "source": s.source_id,
                "text": s.text,
                "start": s.start,
                "end": s.end,
                "line": s.line,
                "values": [_value_json(v) for v in s.values],
                "quotes": [
                    {
                        "text": q.text,
                        "start": q.start,
                        "end": q.end,
                        "speaker": q.speaker,
                        "verb": q.verb,
                    }
                    for q in s.quotes
                ],
            }
            for s in result.statements
        ],
        "facts": [
            {
                "id": f.id,
                "label": str(f.label),
                "coverage": str(f.coverage),
                "sources": list(f.source_ids),
                "statements": list(f.statement_ids),
                "similarity": _num(f.similarity),
                "independent": f.independent or len(f.source_ids),
                "conflicts": [
                    {
                        "kind": str(c.kind),
                        "a": c.a,
                        "b": c.b,
                        "value_a": c.value_a,
                        "value_b": c.value_b,
                        "confidence": c.confidence,
                        "reason": c.reason,
                    }
                    for c in f.conflicts
                ],
                "framing": [
                    {
                        "kind": str(n.kind),
                        "marked": list(n.marked),
                        "words": [list(w) for w in n.words],
                        "unmarked": list(n.unmarked),
                        "explanation": n.explanation,
                        "diff": n.diff,
                        "diff_against": n.diff_against,
                    }
                    for n in f.framing
                ],
            }
            for f in result.facts
        ],
        "profiles": [
            {
                "source": p.source_id,
                "statements": p.statements,
                "hedging": p.hedging,
                "tone": p.tone,
                "attributed": p.attributed,
                "lead": list(p.lead),
                "lead_elsewhere": list(p.lead_elsewhere),
            }
            for p in result.profiles
        ],
        "derivations": [
            {
                "derived": d.derived,
                "original": d.original,
                "kind": str(d.kind),
                "score": _num(d.score),
                "order": _num(d.order),
                "coverage": _num(d.coverage),
                "shared_ngrams": d.shared_ngrams,
                "why_original": d.why_original,
            }
            for d in result.derivations
        ],
        "quotes": [
            {
                "kind": str(q.kind),
                "a": q.a,
                "b": q.b,
                "speaker_a": q.speaker_a,
                "speaker_b": q.speaker_b,
                "text_a": q.text_a,
                "text_b": q.text_b,
                "diff": q.diff,
                "explanation": q.explanation,
            }
            for q in result.quotes
        ],
        "failures": [{"file": f.path.name, "problem": f.problem} for f in result.failures],
    }


def render_json(result: StoryResult) -> str:
    return json.dumps(to_json(result), indent=2, ensure_ascii=False, sort_keys=False) + "\n"
