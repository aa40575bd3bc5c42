"""The machine-readable report: same content as the markdown, plus offsets and values.

Schema ``factcheck.report/1``. Deterministic: keys in a fixed order, no timestamps, and every
float written one way (:func:`_num`): rounded to 4 places (large ones to 6 significant
digits), always as a JSON float (``0.0``, never ``0``).

Offsets are Python string indices, end-exclusive. A statement's ``start``/``end`` index the
file's text (newlines normalised; for HTML, trafilatura's extracted text). A value's or a
quote's ``start``/``end`` index its statement's ``text`` (``text[start:end]`` is the value),
not the file: the cleaner may squeeze spaces or drop markup inside a sentence, so adding
the statement's ``start`` gives a file position only where the two texts are the same.

A value's interval is ``low``/``high``; ``null`` on one side of a number means unbounded on
that side ("more than $14 billion": ``high`` is null), both null means no interval (an
entity, or a date that could not be resolved).

Facts come in the markdown's order (:func:`factcheck.ids.report_order`: label, number of
sources, fact ID), so moving an article's paragraphs does not reorder them. A fact's
``representative`` is the statement the markdown shows it by
(:func:`factcheck.report.representative`), so ``factcheck diff`` names it the same way.
Sources and statements keep their ID order, and conflicts their ``a``/``b`` as the
classifier gave them (in content order). A derivation carries every field of
:class:`~factcheck.types.Derivation`, so a new measure or piece of evidence reaches the JSON
as it is named. A profile's ``lead_elsewhere`` has, for each fact of its ``lead``, where
every other source states it: ``{"source", "index"}``, ``index`` being that source's
first statement of the fact (null: it omits it), as the markdown's "Leads with" says.
"""

from __future__ import annotations

import json
import math
from dataclasses import fields
from enum import Enum
from typing import Any

from factcheck import __version__
from factcheck.filenames import printable
from factcheck.ids import report_order
from factcheck.report import (
    REPORT_SCHEMA,
    coverage_counts,
    independent_sources,
    issue_counts,
    lead_places,
    model_name,
    representative,
    source_labels,
    statement_counts,
)
from factcheck.types import CleanArticle, Derivation, Fact, Label, SourceProfile, StoryResult, Value

__all__ = ["render_json", "to_json"]


def _num(x: float | None) -> float | None:
    """Every float of the report goes through here: a JSON float rounded one way, and
    ``None`` (``null``) for a missing or unbounded (infinite or NaN) value."""
    if x is None or not math.isfinite(x):
        return None
    x = float(x)  # an int or a bool (a mean of flags) is written as a float too
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
        "role": str(v.role),
    }


def _plain(x: object) -> Any:
    """A record field as JSON: enums as their text, floats through :func:`_num`, tuples
    as lists; ints, bools, strings and None as they are."""
    if isinstance(x, Enum):
        return str(x.value)
    if isinstance(x, bool | int | str) or x is None:
        return x
    if isinstance(x, float):
        return _num(x)
    if isinstance(x, tuple | list):
        return [_plain(v) for v in x]
    return str(x)


#: The first keys of a derivation, in this order; any other field of
#: :class:`~factcheck.types.Derivation` follows, in its order, so a new one (a measure,
#: evidence) reaches the JSON without a change here.
_DERIVATION_KEYS = (
    "derived", "original", "kind", "score", "order", "coverage", "shared_ngrams",
    "shared_phrases", "why_original",
)  # fmt: skip


def _derivation_json(d: Derivation) -> dict[str, Any]:
    names = [f.name for f in fields(d)]
    ordered = [k for k in _DERIVATION_KEYS if k in names] + [
        n for n in names if n not in _DERIVATION_KEYS
    ]
    return {name: _plain(getattr(d, name)) for name in ordered}


def _source_json(a: CleanArticle, label: str, n_statements: int) -> dict[str, Any]:
    m = a.meta
    return {
        "id": a.article.source_id,
        "label": label,
        "file": printable(a.article.path.name),
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


def _lead_json(p: SourceProfile, result: StoryResult) -> list[list[dict[str, Any]]]:
    return [
        [{"source": sid, "index": n} for sid, n in lead.places] for lead in lead_places(p, result)
    ]


def _representative(f: Fact, texts: dict[str, str], result: StoryResult) -> str:
    return representative({sid: texts[sid] for sid in f.statement_ids}, result.graph)


def to_json(result: StoryResult) -> dict[str, Any]:
    """The machine-readable report: same content as the markdown, plus offsets and values."""
    labels = source_labels(result)
    counts = statement_counts(result)
    texts = {s.id: s.text for s in result.statements}
    by_label = {str(label): 0 for label in Label}
    for f in result.facts:
        by_label[str(f.label)] += 1
    return {
        "schema": REPORT_SCHEMA,
        "story": result.name,
        "generator": {
            "factcheck": __version__,
            "model": model_name(result.model),
            "threshold": _num(result.threshold),
        },
        "summary": {
            "sources": len(result.articles),
            "statements": len(result.statements),
            "facts": len(result.facts),
            "labels": by_label,
            "coverage": coverage_counts(result),
            "issues": {k.replace(" ", "_"): n for k, n in issue_counts(result).items()},
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
                "representative": _representative(f, texts, result),
                "similarity": _num(f.similarity),
                "independent": f.independent,
                "echoes": list(f.echoes),
                "conflicts": [
                    {
                        "kind": str(c.kind),
                        "a": c.a,
                        "b": c.b,
                        "value_a": c.value_a,
                        "value_b": c.value_b,
                        "confidence": _num(c.confidence),
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
            for f in report_order(result.facts)
        ],
        "profiles": [
            {
                "source": p.source_id,
                "statements": p.statements,
                "hedging": _num(p.hedging),
                "tone": _num(p.tone),
                "attributed": _num(p.attributed),
                "lead": list(p.lead),
                "lead_elsewhere": _lead_json(p, result),
            }
            for p in result.profiles
        ],
        "derivations": [_derivation_json(d) for d in result.derivations],
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
        "failures": [
            {"file": printable(f.path.name), "problem": f.problem} for f in result.failures
        ],
    }


def render_json(result: StoryResult) -> str:
    return json.dumps(to_json(result), indent=2, ensure_ascii=False, sort_keys=False) + "\n"
