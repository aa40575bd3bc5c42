"""Conflicts between two aligned statements, found by comparing typed values.

Embeddings cannot see contradictions ("$14.3B" and "$2B" in the same sentence score 0.93),
so conflicts come from the typed values of :mod:`factcheck.extract`, and only between
statements the aligner already put in one fact.

Value rule: for one kind of value (money; percent; quantity of one dimension; count of one
noun; date), the two statements conflict when *each* has a value that no comparable value
of the other is compatible with. One-sided extra detail ("$14.3bn, and $2bn on chips" vs
"$14.3bn") is not a conflict; a missing value is not a conflict; an unresolved relative
date is not a conflict.

Confidence grows with the alignment similarity and with the gap between the values.
"""

from __future__ import annotations

import math
from collections.abc import Sequence

from factcheck.extract import comparable, compatible
from factcheck.types import Conflict, ConflictKind, Statement, Value, ValueKind

__all__ = ["find_conflicts"]

_NUMERIC_ORDER = (
    ValueKind.MONEY,
    ValueKind.PERCENT,
    ValueKind.QUANTITY,
    ValueKind.COUNT,
    ValueKind.DATE,
)


def _unmatched(mine: Sequence[Value], theirs: Sequence[Value]) -> list[Value]:
    """Values of ``mine`` that have comparable partners in ``theirs`` but no compatible one."""
    out = []
    for v in mine:
        partners = [w for w in theirs if comparable(v, w)]
        if partners and not any(compatible(v, w) for w in partners):
            out.append(v)
    return out


def _gap(a: Value, b: Value) -> float:
    """How far apart two intervals are, in [0, 1]: 0 when touching, 1 when far apart."""
    if a.low is None or a.high is None or b.low is None or b.high is None:
        return 0.0
    distance = max(b.low - a.high, a.low - b.high, 0.0)
    if a.kind is ValueKind.DATE:
        return min(1.0, distance / 31.0)  # a month apart counts as far
    finite = [abs(x) for x in (a.low, a.high, b.low, b.high) if math.isfinite(x)]
    scale = max(finite, default=0.0)
    return min(1.0, distance / scale) if scale > 0 and math.isfinite(distance) else 0.0


def _describe(v: Value) -> str:
    return v.text if v.text == v.norm else f"{v.text} ({v.norm})"


def find_conflicts(a: Statement, b: Statement, *, similarity: float) -> list[Conflict]:
    """Conflicts between two aligned statements of different sources, at most one per kind."""
    out: list[Conflict] = []
    for kind in _NUMERIC_ORDER:
        va = [v for v in a.values if v.kind is kind and v.resolved]
        vb = [v for v in b.values if v.kind is kind and v.resolved]
        if not va or not vb:
            continue
        ua, ub = _unmatched(va, vb), _unmatched(vb, va)
        if not ua or not ub:
            continue
        x, y = ua[0], next((w for w in ub if comparable(ua[0], w)), ub[0])
        gap = _gap(x, y)
        confidence = round(min(1.0, max(0.0, similarity)) * (0.7 + 0.3 * gap), 2)
        noun = "date" if kind is ValueKind.DATE else str(kind)
        out.append(
            Conflict(
                kind=ConflictKind.DATE if kind is ValueKind.DATE else ConflictKind.VALUE,
                a=a.id,
                b=b.id,
                value_a=x.text,
                value_b=y.text,
                confidence=confidence,
                reason=f"{noun} {_describe(x)} does not match {_describe(y)}, "
                f"even allowing for rounding",
            )
        )
    return out
